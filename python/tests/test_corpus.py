"""A real corpus through ``pipe``: the PolNeAR train texts (when ../shared has them)."""

from __future__ import annotations

import json
from itertools import islice

import pytest
from conftest import shared_dir

import byline


def test_pipe_over_polnear_train_texts(nlp: byline.Pipeline) -> None:
    shared = shared_dir()
    path = shared / "data/quotes/polnear/train.jsonl" if shared else None
    if path is None or not path.is_file():
        pytest.skip("PolNeAR train texts not found (../shared/data/quotes/polnear/train.jsonl)")
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in islice(f, 200)]
    docs = list(nlp.pipe(texts, batch_size=32, n_threads=2))
    assert [d.text for d in docs] == texts
    assert sum(len(d.quotes) for d in docs) > len(docs)
    for doc in docs[:50]:
        for e in doc.entities:
            assert doc.text[e.start : e.end] == e.text
        for q in doc.quotes:
            for s in q.content:
                assert doc.text[s.start : s.end] == s.text
            if q.speaker:
                assert doc.text[q.speaker.start : q.speaker.end] == q.speaker.text
