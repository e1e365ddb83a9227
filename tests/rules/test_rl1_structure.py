"""RL1 structure: each rule fires on a bad report, stays silent on a good one, points at the right line."""

from __future__ import annotations

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
