"""The filled template: every template cell with what the report wrote in it.

A :class:`FilledTable` holds the rows found for one :class:`TableSpec`; each
:class:`FilledCell` says whether the cell was read (``ok``), left ``blank``,
written as text (``non-numeric``), is a value beyond the template's columns
(``extra``), was never found (``missing``), or was found but cannot be tied to
a column with confidence (``unaligned``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import cached_property
from types import MappingProxyType
from typing import Any

from reportlint.core.frozen import positional_maker
from reportlint.template.spec import TableSpec, TemplateSpec


class CellStatus(str, Enum):
    """How a template cell was read."""

    OK = "ok"
    BLANK = "blank"
    NON_NUMERIC = "non-numeric"
    EXTRA = "extra"
    MISSING = "missing"
    UNALIGNED = "unaligned"

    @property
    def chinese(self) -> str:
        """The status in Chinese, for ``reportlint parse``."""
        return {
            "ok": "正常",
            "blank": "空白",
            "non-numeric": "非数字",
            "extra": "多余",
            "missing": "缺失",
            "unaligned": "无法对齐",
        }[self.value]


class LabelMatch(str, Enum):
    """How a row was identified."""

    EXACT = "exact"  # the official label
    ALIAS = "alias"  # an accepted variant (e.g. 规范性文件 for 行政规范性文件)
    NO_ORDINAL = "no-ordinal"  # the label without its ordinal (上年结转… for 二、上年结转…)
    FUZZY = "fuzzy"  # a truncated or slightly different label
    POSITIONAL = "positional"  # no label; placed by its position between labelled rows
    NONE = "none"  # a row of values that could not be placed


@dataclass(frozen=True)
class FilledCell:
    """One template cell (or one value beyond the template) and what was read there."""

    table: str
    row: str | None
    column: str | None
    status: CellStatus
    raw: str = ""
    value: int | Decimal | None = None
    unit: str | None = None
    signed: bool = False
    start: int | None = None
    end: int | None = None
    position: int = 0  # 0-based position of the value in its row as written

    @property
    def is_readable(self) -> bool:
        """Read with confidence as a number: arithmetic may use it."""
        return self.status is _OK and self.value is not None


_new_object = object.__new__


class UnfrozenCell:
    """A :class:`FilledCell` while its fields are set: an ordinary object, then made the frozen cell by
    ``cell.__class__ = FilledCell``.

    The reader makes a report's cells by the hundred. A field set as an attribute of an ordinary object goes into the
    object's own values by a remembered index, the interpreter's quickest store: the eleven fields of a cell cost
    about 1.5 K instructions so, 3.5 K as stores into a ``__dict__``; the class assignment (which moves the values
    into a ``__dict__``) costs 0.8 K. The cell made is equal to, and indistinguishable from, one made by the
    constructor when every field is set, in the order of the fields (its ``__dict__`` holds them in that order).
    Both classes are plain classes with a ``__dict__`` and no slots, as the class assignment requires.
    """


class UnfrozenRow:
    """A :class:`FilledRow` while :func:`read_row` sets its fields (see :class:`UnfrozenCell`)."""


def read_cell(
    table: str,
    row: str | None,
    column: str | None,
    status: CellStatus,
    raw: str,
    value: int | Decimal | None,
    unit: str | None,
    signed: bool,
    start: int | None,
    end: int | None,
    position: int,
) -> FilledCell:
    """``FilledCell(table, row, column, …)`` with every field given, made without the frozen dataclass's ``__init__``
    (an :class:`UnfrozenCell` whose fields are set, made a cell).

    The reader makes a report's cells by the hundred; a frozen ``__init__`` sets each
    field through ``object.__setattr__``, which costs more than the rest of reading a cell.
    The cell is equal to, and indistinguishable from, one made by the constructor.
    """
    cell: Any = _new_object(UnfrozenCell)
    cell.table = table
    cell.row = row
    cell.column = column
    cell.status = status
    cell.raw = raw
    cell.value = value
    cell.unit = unit
    cell.signed = signed
    cell.start = start
    cell.end = end
    cell.position = position
    cell.__class__ = FilledCell
    return cell


def read_row(
    table: str,
    row: str | None,
    label: str,
    label_start: int | None,
    label_end: int | None,
    match: LabelMatch,
    cells: tuple[FilledCell, ...],
    expected: int,
    start: int,
    end: int,
    in_columns: bool = False,
) -> FilledRow:
    """``FilledRow(table, row, label, …)`` with every field given, made without the frozen dataclass's ``__init__``
    (an :class:`UnfrozenRow` whose fields are set, made a row; see :func:`read_cell`).

    Its :attr:`~FilledRow.found` and :attr:`~FilledRow.aligned` are computed here, as the cached properties would
    compute them: the reader asks every row for them, and a cached property's first read takes a lock on Python 3.11.
    ``in_columns`` says every cell was read into a column of the template (none ``missing``, ``unaligned`` or
    ``extra``), as the aligner knows of the rows it fills: then every cell is found, and the row is aligned when it is known.
    The aligner passes it by position: a call with a keyword argument costs as much as making the row.
    """
    if in_columns:
        found, aligned = len(cells), row is not None
    else:
        found = sum(1 for cell in cells if cell.status is not _MISSING)
        aligned = row is not None and all(cell.status not in _NOT_ALIGNED for cell in cells)
    filled: Any = _new_object(UnfrozenRow)
    filled.table = table
    filled.row = row
    filled.label = label
    filled.label_start = label_start
    filled.label_end = label_end
    filled.match = match
    filled.cells = cells
    filled.expected = expected
    filled.start = start
    filled.end = end
    filled.found = found
    filled.aligned = aligned
    filled.__class__ = FilledRow
    return filled


#: The statuses of cells that are not in a known column.
_NOT_ALIGNED = (CellStatus.UNALIGNED, CellStatus.EXTRA, CellStatus.MISSING)
_MISSING = CellStatus.MISSING
_EXTRA = CellStatus.EXTRA
#: (statuses read per cell as module names: on Python 3.11 ``CellStatus.OK`` goes through the enum class's
#: ``__getattr__`` hook, several times the cost of a global)
_OK = CellStatus.OK


@dataclass(frozen=True)
class FilledRow:
    """A row of values as found in the report, tied to a template row when possible."""

    table: str
    row: str | None
    label: str
    label_start: int | None
    label_end: int | None
    match: LabelMatch
    cells: tuple[FilledCell, ...]
    expected: int
    start: int
    end: int

    @cached_property
    def found(self) -> int:
        """How many values (and blank cells) the row carries."""
        return sum(1 for cell in self.cells if cell.status is not _MISSING)

    @cached_property
    def aligned(self) -> bool:
        """Whether every value sits in a known column (counts match, row known)."""
        return self.row is not None and all(cell.status not in _NOT_ALIGNED for cell in self.cells)


@dataclass(frozen=True)
class UnsplitRow:
    """A row of a table flattened into one line whose run of values could not be split into its cells with certainty.

    ``text`` is the row as written (label and values); ``candidates`` is how many
    splits fit the row's column count and relations: 0 (none: a value missing or
    one too many) or more than one. Such a row is left out of every check.
    """

    table: str
    row: str | None
    start: int
    end: int
    text: str
    candidates: int


@dataclass(frozen=True)
class FilledTable:
    """One template table as found in the report."""

    spec: TableSpec
    rows: tuple[FilledRow, ...] = ()
    headers_found: tuple[str, ...] = ()
    unknown_headers: tuple[tuple[str, int, int], ...] = ()
    layout: str = ""
    start: int | None = None
    end: int | None = None
    template_id: str | None = None
    unsplittable: tuple[UnsplitRow, ...] = ()
    _cells: Mapping[tuple[str, str], FilledCell] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    @classmethod
    def build(cls, spec: TableSpec, rows, **details) -> FilledTable:
        """A table with its cell index built from ``rows``."""
        return cls(spec, tuple(rows), _cells=_cell_index(rows), **details)

    @property
    def found(self) -> bool:
        """Whether any row of the table was found (rows that could not be split included)."""
        return bool(self.rows or self.unsplittable)

    def cell(self, row: str, column: str) -> FilledCell:
        """The cell at (row, column); a ``missing`` cell when the report has none."""
        return self._cells.get((row, column)) or FilledCell(self.spec.id, row, column, CellStatus.MISSING)

    @property
    def found_cells(self) -> Mapping[tuple[str, str], FilledCell]:
        """The cells the report has, by (row, column): :meth:`cell` without the ``missing`` ones (read-only)."""
        return self._cells

    def row(self, row_id: str) -> FilledRow | None:
        """The found row for a template row id (the first, when the report repeats it)."""
        return self._row_index.get(row_id)

    @cached_property
    def readable_cells(self) -> Mapping[tuple[str, str], FilledCell]:
        """The cells arithmetic may use, by (row, column): :meth:`cell` read as a number (:attr:`FilledCell.is_readable`)
        in a row whose :meth:`row` has every value in a known column (:attr:`FilledRow.aligned`). Built once: relations read
        the same cells hundreds of times per report."""
        return MappingProxyType(self._readable)

    @cached_property
    def readable_cell(self) -> Callable[[tuple[str, str]], FilledCell | None]:
        """``readable_cells.get``, for reading cells by the hundred: the ``get`` of the dict itself (the read-only
        mapping's looks the method up on the dict behind it at every call, a third more per cell read)."""
        return self._readable.get

    @cached_property
    def _readable(self) -> dict[tuple[str, str], FilledCell]:
        readable: dict[tuple[str, str], FilledCell] = {}
        rows = self._row_index
        for key, cell in self._cells.items():
            if cell.is_readable:
                found = rows.get(key[0])
                if found is not None and found.aligned:
                    readable[key] = cell
        return readable

    @cached_property
    def _row_index(self) -> dict[str | None, FilledRow]:
        index: dict[str | None, FilledRow] = {}
        for row in self.rows:
            index.setdefault(row.row, row)
        return index

    def cells(self) -> Iterator[FilledCell]:
        """Every template cell in template order (missing ones included)."""
        for row in self.spec.rows:
            for column in self.spec.columns:
                yield self.cell(row.id, column.id)


def _cell_index(
    rows: Iterable[FilledRow], column_keys: Mapping[str | None, tuple[tuple[str, str], ...]] | None = None
) -> Mapping[tuple[str, str], FilledCell]:
    """The cells of ``rows`` in known rows and columns by (row, column), the first of each (values beyond the template
    left out): the index of :meth:`FilledTable.cell` (read-only).

    ``column_keys`` are, for the rows the aligner fills, the keys of each template row's cells in column order: a row
    it aligned has one cell for each column, in order, all in its own template row, and the cells of every row it
    makes are in that row's template row. Such a row whose template row is not indexed yet is indexed at once (one
    C-level update, in the same order); the others cell by cell.
    """
    cells: dict[tuple[str, str], FilledCell] = {}
    add, extra = cells.setdefault, _EXTRA
    indexed: set[str | None] = set()  # the template rows of the rows indexed so far (with column_keys)
    for row in rows:
        if column_keys is not None:
            row_id = row.row
            if row.aligned and row_id not in indexed:
                indexed.add(row_id)
                cells.update(zip(column_keys[row_id], row.cells, strict=True))
                continue
            indexed.add(row_id)
        for cell in row.cells:
            if cell.status is not extra and cell.row is not None and cell.column is not None:
                add((cell.row, cell.column), cell)
    return MappingProxyType(cells)


def read_table(
    spec: TableSpec,
    rows: tuple[FilledRow, ...],
    headers_found: tuple[str, ...],
    unknown_headers: tuple[tuple[str, int, int], ...],
    layout: str,
    start: int | None,
    end: int | None,
    template_id: str | None,
    unsplittable: tuple[UnsplitRow, ...],
    column_keys: Mapping[str | None, tuple[tuple[str, str], ...]] | None = None,
) -> FilledTable:
    """``FilledTable.build(spec, rows, headers_found=…, …)`` with every field given by position, made without the frozen
    dataclass's ``__init__`` (see :func:`read_cell`): the aligner makes every table of every template it tries.
    ``column_keys``: the keys of each template row's cells, for rows the aligner filled (see :func:`_cell_index`)."""
    return _made_table(
        spec, rows, headers_found, unknown_headers, layout, start, end, template_id, unsplittable, _cell_index(rows, column_keys)
    )


_made_table = positional_maker(FilledTable)


@dataclass(frozen=True)
class FilledTemplate:
    """Every table of the template the report's tables follow, filled from the report."""

    template: TemplateSpec
    tables: Mapping[str, FilledTable]

    def table(self, table_id: str) -> FilledTable | None:
        """A filled table by id."""
        return self.tables.get(table_id)

    def cell(self, table_id: str, row: str, column: str) -> FilledCell:
        """A cell by (table, row, column); ``missing`` when absent."""
        table = self.tables.get(table_id)
        if table is None:
            return FilledCell(table_id, row, column, CellStatus.MISSING)
        return table.cell(row, column)
