#!/usr/bin/env bash
# `make bench-archive`: gloss batch, GNU parallel and Spark local mode on
# ~100 MB of JSON Lines (scripts/bench_archive.py; figures in docs/cli.md).
# Installs GNU parallel (make target), a JRE and pyspark (scripts/setup-spark.sh).
# Usage: bash scripts/bench-archive.sh [--mb N] [--skip-spark]
set -euo pipefail
cd "$(dirname "$0")/.."
python=python3
if [[ " $* " != *" --skip-spark "* ]]; then
  python="$(bash scripts/setup-spark.sh | tail -1)"
fi
cargo build --release -p gloss-cli
"$python" scripts/bench_archive.py --python "$python" "$@"
