#!/usr/bin/env bash
# Installs what building, serving and testing need, skipping whatever is
# already there at the pinned version, so a second run takes seconds.
# Pins and traps: ../shared/TOOLCHAIN.md. Nothing here downloads a
# prebuilt binary: tools come from crates.io, npm and Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
CARGO_MUTANTS_VERSION=27.1.0
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"
# Tools are built once; a faster, less optimised build is plenty for them.
tool_build_env=(CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)

has_version() { # tool, version: does `tool --version` print the pin?
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"
}

rust_target() {
  if rustup target list --installed 2>/dev/null | grep -qx "$1"; then
    say "rust target $1: present"
  else
    say "rust target $1: installing"
    rustup target add "$1"
  fi
}

cargo_tool() { # binary, crate, version, extra install flags...
  local bin=$1 crate=$2 version=$3
  shift 3
  if has_version "$bin" "$version"; then
    say "$bin $version: present"
  else
    say "$bin $version: building from crates.io (minutes, once)"
    env "${tool_build_env[@]}" cargo install "$crate" --version "$version" "$@"
  fi
}

debian_packages() { # packages...: install those missing
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -eq 0 ]; then
    say "debian packages $*: present"
  else
    say "debian packages ${missing[*]}: installing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

npm_packages() { # folder with package.json + package-lock.json
  if [ -d "$1/node_modules" ] && [ "$1/node_modules/.package-lock.json" -nt "$1/package-lock.json" ]; then
    say "npm packages in $1: present"
  else
    say "npm packages in $1: installing"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

command -v cargo >/dev/null || { echo "cargo is required (rustup)" >&2; exit 1; }
rust_target wasm32-unknown-unknown
# The app's size-tuned build rebuilds the standard library (scripts/build-app.sh).
if [ "${1:-all}" = all ]; then
  if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
    say "rust-src: present"
  else
    say "rust-src: installing"
    rustup component add rust-src
  fi
fi

case "${1:-all}" in
  engine) ;;
  all)
    cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
    cargo_tool trunk trunk "$TRUNK_VERSION" --locked
    cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION" --locked
    # The bounded mutation check (scripts/mutants-ci.sh); it answers
    # --version only as `cargo mutants`.
    if cargo mutants --version 2>/dev/null | grep -q -- "$CARGO_MUTANTS_VERSION"; then
      say "cargo-mutants $CARGO_MUTANTS_VERSION: present"
    else
      say "cargo-mutants $CARGO_MUTANTS_VERSION: building from crates.io (minutes, once)"
      env "${tool_build_env[@]}" cargo install cargo-mutants --version "$CARGO_MUTANTS_VERSION" --locked
    fi
    # CJK fonts so screenshots and PDFs of the Chinese pages are legible.
    debian_packages chromium chromium-driver fonts-wqy-zenhei
    npm_packages .
    ;;
  *) echo "usage: scripts/setup.sh [engine|all]" >&2; exit 2 ;;
esac
say "done"
