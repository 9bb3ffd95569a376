"""``python -m byline`` and the ``byline`` console script: the Rust command's options and JSON."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE, rust_cli

import byline


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "byline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture()
def corpus(tmp_path: Path, article: str) -> Path:
    path = tmp_path / "corpus.jsonl"
    rows = [
        {"doc_id": "a-1", "body": article},
        {"doc_id": 7, "body": '"Yes," Putin said. 😀 Cafe\u0301.'},
        {"body": "No id here."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_annotate_jsonl_matches_the_bindings(corpus: Path, nlp: byline.Pipeline) -> None:
    out = run(
        "annotate", str(corpus), "--text-field", "body", "--id-field", "doc_id", "--tokens", "-q"
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    expected = [
        nlp(r["body"], id=str(r.get("doc_id", i))).to_json(tokens=True) for i, r in enumerate(rows)
    ]
    assert lines == expected
    assert [json.loads(line)["id"] for line in lines] == ["a-1", "7", "2"]


def test_output_file_text_files_and_folders(
    tmp_path: Path, nlp: byline.Pipeline, article: str
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b.txt").write_text("Putin spoke.", encoding="utf-8")
    (folder / "a.txt").write_text(article, encoding="utf-8")
    (folder / "skip.md").write_text("not read", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    out = run("annotate", str(folder), "-o", str(target), "-j", "2", "--quiet")
    assert out.returncode == 0, out.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines == [nlp(article, id="a.txt").to_json(), nlp("Putin spoke.", id="b.txt").to_json()]


def test_stdin_and_bad_lines(nlp: byline.Pipeline) -> None:
    stdin = '{"text": "Putin spoke."}\nnot json\n{"text": 5}\n\n{"id": "x", "text": "Fine."}\n'
    out = run("annotate", "-", "--quiet", stdin=stdin)
    assert out.returncode == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert lines[0] == nlp("Putin spoke.", id="0").to_dict()
    assert lines[1]["id"] == "1" and "<stdin>: line 2: not valid JSON" in lines[1]["error"]
    assert lines[2] == {
        "id": "2",
        "error": '<stdin>: line 3: field "text" is a number, not a string',
    }
    assert lines[3] == nlp("Fine.", id="x").to_dict()
    assert "line 2" in out.stderr


def test_strict_stops_at_the_first_failure() -> None:
    out = run("annotate", "--strict", "-q", stdin='{"text": 1}\n{"text": "Fine."}\n')
    assert out.returncode == 1
    assert len(out.stdout.splitlines()) == 1


def test_bad_gazetteer_is_a_usage_error(tmp_path: Path) -> None:
    out = run("annotate", "-g", str(tmp_path / "missing.tsv"), stdin='{"text": "x"}\n')
    assert out.returncode == 2
    assert "missing.tsv" in out.stderr


def test_gazetteer_lookup_and_stats() -> None:
    out = run("gazetteer", "lookup", "Vladimir Putin", "--json")
    assert out.returncode == 0
    found = json.loads(out.stdout)
    assert found[0]["entity_id"] == "Q7747"
    stats = json.loads(run("gazetteer", "stats", "--json").stdout)
    assert stats["entries"] == len(byline.Gazetteer.default())


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "byline"
    if not script.exists():
        pytest.skip("the byline console script is not beside this interpreter")
    out = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == f"byline {byline.__version__}"


RUST = rust_cli()
needs_rust = pytest.mark.skipif(
    RUST is None, reason="the Rust byline command is not built (set BYLINE_CLI to its path)"
)


@needs_rust
def test_same_json_as_the_rust_command(corpus: Path, tmp_path: Path) -> None:
    args = [
        "annotate",
        str(corpus),
        str(ARTICLE),
        "--text-field",
        "body",
        "--id-field",
        "doc_id",
        "--tokens",
        "--paragraphs",
        "--json",
        "-q",
    ]
    rust = subprocess.run(
        [str(RUST), *args], capture_output=True, text=True, encoding="utf-8", check=False
    )
    ours = run(*args)
    assert rust.returncode == ours.returncode == 0, rust.stderr + ours.stderr
    assert ours.stdout == rust.stdout
    nlp = byline.Pipeline()
    first = json.loads(rust.stdout.splitlines()[0])
    assert (
        nlp(json.loads(corpus.read_text().splitlines()[0])["body"], id="a-1").to_dict(
            tokens=True, paragraphs=True
        )
        == first
    )


@needs_rust
def test_same_errors_and_lookup_as_the_rust_command() -> None:
    stdin = '{"text": "Putin spoke."}\nnot json\n{"text": 5}\n{"id": [1], "text": "x"}\n'
    rust = subprocess.run(
        [str(RUST), "annotate", "-", "-q"], input=stdin, capture_output=True, text=True, check=False
    )
    ours = run("annotate", "-", "-q", stdin=stdin)
    assert ours.returncode == rust.returncode == 1
    r_lines = [json.loads(line) for line in rust.stdout.splitlines()]
    o_lines = [json.loads(line) for line in ours.stdout.splitlines()]
    assert [line["id"] for line in o_lines] == [line["id"] for line in r_lines]
    assert [("error" in line) for line in o_lines] == [("error" in line) for line in r_lines]
    assert o_lines[0] == r_lines[0]
    assert o_lines[2] == r_lines[2]
    assert o_lines[3] == r_lines[3]
    lookup = ["gazetteer", "lookup", "Putin", "--json"]
    r = subprocess.run([str(RUST), *lookup], capture_output=True, text=True, check=False)
    assert json.loads(run(*lookup).stdout) == json.loads(r.stdout)


@pytest.mark.parametrize("prefix", ["", "\n\n", "  ", "\ufeff"])
@pytest.mark.parametrize("args", [(), ("-",), ("-", "--format", "text")])
def test_plain_text_on_stdin(nlp: byline.Pipeline, prefix: str, args: tuple[str, ...]) -> None:
    text = prefix + '"We will not back down," Ebrahim Raisi said.\n\n{Braces} are text.\n'
    out = run("annotate", *args, "-q", stdin=text)
    assert out.returncode == 0, out.stderr
    [line] = out.stdout.splitlines()
    assert json.loads(line) == json.loads(nlp(text, id="stdin").to_json())


def test_bad_json_lines_say_how_they_were_read() -> None:
    out = run("annotate", "--format", "jsonl", "-q", stdin="{text: 1}\n[1]\nplain words\n")
    errors = [json.loads(line)["error"] for line in out.stdout.splitlines()]
    assert len(errors) == 3
    for error in errors:
        assert "read as JSON Lines" in error
        assert "Expecting" not in error


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    out = run("annotate", str(tmp_path / "missing.txt"), "-", stdin='{"text": "Hi."}\n')
    assert out.returncode == 2
    assert out.stdout == ""
    assert "missing.txt: no such file" in out.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    for args in (["gazetteer", "lookup", "Gaza"], ["annotate", "-"]):
        read, write = os.pipe()
        os.close(read)
        proc = subprocess.run(
            [sys.executable, "-m", "byline", *args],
            input=b'{"text": "He said so."}\n' * 500,
            stdout=write,
            stderr=subprocess.PIPE,
            check=False,
        )
        os.close(write)
        assert b"Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode not in (0, 1), args


def test_summary_counts_in_words() -> None:
    out = run("annotate", "--summary", "--format", "text", stdin="The sky is blue.")
    assert out.stdout.splitlines()[0] == "── stdin: 1 sentence, 0 entity mentions, 0 quotations"


def _rust_options(help_text: str) -> dict[str, str]:
    """Each option of a clap help page and the first paragraph of its description."""
    options: dict[str, list[str]] = {}
    current = None
    for line in help_text.splitlines():
        m = re.match(r"^ {2,6}(?:-\w, )?(--[\w-]+)", line)
        if m:
            current = m.group(1)
            options[current] = []
        elif current and line.strip():
            options[current].append(line.strip())
        else:
            current = None
    return {k: " ".join(v) for k, v in options.items() if k not in ("--help", "--version")}


@needs_rust
@pytest.mark.parametrize("command", [["annotate"], ["gazetteer", "lookup"]])
def test_every_option_has_the_rust_commands_help(command: list[str]) -> None:
    rust = subprocess.run(
        [str(RUST), *command, "--help"], capture_output=True, text=True, check=False
    ).stdout
    ours = " ".join(run(*command, "--help").stdout.split())
    options = _rust_options(rust)
    assert len(options) >= 3, rust
    for option, description in options.items():
        assert option in ours, f"{command}: {option} is missing"
        words = " ".join(description.split()[:8])
        assert words in ours, f"{command} {option}: {words!r} is not in the help"


@needs_rust
@pytest.mark.parametrize(
    "keep", [["--keep", "date,outlet"], ["--keep", "outlet", "--keep", "date"], ["--keep", "n"]]
)
def test_kept_fields_are_written_as_the_rust_command_writes_them(
    tmp_path: Path, keep: list[str]
) -> None:
    path = tmp_path / "kept.jsonl"
    rows = [
        {"id": "a", "text": "Lopez said the deal was dead.", "date": "2024-05-01", "n": 1.5},
        {"id": "b", "text": "Kein Problem.", "outlet": "Zeit – Online", "date": None, "n": [1]},
        {"id": "c", "body": "no text field", "outlet": {"name": "x"}},
        {"text": "No id, no kept fields."},
    ]
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "[1]\n", "utf-8"
    )
    args = ["annotate", str(path), *keep, "--json", "-q"]
    rust = subprocess.run(
        [str(RUST), *args], capture_output=True, text=True, encoding="utf-8", check=False
    )
    ours = run(*args)
    assert rust.returncode == ours.returncode == 1, rust.stderr + ours.stderr
    assert ours.stdout == rust.stdout
    names = [n for value in keep[1::2] for n in value.split(",")]
    for line in ours.stdout.splitlines():
        doc = json.loads(line)
        assert list(doc)[: 1 + len(names)] == ["id", *names]


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "parquet", "corpus.jsonl"],
        ["corpus.parquet"],
        ["-", "-o", "out.parquet"],
        ["-", "--output-format", "parquet"],
    ],
)
def test_parquet_is_left_to_the_rust_command_with_a_message(args: list[str]) -> None:
    out = run("annotate", *args)
    assert out.returncode == 2
    assert "Parquet is read and written by the Rust command" in out.stderr
    assert "byline.annotate_arrow" in out.stderr
    assert out.stdout == ""


@pytest.mark.parametrize("keep", ["id", "entities", "text", "a,,b", "a,a"])
def test_bad_kept_fields_are_usage_errors(keep: str) -> None:
    out = run("annotate", "-", "--keep", keep, stdin='{"text": "Hi."}\n')
    assert out.returncode == 2
    assert out.stderr.startswith("byline: --keep")
