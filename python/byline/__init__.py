"""byline: who is named and who said what in English news text.

>>> import byline
>>> nlp = byline.Pipeline()
>>> doc = nlp('"We will not back down," Iranian President Ebrahim Raisi said on Tuesday.')
>>> [(e.text, e.label) for e in doc.entities]  # doctest: +SKIP
[('Ebrahim Raisi', 'PERSON')]
>>> doc.quotes[0].speaker.name  # doctest: +SKIP
'Ebrahim Raisi'

Offsets are code points: ``doc.text[e.start:e.end] == e.text``. ``nlp.pipe(texts)`` annotates
any iterable of texts in batches on several threads with the GIL released.
"""

from __future__ import annotations

import os as _os

from byline import _byline
from byline._arrow import annotate_arrow
from byline._byline import Document, Entity, Quote, Span, Speaker, Token
from byline._display import render_html
from byline._export import Tables, to_arrow, to_pandas
from byline._gazetteer import Gazetteer, GazetteerEntry
from byline._pipeline import Pipeline
from byline.errors import ArgumentTypeError, BylineError, GazetteerError, InputError
from byline.report import Report, report

__version__: str = _byline.__version__

__all__ = [
    "ArgumentTypeError",
    "BylineError",
    "Document",
    "Entity",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerError",
    "InputError",
    "Pipeline",
    "Quote",
    "Report",
    "Span",
    "Speaker",
    "Tables",
    "Token",
    "__version__",
    "annotate_arrow",
    "render_html",
    "report",
    "to_arrow",
    "to_pandas",
]

if hasattr(_os, "register_at_fork"):
    # The parent's worker threads do not exist in a forked child: start new pools there.
    _os.register_at_fork(after_in_child=_byline._after_fork_in_child)
