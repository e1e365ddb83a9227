"""RL607/RL608 extraction artefacts and RL609 missing characters (RL610 mirror spam is a pack: tests/rules/packs/test_blocklist.py)."""

from __future__ import annotations

from reportlint.rules.rl6_extraction import PageChrome, SplitCharacters
from reportlint.rules.rl6_hygiene import MissingCharacter
from reportlint.run.linter import lint_text

TITLE = "某镇2021年政府信息公开工作年度报告\n"


def found(text, rule, **options):
    return [(d.code, d.location.line, d.message) for d in lint_text(text, rules=[rule], **options)]


def test_page_chrome_lines_are_grouped_and_only_in_text_copies():
    text = (
        "您当前的位置：首页 >> 政府信息公开\n索引号：123-2022-001\n字体：[ 大 中 小 ]\n"
        + TITLE
        + "一、总体情况\n本年度……。\n扫一扫在手机打开当前页面\n"
    )
    assert [(code, line) for code, line, _ in found(text, PageChrome)] == [("RL607", 1), ("RL607", 7)]
    assert "等 3 行" in found(text, PageChrome)[0][2]
    html = "<html><body><p>您当前的位置：首页</p><h1>某镇2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度工作。</p></body></html>"
    assert lint_text(html, filename="r.html", rules=[PageChrome]) == []


def test_report_sentences_are_not_chrome():
    text = TITLE + "二、主动公开政府信息情况\n发布政府信息56条，通过门户网站、公众号等渠道公开。\n"
    assert found(text, PageChrome) == []


def test_split_characters_in_table_rows():
    text = TITLE + "\t自 然 人\t法人或其他组织\n\t法 律 服 务 机 构\t其他\n"
    assert [(line, message) for _, line, message in found(text, SplitCharacters)] == [
        (2, "文字被空格拆成了单字：“自 然 人”（按“自然人”读取）"),
        (3, "文字被空格拆成了单字：“法 律 服 务 机 构”（按“法律服务机构”读取）"),
    ]
    assert found(TITLE + "商业 企业\t科研 机构\n", SplitCharacters) == []


def test_missing_character_in_common_phrases():
    [(code, line, message)] = found(TITLE + "二是政务公开人员变较快。\n", MissingCharacter)
    assert (code, line, message) == ("RL609", 2, "“人员变较快”疑似漏字，应为“人员变动较快”（缺“动”）")
    correct = "健全保密审查制度，进一步强化领导，把政府信息公开作为重点。\n"
    assert found(TITLE + correct, MissingCharacter) == []
    assert found(TITLE + "做好政府信公开。\n", MissingCharacter)[0][2].endswith("应为“政府信息公开”（缺“息”）")
    options = {"rules": {"missing-character": {"phrases": ["便民服务中心"]}}}
    assert found(TITLE + "依托便民服中心，办理业务。\n", MissingCharacter, config=options)[0][2].startswith("“便民服中心”疑似漏字")
