#!/usr/bin/env bash
# Sets up and runs every test. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== engine builds for wasm32-unknown-unknown (no web dependency)"
cargo build --locked --target wasm32-unknown-unknown --lib

echo "== native tests: unit, cases, properties, CLI; benches run once as tests"
cargo test --locked --all-targets
cargo test --locked --doc

echo "== app state (reducer) tests, natively"
cargo test --locked --features app --lib app::

echo "== the JavaScript package: bindings in Chromium (wasm-bindgen-test), then pkg/ in Node"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json" \
  cargo test --locked --target wasm32-unknown-unknown --features bindings --test web_bindings
cargo build --locked --bin wengang
scripts/build-pkg.sh
node --test tests/node/

echo "== the app in Chromium: build with Trunk (and the single-file build), then end-to-end tests: app, portal embedding, offline"
cargo build --locked --bin wengang
scripts/build-app.sh
python3 scripts/build_single.py
node --test --test-concurrency=1 tests/e2e/
