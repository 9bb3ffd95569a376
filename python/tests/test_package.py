"""Packaging: version from Cargo, type stubs that match the native module, py.typed."""

from __future__ import annotations

import ast
import importlib.resources
import inspect
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT

import byline
from byline import _byline

STUB = Path(byline.__file__).with_name("_byline.pyi")


def test_version_comes_from_cargo() -> None:
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    section = cargo.split("[workspace.package]", 1)[1]
    version = re.search(r'^version\s*=\s*"([^"]+)"', section, re.MULTILINE)
    assert version is not None
    assert byline.__version__ == version.group(1)


def test_py_typed_and_stubs_ship() -> None:
    files = importlib.resources.files("byline")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath("_byline.pyi").is_file()


def _stub_tree() -> dict[str, object]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = {}
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    members[item.name] = item
            names[node.name] = members
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
    return names


def _params(fn: ast.FunctionDef) -> list[tuple[str, str]]:
    args = fn.args
    out = [(a.arg, "positional") for a in args.posonlyargs + args.args]
    out += [(a.arg, "keyword") for a in args.kwonlyargs]
    return [p for p in out if p[0] not in ("self", "cls")]


def _runtime_params(obj: object) -> list[tuple[str, str]]:
    sig = inspect.signature(obj)  # type: ignore[arg-type]
    kinds = {
        inspect.Parameter.POSITIONAL_ONLY: "positional",
        inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
        inspect.Parameter.KEYWORD_ONLY: "keyword",
    }
    return [
        (p.name, kinds[p.kind])
        for p in sig.parameters.values()
        if p.kind in kinds and p.name not in ("self", "cls")
    ]


def test_stubs_name_every_public_member_of_the_module() -> None:
    stub = _stub_tree()
    runtime = {n for n in dir(_byline) if not n.startswith("__") or n == "__version__"}
    assert runtime == set(stub), "stubs and module differ"
    for name, members in stub.items():
        obj = getattr(_byline, name)
        if inspect.isclass(obj):
            assert isinstance(members, dict)
            runtime_members = {m for m in vars(obj) if not m.startswith("__") or m in members}
            declared = set(members) | {
                n for n in runtime_members if isinstance(inspect.getattr_static(obj, n), property)
            }
            missing = {m for m in runtime_members if not m.startswith("__")} - declared
            assert not missing, f"{name}: not in the stubs: {missing}"
            for member in members:
                assert hasattr(obj, member), f"{name}.{member} is in the stubs only"


def test_stub_signatures_match_the_module() -> None:
    stub = _stub_tree()
    checked = 0
    for name, members in stub.items():
        obj = getattr(_byline, name)
        if isinstance(members, ast.FunctionDef):
            assert _params(members) == _runtime_params(obj), name
            checked += 1
        elif isinstance(members, dict):
            for member, fn in members.items():
                if member.startswith("__") and member != "__new__":
                    continue
                if any(isinstance(d, ast.Name) and d.id == "property" for d in fn.decorator_list):
                    continue
                target = obj if member == "__new__" else getattr(obj, member)
                try:
                    runtime = _runtime_params(target)
                except ValueError:
                    continue  # no text signature
                assert _params(fn) == runtime, f"{name}.{member}"
                checked += 1
    assert checked > 20


def test_mypy_stubtest_agrees() -> None:
    pytest.importorskip("mypy")
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "byline._byline"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_package_type_checks_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    import subprocess
    import sys

    # `-p byline` from an empty folder: the installed package, found through its py.typed.
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", os.devnull, "-p", "byline"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr
