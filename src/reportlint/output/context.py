"""Which parts of a report the review page shows: the lines and table rows around its findings.

A report's text is cut into *units*: each non-empty line outside tables (a line
holding only a tab is a blank cell written on its own line), and
each row of a table (see :mod:`reportlint.output.tables`). Each finding is
anchored in one unit (in one cell when the unit is a table row); the page
shows a few units of context around it, the cells its related locations
name, and the header rows of a table it is in. Everything else is folded.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.core.diagnostics import Diagnostic
from reportlint.core.model import Cell, Table
from reportlint.output.tables import cell_at, row_span
from reportlint.usercache.patterns import compiled

#: Lines of text shown before and after a finding's line.
CONTEXT_LINES = 2
#: Rows of a table shown before and after a finding's row.
CONTEXT_ROWS = 2
#: At most this many leading rows without numbers are a table's header, shown with any row of it.
HEADER_ROWS = 4
#: A table with at most this many rows is shown whole when one of its rows is.
SMALL_TABLE_ROWS = 8
#: Runs of at most this many units between shown ones are not folded.
SMALLEST_FOLD = 2
#: A cell holding a count or an amount (``12``, ``-3``, ``+1``, ``3.2``).
_NUMBER = compiled(r"[+-]?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Unit:
    """A non-blank line of text, or a row of a table (``table`` and ``row`` then say which)."""

    start: int
    end: int
    table: int | None = None
    row: int | None = None


@dataclass(frozen=True)
class Anchor:
    """Where a finding is pinned in the shown text: its unit, its cell in a table row, and the offset."""

    unit: int
    offset: int
    cell: Cell | None = None


def text_units(text: str, tables: Sequence[Table]) -> list[Unit]:
    """The units of a text in order: the rows of its tables, and its non-empty lines outside them."""
    units = []
    for number, table in enumerate(tables):
        for index, row in enumerate(table.rows):
            if row:
                start, end = row_span(row)
                units.append(Unit(start, end, number, index))
    ranges = sorted((table.start, table.end) for table in tables)
    position = 0
    cursor = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        while cursor < len(ranges) and ranges[cursor][1] < start:
            cursor += 1
        inside = cursor < len(ranges) and ranges[cursor][0] <= end and start <= ranges[cursor][1]
        if line.strip("\r") and not inside:
            units.append(Unit(start, len(line.rstrip("\r")) + start))
    return sorted(units, key=lambda unit: (unit.start, unit.end))


def anchor(diagnostic: Diagnostic, units: Sequence[Unit], tables: Sequence[Table], text_length: int) -> Anchor | None:
    """The unit (and cell) that shows a finding's start; a start between units goes to the next one."""
    if not units:
        return None
    offset = max(0, min(diagnostic.start, text_length))
    index = unit_at(units, offset)
    unit = units[index]
    offset = max(unit.start, min(offset, unit.end))
    if unit.table is None:
        return Anchor(index, offset)
    cell = cell_at(Table(unit.start, unit.end, rows=(tables[unit.table].rows[unit.row or 0],)), offset)
    if cell is not None:
        offset = max(cell.start, min(offset, cell.end))
    return Anchor(index, offset, cell)


def unit_at(units: Sequence[Unit], offset: int) -> int:
    """The index of the unit holding an offset, else of the next unit, else the last."""
    return next((index for index, unit in enumerate(units) if offset <= unit.end), len(units) - 1)


def header_rows(table: Table, text: str) -> int:
    """How many rows a table's header has: its leading rows without a number in any cell (at most :data:`HEADER_ROWS`)."""
    count = 0
    for row in table.rows[:HEADER_ROWS]:
        if any(_NUMBER.fullmatch(text[cell.start : cell.end].strip()) for cell in row):
            break
        count += 1
    return count


def shown_units(text: str, units: Sequence[Unit], tables: Sequence[Table], anchored: Sequence[int], related: Sequence[int]) -> set[int]:
    """The units the page shows: context around anchored units, units of related locations, header rows of their tables.

    A gap of at most :data:`SMALLEST_FOLD` units between shown ones is shown too: folding it would save nothing.
    """
    shown: set[int] = set()
    for index in anchored:
        amount = CONTEXT_ROWS if units[index].table is not None else CONTEXT_LINES
        shown.update(range(max(0, index - amount), min(len(units), index + amount + 1)))
    shown.update(related)
    tables_shown = {units[index].table for index in shown if units[index].table is not None}
    headers = {number: header_rows(tables[number], text) for number in tables_shown if number is not None}
    for index, unit in enumerate(units):
        if unit.table is None or unit.row is None or unit.table not in tables_shown:
            continue
        if unit.row < headers[unit.table] or len(tables[unit.table].rows) <= SMALL_TABLE_ROWS:
            shown.add(index)
    ordered = sorted(shown)
    for previous, following in itertools.pairwise(ordered):
        if following - previous - 1 <= SMALLEST_FOLD:
            shown.update(range(previous + 1, following))
    return shown
