"""Companies listed with the US SEC (sec_company_tickers): names and a rank that follows market
value; no ids. A rank gives a known company its weight, and names the largest ones that no other
source has."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

from .model import Gazetteer
from .orgnames import caps_to_title, org_alias_ok, strip_legal_form
from .text import clean

# Ranks past this are too small for news to name them often.
TOP = 1000
SUFFIX = re.compile(r"\s*/[A-Z]{2,4}/?$|\s+(COM|NEW|THE|DEL|DE)$")


def sec_weight(rank: int) -> float:
    """0.75 for the first rank down to 0.4 at TOP, on a log scale."""
    return round(0.75 - 0.35 * math.log10(max(rank, 1)) / math.log10(TOP), 4)


def short_name(registered: str) -> str:
    """'AMAZON COM INC' -> 'Amazon'; 'MICROSOFT CORP' -> 'Microsoft'; 'Walmart Inc.' -> 'Walmart'."""
    name = registered.strip()
    for _ in range(3):
        name = SUFFIX.sub("", strip_legal_form(name.rstrip(",. ")))
    if name.isupper() or name.islower():
        name = caps_to_title(name)
    return clean(name)


def add_sec_companies(gaz: Gazetteer, src: Path):
    taken = gaz.aliases()
    seen: set[str] = set()
    with (src / "sec_company_tickers" / "company_tickers.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            rank = int(row["rank"])
            if rank > TOP or row["cik"] in seen:
                continue
            seen.add(row["cik"])
            name = short_name(row["name"])
            weight = sec_weight(rank)
            description = f"company listed on {row['exchange']} ({row['ticker']})"
            known = [e for e in gaz.index.get(name.lower(), [])
                     if e.label == "ORG" and gaz.live(e)]
            if known:
                for entry in known:
                    entry.weight = max(entry.weight, weight)
                    entry.sources.add("sec")
                    if entry.description in (None, "company", "brand"):
                        entry.description = description
                continue
            if org_alias_ok(name, gaz, taken):
                gaz.add(None, name, "ORG", [], weight, "sec", description=description)
            else:
                gaz.dropped["sec: short name is a common word or taken"] += 1
