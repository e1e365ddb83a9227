"""Where the files shipped with reportlint live (rule packs and template specs).

In an installed wheel they are package data under ``reportlint/rules_data``;
in a source checkout they are the repository's top-level ``rules/`` directory.
Both layouts give the same files, so a checkout and a wheel behave the same.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def shipped_rules_dir() -> Path:
    """The directory holding ``templates/`` and the shipped YAML rule packs."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "rules_data"
    if packaged.is_dir():
        return packaged
    checkout = package.parents[1] / "rules"
    assert checkout.is_dir(), f"reportlint's shipped rules are missing (looked in {packaged} and {checkout})"
    return checkout


def shipped_templates() -> list[Path]:
    """The official template specs shipped with reportlint (T2019, T2021)."""
    return sorted((shipped_rules_dir() / "templates").glob("*.yaml"))


def shipped_rule_packs() -> list[Path]:
    """The declarative rule packs shipped with reportlint."""
    return sorted(shipped_rules_dir().glob("*.yaml"))
