#!/usr/bin/env bash
# Builds the app with Trunk into dist/ (release, size-tuned, no downloads).
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt comes from npm's binaryen 132 (Debian's is too old); keep it first.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Size-tuned flags (build-std) and the target directory target/app.
source scripts/app-env.sh
# The print module first: Trunk's post-build hook copies it into dist/.
scripts/build-print.sh
trunk build --release --locked "$@"
