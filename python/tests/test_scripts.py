"""The repository's data scripts check themselves on built-in samples."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.parametrize("script", ["ud-to-jsonl", "polnear-to-jsonl"])
def test_self_test(script: str) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--self-test"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "self-test passed" in out.stdout
