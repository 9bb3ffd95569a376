"""Penn Treebank tags on tokens: present with the parts of speech, as the JSON document gives
them, and consistent with the Universal POS tag whatever the text around."""

from __future__ import annotations

import json
import pickle

import pytest

import byline

PENN = {
    "NN", "IN", "DT", "NNP", "JJ", ",", "NNS", ".", "RB", "VBD", "CC", "PRP", "VB", "CD",
    "VBN", "VBZ", "VBP", "VBG", "TO", "PRP$", "MD", "-LRB-", "-RRB-", ":", "WDT", "HYPH",
    "POS", "''", "``", "NNPS", "WRB", "WP", "RP", "JJR", "FW", "EX", "UH", "JJS", "RBR",
    "SYM", "RBS", "PDT", "$", "LS", "WP$", "GW", "AFX",
}  # fmt: skip

# Texts that vary what must not matter: leading space, emoji, scripts, quotes, a name the
# gazetteer lacks, one it lists.
TEXTS = [
    "The minister resigned on Tuesday.",
    "  Vladimir Putin spoke in Moscow.",
    "😀🇺🇦 Olusegun Bakare, a banker at Nordwind Bank, said prices would rise.",
    '"We will respond," Iranian President Ebrahim Raisi said.',
    "Café owners in Zürich protested; 日本語 signs too.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_has_its_penn_tag_as_in_json(nlp: byline.Pipeline, text: str) -> None:
    doc = nlp(text)
    json_tokens = json.loads(doc.to_json(tokens=True))["tokens"]
    assert len(json_tokens) == len(doc.tokens)
    for token, j in zip(doc.tokens, json_tokens):
        assert token.tag in PENN, token
        assert token.tag == j["tag"], (token, j)
        assert token.to_dict()["tag"] == token.tag


@pytest.mark.parametrize("verb", ["condemned", "rejected", "welcomed"])
@pytest.mark.parametrize(
    "frame",
    [
        "The minister {} the plan.",
        "Officials in Paris {} the new plan on Monday.",
        "  He {} it, aides said.",
    ],
)
def test_a_past_verb_is_vbd_and_a_noun_nn_whatever_the_sentence(
    nlp: byline.Pipeline, verb: str, frame: str
) -> None:
    doc = nlp(frame.format(verb))
    tags = {t.text: (t.pos, t.tag) for t in doc.tokens}
    assert tags[verb] == ("VERB", "VBD"), tags
    noun = "plan" if "plan" in tags else None
    if noun:
        assert tags[noun] == ("NOUN", "NN"), tags


def test_no_parts_of_speech_no_penn_tags() -> None:
    doc = byline.Pipeline(pos=False)("The minister resigned.")
    assert all(t.tag is None and "tag" not in t.to_dict() for t in doc.tokens)
    assert all("tag" not in t for t in json.loads(doc.to_json(tokens=True))["tokens"])


def test_penn_tags_survive_pickling_and_count_in_equality(nlp: byline.Pipeline) -> None:
    doc = nlp("Vladimir Putin spoke in Moscow.")
    assert pickle.loads(pickle.dumps(list(doc.tokens))) == list(doc.tokens)
    assert [t.tag for t in pickle.loads(pickle.dumps(doc)).tokens] == [t.tag for t in doc.tokens]
    t = doc.tokens[0]
    assert t != byline.Token(t.start, t.end, t.text, t.kind, t.pos)
    assert t == byline.Token(t.start, t.end, t.text, t.kind, t.pos, t.tag)


def test_a_hand_built_token_has_no_penn_tag_unless_given() -> None:
    t = byline.Token(0, 3, "The", "word", "DET")
    assert t.tag is None and "tag" not in t.to_dict()
    t = byline.Token(0, 3, "The", "word", "DET", "DT")
    assert t.tag == "DT" and t.to_dict()["tag"] == "DT"
    assert repr(t).endswith(", pos='DET', tag='DT')")
