"""The template reader's own shortcuts: each gives what the plain computation gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source
from reportlint.template.reading import _aligner, _line_texts


@pytest.fixture(scope="module")
def registry():
    return registry_for(Config())


@pytest.mark.parametrize(
    "text",
    ["一、总体情况\n（一）主动公开\n\n“行政许可”　29\n", "一、总体情况\r\n正文。\r\n", "", "末行无换行", "\n\n"],
)
def test_the_line_texts_are_the_lines_of_the_normalised_text(registry, text):
    document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
    assert _line_texts(document) == [document.normalized[line.start : line.end] for line in document.lines]


def test_templates_that_share_a_sections_tables_read_it_alike(registry):
    """The 2019 and 2021 templates share the review and litigation table (part four), not the application table:
    the reader fills part four once, with the year's template."""
    templates = {template.id: template for template in registry.template_set}
    newer, older = templates["T2021"], templates["T2019"]
    assert _aligner(older, "s4").reads_like(_aligner(newer, "s4"))
    assert _aligner(newer, "s4").reads_like(_aligner(older, "s4"))
    assert not _aligner(older, "s3").reads_like(_aligner(newer, "s3"))
    assert not _aligner(older, "s2").reads_like(_aligner(newer, "s2"))
