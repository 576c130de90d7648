#!/usr/bin/env bash
# Runs one fuzz target with the project's libFuzzer settings: the target's
# input size limit, at most 10 s per input (a slower one is reported as a
# timeout) and 2 GiB of memory. More libFuzzer flags may follow, e.g.
#   fuzz/run.sh page -max_total_time=120
# Needs a nightly toolchain and cargo-fuzz (see CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: fuzz/run.sh TARGET [LIBFUZZER-FLAGS...]}"
shift
# Sized to what each parser meets: whole pages and feeds, smaller files
# for OPML and bodies, a search box for queries.
case "$target" in
    page | rss_fast | feed_rs | atom) max_len=262144 ;;
    textpage | json_feed) max_len=131072 ;;
    detect | decode | opml | body) max_len=65536 ;;
    keymap | subs) max_len=16384 ;;
    search) max_len=1024 ;;
    *)
        echo "run: no fuzz target $target (cargo +nightly fuzz list)" >&2
        exit 2
        ;;
esac
mkdir -p "fuzz/corpus/$target"
exec cargo +nightly fuzz run "$target" -- \
    -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
