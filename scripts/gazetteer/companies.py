"""Listed companies (pytickersymbols) and brands (cspell)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model import Gazetteer
from .orgnames import org_alias_ok, strip_legal_form
from .text import CAPITALISED, LOWER, clean, fold, looks_like_name, person_like

MAJOR_INDICES = {"DOW JONES", "NASDAQ 100", "S&P 100", "FTSE 100", "DAX", "CAC_40",
                 "EURO STOXX 50"}


def add_companies(gaz: Gazetteer, src: Path):
    """Listed companies (pytickersymbols) with the name less its legal form;
    brand names (cspell) of a shape no English word has ('PayPal', '3M')."""
    taken = gaz.aliases()
    data = json.loads((src / "pytickersymbols" / "companies.json").read_text("utf-8"))
    for c in data:
        name = clean(c["name"])
        forms = [name, strip_legal_form(name), *(c.get("akas") or [])]
        exact = False
        kept = []
        for form in dict.fromkeys(clean(f) for f in forms):
            if not form:
                continue
            if org_alias_ok(form, gaz, taken):
                kept.append(form)
            elif (" " not in form and len(form) >= 4 and not gaz.is_common(form)
                  and form.lower() not in taken and looks_like_name(form)
                  and not person_like(form) and set(c["indices"]) & MAJOR_INDICES):
                kept.append(form)  # "Apple", "Shell": a company only in this case
                exact = True
        if kept:
            gaz.add(None, kept[0], "ORG", kept[1:], 0.5, "pytickersymbols", description="company",
                    case="exact" if exact else None)
    tokens = {w.lower() for e in gaz.entries.values() for a in e.aliases
              for w in a.split() if " " in a}
    folded = {fold(a) for a in gaz.aliases()}
    for line in (src / "npm_small" / "cspell-companies.txt").read_text("utf-8").splitlines():
        word = line.strip()
        if not word or word.startswith("#") or word.lower() in taken:
            continue
        camel = re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", word)
        digits = re.fullmatch(r"(?=.*[A-Za-z])(?=.*[0-9])[A-Za-z0-9]{2,}", word)
        # A brand of one capitalised word that news text writes as a name
        # (capitalised ten times as often as not), neither a person's name
        # nor part of another name ("Google", "Huawei"; not "Baker", "Pacific").
        low = word.lower()
        brand = (re.fullmatch(r"[A-Z][a-z]{3,}", word)
                 and CAPITALISED[low] >= 2 and LOWER[low] * 10 <= CAPITALISED[low])
        if ((camel or digits or brand) and word.lower() not in gaz.common
                and not person_like(word) and fold(word) not in folded
                and word.lower() not in tokens):
            gaz.add(None, word, "ORG", [], 0.4, "cspell", case="exact", description="brand")
