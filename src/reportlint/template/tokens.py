"""Table tokens: the cells of a report region as one stream, whatever the layout.

Real tables (HTML, .docx, Markdown) give their cells directly. Tables flattened
into text arrive as tab-separated rows, pipe-delimited rows, one cell per line
(optionally indented with a tab, ``\\t`` alone for a blank cell), or PDF lines
whose cells are separated by spaces. :func:`region_rows` turns any of them into
:class:`RawRow` s of :class:`Token` s with exact ranges, so the aligner never
thinks about layouts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.model import Document, Table
from reportlint.numbers import CellValue, parse_cell

_PIPE_DELIMITER_ROW = re.compile(r"^[\s|:\-]+$")
_SENTENCE_PUNCTUATION = re.compile(r"[。，；！？,;]")


@dataclass(frozen=True)
class Token:
    """One cell: its text range and what it holds (``value``, ``blank`` or ``text``)."""

    start: int
    end: int
    text: str
    kind: str
    cell: CellValue

    @property
    def is_text(self) -> bool:
        """A label or header cell (not a value, not blank)."""
        return self.kind == "text"


@dataclass(frozen=True)
class RawRow:
    """The tokens of one table row, or of one line of flattened text."""

    tokens: tuple[Token, ...]
    from_table: bool = False

    @property
    def values(self) -> int:
        """How many value tokens the row has."""
        return sum(1 for token in self.tokens if token.kind == "value")


def make_token(text: str, start: int, end: int) -> Token:
    """A token for ``text[start:end]`` with surrounding whitespace trimmed from the range."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
    else:
        start = end = start + (len(piece) // 2 if piece else 0)
    cell = parse_cell(stripped)
    kind = "blank" if cell.kind == "blank" else "value" if cell.kind in ("number", "none-mark") else "text"
    return Token(start, end, stripped, kind, cell)


def _split(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    pieces = []
    position = start
    while True:
        found = text.find(separator, position, end)
        if found < 0:
            pieces.append((position, end))
            return pieces
        pieces.append((position, found))
        position = found + 1


def _space_pieces(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Split a PDF-style line ``label 0 0 0`` on whitespace; None when it is not such a row.

    The line must be some label text (without sentence punctuation) followed
    only by values; the label's own spaces are kept (``1. 属于国家秘密``).
    """
    words = [(match.start(), match.end()) for match in re.finditer(r"\S+", text[start:end])]
    words = [(start + word_start, start + word_end) for word_start, word_end in words]
    if len(words) < 2:
        return None
    first_value = next((index for index, (s, e) in enumerate(words) if parse_cell(text[s:e]).kind in ("number", "none-mark")), None)
    if first_value is None:
        return None
    tail = words[first_value:]
    if any(parse_cell(text[s:e]).kind not in ("number", "none-mark") for s, e in tail):
        return None
    label = words[:first_value]
    if label and _SENTENCE_PUNCTUATION.search(text[label[0][0] : label[-1][1]]):
        return None
    return ([(label[0][0], label[-1][1])] if label else []) + tail


def _line_tokens(text: str, start: int, end: int) -> list[Token] | None:
    """The tokens of one text line (None for a line with no content)."""
    line = text[start:end]
    if not line.strip():
        if "\t" in line:  # a cell-per-line table writes a blank cell as a lone tab
            return [make_token(text, start, end)]
        return None
    if "\t" in line:
        pieces = _split(text, start, end, "\t")
        while pieces and not text[pieces[0][0] : pieces[0][1]].strip():
            pieces.pop(0)  # the (merged) label column left empty, or indentation
    elif line.count("|") >= 2:
        if _PIPE_DELIMITER_ROW.match(line):
            return None
        pieces = _split(text, start, end, "|")
        if pieces and not text[pieces[0][0] : pieces[0][1]].strip():
            pieces.pop(0)
        if pieces and not text[pieces[-1][0] : pieces[-1][1]].strip():
            pieces.pop()
    else:
        pieces = _space_pieces(text, start, end) or [(start, end)]
    return [make_token(text, piece_start, piece_end) for piece_start, piece_end in pieces]


def _table_rows(document: Document, table: Table) -> list[RawRow]:
    return [
        RawRow(tuple(make_token(document.text, cell.start, cell.end) for cell in row), from_table=True)
        for row in table.rows
        if row
    ]


def region_rows(document: Document, start: int, end: int) -> list[RawRow]:
    """Every table-like row between ``start`` and ``end``: real table rows and text lines."""
    tables = [block for block in document.tables if block.start < end and block.end > start]
    rows: list[RawRow] = []
    text = document.text
    position = start
    for table in tables:
        rows.extend(_text_rows(text, position, max(position, table.start)))
        rows.extend(_table_rows(document, table))
        position = max(position, table.end)
    rows.extend(_text_rows(text, position, end))
    return rows


def _text_rows(text: str, start: int, end: int) -> list[RawRow]:
    rows = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline < 0 else newline
        content_end = line_end - 1 if line_end > position and text[line_end - 1] == "\r" else line_end
        tokens = _line_tokens(text, position, content_end)
        if tokens:
            rows.append(RawRow(tuple(tokens)))
        position = line_end + 1
    return rows
