"""The notebook view of a document: entities highlighted by label, quotations with speakers."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from byline._byline import Document

__all__ = ["render_html"]

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
    ".byline-doc{line-height:2;font-family:sans-serif}"
    ".byline-ent{padding:0.1em 0.3em;border-radius:0.3em}"
    ".byline-label{font-size:0.7em;font-weight:bold;margin-left:0.4em;vertical-align:middle}"
    ".byline-quotes{margin-top:1em}"
    ".byline-quote-kind{font-size:0.8em;color:#666}"
    "</style>"
)


def render_html(doc: Document) -> str:
    """HTML showing ``doc``'s text with its entities highlighted by label, then one item per
    quotation: the content, its kind, its cue and its speaker. Every piece of text is escaped."""
    text = doc.text
    parts = [_STYLE, '<div class="byline-doc">']
    at = 0
    for e in doc.entities:
        parts.append(escape(text[at : e.start]))
        color = COLORS.get(e.label, "#ddd")
        title = e.name if e.entity_id is None else f"{e.name} ({e.entity_id})"
        parts.append(
            f'<mark class="byline-ent byline-{escape(e.label)}" data-label="{escape(e.label)}"'
            f' title="{escape(title)}" style="background:{color}">{escape(e.text)}'
            f'<span class="byline-label">{escape(e.label)}</span></mark>'
        )
        at = e.end
    parts.append(escape(text[at:]))
    parts.append("</div>")
    if doc.quotes:
        parts.append('<ol class="byline-quotes">')
        for q in doc.quotes:
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
