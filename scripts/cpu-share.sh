# Sourced by the measuring scripts: `cpu_share PID SECONDS` prints the user and
# system CPU time process PID uses over SECONDS seconds, and its share of one
# core, from /proc (Linux).
cpu_share() {
  local pid=$1 seconds=$2 hz before after
  hz=$(getconf CLK_TCK)
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$seconds"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  python3 - "$before" "$after" "$hz" "$seconds" <<'PY'
import sys
before, after, hz, seconds = (float(x) for x in sys.argv[1:])
cpu = (after - before) / hz
print(f"cpu {cpu:.3f} s over {seconds:.0f} s = {100 * cpu / seconds:.3f}% of one core")
PY
}
