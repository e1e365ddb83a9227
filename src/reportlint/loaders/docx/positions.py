"""Where the extracted text of a Word document comes from: its ``w:t`` elements, its cells and its comment ranges.

The .docx loader builds ``Document.text`` from ``word/document.xml``; when asked
(:class:`TextPositions`), it also records the way back: each ``w:t`` element
with the offset of its first character in the text, each table cell (``w:tc``)
with its range, and the offsets of ``w:commentRangeStart``/``w:commentRangeEnd``.
Comment ranges give the suppressions written as Word comments
(``reportlint: 忽略 RL603 原因``); the ``w:t`` elements and cells let
:mod:`reportlint.loaders.docx.editing` put a comment on, or fix, the exact
range of a finding in a copy of the document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element


@dataclass(frozen=True)
class TextOrigin:
    """A ``w:t`` element whose text starts at ``start`` in the document text (after the paragraph's leading spaces are stripped)."""

    start: int
    element: _Element
    #: Characters of the element's text left out of the document text at its start (a paragraph's stripped leading spaces).
    skipped: int = 0
    #: Characters of the document text the element holds (its text less stripped leading and trailing spaces).
    length: int = 0


@dataclass(frozen=True)
class CellOrigin:
    """A table cell (``w:tc``) and its range in the document text."""

    start: int
    end: int
    element: _Element


@dataclass(frozen=True)
class ParagraphPositions:
    """What one paragraph's reading records, relative to the paragraph's stripped text."""

    origins: tuple[tuple[int, _Element, int, int], ...] = ()  # (offset, w:t, skipped, length)
    marks: tuple[tuple[int, str, str], ...] = ()  # (offset, "start" | "end", comment id)


@dataclass
class TextPositions:
    """The positions a loading records: ``w:t`` origins and cells when ``text`` is set, comment marks when ``comments`` is."""

    text: bool = False
    comments: bool = False
    origins: list[TextOrigin] = field(default_factory=list)
    cells: list[CellOrigin] = field(default_factory=list)
    starts: dict[str, int] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)

    def add_paragraph(self, start: int, paragraph: ParagraphPositions) -> None:
        """Record a paragraph's origins and marks, its text written at ``start``."""
        for offset, element, skipped, length in paragraph.origins:
            self.origins.append(TextOrigin(start + offset, element, skipped, length))
        for offset, kind, identifier in paragraph.marks:
            self.mark(kind, identifier, start + offset)

    def mark(self, kind: str, identifier: str, offset: int) -> None:
        """Record a comment range mark (the first start and the last end of an id win)."""
        if kind == "start":
            self.starts.setdefault(identifier, offset)
        else:
            self.ends[identifier] = offset

    def comment_ranges(self) -> dict[str, tuple[int, int]]:
        """Comment id → ``[start, end)`` in the text, for every comment with a start or an end mark."""
        ranges = {}
        for identifier in {*self.starts, *self.ends}:
            start = self.starts.get(identifier, self.ends.get(identifier, 0))
            end = self.ends.get(identifier, start)
            ranges[identifier] = (min(start, end), max(start, end))
        return ranges


class OriginIndex:
    """The ``w:t`` origins of a document text, sorted, with the text of each: which elements hold a range."""

    def __init__(self, origins: list[TextOrigin]) -> None:
        self.origins = sorted(origins, key=lambda origin: origin.start)
        self._starts = [origin.start for origin in self.origins]

    def overlapping(self, start: int, end: int) -> list[TextOrigin]:
        """The origins holding at least one character of ``[start, end)``, in order."""
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        found = []
        for origin in self.origins[index:]:
            if origin.start >= end:
                break
            if origin.start + origin.length > start:
                found.append(origin)
        return found

    def nearest(self, offset: int) -> TextOrigin | None:
        """The origin holding ``offset``, else the next one after it, else the last one before it."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.origins[index].start + self.origins[index].length:
            return self.origins[index]
        if index + 1 < len(self.origins):
            return self.origins[index + 1]
        return self.origins[index] if index >= 0 else None
