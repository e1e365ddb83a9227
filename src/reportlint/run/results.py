"""What a run produces: each file's located diagnostics and summary, and the run as a whole (what reporters render).

The summary type lives with the batch phase's contract (:mod:`reportlint.core.summary`).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

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

    def __reduce__(self) -> tuple:
        """Pickled as its values and rebuilt through the constructor (see :meth:`FileResult.__reduce__`)."""
        return (Excerpt, (self.line, self.start, self.end))


#: The timings of a result of a run that does not measure them (one object for all).
_NO_TIMINGS: Mapping[str, float] = MappingProxyType({})


@dataclass(frozen=True)
class FileResult:
    """The outcome of linting one file.

    ``path`` is the path as shown in every output (see
    :func:`reportlint.run.discovery.display_path`: valid Unicode, undecodable
    bytes of a file name as ``\\xNN``); ``source_path`` is the path as the
    filesystem names it (``os.fsencode`` gives its bytes back), when it differs.
    ``summary.read`` (also :attr:`read`) says whether the file was read and
    checked at all (an unreadable, unsupported, empty or oversized file, or one
    whose check ran out of time or memory, has only its RL9 finding).
    ``text`` and ``tables`` (the real tables' cell ranges in it) are kept only
    when a reporter asks for them (:attr:`RunOptions.keep_text`). ``timings``
    holds the file's seconds by stage and rule when the run measures them
    (``--timings``, see :mod:`reportlint.run.timings`).
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    excerpts: tuple[Excerpt | None, ...] = ()
    format: str | None = None
    text: str | None = None
    summary: ReportSummary = field(default_factory=ReportSummary)
    tables: tuple[Table, ...] = ()
    timings: Mapping[str, float] = field(default_factory=lambda: _NO_TIMINGS, compare=False)
    source_path: str | None = None

    def __reduce__(self) -> tuple:
        """Pickled as its values and rebuilt through the constructor when it arrives from a worker.

        Unpickled the default way, each of a batch's thousands of results (and
        each of their findings, see :meth:`Diagnostic.__reduce__`) would get a
        dictionary of its attributes; its path (which its findings name too) and
        format are shared.
        """
        timings = dict(self.timings) if self.timings else None
        fields = (self.path, self.diagnostics, self.excerpts, self.format, self.text, self.summary, self.tables, timings, self.source_path)
        return (_file_result, fields)

    @property
    def read(self) -> bool:
        """Whether the file was read and checked (see :attr:`ReportSummary.read`)."""
        return self.summary.read


def _file_result(
    path: str,
    diagnostics: tuple[Diagnostic, ...],
    excerpts: tuple[Excerpt | None, ...],
    format: str | None,
    text: str | None,
    summary: ReportSummary,
    tables: tuple[Table, ...],
    timings: dict[str, float] | None,
    source_path: str | None,
) -> FileResult:
    """Unpickle a :class:`FileResult` (no timings: the shared empty ones)."""
    path, format = sys.intern(path), format if format is None else sys.intern(format)
    return FileResult(path, diagnostics, excerpts, format, text, summary, tables, _NO_TIMINGS if timings is None else timings, source_path)


@dataclass(frozen=True)
class SkippedFile:
    """A file a directory walk passed over, and why (in Chinese, for ``--show-files``)."""

    path: str
    reason: str


@dataclass(frozen=True)
class RunResult:
    """Every file's result, plus plugin failures and the rules that ran (batch rules included)."""

    files: tuple[FileResult, ...]
    rules: tuple[type[BaseRule], ...]
    failures: tuple[PluginFailure, ...] = ()
    config: Config = field(default_factory=Config)
    warnings: tuple[str, ...] = ()
    #: The run's own stages (discovery, cache look-ups) in seconds, when it measures them (``--timings``).
    timings: Mapping[str, float] = field(default_factory=dict, compare=False)
    skipped: tuple[SkippedFile, ...] = ()

    @property
    def unreadable(self) -> int:
        """How many files could not be read (each has its RL9 finding)."""
        return sum(1 for result in self.files if not result.read)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All diagnostics of the run, in output order."""
        return [diagnostic for result in self.files for diagnostic in result.diagnostics]
