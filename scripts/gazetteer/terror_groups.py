"""Terrorist groups named by the Factbook."""

from __future__ import annotations

import re
from pathlib import Path

from .model import Gazetteer
from .orgnames import caps_to_title, org_alias_ok
from .text import clean, looks_like_name


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
            gaz.add(None, name, "ORG", aliases, 0.6, "factbook", description="armed group")
