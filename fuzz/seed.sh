#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with starting inputs: the repository's test
# fixtures and assets, the small seeds in fuzz/seeds/, and, when it is
# beside the checkout, the shared devset (../shared/devset: third-party
# content, copied into the gitignored corpus only, never committed).
# Safe to run again: files are copied over, the fuzzers' finds are kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/fuzz"
devset="$root/../shared/devset"

# seed TARGET PREFIX FILE...: copies each existing file as PREFIX-NAME.
seed() {
    local target="$1" prefix="$2"
    shift 2
    mkdir -p "$fuzz/corpus/$target"
    local file
    for file in "$@"; do
        [ -f "$file" ] && [ -s "$file" ] || continue
        cp "$file" "$fuzz/corpus/$target/$prefix-$(basename "$file")"
    done
}

fx="$root/tests/fixtures"
shopt -s nullglob
feeds=("$fx"/feeds/*)
xml_feeds=("$fx"/feeds/*.xml "$fx"/feeds/*.rdf)
atom_feeds=("$fx"/feeds/atom*)
json_feeds=("$fx"/feeds/*.json)
pages=("$fx"/html/*)
texts=("$fx"/textpage/* "$fx"/*.txt "$root"/assets/seeds/*)

seed detect fixture "${feeds[@]}" "${pages[@]}" "${texts[@]}" "$fx"/opml/* "$fx"/binary.bin
seed decode fixture "${feeds[@]}" "${pages[@]}" "$fx"/textpage/*
seed rss_fast fixture "${xml_feeds[@]}"
seed feed_rs fixture "${xml_feeds[@]}"
seed atom fixture "${atom_feeds[@]}"
seed json_feed fixture "${json_feeds[@]}"
seed page fixture "${pages[@]}"
seed textpage fixture "${texts[@]}"
seed opml fixture "$fx"/opml/* "$fuzz"/seeds/opml/*
seed keymap asset "$root"/assets/keymap.toml
seed keymap seed "$fuzz"/seeds/keymap/*
seed subs seed "$fuzz"/seeds/subs/*
seed search seed "$fuzz"/seeds/search/*
seed body text "$fx"/textpage/* "$root"/assets/seeds/*

if [ -d "$devset" ]; then
    dfeeds=("$devset"/feeds/*.xml "$devset"/feeds/*.json)
    seed detect devset "${dfeeds[@]}" "$devset"/txt/*.txt
    seed decode devset "${dfeeds[@]}"
    seed rss_fast devset "$devset"/feeds/*.xml
    seed feed_rs devset "$devset"/feeds/*.xml
    seed atom devset "$devset"/feeds/*atom*
    seed json_feed devset "$devset"/feeds/*.json
    seed textpage devset "$devset"/txt/*.txt
    for dir in "$devset"/html/*/; do
        name="$(basename "$dir")"
        [ -f "$dir/source.html" ] || continue
        mkdir -p "$fuzz/corpus/page" "$fuzz/corpus/detect"
        cp "$dir/source.html" "$fuzz/corpus/page/devset-$name.html"
        cp "$dir/source.html" "$fuzz/corpus/detect/devset-$name.html"
    done
else
    echo "seed: no $devset, seeding from the repository only"
fi

# Compressed bodies as the store writes them (frames with their size) and
# as a stream writes them (without), when the zstd tool is there.
if command -v zstd >/dev/null 2>&1; then
    for file in "$fx"/textpage/* "$root"/assets/seeds/*; do
        name="$(basename "$file")"
        zstd -q -1 -c "$file" >"$fuzz/corpus/body/zstd-$name.zst"
        zstd -q -1 -c <"$file" >"$fuzz/corpus/body/zstd-stream-$name.zst"
    done
fi

for dir in "$fuzz"/corpus/*/; do
    echo "seed: $(basename "$dir"): $(find "$dir" -type f | wc -l) inputs"
done
