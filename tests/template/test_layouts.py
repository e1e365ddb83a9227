"""The reader gives the same FilledTemplate for the same report in every layout real reports arrive in.

Reports come from :mod:`reportlint.testing.reports`, are written as bytes in
one layout (tab-separated rows, one cell per line, tab+newline cells, pipe
rows, PDF-like space-separated rows, Markdown, HTML, .docx), loaded through the
real loaders and read with :func:`read_report`.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source, detect_format, read_source
from reportlint.template.filled import CellStatus
from reportlint.template.reading import Reading, read_report
from reportlint.testing.reports import LAYOUTS, RUNNING_LAYOUTS, SUBJECTS, SampleReport, render, render_html, write_docx
from reportlint.text.numbers import parse_cell

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
SIX = ["s1", "s2", "s3", "s4", "s5", "s6"]
TEMPLATES = [("T2021", 2021), ("T2019", 2020)]
#: Layouts the reader must read exactly (docx is added when python-docx is installed).
EXACT_LAYOUTS = ["tabs", "cells", "tab-cells", "pipes", "markdown", "running", "html", "docx"]
#: Layouts whose tables are written without spaces between values: read where the split is unique (tests/template/test_flattened.py).
PACKED_LAYOUTS = ["packed"]
#: Layouts that write a blank cell so that it can be told from layout padding.
BLANK_LAYOUTS = ["tabs", "tab-cells", "pipes", "markdown", "html", "docx"]
#: Layouts whose blank cells are explicit even at the edge of a row (a lone tab, an empty <td>, an empty Word cell).
EXPLICIT_BLANK_LAYOUTS = ["tab-cells", "html", "docx"]
#: The (二)部分公开 row, whose label holds "，" (see the spaces-layout bug below).
PARTIAL = ("s3", "r3_2")

Snapshot = dict[tuple[str, str, str], tuple[CellStatus, object]]


@pytest.fixture(scope="module")
def registry():
    return registry_for(Config())


@pytest.fixture
def read(registry, tmp_path):
    """``read(report, layout, header_style)`` → the :class:`Reading` of the report written in that layout."""

    def reading(report: SampleReport, layout: str, header_style: str = "plain") -> Reading:
        if layout == "docx":
            if not any(loader.format == "docx" for loader in registry.loaders):
                pytest.skip("no .docx loader is registered")
            pytest.importorskip("docx")
            source = read_source(write_docx(report, tmp_path / "report.docx", header_style))
        else:
            if layout == "html":
                data, suffix = render_html(report, header_style).encode("utf-8"), ".html"
            else:
                data, suffix = render(report, layout, header_style).encode("utf-8"), ".md" if layout == "markdown" else ".txt"
            path = Path(f"report{suffix}")
            source = Source(path, path.name, data, detect_format(data, suffix))
        document = load_document(source, registry)
        return read_report(document, registry.template_set)

    return reading


def snapshot(reading: Reading) -> Snapshot:
    """Every template cell of the reading: (status, parsed value)."""
    assert reading.filled is not None
    return {
        (cell.table, cell.row, cell.column): (cell.status, cell.value) for table in reading.filled.tables.values() for cell in table.cells()
    }


def expected(report: SampleReport) -> Snapshot:
    """What the reader should find: every cell the builder wrote, parsed."""
    result: Snapshot = {}
    for key, raw in report.values.items():
        cell = parse_cell(raw)
        status = {"number": CellStatus.OK, "blank": CellStatus.BLANK}.get(cell.kind, CellStatus.NON_NUMERIC)
        result[key] = (status, cell.value)
    return result


def wrong_values(reading: Reading, report: SampleReport) -> list:
    """Cells read as ``ok`` whose value is not the one the report wrote there (never acceptable)."""
    truth = expected(report)
    return [
        (key, value, truth.get(key))
        for key, (status, value) in snapshot(reading).items()
        if status is CellStatus.OK and truth.get(key) != (CellStatus.OK, value)
    ]


@pytest.mark.parametrize("layout", EXACT_LAYOUTS)
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_template_year_and_sections(read, template, year, layout):
    reading = read(SampleReport.build(template, year), layout)
    assert reading.year == year
    assert dict(reading.table_templates) == {"s2": template, "s3": template, "s4": template}
    assert [section.spec_id for section in reading.sections] == SIX
    assert reading.subject is not None and reading.subject.name == "秦安县陇城镇", (
        "the body as the title names it (a Markdown title without its #)"
    )
    assert reading.title is not None and reading.title.text == f"秦安县陇城镇{year}年政府信息公开工作年度报告"


@pytest.mark.parametrize("layout", EXACT_LAYOUTS)
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_every_cell_holds_the_builders_value(read, template, year, layout):
    report = SampleReport.build(template, year, seed=1)
    reading = read(report, layout)
    for (table, row, column), raw in report.values.items():
        cell = reading.filled.cell(table, row, column)
        assert (cell.status, cell.raw) == (CellStatus.OK, raw), (table, row, column)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("subject", SUBJECTS, ids=lambda subject: subject.short)
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_same_filled_template_in_every_layout(read, template, year, subject, seed):
    """The key acceptance point: tab, one-cell-per-line, pipe and real-table forms read identically."""
    report = SampleReport.build(template, year, subject=subject, seed=seed)
    truth = expected(report)
    for layout in EXACT_LAYOUTS:
        if layout == "docx" and seed:
            continue  # one .docx per template and subject keeps the run fast
        assert snapshot(read(report, layout)) == truth, layout


@pytest.mark.parametrize("header_style", ["wrapped", "spaced"])
@pytest.mark.parametrize("layout", EXACT_LAYOUTS)
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_headers_split_over_lines_or_per_character(read, template, year, layout, header_style):
    report = SampleReport.build(template, year, seed=2)
    assert snapshot(read(report, layout, header_style)) == expected(report)


def test_header_styles_write_what_word_and_pdf_extraction_leave():
    report = SampleReport.build("T2019", 2020)
    assert "本年新\n制作数量" in render(report, "tab-cells", "wrapped")
    assert "法 律 服 务 机 构" in render(report, "tabs", "spaced")
    assert "结 果 维 持" in render(report, "tabs", "spaced")


@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_spaces_layout_reads_every_row_but_the_one_with_commas(read, template, year):
    report = SampleReport.build(template, year, seed=1)
    found = snapshot(read(report, "spaces"))
    truth = {key: value for key, value in expected(report).items() if key[:2] != PARTIAL}
    assert {key: found[key] for key in truth} == truth


def test_spaces_layout_reads_the_partial_disclosure_row(read):
    report = SampleReport.build("T2021", 2021, seed=1)
    reading = read(report, "spaces")
    assert [reading.filled.cell(*PARTIAL, column).status for column in ("c_np", "c_total")] == [CellStatus.OK] * 2


@pytest.mark.parametrize("key", [("s3", "r3_1", "c_biz"), ("s2_20_1", "normative", "repealed"), ("s4", "cases", "rv_fix")])
@pytest.mark.parametrize("layout", BLANK_LAYOUTS)
def test_blank_cell_inside_a_row(read, layout, key):
    report = SampleReport.build("T2021", 2021, seed=1).with_cell(*key, "")
    found = snapshot(read(report, layout))
    assert found[key] == (CellStatus.BLANK, None)
    assert found == expected(report)


@pytest.mark.parametrize(
    "key",
    [("s3", "r1", "c_np"), ("s3", "r4", "c_total"), ("s2_20_1", "normative", "in_force"), ("s4", "cases", "lr_total")],
)
@pytest.mark.parametrize("layout", EXPLICIT_BLANK_LAYOUTS)
def test_blank_cell_at_the_edge_of_a_row(read, layout, key):
    report = SampleReport.build("T2021", 2021, seed=1).with_cell(*key, "")
    assert snapshot(read(report, layout)) == expected(report)


@pytest.mark.parametrize("layout", ["cells", "spaces"])
def test_blank_cell_that_the_layout_cannot_show_is_not_misread(read, layout):
    """One cell per line and PDF text lose an empty cell: the row is then short, never shifted."""
    report = SampleReport.build("T2021", 2021, seed=1).with_cell("s3", "r3_1", "c_biz", "")
    reading = read(report, layout)
    assert wrong_values(reading, report) == []
    assert reading.filled.cell("s3", "r3_1", "c_biz").status is not CellStatus.OK


@pytest.mark.parametrize("layout", EXACT_LAYOUTS)
def test_units_and_none_marks_are_kept(read, layout):
    report = (
        SampleReport.build("T2019", 2020, seed=1)
        .with_cell("s2_20_9", "procurement", "purchase_amount", "57万元")
        .with_cell("s3", "r3_1", "c_sci", "无")
    )
    reading = read(report, layout)
    amount = reading.filled.cell("s2_20_9", "procurement", "purchase_amount")
    assert (amount.status, amount.value, amount.unit) == (CellStatus.OK, 57, "万元")
    assert reading.filled.cell("s3", "r3_1", "c_sci").status is CellStatus.NON_NUMERIC
    assert snapshot(reading) == expected(report)


@pytest.mark.parametrize("layout", [*EXACT_LAYOUTS, "spaces"])
def test_extra_value_is_reported_on_its_row(read, layout):
    report = SampleReport.build("T2021", 2021, seed=1).with_extra_value("s4", "cases", "0")
    reading = read(report, layout)
    extras = [cell for row in reading.filled.table("s4").rows for cell in row.cells if cell.status is CellStatus.EXTRA]
    assert [(cell.row, cell.raw) for cell in extras] == [("cases", "0")]
    assert all(reading.filled.cell(*key).status is CellStatus.OK for key in report.values if key[0] == "s4")


@pytest.mark.parametrize("layout", ["tabs", "pipes", "markdown", "html", "docx"])
def test_row_without_label_is_placed_by_position(read, layout):
    report = SampleReport.build("T2021", 2021, seed=1).with_row_label("s3", "r3_3_2", "")
    assert snapshot(read(report, layout)) == expected(report)


@pytest.mark.parametrize("layout", EXACT_LAYOUTS)
def test_label_without_ordinal_and_half_width_brackets(read, layout):
    report = (
        SampleReport.build("T2019", 2020, seed=1)
        .with_row_label("s3", "r2", "上年结转政府信息公开申请数量")
        .with_row_label("s3", "r3_2", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    )
    assert snapshot(read(report, layout)) == expected(report)


@pytest.mark.parametrize("layout", [layout for layout in EXACT_LAYOUTS if layout not in ("tab-cells", "markdown")])
def test_missing_value_never_shifts_the_others(read, layout):
    report = SampleReport.build("T2021", 2021, seed=1).without_cell("s3", "r3_1", "c_biz")
    assert wrong_values(read(report, layout), report) == []


def test_missing_value_never_shifts_the_others_in_tab_cells(read):
    report = SampleReport.build("T2021", 2021, seed=1).without_cell("s3", "r3_1", "c_biz")
    assert wrong_values(read(report, "tab-cells"), report) == []


def test_missing_value_never_shifts_the_others_in_markdown(read):
    report = SampleReport.build("T2021", 2021, seed=1).without_cell("s3", "r3_1", "c_biz")
    assert wrong_values(read(report, "markdown"), report) == []


def test_blank_first_value_before_merged_cells_in_tab_cells(read):
    report = SampleReport.build("T2021", 2021, seed=1).with_cell("s3", "r3_3_1", "c_np", "")
    assert read(report, "tab-cells").filled.cell("s3", "r3_3_1", "c_np").status is CellStatus.BLANK


@pytest.mark.parametrize("layout", ["html", "tab-cells"])
def test_row_with_its_only_value_blank(read, layout):
    report = SampleReport.build("T2021", 2021, seed=1).with_cell("s2_20_5", "licensing", "decisions", "")
    assert read(report, layout).filled.cell("s2_20_5", "licensing", "decisions").status is CellStatus.BLANK


def test_markdown_headings_match_exactly(read):
    reading = read(SampleReport.build("T2021", 2021), "markdown")
    assert next((section.match, section.ordinal, section.heading) for section in reading.sections) == ("exact", 1, "一、总体情况")


def test_markdown_legacy_heading_is_found(read):
    reading = read(SampleReport.build("T2021", 2021).with_heading("s1", "一、概述"), "markdown")
    assert next(section.kind for section in reading.sections) == "legacy"


@pytest.mark.parametrize("layout", ["tabs", "html"])
def test_legacy_and_variant_headings(read, layout):
    report = (
        SampleReport.build("T2021", 2021)
        .with_heading("s1", "一、概述")
        .with_heading("s4", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
    )
    reading = read(report, layout)
    assert [(section.kind, section.spec_id) for section in reading.sections][:1] == [("legacy", None)]
    assert reading.section("s4").match == "variant"


@pytest.mark.parametrize("stem", ["t2021", "t2019"])
def test_stored_fixtures_are_what_the_builder_renders(stem):
    texts = runpy.run_path(str(FIXTURES / "regenerate.py"))["fixture_texts"]()
    for name, text in texts.items():
        if name.startswith(stem):
            stored = (FIXTURES / name).read_text(encoding="utf-8")
            assert stored == text, f"{name} is stale: run python tests/fixtures/reports/regenerate.py"


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("t20*")))
def test_stored_fixtures_read_as_their_report(registry, name):
    fixture_report = runpy.run_path(str(FIXTURES / "regenerate.py"))["fixture_report"]
    report = fixture_report(name[:5])
    reading = read_report(load_document(read_source(FIXTURES / name), registry), registry.template_set)
    assert reading.year == report.year and reading.detected_template == report.template
    found = snapshot(reading)
    if "spaces" in name:
        found = {key: value for key, value in found.items() if key[:2] != PARTIAL}
        assert found == {key: value for key, value in expected(report).items() if key[:2] != PARTIAL}
    else:
        assert found == expected(report)


def test_layouts_cover_the_builder():
    assert set(LAYOUTS) | set(RUNNING_LAYOUTS) | {"html", "docx"} == set(EXACT_LAYOUTS) | {"spaces"} | set(PACKED_LAYOUTS)


@pytest.mark.parametrize("header_style", ["plain", "wrapped"])
@pytest.mark.parametrize("section", ["s2", "s3", "s4"])
@pytest.mark.parametrize("layout", [layout for layout in EXACT_LAYOUTS if layout != "running"])
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_a_part_that_lost_its_heading_is_read_where_its_labels_are(read, template, year, layout, section, header_style):
    """Without “三、……” the third part's table sits under part two: it is still read, by its labels, and part two's
    tables end where it starts (none of its rows is read as a stray row of part two, nor part four's as part three's).
    Part four, whose one row has no label, is found by its first column label, also where Word wrapped it (“结果⏎维持”).

    A page without line breaks (``running``) has no line for the table to start on: not covered."""
    report = SampleReport.build(template, year).with_heading(section, "")
    reading = read(report, layout, header_style)
    assert section not in [found.spec_id for found in reading.sections]
    assert snapshot(reading) == expected(report)
    assert [row.label for table in reading.filled.tables.values() for row in table.rows if row.row is None] == []
