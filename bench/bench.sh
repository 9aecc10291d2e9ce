#!/usr/bin/env bash
# Entry point for `make bench` and `make bench-smoke`.
#   bash bench/bench.sh           full run: installs what it needs (npm deps, spaCy venv, twiggy,
#                                 the built site), writes bench/RESULTS.md and bench/throughput.svg
#   bash bench/bench.sh --smoke   tiny inputs, one run; installs only the npm deps (seconds) and
#                                 skips parts whose installs are missing; never fails on a timing
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=0
[[ "${1:-}" == "--smoke" ]] && smoke=1

if command -v npm >/dev/null; then
  if [[ ! -d bench/node_modules/playwright-core || bench/package-lock.json -nt bench/node_modules/.package-lock.json ]]; then
    npm ci --prefix bench --no-audit --no-fund --loglevel=error
  fi
else
  echo "bench: npm missing, browser and compromise parts will be skipped" >&2
fi

if [[ $smoke == 1 ]]; then
  python3 -m unittest discover -s bench -p 'test_*.py'
  if [[ -d bench/node_modules/compromise ]]; then
    node --test bench/compromise_ner.test.mjs
  fi
  exec python3 bench/run.py --smoke
fi

if [[ ! -x /usr/bin/time ]] && command -v apt-get >/dev/null; then
  apt-get install -y -q time >/dev/null || echo "bench: /usr/bin/time missing, peak memory not measured" >&2
fi
bash bench/setup-venv.sh || echo "bench: spaCy venv install failed, spaCy parts will be skipped" >&2
if ! command -v twiggy >/dev/null && [[ ! -x "$HOME/.cargo/bin/twiggy" ]]; then
  cargo install twiggy --locked || echo "bench: twiggy install failed, using the fallback size listing" >&2
fi
if [[ -f scripts/build-site.sh ]]; then
  bash scripts/build-site.sh || echo "bench: site build failed, browser Gloss parts will be skipped" >&2
fi
exec python3 bench/run.py "$@"
