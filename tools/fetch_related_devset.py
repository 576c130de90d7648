#!/usr/bin/env python3
"""Build the development set for "Similar in your store" (tools/eval_related.py).

Sources (public GitHub repositories; their data stays out of this repository):

* fatih-gedikli/news_story_chains-2021-06 (CC BY-NC 4.0): 100 English business-energy
  news articles from many outlets (June 2021) with full texts, and every one of the 4,950
  pairs labelled by hand as the same story chain (1) or not (0): 88 positive pairs.
* EMBEDDIA/semeval-2022-MNS (MIT code; the crawled pages are the outlets' own): the
  SemEval-2022 Task 8 trial articles as crawled, unlabelled, used as distractors only
  (mostly English, a few German and others).

Writes OUT/devset.json: {"articles": [{"id", "title", "summary", "text", "lang", "url",
"labelled"}], "pairs": [[id, id], ...]} where pairs are the positive (same story) pairs
among labelled articles; every other pair of labelled articles is a negative.

    python3 tools/fetch_related_devset.py [--out /work/devdata/related]
        [--chains GIT_DIR] [--semeval GIT_DIR]

Without --chains/--semeval the repositories are cloned (shallow) into OUT/src/.
Standard library only; needs git.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
from pathlib import Path

CHAINS = "fatih-gedikli/news_story_chains-2021-06"
SEMEVAL = "EMBEDDIA/semeval-2022-MNS"
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/work/devdata/related"))
    ap.add_argument("--chains", type=Path, help=f"a clone of {CHAINS}")
    ap.add_argument("--semeval", type=Path, help=f"a clone of {SEMEVAL}")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    chains = args.chains or clone(CHAINS, args.out / "src")
    semeval = args.semeval or clone(SEMEVAL, args.out / "src")
    articles, pairs = labelled(chains)
    articles += distractors(semeval, {a["url"] for a in articles})
    (args.out / "devset.json").write_text(
        json.dumps({"articles": articles, "pairs": pairs}, ensure_ascii=False, indent=1))
    print(f"{len(articles)} articles ({sum(a['labelled'] for a in articles)} labelled), "
          f"{len(pairs)} same-story pairs -> {args.out / 'devset.json'}")


if __name__ == "__main__":
    main()
