"""RL1 structure and title: each rule fires on a bad report, stays silent on a good one, points at the right line."""

from __future__ import annotations

import pytest

from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render

TOWN = SUBJECTS[0]


def findings(text: str, code: str):
    return [(d.location.line, d.message) for d in lint_text(text, config={"select": [code]})]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def report():
    return SampleReport.build("T2021", 2021, subject=TOWN, seed=7)


@pytest.fixture
def clean(report):
    return render(report, "tabs")


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


def test_intro_promises(report):
    intro = "本报告包括概述，主动公开政府信息情况，咨询处理情况共三个部分。并附指标统计表。"
    text = render(report, "tabs").replace("\n", "\n" + intro + "\n", 1)
    messages = [message for _, message in findings(text, "RL108")]
    assert any("“概述”" in message and "“咨询处理情况”" in message for message in messages)
    assert any(message == "引言说报告共 3 个部分，正文实际有 6 个一级标题" for message in messages)


def test_overview_aspects_and_lists_that_only_name_them(report):
    text = render(report, "tabs")
    start, end = text.index("一、总体情况"), text.index("二、主动公开政府信息情况")
    body = "一、总体情况\n我镇着力抓好主动公开、依申请公开、政策解读、平台建设等重点工作。全年主动公开政府信息56条。\n"
    text = text[:start] + body + text[end:]
    [(line, message)] = findings(text, "RL109")
    assert line == line_of(text, "一、总体情况")
    assert "“依申请公开”" in message and "“政府信息管理”" in message and "“监督保障”" in message and "“主动公开”" not in message


def test_assessment_statement_for_governments_only(report):
    text = render(report, "tabs")
    for word in ("考核", "评议", "责任追究", "问责"):
        text = text.replace(word, "检查")
    assert len(findings(text, "RL110")) == 1
    department = render(SampleReport.build("T2021", 2021, subject=SUBJECTS[4], seed=7), "tabs")
    for word in ("考核", "评议", "责任追究", "问责"):
        department = department.replace(word, "检查")
    assert findings(department, "RL110") == []


def test_fee_statement_required_from_2021(report):
    text = render(report, "tabs").replace("信息处理费", "处理费用")
    [(line, message)] = findings(text, "RL111")
    assert line == line_of(text, "六、其他需要报告的事项") and "信息处理费" in message


@pytest.mark.parametrize(
    ("title", "problem"),
    [
        ("2021年陇城镇人民政府信息公开年度报告", "机关名称应写在年份前面"),
        ("秦安县陇城镇2021年政府信息公开工作报告", "“年度报告”写成了“工作报告”"),
        ("秦安县陇城镇2021年政务公开工作年度报告", "应为“政府信息公开”而不是“政务公开”"),
        ("秦安县陇城镇2021年度政府信息公开工作年度报告", "年份后应为“年”而不是“年度”"),
        ("秦安县陇城镇2021年政府信息公开年度报告", "缺少“工作”二字"),
    ],
)
def test_title_form(report, title, problem):
    text = render(report.with_title(title), "tabs")
    [(line, message)] = findings(text, "RL112")
    assert line == 1 and problem in message


def test_title_year_without_nian_and_duplicated_word(report):
    text = render(report.with_title("秦安县陇城镇2021政府信息公开工作年度报告"), "tabs")
    assert findings(text, "RL113") == [(1, "标题中年份“2021”后面漏了“年”字")]
    text = render(report.with_title("秦安县陇城镇2021年政府信息公开 公开工作年度报告"), "tabs")
    assert findings(text, "RL114") == [(1, "标题中“公开”重复：“公开 公开”，请删去多余的“公开”")]


def test_title_missing_and_split(report):
    text = render(report, "tabs")
    without_title = text.split("\n", 1)[1]
    [missing] = lint_text(without_title, config={"select": ["RL115"]})
    assert missing.severity.label == "info"  # copies of web pages often leave the page's title out
    assert missing.message.startswith("没有找到报告标题（应为“（机关名称）××××年政府信息公开工作年度报告”）")
    no_year = text.replace("2021年政府信息公开工作年度报告", "政府信息公开工作年度报告", 1)
    [(line, message)] = findings(no_year, "RL115")
    assert line == 1 and message.endswith("中没有年份")
    assert lint_text(no_year, config={"select": ["RL115"]})[0].severity.label == "warning"
    split = text.replace("2021年政府信息公开工作年度报告", "2021年政府信息公开工作\n年度报告", 1)
    assert findings(split, "RL116")[0][0] == 1


def test_structure_rules_leave_pre_2019_reports_alone():
    old = "某镇2017年政府信息公开工作年度报告\n一、概述\n本年度工作。\n二、咨询处理情况\n无。\n"
    assert [d.code for d in lint_text(old, config={"select": ["RL101", "RL103", "RL105"]})] == []


# ----- RL108: only real enumerations of parts


def _with_intro(report, intro: str) -> str:
    return render(report, "tabs").replace("\n", "\n" + intro + "\n", 1)


def test_review_and_litigation_listed_with_a_comma_is_one_part(report):
    intro = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。"
    assert findings(_with_intro(report, intro), "RL108") == []


def test_saying_who_compiled_the_report_promises_nothing(report):
    intro = "本报告由秦安县陇城镇人民政府编制，全文包括：总体情况，主动公开政府信息情况。"
    assert findings(_with_intro(report, intro).replace("全文包括：总体情况，主动公开政府信息情况。", ""), "RL108") == []


def test_intro_listing_five_parts_but_saying_six(report):
    intro = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在问题及改进情况、其他需要报告的事项等六部分组成。"
    [(line, message)] = findings(_with_intro(report, intro), "RL108")
    assert line == 2 and message == "引言列出了 5 个部分，却说共 6 个部分（没有列出“四、政府信息公开行政复议、行政诉讼情况”）"


def test_parts_written_together_or_with_mixed_list_marks_are_counted_right(report):
    for intro in (
        "本报告由总体情况主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。",
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况，存在的主要问题及改进情况，其他需要报告的事项等六部分。",
    ):
        assert findings(_with_intro(report, intro), "RL108") == [], intro


def test_an_incomplete_text_only_checks_the_intro_itself(report):
    text = _with_intro(report, "全文包括概述、主动公开政府信息情况、咨询处理情况共四个部分。")
    text = text[: text.index("三、收到和处理")]
    messages = [message for _, message in findings(text, "RL108")]
    assert messages[0].startswith("引言列出了 3 个部分，却说共 4 个部分")  # the intro contradicts itself
    assert messages[1:] == ["引言说报告共 4 个部分，统一格式的年度报告由 6 个部分组成"]  # no comparison with the missing headings


# ----- RL109 by year, RL112 without a body name


def test_overview_aspects_are_a_warning_from_2021_and_a_hint_before():
    body = "一、总体情况\n我镇全年主动公开政府信息56条。\n"
    for template, year, severity in (("T2021", 2021, "warning"), ("T2019", 2020, "info")):
        text = render(SampleReport.build(template, year, subject=TOWN, seed=7), "tabs")
        start, end = text.index("一、总体情况"), text.index("二、主动公开政府信息情况")
        [finding] = lint_text(text[:start] + body + text[end:], config={"select": ["RL109"]})
        assert finding.severity.label == severity, year


def test_sub_headings_on_their_own_lines_cover_the_aspects(report):
    text = render(report, "tabs")
    start, end = text.index("一、总体情况"), text.index("二、主动公开政府信息情况")
    body = (
        "一、总体情况\n本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成，现报告如下：\n"
        "（一）主动公开政府信息情况\n全年公开信息20条。\n（二）依申请公开情况\n未收到申请。\n（三）政府信息管理情况\n严格审核。\n"
        "（四）政府信息公开平台建设情况\n维护专栏。\n（五）监督保障情况\n纳入考核。\n"
    )
    assert findings(text[:start] + body + text[end:], "RL109") == []


def test_title_without_a_body_name_says_so(report):
    text = render(report, "tabs").replace(report.title, "2021年政府信息公开工作年度报告", 1)
    [(_, message)] = findings(text, "RL112")
    assert message.startswith("标题不规范：标题中没有机关名称（应写在年份前面）")
    moved = render(report, "tabs").replace(report.title, "2021年秦安县陇城镇政府信息公开工作年度报告", 1)
    [(_, message)] = findings(moved, "RL112")
    assert message.startswith("标题不规范：机关名称应写在年份前面")
