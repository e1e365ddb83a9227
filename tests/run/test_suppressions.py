"""Suppressions written in documents: Word comments, HTML and Markdown comments; unused and invalid ones reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.run.linter import lint_source, lint_text
from reportlint.sources import read_source

TITLE = "某镇2021年政府信息公开工作年度报告"
SELECT = {"select": ["RL601", "RL603", "RL95"]}


def codes_and_lines(findings) -> list[tuple[str, int]]:
    return [(finding.code, finding.location.line) for finding in findings]


# --------------------------------------------------------------------------- Word comments


def word_report(path: Path, paragraphs: list[tuple[str, str | None]]) -> Path:
    """A .docx whose paragraphs are (text, comment on the whole paragraph or None)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(TITLE)
    for text, comment in paragraphs:
        run = document.add_paragraph().add_run(text)
        if comment is not None:
            document.add_comment(run, text=comment, author="起草人", initials="QC")
    document.save(path)
    return path


def lint_docx(path: Path):
    return lint_source(read_source(path, path.name), config=SELECT)


def test_a_word_comment_silences_its_code_in_its_range_only(tmp_path):
    path = word_report(
        tmp_path / "r.docx",
        [
            ("引用原文：依法,依规公开。", "reportlint: 忽略 RL603 引用上级文件原文，保留原标点"),
            ("我镇工作工作扎实,成效明显。", None),
        ],
    )
    findings = lint_docx(path)
    # Paragraph 2 (line 2) keeps nothing; paragraph 3 keeps both its findings: RL603 there, and RL601 which no comment names.
    assert sorted(codes_and_lines(findings)) == [("RL601", 3), ("RL603", 3)]
    assert all(finding.location.logical == "第3段" for finding in findings)


def test_a_word_comment_in_english_and_with_a_name_works_too(tmp_path):
    path = word_report(tmp_path / "r.docx", [("我镇工作工作扎实。", "reportlint: ignore duplicated-word 引用原文")])
    assert lint_docx(path) == []


def test_an_unused_word_comment_suppression_is_reported_at_its_range(tmp_path):
    path = word_report(tmp_path / "r.docx", [("本段没有问题。", "reportlint: 忽略 RL603 早先的半角标点已改正")])
    [finding] = lint_docx(path)
    assert finding.code == "RL950" and finding.severity.label == "info"
    assert (
        finding.message == "Word 批注“reportlint: 忽略 RL603 早先的半角标点已改正”没有用上：RL603 在此范围内没有问题，可以删除这条忽略指令"
    )
    assert finding.location.logical == "第2段"


def test_a_word_comment_without_a_reason_still_silences_and_is_reported(tmp_path):
    path = word_report(tmp_path / "r.docx", [("依法,依规公开。", "reportlint: 忽略 RL603")])
    [finding] = lint_docx(path)
    assert finding.code == "RL951" and finding.severity.label == "warning"
    assert "没有写原因" in finding.message and finding.location.line == 2


def test_an_ordinary_word_comment_is_not_a_directive(tmp_path):
    path = word_report(tmp_path / "r.docx", [("依法,依规公开。", "请核对这一段的标点")])
    assert codes_and_lines(lint_docx(path)) == [("RL603", 2)]


# --------------------------------------------------------------------------- HTML and Markdown comments

PAGE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1>
<p>一、总体情况</p>
<!-- reportlint: ignore RL603 引用上级文件原文 -->
<p>依法,依规公开政府信息。</p>
<p>严格,规范办理申请。</p>
<p>二、主动公开政府信息情况</p>
<p>{filler}</p>
</body></html>
"""


def test_an_html_comment_silences_its_code_in_the_next_block_only():
    page = PAGE.format(title=TITLE, filler="全年主动公开政府信息。" * 20)
    findings = lint_text(page, filename="r.html", config=SELECT)
    assert codes_and_lines(findings) == [("RL603", 6)]  # the block after the next keeps its finding


def test_an_html_comment_silences_exactly_its_code():
    page = PAGE.format(title=TITLE, filler="全年主动公开政府信息。" * 20).replace("依法,依规公开政府信息。", "依法,依规公开公开政府信息。")
    findings = lint_text(page, filename="r.html", config=SELECT)
    assert codes_and_lines(findings) == [("RL601", 5), ("RL603", 6)]


MARKDOWN = f"""# {TITLE}

<!-- reportlint: ignore RL603 引用英文原文 -->
本段有半角,标点
同段第二行,也有

下一段,未忽略
"""


def test_a_markdown_comment_silences_the_next_paragraph():
    findings = lint_text(MARKDOWN, filename="r.md", config=SELECT)
    assert codes_and_lines(findings) == [("RL603", 7)]


def test_ignore_file_silences_the_code_everywhere():
    text = MARKDOWN.replace("ignore RL603 引用英文原文", "ignore-file RL603 转载的英文文件")
    assert lint_text(text, filename="r.md", config=SELECT) == []


def test_unknown_codes_and_malformed_directives_are_reported():
    text = f"# {TITLE}\n\n<!-- reportlint: ignore RL6O3 引用 -->\n本段,有\n\n<!-- reportlint: ignor RL603 引用 -->\n另一段。\n"
    findings = lint_text(text, filename="r.md", config=SELECT)
    messages = {(finding.code, finding.location.line): finding.message for finding in findings}
    assert (
        messages[("RL951", 4)]
        == "Markdown 注释“reportlint: ignore RL6O3 引用”中的规则代码“RL6O3”不存在，您是否想写“RL603”？，这条指令不会忽略它"
    )
    assert "无法理解的指令“ignor”" in messages[("RL951", 7)]
    assert ("RL603", 4) in messages


def test_suppression_findings_can_be_ignored_like_any_rule():
    text = MARKDOWN.replace("本段有半角,标点\n同段第二行,也有", "本段没有问题。")
    assert codes_and_lines(lint_text(text, filename="r.md", config=SELECT)) == [("RL950", 4), ("RL603", 6)]
    config = {"select": ["RL603", "RL95"], "ignore": ["RL950"]}
    assert codes_and_lines(lint_text(text, filename="r.md", config=config)) == [("RL603", 6)]


def test_a_suppression_of_a_rule_that_did_not_run_is_not_unused():
    assert lint_text(MARKDOWN.replace("下一段,未忽略", "下一段。"), filename="r.md", config={"select": ["RL601", "RL95"]}) == []
