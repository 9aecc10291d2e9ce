#!/usr/bin/env bash
# Training smoke test (make test), in two parts:
# 1. tagger and parser: trained twice on a tiny treebank written for the tests
#    (crates/train/tests/data, no ../shared needed); both runs must give
#    byte-identical model files; the tiny models and the bundled ones then
#    annotate it and scripts/eval_ud.py scores the result;
# 2. entity labeller and BILOU recogniser: trained twice on the first 4
#    documents of each corpus, same bytes required. Skipped, with a message,
#    when ../shared/train (or $GLOSS_TRAIN_DIR) is absent: the unit tests of
#    crates/train cover training on sentences of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p gloss-train
bin="${CARGO_TARGET_DIR:-target}/release/gloss-train"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

data=crates/train/tests/data
for run in a b; do
    "$bin" syntax --data "$data" --train tiny.conllu --dev tiny.conllu --out "$tmp/syntax-$run" \
        --folds 2 --tagger-epochs 4 --parser-epochs 4 >"$tmp/syntax-$run.log" 2>&1 ||
        { cat "$tmp/syntax-$run.log" >&2; exit 1; }
done
for f in tagger.bin parser.bin; do
    cmp "$tmp/syntax-a/$f" "$tmp/syntax-b/$f" ||
        { echo "train-smoke: $f differs between two identical runs" >&2; exit 1; }
done
echo "train-smoke: syntax: two runs gave identical models ($(wc -c <"$tmp/syntax-a/tagger.bin") + $(wc -c <"$tmp/syntax-a/parser.bin") bytes)"
"$bin" annotate --models "$tmp/syntax-a" "$data/tiny.conllu" >"$tmp/pred.conllu"
printf 'train-smoke: tiny models on their training data: '
python3 scripts/eval_ud.py "$data/tiny.conllu" "$tmp/pred.conllu" | tail -1
"$bin" annotate <"$data/tiny.conllu" >"$tmp/bundled.conllu"
printf 'train-smoke: bundled models on the tiny treebank: '
python3 scripts/eval_ud.py "$data/tiny.conllu" "$tmp/bundled.conllu" | tail -1

TRAIN_DIR="${GLOSS_TRAIN_DIR:-../shared/train}"
EVAL_DIR="${GLOSS_EVAL_DIR:-../shared/eval}"
if [[ ! -f "$TRAIN_DIR/ner/wikigold.jsonl" || ! -f "$EVAL_DIR/gum-train.jsonl" ]]; then
    echo "train-smoke: entity models skipped ($TRAIN_DIR or $EVAL_DIR not found)"
    exit 0
fi
for run in a b; do
    "$bin" ner --train-dir "$TRAIN_DIR" --eval-dir "$EVAL_DIR" \
        --limit 4 --folds 2 --out "$tmp/labels-$run.bin" 2> "$tmp/log-$run"
    "$bin" bilou --train-dir "$TRAIN_DIR" --eval-dir "$EVAL_DIR" \
        --limit 4 --epochs 2 --out "$tmp/bilou-$run.bin" 2>> "$tmp/log-$run"
done
cmp "$tmp/labels-a.bin" "$tmp/labels-b.bin"
cmp "$tmp/bilou-a.bin" "$tmp/bilou-b.bin"
grep -E "trained in|wrote" "$tmp/log-a"
echo "train-smoke: ok (deterministic on a small slice)"
