"""A corpus report: who is quoted, how often, how, and about what.

``byline.report(docs)`` sums up annotated documents in Rust, inside the package's native module
(the same aggregation as the ``byline report`` command: streaming, in bounded memory, with the GIL
released while it counts) and gives a :class:`Report`: it shows itself in a notebook, saves itself
as one self-contained HTML file, and gives each of its tables to pandas.

>>> import byline
>>> nlp = byline.Pipeline()  # doctest: +SKIP
>>> docs = nlp.pipe(texts)  # doctest: +SKIP
>>> r = byline.report(docs, meta=[{"outlet": o} for o in outlets], group_by="outlet")  # doctest: +SKIP
>>> r.save("report.html")  # doctest: +SKIP
>>> r.to_pandas("speakers").head()  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from byline import _byline
from byline.errors import InputError

__all__ = ["Report", "report"]

#: The tables of a report, each a list of records (``Report.to_pandas(name)``).
TABLES = (
    "corpus",
    "speakers",
    "speaker_types",
    "gender",
    "cues",
    "entities",
    "co_occurrence",
    "recurring",
    "groups",
    "dates",
    "quotations",
)


class Report:
    """A corpus report: the page (``html``) and the same aggregates as data (``data``).

    >>> r = Report("<!DOCTYPE html><html></html>", {"corpus": {"documents": 2}, "speakers": []})
    >>> r.corpus["documents"]
    2
    >>> r.tables["speakers"]
    []
    """

    html: str
    data: dict[str, Any]

    def __init__(self, html_text: str, data: dict[str, Any]) -> None:
        self.html = html_text
        self.data = data

    @property
    def corpus(self) -> dict[str, Any]:
        """The counts at a glance: documents, sentences, entity mentions, quotations by kind."""
        return dict(self.data.get("corpus", {}))

    @property
    def tables(self) -> dict[str, Any]:
        """Every table by name, as lists of records (``corpus`` and ``gender`` as one record)."""
        return {name: self._records(name) for name in TABLES if name in self.data}

    def _records(self, name: str) -> list[dict[str, Any]]:
        if name not in self.data:
            raise KeyError(f"no table {name!r} in the report; tables: {', '.join(TABLES)}")
        value = self.data[name]
        return [dict(value)] if isinstance(value, Mapping) else list(value)

    def to_pandas(self, table: str = "speakers") -> Any:
        """One table as a ``pandas.DataFrame`` (needs pandas)."""
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        return pd.DataFrame.from_records(self._records(table))

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Writes the self-contained HTML page to ``path``; returns the path."""
        out = Path(path)
        out.write_text(self.html, encoding="utf-8")
        return out

    def _repr_html_(self) -> str:
        # An iframe keeps the page's styles and script away from the notebook's own.
        return (
            '<iframe style="width:100%;height:760px;border:1px solid #d9dee3" '
            f'srcdoc="{html.escape(self.html, quote=True)}"></iframe>'
        )

    def __repr__(self) -> str:
        c = self.data.get("corpus", {})
        return (
            f"<byline.Report: {c.get('documents', 0)} documents, "
            f"{c.get('quotations', 0)} quotations, {len(self.data.get('speakers', []))} speakers shown>"
        )


def report(
    docs_or_table: Any,
    *,
    meta: Iterable[Mapping[str, Any]] | None = None,
    group_by: str | None = None,
    date_field: str | None = None,
    id_field: str = "id",
    top: int = 25,
    max_rows: int = 1000,
    title: str | None = None,
) -> Report:
    """Sums up annotated documents as a :class:`Report`.

    ``docs_or_table`` is one of: an iterable of :class:`byline.Document` (optionally with
    ``meta``, one mapping of extra fields per document, e.g. ``{"outlet": ..., "published":
    ...}``), of dicts in the JSON document schema, or of JSON lines; a ``pandas.DataFrame`` or
    ``pyarrow.Table`` in the Arrow document schema; or the path (or a list of paths) of JSON Lines
    written by ``byline annotate``. Documents are streamed into the Rust aggregation a chunk at a
    time, so an iterable (a generator over a large corpus) is never held whole; files are read by
    Rust. ``group_by`` and ``date_field`` name fields of each document (or of its ``meta``). A
    document that cannot be read is counted and named in ``report.data["problems"]``, never the
    end of the report; a file that cannot be opened raises :class:`byline.InputError`.

    >>> r = report(['{"id": "a", "quotes": [{"kind": "direct", "text": "We will win"}]}'])
    >>> r.corpus["quotations"]
    1
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError(f"top= must be a whole number of at least 1, not {top!r}")
    if isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 0:
        raise InputError(f"max_rows= must be a whole number of at least 0, not {max_rows!r}")
    options: dict[str, Any] = {
        "id_field": id_field,
        "group_by": group_by,
        "date_field": date_field,
        "top": top,
        "max_rows": max_rows,
        "title": title,
    }
    paths = _paths(docs_or_table)
    if paths is not None:
        if meta is not None:
            raise InputError("meta= goes with documents, not with files")
        page, data = _byline._report(paths=paths, inputs=paths, **options)
    else:
        source = f"Python {type(docs_or_table).__name__}"
        lines = _lines(docs_or_table, meta)
        page, data = _byline._report(lines=lines, inputs=[source], **options)
    return Report(page, json.loads(data))


def _paths(value: Any) -> list[str] | None:
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    if (
        isinstance(value, (list, tuple))
        and value
        and all(
            isinstance(v, (str, os.PathLike)) and not str(v).lstrip().startswith("{") for v in value
        )
    ):
        return [os.fspath(v) for v in value]
    return None


def _records(value: Any) -> Iterable[Any]:
    """Documents out of a DataFrame or an Arrow table, a slice of rows at a time (no copy of the
    whole table as records); anything else as it is."""
    module = type(value).__module__
    if module.startswith("pandas") and hasattr(value, "to_dict") and hasattr(value, "iloc"):
        return (
            row
            for start in range(0, len(value), 1024)
            for row in value.iloc[start : start + 1024].to_dict("records")
        )
    if module.startswith("pyarrow") and hasattr(value, "to_batches"):
        return (row for batch in value.to_batches(1024) for row in batch.to_pylist())
    return value  # type: ignore[no-any-return]


def _lines(docs: Any, meta: Iterable[Mapping[str, Any]] | None) -> Iterator[str]:
    metas = iter(meta) if meta is not None else None
    for position, doc in enumerate(_records(docs)):
        extra = next(metas, None) if metas is not None else None
        if metas is not None and extra is None:
            raise InputError(f"meta= ran out at document {position}: one mapping per document")
        if isinstance(doc, str):
            line = doc.strip()
            if extra:
                record = _json_object(line, position)
                record.update(extra)
                line = json.dumps(record, ensure_ascii=False, default=_plain)
        elif hasattr(doc, "to_json") and not isinstance(doc, Mapping):
            line = doc.to_json()
            if extra:
                record = json.loads(line)
                record.update(extra)
                line = json.dumps(record, ensure_ascii=False, default=_plain)
        elif isinstance(doc, Mapping):
            record = dict(doc)
            if extra:
                record.update(extra)
            line = json.dumps(record, ensure_ascii=False, default=_plain)
        else:
            raise InputError(
                f"document {position} is a {type(doc).__name__}: give byline.Document objects, "
                "dicts, JSON lines, a DataFrame, an Arrow table or paths"
            )
        yield line


def _json_object(line: str, position: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError as err:
        raise InputError(f"document {position} is not JSON: {err}") from None
    if not isinstance(record, dict):
        raise InputError(f"document {position} is not a JSON object")
    return record


def _plain(value: Any) -> Any:
    """JSON for what pandas and Arrow give: arrays as lists, dates as ISO text."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
