"""What a run produces: each file's located diagnostics and summary, and the run as a whole (what reporters render).

The summary type lives with the batch phase's contract (:mod:`reportlint.core.summary`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.model import Table
from reportlint.core.rule import BaseRule
from reportlint.core.summary import UNREADABLE, ReportSummary

__all__ = ["UNREADABLE", "Excerpt", "FileResult", "PluginFailure", "ReportSummary", "RunResult"]


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that could not be used: who, and why (in Chinese, for users)."""

    plugin: str
    message: str


@dataclass(frozen=True)
class Excerpt:
    """The source line of a finding and the finding's columns in it (for ``full`` output)."""

    line: str
    start: int
    end: int


@dataclass(frozen=True)
class FileResult:
    """The outcome of linting one file.

    ``text`` and ``tables`` (the real tables' cell ranges in it) are kept only
    when a reporter asks for them (:attr:`RunOptions.keep_text`).
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    excerpts: tuple[Excerpt | None, ...] = ()
    format: str | None = None
    text: str | None = None
    summary: ReportSummary = field(default_factory=ReportSummary)
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class RunResult:
    """Every file's result, plus plugin failures and the rules that ran (batch rules included)."""

    files: tuple[FileResult, ...]
    rules: tuple[type[BaseRule], ...]
    failures: tuple[PluginFailure, ...] = ()
    config: Config = field(default_factory=Config)
    warnings: tuple[str, ...] = ()

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All diagnostics of the run, in output order."""
        return [diagnostic for result in self.files for diagnostic in result.diagnostics]
