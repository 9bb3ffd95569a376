"""A gazetteer from the official Wikidata JSON dump, streamed in bounded memory.

The dump (``latest-all.json.gz`` or ``.bz2``, from dumps.wikimedia.org) is one JSON array with
one entity a line. Each line is first searched with a regular expression for its direct
classes (P31 values); only entities of a class news names are decoded, and of those only the
ones above the thresholds are kept: people, organisations (companies, news media, parties,
armed groups, agencies, international organisations, ...) by their number of Wikipedia
articles (sitelinks), places by population or sitelinks. Each kept entity becomes one line of
a gzip JSON Lines gazetteer (English label as name, English label and aliases as aliases, the
English description, a weight from the sitelinks), written as it is read: memory does not grow
with the dump.

    python3 scripts/build_wikidata_gazetteer.py latest-all.json.gz -o news.jsonl.gz
    byline annotate --gazetteer news.jsonl.gz --with-default corpus.jsonl

Only direct classes count (a ``city`` is kept, a ``city of Bavaria`` whose only P31 is that
class is not); ``--class QID:LABEL`` adds classes.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import io
import json
import math
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# Direct classes (P31) news names, and the label each gives.
CLASSES: dict[str, str] = {
    # people
    "Q5": "PERSON",
    # organisations
    "Q43229": "ORG", "Q4830453": "ORG", "Q891723": "ORG", "Q6881511": "ORG",
    "Q783794": "ORG", "Q167037": "ORG", "Q192283": "ORG", "Q11032": "ORG",
    "Q1110794": "ORG", "Q1331793": "ORG", "Q2001305": "ORG", "Q15265344": "ORG",
    "Q1002697": "ORG", "Q7278": "ORG", "Q17149090": "ORG", "Q7210356": "ORG",
    "Q484652": "ORG", "Q245065": "ORG", "Q327333": "ORG", "Q163740": "ORG",
    "Q66344": "ORG", "Q3918": "ORG", "Q476028": "ORG", "Q4438121": "ORG",
    "Q15911314": "ORG", "Q2659904": "ORG", "Q1058914": "ORG", "Q35127": "ORG",
    # places with a government
    "Q6256": "GPE", "Q3624078": "GPE", "Q515": "GPE", "Q1637706": "GPE", "Q5119": "GPE",
    "Q200250": "GPE", "Q1549591": "GPE", "Q3957": "GPE", "Q15284": "GPE", "Q486972": "GPE",
    "Q1093829": "GPE", "Q35657": "GPE", "Q34876": "GPE", "Q10864048": "GPE",
    "Q13220204": "GPE", "Q107390": "GPE", "Q28575": "GPE", "Q484170": "GPE",
    # other places
    "Q82794": "LOC", "Q4022": "LOC", "Q8502": "LOC", "Q165": "LOC", "Q5107": "LOC",
    "Q23442": "LOC", "Q46831": "LOC", "Q39594": "LOC", "Q8514": "LOC",
}

P31 = re.compile(r'"property":"P31"[^{}]*"datavalue":\{"value":\{[^{}]*"id":"(Q[0-9]+)"')


def open_dump(path: str) -> IO[str]:
    """The dump as text, gzip or bzip2 told by the file's first bytes; '-' is standard input."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    with open(path, "rb") as f:
        magic = f.read(3)
    if magic[:2] == b"\x1f\x8b":
        return gzip.open(path, "rt", encoding="utf-8")
    if magic == b"BZh":
        return bz2.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def entity_lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    """(line number, entity JSON) for each entity of the dump's array."""
    for n, line in enumerate(stream, 1):
        line = line.strip()
        if line in ("[", "]", ""):
            continue
        yield n, line.removesuffix(",")


def quantity(entity: dict, prop: str) -> float | None:
    """The largest value of a quantity property (population P1082), or None."""
    best = None
    for claim in entity.get("claims", {}).get(prop, ()):
        try:
            value = float(claim["mainsnak"]["datavalue"]["value"]["amount"])
        except (KeyError, TypeError, ValueError):
            continue
        best = value if best is None else max(best, value)
    return best


def weight_of(sitelinks: int) -> float:
    """0.3 for an entity with no Wikipedia article up to 1.0 for 300 and more, on a log scale."""
    return round(min(1.0, 0.3 + 0.7 * math.log10(1 + sitelinks) / math.log10(301)), 4)


class Options:
    def __init__(self, min_sitelinks_person=10, min_sitelinks_org=5, min_population=15000,
                 min_sitelinks_place=10, min_sitelinks_loc=10, classes=None):
        self.min_sitelinks = {"PERSON": min_sitelinks_person, "ORG": min_sitelinks_org,
                              "LOC": min_sitelinks_loc}
        self.min_population = min_population
        self.min_sitelinks_place = min_sitelinks_place
        self.classes = dict(CLASSES, **(classes or {}))


def record(entity: dict, label: str, opts: Options) -> dict | None:
    """The gazetteer line of a decoded entity, or None when it falls below the thresholds
    or has no English label."""
    name = entity.get("labels", {}).get("en", {}).get("value")
    if not name:
        return None
    sitelinks = len(entity.get("sitelinks", {}))
    if label == "GPE":
        population = quantity(entity, "P1082") or 0
        if population < opts.min_population and sitelinks < opts.min_sitelinks_place:
            return None
    elif sitelinks < opts.min_sitelinks[label]:
        return None
    aliases = [name] + [a["value"] for a in entity.get("aliases", {}).get("en", ())
                        if a.get("value") and a["value"] != name]
    row = {"id": entity["id"], "name": name, "label": label,
           "aliases": list(dict.fromkeys(aliases)), "weight": weight_of(sitelinks)}
    description = entity.get("descriptions", {}).get("en", {}).get("value")
    if description:
        row["description"] = description
    return row


def convert(stream: IO[str], out: IO[bytes], opts: Options, log=None) -> dict[str, int]:
    """Streams entities from `stream` and writes kept ones to `out` as JSON Lines; returns
    counts. A line that is not JSON is counted and skipped, never fatal."""
    counts = {"entities": 0, "decoded": 0, "kept": 0, "bad lines": 0}
    started = time.monotonic()
    for n, line in entity_lines(stream):
        counts["entities"] += 1
        if log and counts["entities"] % 1_000_000 == 0:
            log(f"{counts['entities']:,} entities, {counts['kept']:,} kept, "
                f"{time.monotonic() - started:.0f} s")
        labels = [opts.classes[q] for q in P31.findall(line) if q in opts.classes]
        if not labels:
            continue
        try:
            entity = json.loads(line)
        except json.JSONDecodeError as e:
            counts["bad lines"] += 1
            if log:
                log(f"line {n}: not JSON ({e.msg}); skipped")
            continue
        counts["decoded"] += 1
        # PERSON before ORG before GPE before LOC when an entity has several classes.
        label = min(labels, key=["PERSON", "ORG", "GPE", "LOC"].index)
        row = record(entity, label, opts)
        if row is None:
            continue
        counts["kept"] += 1
        out.write((json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
                  .encode("utf-8"))
    return counts


def class_option(value: str) -> tuple[str, str]:
    qid, _, label = value.partition(":")
    if not re.fullmatch(r"Q[1-9][0-9]*", qid) or label not in ("PERSON", "ORG", "GPE", "LOC"):
        raise argparse.ArgumentTypeError(f"{value!r}: expected QID:LABEL, e.g. Q11446:ORG")
    return qid, label


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", help="latest-all.json.gz or .bz2 (or plain, or - for stdin)")
    parser.add_argument("-o", "--out", type=Path, required=True,
                        help="output gazetteer, gzip JSON Lines (e.g. news.jsonl.gz)")
    parser.add_argument("--min-sitelinks-person", type=int, default=10)
    parser.add_argument("--min-sitelinks-org", type=int, default=5)
    parser.add_argument("--min-population", type=int, default=15000,
                        help="a place is kept from this population ... (default %(default)s)")
    parser.add_argument("--min-sitelinks-place", type=int, default=10,
                        help="... or from this many sitelinks (default %(default)s)")
    parser.add_argument("--min-sitelinks-loc", type=int, default=10)
    parser.add_argument("--class", dest="classes", action="append", type=class_option,
                        default=[], metavar="QID:LABEL", help="keep one more direct class")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    opts = Options(args.min_sitelinks_person, args.min_sitelinks_org, args.min_population,
                   args.min_sitelinks_place, args.min_sitelinks_loc, dict(args.classes))
    log = None if args.quiet else (lambda m: print(m, file=sys.stderr, flush=True))
    try:
        stream = open_dump(args.dump)
    except OSError as e:
        print(f"error: {args.dump}: {e.strerror or e}", file=sys.stderr)
        return 2
    started = time.monotonic()
    tmp = args.out.with_name(args.out.name + ".part")
    try:
        with stream, gzip.GzipFile(tmp, "wb", compresslevel=6, mtime=0) as out:
            counts = convert(stream, out, opts, log)
    except (OSError, EOFError, UnicodeDecodeError) as e:
        tmp.unlink(missing_ok=True)
        print(f"error: {args.dump}: {e}", file=sys.stderr)
        return 2
    tmp.replace(args.out)
    print(f"{counts['entities']:,} entities, {counts['decoded']:,} of a kept class decoded, "
          f"{counts['kept']:,} written to {args.out}, {counts['bad lines']} bad lines, "
          f"{time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
