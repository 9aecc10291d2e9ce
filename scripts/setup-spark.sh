#!/usr/bin/env bash
# Installs what scripts/spark_batch.py needs, skipping what is present:
#   - a Java runtime, 17 or newer (Debian: default-jre-headless), for Spark 4
#   - pyspark (PyPI) in .venv-spark/, unless the python3 on PATH imports it
# Prints the Python interpreter to use on its last line.
# Usage: bash scripts/setup-spark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '== setup-spark: %s\n' "$*" >&2; }
java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  step "apt-get install default-jre-headless (Java 17+ for Spark 4)"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo_cmd apt-get install -y --no-install-recommends default-jre-headless >&2; then
    $sudo_cmd apt-get update >&2
    $sudo_cmd apt-get install -y --no-install-recommends default-jre-headless >&2
  fi
fi
step "$(java -version 2>&1 | head -1)"

venv=".venv-spark"
stamp="$venv/.installed"
if python3 -c 'import pyspark' >/dev/null 2>&1; then
  python="$(command -v python3)"
elif [ -f "$stamp" ] && "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  python="$PWD/$venv/bin/python"
else
  step "pip install pyspark into $venv (about 450 MB; once)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/spark-requirements.txt >&2
  touch "$stamp"
  python="$PWD/$venv/bin/python"
fi
step "pyspark $("$python" -c 'import pyspark; print(pyspark.__version__)')"
echo "$python"
