"""Filled cells and rows made by the reader, and the readable cells relations use."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError
from decimal import Decimal

import pytest

from reportlint.template.filled import CellStatus, FilledCell, FilledRow, FilledTable, LabelMatch, read_cell, read_row, read_table
from reportlint.template.spec import ColumnSpec, RowSpec, TableSpec

TABLE = TableSpec(
    "s9",
    "s3",
    "表",
    (ColumnSpec("c1", "甲"), ColumnSpec("c2", "乙")),
    (RowSpec("r1", "一、行一"), RowSpec("r2", "二、行二"), RowSpec("r3", "三、行三")),
)


def _cells(row: str, first: CellStatus, second: CellStatus) -> tuple[FilledCell, ...]:
    return (
        read_cell("s9", row, "c1", first, "5", 5, None, False, 10, 11, 0),
        read_cell("s9", row, "c2", second, "1.5万元", Decimal("1.5"), "万元", False, 12, 17, 1),
    )


def test_cells_and_rows_made_by_the_reader_equal_those_of_the_constructors():
    cell = read_cell("s9", "r1", "c2", CellStatus.OK, "1.5万元", Decimal("1.5"), "万元", True, 3, 8, 1)
    made = FilledCell("s9", "r1", "c2", CellStatus.OK, "1.5万元", Decimal("1.5"), "万元", True, 3, 8, 1)
    assert cell == made and repr(cell) == repr(made) and hash(cell) == hash(made)
    assert pickle.loads(pickle.dumps(cell)) == made
    cells = _cells("r1", CellStatus.OK, CellStatus.UNALIGNED)
    row = read_row("s9", "r1", "一、行一", 0, 4, LabelMatch.EXACT, cells, 2, 0, 17)
    constructed = FilledRow("s9", "r1", "一、行一", 0, 4, LabelMatch.EXACT, cells, 2, 0, 17)
    assert row == constructed and repr(row) == repr(constructed)
    assert (row.found, row.aligned) == (constructed.found, constructed.aligned) == (2, False)
    unplaced = read_row("s9", None, "", None, None, LabelMatch.NONE, _cells("r9", CellStatus.OK, CellStatus.OK), 2, 20, 37)
    rows = (row, unplaced, read_row("s9", "r1", "", None, None, LabelMatch.EXACT, _cells("r1", CellStatus.OK, CellStatus.EXTRA), 2, 40, 57))
    table = read_table(TABLE, rows, ("甲",), (("乙乙", 3, 5),), "rows", 0, 57, "T2021", ())
    built = FilledTable.build(
        TABLE, list(rows), headers_found=("甲",), unknown_headers=(("乙乙", 3, 5),), layout="rows", start=0, end=57, template_id="T2021"
    )
    assert table == built and repr(table) == repr(built)
    assert (
        dict(table.found_cells)
        == dict(built.found_cells)
        == {("r1", "c1"): cells[0], ("r1", "c2"): cells[1], ("r9", "c1"): unplaced.cells[0], ("r9", "c2"): unplaced.cells[1]}
    )


def test_cells_and_rows_made_by_the_reader_are_frozen_with_the_constructors_fields_in_order():
    """read_cell and read_row set each field of an unfrozen object, then make it the frozen class: the same type,
    the same ``__dict__`` in the same order, frozen."""
    cell = read_cell("s9", "r1", "c2", CellStatus.OK, "1.5万元", Decimal("1.5"), "万元", True, 3, 8, 1)
    made = FilledCell("s9", "r1", "c2", CellStatus.OK, "1.5万元", Decimal("1.5"), "万元", True, 3, 8, 1)
    assert type(cell) is FilledCell and list(vars(cell).items()) == list(vars(made).items())
    cells = _cells("r1", CellStatus.OK, CellStatus.OK)
    row = read_row("s9", "r1", "一、行一", 0, 4, LabelMatch.EXACT, cells, 2, 0, 17, True)
    constructed = FilledRow("s9", "r1", "一、行一", 0, 4, LabelMatch.EXACT, cells, 2, 0, 17)
    assert (constructed.found, constructed.aligned) == (2, True)  # the cached properties, after the fields
    assert type(row) is FilledRow and list(vars(row).items()) == list(vars(constructed).items())
    for frozen, name in ((cell, "raw"), (row, "label")):
        with pytest.raises(FrozenInstanceError):
            setattr(frozen, name, "")


def test_readable_cells_are_numbers_in_rows_whose_values_all_sit_in_known_columns():
    aligned = read_row("s9", "r1", "", None, None, LabelMatch.EXACT, _cells("r1", CellStatus.OK, CellStatus.OK), 2, 0, 17)
    blank = read_row("s9", "r2", "", None, None, LabelMatch.EXACT, _cells("r2", CellStatus.OK, CellStatus.BLANK), 2, 20, 37)
    misaligned = read_row("s9", "r3", "", None, None, LabelMatch.EXACT, _cells("r3", CellStatus.OK, CellStatus.UNALIGNED), 2, 40, 57)
    table = FilledTable.build(TABLE, [aligned, blank, misaligned])
    assert set(table.readable_cells) == {("r1", "c1"), ("r1", "c2"), ("r2", "c1")}
    assert all(table.readable_cells[key] is table.cell(*key) for key in table.readable_cells)


def test_found_cells_are_the_cells_the_report_has_without_making_missing_ones():
    aligned = read_row("s9", "r1", "", None, None, LabelMatch.EXACT, _cells("r1", CellStatus.OK, CellStatus.BLANK), 2, 0, 17)
    table = FilledTable.build(TABLE, [aligned])
    assert set(table.found_cells) == {("r1", "c1"), ("r1", "c2")}
    assert table.found_cells[("r1", "c2")].status is CellStatus.BLANK
    assert table.found_cells.get(("r2", "c1")) is None and table.cell("r2", "c1").status is CellStatus.MISSING
