#!/usr/bin/env python3
"""Build the development set for "Similar in your store" (tools/eval_related.py).

Sources (public GitHub repositories; their data stays out of this repository):

* fatih-gedikli/news_story_chains-2021-06 (CC BY-NC 4.0): 100 English business-energy
  news articles from many outlets (June 2021) with full texts, and every one of the 4,950
  pairs labelled by hand as the same story chain (1) or not (0): 88 positive pairs.
* ZurichNLP/20min-XD (its validation set): 14 pairs of German and French articles of one
  Swiss outlet published the same day, each pair meant to tell one story. Read by hand: two
  pairs are the same story (a satellite's re-entry), so their four articles are one story;
  one pair is not one story (a goalkeeper; a competition's new format) and stays unlabelled.
  This is the set's only cross-language part.
* EMBEDDIA/semeval-2022-MNS (MIT code; the crawled pages are the outlets' own): the
  SemEval-2022 Task 8 trial articles as crawled, unlabelled, used as distractors only
  (mostly English, a few German and others).

Writes OUT/devset.json: {"articles": [{"id", "title", "summary", "text", "lang", "url",
"labelled"}], "pairs": [[id, id], ...]} where pairs are the positive (same story) pairs
among labelled articles; every other pair of labelled articles is a negative.

    python3 tools/fetch_related_devset.py [--out /work/devdata/related]
        [--chains GIT_DIR] [--semeval GIT_DIR] [--xd GIT_DIR]

Without --chains/--semeval/--xd the repositories are cloned (shallow) into OUT/src/.
Standard library only; needs git.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import re
import subprocess
from pathlib import Path

CHAINS = "fatih-gedikli/news_story_chains-2021-06"
SEMEVAL = "EMBEDDIA/semeval-2022-MNS"
XD = "ZurichNLP/20min-XD"
XD_TSV = "data/val/val_set.tsv"
# Rows of XD_TSV read as one story, and the row that is not one story.
XD_SAME_STORY = [(1, 6)]
XD_NOT_ONE_STORY = {11}
PAIRS_CSV = "gedikli-business_energy_news_dataset-2021-06-29.csv"
TEXTS_CSV = "gedikli-business_energy_news_dataset-2021-06-29-article_texts.csv"


def git_show(repo: Path, path: str) -> str:
    out = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"],
                         check=True, capture_output=True)
    return out.stdout.decode("utf-8-sig", errors="replace")


def git_files(repo: Path, under: str) -> list[str]:
    out = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD", under],
                         check=True, capture_output=True, text=True)
    return out.stdout.split()


def clone(name: str, into: Path) -> Path:
    target = into / name.replace("/", "+")
    if not target.exists():
        subprocess.run(["git", "clone", "--depth", "1", "--bare",
                        f"https://github.com/{name}", str(target)], check=True)
    return target


def short_id(url: str) -> str:
    return hashlib.sha1(url.encode()).hexdigest()[:12]


def labelled(chains: Path) -> tuple[list[dict], list[list[str]]]:
    texts = list(csv.DictReader(io.StringIO(git_show(chains, TEXTS_CSV))))
    pairs = list(csv.DictReader(io.StringIO(git_show(chains, PAIRS_CSV)), delimiter=";"))
    summaries = {}
    for p in pairs:
        summaries.setdefault(p["url1"], p["summary1"])
        summaries.setdefault(p["url2"], p["summary2"])
    articles = [{
        "id": short_id(t["url"]), "title": t["title"].strip(),
        "summary": summaries.get(t["url"], t.get("summary", "")).strip(),
        "text": t["text"].strip(), "lang": "en", "url": t["url"], "labelled": True,
    } for t in texts]
    positive = sorted([short_id(p["url1"]), short_id(p["url2"])]
                      for p in pairs if p["relation"].strip() == "1")
    return articles, positive


def distractors(semeval: Path, seen: set[str]) -> list[dict]:
    out = []
    for path in git_files(semeval, "trial_data"):
        if not path.endswith(".json"):
            continue
        page = json.loads(git_show(semeval, path))
        url, title, text = page.get("url", ""), page.get("title", ""), page.get("text", "")
        if not url or url in seen or not title or len(text.split()) < 30:
            continue
        seen.add(url)
        out.append({"id": short_id(url), "title": title.strip(), "summary": "",
                    "text": text.strip(), "lang": page.get("meta_lang") or None,
                    "url": url, "labelled": False})
    return out


def xd_text(markup: str) -> list[str]:
    """The paragraphs of an article of XD_TSV (its own tags: <ld> lead, <p>, <zt>
    subheading, <lg> caption, <au> author, <ka> quote); captions and authors dropped."""
    markup = re.sub(r"<(lg|au)>.*?</\1>", " ", markup, flags=re.S)
    blocks = re.split(r"</(?:p|zt|ld|ka)>", markup)
    out = [html.unescape(re.sub(r"<[^>]+>", " ", b)) for b in blocks]
    return [" ".join(b.split()) for b in out if b.strip()]


def comparable(xd: Path) -> tuple[list[dict], list[list[str]]]:
    csv.field_size_limit(1 << 26)
    rows = list(csv.DictReader(io.StringIO(git_show(xd, XD_TSV)), delimiter="\t"))
    articles, stories = [], {}
    for n, row in enumerate(rows):
        for lang in ("de", "fr"):
            paragraphs = xd_text(row[f"content_{lang}"])
            url = row[f"article_link_{lang}"]
            articles.append({
                "id": short_id(url), "title": row[f"head_{lang}"].strip(),
                "summary": paragraphs[0] if paragraphs else "",
                "text": "\n".join(paragraphs), "lang": lang, "url": url,
                "labelled": n not in XD_NOT_ONE_STORY,
            })
            if n not in XD_NOT_ONE_STORY:
                story = next((a for a, b in XD_SAME_STORY if n in (a, b)), n)
                stories.setdefault(story, []).append(short_id(url))
    pairs = sorted(sorted([a, b]) for ids in stories.values()
                   for i, a in enumerate(ids) for b in ids[i + 1:])
    return articles, pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/work/devdata/related"))
    ap.add_argument("--chains", type=Path, help=f"a clone of {CHAINS}")
    ap.add_argument("--semeval", type=Path, help=f"a clone of {SEMEVAL}")
    ap.add_argument("--xd", type=Path, help=f"a clone of {XD}")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    chains = args.chains or clone(CHAINS, args.out / "src")
    semeval = args.semeval or clone(SEMEVAL, args.out / "src")
    xd = args.xd or clone(XD, args.out / "src")
    articles, pairs = labelled(chains)
    more, more_pairs = comparable(xd)
    articles += more
    pairs += more_pairs
    articles += distractors(semeval, {a["url"] for a in articles})
    (args.out / "devset.json").write_text(
        json.dumps({"articles": articles, "pairs": pairs}, ensure_ascii=False, indent=1))
    print(f"{len(articles)} articles ({sum(a['labelled'] for a in articles)} labelled), "
          f"{len(pairs)} same-story pairs -> {args.out / 'devset.json'}")


if __name__ == "__main__":
    main()
