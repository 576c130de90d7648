#!/usr/bin/env bash
# Edicola and newsboat side by side on the same synthetic corpora, in one run:
# loading the articles, start-up (first frame, memory), key-to-frame latency in
# the reader, typing a search letter by letter, and command-line search.
# Writes BENCHMARKS.md at the repo root, keeping the part of the old file below
# its line "<!-- Below this line: kept ... -->" (figures measured by hand).
#
# usage: bench/compare.sh [-r RUNS] [-i IMPORT_RUNS] [-w WORKDIR] [-p PORT]
#                         [-q QUERY] [-t WORD] [-m] [-n MAX] [-o FILE] [SIZES...]
#   SIZES          articles per corpus (default: 1000 10000 100000; at least 100).
#                  Up to 100000, 50 feed files (reader_setup.sh); above, 200, so that
#                  no file passes Edicola's 20 MB cap on an HTTP response
#                  (BENCH_MANY_FEEDS_ABOVE changes 100000, to test that layout small).
#   -m, --million  add the size 1000000 (Edicola only, unless -n says otherwise; the
#                  corpus takes about 10 min to generate, 3.6 GB, and the run about
#                  12 GB of disk in all)
#   -n, --newsboat-max  largest size newsboat is measured at (default 100000;
#                  BENCH_NEWSBOAT_MAX): its start-up reads every article (about 6 s
#                  at 100000) and a reload fetches one feed at a time, so above this
#                  size the report has Edicola's figures only
#   -r, --runs     runs of every start-up and key measurement, medians (default 5; BENCH_RUNS)
#   -i, --import-runs  runs of every import/reload from an empty store (default: RUNS;
#                  BENCH_IMPORT_RUNS)
#   -w, --work     work dir (default: BENCH_WORK, else a temporary dir removed at the end).
#                  Corpora already laid out there are reused, so a second run skips generation.
#   -p, --port     loopback port of the feed server (default: BENCH_PORT, else a free one)
#   -q, --query    two-word search query found in the corpus (default: BENCH_QUERY or "stati uniti")
#   -t, --type     word typed letter by letter in Edicola's search prompt, to time the
#                  frame of each key and the results after the last one (default:
#                  BENCH_TYPE, else the query's first word); letters and digits only
#   -o, --out      report file (default: BENCHMARKS.md at the repo root)
#
# Needs python3 and tmux; installs newsboat (when a size is at most -n) and tmux
# from Debian when missing (apt-get, through sudo when not root). Builds Edicola with cargo build --release.
# Readers run with HOME and XDG dirs inside the work dir, so the user's own
# configuration and stores are never read or touched.
set -eu
set -o pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$REPO/../shared/bench"

die() { printf 'compare.sh: %s\n' "$*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
usage() { sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

RUNS=${BENCH_RUNS:-5}
IMPORT_RUNS=${BENCH_IMPORT_RUNS:-}
WORK=${BENCH_WORK:-}
PORT=${BENCH_PORT:-}
QUERY=${BENCH_QUERY:-stati uniti}
TYPE=${BENCH_TYPE:-}
NB_MAX=${BENCH_NEWSBOAT_MAX:-100000}
MANY_ABOVE=${BENCH_MANY_FEEDS_ABOVE:-100000}
MILLION=0
OUT="$REPO/BENCHMARKS.md"
SIZES=()
while [ $# -gt 0 ]; do
  case $1 in
    -r|--runs) [ $# -ge 2 ] || die "$1 needs a value"; RUNS=$2; shift 2 ;;
    -i|--import-runs) [ $# -ge 2 ] || die "$1 needs a value"; IMPORT_RUNS=$2; shift 2 ;;
    -w|--work) [ $# -ge 2 ] || die "$1 needs a value"; WORK=$2; shift 2 ;;
    -p|--port) [ $# -ge 2 ] || die "$1 needs a value"; PORT=$2; shift 2 ;;
    -q|--query) [ $# -ge 2 ] || die "$1 needs a value"; QUERY=$2; shift 2 ;;
    -t|--type) [ $# -ge 2 ] || die "$1 needs a value"; TYPE=$2; shift 2 ;;
    -n|--newsboat-max) [ $# -ge 2 ] || die "$1 needs a value"; NB_MAX=$2; shift 2 ;;
    -m|--million) MILLION=1; shift ;;
    -o|--out) [ $# -ge 2 ] || die "$1 needs a value"; OUT=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; SIZES+=("$@"); break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) SIZES+=("$1"); shift ;;
  esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
if [ "$MILLION" -eq 1 ] && [[ " ${SIZES[*]} " != *" 1000000 "* ]]; then SIZES+=(1000000); fi
IMPORT_RUNS=${IMPORT_RUNS:-$RUNS}
is_int() { case $1 in ''|*[!0-9]*) return 1 ;; *) return 0 ;; esac; }
for n in "${SIZES[@]}"; do
  if ! is_int "$n" || [ "$n" -lt 100 ]; then die "size '$n' is not a whole number of at least 100"; fi
done
if ! is_int "$RUNS" || [ "$RUNS" -lt 1 ]; then die "runs '$RUNS' is not a positive number"; fi
if ! is_int "$IMPORT_RUNS" || [ "$IMPORT_RUNS" -lt 1 ]; then die "import runs '$IMPORT_RUNS' is not a positive number"; fi
[ -z "$PORT" ] || is_int "$PORT" || die "port '$PORT' is not a number"
is_int "$NB_MAX" || die "newsboat's largest size '$NB_MAX' is not a whole number"
is_int "$MANY_ABOVE" || die "BENCH_MANY_FEEDS_ABOVE '$MANY_ABOVE' is not a whole number"
case $QUERY in
  *\'*|*\"*|*\\*) die "the query must not contain quotes or backslashes" ;;
  *" "*) ;;
  *) die "the query should be two words (got '$QUERY')" ;;
esac
TYPE=${TYPE:-${QUERY%% *}}
case $TYPE in
  ''|*[!A-Za-z0-9]*) die "the typed word must be letters and digits only (got '$TYPE'; see -t)" ;;
esac
[ ${#TYPE} -ge 3 ] || die "the typed word should have 3 letters or more (got '$TYPE'; see -t)"
# with_nb N: true when newsboat is measured at size N.
with_nb() { [ "$1" -le "$NB_MAX" ]; }
# feeds_for N: feed files of the corpus of size N.
feeds_for() { if [ "$1" -le "$MANY_ABOVE" ]; then echo 50; else echo 200; fi; }
NB_ANY=0
for n in "${SIZES[@]}"; do if with_nb "$n"; then NB_ANY=1; fi; done
[ -d "$BENCH" ] || die "no benchmark tools at $BENCH (the shared folder beside the repo)"
for t in reader_setup.sh first_frame.py tui_latency.py gen_corpus.py; do
  [ -f "$BENCH/$t" ] || die "missing $BENCH/$t"
done
command -v python3 >/dev/null || die "python3 is needed"
command -v cargo >/dev/null || die "cargo is needed to build Edicola"

# ---------------------------------------------------------------- tools
apt_install() {
  if [ "$(id -u)" -eq 0 ]; then set -- apt-get install -y "$@"; else set -- sudo apt-get install -y "$@"; fi
  log "installing: ${*: -1} ($*)"
  if ! DEBIAN_FRONTEND=noninteractive "$@" >&2; then
    log "install failed; running apt-get update first"
    if [ "$(id -u)" -eq 0 ]; then apt-get update >&2; else sudo apt-get update >&2; fi
    DEBIAN_FRONTEND=noninteractive "$@" >&2 || die "could not install: $*"
  fi
}
command -v tmux >/dev/null || apt_install tmux
if [ "$NB_ANY" -eq 1 ]; then command -v newsboat >/dev/null || apt_install newsboat; fi
command -v tmux >/dev/null || die "tmux is still missing"
if [ "$NB_ANY" -eq 1 ]; then command -v newsboat >/dev/null || die "newsboat is still missing"; fi

log "building Edicola (cargo build --release)"
cargo build --release --manifest-path "$REPO/Cargo.toml" >&2 || die "cargo build --release failed"
BIN="$REPO/target/release/edicola"
[ -x "$BIN" ] || die "no binary at $BIN after the build"

# ---------------------------------------------------------------- work dir, cleanup
CLEAN_WORK=0
if [ -z "$WORK" ]; then
  WORK=$(mktemp -d /tmp/edicola-compare.XXXXXX)
  CLEAN_WORK=1
else
  mkdir -p "$WORK"
  WORK=$(cd "$WORK" && pwd)
fi
# Our own tmux socket dir: every tmux server the harness starts lives there, so
# cleanup can stop exactly those (and no one else's).
TMUX_TMPDIR=$(mktemp -d /tmp/cmp-tmux.XXXXXX)
export TMUX_TMPDIR
unset TMUX TMUX_PANE
SERVER_PID=
cleanup() {
  rc=$?
  trap - EXIT INT TERM
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  for sock in "$TMUX_TMPDIR"/tmux-*/*; do
    if [ -S "$sock" ]; then tmux -S "$sock" kill-server 2>/dev/null || true; fi
  done
  rm -rf "$TMUX_TMPDIR"
  if [ "$CLEAN_WORK" -eq 1 ]; then rm -rf "$WORK"; fi
  [ "$rc" -eq 0 ] || printf 'compare.sh: failed (exit %s); logs were in %s/logs\n' "$rc" "$WORK" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
LOGS="$WORK/logs"
mkdir -p "$LOGS"
# The run uses its own copy of the binary: a rebuild meanwhile cannot change it.
cp "$BIN" "$WORK/edicola-bin"
BIN="$WORK/edicola-bin"

if [ -z "$PORT" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi

# Isolated environment for both readers (after the build: cargo needs the real HOME).
export HOME="$WORK/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
unset EDICOLA_DATA EDICOLA_CONFIG BROWSER http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
if locale -a 2>/dev/null | grep -qix 'c.utf-\{0,1\}8'; then export LC_ALL=C.UTF-8; fi

# ---------------------------------------------------------------- helpers
now_ns() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }
# timed LOG CMD...: runs CMD (stdout to /dev/null, stderr to LOG), prints elapsed ms.
timed() {
  local tlog=$1 t0 t1
  shift
  t0=$(now_ns)
  if ! "$@" >/dev/null 2>"$tlog"; then
    cat "$tlog" >&2
    die "failed: $*"
  fi
  t1=$(now_ns)
  echo $(((t1 - t0) / 1000000))
}
# ed_hits DIR QUERY: how many articles Edicola's store in DIR finds for QUERY
# (the last word a prefix, as in the reader's prompt).
ed_hits() {
  "$BIN" --data "$1/data" --config "$1/config" search --json --limit 100000000 "$2" \
    | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
}
nb_count() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from rss_item where deleted = 0").fetchone()[0])' "$1"; }
nb_search_count() {
  python3 -c 'import sqlite3, sys
q = "%" + sys.argv[2] + "%"
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from rss_item where deleted = 0 and (title like ? or content like ?)", (q, q)).fetchone()[0])' "$1" "$2"
}
# field NAME LINE: the number after NAME= in a result line of the harness.
field() {
  [[ $2 =~ (^|[[:space:]])$1=([0-9.]+) ]] || die "no $1 in: $2"
  printf '%s\n' "${BASH_REMATCH[2]}"
}
# newsboat keeps a lock file with its pid; a run killed with its tmux session may
# still be exiting, and the next one would refuse to start.
nb_wait_unlocked() {
  local lock="$1.lock" lpid=
  for _ in $(seq 6000); do
    [ -e "$lock" ] || return 0
    lpid=$(cat "$lock" 2>/dev/null || true)
    if [ -z "$lpid" ] || ! kill -0 "$lpid" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "newsboat (pid $lpid) still holds $lock after 600 s"
}
# Titles newsboat will show: oldest, newest and second newest article of a corpus.
corpus_titles() {
  python3 - "$1" "$2" <<'EOF'
import glob, html, os, re, sys
d, n = sys.argv[1], int(sys.argv[2])
feeds = len(glob.glob(os.path.join(d, "feed-*.xml")))
for k in (0, n - 1, n - 2):
    f = k % feeds
    text = open(os.path.join(d, "feed-%03d.xml" % f), encoding="utf-8").read()
    m = re.search(r"<item><title>([^<]*)</title><link>http://feed%d\.example/a/%d</link>" % (f, k), text)
    if not m:
        sys.exit("article %d not found in %s" % (k, d))
    t = html.unescape(m.group(1))
    if len(t) > 70:
        t = t[:70].rsplit(" ", 1)[0]
    print(t)
EOF
}
# first frame, one run at a time (so a newsboat still exiting cannot collide).
# ff_runs KEY LOCKFILE|- PATTERN CMD...: sets R[KEY_ms], R[KEY_rss], R[KEY_rss2]
ff_runs() {
  local key=$1 lockf=$2 pat=$3 i flog line
  local -a ms=() rss=() rss2=()
  shift 3
  for i in $(seq "$RUNS"); do
    [ "$lockf" = - ] || nb_wait_unlocked "$lockf"
    sleep 0.5
    flog="$LOGS/$key-first-frame-$i.log"
    if ! python3 "$BENCH/first_frame.py" --runs 1 --timeout 600 "$pat" -- "$@" >"$flog" 2>&1; then
      cat "$flog" >&2
      die "first frame of $key: pattern '$pat' did not show (see above)"
    fi
    line=$(grep '^median ' "$flog") || die "no result in $flog"
    ms+=("$(field ms "$line")")
    rss+=("$(field rss_mb "$line")")
    rss2+=("$(field rss_settled_mb "$line")")
  done
  R[${key}_ms]=$(median "${ms[@]}")
  R[${key}_rss]=$(median "${rss[@]}")
  R[${key}_rss2]=$(median "${rss2[@]}")
  log "  $key first frame ${R[${key}_ms]} ms, ${R[${key}_rss]} MB (runs: ${ms[*]})"
}
# tui_latency, one run at a time. tl_runs KEY LOCKFILE|- "LABELS" LATENCY-ARGS... -- CMD...
# LABELS: the numbers of the timed steps (tui_latency counts the untimed "-" steps too).
# Sets R[KEY_ready] and R[KEY_sL] for each label L (medians).
tl_runs() {
  local key=$1 lockf=$2 labels=$3 i s tlog line
  local -A acc=()
  shift 3
  for i in $(seq "$RUNS"); do
    [ "$lockf" = - ] || nb_wait_unlocked "$lockf"
    sleep 0.5
    tlog="$LOGS/$key-latency-$i.log"
    if ! python3 "$BENCH/tui_latency.py" --runs 1 --timeout 600 "$@" >"$tlog" 2>&1; then
      cat "$tlog" >&2
      die "key latency of $key failed (see above; log $tlog)"
    fi
    line=$(grep '^median ' "$tlog") || die "no result in $tlog"
    acc[ready]+=" $(field ready_ms "$line")"
    for s in $labels; do
      acc[s$s]+=" $(field "step${s}_ms" "$line")"
    done
  done
  # shellcheck disable=SC2086  # word splitting of the space-separated samples is intended
  R[${key}_ready]=$(median ${acc[ready]})
  for s in $labels; do
    # shellcheck disable=SC2086
    R[${key}_s$s]=$(median ${acc[s$s]})
  done
  log "  $key keys: ready ${R[${key}_ready]} ms; $(for s in $labels; do printf 's%s=%s ' "$s" "${R[${key}_s$s]}"; done)"
}

declare -A R=()
KEEP_MARK='<!-- Below this line: kept as it is when bench/compare.sh rewrites this file. -->'
STARTED=$(date '+%Y-%m-%d %H:%M %Z')
T_START=$(date +%s)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
# share of the last minute in which some task waited for the disk (Linux PSI), if available
io_pressure() { sed -n 's/^some avg10=[0-9.]* avg60=\([0-9.]*\).*/\1 %/p' /proc/pressure/io 2>/dev/null || true; }
IO_START=$(io_pressure)

# ---------------------------------------------------------------- corpora and server
# About 40 KB of disk per article: the feed files, two Edicola stores, newsboat's cache;
# 12 KB without newsboat.
need_kb=0
for N in "${SIZES[@]}"; do
  if with_nb "$N"; then need_kb=$((need_kb + N * 40)); else need_kb=$((need_kb + N * 12)); fi
done
avail_kb=$(df -Pk "$WORK" | awk 'NR == 2 {print $4}')
if [ -n "$avail_kb" ] && [ "$avail_kb" -lt "$need_kb" ]; then
  die "about $((need_kb / 1024)) MB of disk are needed in $WORK, $((avail_kb / 1024)) MB are free"
fi
# setup_many W PORT N FEEDS: what reader_setup.sh lays out (it always writes 50 feed
# files), with FEEDS files: the corpus, newsboat's urls and config, an OPML list.
setup_many() {
  local w=$1 port=$2 n=$3 feeds=$4 d
  python3 "$BENCH/gen_corpus.py" --out "$w/corpus-$n" --articles "$n" --feeds "$feeds" \
    --learn "$BENCH"/../seeds/*.txt || return 1
  d="$w/run-$n"; mkdir -p "$d"
  for i in $(seq -f %03g 0 $((feeds - 1))); do echo "http://127.0.0.1:$port/corpus-$n/feed-$i.xml"; done >"$d/urls"
  printf 'auto-reload no\nreload-threads 1\nshow-read-feeds yes\nconfirm-exit no\n' >"$d/config"
  { echo '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>bench</title></head><body>'
    sed 's|.*|<outline type="rss" text="f" xmlUrl="&"/>|' "$d/urls"
    echo '</body></opml>'; } >"$d/feeds.opml"
}
for N in "${SIZES[@]}"; do
  F=$(feeds_for "$N")
  # .complete-N holds the number of feed files (empty: 50, from an earlier version)
  had=
  if [ -f "$WORK/.complete-$N" ]; then had=$(cat "$WORK/.complete-$N"); had=${had:-50}; fi
  if [ "$had" = "$F" ] && [ -f "$WORK/run-$N/urls" ] && [ -d "$WORK/corpus-$N" ]; then
    log "corpus of $N articles: reusing $WORK/corpus-$N"
    sed -i "s|127\.0\.0\.1:[0-9]*/|127.0.0.1:$PORT/|" "$WORK/run-$N/urls" "$WORK/run-$N/feeds.opml"
  else
    rm -rf "$WORK/corpus-$N" "$WORK/run-$N" "$WORK/.complete-$N"
    if [ "$F" -eq 50 ]; then
      log "corpus of $N articles: generating (reader_setup.sh)"
      sh "$BENCH/reader_setup.sh" "$WORK" "$PORT" "$N" >"$LOGS/setup-$N.log" 2>&1 \
        || { cat "$LOGS/setup-$N.log" >&2; die "reader_setup.sh failed for $N"; }
    else
      log "corpus of $N articles: generating ($F feed files, gen_corpus.py)"
      setup_many "$WORK" "$PORT" "$N" "$F" >"$LOGS/setup-$N.log" 2>&1 \
        || { cat "$LOGS/setup-$N.log" >&2; die "generating the corpus of $N failed"; }
    fi
    echo "$F" >"$WORK/.complete-$N"
  fi
done

python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK" >"$LOGS/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOGS/server.log" >&2; die "the feed server on 127.0.0.1:$PORT exited (port in use?)"; }
  if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
       "http://127.0.0.1:$PORT/run-${SIZES[0]}/urls" 2>/dev/null; then break; fi
  sleep 0.1
done
python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
  "http://127.0.0.1:$PORT/run-${SIZES[0]}/urls" || die "the feed server on 127.0.0.1:$PORT does not answer"
log "serving $WORK on 127.0.0.1:$PORT (pid $SERVER_PID)"

# ---------------------------------------------------------------- measurements
for N in "${SIZES[@]}"; do
  C="$WORK/corpus-$N" RUN="$WORK/run-$N"
  ED="$WORK/edicola-$N" EF="$WORK/edicola-fetch-$N" NB="$WORK/newsboat-$N"
  R[mb,$N]=$(du -sm "$C" | cut -f1)
  log "== $N articles"

  # -- loading: from an empty store, then again with nothing changed
  a=() b=() c=() d=() e=() f=() g=() h=() st=() ix=()
  for i in $(seq "$IMPORT_RUNS"); do
    rm -rf "$ED"
    a+=("$(timed "$LOGS/ed-import-$N.log" "$BIN" --data "$ED/data" --config "$ED/config" import "$C/")")
    grep -q "^$N added, 0 updated, 0 unchanged, 0 failed" "$LOGS/ed-import-$N.log" \
      || { cat "$LOGS/ed-import-$N.log" >&2; die "edicola import of $N: unexpected summary"; }
    # The summary line says when the articles were stored; the index line
    # how long the search index took after that.
    st+=("$(sed -n 's/.* failed in \([0-9.]*\) s.*/\1/p' "$LOGS/ed-import-$N.log" | head -n 1 | awk '{printf "%d", $1 * 1000}')")
    ix+=("$(sed -n 's/^search index: .* indexed in \([0-9.]*\) s.*/\1/p' "$LOGS/ed-import-$N.log" | head -n 1 | awk '{printf "%d", $1 * 1000}')")
    # Unchanged files are not read again...
    b+=("$(timed "$LOGS/ed-reimport-$N.log" "$BIN" --data "$ED/data" --config "$ED/config" import "$C/")")
    grep -q "^0 added, 0 updated, 0 unchanged, 0 failed.*files not read again" "$LOGS/ed-reimport-$N.log" \
      || { cat "$LOGS/ed-reimport-$N.log" >&2; die "edicola re-import of $N: unexpected summary"; }
    # ...unless forced: then every article is parsed and compared.
    h+=("$(timed "$LOGS/ed-reimport-force-$N.log" "$BIN" --data "$ED/data" --config "$ED/config" import --force "$C/")")
    grep -q "^0 added, 0 updated, $N unchanged, 0 failed" "$LOGS/ed-reimport-force-$N.log" \
      || { cat "$LOGS/ed-reimport-force-$N.log" >&2; die "edicola re-import --force of $N: unexpected summary"; }

    rm -rf "$EF"
    "$BIN" --data "$EF/data" --config "$EF/config" import "$RUN/feeds.opml" >/dev/null 2>"$LOGS/ef-subscribe-$N.log" \
      || { cat "$LOGS/ef-subscribe-$N.log" >&2; die "edicola import of feeds.opml failed"; }
    c+=("$(timed "$LOGS/ef-fetch-$N.log" "$BIN" --data "$EF/data" --config "$EF/config" fetch)")
    grep -q "feeds, $N new articles, 0 failed" "$LOGS/ef-fetch-$N.log" \
      || { tail -n 5 "$LOGS/ef-fetch-$N.log" >&2; die "edicola fetch of $N: unexpected summary"; }
    d+=("$(timed "$LOGS/ef-refetch-$N.log" "$BIN" --data "$EF/data" --config "$EF/config" fetch)")
    grep -q "feeds, 0 new articles, 0 failed" "$LOGS/ef-refetch-$N.log" \
      || { tail -n 5 "$LOGS/ef-refetch-$N.log" >&2; die "edicola re-fetch of $N: unexpected summary"; }

    with_nb "$N" || continue
    rm -rf "$NB"; mkdir -p "$NB"
    e+=("$(timed "$LOGS/nb-reload-$N.log" newsboat -u "$RUN/urls" -C "$RUN/config" -c "$NB/cache.db" -x reload)")
    got=$(nb_count "$NB/cache.db")
    [ "$got" -eq "$N" ] || die "newsboat reload of $N stored $got articles"
    f+=("$(timed "$LOGS/nb-rereload-$N.log" newsboat -u "$RUN/urls" -C "$RUN/config" -c "$NB/cache.db" -x reload)")
    got=$(nb_count "$NB/cache.db")
    [ "$got" -eq "$N" ] || die "newsboat second reload of $N left $got articles"
    # newsboat sends If-Modified-Since only from its third reload of a feed on
    g+=("$(timed "$LOGS/nb-rereload2-$N.log" newsboat -u "$RUN/urls" -C "$RUN/config" -c "$NB/cache.db" -x reload)")
    got=$(nb_count "$NB/cache.db")
    [ "$got" -eq "$N" ] || die "newsboat third reload of $N left $got articles"
  done
  R[ed_import,$N]=$(median "${a[@]}"); R[ed_reimport,$N]=$(median "${b[@]}")
  R[ed_reforce,$N]=$(median "${h[@]}"); R[ed_stored,$N]=$(median "${st[@]}"); R[ed_index,$N]=$(median "${ix[@]}")
  R[ef_fetch,$N]=$(median "${c[@]}"); R[ef_refetch,$N]=$(median "${d[@]}")
  R[ed_store,$N]=$(du -sk "$ED/data" | cut -f1)
  if with_nb "$N"; then
    R[nb_reload,$N]=$(median "${e[@]}"); R[nb_rereload,$N]=$(median "${f[@]}")
    R[nb_rereload2,$N]=$(median "${g[@]}")
    R[nb_store,$N]=$(du -sk "$NB/cache.db" | cut -f1)
  fi
  log "  import ms: edicola ${a[*]} (stored ${st[*]}, index ${ix[*]}) | re-import ${b[*]} | --force ${h[*]} | fetch ${c[*]} | re-fetch ${d[*]} | newsboat reload ${e[*]:-not run} | again ${f[*]:-} | third ${g[*]:-}"

  # -- what the search finds, for the patterns
  R[ed_hits,$N]=$(ed_hits "$ED" "$QUERY")
  [ "${R[ed_hits,$N]}" -gt 0 ] || die "edicola finds nothing for '$QUERY' at $N: choose another query (-q)"
  # The typed word, and the same without its last letter: the results step waits
  # for the word's count, which must not already be on screen.
  R[ty_hits,$N]=$(ed_hits "$ED" "$TYPE")
  ty_before=$(ed_hits "$ED" "${TYPE%?}")
  [ "${R[ty_hits,$N]}" -gt 0 ] || die "edicola finds nothing for '$TYPE' at $N: choose another word to type (-t)"
  [ "${R[ty_hits,$N]}" -ne "$ty_before" ] \
    || die "'$TYPE' and '${TYPE%?}' find as many articles ($ty_before) at $N: the results step cannot tell them apart; choose another word to type (-t)"
  if with_nb "$N"; then
    R[nb_hits,$N]=$(nb_search_count "$NB/cache.db" "$QUERY")
    [ "${R[nb_hits,$N]}" -gt 0 ] || die "newsboat would find nothing for '$QUERY' at $N (it searches the exact text): choose another query (-q)"
  fi

  # -- command-line search, whole process
  s=()
  for i in $(seq "$RUNS"); do
    s+=("$(timed "$LOGS/ed-search-$N.log" "$BIN" --data "$ED/data" --config "$ED/config" search "$QUERY")")
  done
  R[ed_cli_search,$N]=$(median "${s[@]}")
  log "  edicola search ms: ${s[*]}"

  # -- first frame and memory
  ff_runs "ed$N" - "Articles 1/" "$BIN" --data "$ED/data" --config "$ED/config"
  with_nb "$N" && ff_runs "nb$N" "$NB/cache.db" "Your feeds (" newsboat -u "$RUN/urls" -C "$RUN/config" -c "$NB/cache.db"

  # -- keys
  tl_runs "ed$N" - "1 2 3 4 5" --quit "q" --ready "Articles 1/" \
    --step j "Articles 2/$N " \
    --step G "Articles $N/$N " \
    --step g "Articles 1/$N " \
    --step / "results · Enter keep" \
    --step "'$QUERY' Enter" "${R[ed_hits,$N]} results (Esc" \
    -- "$BIN" --data "$ED/data" --config "$ED/config"

  # -- the feeds pane: open it until its counts show (read on the feeds
  # thread), close it, open it again (the last counts show at once); then
  # next unread, until the reading pane shows it read (each run reads one more).
  tl_runs "edf$N" - "1 2 3 5" --quit "q" --ready "Articles 1/" \
    --step s "All articles" \
    --step Escape "Related" \
    --step s "All articles" \
    --step Escape "Related" \
    --step n "Reading ─" \
    -- "$BIN" --data "$ED/data" --config "$ED/config"

  # -- typing in the search prompt, letter by letter: each key until the prompt
  # shows it; then, in a run of its own (a new process: nothing remembered from
  # the first), the last key until the results for the whole word are shown.
  ty_keys=(--step / "results · Enter keep") ty_res=(--step / "results · Enter keep")
  typed=
  for ((k = 0; k < ${#TYPE}; k++)); do
    letter=${TYPE:k:1}
    typed+=$letter
    ty_keys+=(--step "$letter" "/$typed█")
    if [ $((k + 1)) -lt ${#TYPE} ]; then
      ty_res+=(--step "$letter" "/$typed█")
    else
      ty_res+=(--step "$letter" "  ${R[ty_hits,$N]} results ·")
    fi
  done
  tl_runs "ty$N" - "$(seq -s ' ' 1 $((${#TYPE} + 1)))" --quit "Escape q" --ready "Articles 1/" \
    "${ty_keys[@]}" -- "$BIN" --data "$ED/data" --config "$ED/config"
  tl_runs "tr$N" - "$((${#TYPE} + 1))" --quit "Escape q" --ready "Articles 1/" \
    "${ty_res[@]}" -- "$BIN" --data "$ED/data" --config "$ED/config"

  if ! with_nb "$N"; then
    log "  newsboat: not run at $N articles (above $NB_MAX, see -n)"
    continue
  fi
  titles=$(corpus_titles "$C" "$N") || die "could not read article titles from $C"
  oldest=$(sed -n 1p <<<"$titles") newest=$(sed -n 2p <<<"$titles") second=$(sed -n 3p <<<"$titles")
  if [ -z "$oldest" ] || [ -z "$newest" ] || [ -z "$second" ]; then die "could not read article titles from $C"; fi
  { echo '"query:Tutti gli articoli:unread = \"yes\" or unread = \"no\""'; cat "$RUN/urls"; } >"$NB/urls-all"
  tl_runs "nb$N" "$NB/cache.db" "1 2 3 4 5 8 9" --quit "q q q q" --ready "Your feeds (" \
    --step Enter "Articles in feed 'Tutti gli articoli'" \
    --step End "$oldest" \
    --step Home "$newest" \
    --step Enter "Title: $newest" \
    --step J "Title: $second" \
    --step q - --step q - \
    --step / "Search for:" \
    --step "'$QUERY' Enter" "Search results (" \
    -- newsboat -u "$NB/urls-all" -C "$RUN/config" -c "$NB/cache.db"
  nb_wait_unlocked "$NB/cache.db"
done

T_END=$(date +%s)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
IO_END=$(io_pressure)

# ---------------------------------------------------------------- report
# Newsboat's figures are empty at the sizes it was not run at: the cells say so.
for N in "${SIZES[@]}"; do
  with_nb "$N" && continue
  for k in reload rereload rereload2 store hits; do R[nb_$k,$N]=; done
  for k in ms rss rss2 ready s1 s2 s3 s4 s5 s8 s9; do R[nb${N}_$k]=; done
done
NOT_RUN="not run"
secs() { if [ -z "$1" ]; then echo "$NOT_RUN"; else awk -v ms="$1" 'BEGIN {printf "%.2f s", ms / 1000}'; fi; }
ms() { if [ -z "$1" ]; then echo "$NOT_RUN"; else printf '%s ms' "$1"; fi; }
rate() { awk -v ms="$1" -v n="$2" 'BEGIN {if (ms > 0) printf "%d", n * 1000 / ms; else print "-"}'; }
load() { if [ -z "$1" ]; then echo "$NOT_RUN"; else printf '%s (%s articles/s)' "$(secs "$1")" "$(rate "$1" "$2")"; fi; }
ratio() { if [ -z "$1" ] || [ -z "$2" ]; then echo "-"; else awk -v nb="$1" -v ed="$2" 'BEGIN {if (ed > 0) printf "%.1f×", nb / ed; else print "-"}'; fi; }
mbk() { if [ -z "$1" ]; then echo "$NOT_RUN"; else awk -v k="$1" 'BEGIN {printf "%.1f MB", k / 1024}'; fi; }
mem() { if [ -z "$1" ]; then echo "$NOT_RUN"; else printf '%s MB (%s)' "$1" "$2"; fi; }
row() { local out='|' cell; for cell in "$@"; do out+=" $cell |"; done; printf '%s\n' "$out"; }

NB_NOTE=
for N in "${SIZES[@]}"; do
  with_nb "$N" && continue
  NB_NOTE="
newsboat is not run above $NB_MAX articles (\`-n\`): its start-up loads every article from its
cache (about 6 s at 100000) and its reload fetches one feed at a time, so its cells there say
\"not run\"."
  break
done

COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
# The report itself does not count as a change.
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no -- . ':(exclude)BENCHMARKS.md' 2>/dev/null)" ]; then COMMIT="$COMMIT (with uncommitted changes)"; fi
CPU=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
RAM=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
OS=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null || true)
[ -n "$OS" ] || OS=$(uname -s)
if [ "$NB_ANY" -eq 1 ]; then
  NBV="$(newsboat -v 2>/dev/null | head -n 1 | sed 's/ - .*//') (Debian package)"
else
  NBV="newsboat: not run at these sizes"
fi
EDV=$("$BIN" --version)
TMUXV=$(tmux -V)
PYV=$(python3 --version)
TOOK=$(( (T_END - T_START + 59) / 60 ))

{
cat <<EOF
# Benchmarks: Edicola and newsboat side by side

Written by \`bench/compare.sh\` (do not edit by hand: run it again; it overwrites this file).
Run of $STARTED, $TOOK min; sizes: ${SIZES[*]} articles; $RUNS runs per start-up and key
measurement, $IMPORT_RUNS per load, medians.$NB_NOTE

Figures are medians, but the machine may be shared: steps near the harness floors (about 15 ms
for a first frame, 7 ms for a key) can move by half between runs, and newsboat's start-up, which
needs a whole core for longer, grows when other work competes for the two cores (compare the load
averages below).

## Machine and versions

- CPU: $CPU, $(nproc) cores (\`nproc\`); RAM $RAM; $OS, Linux $(uname -r)
- Load average (1/5/15 min) at the start: $LOAD_START; at the end: $LOAD_END
  (the machine is shared: other builds may have been running).
- Disk pressure (share of the last minute with a task waiting for I/O, \`/proc/pressure/io\`) at the
  start: ${IO_START:-unknown}; at the end: ${IO_END:-unknown}.
- $EDV at commit $COMMIT, \`cargo build --release\`
- $NBV
- $TMUXV, $PYV; terminal: a 160x48 tmux pane, \`LC_ALL=${LC_ALL:-unset}\`

## Corpus

\`../shared/bench/reader_setup.sh W PORT N\` writes N articles as 50 RSS 2.0 files
(\`gen_corpus.py\`, seed 7, about 550 words per article from an Italian vocabulary), newsboat's
\`urls\` and \`config\` (\`auto-reload no\`, \`reload-threads 1\`) and an OPML file, and
\`python3 -m http.server PORT --bind 127.0.0.1\` serves them on loopback. Above $MANY_ABOVE articles
the script lays out the same with 200 files (\`gen_corpus.py --feeds 200\`, same seed and
vocabulary), so that no file passes Edicola's 20 MB cap on an HTTP response.

| Articles | Feed files | On disk |
| ---: | ---: | ---: |
EOF
for N in "${SIZES[@]}"; do row "$N" "$(feeds_for "$N")" "${R[mb,$N]} MB"; done
cat <<EOF

**Ratio** columns are newsboat ÷ Edicola of a time or a size: above 1×, Edicola is faster or
smaller; below 1×, newsboat is.

## Loading the articles into an empty store

Edicola reads the feed files from disk (\`import\`) or over HTTP from the local server after
subscribing to the OPML list (\`fetch\`, up to 6 feeds at a time); newsboat reloads its \`urls\`
over HTTP (\`-x reload\`, one feed at a time, its \`reload-threads 1\` from reader_setup.sh).
Whole commands, process start included. Edicola commits with \`synchronous=FULL\` (an fsync per
transaction), so its figures here depend on how fast the disk syncs, which other work on a shared
machine changes a lot (see the disk pressure above).

EOF
row "Articles" "Edicola import (files)" "Edicola fetch (HTTP)" "newsboat reload (HTTP)" "Ratio to import" "Ratio to fetch"
row "---:" "---:" "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(load "${R[ed_import,$N]}" "$N")" "$(load "${R[ef_fetch,$N]}" "$N")" "$(load "${R[nb_reload,$N]}" "$N")" \
    "$(ratio "${R[nb_reload,$N]}" "${R[ed_import,$N]}")" "$(ratio "${R[nb_reload,$N]}" "${R[ef_fetch,$N]}")"
done
cat <<EOF

Edicola's import in two parts, from its own summary lines: the articles are stored (and visible
in the reader) first; the search index is built after, from a queue (Ctrl-C or a kill there
loses nothing: the reader or \`edicola index\` goes on from the queue).

EOF
row "Articles" "Stored" "Search index built" "Whole command"
row "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(load "${R[ed_stored,$N]}" "$N")" "$(secs "${R[ed_index,$N]}")" "$(secs "${R[ed_import,$N]}")"
done
cat <<EOF

## Loading again, nothing changed

The same command again on the filled store. Edicola's \`import\` skips files whose size and
modification time are those of their last import; with \`--force\` it re-reads every file and
compares every article with the stored one. Its \`fetch\` sends conditional requests
(If-Modified-Since) and gets a 304 for every feed. newsboat's second reload downloads and compares
everything again (it sends If-Modified-Since only from the third reload of a feed on, seen in the
server's log), its third reload gets a 304 for every feed. So the pairs that do the same work are
Edicola's re-import --force with newsboat's second reload, and Edicola's re-fetch with newsboat's
third reload. The last columns compare Edicola's plain re-import with its first import.

EOF
row "Articles" "Edicola re-import --force" "newsboat 2nd reload" "Ratio" "Edicola re-fetch (304)" "newsboat 3rd reload (304)" "Ratio" "Edicola re-import" "First import ÷ re-import"
row "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(secs "${R[ed_reforce,$N]}")" "$(secs "${R[nb_rereload,$N]}")" "$(ratio "${R[nb_rereload,$N]}" "${R[ed_reforce,$N]}")" \
    "$(secs "${R[ef_refetch,$N]}")" "$(secs "${R[nb_rereload2,$N]}")" "$(ratio "${R[nb_rereload2,$N]}" "${R[ef_refetch,$N]}")" \
    "$(secs "${R[ed_reimport,$N]}")" "$(ratio "${R[ed_import,$N]}" "${R[ed_reimport,$N]}")"
done
cat <<EOF

## Store on disk

Edicola's data dir (\`edicola.db\` with its WAL files and the full-text index) after import and
re-import; newsboat's \`cache.db\`.

EOF
row "Articles" "Edicola" "newsboat" "Ratio"
row "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(mbk "${R[ed_store,$N]}")" "$(mbk "${R[nb_store,$N]}")" "$(ratio "${R[nb_store,$N]}" "${R[ed_store,$N]}")"
done
cat <<EOF

## Start-up: first frame

\`first_frame.py\`: from launching the reader in a tmux pane until its first screen shows.
Edicola: the list's title \`Articles 1/N\` (the list, the first article and the status bar are
drawn in the same frame). newsboat: its title bar \`Your feeds (\` (drawn with the feed list;
newsboat loads every article from its cache before that). Harness floor about 15 ms.

EOF
row "Articles" "Edicola" "newsboat" "Ratio"
row "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(ms "${R[ed${N}_ms]}")" "$(ms "${R[nb${N}_ms]}")" "$(ratio "${R[nb${N}_ms]}" "${R[ed${N}_ms]}")"
done
cat <<EOF

## Memory

Resident memory (RSS) of the reader at its first frame, and 1 s later (in parentheses).

EOF
row "Articles" "Edicola" "newsboat" "Ratio"
row "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(mem "${R[ed${N}_rss]}" "${R[ed${N}_rss2]}")" "$(mem "${R[nb${N}_rss]}" "${R[nb${N}_rss2]}")" "$(ratio "${R[nb${N}_rss2]}" "${R[ed${N}_rss2]}")"
done
cat <<EOF

(The ratio is of the memory 1 s after the first frame.)

## Keys: time from a key to the frame that shows its result

\`tui_latency.py\`: the reader runs in a tmux pane; each step sends keys and times until a text
proper to the result is on screen (0.5 s pause before each step; harness floor about 7 ms).
The two readers are organised differently, so each row pairs the closest equivalents:

| Step | Edicola: keys, and the text waited for | newsboat: keys, and the text waited for |
| --- | --- | --- |
| next article | \`j\` in the list (it opens on all N articles): \`Articles 2/N\`; the reading pane shows the second article in the same frame | \`J\` in the article view: \`Title: \` with the next article's title |
| end of the list | \`G\`: \`Articles N/N\` | \`End\` in the list of all articles: the oldest article's title |
| top of the list | \`g\`: \`Articles 1/N\` | \`Home\`: the newest article's title |
| search prompt | \`/\`: the prompt (\`results · Enter keep\`) | \`/\` in the feed list: \`Search for:\` |
| search | typing \`$QUERY\` then \`Enter\`: \`K results (Esc\` with the final count K (results are re-ranked at every key while typing) | typing \`$QUERY\` then \`Enter\`: \`Search results (\` |

newsboat has no list of all articles by default: the benchmark adds a query feed,
\`"query:Tutti gli articoli:unread = \\"yes\\" or unread = \\"no\\""\`, first in its \`urls\`
(newsboat fills a query feed when it is opened; \`ready\` below is its start-up with that feed), and its steps are: \`Enter\`
(open that list), \`End\`, \`Home\`, \`Enter\` (open the newest article), \`J\`, \`q\` \`q\`
(back to the feed list, not timed), \`/\`, the query. newsboat's \`j\`/\`k\` move the feed
list's highlight, which a text capture cannot see (and in an article list they change feed), so
they are not timed. The two searches do not do the same work: Edicola ranks (BM25) every article
holding every word (the last one also as a prefix, as while typing); newsboat lists articles whose
title or text contains the exact string (SQL \`LIKE '%$QUERY%'\`), so it finds far fewer.

EOF
step_table() { # TITLE EDKEY NBKEY
  printf '### %s\n\n' "$1"
  row "Articles" "Edicola" "newsboat" "Ratio"
  row "---:" "---:" "---:" "---:"
  for N in "${SIZES[@]}"; do
    row "$N" "$(ms "${R[ed${N}_$2]}")" "$(ms "${R[nb${N}_$3]}")" "$(ratio "${R[nb${N}_$3]}" "${R[ed${N}_$2]}")"
  done
  echo
}
step_table "Next article (Edicola j, newsboat J)" s1 s5
step_table "End of the list (Edicola G, newsboat End)" s2 s2
step_table "Top of the list (Edicola g, newsboat Home)" s3 s3
step_table "Search prompt (/)" s4 s8
printf '### Search: type the query, Enter\n\n'
row "Articles" "Edicola" "Edicola results" "newsboat" "newsboat results" "Ratio"
row "---:" "---:" "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(ms "${R[ed${N}_s5]}")" "${R[ed_hits,$N]}" "$(ms "${R[nb${N}_s9]}")" "${R[nb_hits,$N]:-$NOT_RUN}" "$(ratio "${R[nb${N}_s9]}" "${R[ed${N}_s5]}")"
done
cat <<EOF

### Steps without an equivalent

Start-up in the latency run (\`ready\`), and newsboat's two steps that Edicola does not need:
opening the list of all articles (Edicola starts on it) and opening an article (in Edicola the
selected article is already in the reading pane).

EOF
row "Articles" "Edicola ready" "newsboat ready" "newsboat: open all articles (Enter)" "newsboat: open an article (Enter)"
row "---:" "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(ms "${R[ed${N}_ready]}")" "$(ms "${R[nb${N}_ready]}")" "$(ms "${R[nb${N}_s1]}")" "$(ms "${R[nb${N}_s4]}")"
done
cat <<EOF

### The feeds pane (Edicola only)

\`s\` until the pane shows its counts (per feed and source, counted on a thread of its own from an
index and the marks), \`Esc\` until the sidebar is back, \`s\` again (the last counts show at
once, new ones follow), and \`n\` (next unread: opened and marked read, until the reading pane says so).
newsboat starts on its feed list, so it has no step to compare for the pane.

EOF
row "Articles" "Open (s)" "Close (Esc)" "Open again (s)" "Next unread (n)"
row "---:" "---:" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  row "$N" "$(ms "${R[edf${N}_s1]}")" "$(ms "${R[edf${N}_s2]}")" "$(ms "${R[edf${N}_s3]}")" "$(ms "${R[edf${N}_s5]}")"
done
cat <<EOF

## Search from the command line

\`edicola search $QUERY\`: the whole process (start, open the store, query, print the best 50).
newsboat has no command-line search (\`-x\` knows only \`reload\` and \`print-unread\`), so
there is nothing to compare; its search is the reader's \`/\` above.

EOF
row "Articles" "Edicola" "newsboat"
row "---:" "---:" "---"
for N in "${SIZES[@]}"; do row "$N" "${R[ed_cli_search,$N]} ms" "none"; done
cat <<EOF

## Typing a search (Edicola)

\`tui_latency.py\`, in runs of their own: \`/\` opens the prompt, then the letters of
\`$TYPE\` are typed one at a time (0.5 s apart), each timed until the prompt shows the letters
typed so far (\`/${TYPE:0:1}█\`, \`/${TYPE:0:2}█\`...): the frame that answers the key. A second
run (a new process) types the same letters and times the last one until the results for the
whole word are on screen: the status bar's exact count \`K results\` of the final query (a query
with more than 2,000 matches shows its first rows sooner, with \`2000+ results\`; this waits for the
count). The last word of a search is a prefix while
typing, in \`edicola search\` too, which gives K. Harness floor about 7 ms.

EOF
ty_head=("Articles" "/")
ty_align=("---:" "---:")
typed=
for ((k = 0; k < ${#TYPE}; k++)); do typed+=${TYPE:k:1}; ty_head+=("$typed"); ty_align+=("---:"); done
row "${ty_head[@]}" "Slowest letter" "Results after the last key" "Results (K)"
row "${ty_align[@]}" "---:" "---:" "---:"
for N in "${SIZES[@]}"; do
  cells=() worst=0
  for ((k = 1; k <= ${#TYPE} + 1; k++)); do
    v=${R[ty${N}_s$k]}
    cells+=("$(ms "$v")")
    [ "$k" -eq 1 ] || worst=$(awk -v a="$worst" -v b="$v" 'BEGIN {print (b > a) ? b : a}')
  done
  row "$N" "${cells[@]}" "$(ms "$worst")" "$(ms "${R[tr${N}_s$((${#TYPE} + 1))]}")" "${R[ty_hits,$N]}"
done
cat <<EOF

"Slowest letter" is the largest of the letters' medians (the prompt's \`/\` left out).

## Commands

\`W\` is the work dir, \`N\` the size, \`PORT\` the server's port; \`HOME\` and the \`XDG_*\` dirs
point inside \`W\`. Each load runs from an empty store (the stores are deleted first).

\`\`\`sh
bench/compare.sh -r $RUNS -i $IMPORT_RUNS -n $NB_MAX -t $TYPE ${SIZES[*]}      # this report
../shared/bench/reader_setup.sh W PORT N            # up to $MANY_ABOVE articles
../shared/bench/gen_corpus.py --out W/corpus-N --articles N --feeds 200 --learn ../shared/seeds/*.txt   # above
python3 -m http.server PORT --bind 127.0.0.1 --directory W
# loading (timed: whole command)
edicola --data W/edicola-N/data --config W/edicola-N/config import W/corpus-N/        # twice
edicola --data W/edicola-fetch-N/data --config W/edicola-fetch-N/config import W/run-N/feeds.opml   # not timed
edicola --data W/edicola-fetch-N/data --config W/edicola-fetch-N/config fetch         # twice
newsboat -u W/run-N/urls -C W/run-N/config -c W/newsboat-N/cache.db -x reload          # three times
# search
edicola --data W/edicola-N/data --config W/edicola-N/config search $QUERY
# first frame (one run per call, medians over $RUNS calls)
../shared/bench/first_frame.py --runs 1 --timeout 600 "Articles 1/" -- edicola --data W/edicola-N/data --config W/edicola-N/config
../shared/bench/first_frame.py --runs 1 --timeout 600 "Your feeds (" -- newsboat -u W/run-N/urls -C W/run-N/config -c W/newsboat-N/cache.db
# keys (K: Edicola's result count; OLDEST/NEWEST/SECOND: article titles read from the corpus)
../shared/bench/tui_latency.py --runs 1 --timeout 600 --quit q --ready "Articles 1/" --step j "Articles 2/N " \\
  --step G "Articles N/N " --step g "Articles 1/N " --step / "results · Enter keep" \\
  --step "'$QUERY' Enter" "K results (Esc" -- edicola --data W/edicola-N/data --config W/edicola-N/config
../shared/bench/tui_latency.py --runs 1 --timeout 600 --quit "q q q q" --ready "Your feeds (" \\
  --step Enter "Articles in feed 'Tutti gli articoli'" --step End "OLDEST" --step Home "NEWEST" \\
  --step Enter "Title: NEWEST" --step J "Title: SECOND" --step q - --step q - --step / "Search for:" \\
  --step "'$QUERY' Enter" "Search results (" -- newsboat -u W/newsboat-N/urls-all -C W/run-N/config -c W/newsboat-N/cache.db
# typing (K: Edicola's result count for $TYPE), a letter per step; then the last letter until the results show
../shared/bench/tui_latency.py --runs 1 --timeout 600 --quit "Escape q" --ready "Articles 1/" --step / "results · Enter keep" \\
$(typed=; for ((k = 0; k < ${#TYPE}; k++)); do typed+=${TYPE:k:1}; printf '  --step %s "/%s█"' "${TYPE:k:1}" "$typed"; done) \\
  -- edicola --data W/edicola-N/data --config W/edicola-N/config
../shared/bench/tui_latency.py --runs 1 --timeout 600 --quit "Escape q" --ready "Articles 1/" --step / "results · Enter keep" \\
$(typed=; for ((k = 0; k < ${#TYPE} - 1; k++)); do typed+=${TYPE:k:1}; printf '  --step %s "/%s█"' "${TYPE:k:1}" "$typed"; done)  --step ${TYPE: -1} "  K results ·" \\
  -- edicola --data W/edicola-N/data --config W/edicola-N/config
\`\`\`
EOF
# Figures measured by hand or by other tools, below the marker line of the
# file being replaced, are kept as they are.
if [ -f "$OUT" ] && grep -qxF "$KEEP_MARK" "$OUT"; then
  echo
  awk -v m="$KEEP_MARK" 'kept || $0 == m {kept = 1; print}' "$OUT"
fi
} >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
log "wrote $OUT"
