"""RL1 title: form, year, repeated words, a missing or split title."""

from __future__ import annotations

import pytest
from tests.rules.rl1_reports import findings

from reportlint.run.linter import lint_text
from reportlint.testing.reports import render


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
    for title in ("秦安县陇城镇2021度政府信息公开工作年度报告", "2021秦安县陇城镇政府信息公开工作年度报告"):  # (bench/inject.py)
        text = render(report.with_title(title), "tabs")
        assert findings(text, "RL113") == [(1, "标题中年份“2021”后面漏了“年”字")], title
    text = render(report.with_title("2021秦安县陇城镇2021年政府信息公开工作年度报告"), "tabs")  # a site's year before it
    assert findings(text, "RL113") == []
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


def test_title_without_a_body_name_says_so(report):
    text = render(report, "tabs").replace(report.title, "2021年政府信息公开工作年度报告", 1)
    [(_, message)] = findings(text, "RL112")
    assert message.startswith("标题不规范：标题中没有机关名称（应写在年份前面）")
    moved = render(report, "tabs").replace(report.title, "2021年秦安县陇城镇政府信息公开工作年度报告", 1)
    [(_, message)] = findings(moved, "RL112")
    assert message.startswith("标题不规范：机关名称应写在年份前面")
