"""Reading a report from standard input: ``reportlint check -``, named by ``--stdin-filename``.

The file name (default ``-``) is what messages show; it also decides which
configuration applies (looked up from its directory, as for a file) and, with
the content, the format (``--stdin-filename 报告.md`` reads Markdown).
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.results import FileResult
from reportlint.sources import Source, detect_format

#: The path that stands for standard input on the command line.
STDIN = "-"


def stdin_source(options: RunOptions, data: bytes | None = None) -> Source:
    """Standard input (or ``data``) as a source named by ``--stdin-filename``."""
    if data is None:
        data = sys.stdin.buffer.read()
    name = options.stdin_filename or STDIN
    path = Path(name) if options.stdin_filename else Path.cwd() / STDIN
    return Source(path, name, data, detect_format(data, path.suffix.lower() or ".txt"))


def is_excluded(linter: Linter, source: Source) -> bool:
    """Whether ``--force-exclude`` skips standard input, its ``--stdin-filename`` matching ``exclude``."""
    return bool(
        linter.options.force_exclude and linter.options.stdin_filename and linter.resolver.config_for(source.path).is_excluded(source.path)
    )


def lint_stdin(linter: Linter, source: Source) -> FileResult | None:
    """Lint standard input; None when ``--force-exclude`` excludes its file name."""
    if is_excluded(linter, source):
        return None
    config = linter.resolver.config_for(source.path)
    return linter.lint_source(source, config, linter.rule_set(config))
