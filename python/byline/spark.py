"""``byline.spark.annotate``: a Spark DataFrame of texts in, the Arrow document schema out.

>>> from pyspark.sql import SparkSession  # doctest: +SKIP
>>> spark = SparkSession.builder.master("local[*]").getOrCreate()  # doctest: +SKIP
>>> df = spark.read.parquet("articles.parquet")  # doctest: +SKIP
>>> out = byline.spark.annotate(df, text_col="body", id_col="url")  # doctest: +SKIP
>>> out.write.parquet("annotated.parquet")  # doctest: +SKIP

The documents travel as Arrow batches (``mapInArrow``): no Python object per document. Each
Python worker builds the pipeline once and reuses it for every task it runs; a custom gazetteer
is read on the driver and shipped to the executors with the job, so its files need not exist
there. Each task annotates on ``threads_per_task`` threads (one by default: Spark runs a task per
core). A document that cannot be annotated becomes a row with ``error`` set; the job goes on.
Needs ``pip install "byline[spark]"``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from typing import Any

from byline._arrow import annotate_arrow
from byline._gazetteer import Gazetteer
from byline._pipeline import GazetteerSource, Pipeline, _gazetteers

__all__ = ["annotate"]

# The pipelines of this Python process, by the hash of what they were built from.
_pipelines: dict[str, Pipeline] = {}
# How many pipelines this process built, by key: at most one each.
_builds: dict[str, int] = {}


def _pipeline(key: str, state: tuple[bytes | None, bool, bool, bool]) -> Pipeline:
    """The pipeline of ``key`` in this process, built on first use."""
    nlp = _pipelines.get(key)
    if nlp is None:
        gazetteer, with_default, entities, quotes = state
        nlp = Pipeline(
            Gazetteer.from_bytes(gazetteer) if gazetteer is not None else None,
            with_default=with_default,
            entities=entities,
            quotes=quotes,
            # The Arrow document schema has no tokens: parts of speech would be work for nothing.
            pos=False,
        )
        _pipelines[key] = nlp
        _builds[key] = _builds.get(key, 0) + 1
    return nlp


def annotate(
    df: Any,
    text_col: str = "text",
    id_col: str | None = None,
    gazetteer: GazetteerSource = None,
    *,
    with_default: bool = False,
    entities: bool = True,
    quotes: bool = True,
    keep_text: bool = False,
    threads_per_task: int = 1,
) -> Any:
    """Annotates the ``text_col`` of a Spark DataFrame and returns a DataFrame in the Arrow
    document schema: ``id`` (the ``id_col`` values as strings; without one,
    ``"<partition>:<row>"``), the other columns, ``sentences``, ``entities``, ``quotes`` and
    ``error``, one row per input row, partitions and order within them kept.

    ``gazetteer`` takes what :class:`byline.Pipeline` takes; it is read here, on the driver.
    """
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    from pyspark.sql.pandas.types import (  # type: ignore[import-not-found, unused-ignore]
        from_arrow_schema,
        to_arrow_schema,
    )

    gazetteers = _gazetteers(gazetteer)
    merged: bytes | None = None
    if gazetteers:
        combined = Gazetteer()
        for g in gazetteers:
            combined.add_gazetteer(g)
        merged = combined.to_bytes()
    state = (merged, bool(with_default), bool(entities), bool(quotes))
    key = hashlib.sha256(repr(state).encode()).hexdigest()
    # The output schema, from the one definition in Rust: annotate no rows of the input schema.
    empty = to_arrow_schema(df.schema).empty_table()
    nlp = _pipeline(key, state)
    schema = annotate_arrow(
        empty, text_col, id_col, pipeline=nlp, keep_text=keep_text, n_threads=1
    ).schema
    spark_schema = from_arrow_schema(schema)
    shipped = df.sparkSession.sparkContext.broadcast(state) if merged else None
    small_state = state if shipped is None else None

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow.compute as pc  # type: ignore[import-untyped, unused-ignore]
        from pyspark import TaskContext  # type: ignore[import-not-found, unused-ignore]

        worker_state = shipped.value if shipped is not None else small_state
        assert worker_state is not None
        worker = _pipeline(key, worker_state)
        context = TaskContext.get()
        partition = context.partitionId() if context is not None else os.getpid()
        row = 0
        for batch in batches:
            out = annotate_arrow(
                [batch],
                text_col,
                id_col,
                pipeline=worker,
                keep_text=keep_text,
                n_threads=threads_per_task,
            )
            if id_col is None:
                positions = pa.array(range(row, row + out.num_rows), type=pa.int64())
                ids = pc.binary_join_element_wise(
                    f"{partition}:", pc.cast(positions, pa.string()), ""
                )
                out = out.set_column(0, "id", ids)
            row += out.num_rows
            yield from out.to_batches()

    return df.mapInArrow(run, spark_schema)
