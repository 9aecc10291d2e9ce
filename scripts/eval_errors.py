#!/usr/bin/env python3
"""List NER false positives / false negatives (name spans) per document.

usage: python3 scripts/eval_errors.py GOLD.jsonl PRED.jsonl [--labelled]
"""
import json
import sys

LABELS = ("PERSON", "ORG", "PLACE")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    labelled = "--labelled" in argv
    gold = {}
    for line in open(args[0], encoding="utf8"):
        d = json.loads(line)
        gold[d["id"]] = d
    for line in open(args[1], encoding="utf8"):
        p = json.loads(line)
        g = gold.get(p["id"])
        if not g:
            continue
        text = g["text"]
        gs = {(e["name_start"], e["name_end"]): e["label"] for e in g["entities"] if e["label"] in LABELS}
        other = {(e["name_start"], e["name_end"]) for e in g["entities"] if e["label"] not in LABELS}
        ps = {(m["start"], m["end"]): m["label"] for m in p.get("mentions", []) if m["label"] in LABELS}
        print("==", p["id"])
        for sp, lab in sorted(ps.items()):
            if sp in other:
                continue
            if sp not in gs:
                print(f"  FP {lab:6} {text[sp[0]:sp[1]]!r}")
            elif labelled and gs[sp] != lab:
                print(f"  LB {lab:6}->{gs[sp]:6} {text[sp[0]:sp[1]]!r}")
        for sp, lab in sorted(gs.items()):
            if sp not in ps:
                print(f"  FN {lab:6} {text[sp[0]:sp[1]]!r}")


if __name__ == "__main__":
    main(sys.argv)
