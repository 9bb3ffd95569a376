"""Errors: the package's hierarchy, file and line where known, and no panic reaching Python."""

from __future__ import annotations

import pytest

import byline


def test_hierarchy() -> None:
    assert issubclass(byline.GazetteerError, byline.BylineError)
    assert issubclass(byline.GazetteerError, ValueError)
    assert issubclass(byline.InputError, byline.BylineError)
    assert issubclass(byline.InputError, ValueError)
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
    with pytest.raises(byline.InputError, match="expected str"):
        nlp(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(byline.InputError, match="surrogate"):
        nlp("broken \ud800 text")
    with pytest.raises(ValueError):
        nlp(None)  # type: ignore[arg-type]


def test_a_panic_becomes_a_byline_error() -> None:
    from byline import _byline

    with pytest.raises(byline.BylineError, match="internal error in byline: boom"):
        _byline._panic_for_test("boom")
