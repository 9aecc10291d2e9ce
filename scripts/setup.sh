#!/usr/bin/env bash
# Installs what Gloss needs; skips whatever is present.
#   bash scripts/setup.sh          what building and serving the site needs:
#     - Rust target wasm32-unknown-unknown
#     - wasm-bindgen-cli 0.2.130 (must match the crate pin; cargo install, ~4.5 min)
#     - wasm-opt (npm binaryen@132, a prebuilt binary)
#   bash scripts/setup.sh --test   also what the tests need:
#     - chromium + chromedriver (Debian packages) for the browser tests
#     - the test runner's npm packages (tests/package-lock.json)
# (No trunk: scripts/build-site.sh calls cargo, wasm-bindgen and wasm-opt itself.)
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
step() { printf '== setup: %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! have wasm-bindgen || ! wasm-bindgen --version | grep -q '0\.2\.130'; then
  step "cargo install wasm-bindgen-cli 0.2.130 (takes about 5 minutes)"
  cargo install wasm-bindgen-cli --version 0.2.130
fi

if ! have wasm-opt || ! wasm-opt --version | grep -q 'version 132'; then
  step "npm install -g binaryen@132 (wasm-opt)"
  npm install -g binaryen@132
fi

if [ "${1:-}" = "--test" ]; then
  chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium_bin" ] && ! have chromium; then
    step "apt-get install chromium chromium-driver"
    sudo_cmd=""
    if [ "$(id -u)" != 0 ] && have sudo; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update
    $sudo_cmd apt-get install -y chromium chromium-driver
  fi

  if [ ! -d tests/node_modules/playwright-core ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    step "npm ci in tests/"
    (cd tests && npm ci --no-audit --no-fund)
  fi
fi
step "done"
