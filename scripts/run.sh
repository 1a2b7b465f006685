#!/usr/bin/env bash
# Sets up, builds and serves the app on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-app.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
