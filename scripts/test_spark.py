#!/usr/bin/env python3
"""Tests scripts/spark_batch.py in Spark's local mode (run by `make test-spark`).

Builds an archive of article-sized documents (from the reference article in
crates/core/tests/data, with bad lines and over-long lines among them), runs
plain `gloss batch` on it, then spark_batch.py on local[2] with four
partitions, and checks:
  1. JSON Lines: Spark's records equal plain gloss batch's after sorting by id
     (error records compared without "line", which counts the lines of one
     partition), through the JVM's pipe and PySpark's (--python-pipe), and
     with gloss arguments (--no-text);
  2. Parquet: the documents, actors and stances tables hold exactly the rows
     flattened from plain gloss batch's output;
  3. a line over Hadoop's reader limit (4 x --max-bytes) is dropped by Spark,
     as docs/cli.md says, while gloss itself answers it with an error record.
Prints 'N passed, N failed' and exits non-zero on a failure.

Usage: python scripts/test_spark.py --gloss target/release/gloss
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

MAX_BYTES = 64 << 10  # --max-bytes for the run: small, to test the limits cheaply


def build_archive(path):
    """Writes the test archive; returns the id of the line over Hadoop's limit."""
    with open(os.path.join(HERE, "..", "crates", "core", "tests", "data", "moscow-talks.txt"), encoding="utf-8") as f:
        paragraphs = [p for p in f.read().split("\n\n") if p.strip()]
    lines = []
    for i in range(240):
        text = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(2 + i % 5))
        kind = i % 29
        if kind == 7:
            lines.append(json.dumps({"id": f"bad-{i}", "text": i}))
        elif kind == 13:
            lines.append("this line is not JSON")
        elif kind == 19:
            lines.append(json.dumps({"id": f"no-text-{i}"}))
        elif kind == 23:
            lines.append(json.dumps({"text": text}))  # no id
        elif kind == 3:
            lines.append(json.dumps({"id": i, "text": text, "lang": "en"}))  # a number id
        else:
            lines.append(json.dumps({"id": f"doc-{i:03}", "text": text}, ensure_ascii=False))
    # Over gloss's limit, under Hadoop's: an error record from gloss.
    lines.insert(100, json.dumps({"id": "too-long", "text": "Putin spoke. " * (MAX_BYTES // 10)}))
    # Over Hadoop's limit (4 x MAX_BYTES): Spark's line reader drops it.
    lines.insert(50, json.dumps({"id": "far-too-long", "text": "Putin spoke. " * (MAX_BYTES // 2)}))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return "far-too-long"


# The rows each Parquet table should hold for one gloss record, computed here
# in Python, independently of the Spark SQL in spark_batch.py.


def id_text(value):
    """The input's id as stored: strings as they are, other JSON as JSON text."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def document_row(rec):
    ok = "error" not in rec
    return (
        id_text(rec.get("id")),
        rec.get("source"),
        (rec.get("summary") or {}).get("text"),
        len(rec["actors"]) if ok else None,
        len(rec["proposals"]) if ok else None,
        rec.get("line"),
        rec.get("error"),
    )


def actor_rows(rec):
    doc = id_text(rec.get("id"))
    for a in rec.get("actors") or []:
        yield (doc, a["id"], a["name"], a["kind"], float(a["salience"]), len(a["mentions"]))


def stance_rows(rec):
    doc = id_text(rec.get("id"))
    names = {a["id"]: a["name"] for a in rec.get("actors") or []}
    for p in rec.get("proposals") or []:
        for s in p["stances"]:
            ev = s["evidence"]
            yield (doc, s["actor"], names.get(s["actor"]), s["stance"], p["id"], p["name"],
                   ev["text"], ev["start"], ev["end"])


def sort_key(rec):
    return (json.dumps(rec.get("id"), sort_keys=True), json.dumps(rec, sort_keys=True))


def without_line(rec):
    if "error" in rec:
        rec = dict(rec)
        rec.pop("line", None)
    return rec


def read_jsonl_dir(path):
    out = []
    for name in sorted(os.listdir(path)):
        if name.startswith("part-"):
            with open(os.path.join(path, name), encoding="utf-8") as f:
                out.extend(json.loads(line) for line in f if line.strip())
    return out


def gloss_batch(gloss, archive, args):
    with open(archive, "rb") as f:
        out = subprocess.run([gloss, "batch", "--max-bytes", str(MAX_BYTES), *args], stdin=f, capture_output=True, check=True)
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]


def run_spark(archive, out, gloss, extra):
    cmd = [
        sys.executable, os.path.join(HERE, "spark_batch.py"), archive, out,
        "--master", "local[2]", "--partitions", "4", "--gloss", gloss,
        "--max-bytes", str(MAX_BYTES), "--conf", "spark.ui.enabled=false",
        "--timings", out + ".timings.json", *extra,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(f"spark_batch.py failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    with open(out + ".timings.json") as f:
        return json.load(f)


def main():
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    ap = argparse.ArgumentParser()
    ap.add_argument("--gloss", required=True)
    args = ap.parse_args()
    gloss = os.path.abspath(args.gloss)
    passed, failed = 0, 0

    def check(name, fn):
        nonlocal passed, failed
        try:
            fn()
            print(f"ok   {name}")
            passed += 1
        except AssertionError as e:
            print(f"FAIL {name}: {e}")
            failed += 1

    with tempfile.TemporaryDirectory(prefix="gloss-spark-test-") as tmp:
        archive = os.path.join(tmp, "archive.jsonl")
        dropped = build_archive(archive)
        plain = gloss_batch(gloss, archive, [])
        assert any(r.get("id") == dropped and "error" in r for r in plain), "gloss refuses the far-too-long line"
        expected = sorted((without_line(r) for r in plain if r.get("id") != dropped), key=sort_key)

        def jsonl(script_args, gloss_args, want):
            def test():
                out = os.path.join(tmp, "out-jsonl-" + "-".join(script_args + gloss_args).replace("-", ""))
                t = run_spark(archive, out, gloss, script_args + (["--", *gloss_args] if gloss_args else []))
                parts = [n for n in os.listdir(out) if n.startswith("part-")]
                assert len(parts) >= 4, f"{len(parts)} part files, wanted 4 partitions"
                got = sorted((without_line(r) for r in read_jsonl_dir(out)), key=sort_key)
                assert len(got) == len(want), f"{len(got)} records, plain gloss batch wrote {len(want)}"
                for g, w in zip(got, want):
                    assert g == w, f"record {w.get('id')!r} differs"
                errors = sum(1 for r in want if "error" in r)
                if "--python-pipe" in script_args:
                    assert t["error_records"] == errors and t["documents"] == len(want) - errors, t
                assert not any(r.get("id") == dropped for r in got), "the far-too-long line was dropped"
            return test

        check("jsonl (JVM pipe) equals plain gloss batch, sorted by id", jsonl([], [], expected))
        check("jsonl (--python-pipe) equals plain gloss batch, sorted by id", jsonl(["--python-pipe"], [], expected))
        lean = sorted(
            (without_line(r) for r in gloss_batch(gloss, archive, ["--no-text"]) if r.get("id") != dropped),
            key=sort_key,
        )
        check("jsonl with '-- --no-text' equals gloss batch --no-text", jsonl([], ["--no-text"], lean))

        def parquet():
            out = os.path.join(tmp, "out-parquet")
            run_spark(archive, out, gloss, ["--format", "parquet"])
            from pyspark.sql import SparkSession

            spark = (
                SparkSession.builder.master("local[1]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
            try:
                kept = [r for r in plain if r.get("id") != dropped]
                want = {
                    "documents": [document_row(without_line(r)) for r in kept],
                    "actors": [row for r in kept for row in actor_rows(r)],
                    "stances": [row for r in kept for row in stance_rows(r)],
                }
                assert want["stances"], "the archive has stances"
                for table, rows in want.items():
                    df = spark.read.parquet(os.path.join(out, table))
                    got = [tuple(r) for r in df.collect()]
                    if table == "documents":
                        # Compared without "line" (per partition), as above.
                        got = [r[:5] + (None,) + r[6:] if r[6] is not None else r for r in got]
                    norm = lambda rs: sorted(rs, key=lambda r: json.dumps(r, default=str))  # noqa: E731
                    g, w = norm(got), norm(rows)
                    assert len(g) == len(w), f"{table}: {len(g)} rows, wanted {len(w)}"
                    for a, b in zip(g, w):
                        if table == "actors":
                            # Parquet doubles hold gloss's f32 salience exactly.
                            a = a[:4] + (round(a[4], 6),) + a[5:]
                            b = b[:4] + (round(b[4], 6),) + b[5:]
                        assert a == b, f"{table}: {a} != {b}"
                    print(f"     {table}: {len(g)} rows")
            finally:
                spark.stop()

        check("parquet tables equal the rows of plain gloss batch", parquet)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
