"""RL2 table shape and cells: each rule fires on a bad report, stays silent on a good one, points at the cell."""

from __future__ import annotations

import pytest

from reportlint.rules.rl1_structure import IncompleteReport
from reportlint.rules.rl2_tables import HeaderLabel
from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render

TOWN, COUNTY = SUBJECTS[0], SUBJECTS[3]


def run(report_or_text, code: str, layout: str = "tabs"):
    text = report_or_text if isinstance(report_or_text, str) else render(report_or_text, layout)
    return text, list(lint_text(text, config={"select": [code]}))


def located(text: str, diagnostic) -> str:
    return text[diagnostic.start : diagnostic.end]


@pytest.fixture
def report():
    return SampleReport.build("T2021", 2021, subject=TOWN, seed=11)


@pytest.mark.parametrize("layout", ["tabs", "cells", "tab-cells", "pipes", "markdown"])
def test_clean_report_has_no_table_findings(report, layout):
    text = render(report, layout)
    assert [d.code for d in lint_text(text, filename="r.md" if layout == "markdown" else "r.txt", config={"select": ["RL2"]})] == []


def test_missing_table_in_an_existing_section(report):
    text = render(report, "tabs")
    start, end = text.index("四、政府信息公开行政复议、行政诉讼情况"), text.index("五、存在的主要问题及改进情况")
    text = text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n" + text[end:]
    _, [finding] = run(text, "RL201")
    assert finding.message == "“四、政府信息公开行政复议、行政诉讼情况”中没有找到统一格式规定的表格"


def test_missing_rows_are_listed_once_per_table(report):
    text = render(report, "tabs")
    lines = [line for line in text.split("\n") if "3.要求提供公开出版物" not in line and "2.重复申请" not in line]
    text = "\n".join(lines)
    _, [finding] = run(text, "RL202")
    assert "缺少 2 行" in finding.message and "“2.重复申请”" in finding.message and "“3.要求提供公开出版物”" in finding.message


def test_lost_labels_positional_and_unaligned(report):
    _, findings = run(report.with_row_label("s3", "r3_1", ""), "RL204")
    [finding] = findings
    assert "按位置对应为“（一）予以公开”" in finding.message
    lines = render(report, "tabs").split("\n")
    index = next(number for number, line in enumerate(lines) if "（一）予以公开" in line)
    lines[index] = "\t".join(["", "残缺"] + ["0"] * 9)
    _text, findings = run("\n".join(lines), "RL203")
    [finding] = findings
    assert "有 9 个数值（每行应为 7 个）" in finding.message and "残缺" in finding.message


def test_value_count_extra_and_short(report):
    text, [extra] = run(report.with_extra_value("s4", "cases", "0"), "RL205")
    assert "有 16 个数值，应为 15 个" in extra.message and located(text, extra) == "0"
    assert text[: extra.start].count("\n") == text[: text.rindex("\t0")].count("\n")
    text, [short] = run(report.without_cell("s3", "r3_1", "c_biz"), "RL205")
    assert "“（一）予以公开”行有 6 个数值，应为 7 个" in short.message


@pytest.mark.parametrize("layout", ["tabs", "tab-cells", "pipes", "markdown"])
def test_blank_cell_points_at_the_cell(report, layout):
    bad = report.with_cell("s2_20_1", "normative", "repealed", "")
    text = render(bad, layout)
    [finding] = lint_text(text, filename="r.md" if layout == "markdown" else "r.txt", config={"select": ["RL206"]})
    assert finding.message == "第二部分表格“第二十条第（一）项”“行政规范性文件”行“本年废止件数”列为空，没有数据应填写 0"
    line = text.split("\n")[finding.location.line - 1]
    assert "行政规范性文件" in line or layout in ("tab-cells",)


def test_non_numeric_cell(report):
    text, [finding] = run(report.with_cell("s2_20_6", "penalty", "decisions", "无"), "RL207")
    assert located(text, finding) == "无" and "应填写数字" in finding.message


def test_units_in_cells():
    t2019 = SampleReport.build("T2019", 2020, subject=TOWN, seed=3)
    text, [finding] = run(t2019.with_cell("s2_20_5", "licensing", "decisions", "3件"), "RL208")
    assert located(text, finding) == "3件" and "是数量，应只填数字" in finding.message
    t2021 = SampleReport.build("T2021", 2021, subject=TOWN, seed=3)
    text, [finding] = run(t2021.with_cell("s2_20_8", "fees", "fee_amount", "3500元"), "RL208")
    assert "单位应为“万元”" in finding.message
    text = render(t2019.with_cell("s2_20_9", "procurement", "purchase_amount", "57万元"))
    assert [d.code for d in lint_text(text, config={"select": ["RL208", "RL209"]})] == []  # header says 万元
    undeclared = text.replace("采购总金额（万元）", "采购总金额")
    assert [d.code for d in lint_text(undeclared, config={"select": ["RL208", "RL209"]})] == ["RL208"]
    bare = render(t2019.with_cell("s2_20_9", "procurement", "purchase_amount", "57")).replace("采购总金额（万元）", "采购总金额")
    [finding] = lint_text(bare, config={"select": ["RL208", "RL209"]})
    assert finding.code == "RL209" and "无法判断是元还是万元" in finding.message


def test_negative_and_decimal_counts(report):
    _, [finding] = run(report.with_cell("s3", "r3_2", "c_np", "-1"), "RL210")
    assert "不能为负数" in finding.message
    _text, [finding] = run(report.with_cell("s2_20_6", "penalty", "decisions", "1.5"), "RL210")
    assert "应为整数" in finding.message


def test_truncated_header():
    report = SampleReport.build("T2021", 2021, subject=TOWN, seed=3)
    text = render(report, "tabs").replace("本年废止件数", "本年废止件", 1)
    _, [finding] = run(text, "RL211")
    assert "“本年废止件”不完整" in finding.message


def test_row_label_without_ordinal(report):
    _text, [finding] = run(report.with_row_label("s3", "r2", "上年结转政府信息公开申请数量"), "RL212")
    assert finding.message == "行标签“上年结转政府信息公开申请数量”缺少序号，官方格式为“二、上年结转政府信息公开申请数量”"


def test_rules_row_for_townships_and_counties_only(report):
    text, [finding] = run(report.with_cell("s2_20_1", "rules", "made", "2"), "RL213")
    assert located(text, finding) == "2" and "不能制定规章" in finding.message
    city = render(report.with_cell("s2_20_1", "rules", "made", "2")).replace("秦安县陇城镇", "天水市", 1)
    assert list(lint_text(city, config={"select": ["RL213"]})) == []


def test_fee_amount_scale(report):
    _text, [finding] = run(report.with_cell("s2_20_8", "fees", "fee_amount", "3500"), "RL214")
    assert "3500 万元" in finding.message
    assert run(report.with_cell("s2_20_8", "fees", "fee_amount", "0.35"), "RL214")[1] == []


# ----- calibrated on real reports


def test_blank_cells_of_one_row_are_one_finding(report):
    _, findings = run(report.with_cell("s3", "r3_1", "c_biz", "").with_cell("s3", "r3_1", "c_sci", ""), "RL206", layout="tab-cells")
    [finding] = findings
    assert finding.message.startswith(
        "第三部分表格“收到和处理政府信息公开申请情况”“（一）予以公开”行的“法人或其他组织/商业企业”“法人或其他组织/科研机构”列为空"
    )
    assert len(finding.related) == 1


def _part_three_written(report, value: str):
    """The report with every cell of part 三's table written ``value``."""
    for table, row, column in report.values:
        if table == "s3":
            report = report.with_cell(table, row, column, value)
    return report


def test_a_table_left_wholly_blank_is_one_finding(report):
    _, findings = run(_part_three_written(report, ""), "RL206", layout="tab-cells")
    [finding] = findings
    assert finding.message == "第三部分表格“收到和处理政府信息公开申请情况”读到的 25 行全部为空（175 个单元格），没有数据应填写 0"


def test_non_numeric_cells_of_one_row_written_alike_are_one_finding(report):
    marked = report.with_cell("s2_20_1", "rules", "made", "/").with_cell("s2_20_1", "rules", "repealed", "/")
    text, findings = run(marked.with_cell("s2_20_1", "rules", "in_force", "无"), "RL207")
    assert [(finding.message, len(finding.related)) for finding in findings] == [
        (
            "第二部分表格“第二十条第（一）项”“规章”行的“本年制发件数”“本年废止件数”列填写的是“/”（2 个单元格），应填写数字（没有数据填 0）",
            1,
        ),
        ("第二部分表格“第二十条第（一）项”“规章”行“现行有效件数”列填写的是“无”，应填写数字（没有数据填 0）", 0),
    ]
    assert located(text, findings[0]) == "/"


def test_a_table_written_all_alike_in_words_is_one_finding(report):
    _, findings = run(_part_three_written(report, "无"), "RL207", layout="tab-cells")
    assert [finding.message for finding in findings] == [
        "第三部分表格“收到和处理政府信息公开申请情况”读到的 25 行都填写“无”（175 个单元格），应填写数字（没有数据填 0）"
    ]


def _part_two_without_numbers(report, layout: str) -> str:
    """The report with every number of part 二's tables removed (its cells left as the layout writes an empty one)."""
    import re

    text = render(report, layout)
    start, end = text.index("二、主动公开政府信息情况"), text.index("三、收到和处理政府信息公开申请情况")
    return text[:start] + re.sub(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.、])", "", text[start:end]) + text[end:]


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
def test_a_one_column_row_with_nothing_after_its_label_is_a_blank_cell(report, layout):
    # “行政许可<TAB>” with no value: the empty field is the row's one cell, not padding (it was RL205: “有 1 个数值，应为 1 个”)
    text = _part_two_without_numbers(report, layout)
    assert run(text, "RL205")[1] == []
    messages = [finding.message for finding in run(text, "RL206")[1]]
    assert "第二部分表格“第二十条第（五）项”“行政许可”行“本年处理决定数量”列为空，没有数据应填写 0" in messages
    assert "第二部分表格“第二十条第（六）项”读到的 2 行全部为空（2 个单元格），没有数据应填写 0" in messages


def test_a_table_with_labels_and_no_number_says_so(report):
    # one cell per line and not a value anywhere: no row can be placed, and RL215 says why
    text = _part_two_without_numbers(report, "cells")
    [finding] = run(text, "RL215")[1]
    assert "没有读出表格：只有表格的标题和行列名称，没有一个数值（表格没有填写，或数值在复制时丢失）" in finding.message
    assert located(text, finding).startswith("二、主动公开政府信息情况")


@pytest.mark.parametrize(
    ("subject", "amount", "fires"),
    [(TOWN, "350", True), (TOWN, "35", False), (COUNTY, "350", False), (COUNTY, "35000", True)],
)
def test_fee_amount_scale_follows_the_bodys_level(subject, amount, fires):
    report = SampleReport.build("T2021", 2021, subject=subject, seed=11).with_cell("s2_20_8", "fees", "fee_amount", amount)
    _, findings = run(report, "RL214")
    assert bool(findings) is fires


def test_fee_amounts_of_a_city_department_are_not_judged():
    text = render(SampleReport.build("T2021", 2021, subject=TOWN, seed=11).with_cell("s2_20_8", "fees", "fee_amount", "5600"), "tabs")
    text = text.replace("秦安县陇城镇2021年", "天水市市场监督管理局2021年", 1)
    assert run(text, "RL214")[1] == []


def test_the_cell_index_keeps_only_the_cells_the_cell_rules_may_report(report):
    from pathlib import Path

    from reportlint.core.config import Config
    from reportlint.rules.rl2_tables import _cell_index
    from reportlint.run.linter import load_document
    from reportlint.run.selection import build_rule_set
    from reportlint.sources import Source, detect_format
    from reportlint.template.filled import CellStatus

    odd = report.with_cell("s3", "r3_2", "c_np", "-1").with_cell("s2_20_6", "penalty", "decisions", "1.5")
    data = render(odd, "tabs").encode("utf-8")
    config = Config()
    registry = build_rule_set(config).registry
    source = Source(Path("r.txt"), "r.txt", data, detect_format(data, ".txt"))
    index = _cell_index(registry.report(load_document(source, registry), config, Path("r.txt")))
    kept = [(cell.row, cell.column, cell.raw) for _, _, cell in index.odd_values]
    assert ("penalty", "decisions", "1.5") in kept and ("r3_2", "c_np", "-1") in kept
    assert all(type(cell.value) is not int or cell.value < 0 for _, _, cell in index.odd_values)  # a count as it should be is not kept
    assert len(kept) < 10
    assert index.with_unit == [] and index.unitless_amounts == [] and index.cells(CellStatus.BLANK) == []


def test_a_header_the_text_stops_in_is_cut_off_not_misspelt():
    rows = [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "0", "0", "0"],
        ["第二十条第（五）项", "", "", ""],
        ["信息内容", "本年处理决定数量", "", ""],
        ["行政许可", "0", "", ""],
        ["第二十条第（八）项", "", "", ""],
        ["信息内容", "本年收费金额（单位：万", "", ""],
    ]
    table = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    html = (
        "<html><body><h1>某镇2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2022年，我镇认真落实《条例》。</p>"
        f"<p>二、主动公开政府信息情况</p><table>{table}</table></body></html>"
    )
    found = lint_text(html, filename="r.html", rules=[HeaderLabel, IncompleteReport])
    assert [finding.code for finding in found] == ["RL117"]


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
def test_the_variant_spelling_of_the_header_note_is_the_official_one(layout):
    text = render(SampleReport.build("T2019", 2020, seed=1), layout)
    assert "勾稽关系" in text
    assert lint_text(text.replace("勾稽", "钩稽"), rules=[HeaderLabel]) == []
    misspelt = [finding.message for finding in lint_text(text.replace("勾稽", "钩钩"), rules=[HeaderLabel])]
    assert misspelt and all("本列数据的钩钩关系为" in message for message in misspelt), "another character still is"
