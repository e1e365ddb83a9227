"""The budgets of a run: time per file and memory per worker.

They are decided once per run, from the run's configuration (that of the first
path, like ``jobs``) and the command line, before any file is read, and
enforced by the supervisor of the worker processes (:mod:`reportlint.run.workers`).
A budget of 0 means no limit; with neither, files are checked in the main
process. The limits that belong to a file — its size (``max-file-size``) and
the findings per rule (``max-findings-per-rule``) — are read from each file's
own configuration by the linter.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.core.config import DEFAULT_FILE_TIMEOUT, DEFAULT_MAX_MEMORY, Config
from reportlint.run.options import RunOptions

try:
    import resource
except ImportError:  # not on Windows: the memory budget then rests on the time budget alone
    resource = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Limits:
    """The budgets of a run (``None``: no limit)."""

    file_timeout: float | None = DEFAULT_FILE_TIMEOUT
    max_memory: int | None = DEFAULT_MAX_MEMORY

    @classmethod
    def of(cls, config: Config, options: RunOptions | None = None) -> Limits:
        """The limits of a run: the config's values, the command line's ``--file-timeout`` over them."""
        timeout = config.file_timeout
        if options is not None and options.file_timeout is not None:
            timeout = options.file_timeout
        return cls(file_timeout=timeout or None, max_memory=config.max_memory or None)

    @classmethod
    def unlimited(cls) -> Limits:
        """No time or memory budget (files checked in this process: ``lint_text``, ``parse``)."""
        return cls(file_timeout=None, max_memory=None)

    @property
    def supervised(self) -> bool:
        """Whether files are checked in supervised worker processes (a time or memory budget is set)."""
        return self.file_timeout is not None or self.max_memory is not None


def apply_memory_limit(max_memory: int | None) -> None:
    """Limit this process's address space (called in a worker before it checks anything).

    Past the limit allocations fail: Python raises :class:`MemoryError`, which the
    linter turns into the file's RL910 finding.
    """
    if max_memory is None or resource is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = max_memory if hard == resource.RLIM_INFINITY else min(max_memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
