#!/usr/bin/env python3
"""Scores predicted CoNLL-U against gold CoNLL-U: UPOS accuracy, UAS and LAS.

usage: scripts/eval_ud.py GOLD PRED [--quiet]

Both files must have the same sentences and syntactic words (gold
tokenisation, as `gloss-train annotate` / `gloss conllu` keep it): the
words are compared form by form and a mismatch is an error, not a silent
misalignment. Multiword-token lines and empty nodes are ignored.

Conventions (those of the CoNLL 2018 shared-task script, conll18_ud_eval.py,
on gold tokenisation): every word counts, punctuation included; LAS compares
only the universal part of DEPREL ("nsubj:pass" counts as "nsubj"), and the
line "LAS (full labels)" also gives the score with subtypes compared.

The last line is machine-readable:  ud: upos=… uas=… las=…
"""
import sys


def read(path):
    """Sentences as lists of (form, upos, head, deprel), with line numbers."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise SystemExit(f"{path}:{n}: {len(cols)} fields, expected 10")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append((cols[1], cols[3], cols[6], cols[7], n))
    if cur:
        sents.append(cur)
    return sents


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold, pred = read(args[0]), read(args[1])
    if len(gold) != len(pred):
        raise SystemExit(f"{len(gold)} gold sentences but {len(pred)} predicted: tokenisation must be the gold one")
    words = upos = uas = las = las_full = 0
    for si, (g, p) in enumerate(zip(gold, pred), 1):
        if [w[0] for w in g] != [w[0] for w in p]:
            raise SystemExit(f"sentence {si} (gold line {g[0][4]}): words differ from the prediction's")
        for gw, pw in zip(g, p):
            words += 1
            upos += gw[1] == pw[1]
            if gw[2] == pw[2]:
                uas += 1
                las += gw[3].split(":")[0] == pw[3].split(":")[0]
                las_full += gw[3] == pw[3]
    pct = lambda x: 100.0 * x / max(words, 1)
    if "--quiet" not in argv:
        print(f"words: {words}")
        print(f"UPOS: {pct(upos):.2f}")
        print(f"UAS: {pct(uas):.2f}")
        print(f"LAS: {pct(las):.2f}")
        print(f"LAS (full labels): {pct(las_full):.2f}")
    print(f"ud: upos={pct(upos):.2f} uas={pct(uas):.2f} las={pct(las):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
