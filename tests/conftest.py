"""Shared fixtures: the seed reports and the SARIF schema from ../shared, and linting helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests assert behaviour, never time: no per-example deadline (a loaded 2-core CI machine can take more than
# hypothesis's default 200 ms for an example that first loads a table or numpy). Speed lives in bench/.
settings.register_profile("reportlint", deadline=None)
settings.load_profile("reportlint")

#: The testing kit's fixture (reportlint_linter) is a plugin a suite asks for, as plugin authors do.
pytest_plugins = ["reportlint.testing.pytest_plugin"]

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

SEED_NAMES = {
    "000": "000_f38a3ddaa1733757.txt",
    "001": "001_06262f519957789b.txt",
    "002": "002_c7cdc2898a3fcd12.txt",
    "003": "003_9adbf800e6ecf4be.txt",
    "004": "004_1720ab7064fbf180.txt",
}


# Tests see only reportlint's own plugins (even if the example plugin is installed in the test
# environment); a test that wants entry points removes the variable with monkeypatch.
os.environ["REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
# Commands run by tests write no result cache into the checkout; the cache's own tests remove the variable.
os.environ["REPORTLINT_NO_CACHE"] = "1"


@pytest.fixture
def seeds_dir() -> Path:
    """The five real seed reports (../shared/seeds); skipped on machines without ../shared."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (an end user's machine): seed tests need the shared corpus")
    return SEEDS


@pytest.fixture
def seed(seeds_dir):
    """``seed("003")`` → the path of seed 003."""

    def path(number: str) -> Path:
        return seeds_dir / SEED_NAMES[number]

    return path


@pytest.fixture(scope="session")
def read_seed():
    """A function returning the text of a seed report by its number ("000" … "004")."""

    def read(number: str) -> str:
        if not SEEDS.is_dir():
            pytest.skip("../shared/seeds is absent (an end user's machine): seed tests need the shared corpus")
        return (SEEDS / SEED_NAMES[number]).read_text(encoding="utf-8")

    return read


@pytest.fixture
def sarif_schema() -> dict:
    """The official SARIF 2.1.0 JSON schema (../shared/schemas); skipped when absent."""
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is absent (an end user's machine)")
    import json

    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
