"""Document and its value objects: code-point offsets, repr, equality, JSON."""

from __future__ import annotations

import json

import pytest

import byline

# An emoji (one code point, four UTF-8 bytes, two UTF-16 units), a flag (two code points), a
# combining accent (e + U+0301) and CJK before the names, so byte, UTF-16 and code-point offsets
# all differ.
UNICODE_TEXT = (
    "😀🇺🇦 Cafe\u0301 — 日本語. "
    '"We will respond," Iranian President Ebrahim Raisi said in Moscow, '
    "where Vladimir Putin met him 🙂."
)


def _spans(doc: byline.Document):
    yield from doc.sentences
    yield from doc.paragraphs
    yield from doc.tokens
    yield from doc.entities
    for q in doc.quotes:
        yield from q.content
        yield from q.quoted
        if q.cue:
            yield q.cue
        if q.speaker:
            yield q.speaker


def test_offsets_are_code_points(nlp: byline.Pipeline) -> None:
    doc = nlp(UNICODE_TEXT)
    assert doc.text == UNICODE_TEXT
    spans = list(_spans(doc))
    assert any(isinstance(s, byline.Entity) for s in spans)
    for span in spans:
        assert doc.text[span.start : span.end] == span.text, span
    raisi = [e for e in doc.entities if e.name == "Ebrahim Raisi"]
    assert raisi and raisi[0].start == UNICODE_TEXT.index("Ebrahim Raisi")
    emoji = [t for t in doc.tokens if t.kind == "emoji"]
    assert [t.text for t in emoji][:1] == ["😀"]


def test_tokens_cover_every_non_space_character(nlp: byline.Pipeline) -> None:
    doc = nlp(UNICODE_TEXT)
    assert "".join(t.text for t in doc.tokens) == "".join(UNICODE_TEXT.split())
    assert len(doc) == len(doc.tokens)


def test_quote_text_is_its_content(article_doc: byline.Document) -> None:
    for q in article_doc.quotes:
        assert q.text == " ".join(s.text for s in q.content)
        assert (q.start, q.end) == (q.content[0].start, q.content[-1].end)
        assert q.kind in ("direct", "mixed", "indirect")
        assert 0.0 <= q.confidence <= 1.0


def test_value_objects_are_frozen_and_hashable(article_doc: byline.Document) -> None:
    e = article_doc.entities[0]
    with pytest.raises(AttributeError):
        e.start = 3  # type: ignore[misc]
    assert (
        len({e, byline.Entity(e.start, e.end, e.text, e.label, e.entity_id, e.name, e.source)}) == 1
    )
    q = article_doc.quotes[0]
    assert hash(q) == hash(
        byline.Quote(
            q.kind, q.text, list(q.content), list(q.quoted), q.cue, q.speaker, q.confidence
        )
    )
    with pytest.raises(AttributeError):
        article_doc.text = "x"  # type: ignore[misc]


def test_reprs_are_readable() -> None:
    assert repr(byline.Span(0, 5, "Hello")) == "Span(start=0, end=5, text='Hello')"
    assert (
        repr(byline.Token(0, 1, '"', "quote")) == "Token(start=0, end=1, text='\"', kind='quote')"
    )
    assert (
        repr(byline.Entity(3, 9, "Putin", "PERSON", "Q7747", "Vladimir Putin"))
        == "Entity(start=3, end=9, text='Putin', label='PERSON', entity_id='Q7747', "
        "name='Vladimir Putin')"
    )
    speaker = byline.Speaker(20, 25, "Putin", None, None)
    assert repr(speaker) == "Speaker(start=20, end=25, text='Putin', entity_id=None, name=None)"
    quote = byline.Quote(
        "direct", "No", [byline.Span(1, 3, "No")], [], byline.Span(26, 30, "said"), speaker, 0.5
    )
    assert repr(quote) == (
        "Quote(kind='direct', text='No', cue='said', speaker=Speaker(start=20, end=25, "
        "text='Putin', entity_id=None, name=None), confidence=0.5)"
    )


def test_document_repr(nlp: byline.Pipeline) -> None:
    doc = nlp("Moscow said no. Kyiv said yes.", id="d1")
    assert repr(doc) == (
        "Document(id='d1', text='Moscow said no. Kyiv said yes.', sentences=2, "
        f"entities={len(doc.entities)}, quotes={len(doc.quotes)})"
    )
    long = nlp("word " * 30)
    assert repr(long).startswith("Document(text='word word word word word word word word...'")


def test_to_dict_follows_the_json_schema(article_doc: byline.Document) -> None:
    d = article_doc.to_dict()
    assert list(d) == ["id", "sentences", "entities", "quotes"]
    assert d["id"] == "article"
    assert d == json.loads(article_doc.to_json())
    e = d["entities"][0]
    assert set(e) == {"start", "end", "text", "label", "entity_id", "name", "source"}
    q = d["quotes"][0]
    assert set(q) >= {"kind", "text", "content", "quoted", "cue", "speaker", "confidence"}
    assert [x.to_dict() for x in article_doc.entities] == d["entities"]
    assert [x.to_dict() for x in article_doc.quotes] == d["quotes"]
    with_tokens = article_doc.to_dict(tokens=True, text=True, paragraphs=True)
    assert with_tokens["text"] == article_doc.text
    assert len(with_tokens["tokens"]) == len(article_doc.tokens)
    first = dict(with_tokens["tokens"][0])
    # The part of speech (a Universal POS tag) comes with the tokens when it was computed.
    pos = first.pop("pos", None)
    assert pos is None or (pos.isupper() and pos.isalpha()), pos
    # So does its Penn Treebank tag.
    first.pop("tag", None)
    assert first == {
        "start": article_doc.tokens[0].start,
        "end": article_doc.tokens[0].end,
        "kind": article_doc.tokens[0].kind,
    }
    assert len(with_tokens["paragraphs"]) == len(article_doc.paragraphs)


def test_text_is_the_input_object(nlp: byline.Pipeline) -> None:
    text = "A text that is kept as it is."
    assert nlp(text).text is text


def test_documents_compare_by_content(nlp: byline.Pipeline) -> None:
    assert nlp("Putin spoke.") == nlp("Putin spoke.")
    assert nlp("Putin spoke.") != nlp("Raisi spoke.")
    assert nlp("Putin spoke.", id="a") != nlp("Putin spoke.", id="b")
    assert nlp("Putin spoke.") != "Putin spoke."
