"""Parts of speech on tokens and the source of each entity, as the JSON document gives them."""

from __future__ import annotations

import json
import pickle

import pytest

import byline

UPOS = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
    "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
}  # fmt: skip
SOURCES = {"gazetteer", "model", "both"}

# Texts that vary what must not matter to the tags' presence and agreement with JSON: script,
# leading space, emoji before the words, a name the gazetteer lacks, one it lists.
TEXTS = [
    "The minister resigned on Tuesday.",
    "  Vladimir Putin spoke in Moscow.",
    "😀🇺🇦 Olusegun Bakare, a banker at Nordwind Bank, said prices would rise.",
    '"We will respond," Iranian President Ebrahim Raisi said.',
    "Café owners in Zürich protested; 日本語 signs too.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_has_its_upos_as_in_json(nlp: byline.Pipeline, text: str) -> None:
    doc = nlp(text)
    assert doc.tokens
    json_tokens = json.loads(doc.to_json(tokens=True))["tokens"]
    assert len(json_tokens) == len(doc.tokens)
    for token, j in zip(doc.tokens, json_tokens):
        assert token.pos in UPOS, token
        assert token.pos == j["pos"], (token, j)
        assert token.to_dict()["pos"] == token.pos


def test_pos_marks_verbs_and_nouns(nlp: byline.Pipeline) -> None:
    tags = {t.text: t.pos for t in nlp("The minister resigned.").tokens}
    assert tags["minister"] == "NOUN"
    assert tags["resigned"] == "VERB"


@pytest.mark.parametrize("text", TEXTS)
def test_every_entity_has_its_source_as_in_json(nlp: byline.Pipeline, text: str) -> None:
    doc = nlp(text)
    json_entities = json.loads(doc.to_json())["entities"]
    assert len(json_entities) == len(doc.entities)
    for entity, j in zip(doc.entities, json_entities):
        assert entity.source in SOURCES, entity
        assert entity.source == j["source"], (entity, j)
        assert entity.to_dict()["source"] == entity.source


def test_sources_let_users_filter(nlp: byline.Pipeline) -> None:
    doc = nlp("Tariq Haddad said the talks failed. Vladimir Putin spoke in Moscow.")
    by_text = {e.text: e.source for e in doc.entities}
    assert by_text.get("Vladimir Putin") in ("gazetteer", "both")
    assert by_text.get("Tariq Haddad") == "model"


def test_gazetteer_matches_come_from_the_gazetteer() -> None:
    g = byline.Gazetteer.default()
    found = g.find("Vladimir Putin spoke in Moscow.")
    assert found and all(e.source == "gazetteer" for e in found)


def test_tags_survive_pickling_and_count_in_equality(nlp: byline.Pipeline) -> None:
    doc = nlp("Vladimir Putin spoke in Moscow.")
    values = [*doc.tokens, *doc.entities]
    assert pickle.loads(pickle.dumps(values)) == values
    t = doc.tokens[0]
    assert t != byline.Token(t.start, t.end, t.text, t.kind)
    assert t == byline.Token(t.start, t.end, t.text, t.kind, t.pos, t.tag)
    e = doc.entities[0]
    assert e != byline.Entity(e.start, e.end, e.text, e.label, e.entity_id, e.name)


def test_hand_built_values_default_to_none() -> None:
    t = byline.Token(0, 3, "The", "word")
    assert t.pos is None and "pos" not in t.to_dict()
    assert repr(t) == "Token(start=0, end=3, text='The', kind='word')"
    assert repr(byline.Token(0, 3, "The", "word", "DET")).endswith(", pos='DET')")
    e = byline.Entity(0, 5, "Putin", "PERSON", None, "Putin")
    assert e.source is None and "source" not in e.to_dict()
    assert repr(byline.Entity(0, 5, "Putin", "PERSON", None, "Putin", "model")).endswith(
        ", source='model')"
    )


def test_unknown_source_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="source.*'rules'|source.*\"rules\""):
        byline.Entity(0, 5, "Putin", "PERSON", None, "Putin", "rules")
