"""Sanctioned organisations of the OFAC SDN list."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from .model import Gazetteer
from .orgnames import caps_to_title, org_alias_ok, strip_legal_form
from .people import title_case
from .text import clean, read_csv

OFAC_PROGRAMS_ACRONYMS = ("SDGT", "FTO", "IRGC", "NPWMD", "RUSSIA", "DPRK", "UKRAINE")


def add_ofac_entities(gaz: Gazetteer, src: Path):
    """Sanctioned organisations (OFAC SDN, type entity) with their aliases,
    title-cased. An entity that names an organisation already known (Party
    Facts' Hamas) joins it. Aliases of one word must pass the same tests as
    any organisation alias; acronyms are kept only for terrorism and
    proliferation programmes, in exact case."""
    folder = src / "people_orgs" / "ofac_sdn"
    taken = gaz.aliases()
    names: dict[str, list[str]] = defaultdict(list)
    programs: dict[str, str] = {}
    for row in read_csv(folder / "sdn_2023-11.csv"):
        if row["Type"].strip() != "-0-":
            continue
        programs[row["ID"]] = row["Country"]
        names[row["ID"]].append(row["Name"])
    with (folder / "alt_2026-06.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) >= 4 and row[0] in programs and row[2].strip() in ("aka", "fka", "nka"):
                names[row[0]].append(row[3])
    for ent in sorted(names, key=int):
        terror = any(p in programs[ent] for p in OFAC_PROGRAMS_ACRONYMS[:3])
        forms = []
        for raw in names[ent]:
            raw = clean(raw.split(",")[0] if raw.count(",") == 1 and not re.search(
                r",\s*(LTD|LLC|INC|S\.A|CO|LIMITED)", raw, re.IGNORECASE) else raw)
            if not raw or ";" in raw:
                continue
            if re.fullmatch(r"[A-Z]{2,6}", raw.replace("-", "")):
                if terror and len(raw) >= 3 and raw.lower() not in gaz.common:
                    forms.append(raw)
                continue
            form = caps_to_title(raw) if raw.isupper() else raw
            form = form.replace(" ,", ",").rstrip(",")
            if "," in form:
                continue
            short = strip_legal_form(form)
            for f2 in (form, short) if " " in short or terror else (form,):
                if org_alias_ok(f2, gaz, taken) and f2 not in forms:
                    forms.append(f2)
        long_forms = [f for f in forms if not f.isupper()]
        if not long_forms:
            continue
        known = None
        acronyms = [title_case(f) for f in forms if f.isupper() and len(f) >= 4]
        for f in long_forms + acronyms:
            known = gaz.find("ORG", f, with_id=True)
            if known:
                break
        if known:
            for f in forms:
                gaz.add_alias(known, f, "ofac_sdn")
            known.sources.add("ofac_sdn")
        else:
            gaz.add(None, long_forms[0], "ORG", forms, 0.8 if terror else 0.4, "ofac_sdn",
                    description="sanctioned organisation")
