"""Universities (Hipo)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Gazetteer
from .orgnames import org_alias_ok
from .text import clean, looks_like_name


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
        gaz.add(None, name, "ORG", [], 0.4, "hipo", description="university")
