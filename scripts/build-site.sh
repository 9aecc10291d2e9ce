#!/usr/bin/env bash
# Builds the static site into dist/ (relative URLs: works under any sub-path)
# with cargo, wasm-bindgen and wasm-opt directly (no trunk; it gave the same
# files, names and sizes, see docs/size.md):
#   1. two wasm modules, profile wasm-release (opt-level z, panic=abort):
#      gloss-app, the page (Yew UI, no analysis code), loaded with the page;
#      gloss-engine, the analysis core and its data, loaded by the worker in
#      the background after the page has painted;
#   2. wasm-bindgen --target web, then wasm-opt -Oz --converge (skipped when
#      cargo's module is unchanged since the last build);
#   3. scripts/lib/assemble-site.mjs: hashed names (SeaHash, as trunk named
#      them), integrity, index.html, boot.js, the worker, the service worker;
#   4. the JavaScript API (crates/js) into dist/js/ (for other pages:
#      import init, { analyze } from './js/gloss.js'), profile wasm-js
#      (opt-level 3, wasm-opt -O3): faster per call than opt-level z for ~29%
#      more gzip bytes; not part of the app's load (docs/js-api.md).
# Tools come from scripts/setup.sh; nothing is downloaded here.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
stage="$target_dir/site"
wasm_dir="$target_dir/wasm32-unknown-unknown"

# One build of dist/ at a time.
mkdir -p "$target_dir" "$stage"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$target_dir/.build-site.lock"
  flock 9
fi
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

echo "== wasm modules (cargo, profile wasm-release)"
cargo build --target wasm32-unknown-unknown --profile wasm-release --bin gloss-app --bin gloss-engine

for bin in gloss-app gloss-engine; do
  echo "== $bin (wasm-bindgen, wasm-opt -Oz)"
  wasm="$wasm_dir/wasm-release/$bin.wasm"
  hash=$(node scripts/lib/seahash.mjs "$wasm")
  opt="$stage/$bin-$hash.opt.wasm"
  wasm-bindgen --target=web --out-dir="$stage/bindgen" --out-name="$bin" --no-typescript "$wasm"
  if [ ! -f "$opt" ]; then
    rm -f "$stage/$bin"-*.opt.wasm
    wasm-opt --output="$opt.tmp" -Oz "$stage/bindgen/${bin}_bg.wasm" --converge
    mv "$opt.tmp" "$opt"
  fi
  cp "$stage/bindgen/$bin.js" "$stage/$bin.js"
  cp "$opt" "$stage/${bin}_bg.wasm"
  echo "$hash" >"$stage/$bin.hash"
done

echo "== dist/ (hashed names, index.html, worker, service worker)"
rm -rf dist.new
node scripts/lib/assemble-site.mjs "$stage" dist.new

echo "== JS API (crates/js)"
cargo build -p gloss-js --target wasm32-unknown-unknown --profile wasm-js
wasm-bindgen --target web --out-dir dist.new/js --out-name gloss \
  "$wasm_dir/wasm-js/gloss_js.wasm"
wasm-opt -O3 "${wasm_features[@]}" dist.new/js/gloss_bg.wasm -o dist.new/js/gloss_bg.wasm

rm -rf dist
mv dist.new dist
echo "== dist/"
ls -l dist dist/js
