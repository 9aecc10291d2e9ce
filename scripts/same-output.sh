#!/usr/bin/env bash
# Refactoring guard: `gloss batch` output on every available corpus, saved
# once and compared after each step (byte for byte, with cmp).
#   scripts/same-output.sh save    # record the current binary's output
#   scripts/same-output.sh check   # rebuild, compare with the record
# Corpora: the reference article and the HTML fixtures (always present), and
# when ../shared is there: gum-news-dev, gum-train, the stance benchmark
# texts, UNER EWT dev/test, wikigold and re3d (as {"id","text"} lines).
# Output goes to target/same-output/ (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-check}"
dir=target/same-output
mkdir -p "$dir/in" "$dir/$mode"
cargo build --release -q -p gloss-cli
python3 - "$dir/in" <<'PY'
import json, os, sys, glob
out = sys.argv[1]
def write(name, recs):
    with open(os.path.join(out, name + ".jsonl"), "w") as f:
        for r in recs:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
local = []
for p in sorted(glob.glob("crates/core/tests/data/**/*", recursive=True)) + sorted(glob.glob("www/samples/*")):
    if os.path.isfile(p):
        try:
            local.append({"id": p, "text": open(p, encoding="utf-8").read()})
        except UnicodeDecodeError:
            pass
write("local", local)
shared = "../shared"
for name, path in [("gum-news-dev", "eval/gum-news-dev.jsonl"), ("gum-train", "eval/gum-train.jsonl"),
                   ("stances", "eval/stances-dev.jsonl"),
                   ("uner-dev", "train/ner/uner-ewt-dev.jsonl"), ("uner-test", "train/ner/uner-ewt-test.jsonl"),
                   ("wikigold", "train/ner/wikigold.jsonl"), ("re3d", "train/ner/re3d.jsonl")]:
    p = os.path.join(shared, path)
    if not os.path.exists(p):
        continue
    recs = [json.loads(l) for l in open(p, encoding="utf-8")]
    if name == "stances":
        continue  # texts are the dev texts plus the sample, already covered
    write(name, recs)
PY
for f in "$dir"/in/*.jsonl; do
  n=$(basename "$f")
  ./target/release/gloss batch < "$f" > "$dir/$mode/$n"
done
if [[ "$mode" == save ]]; then
  echo "saved $(ls "$dir/save" | wc -l) outputs in $dir/save"
  exit 0
fi
status=0
for f in "$dir"/check/*.jsonl; do
  n=$(basename "$f")
  if cmp -s "$f" "$dir/save/$n"; then echo "same: $n ($(wc -l < "$f") docs)"; else echo "DIFFERENT: $n"; status=1; fi
done
exit $status
