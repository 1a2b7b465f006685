#!/usr/bin/env bash
# Sets up and runs every test. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== no import circle between the engine's modules"
python3 scripts/import_graph.py

echo "== engine builds for wasm32-unknown-unknown (no web dependency)"
cargo build --locked --target wasm32-unknown-unknown --lib

echo "== native tests: unit, cases, properties, CLI; benches run once as tests"
cargo test --locked --all-targets
cargo test --locked --doc

echo "== mutation testing, bounded: rule and check code changed since the last full run (docs/mutation.md)"
scripts/mutants-ci.sh

echo "== app state (reducer) tests, natively"
cargo test --locked --features app --lib app::

echo "== the JavaScript package: bindings in Chromium (wasm-bindgen-test), then pkg/ in Node"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json" \
  cargo test --locked --target wasm32-unknown-unknown --features bindings --test web_bindings
cargo build --locked --bin wengang
scripts/build-pkg.sh
node --test tests/node/

# --- Batch screening and hardening (docs/screening.md) ------------------------
# Tools (cargo-fuzz, pandas, polars, duckdb, pyspark, Java), the bureau's SQL
# in DuckDB and Spark (tests/sql), a bounded fuzz run of every target
# (FUZZ_SECONDS each, from the committed corpora; the long runs are in docs/fuzzing.md), and the baselines
# (pandas, polars, DuckDB) and screen on JSON Lines checked row by row against
# `wengang screen` on a small generated file (any disagreement fails).
scripts/setup-batch.sh
echo "== sql/*.sql (unit months from contribution records): DuckDB, Spark local mode and Python give the same bytes"
python3 tests/sql/test_unit_months.py
echo "== fuzz: every target for ${FUZZ_SECONDS:-20} s (libFuzzer, address sanitizer)"
(
  cd fuzz
  for target in application verify csv_rows identifiers form_application months statement; do
    # The committed corpus (fuzz/corpus, minimised after the long runs in
    # docs/fuzzing.md) and the seeds are read only: libFuzzer writes new
    # inputs to the first directory, a scratch one under target/.
    mkdir -p "target/corpus/$target" "corpus/$target"
    log="target/fuzz-$target.log"
    if ! RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "target/corpus/$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="${FUZZ_SECONDS:-20}" -rss_limit_mb=2048 >"$log" 2>&1; then
      tail -n 60 "$log"
      echo "fuzz target $target failed (the input is in fuzz/artifacts/$target/)" >&2
      exit 1
    fi
    echo "fuzz $target: $(grep -E '^Done' "$log")"
  done
)
echo "== screen vs the pandas, polars and DuckDB baselines: same answers row by row (20,000 generated rows)"
BENCH_DIR=target/bench-ci benches/screen.sh 20000
# -----------------------------------------------------------------------------

echo "== the app in Chromium: build with Trunk (and the single-file build), then end-to-end tests: app, portal embedding, offline"
cargo build --locked --bin wengang
scripts/build-app.sh
python3 scripts/build_single.py
node --test --test-concurrency=1 tests/e2e/
