"""Build the default gazetteer embedded in the byline-gazetteer crate: run every source in order,
merge, then write and check the output."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .cities import add_cities, add_city_alternates
from .common_words import common_words
from .companies import add_companies
from .countries import add_countries
from .curated import add_curated_orgs, add_curated_places, link_curated
from .model import Gazetteer
from .much_named import add_much_named
from .natural_earth import add_natural_earth
from .newspapers import add_newspapers
from .ofac import add_ofac_entities
from .parties import add_parties
from .people import add_people, surname_ranks
from .sec_companies import add_sec_companies
from .subdivisions import add_states
from .terror_groups import add_terror_groups
from .text import COMMON, DEFAULT_OUT, DEFAULT_SOURCES, FIRST_NAMES, LABELS, SURNAMES
from .universities import add_universities
from .us_agencies import add_us_agencies
from .write import check, first_names, write_outputs


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
    add_natural_earth(gaz, src)
    add_parties(gaz, src)
    add_terror_groups(gaz, src)
    add_ofac_entities(gaz, src)
    add_us_agencies(gaz, src)
    add_newspapers(gaz, src)
    add_companies(gaz, src)
    add_universities(gaz, src)
    add_curated_orgs(gaz)
    link_curated(gaz)
    add_sec_companies(gaz, src)
    add_much_named(gaz, src)
    add_city_alternates(gaz)
    return gaz


def summary(gaz: Gazetteer):
    """Entries and entries with an id, by label and by source; conflicts by rule, each listed."""
    live = [e for e in gaz.entries.values() if e.aliases]
    by_label: Counter[str] = Counter(e.label for e in live)
    ids_label: Counter[str] = Counter(e.label for e in live if e.id)
    print("entries (with id) by label: " + ", ".join(
        f"{lab} {by_label[lab]} ({ids_label[lab]})" for lab in LABELS if by_label[lab]))
    by_source: Counter[str] = Counter()
    ids_source: Counter[str] = Counter()
    for entry in live:
        for source in entry.sources:
            by_source[source] += 1
            ids_source[source] += bool(entry.id)
    print("entries (with id) by source, an entry may have several: " + ", ".join(
        f"{s} {n} ({ids_source[s]})" for s, n in sorted(by_source.items())))
    rules = Counter(rule for rule, _, _ in gaz.conflicts)
    print(f"conflicts {len(gaz.conflicts)}: " + ", ".join(
        f"rule {rule}: {n}" for rule, n in sorted(rules.items())))
    for rule, found, resolved in gaz.conflicts:
        print(f"  conflict [{rule}] {found} -> {resolved}")


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
        summary(gaz)
    return check(args.out, args.sources.parent)
