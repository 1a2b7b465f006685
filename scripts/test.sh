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

echo "== the app in Chromium: build with Trunk, then end-to-end tests"
cargo build --locked --bin wengang
scripts/build-app.sh
node --test --test-concurrency=1 tests/e2e/
