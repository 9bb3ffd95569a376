"""Pickling: pipelines, gazetteers, documents, value objects and errors survive a round trip,
also through a process pool."""

from __future__ import annotations

import multiprocessing
import pickle

import byline

RECORDS = [{"name": "Northwind Traders", "label": "ORG", "id": "Q1", "aliases": ["Northwind"]}]


def test_document_round_trip(article_doc: byline.Document) -> None:
    again = pickle.loads(pickle.dumps(article_doc))
    assert again == article_doc
    assert again.id == article_doc.id
    assert again.to_json(tokens=True, paragraphs=True) == article_doc.to_json(
        tokens=True, paragraphs=True
    )
    assert again.entities == article_doc.entities
    assert again.quotes == article_doc.quotes


def test_value_objects_round_trip(article_doc: byline.Document) -> None:
    values = [
        article_doc.sentences[0],
        article_doc.tokens[0],
        article_doc.entities[0],
        article_doc.quotes[0],
    ]
    assert pickle.loads(pickle.dumps(values)) == values


def test_gazetteer_round_trip() -> None:
    g = byline.Gazetteer(RECORDS)
    g.add("Blue Harbor FC", "ORG", aliases=["Blue Harbor"], entity_id="Q2")
    again = pickle.loads(pickle.dumps(g))
    assert len(again) == 2
    assert [e.name for e in again.find("Blue Harbor and Northwind")] == [
        "Blue Harbor FC",
        "Northwind Traders",
    ]


def test_pipeline_round_trip_keeps_its_gazetteer_and_stages() -> None:
    nlp = byline.Pipeline(RECORDS, quotes=False)
    again = pickle.loads(pickle.dumps(nlp))
    text = '"Sales rose," Northwind said.'
    assert again(text) == nlp(text)
    assert again(text).quotes == ()
    assert [e.entity_id for e in again(text).entities] == ["Q1"]


def test_default_pipeline_pickles_small(nlp: byline.Pipeline) -> None:
    # The embedded gazetteer is rebuilt on the other side, not shipped.
    assert len(pickle.dumps(nlp)) < 1000
    assert pickle.loads(pickle.dumps(nlp))("Putin spoke.") == nlp("Putin spoke.")


def test_errors_round_trip() -> None:
    err = byline.GazetteerError("bad line", file="a.tsv", line=3)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is byline.GazetteerError
    assert (again.message, again.file, again.line) == ("bad line", "a.tsv", 3)


def _annotate(args: tuple[byline.Pipeline, str]) -> byline.Document:
    nlp, text = args
    return nlp(text)


def test_pipeline_and_documents_cross_processes() -> None:
    nlp = byline.Pipeline(RECORDS, with_default=True)
    texts = ["Northwind said Putin lied.", "Nothing here."]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        docs = pool.map(_annotate, [(nlp, t) for t in texts])
    assert docs == [nlp(t) for t in texts]
