"""Building the text of extracted documents (HTML, .docx, .pdf): blocks, table grids and their segments.

A loader for a structured format does not hand back the file's text: it writes
the report's pieces into a :class:`TextBuilder` in reading order. Blocks are
joined by ``"\\n"``; a table is written one grid row per line, one
``"\\t"``-separated field per grid column (a merged cell's text sits in its
top-left field, the fields it covers stay empty); a cell's own lines are joined
by ``"\\n"``. Every piece can carry an :class:`Origin`, which becomes a
:class:`~reportlint.model.Segment` of the document's source map.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from reportlint.model import Block, Cell, Segment, SegmentMap, Table

Content = TypeVar("Content")


@dataclass(frozen=True)
class Origin:
    """Where a piece of extracted text comes from.

    ``line``/``column`` are the piece's position in the original file (HTML);
    when they are ``None`` the piece is located by its own position in the
    extracted text (.docx, .pdf), and ``logical``/``page`` say where to look.
    """

    line: int | None = None
    column: int | None = None
    logical: str | None = None
    page: int | None = None


class TextBuilder:
    """Accumulates a document's text, its blocks and the segments of its source map."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._line = 1
        self._line_start = 0
        self._segments: list[Segment] = []
        self.blocks: list[Block] = []

    @property
    def offset(self) -> int:
        """Offset in the text of the next character written."""
        return self._length

    def start_block(self) -> int:
        """Separate a new block from the previous one; returns the block's start offset."""
        if self._length:
            self.write("\n")
        return self._length

    def write(self, text: str, origin: Origin | None = None) -> None:
        """Append ``text``; with an ``origin``, record a segment for it (even an empty one)."""
        if origin is not None:
            if origin.line is None:
                line, column = self._line, self._length - self._line_start + 1
            else:
                line, column = origin.line, origin.column or 1
            self._segments.append(
                Segment(self._length, self._length + len(text), line, column, origin.logical, origin.page)
            )
        newlines = text.count("\n")
        if newlines:
            self._line += newlines
            self._line_start = self._length + text.rfind("\n") + 1
        self._parts.append(text)
        self._length += len(text)

    def text(self) -> str:
        """The text written so far."""
        return "".join(self._parts)

    def source_map(self, text: str) -> SegmentMap:
        """The source map of ``text`` (the result of :meth:`text`)."""
        return SegmentMap(text, self._segments)


@dataclass(frozen=True)
class PlacedCell(Generic[Content]):
    """A source cell placed on its table's grid (0-based), with the format's own cell content."""

    row: int
    column: int
    rowspan: int
    colspan: int
    content: Content


@dataclass(frozen=True)
class TableGrid(Generic[Content]):
    """A source table after span expansion: its cells and the size of its grid."""

    cells: tuple[PlacedCell[Content], ...]
    row_count: int
    column_count: int

    @property
    def is_layout(self) -> bool:
        """Whether the table only arranges content (a single column), rather than holding data."""
        return self.column_count <= 1


def cell_name(table_number: int, row: int, column: int) -> str:
    """The logical place of a cell for users: ``表格3 第5行 第2列`` (1-based grid position)."""
    return f"表格{table_number} 第{row + 1}行 第{column + 1}列"


def write_table(
    builder: TextBuilder,
    grid: TableGrid[Content],
    table_number: int,
    write_content: Callable[[Content, str], None],
) -> Table:
    """Write a table grid as text and return its :class:`~reportlint.model.Table` block.

    ``write_content(content, logical)`` writes one cell's text (its lines joined
    by ``"\\n"``, without surrounding whitespace) and must record a segment at its
    start, even for an empty cell, carrying ``logical`` (see :func:`cell_name`).
    """
    by_position = {(cell.row, cell.column): cell for cell in grid.cells}
    start = builder.start_block()
    rows: list[tuple[Cell, ...]] = []
    for row in range(grid.row_count):
        if row:
            builder.write("\n")
        cells: list[Cell] = []
        for column in range(grid.column_count):
            if column:
                builder.write("\t")
            placed = by_position.get((row, column))
            if placed is None:
                continue
            cell_start = builder.offset
            write_content(placed.content, cell_name(table_number, row, column))
            cells.append(Cell(cell_start, builder.offset, row, column, placed.rowspan, placed.colspan))
        rows.append(tuple(cells))
    table = Table(start, builder.offset, rows=tuple(rows))
    builder.blocks.append(table)
    return table


def joined_lines(lines: Sequence[str]) -> str:
    """Non-blank lines stripped of surrounding whitespace, joined by ``"\\n"``."""
    return "\n".join(stripped for stripped in (line.strip() for line in lines) if stripped)
