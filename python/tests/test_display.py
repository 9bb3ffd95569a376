"""The notebook view."""

from __future__ import annotations

import re

import byline


def test_html_highlights_entities_and_shows_quotes(article_doc: byline.Document) -> None:
    html = article_doc._repr_html_()
    marks = re.findall(r'<mark class="byline-ent byline-([A-Z]+)" data-label="\1"', html)
    assert len(marks) == len(article_doc.entities)
    assert marks == [e.label for e in article_doc.entities]
    assert html.count('<li class="byline-quote') == len(article_doc.quotes)
    for q in article_doc.quotes:
        if q.speaker is not None:
            assert q.speaker.text.replace("'", "&#x27;").replace('"', "&quot;") in html


def test_html_is_escaped(nlp: byline.Pipeline) -> None:
    doc = nlp('<script>alert(1)</script> "Stop <b>now</b>," Vladimir Putin said & left.')
    html = doc._repr_html_()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp; left" in html
    assert 'data-label="PERSON"' in html
    assert '<span class="byline-speaker">' in html
