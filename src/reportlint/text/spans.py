"""Shared text machinery for rules: Han character classes, lines and logical paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: One CJK unified ideograph (basic block and extension A), for use inside regex classes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HAN_CHAR = re.compile(f"[{HAN}]")

#: Characters that end a sentence; a line ending with one ends its paragraph.
SENTENCE_END = "。！？；!?;：:"


def squash(text: str) -> str:
    """Text for a message: whitespace runs between Han characters removed, others made one space."""
    collapsed = re.sub(r"\s+", " ", text.strip())
    return re.sub(f"(?<=[{HAN}]) (?=[{HAN}])", "", collapsed)


def is_han(char: str) -> bool:
    """Whether a single character is a CJK ideograph."""
    return bool(char) and ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf")


@dataclass(frozen=True)
class Span:
    """A ``[start, end)`` range of report text."""

    start: int
    end: int


def iter_lines(text: str) -> Iterator[Span]:
    """Every line of ``text`` (without its newline and trailing ``\\r``)."""
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        end = length if newline < 0 else newline
        stripped = end
        while stripped > position and text[stripped - 1] == "\r":
            stripped -= 1
        yield Span(position, stripped)
        if newline < 0:
            return
        position = newline + 1


def logical_paragraphs(text: str) -> Iterator[Span]:
    """Paragraphs as a reader sees them: soft-wrapped lines joined.

    A paragraph ends at a blank line, at a line ending with sentence-final
    punctuation, and at a line containing a tab (a table row). PDF extraction
    and hard-wrapped text split sentences over lines; this joins them back so a
    bracket opened on one line and closed on the next is one paragraph.
    """
    start = None
    end = 0
    for line in iter_lines(text):
        content = text[line.start : line.end]
        if not content.strip():
            if start is not None:
                yield Span(start, end)
                start = None
            continue
        if "\t" in content:
            if start is not None:
                yield Span(start, end)
                start = None
            yield line
            continue
        if start is None:
            start = line.start
        end = line.end
        if content.rstrip()[-1] in SENTENCE_END:
            yield Span(start, end)
            start = None
    if start is not None:
        yield Span(start, end)
