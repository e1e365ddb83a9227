"""The ``xlsx`` output: a workbook for supervising offices (openpyxl, the optional extra ``reportlint[xlsx]``).

Sheet 「报告」 has one row per report (worst first): path, 主体, year,
template, status, counts by severity and by rule family. Sheet 「问题」 has
one row per finding: report, code, severity, message, line, table cell. Both
have filters on every column and a frozen header row; the columns are listed
in docs/outputs.md. openpyxl is imported only when this format is chosen.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlint.core.config import ConfigError
from reportlint.core.diagnostics import Severity
from reportlint.output import Reporter, ReporterOptions, review_date
from reportlint.output.overview import FINDING_COLUMNS, Column, finding_rows, report_columns, report_rows
from reportlint.version import __version__

if TYPE_CHECKING:
    from reportlint.run.results import RunResult

#: Cell fills of the severity columns (the review page's colours).
SEVERITY_FILLS = {Severity.ERROR: "FFC9C9", Severity.WARNING: "FFE8A3", Severity.INFO: "CFE8FF"}
HEADER_FILL = "E8E8E8"


class XlsxReporter(Reporter):
    """An Excel/WPS workbook: a sheet of reports and a sheet of findings, with filters and frozen headers."""

    name = "xlsx"
    description = "Excel/WPS 工作簿：“报告”表每份报告一行，“问题”表每个问题一行（需要 reportlint[xlsx]）"
    needs_text = True
    binary = True

    def __init__(self, options: ReporterOptions | None = None) -> None:
        super().__init__(options or ReporterOptions())
        try:
            import openpyxl  # noqa: F401 (checked before the run, not after it)
        except ImportError:
            raise ConfigError("输出 xlsx 需要 openpyxl：请安装 pip install 'reportlint[xlsx]'") from None

    def render(self, run: RunResult) -> str:
        raise TypeError("xlsx 是二进制格式：请用 render_bytes")

    def render_bytes(self, run: RunResult) -> bytes:
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.properties.creator = f"reportlint {__version__}"
        workbook.properties.title = f"政府信息公开工作年度报告检查结果（{review_date().isoformat()}）"
        reports = workbook.active
        reports.title = "报告"
        _fill_sheet(reports, report_columns(run), report_rows(run))
        findings = workbook.create_sheet("问题")
        rows = finding_rows(run)
        _fill_sheet(findings, list(FINDING_COLUMNS), rows)
        severity_column = _position(FINDING_COLUMNS, "级别")
        for number, row in enumerate(rows, start=2):
            _paint(findings.cell(row=number, column=severity_column), row.diagnostic.severity)
        count_columns = {severity: _position(report_columns(run), severity.chinese) for severity in Severity}
        for number, report in enumerate(report_rows(run), start=2):
            for severity, column in count_columns.items():
                if report.severities.get(severity):
                    _paint(reports.cell(row=number, column=column), severity)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def _position(columns: Sequence[Column], header: str) -> int:
    """The 1-based column number of a header."""
    return next(number for number, column in enumerate(columns, start=1) if column.header == header)


def _fill_sheet(sheet: Any, columns: Sequence[Column], rows: Sequence[Any]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append([column.header for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for number, row in enumerate(rows, start=2):
        for column_number, column in enumerate(columns, start=1):
            _set(sheet.cell(row=number, column=column_number), column.value(row))
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"


def _set(cell: Any, value: str | int | None) -> None:
    """Write a value as data: text stays text even when it starts with "=", characters XML cannot hold are dropped."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value


def _paint(cell: Any, severity: Severity) -> None:
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor=SEVERITY_FILLS[severity])
