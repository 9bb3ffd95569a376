"""Political parties (Party Facts, the core list and the Factbook)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .model import Gazetteer
from .orgnames import org_alias_ok
from .text import clean, is_latin_name, qid_of, read_csv


def party_weight(row) -> float:
    """0.45 for a party without votes up to 0.75 for one with half of them;
    a party dissolved before 2000 loses 0.1."""
    try:
        share = float(row["share"]) if row and row["share"] else 0.0
    except ValueError:
        share = 0.0
    weight = 0.45 + 0.3 * min(share, 50.0) / 50.0
    year_last = (row or {}).get("year_last") or ""
    if year_last.isdigit() and int(year_last) < 2000:
        weight -= 0.1
    return round(weight, 4)


def add_parties(gaz: Gazetteer, src: Path):
    """Political parties: Party Facts rows with a Wikidata id (English name),
    then parties of the core list without one, then the Factbook lines."""
    pf = src / "people_orgs" / "partyfacts"
    taken = gaz.aliases()
    with_id = set()
    core = {row["partyfacts_id"]: row for row in read_csv(pf / "partyfacts-core-parties.csv")}
    for row in read_csv(pf / "wikidata.csv"):
        qid = qid_of(row["wikidata_id"])
        names = [row["name"]]
        native = clean(row["name_native"] or "")
        if native and is_latin_name(native) and len(native.split()) >= 2:
            names.append(native)
        names = [n for n in map(clean, names) if n and org_alias_ok(n, gaz, taken, strict=False)]
        if not names or not qid:
            continue
        gaz.add(qid, names[0], "ORG", names[1:], party_weight(core.get(row["partyfacts_id"])),
                "partyfacts", description="political party")
        with_id.add(row["partyfacts_id"])
    for row in read_csv(pf / "partyfacts-core-parties.csv"):
        if row["partyfacts_id"] in with_id:
            continue
        names = [row["name_english"], row["name"]]
        names = [clean(n) for n in names if n and "/" not in n and "(" not in n]
        names = [n for n in names if " " in n and org_alias_ok(n, gaz, taken)]
        if names:
            gaz.add(None, names[0], "ORG", names[1:], party_weight(row) - 0.05, "partyfacts",
                    description="political party")
    with (src / "people_orgs" / "factbook" / "parties_raw.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            import html

            for line in html.unescape(row["text"]).splitlines():
                line = re.sub(r"\([^)]*\)", " ", line.strip().strip('"'))
                name = clean(re.split(r"\bor\b|;|\[", line)[0])
                if len(name.split()) < 2 or not org_alias_ok(name, gaz, taken):
                    continue
                known = gaz.find("ORG", name)
                if known:
                    continue
                gaz.add(None, name, "ORG", [], 0.5, "factbook", description="political party")
