#!/usr/bin/env bash
# Tagger and parser on UD treebanks (part of `make eval`): `gloss conllu` on
# EWT dev, EWT test and PUD (gold tokenisation and sentences), scored by
# scripts/eval_ud.py, with spaCy's small model (bench/spacy_ud.py) on the same
# files beside it. Reads ../shared/train/ud (or $GLOSS_TRAIN_DIR/ud); skips
# with a message when it is absent. GLOSS_EVAL_SPACY=0 leaves spaCy out.
# Prints one markdown table (the one in docs/accuracy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
UD="${GLOSS_TRAIN_DIR:-../shared/train}/ud"
if [[ ! -f "$UD/en_ewt-test.conllu" ]]; then
    echo "eval_ud: skipped ($UD not found)"
    exit 0
fi
cargo build --release -q -p gloss-cli
OUT="${TMPDIR:-/tmp}/gloss-eval/ud"
mkdir -p "$OUT"
spacy=""
if [[ "${GLOSS_EVAL_SPACY:-1}" != 0 ]] && bash bench/setup-venv.sh; then
    spacy=bench/.venv/bin/python
fi
score() { python3 scripts/eval_ud.py "$1" "$2" | tail -1 | sed 's/^ud: //'; }
echo "| treebank | words | Gloss UPOS / UAS / LAS | spaCy sm UPOS / UAS / LAS |"
echo "|---|---:|---:|---:|"
for name in en_ewt-dev en_ewt-test en_pud; do
    gold="$UD/$name.conllu"
    ./target/release/gloss conllu "$gold" > "$OUT/gloss-$name.conllu"
    g=$(score "$gold" "$OUT/gloss-$name.conllu")
    s="—"
    if [[ -n "$spacy" ]]; then
        "$spacy" bench/spacy_ud.py "$gold" "$OUT/spacy-$name.conllu" 2> "$OUT/spacy-$name.err"
        s=$(score "$gold" "$OUT/spacy-$name.conllu")
    fi
    words=$(python3 scripts/eval_ud.py "$gold" "$OUT/gloss-$name.conllu" | sed -n 's/^words: //p')
    echo "| $name | $words | $g | $s |"
done
