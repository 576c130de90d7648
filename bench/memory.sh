#!/bin/sh
# Resident memory of the reader after opening N articles one after another
# (j, then a pause so each article is wrapped and its related articles
# computed). usage: bench/memory.sh DATA_DIR [N]   (default 1000)
set -eu
DATA=$1
N=${2:-1000}
HERE=$(cd "$(dirname "$0")/.." && pwd)
BIN="$HERE/target/release/edicola"
[ -x "$BIN" ] || cargo build --release --quiet --manifest-path "$HERE/Cargo.toml"
S=edicola-memory-$$
CFG=$(mktemp -d)
trap 'tmux kill-session -t "$S" 2>/dev/null || true; rm -rf "$CFG"' EXIT
tmux new-session -d -s "$S" -x 160 -y 45 "$BIN --data '$DATA' --config '$CFG'"
sleep 1
PID=$(tmux list-panes -t "$S" -F '#{pane_pid}')
rss() { awk '/VmRSS/ {print $2/1024 " MB"}' "/proc/$PID/status"; }
echo "at start: $(rss)"
i=0
while [ "$i" -lt "$N" ]; do
  tmux send-keys -t "$S" j
  sleep 0.03
  i=$((i + 1))
done
sleep 1
echo "after opening $N articles: $(rss) (peak $(awk '/VmHWM/ {print $2/1024 " MB"}' "/proc/$PID/status"))"
tmux capture-pane -p -t "$S" | head -1 | cut -c1-40
