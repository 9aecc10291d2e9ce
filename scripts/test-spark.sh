#!/usr/bin/env bash
# `make test-spark`: installs a JRE and pyspark when missing (scripts/setup-spark.sh),
# builds gloss, and runs scripts/test_spark.py (spark_batch.py on local[2]
# against plain `gloss batch`). Not part of `make test`: the install is heavy.
set -euo pipefail
cd "$(dirname "$0")/.."
python="$(bash scripts/setup-spark.sh | tail -1)"
cargo build --release -p gloss-cli
"$python" scripts/test_spark.py --gloss target/release/gloss
