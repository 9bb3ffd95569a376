"""Everyday English words, counted in the reference texts beside the sources."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from .text import (
    CALENDAR,
    CAPITALISED,
    CAPITALISED_PHRASES,
    FORBIDDEN,
    LOWER,
    SEEN_LOWER,
    fold,
)


def common_words(shared: Path) -> set[str]:
    """Lower-case forms of words that news prose uses as ordinary words: seen
    at least twice in lower case in PolNeAR and the English web treebank, and
    in lower case at least a fifth as often as capitalised inside a sentence
    ("may", "reading", "nice" are common; "trump", "turkey" are not)."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    texts = []
    for rel in ("quotes/polnear/train.jsonl", "quotes/polnear/dev.jsonl",
                "ud/ewt_dev.par.jsonl", "ud/ewt_test.par.jsonl",
                "ner/gum_news/gum_news_linked.jsonl"):
        path = shared / rel
        if path.exists():
            with path.open(encoding="utf-8") as f:
                texts.extend(json.loads(line)["text"] for line in f)
    if not texts:
        print("note: no PolNeAR or UD text found; the common-word filter is the "
              "built-in list only", file=sys.stderr)
    # Words, not parts of web addresses ("twitter.com", "@google").
    word = re.compile(r"(?<=[a-z,;] )[A-Z][a-z'’]+(?![\w@]|\.[a-z])"
                      r"|(?<![\w./@#-])[a-z][a-z'’]*(?![\w@]|\.[a-z])")
    run = re.compile(r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|del|da|do|al|el|of))*")
    for text in texts:
        for m in run.finditer(text):
            toks = fold(m.group()).replace("-", " ").split()
            for i in range(len(toks)):
                for j in range(i + 2, min(len(toks), i + 4) + 1):
                    CAPITALISED_PHRASES.add(" ".join(toks[i:j]))
        for w in word.findall(text):
            if w[0].isupper():
                upper[w.lower()] += 1
            else:
                lower[w] += 1
    words = {w for w, n in lower.items() if n >= 2 and n * 5 >= upper[w]}
    words |= {w for w in FORBIDDEN if " " not in w} | CALENDAR
    SEEN_LOWER.update(w for w, n in lower.items() if n * 50 >= upper[w])
    CAPITALISED.update(upper)
    LOWER.update(lower)
    return words
