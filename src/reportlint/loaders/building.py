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

import bisect
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

from reportlint.core.model import Block, Cell, Document, Segment, SegmentMap, Table
from reportlint.sources import Source

Content = TypeVar("Content")

#: Largest row or column span honoured: a larger one (a damaged or hostile file) is cut to this.
MAX_SPAN = 1000

#: A logical place for users kept as a format string and its values (``("第{}段", (12,))``), written
#: out only when its segment is made: formatting every cell's and paragraph's name while loading
#: cost as much as reading the cell, and only the places of findings are ever shown.
Place = tuple[str, tuple[object, ...]]
#: The logical place of a table cell (see :func:`cell_place`).
CELL_PLACE = "表格{} 第{}行 第{}列"
#: A segment while the text is built: ``(start, end, line, column, logical, page)``, ``logical`` a string or a :data:`Place`.
SegmentRow = tuple[int, int, int, int, "str | Place | None", "int | None"]


def place_text(logical: str | Place | None) -> str | None:
    """A logical place as users read it (a :data:`Place` formatted, a string as it is)."""
    if logical is None or isinstance(logical, str):
        return logical
    template, values = logical
    return template.format(*values)


class TextBuilder:
    """Accumulates a document's text, its blocks and the segments of its source map.

    Written for speed (a report has hundreds of paragraphs and cells): segments
    are kept as tuples until the source map is asked for one, and the line of
    the next character is counted as text is written.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._rows: list[SegmentRow] = []
        self.blocks: list[Block] = []
        self._line = 1
        self._line_start = 0  # offset of the first character of the current line
        self._tables = 0

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
        if "\n" in text:
            self._count_lines(text)
        self._length += len(text)

    def write_from_source(self, text: str, line: int, column: int, logical: str | Place | None = None) -> None:
        """Append text found at ``line``/``column`` of the original file (a segment, even for empty text)."""
        start = self._length
        self._rows.append((start, start + len(text), line, column, logical, None))
        self._parts.append(text)
        if "\n" in text:
            self._count_lines(text)
        self._length = start + len(text)

    def write_located(self, text: str, logical: str | Place, page: int | None = None) -> None:
        """Append text located by its own position in the extracted text and a logical place for users."""
        start = self._length
        self._rows.append((start, start + len(text), self._line, start - self._line_start + 1, logical, page))
        self._parts.append(text)
        if "\n" in text:
            self._count_lines(text)
        self._length = start + len(text)

    def _count_lines(self, text: str) -> None:
        """Move the current line past the newlines of ``text``, about to be appended at the current offset."""
        self._line += text.count("\n")
        self._line_start = self._length + text.rfind("\n") + 1

    def next_table_number(self) -> int:
        """The number of the table about to be written (tables are numbered from 1 in the order written)."""
        self._tables += 1
        return self._tables

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
        return BuiltSegmentMap(text, self._rows)


class BuiltSegmentMap(SegmentMap):
    """The source map of a built text: its segments kept as rows (in text order) and each made into a
    :class:`~reportlint.core.model.Segment` when first needed, since only the places of findings are looked up."""

    def __init__(self, text: str, rows: list[SegmentRow]) -> None:
        self._text = text
        self._rows = rows
        self._starts = [row[0] for row in rows]
        self._made: dict[int, Segment] = {}

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments, in text order."""
        return tuple(self._segment(index) for index in range(len(self._rows)))

    def _segment_at(self, offset: int) -> Segment | None:
        if not self._rows:
            return None
        return self._segment(max(0, bisect.bisect_right(self._starts, offset) - 1))

    def _segment(self, index: int) -> Segment:
        made = self._made.get(index)
        if made is None:
            start, end, line, column, logical, page = self._rows[index]
            made = self._made[index] = Segment(start, end, line, column, place_text(logical), page)
        return made


class PlacedCell(NamedTuple, Generic[Content]):
    """A source cell placed on its table's grid (0-based), with the format's own cell content.

    A named tuple, not a dataclass: a report has hundreds of cells and making them is on the loaders' hot path.
    """

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


#: The fields of :class:`~reportlint.core.model.Cell`, in order: :func:`write_table` makes cells from them (a test checks them).
CELL_FIELDS = ("start", "end", "row", "column", "rowspan", "colspan")
_new_object = object.__new__
_set_attribute = object.__setattr__


def cell_name(table_number: int, row: int, column: int) -> str:
    """The logical place of a cell for users: ``表格3 第5行 第2列`` (1-based grid position)."""
    return CELL_PLACE.format(table_number, row + 1, column + 1)


def cell_place(table_number: int, row: int, column: int) -> Place:
    """The logical place of a cell (:func:`cell_name`) as a :data:`Place`, formatted only when shown."""
    return CELL_PLACE, (table_number, row + 1, column + 1)


def write_table(
    builder: TextBuilder,
    grid: TableGrid[Content],
    write_content: Callable[[Content, Place], None],
) -> None:
    """Write a table grid as text and add its :class:`~reportlint.core.model.Table` block.

    ``write_content(content, logical)`` writes one cell's text (its lines joined
    by ``"\\n"``, without surrounding whitespace) and must record a segment at its
    start, even for an empty cell, carrying ``logical`` (see :func:`cell_place`).
    Tables are numbered from 1 in the order they are written. A grid position
    holding more than one cell (never made by the loaders) shows the last one.
    """
    row_count, column_count = grid.row_count, grid.column_count
    by_row: list[list[PlacedCell[Content]]] = [[] for _ in range(row_count)]
    for placed in grid.cells:
        if 0 <= placed.row < row_count and 0 <= placed.column < column_count:
            by_row[placed.row].append(placed)
    for row, placed_cells in enumerate(by_row):
        if not all(before.column < after.column for before, after in itertools.pairwise(placed_cells)):
            by_row[row] = sorted({placed.column: placed for placed in placed_cells}.values(), key=lambda placed: placed.column)
    write_table_rows(builder, by_row, column_count, write_content)


def write_table_rows(
    builder: TextBuilder,
    rows: Sequence[Sequence[Sequence[Any]]],
    column_count: int,
    write_content: Callable[[Content, Place], None] | None,
) -> None:
    """Write a table given as its grid rows, each row's cells in increasing column order, as :func:`write_table` does.

    A cell is any sequence ``(row, column, rowspan, colspan, content)`` (a
    :class:`PlacedCell`, or a list a loader fills while placing), its column
    inside the grid. For a loader that places cells row by row and in column
    order (the .docx loader), this skips :func:`write_table`'s sorting. With
    ``write_content`` ``None`` each content is the cell's text, written as
    :meth:`TextBuilder.write_located` writes it (inlined here: a report has hundreds of cells).
    """
    table_number = builder.next_table_number()
    start = builder.start_block()
    table_rows: list[tuple[Cell, ...]] = []
    segments = builder._rows
    parts = builder._parts
    for row, placed_cells in enumerate(rows):
        if row:
            builder.write("\n")
        cells: list[Cell] = []
        tabs = 0  # separators written in this row: the field of column N follows N of them
        row_number = row + 1
        for _, column, rowspan, colspan, content in placed_cells:
            if column > tabs:
                builder.write("\t" * (column - tabs))
                tabs = column
            cell_start = builder._length
            logical = (CELL_PLACE, (table_number, row_number, column + 1))
            if write_content is None:
                cell_end = cell_start + len(content)
                segments.append((cell_start, cell_end, builder._line, cell_start - builder._line_start + 1, logical, None))
                parts.append(content)
                if "\n" in content:
                    builder._count_lines(content)
                builder._length = cell_end
            else:
                write_content(content, logical)
            # Cell(...) without the frozen dataclass's __init__, which sets each field through object.__setattr__:
            # the same object (equal, same hash and repr) at half the cost, in the loaders' hottest loop.
            cell = _new_object(Cell)
            _set_attribute(
                cell,
                "__dict__",
                {"start": cell_start, "end": builder._length, "row": row, "column": column, "rowspan": rowspan, "colspan": colspan},
            )
            cells.append(cell)
        if column_count - 1 > tabs:
            builder.write("\t" * (column_count - 1 - tabs))
        table_rows.append(tuple(cells))
    builder.blocks.append(Table(start, builder.offset, rows=tuple(table_rows)))
