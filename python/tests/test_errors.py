"""Errors: the package's hierarchy, file and line where known, and no panic reaching Python."""

from __future__ import annotations

import pytest

import byline


def test_hierarchy() -> None:
    assert issubclass(byline.GazetteerError, byline.BylineError)
    assert issubclass(byline.GazetteerError, ValueError)
    assert issubclass(byline.InputError, byline.BylineError)
    assert issubclass(byline.InputError, ValueError)
    assert issubclass(byline.ArgumentTypeError, byline.InputError)
    assert issubclass(byline.ArgumentTypeError, TypeError)
    assert not issubclass(byline.BylineError, ValueError)
    assert byline.BylineError.__module__ == "byline.errors"


def test_a_bad_gazetteer_line_names_file_and_line(tmp_path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text(
        "id\tname\tlabel\taliases\nQ90\tParis\tGPE\tParis\nQ1\tAtlantis\tCITY\tAtlantis\n"
    )
    with pytest.raises(byline.GazetteerError) as info:
        byline.Gazetteer.from_file(path)
    err = info.value
    assert err.line == 3
    assert err.file == str(path)
    assert "CITY" in str(err) and "line 3" in str(err)
    with pytest.raises(ValueError):
        byline.Pipeline(path)


def test_a_missing_gazetteer_file(tmp_path) -> None:
    with pytest.raises(byline.GazetteerError, match="missing.tsv"):
        byline.Pipeline(tmp_path / "missing.tsv")


def test_bad_records_name_the_record() -> None:
    with pytest.raises(byline.GazetteerError, match="record 1: field 'label'"):
        byline.Gazetteer([{"name": "A", "label": "ORG"}, {"name": "B"}])
    with pytest.raises(byline.GazetteerError, match="unknown label"):
        byline.Gazetteer([{"name": "A", "label": "CITY"}])
    with pytest.raises(byline.GazetteerError, match="case mode"):
        byline.Gazetteer().add("A", "ORG", case="loud")


def test_input_errors(nlp: byline.Pipeline) -> None:
    with pytest.raises(byline.ArgumentTypeError, match="expected str"):
        nlp(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(byline.InputError, match="surrogate"):
        nlp("broken \ud800 text")
    with pytest.raises(ValueError):
        nlp(None)  # type: ignore[arg-type]


def test_a_panic_becomes_a_byline_error() -> None:
    from byline import _byline

    with pytest.raises(byline.BylineError, match="internal error in byline: boom"):
        _byline._panic_for_test("boom")


@pytest.mark.parametrize(
    "call",
    [
        lambda nlp: byline.Pipeline(123),  # type: ignore[arg-type]
        lambda nlp: byline.Pipeline(b"names.tsv"),  # type: ignore[arg-type]
        lambda nlp: byline.Pipeline(n_threads="2"),  # type: ignore[arg-type]
        lambda nlp: nlp(123),
        lambda nlp: nlp(None),
        lambda nlp: nlp(b"bytes"),
        lambda nlp: list(nlp.pipe(5)),
        lambda nlp: list(nlp.pipe("one text")),
        lambda nlp: list(nlp.pipe([1, 2])),
        lambda nlp: list(nlp.pipe(["a"], batch_size="2")),
        lambda nlp: byline.to_pandas("not a document"),
        lambda nlp: byline.to_pandas(42),
        lambda nlp: byline.to_pandas([nlp("Hi."), "text"]),
        lambda nlp: byline.to_arrow(None),
        lambda nlp: byline.render_html("text"),
        lambda nlp: byline.render_html(nlp("Hi."), max_chars="10"),
    ],
)
def test_a_wrong_type_is_a_byline_error_and_a_type_error(nlp: byline.Pipeline, call) -> None:
    with pytest.raises(byline.ArgumentTypeError) as info:
        call(nlp)
    assert isinstance(info.value, byline.BylineError)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, byline.InputError)


def test_one_document_is_enough_for_the_tables(nlp: byline.Pipeline) -> None:
    pytest.importorskip("pandas")
    doc = nlp('"No," Vladimir Putin said.')
    assert len(byline.to_pandas(doc).quotes) == len(byline.to_pandas([doc]).quotes) == 1
