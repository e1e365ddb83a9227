"""Registers the built-in output formats through the ``reportlint_reporters`` hook."""

from __future__ import annotations

from reportlint.core.hookspecs import hookimpl
from reportlint.output.full import FullReporter
from reportlint.output.github import GithubReporter
from reportlint.output.gitlab import GitlabReporter
from reportlint.output.html import HtmlReporter
from reportlint.output.json import JsonReporter
from reportlint.output.sarif import SarifReporter
from reportlint.output.text import TextReporter


@hookimpl
def reportlint_reporters():
    """text, full, json, sarif, github, gitlab and html."""
    return [TextReporter, FullReporter, JsonReporter, SarifReporter, GithubReporter, GitlabReporter, HtmlReporter]
