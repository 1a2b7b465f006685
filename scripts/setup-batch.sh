#!/usr/bin/env bash
# Installs what batch screening's tests and benchmark need, skipping what is
# already there at the pinned version (a second run takes a second):
#   cargo-fuzz 0.13.2 (crates.io; it runs on stable rustc with RUSTC_BOOTSTRAP=1)
#   pandas 3.1.1 (PyPI; the benchmark's baseline, benches/screen_pandas.py)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
PANDAS_VERSION=3.1.1
say() { printf '[setup-batch] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if cargo fuzz --version 2>/dev/null | grep -q -- "$CARGO_FUZZ_VERSION"; then
  say "cargo-fuzz $CARGO_FUZZ_VERSION: present"
else
  say "cargo-fuzz $CARGO_FUZZ_VERSION: building from crates.io (about 2 minutes, once)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

if python3 -c "import pandas, sys; sys.exit(pandas.__version__ != '$PANDAS_VERSION')" 2>/dev/null; then
  say "pandas $PANDAS_VERSION: present"
else
  say "pandas $PANDAS_VERSION: installing from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check "pandas==$PANDAS_VERSION"
fi
say "done"
