"""Layouts of real published reports (written here, never copied): what must be reported and what must not.

Each fixture is a balanced sample report (:mod:`reportlint.testing.reports`)
turned into a layout seen on government sites and in archives: a page that lost
its line breaks, sub-headings that look like parts, a page cut off mid-table, a
paginated CMS article, a title broken mid-phrase, CMS chrome around the report,
half-width punctuation throughout, a body named only in the intro. The report
itself has no defect, so every finding that is not about the layout is noise.
"""

from __future__ import annotations

import re

import pytest

from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render

TOWN = SUBJECTS[0]
#: Rules whose findings on these fixtures would be noise: the sample reports have no such defect.
STRUCTURE_ERRORS = {"RL101", "RL103", "RL104", "RL107", "RL108", "RL201", "RL202", "RL203", "RL204", "RL205", "RL206"}


def codes(text: str, filename: str = "report.txt", **config) -> list[str]:
    return [finding.code for finding in lint_text(text, filename=filename, config=config or None)]


def findings(text: str, code: str, filename: str = "report.txt"):
    return list(lint_text(text, filename=filename, config={"select": [code]}))


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def report():
    return SampleReport.build("T2021", 2021, subject=TOWN, seed=5)


# --------------------------------------------------------------------------- a page that lost its line breaks


def test_one_paragraph_report_with_inline_headings_and_a_flattened_table(report):
    text = render(report, "running")
    assert text.count("\n") == 1
    assert codes(text) == []


def test_the_same_report_with_its_tables_written_without_spaces(report):
    text = render(report, "packed")
    found = lint_text(text)
    assert not {finding.code for finding in found} & STRUCTURE_ERRORS
    assert all(finding.code == "RL215" and finding.severity.label == "info" for finding in found)


def test_headings_after_a_sentence_end_or_a_space_and_in_the_template_forms(report):
    text = render(report, "tabs")
    text = text.replace("\n\n一、总体情况\n\n", "\n一、总体情况 ").replace(
        "。\n\n二、主动公开政府信息情况\n\n", "。二、主动公开政府信息情况\n"
    )
    text = text.replace("五、存在的主要问题及改进情况", "第五部分 存在的主要问题及改进情况").replace(
        "六、其他需要报告的事项", "六．其他需要报告的事项"
    )
    assert not set(codes(text)) & {"RL101", "RL103", "RL104", "RL117"}


def test_a_list_of_parts_in_the_intro_is_not_a_run_of_headings(report):
    text = render(report, "tabs").replace(
        "本报告依据", "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。本报告依据", 1
    )
    assert "RL103" not in codes(text) and "RL102" not in codes(text)


# --------------------------------------------------------------------------- sub-headings are never parts


@pytest.mark.parametrize("numbering", ["（{chinese}）", "({chinese})", "{arabic}."])
def test_sub_heading_lines_of_part_one_are_not_parts(report, numbering):
    text = render(report, "tabs")
    start, end = text.index("（一）主动公开。"), text.index("二、主动公开政府信息情况")
    aspects = ["主动公开情况", "依申请公开情况", "政府信息管理情况", "政府信息公开平台建设情况", "监督保障情况"]
    paragraphs = re.findall(r"（[一二三四五]）[^。]+。([^\n]*)", text[start:end])
    body = "".join(
        numbering.format(chinese="一二三四五"[index], arabic=index + 1) + aspect + "\n" + paragraph + "\n"
        for index, (aspect, paragraph) in enumerate(zip(aspects, paragraphs, strict=True))
    )
    text = text[:start] + body + "\n" + text[end:]
    assert not set(codes(text)) & (STRUCTURE_ERRORS | {"RL102", "RL109"})


# --------------------------------------------------------------------------- incomplete reports


def test_a_page_cut_off_mid_table_is_one_finding_naming_where_it_stops(report):
    text = render(report, "tabs")
    text = text[: text.index("5.属于三类内部事务信息") + len("5.属于三类内部事务信息\t0\t0")]
    found = lint_text(text)
    assert [finding.code for finding in found] == ["RL117"]
    [cut] = found
    assert cut.location.line == text.count("\n") + 1
    assert "第三部分“三、收到和处理政府信息公开申请情况”中断" in cut.message and "5.属于三类内部事务信息" in cut.message


def test_a_page_cut_mid_sentence_in_part_one(report):
    text = render(report, "cells")
    text = text[: text.index("（三）政府信息管理。") + len("（三）政府信息管理。我镇对历年公开的")]
    found = lint_text(text)
    assert [finding.code for finding in found] == ["RL117"]
    assert "第一部分“一、总体情况”中句子没有写完" in found[0].message


def test_first_page_of_a_paginated_cms_article(report):
    text = render(report, "tabs")
    text = text[: text.index("三、收到和处理政府信息公开申请情况")] + "\n首页 上一页 1 2 3 下一页 尾页\n第1页 共3页\n"
    found = lint_text(text)
    assert [finding.code for finding in found] == ["RL117", "RL607"]
    assert "分页文章的一页" in found[0].message and found[1].severity.label == "info"


def test_a_heading_with_nothing_after_it_at_the_end(report):
    text = render(report, "tabs")
    text = text[: text.index("五、存在的主要问题及改进情况")] + "五、存在的主要问题及改进情况\n"
    assert codes(text) == ["RL117"]


def test_a_complete_report_is_not_incomplete(report):
    for layout in ("tabs", "cells", "pipes", "running"):
        assert "RL117" not in codes(render(report, layout)), layout


# --------------------------------------------------------------------------- title and subject


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ("秦安县陇城镇2021年政府\n信息公开工作年度报告", "秦安县陇城镇2021年政府信息公开工作年度报告"),
        ("秦安县陇城镇2021年政府信息公开\n工作年度报告", "秦安县陇城镇2021年政府信息公开工作年度报告"),
        ("• 秦安县陇城镇2021年政府信息公开工作年度报告", "秦安县陇城镇2021年政府信息公开工作年度报告"),
        ("标题：秦安县陇城镇2021年政府信息公开工作年度报告\n发布机构：秦安县陇城镇人民政府", "秦安县陇城镇2021年政府信息公开工作年度报告"),
    ],
)
def test_title_broken_mid_phrase_bulleted_or_in_metadata(report, lines, title):
    text = render(report, "tabs").replace(report.title, lines, 1)
    assert "RL115" not in codes(text) and "RL112" not in codes(text)
    [found] = findings(text, "RL116") or [None]
    if "\n" in lines and not lines.startswith("标题"):
        assert found is not None and found.message == f"标题被拆成了 2 行：“{title}”"


def test_a_title_in_the_about_form_is_read_and_reported_as_non_standard(report):
    text = render(report, "tabs").replace(report.title, "秦安县陇城镇人民政府关于2021年政府信息公开工作情况的报告", 1)
    [form] = findings(text, "RL112")
    assert "RL115" not in codes(text) and "应以“年度报告”结尾" in form.message


def test_subject_from_the_intro_when_the_title_names_no_body(report):
    text = render(report.with_cell("s2_20_1", "rules", "made", "1").with_cell("s2_20_1", "rules", "in_force", "1"), "tabs")
    text = text.replace(report.title, "2021年政府信息公开工作年度报告", 1).replace(
        "本报告依据", "本报告由秦安县陇城镇人民政府编制。本报告依据", 1
    )
    [form] = findings(text, "RL112")
    assert "标题中没有机关名称" in form.message
    rules = findings(text, "RL213")
    assert rules and rules[0].message.startswith("秦安县陇城镇人民政府（镇级）不能制定规章")


def test_body_level_from_self_references_when_no_name_is_given(report):
    text = render(report.with_cell("s2_20_1", "rules", "made", "1").with_cell("s2_20_1", "rules", "in_force", "1"), "tabs")
    text = text.replace(report.title + "\n", "", 1).replace("陇城镇", "本单位")
    rules = findings(text, "RL213")
    assert len(rules) == 1 and rules[0].message.startswith("报告主体（自称“我镇”）（镇级）不能制定规章")
    assert "填写了“本年制发件数” 1、“现行有效件数” 1" in rules[0].message and len(rules[0].related) == 1


# --------------------------------------------------------------------------- page chrome


CHROME = (
    "无障碍 | 长者模式 | 繁體\n"
    "您当前的位置：首页 > 政务公开 > 政府信息公开年报\n"
    "【字体：大 中 小】 打印本页 关闭窗口\n"
    "• 索 引 号:11620522/2022-00012\n"
    "• 发布机构:秦安县陇城镇人民政府\n"
    "• 发布日期:2022-01-28\n"
    "分享到：微信 微博 QQ空间\n"
)


def test_cms_chrome_reaches_no_rule_but_page_chrome(report):
    text = CHROME + render(report, "tabs") + "【打印本页】 【关闭窗口】\n"
    found = lint_text(text)
    assert {finding.code for finding in found} == {"RL607"}
    assert all(finding.severity.label == "info" for finding in found)


def test_chrome_half_width_colons_are_not_half_width_punctuation(report):
    text = CHROME + render(report, "tabs")
    assert findings(text, "RL603") == []


# --------------------------------------------------------------------------- half-width punctuation


def _half_width(text: str) -> str:
    return text.translate(str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"}))


def test_half_width_punctuation_throughout_is_one_info_finding(report):
    text = _half_width(render(report, "tabs"))
    [found] = findings(text, "RL603")
    assert found.severity.label == "info" and found.message.startswith("全文的中文句子都使用半角标点")
    assert codes(text) == ["RL603"]


def test_a_report_mixing_both_keeps_the_per_line_warnings(report):
    text = render(report, "tabs")
    lines = text.split("\n")
    mixed = [_half_width(line) if index % 7 == 3 else line for index, line in enumerate(lines)]
    found = findings("\n".join(mixed), "RL603")
    assert len(found) > 1 and all(finding.severity.label == "warning" for finding in found)
