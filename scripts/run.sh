#!/usr/bin/env bash
# Sets up and runs the main job. Until the app lands, that is the CLI on a
# sample application: its report, then a submission verified end to end.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cargo build --locked --release --bin wengang
bin=target/release/wengang

echo "== wengang check samples/eligible-sme.json"
"$bin" check samples/eligible-sme.json
echo "== wengang submit | wengang verify"
"$bin" submit samples/eligible-sme.json | "$bin" verify -
