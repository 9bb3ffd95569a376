"""Countries and demonyms (country_codes, mledoze_countries, rigour)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from .model import Entry, Gazetteer
from .text import SEEN_LOWER, clean, is_latin_name, plural_demonym, qid_of, read_csv


def add_countries(gaz: Gazetteer, src: Path):
    """Countries (country_codes, mledoze, rigour) and their demonyms
    (mledoze, i18n-nationality) as NORP entries carrying the country's id."""
    by_cca2: dict[str, Entry] = {}
    for row in read_csv(src / "country_codes" / "country-codes.csv"):
        code = row["ISO3166-1-Alpha-2"]
        qid = qid_of(row["wikidata_id"])
        name = row["CLDR display name"] or row["official_name_en"]
        if not code or not name:
            continue
        aliases = [row["official_name_en"], row["CLDR display name"]]
        short = re.sub(r"\s*\((the)\)\s*|\s*\*$", "", row["UNTERM English Short"]).strip()
        if short and "(" not in short:
            aliases.append(short)
        # CLDR display names are short forms ("UK", "US"); prefer a spelled name.
        if name.isupper():
            name = row["official_name_en"] if len(row["official_name_en"]) < 30 else name
        weight = 1.0 if row["is_independent"] == "Yes" else 0.8
        entry = gaz.add(qid, name, "GPE", [a for a in aliases if a and "," not in a
                                             and "(" not in a], weight, "country_codes",
                        description="country" if weight == 1.0 else "territory")
        if entry:
            by_cca2[code] = entry

    # Countries the ISO list lacks (Kosovo), from rigour, with their ids.
    with (src / "rigour" / "data.jsonl").open(encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            if (not c.get("is_country") or c.get("is_historical") or not c.get("qid")
                    or "(" in c["name"] or gaz.get(c["qid"], c["name"], "GPE")):
                continue
            if c.get("code", "").upper() in by_cca2:
                continue
            entry = gaz.add(c["qid"], c["name"], "GPE", [], 0.8, "rigour",
                            description="country")
            if entry and c.get("code"):
                by_cca2[c["code"].upper()] = entry

    countries = json.loads((src / "mledoze_countries" / "countries.json").read_text("utf-8"))
    demonyms: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        entry = by_cca2.get(c["cca2"])
        if entry is None:
            continue
        names = [c["name"]["common"], c["name"]["official"], *c.get("altSpellings", [])]
        for alias in names:
            alias = clean(alias)
            if alias.upper() == alias and len(alias) == 2 and alias not in ("US", "UK"):
                continue  # two-letter codes other than US/UK are not names in news
            if "," in alias or not is_latin_name(alias):
                continue
            if " " not in alias and alias != c["name"]["common"] and (
                    gaz.is_common(alias) or alias.lower() in SEEN_LOWER):
                continue  # "Island" is Iceland in Icelandic, an English word
            gaz.add_alias(entry, alias, "mledoze")
        if clean(c["name"]["common"]) in entry.aliases:
            entry.name = clean(c["name"]["common"])
        eng = c.get("demonyms", {}).get("eng", {})
        for form in (eng.get("m"), eng.get("f")):
            if form:
                demonyms[c["cca2"]].add(clean(form))

    nat = json.loads((src / "npm_small" / "i18n-nationality-en.json").read_text("utf-8"))
    for code, form in nat["nationalities"].items():
        entry = by_cca2.get(code)
        if entry is None or any(ch in form for ch in "(),") or " " in form:
            continue
        if form in entry.aliases or form.endswith("s"):
            continue
        demonyms[code].add(form)

    for code, extra in COUNTRY_ALIASES.items():
        for alias in extra:
            gaz.add_alias(by_cca2[code], alias, "curated")
    for code, extra in DEMONYMS.items():
        demonyms[code].update(extra)
    for code, forms in sorted(demonyms.items()):
        country = by_cca2[code]
        for form in DEMONYMS.get(code, ()):
            # "Saudi" is said of people; the country is "Saudi Arabia".
            if form in country.aliases and form != country.name:
                del country.aliases[form]
        aliases = []
        for form in sorted(forms):
            if form in country.aliases or not is_latin_name(form) or " or " in form:
                continue
            aliases.append(form)
            plural = plural_demonym(form)
            if plural:
                aliases.append(plural)
        if aliases:
            extra = set(DEMONYMS.get(code, ()))
            main = min(aliases, key=lambda a: (a in extra, a.endswith("s"), len(a), a))
            gaz.add(country.id, main, "NORP", aliases, country.weight, "mledoze",
                    description=f"people of {country.name}")


# Names news uses for countries that the country lists lack.
COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "America"],
    "GB": ["Britain", "U.K."],
    "TR": ["Turkey"],
}
# Demonyms the lists lack, mostly plurals that are not the singular + s.
DEMONYMS = {
    "SA": ["Saudi", "Saudis"],
    "GB": ["Briton", "Britons"],
    "TR": ["Turk", "Turks"],
    "PL": ["Poles"],
    "SE": ["Swede", "Swedes"],
    "DK": ["Danes"],
    "FI": ["Finns"],
    "ES": ["Spaniard", "Spaniards"],
    "NL": ["Dutchman", "Dutchmen"],
    "FR": ["Frenchman", "Frenchmen"],
    "CN": ["Chinese"],
    "IL": ["Israeli", "Israelis"],
}
