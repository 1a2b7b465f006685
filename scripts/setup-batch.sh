#!/usr/bin/env bash
# Installs what batch screening's tests and benchmark need, skipping what is
# already there at the pinned version (a second run takes a second):
#   cargo-fuzz 0.13.2 (crates.io; it runs on stable rustc with RUSTC_BOOTSTRAP=1)
#   the benchmark's baselines (PyPI): pandas 3.1.1 (benches/screen_pandas.py),
#   polars 2.1.0 (benches/screen_polars.py), duckdb 2.0.1 (benches/screen_duckdb.py,
#   sql/*.sql through scripts/unit_months.py)
#   pyspark 4.3.0 (PyPI; tests/sql runs sql/*.sql in Spark local mode): a 456 MB
#   download, built and installed in about 80 s, once
#   Java 17 or 21 for Spark (Debian's openjdk-17-jre-headless, 44 MB, when no
#   such `java` is on PATH)
#   /usr/bin/time (Debian's `time`; benches/screen.sh measures with it)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
PYTHON_PACKAGES=(pandas==3.1.1 polars==2.1.0 duckdb==2.0.1 pyspark==4.3.0)
say() { printf '[setup-batch] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if cargo fuzz --version 2>/dev/null | grep -q -- "$CARGO_FUZZ_VERSION"; then
  say "cargo-fuzz $CARGO_FUZZ_VERSION: present"
else
  say "cargo-fuzz $CARGO_FUZZ_VERSION: building from crates.io (about 2 minutes, once)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# Each package is checked by importing it (the version it reports), and only
# the missing or other-version ones are installed, in one pip call.
missing=()
for spec in "${PYTHON_PACKAGES[@]}"; do
  module=${spec%%==*} version=${spec##*==}
  if python3 -c "import $module, sys; sys.exit($module.__version__ != '$version')" 2>/dev/null; then
    say "$module $version: present"
  else
    missing+=("$spec")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  say "${missing[*]}: installing from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check "${missing[@]}"
fi

SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { $SUDO apt-get update -qq; apt_updated=1; }
  $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ -x /usr/bin/time ]; then
  say "/usr/bin/time: present"
else
  say "/usr/bin/time: installing Debian's time"
  apt_install time
fi

# Spark 4 runs on Java 17 or 21; `java -version` prints `version "17.0.15"`.
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1 || true)
if [ "$java_major" = 17 ] || [ "$java_major" = 21 ]; then
  say "java $java_major: present"
else
  say "java 17: installing Debian's openjdk-17-jre-headless"
  # Slim images lack the man directory the package's alternatives link into.
  $SUDO mkdir -p /usr/share/man/man1
  apt_install openjdk-17-jre-headless
fi
say "done"
