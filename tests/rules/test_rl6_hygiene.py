"""RL6 text hygiene: each rule fires on a bad example, stays silent on a good one, and points at the right place."""

from __future__ import annotations

import pytest

from reportlint.rules.rl6_hygiene import (
    DoubledPunctuation,
    DuplicatedWord,
    HalfWidthPunctuation,
    MixedNumberingWidth,
    RedundantNumberingMark,
    UnbalancedBrackets,
)
from reportlint.run.linter import lint_text

TITLE = "某县某镇2021年政府信息公开工作年度报告\n"


def run(rule, body: str):
    return [(d.code, d.location.line, d.location.column, d.location.end_column, d.message) for d in lint_text(TITLE + body, rules=[rule])]


def test_duplicated_word_across_spaces_and_with_fix():
    [(code, line, column, end, message)] = run(DuplicatedWord, "我镇认真做好政府信息公 开 公 开工作。\n")
    assert (code, line, column, end) == ("RL601", 2, 11, 18)
    assert message == "词语“公开”重复出现：“公 开 公 开”，请删去多余的“公开”"
    [diagnostic] = lint_text(TITLE + "工作工作。\n", rules=[DuplicatedWord])
    text = TITLE + "工作工作。\n"
    fixed = text[: diagnostic.fix.start] + diagnostic.fix.replacement + text[diagnostic.fix.end :]
    assert fixed.endswith("\n工作。\n")


@pytest.mark.parametrize("good", ["常常开会，人人参与，天天更新。", "大家研究研究再定。", "一项一项落实。", "谢谢。", "政府信息公开工作。"])
def test_duplicated_word_allows_legitimate_reduplication(good):
    assert run(DuplicatedWord, good + "\n") == []


def test_duplicated_word_option_and_title_left_to_rl114():
    assert lint_text("某镇2021年政府信息公开 公开工作年度报告\n", rules=[DuplicatedWord]) == []
    config = {"rules": {"duplicated-word": {"allow": ["工作"]}}}
    assert lint_text(TITLE + "工作工作。\n", rules=[DuplicatedWord], config=config) == []


def test_unbalanced_brackets_lone_closer_and_unclosed_opener():
    found = run(UnbalancedBrackets, "开展政府开放日活动，》，于11月10日。\n请与办公室联系（地址：某路14号，电话：0938-6521510。\n")
    assert [(code, line, column) for code, line, column, _, _ in found] == [("RL602", 2, 11), ("RL602", 3, 8)]
    assert found[0][4] == "多余的“》”：本段前面没有与之配对的“《”"
    assert found[1][4] == "“（”没有闭合：本段中找不到与之配对的“）”"


@pytest.mark.parametrize(
    "good",
    [
        "（一）主动公开情况。",
        "（一)全角半角混配也算成对。",
        "1）加强领导。",
        "一）健全机构。",
        "依据《中华人民共和国政府信息公开条例》（以下简称《条例》）。",
        "括号跨行的段落（第一行\n第二行）结束。",
        "“谁主管、谁负责”的原则。",
    ],
)
def test_unbalanced_brackets_silent_on_good_text(good):
    assert run(UnbalancedBrackets, good + "\n") == []


def test_half_width_punctuation_once_per_line_with_count():
    text = (
        "2020年，新村镇认真贯彻《条例》，全面推进公开。\n2020年,新村镇政府信息公开工作以思想为指导,全面贯彻。\n"
        + "全年共公开信息，均已归档。\n" * 20
    )
    [(code, line, column, _, message)] = run(HalfWidthPunctuation, text)
    assert (code, line, column) == ("RL603", 3, 6)
    assert message == "中文句子中使用了半角标点“,”，应为全角“，”，本行共 2 处"
    assert run(HalfWidthPunctuation, "数值为1,024件，时间10:30，网址 http://x.cn。\n") == []


def test_half_width_punctuation_throughout_is_one_info_finding():
    text = "2020年,新村镇政府信息公开工作以思想为指导,全面贯彻。\n主动公开信息56条,依申请公开0件:无。\n"
    [(code, line, column, _, message)] = run(HalfWidthPunctuation, text)
    assert (code, line, column) == ("RL603", 2, 6)
    assert message.startswith("全文的中文句子都使用半角标点（“,”、“:”，共 4 处，2 行）")


def test_redundant_numbering_mark():
    [(code, line, column, end, message)] = run(RedundantNumberingMark, "   （一）、加强领导，健全机构。\n")
    assert (code, line, column, end) == ("RL604", 2, 4, 8)
    assert message == "序号“（一）”后多了“、”，应写作“（一）”"
    assert run(RedundantNumberingMark, "（一）加强领导。1.属于国家秘密\n") == []


def test_mixed_numbering_width_flags_the_minority_width():
    found = run(MixedNumberingWidth, "1、加强队伍建设。\n2、广泛宣传。\n４、加大力度。\n")
    assert [(line, column, message) for _, line, column, _, message in found] == [
        (4, 1, "序号“４”使用了全角数字，而本报告其他序号使用半角数字，应写作“4”")
    ]
    assert run(MixedNumberingWidth, "1、加强。\n2、宣传。\n") == []


def test_doubled_punctuation():
    found = run(DoubledPunctuation, "完善公开目录，，提高质量。。\n")
    assert [(line, column) for _, line, column, _, _ in found] == [(2, 7), (2, 13)]
    assert run(DoubledPunctuation, "完善目录……提高质量。\n") == []
