"""Registers the built-in output formats through the ``reportlint_reporters`` hook."""

from __future__ import annotations

from reportlint.hookspecs import hookimpl
from reportlint.reporters.full import FullReporter
from reportlint.reporters.github import GithubReporter
from reportlint.reporters.html import HtmlReporter
from reportlint.reporters.json import JsonReporter
from reportlint.reporters.sarif import SarifReporter
from reportlint.reporters.text import TextReporter


@hookimpl
def reportlint_reporters():
    """text, full, json, sarif, github and html."""
    return [TextReporter, FullReporter, JsonReporter, SarifReporter, GithubReporter, HtmlReporter]
