"""The per-report summary's text machinery and places (the summaries themselves are compared in tests/acceptance and tests/run/test_compare.py)."""

from __future__ import annotations

import re

import pytest

from reportlint.core.report import Report
from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.summary import (
    _CITED,
    _blank,
    _longest_first,
    _masked,
    _region_paragraphs,
    _SectionNumbers,
    _signer,
    _without_period_statement,
    _without_place_names,
    _without_template_wording,
    compared_facts,
    prepare_summaries,
    prose_paragraphs,
    section_number,
)
from reportlint.testing.reports import SUBJECTS, SampleReport, render, write_reports
from reportlint.text.segmentation import Span, logical_paragraphs


def test_template_wording_pattern_takes_the_longest_phrase_at_each_position():
    phrases = ["政府信息公开", "政府信息公开申请", "信息公开工作", "依申请公开"]
    pattern = re.compile(_longest_first(phrases))
    text = "收到政府信息公开申请3件，政府信息公开工作，依申请公开"
    assert [match.group() for match in pattern.finditer(text)] == ["政府信息公开申请", "政府信息公开", "依申请公开"]
    # what the phrases as alternatives, longest first, find
    alternation = re.compile("|".join(sorted(phrases, key=len, reverse=True)))
    assert [match.span() for match in pattern.finditer(text)] == [match.span() for match in alternation.finditer(text)]
    assert _longest_first([]) == ""


def test_every_place_of_a_summary_is_where_its_document_locates_it(tmp_path):
    report = SampleReport.build("T2021", 2021, SUBJECTS[0], seed=1)
    paths = write_reports(tmp_path, {f"report{suffix}": report for suffix in (".txt", ".md", ".html", ".docx")})
    linter = Linter(RunOptions(isolated=True, cross_document=True))
    widths = {}
    for name, path in paths.items():
        loaded = linter.read(path, name)
        assert isinstance(loaded, Report)
        facts = compared_facts(loaded)
        assert facts.cells is not None and facts.paragraphs is not None and facts.sections is not None
        for places in (facts.cells.places, facts.paragraphs.places, facts.sections.places):
            for index in range(len(places)):
                assert places.location(index) == loaded.document.locate(*places.offsets(index)), (name, index)
        widths[name] = facts.cells.places.width
    assert widths["report.txt"] == 4, "a text file's cells are each on one line: four numbers a place"


def _read(tmp_path, name: str) -> Report:
    report = SampleReport.build("T2021", 2021, SUBJECTS[0], seed=1)
    paths = write_reports(tmp_path, {name: report})
    loaded = Linter(RunOptions(isolated=True, cross_document=True)).read(paths[name], name)
    assert isinstance(loaded, Report)
    return loaded


def test_the_banner_lines_that_run_into_the_title_are_no_prose(tmp_path):
    lines = (
        "某县人民政府",
        "政府信息公开",
        "某县某乡2021年政府信息公开工作年度报告",
        "根据《中华人民共和国政府信息公开条例》规定，现公布本报告。",
    )
    body = ("一、总体情况", "2021年，我乡全面推进政务公开，主动公开政府信息56条。")
    page = tmp_path / "page.html"
    page.write_text("<html><body>" + "".join(f"<p>{line}</p>" for line in (*lines, *body)) + "</body></html>", encoding="utf-8")
    loaded = Linter(RunOptions(isolated=True, cross_document=True)).read(page, "page.html")
    assert isinstance(loaded, Report)
    texts = [loaded.text[span.start : span.end] for span in prose_paragraphs(loaded, loaded.reading)]
    assert texts[0] == "根据《中华人民共和国政府信息公开条例》规定，现公布本报告。"
    assert not any("某县人民政府" in text or "年度报告" in text for text in texts)


def test_template_wording_is_blanked_on_the_lines_fingerprints_read_as_in_the_whole_text(tmp_path):
    report = _read(tmp_path, "report.txt")
    paragraphs = prose_paragraphs(report, report.reading)
    spans = [(span.start, span.end) for span in paragraphs]
    masked = _masked(report, report.places, spans)
    cited = _CITED.sub(_blank, _without_place_names(report.normalized, report.places))
    whole = _without_template_wording(_without_period_statement(cited, report.reading), report.templates)
    assert len(masked) == len(whole) == len(report.normalized)
    assert all(masked[start:end] == whole[start:end] for start, end in spans)
    table = report.reading.section("s3")
    assert table is not None
    label = report.normalized.index("本年新收政府信息公开申请数量", table.body_start)
    assert whole[label : label + 4] == "    ", "the whole text's search blanks the tables' row labels"
    assert masked[label : label + 4] == "本年新收", "a table line no fingerprint reads is left as it is"


def test_section_numbers_by_bisection_are_those_of_section_number(tmp_path):
    report = _read(tmp_path, "report.txt")
    numbers = _SectionNumbers(report.reading)
    positions = range(-1, len(report.text) + 1)
    assert [numbers(position) for position in positions] == [section_number(report.reading, position) for position in positions]
    assert {numbers(position) for position in positions} == {0, 1, 2, 3, 4, 5, 6}


def test_prepare_summaries_loads_the_signer_before_workers_fork():
    _signer.cache_clear()
    prepare_summaries()
    assert _signer.cache_info().currsize == 1


def _wrapped(tmp_path) -> Report:
    """A text report whose prose lines are hard-wrapped every 15 characters (a paragraph of several lines)."""
    lines = render(SampleReport.build("T2021", 2021, SUBJECTS[0], seed=1)).split("\n")
    wrapped = [line if "\t" in line else "\n".join(line[index : index + 15] for index in range(0, len(line), 15)) for line in lines]
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(wrapped), encoding="utf-8")
    loaded = Linter(RunOptions(isolated=True, cross_document=True)).read(path, path.name)
    assert isinstance(loaded, Report)
    return loaded


@pytest.mark.parametrize("name", ["report.txt", "report.html", "wrapped"])
def test_paragraphs_of_a_region_are_those_of_its_text(tmp_path, name):
    report = _wrapped(tmp_path) if name == "wrapped" else _read(tmp_path, name)
    text = report.normalized
    assert name != "wrapped" or any(text.count("\n", start, end) >= 2 for start, end in report.normalized_paragraphs)
    line_starts = [0, *(index + 1 for index, char in enumerate(text) if char == "\n")]
    # lines' starts and ends, and two positions inside lines
    boundaries = sorted({*line_starts[::3], *(start - 1 for start in line_starts[1::3]), 5, 17, len(text)})
    for start in boundaries:
        for end in boundaries:
            if start <= end:
                expected = [Span(found.start + start, found.end + start) for found in logical_paragraphs(text[start:end])]
                assert _region_paragraphs(report, start, end) == expected, (start, end)
