#!/usr/bin/env python3
"""Score the feed importer on gofeed's test data (what a terminal reader shows).

gofeed (github.com/mmcdole/gofeed, MIT licence) keeps RSS, Atom and JSON Feed test files under
``testdata/``, most with the JSON its parser is expected to produce next to them:

- ``translator/{rss,atom}/NAME.xml`` + ``NAME.json`` and ``extensions/*/NAME.xml`` + ``NAME.json``:
  gofeed's universal feed (``items[]`` with ``title``, ``link``, ``publishedParsed``,
  ``updatedParsed``, ``author.name``, ``content``, ``description``);
- ``translator/json/NAME.json`` + ``NAME_expected.json``: the same for JSON Feed;
- ``parser/rss/NAME.xml`` + ``NAME.json``: gofeed's RSS model (``items[]`` with ``title``,
  ``link``, ``pubDateParsed``, ``author`` as written, ``content``, ``description``);
- ``parser/atom/NAME.xml`` + ``NAME.json``: its Atom model (``entries[]`` with ``title``,
  ``links[]``, ``publishedParsed``, ``updatedParsed``, ``authors[].name``, ``content.value``,
  ``summary``);
- ``parser/json/NAME.json`` + ``NAME_expected.json``: its JSON Feed model.

``parser/universal`` has no expected output and is not read. The date cases of
``internal/shared/dateparser_test.go`` (a date string and the UTC time it means) are imported
as the ``pubDate`` of one RSS item each and scored apart ("dates").

Each feed is imported with ``edicola --data TMPDIR import --dry-run --json FILE`` and each
expected item is compared with the article at the same position, on what a reader shows:

- title: equal after collapsing whitespace (tags stripped, entities decoded);
- link: equal, ignoring a trailing slash;
- date: the publication date (else the update date) to the second, UTC;
- author: the expected name is one of the article's authors (an ``author`` written as
  ``mail (Name)`` or ``Name <mail>`` in gofeed's RSS model is read as ``Name``);
- body: the expected content (else description/summary), tags stripped and whitespace
  collapsed, matches the article's text (body, or standfirst and body) with token F1 >= 0.9.

Only the fields an expectation sets are checked: an empty or absent field is not a claim that
a reader shows nothing (Edicola may take a title from the body or a link from a permalink guid).
Not checked, because a reader does not show them or they are gofeed's internal fields:
``guid``/``id``, ``extensions``, ``dcExt``/``itunesExt`` as such (their effect on title, author,
date and text is checked through the universal model), categories, enclosures, images,
``source``, ``rights``, ``contributors``, ``comments``, raw date strings, link ``rel``/``type``,
content ``type``, and any feed-level field. An item with none of the checked fields set counts
as "nothing shown" and is neither a pass nor a failure; a file passes when all its checked items
pass and it has at least one.

With ``--rss-parser DIR`` (a checkout or bare git directory of rss-parser,
github.com/rbren/rss-parser, MIT licence), its ``test/input/*`` feeds, most of them saved from real
sites (the Guardian, Reddit, heise, craigslist, podcasts), are scored the same way against
``test/output/NAME.json`` (``feed.items[]`` with ``title``, ``link``, ``isoDate``, ``creator`` or
``author``, ``content:encoded`` else ``content`` else ``summary``) and reported apart. Fields
holding U+FFFD (rss-parser read ``encoding.rss`` in the wrong encoding) are not checked; a
relative expected link passes when it resolves, against Edicola's link, to it;
``xml2js-options.rss`` is left out (its output was made with options that write empty elements
as ``EMPTY``).

Get the data with the library's ``fetch`` tool (``github:mmcdole/gofeed``, a bare git
directory) or any checkout, then:

    python3 tools/eval_gofeed.py --suite /work/.mirror/mmcdole+gofeed/repo \
        [--rss-parser /work/.mirror/rbren+rss-parser/repo] [--bin target/debug/edicola] [--fail] [-v]

Standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

REPO_ROOT = Path(__file__).resolve().parent.parent


def testdata(suite: Path, work: Path) -> Path:
    """The ``testdata`` folder of a checkout, or extracted from a bare git directory."""
    for cand in (suite / "testdata", suite):
        if (cand / "parser").is_dir():
            return cand
    archive = work / "testdata.tar"
    with open(archive, "wb") as out:
        subprocess.run(["git", "--git-dir", str(suite), "archive", "HEAD", "testdata"],
                       stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    return work / "testdata"


def shown(value) -> str:
    """A value as a reader shows it: tags dropped, entities decoded, whitespace collapsed."""
    if not isinstance(value, str):
        return ""
    text = re.sub(r"<[^>]*>", " ", value)
    return " ".join(html.unescape(text).split())


def f1(ours: str, expected: str) -> float:
    a, b = Counter(ours.lower().split()), Counter(expected.lower().split())
    common = sum((a & b).values())
    if not common:
        return 1.0 if not a and not b else 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def stamp(value) -> str | None:
    """An RFC 3339 time as UTC to the second."""
    if not isinstance(value, str) or not value:
        return None
    text = re.sub(r"\.\d+", "", value.replace("Z", "+00:00"))
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    if when.year <= 1:
        return None
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def rss_author_name(raw) -> str | None:
    """The name in an RSS ``author`` as written: ``mail (Name)``, ``Name <mail>`` or ``Name``."""
    raw = (raw or "").strip() if isinstance(raw, str) else ""
    m = re.match(r"^\S+@\S+\s*\((.+)\)$", raw)
    if m:
        return m.group(1).strip()
    m = re.match(r"^(.+?)\s*<\S+@\S+>$", raw)
    if m:
        return m.group(1).strip()
    if not raw or re.fullmatch(r"\S+@\S+", raw):
        return None
    return raw


def name_of(author) -> str | None:
    if isinstance(author, dict):
        return author.get("name") or None
    return None


def first_link(links) -> str | None:
    for link in links or []:
        if isinstance(link, dict) and link.get("href") and link.get("rel", "alternate") == "alternate":
            return link["href"]
    return None


def expected_items(kind: str, data: dict) -> list[dict]:
    """The expected items as {title, link, date, author, body} (absent: not checked)."""
    items = []
    if kind == "universal":
        for it in data.get("items") or []:
            authors = [name_of(a) for a in it.get("authors") or []]
            items.append({
                "title": it.get("title"), "link": it.get("link"),
                "date": stamp(it.get("publishedParsed")) or stamp(it.get("updatedParsed")),
                "author": name_of(it.get("author")) or next((a for a in authors if a), None),
                "body": it.get("content") or it.get("description"),
                "summary": it.get("description") if it.get("content") else None,
            })
    elif kind == "rss":
        for it in data.get("items") or []:
            items.append({
                "title": it.get("title"), "link": it.get("link"),
                "date": stamp(it.get("pubDateParsed")),
                "author": rss_author_name(it.get("author")),
                "body": it.get("content") or it.get("description"),
                "summary": it.get("description") if it.get("content") else None,
            })
    elif kind == "atom":
        for it in data.get("entries") or []:
            content = (it.get("content") or {}).get("value")
            items.append({
                "title": it.get("title"), "link": first_link(it.get("links")),
                "date": stamp(it.get("publishedParsed")) or stamp(it.get("updatedParsed")),
                "author": next((name_of(a) for a in it.get("authors") or [] if name_of(a)), None),
                "body": content or it.get("summary"),
                "summary": it.get("summary") if content else None,
            })
    elif kind == "rss-parser":
        for it in (data.get("feed") or {}).get("items") or []:
            author = it.get("creator") or it.get("author")
            # Either name an item gives is one a reader may show.
            other = it.get("author") if it.get("creator") else None
            items.append({
                "author_alt": rss_author_name(other) if isinstance(other, str) else None,
                "title": it.get("title") if isinstance(it.get("title"), str) else None,
                "link": it.get("link"), "date": stamp(it.get("isoDate")),
                "author": rss_author_name(author) if isinstance(author, str) else None,
                "body": it.get("content:encoded") or it.get("content") or it.get("summary"),
                "summary": it.get("content") if it.get("content:encoded") else None,
            })
    elif kind == "json":
        for it in data.get("items") or []:
            authors = [name_of(a) for a in it.get("authors") or []]
            items.append({
                "title": it.get("title"), "link": it.get("url"),
                "date": stamp(it.get("date_published")) or stamp(it.get("date_modified")),
                "author": name_of(it.get("author")) or next((a for a in authors if a), None),
                "body": it.get("content_html") or it.get("content_text") or it.get("summary"),
                "summary": it.get("summary"),
            })
    return items


def rss_parser_cases(suite: Path, work: Path):
    """(name, feed file, expected json, kind) for rss-parser's test feeds."""
    root = suite if (suite / "test/input").is_dir() else None
    if root is None:
        archive = work / "rss-parser.tar"
        with open(archive, "wb") as out:
            subprocess.run(["git", "--git-dir", str(suite), "archive", "HEAD", "test"],
                           stdout=out, check=True)
        root = work / "rss-parser"
        root.mkdir()
        with tarfile.open(archive) as tar:
            tar.extractall(root, filter="data")
    for feed in sorted((root / "test/input").iterdir()):
        exp = root / "test/output" / (feed.stem + ".json")
        # Parsed with xml2js options that write empty elements as "EMPTY".
        if exp.exists() and feed.stem != "xml2js-options":
            yield f"rss-parser/{feed.name}", feed, exp, "rss-parser"


def cases(data: Path):
    """(name, feed file, expected json, model kind) for every paired test file."""
    for folder, kind in (("translator/rss", "universal"), ("translator/atom", "universal"),
                         ("extensions/dublincore", "universal"), ("extensions/itunes", "universal"),
                         ("extensions/media", "universal"), ("parser/rss", "rss"),
                         ("parser/atom", "atom")):
        for feed in sorted((data / folder).glob("*.xml")):
            exp = feed.with_suffix(".json")
            if exp.exists():
                yield f"{folder}/{feed.name}", feed, exp, kind
    for folder, kind in (("translator/json", "universal"), ("parser/json", "json")):
        for exp in sorted((data / folder).glob("*_expected.json")):
            feed = exp.with_name(exp.name.replace("_expected.json", ".json"))
            if feed.exists():
                yield f"{folder}/{feed.name}", feed, exp, kind


def import_file(binary: str, datadir: Path, feed: Path) -> tuple[list | None, str]:
    proc = subprocess.run([binary, "--data", str(datadir), "import", "--dry-run", "--json",
                           str(feed)], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        return None, (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1]
    try:
        return json.loads(proc.stdout), ""
    except json.JSONDecodeError as exc:
        return None, f"bad JSON output: {exc}"


def norm_link(link: str) -> str:
    return link.strip().rstrip("/")


def check(exp: dict, art: dict | None) -> tuple[int, list[str]]:
    """(number of fields checked, reasons for failure)."""
    checked, bad = 0, []
    # An expectation read in the wrong encoding (U+FFFD) claims nothing.
    exp = {k: (None if isinstance(v, str) and "\ufffd" in v else v) for k, v in exp.items()}
    art = art or {}
    if shown(exp["title"]):
        checked += 1
        ours = " ".join((art.get("title") or "").split())
        # Inline markup (`ft<sup>2</sup>`) joins the words around it.
        glued = "".join(ours.split()) == "".join(shown(exp["title"]).split())
        if ours != shown(exp["title"]) and ours != " ".join(exp["title"].split()) and not glued:
            bad.append(f"title {ours!r} != {shown(exp['title'])!r}")
    if isinstance(exp["link"], str) and exp["link"].strip():
        checked += 1
        ours = art.get("url") or ""
        # A relative expected link (left unresolved) is the same page when
        # it resolves, against ours, to ours.
        if norm_link(urljoin(ours, exp["link"].strip())) != norm_link(ours):
            bad.append(f"link {art.get('url')!r} != {exp['link']!r}")
    if exp["date"]:
        checked += 1
        if stamp(art.get("published")) != exp["date"]:
            bad.append(f"date {art.get('published')!r} != {exp['date']!r}")
    if exp["author"]:
        checked += 1
        names = [shown(a) for a in art.get("authors") or []]
        if shown(exp["author"]) not in names and shown(exp.get("author_alt")) not in names:
            bad.append(f"author {names!r} lacks {exp['author']!r}")
    want = shown(exp["body"])
    if want:
        checked += 1
        body = " ".join(art.get("body") or [])
        lead = " ".join(filter(None, [art.get("standfirst"), body]))
        both = " ".join(filter(None, [shown(exp.get("summary")), want]))
        # Tags that join words (`by<a>name</a>to`) read as no space.
        joined = " ".join(html.unescape(re.sub(r"<[^>]*>", "", exp["body"])).split())
        best = max(f1(body, want), f1(lead, want), f1(lead, both),
                   f1(art.get("standfirst") or "", want), f1(lead, joined))
        if best < 0.9:
            bad.append(f"body F1 {best:.2f}: {lead[:60]!r} vs {want[:60]!r}")
    return checked, bad


def date_cases(suite: Path, data: Path) -> list[tuple[str, str]]:
    """(date as written, UTC time it means) from gofeed's date parser tests."""
    test = data.parent / "internal/shared/dateparser_test.go"
    if test.exists():
        source = test.read_text()
    else:
        proc = subprocess.run(["git", "--git-dir", str(suite), "show",
                               "HEAD:internal/shared/dateparser_test.go"],
                              capture_output=True, text=True)
        source = proc.stdout
    found = re.findall(r'\{"([^"]+)", "(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)"\}', source)
    return [(text, when.replace(" ", "T") + "Z") for text, when in found]


def score_dates(binary: str, work: Path, cases: list[tuple[str, str]], show: bool) -> str:
    items = "".join(f"<item><title>d{i}</title><pubDate>{html.escape(text)}</pubDate></item>"
                    for i, (text, _) in enumerate(cases))
    feed = work / "dates.xml"
    feed.write_text(f'<rss version="2.0"><channel><title>D</title>{items}</channel></rss>')
    articles, error = import_file(binary, work / "data", feed)
    ok = 0
    for i, (text, want) in enumerate(cases):
        got = articles[i].get("published") if articles and i < len(articles) else None
        if stamp(got) == want:
            ok += 1
        elif show:
            print(f"date {text!r}: {got!r} != {want!r} {error}")
    return f"dates: {ok}/{len(cases)} pass"


def score(binary: str, work: Path, all_cases, verbose: bool, show_failures: bool) -> str:
    """Imports every case and compares its items; prints failures; returns the counts."""
    files = files_ok = items = items_ok = nothing = 0
    failures = []
    for name, feed, exp_path, kind in all_cases:
        try:
            raw = exp_path.read_bytes().decode("utf-8", "replace")
            expected = expected_items(kind, json.loads(raw))
        except json.JSONDecodeError:
            continue
        datadir = work / "data"
        datadir.mkdir(exist_ok=True)
        articles, error = import_file(binary, datadir, feed)
        file_checked, file_bad = 0, []
        for i, exp in enumerate(expected):
            art = articles[i] if articles and i < len(articles) else None
            checked, bad = check(exp, art)
            if not checked:
                nothing += 1
                continue
            file_checked += 1
            items += 1
            if articles is None:
                bad = [f"import failed: {error}"]
            elif art is None:
                bad = [f"item {i} missing ({len(articles)} articles)"]
            if bad:
                file_bad.append(f"item {i}: " + "; ".join(bad))
            else:
                items_ok += 1
        if not file_checked:
            continue
        files += 1
        if file_bad:
            failures.append((name, file_bad))
        else:
            files_ok += 1
        if verbose:
            print(("FAIL " if file_bad else "ok   ") + name)
    if show_failures:
        for name, bad in failures:
            print(f"{name}:")
            for line in bad:
                print(f"    {line}")
    return (f"files: {files_ok}/{files} pass; items: {items_ok}/{items} pass; "
            f"{nothing} items with nothing a reader shows")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", required=True, type=Path,
                    help="gofeed checkout, its testdata folder, or its bare git directory")
    ap.add_argument("--rss-parser", type=Path, help="rss-parser checkout or bare git directory")
    ap.add_argument("--bin", default=str(REPO_ROOT / "target/debug/edicola"))
    ap.add_argument("--fail", action="store_true", help="list failures")
    ap.add_argument("-v", action="store_true", help="list every file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = testdata(args.suite, work)
        summary = score(args.bin, work, cases(data), args.v, args.fail)
        dates = score_dates(args.bin, work, date_cases(args.suite, data), args.fail)
        print(f"gofeed {summary}; {dates}")
        if args.rss_parser:
            cases_rp = list(rss_parser_cases(args.rss_parser, work))
            print("rss-parser " + score(args.bin, work, cases_rp, args.v, args.fail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
