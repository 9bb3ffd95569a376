"""US federal agencies and bureaus."""

from __future__ import annotations

import re
from pathlib import Path

from .model import Gazetteer
from .orgnames import org_alias_ok
from .text import clean, read_csv


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
                gaz.add(None, forms[0], "ORG", forms[1:], 0.6, "us_dotgov", description="US federal agency")
    for row in read_csv(folder / "current-federal.csv"):
        for name in (row["Organization name"], row["Suborganization name"]):
            name = clean(name)
            if not name or name in seen or len(name.split()) < 2:
                continue
            seen.add(name)
            forms = [f for f in department_forms(name) if org_alias_ok(f, gaz, taken)]
            if forms:
                gaz.add(None, forms[0], "ORG", forms[1:], 0.5, "us_dotgov", description="US federal agency")
