"""What the reader finds in the five real seeds, checked by hand against each seed."""

from __future__ import annotations

import datetime as dt

import pytest

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import read_source
from reportlint.template.filled import CellStatus, LabelMatch
from reportlint.template.reading import read_report

SIX = ["s1", "s2", "s3", "s4", "s5", "s6"]


@pytest.fixture
def read(seed):
    registry = registry_for(Config())

    def reading(number: str):
        document = load_document(read_source(seed(number)), registry)
        return document, read_report(document, registry.template_set)

    return reading


def line_of(document, offset):
    return document.locate(offset, offset).line


@pytest.mark.parametrize(
    ("number", "template", "year"),
    [("000", "T2019", 2020), ("001", "T2019", 2020), ("002", "T2021", 2021), ("003", "T2019", 2020)],
)
def test_template_year_and_six_sections(read, number, template, year):
    _, reading = read(number)
    assert reading.year == year
    assert reading.expected_template.id == template
    assert dict(reading.table_templates) == {"s2": template, "s3": template, "s4": template}
    assert [section.spec_id for section in reading.sections] == SIX
    assert not reading.is_legacy_structure


def test_seed_004_is_the_pre_2019_structure_without_tables(read):
    document, reading = read("004")
    assert reading.year == 2020 and reading.detected_template is None and reading.filled is None
    assert reading.is_legacy_structure
    kinds = [(section.kind, section.spec_id) for section in reading.sections]
    assert kinds == [
        ("legacy", None),
        ("template", "s2"),
        ("legacy", None),
        ("unknown", None),
        ("legacy", None),
        ("legacy", None),
        ("template", "s5"),
    ]
    assert reading.section("s3") is None and reading.section("s4") is None
    empty = [section for section in reading.sections if not document.text[section.body_start : section.body_end].strip()]
    assert [section.heading for section in empty] == ["三、政府信息公开重点工作完成情况"]
    assert reading.publication.date == dt.date(2021, 1, 27) and reading.publication.source == "signature"


def test_table_row_labels_are_not_headings(read):
    for number in ("000", "001", "002", "003"):
        _, reading = read(number)
        headings = [section.heading for section in reading.sections]
        assert not any("结转下年度" in heading or "本年新收" in heading for heading in headings)


def test_seed_001_purchase_cells_and_chrome(read):
    _document, reading = read("001")
    procurement = reading.table("s2_20_9")
    count = procurement.cell("procurement", "purchase_count")
    amount = procurement.cell("procurement", "purchase_amount")
    assert (count.status, count.value) == (CellStatus.OK, 12)
    assert (amount.status, amount.value, amount.unit, amount.raw) == (CellStatus.OK, 70280, "元", "70280元")
    assert reading.table("s2_20_1").cell("normative", "total_published").value == 16
    assert reading.title.text == "新村镇2020年度政府信息公开工作年度报告" and len(reading.title.parts) == 2
    assert reading.subject.name == "新村镇" and reading.subject.level == "镇"
    assert reading.publication.date == dt.date(2021, 1, 29)
    assert reading.period is None
    assert all(table.layout == "cells" for table in reading.filled.tables.values())


def test_seed_003_purchase_blank_cell_and_label_without_ordinal(read):
    document, reading = read("003")
    procurement = reading.table("s2_20_9")
    assert procurement.cell("procurement", "purchase_count").value == 32
    amount = procurement.cell("procurement", "purchase_amount")
    assert (amount.value, amount.unit) == (57, "万元")
    blank = reading.table("s2_20_1").cell("normative", "total_published")
    assert blank.status is CellStatus.BLANK
    assert line_of(document, blank.start) == 29
    r2 = reading.table("s3").row("r2")
    assert r2.match is LabelMatch.NO_ORDINAL and r2.aligned
    assert reading.subject.name == "兴国镇"


def test_seed_002_sixteen_values_in_section_four_and_three_other_rows(read):
    document, reading = read("002")
    s4 = reading.table("s4")
    [row] = s4.rows
    statuses = [cell.status for cell in row.cells]
    assert len(row.cells) == 16 and statuses[:15] == [CellStatus.OK] * 15 and statuses[15] is CellStatus.EXTRA
    assert not row.aligned
    assert line_of(document, row.cells[15].start) == 75
    s3 = reading.table("s3")
    for row_id in ("r3_6_1", "r3_6_2", "r3_6_3"):
        found = s3.row(row_id)
        assert found.match is LabelMatch.EXACT and found.aligned and found.cells[6].value == 0
    assert s3.row("r3_6_1").label.startswith("1. 申请人无正当理由逾期不补正")
    assert reading.subject.name == "海阳市二十里店镇"


def test_seed_000_lost_labels_are_positional_or_unaligned_never_guessed(read):
    _document, reading = read("000")
    s3 = reading.table("s3")
    assert [row.row for row in s3.rows[:3]] == ["r1", "r2", "r3_1"]
    assert s3.row("r3_1").match is LabelMatch.POSITIONAL
    unaligned = [row for row in s3.rows if row.row is None]
    assert len(unaligned) == 16
    assert all(cell.status is CellStatus.UNALIGNED and cell.column is None for row in unaligned for cell in row.cells)
    assert [row.found for row in unaligned] == [8] + [9] * 15
    for row_id in ("r3_2", "r3_3_1", "r3_6", "r3_7"):
        assert s3.row(row_id) is None
        assert s3.cell(row_id, "c_total").status is CellStatus.MISSING
    r4 = s3.row("r4")
    assert r4.found == 6 and not r4.aligned
    assert all(s3.cell("r4", column.id).status is CellStatus.MISSING for column in s3.spec.columns)
    assert reading.table("s4").row("cases").aligned


def test_statistical_periods(read):
    for number in ("000", "002", "003", "004"):
        _, reading = read(number)
        assert reading.period.start_date == dt.date(reading.year, 1, 1)
        assert reading.period.end_date == dt.date(reading.year, 12, 31)
