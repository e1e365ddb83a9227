"""The ``text`` output: ``path:line:col: CODE [severity] message``, one per line, then a summary.

On a terminal the path is bold and the code and severity are coloured by
severity (the command line decides: never with ``--no-color`` or ``NO_COLOR``,
never into a file or a pipe).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.output import Reporter, statistics_block, summary_line

if TYPE_CHECKING:
    from reportlint.run.results import RunResult

_RESET = "\033[0m"
_BOLD = "\033[1m"
_SEVERITY_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}


def paint(text: str, style: str, color: bool) -> str:
    """``text`` in an ANSI style when ``color`` is on."""
    return f"{style}{text}{_RESET}" if color else text


def diagnostic_line(diagnostic: Diagnostic, color: bool = False) -> str:
    """One finding as a grep- and editor-friendly line (coloured on a terminal)."""
    location = diagnostic.location
    place = f"{diagnostic.path}:1:1" if location is None else f"{diagnostic.path}:{location.line}:{location.column}"
    logical = f"（{location.logical}）" if location is not None and location.logical else ""
    style = _SEVERITY_COLOURS[diagnostic.severity]
    code = paint(diagnostic.code, style, color)
    severity = paint(f"[{diagnostic.severity.label}]", style, color)
    return f"{paint(place, _BOLD, color)}: {code} {severity} {diagnostic.message}{logical}"


def plugin_failure_lines(run: RunResult) -> list[str]:
    """Plugin failures, one line each."""
    return [f"插件 {failure.plugin}：{failure.message}" for failure in run.failures]


class TextReporter(Reporter):
    """One line per finding, then a summary (and with ``--statistics``, counts per rule and family).

    ``--quiet`` leaves out the summary; ``--quiet --statistics`` prints only the statistics.
    """

    name = "text"
    description = "每个问题一行：路径:行:列: 代码 [级别] 说明，最后是汇总"

    def render(self, run: RunResult) -> str:
        if self.only_statistics:
            lines = [*plugin_failure_lines(run), *statistics_block(run)]
        else:
            lines = [diagnostic_line(diagnostic, self.options.color) for diagnostic in run.diagnostics]
            lines.extend(self.footer(run))
        return "\n".join(lines) + ("\n" if lines else "")

    @property
    def only_statistics(self) -> bool:
        """``--quiet --statistics``: the statistics and nothing else."""
        return self.options.quiet and self.options.statistics

    def footer(self, run: RunResult) -> list[str]:
        """Plugin failures, statistics and the summary (nothing in quiet mode)."""
        lines = plugin_failure_lines(run)
        if self.options.quiet:
            return lines
        if self.options.statistics:
            lines.extend(["", *statistics_block(run)])
        lines.append(summary_line(run))
        return lines
