"""Much-named entities with checked Wikidata ids (much_named_verified): news agencies and media,
international organisations, central banks, armed groups, large companies and platforms,
leaders, business people, athletes, entertainers, and a few places."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .model import Gazetteer
from .people import surname_ranks
from .text import guarded_words

PLACE_LABELS = ("GPE", "LOC")

# How prominent each kind is in news, as a weight: above every other source's entry of the
# same name, so that "Washington" is the capital and "Apple" the company.
WEIGHTS = {"head of state": 0.97, "head of government": 0.97, "city": 0.95, "territory": 0.95}
WEIGHT = 0.95


def rows(src: Path):
    """The table's rows: (qid, name, aliases, label, kind)."""
    with (src / "much_named_verified" / "entities.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            aliases = [a for a in row["aliases"].split("|") if a.strip()]
            # "Apple Inc." is "Apple", "Tesla, Inc." is "Tesla", "Meta Platforms" is "Meta":
            # the aliases give the short names; the legal form alone adds one more.
            short = re.sub(r",? (Inc\.|LLC|L\.P\.|plc)$", "", row["name"])
            if short != row["name"]:
                aliases.append(short)
            forms = {f.lower() for f in [row["name"], *aliases]}
            # "the White House" is "White House" after the article news puts before it.
            aliases = [a for a in aliases if not (a[:4].lower() == "the " and a[4:].lower() in forms)]
            yield row["qid"], row["name"], aliases, row["type"], row["kind"]


def verified_ids(src: Path) -> dict[tuple[str, str], str]:
    """(label, lower-case name or alias) -> qid, for the other sources to check against."""
    out = {}
    for qid, name, aliases, label, _ in rows(src):
        for form in [name, *aliases]:
            out[(label, form.lower())] = qid
    return out


def add_much_named(gaz: Gazetteer, src: Path):
    """Each row joins the entry that has its id, whatever the source, and takes in the entries
    of its label (any place label for a place) without an id that bear its name or one of its
    aliases. Entries of the same name with another id stay: they are other things of that
    name (the state of Washington), which the row's higher weight ranks after it."""
    ranks = surname_ranks(src)
    guarded = guarded_words()
    for qid, name, aliases, label, kind in rows(src):
        if label == "ORG":
            # One word that is also a name of people: "Ford" (a surname of the first 2,000) is
            # Gerald or Harrison as often as the company, "Bloomberg" the mayor as often as the
            # firm; the organisation keeps its longer names.
            people = {a for a in aliases for e in gaz.index.get(a.lower(), ())
                      if e.label == "PERSON" and gaz.live(e)}
            kept = [a for a in aliases if " " in a or a == name
                    or (ranks.get(a.lower(), 10**9) > 2000 and a not in people)]
            for a in sorted(set(aliases) - set(kept)):
                gaz.dropped[f"much_named: one-word alias is a person's name ({a})"] += 1
            aliases = kept
        weight = WEIGHTS.get(kind, WEIGHT)
        forms = {f.lower() for f in [name, *aliases]}
        entry = gaz.add(qid, name, label, aliases, weight, "much_named", description=kind)
        if entry is None:
            continue
        if label not in PLACE_LABELS:
            entry.description = kind  # a place keeps the fuller "capital of France"
        # The smart case mode guards the common words among the aliases better than the exact
        # mode ("Apple pie is tasty." is not the company): where the matcher knows every such
        # word, the entry takes it.
        common = {a.lower() for a in entry.aliases if " " not in a and gaz.is_common(a)}
        if entry.case == "exact" and common and common <= guarded:
            entry.case = None
        # Entries without an id that bear the name join: for a place only those named exactly
        # so (the city of Gaza is not the Gaza Strip), for others any of the row's names.
        names = {name.lower()} if label in PLACE_LABELS else forms
        for other_label in PLACE_LABELS if label in PLACE_LABELS else (label,):
            for form in sorted(names):
                for other in list(gaz.index.get(form, [])):
                    if (other is not entry and other.label == other_label and not other.id
                            and gaz.live(other) and other.name.lower() in names):
                        gaz.merge(other, entry, "much_named")
