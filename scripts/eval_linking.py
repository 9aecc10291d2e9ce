#!/usr/bin/env python3
"""Entity-linking accuracy of Gloss's knowledge base on GUM news (dev).

Runs `./target/release/gloss batch` on the gold documents (JSONL {"id","text"}
in, one Analysis per line with code-point offsets out), aligns every predicted
actor mention to the gold mention it overlaps most (gold name spans), and
reports:

* link precision: of the predicted mentions that carry a Wikipedia title and
  overlap a gold mention, the fraction whose title equals the gold `wiki`
  (a link on a gold mention with no title counts as wrong);
* coverage: of the gold mentions with a `wiki` title, the fraction that some
  predicted mention links to the right title.

Usage: python3 scripts/eval_linking.py [GOLD.jsonl] [--gloss PATH] [--errors N]
Default gold: $GLOSS_EVAL_DIR/gum-news-dev.jsonl, ../shared/eval/gum-news-dev.jsonl
or /work/shared/eval/gum-news-dev.jsonl.
The eval data is optional; without it the script says so and exits 0.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def default_gold():
    env = os.environ.get("GLOSS_EVAL_DIR")
    for p in ([os.path.join(env, "gum-news-dev.jsonl")] if env else []) + [
              os.path.join(ROOT, "..", "shared", "eval", "gum-news-dev.jsonl"),
              "/work/shared/eval/gum-news-dev.jsonl"]:
        if os.path.exists(p):
            return p
    return None


def norm(w):
    return w.replace("_", " ").strip() if w else None


def same_title(a, b):
    """Titles equal up to case, hyphens and underscores (redirect variants
    such as "Kim Jong-un" / "Kim Jong Un")."""
    k = lambda s: " ".join(s.lower().replace("-", " ").split()) if s else None
    return a is not None and k(a) == k(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=default_gold())
    ap.add_argument("--gloss", default=os.path.join(ROOT, "target", "release", "gloss"))
    ap.add_argument("--errors", type=int, default=0, help="print up to N wrong links and misses")
    args = ap.parse_args()
    if not args.gold or not os.path.exists(args.gold):
        print("eval_linking: no gold file (shared/eval is optional); skipped")
        return 0
    docs = [json.loads(l) for l in open(args.gold, encoding="utf-8") if l.strip()]
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
    out = subprocess.run([args.gloss, "batch"], input=inp, capture_output=True, text=True, check=True).stdout
    preds = {}
    for line in out.splitlines():
        if line.strip():
            a = json.loads(line)
            preds[a.get("id")] = a

    judged = correct = unaligned = wrong_null = 0
    gold_total = gold_hit = 0
    wrong = []
    missed = collections.Counter()
    by_label = collections.defaultdict(lambda: [0, 0])
    for d in docs:
        gold = [g for g in d["entities"]]
        a = preds.get(d["id"], {})
        linked = []  # (start, end, wiki, text)
        for actor in a.get("actors", []):
            bg = actor.get("background") or {}
            w = norm(bg.get("wiki"))
            for m in actor.get("mentions", []):
                linked.append((m["start"], m["end"], w, m["text"]))

        def best_gold(s, e):
            """The gold mention this prediction stands for: an exact name or
            full span, else one whose head word lies inside the prediction."""
            over = []
            for g in gold:
                gs, ge = g.get("name_start", g["start"]), g.get("name_end", g["end"])
                if (gs, ge) == (s, e) or (g["start"], g["end"]) == (s, e):
                    return g
                if min(e, ge) > max(s, gs):
                    over.append(g)
            for g in over:
                gs, ge = g.get("name_start", g["start"]), g.get("name_end", g["end"])
                name = d["text"][gs:ge]
                h = name.rfind(g.get("head") or "\0")
                if h >= 0 and s <= gs + h and gs + h + len(g["head"]) <= e:
                    return g
            return None

        right = set()
        for s, e, w, t in linked:
            if not w:
                continue
            g = best_gold(s, e)
            if g is None:
                unaligned += 1
                continue
            judged += 1
            gw = norm(g.get("wiki"))
            if same_title(gw, w):
                correct += 1
                right.add(id(g))
            else:
                if gw is None:
                    wrong_null += 1
                wrong.append((d["id"], t, w, gw))
        for g in gold:
            if norm(g.get("wiki")):
                gold_total += 1
                by_label[g["label"]][1] += 1
                if id(g) in right:
                    gold_hit += 1
                    by_label[g["label"]][0] += 1
                else:
                    missed[(g.get("name_text") or g["text"], norm(g["wiki"]))] += 1

    p = correct / judged if judged else 0.0
    c = gold_hit / gold_total if gold_total else 0.0
    print(f"linked mentions judged: {judged} (correct {correct}, wrong {judged - correct}, "
          f"of which on gold mentions without a title {wrong_null}); not aligned to gold: {unaligned}")
    print(f"gold mentions with a wiki title: {gold_total}; linked correctly: {gold_hit}")
    for lab, (h, t) in sorted(by_label.items()):
        print(f"  coverage {lab}: {h}/{t} = {h / t:.3f}")
    if args.errors:
        print("wrong links (doc, text, predicted, gold):")
        for x in wrong[: args.errors]:
            print("  ", x)
        print("most missed gold (name, wiki, count):")
        for (n, w), k in missed.most_common(args.errors):
            print(f"   {n!r} -> {w!r}: {k}")
    print(f"link_precision={p:.3f}")
    print(f"link_coverage={c:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
