#!/usr/bin/env bash
# Serves dist/ on 127.0.0.1 (port $PORT, default 8080, or the next free one)
# and prints the URL. `make serve` runs setup and the build first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/index.html ] || [ ! -f dist/js/gloss.js ]; then
  bash scripts/build-site.sh
fi
exec node scripts/lib/static-server.mjs dist "${PORT:-8080}"
