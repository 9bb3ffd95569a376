"""Helpers for the names of organisations: legal forms, case, which aliases are safe."""

from __future__ import annotations

import re

from .model import Gazetteer
from .people import title_case
from .text import (
    FIRST_NAMES,
    SEEN_LOWER,
    SURNAMES,
    clean,
    looks_like_name,
    title_phrase,
)

LEGAL_FORMS = {
    "llc", "ltd", "ltd.", "limited", "inc", "inc.", "corp", "corp.", "co", "co.",
    "plc", "ag", "sa", "s.a.", "s.a", "nv", "n.v.", "se", "spa", "s.p.a.", "gmbh",
    "jsc", "ojsc", "pjsc", "cjsc", "oao", "zao", "ooo", "fze", "fzco", "fzc", "fzd",
    "s.a.l.", "sal", "pte", "pte.", "bhd", "bhd.", "sdn", "ab", "asa", "a/s", "oy",
    "oyj", "kg", "bv", "b.v.", "c.a.", "s.r.l.", "srl", "l.l.c.", "dmcc", "llp",
    "lp", "l.p.", "sarl", "s.a.r.l.", "ltda", "ltda.", "de", "c.v.", "s.a.c.",
    "jv", "pt", "tbk", "group", "holding", "holdings", "company",
}


GENERIC_ORG_WORDS = {"group", "holding", "holdings", "company", "de"}


def caps_to_title(name: str) -> str:
    """'JOINT STOCK COMPANY SALUTE' -> 'Joint Stock Company Salute'; legal
    forms and short acronyms keep their capitals ('LLC', 'JSC', 'IRGC')."""
    out = []
    for i, tok in enumerate(name.split()):
        bare = tok.strip(".,()").lower()
        if bare in LEGAL_FORMS and (len(bare) <= 4 or "." in bare) and bare != "de":
            out.append(tok)
        elif i > 0 and bare in {"of", "and", "the", "for", "in", "on", "de", "la",
                                "del", "al", "el", "des", "du", "y", "e"}:
            out.append(tok.lower())
        elif len(bare) <= 4 and not re.search(r"[AEIOUY]", tok.upper().strip(".,()")):
            out.append(tok)  # no vowel: an acronym
        else:
            out.append(title_case(tok))
    return clean(" ".join(out))


def strip_legal_form(name: str) -> str:
    """'Aegon N.V.' -> 'Aegon'; 'ABC Trading LLC' -> 'ABC Trading'."""
    tokens = name.replace(",", " ").split()
    while len(tokens) > 1 and tokens[-1].lower() in LEGAL_FORMS - GENERIC_ORG_WORDS:
        tokens.pop()
    return " ".join(tokens)


def significant_words(name: str, gaz: Gazetteer) -> int:
    """Words of a name that are not common English words."""
    return sum(1 for w in re.split(r"[ \-]", name)
               if w and w.lower().strip(".'’") not in gaz.common)


def org_alias_ok(alias: str, gaz: Gazetteer, taken: set[str], strict: bool = True) -> bool:
    """An organisation alias that will not fire on prose: two words or more
    with one that is not a common word (with an id from the source, two
    capitalised words are enough: "Democratic Party"), or one uncommon word
    of four letters or more that is no first name, no frequent surname, no
    other alias. "The X" is judged as X."""
    if alias.startswith("The ") and len(alias.split()) >= 2:
        alias = alias[4:]
        if " " not in alias and (alias.lower() in taken or alias.lower() in SEEN_LOWER):
            return False
    words = alias.split()
    if not looks_like_name(alias) and not re.fullmatch(r"[A-Z0-9&\-. ]+", alias):
        return False
    if len(words) >= 2:
        # "Law and Justice", "Democratic Party" are names; "Foreign Minister"
        # and "Deputy Prime Minister" are titles.
        return not title_phrase(alias) and (
            significant_words(alias, gaz) >= 1
            or (not strict and sum(1 for w in words if w[:1].isupper()) >= 2
                and (len(words) >= 3 or words[-1].lower() in PARTY_WORDS)))
    low = alias.lower()
    if re.search(r"[a-z](tion|sion|ence|ance|ment|ness|ity|ism|ship|ing|ful|less|ous|ive|able"
                 r"|ible|ness)$", alias):
        return False  # an English word ("Coexistence"), whatever its case
    return (len(alias) >= 4 and low not in gaz.common and low not in FIRST_NAMES
            and low not in taken and low not in SURNAMES)
PARTY_WORDS = {"party", "front", "alliance", "union", "league", "movement", "congress",
               "coalition", "rally", "bloc", "democrats", "republicans", "socialists",
               "greens", "conservatives", "liberals"}
