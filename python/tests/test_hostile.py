"""Hostile input through the Python package: empty and blank texts, large texts, 100,000 quote
marks, deep nesting, control characters, byte order marks, CR line ends, right-to-left text,
combining marks, emoji sequences, texts that are not ``str``, bad gazetteer files, JSON Lines
with invalid UTF-8 and wrong fields through ``python -m byline``, and Ctrl-C during
``nlp.pipe`` and the command.

Each text gets a document whose offsets slice it, or an error of byline's own hierarchy that
names the place; nothing else of the run is lost. Large sizes: ``$BYLINE_HOSTILE_MB`` (default
2 MB here; the 50 MB document runs in ``benches/scripts/hostile_scaling.sh``).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, rust_cli

import byline

LARGE_MB = int(os.environ.get("BYLINE_HOSTILE_MB", "2"))


def quote_marks(n: int, balanced: bool) -> str:
    pairs = [
        ('"', '"'),
        ("\u201c", "\u201d"),
        ("\u2018", "\u2019"),
        ("\u00ab", "\u00bb"),
        ("'", "'"),
    ]
    marks = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "`", "\u201e"]
    rng = random.Random(7)
    out: list[str] = []
    count = 0
    while count < n:
        if balanced:
            o, c = rng.choice(pairs)
            out.append(f"{o}we will win{c}{', he said. ' if rng.random() < 0.3 else ' '}")
            count += 2
        else:
            out.append(rng.choice(marks) + rng.choice(["", " ", "said ", "Putin ", ". ", "\n"]))
            count += 1
    return "".join(out)


def nested_quotes(depth: int) -> str:
    opens = ["\u201c", "\u2018", '"', "'", "\u00ab"]
    closes = ["\u201d", "\u2019", '"', "'", "\u00bb"]
    head = "".join(f"He said {opens[i % 5]}" for i in range(depth))
    tail = "".join(f"{closes[i % 5]}, Smith said. " for i in reversed(range(depth)))
    return head + "no" + tail


HOSTILE = {
    "empty": "",
    "white space": " \t\n\r\n\u00a0\u2028\u3000  \n\n",
    "quote marks balanced": quote_marks(100_000, True),
    "quote marks unbalanced": quote_marks(100_000, False),
    "nested quotes": nested_quotes(5_000),
    "control characters": '"We\x00 will\x01 win,\x07" Putin\x1b[0m said.\x00\x00\x08\x0c\x0b\x1c\x1f\x7f\x85\x9f End.',
    "byte order marks": "\ufeff\u201cHello,\u201d said Joe Biden.\ufeff \ufeffIran\ufeff.",
    "CRLF": '"We will win," Putin said.\r\n\r\nThe U.S. disagreed.\r\nBiden said: "No."\r\n',
    "lone CR": '"We will win," Putin said.\r\rThe U.S. disagreed.\rBiden said: "No."\r',
    "right to left": "\u05e0\u05ea\u05e0\u05d9\u05d4\u05d5 \u05d0\u05de\u05e8: \u201d\u05dc\u05d0\u201c. "
    "\u0627\u0644\u0631\u0626\u064a\u0633 \u0642\u0627\u0644 \u00ab\u0646\u0639\u0645\u00bb. "
    '\u202ePutin said\u202c \u200f"yes"\u200e.',
    "combining marks": 'Z\u0334\u031b\u035aa\u0337\u0302l\u0336g\u0338o said "e\u0301\u0301\u0301" '
    "and Cafe\u0301 Mu\u0308ller. \u0301\u0302\u0303 begin.",
    "emoji sequences": '\U0001f468\u200d\U0001f469\u200d\U0001f467 "\U0001f44d\U0001f3fd", said '
    "\U0001f1fa\U0001f1f8 Biden. \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067"
    "\U000e007f \u2764\ufe0f\u200d\U0001f525 #tag @user",
    "mixed scripts": "\u041f\u0443\u0442\u0438\u043d (Putin) \u0441\u043a\u0430\u0437\u0430\u043b: "
    "\u00ab\u041d\u0435\u0442\u00bb. \u65e5\u672c\u306e\u9996\u76f8\u300c\u306f\u3044\u300d. "
    "\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e \u03b1\u03b8\u03ae\u03bd\u03b1 Iran \u0939\u093f\u0928\u094d\u0926\u0940.",
    "markup debris": '<p>&quot;We will win,&quot; Putin said.</p>\n<script>var s = "\\"";</script>'
    " {{template}} [[link|Iran]] \ufffd\ufffd Iran.",
}


def check(doc: byline.Document, text: str) -> dict[str, Any]:
    """The document's JSON slices ``text`` at every offset, in order; returns it."""
    d = json.loads(doc.to_json(tokens=True, paragraphs=True))
    assert doc.text == text

    def spans(items: list[dict[str, Any]]) -> None:
        end = 0
        for s in items:
            assert end <= s["start"] < s["end"] <= len(text), (s, end, len(text))
            end = s["end"]

    spans(d["sentences"])
    spans(d["tokens"])
    spans(d["paragraphs"])
    covered = bytearray(len(text))
    for t in d["tokens"]:
        covered[t["start"] : t["end"]] = b"\x01" * (t["end"] - t["start"])
    for i, c in enumerate(text):
        assert covered[i] or c.isspace(), f"character {i} {c!r} is in no token"
    spans(d["entities"])
    for e in d["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
    for q in d["quotes"]:
        spans(q["content"])
        assert q["text"] == " ".join(text[c["start"] : c["end"]] for c in q["content"])
        for f in q["quoted"]:
            assert text[f["start"] : f["end"]] == f["text"]
        for key in ("cue", "speaker"):
            if q[key] is not None:
                assert text[q[key]["start"] : q[key]["end"]] == q[key]["text"]
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
    return d


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_text_gets_a_document_that_slices_it(nlp: byline.Pipeline, name: str) -> None:
    check(nlp(HOSTILE[name], id=name), HOSTILE[name])


def test_quotations_are_found_among_100000_balanced_marks(nlp: byline.Pipeline) -> None:
    d = check(nlp(HOSTILE["quote marks balanced"]), HOSTILE["quote marks balanced"])
    assert len(d["quotes"]) > 1000


def test_pipe_of_hostile_texts_equals_one_by_one(nlp: byline.Pipeline) -> None:
    texts = list(HOSTILE.values())
    piped = [d.to_json(tokens=True) for d in nlp.pipe(texts, batch_size=3, n_threads=2)]
    alone = [nlp(t, id=str(i)).to_json(tokens=True) for i, t in enumerate(texts)]
    assert piped == alone


def test_a_large_text_and_a_long_single_line(nlp: byline.Pipeline) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    large = (article + "\n\n") * (LARGE_MB * 2**20 // (len(article) + 2) + 1)
    single = article.replace("\n", " ") * (LARGE_MB * 2**20 // 5 // len(article) + 1)
    per_copy = len(nlp(article).quotes)
    docs = list(nlp.pipe([large, single], n_threads=2))
    check(docs[0], large)
    check(docs[1], single)
    assert len(docs[0].quotes) >= per_copy * large.count(article) * 9 // 10


@pytest.mark.parametrize("bad", [None, 42, 4.2, b"bytes", ["a"], "lone \ud800 surrogate"])
def test_a_text_that_is_not_a_str_raises_input_error(nlp: byline.Pipeline, bad: Any) -> None:
    with pytest.raises(byline.InputError):
        nlp(bad)


def test_pipe_yields_every_text_before_a_bad_one(nlp: byline.Pipeline) -> None:
    texts: list[Any] = ["Putin said so.", "", "\ud800", "Biden said no."]
    got = []
    with pytest.raises(byline.InputError):
        for doc in nlp.pipe(texts, batch_size=4):
            got.append(doc.text)
    assert got == texts[:2]


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("label.tsv", b"Q1\tVladimir Putin\tPERSON\tPutin\nQ2\tIran\tCOUNTRY\tIran\n", 2),
        ("fields.tsv", b"# people\nQ1\tVladimir Putin\n", 2),
        ("utf8.tsv", b"Q1\tVladimir Putin\tPERSON\tPutin\nQ2\tZ\xfcrich\tGPE\n", 2),
        ("utf8.csv", b"name,label\nPutin,PERSON\nZ\xfcrich,GPE\n", 3),
        (
            "utf8.jsonl",
            b'{"name": "Putin", "label": "PERSON"}\n{"name": "Z\xfcrich", "label": "GPE"}\n',
            2,
        ),
        ("null.jsonl", b'{"name": null, "label": "PERSON"}\n', 1),
    ],
)
def test_a_bad_gazetteer_file_names_file_and_line(
    tmp_path: Path, name: str, content: bytes, line: int
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(byline.GazetteerError) as info:
        byline.Gazetteer.from_file(path)
    assert info.value.file == str(path)
    assert info.value.line == line
    assert f"line {line}" in str(info.value)


def test_empty_aliases_and_duplicate_ids_still_match(tmp_path: Path) -> None:
    path = tmp_path / "people.tsv"
    path.write_text(
        "Q1\tAnna Politova\tPERSON\t\nQ2\tBoris Kotov\tPERSON\t|| |\nQ2\tB. Kotov\tPERSON\tKotov\n"
    )
    nlp = byline.Pipeline(byline.Gazetteer.from_file(path))
    doc = nlp('Anna Politova met Boris Kotov. "Fine," Kotov said.')
    assert [(e.text, e.entity_id) for e in doc.entities] == [
        ("Anna Politova", "Q1"),
        ("Boris Kotov", "Q2"),
        ("Kotov", "Q2"),
    ]


def run_command(*args: str, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "byline", *args], check=False, capture_output=True, timeout=600, **kw
    )


def test_the_command_keeps_every_line_of_a_hostile_corpus(tmp_path: Path) -> None:
    good = list(HOSTILE.items())
    bad = [
        (b'{"id": "bad-utf8", "text": "caf\xc3 \xff ok"}', "UTF-8"),
        (b'{"id": "no-text", "body": "x"}', "text"),
        (b'{"id": "null", "text": null}', "text"),
        (b'{"id": "number", "text": 42}', "text"),
        (b"not json", "JSON"),
    ]
    lines: list[bytes] = []
    expected: list[tuple[str, str | None]] = []
    for i, (name, text) in enumerate(good):
        lines.append(json.dumps({"id": name, "text": text}).encode())
        expected.append((name, text))
        if i < len(bad):
            lines.append(bad[i][0])
            expected.append((f"line {len(lines)}", None))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    out = run_command("annotate", str(corpus), "--json", "--batch-size", "4")
    assert out.returncode == 1, out.stderr
    got = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(got) == len(expected)
    for (key, text), d in zip(expected, got):
        if text is None:
            assert "corpus.jsonl" in d["error"] and key in d["error"], d
        else:
            assert d["id"] == key and "error" not in d, d


PIPE_CHILD = """
import sys
sys.path[:0] = {path!r}
import byline
nlp = byline.Pipeline()
text = open({article!r}, encoding="utf-8").read()
out = open({output!r}, "w", encoding="utf-8")
try:
    for doc in nlp.pipe((text for _ in range(10**7)), batch_size=8, n_threads=2):
        out.write(doc.to_json() + "\\n")
        out.flush()
except KeyboardInterrupt:
    sys.stderr.write("KeyboardInterrupt reached Python\\n")
    sys.exit(130)
"""


def wait_for_output(proc: subprocess.Popen[bytes], path: Path) -> None:
    """Waits until the child has written to ``path``."""
    deadline = time.monotonic() + 600  # a hang guard, not a timing assertion
    while not path.exists() or path.stat().st_size == 0:
        assert proc.poll() is None, "the run ended before Ctrl-C"
        assert time.monotonic() < deadline, "no output"
        time.sleep(0.05)


def test_ctrl_c_during_pipe_raises_keyboard_interrupt_in_python(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    code = PIPE_CHILD.format(
        path=[str(p) for p in sys.path if p], article=str(ARTICLE), output=str(output)
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
    wait_for_output(proc, output)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert b"KeyboardInterrupt reached Python" in err
    written = output.read_text(encoding="utf-8")
    assert written.endswith("\n")
    ids = [json.loads(line)["id"] for line in written.splitlines()]
    assert ids == [str(i) for i in range(len(ids))]


def test_ctrl_c_during_the_command_leaves_complete_lines(tmp_path: Path) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    corpus = tmp_path / "long.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i in range(20_000):
            f.write(json.dumps({"id": i, "text": article}) + "\n")
    output = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "byline",
            "annotate",
            str(corpus),
            "-o",
            str(output),
            "--batch-size",
            "8",
        ],
        stderr=subprocess.PIPE,
    )
    wait_for_output(proc, output)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    written = output.read_text(encoding="utf-8")
    assert written.endswith("\n")
    ids = [json.loads(line)["id"] for line in written.splitlines()]
    assert 0 < len(ids) < 20_000
    assert ids == [str(i) for i in range(len(ids))]


def test_the_rust_command_and_python_agree_on_hostile_texts(
    tmp_path: Path, nlp: byline.Pipeline
) -> None:
    cli = rust_cli()
    if cli is None:
        pytest.skip("the Rust byline command is not built (cargo build -p byline-cli)")
    corpus = tmp_path / "h.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in HOSTILE.items()),
        encoding="utf-8",
    )
    out = subprocess.run(
        [str(cli), "annotate", str(corpus), "--json", "-q"],
        check=False,
        capture_output=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    rust = [json.loads(line) for line in out.stdout.decode().splitlines()]
    py = [json.loads(nlp(v, id=k).to_json()) for k, v in HOSTILE.items()]
    assert rust == py
