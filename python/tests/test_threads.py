"""The GIL is released while Rust works; pipelines are safe to share between threads and to
use after fork."""

from __future__ import annotations

import multiprocessing
import sys
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

import byline


def test_another_thread_runs_while_pipe_works(nlp: byline.Pipeline, article: str) -> None:
    texts = [article] * 200
    ticks = 0
    stop = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            stop.wait(0.0001)  # blocks: the only moments this thread lets go of the GIL

    interval = sys.getswitchinterval()
    # The main thread now keeps the GIL unless it blocks or releases it: the ticker can only
    # advance while the main thread is inside a call that releases the GIL.
    sys.setswitchinterval(1000)
    ticker = threading.Thread(target=tick)
    try:
        ticker.start()
        before = ticks
        docs = list(nlp.pipe(texts, batch_size=len(texts), n_threads=2))
        during = ticks - before
    finally:
        sys.setswitchinterval(interval)
        stop.set()
        ticker.join()
    assert len(docs) == len(texts)
    assert during > 0, "no other Python thread ran while pipe() was annotating"


def test_threads_share_one_pipeline(nlp: byline.Pipeline, article: str) -> None:
    texts = [article[: 200 * (i + 1)] for i in range(16)]
    expected = [nlp(t).to_json() for t in texts]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: nlp(t).to_json(), texts))
        piped = list(
            pool.map(lambda i: [d.to_json() for d in nlp.pipe(texts, n_threads=2)], range(4))
        )
    assert got == expected
    for run in piped:
        assert [line.split(",", 1)[1] for line in run] == [e.split(",", 1)[1] for e in expected]


def _pipe_in_child(texts: list[str]) -> list[str]:
    nlp = byline.Pipeline()
    return [d.to_json() for d in nlp.pipe(texts, n_threads=2, batch_size=4)]


@pytest.mark.skipif(not hasattr(multiprocessing, "get_context"), reason="no multiprocessing")
def test_pipe_works_in_a_forked_child_after_pipe_in_the_parent(
    nlp: byline.Pipeline, article: str
) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("this platform cannot fork")
    texts = [article, "Putin spoke.", "Raisi spoke."] * 4
    # The parent's worker threads exist now; a child must not wait on them.
    parent = [d.to_json() for d in nlp.pipe(texts, n_threads=2, batch_size=4)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads, Python 3.12+
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(2) as pool:
            # A hang guard, not a speed check: a deadlocked child fails here instead of
            # stopping the test run.
            child = pool.apply_async(_pipe_in_child, (texts,)).get(timeout=300)
            inherited = pool.apply_async(_pipe_with_inherited, (texts,)).get(timeout=300)
    assert child == parent
    assert inherited == parent


_INHERITED = byline.Pipeline()
_INHERITED_WARM = list(_INHERITED.pipe(["Warm up the pools.", "Second."], n_threads=2))


def _pipe_with_inherited(texts: list[str]) -> list[str]:
    # A pipeline built, and run on threads, in the parent before the fork.
    return [d.to_json() for d in _INHERITED.pipe(texts, n_threads=2, batch_size=4)]
