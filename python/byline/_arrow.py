"""``byline.annotate_arrow``: Arrow data in, the Arrow document schema out, with no Python
object per document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from byline import _byline
from byline._pipeline import Pipeline
from byline.errors import ArgumentTypeError, InputError

__all__ = ["annotate_arrow"]

_default: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    """The pipeline with the embedded gazetteer, built on first use, once per process."""
    global _default
    if _default is None:
        # The Arrow document schema has no tokens: parts of speech would be work for nothing.
        _default = Pipeline(pos=False)
    return _default


def _stream(data: Any) -> Any:
    """An ``arrow_array_stream`` capsule of ``data``."""
    if hasattr(data, "__arrow_c_stream__"):
        return data.__arrow_c_stream__()
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    if hasattr(data, "__arrow_c_array__"):
        return pa.Table.from_batches([pa.record_batch(data)]).__arrow_c_stream__()
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes, dict)):
        batches = [b if isinstance(b, pa.RecordBatch) else pa.record_batch(b) for b in data]
        if not batches:
            raise InputError("annotate_arrow: no record batch given (an empty list has no schema)")
        return pa.Table.from_batches(batches).__arrow_c_stream__()
    raise ArgumentTypeError(
        "annotate_arrow takes Arrow data (a pyarrow Table or RecordBatchReader, a Polars or "
        "DuckDB result: anything with __arrow_c_stream__) or record batches, "
        f"not {type(data).__name__}"
    )


def annotate_arrow(
    data: Any,
    text_column: str = "text",
    id_column: str | None = None,
    *,
    pipeline: Pipeline | None = None,
    keep_text: bool = False,
    n_threads: int | None = None,
) -> Any:
    """Annotates the ``text_column`` of Arrow data and returns a ``pyarrow.Table`` in the Arrow
    document schema: ``id``, the input's other columns, then ``sentences``, ``entities`` and
    ``quotes`` (lists of structs with the JSON document's fields and code-point offsets) and
    ``error`` (null where the document went through).

    ``data`` is anything that speaks the Arrow PyCapsule interface (a pyarrow Table or
    RecordBatchReader, a Polars DataFrame, a DuckDB result) or an iterable of record batches.
    Without ``id_column`` a row's id is its position. Rust reads the columns directly, with the
    GIL released, on ``n_threads`` threads (the pipeline's count when not given). A row whose
    text is null, or whose annotation fails, gets its ``error``; the others go on. A missing or
    non-string text column is an :class:`InputError`.

    >>> import pyarrow as pa
    >>> table = annotate_arrow(pa.table({"text": ['"No," Putin said.'], "outlet": ["x"]}))
    >>> table.column_names
    ['id', 'outlet', 'sentences', 'entities', 'quotes', 'error']
    >>> table["quotes"][0][0]["speaker"]["text"].as_py()
    'Putin'
    """
    import pyarrow as pa

    nlp = pipeline if pipeline is not None else _default_pipeline()
    if not isinstance(nlp, Pipeline):
        raise ArgumentTypeError(f"pipeline= takes a byline.Pipeline, not {type(nlp).__name__}")
    if n_threads is None:
        n_threads = nlp.n_threads
    if not isinstance(n_threads, int) or isinstance(n_threads, bool) or n_threads < 0:
        raise ArgumentTypeError(
            f"n_threads must be a positive int (or 0 for one per CPU), got {n_threads!r}"
        )
    out = _byline._annotate_arrow(
        nlp._native, _stream(data), text_column, id_column, bool(keep_text), n_threads
    )
    return pa.RecordBatchReader._import_from_c_capsule(out).read_all()
