#!/usr/bin/env bash
# First-load size of the site: every file the browser fetches to open the page
# and explain the sample (html, js, wasm, css, icon, worker), raw and gzip -9,
# against the budget (350 KB gzipped). Uses the request list recorded by the
# browser tests (target/e2e/first-load.json) when present, else dist/'s
# first-load files. Also prints the Explain → rendered time the browser tests
# measured (target/e2e/timing.json; target 100 ms, reported, never failed on).
# Fails only if the total is over budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb="${GLOSS_BUDGET_KB:-350}"
[ -f dist/index.html ] || { echo "budget: dist/ not built (bash scripts/build-site.sh)" >&2; exit 1; }

files=()
if [ -f target/e2e/first-load.json ]; then
  while IFS= read -r f; do [ -n "$f" ] && files+=("$f"); done < <(
    node -e 'for (const f of JSON.parse(require("fs").readFileSync("target/e2e/first-load.json","utf8"))) console.log(f)')
  source_note="requests recorded by the browser tests"
else
  files=(index.html boot.js worker.js)
  while IFS= read -r f; do files+=("$f"); done < <(cd dist && ls gloss-app*.js gloss-app*_bg.wasm style*.css icon*.svg 2>/dev/null)
  source_note="dist/ first-load files (run the browser tests for the recorded list)"
fi

total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' "file ($source_note)" raw gzip-9
for f in "${files[@]}"; do
  path="dist/$f"
  [ -f "$path" ] || { echo "budget: missing $path" >&2; exit 1; }
  raw=$(wc -c <"$path")
  gz=$(gzip -9 -c "$path" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "total" "$total_raw" "$total_gz"
awk -v r="$total_raw" -v g="$total_gz" -v b="$budget_kb" \
  'BEGIN { printf "first load: %.1f KB raw, %.1f KB gzipped (budget %d KB gzipped)\n", r / 1024, g / 1024, b }'

if [ -f target/e2e/timing.json ]; then
  node -e 'const t=JSON.parse(require("fs").readFileSync("target/e2e/timing.json","utf8"));
    console.log(`Explain → rendered on the sample: ${t.explain_to_render_ms.toFixed(1)} ms median of ${t.runs} (core ${t.core_ms.toFixed(1)} ms; target 100 ms)`)'
else
  echo "Explain → rendered: not measured yet (run the browser tests)"
fi

if [ "$total_gz" -gt $((budget_kb * 1024)) ]; then
  echo "budget: OVER by $(( (total_gz - budget_kb * 1024 + 1023) / 1024 )) KB gzipped" >&2
  exit 1
fi
echo "budget: ok"
