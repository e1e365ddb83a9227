"""Tables of a checked report as the reviewer sees them: real tables, tab rows, pipe rows; the cell a finding is in."""

from __future__ import annotations

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.core.model import Location
from reportlint.output.tables import TablePlace, cell_at, table_place, text_tables


def cells_text(text, table):
    return [[text[cell.start : cell.end] for cell in row] for row in table.rows]


def finding(start, logical=None):
    return Diagnostic("RL302", "row-total", Severity.ERROR, "总计不符", start, start + 1, location=Location(1, 1, 1, 2, logical))


def test_tab_rows_make_a_table_and_a_cell_on_its_own_line_does_not():
    text = "标题\n信息内容\t本年制发件数\t现行有效件数\n规章\t0\t\n\n\t单独一格\n正文"
    [table] = text_tables(text)
    assert cells_text(text, table) == [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "0", ""]]
    assert [(cell.row, cell.column) for cell in table.rows[1]] == [(1, 0), (1, 1), (1, 2)]


def test_pipe_rows_make_a_table_without_the_markdown_delimiter_row():
    text = "| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 0 |\n正文\n| 行政许可 | 29 |"
    first, second = text_tables(text)
    assert cells_text(text, first) == [["信息内容", "本年制发件数"], ["规章", "0"]]
    assert cells_text(text, second) == [["行政许可", "29"]]


def test_tab_and_pipe_rows_next_to_each_other_are_two_tables():
    text = "a\tb\tc\n| d | e |"
    assert [len(table.rows) for table in text_tables(text)] == [1, 1]


def test_an_offset_between_cells_belongs_to_the_next_cell():
    text = "规章\t0\t12"
    [table] = text_tables(text)
    assert text[cell_at(table, text.index("\t", 3)).start :].startswith("12")
    assert cell_at(table, len(text)).column == 2
    assert cell_at(table, len(text) + 5) is None


def test_table_place_from_the_loaders_logical_place_first():
    assert table_place(finding(0, "第2页 表格3 第5行 第2列"), ()) == TablePlace(3, 5, 2)


def test_table_place_from_offsets_in_text_tables():
    text = "标题\n信息内容\t本年制发件数\n规章\t0\n行政规范性文件\t7\n"
    tables = text_tables(text)
    place = table_place(finding(text.index("7")), tables)
    assert place == TablePlace(1, 3, 2) and place.describe() == "表格1 第3行 第2列"
    assert table_place(finding(0), tables) is None
    assert table_place(Diagnostic("RL901", "x", Severity.ERROR, "无法读取"), tables) is None
