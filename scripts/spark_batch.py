#!/usr/bin/env python3
"""Runs `gloss batch` over a JSON Lines archive with Apache Spark.

Spark reads the input (any path it reads: a file, a directory, a glob, HDFS,
S3 with the usual connectors; .gz and .bz2 are decompressed), pipes each
partition through one `gloss batch` process with RDD.pipe, and writes either
the JSON Lines that `gloss batch` wrote or Parquet tables an analyst can query.
The gloss binary is shipped to the executors with SparkContext.addFile.

    spark-submit scripts/spark_batch.py IN OUT [options] [-- GLOSS_BATCH_ARGS...]
    python3 scripts/spark_batch.py IN OUT --master 'local[2]' -- --no-text

Options:
  --format jsonl      OUT/part-* with one record per input line (default);
                      arguments after -- go to `gloss batch` (--fields, --no-text…).
                      Lines are piped by the JVM's RDD.pipe (no Python worker in
                      the data path); --python-pipe uses PySpark's RDD.pipe and
                      also counts documents and error records
  --format parquet    OUT/documents, OUT/actors and OUT/stances, flat tables
                      (PySpark's RDD.pipe, records parsed in Python):
                      documents: id, source, summary, actors, proposals, line, error
                      actors:    id, actor_id, actor, kind, salience, mentions
                      stances:   id, actor_id, actor, stance, proposal_id,
                                 proposal, evidence, evidence_start, evidence_end
                      ("id" is the input's id: a string as is, another JSON
                      value as its JSON text, null when absent)
  --gloss PATH        the gloss binary (default: target/release/gloss, else
                      `gloss` on PATH); it must run on the executors' OS
  --partitions N      minimum number of input partitions (default: Spark's)
  --max-bytes SIZE    gloss's per-line limit (default 16M); Hadoop's line
                      reader drops lines over 4 times it before gloss sees them
  --master URL        when not run by spark-submit (default local[*]; local
                      mode keeps the driver on 127.0.0.1)
  --conf KEY=VALUE    a Spark setting, as spark-submit's --conf (repeatable)
  --timings FILE      write start-up and job times as JSON to FILE

Docs: docs/cli.md ("Apache Spark").
"""

import argparse
import json
import os
import shlex
import shutil
import sys
import time


def parse_size(text):
    """'16M' -> 16777216 (K, M, G: binary multiples)."""
    t = text.strip()
    shift = {"k": 10, "m": 20, "g": 30}.get(t[-1:].lower(), 0)
    digits = t[:-1] if shift else t
    if not digits.isdigit() or int(digits) == 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size such as 65536, 64K or 16M")
    return int(digits) << shift


def parse_args(argv):
    if "--" in argv:
        cut = argv.index("--")
        argv, gloss_args = argv[:cut], argv[cut + 1 :]
    else:
        gloss_args = []
    p = argparse.ArgumentParser(
        prog="spark_batch.py",
        description="Run gloss batch over JSON Lines with Apache Spark (RDD.pipe).",
        epilog="Arguments after -- are passed to `gloss batch`.",
    )
    p.add_argument("input", help="JSON Lines input: a path Spark reads (file, dir, glob, hdfs://, s3a://)")
    p.add_argument("output", help="output directory (must not exist)")
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument("--gloss", help="the gloss binary to ship (default: target/release/gloss, else gloss on PATH)")
    p.add_argument("--partitions", type=int, default=None, help="minimum number of input partitions")
    p.add_argument("--max-bytes", type=parse_size, default=16 << 20, help="gloss's per-line limit (default 16M)")
    p.add_argument("--master", default=None, help="Spark master when not run by spark-submit (default local[*])")
    p.add_argument("--timings", help="write start-up and job times (seconds) as JSON here")
    p.add_argument(
        "--python-pipe",
        action="store_true",
        help="JSON Lines through PySpark's RDD.pipe (a Python worker per partition) instead of the JVM's; "
        "slower, but counts documents and error records",
    )
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting (repeatable)")
    args = p.parse_args(argv)
    args.gloss_args = gloss_args
    if args.format == "parquet" and gloss_args:
        p.error("--format parquet chooses gloss's fields itself; pass no arguments after --")
    return args


def find_gloss(explicit):
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in [explicit, os.path.join(here, "..", "target", "release", "gloss"), shutil.which("gloss")]:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    sys.exit(
        "spark_batch.py: no gloss binary: build it (cargo build --release -p gloss-cli) or pass --gloss PATH"
        if not explicit
        else f"spark_batch.py: {explicit} is not an executable file"
    )


def id_text(value):
    """The input's id as a Parquet string: strings as they are, other JSON as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def document_row(rec):
    summary = rec.get("summary") or {}
    return (
        id_text(rec.get("id")),
        rec.get("source"),
        summary.get("text"),
        len(rec.get("actors") or []) if "error" not in rec else None,
        len(rec.get("proposals") or []) if "error" not in rec else None,
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
            yield (
                doc,
                s["actor"],
                names.get(s["actor"]),
                s["stance"],
                p["id"],
                p["name"],
                ev["text"],
                ev["start"],
                ev["end"],
            )


def main(argv):
    args = parse_args(argv)
    gloss = find_gloss(args.gloss)
    t_start = time.monotonic()

    from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel

    conf = SparkConf().setAppName("gloss-batch")
    for kv in args.conf:
        key, _, value = kv.partition("=")
        conf.set(key, value)
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    if conf.get("spark.master", "").startswith("local"):
        # One machine: keep the driver on the loopback interface.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        for key in ("spark.driver.host", "spark.driver.bindAddress"):
            if not conf.contains(key):
                conf.set(key, "127.0.0.1")
    # Bound what one record costs the JVM and the Python worker: Hadoop's line
    # reader skips (and logs) lines over this; gloss refuses those over
    # --max-bytes with an error record.
    conf.set("spark.hadoop.mapreduce.input.linerecordreader.line.maxlength", str(4 * args.max_bytes))
    if not conf.contains("spark.ui.showConsoleProgress"):
        conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    sc.addFile(gloss)
    t_ready = time.monotonic()

    master = sc.master
    # Local mode runs the executors in this process's machine, where addFile
    # leaves the binary under SparkFiles' root; on a cluster, files added to
    # the context are fetched into each executor's working directory.
    binary = SparkFiles.get(os.path.basename(gloss)) if master.startswith("local") else "./" + os.path.basename(gloss)
    gloss_args = list(args.gloss_args)
    if args.format == "parquet":
        gloss_args = ["--fields", "source,actors,proposals,summary"]
    argv = [binary, "batch", "--max-bytes", str(args.max_bytes)] + gloss_args
    partitions = args.partitions or sc.defaultMinPartitions
    docs_n = errors_n = None
    if args.format == "jsonl" and not args.python_pipe:
        # The JVM's RDD.pipe: lines go from Spark's reader to gloss and from
        # gloss to the writer without passing through a Python worker.
        # UTF-8 both ways whatever the JVM's default charset (Java 17 takes it
        # from the locale).
        jlines = sc._jsc.textFile(args.input, partitions)
        jlines.pipe(argv, {}, False, 1 << 16, "UTF-8").saveAsTextFile(args.output)
        return finish(sc, args, master, t_start, t_ready, docs_n, errors_n)

    lines = sc.textFile(args.input, minPartitions=partitions)
    records = lines.pipe(shlex.join(argv), checkCode=True)
    docs = sc.accumulator(0)
    errors = sc.accumulator(0)

    def count(line):
        # `"error":` cannot occur inside a JSON string (its quotes would be
        # escaped), so this finds error records only.
        if '"error":' in line:
            errors.add(1)
        else:
            docs.add(1)
        return line

    records = records.map(count)
    if args.format == "jsonl":
        records.saveAsTextFile(args.output)
    else:
        from pyspark.sql import SparkSession
        from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

        spark = SparkSession(sc)
        parsed = records.map(json.loads).persist(StorageLevel.MEMORY_AND_DISK)

        def schema(*fields):
            return StructType([StructField(n, t, True) for n, t in fields])

        S, L, D = StringType(), LongType(), DoubleType()
        tables = {
            "documents": (
                parsed.map(document_row),
                schema(("id", S), ("source", S), ("summary", S), ("actors", L), ("proposals", L), ("line", L), ("error", S)),
            ),
            "actors": (
                parsed.flatMap(actor_rows),
                schema(("id", S), ("actor_id", S), ("actor", S), ("kind", S), ("salience", D), ("mentions", L)),
            ),
            "stances": (
                parsed.flatMap(stance_rows),
                schema(
                    ("id", S), ("actor_id", S), ("actor", S), ("stance", S), ("proposal_id", S),
                    ("proposal", S), ("evidence", S), ("evidence_start", L), ("evidence_end", L),
                ),
            ),
        }
        for i, (name, (rows, sch)) in enumerate(tables.items()):
            if i == 1:
                # The first table ran gloss; reset the counts so later tables,
                # read from the cache, do not count again.
                counted = (docs.value, errors.value)
            spark.createDataFrame(rows, sch).write.parquet(os.path.join(args.output, name))
        docs_n, errors_n = counted
        parsed.unpersist()
    if args.format == "jsonl":
        docs_n, errors_n = docs.value, errors.value
    return finish(sc, args, master, t_start, t_ready, docs_n, errors_n)


def finish(sc, args, master, t_start, t_ready, docs_n, errors_n):
    """Stops Spark and reports the times (and counts, where known)."""
    t_done = time.monotonic()
    sc.stop()
    t_stop = time.monotonic()
    timings = {
        "master": master,
        "documents": docs_n,
        "error_records": errors_n,
        "startup_s": round(t_ready - t_start, 3),
        "job_s": round(t_done - t_ready, 3),
        "stop_s": round(t_stop - t_done, 3),
    }
    print(f"spark_batch: {json.dumps(timings)}", file=sys.stderr)
    if args.timings:
        with open(args.timings, "w") as f:
            json.dump(timings, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
