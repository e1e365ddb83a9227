"""What a run produces: each file's located diagnostics, and the run as a whole (what reporters render)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.rule import Rule


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

    ``path`` is the path as shown in every output (see
    :func:`reportlint.run.discovery.display_path`: valid Unicode, undecodable
    bytes of a file name as ``\\xNN``); ``source_path`` is the path as the
    filesystem names it (``os.fsencode`` gives its bytes back), when it differs.
    ``read`` says whether the file could be read at all (an unreadable,
    unsupported, empty or oversized file has only its RL9 finding).
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    excerpts: tuple[Excerpt | None, ...] = ()
    format: str | None = None
    text: str | None = None
    read: bool = True
    source_path: str | None = None


@dataclass(frozen=True)
class SkippedFile:
    """A file a directory walk passed over, and why (in Chinese, for ``--show-files``)."""

    path: str
    reason: str


@dataclass(frozen=True)
class RunResult:
    """Every file's result, plus plugin failures and the rules that ran."""

    files: tuple[FileResult, ...]
    rules: tuple[type[Rule], ...]
    failures: tuple[PluginFailure, ...] = ()
    config: Config = field(default_factory=Config)
    warnings: tuple[str, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()

    @property
    def unreadable(self) -> int:
        """How many files could not be read (each has its RL9 finding)."""
        return sum(1 for result in self.files if not result.read)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All diagnostics of the run, in output order."""
        return [diagnostic for result in self.files for diagnostic in result.diagnostics]
