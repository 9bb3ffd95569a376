"""Pipeline: one text, streams, options."""

from __future__ import annotations

import pickle

import pytest

import byline

QUOTE = '"We will not back down," Iranian President Ebrahim Raisi said in Tehran on Tuesday.'


def test_annotates_one_text(nlp: byline.Pipeline) -> None:
    doc = nlp("Moscow said no. Kyiv said yes.")
    assert isinstance(doc, byline.Document)
    assert [s.text for s in doc.sentences] == ["Moscow said no.", "Kyiv said yes."]
    assert doc.id is None


def test_finds_entities_and_the_quotation_with_its_speaker(nlp: byline.Pipeline) -> None:
    doc = nlp(QUOTE)
    names = {e.name for e in doc.entities}
    assert "Ebrahim Raisi" in names
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert quote.kind == "direct"
    assert "We will not back down," in quote.text
    assert [s.text for s in quote.quoted] == ["We will not back down"]
    assert quote.speaker is not None and quote.speaker.name == "Ebrahim Raisi"
    assert quote.cue is not None and quote.cue.text == "said"


def test_the_seed_article_has_entities_and_quotes(article_doc: byline.Document) -> None:
    assert any(e.name == "Vladimir Putin" and e.label == "PERSON" for e in article_doc.entities)
    assert len(article_doc.quotes) >= 3
    assert article_doc.id == "article"


def test_stages_can_be_switched_off() -> None:
    no_entities = byline.Pipeline(entities=False)(QUOTE)
    assert no_entities.entities == ()
    assert len(no_entities.quotes) == 1
    no_quotes = byline.Pipeline(quotes=False)(QUOTE)
    assert no_quotes.quotes == ()
    assert no_quotes.entities != ()


def test_pipe_keeps_order_and_numbers_documents(nlp: byline.Pipeline) -> None:
    texts = [f"Text number {i}. Putin said {i} times that it was fine." for i in range(50)]
    docs = list(nlp.pipe(texts, batch_size=7, n_threads=2))
    assert [d.text for d in docs] == texts
    assert [d.id for d in docs] == [str(i) for i in range(50)]


def _without_id(doc: byline.Document) -> dict:
    d = doc.to_dict(tokens=True)
    del d["id"]
    return d


def test_pipe_gives_what_one_call_gives(nlp: byline.Pipeline, article: str) -> None:
    texts = [article, QUOTE, "", "Just words."] * 3
    one_by_one = [_without_id(nlp(t)) for t in texts]
    for n_threads in (1, 2, 3):
        piped = [_without_id(d) for d in nlp.pipe(texts, batch_size=5, n_threads=n_threads)]
        assert piped == one_by_one


def test_pipe_streams_from_a_generator(nlp: byline.Pipeline) -> None:
    consumed = []

    def texts():
        for i in range(10):
            consumed.append(i)
            yield f"Sentence {i}."

    stream = nlp.pipe(texts(), batch_size=3)
    first = next(stream)
    assert first.text == "Sentence 0."
    assert consumed == [0, 1, 2]  # one batch read, not the whole input
    assert len(list(stream)) == 9


def test_pipe_as_tuples_carries_the_context(nlp: byline.Pipeline) -> None:
    pairs = [("Putin spoke.", {"n": 1}), ("Raisi spoke.", {"n": 2})]
    out = list(nlp.pipe(pairs, as_tuples=True))
    assert [(d.text, c) for d, c in out] == [("Putin spoke.", {"n": 1}), ("Raisi spoke.", {"n": 2})]


def test_pipe_of_nothing_is_empty(nlp: byline.Pipeline) -> None:
    assert list(nlp.pipe([])) == []


def test_pipe_rejects_bad_input(nlp: byline.Pipeline) -> None:
    with pytest.raises(byline.InputError):
        list(nlp.pipe("one string is not a stream"))
    with pytest.raises(byline.InputError, match="text 2 is int"):
        list(nlp.pipe(["a", "b", 3]))
    with pytest.raises(byline.InputError, match="item 1"):
        list(nlp.pipe([("a", 1), "b"], as_tuples=True))
    with pytest.raises(byline.InputError):
        list(nlp.pipe(["a"], batch_size=0))


def test_progress_bar_with_tqdm(nlp: byline.Pipeline, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    docs = list(nlp.pipe(["One.", "Two."] * 5, batch_size=2, progress=True))
    assert len(docs) == 10
    err = capsys.readouterr().err
    assert "10/10" in err


def test_custom_gazetteer_replaces_the_default_unless_asked() -> None:
    records = [{"name": "Northwind Traders", "label": "ORG", "id": "Q1", "aliases": ["Northwind"]}]
    text = "Northwind said Vladimir Putin was wrong."
    only = byline.Pipeline(records)(text)
    assert [(e.text, e.name, e.entity_id) for e in only.entities if e.label == "ORG"] == [
        ("Northwind", "Northwind Traders", "Q1")
    ]
    assert not any(e.entity_id == "Q7747" for e in only.entities)
    both = byline.Pipeline(records, with_default=True)(text)
    assert {"Q1", "Q7747"} <= {e.entity_id for e in both.entities}


def test_gazetteer_from_a_path(tmp_path) -> None:
    path = tmp_path / "teams.tsv"
    path.write_text("id\tname\tlabel\taliases\nQ5\tBlue Harbor FC\tORG\tBlue Harbor\n")
    for source in (path, str(path), [path], byline.Gazetteer.from_file(path)):
        doc = byline.Pipeline(source)("Blue Harbor won again.")
        assert [e.name for e in doc.entities] == ["Blue Harbor FC"]


def test_repr_names_stages(nlp: byline.Pipeline) -> None:
    assert repr(nlp) == (
        "Pipeline(stages=['tokens', 'pos', 'entities', 'entity_model', 'quotes'], "
        "gazetteer='default')"
    )


def test_the_tagging_stages_switch_off() -> None:
    text = "Olusegun Bakare, a banker in Lagos, said rates would rise."
    full = byline.Pipeline()(text)
    assert all(t.pos is not None for t in full.tokens)
    no_pos = byline.Pipeline(pos=False)(text)
    assert all(t.pos is None for t in no_pos.tokens)
    assert [e.text for e in no_pos.entities] == [e.text for e in full.entities]
    gazetteer_only = byline.Pipeline(entity_model=False)(text)
    assert {e.source for e in gazetteer_only.entities} <= {"gazetteer"}
    assert any(e.source in ("model", "both") for e in full.entities)
    again = pickle.loads(pickle.dumps(byline.Pipeline(pos=False, entity_model=False)))
    assert again(text) == byline.Pipeline(pos=False, entity_model=False)(text)
    assert "pos" not in repr(again) and "entity_model" not in repr(again)
