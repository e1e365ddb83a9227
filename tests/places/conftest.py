"""Shared fixture of the gazetteer tests: the shipped gazetteer (the seeds come from tests/conftest.py)."""

from __future__ import annotations

import pytest

from reportlint.places import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once for the whole test session."""
    return Gazetteer.default()
