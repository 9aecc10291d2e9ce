#!/usr/bin/env python3
"""Drops the long tail of big-but-rarely-reported cities from
crates/core/data/kb/cities.tsv to keep the site small (run after
gen_places.py, before compact.py).

Keeps every capital, every US city, every city listed in gen_places.py's
EXTRA_CITIES (prominent in news), every city another entry names in its
context, and per other country the `--per-country` most populous cities
(the file is in descending population order). Measured effect: see
crates/core/data/kb/README.md.
"""
import argparse
import importlib.util
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
KB = HERE.parents[1] / "crates/core/data/kb"


def gen_places():
    spec = importlib.util.spec_from_file_location("gen_places", HERE / "gen_places.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-country", type=int, default=12)
    a = ap.parse_args()
    g = gen_places()
    extra = {g.CITY_NAME.get(k, k[0]) for k in g.EXTRA_CITIES} | {k[0] for k in g.EXTRA_CITIES}
    referenced = set()
    for f in KB.glob("*.tsv"):
        for line in f.read_text(encoding="utf-8").split("\n"):
            r = line.split("\t")
            if line.startswith("#") or len(r) < 9:
                continue
            referenced |= {c for c in r[6].split("|") if c}
    path = KB / "cities.tsv"
    seen = {}
    out = []
    dropped = 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        r = line.split("\t")
        if line.startswith("#") or len(r) < 9 or r[2] != "city":
            out.append(line)
            continue
        country = r[6].split("|")[0]
        seen[country] = seen.get(country, 0) + 1
        name = r[3].lstrip("?~!")
        rid = r[0] or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")  # compact.py
        keep = (
            country == "united-states"
            or seen[country] <= a.per_country
            or name in extra
            or rid in referenced
        )
        if keep:
            out.append(line)
        else:
            dropped += 1
    path.write_text("\n".join(out), encoding="utf-8")
    print("dropped", dropped)


if __name__ == "__main__":
    main()
