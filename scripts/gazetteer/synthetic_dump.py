"""A synthetic Wikidata JSON dump in the official format, for measuring the dump reader.

    python3 -m gazetteer.synthetic_dump 1000000 synthetic.json.gz   # from scripts/

Entities look like the dump's: labels, descriptions and aliases in several languages, claims
with P31 and other statements, sitelinks; one in five is of a class the reader keeps (people,
companies, cities), the others are of classes it skips (scholarly articles, taxa, ...).
"""

from __future__ import annotations

import gzip
import json
import random
import sys

LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "ru", "ja", "zh", "pt", "sv"]
KEPT = [("Q5", None), ("Q4830453", None), ("Q515", "P1082"), ("Q7278", None)]
SKIPPED = ["Q13442814", "Q16521", "Q4167836", "Q7187", "Q482994", "Q79007"]


def snak(prop: str, value: dict, kind: str, datatype: str, rng: random.Random) -> dict:
    return {"mainsnak": {"snaktype": "value", "property": prop,
                         "hash": f"{rng.getrandbits(160):040x}",
                         "datavalue": {"value": value, "type": kind}, "datatype": datatype},
            "type": "statement", "id": f"Q1${rng.getrandbits(64):016X}", "rank": "normal"}


def item_value(qid: str) -> dict:
    return {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}


def entity(n: int, rng: random.Random) -> dict:
    qid = f"Q{n + 1}"
    keep = rng.random() < 0.2
    cls, prop = rng.choice(KEPT) if keep else (rng.choice(SKIPPED), None)
    name = f"Name{n} {rng.choice(['Alpha', 'Beta', 'Gamma', 'Delta'])}"
    langs = rng.sample(LANGS, rng.randint(2, len(LANGS)))
    if "en" not in langs:
        langs.append("en")
    claims = {"P31": [snak("P31", item_value(cls), "wikibase-entityid", "wikibase-item", rng)]}
    for p in ("P17", "P131", "P361", "P279"):
        if rng.random() < 0.5:
            claims[p] = [snak(p, item_value(f"Q{rng.randint(1, 10**7)}"), "wikibase-entityid",
                              "wikibase-item", rng)]
    if prop:
        claims[prop] = [snak(prop, {"amount": f"+{rng.randint(1000, 5 * 10**6)}", "unit": "1"},
                             "quantity", "quantity", rng)]
    sites = rng.sample(LANGS, rng.randint(0, len(LANGS)) if keep else rng.randint(0, 2))
    return {
        "type": "item", "id": qid,
        "labels": {lang: {"language": lang, "value": name} for lang in langs},
        "descriptions": {lang: {"language": lang, "value": f"description {n} in {lang}"}
                         for lang in langs},
        "aliases": {"en": [{"language": "en", "value": f"N{n} {rng.choice(['A', 'B'])}"}]},
        "claims": claims,
        "sitelinks": {f"{lang}wiki": {"site": f"{lang}wiki", "title": name, "badges": []}
                      for lang in sites},
        "lastrevid": rng.randint(10**8, 2 * 10**9),
    }


def write(count: int, path: str, seed: int = 1) -> None:
    rng = random.Random(seed)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        f.write("[\n")
        for n in range(count):
            end = ",\n" if n + 1 < count else "\n"
            f.write(json.dumps(entity(n, rng), separators=(",", ":"), ensure_ascii=False) + end)
        f.write("]\n")


if __name__ == "__main__":
    write(int(sys.argv[1]), sys.argv[2])
