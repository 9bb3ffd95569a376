"""The notebook view of a document: entities highlighted by label, quotations with speakers."""

from __future__ import annotations

from html import escape

from byline._byline import Document
from byline.errors import ArgumentTypeError

__all__ = ["MAX_CHARS", "render_html"]

#: Characters of text the notebook view shows by default; the rest is summed up in a note.
MAX_CHARS = 20_000

#: Background colour of each entity label.
COLORS = {
    "PERSON": "#aa9cfc",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "MISC": "#e4e7d2",
}

_STYLE = (
    "<style>"
    ".byline-doc{line-height:2;font-family:sans-serif;white-space:pre-wrap}"
    ".byline-more{font-size:0.85em;color:#666;margin-top:0.5em}"
    ".byline-ent{padding:0.1em 0.3em;border-radius:0.3em}"
    ".byline-label{font-size:0.7em;font-weight:bold;margin-left:0.4em;vertical-align:middle}"
    ".byline-quotes{margin-top:1em}"
    ".byline-quote-kind{font-size:0.8em;color:#666}"
    "</style>"
)


def render_html(doc: Document, max_chars: int | None = MAX_CHARS) -> str:
    """HTML showing ``doc``'s text with its entities highlighted by label, then one item per
    quotation: the content, its kind, its cue and its speaker. Every piece of text is escaped,
    and line breaks are kept, so paragraphs show as they are in the text.

    Only the first ``max_chars`` characters are shown (with the entities and quotations that
    start there), and a note says how much is left out; ``max_chars=None`` shows everything:
    ``IPython.display.HTML(byline.render_html(doc, max_chars=None))``.

    >>> import byline
    >>> doc = byline.Pipeline()("First paragraph.\\n\\nSecond one. " * 3)
    >>> html = byline.render_html(doc, max_chars=20)
    >>> "\\n\\n" in html, "showing the first 20 of 90 characters" in html
    (True, True)
    """
    if not isinstance(doc, Document):
        raise ArgumentTypeError(f"render_html() takes a Document, not {type(doc).__name__}")
    if max_chars is not None and (not isinstance(max_chars, int) or isinstance(max_chars, bool)):
        raise ArgumentTypeError(f"max_chars must be an int or None, got {max_chars!r}")
    text = doc.text
    shown = len(text) if max_chars is None else max(0, min(len(text), max_chars))
    # An entity that runs over the cut is left out whole, and so is the text under it.
    entities = [e for e in doc.entities if e.start < shown]
    if entities and entities[-1].end > shown:
        shown = entities.pop().start
    quotes = [q for q in doc.quotes if q.start < shown]
    parts = [_STYLE, '<div class="byline-doc">']
    at = 0
    for e in entities:
        parts.append(escape(text[at : e.start]))
        color = COLORS.get(e.label, "#ddd")
        title = e.name if e.entity_id is None else f"{e.name} ({e.entity_id})"
        parts.append(
            f'<mark class="byline-ent byline-{escape(e.label)}" data-label="{escape(e.label)}"'
            f' title="{escape(title)}" style="background:{color}">{escape(e.text)}'
            f'<span class="byline-label">{escape(e.label)}</span></mark>'
        )
        at = e.end
    parts.append(escape(text[at:shown]))
    parts.append("</div>")
    if shown < len(text):
        left = len(doc.entities) - len(entities), len(doc.quotes) - len(quotes)
        parts.append(
            f'<div class="byline-more">… showing the first {shown:,} of {len(text):,} '
            f"characters ({left[0]:,} more entity mentions and {left[1]:,} more quotations "
            "after them); <code>byline.render_html(doc, max_chars=None)</code> renders all."
            "</div>"
        )
    if quotes:
        parts.append('<ol class="byline-quotes">')
        for q in quotes:
            if q.speaker is None:
                speaker = '<span class="byline-speaker byline-unknown">unknown speaker</span>'
            else:
                who = escape(q.speaker.text)
                if q.speaker.name and q.speaker.name != q.speaker.text:
                    who += f" ({escape(q.speaker.name)})"
                speaker = f'<span class="byline-speaker">{who}</span>'
            cue = f' <span class="byline-cue">{escape(q.cue.text)}</span>' if q.cue else ""
            parts.append(
                f'<li class="byline-quote byline-{escape(q.kind)}">{speaker}{cue}: '
                f"<q>{escape(q.text)}</q> "
                f'<span class="byline-quote-kind">{escape(q.kind)}, '
                f"confidence {q.confidence:.2f}</span></li>"
            )
        parts.append("</ol>")
    return "".join(parts)
