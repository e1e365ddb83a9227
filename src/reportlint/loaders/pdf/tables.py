"""Ruled tables over page breaks: the pieces of one table on consecutive pages, joined into one table.

A table broken by a page break comes as one :class:`TablePiece` per page (see
:mod:`reportlint.loaders.pdf.grids`), and LibreOffice and Word split the row
at the break too. :func:`join_pieces` puts the pieces of one table together
again (the caller decides which pieces continue each other:
:meth:`TablePiece.continues`):

- grid columns are the union of the pieces' column lines;
- header rows repeated at the top of a page (Word's “重复标题行”) are dropped;
- the first row of a piece is the rest of the previous page's last row when
  its text sits only in cells whose part above has text, some of those are
  complete above (empty below), and either fewer than half of them carry on
  or none that carries on holds a digit: a split row carries on its wrapped
  labels, not its one-line values. It is also the rest of that row when every
  cell that carries on opens a bracket above the break and closes it below
  (``(本列数据的勾稽关系为：第一项加第`` / ``二项之和……)``). Its cells are then merged
  with those above.
  A row at the top of a page that leaves a value blank is a row of its own;
- otherwise a merged cell that spans down over the break (a row-group label)
  continues into the next piece's empty cell below it, when the cell above
  already spans rows or the empty cell below does.

The page break hides whether a row was split there; these rules follow what a
split leaves behind, and a row without digits that starts a page with some
cells left empty is taken for the rest of the row above.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlint.loaders.building import PlacedCell, TableGrid
from reportlint.loaders.pdf.glyphs import join_lines
from reportlint.loaders.pdf.grids import RULE_TOLERANCE, RuledGrid, cluster, nearest


@dataclass(frozen=True)
class PieceCell:
    """A cell of a table piece: its grid rows in the piece, its left and right x, its text and page."""

    row: int
    rowspan: int
    left: float
    right: float
    text: str
    page: int


@dataclass(frozen=True)
class TablePiece:
    """The part of a ruled table drawn on one page, with its cells' text; ``xs`` are its column lines."""

    page: int
    row_count: int
    xs: tuple[float, ...]
    cells: tuple[PieceCell, ...]

    @classmethod
    def of(cls, grid: RuledGrid, texts: Sequence[str], page: int) -> TablePiece:
        """The piece a grid draws on ``page``, with the text of each of its cells (in ``grid.cells`` order)."""
        xs = grid.xs
        cells = tuple(
            PieceCell(cell.row, cell.rowspan, xs[cell.column], xs[cell.column + cell.colspan], text, page)
            for cell, text in zip(grid.cells, texts, strict=True)
        )
        return cls(page, len(grid.ys) - 1, xs, cells)

    @property
    def has_text(self) -> bool:
        """Whether any cell holds text (a ruled box without text is decoration, not a table)."""
        return any(cell.text for cell in self.cells)

    def continues(self, previous: TablePiece) -> bool:
        """Whether this piece, on the page after ``previous``, carries on the same table.

        Its columns must line up with the previous piece's: the same outer
        edges, and the column lines of one a subset of the other's (a piece
        whose rows merge some columns lacks some lines).
        """

        def within(lines: Sequence[float], others: Sequence[float]) -> bool:
            return all(abs(others[nearest(others, line)] - line) <= RULE_TOLERANCE for line in lines)

        return (
            self.page == previous.page + 1
            and within((self.xs[0], self.xs[-1]), (previous.xs[0], previous.xs[-1]))
            and (within(self.xs, previous.xs) or within(previous.xs, self.xs))
        )


@dataclass(frozen=True)
class CellText:
    """A table cell's text and the page it starts on."""

    text: str
    page: int


def join_pieces(pieces: Sequence[TablePiece]) -> TableGrid[CellText]:
    """One table from its pieces on consecutive pages (see the module docs for rows split by a page break)."""
    columns = cluster([edge for piece in pieces for cell in piece.cells for edge in (cell.left, cell.right)])
    cells = [_placed(cell, columns) for cell in pieces[0].cells]
    row_count = pieces[0].row_count
    for piece in pieces[1:]:
        placed = [_placed(cell, columns) for cell in piece.cells]
        header = _repeated_header(cells, placed)
        last = row_count - 1
        above = {_extent(cell): index for index, cell in enumerate(cells) if cell.row <= last < cell.row + cell.rowspan}
        first_row = [cell for cell in placed if cell.row == header]
        split = _is_split_row([cells[index] for index in above.values()], first_row)
        offset = last - header if split else row_count - header
        for cell in placed:
            if cell.row < header:
                continue
            index = above.get(_extent(cell)) if cell.row == header else None
            if index is not None and (split or _spans_down(cells[index], cell, last)):
                cells[index] = _carried_on(cells[index], cell, offset)
            else:
                cells.append(PlacedCell(offset + cell.row, cell.column, cell.rowspan, cell.colspan, cell.content))
        row_count = offset + piece.row_count
    return TableGrid(tuple(cells), row_count, len(columns) - 1)


def _spans_down(above: PlacedCell[CellText], below: PlacedCell[CellText], last: int) -> bool:
    """Whether an empty cell below a page break carries on the merged cell above it (``last``: the row above the break)."""
    return not below.content.text and (above.row < last or below.rowspan > 1)


def _carried_on(above: PlacedCell[CellText], below: PlacedCell[CellText], offset: int) -> PlacedCell[CellText]:
    """The cell above a page break extended over the cell below it (whose rows move down by ``offset``)."""
    text = join_lines(above.content.text, below.content.text)
    return above._replace(rowspan=offset + below.row + below.rowspan - above.row, content=replace(above.content, text=text))


def _placed(cell: PieceCell, columns: Sequence[float]) -> PlacedCell[CellText]:
    """A piece's cell on the joined table's columns (its rows still those of its piece)."""
    column = nearest(columns, cell.left)
    return PlacedCell(cell.row, column, cell.rowspan, nearest(columns, cell.right) - column, CellText(cell.text, cell.page))


def _extent(cell: PlacedCell[CellText]) -> tuple[int, int]:
    """The grid columns a cell covers: the cell below it on the next page covers the same."""
    return cell.column, cell.colspan


def _is_split_row(above: list[PlacedCell[CellText]], first_row: list[PlacedCell[CellText]]) -> bool:
    """Whether a piece's first row is the rest of the row above the page break (see the module docs)."""
    extents = {_extent(cell) for cell in above}
    if not first_row or any(_extent(cell) not in extents for cell in first_row):
        return False
    above_text = {_extent(cell) for cell in above if cell.content.text}
    carried = [cell for cell in first_row if cell.content.text]
    if any(_extent(cell) not in above_text for cell in carried):
        return False
    texts = {_extent(cell): cell.content.text for cell in above}
    if carried and all(_opens_more(texts[_extent(cell)]) and _closes_more(cell.content.text) for cell in carried):
        return True  # “(本列数据的勾稽关系为:第一项加第” above, “二项之和……)” below: one cell's text cut by the break
    if len(carried) == len(above_text):
        return False
    has_digits = any(character.isdigit() for cell in carried for character in cell.content.text)
    return 2 * len(carried) < len(above_text) or not has_digits


_OPENING = "(（[［【《“"
_CLOSING = ")）]］】》”"


def _opens_more(text: str) -> bool:
    return sum(text.count(char) for char in _OPENING) > sum(text.count(char) for char in _CLOSING)


def _closes_more(text: str) -> bool:
    return sum(text.count(char) for char in _CLOSING) > sum(text.count(char) for char in _OPENING)


def _repeated_header(table: list[PlacedCell[CellText]], piece: list[PlacedCell[CellText]]) -> int:
    """How many rows at the top of a piece repeat the table's first rows (0 when none do).

    The rows must hold the same cells with the same text, and no cell of them
    may reach below them (a header block is closed at its bottom).
    """

    def starting(cells: list[PlacedCell[CellText]], row: int) -> list[tuple[int, int, int, str]]:
        return sorted((cell.column, cell.rowspan, cell.colspan, cell.content.text) for cell in cells if cell.row == row)

    header = 0
    deepest = 0  # the bottom of the lowest cell starting in the rows compared so far
    for row in range(max((cell.row for cell in piece), default=0)):
        cells = starting(piece, row)
        if cells != starting(table, row) or not any(text for *_, text in cells):
            break
        deepest = max(deepest, *(row + rowspan for _, rowspan, _, _ in cells))
        if deepest == row + 1:
            header = row + 1
    return header
