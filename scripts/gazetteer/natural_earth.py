"""Natural Earth populated places (capitals and large cities, with Wikidata and GeoNames ids;
a partial transcription, so each id is checked against the other sources)."""

from __future__ import annotations

import csv
from pathlib import Path


def places(src: Path) -> list[dict]:
    """The rows of places.tsv, with `geonameid` as an int (or None) and `pop_max` as an int."""
    out = []
    with (src / "natural_earth_places" / "places.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            gid = int(row["geonameid"]) if row["geonameid"].lstrip("-").isdigit() else -1
            row["geonameid"] = gid if gid > 0 else None
            row["pop_max"] = int(float(row["pop_max"] or 0))
            out.append(row)
    return out


def add_natural_earth(gaz, src: Path):
    """Natural Earth's names join the entries that have their ids ("New York" joins New York
    City Q60), with a weight for the population; a place no other source has is added."""
    from .cities import city_weight

    for p in places(src):
        qid, name = p["wikidataid"], p["name"]
        capital = p["featurecla"].startswith("Admin-0 capital")
        weight = max(city_weight(p["pop_max"]), 0.85 if capital else 0.0)
        entry = gaz.get(qid, name, "GPE")
        names = [n for n in dict.fromkeys([name, p["nameascii"]]) if n]
        if entry is None:
            gaz.add(qid, name, "GPE", names[1:], weight, "natural_earth",
                    description=f"{'capital of' if capital else 'city in'} {p['adm0name']}")
            continue
        for n in names:
            gaz.add_alias(entry, n, "natural_earth")
        entry.weight = max(entry.weight, weight)
        entry.sources.add("natural_earth")
