"""The template reader's own shortcuts: each gives what the plain computation gives."""

from __future__ import annotations

import pytest

from reportlint.core.config import Config
from reportlint.run.registry import registry_for
from reportlint.template.reading import _aligner


@pytest.fixture(scope="module")
def registry():
    return registry_for(Config())


def test_templates_that_share_a_sections_tables_read_it_alike(registry):
    """The 2019 and 2021 templates share the review and litigation table (part four), not the application table:
    the reader fills part four once, with the year's template."""
    templates = {template.id: template for template in registry.template_set}
    newer, older = templates["T2021"], templates["T2019"]
    assert _aligner(older, "s4").reads_like(_aligner(newer, "s4"))
    assert _aligner(newer, "s4").reads_like(_aligner(older, "s4"))
    assert not _aligner(older, "s3").reads_like(_aligner(newer, "s3"))
    assert not _aligner(older, "s2").reads_like(_aligner(newer, "s2"))
