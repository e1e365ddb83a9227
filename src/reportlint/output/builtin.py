"""Registers the built-in output formats through the ``reportlint_reporters`` hook."""

from __future__ import annotations

from reportlint.core.hookspecs import hookimpl
from reportlint.output import Reporter
from reportlint.output.csv import CsvReporter
from reportlint.output.full import FullReporter
from reportlint.output.github import GithubReporter
from reportlint.output.gitlab import GitlabReporter
from reportlint.output.html import HtmlReporter
from reportlint.output.json import JsonReporter
from reportlint.output.sarif import SarifReporter
from reportlint.output.text import TextReporter
from reportlint.output.xlsx import XlsxReporter


@hookimpl
def reportlint_reporters() -> list[type[Reporter]]:
    """text, full, json, sarif, github, gitlab, html, csv and xlsx."""
    return [
        TextReporter,
        FullReporter,
        JsonReporter,
        SarifReporter,
        GithubReporter,
        GitlabReporter,
        HtmlReporter,
        CsvReporter,
        XlsxReporter,
    ]
