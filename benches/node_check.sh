#!/usr/bin/env bash
# The package's `check` in Node against the native engine (issue 23, item 4):
# builds pkg/ (unless SKIP_BUILD=1) and the native harness
# (benches/check_samples.rs), then runs benches/node_check.mjs, which
# interleaves the two round by round. Arguments go to node_check.mjs
# (e.g. --rounds 7 --calls 2000 --json FILE, or --pkg DIR/wengang.js to time
# another build beside pkg/node). Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || scripts/build-pkg.sh >&2
native=$(cargo bench --locked --bench check_samples --no-run 2>&1 |
  sed -n 's/.*Executable .*(\(.*check_samples-[0-9a-f]*\)).*/\1/p' | tail -1)
[ -x "$native" ] || { echo "node_check.sh: the native harness did not build" >&2; exit 1; }
has_pkg=0
for a in "$@"; do [ "$a" = --pkg ] && has_pkg=1; done
if [ "$has_pkg" = 0 ]; then set -- --pkg pkg/node/wengang.js "$@"; fi
exec node benches/node_check.mjs --native "$native" "$@"
