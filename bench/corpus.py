"""Benchmark inputs built only from real news text (no invented text).

Sources: the reference article in the repository (www/samples/moscow-talks.txt)
and, when present, the Wikinews texts of ../shared/eval/gum-news-dev.jsonl.
Larger inputs repeat these texts until they reach the requested size.
Sizes are in characters (code points); the texts are almost all ASCII.
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "www", "samples", "moscow-talks.txt")
EVAL_DIR = os.environ.get("GLOSS_EVAL_DIR", os.path.join(os.path.dirname(ROOT), "shared", "eval"))
DEV = os.path.join(EVAL_DIR, "gum-news-dev.jsonl")


def reference_text():
    """The reference article, as shipped with the site."""
    with open(REFERENCE, encoding="utf8") as f:
        return f.read()


def have_eval():
    """Whether the shared eval set is on this machine."""
    return os.path.isfile(DEV)


def articles():
    """Every real article available: the reference article, then the dev texts."""
    out = [reference_text()]
    if have_eval():
        with open(DEV, encoding="utf8") as f:
            for line in f:
                line = line.strip()
                if line:
                    out.append(json.loads(line)["text"])
    return out


def blob(size):
    """One document of about `size` characters: articles joined by blank lines,
    repeated, cut at the last paragraph break at or before `size`."""
    arts = articles()
    parts, total, i = [], 0, 0
    while total < size:
        a = arts[i % len(arts)]
        parts.append(a.strip("\n"))
        total += len(parts[-1]) + 2
        i += 1
    text = "\n\n".join(parts)
    if len(text) > size:
        cut = text.rfind("\n\n", 0, size)
        text = text[:cut] if cut > size // 2 else text[:size]
    return text


def documents(size):
    """Article-sized documents whose texts add up to at least `size` characters."""
    arts = articles()
    docs, total, i = [], 0, 0
    while total < size:
        a = arts[i % len(arts)]
        docs.append({"id": f"doc{i}", "text": a})
        total += len(a)
        i += 1
    return docs


def write_jsonl(path, docs):
    """Writes documents as JSON lines (ASCII-escaped, so one line per doc)."""
    with open(path, "w", encoding="utf8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
