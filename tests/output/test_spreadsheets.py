"""The workbook (``-f xlsx``) and the CSV (``-f csv``): the documented columns, one row per report and per finding."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.output import ReporterOptions
from reportlint.run.options import RunOptions
from reportlint.run.registry import registry_for
from reportlint.run.runner import lint_paths
from reportlint.testing.reports import SampleReport, render

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx output needs openpyxl (pip install 'reportlint[xlsx]')")

DOCS = Path(__file__).resolve().parents[2] / "docs" / "outputs.md"
FAMILIES = ["RL1 结构与标题", "RL2 表格与单元格", "RL3 勾稽关系", "RL4 地名与主体", "RL5 日期与期限", "RL6 文字规范", "RL9 读取与内部"]


def documented_columns(sheet: str) -> list[str]:
    """The first column of the table under ``<!-- columns: sheet -->`` in docs/outputs.md."""
    text = DOCS.read_text(encoding="utf-8")
    table = text.split(f"<!-- columns: {sheet} -->", 1)[1].split("\n\n", 1)[0]
    return [line.split("|")[1].strip() for line in table.strip().splitlines()[2:]]


def workbook(run):
    reporter = registry_for(Config()).reporter("xlsx")(ReporterOptions())
    return openpyxl.load_workbook(io.BytesIO(reporter.render_bytes(run)))


def values(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def office_workbook(office_run):
    return workbook(office_run)


def test_the_reports_sheet_has_the_documented_columns_and_one_row_per_report_worst_first(office_run, office_workbook):
    assert office_workbook.sheetnames == ["报告", "问题"]
    sheet = office_workbook["报告"]
    rows = values(sheet)
    documented = documented_columns("报告")
    assert rows[0][:8] == documented[:8] and documented[8].startswith("RL1 结构与标题")
    assert rows[0][8:] == FAMILIES
    assert len(rows) == 1 + len(office_run.files)
    by_path = {result.path: result for result in office_run.files}
    for row in rows[1:]:
        result = by_path[row[0]]
        assert row[1:5] == [
            result.summary.subject,
            result.summary.year,
            {"T2021": "2021 版", "T2019": "2019 版"}[result.summary.template],
            "已读取",
        ]
        assert row[5:8] == [sum(1 for d in result.diagnostics if d.severity.label == label) for label in ("error", "warning", "info")]
        assert sum(row[8:]) == len(result.diagnostics)
    severities = [tuple(row[5:8]) for row in rows[1:]]
    assert severities == sorted(severities, reverse=True)


def test_the_findings_sheet_has_the_documented_columns_and_one_row_per_finding(office_run, office_workbook):
    rows = values(office_workbook["问题"])
    assert rows[0] == documented_columns("问题")
    assert len(rows) == 1 + len(office_run.diagnostics)
    for row, diagnostic in zip(rows[1:], office_run.diagnostics, strict=True):
        assert row[0] == diagnostic.path and row[3:8] == [
            diagnostic.code,
            diagnostic.name,
            diagnostic.severity.chinese,
            diagnostic.message,
            diagnostic.location.line,
        ]


def test_both_sheets_have_filters_and_frozen_headers(office_workbook):
    for sheet in office_workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=sheet.max_column).column_letter}{sheet.max_row}"
        assert sheet["A1"].font.bold


def test_table_cells_are_given_where_known(tmp_path):
    report = SampleReport.build("T2021", 2021, seed=4)
    report = report.with_cell("s3", "r1", "c_total", str(int(report.value("s3", "r1", "c_total")) + 1))
    (tmp_path / "a.md").write_text(render(report, "markdown"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(render(report, "tabs"), encoding="utf-8")
    run = lint_paths([str(tmp_path)], RunOptions(isolated=True, keep_text=True, select=("RL302", "RL313")))
    rows = values(workbook(run)["问题"])
    header = rows[0]
    where = header.index("表格")
    found = {(Path(row[0]).name, row[header.index("代码")]): row[where : where + 3] for row in rows[1:]}
    assert found[("a.md", "RL302")] == [2, 4, 10], "the second Markdown table (of 二、三、四), its fourth row, the 总计 column"
    assert found[("a.md", "RL313")] == [None, None, None], "a sentence is in no table"
    table, row, column = found[("b.txt", "RL302")]
    line = next(d.location.line for d in run.diagnostics if d.path.endswith("b.txt") and d.code == "RL302")
    fields = (tmp_path / "b.txt").read_text(encoding="utf-8").splitlines()[line - 1].split("\t")
    assert fields[column - 1] == report.value("s3", "r1", "c_total"), "the column counts the line's tab-separated fields"
    assert table >= 1 and row >= 1


def test_an_unreadable_report_is_listed_with_its_status(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    run = lint_paths([str(tmp_path / "old.doc")], RunOptions(isolated=True, keep_text=True))
    book = workbook(run)
    [report] = values(book["报告"])[1:]
    assert report[:5] == [str(tmp_path / "old.doc"), None, None, None, "无法读取"]
    [finding] = values(book["问题"])[1:]
    assert finding[3] == "RL902" and finding[7] is None


def test_text_starting_with_an_equals_sign_stays_text(tmp_path):
    (tmp_path / "=SUM(A1).txt").write_text("某镇2021年政府信息公开工作年度报告\n工作工作。\n", encoding="utf-8")
    run = lint_paths([str(tmp_path / "=SUM(A1).txt")], RunOptions(isolated=True, keep_text=True, select=("RL601",)))
    cell = workbook(run)["问题"]["A2"]
    assert cell.value.endswith("=SUM(A1).txt") and cell.data_type == "s"


def test_csv_round_trips_through_the_csv_module(office_run, render_format):
    reporter = registry_for(Config()).reporter("csv")(ReporterOptions())
    data = reporter.render_bytes(office_run)
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel and WPS"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == documented_columns("问题")
    assert len(rows) == 1 + len(office_run.diagnostics)
    summaries = {result.path: result.summary for result in office_run.files}
    for row, diagnostic in zip(rows[1:], office_run.diagnostics, strict=True):
        summary = summaries[diagnostic.path]
        assert row[:9] == [
            diagnostic.path,
            summary.subject,
            str(summary.year),
            diagnostic.code,
            diagnostic.name,
            diagnostic.severity.chinese,
            diagnostic.message,
            str(diagnostic.location.line),
            str(diagnostic.location.column),
        ]
    assert render_format("csv", office_run) == data.decode("utf-8-sig"), "a terminal gets the same text without the mark"


def test_csv_quotes_commas_quotes_and_newlines(tmp_path, render_format):
    name = 'a,"b".txt'
    (tmp_path / name).write_text("某镇2021年政府信息公开工作年度报告\n工作工作。\n", encoding="utf-8")
    run = lint_paths([str(tmp_path / name)], RunOptions(isolated=True, keep_text=True, select=("RL601",)))
    output = render_format("csv", run)
    assert re.search(r'"[^"]*a,""b""\.txt"', output)
    [row] = list(csv.reader(io.StringIO(output, newline="")))[1:]
    assert row[0].endswith(name)
