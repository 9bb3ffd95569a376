"""Tables for pandas and Arrow (optional extras)."""

from __future__ import annotations

import sys

import pytest

import byline


def test_nothing_heavy_is_imported_by_byline() -> None:
    import subprocess

    code = "import byline, sys; print(sorted(m for m in ('pandas', 'pyarrow', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _docs(nlp: byline.Pipeline, article: str) -> list[byline.Document]:
    return list(nlp.pipe([article, "Nothing to see.", '"Yes," Putin said.']))


def test_to_pandas(nlp: byline.Pipeline, article: str) -> None:
    pytest.importorskip("pandas")
    docs = _docs(nlp, article)
    entities, quotes = byline.to_pandas(docs)
    assert len(entities) == sum(len(d.entities) for d in docs)
    assert len(quotes) == sum(len(d.quotes) for d in docs)
    assert list(entities.columns) == [
        "doc_id",
        "start",
        "end",
        "text",
        "label",
        "entity_id",
        "name",
    ]
    assert set(entities["doc_id"]) <= {"0", "1", "2"}
    first = entities.iloc[0]
    assert docs[0].text[first["start"] : first["end"]] == first["text"]
    assert "speaker_name" in quotes.columns and "confidence" in quotes.columns
    assert quotes[quotes["doc_id"] == "2"]["speaker"].tolist() == ["Putin"]


def test_to_arrow(nlp: byline.Pipeline, article: str) -> None:
    pa = pytest.importorskip("pyarrow")
    docs = _docs(nlp, article)
    tables = byline.to_arrow(docs)
    assert tables.entities.num_rows == sum(len(d.entities) for d in docs)
    assert tables.quotes.num_rows == sum(len(d.quotes) for d in docs)
    assert tables.entities.schema.field("start").type == pa.int64()
    assert tables.quotes.schema.field("quoted").type == pa.list_(pa.string())
    empty = byline.to_arrow([])
    assert empty.entities.num_rows == 0 and empty.entities.schema == tables.entities.schema
