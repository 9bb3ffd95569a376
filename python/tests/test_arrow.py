"""``byline.annotate_arrow``: every row equals the JSON document of the same text, whatever the
batches, the threads and the other columns."""

from __future__ import annotations

import random
from typing import Any

import pytest
from conftest import ARTICLE, expected

import byline

pa = pytest.importorskip("pyarrow")

PIECES = [
    '"We will not back down," Iranian President Ebrahim Raisi said in Tehran on Tuesday.',
    " Vladimir Putin visited Saudi Arabia.",
    " \u201cNous verrons,\u201d a dit Emmanuel Macron \u00e0 Paris.",
    ' Jos\u00e9 Mar\u00eda Aznar told reporters that "the deal is dead" and left.',
    "\n\n",
    " Z\u00fcrich \U0001f600 \u2014 caf\u00e9.",
    ' "Yes," he said. "No."',
    ' White House spokesman John Kirby said Washington was "deeply concerned".',
]


def texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 5))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_every_row_equals_the_json_document(nlp: byline.Pipeline, seed: int) -> None:
    corpus = texts(seed, 30) + [ARTICLE.read_text(encoding="utf-8")]
    table = pa.table({"text": corpus})
    out = byline.annotate_arrow(table, n_threads=2)
    assert out.num_rows == len(corpus)
    rows = out.to_pylist()
    assert any(row["quotes"] for row in rows)
    for i, (row, text) in enumerate(zip(rows, corpus)):
        assert row == expected(nlp, text, str(i)), text


def test_batches_threads_and_producers_do_not_matter(nlp: byline.Pipeline) -> None:
    corpus = texts(7, 25)
    table = pa.table({"text": corpus, "n": list(range(25))})
    whole = byline.annotate_arrow(table, n_threads=1)
    batches = table.to_batches(max_chunksize=4)
    assert len(batches) > 1
    for data in (
        batches,
        pa.Table.from_batches(batches),
        pa.RecordBatchReader.from_batches(table.schema, batches),
    ):
        assert byline.annotate_arrow(data, n_threads=3).equals(whole)
    assert whole["n"].to_pylist() == list(range(25))
    assert whole["id"].to_pylist() == [str(i) for i in range(25)]


def test_ids_and_other_columns(nlp: byline.Pipeline) -> None:
    table = pa.table(
        {
            "url": ["u1", None, "u3"],
            "outlet": ["a", "b", "c"],
            "body": pa.array(['"No," Putin said.', "Hi.", "One."], type=pa.large_string()),
        }
    )
    out = byline.annotate_arrow(table, text_column="body", id_column="url", keep_text=True)
    assert out.column_names == ["id", "outlet", "body", "sentences", "entities", "quotes", "error"]
    assert out["id"].to_pylist() == ["u1", None, "u3"]
    assert out["outlet"].equals(table["outlet"])
    ints = byline.annotate_arrow(pa.table({"text": ["A.", "B."], "k": [10, 11]}), id_column="k")
    assert ints["id"].to_pylist() == ["10", "11"]


def test_null_and_empty_texts_are_rows_and_the_others_go_on(nlp: byline.Pipeline) -> None:
    out = byline.annotate_arrow(pa.table({"text": ["One.", None, "", "Two."]})).to_pylist()
    assert out[1]["error"] and "null" in out[1]["error"]
    assert out[1]["sentences"] is None
    assert out[0] == expected(nlp, "One.", "0")
    assert out[2] == expected(nlp, "", "2")
    assert out[3] == expected(nlp, "Two.", "3")


def test_a_bad_shape_is_an_input_error_naming_the_column() -> None:
    with pytest.raises(byline.InputError, match="no text column `body`"):
        byline.annotate_arrow(pa.table({"text": ["x"]}), text_column="body")
    with pytest.raises(byline.InputError, match="`text` is Int64"):
        byline.annotate_arrow(pa.table({"text": [1]}))
    with pytest.raises(byline.InputError, match="`quotes` has the name of an output column"):
        byline.annotate_arrow(pa.table({"text": ["x"], "quotes": ["y"]}))
    with pytest.raises(byline.InputError, match="no record batch"):
        byline.annotate_arrow([])
    with pytest.raises(byline.ArgumentTypeError):
        byline.annotate_arrow("not arrow")


def test_the_schema_is_the_documented_one() -> None:
    out = byline.annotate_arrow(pa.table({"text": pa.array([], type=pa.string())}))
    span = pa.struct([pa.field("start", pa.int64(), False), pa.field("end", pa.int64(), False)])
    text_span = pa.struct(
        [
            pa.field("start", pa.int64(), False),
            pa.field("end", pa.int64(), False),
            pa.field("text", pa.string(), False),
        ]
    )

    def items(t: Any) -> Any:
        return pa.list_(pa.field("item", t, False))

    entity = pa.struct(
        list(text_span)
        + [
            pa.field("label", pa.string(), False),
            pa.field("entity_id", pa.string()),
            pa.field("name", pa.string(), False),
            pa.field("source", pa.string()),
        ]
    )
    speaker = pa.struct(
        list(text_span) + [pa.field("entity_id", pa.string()), pa.field("name", pa.string())]
    )
    quote = pa.struct(
        [
            pa.field("kind", pa.string(), False),
            pa.field("text", pa.string(), False),
            pa.field("content", items(span), False),
            pa.field("quoted", items(text_span), False),
            pa.field("cue", text_span),
            pa.field("speaker", speaker),
            pa.field("confidence", pa.float32(), False),
        ]
    )
    want = pa.schema(
        [
            ("id", pa.string()),
            ("sentences", items(span)),
            ("entities", items(entity)),
            ("quotes", items(quote)),
            ("error", pa.string()),
        ]
    )
    assert out.schema.equals(want), out.schema


def test_polars_frames_are_taken_without_pyarrow_tables() -> None:
    pl = pytest.importorskip("polars")
    out = byline.annotate_arrow(pl.DataFrame({"text": ["One.", "Two. Three."]}))
    assert [len(s) for s in out["sentences"].to_pylist()] == [1, 2]
