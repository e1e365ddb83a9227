"""Reporters turn the diagnostics of a run into an output format (``-f NAME``).

Each reporter is a class registered through the ``reportlint_reporters`` hook;
:meth:`Reporter.render` returns the whole output as a string.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from reportlint.core.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from reportlint.run.results import RunResult


@dataclass(frozen=True)
class ReporterOptions:
    """Choices that shape every output: summary, statistics, quiet mode."""

    statistics: bool = False
    quiet: bool = False


class Reporter:
    """Base class of output formats."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    #: Whether this reporter needs each report's full text (the engine keeps it only then).
    needs_text: ClassVar[bool] = False

    def __init__(self, options: ReporterOptions = ReporterOptions()) -> None:
        self.options = options

    def render(self, run: RunResult) -> str:
        """The whole output for a run."""
        raise NotImplementedError


def severity_counts(diagnostics: list[Diagnostic]) -> Counter:
    """Number of diagnostics per severity."""
    return Counter(diagnostic.severity for diagnostic in diagnostics)


def files_summary(run: RunResult) -> str:
    """How many files were checked, could not be read, and were passed over: ``检查了 5 个文件（1 个无法读取），跳过 2 个``."""
    text = f"检查了 {len(run.files)} 个文件"
    if run.unreadable:
        text += f"（{run.unreadable} 个无法读取）"
    if run.skipped:
        text += f"，跳过 {len(run.skipped)} 个非报告文件（--show-files 可列出）"
    return text


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
