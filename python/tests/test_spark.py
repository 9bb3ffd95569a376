"""``byline.spark.annotate`` in a Spark ``local[2]`` session: rows equal in-process output,
ids and order survive a repartition, hostile documents become rows, custom gazetteers reach
the executors, one pipeline per worker process, the documented schema.

Needs pyspark and Java 17. Outside CI a missing one skips, saying so; in CI (``$CI`` set) it
fails the run."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import expected, shared_dir

import byline

_CI = bool(os.environ.get("CI"))


def _need(ok: bool, why: str) -> None:
    if not ok:
        if _CI:
            pytest.fail(f"{why} (CI runs the Spark tests; install it)")
        pytest.skip(why, allow_module_level=True)


try:
    import pyspark  # noqa: F401
except ImportError:  # pragma: no cover
    _need(False, "pyspark is not installed: pip install 'byline[spark]'")

_need(
    bool(shutil.which("java") or os.environ.get("JAVA_HOME")),
    "no Java for Spark (java on PATH or JAVA_HOME)",
)

import pyarrow as pa
from pyspark.sql import SparkSession

import byline.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    # The workers run the interpreter of the tests, where byline is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("byline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .getOrCreate()
    )
    yield session
    session.stop()


def plain(row: Any) -> Any:
    """A Spark Row as plain dicts and lists."""
    if hasattr(row, "asDict"):
        return {k: plain(v) for k, v in row.asDict().items()}
    if isinstance(row, list):
        return [plain(v) for v in row]
    return row


def polnear_dev() -> list[tuple[str, str]]:
    shared = shared_dir()
    path = shared / "data/quotes/polnear/dev.jsonl" if shared else None
    if path is None or not path.is_file():
        pytest.skip("PolNeAR dev texts not found (../shared/data/quotes/polnear/dev.jsonl)")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(d["doc_id"], d["text"]) for d in docs]


def test_polnear_dev_rows_equal_the_in_process_pipeline(spark: Any, nlp: byline.Pipeline) -> None:
    docs = polnear_dev()
    df = spark.createDataFrame(docs, "doc_id string, text string").repartition(3)
    rows = byline.spark.annotate(df, id_col="doc_id").collect()
    assert len(rows) == len(docs)
    texts = dict(docs)
    for row in rows:
        got = plain(row)
        assert got == expected(nlp, texts[got["id"]], got["id"])


def test_ids_and_order_survive_a_repartition(spark: Any) -> None:
    docs = [(f"d{i:03}", f"Document number {i}. It ends here.", i) for i in range(200)]
    df = spark.createDataFrame(docs, "key string, text string, n int").repartition(5, "key")
    before = [(r.key, r.n) for r in df.collect()]
    out = byline.spark.annotate(df, id_col="key")
    after = [(r.id, r.n) for r in out.collect()]
    assert after == before
    assert sorted(after) == [(f"d{i:03}", i) for i in range(200)]
    no_ids = byline.spark.annotate(df.select("text")).select("id").collect()
    assert len({r.id for r in no_ids}) == 200


def test_hostile_documents_become_rows_and_the_job_succeeds(spark: Any) -> None:
    big = ("The minister said the talks had failed. " * 260_000)[:10_000_000]
    docs = [("empty", ""), ("null", None), ("surrogates", "\udcff lone"), ("big", big)]
    docs.append(("fine", '"No," Putin said.'))
    df = spark.createDataFrame(docs, "id string, text string").repartition(2)
    rows = {r.id: r for r in byline.spark.annotate(df, id_col="id").collect()}
    assert set(rows) == {"empty", "null", "surrogates", "big", "fine"}
    assert rows["empty"].error is None and rows["empty"].sentences == []
    assert rows["null"].error is not None
    # Spark replaces a lone surrogate when it encodes the text: a document either way.
    assert rows["surrogates"].error is not None or rows["surrogates"].sentences is not None
    assert rows["big"].error is None and len(rows["big"].sentences) > 100_000
    assert rows["fine"].quotes[0].speaker.text == "Putin"


def test_a_custom_gazetteer_reaches_the_executors(spark: Any, tmp_path: Any) -> None:
    path = tmp_path / "g.jsonl"
    record = {"name": "Zorblax Quendry", "label": "PERSON", "id": "Q999999999"}
    path.write_text(json.dumps({**record, "aliases": ["Quendry"]}) + "\n")
    df = spark.createDataFrame(
        [("Zorblax Quendry arrived.",), ("Quendry left.",)], "text string"
    ).repartition(2)
    rows = byline.spark.annotate(df, gazetteer=str(path)).collect()
    ids = sorted(e.entity_id for r in rows for e in r.entities)
    assert ids == ["Q999999999", "Q999999999"]
    path.unlink()  # Read on the driver: the executors never needed the file.
    again = byline.spark.annotate(
        df, gazetteer=byline.Gazetteer([{"name": "Zorblax Quendry", "label": "PERSON", "id": "Q1"}])
    ).collect()
    assert sorted(e.entity_id for r in again for e in r.entities) == ["Q1"]


def test_the_pipeline_is_built_once_per_worker_process(spark: Any) -> None:
    df = spark.createDataFrame([(f"Text {i}.",) for i in range(64)], "text string")
    out = byline.spark.annotate(df.repartition(8), gazetteer=[{"name": "Once", "label": "ORG"}])
    out.collect()
    out.collect()

    def builds(_: Any) -> Iterator[tuple[int, int, int]]:
        from byline import spark as bs

        yield os.getpid(), max(bs._builds.values(), default=0), sum(bs._builds.values())

    counts = spark.sparkContext.parallelize(range(8), 8).mapPartitions(builds).collect()
    # Each configuration once per process; this module uses five, over 16 tasks and more.
    assert counts and all(most <= 1 and total <= 5 for _, most, total in counts), counts


def test_the_output_schema_is_the_documented_one(spark: Any) -> None:
    from pyspark.sql.pandas.types import to_arrow_schema

    df = spark.createDataFrame([("a", "Hello.")], "key string, text string")
    out = byline.spark.annotate(df, id_col="key")
    want = byline.annotate_arrow(pa.table({"text": pa.array([], pa.string())})).schema
    got = to_arrow_schema(out.schema)
    assert [f.name for f in got] == want.names
    for name in ("sentences", "entities", "quotes", "error"):
        assert got.field(name).type == want.field(name).type, name
