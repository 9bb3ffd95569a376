"""The ``byline`` command, from Python: ``python -m byline annotate ...``.

The same subcommands and options as the Rust ``byline`` command, over the bindings: the same
JSON Lines (each line is ``Document.to_json``), the same error lines and exit statuses.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable

from byline import __version__
from byline._byline import Document
from byline._pipeline import Pipeline
from byline.errors import BylineError

OK, FAILED_DOCUMENTS, ERROR, INTERRUPTED, BROKEN_PIPE = 0, 1, 2, 130, 141

ANNOTATE_EXAMPLES = """\
Examples:
  # a readable summary of one article on a terminal (JSON Lines when piped)
  byline annotate examples/article.txt

  # a corpus in JSON Lines, fields "body" and "doc_id", on 4 threads, into a file
  byline annotate corpus.jsonl --text-field body --id-field doc_id --threads 4 -o out.jsonl

  # standard input, your own gazetteer beside the default one, stop at the first bad line
  cat corpus.jsonl | byline annotate - --gazetteer people.tsv --with-default --strict

  # plain text on standard input (one document, id "stdin")
  cat article.txt | byline annotate -

Exit status: 0 when every document was annotated, 1 when any failed, 2 on a usage or output
error (a missing input file included, reported before any output), 130 when interrupted. When
the reader of the output goes away (`| head`), the command ends quietly."""

GAZETTEER_EXAMPLES = """\
Examples:
  byline gazetteer stats
  byline gazetteer stats --gazetteer people.tsv --with-default
  byline gazetteer lookup Putin
  byline gazetteer lookup "White House" --json"""

#: Help of each option, as the Rust command gives it.
HELP = {
    "inputs": "Inputs: .txt files, .jsonl files, folders of .txt files, or - for standard input "
    "[default: -]. Example: `byline annotate a.txt b.jsonl articles/`",
    "format": "How to read the inputs: auto (files by extension: .jsonl and .ndjson JSON "
    "Lines, .parquet and .pq Parquet, others text; standard input as JSON Lines when it starts "
    "with `{`, else as one text document), text (each input is one plain-text document), jsonl "
    "(each input is JSON Lines), parquet (read by the Rust command only: here it is refused "
    "with a message). Example: `cat article.txt | byline annotate - --format text`",
    "output": "Write to FILE instead of standard output: JSON Lines (Parquet, for a FILE ending "
    "in .parquet or .pq, is written by the Rust command only). Example: `-o annotated.jsonl`",
    "output_format": "What to write: auto (Parquet when the -o file ends in .parquet or .pq, "
    "else JSON Lines), jsonl, parquet. Parquet is the Rust command's (`byline annotate`); in "
    "Python, `byline.annotate_arrow` annotates pyarrow tables. Example: `--output-format jsonl`",
    "keep": "Fields (JSON Lines) or columns (Parquet) carried through to the output beside the "
    "id, comma-separated or repeated: absent or null values are written as null. Example: "
    "`--keep date,outlet`",
    "text_field": "The JSON Lines field (Parquet column) holding the text. "
    "Example: `--text-field body`",
    "id_field": "The JSON Lines field (Parquet column) holding the document id (a string or a "
    "number, written as a string; documents without one get their position in their file, "
    "from 0; blank lines do not count). Example: `--id-field doc_id`",
    "threads": "Worker threads; 0 = BYLINE_NUM_THREADS, or one per core; 1 does all the work in "
    "order on one thread. Output order never depends on it. Example: `--threads 4`",
    "gazetteer": "A gazetteer file (TSV, CSV or JSON Lines); repeatable. Replaces the embedded "
    "default gazetteer unless --with-default is given. Example: `--gazetteer people.tsv`",
    "with_default": "Keep the embedded default gazetteer beside the --gazetteer files. "
    "Example: `--gazetteer extra.tsv --with-default`",
    "tokens": 'Add the tokens (`{"start", "end", "kind", "pos", "tag"}`: Universal POS and '
    "Penn Treebank tags) to each JSON document. Example: `--tokens`",
    "paragraphs": 'Add the paragraphs (`{"start", "end"}`) to each JSON document. '
    "Example: `--paragraphs`",
    "strict": "Stop at the first document that cannot be read or annotated (its error line is "
    "written). Example: `--strict`",
    "quiet": "No progress bar and no closing lines on standard error (each failed document is "
    "still reported). Example: `--quiet`",
    "json": "Write JSON Lines even when standard output is a terminal (they are written whenever "
    "it is not). Example: `byline annotate article.txt --json`",
    "summary": "Write the readable summary (entities by label, quotations with speaker and cue) "
    "even when standard output is not a terminal. Example: `byline annotate article.txt "
    "--summary | less`",
    "batch_size": "Documents a worker takes at a time (fewer at the end of the input); a batch "
    "is read, annotated on the threads, then written. Example: `--batch-size 64`",
    "alias": 'The alias, as it would appear in a text. Example: `"Ebrahim Raisi"`',
    "lookup_gazetteer": "A gazetteer file (TSV, CSV or JSON Lines) instead of the embedded "
    "default; repeatable. Example: `--gazetteer people.tsv`",
    "lookup_with_default": "Keep the embedded default beside the --gazetteer files.",
    "lookup_json": "Print JSON instead of text. Example: `--json`",
}

#: Plain words for the JSON parser's messages.
_JSON_WORDS = {
    "Expecting value": "expected a JSON value",
    "Expecting property name enclosed in double quotes": (
        "a field name must be a string in double quotes"
    ),
    "Expecting ':' delimiter": "expected a colon after the field name",
    "Expecting ',' delimiter": "expected a comma or the closing brace of the object",
    "Unterminated string starting at": "the line ends inside a string (a missing closing quote?)",
    "Invalid control character at": (
        "a raw control character (a tab or a line break) inside a string: write it escaped"
    ),
    "Invalid \\escape": "an invalid backslash escape in a string",
    "Invalid \\uXXXX escape": "an invalid \\u escape in a string",
    "Extra data": "more text after the end of the JSON object",
}

_READ_AS_JSON_LINES = "the line was read as JSON Lines (--format text reads plain text)"


@dataclass
class Item:
    """One input document: its id, and its text or why it could not be read."""

    id: str
    text: str | None
    error: str | None
    bytes: int = 0
    record: dict[str, Any] | None = None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline", description="Who is named and who said what in English news text."
    )
    parser.add_argument("-V", "--version", action="version", version=f"byline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    annotate = commands.add_parser(
        "annotate",
        help="Annotate documents: sentences, entities, quotations with cues and speakers.",
        description="Annotate documents with sentences, entity mentions and quotations (direct, "
        "mixed, indirect) with their cue and speaker. Reads .txt files (one document each, id = "
        "file name), .jsonl files (one document a line), folders of .txt files (sorted by name) "
        "and standard input (-: JSON Lines when it starts with {, else one plain-text document; "
        "--format says which).",
        epilog=ANNOTATE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    annotate.add_argument("inputs", nargs="*", metavar="INPUT", help=HELP["inputs"])
    annotate.add_argument(
        "--format",
        "--input-format",
        choices=("auto", "text", "jsonl", "parquet"),
        default="auto",
        help=HELP["format"],
    )
    annotate.add_argument("-o", "--output", metavar="FILE", help=HELP["output"])
    annotate.add_argument(
        "--output-format",
        choices=("auto", "jsonl", "parquet"),
        default="auto",
        help=HELP["output_format"],
    )
    annotate.add_argument(
        "--keep", action="append", default=[], metavar="FIELD,...", help=HELP["keep"]
    )
    annotate.add_argument("--text-field", default="text", metavar="NAME", help=HELP["text_field"])
    annotate.add_argument("--id-field", default="id", metavar="NAME", help=HELP["id_field"])
    annotate.add_argument(
        "-j", "--threads", type=_count(0), default=0, metavar="N", help=HELP["threads"]
    )
    annotate.add_argument(
        "-g", "--gazetteer", action="append", default=[], metavar="FILE", help=HELP["gazetteer"]
    )
    annotate.add_argument("--with-default", action="store_true", help=HELP["with_default"])
    annotate.add_argument("--tokens", action="store_true", help=HELP["tokens"])
    annotate.add_argument("--paragraphs", action="store_true", help=HELP["paragraphs"])
    annotate.add_argument("--strict", action="store_true", help=HELP["strict"])
    annotate.add_argument("-q", "--quiet", action="store_true", help=HELP["quiet"])
    mode = annotate.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help=HELP["json"])
    mode.add_argument("--summary", action="store_true", help=HELP["summary"])
    annotate.add_argument(
        "--batch-size", type=_count(1), default=256, metavar="N", help=HELP["batch_size"]
    )

    gazetteer = commands.add_parser(
        "gazetteer",
        help="Inspect a gazetteer: statistics, or the entries an alias names.",
        epilog=GAZETTEER_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    for name, about in (
        ("stats", "Entries per label and alias counts of the gazetteer."),
        ("lookup", "The entries an alias names, highest weight first."),
    ):
        p = sub.add_parser(name, help=about, description=about)
        if name == "lookup":
            p.add_argument("alias", help=HELP["alias"])
        p.add_argument(
            "-g",
            "--gazetteer",
            action="append",
            default=[],
            metavar="FILE",
            help=HELP["lookup_gazetteer"],
        )
        p.add_argument("--with-default", action="store_true", help=HELP["lookup_with_default"])
        p.add_argument("--json", action="store_true", help=HELP["lookup_json"])
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


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a stream read in chunks of any size, each with its end of line."""
    rest = b""
    for chunk in chunks:
        rest += chunk
        *lines, rest = rest.split(b"\n")
        for line in lines:
            yield line + b"\n"
    if rest:
        yield rest


def _json_lines(
    stream: Iterable[bytes], source: str, text_field: str, id_field: str
) -> Iterator[Item]:
    position = 0
    for line_no, raw in enumerate(_lines(stream), start=1):
        if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
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
            words = _JSON_WORDS.get(e.msg, e.msg)
            yield Item(
                fallback,
                None,
                f"{origin}: not valid JSON (column {e.colno}: {words}); {_READ_AS_JSON_LINES}",
            )
            continue
        if not isinstance(record, dict):
            yield Item(
                fallback,
                None,
                f"{origin}: not a JSON object (expected a JSON object, found "
                f"{_kind(record)}); {_READ_AS_JSON_LINES}",
            )
            continue
        found_id = _id_of(record.get(id_field))
        if found_id is False or found_id is True:
            kind = _kind(record.get(id_field))
            yield Item(
                fallback,
                None,
                f"{origin}: field {_q(id_field)} is {kind}, not a string or a number",
                record=record,
            )
            continue
        doc_id = found_id or fallback
        text = record.get(text_field)
        if text is None and text_field not in record:
            yield Item(doc_id, None, f"{origin}: no {_q(text_field)} field", record=record)
        elif not isinstance(text, str):
            yield Item(
                doc_id,
                None,
                f"{origin}: field {_q(text_field)} is {_kind(text)}, not a string",
                record=record,
            )
        else:
            yield Item(doc_id, text, None, len(raw), record)


def _missing(inputs: Sequence[str]) -> str | None:
    """The first input path that does not exist, if any (a usage error, found before output)."""
    for name in inputs:
        if name != "-" and not os.path.lexists(name):
            return name
    return None


def _stdin(fmt: str, text_field: str, id_field: str) -> Iterator[Item]:
    """Standard input as JSON Lines or as one plain-text document, as ``fmt`` says (``auto``:
    JSON Lines when its first non-blank character is ``{``)."""
    stream = sys.stdin.buffer
    head = b""
    if fmt == "auto":
        while True:
            chunk = stream.read1(1 << 16) if hasattr(stream, "read1") else stream.read(1 << 16)
            head += chunk
            start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
            rest = head[start:].lstrip()
            if rest or not chunk:
                break
        fmt = "jsonl" if not rest or rest.startswith(b"{") else "text"
    if fmt == "jsonl":
        yield from _json_lines(itertools.chain([head], stream), "<stdin>", text_field, id_field)
        return
    data = head + stream.read()
    try:
        yield Item("stdin", data.decode("utf-8"), None, len(data))
    except UnicodeDecodeError as e:
        yield Item(
            "stdin",
            None,
            f"<stdin>: not valid UTF-8 (byte {e.start}); read as plain text "
            "(--format jsonl reads JSON Lines)",
        )


def _items(inputs: Sequence[str], fmt: str, text_field: str, id_field: str) -> Iterator[Item]:
    for name in inputs or ["-"]:
        if name == "-":
            yield from _stdin(fmt, text_field, id_field)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".txt")
            for p in files:
                yield _text_file(p)
        elif fmt == "jsonl" or (fmt == "auto" and path.suffix in (".jsonl", ".ndjson", ".JSONL")):
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


def _count_of(n: int, noun: str) -> str:
    """``1 sentence``, ``2 sentences``, ``0 quotations``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary(doc_id: str, doc: Document) -> str:
    counts = (
        f"{_count_of(len(doc.sentences), 'sentence')}, "
        f"{_count_of(len(doc.entities), 'entity mention')}, "
        f"{_count_of(len(doc.quotes), 'quotation')}"
    )
    lines = [f"── {doc_id}: {counts}"]
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


_OUTPUT_FIELDS = ("id", "sentences", "entities", "quotes", "error", "tokens", "paragraphs")
_PARQUET = (".parquet", ".pq")


def _keep_fields(args: argparse.Namespace) -> list[str]:
    """The --keep fields, checked as the Rust command checks them (ValueError says why)."""
    fields = [name.strip() for value in args.keep for name in value.split(",")]
    for i, name in enumerate(fields):
        if not name:
            raise ValueError("--keep: an empty field name (a stray comma?)")
        if name in fields[:i]:
            raise ValueError(f"--keep: `{name}` is named twice")
        if name in _OUTPUT_FIELDS:
            raise ValueError(f"--keep {name}: the output has a field `{name}` of its own")
        if name == args.text_field:
            raise ValueError(
                f"--keep {name}: `{name}` is the text field, which the output does not carry"
            )
        if name == args.id_field:
            raise ValueError(f"--keep {name}: `{name}` is the id field, written as `id` already")
    return fields


def _parquet_asked(args: argparse.Namespace) -> str | None:
    """What asks for Parquet, which this command leaves to the Rust one, if anything does."""
    if args.format == "parquet":
        return "--format parquet"
    if args.output_format == "parquet":
        return "--output-format parquet"
    output: str | None = args.output
    if args.output_format == "auto" and output is not None and output.endswith(_PARQUET):
        return f"-o {output}"
    inputs: list[str] = args.inputs
    if args.format == "auto":
        for name in inputs:
            if name.endswith(_PARQUET):
                return name
    return None


def _with_kept(line: str, doc_id: str, keys: list[str], record: dict[str, Any] | None) -> str:
    """The JSON line with the kept fields right after its id, as the Rust command writes them."""
    at = len('{"id":') + len(json.dumps(doc_id, ensure_ascii=False))
    fields = "".join(
        ","
        + json.dumps(key, ensure_ascii=False)
        + ":"
        + json.dumps(
            None if record is None else record.get(key), ensure_ascii=False, separators=(",", ":")
        )
        for key in keys
    )
    return line[:at] + fields + line[at:]


def annotate(args: argparse.Namespace) -> int:
    parquet = _parquet_asked(args)
    if parquet is not None:
        print(
            f"byline: {parquet}: Parquet is read and written by the Rust command (`cargo install "
            "byline-cli`, then `byline annotate`); in Python, read it with pyarrow and annotate "
            "it with byline.annotate_arrow",
            file=sys.stderr,
        )
        return ERROR
    try:
        keep = _keep_fields(args)
    except ValueError as e:
        print(f"byline: {e}", file=sys.stderr)
        return ERROR
    missing = _missing(args.inputs)
    if missing is not None:
        print(f"byline: {missing}: no such file or folder", file=sys.stderr)
        return ERROR
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
    summary = args.summary or (args.output is None and not args.json and sys.stdout.isatty())
    threads = nlp.n_threads
    documents = failed = size = 0
    started = time.perf_counter()
    status = OK
    try:
        items = _items(args.inputs, args.format, args.text_field, args.id_field)
        for batch in _batches(items, args.batch_size):
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
                        if keep:
                            line = _with_kept(line, item.id, keep, item.record)
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
                        if keep:
                            line = _with_kept(line, item.id, keep, item.record)
                        out.write(line.encode("utf-8") + b"\n")
                    if args.strict:
                        raise _Stop
    except _Stop:
        pass
    except KeyboardInterrupt:
        status = INTERRUPTED
        print("byline: interrupted; every line written is complete", file=sys.stderr)
    except BrokenPipeError:
        # The reader went away (`| head`): end quietly, as the Rust command does.
        _silence_stdout()
        return BROKEN_PIPE
    finally:
        try:
            out.flush()
        except BrokenPipeError:
            _silence_stdout()
        if out is not sys.stdout.buffer:
            out.close()
    if not args.quiet:
        secs = max(time.perf_counter() - started, 1e-9)
        more = f", {failed} failed" if failed else ""
        print(
            f"byline: {_count_of(documents, 'document')}{more}, {size / 1e6:.1f} MB in {secs:.2f} s "
            f"({size / 1e6 / secs:.1f} MB/s)",
            file=sys.stderr,
        )
    if status != OK:
        return status
    return FAILED_DOCUMENTS if failed else OK


class _Stop(Exception):
    pass


def _silence_stdout() -> None:
    """Points standard output at the null device, so that Python's own flush at exit does not
    fail again on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


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
                    "source": f.source,
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
                print(f"   source: {f.source or '-'}")
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
    try:
        if args.command == "annotate":
            return annotate(args)
        return gazetteer(args)
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
