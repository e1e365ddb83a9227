"""Reporters turn the result of a run into an output format (``-f NAME``).

Each reporter is a class registered through the ``reportlint_reporters`` hook.
A text format implements :meth:`Reporter.render` (the whole output as a
string); :meth:`Reporter.render_bytes` gives the bytes written to a file or a
pipe (UTF-8 of :meth:`~Reporter.render` unless a format says otherwise). A
binary format (``xlsx``) sets :attr:`Reporter.binary` and implements only
:meth:`~Reporter.render_bytes`; the command line never writes it to a terminal.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from reportlint.core.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from reportlint.run.results import RunResult

#: The built-in rule families (the first three characters of a code) and what they check.
FAMILY_NAMES = {
    "RL1": "结构与标题",
    "RL2": "表格与单元格",
    "RL3": "勾稽关系",
    "RL4": "地名与主体",
    "RL5": "日期与期限",
    "RL6": "文字规范",
    "RL7": "跨文档",
    "RL9": "读取与内部",
}


@dataclass(frozen=True)
class ReporterOptions:
    """Choices that shape every output: summary, statistics, quiet mode, and colour (text outputs on a terminal)."""

    statistics: bool = False
    quiet: bool = False
    color: bool = False


class Reporter:
    """Base class of output formats."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    #: Whether this reporter needs each report's text and tables (the engine keeps them only then).
    needs_text: ClassVar[bool] = False
    #: Whether the output is binary (:meth:`render_bytes` only): never written to a terminal.
    binary: ClassVar[bool] = False

    def __init__(self, options: ReporterOptions = ReporterOptions()) -> None:
        self.options = options

    def render(self, run: RunResult) -> str:
        """The whole output for a run, as text (for a terminal)."""
        raise NotImplementedError

    def render_bytes(self, run: RunResult) -> bytes:
        """The whole output for a run as written to a file or a pipe (UTF-8 of :meth:`render` by default)."""
        return self.render(run).encode("utf-8")

    def render_chunks(self, run: RunResult) -> Iterator[bytes]:
        """The bytes of :meth:`render_bytes` in pieces, written one after another (one piece by default).

        A format whose output grows with the run (``json``) yields it a few
        hundred files at a time, so the whole output is never in memory at once.
        """
        yield self.render_bytes(run)


def severity_counts(diagnostics: Iterable[Diagnostic]) -> Counter[Severity]:
    """Number of diagnostics per severity."""
    return Counter(diagnostic.severity for diagnostic in diagnostics)


def files_summary(run: RunResult) -> str:
    """How many files were checked, could not be read, and were passed over: ``检查了 5 个文件（1 个无法读取），跳过 2 个文件``."""
    text = f"检查了 {len(run.files)} 个文件"
    if run.unreadable:
        text += f"（{run.unreadable} 个无法读取）"
    if run.skipped:
        text += f"，跳过 {len(run.skipped)} 个文件（--show-files 可列出）"
    return text


def family_label(family: str) -> str:
    """``RL3 勾稽关系`` for a built-in family, the bare prefix for a plugin's (``GS1``)."""
    name = FAMILY_NAMES.get(family)
    return f"{family} {name}" if name else family


def run_families(run: RunResult) -> list[str]:
    """The rule families of a run: those of the rules that ran and of every finding, in code order."""
    families = {rule.code[:3] for rule in run.rules} | {diagnostic.family for diagnostic in run.diagnostics}
    return sorted(families)


def review_date() -> dt.date:
    """The date review outputs state: today, or the day of ``SOURCE_DATE_EPOCH`` when it is set (reproducible outputs)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def summary_line(run: RunResult) -> str:
    """The Chinese one-line summary of a run."""
    diagnostics = run.diagnostics
    counts = severity_counts(diagnostics)
    files = files_summary(run)
    if not diagnostics:
        return f"{files}，未发现问题。"
    parts = "，".join(f"{severity.chinese} {counts[severity]}" for severity in sorted(Severity, reverse=True) if counts[severity])
    with_findings = sum(1 for result in run.files if result.diagnostics)
    return f"{files}，其中 {with_findings} 个有问题，共 {len(diagnostics)} 处（{parts}）。"


def statistics_lines(run: RunResult) -> list[str]:
    """``count  CODE  name`` lines, most frequent first (``--statistics``)."""
    by_code = Counter((diagnostic.code, diagnostic.name) for diagnostic in run.diagnostics)
    return [f"{count:>5}  {code:<7} {name}" for (code, name), count in sorted(by_code.items(), key=lambda item: (-item[1], item[0]))]


def family_statistics_lines(run: RunResult) -> list[str]:
    """``count  RL3  勾稽关系`` lines, one per rule family with findings, in code order."""
    by_family = Counter(diagnostic.family for diagnostic in run.diagnostics)
    return [f"{by_family[family]:>5}  {family_label(family)}" for family in sorted(by_family)]


def error_share_line(run: RunResult) -> str:
    """How many reports have at least one error, of how many, and the share (``--statistics``)."""
    files = len(run.files)
    with_errors = sum(1 for result in run.files if any(d.severity == Severity.ERROR for d in result.diagnostics))
    share = f"{with_errors / files:.0%}" if files else "-"
    return f"至少有一处错误的报告：{with_errors} / {files} 份（{share}）"


def statistics_block(run: RunResult) -> list[str]:
    """What ``--statistics`` prints: counts per rule, per family, and the share of reports with an error."""
    lines = []
    if run.diagnostics:
        lines.extend(["按规则统计：", *statistics_lines(run), "", "按类别统计：", *family_statistics_lines(run), ""])
    lines.append(error_share_line(run))
    return lines
