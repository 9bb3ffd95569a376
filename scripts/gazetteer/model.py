"""The gazetteer being built: entries keyed by label and id (or name), merged as sources add them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .text import FORBIDDEN, LABELS, SEEN_LOWER, SOURCE_NAMES, clean, title_phrase


class Entry:
    __slots__ = ("aliases", "case", "description", "id", "key", "label", "name", "sources",
                 "weight")

    def __init__(self, id_, name, label, weight, source):
        self.key = (label, id_ or name.lower())
        self.id = id_
        self.name = name
        self.label = label
        self.aliases: dict[str, None] = {}
        self.weight = weight
        self.case = None
        self.description = None
        self.sources = {source}


class Gazetteer:
    """Entries keyed by (label, id) when an id is known, else (label, name)."""

    def __init__(self, common: set[str]):
        self.entries: dict[tuple[str, str], Entry] = {}
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.common = common
        self.dropped: Counter[str] = Counter()
        # (rule, what was found, how it was resolved), printed by the build.
        self.conflicts: list[tuple[str, str, str]] = []

    def conflict(self, rule: str, found: str, resolved: str):
        """Record a disagreement between sources and how a rule resolved it."""
        self.conflicts.append((rule, found, resolved))

    def live(self, entry) -> bool:
        """Whether `entry` is still in the gazetteer (not merged into another)."""
        return self.entries.get(entry.key) is entry

    def absorb_unlinked(self, entry, source: str, names=None):
        """Merge into `entry` (which has an id) the entries of its label without an id whose
        name is one of `names` (default: the entry's aliases): "Reuters" from the curated
        table joins Reuters Q130879. Returns how many were merged."""
        merged = 0
        wanted = {a.lower() for a in (names if names is not None else entry.aliases)}
        for low in sorted(wanted):
            for other in list(self.index.get(low, [])):
                if (other is entry or other.label != entry.label or other.id
                        or not self.live(other) or other.name.lower() not in wanted):
                    continue
                self.merge(other, entry, source)
                merged += 1
        return merged

    def merge(self, other, entry, source: str):
        """Move `other`'s aliases, weight, case, description and sources into `entry`."""
        for alias in other.aliases:
            self.add_alias(entry, alias, source)
        entry.weight = max(entry.weight, other.weight)
        entry.sources |= other.sources
        if other.case:
            entry.case = other.case
        if entry.description is None:
            entry.description = other.description
        del self.entries[other.key]

    def acceptable(self, alias: str) -> bool:
        low = alias.lower()
        if low in FORBIDDEN or len(alias) < 2:
            return False
        return any(ch.isalpha() for ch in alias)

    def is_common(self, alias: str) -> bool:
        """A single word that is also an everyday English word, or an
        all-caps acronym that is one ("US", "WHO", "AND")."""
        return alias.lower() in self.common

    def aliases(self) -> set[str]:
        """Every alias so far, lower-cased."""
        return {a for a, es in self.index.items() if es}

    def find(self, label, alias, with_id=False):
        """The one entry of this label with this alias (any case), else None."""
        low = alias.lower()
        found = {id(e): e for e in self.index.get(low, []) if e.label == label
                 and (e.id or not with_id) and self.entries.get(e.key) is e}
        return next(iter(found.values())) if len(found) == 1 else None

    def get(self, id_, name, label):
        key = (label, id_ or name.lower())
        return self.entries.get(key)

    def add(self, id_, name, label, aliases, weight, source, case=None, description=None):
        """Add an entry or merge aliases into an existing one; return it or
        None when the name itself is not acceptable."""
        assert label in LABELS, label
        name = clean(re.sub(r"\s*\([^)]*\)", " ", name))
        if not self.acceptable(name):
            self.dropped[source + ": name"] += 1
            return None
        key = (label, id_ or name.lower())
        entry = self.entries.get(key)
        if entry is None:
            entry = Entry(id_, name, label, weight, source)
            self.entries[key] = entry
        else:
            entry.weight = max(entry.weight, weight)
            entry.sources.add(source)
        for alias in [name, *aliases]:
            self.add_alias(entry, alias, source)
        if case:
            entry.case = case
        if description and entry.description is None:
            entry.description = description
        return entry

    def add_alias(self, entry, alias, source):
        alias = clean(alias)
        if not alias or alias in entry.aliases:
            return
        if (not self.acceptable(alias) or (" " in alias and title_phrase(alias))
                or any(ch in alias for ch in '()",“”„«»') or len(alias) > 80):
            self.dropped[source + ": forbidden alias"] += 1
            return
        entry.aliases[alias] = None
        self.index[alias.lower()].append(entry)
        if ((alias.isupper() and len(alias) <= 5) or self.is_common(alias)
                or alias.lower() in SEEN_LOWER):
            entry.case = "exact"  # "Mentor", "Polish", "Turkey"
        elif " " in alias and (alias.startswith("The ") or all(
                w.lower() in self.common or w.lower() in SEEN_LOWER for w in alias.split(" "))):
            entry.case = "exact"  # "White House", "Democratic Party", "The Guardian"

    def finish(self):
        rows = []
        for entry in self.entries.values():
            if not entry.aliases:
                continue
            if entry.name not in entry.aliases:  # too long or dropped: the first kept alias
                entry.name = next(iter(entry.aliases))
            row = {
                "id": entry.id,
                "name": entry.name,
                "label": entry.label,
                "aliases": sorted(entry.aliases, key=lambda a: (a.lower(), a)),
                "weight": round(entry.weight, 4),
            }
            if entry.case:
                row["case"] = entry.case
            if entry.description:
                row["description"] = entry.description
            unknown = entry.sources - SOURCE_NAMES.keys()
            if unknown:
                raise ValueError(f"{entry.name!r}: source {sorted(unknown)} not in SOURCE_NAMES")
            row["source"] = ", ".join(n for k, n in SOURCE_NAMES.items() if k in entry.sources)
            rows.append(row)
        rows.sort(key=lambda r: (r["label"], r["name"].lower(), r["name"], r["id"] or ""))
        return rows
