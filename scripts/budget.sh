#!/usr/bin/env bash
# What the site weighs, in three parts (raw and gzip -9), against their budgets:
#   first load: what the browser needs to paint the page and take a paste
#     (index.html with the static first paint, CSS, icon, boot script):
#     budget 150 KB gzipped;
#   app: the page's own module (the Yew app: Explain, the result view, the
#     cards), preloaded with the page and started when it arrives; Explain
#     pressed before then is remembered: budget 200 KB gzipped;
#   engine: what the worker downloads in the background after the first
#     paint (worker script, the gloss-engine module and its JS; later its
#     models): budget 1 MB gzipped.
# The file list and roles come from the build (target/site/site-files.json);
# the browser tests check that the page and the worker fetch exactly these.
# Also prints the Explain → rendered time the browser tests measured
# (target/e2e/timing.json; target 100 ms once the engine is ready, reported,
# never failed on). Fails only if a part is over its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
first_kb="${GLOSS_FIRST_LOAD_KB:-150}"
app_kb="${GLOSS_APP_KB:-200}"
engine_kb="${GLOSS_ENGINE_KB:-1024}"
list="${CARGO_TARGET_DIR:-target}/site/site-files.json"
[ -f dist/index.html ] && [ -f "$list" ] || { echo "budget: dist/ not built (bash scripts/build-site.sh)" >&2; exit 1; }

status=0
part() { # role, title, budget in KB
  local role=$1 title=$2 budget=$3 raw=0 gz=0 f r g
  printf '%s\n' "$title"
  while IFS= read -r f; do
    [ -f "dist/$f" ] || { echo "budget: missing dist/$f" >&2; exit 1; }
    r=$(wc -c <"dist/$f")
    g=$(gzip -9 -c "dist/$f" | wc -c)
    raw=$((raw + r))
    gz=$((gz + g))
    printf '  %-44s %9d %9d\n' "$f" "$r" "$g"
  done < <(node -e 'const l=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));
    for (const f of l.files) if (f.role === process.argv[2]) console.log(f.name)' "$list" "$role")
  awk -v t="$role" -v r="$raw" -v g="$gz" -v b="$budget" \
    'BEGIN { printf "%s: %.1f KB raw, %.1f KB gzipped (budget %d KB gzipped)\n", t, r / 1024, g / 1024, b }'
  if [ "$gz" -gt $((budget * 1024)) ]; then
    echo "budget: $role OVER by $(((gz - budget * 1024 + 1023) / 1024)) KB gzipped" >&2
    status=1
  fi
}

printf '%-46s %9s %9s\n' "file" raw gzip-9
part first-load "First load (paints the page and takes a paste):" "$first_kb"
part app "App (the page's module; preloaded, starts right after the first paint):" "$app_kb"
part engine "Engine (downloaded by the worker after the first paint):" "$engine_kb"

if [ -f target/e2e/timing.json ]; then
  node -e 'const t=JSON.parse(require("fs").readFileSync("target/e2e/timing.json","utf8"));
    console.log(`Explain → rendered on the sample, engine ready: ${t.explain_to_render_ms.toFixed(1)} ms median of ${t.runs} (core ${t.core_ms.toFixed(1)} ms; target 100 ms)`)'

else
  echo "Explain → rendered: not measured yet (run the browser tests)"
fi
[ "$status" = 0 ] && echo "budget: ok"
exit "$status"
