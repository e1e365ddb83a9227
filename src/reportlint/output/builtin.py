"""Registers the built-in output formats through the ``reportlint_reporters`` hook, each format's module imported only when it is chosen.

The registry needs a reporter's name, description and whether it needs texts or
writes bytes before a run; the module that renders it (the review page, the
workbook, SARIF …) is imported when the command line makes the reporter, so a
run pays only for the formats it writes.
"""

from __future__ import annotations

import importlib
from typing import Any, ClassVar

from reportlint.core.hookspecs import hookimpl
from reportlint.output import Reporter


class LazyReporter(Reporter):
    """A built-in reporter whose implementation (``module:Class``) is imported when it is made."""

    implementation: ClassVar[str] = ""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        module, _, name = cls.implementation.partition(":")
        reporter: type[Reporter] = getattr(importlib.import_module(module), name)
        return reporter(*args, **kwargs)


def _lazy(name: str, description: str, implementation: str, needs_text: bool = False, binary: bool = False) -> type[Reporter]:
    attributes = {"name": name, "description": description, "implementation": implementation, "needs_text": needs_text, "binary": binary}
    attributes["__doc__"] = f"The ``{name}`` output ({implementation.replace(':', '.')})."
    return type(implementation.rpartition(":")[2], (LazyReporter,), attributes)


#: The built-in formats: name, description, implementation, whether they need texts, whether they are binary.
BUILTIN_REPORTERS = (
    _lazy("text", "每个问题一行：路径:行:列: 代码 [级别] 说明，最后是汇总", "reportlint.output.text:TextReporter"),
    _lazy("full", "在 text 的基础上显示出错的原文行，并用 ^ 标出位置", "reportlint.output.full:FullReporter"),
    _lazy("json", "JSON 格式（带版本号的固定结构，见 docs/json-output.md）", "reportlint.output.json:JsonReporter"),
    _lazy("sarif", "SARIF 2.1.0（上传到 GitHub 代码扫描等平台）", "reportlint.output.sarif:SarifReporter"),
    _lazy("github", "GitHub Actions 工作流命令（在拉取请求中逐行标注）", "reportlint.output.github:GithubReporter"),
    _lazy("gitlab", "GitLab 代码质量报告（Code Climate JSON），在合并请求中显示", "reportlint.output.gitlab:GitlabReporter"),
    _lazy(
        "html",
        "审阅页面（独立 HTML 文件，离线可用、可打印）：可排序的汇总表，逐份报告的问题及其所在原文",
        "reportlint.output.html:HtmlReporter",
        needs_text=True,
    ),
    _lazy("csv", "CSV 表格，每个问题一行（UTF-8 带 BOM，Excel、WPS 可直接打开）", "reportlint.output.csv:CsvReporter", needs_text=True),
    _lazy(
        "xlsx",
        "Excel/WPS 工作簿：“报告”表每份报告一行，“问题”表每个问题一行（需要 reportlint[xlsx]）",
        "reportlint.output.xlsx:XlsxReporter",
        needs_text=True,
        binary=True,
    ),
)


@hookimpl
def reportlint_reporters() -> list[type[Reporter]]:
    """text, full, json, sarif, github, gitlab, html, csv and xlsx."""
    return list(BUILTIN_REPORTERS)
