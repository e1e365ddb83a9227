"""Quoting report text in messages: one line."""

from __future__ import annotations

from reportlint.run.linter import lint_text
from reportlint.text.quoting import one_line, squash


def test_line_breaks_between_chinese_characters_disappear_others_become_a_space():
    assert one_line("（一）主动公开\n情况") == "（一）主动公开情况"
    assert one_line("version 2\n  of the page") == "version 2 of the page"
    assert one_line("一行") == "一行"
    assert squash("公 开  公\n开") == "公开公开"


def test_every_message_is_one_line():
    text = "某镇2021年政府信息公开工作\n年度报告\n一、总体情况\n略。\n"
    assert all("\n" not in finding.message for finding in lint_text(text))
    [split] = lint_text(text, config={"select": ["RL116"]})
    assert split.message == "标题被拆成了 2 行：“某镇2021年政府信息公开工作年度报告”"
