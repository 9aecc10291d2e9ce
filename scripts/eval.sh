#!/usr/bin/env bash
# Accuracy on the GUM news dev set: named entities (score.py), summaries
# (score_summary.py), proposals and stances (score_stances.py, on the dev
# set plus the reference article, and on our own articles in
# crates/core/tests/data/stances and crates/core/tests/data/fresh), then one
# table of entity scores on four corpora
# (scripts/eval_ner.py: gum-news-dev, UNER EWT test, wikigold held-out part,
# gum-train) for Gloss and spaCy's small model. The eval data lives outside
# the repo (../shared/eval or $GLOSS_EVAL_DIR, ../shared/train or
# $GLOSS_TRAIN_DIR) and may be absent: then this prints a skip message.
# GLOSS_EVAL_SPACY=0 leaves spaCy out (otherwise bench/setup-venv.sh installs it
# once). Extra arguments go to score.py (e.g. --span mention).
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR="${GLOSS_EVAL_DIR:-../shared/eval}"
TRAIN_DIR="${GLOSS_TRAIN_DIR:-../shared/train}"
GOLD="$EVAL_DIR/gum-news-dev.jsonl"
if [[ ! -f "$GOLD" ]]; then
    echo "eval: skipped ($GOLD not found; set GLOSS_EVAL_DIR to the GUM eval directory)"
    exit 0
fi
cargo build --release -q -p gloss-cli
OUT="${TMPDIR:-/tmp}/gloss-eval"
mkdir -p "$OUT"
start=$(date +%s%N)
./target/release/gloss batch < "$GOLD" > "$OUT/pred.jsonl"
end=$(date +%s%N)
bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$GOLD")
echo "== named entities (score.py, dev: $(wc -l < "$GOLD") docs) =="
python3 "$EVAL_DIR/score.py" "$GOLD" "$OUT/pred.jsonl" "$@"
echo
echo "== summaries (score_summary.py) =="
python3 "$EVAL_DIR/score_summary.py" "$GOLD" "$OUT/pred.jsonl"
echo
echo "== proposals and stances (score_stances.py: 12 dev articles + the reference article) =="
STANCES="$EVAL_DIR/stances-dev.jsonl"
if [[ -f "$STANCES" && -f "$EVAL_DIR/score_stances.py" ]]; then
    python3 "$EVAL_DIR/score_stances.py" --make-input "$OUT/stances-in.jsonl" > /dev/null
    ./target/release/gloss batch < "$OUT/stances-in.jsonl" > "$OUT/stances-pred.jsonl"
    python3 "$EVAL_DIR/score_stances.py" "$STANCES" "$OUT/stances-pred.jsonl" --texts "$OUT/stances-in.jsonl"
    echo
    # Our own held-out-style articles (sentences written for these tests,
    # labelled the same way), scored by the same scorer.
    OWN=crates/core/tests/data/stances
    echo "== proposals and stances on our own articles ($OWN, $(wc -l < "$OWN/articles.jsonl") articles) =="
    ./target/release/gloss batch < "$OWN/articles.jsonl" > "$OUT/own-stances-pred.jsonl"
    python3 "$EVAL_DIR/score_stances.py" "$OWN/gold.jsonl" "$OUT/own-stances-pred.jsonl" --texts "$OWN/articles.jsonl"
    echo
    # Eight more articles of our own with entity gold too (README there).
    FRESH=crates/core/tests/data/fresh
    echo "== entities, proposals and stances on $FRESH ($(wc -l < "$FRESH/articles.jsonl") articles) =="
    ./target/release/gloss batch < "$FRESH/articles.jsonl" > "$OUT/fresh-pred.jsonl"
    python3 "$EVAL_DIR/score.py" "$FRESH/entities.jsonl" "$OUT/fresh-pred.jsonl" | sed -n '/gold spans: name/,/partial/p'
    python3 "$EVAL_DIR/score_stances.py" "$FRESH/stances.jsonl" "$OUT/fresh-pred.jsonl" --texts "$FRESH/articles.jsonl"
else
    echo "skipped ($STANCES not found)"
fi
echo
echo "== entity linking (scripts/eval_linking.py) =="
python3 scripts/eval_linking.py "$GOLD"
echo
echo "batch time: $(( (end - start) / 1000000 )) ms for $((bytes / 1000)) KB (includes process start)"
echo "error listing: python3 scripts/eval_errors.py $GOLD $OUT/pred.jsonl --labelled"
echo
echo "== entities on four corpora (scripts/eval_ner.py; exact spans, P R F1 per label) =="
systems=(--gloss ./target/release/gloss)
if [[ "${GLOSS_EVAL_SPACY:-1}" != 0 ]]; then
    if bash bench/setup-venv.sh; then
        systems+=(--spacy bench/.venv/bin/python)
    else
        echo "note: spaCy left out (bench/setup-venv.sh failed)"
    fi
fi
# The learned labeller retrained here (deterministic: the same bytes as
# crates/core/data/models/ner-labels.bin), to get the full pipeline's gum-train
# mentions by 5-fold cross-validation (each fold's model never saw its documents),
# and the pipeline with the rules alone (no model) for comparison.
if [[ -d "$TRAIN_DIR/ner" ]]; then
    cargo build --release -q -p gloss-train
    ./target/release/gloss-train ner --train-dir "$TRAIN_DIR" --eval-dir "$EVAL_DIR" \
        --out "$OUT/ner-labels.bin" --pred-dir "$OUT/ner-pred" 2> "$OUT/ner-train.log" \
        && systems+=(--pred "gloss (full pipeline, gum-train 5-fold CV)=$OUT/ner-pred" \
                     --pred "gloss (rules only, no model)=$OUT/ner-pred/rules") \
        || echo "note: gloss-train ner failed (see $OUT/ner-train.log)"
    grep -E "trained in|temperatures" "$OUT/ner-train.log" || true
    cmp -s "$OUT/ner-labels.bin" crates/core/data/models/ner-labels.bin \
        || echo "note: the retrained labeller differs from crates/core/data/models/ner-labels.bin (run make models)"
fi
python3 scripts/eval_ner.py --eval-dir "$EVAL_DIR" --train-dir "$TRAIN_DIR" --out "$OUT" "${systems[@]}"
echo
echo "== syntax on UD treebanks (scripts/eval_ud.sh: gloss conllu + scripts/eval_ud.py) =="
bash scripts/eval_ud.sh
