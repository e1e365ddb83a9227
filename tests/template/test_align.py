"""The table aligner's memory of the known labels in a label key."""

from __future__ import annotations

from reportlint.core.config import Config
from reportlint.run.registry import registry_for
from reportlint.template import align
from reportlint.template.align import TableGroupAligner
from reportlint.template.labels import label_key


def _aligner() -> tuple[TableGroupAligner, str]:
    template = next(template for template in registry_for(Config()).template_set if template.tables_of("s3"))
    tables = template.tables_of("s3")
    return TableGroupAligner(tables, template.relations), label_key(tables[0].rows[0].label)


def test_the_labels_of_a_key_are_found_once_and_remembered():
    aligner, key = _aligner()
    first = aligner._hits(key)
    assert [hit.entry.kind for hit in first] == ["row"] and first[0].key_start == 0 and first[0].key_end == len(key)
    assert aligner._hits(key) is first
    assert first == aligner._find_hits(key, aligner.entries)  # what a search of every known label finds


def test_the_memory_is_bounded_and_leaves_out_long_keys(monkeypatch):
    aligner, key = _aligner()
    monkeypatch.setattr(align, "_MAX_KNOWN_HITS", 2)
    for other in ("甲", "乙", "丙", "丁"):
        aligner._hits(other)
    assert 0 < len(aligner._known_hits) <= 2
    prose = key * (align._MAX_KNOWN_KEY // len(key) + 1)
    assert len(aligner._hits(prose)) > 1 and prose not in aligner._known_hits
