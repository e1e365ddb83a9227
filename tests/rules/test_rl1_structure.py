"""RL1 structure: each rule fires on a bad report, stays silent on a good one, points at the right line."""

from __future__ import annotations

import pytest
from tests.rules.rl1_reports import TOWN, findings, line_of

from reportlint.run.linter import lint_text
from reportlint.testing.reports import SampleReport, render


def test_clean_report_has_no_structure_findings(clean):
    assert [d.code for d in lint_text(clean, config={"select": ["RL1"]})] == []


def test_missing_section_points_at_the_next_heading(report):
    text = render(report, "tabs")
    start = text.index("四、政府信息公开行政复议、行政诉讼情况")
    end = text.index("五、存在的主要问题及改进情况")
    text = text[:start] + text[end:]
    assert findings(text, "RL101") == [
        (line_of(text, "五、存在的主要问题及改进情况"), "缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”")
    ]


def test_section_order_and_wrong_ordinal(report):
    text = render(report.with_heading("s2", "三、主动公开政府信息情况"), "tabs")
    [(line, message)] = findings(text, "RL102")
    assert line == line_of(text, "三、主动公开政府信息情况") and "序号应为“二、”" in message


def test_extra_and_duplicated_sections(report):
    text = render(report, "tabs")
    text = text.replace("六、其他需要报告的事项", "七、其他需要报告的事项").replace(
        "五、存在的主要问题及改进情况", "六、存在的主要问题及改进情况"
    )
    text = text.replace("四、政府信息公开行政复议", "四、政府信息公开咨询情况\n本年度接受咨询12次。\n五、政府信息公开行政复议")
    assert findings(text, "RL103") == [(line_of(text, "四、政府信息公开咨询情况"), "官方格式之外的一级标题：“四、政府信息公开咨询情况”")]
    duplicated = render(report, "tabs").replace("六、其他需要报告的事项", "二、主动公开政府信息情况\n见上。\n六、其他需要报告的事项")
    assert findings(duplicated, "RL103") == [
        (line_of(duplicated, "二、主动公开政府信息情况\n见上"), "重复的章节：“二、主动公开政府信息情况”在前面已经出现过")
    ]


def test_empty_section(report):
    text = render(report, "tabs")
    start, end = text.index("五、存在的主要问题及改进情况"), text.index("六、其他需要报告的事项")
    text = text[:start] + "五、存在的主要问题及改进情况\n" + text[end:]
    assert findings(text, "RL104") == [(line_of(text, "五、存在的主要问题及改进情况"), "“五、存在的主要问题及改进情况”下面没有内容")]


def test_a_heading_the_text_ends_with_is_an_incomplete_report_not_an_empty_section(report):
    text = render(report, "tabs")
    text = text[: text.index("六、其他需要报告的事项")] + "六、其他需要报告的事项\n"
    assert findings(text, "RL104") == []
    [(line, message)] = findings(text, "RL117")
    assert line == line_of(text, "六、其他需要报告的事项")
    assert message.startswith("报告文本不完整：正文最后是标题“六、其他需要报告的事项”，标题下面没有内容")


def test_table_part_with_nothing_under_its_heading_is_not_an_empty_section(report):
    text = render(report, "tabs")
    start, end = text.index("三、收到和处理政府信息公开申请情况"), text.index("四、政府信息公开行政复议")
    text = text[:start] + "三、收到和处理政府信息公开申请情况\n" + text[end:]
    assert findings(text, "RL104") == [] and findings(text, "RL201") == []
    [(line, message)] = findings(text, "RL215")
    assert line == line_of(text, "三、收到和处理政府信息公开申请情况")
    assert "标题下没有任何内容（表格可能以图片或附件形式发布" in message and "第一项加第二项之和，等于第三项加第四项之和" in message


def test_legacy_heading(report):
    text = render(report.with_heading("s1", "一、概述"), "tabs")
    [(line, message)] = findings(text, "RL105")
    assert line == line_of(text, "一、概述") and "2008 年条例时期的旧标题" in message


def test_template_year_mismatch_both_ways():
    old_format = render(SampleReport.build("T2019", 2020, subject=TOWN, seed=1), "tabs").replace("2020", "2021")
    messages = [message for _, message in findings(old_format, "RL106")]
    assert messages and all("T2019 格式" in message and "应使用 T2021 格式" in message for message in messages)
    new_format = render(SampleReport.build("T2021", 2021, subject=TOWN, seed=1), "tabs").replace("2021", "2020")
    assert any("T2021 格式" in message and "应使用 T2019 格式" for _, message in findings(new_format, "RL106"))


def test_heading_variant_is_a_warning(report):
    text = render(report.with_heading("s4", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"), "tabs")
    [finding] = lint_text(text, config={"select": ["RL107"]})
    assert finding.severity.label == "warning" and "官方标题为“四、政府信息公开行政复议、行政诉讼情况”" in finding.message


def test_structure_rules_leave_pre_2019_reports_alone():
    old = "某镇2017年政府信息公开工作年度报告\n一、概述\n本年度工作。\n二、咨询处理情况\n无。\n"
    assert [d.code for d in lint_text(old, config={"select": ["RL101", "RL103", "RL105"]})] == []


# ----- RL108: only real enumerations of parts


#: What the first line of each part's table holds in one layout or another: a title, a header or the first row.
_TABLE_STARTS = {
    "s2": ("第二十条第（一）项", "信息内容", "规章", "规范性文件"),
    "s3": ("本列数据的勾稽关系", "申请人情况", "一、本年新收政府信息公开申请数量"),
    "s4": ("行政复议", "结果维持"),
}


@pytest.mark.parametrize("section", ["s2", "s3", "s4"])
@pytest.mark.parametrize("layout", ["tabs", "pipes", "spaces"])
@pytest.mark.parametrize(("template", "year"), [("T2021", 2021), ("T2019", 2020)])
def test_a_part_that_lost_its_heading_is_one_finding_at_its_table(template, year, layout, section):
    """Before, part three's rows under part two were 25 RL203 findings, and “三、本年度办理结果 （一）予以公开 12 …”
    (the spaces layout) an unknown heading (RL103). Now the table is read where its labels are, and the one finding
    says which heading is missing, where the table starts (after the part before it)."""
    report = SampleReport.build(template, year, subject=TOWN, seed=7)
    intact = render(report, layout)
    text = render(report.with_heading(section, ""), layout)
    before = {(d.code, d.message) for d in lint_text(intact)}
    new = [(d.code, d.location.line, d.message) for d in lint_text(text) if (d.code, d.message) not in before]
    heading = report.headings[section]
    assert [(code, message) for code, _, message in new] == [
        ("RL101", f"缺少第{heading[0]}部分的标题“{heading}”：这里起是这一部分的表格，表格前应有这个标题")
    ]
    line = new[0][1]
    previous = {"s2": "一、总体情况", "s3": report.headings["s2"], "s4": "四、结转下年度继续办理"}[section]
    assert line > line_of(intact, previous)
    assert any(start in text.split("\n")[line - 1] for start in _TABLE_STARTS[section])


def test_a_heading_missing_before_a_table_the_text_stops_in_is_still_reported(report):
    """An incomplete text (RL117) keeps quiet about the parts after its cut, but a part whose table was read is there:
    its missing heading is reported, and the text stops in that part, not in the one before."""
    text = render(report.with_heading("s3", ""), "tabs")
    text = text[: text.index("5.属于三类内部事务信息")]
    assert findings(text, "RL101") == [
        (line_of(text, "申请人情况"), "缺少第三部分的标题“三、收到和处理政府信息公开申请情况”：这里起是这一部分的表格，表格前应有这个标题")
    ]
    [incomplete] = [d.message for d in lint_text(text) if d.code == "RL117"]
    assert incomplete.startswith("报告文本不完整：正文在第三部分（缺少标题“三、收到和处理政府信息公开申请情况”）中断")


def test_row_labels_named_in_prose_are_no_table():
    """A report copied without part two (a page cut after part one) names 规范性文件 in a sentence, next to a small
    table of its own: the sentence is no table row, so there is no part-two table to check (before: a “规范性文件”
    row with 3次/2次/21条 from the small table, and RL202, RL208 ×3, RL313 on it)."""
    text = (
        "秦安县陇城镇2021年政府信息公开工作年度报告\n"
        "根据《中华人民共和国政府信息公开条例》规定，现将本镇2021年政府信息公开工作年度报告如下。\n"
        "一、总体情况\n"
        "（一）主动公开。全年发布政府信息120余条；印发规范性文件1件，公开并解读1件。召开新闻发布会3次、接受电视采访2次。\n"
        "政策解读情况\n"
        "新闻发布会\t电视采访\t数字图文\t微信\n"
        "3次\t2次\t21条\t40余条\n"
        "（二）依申请公开。全年共收到申请12件，均按时答复。根据\n"
    )
    codes = [d.code for d in lint_text(text)]
    assert "RL117" in codes
    assert [code for code in codes if code.startswith(("RL2", "RL3"))] == []


# ----- RL118: the format notice the introduction cites

_BASIS_2019 = "（国办公开办函〔2019〕60号）"
_BASIS_2021 = "（国办公开办函〔2021〕30号）"


def _citing(year: int, *notices: str) -> str:
    """A clean sample report of ``year`` whose introduction says it follows ``notices``."""
    text = render(SampleReport.build("T2021" if year >= 2021 else "T2019", year, subject=TOWN, seed=1), "tabs")
    opening = "《中华人民共和国政府信息公开条例》（以下简称《条例》）"
    assert opening in text
    return text.replace(opening, opening + "和年度报告格式" + "、".join(notices), 1)


@pytest.mark.parametrize(
    ("year", "cited", "message"),
    [
        (
            2022,
            _BASIS_2019,
            "引用的格式通知国办公开办函〔2019〕60号适用于 2019 至 2020 年度报告，2022 年度报告的格式依据是国办公开办函〔2021〕30号（多为沿用了旧报告的引言）",
        ),
        (
            2021,
            "（国办公开办函[2019]60号）",
            "引用的格式通知国办公开办函〔2019〕60号适用于 2019 至 2020 年度报告，2021 年度报告的格式依据是国办公开办函〔2021〕30号（多为沿用了旧报告的引言）",
        ),
        (
            2020,
            _BASIS_2021,
            "引用的格式通知国办公开办函〔2021〕30号适用于 2021 年及以后的年度报告，2020 年度报告的格式依据是国办公开办函〔2019〕60号（多为沿用了旧报告的引言）",
        ),
    ],
)
def test_a_format_notice_of_other_years_is_reported_where_it_is_cited(year, cited, message):
    text = _citing(year, cited)
    assert findings(text, "RL118") == [(line_of(text, cited), message)]


@pytest.mark.parametrize(
    ("year", "cited"),
    [(2022, (_BASIS_2021,)), (2020, (_BASIS_2019,)), (2022, (_BASIS_2019, _BASIS_2021))],
)
def test_the_notice_of_the_reports_year_is_silent(year, cited):
    assert findings(_citing(year, *cited), "RL118") == []


def test_another_number_of_the_office_is_silent_unless_it_follows_the_notices_name():
    text = render(SampleReport.build("T2021", 2022, subject=TOWN, seed=1), "tabs")
    opening = "《中华人民共和国政府信息公开条例》（以下简称《条例》）"
    other = "《国务院办公厅政府信息与政务公开办公室关于做好政务公开工作的通知》（国办公开办函〔2019〕61号）"
    assert findings(text.replace(opening, opening + "和" + other, 1), "RL118") == []
    mistyped = _citing(2022, "（国办公开办函〔2021〕31号）")  # right after 年度报告格式: the notice's number, mistyped
    assert findings(mistyped, "RL118") == [
        (line_of(mistyped, "〔2021〕31号"), "格式通知的文号“国办公开办函〔2021〕31号”有误，应为国办公开办函〔2021〕30号")
    ]
