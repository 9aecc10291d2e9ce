#!/usr/bin/env bash
# Builds the static site into dist/ (works under any sub-path):
#   1. the Yew app with trunk (profile wasm-release: opt-level z, panic=abort; wasm-opt -Oz),
#   2. the analysis worker (www/worker.js), pointed at the app's hashed module,
#   3. the JavaScript API (crates/js) with the wasm-bindgen CLI into dist/js/
#      (for other pages: import init, { analyze } from './js/gloss.js'); profile wasm-js
#      (opt-level 3, wasm-opt -O3): ~1.6x faster per call than opt-level z for ~29% more
#      gzip bytes; it is a separate download, not part of the app's first load
#      (measurements: docs/js-api.md, bench/js-speed.mjs),
#   4. trunk's inline loader moved to boot.js so the CSP forbids inline script.
# Tools come from scripts/setup.sh; nothing is downloaded here (trunk --offline).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

# One build of dist/ at a time (trunk stages into dist/.stage).
mkdir -p target
if command -v flock >/dev/null 2>&1; then
  exec 9>target/.build-site.lock
  flock 9
fi
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

echo "== app (trunk)"
trunk build --release --public-url ./ --offline

echo "== worker"
app_js=$(cd dist && ls gloss-app*.js | head -n 1)
app_wasm=$(cd dist && ls gloss-app*_bg.wasm | head -n 1)
sed -i -e "s#'./gloss-app.js'#'./${app_js}'#" -e "s#'./gloss-app_bg.wasm'#'./${app_wasm}'#" dist/worker.js
grep -q "./${app_js}'" dist/worker.js && grep -q "./${app_wasm}'" dist/worker.js

echo "== JS API (crates/js)"
cargo build -p gloss-js --target wasm32-unknown-unknown --profile wasm-js
wasm-bindgen --target web --out-dir dist/js --out-name gloss \
  "$target_dir/wasm32-unknown-unknown/wasm-js/gloss_js.wasm"
wasm-opt -O3 "${wasm_features[@]}" dist/js/gloss_bg.wasm -o dist/js/gloss_bg.wasm

echo "== CSP: external loader"
node scripts/lib/externalize-loader.mjs dist

echo "== dist/"
ls -l dist dist/js
