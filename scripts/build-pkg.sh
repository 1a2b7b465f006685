#!/usr/bin/env bash
# Builds the JavaScript package into pkg/ with wasm-pack: pkg/web (ES module
# for browsers and portals) and pkg/node (CommonJS for Node back ends), and
# a pkg/package.json that serves each to its platform.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# --mode no-install: never download wasm-bindgen; use the pinned one on PATH.
# pkg/web: small rather than fast (a portal's page downloads it; the CLI
# keeps opt-level 3).
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_PANIC=abort \
  wasm-pack build --mode no-install --release --target web --out-dir pkg/web --out-name wengang \
  --no-pack -- --features bindings "$@"
# pkg/node: fast rather than small ([profile.pkg-node], opt-level 3): a back
# end loads it once and checks many applications; `check` takes half the
# time it takes at "z" (docs/performance.md). Its own profile, so its own
# folder under target/: neither build undoes the other's.
wasm-pack build --mode no-install --profile pkg-node --target nodejs --out-dir pkg/node --out-name wengang \
  --no-pack -- --features bindings "$@"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
cat > pkg/package.json <<JSON
{
  "name": "@wengang/engine",
  "version": "$version",
  "description": "稳岗返还预审引擎: the job-retention refund pre-check engine (WebAssembly) for portals and Node back ends",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./node/wengang.js",
  "module": "./web/wengang.js",
  "types": "./web/wengang.d.ts",
  "exports": {
    ".": {
      "types": "./web/wengang.d.ts",
      "node": "./node/wengang.js",
      "default": "./web/wengang.js"
    }
  },
  "files": ["web/", "node/", "README.md"],
  "sideEffects": ["./web/snippets/*"]
}
JSON
cat > pkg/node/package.json <<'JSON'
{ "type": "commonjs" }
JSON
echo "pkg/: $(ls pkg/web/*.wasm pkg/node/*.wasm | xargs -n1 sh -c 'printf "%s %s B (gzip %s B)  " "$0" "$(stat -c %s "$0")" "$(gzip -9c "$0" | wc -c)"')"
