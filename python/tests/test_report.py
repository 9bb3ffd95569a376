"""byline.report: the Rust aggregation inside the native module, seen from Python, checked
against counts made here and against the ``byline report`` command where one is built."""

from __future__ import annotations

import faulthandler
import json
import os
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, rust_cli

import byline
from byline.report import Report

#: The real ``Popen`` and the Rust command where one is built, found before the tests hide them,
#: for the comparison with the command (the tests refuse any other process).
_POPEN = subprocess.Popen
RUST = rust_cli()

TEXTS = [
    '"We will not back down," Iranian President Ebrahim Raisi said on Tuesday.',
    "Officials said the bridge would reopen. A spokesman declined to comment.",
    '"The economy is strong," Mary Smith, the finance minister, told reporters.',
    "Nothing was said here at all.",
]
OUTLETS = ["Planet", "Sentinel", "Planet", "Gazette"]


@pytest.fixture(scope="module")
def docs(nlp: byline.Pipeline) -> list[byline.Document]:
    texts = [*TEXTS, ARTICLE.read_text(encoding="utf-8")]
    return [nlp(text, id=f"d{i}") for i, text in enumerate(texts)]


@pytest.fixture(scope="module")
def meta(docs: list[byline.Document]) -> list[dict[str, str]]:
    outlets = [*OUTLETS, "Gazette"]
    return [{"outlet": o, "published": f"2024-05-0{i + 1}"} for i, o in enumerate(outlets)]


@pytest.fixture(autouse=True)
def no_rust_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test runs as after a bare ``pip install byline``: no Rust command on ``PATH``, no
    ``$BYLINE_CLI``, and no process may be started."""
    monkeypatch.delenv("BYLINE_CLI", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"byline.report started a process: {args}")

    monkeypatch.setattr(subprocess, "Popen", refuse)


def run(docs_or_table: object, **kwargs: Any) -> Report:
    return byline.report(docs_or_table, **kwargs)


def test_counts_match_the_documents(
    docs: list[byline.Document], meta: list[dict[str, str]]
) -> None:
    r = run(docs, meta=meta, group_by="outlet", date_field="published", top=100)
    quotes = [q for d in docs for q in d.quotes]
    c = r.corpus
    assert c["documents"] == len(docs)
    assert c["sentences"] == sum(len(d.sentences) for d in docs)
    assert c["entity_mentions"] == sum(len(d.entities) for d in docs)
    assert c["quotations"] == len(quotes)
    kinds = Counter(q.kind for q in quotes)
    assert (c["direct"], c["mixed"], c["indirect"]) == (
        kinds["direct"],
        kinds["mixed"],
        kinds["indirect"],
    )
    by_outlet: Counter[str] = Counter()
    for d, m in zip(docs, meta):
        by_outlet[m["outlet"]] += len(d.quotes)
    assert {g["group"]: g["quotations"] for g in r.tables["groups"]} == dict(by_outlet)
    # Named speakers with a Wikidata id: their quotation counts.
    with_id = Counter(q.speaker.entity_id for q in quotes if q.speaker and q.speaker.entity_id)
    shown = {s["entity_id"]: s["quotations"] for s in r.tables["speakers"] if s["entity_id"]}
    for qid, n in shown.items():
        assert with_id[qid] == n, qid
    assert sum(t["quotations"] for t in r.tables["speaker_types"]) == len(quotes)


def test_documents_dicts_lines_and_files_give_the_same_report(
    docs: list[byline.Document], tmp_path: Path
) -> None:
    lines = [d.to_json() for d in docs]
    path = tmp_path / "annotated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = [
        run(docs),
        run([json.loads(line) for line in lines]),
        run(iter(lines)),
        run(path),
        run([str(path)]),
    ]
    first = reports[0].data
    for other in reports[1:]:
        assert other.data["corpus"] == first["corpus"]
        assert other.data["speakers"] == first["speakers"]


def test_a_data_frame(docs: list[byline.Document]) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame.from_records([d.to_dict() for d in docs])
    frame["outlet"] = [*OUTLETS, "Gazette"]
    r = run(frame, group_by="outlet")
    assert r.corpus["documents"] == len(docs)
    assert sorted(r.to_pandas("groups")["group"]) == sorted(set(frame["outlet"]))


def test_an_arrow_table(docs: list[byline.Document]) -> None:
    pa = pytest.importorskip("pyarrow")
    rows = [dict(d.to_dict(), outlet=o) for d, o in zip(docs, [*OUTLETS, "Gazette"])]
    table = pa.Table.from_pylist(rows)
    r = run(table, group_by="outlet")
    assert r.corpus == run(docs).corpus
    assert {g["group"] for g in r.tables["groups"]} == set(OUTLETS)


def test_tables_page_and_notebook_view(docs: list[byline.Document], tmp_path: Path) -> None:
    r = run(docs, title="Test <corpus>")
    assert r.html.startswith("<!DOCTYPE html>")
    assert "Test &lt;corpus&gt;" in r.html
    saved = r.save(tmp_path / "r.html")
    assert saved.read_text(encoding="utf-8") == r.html
    view = r._repr_html_()
    assert view.startswith("<iframe") and "srcdoc=" in view and "<script>" not in view
    assert set(r.tables) >= {"corpus", "speakers", "speaker_types", "entities", "quotations"}
    assert "documents" in repr(r)
    pytest.importorskip("pandas")
    speakers = r.to_pandas("speakers")
    assert list(speakers.columns[:3]) == ["speaker", "entity_id", "speaker_type"]
    assert len(r.to_pandas("corpus")) == 1
    with pytest.raises(KeyError, match="no table"):
        r.to_pandas("nothing")


def test_bad_input_is_a_clear_error(docs: list[byline.Document]) -> None:
    with pytest.raises(byline.InputError, match="document 1 is a int"):
        run([docs[0], 5])
    with pytest.raises(byline.InputError, match="meta= ran out at document 1"):
        run(docs[:2], meta=[{"outlet": "x"}])
    with pytest.raises(byline.InputError, match="cannot read /nonexistent/annotated.jsonl"):
        run("/nonexistent/annotated.jsonl")
    with pytest.raises(byline.InputError, match="document 0 is not JSON"):
        run(["{oops"], meta=[{"outlet": "x"}])
    with pytest.raises(byline.InputError, match="not one of the annotations"):
        run(docs, group_by="quotes")
    with pytest.raises(byline.InputError, match="top="):
        run(docs, top=0)
    with pytest.raises(byline.InputError, match="max_rows="):
        run(docs, max_rows=-1)
    with pytest.raises(TypeError):
        byline.report(docs, command="byline")  # type: ignore[call-arg]


def test_unreadable_documents_are_counted_and_named_not_fatal() -> None:
    lines = ['{"id": "a", "quotes": []}', "not json", "", '{"quotes": 3}', '{"id": "b"}']
    r = run(iter(lines))
    assert r.corpus["documents"] == 2
    assert r.corpus["unreadable_lines"] == 2
    assert [p.split(":")[0] for p in r.data["problems"]] == ["document 1", "document 3"]


def test_unreadable_lines_are_counted_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "quotes": []}\nnot json\n', encoding="utf-8")
    r = run(path)
    assert r.corpus["documents"] == 1
    assert r.corpus["unreadable_lines"] == 1
    assert any("line 2" in p for p in r.data["problems"])


class _Tracked(dict):  # type: ignore[type-arg]
    """A document that counts how many of its kind are alive."""

    alive = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        _Tracked.alive += 1

    def __del__(self) -> None:
        _Tracked.alive -= 1


def test_documents_are_streamed_not_held() -> None:
    # More documents than one chunk many times over; a generator that checks, as it makes each
    # one, how many of those it made before are still alive.
    most = 0

    def docs() -> Iterator[_Tracked]:
        nonlocal most
        for i in range(5000):
            most = max(most, _Tracked.alive)
            yield _Tracked({"id": f"d{i}", "quotes": [{"kind": "direct", "text": f"words {i}"}]})

    r = run(docs())
    assert r.corpus["documents"] == 5000
    assert r.corpus["quotations"] == 5000
    assert most <= 2


def test_the_same_report_as_the_command(docs: list[byline.Document], tmp_path: Path) -> None:
    """The page and the aggregates of ``byline report`` over the same file, where it is built."""
    if RUST is None:
        pytest.skip("the Rust byline command is not built: cargo build -p byline-cli")
    path = tmp_path / "annotated.jsonl"
    path.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    page, data = tmp_path / "r.html", tmp_path / "r.json"
    args = [str(RUST), "report", "-q", str(path), "-o", str(page), "--json-out", str(data)]
    args += ["--top", "7", "--title", "Same"]
    with _POPEN(args, stderr=subprocess.PIPE) as proc:
        _, err = proc.communicate()
    if b"unrecognized subcommand" in err:
        pytest.skip(f"{RUST} is an old build without `byline report`: cargo build -p byline-cli")
    assert proc.returncode == 0, err
    r = run(path, top=7, title="Same")
    assert r.data == json.loads(data.read_text(encoding="utf-8"))
    assert r.html == page.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_file_is_read_as_it_comes_with_the_gil_released(tmp_path: Path) -> None:
    # The report reads a named pipe in another thread while this one writes more than the pipe
    # holds: this thread can only run, and the pipe only drain, if Rust reads as the lines come
    # and without the GIL. Were either broken, the watchdog ends the run with the stacks.
    pipe = tmp_path / "annotated.jsonl"
    os.mkfifo(pipe)
    done: list[Report] = []
    worker = threading.Thread(target=lambda: done.append(run(pipe, group_by="outlet")))
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        worker.start()
        with open(pipe, "w", encoding="utf-8") as f:
            for i in range(3000):
                doc = {"id": f"d{i}", "outlet": f"o{i % 3}", "quotes": [{"kind": "direct"}]}
                f.write(json.dumps(doc) + "\n")
        worker.join()
    finally:
        faulthandler.cancel_dump_traceback_later()
    (r,) = done
    assert r.corpus["documents"] == 3000
    assert {g["group"]: g["documents"] for g in r.tables["groups"]} == {
        "o0": 1000,
        "o1": 1000,
        "o2": 1000,
    }
