"""Table layouts seen on government web pages copied as text (written here with invented content)."""

from __future__ import annotations

from pathlib import Path

from reportlint.core.config import Config
from reportlint.run.linter import lint_text, load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source
from reportlint.template.filled import CellStatus
from reportlint.template.reading import read_report

HEAD = "某县某镇2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作概况。\n二、主动公开政府信息情况\n"
TAIL = "三、收到和处理政府信息公开申请情况\n"


def reading(text: str):
    registry = registry_for(Config())
    document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
    return read_report(document, registry.template_set)


def cells(result, table: str) -> dict:
    return {(row.row, cell.column): (cell.status, cell.value) for row in result.table(table).rows for cell in row.cells}


def test_pipe_rows_whose_cells_wrap_onto_their_own_lines():
    table = (
        "| \n 第二十条第(一)项  | |||\n"
        "| \n 信息内容  | \n 本年制发件数  | \n 本年废止件数  | \n 现行有效件数  | \n"
        "| \n 规章  | \n 0  | \n 0  | \n 0  | \n"
        "| \n 行政规范性文件  | \n 2  | \n 1  | \n 7  | \n"
    )
    found = cells(reading(HEAD + table + TAIL), "s2_20_1")
    assert found[("normative", "made")] == (CellStatus.OK, 2) and found[("normative", "in_force")] == (CellStatus.OK, 7)


def test_cells_one_per_line_separated_by_bare_pipes():
    table = "第二十条第(一)项\n|\n信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n现行有效件数\n|\n规章\n|\n0\n|\n0\n|\n0\n|\n行政规范性文件\n|\n3\n|\n0\n|\n5\n|\n"
    found = cells(reading(HEAD + table + TAIL), "s2_20_1")
    assert [found[("normative", column)][1] for column in ("made", "repealed", "in_force")] == [3, 0, 5]


def test_pipe_rows_left_empty_are_blank_cells():
    table = "第二十条第(五)项 | ||||\n信息内容 | 本年处理决定数量 | ||\n行政许可 | ||\n"
    result = reading(HEAD + table + TAIL)
    assert cells(result, "s2_20_5")[("licensing", "decisions")] == (CellStatus.BLANK, None)
    [finding] = list(lint_text(HEAD + table + TAIL, config={"select": ["RL206"]}))
    assert "“行政许可”行“本年处理决定数量”列为空" in finding.message


def test_a_pipe_row_whose_empty_cells_stand_on_lines_of_their_own():
    # “规章 |” then a lone “|” for each empty cell, then rows written on one line each: the lone pipes made the next row
    # (and the next table after it) the cells of one long row
    table = (
        "第二十条第(一)项 | |||\n信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n"
        "规章 |\n|\n|\n|\n规范性文件(指各行政机关印发的有正式文号的文件) | 2 | 0 | 83 |\n"
        "第二十条第(五)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 71 | -11 | 0 |\n"
    )
    text = "某县某镇2019年政府信息公开工作年度报告\n一、总体情况\n本年度工作概况。\n二、主动公开政府信息情况\n" + table + TAIL
    result = reading(text)
    found = cells(result, "s2_20_1")
    assert [found[("rules", column)] for column in ("new_made", "new_published", "total_published")] == [(CellStatus.BLANK, None)] * 3
    assert [found[("normative", column)][1] for column in ("new_made", "new_published", "total_published")] == [2, 0, 83]
    assert [cells(result, "s2_20_5")[("licensing", column)][1] for column in ("prev_count", "change", "decisions")] == [71, -11, 0]
    assert [d.message for d in lint_text(text, config={"select": ["RL202", "RL206"]})] == [
        "第二部分表格“第二十条第（一）项”“规章”行的单元格全部为空（3 个），没有数据应填写 0",
        "第二部分表格“第二十条第（五）项”缺少 1 行：“其他对外管理服务事项”",
    ]


def test_body_name_on_the_line_above_a_title_that_starts_with_the_year():
    text = "某县某镇人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作概况。\n"
    result = reading(text)
    assert result.title.text == "某县某镇人民政府2022年政府信息公开工作年度报告"
    assert result.subject.name == "某县某镇人民政府"
    assert [d.code for d in lint_text(text, config={"select": ["RL112", "RL116"]})] == []  # a two-line layout, not a break


def test_one_cell_per_line_each_closed_by_a_pipe_and_empty_cells_as_bare_pipes():
    table = (
        "第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n"
        "规章 |\n0 |\n0 |\n0 |\n行政规范性文件 |\n2 |\n|\n7 |\n||\n"
        "第二十条第(五)项 |\n|||\n信息内容 |\n本年处理决定数量 |\n||\n行政许可 |\n12 |\n||\n"
    )
    result = reading(HEAD + table + TAIL)
    found = cells(result, "s2_20_1")
    assert found[("rules", "made")] == (CellStatus.OK, 0)
    assert [found[("normative", column)] for column in ("made", "repealed", "in_force")] == [
        (CellStatus.OK, 2),
        (CellStatus.BLANK, None),
        (CellStatus.OK, 7),
    ]
    assert cells(result, "s2_20_5")[("licensing", "decisions")] == (CellStatus.OK, 12)


def test_a_table_left_empty_in_pipe_closed_cells_is_read_as_blank_cells():
    labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"]
    table = "".join(f"{label} |\n" + "|\n" * 7 + "||\n" for label in labels)
    text = HEAD + "略。\n三、收到和处理政府信息公开申请情况\n" + table + "四、政府信息公开行政复议、行政诉讼情况\n"
    found = cells(reading(text), "s3")
    assert {status for status, _ in found.values()} == {CellStatus.BLANK} and len(found) == 14


def test_a_mirror_with_pinyin_after_characters_reads_as_the_page():
    text = "拖市鎮(zhèn)2020年政府信息公開工作年度報告\n????一、總體情況\n報告所列數(shù)據(jù)的統(tǒng)計期限自2020年1月1日起至2020年12月31日止。\n"
    result = reading(text)
    assert result.subject.name == "拖市镇" and [section.spec_id for section in result.sections] == ["s1"]
    assert result.period is not None and result.period.end_date.isoformat() == "2020-12-31"
