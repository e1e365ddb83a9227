"""What the review page shows of a report: units of text, context around findings, table headers, no tiny folds."""

from __future__ import annotations

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.output.context import anchor, header_rows, shown_units, text_units
from reportlint.output.tables import text_tables

HEADER = "\t自然人\t法人或其他组织\t总计\n\t\t商业企业\t\n"
ROWS = "".join(f"第{number}行\t{number}\t0\t{number}\n" for number in range(1, 13))
TEXT = "标题\n\n" + "".join(f"正文第{number}段。\n" for number in range(1, 11)) + HEADER + ROWS + "落款\n"


def units_and_tables():
    tables = text_tables(TEXT)
    return text_units(TEXT, tables), tables


def test_units_are_non_empty_lines_and_table_rows_in_order():
    units, tables = units_and_tables()
    assert len(tables) == 1 and len(tables[0].rows) == 14
    assert [TEXT[unit.start : unit.end] for unit in units[:3]] == ["标题", "正文第1段。", "正文第2段。"]
    assert [(unit.table, unit.row) for unit in units[11:14]] == [(0, 0), (0, 1), (0, 2)]
    assert TEXT[units[-1].start : units[-1].end] == "落款"


def test_the_header_is_the_leading_rows_without_numbers():
    _, tables = units_and_tables()
    assert header_rows(tables[0], TEXT) == 2


def test_a_finding_in_a_table_shows_rows_around_it_and_the_header():
    units, tables = units_and_tables()
    start = TEXT.index("第9行\t9") + len("第9行\t")
    pinned = anchor(Diagnostic("RL302", "row-total", Severity.ERROR, "", start, start + 1), units, tables, len(TEXT))
    assert pinned is not None and TEXT[pinned.cell.start : pinned.cell.end] == "9"
    shown = shown_units(TEXT, units, tables, [pinned.unit], [])
    rows = sorted(units[index].row for index in shown if units[index].table == 0)
    assert rows == [0, 1, 8, 9, 10, 11, 12], "第9行 is row 10, after the two header rows"
    assert not any(units[index].table is None for index in shown), "no line of text is near the finding"


def test_a_finding_in_the_text_shows_two_lines_each_side_and_short_gaps_are_not_folded():
    units, tables = units_and_tables()
    first, second = TEXT.index("正文第2段"), TEXT.index("正文第8段")
    anchored = [
        anchor(Diagnostic("RL601", "x", Severity.WARNING, "", offset, offset + 2), units, tables, len(TEXT)).unit
        for offset in (first, second)
    ]
    shown = shown_units(TEXT, units, tables, anchored, [])
    assert sorted(TEXT[units[index].start : units[index].end] for index in shown if units[index].table is None) == sorted(
        ["标题", *(f"正文第{number}段。" for number in range(1, 11))]
    ), "正文第5段 lies in a gap of one line between two contexts: shown, not folded"
