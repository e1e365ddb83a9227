"""The ``text`` output: ``path:line:col: CODE [severity] message``, one per line, then a summary."""

from __future__ import annotations

from reportlint.core.diagnostics import Diagnostic
from reportlint.output import Reporter, statistics_lines, summary_line


def diagnostic_line(diagnostic: Diagnostic) -> str:
    """One finding as a grep- and editor-friendly line."""
    location = diagnostic.location
    place = f"{diagnostic.path}:1:1" if location is None else f"{diagnostic.path}:{location.line}:{location.column}"
    logical = f"（{location.logical}）" if location is not None and location.logical else ""
    return f"{place}: {diagnostic.code} [{diagnostic.severity.label}] {diagnostic.message}{logical}"


def plugin_failure_lines(run) -> list[str]:
    """Plugin failures, one line each."""
    return [f"插件 {failure.plugin}：{failure.message}" for failure in run.failures]


class TextReporter(Reporter):
    """One line per finding, then a summary (and ``--statistics`` counts per rule)."""

    name = "text"
    description = "每个问题一行：路径:行:列: 代码 [级别] 说明，最后是汇总"

    def render(self, run) -> str:
        lines = [diagnostic_line(diagnostic) for diagnostic in run.diagnostics]
        lines.extend(self.footer(run))
        return "\n".join(lines) + ("\n" if lines else "")

    def footer(self, run) -> list[str]:
        """Plugin failures, statistics and the summary (nothing in quiet mode)."""
        lines = plugin_failure_lines(run)
        if self.options.quiet:
            return lines
        if self.options.statistics and run.diagnostics:
            lines.extend(["", "按规则统计：", *statistics_lines(run)])
        lines.append(summary_line(run))
        return lines
