#!/usr/bin/env bash
# CPU used by `samla run` while a countdown runs and nobody types.
# Starts the release binary in a 200x50 tmux terminal, presses Space, waits,
# then reads the process's user+system CPU time from /proc over SECONDS seconds.
# Usage: scripts/measure-idle-cpu.sh [SECONDS]   (needs tmux; Linux)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cpu-share.sh
seconds=${1:-60}
cargo build --release --quiet
home=$(mktemp -d)
session=samla-cpu-$$
tmux new-session -d -s "$session" -x 200 -y 50 \
  "SAMLA_HOME=$home ./target/release/samla run seminarium-1 --no-bell"
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$home"' EXIT
sleep 1
tmux send-keys -t "$session" ' '
sleep 2
cpu_share "$(pgrep -n -f 'target/release/samla run seminarium-1')" "$seconds"
