"""The year-over-year comparison of one body's two reports (``reportlint compare OLD NEW``): what changed, and the RL7 findings.

:func:`compare_reports` reads both reports as ``check`` does and computes a
:class:`Comparison`: every table cell whose value changed (old → new and the
difference), the paragraphs of each prose part added, removed and changed, and
the cross-document findings of the pair (the batch rules run on the two
reports, as in a run that checks both). Rendering it is
:mod:`reportlint.output.compare`'s job.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from reportlint.core.config import ConfigError
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.model import Location
from reportlint.core.report import Report
from reportlint.run.batch import run_batch
from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.results import FileResult
from reportlint.run.summary import prose_paragraphs, section_number
from reportlint.template.filled import FilledCell
from reportlint.text.minhash import comparable_text

#: Prose parts by number (0: the text before part 一), as comparisons name them.
PART_NAMES = {0: "正文前", 1: "一、总体情况", 5: "五、存在的主要问题及改进情况", 6: "六、其他需要报告的事项"}
#: Two paragraphs at the same place whose texts are at least this similar are one paragraph changed, not one removed and one added.
CHANGED_SIMILARITY = 0.5


@dataclass(frozen=True)
class Side:
    """One of the two reports: its path, body, year and template (as the reader understood them)."""

    path: str
    subject: str | None
    year: int | None
    template: str | None


@dataclass(frozen=True)
class CellChange:
    """A table cell whose value differs between the two reports (``difference`` is new − old)."""

    table: str
    row: str
    column: str
    name: str
    old: int | Decimal
    new: int | Decimal
    old_location: Location | None
    new_location: Location | None

    @property
    def difference(self) -> int | Decimal:
        """New minus old."""
        return self.new - self.old


@dataclass(frozen=True)
class ParagraphChange:
    """A paragraph added (only ``new``), removed (only ``old``) or changed (both) in one prose part."""

    kind: str  # "added", "removed" or "changed"
    part: int
    old: str | None
    new: str | None
    old_location: Location | None
    new_location: Location | None
    similarity: float | None = None


@dataclass(frozen=True)
class Comparison:
    """What changed from one report to the other, and the cross-document findings of the pair.

    ``unchanged_cells`` and ``unchanged_paragraphs`` count what stayed the same;
    ``notes`` say what limits the comparison (different bodies, years that do
    not follow each other, tables in different templates).
    """

    old: Side
    new: Side
    cells: tuple[CellChange, ...]
    paragraphs: tuple[ParagraphChange, ...]
    findings: tuple[Diagnostic, ...]
    unchanged_cells: int
    unchanged_paragraphs: int
    notes: tuple[str, ...] = ()


def compare_reports(old: Path, new: Path, options: RunOptions | None = None) -> Comparison:
    """Compare two reports of one body (``old`` the earlier year's).

    Raises :class:`ConfigError` when a file cannot be read (with the reason) or the configuration is invalid.
    """
    options = replace(options or RunOptions(), select=("RL7",), extend_select=None, cross_document=True)
    linter = Linter(options)
    reports = [_read(linter, path) for path in (old, new)]
    rule_set = linter.rule_set(reports[0].config)
    results = [linter.lint_report(report, rule_set) for report in reports]
    configs = {report.document.path: report.config for report in reports}
    results = list(run_batch(results, (), rule_set.batch_rules, rule_set.registry, configs.__getitem__))
    sides = [_side(report, result) for report, result in zip(reports, results, strict=True)]
    cells, unchanged_cells = _cell_changes(reports[0], reports[1])
    paragraphs, unchanged_paragraphs = _paragraph_changes(reports[0], reports[1])
    findings = tuple(diagnostic for result in results for diagnostic in result.diagnostics)
    return Comparison(sides[0], sides[1], cells, paragraphs, findings, unchanged_cells, unchanged_paragraphs, tuple(_notes(sides, results)))


def _read(linter: Linter, path: Path) -> Report:
    loaded = linter.read(path, path.as_posix())
    if isinstance(loaded, FileResult):
        reason = loaded.diagnostics[0].message if loaded.diagnostics else "无法读取"
        raise ConfigError(f"无法读取 {path}：{reason}")
    return loaded


def _side(report: Report, result: FileResult | None) -> Side:
    reading = report.reading
    summary = result.summary if result is not None else None
    facts = summary.cross_document if summary is not None else None
    body = facts.body.name if facts is not None and facts.body is not None else None
    subject = body or (reading.subject.name if reading.subject is not None else None)
    return Side(report.document.path, subject, reading.year, reading.detected_template)


def _notes(sides: Sequence[Side], results: Sequence[FileResult]) -> list[str]:
    old, new = sides
    notes = []
    bodies = [result.summary.cross_document.body for result in results if result.summary.cross_document is not None]
    if len(bodies) == 2 and bodies[0] is not None and bodies[1] is not None and bodies[0].key != bodies[1].key:
        notes.append(f"两份报告不是同一单位的（{bodies[0].name}、{bodies[1].name}），跨年度检查不适用")
    elif len(bodies) == 2 and (bodies[0] is None or bodies[1] is None):
        notes.append("无法确定报告单位，跨年度检查没有进行；可在配置的 [pairing] 表中指定")
    if old.year is not None and new.year is not None and new.year != old.year + 1:
        notes.append(f"两份报告的年度（{old.year}、{new.year}）不是相邻的两年，跨年度检查不适用")
    if old.template and new.template and old.template != new.template:
        notes.append(f"两份报告的表格格式不同（{old.template} → {new.template}），只比较两种格式共有的单元格")
    return notes


# --------------------------------------------------------------------------- tables


def _cells_of(report: Report) -> dict[tuple[str, str, str], FilledCell]:
    filled = report.reading.filled
    if filled is None:
        return {}
    return {
        (table_id, cell.row, cell.column): cell
        for table_id, table in filled.tables.items()
        for cell in table.cells()
        if cell.is_readable and cell.row is not None and cell.column is not None
    }


def _cell_changes(old: Report, new: Report) -> tuple[tuple[CellChange, ...], int]:
    """The cells read in both reports whose values differ, in the new report's template order; and how many are equal."""
    before, after = _cells_of(old), _cells_of(new)
    filled = new.reading.filled
    changes = []
    unchanged = 0
    for key, cell in after.items():
        earlier = before.get(key)
        if earlier is None or earlier.value is None or cell.value is None:
            continue
        if earlier.value == cell.value:
            unchanged += 1
            continue
        table_id, row, column = key
        spec = filled.tables[table_id].spec if filled is not None else None
        name = spec.display + spec.cell_name(row, column) if spec is not None else f"{table_id}/{row}/{column}"
        changes.append(
            CellChange(
                table_id,
                row,
                column,
                name,
                earlier.value,
                cell.value,
                _location(old, earlier.start, earlier.end),
                _location(new, cell.start, cell.end),
            )
        )
    return tuple(changes), unchanged


def _location(report: Report, start: int | None, end: int | None) -> Location | None:
    return report.document.locate(start, end if end is not None else start) if start is not None else None


# --------------------------------------------------------------------------- prose


@dataclass(frozen=True)
class _Paragraph:
    part: int
    text: str
    key: str
    location: Location


def _paragraphs_of(report: Report) -> list[_Paragraph]:
    reading = report.reading
    found = []
    for span in prose_paragraphs(report, reading):
        text = report.text[span.start : span.end].strip()
        key = comparable_text(report.normalized[span.start : span.end])
        if key:
            found.append(_Paragraph(section_number(reading, span.start), text, key, report.document.locate(span.start, span.end)))
    return found


def _paragraph_changes(old: Report, new: Report) -> tuple[tuple[ParagraphChange, ...], int]:
    """Per prose part: paragraphs removed, added and changed (a changed one is similar to one it replaces); and how many are equal."""
    before, after = _paragraphs_of(old), _paragraphs_of(new)
    changes: list[ParagraphChange] = []
    unchanged = 0
    for part in sorted({paragraph.part for paragraph in (*before, *after)}):
        old_part = [paragraph for paragraph in before if paragraph.part == part]
        new_part = [paragraph for paragraph in after if paragraph.part == part]
        matcher = difflib.SequenceMatcher(None, [p.key for p in old_part], [p.key for p in new_part], autojunk=False)
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if tag == "equal":
                unchanged += old_end - old_start
                continue
            changes.extend(_replaced(part, old_part[old_start:old_end], new_part[new_start:new_end]))
    return tuple(changes), unchanged


def _replaced(part: int, removed: list[_Paragraph], added: list[_Paragraph]) -> list[ParagraphChange]:
    """Pair the removed and added paragraphs of one stretch: similar ones are changes, the rest removed or added."""
    changes = []
    remaining = list(added)
    for paragraph in removed:
        scores = [
            (difflib.SequenceMatcher(None, paragraph.key, other.key, autojunk=False).ratio(), index)
            for index, other in enumerate(remaining)
        ]
        best = max(scores, default=None)
        if best is not None and best[0] >= CHANGED_SIMILARITY:
            other = remaining.pop(best[1])
            changes.append(ParagraphChange("changed", part, paragraph.text, other.text, paragraph.location, other.location, best[0]))
        else:
            changes.append(ParagraphChange("removed", part, paragraph.text, None, paragraph.location, None))
    changes.extend(ParagraphChange("added", part, None, paragraph.text, None, paragraph.location) for paragraph in remaining)
    return changes
