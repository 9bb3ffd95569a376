"""US newspapers and press associations."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .model import Gazetteer
from .orgnames import org_alias_ok
from .text import clean, qid_of


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
                        0.55 if qid else 0.4, "hearvox", description="newspaper")
    with (src / "hearvox_news_media" / "wd-press-assoc.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name = clean(row["press-assoc"])
            if org_alias_ok(name, gaz, taken):
                gaz.add(qid_of(row["qid"]), name, "ORG", [], 0.4, "hearvox",
                        description="press association")
