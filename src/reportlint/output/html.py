"""The ``html`` output: one self-contained review page for supervising offices.

The page has a header (date, version, configuration, how many reports were
read), a sortable summary with one row per report (主体, year, template,
counts by severity and rule family, worst first; clean reports folded into one
line; a totals row), then one section per report with findings: the findings
as a list, each with its rule's explanation and a link to its highlighted place
in the text, and the text itself only around the findings (tables drawn as
tables, offending cells marked; the rest folded, expandable).

Styles and a few lines of script are inlined (``review.css``, ``review.js``);
a Content-Security-Policy forbids every external resource, so the page works
offline and can be mailed or archived as is. Printed, it gives the summary and
each report's findings with their context on pages of their own, without the
folded text; a report's 「打印本报告」 button prints that report alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.core.model import Cell, Table
from reportlint.output import FAMILY_NAMES, Reporter, review_date, run_families, summary_line
from reportlint.output.context import Anchor, Unit, anchor, shown_units, text_units, unit_at
from reportlint.output.overview import ReportRow, report_rows, template_name
from reportlint.output.tables import report_tables, table_place
from reportlint.output.text import elsewhere
from reportlint.version import __version__

if TYPE_CHECKING:
    from reportlint.core.rule import BaseRule
    from reportlint.run.results import FileResult, RunResult

TITLE = "政府信息公开工作年度报告检查结果"
#: No external resource of any kind; inline styles and scripts only.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
#: A run of more than this many consecutive findings of one rule is folded after its first few.
FOLDED_RUN = 4
SHOWN_OF_RUN = 3
#: Formats whose text is the file itself, so line numbers of the text are those of the file.
LINE_NUMBERED_FORMATS = ("text", "markdown")


def _asset(name: str) -> str:
    return files("reportlint.output").joinpath(name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class _Finding:
    """A finding of one report as the page shows it: its number, its ids, where it is pinned."""

    number: int
    diagnostic: Diagnostic
    item_id: str
    ref_id: str
    anchor: Anchor | None


class HtmlReporter(Reporter):
    """The review page: header, sortable summary (worst first), findings with their context; prints well, works offline."""

    name = "html"
    description = "审阅页面（独立 HTML 文件，离线可用、可打印）：可排序的汇总表，逐份报告的问题及其所在原文"
    needs_text = True

    def render(self, run: RunResult) -> str:
        rows = report_rows(run)
        rules = {rule.code: rule for rule in run.rules}
        families = run_families(run)
        parts = [
            "<!DOCTYPE html>",
            '<html lang="zh-CN"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="reportlint {escape(__version__)}">',
            f"<title>{TITLE}</title>",
            f"<style>{_asset('review.css')}</style></head>",
            "<body>",
            _header(run, rows),
            _summary(rows, families),
        ]
        for row in rows:
            if row.total:
                parts.append(_report_section(row, run.files[row.index], rules))
        parts.append(f'<footer class="page-footer">reportlint {escape(__version__)} · {review_date().isoformat()}</footer>')
        parts.append(f"<script>{_asset('review.js')}</script>")
        parts.append("</body></html>")
        return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- header and summary


def _header(run: RunResult, rows: Sequence[ReportRow]) -> str:
    read = sum(1 for row in rows if row.read)
    config = run.config.path
    config_text = _display_path(config) if config is not None else "未使用配置文件（默认设置）"
    facts = [
        ("检查日期", review_date().isoformat()),
        ("reportlint 版本", __version__),
        ("配置文件", config_text),
        ("报告", f"共 {len(rows)} 份：已读取 {read} 份，无法读取 {len(rows) - read} 份"),
    ]
    items = "".join(f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in facts)
    notices = [f'<p class="notice">插件 {escape(failure.plugin)}：{escape(failure.message)}</p>' for failure in run.failures]
    notices += [f'<p class="notice">警告：{escape(warning)}</p>' for warning in run.warnings]
    return (
        f'<header class="page-header"><h1>{TITLE}</h1><dl class="facts">{items}</dl>'
        f'<p class="verdict">{escape(summary_line(run))}</p>{"".join(notices)}</header>'
    )


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _summary(rows: Sequence[ReportRow], families: Sequence[str]) -> str:
    with_findings = [row for row in rows if row.total]
    clean = [row for row in rows if not row.total]
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    head = [
        '<th scope="col" data-sort="text"><span class="sort" role="button" tabindex="0">主体</span></th>',
        '<th scope="col" data-sort="num"><span class="sort" role="button" tabindex="0">年度</span></th>',
        '<th scope="col" data-sort="text"><span class="sort" role="button" tabindex="0">模板</span></th>',
    ]
    for severity in severities:
        sort = ' aria-sort="descending"' if severity is Severity.ERROR else ""
        head.append(
            f'<th scope="col" class="count" data-sort="num"{sort}><span class="sort" role="button" tabindex="0">{severity.chinese}</span></th>'
        )
    for family in families:
        name = FAMILY_NAMES.get(family, "")
        label = f"{escape(family)}<small>{escape(name)}</small>" if name else escape(family)
        head.append(
            f'<th scope="col" class="count family" data-sort="num"><span class="sort" role="button" tabindex="0">{label}</span></th>'
        )
    body = []
    for rank, row in enumerate(with_findings):
        body.append(_summary_row(rank, row, families))
    width = 3 + len(severities) + len(families)
    folded = ""
    if clean:
        names = "".join(f'<li>{_identity(row)} <span class="path">{escape(row.path)}</span></li>' for row in clean)
        folded = (
            f'<tbody class="clean"><tr><td colspan="{width}"><details><summary>另有 {len(clean)} 份未发现问题</summary>'
            f'<ul class="clean-list">{names}</ul></details></td></tr></tbody>'
        )
    totals = [f'<th scope="row" colspan="3">合计（{len(rows)} 份）</th>']
    totals += [f'<td class="count">{sum(row.severities.get(severity, 0) for row in rows)}</td>' for severity in severities]
    totals += [f'<td class="count">{sum(row.families.get(family, 0) for row in rows)}</td>' for family in families]
    if not with_findings:
        body.append(f'<tr class="none"><td colspan="{width}">没有发现问题。</td></tr>')
    return (
        '<section id="summary" class="summary"><h2>汇总</h2>'
        '<p class="hint">点击表头排序；点击主体查看该报告的问题。颜色表示该类问题中最严重的级别。</p>'
        f'<table class="overview sortable">{_summary_columns(len(families))}<thead><tr>{"".join(head)}</tr></thead>'
        f'<tbody class="reports">{"".join(body)}</tbody>{folded}<tfoot><tr>{"".join(totals)}</tr></tfoot></table></section>'
    )


def _summary_columns(families: int) -> str:
    """Column widths: the name takes what the counts leave."""
    return '<colgroup><col class="name"><col class="year"><col class="template">' + '<col class="count">' * (3 + families) + "</colgroup>"


def _identity(row: ReportRow) -> str:
    name = escape(row.subject) if row.subject else '<span class="unknown">（未识别主体）</span>'
    year = f" {row.year} 年度" if row.year else ""
    return f'<span class="subject">{name}</span>{escape(year)}'


def _summary_row(rank: int, row: ReportRow, families: Sequence[str]) -> str:
    subject = escape(row.subject or "")
    name = subject or '<span class="unknown">（未识别主体）</span>'
    status = "" if row.read else f' <span class="status unreadable">{row.status}</span>'
    cells = [
        f'<td class="name" data-v="{subject or escape(row.path)}"><a href="#r{row.index}">{name}</a>{status}'
        f'<span class="path">{escape(row.path)}</span></td>',
        f'<td data-v="{row.year or 0}">{row.year or ""}</td>',
        f'<td data-v="{escape(template_name(row.template))}">{escape(template_name(row.template))}</td>',
    ]
    for severity, count in ((Severity.ERROR, row.errors), (Severity.WARNING, row.warnings), (Severity.INFO, row.infos)):
        cells.append(_count_cell(count, severity))
    for family in families:
        count = row.families.get(family, 0)
        cells.append(_count_cell(count, row.family_severity.get(family, Severity.INFO)))
    return f'<tr data-rank="{rank}">{"".join(cells)}</tr>'


def _count_cell(count: int, severity: Severity) -> str:
    if not count:
        return '<td class="count zero" data-v="0">0</td>'
    return f'<td class="count {severity.label}" data-v="{count}">{count}</td>'


# --------------------------------------------------------------------------- a report's section


def _report_section(row: ReportRow, result: FileResult, rules: dict[str, type[BaseRule]]) -> str:
    prefix = f"r{row.index}"
    text = result.text
    tables = report_tables(result)
    units = text_units(text, tables) if text else []
    findings = [
        _Finding(
            number,
            diagnostic,
            f"{prefix}-i{number}",
            f"{prefix}-f{number}",
            anchor(diagnostic, units, tables, len(text)) if text and diagnostic.location is not None else None,
        )
        for number, diagnostic in enumerate(result.diagnostics, start=1)
    ]
    items = _finding_items(findings, tables, rules)
    counts = "，".join(
        f'<span class="{severity.label}">{severity.chinese} {count}</span>'
        for severity, count in ((Severity.ERROR, row.errors), (Severity.WARNING, row.warnings), (Severity.INFO, row.infos))
        if count
    )
    facts = [escape(row.path)]
    if template_name(row.template):
        facts.append(f"模板：{escape(template_name(row.template))}")
    if not row.read:
        facts.append(f'<span class="status unreadable">{row.status}</span>')
    excerpt = _excerpt(text, tables, units, findings, result.format) if text and units else ""
    return (
        f'<section class="report" id="{prefix}" aria-labelledby="{prefix}-title">'
        f'<div class="report-head"><h2 id="{prefix}-title">{_identity(row)}</h2>'
        f'<button type="button" class="print-one" title="只打印这份报告的问题">打印本报告</button></div>'
        f'<p class="report-facts">{" · ".join(facts)}</p><p class="report-counts">{counts}</p>'
        f'<h3>问题（{len(findings)}）</h3><ol class="findings">{items}</ol>'
        f"{excerpt}"
        '<p class="back"><a href="#summary">↑ 返回汇总</a></p></section>'
    )


def _finding_items(findings: Sequence[_Finding], tables: Sequence[Table], rules: dict[str, type[BaseRule]]) -> str:
    """The findings in text order; a long run of one rule's findings shows its first few and folds the rest.

    A rule's explanation is shown with its first finding in the report.
    """
    explained: set[str] = set()
    html = []
    for code, run in groupby(findings, key=lambda finding: finding.diagnostic.code):
        group = list(run)
        items = []
        for finding in group:
            items.append(_finding_item(finding, tables, None if code in explained else rules.get(code)))
            explained.add(code)
        if len(group) <= FOLDED_RUN:
            html.extend(items)
            continue
        html.extend(items[:SHOWN_OF_RUN])
        rest = len(group) - SHOWN_OF_RUN
        name = group[0].diagnostic.name
        html.append(
            f'<li class="more"><details><summary>另有 {rest} 处同类问题（{escape(code)} {escape(name)}）'
            f'<span class="screen-only">，点击展开</span></summary><ol class="findings">{"".join(items[SHOWN_OF_RUN:])}</ol></details></li>'
        )
    return "".join(html)


def _finding_item(finding: _Finding, tables: Sequence[Table], rule: type[BaseRule] | None) -> str:
    """One finding: number (linking to its place), severity, code, where, message, suggestion, and the rule's explanation when given."""
    diagnostic = finding.diagnostic
    severity = diagnostic.severity
    number = (
        f'<a class="goto" href="#{finding.ref_id}" title="在原文中查看">{finding.number}</a>'
        if finding.anchor
        else f'<span class="goto">{finding.number}</span>'
    )
    fix = diagnostic.fix.description if diagnostic.fix is not None else ""
    return (
        f'<li id="{finding.item_id}" class="finding {severity.label}">'
        f'<div class="finding-head">{number}<span class="severity {severity.label}">{severity.chinese}</span>'
        f'<code class="code">{escape(diagnostic.code)}</code><span class="rule-name">{escape(diagnostic.name)}</span>'
        f'<span class="where">{escape(_where(diagnostic, tables))}</span></div>'
        f'<p class="message">{escape(diagnostic.message + elsewhere(diagnostic))}</p>'
        + (f'<p class="fix">建议：{escape(fix)}</p>' if fix else "")
        + (f'<p class="explain"><span class="label">规则说明</span>{escape(rule.summary())}</p>' if rule is not None else "")
        + "</li>"
    )


def _where(diagnostic: Diagnostic, tables: Sequence[Table]) -> str:
    location = diagnostic.location
    if location is None:
        return "整个文件"
    parts = [f"第 {location.line} 行"]
    if location.logical:
        parts.append(location.logical)
    else:
        place = table_place(diagnostic, tables)
        if place is not None:
            parts.append(place.describe())
    return " · ".join(parts)


# --------------------------------------------------------------------------- the text around the findings


@dataclass(frozen=True)
class _Marks:
    """What to mark in a report's text: findings' and related ranges, and where each finding's reference goes."""

    spans: tuple[tuple[int, int, str, str], ...]  # start, end, css class, finding ids
    refs: tuple[tuple[int, _Finding], ...]  # offset, finding

    def in_range(self, start: int, end: int) -> _Marks:
        return _Marks(
            tuple(span for span in self.spans if span[0] < end and span[1] > start),
            tuple(ref for ref in self.refs if start <= ref[0] <= end),
        )


def _excerpt(text: str, tables: Sequence[Table], units: Sequence[Unit], findings: Sequence[_Finding], fmt: str | None) -> str:
    anchored = [finding.anchor.unit for finding in findings if finding.anchor is not None]
    related = [
        unit_at(units, item.start)
        for finding in findings
        if finding.anchor is not None
        for item in finding.diagnostic.related
        if not item.path and 0 <= item.start <= len(text)
    ]
    shown = shown_units(text, units, tables, anchored, related)
    spans: list[tuple[int, int, str, str]] = []
    for finding in findings:
        if finding.anchor is None:
            continue
        diagnostic = finding.diagnostic
        spans.append((diagnostic.start, diagnostic.end, diagnostic.severity.label, finding.ref_id))
        spans.extend(
            (item.start, item.end, "related", finding.ref_id) for item in diagnostic.related if item.end > item.start and not item.path
        )
    marks = _Marks(
        tuple(spans),
        tuple((finding.anchor.offset, finding) for finding in findings if finding.anchor is not None),
    )
    numbered = fmt in LINE_NUMBERED_FORMATS
    refs_by_unit: dict[int, list[_Finding]] = {}
    for finding in findings:
        if finding.anchor is not None:
            refs_by_unit.setdefault(finding.anchor.unit, []).append(finding)
    renderer = _TextRenderer(text, tables, units, marks, refs_by_unit, numbered)
    pieces = []
    for visible, run in groupby(range(len(units)), key=lambda index: index in shown):
        indexes = list(run)
        if visible:
            pieces.append(renderer.units(indexes))
        else:
            pieces.append(
                f'<details class="fold"><summary>⋯ 省略 {len(indexes)} 行<span class="screen-only">（点击展开）</span></summary>'
                f"{renderer.units(indexes)}</details>"
            )
    return f'<h3>原文（问题所在处及前后几行）</h3><div class="excerpt">{"".join(pieces)}</div>'


class _TextRenderer:
    """Renders units of a report's text: lines as numbered lines, table rows as rows of tables, findings marked."""

    def __init__(
        self,
        text: str,
        tables: Sequence[Table],
        units: Sequence[Unit],
        marks: _Marks,
        refs_by_unit: dict[int, list[_Finding]],
        numbered: bool,
    ) -> None:
        self.text = text
        self.tables = tables
        self.all_units = units
        self.marks = marks
        self.refs_by_unit = refs_by_unit
        self.line_starts = [0, *(index + 1 for index, char in enumerate(text) if char == "\n")] if numbered else []

    def units(self, indexes: Sequence[int]) -> str:
        """Consecutive units: each line on its own, the rows of one table together as a table."""
        html: list[str] = []
        for table, run in groupby(indexes, key=lambda index: self.all_units[index].table):
            chunk = list(run)
            html.append(self._lines(chunk) if table is None else self._table(table, chunk))
        return "".join(html)

    def _lines(self, indexes: Sequence[int]) -> str:
        lines = []
        for index in indexes:
            unit = self.all_units[index]
            number = f'<span class="no">{bisect.bisect_right(self.line_starts, unit.start)}</span>' if self.line_starts else ""
            content = _marked(self.text, unit.start, unit.end, self.marks.in_range(unit.start, unit.end), self._refs(index, None))
            lines.append(f'<div class="line">{number}<span class="tx">{content}</span></div>')
        return f'<div class="lines">{"".join(lines)}</div>'

    def _refs(self, index: int, cell: Cell | None) -> list[tuple[int, _Finding]]:
        return [
            (finding.anchor.offset, finding)
            for finding in self.refs_by_unit.get(index, ())
            if finding.anchor is not None and finding.anchor.cell == cell
        ]

    def _table(self, number: int, indexes: Sequence[int]) -> str:
        table = self.tables[number]
        rows = [self.all_units[index].row or 0 for index in indexes]
        first, stop = rows[0], rows[-1] + 1
        width = max((cell.column + cell.colspan for row in table.rows for cell in row), default=1)
        by_row: dict[int, list[Cell]] = {}
        for cells_of_row in table.rows:
            for cell in cells_of_row:
                if cell.row < stop and cell.row + cell.rowspan > first:
                    by_row.setdefault(max(cell.row, first), []).append(cell)
        index_of_row = dict(zip(rows, indexes, strict=True))
        body = []
        for row in range(first, stop):
            cells = []
            for cell in sorted(by_row.get(row, []), key=lambda cell: cell.column):
                rowspan = min(cell.row + cell.rowspan, stop) - max(cell.row, first)
                spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
                unit = index_of_row.get(cell.row)
                refs = self._refs(unit, cell) if unit is not None else []
                marks = self.marks.in_range(cell.start, cell.end)
                classes = _cell_classes(marks, refs)
                content = _marked(self.text, cell.start, cell.end, marks, refs)
                cells.append(f"<td{spans}{classes}>{content}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        fixed = ' class="grid fixed"' if width >= 4 else ' class="grid"'
        columns = '<colgroup><col class="label">' + "<col>" * (width - 1) + "</colgroup>" if width >= 4 else ""
        return f'<div class="table-wrap"><table{fixed} data-table="{number + 1}">{columns}<tbody>{"".join(body)}</tbody></table></div>'


def _cell_classes(marks: _Marks, refs: Sequence[tuple[int, _Finding]]) -> str:
    severities = [span[2] for span in marks.spans if span[2] != "related"] + [finding.diagnostic.severity.label for _, finding in refs]
    if severities:
        worst = max(Severity.parse(label) for label in severities)
        return f' class="hit {worst.label}"'
    if marks.spans:
        return ' class="hit related"'
    return ""


def _marked(text: str, start: int, end: int, marks: _Marks, refs: Iterable[tuple[int, _Finding]]) -> str:
    """``text[start:end]`` escaped, with findings' ranges in ``<mark>`` and each finding's numbered reference at its offset."""
    refs = sorted(refs, key=lambda pair: (pair[0], pair[1].number))
    cuts = {start, end}
    cuts.update(point for span in marks.spans for point in span[:2] if start < point < end)
    cuts.update(offset for offset, _ in refs)
    ordered = sorted(cuts)
    html: list[str] = []
    for left, right in zip(ordered, [*ordered[1:], end], strict=True):
        html.extend(_reference(finding) for offset, finding in refs if offset == left)
        if right <= left:
            continue
        piece = escape(text[left:right]).replace("\n", "<br>")
        covering = [span for span in marks.spans if span[0] <= left and span[1] >= right]
        if covering:
            own = [span for span in covering if span[2] != "related"]
            css = max((Severity.parse(span[2]) for span in own), default=None)
            ids = " ".join(dict.fromkeys(span[3] for span in covering))
            piece = f'<mark class="{css.label if css else "related"}" data-f="{ids}">{piece}</mark>'
        html.append(piece)
    return "".join(html)


def _reference(finding: _Finding) -> str:
    """A finding's numbered reference linking back to the list; an empty range (a blank cell) also gets an empty mark."""
    diagnostic = finding.diagnostic
    title = escape(f"{diagnostic.code} {diagnostic.message}")
    label = diagnostic.severity.label
    reference = f'<a class="ref {label}" id="{finding.ref_id}" href="#{finding.item_id}" title="{title}">{finding.number}</a>'
    if diagnostic.end <= diagnostic.start:
        reference += f'<mark class="{label} empty" data-f="{finding.ref_id}"></mark>'
    return reference
