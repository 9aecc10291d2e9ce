#!/usr/bin/env python3
"""Archive-scale benchmark of `gloss batch` (docs/cli.md, "Archive scale").

Builds about 100 MB of article-sized JSON Lines from the dev texts repeated
(../shared/eval/gum-news-dev.jsonl; the reference article when ../shared is
absent), under target/archive/ (never committed), and times on it:
  - plain `gloss batch`
  - GNU parallel --pipe --keep-order --block 8M with -j1 and -j2, and --pipepart -j2
  - scripts/spark_batch.py on local[1] and local[2] (when pyspark is importable),
    wall time with the JVM's start-up and the job alone
Each run is checked against plain gloss batch (line for line; Spark after
sorting), and reports the largest resident set of any gloss process, and for
Spark of the JVM and the Python workers, sampled from /proc. The load average
is read before each run. Prints a Markdown table (also written to
target/archive/results.md).

Usage: python3 scripts/bench_archive.py [--mb 100] [--repeat N] [--gloss target/release/gloss] [--skip-spark]
"""

import argparse
import json
import math
import resource
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPEAT = 1  # runs of each command; the fastest is kept (--repeat)
ROOT = os.path.dirname(HERE)
WORK = os.path.join(ROOT, "target", "archive")


def build_input(mb):
    """Writes ~mb MB of {"id","text"} lines; returns its path and source."""
    dev = os.path.join(ROOT, "..", "shared", "eval", "gum-news-dev.jsonl")
    if os.path.exists(dev):
        with open(dev, encoding="utf-8") as f:
            docs = [(d["id"], d["text"]) for d in map(json.loads, f)]
        source = "gum-news-dev texts repeated"
    else:
        with open(os.path.join(ROOT, "crates", "core", "tests", "data", "moscow-talks.txt"), encoding="utf-8") as f:
            docs = [("moscow-talks", f.read())]
        source = "the reference article repeated (../shared absent)"
    path = os.path.join(WORK, f"archive-{mb}m.jsonl")
    target = mb * 1_000_000
    if os.path.exists(path) and abs(os.path.getsize(path) - target) < 100_000:
        return path, source
    os.makedirs(WORK, exist_ok=True)
    size, n = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            doc_id, text = docs[n % len(docs)]
            line = json.dumps({"id": f"{doc_id}-{n // len(docs)}", "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return path, source


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class RssSampler:
    """Largest resident set per kind (gloss, java, python, parallel) among the
    descendants of a process, sampled every 0.2 s from /proc."""

    def __init__(self, root_pid):
        self.root = root_pid
        self.peak = {}
        self.cpu = {}  # pid -> user + system clock ticks, last seen
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def descendants(self):
        children = {}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    stat = f.read()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(pid))
            except (OSError, ValueError, IndexError):
                continue
        out, todo = [], [self.root]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, []))
        return out

    def run(self):
        while not self.stop.is_set():
            for pid in self.descendants():
                try:
                    with open(f"/proc/{pid}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    self.cpu[pid] = int(fields[11]) + int(fields[12])
                    with open(f"/proc/{pid}/status") as f:
                        status = f.read()
                    with open(f"/proc/{pid}/comm") as f:
                        comm = f.read().strip()
                except OSError:
                    continue
                rss = next((int(l.split()[1]) for l in status.splitlines() if l.startswith("VmRSS:")), 0)
                kind = "gloss" if comm.startswith("gloss") else "java" if comm == "java" else (
                    "python" if comm.startswith("python") else "parallel" if comm in ("parallel", "perl") else None)
                if kind:
                    self.peak[kind] = max(self.peak.get(kind, 0), rss)
            time.sleep(0.2)

    def finish(self):
        self.stop.set()
        self.thread.join()
        self.cpu_s = sum(self.cpu.values()) / os.sysconf("SC_CLK_TCK")
        return {k: round(v / 1024) for k, v in self.peak.items()}


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, stdin=None, stdout=None, reset=None):
    """Runs cmd REPEAT times (calling reset() and rewinding the files before
    each) and keeps the fastest run: its wall seconds, peak RSS per kind, the
    load average before it and its stderr; timed.cpu is its CPU seconds
    (user + system, whole process tree)."""
    best = None
    for _ in range(REPEAT):
        if reset:
            reset()
        for f in (stdin, stdout):
            if f:
                f.seek(0)
        if stdout:
            stdout.truncate()
        run = run_once(cmd, stdin, stdout)
        if best is None or run[0] < best[0]:
            best = run
    wall, rss, before, err, timed.cpu = best
    return wall, rss, before, err


def run_once(cmd, stdin, stdout):
    before = load()
    cpu0 = children_cpu()
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, shell=isinstance(cmd, str))
    sampler = RssSampler(proc.pid)
    _, err = proc.communicate()
    wall = time.monotonic() - t0
    rss = sampler.finish()
    if proc.returncode != 0:
        sys.exit(f"bench_archive: {cmd} failed:\n{err.decode(errors='replace')[-3000:]}")
    # Exact for processes that were waited for; the sampled figure also
    # counts those that were not (Spark's JVM).
    cpu = max(children_cpu() - cpu0, sampler.cpu_s)
    return wall, rss, before, err.decode(errors="replace"), cpu


def same_lines(a, b):
    return subprocess.run(["cmp", "-s", a, b]).returncode == 0


def sorted_records(path_or_dir):
    files = [path_or_dir] if os.path.isfile(path_or_dir) else [
        os.path.join(path_or_dir, n) for n in sorted(os.listdir(path_or_dir)) if n.startswith("part-")]
    lines = []
    for name in files:
        with open(name, "rb") as f:
            lines.extend(f.read().splitlines())
    return sorted(lines)


def stress(gloss, args, out_dir, spark):
    """Peak memory with huge lines: 200 articles, one 15 MB document (under
    the 16 MiB limit), one 40 MB line (over it: an error record) and a bad
    line, through plain gloss batch, parallel -j2 and Spark local[2]."""
    path = os.path.join(WORK, "stress.jsonl")
    if not os.path.exists(path):
        with open(os.path.join(ROOT, "crates", "core", "tests", "data", "moscow-talks.txt"), encoding="utf-8") as f:
            article = f.read()
        with open(path, "w", encoding="utf-8") as out:
            for i in range(200):
                out.write(json.dumps({"id": f"a{i}", "text": article}) + "\n")
                if i == 50:
                    big = (article + "\n\n") * (15_000_000 // len(article))
                    out.write(json.dumps({"id": "doc-15mb", "text": big}) + "\n")
                if i == 100:
                    huge = (article + "\n\n") * (40_000_000 // len(article))
                    out.write(json.dumps({"id": "line-40mb", "text": huge}) + "\n")
                if i == 150:
                    out.write('{"id": "bad", "text": \n')
    size = os.path.getsize(path)
    runs = [("gloss batch", f"'{gloss}' batch < '{path}'")]
    if shutil.which("parallel"):
        runs.append(("parallel --pipe -j2 --block 8M", f"parallel --pipe --keep-order --block 8M -j2 '{gloss}' batch < '{path}'"))
    if spark:
        out = os.path.join(out_dir, "stress-spark")
        runs.append(("Spark local[2]", f"'{args.python}' '{os.path.join(HERE, 'spark_batch.py')}' '{path}' '{out}' "
                     f"--master 'local[2]' --partitions 4 --gloss '{gloss}' --conf spark.ui.enabled=false && cat '{out}'/part-*"))
    lines = [
        f"Huge lines: {size / 1e6:.0f} MB, 200 articles + a 15 MB document + a 40 MB line (over --max-bytes 16M) + a bad line.",
        "",
        "| engine | wall s | records | error records | peak RSS MB | load avg before |",
        "|---|---:|---:|---:|---|---|",
    ]
    for name, cmd in runs:
        result = os.path.join(out_dir, "stress.out")
        w, rss, before, _ = timed(f"{cmd} > '{result}'", reset=lambda: shutil.rmtree(
            os.path.join(out_dir, "stress-spark"), ignore_errors=True))
        with open(result, "rb") as f:
            recs = [json.loads(line) for line in f]
        errors = [r for r in recs if "error" in r]
        assert {r.get("id") for r in errors} >= {"line-40mb"}, errors
        rss_s = ", ".join(f"{k} {v}" for k, v in sorted(rss.items()))
        lines.append(f"| {name} | {w:.1f} | {len(recs)} | {len(errors)} | {rss_s} | {before} |")
        print(f"  stress {name}: {w:.1f} s, rss {rss}", file=sys.stderr, flush=True)
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--gloss", default=os.path.join(ROOT, "target", "release", "gloss"))
    ap.add_argument("--python", default=sys.executable, help="a Python that imports pyspark")
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each command; the fastest is reported")
    args = ap.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    gloss = os.path.abspath(args.gloss)
    inp, source = build_input(args.mb)
    in_bytes = os.path.getsize(inp)
    mb = in_bytes / 1e6
    out_dir = tempfile.mkdtemp(prefix="gloss-bench-", dir=WORK)
    rows = []

    def row(engine, wall, rss, before, note="", excluded=None, out_bytes=None, same=None):
        rows.append({
            "engine": engine, "wall": wall, "cpu": timed.cpu, "excluded": excluded, "rss": rss, "load": before,
            "note": note, "out_bytes": out_bytes, "same": same,
        })
        print(f"  {engine}: {wall:.1f} s, load {before}, rss {rss}", file=sys.stderr, flush=True)

    plain = os.path.join(out_dir, "plain.jsonl")
    with open(inp, "rb") as i, open(plain, "wb") as o:
        w, rss, before, _ = timed([gloss, "batch"], stdin=i, stdout=o)
    row("gloss batch", w, rss, before, out_bytes=os.path.getsize(plain), same=True)
    for fields, name in [(["--no-text"], "gloss batch --no-text"),
                         (["--fields", "actors,proposals,summary"], "gloss batch --fields actors,proposals,summary")]:
        lean = os.path.join(out_dir, "lean.jsonl")
        with open(inp, "rb") as i, open(lean, "wb") as o:
            w, rss, before, _ = timed([gloss, "batch", *fields], stdin=i, stdout=o)
        row(name, w, rss, before, out_bytes=os.path.getsize(lean))
        os.remove(lean)

    if shutil.which("parallel"):
        for jobs, mode in [(1, "pipe"), (2, "pipe"), (2, "pipepart")]:
            out = os.path.join(out_dir, f"parallel-{mode}-{jobs}.jsonl")
            if mode == "pipe":
                cmd = f"parallel --pipe --keep-order --block 8M -j{jobs} '{gloss}' batch < '{inp}' > '{out}'"
            else:
                cmd = f"parallel --pipepart -a '{inp}' --keep-order --block 8M -j{jobs} '{gloss}' batch > '{out}'"
            w, rss, before, _ = timed(cmd)
            row(f"parallel --{mode} -j{jobs}", w, rss, before, out_bytes=os.path.getsize(out), same=same_lines(plain, out))
            os.remove(out)
    else:
        print("bench_archive: GNU parallel not installed; skipping its rows", file=sys.stderr)

    have_spark = subprocess.run([args.python, "-c", "import pyspark"], capture_output=True).returncode == 0
    if not args.skip_spark and have_spark:
        plain_sorted = sorted_records(plain)
        lean_plain = None
        for cores, pipe, extra in ((1, "jvm", []), (2, "jvm", []), (2, "python", []),
                                   (2, "jvm", ["--", "--fields", "actors,proposals,summary"]),
                                   (2, "parquet", ["--format", "parquet"])):
            out = os.path.join(out_dir, f"spark-{cores}-{pipe}-{len(extra)}")
            timings = out + ".json"
            # About 8 MB a partition, as parallel's --block 8M.
            parts = max(cores, math.ceil(in_bytes / 8e6))
            cmd = [args.python, os.path.join(HERE, "spark_batch.py"), inp, out, "--master", f"local[{cores}]",
                   "--partitions", str(parts), "--gloss", gloss, "--conf", "spark.ui.enabled=false",
                   "--timings", timings] + (["--python-pipe"] if pipe == "python" else []) + extra
            w, rss, before, _ = timed(cmd, reset=lambda: shutil.rmtree(out, ignore_errors=True))
            with open(timings) as f:
                t = json.load(f)
            if pipe == "parquet":
                out_bytes = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(out) for n in ns
                                if n.endswith(".parquet"))
                row(f"Spark local[{cores}], Parquet tables", w, rss, before, excluded=t["job_s"],
                    note=f"{parts} partitions, start-up {t['startup_s']:.1f} s", out_bytes=out_bytes)
                shutil.rmtree(out)
                continue
            if extra:
                if lean_plain is None:
                    lean_file = os.path.join(out_dir, "lean-plain.jsonl")
                    with open(inp, "rb") as i, open(lean_file, "wb") as o:
                        subprocess.run([gloss, "batch", *extra[1:]], stdin=i, stdout=o, check=True)
                    lean_plain = sorted_records(lean_file)
                want = lean_plain
            else:
                want = plain_sorted
            got = sorted_records(out)
            out_bytes = sum(os.path.getsize(os.path.join(out, n)) for n in os.listdir(out) if n.startswith("part-"))
            label = f"Spark local[{cores}], {pipe} pipe" + (" " + " ".join(extra[1:]) if extra else "")
            row(label, w, rss, before, excluded=t["job_s"],
                note=f"{parts} partitions, start-up {t['startup_s']:.1f} s", out_bytes=out_bytes,
                same=got == want)
            shutil.rmtree(out)
    elif not args.skip_spark:
        print("bench_archive: pyspark not importable; skipping Spark (bash scripts/setup-spark.sh)", file=sys.stderr)

    stress_table = stress(gloss, args, out_dir, have_spark and not args.skip_spark)

    lines = [
        f"Input: {in_bytes / 1e6:.1f} MB, {sum(1 for _ in open(inp, 'rb'))} lines ({source}); "
        f"{os.cpu_count()} cores; gloss {subprocess.run([gloss, '--version'], capture_output=True, text=True).stdout.strip()}.",
        "",
        "| engine | wall s | MB/s | job s (no JVM start) | MB/s (job) | CPU s | MB per CPU s | out/in bytes | same as plain | peak RSS MB | load avg before |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for r in rows:
        rss = ", ".join(f"{k} {v}" for k, v in sorted(r["rss"].items()))
        ex = f"{r['excluded']:.1f}" if r["excluded"] is not None else ""
        ex_rate = f"{mb / r['excluded']:.1f}" if r["excluded"] else ""
        ratio = f"{r['out_bytes'] / in_bytes:.2f}" if r["out_bytes"] else ""
        same = "" if r["same"] is None else ("yes" if r["same"] else "NO")
        note = f" ({r['note']})" if r["note"] else ""
        lines.append(
            f"| {r['engine']}{note} | {r['wall']:.1f} | {mb / r['wall']:.1f} | {ex} | {ex_rate} | {r['cpu']:.1f} | {mb / r['cpu']:.1f} "
            f"| {ratio} | {same} | {rss} | {r['load']} |")
    table = "\n".join(lines) + "\n\n" + stress_table
    print(table)
    with open(os.path.join(WORK, "results.md"), "w") as f:
        f.write(table + "\n")
    shutil.rmtree(out_dir)
    return 0 if all(r["same"] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
