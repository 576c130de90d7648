#!/usr/bin/env python3
"""Score the text-copy importer on text copies of every HTML page of the devset.

For each ``html/<name>/source.html`` of the devset, a "select all + copy" text copy is made
with the devset's own ``holdout_tools.py`` (``sniff_decode`` + ``dump_text``), imported with
``edicola import --dry-run --json``, and compared with the page's ``expected-metadata.json``
title (normalised equality or containment, as tools/eval_textpages.py) and with the text of
its ``expected.html`` (body token F1, as the devset README defines it). The baseline keeps
the whole copy as the body (and its first line as the title).

    python3 tools/eval_textcopies.py [--bin target/release/edicola] [-v] [--newspaper DIR]
        [--goose DIR] [--trafilatura REPO] [--postlight REPO]

``--newspaper DIR`` adds the test pages of newspaper4k (``github:AndyTheFactory/newspaper4k``,
its ``tests/data`` folder: ``html/<name>.html`` with the expected title in
``metadata/<name>.json`` and the expected article text in ``txt/<name>.txt``), scored the
same way and reported apart and together with the devset's.

``--goose DIR`` adds the test pages of goose3 (``github:goose3/goose3``, its
``tests/data/content`` folder: ``<name>.html`` with ``<name>.json`` holding ``expected``).
Only the pages whose json gives ``expected.title`` are scored for the title (most give
none). Their ``expected.cleaned_text`` is often only the article's first paragraphs, so
goose's body is scored as *recall* of the cleaned_text's tokens (the share of them the
imported body holds), reported as "body recall", never mixed into the body F1 of the others.

``--trafilatura REPO`` adds the real pages of trafilatura's tests (``github:adbar/trafilatura``:
a checkout, its ``tests`` folder, or the bare git directory the library's ``fetch`` gives, e.g.
``/work/.mirror/adbar+trafilatura/repo``) whose title ``tests/realworld_tests.py`` asserts (about
25 pages of ``tests/cache``; tools/textcopy_trafilatura.py reads the assertions with ``ast``).
They have no expected text: only their title is scored.

``--postlight REPO`` adds the fixtures of Postlight Parser's tests (``github:postlight/parser``,
checkout or git directory) whose title a site extractor's test asserts (about 150 pages;
tools/textcopy_postlight.py reads the assertions). Where the test also gives the article's first
13 words, the body is scored as recall of those words ("body recall", like goose's).

``--headlines REPO`` adds trafilatura's evaluation pages (``tests/eval``, the same repository)
whose ``<h1>`` a metadata title confirms (tools/textcopy_headlines.py; about half of its 990
pages): a larger set, to see how the rules generalise. ``--half dev`` keeps the pages at even
places of its list sorted by name, ``--half check`` the others: write rules looking at the
first, and check that they hold on the second, which nobody looks at page by page. Its body is
scored as recall of the snippets the benchmark says the article holds. It is reported on its
own and is not part of "all".

For every set, "ceiling" counts the pages whose expected title is no line of the copy
(no line equals, holds, or is held in the title while being at least half as long): no
choice of a line can match them.

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# Beside the checkout, or beside the folder of worktrees.
DEFAULT_DEVSET = next((d for d in (REPO_ROOT.parent / "shared" / "devset",
                                   REPO_ROOT.parent.parent / "shared" / "devset") if d.is_dir()),
                      REPO_ROOT.parent / "shared" / "devset")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import textcopy_headlines  # noqa: E402
import textcopy_postlight  # noqa: E402
import textcopy_trafilatura  # noqa: E402
from eval_textpages import norm, title_ok  # noqa: E402

# Sets whose expected text is only part of the article: scored by recall, never by F1.
RECALL_SETS = ("goose", "postlight", "headlines")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def tokens(text: str) -> list[str]:
    out = []
    for t in re.findall(r"\w+", text):
        if CJK.search(t):
            out.extend(t)
        else:
            out.append(t.casefold())
    return out


def f1(got: str, want: str) -> float:
    g, w = Counter(tokens(got)), Counter(tokens(want))
    common = sum((g & w).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return 2 * p * r / (p + r)


def recall(got: str, want: str) -> float:
    g, w = Counter(tokens(got)), Counter(tokens(want))
    return sum((g & w).values()) / max(sum(w.values()), 1)


def reachable(copy: str, want: str) -> bool:
    """Whether some line of the copy can be taken for the expected title."""
    w = norm(want)
    return any(title_ok(ln, want) and len(norm(ln)) * 2 >= len(w) for ln in copy.splitlines())


def goose_pages(folder: Path) -> list:
    pages = []
    for meta in sorted(folder.glob("*.json")):
        source = folder / f"{meta.stem}.html"
        expected = json.loads(meta.read_text(encoding="utf-8")).get("expected") or {}
        if source.exists() and expected.get("cleaned_text"):
            pages.append(("goose", meta.stem, source, expected.get("title") or "",
                          lambda t=expected["cleaned_text"]: t))
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", type=Path, default=REPO_ROOT / "target/release/edicola")
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("-v", action="store_true", help="print every page's figures")
    ap.add_argument("--newspaper", type=Path,
                    help="newspaper4k's tests/data folder: its pages are scored too")
    ap.add_argument("--goose", type=Path,
                    help="goose3's tests/data/content folder: its pages are scored too")
    ap.add_argument("--trafilatura", type=Path,
                    help="trafilatura's repository (checkout or git directory): the titles of "
                         "its real-world test pages are scored too")
    ap.add_argument("--postlight", type=Path,
                    help="Postlight Parser's repository (checkout or git directory): the titles "
                         "and openings of its fixtures are scored too")
    ap.add_argument("--headlines", type=Path,
                    help="trafilatura's repository: its evaluation pages with a certain "
                         "headline are scored on their own")
    ap.add_argument("--half", choices=("all", "dev", "check"), default="all",
                    help="which half of the --headlines pages (default all)")
    ap.add_argument("--keep", type=Path,
                    help="also write each page's text copy to this folder, as SET--NAME.txt")
    args = ap.parse_args()
    sys.path.insert(0, str(args.devset))
    import holdout_tools as ht  # the devset's own copy maker

    pages = []
    for page in sorted(p for p in (args.devset / "html").iterdir() if p.is_dir()):
        source, expected = page / "source.html", page / "expected.html"
        meta = page / "expected-metadata.json"
        if source.exists() and expected.exists() and meta.exists():
            pages.append(("devset", page.name, source,
                          json.loads(meta.read_text(encoding="utf-8")).get("title") or "",
                          lambda e=expected: ht.dump_text(e.read_text(encoding="utf-8"))))
    if args.newspaper:
        for meta in sorted((args.newspaper / "metadata").glob("*.json")):
            source = args.newspaper / "html" / f"{meta.stem}.html"
            text = args.newspaper / "txt" / f"{meta.stem}.txt"
            if source.exists() and text.exists():
                pages.append(("newspaper4k", meta.stem, source,
                              json.loads(meta.read_text(encoding="utf-8")).get("title") or "",
                              lambda t=text: t.read_text(encoding="utf-8")))
    if args.goose:
        pages += goose_pages(args.goose)
    several = bool(args.newspaper or args.goose or args.trafilatura or args.postlight
                   or args.headlines)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        if args.trafilatura:
            pages += [("trafilatura", name, source, want, None) for name, source, want
                      in textcopy_trafilatura.pages(args.trafilatura, Path(scratch))]
        if args.postlight:
            pages += [("postlight", name, source, want, (lambda o=opening: o) if opening else None)
                      for name, source, want, opening
                      in textcopy_postlight.pages(args.postlight, Path(scratch))]
        if args.headlines:
            pages += [("headlines", name, source, want, (lambda o=opening: o) if opening else None)
                      for name, source, want, opening
                      in textcopy_headlines.pages(args.headlines, Path(scratch) / "headlines",
                                                args.half)]
        for set_name, name, source, want_title, expected_text in pages:
            copy = ht.dump_text(ht.sniff_decode(source.read_bytes()))
            file = Path(scratch) / f"{name}.txt"
            file.write_text(copy, encoding="utf-8")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{set_name}--{name}.txt").write_text(copy, encoding="utf-8")
            want_body = expected_text() if expected_text else None
            with tempfile.TemporaryDirectory() as data:
                proc = subprocess.run([str(args.bin), "--data", data, "import", "--dry-run",
                                       "--json", str(file)], capture_output=True, timeout=60)
            try:
                out = json.loads(proc.stdout)
                article = out[0] if isinstance(out, list) else out
            except (ValueError, IndexError):
                article = {}
            body = "\n".join(article.get("body") or [])
            first = next((ln for ln in copy.splitlines() if ln.strip()), "")
            score = recall if set_name in RECALL_SETS else f1
            if want_body is None:
                score = lambda got, want: None  # noqa: E731
            rows.append((f"{set_name}/{name}" if several else name,
                         title_ok(article.get("title") or "", want_title), score(body, want_body),
                         title_ok(first, want_title), score(copy, want_body),
                         article.get("title") or "", want_title,
                         bool(want_title) and not reachable(copy, want_title)))
    if args.v:
        for name, t, b, bt, bb, got, want, out_of_reach in rows:
            measure = "recall" if name.split("/")[0] in RECALL_SETS else "F1"
            verdict = "---" if not want else "ok " if t else "BAD"
            mark = "" if t or not want else f"  title {got[:50]!r} want {want[:50]!r}"
            mark += "  (ceiling)" if out_of_reach else ""
            figures = "" if b is None else f" {measure} {b:.3f} (whole copy {bb:.3f})"
            print(f"{name:28} title {verdict}{figures}{mark}")
    groups = [("", rows)]
    if several:
        groups = [(f"{g}: ", [r for r in rows if r[0].startswith(g + "/")])
                  for g in ("devset", "newspaper4k", "goose", "trafilatura", "postlight",
                            "headlines")]
        rest = [r for r in rows if not r[0].startswith("headlines/")]
        groups = [g for g in groups if g[1]] + ([("all: ", rest)] if rest else [])
    for label, part in groups:
        titled = [r for r in part if r[6]]
        f1_rows = [r for r in part if r[2] is not None and r[0].split("/")[0] not in RECALL_SETS]
        rec_rows = [r for r in part if r[2] is not None and r[0].split("/")[0] in RECALL_SETS]
        nt = max(len(titled), 1)
        ceiling = sum(r[7] for r in titled)
        print(f"{label}pages: {len(part)}, with a title: {len(titled)}, "
              f"title no line of the copy (ceiling): {ceiling}")
        for who, t_i, b_i in (("edicola:   ", 1, 2), ("whole copy:", 3, 4)):
            body = []
            if f1_rows:
                body.append(f"body F1 {sum(r[b_i] for r in f1_rows) / len(f1_rows):.3f}")
            if rec_rows:
                body.append(f"body recall {sum(r[b_i] for r in rec_rows) / len(rec_rows):.3f}")
            print(f"{label}{who} title {sum(r[t_i] for r in titled) / nt:.1%} "
                  f"({sum(r[t_i] for r in titled)}/{len(titled)})" + "".join(", " + b for b in body))
    worst = sorted((r for r in rows if r[2] is not None), key=lambda r: r[2])[:5]
    print("worst: " + ", ".join(f"{r[0]} {r[2]:.2f}" for r in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
