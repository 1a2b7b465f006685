#!/usr/bin/env bash
# Builds the app and reports its first-load size, time to interactive
# (4× CPU throttling) and in-browser recompute time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-app.sh
node tests/e2e/bench.mjs
