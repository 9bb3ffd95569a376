"""Tables of entities and quotations for pandas and Arrow (imported only when asked for)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, Union

from byline._byline import Document
from byline.errors import ArgumentTypeError

__all__ = ["Tables", "to_arrow", "to_pandas"]

ENTITY_COLUMNS = ("doc_id", "start", "end", "text", "label", "entity_id", "name")
QUOTE_COLUMNS = (
    "doc_id",
    "kind",
    "text",
    "start",
    "end",
    "quoted",
    "cue",
    "cue_start",
    "cue_end",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_entity_id",
    "speaker_name",
    "confidence",
)


class Tables(NamedTuple):
    """Two tables: ``entities`` (one row per entity mention) and ``quotes`` (one row per
    quotation), each with the ``doc_id`` of its document."""

    entities: Any
    quotes: Any


Documents = Union[Document, Iterable[Document]]


def _documents(docs: Any, caller: str) -> Iterator[Document]:
    """The documents of ``docs`` (one :class:`Document`, or an iterable of them); anything else
    is an :class:`ArgumentTypeError` naming the caller and the item."""
    if isinstance(docs, Document):
        yield docs
        return
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Iterable):
        raise ArgumentTypeError(
            f"{caller}() takes a Document or an iterable of Documents, not {type(docs).__name__}"
        )
    for position, doc in enumerate(docs):
        if not isinstance(doc, Document):
            raise ArgumentTypeError(
                f"{caller}(): item {position} is {type(doc).__name__}, not a Document"
            )
        yield doc


def _rows(docs: Any, caller: str) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    ents: dict[str, list[Any]] = {c: [] for c in ENTITY_COLUMNS}
    quotes: dict[str, list[Any]] = {c: [] for c in QUOTE_COLUMNS}
    for position, doc in enumerate(_documents(docs, caller)):
        doc_id = doc.id if doc.id is not None else str(position)
        for e in doc.entities:
            for column, value in zip(
                ENTITY_COLUMNS, (doc_id, e.start, e.end, e.text, e.label, e.entity_id, e.name)
            ):
                ents[column].append(value)
        for q in doc.quotes:
            cue, speaker = q.cue, q.speaker
            values: tuple[Any, ...] = (
                doc_id,
                q.kind,
                q.text,
                q.start,
                q.end,
                [s.text for s in q.quoted],
                cue.text if cue else None,
                cue.start if cue else None,
                cue.end if cue else None,
                speaker.text if speaker else None,
                speaker.start if speaker else None,
                speaker.end if speaker else None,
                speaker.entity_id if speaker else None,
                speaker.name if speaker else None,
                q.confidence,
            )
            for column, value in zip(QUOTE_COLUMNS, values):
                quotes[column].append(value)
    return ents, quotes


def to_pandas(docs: Documents) -> Tables:
    """``Tables(entities, quotes)`` as pandas DataFrames (needs the ``pandas`` extra), from one
    document or an iterable of them. A document without an id gets its position in ``docs``."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    ents, quotes = _rows(docs, "to_pandas")
    int_cols = ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end")
    entities = pd.DataFrame(ents, columns=list(ENTITY_COLUMNS))
    quote_frame = pd.DataFrame(quotes, columns=list(QUOTE_COLUMNS))
    for frame in (entities, quote_frame):
        for col in int_cols:
            if col in frame:
                frame[col] = frame[col].astype("Int64")
        frame["doc_id"] = frame["doc_id"].astype("string")
    quote_frame["confidence"] = quote_frame["confidence"].astype("float64")
    return Tables(entities, quote_frame)


def to_arrow(docs: Documents) -> Tables:
    """``Tables(entities, quotes)`` as pyarrow Tables with a fixed schema (needs the ``arrow``
    extra), from one document or an iterable of them. A document without an id gets its
    position in ``docs``."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    ents, quotes = _rows(docs, "to_arrow")
    string, int64 = pa.string(), pa.int64()
    entity_schema = pa.schema(
        [
            ("doc_id", string),
            ("start", int64),
            ("end", int64),
            ("text", string),
            ("label", string),
            ("entity_id", string),
            ("name", string),
        ]
    )
    quote_schema = pa.schema(
        [
            ("doc_id", string),
            ("kind", string),
            ("text", string),
            ("start", int64),
            ("end", int64),
            ("quoted", pa.list_(string)),
            ("cue", string),
            ("cue_start", int64),
            ("cue_end", int64),
            ("speaker", string),
            ("speaker_start", int64),
            ("speaker_end", int64),
            ("speaker_entity_id", string),
            ("speaker_name", string),
            ("confidence", pa.float64()),
        ]
    )
    return Tables(
        pa.Table.from_pydict(ents, schema=entity_schema),
        pa.Table.from_pydict(quotes, schema=quote_schema),
    )
