"""Gazetteer: build from records or files, add entries, look an alias up, match a text."""

from __future__ import annotations

import bz2
import gzip
import json
import subprocess
import sys
from pathlib import Path

import byline

HERE = Path(__file__).resolve().parent
DUMP_SCRIPT = HERE.parent.parent / "scripts" / "build_wikidata_gazetteer.py"

RECORDS = [
    {"name": "Northwind Traders", "label": "ORG", "id": "Q1", "aliases": ["Northwind", "NWT"]},
    {"name": "Georgia", "label": "GPE", "id": "Q230", "weight": 2.0},
    {"name": "Georgia", "label": "GPE", "id": "Q1428", "aliases": "GA|State of Georgia"},
]


def test_from_records() -> None:
    g = byline.Gazetteer(RECORDS)
    assert len(g) == 3
    entry = g.lookup("Northwind")[0]
    assert (entry.entity_id, entry.name, entry.label) == ("Q1", "Northwind Traders", "ORG")
    assert entry.aliases == ("Northwind Traders", "Northwind", "NWT")
    assert entry.to_dict()["aliases"] == ["Northwind Traders", "Northwind", "NWT"]


def test_lookup_gives_every_entry_of_an_alias_best_first() -> None:
    g = byline.Gazetteer(RECORDS)
    assert [e.entity_id for e in g.lookup("Georgia")] == ["Q230", "Q1428"]
    assert [e.entity_id for e in g.lookup("State of Georgia")] == ["Q1428"]
    assert g.lookup("Atlantis") == []


def test_find_gives_code_point_offsets() -> None:
    g = byline.Gazetteer(RECORDS)
    text = "🙂 Northwind opened in Georgia."
    found = g.find(text)
    assert [(m.text, m.entity_id) for m in found] == [("Northwind", "Q1"), ("Georgia", "Q230")]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_add_entries_then_use_them() -> None:
    g = byline.Gazetteer()
    assert len(g) == 0
    g.add("Blue Harbor FC", "ORG", aliases=["Blue Harbor"], entity_id="Q2")
    assert [m.name for m in g.find("Blue Harbor won.")] == ["Blue Harbor FC"]
    g.add("Ada Quill", "person")
    assert len(g) == 2
    assert [m.label for m in g.find("Ada Quill scored for Blue Harbor.")] == ["PERSON", "ORG"]
    assert [e.name for e in g] == ["Blue Harbor FC", "Ada Quill"]


def test_case_modes() -> None:
    g = byline.Gazetteer()
    g.add("apple", "ORG", case="insensitive")
    g.add("Nice", "GPE", case="exact")
    assert [m.text for m in g.find("APPLE in nice Nice")] == ["APPLE", "Nice"]


def test_from_files(tmp_path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("id\tname\tlabel\taliases\nQ5\tBlue Harbor FC\tORG\tBlue Harbor\n")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(json.dumps({"name": "Ada Quill", "label": "PERSON", "id": "Q6"}) + "\n")
    g = byline.Gazetteer.from_files([tsv, jsonl])
    assert len(g) == 2
    assert [m.entity_id for m in g.find("Ada Quill joined Blue Harbor.")] == ["Q6", "Q5"]
    g2 = byline.Gazetteer(RECORDS, files=[tsv])
    assert len(g2) == 4


def test_tsv_and_csv_take_the_same_header(tmp_path) -> None:
    # A header names the columns, in any order, in TSV as in CSV; without one TSV is positional.
    rows = [("Blue Harbor FC", "ORG", "Q5", "Blue Harbor"), ("Ada Quill", "PERSON", "Q6", "")]
    files = {
        "h.tsv": "name\tlabel\tid\taliases\n" + "".join("\t".join(r) + "\n" for r in rows),
        "h.csv": "name,label,id,aliases\n" + "".join(",".join(r) + "\n" for r in rows),
        "p.tsv": "".join(f"{i}\t{n}\t{lab}\t{a}\n" for n, lab, i, a in rows),
    }
    found = []
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        g = byline.Gazetteer.from_files([tmp_path / name])
        found.append([(m.text, m.entity_id) for m in g.find("Ada Quill joined Blue Harbor.")])
    assert found[0] == [("Ada Quill", "Q6"), ("Blue Harbor", "Q5")]
    assert found[1] == found[0] and found[2] == found[0]
    # A first row with a label in it is an entry, not a header.
    (tmp_path / "e.tsv").write_text("id\tname\tORG\n")
    assert len(byline.Gazetteer.from_files([tmp_path / "e.tsv"])) == 1


def test_default_and_combining() -> None:
    default = byline.Gazetteer.default()
    assert len(default) > 1000
    assert any(e.entity_id == "Q7747" for e in default.lookup("Vladimir Putin"))
    mine = byline.Gazetteer(RECORDS)
    mine.add_gazetteer(default)
    assert len(mine) == len(default) + 3
    assert byline.Pipeline().gazetteer.to_bytes() == default.to_bytes()


def test_bytes_round_trip() -> None:
    g = byline.Gazetteer(RECORDS)
    again = byline.Gazetteer.from_bytes(g.to_bytes())
    assert [e.to_dict() for e in again] == [e.to_dict() for e in g]
    try:
        byline.Gazetteer.from_bytes(b"not a gazetteer")
    except byline.GazetteerError as e:
        assert "not a saved gazetteer" in str(e)
    else:
        raise AssertionError("bad bytes were accepted")


def test_descriptions_tell_entries_of_one_name_apart() -> None:
    g = byline.Gazetteer(
        [
            {"name": "Paris", "label": "GPE", "id": "Q830149", "weight": 0.3},
            {"name": "Paris", "label": "GPE", "id": "Q90", "description": "capital of France"},
        ]
    )
    best = g.lookup("paris")
    assert [(e.entity_id, e.description) for e in best] == [
        ("Q90", "capital of France"),
        ("Q830149", None),
    ]
    assert best[0].to_dict()["description"] == "capital of France"
    assert "capital of France" in repr(best[0])
    try:
        byline.Gazetteer([{"name": "Paris", "label": "GPE", "description": 3}])
    except byline.GazetteerError as e:
        assert "description" in str(e)
    else:
        raise AssertionError("a description that is not a string was accepted")


def test_default_links_and_describes_much_named_entities() -> None:
    default = byline.Gazetteer.default()
    for alias, qid, description in [
        ("Washington", "Q61", None),
        ("Reuters", "Q130879", "news agency"),
        ("Google", "Q95", "company"),
        ("Paris", "Q90", "capital of France"),
    ]:
        best = default.lookup(alias)[0]
        assert best.entity_id == qid, (alias, best)
        assert description is None or best.description == description, (alias, best)
        assert best.description


def test_wikidata_dump_sample_gives_a_gazetteer_the_pipeline_loads(tmp_path) -> None:
    sample = (HERE / "data" / "wikidata_sample.json").read_bytes()
    dumps = {"gz": gzip.compress(sample), "bz2": bz2.compress(sample)}
    results = []
    for ext, data in dumps.items():
        dump = tmp_path / f"latest-all.json.{ext}"
        dump.write_bytes(data)
        out = tmp_path / f"news-{ext}.jsonl.gz"
        run = subprocess.run(
            [sys.executable, str(DUMP_SCRIPT), str(dump), "-o", str(out), "--quiet"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        # The damaged line is reported and skipped; the run goes on.
        assert "1 bad lines" in run.stderr
        results.append(gzip.decompress(out.read_bytes()))
        g = byline.Gazetteer.from_files([out])
        # Kept: a city, a person, a company, a news agency. Skipped: a scholarly article, a
        # person and a village below the thresholds, an entity without an English label.
        assert sorted(e.entity_id for e in g) == ["Q130879", "Q2283", "Q5284", "Q90"]
        assert g.lookup("City of Light")[0].description == "capital and largest city of France"
        nlp = byline.Pipeline(gazetteer=g)
        doc = nlp("Bill Gates left Microsoft, Reuters reported from Paris.")
        assert [e.entity_id for e in doc.entities] == ["Q5284", "Q2283", "Q130879", "Q90"]
    assert results[0] == results[1]
    missing = subprocess.run(
        [sys.executable, str(DUMP_SCRIPT), str(tmp_path / "none.json.gz"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2 and "none.json.gz" in missing.stderr


def test_lookup_georgia_in_the_default_shows_two_sources() -> None:
    found = byline.Gazetteer.default().lookup("Georgia")
    assert [(e.entity_id, e.description) for e in found] == [
        ("Q230", "country"),
        ("Q1428", "US state"),
    ]
    country, state = (e.source or "" for e in found)
    assert "country-codes" in country
    assert "dr5hn" in state
    assert country != state
    assert f"source={country!r}" in repr(found[0])


def test_a_user_file_shows_its_file_name_as_source(tmp_path: Path) -> None:
    path = tmp_path / "my places.tsv"
    path.write_text("id\tname\tlabel\nQ230\tGeorgia\tGPE\n", encoding="utf-8")
    [entry] = byline.Gazetteer.from_files([path]).lookup("Georgia")
    assert entry.source == "my places.tsv"
    # Beside the default and an entry added in code, each keeps its own source.
    g = byline.Gazetteer.default()
    g.add_file(path)
    g.add("Georgia", "GPE", entity_id="Q99")
    sources = [e.source for e in g.lookup("Georgia")]
    assert len(sources) == 4
    assert "my places.tsv" in sources and None in sources
    assert any(s and "dr5hn" in s for s in sources)
    assert byline.Gazetteer(RECORDS).lookup("Georgia")[0].source is None


def test_python_lookup_command_shows_sources() -> None:
    def lookup(*args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "byline", "gazetteer", "lookup", "Georgia", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert out.returncode == 0, out.stderr
        return out.stdout

    found = json.loads(lookup("--json"))
    sources = [f["source"] for f in found]
    assert sources == [e.source for e in byline.Gazetteer.default().lookup("Georgia")]
    text = lookup()
    for source in sources:
        assert f"   source: {source}\n" in text
