"""Outputs users see stay byte-identical unless a change means them to (see tests/acceptance/snapshots/regenerate.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "snapshots"


def _regenerate_module():
    spec = importlib.util.spec_from_file_location("snapshots_regenerate", HERE / "regenerate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_output_matches_its_snapshot(monkeypatch):
    regenerate = _regenerate_module()
    monkeypatch.chdir(regenerate.REPO)
    produced = dict(regenerate.outputs())
    stored = {path.name for path in HERE.iterdir() if path.name != "regenerate.py" and path.is_file()}
    assert set(produced) == stored, "snapshots missing or stale: run python tests/acceptance/snapshots/regenerate.py"
    changed = [name for name, content in produced.items() if (HERE / name).read_bytes().decode("utf-8") != content]
    if changed:
        pytest.fail(
            "outputs differ from their snapshots (python tests/acceptance/snapshots/regenerate.py, then review the diff): "
            + ", ".join(changed)
        )
