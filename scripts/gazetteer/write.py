"""Writing the gazetteer files and checking them."""

from __future__ import annotations

import gzip
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .common_words import common_words
from .text import FORBIDDEN, LABELS, SEED, guarded_words, title_phrase


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
        if not isinstance(row.get("source"), str) or not row.get("source"):
            failures.append(f"line {i}: no source")
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
    # An everyday English word as an alias must match in its own case only: the exact mode,
    # or the smart mode for the words the matcher guards.
    common = common_words(shared) if shared and shared.is_dir() else set()
    if not common:
        print("note: reference texts not found; common words not checked")
    guarded = guarded_words()
    for row in rows:
        if row.get("case") == "exact":
            continue
        for alias in row["aliases"]:
            if " " not in alias and alias.lower() in common and alias.lower() not in guarded:
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
