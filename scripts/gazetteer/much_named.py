"""Much-named entities with checked Wikidata ids (much_named_verified): news agencies and media,
international organisations, central banks, armed groups, large companies and platforms,
leaders, business people, athletes, entertainers, and a few places."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .model import Gazetteer

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
    for qid, name, aliases, label, kind in rows(src):
        weight = WEIGHTS.get(kind, WEIGHT)
        forms = {f.lower() for f in [name, *aliases]}
        entry = gaz.add(qid, name, label, aliases, weight, "much_named", description=kind)
        if entry is None:
            continue
        if label not in PLACE_LABELS:
            entry.description = kind  # a place keeps the fuller "capital of France"
        # Entries without an id that bear the name join: for a place only those named exactly
        # so (the city of Gaza is not the Gaza Strip), for others any of the row's names.
        names = {name.lower()} if label in PLACE_LABELS else forms
        for other_label in PLACE_LABELS if label in PLACE_LABELS else (label,):
            for form in sorted(names):
                for other in list(gaz.index.get(form, [])):
                    if (other is not entry and other.label == other_label and not other.id
                            and gaz.live(other) and other.name.lower() in names):
                        gaz.merge(other, entry, "much_named")
