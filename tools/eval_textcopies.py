#!/usr/bin/env python3
"""Score the text-copy importer on text copies of every HTML page of the devset.

For each ``html/<name>/source.html`` of the devset, a "select all + copy" text copy is made
with the devset's own ``holdout_tools.py`` (``sniff_decode`` + ``dump_text``), imported with
``edicola import --dry-run --json``, and compared with the page's ``expected-metadata.json``
title (normalised equality or containment, as tools/eval_textpages.py) and with the text of
its ``expected.html`` (body token F1, as the devset README defines it). The baseline keeps
the whole copy as the body (and its first line as the title).

    python3 tools/eval_textcopies.py [--bin target/release/edicola] [-v] [--newspaper DIR]

``--newspaper DIR`` adds the test pages of newspaper4k (``github:AndyTheFactory/newspaper4k``,
its ``tests/data`` folder: ``html/<name>.html`` with the expected title in
``metadata/<name>.json`` and the expected article text in ``txt/<name>.txt``), scored the
same way and reported apart and together with the devset's.

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
from eval_textpages import title_ok  # noqa: E402

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", type=Path, default=REPO_ROOT / "target/release/edicola")
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("-v", action="store_true", help="print every page's figures")
    ap.add_argument("--newspaper", type=Path,
                    help="newspaper4k's tests/data folder: its pages are scored too")
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
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for set_name, name, source, want_title, expected_text in pages:
            copy = ht.dump_text(ht.sniff_decode(source.read_bytes()))
            file = Path(scratch) / f"{name}.txt"
            file.write_text(copy, encoding="utf-8")
            want_body = expected_text()
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
            rows.append((f"{set_name}/{name}" if args.newspaper else name,
                         title_ok(article.get("title") or "", want_title), f1(body, want_body),
                         title_ok(first, want_title), f1(copy, want_body),
                         article.get("title") or "", want_title))
    if args.v:
        for name, t, b, bt, bb, got, want in rows:
            mark = "" if t else f"  title {got[:50]!r} want {want[:50]!r}"
            print(f"{name:28} title {'ok ' if t else 'BAD'} F1 {b:.3f} (whole copy {bb:.3f}){mark}")
    groups = [("", rows)]
    if args.newspaper:
        groups = [(f"{g}: ", [r for r in rows if r[0].startswith(g + "/")])
                  for g in ("devset", "newspaper4k")] + [("both: ", rows)]
    for label, part in groups:
        n = max(len(part), 1)
        print(f"{label}pages: {len(part)}")
        print(f"{label}edicola:    title {sum(r[1] for r in part) / n:.1%}, "
              f"body F1 {sum(r[2] for r in part) / n:.3f}")
        print(f"{label}whole copy: title {sum(r[3] for r in part) / n:.1%}, "
              f"body F1 {sum(r[4] for r in part) / n:.3f}")
    worst = sorted(rows, key=lambda r: r[2])[:5]
    print("worst: " + ", ".join(f"{r[0]} {r[2]:.2f}" for r in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
