#!/usr/bin/env bash
# CI: builds the fuzz targets and runs each for FUZZ_SECONDS (default 20)
# on the seeded corpus; fails if any crashes, times out or breaks an
# invariant. Skipped (exit 0) where there is no nightly toolchain.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-20}"

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: no nightly toolchain, skipped"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    if ! cargo install cargo-fuzz --locked; then
        echo "fuzz: cargo-fuzz is not installed and could not be installed, skipped"
        exit 0
    fi
fi

set -e
echo "== fuzz: seeding fuzz/corpus"
fuzz/seed.sh
echo "== fuzz: building the targets"
cargo +nightly fuzz build
set +e

failed=()
for target in $(cargo +nightly fuzz list); do
    echo "== fuzz: $target for ${seconds} s"
    # A generous per-input timeout: a loaded machine must not fail CI.
    if ! fuzz/run.sh "$target" -max_total_time="$seconds" -timeout=60; then
        failed+=("$target")
    fi
done
if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: FAILED: ${failed[*]} (inputs in fuzz/artifacts/; see CONTRIBUTING.md)"
    exit 1
fi
echo "fuzz: every target ran ${seconds} s without a crash"
