"""The ``byline`` command, from Python: ``python -m byline annotate ...``.

The same subcommands and options as the Rust ``byline`` command, over the bindings: the same
JSON Lines (each line is ``Document.to_json``), the same error lines and exit statuses.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable

from byline import __version__
from byline._byline import Document
from byline._pipeline import Pipeline
from byline.errors import BylineError

OK, FAILED_DOCUMENTS, ERROR, INTERRUPTED = 0, 1, 2, 130

ANNOTATE_EXAMPLES = """\
Examples:
  # a readable summary of one article on a terminal (JSON Lines when piped)
  byline annotate examples/article.txt

  # a corpus in JSON Lines, fields "body" and "doc_id", on 4 threads, into a file
  byline annotate corpus.jsonl --text-field body --id-field doc_id --threads 4 -o out.jsonl

  # standard input, your own gazetteer beside the default one, stop at the first bad line
  cat corpus.jsonl | byline annotate - --gazetteer people.tsv --with-default --strict

Exit status: 0 when every document was annotated, 1 when any failed, 2 on a usage or output
error, 130 when interrupted."""


@dataclass
class Item:
    """One input document: its id, and its text or why it could not be read."""

    id: str
    text: str | None
    error: str | None
    bytes: int = 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline", description="Who is named and who said what in English news text."
    )
    parser.add_argument("-V", "--version", action="version", version=f"byline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    annotate = commands.add_parser(
        "annotate",
        help="Annotate documents: sentences, entities, quotations with cues and speakers.",
        description="Reads .txt files (one document each, id = file name), .jsonl files (one "
        "document a line), folders of .txt files (sorted by name) and standard input (-, JSON "
        "Lines).",
        epilog=ANNOTATE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    annotate.add_argument("inputs", nargs="*", metavar="INPUT", help="inputs [default: -]")
    annotate.add_argument("-o", "--output", metavar="FILE", help="write JSON Lines to FILE")
    annotate.add_argument("--text-field", default="text", metavar="NAME")
    annotate.add_argument("--id-field", default="id", metavar="NAME")
    annotate.add_argument("-j", "--threads", type=_count(0), default=0, metavar="N")
    annotate.add_argument("-g", "--gazetteer", action="append", default=[], metavar="FILE")
    annotate.add_argument("--with-default", action="store_true")
    annotate.add_argument("--tokens", action="store_true")
    annotate.add_argument("--paragraphs", action="store_true")
    annotate.add_argument("--strict", action="store_true")
    annotate.add_argument("-q", "--quiet", action="store_true")
    annotate.add_argument("--json", action="store_true")
    annotate.add_argument("--batch-size", type=_count(1), default=256, metavar="N")

    gazetteer = commands.add_parser(
        "gazetteer", help="Inspect a gazetteer: statistics, or the entries an alias names."
    )
    sub = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    for name in ("stats", "lookup"):
        p = sub.add_parser(name)
        if name == "lookup":
            p.add_argument("alias")
        p.add_argument("-g", "--gazetteer", action="append", default=[], metavar="FILE")
        p.add_argument("--with-default", action="store_true")
        p.add_argument("--json", action="store_true")
    return parser


def _count(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"{n} is less than {minimum}")
        return n

    return parse


def _id_of(value: object) -> str | None | bool:
    """The id a JSON value gives: strings as they are, numbers as text; ``False`` if unusable."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and math.isfinite(value) and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    return False


def _q(name: str) -> str:
    """A field name in double quotes, as the Rust command shows it."""
    return json.dumps(name, ensure_ascii=False)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return "a string"


def _json_lines(stream: IO[bytes], source: str, text_field: str, id_field: str) -> Iterator[Item]:
    position = 0
    for line_no, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        origin = f"{source}: line {line_no}"
        fallback = str(position)
        position += 1
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield Item(
                fallback, None, f"{origin}: not valid UTF-8 (byte {e.start + 1} of the line)"
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Item(fallback, None, f"{origin}: not valid JSON (column {e.colno}: {e.msg})")
            continue
        if not isinstance(record, dict):
            yield Item(fallback, None, f"{origin}: not a JSON object")
            continue
        found_id = _id_of(record.get(id_field))
        if found_id is False or found_id is True:
            kind = _kind(record.get(id_field))
            yield Item(
                fallback,
                None,
                f"{origin}: field {_q(id_field)} is {kind}, not a string or a number",
            )
            continue
        doc_id = found_id or fallback
        text = record.get(text_field)
        if text is None and text_field not in record:
            yield Item(doc_id, None, f"{origin}: no {_q(text_field)} field")
        elif not isinstance(text, str):
            yield Item(
                doc_id,
                None,
                f"{origin}: field {_q(text_field)} is {_kind(text)}, not a string",
            )
        else:
            yield Item(doc_id, text, None, len(raw))


def _items(inputs: Sequence[str], text_field: str, id_field: str) -> Iterator[Item]:
    for name in inputs or ["-"]:
        if name == "-":
            yield from _json_lines(sys.stdin.buffer, "<stdin>", text_field, id_field)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".txt")
            for p in files:
                yield _text_file(p)
        elif path.suffix in (".jsonl", ".ndjson", ".JSONL"):
            try:
                stream = path.open("rb")
            except OSError as e:
                yield Item(path.name, None, f"{path}: {e.strerror}")
                continue
            with stream:
                yield from _json_lines(stream, str(path), text_field, id_field)
        else:
            yield _text_file(path)


def _text_file(path: Path) -> Item:
    try:
        data = path.read_bytes()
    except OSError as e:
        return Item(path.name, None, f"{path}: {e.strerror}")
    try:
        return Item(path.name, data.decode("utf-8"), None, len(data))
    except UnicodeDecodeError as e:
        return Item(path.name, None, f"{path}: not valid UTF-8 (byte {e.start})")


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _summary(doc_id: str, doc: Document) -> str:
    lines = [
        (
            f"── {doc_id}: {len(doc.sentences)} sentences, {len(doc.entities)} entity mentions, "
            f"{len(doc.quotes)} quotations"
        )
    ]
    groups: dict[str, dict[str, list[Any]]] = {}
    for e in doc.entities:
        group = groups.setdefault(e.label, {})
        group.setdefault(e.name, [e.entity_id, 0])[1] += 1
    if groups:
        lines += ["", "Entities"]
        for label in sorted(groups):
            shown = []
            for name, (qid, n) in groups[label].items():
                shown.append(name + (f" ({qid})" if qid else "") + (f" ×{n}" if n > 1 else ""))
            lines.append(f"  {label:<7} {', '.join(shown)}")
    if doc.quotes:
        lines += ["", "Quotations"]
        for i, q in enumerate(doc.quotes, start=1):
            if q.speaker is None:
                speaker = "(no speaker)"
            elif q.speaker.name and q.speaker.name != q.speaker.text:
                speaker = f'{q.speaker.name} ("{q.speaker.text}")'
            else:
                speaker = q.speaker.text
            cue = f" — {q.cue.text}" if q.cue else ""
            lines.append(f"  {i:>2}. {speaker}{cue}  [{q.kind}, {q.confidence:.2f}]")
            content = " ".join(q.text.split())
            if len(content) > 300:
                content = content[:300] + "…"
            lines.append(f"      “{content}”")
    return "\n".join(lines) + "\n"


def _pipeline(gazetteers: Sequence[str], with_default: bool, n_threads: int = 0) -> Pipeline:
    return Pipeline(
        list(gazetteers) or None, with_default=with_default, n_threads=n_threads or None
    )


def annotate(args: argparse.Namespace) -> int:
    try:
        nlp = _pipeline(args.gazetteer, args.with_default, args.threads)
    except BylineError as e:
        print(f"byline: {e}", file=sys.stderr)
        return ERROR
    try:
        out: IO[bytes] = open(args.output, "wb") if args.output else sys.stdout.buffer  # noqa: SIM115
    except OSError as e:
        print(f"byline: cannot create {args.output}: {e.strerror}", file=sys.stderr)
        return ERROR
    summary = args.output is None and not args.json and sys.stdout.isatty()
    threads = nlp.n_threads
    documents = failed = size = 0
    started = time.perf_counter()
    status = OK
    try:
        for batch in _batches(_items(args.inputs, args.text_field, args.id_field), args.batch_size):
            good = [(item.text, item.id) for item in batch if item.text is not None]
            docs = iter(
                nlp._native.annotate_batch(
                    [text for text, _ in good], threads, ids=[doc_id for _, doc_id in good]
                )
            )
            for item in batch:
                documents += 1
                size += item.bytes
                error = item.error
                if error is None:
                    doc = next(docs)
                    if isinstance(doc, BaseException):
                        error = doc.message if isinstance(doc, BylineError) else str(doc)
                    elif summary:
                        out.write(_summary(item.id, doc).encode("utf-8"))
                    else:
                        line = doc.to_json(tokens=args.tokens, paragraphs=args.paragraphs)
                        out.write(line.encode("utf-8") + b"\n")
                if error is not None:
                    failed += 1
                    print(f"byline: {error}", file=sys.stderr)
                    if not summary:
                        line = json.dumps(
                            {"id": item.id, "error": error},
                            ensure_ascii=False,
                            separators=(",", ":"),
                        )
                        out.write(line.encode("utf-8") + b"\n")
                    if args.strict:
                        raise _Stop
    except _Stop:
        pass
    except KeyboardInterrupt:
        status = INTERRUPTED
        print("byline: interrupted; every line written is complete", file=sys.stderr)
    except BrokenPipeError:
        return ERROR
    finally:
        try:
            out.flush()
        except BrokenPipeError:
            pass
        if out is not sys.stdout.buffer:
            out.close()
    if not args.quiet:
        secs = max(time.perf_counter() - started, 1e-9)
        more = f", {failed} failed" if failed else ""
        print(
            f"byline: {documents} documents{more}, {size / 1e6:.1f} MB in {secs:.2f} s "
            f"({size / 1e6 / secs:.1f} MB/s)",
            file=sys.stderr,
        )
    if status != OK:
        return status
    return FAILED_DOCUMENTS if failed else OK


class _Stop(Exception):
    pass


def gazetteer(args: argparse.Namespace) -> int:
    try:
        g = _pipeline(args.gazetteer, args.with_default).gazetteer
    except BylineError as e:
        print(f"byline: {e}", file=sys.stderr)
        return ERROR
    if args.gazetteer_command == "lookup":
        alias = args.alias.strip()
        found = g.lookup(alias)
        if args.json:
            rows = [
                {
                    "entity_id": f.entity_id,
                    "name": f.name,
                    "label": f.label,
                    "description": f.description,
                    "weight": f.weight,
                    "aliases": list(f.aliases),
                }
                for f in found
            ]
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif not found:
            print(f"no entry is named {json.dumps(alias, ensure_ascii=False)}")
        else:
            for i, f in enumerate(found, start=1):
                described = f", {f.description}" if f.description else ""
                print(
                    f"{i}. {f.name} [{f.label}{described}] {f.entity_id or '-'} "
                    f"(weight {f.weight:g})"
                )
                shown = list(f.aliases[:12])
                more = f" and {len(f.aliases) - 12} more" if len(f.aliases) > 12 else ""
                print(f"   aliases: {', '.join(shown)}{more}")
        return OK
    labels: dict[str, dict[str, int]] = {}
    entries = aliases = with_id = 0
    for entry in g.entries():
        entries += 1
        aliases += len(entry.aliases)
        with_id += entry.entity_id is not None
        label = labels.setdefault(entry.label, {"entries": 0, "aliases": 0})
        label["entries"] += 1
        label["aliases"] += len(entry.aliases)
    stats: dict[str, Any] = {
        "entries": entries,
        "aliases": aliases,
        "with_wikidata_id": with_id,
        "labels": dict(sorted(labels.items())),
    }
    if args.json:
        print(json.dumps(stats, indent=2))
        return OK
    source = ", ".join(args.gazetteer) or "embedded default gazetteer"
    if args.gazetteer and args.with_default:
        source += " + embedded default"
    print(source)
    print(
        f"  {stats['entries']} entries, {stats['aliases']} aliases, "
        f"{stats['with_wikidata_id']} with a Wikidata id"
    )
    print(f"  {'label':<7} {'entries':>9} {'aliases':>9}")
    for name, counts in labels.items():
        print(f"  {name:<7} {counts['entries']:>9} {counts['aliases']:>9}")
    return OK


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0) if not isinstance(e.code, str) else ERROR
    if args.command == "annotate":
        return annotate(args)
    return gazetteer(args)


if __name__ == "__main__":
    sys.exit(main())
