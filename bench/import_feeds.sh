#!/bin/sh
# Import benchmark: a directory of feed files (default 1,000 feeds, 20,000
# articles) from ../shared/bench/gen_corpus.py, imported into an empty store,
# then re-imported unchanged. Prints articles per second for both.
# usage: bench/import_feeds.sh [FEEDS] [ARTICLES]
set -eu
FEEDS=${1:-1000}
ARTICLES=${2:-20000}
HERE=$(cd "$(dirname "$0")/.." && pwd)
SHARED="$HERE/../shared"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo build --release --quiet --manifest-path "$HERE/Cargo.toml"
BIN="$HERE/target/release/edicola"
python3 "$SHARED/bench/gen_corpus.py" --out "$WORK/feeds" --articles "$ARTICLES" --feeds "$FEEDS" \
    --learn "$SHARED"/seeds/*.txt >/dev/null
run() {
    start=$(date +%s.%N)
    "$BIN" --data "$WORK/data" --config "$WORK/config" import "$WORK/feeds" >/dev/null 2>"$WORK/err"
    end=$(date +%s.%N)
    python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]}: {int(sys.argv[4])} articles in {s:.2f} s = {int(sys.argv[4])/s:,.0f} articles/s')" \
        "$start" "$end" "$1" "$ARTICLES"
    tail -n 1 "$WORK/err"
}
echo "$FEEDS feed files, $ARTICLES articles, $(nproc) cores"
run "first import"
run "re-import (unchanged)"
