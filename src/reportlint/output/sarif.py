"""The ``sarif`` output: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, …).

Paths are relative URIs against ``%SRCROOT%`` (declared in
``originalUriBaseIds``); columns count Unicode code points, so a CJK character
is one column (``columnKind: unicodeCodePoints``); each result carries a
``partialFingerprints`` entry that survives edits elsewhere in the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.core.model import Location
from reportlint.output import Reporter
from reportlint.version import __version__

if TYPE_CHECKING:
    from reportlint.core.rule import BaseRule
    from reportlint.run.results import RunResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "reportlint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _artifact_location(path: str, sources: dict[str, str] | None = None) -> dict[str, str]:
    """A file's SARIF location: a URI percent-encoded from the bytes of its name (relative to ``%SRCROOT%`` when it can be)."""
    source = (sources or {}).get(path, path)
    raw = os.fsencode(source)  # a name's undecodable bytes come back as they are on disk
    if Path(source).is_absolute():
        return {"uri": "file://" + quote(raw.replace(os.sep.encode(), b"/"), safe="/")}
    return {"uri": quote(raw.replace(os.sep.encode(), b"/"), safe="/"), "uriBaseId": "%SRCROOT%"}


def _region(location: Location) -> dict:
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": max(location.end_column, location.column),
    }


def _physical(path: str, location: Location | None, sources: dict[str, str]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(path, sources)}
    if location is not None:
        physical["region"] = _region(location)
    return physical


def _rule_descriptor(rule: type[BaseRule]) -> dict[str, Any]:
    documentation = rule.plain_documentation()  # text without reStructuredText markup; ``code`` is valid Markdown
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": documentation},
        "help": {"text": documentation, "markdown": rule.documentation()},
        "defaultConfiguration": {"level": _LEVEL[Severity.parse(rule.severity)]},
        "properties": {"origin": rule.origin, "family": rule.code[:3]},
    }


def _result(diagnostic: Diagnostic, rule_index: dict[str, int], sources: dict[str, str]) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": _physical(diagnostic.path, diagnostic.location, sources)}
    if diagnostic.location is not None and diagnostic.location.logical:
        location["logicalLocations"] = [{"name": diagnostic.location.logical, "kind": "element"}]
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: diagnostic.fingerprint},
    }
    if diagnostic.code in rule_index:
        result["ruleIndex"] = rule_index[diagnostic.code]
    if diagnostic.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "message": {"text": item.message},
                "physicalLocation": _physical(item.path or diagnostic.path, item.location, sources),
            }
            for number, item in enumerate(diagnostic.related, start=1)
        ]
    return result


def _artifact_paths(run: RunResult) -> list[str]:
    """Every file the results name: the checked files, then the other files cross-document findings refer to (last year's reports)."""
    paths = dict.fromkeys(result.path for result in run.files)
    paths.update(dict.fromkeys(item.path for diagnostic in run.diagnostics for item in diagnostic.related if item.path))
    return list(paths)


class SarifReporter(Reporter):
    """SARIF 2.1.0, valid against the official schema."""

    name = "sarif"
    description = "SARIF 2.1.0（上传到 GitHub 代码扫描等平台）"

    def render(self, run: RunResult) -> str:
        rules = list(run.rules)
        rule_index = {rule.code: index for index, rule in enumerate(rules)}
        sources = {result.path: result.source_path for result in run.files if result.source_path}
        root = Path.cwd().as_uri().rstrip("/") + "/"
        notifications = [{"level": "error", "message": {"text": f"插件 {failure.plugin}：{failure.message}"}} for failure in run.failures]
        sarif_run = {
            "tool": {
                "driver": {
                    "name": "reportlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": "https://github.com/reportlint/reportlint",
                    "rules": [_rule_descriptor(rule) for rule in rules],
                }
            },
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not run.failures, "toolExecutionNotifications": notifications}],
            "artifacts": [{"location": _artifact_location(path, sources)} for path in _artifact_paths(run)],
            "results": [_result(diagnostic, rule_index, sources) for diagnostic in run.diagnostics],
        }
        return json.dumps({"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [sarif_run]}, ensure_ascii=False, indent=2) + "\n"
