"""The table aligner: its memory of the known labels in a label key and of the headers of a label, and how it cuts rows into segments."""

from __future__ import annotations

from reportlint.core.config import Config
from reportlint.run.registry import registry_for
from reportlint.template import align
from reportlint.template.align import TableGroupAligner
from reportlint.template.labels import label_key
from reportlint.template.tokens import RawRow, make_token


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


def _tokens(text: str, cells: list[str], explicit_blanks: bool = False) -> RawRow:
    """A row of ``cells`` found in ``text`` in order (a blank cell is an empty string: the position after the last)."""
    tokens, position = [], 0
    for cell in cells:
        start = text.index(cell, position) if cell else position
        tokens.append(make_token(text, text, start, start + len(cell)))
        position = start + len(cell)
    return RawRow(tuple(tokens), explicit_blanks=explicit_blanks)


def test_the_headers_of_a_label_of_several_cells_are_read_once_and_remembered_by_its_text_and_cells():
    aligner, _ = _aligner()
    header = "申请人情况\t自然人\t法人或其他组织\t科研机关\t总计"
    first = _tokens(header, ["申请人情况", "自然人", "法人或其他组织", "科研机关", "总计"]).tokens
    read = aligner._label_headers(header, first)
    assert read == (("申请人情况", "自然人", "法人或其他组织", "总计"), (3,))  # 科研机关: 科研机构 with one character wrong
    assert read == aligner._read_label_headers(header, first) and len(aligner._known_label_headers) == 1
    moved = "表三\n" + header
    again = _tokens(moved, ["申请人情况", "自然人", "法人或其他组织", "科研机关", "总计"]).tokens
    assert aligner._label_headers(moved, again) is read and len(aligner._known_label_headers) == 1
    # the same text cut into other cells is another label
    other = _tokens(header, ["申请人情况\t自然人", "法人或其他组织", "科研机关", "总计"]).tokens
    assert aligner._label_headers(header, other) == aligner._read_label_headers(header, other)
    assert len(aligner._known_label_headers) == 2


def test_a_label_followed_by_blank_cells_is_a_row_left_empty_only_where_blank_cells_are_written_out():
    text = "一、本年新收政府信息公开申请数量\n\n\n二、上年结转政府信息公开申请数量\n3\n"
    label, next_label = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"
    for explicit, expected in ((True, [(label, ["", ""]), (next_label, ["3"])]), (False, [(label + next_label, ["3"])])):
        first = text.index("\n") + 1
        blanks = [RawRow((make_token(text, text, at, at),), explicit_blanks=explicit) for at in (first, first + 1)]
        rows = [_tokens(text, [label]), *blanks, _tokens(text, [next_label]), _tokens(text, ["3"])]
        found, layout = align.segments(rows)
        assert layout == "cells"
        assert [("".join(token.text for token in segment.label), [token.text for token in segment.cells]) for segment in found] == expected


def test_the_cell_index_of_filled_rows_is_the_one_made_cell_by_cell():
    """The aligner indexes a row it aligned at once by its template row's keys (filled._cell_index with column_keys):
    the same cells in the same order as indexing every row cell by cell, with repeated, mismatched and unplaced rows."""
    from pathlib import Path

    from reportlint.run.linter import load_document
    from reportlint.sources import Source
    from reportlint.template.filled import _cell_index
    from reportlint.template.reading import read_report
    from reportlint.testing.reports import LAYOUTS, SampleReport, render

    registry = registry_for(Config())
    report = SampleReport.build("T2021", 2021, seed=3)
    repeated = render(report, "tabs")
    s3 = repeated.index("三、收到和处理政府信息公开申请情况")
    lines = repeated[s3:].split("\n")
    row = next(line for line in lines if line.startswith("\t（二）部分公开"))
    # a row written twice (the second is not indexed), once with a value too many (mismatched) before it, and values
    # under no label (unplaced)
    texts = [render(report, layout) for layout in LAYOUTS] + [
        repeated.replace(row, f"{row}\t7\n{row}\n{row}\n9\t9\t9\t9\t9\t9\t9\t9\t9\t9\t9", 1)
    ]
    compared = 0
    for text in texts:
        document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
        reading = read_report(document, registry.template_set)
        for table in reading.filled.tables.values():
            assert list(table.found_cells.items()) == list(_cell_index(table.rows).items())
            compared += len(table.found_cells)
    assert compared > 1000


def test_the_cells_and_rows_the_aligner_makes_are_those_of_the_constructors():
    """The aligner makes each cell inline, as filled.read_cell does (an unfrozen object made a FilledCell): every cell
    and row of every layout's reading has the constructor's type and fields, in order."""
    from dataclasses import fields
    from pathlib import Path

    from reportlint.run.linter import load_document
    from reportlint.sources import Source
    from reportlint.template.filled import FilledCell, FilledRow
    from reportlint.template.reading import read_report
    from reportlint.testing.reports import LAYOUTS, SampleReport, render

    registry = registry_for(Config())
    report = SampleReport.build("T2021", 2021, seed=3)
    compared = 0
    for layout in LAYOUTS:
        document = load_document(Source(Path("r.txt"), "r.txt", render(report, layout).encode(), "text"), registry)
        for table in read_report(document, registry.template_set).filled.tables.values():
            for row in table.rows:
                made = FilledRow(*(getattr(row, field.name) for field in fields(FilledRow)))
                assert (made.found, made.aligned) == (row.found, row.aligned)
                assert type(row) is FilledRow and list(vars(row).items()) == list(vars(made).items())
                for cell in row.cells:
                    constructed = FilledCell(*(getattr(cell, field.name) for field in fields(FilledCell)))
                    assert type(cell) is FilledCell and list(vars(cell).items()) == list(vars(constructed).items())
                    compared += 1
    assert compared > 1000


def test_a_row_label_names_the_table_and_row_its_ids_look_up():
    """Each row entry carries the table and row _identify returns for it: those the aligner finds by the entry's ids."""
    checked = 0
    for template in registry_for(Config()).template_set:
        for section in ("s2", "s3", "s4"):
            aligner = TableGroupAligner(template.tables_of(section), template.relations)
            for entry in aligner.entries:
                if entry.kind == "row":
                    assert entry.row is not None and entry.named is not None
                    table = aligner._table_of[entry.table]
                    assert entry.named[0] is table and entry.named[1] is table.row(entry.row)
                    checked += 1
    assert checked > 50
