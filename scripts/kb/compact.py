#!/usr/bin/env python3
"""Rewrites crates/core/data/kb/*.tsv in the compact form that
crates/core/src/kb/store.rs reads (idempotent; run after gen_places.py):

* id: empty when it is the slug of the (ASCII) name (lower-case, runs of
  other characters -> '-');
* wiki: empty when it equals the name; '-' when there is no title;
* description: '{}' stands for the names of the row's context entries,
  last first, joined by ', ' ("City in {}." -> "City in Texas, United States.").

Expanding the compact form gives back exactly the same entries.
"""
import pathlib
import re
import sys

KB = pathlib.Path(__file__).resolve().parents[2] / "crates/core/data/kb"
FILES = ["countries.tsv", "orgs.tsv", "seats.tsv", "regions.tsv", "us_states.tsv", "cities.tsv", "people.tsv"]


def bare(name):
    return name.lstrip("?~!").strip()


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def rows(path):
    for line in path.read_text(encoding="utf-8").split("\n"):
        yield line, (None if line.startswith("#") or not line.strip() else line.split("\t"))


def main():
    names = {}
    for f in FILES:
        for _, r in rows(KB / f):
            if r and len(r) >= 9:
                rid = r[0].strip() or slug(bare(r[3]))
                names.setdefault(rid, bare(r[3]))
    for f in FILES:
        out = []
        for line, r in rows(KB / f):
            if not r or len(r) < 9:
                out.append(line)
                continue
            name = bare(r[3])
            if name.isascii() and r[0] == slug(name):
                r[0] = ""
            if r[7] == name:
                r[7] = ""
            elif r[7] == "":
                r[7] = "-"
            ctx = [c for c in r[6].split("|") if c and not c.startswith("@")]
            places = [names[c] for c in reversed(ctx) if c in names]
            if len(places) == len(ctx) and places and "{}" not in r[8]:
                joined = ", ".join(places)
                if joined in r[8] and r[8].count(joined) == 1:
                    r[8] = r[8].replace(joined, "{}")
            out.append("\t".join(r))
        (KB / f).write_text("\n".join(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
