"""Quoting report text in messages: one line, whitespace between Han characters removed."""

from __future__ import annotations

import re

from reportlint.text.chars import HAN

_WHITESPACE = re.compile(r"\s+")
_SPACE_BETWEEN_HAN = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")


def squash(text: str) -> str:
    """Text for a message: whitespace runs between Han characters removed, others made one space."""
    return _SPACE_BETWEEN_HAN.sub("", _WHITESPACE.sub(" ", text.strip()))
