"""Shared by the RL1 tests: the township they report on, its findings for one code, the line of a phrase."""

from __future__ import annotations

from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS

TOWN = SUBJECTS[0]


def findings(text: str, code: str):
    """(line, message) of every finding of ``code``."""
    return [(d.location.line, d.message) for d in lint_text(text, config={"select": [code]})]


def line_of(text: str, needle: str) -> int:
    """The line ``needle`` first appears on."""
    return text[: text.index(needle)].count("\n") + 1
