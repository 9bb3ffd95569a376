"""A spaCy pipeline component: ``nlp.add_pipe("byline")``.

It runs byline over each ``Doc``'s text, sets ``doc.ents`` from byline's entity mentions
(aligned to spaCy's tokens with ``Doc.char_span``; ``kb_id_`` holds the Wikidata id), the
sentence starts from byline's sentences (so ``doc.sents`` works; ``sentences=False`` leaves
them, and a parsed ``Doc`` keeps its parser's) and ``doc._.quotes`` to byline's quotations as dicts (the JSON document's ``quotes``, character
offsets into ``doc.text``; plain data, so docs still serialise with ``Doc.to_bytes`` and
``nlp.pipe(n_process=...)``). Needs the ``spacy`` extra; spaCy finds the component through the
``spacy_factories`` entry point, so ``import byline`` is not needed first.

>>> import spacy  # doctest: +SKIP
>>> nlp = spacy.blank("en")  # doctest: +SKIP
>>> nlp.add_pipe("byline")  # doctest: +SKIP
>>> doc = nlp('"No," Vladimir Putin said in Moscow.')  # doctest: +SKIP
>>> [(e.text, e.label_) for e in doc.ents]  # doctest: +SKIP
[('Vladimir Putin', 'PERSON'), ('Moscow', 'GPE')]
>>> [s.text for s in nlp("Moscow said no. Kyiv said yes.").sents]  # doctest: +SKIP
['Moscow said no.', 'Kyiv said yes.']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from byline._pipeline import Pipeline

__all__ = ["BylineComponent", "make_byline_component"]

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


class BylineComponent:
    """Sets ``doc.ents``, the sentence starts (``doc.sents``) and ``doc._.quotes``."""

    def __init__(
        self,
        name: str = "byline",
        gazetteer: list[str] | None = None,
        with_default: bool = False,
        overwrite_ents: bool = True,
        quotes: bool = True,
        batch_size: int = 64,
        sentences: bool = True,
    ) -> None:
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.sentences = sentences
        self.batch_size = batch_size
        self.pipeline = Pipeline(gazetteer or None, with_default=with_default, quotes=quotes)

    def _apply(self, doc: Doc, annotated: Any) -> Doc:
        spans = []
        for e in annotated.entities:
            span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="contract")
            if span is None or len(span) == 0:
                span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
            if span is None:
                continue
            if e.entity_id:
                span.kb_id_ = e.entity_id
            spans.append(span)
        if self.overwrite_ents:
            doc.ents = filter_spans(spans)
        else:
            taken: set[int] = set()
            for ent in doc.ents:
                taken.update(range(ent.start, ent.end))
            kept = [s for s in spans if not taken.intersection(range(s.start, s.end))]
            doc.ents = filter_spans(list(doc.ents) + kept)
        if self.sentences and not doc.has_annotation("DEP"):
            _set_sentence_starts(doc, annotated)
        doc._.quotes = [q.to_dict() for q in annotated.quotes]
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, self.pipeline(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        pairs = ((doc.text, doc) for doc in docs)
        for annotated, doc in self.pipeline.pipe(
            pairs, batch_size=batch_size or self.batch_size, as_tuples=True
        ):
            yield self._apply(doc, annotated)


def _set_sentence_starts(doc: Doc, annotated: Any) -> None:
    """Marks the token where each of byline's sentences starts, and no other, as a sentence
    start. A sentence that starts inside a spaCy token starts at that token."""
    if len(doc) == 0:
        return
    starts = {0}
    for sentence in annotated.sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            starts.add(span.start)
    for token in doc:
        token.is_sent_start = token.i in starts


@Language.factory(
    "byline",
    default_config={
        "gazetteer": None,
        "with_default": False,
        "overwrite_ents": True,
        "quotes": True,
        "batch_size": 64,
        "sentences": True,
    },
    assigns=["doc.ents", "token.is_sent_start", "doc._.quotes"],
)
def make_byline_component(
    nlp: Language,
    name: str,
    gazetteer: list[str] | None,
    with_default: bool,
    overwrite_ents: bool,
    quotes: bool,
    batch_size: int,
    sentences: bool,
) -> BylineComponent:
    """The spaCy factory of :class:`BylineComponent` (registered as ``"byline"``)."""
    return BylineComponent(
        name,
        gazetteer=gazetteer,
        with_default=with_default,
        overwrite_ents=overwrite_ents,
        quotes=quotes,
        batch_size=batch_size,
        sentences=sentences,
    )
