#!/usr/bin/env python3
"""Body token F1 of saved HTML pages on newspaper4k's and goose3's test pages, Edicola against
trafilatura in the same run.

newspaper4k (``github:AndyTheFactory/newspaper4k``, its ``tests/data`` folder): each page's
``html/NAME.html`` against ``txt/NAME.txt``, scored by token F1 (words casefolded, CJK by
character, as ``eval_textcopies.py``). goose3 (``github:goose3/goose3``, its
``tests/data/content`` folder): its ``cleaned_text`` is often the first paragraphs only, so its
pages are scored by recall (the share of the expected tokens found).

    python3 tools/eval_htmlsets.py [--bin target/release/edicola] [--newspaper DIR]
        [--goose DIR] [--trafilatura] [-v]

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
from eval_textcopies import f1, goose_pages, recall  # noqa: E402


def edicola_body(binary: Path, page: Path) -> str:
    with tempfile.TemporaryDirectory() as data:
        proc = subprocess.run([str(binary), "--data", data, "import", "--dry-run", "--json",
                               str(page)], capture_output=True, timeout=60)
    try:
        out = json.loads(proc.stdout)
        article = out[0] if isinstance(out, list) else out
    except (ValueError, IndexError):
        return ""
    return "\n".join(article.get("body") or [])


def trafilatura_body(page: Path) -> str:
    import trafilatura  # noqa: PLC0415 (only with --trafilatura)
    return trafilatura.extract(page.read_bytes(), output_format="txt") or ""


def pages(args) -> list[tuple[str, str, Path, str]]:
    out = []
    if args.newspaper:
        for text in sorted((args.newspaper / "txt").glob("*.txt")):
            source = args.newspaper / "html" / f"{text.stem}.html"
            if source.exists():
                out.append(("newspaper4k", text.stem, source, text.read_text(encoding="utf-8")))
    if args.goose:
        out += [(s, n, src, want()) for s, n, src, _, want in goose_pages(args.goose)]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", type=Path, default=REPO_ROOT / "target/release/edicola")
    ap.add_argument("--newspaper", type=Path, help="newspaper4k's tests/data folder")
    ap.add_argument("--goose", type=Path, help="goose3's tests/data/content folder")
    ap.add_argument("--trafilatura", action="store_true", help="also score trafilatura")
    ap.add_argument("-v", action="store_true", help="print every page's figures")
    args = ap.parse_args()
    todo = pages(args)
    if not todo:
        sys.exit("eval_htmlsets: give --newspaper DIR and/or --goose DIR")
    scores: dict[str, dict[str, list[float]]] = {}
    for set_name, name, source, want in todo:
        measure = recall if set_name == "goose" else f1
        row = {"edicola": measure(edicola_body(args.bin, source), want)}
        if args.trafilatura:
            row["trafilatura"] = measure(trafilatura_body(source), want)
        for tool, value in row.items():
            scores.setdefault(set_name, {}).setdefault(tool, []).append(value)
        if args.v:
            figures = "  ".join(f"{t} {v:.3f}" for t, v in row.items())
            print(f"  {set_name}/{name:40} {figures}")
    for set_name, tools in scores.items():
        measure = "recall" if set_name == "goose" else "F1"
        figures = "  ".join(f"{t} {sum(v) / len(v):.3f}" for t, v in tools.items())
        print(f"{set_name} ({len(next(iter(tools.values())))} pages), mean body {measure}: "
              f"{figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
