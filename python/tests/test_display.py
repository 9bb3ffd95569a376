"""The notebook view."""

from __future__ import annotations

import html as html_module
import re

import pytest

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


def test_paragraphs_are_kept(nlp: byline.Pipeline) -> None:
    text = 'First paragraph, "quoted," Putin said.\n\nSecond paragraph.\nA new line.'
    html = byline.render_html(nlp(text))
    assert "white-space:pre-wrap" in html
    body = re.sub(r"<span class=\"byline-label\">[A-Z]+</span>", "", html)
    body = re.sub(r"<[^>]+>", "", body.split('<div class="byline-doc">')[1].split("</div>")[0])
    assert html_module.unescape(body) == text


@pytest.mark.parametrize("max_chars", [0, 1, 100, 5_000, None])
def test_the_view_is_capped_and_says_how_to_see_more(
    nlp: byline.Pipeline, article: str, max_chars: int | None
) -> None:
    doc = nlp((article + "\n\n") * 40)
    html = byline.render_html(doc, max_chars=max_chars)
    if max_chars is None:
        assert "byline-more" not in html.split("</style>")[1]
        assert html.count("<mark") == len(doc.entities)
        return
    assert len(html) < 20 * max_chars + 10_000
    assert f"of {len(doc.text):,} characters" in html
    assert "max_chars=None" in html
    marks = html.count("<mark")
    assert marks == sum(1 for e in doc.entities if e.end <= max_chars)


def test_a_megabyte_renders_in_a_bounded_view(nlp: byline.Pipeline, article: str) -> None:
    doc = nlp((article + "\n\n") * (2**20 // (len(article) + 2)))
    html = doc._repr_html_()
    assert len(html) < 500_000
