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
                      (records parsed and flattened by Spark SQL in the JVM):
                      documents: id, source, summary, actors, proposals, line, error
                      actors:    id, actor_id, actor, kind, salience, mentions
                      stances:   id, actor_id, actor, stance, proposal_id,
                                 proposal, evidence, evidence_start, evidence_end
                      ("id" is the input's id: a string as is, another JSON
                      value as its JSON text, null when absent)
  --gloss PATH|URI    the gloss binary (default: target/release/gloss, else
                      `gloss` on PATH; a URI such as hdfs:///bin/gloss is
                      fetched by Spark); it must run on the executors' OS
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


def record_schema():
    """The part of gloss's records the Parquet tables read (Spark's JSON
    reader skips the rest; a non-string id is kept as its JSON text)."""
    from pyspark.sql.types import ArrayType, DoubleType, LongType, StringType, StructField, StructType

    def struct(*fields):
        return StructType([StructField(n, t, True) for n, t in fields])

    S, L = StringType(), LongType()
    stance = struct(("actor", S), ("stance", S), ("evidence", struct(("start", L), ("end", L), ("text", S))))
    return struct(
        ("id", S),
        ("source", S),
        ("summary", struct(("text", S))),
        (
            "actors",
            ArrayType(
                struct(
                    ("id", S), ("name", S), ("kind", S), ("salience", DoubleType()),
                    ("mentions", ArrayType(struct(("start", L)))),
                )
            ),
        ),
        ("proposals", ArrayType(struct(("id", S), ("name", S), ("stances", ArrayType(stance))))),
        ("line", L),
        ("error", S),
    )


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
    """A local path to the gloss binary, or a URI (hdfs://, s3a://…) that
    SparkContext.addFile fetches itself."""
    if explicit and "://" in explicit:
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in [explicit, os.path.join(here, "..", "target", "release", "gloss"), shutil.which("gloss")]:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    sys.exit(
        "spark_batch.py: no gloss binary: build it (cargo build --release -p gloss-cli) or pass --gloss PATH"
        if not explicit
        else f"spark_batch.py: {explicit} is not an executable file"
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
    try:
        # Keep Hadoop's "Skipped line of size …" (INFO) for lines over the cap.
        jvm = sc._jvm
        jvm.org.apache.logging.log4j.core.config.Configurator.setLevel(
            "org.apache.hadoop.mapred.LineRecordReader", jvm.org.apache.logging.log4j.Level.INFO
        )
    except Exception:  # noqa: BLE001  (another logging backend: keep its levels)
        pass
    sc.addFile(gloss)
    t_ready = time.monotonic()

    master = sc.master
    # Local mode runs the executors in this process's machine, where addFile
    # leaves the binary under SparkFiles' root; on a cluster, files added to
    # the context are fetched into each executor's working directory.
    name = os.path.basename(gloss.split("://", 1)[-1])
    binary = SparkFiles.get(name) if master.startswith("local") else "./" + name
    gloss_args = list(args.gloss_args)
    if args.format == "parquet":
        gloss_args = ["--fields", "source,actors,proposals,summary"]
    argv = [binary, "batch", "--max-bytes", str(args.max_bytes)] + gloss_args
    partitions = args.partitions or sc.defaultMinPartitions
    if args.format == "jsonl" and not args.python_pipe:
        # The JVM's RDD.pipe: lines go from Spark's reader to gloss and from
        # gloss to the writer without passing through a Python worker.
        piped(sc, args, argv, partitions).saveAsTextFile(args.output)
        return finish(sc, args, master, t_start, t_ready, None, None)

    if args.python_pipe:
        records = sc.textFile(args.input, minPartitions=partitions).pipe(shlex.join(argv), checkCode=True)
        docs = sc.accumulator(0)
        errors = sc.accumulator(0)

        def count(line):
            # `"error":` cannot occur inside a JSON string (its quotes would
            # be escaped), so this finds error records only.
            (errors if '"error":' in line else docs).add(1)
            return line

        records.map(count).saveAsTextFile(args.output)
        return finish(sc, args, master, t_start, t_ready, docs.value, errors.value)

    # Parquet: gloss's records are parsed by Spark's JSON reader and
    # flattened with DataFrame functions, all in the JVM.
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F

    spark = SparkSession(sc)
    schema = spark._jsparkSession.parseDataType(record_schema().json())
    jdf = spark._jsparkSession.read().schema(schema).json(piped(sc, args, argv, partitions))
    df = DataFrame(jdf, spark).persist(StorageLevel.MEMORY_AND_DISK)
    ok = F.col("error").isNull()
    tables = {
        "documents": df.select(
            "id",
            "source",
            F.col("summary.text").alias("summary"),
            F.when(ok, F.size("actors")).alias("actors"),
            F.when(ok, F.size("proposals")).alias("proposals"),
            "line",
            "error",
        ),
        "actors": df.select("id", F.explode("actors").alias("a")).select(
            "id",
            F.col("a.id").alias("actor_id"),
            F.col("a.name").alias("actor"),
            F.col("a.kind").alias("kind"),
            F.col("a.salience").alias("salience"),
            F.size("a.mentions").alias("mentions"),
        ),
        "stances": df.select("id", "actors", F.explode("proposals").alias("p"))
        .select("id", "actors", "p", F.explode("p.stances").alias("s"))
        .select(
            "id",
            F.col("s.actor").alias("actor_id"),
            # The actor's name: its entry in the document's actors.
            F.get(F.filter("actors", lambda a: a["id"] == F.col("s.actor")), 0)["name"].alias("actor"),
            F.col("s.stance").alias("stance"),
            F.col("p.id").alias("proposal_id"),
            F.col("p.name").alias("proposal"),
            F.col("s.evidence.text").alias("evidence"),
            F.col("s.evidence.start").alias("evidence_start"),
            F.col("s.evidence.end").alias("evidence_end"),
        ),
    }
    for name, table in tables.items():
        table.write.parquet(os.path.join(args.output, name))
    counts = df.agg(F.count(F.when(ok, 1)).alias("docs"), F.count("error").alias("errors")).first()
    df.unpersist()
    return finish(sc, args, master, t_start, t_ready, counts["docs"], counts["errors"])


def piped(sc, args, argv, partitions):
    """The input's lines through gloss: a JavaRDD of output lines, piped by
    the JVM's RDD.pipe, UTF-8 both ways whatever the JVM's default charset
    (Java 17 takes it from the locale)."""
    jlines = sc._jsc.textFile(args.input, partitions)
    return jlines.pipe(argv, {}, False, 1 << 16, "UTF-8")


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
