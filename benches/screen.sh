#!/usr/bin/env bash
# Benchmark: `wengang screen` against the pandas baseline (screen_pandas.py)
# on the same generated file, side by side in one run.
#
#   benches/screen.sh                 # 1 M rows (both) and 10 M rows (screen only)
#   benches/screen.sh 100000          # any row counts; pandas runs up to PANDAS_MAX_ROWS
#
# Needs python3 with pandas (scripts/setup-batch.sh installs the pinned one).
# Files go to $BENCH_DIR (default target/bench: about 340 bytes a row).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=("${@:-1000000}")
[ $# -gt 0 ] || ROWS=(1000000 10000000)
PANDAS_MAX_ROWS=${PANDAS_MAX_ROWS:-1000000}
SEED=${SEED:-2019}
DIR=${BENCH_DIR:-target/bench}
mkdir -p "$DIR"

cargo build --release --locked --bin wengang >&2
W=target/release/wengang

# measure NAME ROWS -- COMMAND...: one line of figures from /usr/bin/time -v.
measure() {
  local name=$1 rows=$2; shift 3
  local log="$DIR/$name-$rows.time"
  /usr/bin/time -v "$@" 2> "$log" >/dev/null
  python3 - "$log" "$name" "$rows" <<'PY'
import re, sys
log, name, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(log).read()
def field(label):
    return re.search(re.escape(label) + r":\s*(.+)", text).group(1).strip()
user, sys_ = float(field("User time (seconds)")), float(field("System time (seconds)"))
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
cpu = user + sys_
print(f"| {name} | {rows:,} | {wall:.2f} | {cpu:.2f} | {rows / wall:,.0f} | {rows / cpu:,.0f} | {rss_mb:,.0f} |")
open(f"{log}.wall", "w").write(str(wall))
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(rustc --version); python $(python3 -c 'import sys, pandas, numpy; print(sys.version.split()[0], "pandas", pandas.__version__, "numpy", numpy.__version__)')"
echo
echo "| program | rows | wall s | CPU s (user+sys) | rows/s | rows per CPU-second | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
for rows in "${ROWS[@]}"; do
  input="$DIR/gen-$rows.csv"
  [ -s "$input" ] || $W gen --rows "$rows" --seed "$SEED" --output "$input"
  measure "wengang-screen" "$rows" -- $W screen "$input" --output "$DIR/screen-$rows.csv" --reminders "$DIR/screen-reminders-$rows.csv"
  if [ "$rows" -le "$PANDAS_MAX_ROWS" ]; then
    measure "pandas" "$rows" -- python3 benches/screen_pandas.py "$input" "$DIR/pandas-$rows.csv" "$DIR/pandas-reminders-$rows.csv"
    ratio=$(python3 -c "print(f'{float(open(\"$DIR/pandas-$rows.time.wall\").read()) / float(open(\"$DIR/wengang-screen-$rows.time.wall\").read()):.1f}')")
    echo "| ratio (pandas wall / screen wall) | $rows | $ratio× | | | | |"
    if ! agreement=$(python3 benches/compare.py "$DIR/screen-$rows.csv" "$DIR/pandas-$rows.csv"); then
      echo "screen and pandas disagree at $rows rows: $agreement" >&2
      exit 1
    fi
    echo "agreement at $rows rows: $agreement" >&2
  fi
done
