#!/usr/bin/env python3
"""Builds src/lowercase_words.rs: words that English prose writes in lower case mid-sentence.

After an abbreviation that may end a sentence (`U.S.`, `a.m.`, `Inc.`), a capitalised word that is
usually written in lower case (`Officials`, `Police`) opens a new sentence, while one that is often
capitalised mid-sentence (`Army`, `Senate`, `Eastern`) belongs to a name. This is Punkt's
orthographic heuristic; the counts come from openly licensed text:

- LitBank (CC BY 4.0; texts public domain): 100 novels and stories, one sentence a line.
- GUM train, academic, court, news and interview documents (CC BY 4.0 and CC BY 2.5).
- Broad Twitter Corpus (CC BY 4.0): 9,340 tweets, many of them news.

Words that the CC0 name lists of the gazetteer sources capitalise at least twice (agencies,
congressional committees: `Senate`, `Finance`, `Health`) are left out, and so are a few heads of
institution names that those lists do not cover (NAME_HEADS below).

A word is kept when it is alphabetic, seen in lower case at least MIN_LOWER times, and capitalised
after a lower-case word or a comma at most once per CAP_RATIO lower-case uses.

Usage: python3 crates/byline-tokenize/data/build_lowercase_words.py [--shared DIR]
"""

from __future__ import annotations

import argparse
import collections
import csv
import glob
import os
import re
from pathlib import Path

CRATE = Path(__file__).resolve().parents[1]
MIN_LOWER = 2
CAP_RATIO = 10
WORD = re.compile(r"[A-Za-z][a-z]+")
# Heads of institution names and titles that follow a country or an abbreviation in news
# (`U.S. Army`, `U.S. Attorney`, `U.S. Northeast`): capitalised there more often than the
# counts, mostly from fiction, show.
NAME_HEADS = frozenset(
    [
        "army",
        "navy",
        "marine",
        "marines",
        "air",
        "force",
        "forces",
        "guard",
        "embassy",
        "consulate",
        "government",
        "military",
        "treasury",
        "mint",
        "capitol",
        "census",
        "customs",
        "border",
        "bureau",
        "agency",
        "department",
        "ministry",
        "parliament",
        "congress",
        "assembly",
        "council",
        "court",
        "courts",
        "commission",
        "committee",
        "senate",
        "house",
        "party",
        "open",
        "league",
        "cup",
        "championship",
        "bank",
        "exchange",
        "university",
        "college",
        "institute",
        "academy",
        "hospital",
        "church",
        "cathedral",
        "airport",
        "station",
        "bridge",
        "river",
        "lake",
        "mountain",
        "mountains",
        "island",
        "islands",
        "street",
        "avenue",
        "road",
        "square",
        "park",
        "tower",
        "hall",
        "center",
        "centre",
        "museum",
        "gallery",
        "library",
        "theatre",
        "theater",
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "news",
        "press",
        "daily",
        "weekly",
        "gazette",
        "chronicle",
        "review",
        "magazine",
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "pacific",
        "atlantic",
        "standard",
        "time",
        "chamber",
        "foundation",
        "association",
        "society",
        "union",
        "federation",
        "fund",
        "reserve",
        "service",
        "office",
        "administration",
        "authority",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "midwest",
        "attorney",
        "representative",
        "commissioner",
        "envoy",
        "chief",
        "mayor",
        "minister",
        "ambassador",
        "secretary",
        "senator",
        "general",
        "judge",
        "director",
        "father",
        "mother",
        "brother",
        "sister",
    ]
)


def count(shared: Path):
    lower: collections.Counter[str] = collections.Counter()
    capmid: collections.Counter[str] = collections.Counter()

    def sentence(tokens: list[str]) -> None:
        prev = ""
        for t in tokens:
            if WORD.fullmatch(t):
                if t[0].islower():
                    lower[t] += 1
                elif (
                    prev == ","
                    or prev == ";"
                    or (prev[:1].islower() and prev.isalpha())
                ):
                    capmid[t.lower()] += 1
            prev = t

    training = shared / "data" / "training"
    for path in sorted(glob.glob(str(training / "litbank/entities/brat/*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                sentence(line.split())
    genres = ("_academic_", "_court_", "_news_", "_interview_")
    for path in sorted(glob.glob(str(training / "gum/dep/*.conllu"))):
        if not any(g in path for g in genres):
            continue
        tokens: list[str] = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                if not line.strip():
                    sentence(tokens)
                    tokens = []
                    continue
                cols = line.split("\t")
                if "-" not in cols[0] and "." not in cols[0]:
                    tokens.append(cols[1])
        sentence(tokens)
    for name in ("btc.train", "btc.dev", "btc.test"):
        tokens = []
        with open(
            training / "broad_twitter_corpus/train_dev_test_conll" / name,
            encoding="utf-8",
        ) as f:
            for line in f:
                if not line.strip():
                    sentence(tokens)
                    tokens = []
                else:
                    tokens.append(line.split("\t")[0])
        sentence(tokens)
    return lower, capmid


def name_words(shared: Path) -> collections.Counter[str]:
    """Capitalised words of CC0 organisation names, with how often each occurs."""
    names: list[str] = []
    sources = shared / "data" / "gazetteer-sources"
    with open(sources / "much_named_verified/entities.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            names.append(row["name"])
            names += [a for a in row["aliases"].split("|") if a]
    for name in ("committees-current.yaml", "committees-historical.yaml"):
        with open(sources / "us_congress_legislators" / name, encoding="utf-8") as f:
            names += re.findall(r"^\s*-?\s*name: (.+)$", f.read(), re.MULTILINE)
    out: collections.Counter[str] = collections.Counter()
    for n in names:
        for w in re.findall(r"\b[A-Z][a-z]+\b", n):
            out[w.lower()] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(os.environ.get("BYLINE_SHARED", CRATE.parents[2] / "shared"))
    ap.add_argument("--shared", type=Path, default=default)
    args = ap.parse_args()
    lower, capmid = count(args.shared)
    names = name_words(args.shared)
    words = sorted(
        w
        for w, n in lower.items()
        if n >= MIN_LOWER
        and capmid[w] * CAP_RATIO <= n
        and names[w] < 2
        and w not in NAME_HEADS
    )
    out = CRATE / "src" / "lowercase_words.rs"
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            "//! Words that English prose writes in lower case mid-sentence, sorted; built by\n"
            "//! `data/build_lowercase_words.py` from LitBank and GUM (see NOTICE). Do not edit.\n\n"
            "/// Sorted, lower-case, ASCII.\n"
            "#[rustfmt::skip]\n"
            "pub(crate) static WORDS: &[&str] = &[\n"
        )
        line = ""
        for w in words:
            item = f'"{w}",'
            if len(line) + len(item) + 1 > 96:
                f.write(line.rstrip() + "\n")
                line = ""
            line += item + " "
        if line:
            f.write(line.rstrip() + "\n")
        f.write("];\n")
    print(f"{out}: {len(words)} words")


if __name__ == "__main__":
    main()
