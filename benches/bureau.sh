#!/usr/bin/env bash
# Benchmark: a bureau's 免申即享 run at province scale, stage by stage, on
# made-up records (`wengang gen --bureau`):
#
#   1. sql     person-month contributions → unit months (sql/unit_months.sql
#              in DuckDB through scripts/unit_months.py; also Spark local
#              mode when ENGINES includes spark)
#   2. screen  wengang screen --units --months --list ×5 (results, reminders
#              and the one-page report)
#   3. notice  wengang notice on screen's results (the 公示 list, HTML)
#
#   benches/bureau.sh                 # 200,000 units (~2.4 M persons, ~28 M records)
#   benches/bureau.sh 20000           # any number of units
#
# Each stage runs RUNS times (default 1: the input is large) under
# /usr/bin/time; the table gives wall and CPU seconds, peak RSS and rows
# per second of each stage's input, with the load average before it.
# Files go to $BENCH_DIR (default target/bench-bureau; about 46 bytes a
# contribution record).
set -euo pipefail
cd "$(dirname "$0")/.."

UNITS=${1:-200000}
SEED=${SEED:-7}
RUNS=${RUNS:-1}
ENGINES=${ENGINES:-duckdb}
POLICY=${POLICY:-jiangsu-2025}
DIR=${BENCH_DIR:-target/bench-bureau}
mkdir -p "$DIR"

[ -x /usr/bin/time ] || { echo "benches/bureau.sh needs /usr/bin/time (scripts/setup-batch.sh)" >&2; exit 1; }
cargo build --release --locked --bin wengang >&2
W=target/release/wengang

# The records are made once per size and seed (gen is not what is measured).
if [ "$(cat "$DIR/.made" 2>/dev/null)" != "$UNITS $SEED $W" ] || [ "$W" -nt "$DIR/.made" ]; then
  echo "generating $UNITS units (seed $SEED) in $DIR" >&2
  $W gen --bureau "$DIR" --rows "$UNITS" --seed "$SEED" 2> "$DIR/gen.stderr"
  echo "$UNITS $SEED $W" > "$DIR/.made"
fi
cat "$DIR/gen.stderr" >&2
records=$(($(wc -l < "$DIR/contributions.csv") - 1))
units=$(($(wc -l < "$DIR/units.csv") - 1))

# stage NAME ROWS -- COMMAND...: medians of RUNS runs into $DIR/NAME.fig.
stage() {
  local name=$1 rows=$2; shift 3
  local log="$DIR/$name.time"
  : > "$log"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  for ((run = 1; run <= RUNS; run++)); do
    if ! /usr/bin/time -f '%e %U %S %M' -o "$log.run" "$@" > "$DIR/$name.stdout" 2> "$DIR/$name.stderr"; then
      cat "$DIR/$name.stderr" >&2
      echo "stage $name failed" >&2
      exit 1
    fi
    tail -n 1 "$log.run" >> "$log"
  done
  python3 - "$log" "$name" "$rows" "$load" >> "$DIR/table.md" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1]) if line.strip()]
wall = statistics.median(float(r[0]) for r in runs)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in runs)
rss = statistics.median(int(r[3]) for r in runs)
name, rows, load = sys.argv[2], int(sys.argv[3]), sys.argv[4]
print(f"| {name} | {rows:,} | {wall:.2f} | {cpu:.2f} | {rss / 1024:,.0f} | {rows / wall:,.0f} | {load} |")
PY
}

echo "| stage | rows in | wall s | CPU s | peak RSS MiB | rows/s (wall) | load before |" > "$DIR/table.md"
echo "|---|---|---|---|---|---|---|" >> "$DIR/table.md"
for engine in $ENGINES; do
  stage "sql-$engine" "$records" -- python3 scripts/unit_months.py --engine "$engine" \
    "$DIR/contributions.csv" "$DIR/sql-$engine"
done
engine=${ENGINES%% *}
lists=()
for kind in dishonest zombie arrears industrial environmental; do
  lists+=(--list "$kind=$DIR/lists/$kind.csv")
done
stage screen "$units" -- $W screen "$DIR/units.csv" --units --policy "$POLICY" \
  --months "$DIR/sql-$engine/unit_months.csv" "${lists[@]}" \
  --output "$DIR/results.csv" --reminders "$DIR/reminders.csv" --report "$DIR/report.html"
stage notice "$units" -- $W notice "$DIR/results.csv" --output "$DIR/notice.html"

# The engines agree on the unit months, byte for byte.
if [ "$ENGINES" != "$engine" ]; then
  for other in ${ENGINES#* }; do
    cmp "$DIR/sql-$engine/unit_months.csv" "$DIR/sql-$other/unit_months.csv" \
      || { echo "unit months differ between $engine and $other" >&2; exit 1; }
  done
fi

echo
echo "$units units, $records contribution records ($(du -h "$DIR/contributions.csv" | cut -f1)); $(nproc) cores"
cat "$DIR/table.md"
echo
grep -E "eligible|undecided|invalid|not read|lists not given|months " "$DIR/screen.stderr" || true
