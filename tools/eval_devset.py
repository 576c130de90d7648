#!/usr/bin/env python3
"""Score the importers on the development set (../shared/devset beside the repo).

Runs ``target/release/edicola import --dry-run --json FILE`` on each devset file and scores,
following shared/devset/README.md:

* html/: title (normalised equality or containment) and body token F1 against the text of
  expected.html (tags stripped with html.parser; tokens are ``\\w+`` casefolded, CJK one per
  character); mean F1 and the worst 5 pages;
* txt/: the text-page checks of tools/eval_textpages.py (imported, not copied);
* feeds/: detected format, item count and first item title against feeds/INDEX.tsv.

Standard library only. Example:

    python3 tools/eval_devset.py [--devset PATH] [--bin target/release/edicola] [-v]

``--trafilatura`` also scores trafilatura (``pip install trafilatura lxml_html_clean`` in a
virtual environment, and run this script with that environment's python) on the same pages with
the same tokens, for a comparison in one run.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# Beside the checkout, or beside the folder of worktrees.
DEFAULT_DEVSET = next((d for d in (REPO_ROOT.parent / "shared" / "devset",
                                   REPO_ROOT.parent.parent / "shared" / "devset") if d.is_dir()),
                      REPO_ROOT.parent / "shared" / "devset")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_textpages  # noqa: E402

norm = eval_textpages.norm
title_ok = eval_textpages.title_ok

CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")
SKIP_TAGS = {"script", "style", "noscript", "template"}
BLOCK_TAGS = {"p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br",
              "tr", "td", "th", "pre", "blockquote", "figcaption", "dd", "dt", "table", "ul", "ol"}


class TextOf(HTMLParser):
    """The visible text of an HTML fragment, with block boundaries as spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(src: str) -> str:
    parser = TextOf()
    parser.feed(src)
    parser.close()
    return "".join(parser.parts)


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for tok in re.findall(r"\w+", text):
        if CJK.search(tok):
            out.extend(ch.casefold() for ch in tok if not ch.isspace())
        else:
            out.append(tok.casefold())
    return out


def f1(out: list[str], ref: list[str]) -> float:
    if not out or not ref:
        return 0.0
    common = sum((Counter(out) & Counter(ref)).values())
    if not common:
        return 0.0
    p, r = common / len(out), common / len(ref)
    return 2 * p * r / (p + r)


def run(binary: str, file: Path, timeout: float) -> tuple[list | None, str, str]:
    """The JSON list printed, stderr, and an error message when there is no list."""
    try:
        proc = subprocess.run([binary, "import", "--dry-run", "--json", str(file)], cwd=REPO_ROOT,
                              capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, "", f"cannot run: {exc}"
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        lines = proc.stderr.strip().splitlines()
        return None, proc.stderr, lines[0] if lines else f"exit {proc.returncode}"
    return (data if isinstance(data, list) else None), proc.stderr, ""


def eval_html(args) -> None:
    root = args.devset / "html"
    pages = sorted(p for p in root.iterdir() if (p / "source.html").exists())
    scores: list[tuple[float, str]] = []
    theirs: list[float] = []
    n_title = 0
    for page in pages:
        if args.trafilatura:
            import trafilatura  # noqa: PLC0415 (only with --trafilatura)
            source = (page / "source.html").read_bytes()
            text = trafilatura.extract(source, output_format="txt") or ""
            ref_t = tokens(html_text((page / "expected.html").read_text(encoding="utf-8")))
            theirs.append(f1(tokens(text), ref_t))
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        ref = tokens(html_text((page / "expected.html").read_text(encoding="utf-8")))
        data, _, error = run(args.bin, page / "source.html", args.timeout)
        if not data:
            print(f"  {page.name:28} ERROR {error}")
            scores.append((0.0, page.name))
            continue
        art = data[0]
        got = tokens(" ".join(art.get("body") or []))
        score = f1(got, ref)
        ok = title_ok(art.get("title") or "", meta.get("title") or "")
        n_title += ok
        scores.append((score, page.name))
        if args.verbose:
            if theirs:
                print(f"  {page.name:28} trafilatura F1 {theirs[-1]:.3f}")
            print(f"  {page.name:28} F1 {score:.3f} title {'ok ' if ok else 'BAD'} "
                  f"got {art.get('title')!r}" + ("" if ok else f" want {meta.get('title')!r}"))
    mean = sum(s for s, _ in scores) / max(len(scores), 1)
    worst = ", ".join(f"{name} {s:.2f}" for s, name in sorted(scores)[:5])
    print(f"html: titles {n_title}/{len(pages)}  mean body F1 {mean:.3f}")
    print(f"html: worst 5: {worst}")
    if theirs:
        print(f"html: trafilatura {__import__('trafilatura').__version__}, same pages: "
              f"mean body F1 {sum(theirs) / len(theirs):.3f}")


def eval_txt(args) -> None:
    cmd = f"{args.bin} import --dry-run --json {{file}}"
    argv = [sys.argv[0], "--cmd", cmd, "--devset", str(args.devset)]
    saved, sys.argv = sys.argv, argv
    try:
        eval_textpages.main()
    finally:
        sys.argv = saved


def eval_feeds(args) -> None:
    root = args.devset / "feeds"
    with open(root / "INDEX.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    right = 0
    for row in rows:
        data, stderr, error = run(args.bin, root / row["file"], args.timeout)
        want_format = re.match(r"[a-z]+", row["format"]).group(0)
        m = re.search(r": (\w+), (\d+) articles?\b", stderr)
        got_format = m.group(1) if m else "none"
        count = len(data) if data is not None else 0
        want_count = int(row["item_count"] or 0)
        want_title = row["first_item_title"]
        got_title = (data[0].get("title") or "") if data else ""
        described = want_title.startswith("(")
        title_right = described or norm(got_title) == norm(want_title)
        note = row.get("note", "")
        rejected = not count and "edicola:" in stderr
        if row["format"] == "none":
            ok = rejected and "empty" in stderr
        elif note.startswith(("MALFORMED", "EDGE")):
            ok = rejected or (count == want_count and title_right)
        else:
            ok = got_format == want_format and count == want_count and title_right
        right += ok
        if args.verbose or not ok:
            print(f"  {'ok ' if ok else 'BAD'} {row['file']:45} {got_format}/{want_format} "
                  f"{count}/{want_count} {got_title[:50]!r}" + (f" [{stderr.strip().splitlines()[0]}]" if rejected else ""))
    print(f"feeds read right: {right}/{len(rows)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("--bin", default=str(REPO_ROOT / "target" / "release" / "edicola"))
    ap.add_argument("--only", choices=["html", "txt", "feeds"], action="append")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--trafilatura", action="store_true",
                    help="also score trafilatura on the HTML pages (needs it installed)")
    args = ap.parse_args()
    parts = args.only or ["html", "txt", "feeds"]
    if "html" in parts:
        eval_html(args)
    if "txt" in parts:
        eval_txt(args)
    if "feeds" in parts:
        eval_feeds(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
