#!/usr/bin/env python3
"""Body token F1 of saved HTML pages on newspaper4k's and goose3's test pages, Edicola against
trafilatura in the same run.

newspaper4k (``github:AndyTheFactory/newspaper4k``, its ``tests/data`` folder): each page's
``html/NAME.html`` against ``txt/NAME.txt``, scored by token F1 (words casefolded, CJK by
character, as ``eval_textcopies.py``). goose3 (``github:goose3/goose3``, its
``tests/data/content`` folder): its ``cleaned_text`` is often the first paragraphs only, so its
pages are scored by recall (the share of the expected tokens found). Postlight Parser
(``github:postlight/parser``, checkout or git directory, see ``textcopy_postlight.py``): the
title its tests expect (same test as ``eval_textcopies.py``) and the recall of the article's
first 13 words where the test gives them. newspaper4k's and goose3's pages are also scored on
the title their metadata expects. ``--headlines REPO`` adds trafilatura's pages whose ``<h1>`` a
metadata title confirms (``textcopy_headlines.py``): that headline and the recall of the text.

    python3 tools/eval_htmlsets.py [--bin target/release/edicola] [--newspaper DIR]
        [--goose DIR] [--postlight REPO] [--headlines REPO] [--trafilatura] [-v]

``--trafilatura`` also runs trafilatura (``pip install trafilatura``) on the same pages.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import textcopy_headlines  # noqa: E402
import textcopy_postlight  # noqa: E402
from eval_textcopies import f1, goose_pages, recall  # noqa: E402
from eval_textpages import title_ok  # noqa: E402

RECALL_SETS = ("goose", "postlight", "headlines")


def edicola_read(binary: Path, page: Path) -> tuple[str, str]:
    """The title and the body Edicola reads from a page."""
    with tempfile.TemporaryDirectory() as data:
        proc = subprocess.run([str(binary), "--data", data, "import", "--dry-run", "--json",
                               str(page)], capture_output=True, timeout=60)
    try:
        out = json.loads(proc.stdout)
        article = out[0] if isinstance(out, list) else out
    except (ValueError, IndexError):
        return "", ""
    return article.get("title") or "", "\n".join(article.get("body") or [])


def trafilatura_read(page: Path) -> tuple[str, str]:
    import trafilatura  # noqa: PLC0415 (only with --trafilatura)
    raw = page.read_bytes()
    meta = trafilatura.extract_metadata(raw)
    return (meta.title if meta else "") or "", trafilatura.extract(raw, output_format="txt") or ""


def pages(args, scratch: Path) -> list[tuple[str, str, Path, str, str]]:
    out = []
    if args.newspaper:
        for text in sorted((args.newspaper / "txt").glob("*.txt")):
            source = args.newspaper / "html" / f"{text.stem}.html"
            meta = args.newspaper / "metadata" / f"{text.stem}.json"
            title = (json.loads(meta.read_text(encoding="utf-8")).get("title") or ""
                     if meta.exists() else "")
            if source.exists():
                out.append(("newspaper4k", text.stem, source, text.read_text(encoding="utf-8"),
                            title))
    if args.goose:
        out += [(s, n, src, want(), title) for s, n, src, title, want in goose_pages(args.goose)]
    if args.postlight:
        out += [("postlight", n, src, opening, title)
                for n, src, title, opening in textcopy_postlight.pages(args.postlight, scratch)]
    if args.headlines:
        out += [("headlines", n, src, opening, title) for n, src, title, opening
                in textcopy_headlines.pages(args.headlines, scratch / "headlines")]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", type=Path, default=REPO_ROOT / "target/release/edicola")
    ap.add_argument("--newspaper", type=Path, help="newspaper4k's tests/data folder")
    ap.add_argument("--goose", type=Path, help="goose3's tests/data/content folder")
    ap.add_argument("--postlight", type=Path, help="Postlight Parser's repository")
    ap.add_argument("--headlines", type=Path,
                    help="trafilatura's repository: its pages with a confirmed <h1>")
    ap.add_argument("--trafilatura", action="store_true", help="also score trafilatura")
    ap.add_argument("-v", action="store_true", help="print every page's figures")
    args = ap.parse_args()
    scratch = tempfile.TemporaryDirectory()
    todo = pages(args, Path(scratch.name))
    if not todo:
        sys.exit("eval_htmlsets: give --newspaper DIR, --goose DIR and/or --postlight REPO")
    readers = {"edicola": lambda page: edicola_read(args.bin, page)}
    if args.trafilatura:
        readers["trafilatura"] = trafilatura_read
    scores: dict[str, dict[str, list[float]]] = {}
    titles: dict[str, dict[str, list[bool]]] = {}
    for set_name, name, source, want, want_title in todo:
        measure = recall if set_name in RECALL_SETS else f1
        figures = []
        for tool, read in readers.items():
            title, body = read(source)
            if want:
                scores.setdefault(set_name, {}).setdefault(tool, []).append(measure(body, want))
                figures.append(f"{tool} {scores[set_name][tool][-1]:.3f}")
            if want_title:
                right = title_ok(title, want_title)
                titles.setdefault(set_name, {}).setdefault(tool, []).append(right)
                figures.append(f"title {'ok' if right else 'BAD ' + repr(title[:50])}")
        if args.v:
            print(f"  {set_name}/{name:40} {'  '.join(figures)}")
    for set_name, tools in scores.items():
        measure = "recall" if set_name in RECALL_SETS else "F1"
        figures = "  ".join(f"{t} {sum(v) / len(v):.3f}" for t, v in tools.items())
        print(f"{set_name} ({len(next(iter(tools.values())))} pages), mean body {measure}: "
              f"{figures}")
    for set_name, tools in titles.items():
        figures = "  ".join(f"{t} {sum(v) / len(v):.1%} ({sum(v)}/{len(v)})"
                            for t, v in tools.items())
        print(f"{set_name}, title right: {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
