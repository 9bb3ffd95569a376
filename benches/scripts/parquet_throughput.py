"""Throughput side by side, in one run, on the same texts (the PolNeAR train texts, repeated):

1. `byline annotate` on one thread, for each of JSON Lines and Parquet in and out;
2. `byline.annotate_arrow` on one thread against the command on one thread (per core);
3. Spark `local[2]` through `byline.spark.annotate` against the in-process `Pipeline.pipe` on
   two threads.

    python benches/scripts/parquet_throughput.py                 # the release build of the command
    python benches/scripts/parquet_throughput.py --bin path/to/byline --repeat 3 --runs 5

Needs the Python package built into the interpreter that runs it (`maturin develop --release`),
pyarrow and pyspark (with Java 17), and ../shared beside the repository (or BYLINE_SHARED).
Each figure is the best of `--runs`, in wall time and in CPU time (user + system: of the command's
process, or of this process for the in-process measures; Spark's JVM and workers are not counted,
so Spark has wall time only). On a machine shared with other work the wall time also counts
waiting for a core, which the CPU time does not: the per-core ratios are taken in CPU time, the
Spark one in wall time. The measurements take turns round by round, so that a burst of other work
falls on all of them alike. Inputs are written to a temporary folder and deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=str(ROOT / "target" / "release" / "byline"))
    parser.add_argument(
        "--repeat", type=int, default=2, help="times the texts are repeated"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--no-spark", action="store_true", help="leave Spark out")
    args = parser.parse_args()

    shared = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared"))
    train = shared / "data" / "quotes" / "polnear" / "train.jsonl"
    if not train.exists():
        print(
            f"note: {train} is missing (set BYLINE_SHARED); nothing to measure",
            file=sys.stderr,
        )
        return 0

    import byline
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    with train.open(encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    rows = [
        {"id": f"{d['doc_id']}#{r}", "text": d["text"]}
        for r in range(args.repeat)
        for d in base
    ]
    texts = [r["text"] for r in rows]
    docs = len(texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"texts: PolNeAR train x{args.repeat}: {docs} documents, {mb:.2f} MB; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; best of {args.runs}",
        flush=True,
    )

    work = Path(tempfile.mkdtemp(prefix="byline-throughput-"))
    try:
        jsonl = work / "in.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        parquet = work / "in.parquet"
        table = pa.table({"id": [r["id"] for r in rows], "text": texts})
        pq.write_table(table, parquet, row_group_size=10_000)

        def command(src: Path, out: str, threads: int = 1) -> Callable[[], None]:
            argv = [args.bin, "annotate", str(src), "-o", str(work / out)]
            argv += ["--threads", str(threads), "--quiet"]
            return lambda: subprocess.run(argv, check=True)

        # Without parts of speech, as the command without --tokens and byline.spark annotate:
        # neither the JSON document nor the Arrow schema holds them.
        nlp = byline.Pipeline(pos=False, n_threads=1)
        arrow_table = pq.read_table(parquet)
        measures: dict[str, Callable[[], None]] = {
            "command jsonl -> jsonl": command(jsonl, "out.jsonl"),
            "command parquet -> parquet": command(parquet, "out.parquet"),
            "command jsonl -> parquet": command(jsonl, "out2.parquet"),
            "command parquet -> jsonl": command(parquet, "out2.jsonl"),
            "annotate_arrow": lambda: byline.annotate_arrow(
                arrow_table, "text", "id", pipeline=nlp, n_threads=1
            ),
            "pipe, 2 threads": lambda: list(nlp.pipe(texts, n_threads=2)),
        }
        if not args.no_spark:
            measures["spark local[2]"] = spark_job(parquet)

        wall = {name: float("inf") for name in measures}
        cpu = {name: float("inf") for name in measures}
        # A first, unmeasured round: page cache, Spark's Python workers and their pipelines.
        for f in measures.values():
            f()
        for _ in range(args.runs):
            for name, f in measures.items():
                children = resource.getrusage(resource.RUSAGE_CHILDREN)
                own = time.process_time()
                start = time.perf_counter()
                f()
                wall[name] = min(wall[name], time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                spent = time.process_time() - own
                if name.startswith("command"):
                    spent = (
                        after.ru_utime
                        - children.ru_utime
                        + after.ru_stime
                        - children.ru_stime
                    )
                if not name.startswith("spark"):
                    cpu[name] = min(cpu[name], spent)

        print(
            f"\n{'':28} {'wall s':>7} {'docs/s':>7} {'CPU s':>7} {'docs/CPU-s':>10} {'MB/CPU-s':>8}"
        )
        for name in measures:
            w, c = wall[name], cpu[name]
            per_cpu = (
                f"{c:7.3f} {docs / c:10.1f} {mb / c:8.2f}" if c < float("inf") else ""
            )
            print(f"{name:28} {w:7.3f} {docs / w:7.1f} {per_cpu}")

        def ratio(a: str, b: str, by: dict[str, float], unit: str) -> None:
            if a in by and b in by and by[a] < float("inf"):
                print(f"{a} / {b}: {by[b] / by[a]:.2f} ({unit})")

        print("\nratios of throughput (documents per second):")
        for name in ["command parquet -> parquet", "command jsonl -> parquet"]:
            ratio(name, "command jsonl -> jsonl", cpu, "CPU time")
        ratio("command parquet -> jsonl", "command jsonl -> jsonl", cpu, "CPU time")
        ratio(
            "annotate_arrow", "command jsonl -> jsonl", cpu, "CPU time, one thread each"
        )
        ratio(
            "annotate_arrow",
            "command parquet -> parquet",
            cpu,
            "CPU time, one thread each",
        )
        ratio("spark local[2]", "pipe, 2 threads", wall, "wall time, two cores each")
        return 0
    finally:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()


def spark_job(parquet: Path) -> Callable[[], None]:
    """A Spark `local[2]` job over the Parquet file: read, annotate, write nowhere."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    import byline.spark
    from pyspark.sql import SparkSession  # type: ignore[import-not-found, unused-ignore]

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    # Four partitions of the same size: two tasks at a time, each on one thread.
    df = spark.read.parquet(str(parquet)).repartition(4).cache()
    df.count()

    def run() -> None:
        out = byline.spark.annotate(df, text_col="text", id_col="id")
        out.write.format("noop").mode("overwrite").save()

    return run


if __name__ == "__main__":
    sys.exit(main())
