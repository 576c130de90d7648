#!/usr/bin/env python3
"""Score the HTML page extraction on trafilatura's own evaluation set, with its scoring.

trafilatura's repository keeps about 1,000 saved pages (``tests/cache``, ``tests/eval``) and, in
``tests/evaldata.json``, for each page a few snippets the extracted text must contain (``with``)
and a few it must not (``without``: menus, bylines, footers, related links). Its scoring counts a
``with`` snippet found as a true positive and missing as a false negative, a ``without`` snippet
found as a false positive and absent as a true negative; both sides are compared after collapsing
every run of whitespace to one space, by plain substring test. Precision, recall, accuracy and
F-score follow from the four totals over the whole set.

This script imports each page with ``edicola import --dry-run --json FILE`` and scores the text a
reader sees of the article: the standfirst and the body paragraphs (``--with-title`` adds the
title; trafilatura's published figures are for its main text alone, without metadata).

Get the set with the library's ``fetch`` tool (``github:adbar/trafilatura``, a bare git
directory) or any checkout, and point ``--suite`` at the git directory, the checkout, or its
``tests`` folder:

    python3 tools/eval_trafilatura.py --suite /work/.mirror/adbar+trafilatura/repo [--show-failures]

``--text-copies`` scores text copies instead: each page is turned into the text a reader gets
with "select all" and "copy" (by the devset's own copy maker, ``../shared/devset/holdout_tools.py``),
Edicola imports that copy, and the whole copy is scored as the baseline of keeping everything.

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# Beside the checkout, or beside the folder of worktrees.
DEFAULT_DEVSET = next((d for d in (REPO_ROOT.parent / "shared" / "devset",
                                   REPO_ROOT.parent.parent / "shared" / "devset") if d.is_dir()),
                      REPO_ROOT.parent / "shared" / "devset")

# trafilatura's published result on this set: docs/evaluation.rst, "Results (2026-08-04)",
# 990 documents, 2951 text and 2966 boilerplate segments.
PUBLISHED = ("trafilatura 2.2.0 (standard), published 2026-08-04", 0.906, 0.943, 0.923, 0.924)


def norm(text: str) -> str:
    """Whitespace collapsed as the benchmark does before its substring test."""
    return re.sub(r"\s+", " ", text).strip()


def tests_dir(suite: Path, scratch: Path) -> Path:
    """The folder holding evaldata.json, cache/ and eval/, unpacking a bare git directory."""
    for cand in (suite, suite / "tests"):
        if (cand / "evaldata.json").is_file():
            return cand
    if (suite / "HEAD").is_file() and (suite / "objects").is_dir():
        archive = subprocess.run(
            ["git", "--git-dir", str(suite), "archive", "HEAD", "tests/evaldata.json",
             "tests/cache", "tests/eval"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "x", "-C", str(scratch)], input=archive, check=True)
        return scratch / "tests"
    sys.exit(f"eval_trafilatura: {suite}: no evaldata.json here nor in tests/, and not a git directory")


def run(binary: Path, page: Path, timeout: float) -> tuple[dict | None, str]:
    """The first article Edicola reads from the page, or None and why."""
    try:
        proc = subprocess.run([str(binary), "import", "--dry-run", "--json", str(page)],
                              capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"cannot run: {exc}"
    try:
        data = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, lines[0] if lines else f"exit {proc.returncode}"
    if not isinstance(data, list) or not data:
        return None, "no article"
    return data[0], ""


def article_text(art: dict, with_title: bool) -> str:
    parts = [art.get("title") or ""] if with_title else []
    parts.append(art.get("standfirst") or "")
    parts.extend(art.get("body") or [])
    return "\n".join(parts)


def count(item: dict, text: str | None) -> tuple[int, int, int, int, list[str], list[str]]:
    """(tp, fp, fn, tn) for one page, and the snippets missed and wrongly kept."""
    got = norm(text) if text is not None else None
    missed = [w for w in item["with"] if got is None or norm(w) not in got]
    kept = [w for w in item["without"] if got is not None and norm(w) in got]
    tp = len(item["with"]) - len(missed)
    tn = len(item["without"]) - len(kept)
    return tp, len(kept), len(missed), tn, missed, kept


def scores(tp: int, fp: int, fn: int, tn: int) -> tuple[float, float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fp + fn + tn
    accuracy = (tp + tn) / total if total else 0.0
    f_score = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, accuracy, f_score


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", type=Path, required=True,
                    help="trafilatura's git directory, checkout or tests folder")
    ap.add_argument("--bin", type=Path, default=REPO_ROOT / "target" / "release" / "edicola")
    ap.add_argument("--show-failures", action="store_true",
                    help="print each page's missed and wrongly kept snippets")
    ap.add_argument("--with-title", action="store_true", help="score the title with the text")
    ap.add_argument("--text-copies", action="store_true",
                    help="import a text copy of each page, and score the whole copy too")
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET,
                    help="the devset folder, for its copy maker (with --text-copies)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not args.bin.is_file():
        sys.exit(f"eval_trafilatura: {args.bin}: no binary (cargo build --release)")
    copier = None
    if args.text_copies:
        sys.path.insert(0, str(args.devset))
        import holdout_tools as copier  # the devset's own copy maker
    with tempfile.TemporaryDirectory() as scratch:
        tests = tests_dir(args.suite, Path(scratch))
        evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
        items = sorted(evaldata.items())

        def one(entry):
            url, item = entry
            page = next((tests / sub / item["file"] for sub in ("cache", "eval")
                         if (tests / sub / item["file"]).is_file()), None)
            if page is None:
                return url, item, None, "page missing from the suite", None
            whole = None
            if copier:
                whole = copier.dump_text(copier.sniff_decode(page.read_bytes()))
                page = Path(scratch) / "copies" / f"{page.stem}.txt"
                page.parent.mkdir(exist_ok=True)
                page.write_text(whole, encoding="utf-8")
            art, error = run(args.bin, page, args.timeout)
            return url, item, (article_text(art, args.with_title) if art else None), error, whole

        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
            results = list(pool.map(one, items))
        elapsed = time.monotonic() - start

    totals = [0, 0, 0, 0]
    whole_totals = [0, 0, 0, 0]
    errors = 0
    for url, item, text, error, whole in results:
        tp, fp, fn, tn, missed, kept = count(item, text)
        for i, n in enumerate((tp, fp, fn, tn)):
            totals[i] += n
        for i, n in enumerate(count(item, whole)[:4] if whole is not None else ()):
            whole_totals[i] += n
        errors += text is None
        if args.show_failures and (missed or kept or error):
            print(f"{item['file']}  ({url})" + (f"  ERROR {error}" if error else ""))
            for w in missed:
                print(f"   missed: {norm(w)[:100]!r}")
            for w in kept:
                print(f"   kept:   {norm(w)[:100]!r}")
    tp, fp, fn, tn = totals
    print(f"{len(results)} documents, {tp + fn} text & {fp + tn} boilerplate segments; "
          f"{errors} read no article; {elapsed:.1f} s")
    print(f"tp {tp}  fp {fp}  fn {fn}  tn {tn}")
    print(f"{'':52} precision  recall  accuracy  F-score")
    p, r, a, f = scores(tp, fp, fn, tn)
    label = "edicola" + (" (title + text)" if args.with_title else "")
    label += ", text copies" if copier else ""
    print(f"{label:52} {p:9.3f}  {r:6.3f}  {a:8.3f}  {f:7.3f}")
    if copier:
        p, r, a, f = scores(*whole_totals)
        print(f"{'the whole copy':52} {p:9.3f}  {r:6.3f}  {a:8.3f}  {f:7.3f}")
        return 0
    name, *published = PUBLISHED
    print(f"{name:52} {published[0]:9.3f}  {published[1]:6.3f}  {published[2]:8.3f}  {published[3]:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
