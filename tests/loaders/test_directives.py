"""Suppression directives: how ``reportlint: 忽略 RL603 原因`` is read."""

from __future__ import annotations

import pytest

from reportlint.loaders.directives import parse_directive


@pytest.mark.parametrize(
    ("text", "codes", "reason", "file_wide"),
    [
        ("reportlint: 忽略 RL603 引用英文原文", ("RL603",), "引用英文原文", False),
        ("reportlint：忽略 RL603，RL601 原文如此", ("RL603", "RL601"), "原文如此", False),
        (" reportlint: ignore rl603, RL6 quoted from the source ", ("RL603", "RL6"), "quoted from the source", False),
        ("ReportLint: ignore duplicated-word: 领导讲话原文", ("duplicated-word",), "领导讲话原文", False),
        ("reportlint: ignore-file RL603 转载文件", ("RL603",), "转载文件", True),
        ("reportlint: 忽略全文 RL603、RL601 转载文件", ("RL603", "RL601"), "转载文件", True),
        ("reportlint: 忽略 RL603", ("RL603",), "", False),
    ],
)
def test_directives(text, codes, reason, file_wide):
    directive = parse_directive(text)
    assert directive is not None and not directive.problem
    assert (directive.codes, directive.reason, directive.file_wide) == (codes, reason, file_wide)


def test_other_comments_are_not_directives():
    assert parse_directive("请核对标点") is None
    assert parse_directive("RL603 half-width-punctuation（警告）") is None  # reportlint's own annotation comments


@pytest.mark.parametrize(
    ("text", "problem"), [("reportlint: ignor RL603 原因", "无法理解的指令“ignor”"), ("reportlint: 忽略 ，原因", "缺少规则代码")]
)
def test_malformed_directives_say_why(text, problem):
    directive = parse_directive(text)
    assert directive is not None and directive.codes == () and problem in directive.problem
