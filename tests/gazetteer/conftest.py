"""Shared fixtures of the gazetteer tests: the shipped gazetteer and the real seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.gazetteer import Gazetteer

#: The scraped real reports of the project (outside the repository; never copied into it).
SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once for the whole test session."""
    return Gazetteer.default()


@pytest.fixture(scope="session")
def read_seed():
    """A function returning the text of a seed report by its number ("000" … "004")."""

    def read(number: str) -> str:
        if not SEEDS_DIR.is_dir():
            pytest.skip(f"seed reports not available: {SEEDS_DIR} does not exist (they live outside the repository)")
        paths = sorted(SEEDS_DIR.glob(f"{number}_*.txt"))
        if not paths:
            pytest.skip(f"seed report {number}_*.txt not found in {SEEDS_DIR}")
        return paths[0].read_text(encoding="utf-8")

    return read
