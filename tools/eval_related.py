#!/usr/bin/env python3
"""Precision@5 of "Similar in your store" against a plain TF-IDF cosine, same run.

Imports the development set (tools/fetch_related_devset.py) into a fresh store through the
real binary (an RSS file, one item per article, no language given: the indexer detects it),
then asks `edicola show ID --json` for each labelled article's "similar" list and scores:

* P@5: same-story articles among the first 5 entries (a shorter list scores its missing
  places as misses), averaged over labelled articles that have at least one same-story
  article; folded copies (also_in) take the places right after their entry;
* P@5/best: the same divided by the best a list can do (an article with two same-story
  articles scores at most 2/5), and MRR@5, the reciprocal rank of the first same-story entry;
* other-language share: list entries whose language (the set's, else detected by the
  store) differs from the open article's;
* the same for a TF-IDF cosine over title + text computed here: words are \\w+ casefolded,
  no stemming, no stopwords, raw tf times idf ln((1+N)/(1+df))+1, L2-normalised, every
  stored article compared (exhaustive), the same store's articles.

Each --bin gets its own store; give main's binary as a second --bin to compare. --lists
takes the lists from examples/related_lists.rs in one process instead (same scoring code).

    python3 tools/eval_related.py [--devset /work/devdata/related/devset.json]
        [--bin target/release/edicola ...] [--short] [-v]

--short imports title + lead (summary, about 30 words) instead of the full text.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import re
import subprocess
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

K = 5
WORD = re.compile(r"\w+")


def text_of(article: dict, short: bool) -> str:
    return article["summary"] if short and article["summary"] else article["text"]


def feed(articles: list[dict], short: bool) -> str:
    items = []
    for a in articles:
        paragraphs = [p for p in text_of(a, short).split("\n") if p.strip()]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        items.append(
            f"<item><title>{html.escape(a['title'])}</title><link>{html.escape(a['url'])}</link>"
            f"<guid>{a['id']}</guid><description>{html.escape(body)}</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            "<title>Devset</title><link>https://devset.invalid/</link>"
            + "".join(items) + "</channel></rss>")


def run(binary: str, *args: str) -> str:
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


def edicola_lists(binary: str, articles: list[dict], short: bool, work: Path,
                  lister: str | None = None) -> dict:
    """Devset id -> (similar devset ids, their languages as stored) for labelled articles."""
    data = Path(tempfile.mkdtemp(dir=work))
    (data / "devset.xml").write_text(feed(articles, short))
    run(binary, "import", "--data", str(data), str(data / "devset.xml"))
    rows = json.loads(run(binary, "list", "--json", "--data", str(data)))
    by_url = {a["url"]: a["id"] for a in articles}

    if lister:
        shown = [json.loads(line) for line in run(lister, str(data), "--lists").splitlines()]
    else:
        def show(row):
            return json.loads(run(binary, "show", row["id"], "--json", "--data", str(data)))

        with ThreadPoolExecutor(max_workers=2) as pool:
            shown = list(pool.map(show, rows))
    to_dev = {s["id"]: by_url.get(s.get("url") or "") for s in shown}
    lang = {to_dev[s["id"]]: s.get("lang") for s in shown}
    out = {}
    for s in shown:
        dev = to_dev[s["id"]]
        # Folded copies are shown with their entry: they take places after it.
        similar = [to_dev.get(x["id"]) for e in s.get("similar", [])
                   for x in [e, *e.get("also_in", [])]]
        out[dev] = [x for x in similar if x]
    return {"lists": out, "lang": lang}


def tfidf_lists(articles: list[dict], short: bool) -> dict:
    docs = {a["id"]: Counter(WORD.findall(f"{a['title']}\n{text_of(a, short)}".casefold()))
            for a in articles}
    df = Counter(t for d in docs.values() for t in d)
    n = len(docs)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    vec = {}
    for i, d in docs.items():
        v = {t: c * idf[t] for t, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vec[i] = {t: x / norm for t, x in v.items()}
    lists = {}
    for i, v in vec.items():
        scores = []
        for j, w in vec.items():
            if j != i:
                small, big = (v, w) if len(v) < len(w) else (w, v)
                scores.append((sum(x * big.get(t, 0.0) for t, x in small.items()), j))
        scores.sort(key=lambda s: (-s[0], s[1]))
        lists[i] = [j for _, j in scores[:K]]
    return {"lists": lists, "lang": {}}


def score(name: str, result: dict, articles: list[dict], truth: dict, verbose: bool) -> str:
    langs = {a["id"]: a["lang"] or result["lang"].get(a["id"]) for a in articles}
    precisions, normalised, reciprocal, other, entries, empty = [], [], [], 0, 0, 0
    for a in articles:
        if not truth.get(a["id"]):
            continue
        got = result["lists"].get(a["id"], [])[:K]
        hits = sum(1 for g in got if g in truth[a["id"]])
        precisions.append(hits / K)
        normalised.append(hits / min(K, len(truth[a["id"]])))
        first = next((n for n, g in enumerate(got) if g in truth[a["id"]]), None)
        reciprocal.append(0.0 if first is None else 1.0 / (first + 1))
        empty += not got
        for g in got:
            entries += 1
            mine, theirs = langs.get(a["id"]), langs.get(g)
            other += bool(mine and theirs and mine.split("-")[0] != theirs.split("-")[0])
        if verbose and hits < min(K, len(truth[a["id"]])):
            print(f"  {name}: {a['title'][:60]!r}: {hits}/{len(truth[a['id']])}")
    p = sum(precisions) / max(len(precisions), 1)
    n = sum(normalised) / max(len(normalised), 1)
    mrr = sum(reciprocal) / max(len(reciprocal), 1)
    share = other / max(entries, 1)
    return (f"{name:<40} P@5 {p:.3f}  P@5/best {n:.3f}  MRR@5 {mrr:.3f}  "
            f"other-language {share:5.1%}  "
            f"entries {entries}  empty lists {empty}/{len(precisions)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--devset", type=Path, default=Path("/work/devdata/related/devset.json"))
    ap.add_argument("--bin", action="append", help="edicola binaries (default: release)")
    ap.add_argument("--short", action="store_true", help="title + lead only")
    ap.add_argument("--lists", help="the related_lists example binary: the first --bin's lists "
                    "from it, in one process (fast, for tuning)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    dev = json.loads(args.devset.read_text())
    articles = dev["articles"]
    truth: dict[str, set[str]] = {}
    for x, y in dev["pairs"]:
        truth.setdefault(x, set()).add(y)
        truth.setdefault(y, set()).add(x)
    labelled = sum(a["labelled"] for a in articles)
    best = sum(min(K, len(t)) / K for t in truth.values()) / max(len(truth), 1)
    print(f"{len(articles)} articles ({labelled} labelled, {len(truth)} with a same-story "
          f"article, {len(dev['pairs'])} pairs){' [title + lead]' if args.short else ''}; "
          f"the best possible P@5 is {best:.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        for n, binary in enumerate(args.bin or ["target/release/edicola"]):
            lister = args.lists if n == 0 else None
            result = edicola_lists(binary, articles, args.short, Path(tmp), lister)
            name = f"edicola {binary}" + (" (lists: related_lists)" if lister else "")
            print(score(name, result, articles, truth, args.verbose))
    print(score("tf-idf cosine (exhaustive)", tfidf_lists(articles, args.short), articles,
                truth, args.verbose))


if __name__ == "__main__":
    main()
