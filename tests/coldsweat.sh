#!/usr/bin/env bash
# Edicola's Fever client against a real Fever server: Coldsweat (PyPI), on
# loopback, over test feeds served from a temp dir. Syncs both ways and
# checks through the Fever API itself what Edicola sent.
#
#   bash tests/coldsweat.sh        (EDICOLA_BIN=path to test another binary)
#
# Without Python or PyPI it skips, except under CI=true where that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
COLDSWEAT_VERSION=0.10.2
VENV=$ROOT/target/coldsweat-venv-$COLDSWEAT_VERSION
BIN=${EDICOLA_BIN:-$ROOT/target/debug/edicola}

fail() {
    echo "coldsweat test FAILED: $*" >&2
    exit 1
}
skip() {
    if [ "${CI:-}" = true ]; then fail "$*"; fi
    echo "coldsweat test skipped: $*" >&2
    exit 0
}

TMP=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

command -v python3 >/dev/null || skip "no python3"
command -v curl >/dev/null || skip "no curl"
if [ ! -x "$VENV/bin/coldsweat" ]; then
    echo "== installing coldsweat $COLDSWEAT_VERSION in $VENV"
    python3 -m venv "$VENV" || skip "cannot make a Python venv"
    "$VENV/bin/pip" install -q "coldsweat==$COLDSWEAT_VERSION" \
        || { rm -rf "$VENV"; skip "pip install coldsweat failed"; }
fi
[ -x "$BIN" ] || (cd "$ROOT" && cargo build --quiet) || fail "cannot build edicola"
PY=$VENV/bin/python

free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
# Coldsweat fetches favicons from the internet: its proxy is a closed port.
export HTTP_PROXY=http://127.0.0.1:$(free_port) HTTPS_PROXY=http://127.0.0.1:$(free_port)
export http_proxy=$HTTP_PROXY https_proxy=$HTTPS_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
# Coldsweat's settings come from FLASK_* variables when it has no config.toml.
export FLASK_DATABASE_URL="sqlite:///$TMP/coldsweat.db" FLASK_SECRET_KEY=edicola-test
export HOME=$TMP/home EDICOLA_DATA=$TMP/data EDICOLA_CONFIG=$TMP/config
mkdir -p "$HOME" "$EDICOLA_DATA" "$EDICOLA_CONFIG" "$TMP/feeds"

echo "== test feeds on loopback"
FEEDS_PORT=$(free_port)
"$PY" - "$TMP/feeds" "$FEEDS_PORT" <<'EOF'
import sys, time, email.utils
out, port = sys.argv[1], sys.argv[2]
now = time.time()
opml = []
for feed in ("alpha", "beta"):
    items = "".join(
        f"<item><title>{feed} {n}</title><link>http://127.0.0.1:{port}/{feed}/{n}</link>"
        f"<guid>http://127.0.0.1:{port}/{feed}/{n}</guid>"
        f"<pubDate>{email.utils.formatdate(now - n * 3600)}</pubDate>"
        f"<description>Story {n} of {feed}.</description></item>"
        for n in (1, 2, 3))
    with open(f"{out}/{feed}.xml", "w") as f:
        f.write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed} news</title>'
                f"<link>http://127.0.0.1:{port}/</link><description>t</description>{items}</channel></rss>")
    opml.append(f'<outline type="rss" text="{feed}" xmlUrl="http://127.0.0.1:{port}/{feed}.xml"/>')
with open(f"{out}/../feeds.opml", "w") as f:
    f.write('<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
            f'<outline text="Test">{"".join(opml)}</outline></body></opml>')
EOF
"$PY" -m http.server --bind 127.0.0.1 --directory "$TMP/feeds" "$FEEDS_PORT" \
    >"$TMP/feeds.log" 2>&1 &
PIDS+=($!)

wait_for() {
    for _ in $(seq 100); do
        curl -s -o /dev/null "$1" && return 0
        sleep 0.1
    done
    fail "$2 did not start (log: $3)"
}
wait_for "http://127.0.0.1:$FEEDS_PORT/alpha.xml" "the feed server" "$TMP/feeds.log"

echo "== coldsweat: setup, import, fetch, run"
USER_NAME=reader@example.com
export EDICOLA_PASSWORD=correct-horse-battery
cs() { "$VENV/bin/coldsweat" "$@" >>"$TMP/coldsweat.log" 2>&1 || fail "coldsweat $1 (log below)
$(tail -20 "$TMP/coldsweat.log")"; }
cs setup "$USER_NAME" -p "$EDICOLA_PASSWORD" -n Reader
cs import "$TMP/feeds.opml" "$USER_NAME" -f
cs fetch
CS_PORT=$(free_port)
PYTHONUNBUFFERED=1 "$VENV/bin/coldsweat" run -h 127.0.0.1 -p "$CS_PORT" --no-debug --no-reload \
    >>"$TMP/coldsweat.log" 2>&1 &
PIDS+=($!)
URL=http://127.0.0.1:$CS_PORT/fever/
wait_for "$URL" "coldsweat" "$TMP/coldsweat.log"
KEY=$(printf '%s' "$USER_NAME:$EDICOLA_PASSWORD" | md5sum | cut -d' ' -f1)

# The Fever API itself: fever QUERY [FORM...] prints the JSON answer.
fever() {
    local query=$1 form=()
    shift
    for kv in "$@"; do form+=(--data-urlencode "$kv"); done
    curl -sf -X POST "$URL?api&$query" --data-urlencode "api_key=$KEY" "${form[@]}" \
        || fail "Fever API ?api&$query $*"
}
# json EXPR: evaluates EXPR on the JSON in stdin (as j), prints the result.
json() { "$PY" -c "import json,sys; j=json.load(sys.stdin); print($1)"; }
# The Fever id of the item titled $1.
fever_id() { fever "items&since_id=0" | json "[i['id'] for i in j['items'] if i['title']=='$1'][0]"; }
# Edicola's id of the article titled $1.
edicola_id() { "$BIN" list --json | json "[a['id'] for a in j if a['title']=='$1'][0]"; }
# The article titled $1's field $2 in Edicola (True/False).
edicola_mark() { "$BIN" list --json | json "[a['$2'] for a in j if a['title']=='$1'][0]"; }

# Runs `edicola sync --json`, prints its summary; fails with what it said.
sync_json() {
    "$BIN" sync --json >"$TMP/sync.json" 2>"$TMP/sync.err" \
        || fail "edicola sync: $(cat "$TMP/sync.json" "$TMP/sync.err")"
    cat "$TMP/sync.json"
}

echo "== edicola: account, first sync"
"$BIN" account add fever "$URL" --user "$USER_NAME" --name cs >/dev/null \
    || fail "edicola account add"
sync_json >"$TMP/first.json"
added=$(json "j[0]['added']" <"$TMP/first.json")
[ "$added" = 6 ] || fail "the first sync brought $added articles, not 6"
count=$("$BIN" list --json | json "len(j)")
[ "$count" = 6 ] || fail "edicola list shows $count articles, not 6"

echo "== marks up: read 'alpha 1', bookmark 'beta 2'"
"$BIN" mark-read "$(edicola_id 'alpha 1')" >/dev/null || fail "edicola mark-read"
"$BIN" bookmark "$(edicola_id 'beta 2')" >/dev/null || fail "edicola bookmark"
pending=$("$BIN" account list --json | json "j[0]['pending_marks']")
[ "$pending" = 2 ] || fail "$pending marks waiting, not 2"
sync_json >"$TMP/second.json"
up=$(json "(j[0]['marks_up'], j[0]['pending'], j[0]['error'])" <"$TMP/second.json")
[ "$up" = "(2, 0, None)" ] || fail "the second sync said (marks up, waiting, error) = $up"
unread=$(fever unread_item_ids | json "sorted(j['unread_item_ids'].split(','))")
saved=$(fever saved_item_ids | json "j['saved_item_ids'].split(',')")
a1=$(fever_id 'alpha 1')
b2=$(fever_id 'beta 2')
case ",$(fever unread_item_ids | json "j['unread_item_ids']")," in
*",$a1,"*) fail "the server still has 'alpha 1' ($a1) unread: $unread" ;;
esac
[ "$saved" = "['$b2']" ] || fail "the server's saved items are $saved, not ['$b2']"
unread_count=$(fever unread_item_ids | json "len(j['unread_item_ids'].split(','))")
[ "$unread_count" = 5 ] || fail "the server has $unread_count unread items, not 5: $unread"

echo "== marks down: the server reads 'beta 1' and saves 'alpha 3'"
fever "" mark=item as=read "id=$(fever_id 'beta 1')" >/dev/null
fever "" mark=item as=saved "id=$(fever_id 'alpha 3')" >/dev/null
fever "" mark=item as=unsaved "id=$b2" >/dev/null
sync_json >/dev/null
[ "$(edicola_mark 'beta 1' read)" = True ] || fail "'beta 1' is not read in Edicola"
[ "$(edicola_mark 'alpha 3' bookmarked)" = True ] || fail "'alpha 3' is not bookmarked in Edicola"
[ "$(edicola_mark 'beta 2' bookmarked)" = False ] || fail "'beta 2' is still bookmarked in Edicola"
[ "$(edicola_mark 'alpha 1' read)" = True ] || fail "'alpha 1' came back unread"

echo "== a sync with nothing new: one request (Coldsweat answers several commands at once)"
requests() { grep -c '"POST /fever' "$TMP/coldsweat.log" || true; }
before=$(requests)
sync_json >"$TMP/last.json"
[ "$(json "(j[0]['added'], j[0]['marks_down'], j[0]['error'])" <"$TMP/last.json")" = "(0, 0, None)" ] \
    || fail "the sync with nothing new said $(cat "$TMP/last.json")"
[ "$before" -gt 0 ] || fail "coldsweat's log lists no requests"
[ $(($(requests) - before)) = 1 ] || fail "a sync with nothing new made $(($(requests) - before)) requests; the log ends with:
$(tail -8 "$TMP/coldsweat.log")"

echo "coldsweat test passed: Edicola synced both ways with Coldsweat $COLDSWEAT_VERSION"
