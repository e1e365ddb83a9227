"""The text of a PDF table cell, made from the glyphs drawn inside it; how far apart glyphs make a space.

pdfium gives characters in drawing order with lines of its own making, which
mix a table row's cells and split narrow cells anywhere. Inside a cell the
glyphs are put in order from their positions instead: visual lines top to
bottom (by the vertical centre of their boxes), each left to right. A space, drawn or
a gap wider than half the font size, separates words; next to Chinese text a
narrower one is only the spacing word processors put around Chinese
characters (the loader's text lines follow the same rule).

A cell's lines are then joined *without* a separator: Word and LibreOffice
wrap Chinese text and numbers anywhere, so a narrow label column turns
``（四）无法提供`` into ``（四）无`` / ``法提供`` — one label, not two lines. Only
between two Western words, which wrap at a space, is the space put back. A
cell written as several paragraphs in the source therefore reads as one line
(the template reader ignores whitespace inside labels either way).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

#: Glyphs whose boxes' bottoms differ by at most this much (in points) are on one line of a cell.
LINE_TOLERANCE = 2.0
#: A space next to Chinese text in a gap narrower than this (in font sizes) is only spacing.
SPACING_GAP = 0.5


class Glyph(NamedTuple):
    """A drawn character and its box (PDF points, ``y`` upwards); the box's height is about the font size.

    A named tuple rather than a dataclass: a page of tables makes thousands.
    """

    character: str
    left: float
    right: float
    bottom: float
    height: float


def cell_text(glyphs: Sequence[Glyph]) -> str:
    """The text of a cell's glyphs: lines top to bottom, left to right, joined with :func:`join_lines`.

    Glyphs are on one line when their boxes' vertical centres are less than half
    a glyph height apart: a bracket's box reaches lower than a Han character's,
    so the bottoms of one line's boxes differ by more than :data:`LINE_TOLERANCE`
    (``(一)项`` must not become ``一项( )``).
    """
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda glyph: -_centre(glyph)):
        if lines and _centre(lines[-1][0]) - _centre(glyph) <= max(LINE_TOLERANCE, 0.5 * max(glyph.height, lines[-1][0].height)):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    text = ""
    for line in lines:
        text = join_lines(text, _line_text(sorted(line, key=lambda glyph: glyph.left)))
    return text


def _centre(glyph: Glyph) -> float:
    return glyph.bottom + glyph.height / 2


def _line_text(line: list[Glyph]) -> str:
    """One visual line, with one space where words are apart (see the module docs)."""
    pieces: list[str] = []
    previous: Glyph | None = None
    spaced = False  # a space glyph since the previous glyph
    for glyph in line:
        if glyph.character.isspace():
            spaced = True
            continue
        if previous is not None:
            narrow = glyph.left - previous.right < SPACING_GAP * max(previous.height, glyph.height, 1.0)
            if (spaced or not narrow) and not (narrow and (is_chinese(previous.character) or is_chinese(glyph.character))):
                pieces.append(" ")
        pieces.append(glyph.character)
        previous, spaced = glyph, False
    return "".join(pieces)


def is_chinese(character: str) -> bool:
    """Han characters and full-width punctuation."""
    return "\u3000" <= character <= "\u9fff" or "\uff00" <= character <= "\uffef" or "\U00020000" <= character <= "\U0003ffff"


def join_lines(first: str, second: str) -> str:
    """Two wrapped lines of a cell as one: a space only between Western words (letters or digits, not two digits)."""
    if not first or not second:
        return first or second
    before, after = first[-1], second[0]
    words = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
    return f"{first} {second}" if words and not (before.isdigit() and after.isdigit()) else first + second
