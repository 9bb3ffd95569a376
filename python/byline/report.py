"""A corpus report: who is quoted, how often, how, and about what.

``byline.report(docs)`` sums up annotated documents in the Rust ``byline report`` command
(streaming, in bounded memory) and gives a :class:`Report`: it shows itself in a notebook, saves
itself as one self-contained HTML file, and gives each of its tables to pandas.

>>> import byline
>>> nlp = byline.Pipeline()  # doctest: +SKIP
>>> docs = nlp.pipe(texts)  # doctest: +SKIP
>>> r = byline.report(docs, meta=[{"outlet": o} for o in outlets], group_by="outlet")  # doctest: +SKIP
>>> r.save("report.html")  # doctest: +SKIP
>>> r.to_pandas("speakers").head()  # doctest: +SKIP

The aggregation runs in the Rust command: ``$BYLINE_CLI``, or the first ``byline-rs`` or Rust
``byline`` executable on ``PATH`` (``cargo install byline-cli``), or ``command=``.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from byline.errors import BylineError, InputError

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
    command: str | os.PathLike[str] | None = None,
) -> Report:
    """Sums up annotated documents as a :class:`Report`.

    ``docs_or_table`` is one of: an iterable of :class:`byline.Document` (optionally with
    ``meta``, one mapping of extra fields per document, e.g. ``{"outlet": ..., "published":
    ...}``), of dicts in the JSON document schema, or of JSON lines; a ``pandas.DataFrame`` or
    ``pyarrow.Table`` in the Arrow document schema; or the path (or a list of paths) of JSON Lines
    written by ``byline annotate``. Documents are streamed to the Rust command one at a time.
    ``group_by`` and ``date_field`` name fields of each document (or of its ``meta``).
    """
    exe = _command(command)
    with tempfile.TemporaryDirectory(prefix="byline-report-") as tmp:
        page, data = Path(tmp) / "report.html", Path(tmp) / "report.json"
        args = [str(exe), "report", "-q", "-o", str(page), "--json-out", str(data)]
        args += ["--id-field", id_field, "--top", str(top), "--max-rows", str(max_rows)]
        if group_by:
            args += ["--group-by", group_by]
        if date_field:
            args += ["--date-field", date_field]
        if title:
            args += ["--title", title]
        paths = _paths(docs_or_table)
        if paths is not None:
            if meta is not None:
                raise InputError("meta= goes with documents, not with files")
            done = subprocess.run(args + paths, check=False, capture_output=True, text=True)
        else:
            done = _run_streaming(args + ["-"], _lines(docs_or_table, meta))
        if done.returncode not in (0, 1):
            raise BylineError(f"byline report failed ({exe}): {done.stderr.strip()}")
        return Report(page.read_text(encoding="utf-8"), json.loads(data.read_text("utf-8")))


def _command(command: str | os.PathLike[str] | None) -> Path:
    candidates: list[str] = []
    if command is not None:
        candidates.append(os.fspath(command))
    elif os.environ.get("BYLINE_CLI"):
        candidates.append(os.environ["BYLINE_CLI"])
    else:
        candidates += [p for p in (shutil.which("byline-rs"), shutil.which("byline")) if p]
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK) and not _is_script(path):
            return path
    raise BylineError(
        "byline.report needs the Rust byline command (cargo install byline-cli), found through "
        f"command=, $BYLINE_CLI or PATH; tried: {', '.join(candidates) or 'nothing'}"
    )


def _is_script(path: Path) -> bool:
    """Whether ``path`` is a script (the Python package's own ``byline`` entry point is one)."""
    with path.open("rb") as f:
        return f.read(2) == b"#!"


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
    """Documents out of a DataFrame or an Arrow table, row by row; anything else as it is."""
    module = type(value).__module__
    if module.startswith("pandas") and hasattr(value, "to_dict"):
        return (dict(row) for row in value.to_dict("records"))
    if module.startswith("pyarrow") and hasattr(value, "to_batches"):
        return (row for batch in value.to_batches() for row in batch.to_pylist())
    return value  # type: ignore[no-any-return]


def _lines(docs: Any, meta: Iterable[Mapping[str, Any]] | None) -> Iterable[str]:
    metas = iter(meta) if meta is not None else None
    for position, doc in enumerate(_records(docs)):
        extra = next(metas, None) if metas is not None else None
        if metas is not None and extra is None:
            raise InputError(f"meta= ran out at document {position}: one mapping per document")
        if isinstance(doc, str):
            line = doc.strip()
            if extra:
                record = json.loads(line)
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


def _plain(value: Any) -> Any:
    """JSON for what pandas and Arrow give: arrays as lists, dates as ISO text."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _run_streaming(args: list[str], lines: Iterable[str]) -> subprocess.CompletedProcess[str]:
    """Runs the command with ``lines`` on its standard input, written as they come."""
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    errors: list[str] = []
    reader = threading.Thread(target=_drain, args=(proc.stderr, errors), daemon=True)
    reader.start()
    try:
        for line in lines:
            proc.stdin.write(line)
            proc.stdin.write("\n")
    except BrokenPipeError:
        pass
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass
    proc.stdout.read()
    code = proc.wait()
    reader.join()
    return subprocess.CompletedProcess(args, code, "", "".join(errors))


def _drain(stream: IO[str], into: list[str]) -> None:
    into.append(stream.read())
