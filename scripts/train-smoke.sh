#!/usr/bin/env bash
# Training smoke test (make test): trains both models on the first 4 documents of
# each corpus into a temporary directory, twice, and checks that the two runs give
# the same bytes and that the core loads the labeller (gloss-train does). Skipped,
# with a message, when ../shared/train (or $GLOSS_TRAIN_DIR) is absent: the unit
# tests of crates/train cover training on sentences of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
TRAIN_DIR="${GLOSS_TRAIN_DIR:-../shared/train}"
EVAL_DIR="${GLOSS_EVAL_DIR:-../shared/eval}"
if [[ ! -f "$TRAIN_DIR/ner/wikigold.jsonl" || ! -f "$EVAL_DIR/gum-train.jsonl" ]]; then
    echo "train-smoke: skipped ($TRAIN_DIR or $EVAL_DIR not found)"
    exit 0
fi
cargo build --release -q -p gloss-train
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for run in a b; do
    ./target/release/gloss-train ner --train-dir "$TRAIN_DIR" --eval-dir "$EVAL_DIR" \
        --limit 4 --folds 2 --out "$tmp/labels-$run.bin" 2> "$tmp/log-$run"
    ./target/release/gloss-train bilou --train-dir "$TRAIN_DIR" --eval-dir "$EVAL_DIR" \
        --limit 4 --epochs 2 --out "$tmp/bilou-$run.bin" 2>> "$tmp/log-$run"
done
cmp "$tmp/labels-a.bin" "$tmp/labels-b.bin"
cmp "$tmp/bilou-a.bin" "$tmp/bilou-b.bin"
grep -E "trained in|wrote" "$tmp/log-a"
echo "train-smoke: ok (deterministic on a small slice)"
