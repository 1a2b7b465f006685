#!/usr/bin/env bash
# Builds the app with Trunk into dist/ (release, size-tuned, no downloads).
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt comes from npm's binaryen 132 (Debian's is too old); keep it first.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --locked "$@"
