"""The READMEs' Python examples run as they are written, on the package as installed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

READMES = [ROOT / "README.md", ROOT / "python" / "README.md"]


def _examples(readme: Path) -> list[tuple[int, str]]:
    text = readme.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start()) + 1, m.group(1))
        for m in re.finditer(r"```python\n(.*?)```", text, flags=re.DOTALL)
    ]


@pytest.mark.parametrize("readme", READMES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_examples_run_in_order(readme: Path, tmp_path: Path, monkeypatch) -> None:
    """Each README's Python blocks run one after the other, as a reader would type them, in a
    folder holding the files they name."""
    examples = _examples(readme)
    assert examples, f"{readme} has no Python example"
    if any(re.search(r"^import spacy", code, flags=re.MULTILINE) for _, code in examples):
        pytest.importorskip("spacy")
    if any("to_pandas" in code for _, code in examples):
        pytest.importorskip("pandas")
    if any("to_arrow" in code for _, code in examples):
        pytest.importorskip("pyarrow")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "people.tsv").write_text(
        "id\tname\tlabel\taliases\nQ7747\tVladimir Putin\tPERSON\tPutin\n", encoding="utf-8"
    )
    namespace: dict[str, object] = {"__name__": "__readme__"}
    name = readme.relative_to(ROOT).as_posix()
    for line, code in examples:
        exec(compile(code, f"{name}:{line}", "exec"), namespace)  # noqa: S102  # noqa: S102 (the README's own code)
