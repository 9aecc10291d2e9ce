#!/usr/bin/env python3
"""Check the hand-labelled fresh set (articles.jsonl, entities.jsonl, stances.jsonl).

usage: python3 validate.py [DIR]      (DIR defaults to this script's directory)

Entities: text[start:end] == text and text[name_start:name_end] == name_text for every
mention (Unicode code-point offsets), name span inside the mention span, label matches
type, nested flag correct, text identical to articles.jsonl.
Stances: every proposal mention, actor surface name and evidence quote occurs verbatim
(case-sensitive) in the article text (actor names at word boundaries), evidence is 5-25
words and lies inside one sentence, every stance points at a listed proposal and uses
only the six stance values, and one actor has one surface-name list in all its stances
(score_stances.py's strict rules pair each predicted actor with one gold actor).
Exit status 0 and "OK" when everything passes. Standard library only.
"""
import json
import os
import re
import sys

LABEL = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
TYPES = {"person", "organization", "place", "time", "event", "abstract", "object", "substance", "animal"}
VALUES = {"proposes", "supports", "opposes", "criticizes", "mixed", "neutral"}
ENT_KEYS = {"start", "end", "text", "type", "label", "cluster", "wiki", "head",
            "name_start", "name_end", "name_text", "nested"}


def load(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(l) for l in f if l.strip()]


def sentences(t):
    # same rough splitter idea as score_stances.py: . ! ? (+ closing quote) then space, or newline
    cuts = [0]
    for m in re.finditer(r"\n+|(?<=[.!?])[\"'\u201d\u2019)\]]*[ \t]+", t):
        cuts.append(m.end())
    cuts.append(len(t))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def at_boundary(t, s, e):
    return (s == 0 or not t[s - 1].isalnum()) and (e == len(t) or not t[e].isalnum())


def main(d):
    errs = []
    arts = load(os.path.join(d, "articles.jsonl"))
    ents = load(os.path.join(d, "entities.jsonl"))
    stances = load(os.path.join(d, "stances.jsonl"))
    texts = {}
    for a in arts:
        if not a["id"].startswith("fresh-"):
            errs.append(f"{a['id']}: id must start with 'fresh-'")
        if set(a) != {"id", "title", "text"}:
            errs.append(f"{a['id']}: article keys {sorted(a)}")
        if a["text"].split("\n\n")[0] != a["title"]:
            errs.append(f"{a['id']}: title is not the first paragraph")
        n = len(a["text"].split())
        if not 350 <= n <= 650:
            errs.append(f"{a['id']}: {n} words (want 350-650)")
        texts[a["id"]] = a["text"]
    if len(texts) != len(arts):
        errs.append("duplicate article ids")
    n_ent = n_prop = n_st = 0
    for doc in ents:
        did = doc["id"]
        t = doc["text"]
        if texts.get(did) != t:
            errs.append(f"{did}: entities text differs from articles.jsonl")
        es = doc["entities"]
        spans = set()
        for e in es:
            n_ent += 1
            where = f"{did}@{e.get('start')}"
            if set(e) != ENT_KEYS:
                errs.append(f"{where}: keys {sorted(e)}")
                continue
            if t[e["start"]:e["end"]] != e["text"]:
                errs.append(f"{where}: slice {t[e['start']:e['end']]!r} != {e['text']!r}")
            if t[e["name_start"]:e["name_end"]] != e["name_text"]:
                errs.append(f"{where}: name slice {t[e['name_start']:e['name_end']]!r} != {e['name_text']!r}")
            if not (e["start"] <= e["name_start"] < e["name_end"] <= e["end"]):
                errs.append(f"{where}: name span outside mention")
            if e["type"] not in TYPES or e["label"] != LABEL.get(e["type"], "OTHER"):
                errs.append(f"{where}: bad type/label {e['type']}/{e['label']}")
            if not e["cluster"].startswith(did + ":"):
                errs.append(f"{where}: cluster {e['cluster']}")
            if e["text"] != e["text"].strip() or e["name_text"] != e["name_text"].strip():
                errs.append(f"{where}: span has outer whitespace")
            if not at_boundary(t, e["start"], e["end"]) and not e["text"].endswith("'"):
                errs.append(f"{where}: mention {e['text']!r} cuts a word")
            if (e["start"], e["end"]) in spans:
                errs.append(f"{where}: duplicate span")
            spans.add((e["start"], e["end"]))
            nested = any(o is not e and o["start"] <= e["start"] and e["end"] <= o["end"]
                         and (o["start"], o["end"]) != (e["start"], e["end"]) for o in es)
            if nested != e["nested"]:
                errs.append(f"{where}: nested flag should be {nested}")
        if [e["start"] for e in es] != sorted(e["start"] for e in es):
            errs.append(f"{did}: entities not in text order")
    if {d_["id"] for d_ in ents} != set(texts):
        errs.append("entities.jsonl ids differ from articles.jsonl")
    for doc in stances:
        did = doc["id"]
        t = texts.get(did)
        if t is None:
            errs.append(f"{did}: stance doc not in articles.jsonl")
            continue
        sents = sentences(t)
        keys = [p["key"] for p in doc["proposals"]]
        if len(keys) != len(set(keys)):
            errs.append(f"{did}: duplicate proposal keys")
        for p in doc["proposals"]:
            n_prop += 1
            if not p.get("what") or not p.get("mentions"):
                errs.append(f"{did}/{p['key']}: needs 'what' and 'mentions'")
            for m in p["mentions"]:
                if m not in t:
                    errs.append(f"{did}/{p['key']}: mention not in text: {m!r}")
        seen = set()
        owner = {}
        for s in doc["stances"]:
            for a in s.get("actor") or []:
                if owner.setdefault(a, tuple(s["actor"])) != tuple(s["actor"]):
                    errs.append(f"{did}: actor name {a!r} used in two different actor lists "
                                "(give one actor the same list in all its stances)")
            n_st += 1
            tag = f"{did}/{s.get('proposal')}/{s['actor'][0] if s.get('actor') else '?'}"
            if s.get("proposal") not in keys:
                errs.append(f"{tag}: unknown proposal")
            vals = s.get("stance") or []
            if not vals or not set(vals) <= VALUES:
                errs.append(f"{tag}: bad stance values {vals}")
            for a in s.get("actor") or []:
                occ = [m.start() for m in re.finditer(re.escape(a), t) if at_boundary(t, m.start(), m.end())]
                if not occ:
                    errs.append(f"{tag}: actor name not in text at a word boundary: {a!r}")
            if not s.get("actor"):
                errs.append(f"{tag}: no actor")
            ev = s.get("evidence", "")
            i = t.find(ev) if ev else -1
            if i < 0:
                errs.append(f"{tag}: evidence not in text: {ev!r}")
            else:
                nw = len(ev.split())
                if not 5 <= nw <= 25:
                    errs.append(f"{tag}: evidence has {nw} words (want 5-25)")
                if not any(a <= i and i + len(ev) <= b for a, b in sents):
                    errs.append(f"{tag}: evidence crosses a sentence boundary")
            k = (tuple(s.get("actor") or []), s.get("proposal"))
            if k in seen:
                errs.append(f"{tag}: duplicate stance (same actor and proposal)")
            seen.add(k)
    if {d_["id"] for d_ in stances} != set(texts):
        errs.append("stances.jsonl ids differ from articles.jsonl")
    for e in errs:
        print("ERROR", e)
    print(f"{len(arts)} articles, {n_ent} entity mentions, {n_prop} proposals, {n_st} stances")
    if errs:
        print(f"FAILED: {len(errs)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
