#!/usr/bin/env python3
"""Score a text-page importer on the devset page dumps (shared/devset/txt).

For every ``<name>.txt`` with a ``<name>.expected.json`` beside it, the importer command is
run and its JSON output (one article object, or a list whose first item is used) is
compared with the expectations, following the rules in shared/devset/README.md ("txt/"):

* title: normalised equality, or containment in either direction;
* body start: ``first_sentence`` or ``first_sentence_alt`` occurs near the start of the
  body (within the first two paragraphs, or the first ~600 characters; ~200 for CJK);
* body end: ``last_sentence`` occurs near the end of the body (last two paragraphs, or the
  last ~600 / ~200 characters);
* bounds: a 0..1 score per page, 1 for a start or end that is near its place, less the
  further it is, 0 when missing; the mean of start and end.

Standard library only. Example:

    python3 tools/eval_textpages.py --cmd "target/debug/edicola import --dry-run --json {file}"
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CMD = "target/release/edicola import --dry-run --json {file}"
# Beside the checkout, or beside the folder of worktrees.
DEFAULT_DEVSET = next((d for d in (REPO_ROOT.parent / "shared" / "devset",
                                   REPO_ROOT.parent.parent / "shared" / "devset") if d.is_dir()),
                      REPO_ROOT.parent / "shared" / "devset")

QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "`": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...",
}
QUOTE_RE = re.compile("|".join(re.escape(k) for k in QUOTES))


def norm(text: str) -> str:
    """NFKC, unified quotes and dashes, collapsed whitespace, casefolded.

    A space before ``:``, ``;``, ``!`` or ``?`` is typography, not text (French spacing, or a
    kicker and its headline joined by the copy, "Kicker : Headline"): it is dropped, as quotes
    and dashes are unified.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = QUOTE_RE.sub(lambda m: QUOTES[m.group(0)], text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([:;!?])", r"\1", text)
    return text.casefold()


def title_ok(got: str, want: str) -> bool:
    g, w = norm(got), norm(want)
    return bool(g) and bool(w) and (g == w or g in w or w in g)


def position_score(body: list[str], needle: str, at_start: bool, slack: int) -> tuple[bool, float]:
    """Whether `needle` lies near the start (or end) of the body, and a graded score."""
    needle = norm(needle)
    if not needle or not body:
        return False, 0.0
    paras = [norm(p) for p in body]
    full = " ".join(paras)
    edge = paras[:2] if at_start else paras[-2:]
    edge_text = " ".join(edge)
    window = full[: max(len(edge_text), slack) + len(needle)] if at_start else full[-(max(len(edge_text), slack) + len(needle)):]
    if needle in window:
        return True, 1.0
    pos = full.find(needle) if at_start else full.rfind(needle)
    if pos < 0:
        return False, 0.0
    distance = pos if at_start else len(full) - (pos + len(needle))
    return False, max(0.0, 1.0 - distance / max(len(full), 1))


def run_importer(template: str, file: Path, cwd: Path, timeout: float) -> tuple[dict | None, str]:
    argv = [part.replace("{file}", str(file)) for part in shlex.split(template)]
    try:
        proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"cannot run: {exc}"
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        err = (proc.stderr or proc.stdout).strip().splitlines()
        return None, f"exit {proc.returncode}: {err[-1] if err else 'no output'}"
    if isinstance(data, list):
        data = data[0] if data else None
    if not isinstance(data, dict):
        return None, "no article in output"
    return data, ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cmd", default=DEFAULT_CMD, help="importer command; {file} is replaced by the txt path")
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="devset folder (holds txt/)")
    ap.add_argument("--only", action="append", default=[], help="score only these page names")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("-v", "--verbose", action="store_true", help="show what was expected and found")
    args = ap.parse_args()

    txt_dir = args.devset / "txt"
    pages = sorted(p for p in txt_dir.glob("*.txt") if p.with_suffix(".expected.json").exists())
    if args.only:
        pages = [p for p in pages if p.stem in args.only]
    if not pages:
        print(f"no pages found in {txt_dir}", file=sys.stderr)
        return 2

    n_title = n_start = n_end = 0
    bounds_total = 0.0
    for page in pages:
        expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
        slack = 200 if expected.get("units") == "chars" else 600
        article, error = run_importer(args.cmd, page, REPO_ROOT, args.timeout)
        if article is None:
            print(f"{page.stem:28} ERROR {error}")
            continue
        body = [p for p in article.get("body") or [] if isinstance(p, str)]
        t_ok = title_ok(str(article.get("title") or ""), expected.get("title", ""))
        s_ok, s_score = position_score(body, expected.get("first_sentence", ""), True, slack)
        if not s_ok and expected.get("first_sentence_alt"):
            s_ok2, s_score2 = position_score(body, expected["first_sentence_alt"], True, slack)
            s_ok, s_score = s_ok2, max(s_score, s_score2)
        e_ok, e_score = position_score(body, expected.get("last_sentence", ""), False, slack)
        bounds = (s_score + e_score) / 2
        n_title += t_ok
        n_start += s_ok
        n_end += e_ok
        bounds_total += bounds
        mark = lambda ok: "ok " if ok else "BAD"  # noqa: E731
        print(f"{page.stem:28} title {mark(t_ok)} start {mark(s_ok)} end {mark(e_ok)} bounds {bounds:.2f} paras {len(body)}")
        if args.verbose and not (t_ok and s_ok and e_ok):
            if not t_ok:
                print(f"    title want: {expected.get('title')!r}\n    title got : {article.get('title')!r}")
            if not s_ok:
                print(f"    start want: {expected.get('first_sentence')!r}\n    start got : {(body[0] if body else '')[:120]!r}")
            if not e_ok:
                print(f"    end want  : {expected.get('last_sentence')!r}\n    end got   : {(body[-1] if body else '')[-120:]!r}")

    total = len(pages)
    print(
        f"title accuracy: {n_title}/{total}  body start: {n_start}/{total}  "
        f"body end: {n_end}/{total}  bounds: {bounds_total / total:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
