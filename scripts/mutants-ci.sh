#!/usr/bin/env bash
# Bounded mutation testing for the test command (docs/mutation.md, issue 13).
#
# Mutates the rule and check code changed since the commit of the last full
# run (.cargo/mutants-baseline), at most MUTANTS_MAX mutants (a rotating
# shard when more changed), and fails on any mutant the tests let through.
# Without that commit (a shallow clone), or with no rule code changed, it
# mutates a small fixed set instead: the refund's rounding and route.
#
# One build of the copied tree plus about 8 s a mutant: measured 123 s for
# the fixed set and 244 s for a shard of 23 on a shared 2-core machine
# (docs/mutation.md); MUTANTS_MAX=24 keeps it well within 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

max=${MUTANTS_MAX:-24}
out=target/mutants-ci
mkdir -p "$out"

# The rule and check modules issue 13 holds to no surviving mutant.
scope=(
  'src/eligibility/*.rs' src/refund.rs src/size.rs src/figures.rs src/canonical.rs
  src/application/months.rs 'src/validate/*.rs' 'src/policy/*.rs'
  src/batch/cells.rs src/batch/columns.rs src/batch/csv.rs src/batch/screen.rs
)
# The fixed set: 13 mutants.
fixed=(src/refund.rs)
# The test targets that exercise those modules (each mutant builds only these).
targets=(--lib --test cases --test properties --test hostile --test registry
  --test credit_code --test profiles --test glosses --test csv_rfc4180 --test screen
  --test bureau)

args=()
for f in "${scope[@]}"; do args+=(--file "$f"); done
for t in "${targets[@]}"; do args+=(--cargo-arg="$t"); done

base=$(grep -Eo '^[0-9a-f]{40}' .cargo/mutants-baseline | head -n 1)
select=()
if git cat-file -e "$base^{commit}" 2>/dev/null; then
  git diff "$base" -- src >"$out/changes.diff"
  count=$(nice -n 19 cargo mutants --list --in-diff "$out/changes.diff" "${args[@]}" | wc -l)
  if [ "$count" -eq 0 ]; then
    echo "mutants: no rule or check code changed since ${base:0:12}; the fixed set"
    select=()
  elif [ "$count" -le "$max" ]; then
    echo "mutants: $count in rule and check code changed since ${base:0:12}"
    select=(--in-diff "$out/changes.diff")
  else
    # Each run takes one of `shards` slices, chosen by the commit, so
    # successive commits cover all of them.
    shards=$(((count + max - 1) / max))
    shard=$((0x$(git rev-parse --short=7 HEAD) % shards))
    echo "mutants: $count changed since ${base:0:12}; shard $shard of $shards"
    select=(--in-diff "$out/changes.diff" --shard "$shard/$shards" --sharding round-robin)
  fi
else
  echo "mutants: commit ${base:0:12} not in this clone (shallow?); the fixed set"
fi
if [ ${#select[@]} -eq 0 ]; then
  args=()
  for f in "${fixed[@]}"; do args+=(--file "$f"); done
  for t in "${targets[@]}"; do args+=(--cargo-arg="$t"); done
fi

# The suite has just passed on this tree: no baseline test run. Timeouts
# (a mutant that loops) count as caught; a missed mutant fails.
status=0
nice -n 19 cargo mutants -j 1 --timeout 60 --baseline skip --output "$out" \
  "${select[@]}" "${args[@]}" || status=$?
case $status in
  0 | 3) ;;
  *)
    echo "mutants: survivors (or a failed run), see $out/mutants.out/missed.txt:" >&2
    cat "$out/mutants.out/missed.txt" >&2 || true
    exit 1
    ;;
esac
