#!/usr/bin/env python3
"""Drops neighbouring-country ids from the context of countries whose names
and aliases name no other entry (crates/core/data/kb/countries.tsv), keeping
the capital (first) and the region (last). Context only helps choose among
candidates, so unambiguous countries never use it; the borders of ambiguous
ones ("Georgia") stay. Run after gen_places.py, before compact.py.
"""
import pathlib
from collections import Counter

KB = pathlib.Path(__file__).resolve().parents[2] / "crates/core/data/kb"


def keys(r):
    return [k.lstrip("?~!").strip() for k in [r[3]] + r[4].split("|") if k.strip()]


def main():
    count = Counter()
    for f in KB.glob("*.tsv"):
        for line in f.read_text(encoding="utf-8").split("\n"):
            r = line.split("\t")
            if not line.startswith("#") and len(r) >= 9:
                count.update(set(keys(r)))
    path = KB / "countries.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        r = line.split("\t")
        if line.startswith("#") or len(r) < 9:
            out.append(line)
            continue
        flagged = "?" in r[3] or any(a.startswith("?") for a in r[4].split("|"))
        shared = any(count[k] > 1 for k in keys(r))
        ctx = r[6].split("|")
        if not flagged and not shared and len(ctx) > 2:
            r[6] = "|".join([ctx[0], ctx[-1]])
        out.append("\t".join(r))
    path.write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
