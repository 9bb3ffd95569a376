"""Shared fixtures of the byline Python tests."""

from __future__ import annotations

import json
import os
import shutil
import struct
from pathlib import Path
from typing import Any

import pytest

import byline

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "examples" / "article.txt"


def shared_dir() -> Path | None:
    """``$BYLINE_SHARED``, or ``../shared`` beside the repository; ``None`` when missing."""
    env = os.environ.get("BYLINE_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


def rust_cli() -> Path | None:
    """The Rust ``byline`` command: ``$BYLINE_CLI``, else a cargo build of it, else ``None``."""
    env = os.environ.get("BYLINE_CLI")
    if env:
        return Path(env)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ("release", "debug"):
        exe = target / profile / "byline"
        if exe.is_file() and os.access(exe, os.X_OK):
            return exe
    found = shutil.which("byline-rs")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def nlp() -> byline.Pipeline:
    return byline.Pipeline()


@pytest.fixture(scope="session")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article_doc(nlp: byline.Pipeline, article: str) -> byline.Document:
    return nlp(article, id="article")


def f32(x: float) -> float:
    """``x`` rounded to float32, as an Arrow column holds a confidence."""
    return float(struct.unpack("f", struct.pack("f", x))[0])


def expected(nlp: byline.Pipeline, text: str, id: str) -> dict[str, Any]:
    """The JSON document of ``text`` as an Arrow (or Spark) row holds it: confidence at float32,
    ``error`` null."""
    doc: dict[str, Any] = json.loads(nlp(text, id=id).to_json())
    for q in doc["quotes"]:
        q["confidence"] = f32(q["confidence"])
    doc["error"] = None
    return doc
