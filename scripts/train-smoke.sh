#!/usr/bin/env bash
# Training smoke test (part of `make test`): trains the tagger and parser
# twice on a tiny treebank written for the tests (crates/train/tests/data,
# no ../shared needed), checks that both runs give byte-identical model
# files, annotates with them and scores the result with scripts/eval_ud.py;
# then does the same annotation with the bundled models.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/train-smoke
data=crates/train/tests/data
rm -rf "$out"
mkdir -p "$out"
cargo build --quiet --release -p gloss-train
bin="${CARGO_TARGET_DIR:-target}/release/gloss-train"
for run in a b; do
  "$bin" models --data "$data" --train tiny.conllu --dev tiny.conllu --out "$out/$run" \
    --folds 2 --tagger-epochs 4 --parser-epochs 4 >"$out/$run.log" 2>&1 ||
    { cat "$out/$run.log" >&2; exit 1; }
done
for f in tagger.bin parser.bin; do
  cmp "$out/a/$f" "$out/b/$f" || { echo "train-smoke: $f differs between two identical runs" >&2; exit 1; }
done
echo "train-smoke: two runs gave identical models ($(wc -c <"$out/a/tagger.bin") + $(wc -c <"$out/a/parser.bin") bytes)"
"$bin" annotate --models "$out/a" "$data/tiny.conllu" >"$out/pred.conllu"
printf 'train-smoke: tiny model on its training data: '
python3 scripts/eval_ud.py "$data/tiny.conllu" "$out/pred.conllu" | tail -1
"$bin" annotate <"$data/tiny.conllu" >"$out/bundled.conllu"
printf 'train-smoke: bundled models on the tiny treebank: '
python3 scripts/eval_ud.py "$data/tiny.conllu" "$out/bundled.conllu" | tail -1
