"""Annotated Word copies: one comment per finding on the right range (a table finding on its cell); the original untouched.

The copy is checked the ways the issue asks: its XML (each comment's range holds
the finding's text, or the whole cell), python-docx reads it, and LibreOffice
converts it to PDF and keeps the comments when converting to .fodt.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from reportlint.cli import app
from reportlint.core.model import Table
from reportlint.loaders.docx import read_word
from reportlint.run.linter import lint_source
from reportlint.sources import read_source
from reportlint.testing.reports import SUBJECTS, SampleReport, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory) -> Path:
    """A generated 2021 township report with findings in its text (RL601, RL603) and in table cells (RL206, RL301)."""
    pytest.importorskip("docx")
    report = SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=3, balanced=False)
    report = report.with_text_replaced("，", ",").with_text_replaced("政府信息公开", "政府信息公开公开")
    report = report.with_cell("s2_20_1", "normative", "repealed", "")
    return write_docx(report, tmp_path_factory.mktemp("annotate") / "报告.docx")


def comment_ranges(docx: Path) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd, in document order."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    open_ranges: dict[str, list[str]] = {}
    closed: dict[str, str] = {}
    for element in root.iter():
        if element.tag == W + "commentRangeStart":
            open_ranges[element.get(W + "id")] = []
        elif element.tag == W + "commentRangeEnd":
            identifier = element.get(W + "id")
            closed[identifier] = "".join(open_ranges.pop(identifier))
        elif element.tag == W + "t":
            for parts in open_ranges.values():
                parts.append(element.text or "")
    return closed


def expected_range(document, finding) -> str:
    """What a finding's comment should cover: its cell's whole text in a table, else the finding's own text."""
    for table in (block for block in document.blocks if isinstance(block, Table)):
        for row in table.rows:
            for cell in row:
                if cell.start <= finding.start <= cell.end:
                    return document.text[cell.start : cell.end]
    return document.text[finding.start : finding.end]


def test_one_comment_per_finding_on_the_right_ranges(report_docx, tmp_path):
    original = report_docx.read_bytes()
    copy = tmp_path / "报告.批注.docx"
    result = CliRunner().invoke(app, ["annotate", str(report_docx), "-o", str(copy), "--isolated"])
    assert result.exit_code == 1, result.output  # findings at warning and above, as check
    findings = lint_source(read_source(report_docx, report_docx.name), config={})
    codes = {finding.code for finding in findings}
    assert {"RL601", "RL603", "RL206", "RL301"} <= codes
    assert f"{len(findings)} 条批注" in result.output
    assert report_docx.read_bytes() == original  # the original is never modified

    document = read_word(read_source(report_docx)).document
    ranges = comment_ranges(copy)
    assert len(ranges) == len(findings)
    by_order = [ranges[str(index)] for index in range(len(findings))]
    for finding, covered in zip(findings, by_order, strict=True):
        assert covered == expected_range(document, finding), finding.code
    in_cells = [finding for finding in findings if finding.location.logical and finding.location.logical.startswith("表格")]
    assert in_cells and all(ranges[str(findings.index(finding))] for finding in in_cells if finding.code != "RL206")

    docx = pytest.importorskip("docx")
    comments = list(docx.Document(str(copy)).comments)
    assert len(comments) == len(findings)
    for comment, finding in zip(comments, findings, strict=True):
        assert comment.author == "reportlint"
        assert comment.text.startswith(f"{finding.code} {finding.name}") and finding.message in comment.text


def test_the_annotated_copy_lints_like_the_original(report_docx, tmp_path):
    copy = tmp_path / "copy.docx"
    CliRunner().invoke(app, ["annotate", str(report_docx), "-o", str(copy), "--isolated"])
    before = [(f.code, f.start, f.end, f.message) for f in lint_source(read_source(report_docx), config={})]
    after = [(f.code, f.start, f.end, f.message) for f in lint_source(read_source(copy), config={})]
    assert after == before


def test_the_default_name_and_the_original_is_never_overwritten(report_docx, tmp_path):
    work = tmp_path / "r.docx"
    shutil.copy(report_docx, work)
    runner = CliRunner()
    assert runner.invoke(app, ["annotate", str(work), "--isolated", "--exit-zero"]).exit_code == 0
    assert (tmp_path / "r.批注.docx").is_file()
    refused = runner.invoke(app, ["annotate", str(work), "-o", str(work), "--isolated"])
    assert refused.exit_code == 2 and "不能覆盖原文件" in refused.output
    assert work.read_bytes() == report_docx.read_bytes()


def test_annotate_refuses_what_is_not_a_word_document(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("某镇2021年政府信息公开工作年度报告\n工作工作。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", str(report), "--isolated"])
    assert result.exit_code == 2 and "只能给 Word 文档（.docx）加批注" in result.output


def test_check_annotate_writes_a_copy_of_each_docx(report_docx, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(report_docx, folder / "a.docx")
    (folder / "b.txt").write_text("某镇2021年政府信息公开工作年度报告\n工作工作。\n", encoding="utf-8")
    out = tmp_path / "批注"
    result = CliRunner().invoke(app, ["check", str(folder), "--annotate", str(out), "--isolated", "--select", "RL6"])
    assert result.exit_code == 1
    written = sorted(path.name for path in out.rglob("*.docx"))
    assert written == ["a.批注.docx"]
    assert len(comment_ranges(next(out.rglob("a.批注.docx")))) == 2  # RL601 and RL603 of the .docx


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed")
def test_libreoffice_converts_the_copy_and_keeps_the_comments(report_docx, tmp_path):
    copy = tmp_path / "copy.docx"
    CliRunner().invoke(app, ["annotate", str(report_docx), "-o", str(copy), "--isolated"])
    findings = lint_source(read_source(report_docx), config={})
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    for target in ("pdf", "fodt"):
        converted = subprocess.run(
            ["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(copy)],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert converted.returncode == 0, converted.stderr
    assert (tmp_path / "copy.pdf").read_bytes().startswith(b"%PDF")
    flat = (tmp_path / "copy.fodt").read_text(encoding="utf-8")
    assert flat.count("<office:annotation ") == len(findings)
    assert flat.count("<dc:creator>reportlint</dc:creator>") == len(findings)
