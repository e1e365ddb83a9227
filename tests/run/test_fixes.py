"""``--fix``: the fixes rules compute, applied safely; the fixed text re-linted has none of the fixed findings and no new ones."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reportlint.core.diagnostics import Diagnostic, Fix, Severity
from reportlint.rules.rl6_hygiene import DuplicatedWord, HalfWidthPunctuation, MissingCharacter
from reportlint.run.fixes import Fixer, FixError, choose_fixes, edits_of, encode_like
from reportlint.run.linter import Linter, lint_source
from reportlint.run.options import RunOptions
from reportlint.sources import read_source
from reportlint.testing.reports import SUBJECTS, SampleReport, render

TITLE = "某镇2021年政府信息公开工作年度报告"


def fix_file(path: Path, unsafe: bool = False):
    return Fixer(Linter(RunOptions(isolated=True)), unsafe).fix(read_source(path, path.name))


def finding_keys(diagnostics) -> set[tuple[str, str]]:
    return {(diagnostic.code, diagnostic.message) for diagnostic in diagnostics}


def assert_fixed_cleanly(path: Path, outcome) -> None:
    """Re-linting the fixed bytes: none of the fixed findings, nothing that was not there before."""
    before = lint_source(read_source(path, path.name), config={})
    fixed = path.with_name("fixed" + path.suffix)
    fixed.write_bytes(outcome.fixed)
    after = lint_source(read_source(fixed, path.name), config={})
    assert finding_keys(after) <= finding_keys(before), finding_keys(after) - finding_keys(before)
    fixed_keys = finding_keys(outcome.applied)
    assert not finding_keys(after) & fixed_keys
    assert finding_keys(after) == finding_keys(outcome.result.diagnostics)


def test_half_width_punctuation_doubled_words_and_numbering_marks_are_fixed(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"{TITLE}\n（一）、主动公开。全年公开公开信息56条,其中政策文件12条,解读材料3条。\n", encoding="utf-8")
    outcome = fix_file(path)
    assert {diagnostic.code for diagnostic in outcome.applied} == {"RL601", "RL603", "RL604"}
    assert outcome.fixed.decode("utf-8").splitlines()[1] == "（一）主动公开。全年公开信息56条，其中政策文件12条，解读材料3条。"
    assert_fixed_cleanly(path, outcome)


def test_a_stray_closing_mark_after_punctuation_is_deleted_and_the_doubled_comma_after_it(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"{TITLE}\n在2021年开展政府开放日活动，》，于11月10日开展了活动。\n", encoding="utf-8")
    outcome = fix_file(path)
    assert [diagnostic.code for diagnostic in outcome.applied] == ["RL602", "RL606"]  # two passes
    assert outcome.fixed.decode("utf-8").splitlines()[1] == "在2021年开展政府开放日活动，于11月10日开展了活动。"
    assert_fixed_cleanly(path, outcome)


def test_ambiguous_brackets_and_mixed_marks_are_left_alone(tmp_path):
    path = tmp_path / "r.txt"
    text = f"{TITLE}\n请与办公室联系（电话：12345。\n工作扎实》有效。进一步完善，。\n"
    path.write_text(text, encoding="utf-8")
    outcome = fix_file(path)
    assert outcome.applied == () and outcome.fixed == path.read_bytes()
    assert {"RL602", "RL606"} <= {diagnostic.code for diagnostic in outcome.result.diagnostics}


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("gb18030", "\r\n"), ("utf-8-sig", "\n"), ("utf-16", "\r\n"), ("big5", "\n")],
)
def test_the_encoding_byte_order_mark_and_line_endings_are_kept(tmp_path, encoding, newline):
    path = tmp_path / "r.txt"
    text = newline.join(["某鎮2021年政府信息公開工作年度報告", "全年公開公開信息56條,其中政策文件12條。", "本年度工作正常開展。", ""])
    path.write_bytes(text.encode(encoding))
    outcome = fix_file(path)
    assert {diagnostic.code for diagnostic in outcome.applied} == {"RL601", "RL603"}
    expected = text.replace("公開公開", "公開").replace("56條,", "56條，")
    assert outcome.fixed == expected.encode(encoding)  # same encoding, byte order mark and line endings


def test_a_big_endian_utf16_file_stays_big_endian():
    data = codecs.BOM_UTF16_BE + "甲,乙".encode("utf-16-be")
    assert encode_like("甲，乙", "utf-16", data) == codecs.BOM_UTF16_BE + "甲，乙".encode("utf-16-be")


def test_text_an_encoding_cannot_hold_is_a_clear_error():
    with pytest.raises(FixError, match="无法用原文件的编码"):
        encode_like("𠀀", "gb2312", b"")


def test_unsafe_fixes_need_the_flag(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"{TITLE}\n二是政务公开人员变较快。\n", encoding="utf-8")
    assert MissingCharacter.fix_safety == "unsafe"
    assert fix_file(path).applied == ()
    unsafe = fix_file(path, unsafe=True)
    assert [diagnostic.code for diagnostic in unsafe.applied] == ["RL609"]
    assert "人员变动较快" in unsafe.fixed.decode("utf-8")


def _diagnostic(code: str, start: int, end: int, replacement: str) -> Diagnostic:
    return Diagnostic(code, code.lower(), Severity.WARNING, "", start, end, fix=Fix(start, end, replacement))


def test_overlapping_fixes_are_resolved_by_position_then_code():
    rules = {"RL601": DuplicatedWord, "RL603": HalfWidthPunctuation}
    wide = _diagnostic("RL603", 2, 10, "x" * 8)
    inner = _diagnostic("RL601", 4, 6, "")
    later = _diagnostic("RL601", 12, 14, "")
    assert choose_fixes([later, inner, wide], rules, unsafe=False) == [wide, later]
    assert choose_fixes([wide, later, inner], rules, unsafe=False) == [wide, later]  # the same whatever the order found


def test_a_same_length_fix_changes_only_the_characters_that_differ():
    text = "中文,中文;中文"
    diagnostic = _diagnostic("RL603", 2, 6, "，中文；")
    assert edits_of(diagnostic, text) == [(2, 3, "，"), (5, 6, "；")]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("layout", ["tabs", "cells"])
def test_fixing_generated_reports_introduces_nothing(tmp_path, seed, layout):
    report = SampleReport.build("T2021", 2021, subject=SUBJECTS[seed % len(SUBJECTS)], seed=seed, balanced=False)
    report = report.with_text_replaced("，", ",", count=2).with_text_replaced("公开", "公开公开").with_text_replaced("。", "。。")
    path = tmp_path / "r.txt"
    path.write_text(render(report, layout), encoding="utf-8")
    outcome = fix_file(path)
    assert {"RL601", "RL603", "RL606"} <= {diagnostic.code for diagnostic in outcome.applied}
    assert_fixed_cleanly(path, outcome)


def test_examples_defects_report_is_fixed_cleanly(tmp_path):
    source = Path(__file__).resolve().parents[2] / "examples" / "defects-2021.txt"
    path = tmp_path / "defects-2021.txt"
    path.write_bytes(source.read_bytes())
    outcome = fix_file(path)
    assert [diagnostic.code for diagnostic in outcome.applied] == ["RL114"]
    assert_fixed_cleanly(path, outcome)


def test_a_word_document_is_fixed_in_its_runs(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(TITLE)
    paragraph = document.add_paragraph()
    paragraph.add_run("全年公开")
    paragraph.add_run("公开信息56条,").bold = True
    paragraph.add_run("其中政策文件12条。")
    path = tmp_path / "r.docx"
    document.save(path)
    outcome = fix_file(path)
    assert {diagnostic.code for diagnostic in outcome.applied} == {"RL601", "RL603"}
    assert outcome.fixed_text.splitlines()[1] == "全年公开信息56条，其中政策文件12条。"
    assert_fixed_cleanly(path, outcome)
    fixed = docx.Document(str(path.with_name("fixed.docx")))
    runs = [(run.text, bool(run.bold)) for run in fixed.paragraphs[1].runs]
    assert "".join(text for text, bold in runs if bold) == "信息56条，"  # the bold run's formatting is kept
    assert "".join(text for text, bold in runs if not bold) == "全年公开其中政策文件12条。"


def test_a_web_page_is_fixed_in_its_source_and_keeps_its_encoding(tmp_path):
    page = (
        '<html><head><meta charset="gbk"><title>t</title></head><body>'
        f"<h1>{TITLE}</h1><p>一、总体情况</p><p>全年公开信息56条,其中&ldquo;政策&rdquo;文件12条。</p>"
        "<p>二、主动公开政府信息情况</p><p>" + "全年主动公开政府信息。" * 20 + "</p></body></html>"
    )
    path = tmp_path / "r.html"
    path.write_bytes(page.encode("gbk", "xmlcharrefreplace"))
    outcome = fix_file(path)
    assert [diagnostic.code for diagnostic in outcome.applied] == ["RL603"]
    assert outcome.fixed == page.replace("56条,其中", "56条，其中").encode("gbk")
    assert_fixed_cleanly(path, outcome)


def test_a_pdf_cannot_be_fixed(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(FixError, match="PDF 文件不能自动修改"):
        fix_file(path)
