"""The ``github`` output: GitHub Actions workflow commands that annotate the changed files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Severity
from reportlint.output import Reporter

if TYPE_CHECKING:
    from reportlint.run.results import RunResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """``::error file=…,line=…,col=…,title=CODE::message`` lines for GitHub Actions."""

    name = "github"
    description = "GitHub Actions 工作流命令（在拉取请求中逐行标注）"

    def render(self, run: RunResult) -> str:
        lines = []
        for diagnostic in run.diagnostics:
            properties = [f"file={_escape_property(diagnostic.path)}"]
            if diagnostic.location is not None:
                location = diagnostic.location
                properties += [
                    f"line={location.line}",
                    f"col={location.column}",
                    f"endLine={location.end_line}",
                    f"endColumn={location.end_column}",
                ]
            properties.append(f"title={_escape_property(f'{diagnostic.code} {diagnostic.name}')}")
            lines.append(f"::{_LEVEL[diagnostic.severity]} {','.join(properties)}::{_escape_data(diagnostic.message)}")
        for failure in run.failures:
            lines.append(f"::error title={_escape_property('reportlint 插件')}::{_escape_data(f'{failure.plugin}：{failure.message}')}")
        return "\n".join(lines) + ("\n" if lines else "")
