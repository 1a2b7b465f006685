#!/usr/bin/env bash
# Builds the app's print module into target/app/print/: the engine library
# with the feature print-wasm (print_html, print_style), through
# wasm-bindgen --target web and wasm-opt -Oz. scripts/build-app.sh runs it
# before Trunk; Trunk's post-build hook (scripts/trunk_post_build.py)
# copies it into the build as print-<hash>/, where the start-up code loads
# it the first time someone prints, and the service worker precaches it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The same size-tuned flags and target directory as the app's own build.
source scripts/app-env.sh

out=target/app/print
cargo build --locked --lib --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features print-wasm
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name wengang-print \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/wengang_engine.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/wengang-print_bg.wasm" -o "$out/wengang-print_bg.wasm"
echo "[print] $(wc -c < "$out/wengang-print_bg.wasm") bytes of wasm, $(gzip -9c "$out/wengang-print_bg.wasm" | wc -c) gzipped"
