"""A run as two tables for supervising offices: one row per report, one row per finding.

The review page's summary, the spreadsheet's two sheets and the CSV all read
these rows, so a report's 主体, year, template, status and counts, and a
finding's place in a table, are worked out once and look the same everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.output import family_label, run_families
from reportlint.output.tables import TablePlace, report_tables, table_place

if TYPE_CHECKING:
    from reportlint.run.results import FileResult, RunResult

#: How the spreadsheet and the page name the templates a report's tables follow.
TEMPLATE_NAMES = {"T2021": "2021 版", "T2019": "2019 版", "mixed": "混用"}
#: A report's status: read (whatever its findings), or not readable at all (its RL90x finding says why).
STATUS_READ, STATUS_UNREADABLE = "已读取", "无法读取"


def template_name(template: str | None) -> str:
    """``2021 版`` for ``T2021``; a plugin template's id as it is; empty when the report has no recognised table."""
    if template is None:
        return ""
    return TEMPLATE_NAMES.get(template, template)


@dataclass(frozen=True)
class ReportRow:
    """One checked report: who, which year, which template, and its findings counted by severity and rule family."""

    index: int
    path: str
    subject: str | None
    year: int | None
    template: str | None
    read: bool
    severities: Mapping[Severity, int]
    families: Mapping[str, int]
    #: The most serious severity among each family's findings (the colour of its count).
    family_severity: Mapping[str, Severity]

    @property
    def status(self) -> str:
        """已读取 or 无法读取."""
        return STATUS_READ if self.read else STATUS_UNREADABLE

    @property
    def errors(self) -> int:
        """Number of errors."""
        return self.severities.get(Severity.ERROR, 0)

    @property
    def warnings(self) -> int:
        """Number of warnings."""
        return self.severities.get(Severity.WARNING, 0)

    @property
    def infos(self) -> int:
        """Number of notes (info)."""
        return self.severities.get(Severity.INFO, 0)

    @property
    def total(self) -> int:
        """Number of findings."""
        return sum(self.severities.values())

    @property
    def worst_first(self) -> tuple[int, int, int, str]:
        """Sort key: most errors first, then most warnings, most notes, then by path."""
        return (-self.errors, -self.warnings, -self.infos, self.path)


def report_row(index: int, result: FileResult) -> ReportRow:
    """The row of one file's result (``index`` is its position in the run)."""
    families: Counter[str] = Counter()
    worst: dict[str, Severity] = {}
    for diagnostic in result.diagnostics:
        families[diagnostic.family] += 1
        worst[diagnostic.family] = max(worst.get(diagnostic.family, Severity.INFO), diagnostic.severity)
    summary = result.summary
    return ReportRow(
        index=index,
        path=result.path,
        subject=summary.subject,
        year=summary.year,
        template=summary.template,
        read=summary.read,
        severities=MappingProxyType(dict(Counter(diagnostic.severity for diagnostic in result.diagnostics))),
        families=MappingProxyType(dict(families)),
        family_severity=MappingProxyType(worst),
    )


def report_rows(run: RunResult) -> list[ReportRow]:
    """Every report of a run, worst first (most errors, then warnings, then notes; ties by path)."""
    return sorted((report_row(index, result) for index, result in enumerate(run.files)), key=lambda row: row.worst_first)


@dataclass(frozen=True)
class Column:
    """A column of a spreadsheet or CSV: its header and how to get its value from a row."""

    header: str
    value: Callable[..., str | int | None]
    width: int = 10


def report_columns(run: RunResult) -> list[Column]:
    """The columns of the per-report sheet: path, 主体, year, template, status, counts by severity and by family."""
    columns = [
        Column("文件", lambda row: row.path, 40),
        Column("主体", lambda row: row.subject or "", 24),
        Column("年度", lambda row: row.year, 8),
        Column("模板", lambda row: template_name(row.template), 10),
        Column("状态", lambda row: row.status, 10),
        Column("错误", lambda row: row.errors, 8),
        Column("警告", lambda row: row.warnings, 8),
        Column("提示", lambda row: row.infos, 8),
    ]
    for family in run_families(run):
        columns.append(Column(family_label(family), _family_count(family), 14))
    return columns


def _family_count(family: str) -> Callable[[ReportRow], int]:
    return lambda row: row.families.get(family, 0)


@dataclass(frozen=True)
class FindingRow:
    """One finding with its report's identity and, when it is in a table, the table cell."""

    report: ReportRow
    diagnostic: Diagnostic
    place: TablePlace | None


def finding_rows(run: RunResult) -> list[FindingRow]:
    """Every finding of a run, in output order (by file, then position)."""
    rows = []
    for index, result in enumerate(run.files):
        report = report_row(index, result)
        tables = report_tables(result) if result.diagnostics else ()
        for diagnostic in result.diagnostics:
            rows.append(FindingRow(report, diagnostic, table_place(diagnostic, tables)))
    return rows


def _line(row: FindingRow) -> int | None:
    return row.diagnostic.location.line if row.diagnostic.location else None


def _column(row: FindingRow) -> int | None:
    return row.diagnostic.location.column if row.diagnostic.location else None


def _where(row: FindingRow) -> str:
    location = row.diagnostic.location
    return (location.logical or "") if location is not None else ""


def _suggestion(row: FindingRow) -> str:
    fix = row.diagnostic.fix
    return fix.description if fix is not None else ""


#: The columns of the per-finding sheet and of the CSV (documented in docs/outputs.md).
FINDING_COLUMNS = (
    Column("文件", lambda row: row.report.path, 40),
    Column("主体", lambda row: row.report.subject or "", 24),
    Column("年度", lambda row: row.report.year, 8),
    Column("代码", lambda row: row.diagnostic.code, 9),
    Column("名称", lambda row: row.diagnostic.name, 24),
    Column("级别", lambda row: row.diagnostic.severity.chinese, 8),
    Column("说明", lambda row: row.diagnostic.message, 80),
    Column("行", _line, 7),
    Column("列", _column, 7),
    Column("位置", _where, 20),
    Column("表格", lambda row: row.place.table if row.place else None, 7),
    Column("表格行", lambda row: row.place.row if row.place else None, 8),
    Column("表格列", lambda row: row.place.column if row.place else None, 8),
    Column("建议", _suggestion, 30),
)
