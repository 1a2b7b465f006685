#!/usr/bin/env bash
# Benchmark: `wengang screen` against baselines of the same rule on the same
# generated file (`wengang gen --rows N --seed $SEED`), with the same number of
# threads, and a row-by-row agreement check of every baseline with screen.
#
#   benches/screen.sh                 # 1 M rows (all) and 10 M rows (screen only)
#   benches/screen.sh 100000          # any row counts
#
# Programs (PROGRAMS, default all):
#   screen        wengang screen --jobs $JOBS on the CSV
#   screen-jsonl  wengang screen --jobs $JOBS on the same rows as JSON Lines
#                 (benches/csv_to_jsonl.py; up to JSONL_MAX_ROWS)
#   pandas        benches/screen_pandas.py (one thread: pandas has no more)
#   polars        benches/screen_polars.py, POLARS_MAX_THREADS=$JOBS
#   duckdb        benches/screen_duckdb.py, SET threads = $JOBS
#   rule-polars   benches/rule_polars.py: the rule alone, no validation, as a
#                 data officer would write it (compared on screen's valid rows)
#   rule-duckdb   benches/rule_duckdb.py: the same in DuckDB SQL
# The baselines run up to BASELINE_MAX_ROWS (default 1,000,000; pandas needs
# about 2.3 GB there). Each program runs RUNS times (default 3) under
# /usr/bin/time; the table has the median of each figure and its ratio to
# screen's. Any disagreement (compare.py) ends the run with exit 1: CI runs
# this on 20,000 rows (scripts/test.sh) as an agreement check.
#
# Needs /usr/bin/time and python3 with pandas, polars and duckdb
# (scripts/setup-batch.sh installs the pinned ones). Files go to $BENCH_DIR
# (default target/bench: about 344 bytes a row of CSV, 560 of JSON Lines).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=("${@:-1000000}")
[ $# -gt 0 ] || ROWS=(1000000 10000000)
BASELINE_MAX_ROWS=${BASELINE_MAX_ROWS:-${PANDAS_MAX_ROWS:-1000000}}
JSONL_MAX_ROWS=${JSONL_MAX_ROWS:-1000000}
PROGRAMS=${PROGRAMS:-screen screen-jsonl pandas polars duckdb rule-polars rule-duckdb}
SEED=${SEED:-7}
JOBS=${JOBS:-2}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-target/bench}
mkdir -p "$DIR"

[ -x /usr/bin/time ] || { echo "benches/screen.sh needs /usr/bin/time (scripts/setup-batch.sh installs it)" >&2; exit 1; }
cargo build --release --locked --bin wengang >&2
W=target/release/wengang

# measure NAME ROWS -- COMMAND...: runs it RUNS times; writes the medians
# (wall s, CPU s, max RSS KiB) to $DIR/NAME-ROWS.fig.
measure() {
  local name=$1 rows=$2; shift 3
  local log="$DIR/$name-$rows.time"
  : > "$log"
  for ((run = 1; run <= RUNS; run++)); do
    if ! /usr/bin/time -f '%e %U %S %M' -o "$log.run" "$@" > /dev/null 2> "$DIR/$name-$rows.stderr"; then
      cat "$DIR/$name-$rows.stderr" >&2
      echo "$name failed at $rows rows" >&2
      exit 1
    fi
    tail -n 1 "$log.run" >> "$log"
  done
  python3 - "$log" > "$DIR/$name-$rows.fig" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1]) if line.strip()]
wall = statistics.median(float(r[0]) for r in runs)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in runs)
rss = statistics.median(int(r[3]) for r in runs)
print(wall, cpu, rss)
PY
}

# row NAME ROWS: one line of the table, with ratios to screen's figures.
row() {
  python3 - "$DIR/$1-$2.fig" "$DIR/screen-$2.fig" "$1" "$2" <<'PY'
import sys
wall, cpu, rss = map(float, open(sys.argv[1]).read().split())
s_wall, s_cpu, s_rss = map(float, open(sys.argv[2]).read().split())
name, rows = sys.argv[3], int(sys.argv[4])
print(f"| {name} | {rows:,} | {wall:.2f} | {cpu:.2f} | {rss / 1024:,.0f} | {rows / wall:,.0f} "
      f"| {wall / s_wall:.1f}× | {cpu / s_cpu:.1f}× | {rss / s_rss:.1f}× |")
PY
}

# agree NAME ROWS RESULTS: compare.py against screen's results, or stop.
agree() {
  local agreement
  if ! agreement=$(python3 benches/compare.py "$DIR/screen-$2.csv" "$3" ${4:-}); then
    echo "screen and $1 DISAGREE at $2 rows: $agreement (first differences above)" >&2
    exit 1
  fi
  # The reminders (credit code, name, phone, refund of every eligible row), when written.
  local reminders=${3%-$2.csv}-reminders-$2.csv
  if [ "$3" != "$reminders" ] && [ -e "$reminders" ]; then
    if ! python3 - "$DIR/screen-reminders-$2.csv" "$reminders" <<'PY'
import csv, sys
a, b = (list(csv.reader(open(p, newline="", encoding="utf-8"))) for p in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
    then
      echo "screen and $1 DISAGREE at $2 rows: different reminders ($reminders)" >&2
      exit 1
    fi
    agreement="$agreement; same reminders"
  fi
  echo "agreement, screen and $1 at $2 rows: $agreement" >&2
}

wants() { [[ " $PROGRAMS " == *" $1 "* ]]; }

versions=$(python3 -c 'import sys
def v(m):
    try: return __import__(m).__version__
    except ImportError: return "absent"
print("python", sys.version.split()[0], *(f"{m} {v(m)}" for m in ["pandas", "numpy", "polars", "duckdb"]))')
echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -n 1)), $(free -g | awk '/Mem:/ {print $2}') GiB; $(rustc --version); $versions; $(date -u +%F)"
echo "$RUNS runs each, medians; $JOBS threads for screen, polars and DuckDB (pandas: 1); seed $SEED"
echo
echo "| program | rows | wall s | CPU s (user+sys) | peak RSS MiB | rows/s | wall ÷ screen | CPU ÷ screen | RSS ÷ screen |"
echo "|---|---|---|---|---|---|---|---|---|"
for rows in "${ROWS[@]}"; do
  input="$DIR/gen-$rows.csv"
  [ -s "$input" ] || $W gen --rows "$rows" --seed "$SEED" --output "$input"
  measure screen "$rows" -- $W screen "$input" --jobs "$JOBS" --output "$DIR/screen-$rows.csv" --reminders "$DIR/screen-reminders-$rows.csv"
  row screen "$rows"
  if wants screen-jsonl && [ "$rows" -le "$JSONL_MAX_ROWS" ]; then
    jsonl="$DIR/gen-$rows.jsonl"
    [ -s "$jsonl" ] || python3 benches/csv_to_jsonl.py "$input" "$jsonl"
    measure screen-jsonl "$rows" -- $W screen "$jsonl" --jobs "$JOBS" --output "$DIR/screen-jsonl-$rows.csv"
    row screen-jsonl "$rows"
    agree "screen on JSON Lines" "$rows" "$DIR/screen-jsonl-$rows.csv"
  fi
  [ "$rows" -le "$BASELINE_MAX_ROWS" ] || continue
  if wants pandas; then
    measure pandas "$rows" -- python3 benches/screen_pandas.py "$input" "$DIR/pandas-$rows.csv" "$DIR/pandas-reminders-$rows.csv"
    row pandas "$rows"
    agree pandas "$rows" "$DIR/pandas-$rows.csv"
  fi
  if wants polars; then
    measure polars "$rows" -- env POLARS_MAX_THREADS="$JOBS" python3 benches/screen_polars.py "$input" "$DIR/polars-$rows.csv" "$DIR/polars-reminders-$rows.csv"
    row polars "$rows"
    agree polars "$rows" "$DIR/polars-$rows.csv"
  fi
  if wants duckdb; then
    measure duckdb "$rows" -- python3 benches/screen_duckdb.py "$input" "$DIR/duckdb-$rows.csv" "$DIR/duckdb-reminders-$rows.csv" "$JOBS"
    row duckdb "$rows"
    agree duckdb "$rows" "$DIR/duckdb-$rows.csv"
  fi
  if wants rule-polars; then
    measure rule-polars "$rows" -- env POLARS_MAX_THREADS="$JOBS" python3 benches/rule_polars.py "$input" "$DIR/rule-polars-$rows.csv"
    row rule-polars "$rows"
    agree "polars, the rule alone" "$rows" "$DIR/rule-polars-$rows.csv" --rule-only
  fi
  if wants rule-duckdb; then
    measure rule-duckdb "$rows" -- python3 benches/rule_duckdb.py "$input" "$DIR/rule-duckdb-$rows.csv" "$JOBS"
    row rule-duckdb "$rows"
    agree "DuckDB, the rule alone" "$rows" "$DIR/rule-duckdb-$rows.csv" --rule-only
  fi
done
