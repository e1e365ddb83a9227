"""The ``gitlab`` output: the Code Climate JSON subset GitLab's code quality report reads.

A list of issues, each with ``description``, ``check_name``, ``fingerprint``
(unique per finding: the finding's own fingerprint with its file's path),
``severity`` (``major`` for errors, ``minor`` for warnings, ``info``) and
``location`` (``path`` relative to the project, ``lines.begin``/``end``). In
``.gitlab-ci.yml``::

    reportlint:
      script: reportlint check reports/ -f gitlab -o gl-code-quality-report.json
      artifacts:
        reports:
          codequality: gl-code-quality-report.json
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.output import Reporter

if TYPE_CHECKING:
    from reportlint.run.results import RunResult

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(diagnostic: Diagnostic) -> dict[str, object]:
    """One finding as a Code Climate issue."""
    location = diagnostic.location
    begin = location.line if location is not None else 1
    end = location.end_line if location is not None else begin
    description = diagnostic.message
    if location is not None and location.logical:
        description += f"（{location.logical}）"
    return {
        "type": "issue",
        "check_name": f"{diagnostic.code} {diagnostic.name}",
        "description": description,
        "categories": ["Style"],
        "severity": _SEVERITY[diagnostic.severity],
        "fingerprint": hashlib.sha256(f"{diagnostic.path}\x00{diagnostic.fingerprint}".encode("utf-8", "surrogatepass")).hexdigest()[:32],
        "location": {"path": diagnostic.path, "lines": {"begin": begin, "end": max(begin, end)}},
    }


class GitlabReporter(Reporter):
    """Code Climate issues for GitLab's code quality widget (``artifacts: reports: codequality``)."""

    name = "gitlab"
    description = "GitLab 代码质量报告（Code Climate JSON），在合并请求中显示"

    def render(self, run: RunResult) -> str:
        return json.dumps([issue(diagnostic) for diagnostic in run.diagnostics], ensure_ascii=False, indent=2) + "\n"
