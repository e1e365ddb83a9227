"""Building extracted text: table grids written as text, segments kept as rows and made when located, cells made fast."""

from __future__ import annotations

import dataclasses

from reportlint.core.model import Cell, Segment, SegmentMap, Table
from reportlint.loaders.building import (
    CELL_FIELDS,
    BuiltSegmentMap,
    PlacedCell,
    TableGrid,
    TextBuilder,
    cell_name,
    cell_place,
    place_text,
    write_table,
    write_table_rows,
)


def _write(grid: TableGrid[str]) -> tuple[str, Table, TextBuilder]:
    builder = TextBuilder()
    write_table(builder, TableGrid((PlacedCell(0, 0, 1, 1, "表前"),), 1, 2), builder.write_located)  # table 1
    builder.start_block()
    builder.write_located("表前段落", "第1段")
    write_table(builder, grid, builder.write_located)
    table = builder.blocks[-1]
    assert isinstance(table, Table)
    return builder.text(), table, builder


def test_table_rows_are_lines_with_a_field_per_grid_column():
    grid = TableGrid((PlacedCell(0, 0, 2, 1, "项目"), PlacedCell(0, 1, 1, 2, "申请"), PlacedCell(1, 2, 1, 1, "3")), 2, 3)
    text, table, _ = _write(grid)
    assert text == "表前\t\n表前段落\n项目\t申请\t\n\t\t3"
    assert [[(cell.row, cell.column, cell.rowspan, cell.colspan, text[cell.start : cell.end]) for cell in row] for row in table.rows] == [
        [(0, 0, 2, 1, "项目"), (0, 1, 1, 2, "申请")],
        [(1, 2, 1, 1, "3")],
    ]


def test_cells_out_of_order_are_written_in_column_order_and_a_shared_position_shows_the_last():
    grid = TableGrid(
        (PlacedCell(0, 2, 1, 1, "丙"), PlacedCell(0, 0, 1, 1, "甲"), PlacedCell(0, 2, 1, 1, "丙二"), PlacedCell(5, 0, 1, 1, "界外")),
        1,
        3,
    )
    text, table, _ = _write(grid)
    assert text.endswith("\n甲\t\t丙二")
    assert [cell.column for cell in table.rows[0]] == [0, 2]


def test_cell_segments_name_the_table_row_and_column():
    grid = TableGrid((PlacedCell(0, 0, 1, 1, "信息内容"), PlacedCell(1, 1, 1, 1, "12")), 2, 2)
    text, _, builder = _write(grid)
    source_map = builder.source_map(text)
    location = source_map.locate(text.index("12"), text.index("12") + 2)
    assert location.logical == cell_name(2, 1, 1) == "表格2 第2行 第2列"
    assert (location.line, location.column, location.end_column) == (4, 2, 4)


def test_built_segment_map_locates_as_a_segment_map_of_its_segments():
    builder = TextBuilder()
    builder.write_located("第一行\n第二行", ("第{}段", (1,)))
    builder.write("\t")
    builder.write_from_source("原文", 40, 7, cell_place(1, 0, 0))
    builder.start_block()
    builder.write_located("末段", "第3段", page=2)
    text = builder.text()
    built = builder.source_map(text)
    assert isinstance(built, BuiltSegmentMap)
    segments = built.segments
    assert segments == (
        Segment(0, 7, 1, 1, "第1段"),
        Segment(8, 10, 40, 7, "表格1 第1行 第1列"),
        Segment(11, 13, 3, 1, "第3段", 2),
    )
    plain = SegmentMap(text, segments)
    for start in range(len(text) + 1):
        for end in (start, start + 1, start + 3):
            assert built.locate(start, end) == plain.locate(start, end)


def test_empty_built_segment_map_counts_from_the_text():
    assert BuiltSegmentMap("甲乙", []).locate(1, 2) == SegmentMap("甲乙", []).locate(1, 2)


def test_place_text_formats_places_and_keeps_strings():
    assert place_text(("第{}段（文本框）", (12,))) == "第12段（文本框）"
    assert place_text("第2页 第3行") == "第2页 第3行"
    assert place_text(None) is None


def test_table_cells_are_the_dataclass_cells():
    assert tuple(field.name for field in dataclasses.fields(Cell)) == CELL_FIELDS
    _, table, _ = _write(TableGrid((PlacedCell(0, 1, 1, 3, "合计"),), 1, 4))
    [[made]] = table.rows
    plain = Cell(made.start, made.end, 0, 1, 1, 3)
    assert made == plain
    assert hash(made) == hash(plain)
    assert repr(made) == repr(plain)
    assert dataclasses.replace(made, end=made.end + 1) == Cell(made.start, made.end + 1, 0, 1, 1, 3)


def _rows_written(write_content) -> tuple[str, Table, tuple[Segment, ...]]:
    builder = TextBuilder()
    builder.write_located("表前", "第1段")
    rows = [[[0, 0, 2, 1, "项目"], [0, 1, 1, 2, "申请\n人数"]], [[1, 2, 1, 1, "3"]], []]
    write_table_rows(builder, rows, 3, write_content(builder))
    text = builder.text()
    table = builder.blocks[-1]
    assert isinstance(table, Table)
    return text, table, builder.source_map(text).segments


def test_table_rows_given_as_texts_are_written_as_cells_written_one_by_one():
    texts = _rows_written(lambda builder: None)
    assert texts == _rows_written(lambda builder: builder.write_located)
    text, table, segments = texts
    assert text == "表前\n项目\t申请\n人数\t\n\t\t3\n\t\t"
    assert [[(cell.row, cell.column, cell.rowspan, cell.colspan, text[cell.start : cell.end]) for cell in row] for row in table.rows] == [
        [(0, 0, 2, 1, "项目"), (0, 1, 1, 2, "申请\n人数")],
        [(1, 2, 1, 1, "3")],
        [],
    ]
    assert segments[-1] == Segment(text.index("3"), text.index("3") + 1, 4, 3, "表格1 第2行 第3列")
