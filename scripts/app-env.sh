# Sourced by scripts/build-app.sh and scripts/build-print.sh: the browser
# build rebuilds the standard library for size (rust-src, from
# scripts/setup.sh): panics abort at once (the app never panics by design,
# and a panic message has no reader there), `Debug` formatting and panic
# locations are left out. That takes about 19 KB off the gzipped wasm and
# keeps the first load under 250 KB. These are unstable switches of the
# pinned stable rustc, enabled for this build only (as the fuzz build does).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
# Its own target directory: the flags above must not mix with the
# engine's ordinary wasm builds and tests.
export CARGO_TARGET_DIR="$PWD/target/app"
