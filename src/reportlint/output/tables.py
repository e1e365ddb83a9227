"""The tables of a checked report as the reviewer sees them, and which table cell a finding is in.

A report's tables are the real tables its loader found (HTML, Word, Markdown,
PDF with ruled tables: kept with the text by the run), or, for a plain-text
report, its runs of tab-separated rows (Word copied as text) and of
``| a | b |`` rows (scraped web tables). Either way a table is a core
:class:`~reportlint.core.model.Table` whose cells hold ranges of the report
text, so the review page draws it as a table and the spreadsheets say
"表格2 第5行 第3列" for a finding in it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Diagnostic
from reportlint.core.model import Cell, Table
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.run.results import FileResult

#: The logical place of a table cell as the loaders write it (``表格3 第5行 第2列``, after ``第2页 `` for PDF).
_LOGICAL_CELL = compiled(r"表格(\d+) 第(\d+)行 第(\d+)列")
#: A Markdown delimiter row (``| --- | :---: |``).
_DELIMITER_ROW = compiled(r"\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?")


@dataclass(frozen=True)
class TablePlace:
    """A cell of a report's table, 1-based as a reader counts: the table, its row, its column."""

    table: int
    row: int
    column: int

    def describe(self) -> str:
        """``表格2 第5行 第3列``, as the loaders name cells."""
        return f"表格{self.table} 第{self.row}行 第{self.column}列"


def report_tables(result: FileResult) -> tuple[Table, ...]:
    """The tables of a checked report: those its loader found, else the tab- and pipe-separated rows of its text."""
    if result.tables:
        return result.tables
    return text_tables(result.text) if result.text else ()


def text_tables(text: str) -> tuple[Table, ...]:
    """Tables written as lines of text: consecutive tab-separated rows, or consecutive ``| … |`` rows.

    A tab row has at least two tabs, or one tab that does not start the line
    (a line that only starts with a tab is a cell written on its own line);
    a Markdown delimiter row belongs to its table but is not one of its rows.
    """
    tables: list[Table] = []
    rows: list[tuple[Cell, ...]] = []
    kind = ""
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line.rstrip("\r"))
        position += len(line) + 1
        line_kind = _row_kind(text[start:end])
        if rows and line_kind != kind:
            tables.append(_table(rows))
            rows = []
        kind = line_kind
        if line_kind == "pipe" and _DELIMITER_ROW.fullmatch(text[start:end]):
            continue
        if line_kind:
            rows.append(_row_cells(text, start, end, line_kind, len(rows)))
    if rows:
        tables.append(_table(rows))
    return tuple(tables)


def _row_kind(line: str) -> str:
    stripped = line.strip()
    if len(stripped) >= 2 and stripped.startswith("|") and stripped.endswith("|"):
        return "pipe"
    tabs = line.count("\t")
    if tabs >= 2 or (tabs == 1 and not line.startswith("\t") and line.strip("\t").strip()):
        return "tab"
    return ""


def _row_cells(text: str, start: int, end: int, kind: str, row: int) -> tuple[Cell, ...]:
    if kind == "tab":
        bounds = [start - 1, *(index for index in range(start, end) if text[index] == "\t"), end]
    else:
        line = text[start:end]
        first = start + len(line) - len(line.lstrip())
        last = start + len(line.rstrip()) - 1
        bounds = [first, *(index for index in range(first + 1, last) if text[index] == "|" and text[index - 1] != "\\"), last]
    cells = []
    for column, (left, right) in enumerate(itertools.pairwise(bounds)):
        cell_start, cell_end = left + 1, right
        while cell_start < cell_end and text[cell_start] == " ":
            cell_start += 1
        while cell_end > cell_start and text[cell_end - 1] == " ":
            cell_end -= 1
        cells.append(Cell(cell_start, cell_end, row, column))
    return tuple(cells)


def _table(rows: list[tuple[Cell, ...]]) -> Table:
    return Table(rows[0][0].start, rows[-1][-1].end, rows=tuple(rows))


def row_span(row: Sequence[Cell]) -> tuple[int, int]:
    """The text range of a table row: from its first cell's start to its last cell's end."""
    return min(cell.start for cell in row), max(cell.end for cell in row)


def cell_at(table: Table, offset: int) -> Cell | None:
    """The cell of a table that holds an offset; an offset between cells (a tab, a bar) belongs to the next cell of its row."""
    for row in table.rows:
        if not row:
            continue
        first, last = row_span(row)
        if not first <= offset <= last:
            continue
        ordered = sorted(row, key=lambda cell: cell.start)
        return next((cell for cell in ordered if offset < cell.end or offset == cell.start), ordered[-1])
    return None


def table_place(diagnostic: Diagnostic, tables: Sequence[Table]) -> TablePlace | None:
    """The table cell a finding is in: as the loader named it (``表格3 第5行 第2列``), else found by offset; None outside tables."""
    location = diagnostic.location
    if location is not None and location.logical:
        match = _LOGICAL_CELL.search(location.logical)
        if match:
            return TablePlace(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if location is None:
        return None
    for number, table in enumerate(tables, start=1):
        if table.start <= diagnostic.start <= table.end:
            cell = cell_at(table, diagnostic.start)
            if cell is not None:
                return TablePlace(number, cell.row + 1, cell.column + 1)
    return None
