"""The spaCy component (optional extra)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")


def test_add_pipe_by_name_sets_ents_and_quotes() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("byline")  # found through the spacy_factories entry point
    doc = nlp('"We will not back down," Iranian President Ebrahim Raisi said in Moscow.')
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Ebrahim Raisi", "PERSON") in ents
    raisi = next(e for e in doc.ents if e.text == "Ebrahim Raisi")
    assert raisi.kb_id_ == "Q5947347"
    assert len(doc._.quotes) == 1
    quote = doc._.quotes[0]
    assert quote["speaker"]["name"] == "Ebrahim Raisi"
    content = quote["content"][0]
    assert doc.char_span(content["start"], content["end"]) is not None


def test_pipe_and_serialisation(tmp_path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("byline", config={"batch_size": 2})
    texts = ["Vladimir Putin spoke.", "Nothing here.", '"No," Raisi said.']
    docs = list(nlp.pipe(texts))
    assert [len(d.ents) > 0 for d in docs] == [True, False, True]
    data = docs[2].to_bytes()
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(data)
    assert again._.quotes == docs[2]._.quotes


def test_config_gazetteer_file(tmp_path) -> None:
    path = tmp_path / "teams.tsv"
    path.write_text("id\tname\tlabel\taliases\nQ5\tBlue Harbor FC\tORG\tBlue Harbor\n")
    nlp = spacy.blank("en")
    nlp.add_pipe("byline", config={"gazetteer": [str(path)]})
    doc = nlp("Blue Harbor won in Moscow.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Blue Harbor", "Q5")]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said no. Kyiv said yes.",
        "Moscow said no.  Kyiv said yes!\n\nDr. Smith left at 5 p.m. on Monday. Why?",
        '"We will not back down," Raisi said. "Never." Putin agreed.',
        "One sentence only",
    ],
)
def test_sentences_follow_byline(text: str) -> None:
    import byline

    nlp = spacy.blank("en")
    nlp.add_pipe("byline")
    doc = nlp(text)
    expected = [s.text for s in byline.Pipeline()(text).sentences]
    got = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert got == expected


def test_sentences_can_be_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("byline", config={"sentences": False})
    doc = nlp("Moscow said no. Kyiv said yes.")
    assert not doc.has_annotation("SENT_START")
