"""Building the text of extracted documents (HTML, .docx, .pdf): blocks, table grids and their segments.

A loader for a structured format does not hand back the file's text: it writes
the report's pieces into a :class:`TextBuilder` in reading order. Blocks are
joined by ``"\\n"``; a table is written one grid row per line, one
``"\\t"``-separated field per grid column (a merged cell's text sits in its
top-left field, the fields it covers stay empty); a cell's own lines are joined
by ``"\\n"``. Pieces written with a location become the
segments (:class:`~reportlint.core.model.Segment`) of the document's source map: a position in
the original file (HTML), or the piece's own position in the extracted text
with a logical place (``第12段``, ``第2页 第14行``) for .docx and .pdf.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Generic, TypeVar

from reportlint.core.model import Block, Cell, Document, Segment, SegmentMap, Table
from reportlint.sources import Source

Content = TypeVar("Content")

#: Largest row or column span honoured: a larger one (a damaged or hostile file) is cut to this.
MAX_SPAN = 1000


class TextBuilder:
    """Accumulates a document's text, its blocks and the segments of its source map."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._segments: list[Segment] = []
        self.blocks: list[Block] = []
        # Line bookkeeping, brought up to date only when a segment needs it.
        self._counted_parts = 0
        self._counted_length = 0
        self._line = 1
        self._line_start = 0

    @property
    def offset(self) -> int:
        """Offset in the text of the next character written."""
        return self._length

    def start_block(self) -> int:
        """Separate a new block from the previous one; returns the block's start offset."""
        if self._length:
            self.write("\n")
        return self._length

    def write(self, text: str) -> None:
        """Append text that needs no segment of its own (separators, collapsed spaces)."""
        self._parts.append(text)
        self._length += len(text)

    def write_from_source(self, text: str, line: int, column: int, logical: str | None = None) -> None:
        """Append text found at ``line``/``column`` of the original file (a segment, even for empty text)."""
        self._segments.append(Segment(self._length, self._length + len(text), line, column, logical))
        self.write(text)

    def write_located(self, text: str, logical: str, page: int | None = None) -> None:
        """Append text located by its own position in the extracted text and a logical place for users."""
        line, column = self._position()
        self._segments.append(Segment(self._length, self._length + len(text), line, column, logical, page))
        self.write(text)

    def _position(self) -> tuple[int, int]:
        """1-based line and column in the text of the next character written."""
        for index in range(self._counted_parts, len(self._parts)):
            part = self._parts[index]
            last_newline = part.rfind("\n")
            if last_newline >= 0:
                self._line += part.count("\n")
                self._line_start = self._counted_length + last_newline + 1
            self._counted_length += len(part)
        self._counted_parts = len(self._parts)
        return self._line, self._length - self._line_start + 1

    def text(self) -> str:
        """The text written so far."""
        return "".join(self._parts)

    def document(self, source: Source, format: str, encoding: str | None = None, metadata: Mapping[str, str] | None = None) -> Document:
        """The finished :class:`Document` of ``source`` (call once, after the last write)."""
        text = self.text()
        return Document(
            path=source.display_path,
            text=text,
            blocks=tuple(self.blocks),
            source_map=self.source_map(text),
            format=format,
            encoding=encoding,
            metadata=MappingProxyType(dict(metadata or {})),
        )

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
    write_content: Callable[[Content, str], None],
) -> None:
    """Write a table grid as text and add its :class:`~reportlint.core.model.Table` block.

    ``write_content(content, logical)`` writes one cell's text (its lines joined
    by ``"\\n"``, without surrounding whitespace) and must record a segment at its
    start, even for an empty cell, carrying ``logical`` (see :func:`cell_name`).
    Tables are numbered from 1 in the order they are written.
    """
    table_number = sum(1 for block in builder.blocks if isinstance(block, Table)) + 1
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
    builder.blocks.append(Table(start, builder.offset, rows=tuple(rows)))
