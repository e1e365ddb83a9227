"""Quoting report text in messages: one line, whitespace between Han characters removed.

Every message is made one line by :func:`one_line` when its diagnostic is created
(:meth:`reportlint.core.rule.Rule.diagnostic`), so a quote that spans a line break
of the report (a wrapped PDF line, a heading split over two lines) reads as the
text it is; :func:`squash` also removes the spaces a PDF or a web page leaves
between Chinese characters (``公 开`` → ``公开``).
"""

from __future__ import annotations

from reportlint.text.chars import HAN
from reportlint.usercache.patterns import compiled

_WHITESPACE = compiled(r"\s+")
_SPACE_BETWEEN_HAN = compiled(f"(?<=[{HAN}]) (?=[{HAN}])")
_LINE_BREAK = compiled(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*")
_BREAK_BETWEEN_HAN = compiled(f"(?<=[{HAN}“”（）《》，、。：；])\n(?=[{HAN}“”（）《》，、。：；])")


def squash(text: str) -> str:
    """Text for a message: whitespace runs between Han characters removed, others made one space."""
    return _SPACE_BETWEEN_HAN.sub("", _WHITESPACE.sub(" ", text.strip()))


def one_line(text: str) -> str:
    """Text with its line breaks collapsed: none between Chinese characters, one space elsewhere."""
    if "\n" not in text and "\r" not in text:
        return text
    joined = _BREAK_BETWEEN_HAN.sub("", _LINE_BREAK.sub("\n", text.strip()))
    return joined.replace("\n", " ")
