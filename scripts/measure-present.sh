#!/usr/bin/env bash
# `samla present` beside `samla run`, both release builds in tmux:
#  1. CPU of `samla present` over SECONDS seconds while the countdown runs,
#     after a change to the session (the view has reloaded the file once);
#  2. the delay from `+` pressed in the run screen to the new minutes showing in
#     the present view, ROUNDS times (tmux capture-pane polled every 5 ms).
# Usage: scripts/measure-present.sh [SECONDS] [ROUNDS]   (needs tmux; Linux)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cpu-share.sh
seconds=${1:-60}
rounds=${2:-20}
cargo build --release --quiet
home=$(mktemp -d)
run=samla-run-$$
present=samla-present-$$
trap 'tmux kill-session -t "$run" 2>/dev/null; tmux kill-session -t "$present" 2>/dev/null; rm -rf "$home"' EXIT
tmux new-session -d -s "$run" -x 200 -y 50 \
  "SAMLA_HOME=$home ./target/release/samla run seminarium-1 --no-bell"
sleep 1
tmux send-keys -t "$run" ' '
sleep 1
tmux new-session -d -s "$present" -x 200 -y 60 "SAMLA_HOME=$home ./target/release/samla present"
sleep 2
tmux send-keys -t "$run" '+'
sleep 1
printf 'present, after a change: '
cpu_share "$(pgrep -n -f 'target/release/samla present')" "$seconds"
minutes() { tmux capture-pane -p -t "$present" | grep -o '/ [0-9]* min' | head -1; }
delays=()
for _ in $(seq "$rounds"); do
  shown=$(minutes)
  start=$(date +%s%N)
  tmux send-keys -t "$run" '+'
  while [ "$(minutes)" = "$shown" ]; do sleep 0.005; done
  delays+=($(( ($(date +%s%N) - start) / 1000000 )))
  sleep 0.3
done
printf '%s\n' "${delays[@]}" | sort -n | python3 -c '
import sys
d = [int(x) for x in sys.stdin]
print(f"change to present view: median {d[len(d)//2]} ms, max {max(d)} ms over {len(d)} changes")'
