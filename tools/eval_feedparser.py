#!/usr/bin/env python3
"""Score the feed importer on feedparser's own test suite.

feedparser's test files (``tests/wellformed/**`` and ``tests/encoding/*``) each start with a
comment holding an ``Expect:`` line, a Python expression over feedparser's result. This script
imports each file with ``edicola import --dry-run --json FILE``, builds from Edicola's articles the
part of a feedparser result that a terminal reader can show (entry titles, links, ids, summaries,
content, authors, categories, dates, and the feed title that articles carry as their source), and
evaluates the expression against it. An expression that reads anything else (``guidislink``,
``title_detail['type']``, ``enclosures``, iTunes flags, feed-level fields no article carries, or
``bozo`` being true) is counted as not showable. Text is compared as a reader shows it: tags
stripped, entities decoded, whitespace collapsed.

Get the suite with the library's ``fetch`` tool (``github:kurtmckee/feedparser``, a bare git
directory) or any checkout, and point ``--suite`` at its ``tests`` folder or at the git directory:

    python3 tools/eval_feedparser.py --suite /work/.mirror/kurtmckee+feedparser/repo [-v] [--fail]

Standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("wellformed/rss", "wellformed/atom", "wellformed/atom10", "wellformed/rdf",
           "wellformed/itunes", "wellformed/media-rss", "wellformed/lang", "wellformed/base",
           "wellformed/amp", "wellformed/namespace", "wellformed/node_precedence",
           "wellformed/xml", "wellformed/sgml", "encoding")


class NotShown(Exception):
    """The expectation reads something a reader does not show."""


def shown(value: str) -> str:
    """feedparser's (sanitised HTML) value as a reader shows it: tags
    dropped, references resolved once, whitespace collapsed."""
    text = re.sub(r"<[^>]*>", " ", value)
    return " ".join(html.unescape(text).split())


class Text(str):
    """Edicola's plain text, equal to a feedparser value that shows as it."""

    def __eq__(self, other):  # noqa: D105
        if isinstance(other, str):
            # feedparser keeps `type="text"` values literal and others as
            # HTML: either reading of its value may be the one shown.
            ours = " ".join(self.split())
            return ours in (shown(other), " ".join(other.split()))
        return NotImplemented

    def __ne__(self, other):  # noqa: D105
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


class Shown(dict):
    """A dict whose missing keys are things a reader does not show."""

    def __init__(self, values: dict, known: set[str]):
        super().__init__(values)
        self.known = known

    def __getitem__(self, key):
        if key not in self:
            if key in self.known:
                raise KeyError(key)
            raise NotShown(key)
        return super().__getitem__(key)

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        return self[key]

    def get(self, key, default=None):
        if key not in self and key not in self.known:
            raise NotShown(key)
        return super().get(key, default)

    def __contains__(self, key):
        if key not in self.known and not dict.__contains__(self, key):
            raise NotShown(key)
        return dict.__contains__(self, key)


ENTRY_KEYS = {"title", "link", "id", "summary", "description", "content", "author",
              "author_detail", "authors", "tags", "category", "published_parsed",
              "updated_parsed", "created_parsed", "title_detail", "summary_detail"}
FEED_KEYS = {"title", "title_detail"}
INNER_KEYS = {"value", "name", "term"}


def reads_only_shown(expr: str) -> str | None:
    """The first key the expression reads that no reader shows, if any."""
    # Subscripts become attributes, then string literals are blanked, so
    # that only the keys read are left to look at.
    code = re.sub(r"\[\s*(['\"])(\w+)\1\s*\]", r".\2", expr)
    strings = r"'''.*?'''" + r'|""".*?"""' + r"|'(?:[^'\\]|\\.)*'" + r'|"(?:[^"\\]|\\.)*"'
    code = re.sub(strings, "''", code)
    for key in re.findall(r"\.([A-Za-z_]\w*)", code):
        if key not in ENTRY_KEYS | FEED_KEYS | INNER_KEYS:
            return key
    return None


def when(stamp):
    """An RFC 3339 time (as `--json` prints it) as feedparser's struct_time."""
    if not stamp:
        return None
    import calendar
    from datetime import datetime
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return time.gmtime(calendar.timegm(moment.utctimetuple()))


def entry(article: dict) -> Shown:
    values = {}
    title = article.get("title") or ""
    if title:
        values["title"] = Text(title)
        values["title_detail"] = Shown({"value": Text(title)}, {"value"})
    if article.get("url"):
        values["link"] = Text(article["url"])
    if article.get("guid"):
        values["id"] = Text(article["guid"])
    body = "\n".join(article.get("body") or [])
    summary = article.get("standfirst") or body
    # An item whose description holds nothing to read (only a drawing)
    # shows an empty one, as feedparser's value with its tags dropped.
    values["summary"] = values["description"] = Text(summary)
    values["summary_detail"] = Shown({"value": Text(summary)}, {"value"})
    if body:
        values["content"] = [Shown({"value": Text(body)}, {"value"})]
    # `authors` and `categories` list every one (older builds: absent).
    names = article.get("authors") or ([article["byline"]] if article.get("byline") else [])
    if names:
        values["author"] = Text(names[0])
        values["author_detail"] = Shown({"name": Text(names[0])}, {"name"})
        values["authors"] = [Shown({"name": Text(n)}, {"name"}) for n in names]
    terms = article.get("categories") or ([article["category"]] if article.get("category") else [])
    if terms:
        values["category"] = Text(terms[0])
        values["tags"] = [Shown({"term": Text(t)}, {"term"}) for t in terms]
    published = when(article.get("published"))
    if published is not None:
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            values[key] = published
    return Shown(values, ENTRY_KEYS)


def result(articles: list) -> dict:
    feed = {}
    if articles and articles[0].get("source"):
        source = Text(articles[0]["source"])
        feed = {"title": source, "title_detail": Shown({"value": source}, {"value"})}
    return {
        "feed": Shown(feed, FEED_KEYS if articles else set()),
        "entries": [entry(a) for a in articles],
        "bozo": False,
        "u": lambda s, *a: s,
    }


def expectation(text: str) -> str | None:
    m = re.search(r"^Expect:\s*(.+?)\s*$", text, re.M)
    return m.group(1) if m else None


PORT = 8097  # the address feedparser's `http_*` expectations name


class Served:
    """feedparser's `http_*` tests read their feed over HTTP, with the response headers
    their `Header:` lines give (`Content-Location`, `Content-Type`...): a local server on
    the port their expectations name serves them so."""

    def __init__(self):
        import http.server
        import threading
        self.files: dict[str, tuple[list[tuple[str, str]], bytes]] = {}
        files = self.files

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                headers, body = files.get(self.path, ([], b""))
                self.send_response(200 if body else 404)
                names = {k.lower() for k, _ in headers}
                if "content-type" not in names:
                    self.send_header("Content-Type", "application/xml")
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name: str, path: Path) -> str:
        data = path.read_bytes()
        comment = data.split(b"-->", 1)[0].decode("latin-1")
        headers = [tuple(h.split(":", 1)) for h in re.findall(r"^Header:\s*(.+?)\s*$", comment, re.M)]
        key = "/" + name.replace("/", "__")
        self.files[key] = ([(k.strip(), v.strip()) for k, v in headers], data)
        return f"http://127.0.0.1:{PORT}{key}"


SERVED: Served | None = None


def run(binary: Path, path: Path, name: str = "") -> list | None:
    global SERVED
    target = str(path)
    if name.rsplit("/", 1)[-1].startswith("http_"):
        SERVED = SERVED or Served()
        target = SERVED.url(name, path)
    with tempfile.TemporaryDirectory() as data:
        proc = subprocess.run([str(binary), "--data", data, "import", "--dry-run", "--json",
                               target], capture_output=True, timeout=60)
    if proc.returncode != 0 or not proc.stdout.strip():
        return None
    return json.loads(proc.stdout)


def files(suite: Path, scratch: Path):
    """(name, path) of each test file, from a checkout or a bare git directory."""
    tests = suite / "tests"
    if tests.is_dir():
        for folder in FOLDERS:
            for path in sorted((tests / folder).rglob("*.xml")):
                yield str(path.relative_to(tests)), path
        return
    listing = subprocess.run(["git", "--git-dir", str(suite), "ls-tree", "-r", "--name-only",
                              "HEAD", "tests"], capture_output=True, text=True, check=True)
    for name in listing.stdout.split():
        rel = name[len("tests/"):]
        if not rel.endswith(".xml") or not any(rel.startswith(f + "/") for f in FOLDERS):
            continue
        blob = subprocess.run(["git", "--git-dir", str(suite), "show", f"HEAD:{name}"],
                              capture_output=True, check=True).stdout
        path = scratch / rel.replace("/", "__")
        path.write_bytes(blob)
        yield rel, path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", type=Path, required=True)
    parser.add_argument("--bin", type=Path, default=REPO_ROOT / "target/release/edicola")
    parser.add_argument("-v", action="store_true", help="print every file's outcome")
    parser.add_argument("--fail", action="store_true", help="print the failures")
    args = parser.parse_args()
    counts = {"pass": 0, "fail": 0, "not shown": 0}
    by_folder: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, path in files(args.suite, Path(scratch)):
            expect = expectation(path.read_text(encoding="latin-1"))
            if expect is None:
                continue
            expr = re.sub(r"^not bozo and ", "", expect)
            hidden = reads_only_shown(expr)
            if re.search(r"\bbozo\b", expr):
                outcome, why = "not shown", "bozo"
            elif hidden:
                outcome, why = "not shown", hidden
            else:
                articles = run(args.bin, path, name)
                try:
                    names = {"__builtins__": {"len": len, "ord": ord, "time": time}}
                    ok = bool(eval(expr, names, result(articles or [])))  # noqa: S307
                    outcome, why = ("pass" if ok else "fail"), ""
                except NotShown as e:
                    outcome, why = "not shown", str(e)
                except NameError as e:
                    # `encoding`, `version`, `headers`...: what the parser
                    # found out, not what a reader shows.
                    outcome, why = "not shown", str(e)
                except (KeyError, IndexError, TypeError, AttributeError, NameError) as e:
                    outcome, why = "fail", f"{type(e).__name__}: {e}"
            counts[outcome] += 1
            folder = name.rsplit("/", 1)[0]
            tally = by_folder.setdefault(folder, [0, 0])
            if outcome != "not shown":
                tally[1] += 1
                tally[0] += outcome == "pass"
            if args.v or (args.fail and outcome == "fail"):
                print(f"{outcome:9} {name}  {expect}  {why}")
    shown = counts["pass"] + counts["fail"]
    for folder, (ok, total) in sorted(by_folder.items()):
        if total:
            print(f"{folder:28} {ok}/{total}")
    print(f"showable: {shown}, pass {counts['pass']} ({counts['pass'] / max(shown, 1):.1%}), "
          f"not shown {counts['not shown']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
