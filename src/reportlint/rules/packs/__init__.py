"""Registers the YAML rule packs shipped with reportlint (``rules/*.yaml``) through the pack hook."""

from __future__ import annotations

from reportlint.core.hookspecs import hookimpl
from reportlint.core.resources import shipped_rule_packs


@hookimpl
def reportlint_rule_packs():
    """The shipped packs, e.g. the standard-wording pack (规范表述)."""
    return shipped_rule_packs()
