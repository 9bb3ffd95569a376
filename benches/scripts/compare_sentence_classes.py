#!/usr/bin/env python3
"""Run byline and pySBD (and blingfire) side by side on the sentence classes.

The classes are the cases of `crates/byline-tokenize/tests/data/sentence_classes.jsonl`:
abbreviations before a capitalised word, footnote markers, enumerations in running text, `!` and
`?` inside a sentence, abbreviations from the curated lists, quotations broken off by a dash.
A case passes when the sentences, each stripped of white space, equal the expected list, as
`../shared/eval/score_sentences.py` scores the Golden Rules. Prints a markdown table per class.

pySBD and blingfire are installed from PyPI into their own virtual environment (the one
`compare_tokenize.py` uses, or `--venv DIR`).

Usage: python3 benches/scripts/compare_sentence_classes.py [--venv DIR] [--show-failures]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES = (
    REPO / "crates" / "byline-tokenize" / "tests" / "data" / "sentence_classes.jsonl"
)
PACKAGES = ["pysbd", "blingfire", "numpy"]  # blingfire imports numpy
MARKER = "BYLINE_COMPARE_CLASSES_VENV"


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))


def ensure_venv(venv: Path) -> None:
    """Re-runs this script inside a virtual environment holding pySBD and blingfire."""
    if os.environ.get(MARKER):
        return
    python = venv / "bin" / "python"
    if not python.exists():
        print(
            f"creating {venv} and installing {' '.join(PACKAGES)} ...", file=sys.stderr
        )
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = subprocess.run(
        [str(python), "-c", "import pysbd, blingfire"],
        check=False,
        capture_output=True,
    )
    if probe.returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *PACKAGES], check=True
        )
    env = dict(os.environ, **{MARKER: "1"})
    os.execve(str(python), [str(python), *sys.argv], env)


def byline_sentences(cases: list[dict]) -> dict[str, list[str]]:
    """Sentences byline finds in each case, through the tokenizer's example binary."""
    cmd = ["cargo", "build", "--release", "-q", "-p", "byline-tokenize", "--example"]
    subprocess.run([*cmd, "segment_jsonl"], check=True, cwd=REPO)
    binary = target_dir() / "release" / "examples" / "segment_jsonl"
    out = subprocess.run(
        [str(binary), str(CASES)], check=True, capture_output=True, text=True
    ).stdout
    text = {c["id"]: c["text"] for c in cases}
    found = {}
    for line in out.splitlines():
        d = json.loads(line)
        t = text[str(d["id"])]
        found[str(d["id"])] = [t[s["start"] : s["end"]] for s in d["sentences"]]
    return found


def clean(sentences: list[str]) -> list[str]:
    return [s.strip() for s in sentences if s.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--venv", type=Path, default=target_dir() / "bench-venv-tokenize")
    ap.add_argument("--show-failures", action="store_true")
    args = ap.parse_args()
    ensure_venv(args.venv.resolve())

    import blingfire
    import pysbd

    with CASES.open(encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    pysbd_seg = pysbd.Segmenter(language="en", clean=False)
    tools = {
        "byline": byline_sentences(cases),
        "pySBD": {c["id"]: pysbd_seg.segment(c["text"]) for c in cases},
        "blingfire": {
            c["id"]: blingfire.text_to_sentences(c["text"]).split("\n") for c in cases
        },
    }
    passed: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    count: dict[str, int] = defaultdict(int)
    failures = []
    for c in cases:
        count[c["class"]] += 1
        want = clean(c["sentences"])
        for name, found in tools.items():
            got = clean(found[c["id"]])
            if got == want:
                passed[c["class"]][name] += 1
            else:
                failures.append((name, c["id"], want, got))

    names = list(tools)
    print(f"| class | cases | {' | '.join(names)} |")
    print(f"|---|---:|{'---:|' * len(names)}")
    for cls, n in count.items():
        cells = " | ".join(f"{passed[cls][name]}/{n}" for name in names)
        print(f"| {cls} | {n} | {cells} |")
    total = sum(count.values())
    cells = " | ".join(
        f"{sum(passed[c][name] for c in count)}/{total}" for name in names
    )
    print(f"| all | {total} | {cells} |")
    if args.show_failures:
        for name, cid, want, got in failures:
            print(f"\n{name} {cid}\n  want {want}\n  got  {got}")


if __name__ == "__main__":
    main()
