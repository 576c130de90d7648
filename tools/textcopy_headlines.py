"""Pages of trafilatura's evaluation set whose headline is certain, for tools/eval_textcopies.py.

trafilatura (``github:adbar/trafilatura``) keeps about 990 real pages in ``tests/eval`` and
``tests/cache``, listed in ``tests/evaldata.json`` with snippets of text the article must hold.
Nobody wrote down their titles, so a page is kept only when two independent statements of its
headline agree: a ``<h1>`` element's text and the page's ``og:title`` (or ``twitter:title``, or
``<title>``), equal once spaces, case and punctuation are ignored, or the metadata title being
the ``<h1>`` followed by a separator and a site name ("Headline | Site", "Headline - Site").
The ``<h1>`` text is the expected title. About half of the pages qualify; the others (no
``<h1>``, a logo in it, a metadata title worded differently) are left out rather than guessed.

The snippets the article must hold are joined as the expected opening, scored as recall.

Standard library only.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

EVALDATA = "tests/evaldata.json"
SEPARATORS = ("|", "-", "–", "—", ":", "·", "•", "»", "/")


class _H1(HTMLParser):
    """The text of each ``<h1>`` element, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "h1":
            self.depth += 1
            if self.depth == 1:
                self.texts.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag == "h1" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.texts[-1] += data


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _metadata_titles(src: str) -> list[str]:
    found = []
    for tag in re.finditer(r"<meta\b[^>]*>", src, re.I):
        name = re.search(r"(?:property|name)\s*=\s*[\"']([^\"']+)", tag.group(0), re.I)
        value = re.search(r"content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag.group(0), re.I)
        if name and value and name.group(1).lower() in ("og:title", "twitter:title"):
            found.append(html.unescape(value.group(1) or value.group(2) or ""))
    title = re.search(r"<title[^>]*>(.*?)</title>", src, re.I | re.S)
    if title:
        found.append(html.unescape(title.group(1)))
    return [" ".join(t.split()) for t in found if t.strip()]


def agreed_headline(src: str) -> str | None:
    """The ``<h1>`` text that a metadata title confirms, if one does."""
    parser = _H1()
    try:
        parser.feed(src)
        parser.close()
    except Exception:  # noqa: BLE001 (a malformed page simply has no certain headline)
        return None
    heads = [" ".join(t.replace("\u00ad", "").split()) for t in parser.texts]
    heads = [h for h in heads if len(_key(h)) >= 8]
    for meta in _metadata_titles(src):
        for head in heads:
            if _key(meta) == _key(head):
                return head
            if meta.casefold().startswith(head.casefold()):
                rest = meta[len(head):].strip()
                if rest[:1] in SEPARATORS:
                    return head
    return None


def _decode(raw: bytes) -> str:
    for enc in ("utf-8", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _tests_folder(repo: Path, scratch: Path) -> Path:
    for cand in (repo / "tests", repo):
        if (cand / "evaldata.json").is_file():
            return cand
    if not ((repo / "HEAD").is_file() and (repo / "objects").is_dir()):
        raise SystemExit(f"eval_textcopies: {repo}: no {EVALDATA} here and not a git directory")
    git = ["git", "--git-dir", str(repo)]
    scratch.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(git + ["archive", "HEAD", EVALDATA, "tests/eval", "tests/cache"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "x", "-C", str(scratch)], input=archive, check=True)
    return scratch / "tests"


def pages(repo: Path, scratch: Path, half: str = "all") -> list[tuple[str, Path, str, str]]:
    """(name, page, expected title, expected opening) for every page with a certain headline.

    ``half`` keeps every page ("all"), or the pages at even ("dev") or odd ("check") places of
    the list sorted by name: rules are written looking at one half and checked on the other.
    """
    tests = _tests_folder(repo, scratch)
    data = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    found = []
    for entry in data.values():
        name = entry.get("file") or ""
        path = next((p for p in (tests / "eval" / name, tests / "cache" / name) if p.is_file()),
                    None)
        if path is None:
            continue
        head = agreed_headline(_decode(path.read_bytes()))
        if head:
            found.append((Path(name).stem, path, head, " ".join(entry.get("with") or [])))
    found.sort()
    if half == "all":
        return found
    return found[0 if half == "dev" else 1::2]
