"""The report's per-document analysis: computed once, shared by the rules, the same as the text toolkit's functions give."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.selection import build_rule_set
from reportlint.sources import Source, detect_format
from reportlint.testing.reports import SampleReport, render
from reportlint.text.chrome import is_chrome_line
from reportlint.text.dates import find_dates
from reportlint.text.normalize import fold_width, normalize
from reportlint.text.quantities import find_enumerations
from reportlint.text.segmentation import iter_lines, iter_sentences, logical_paragraphs


def report_of(text: str, name: str = "r.txt"):
    config = Config()
    rule_set = build_rule_set(config)
    data = text.encode("utf-8")
    source = Source(Path(name), name, data, detect_format(data, Path(name).suffix))
    return rule_set.registry.report(load_document(source, rule_set.registry), config, Path(name))


@pytest.fixture(scope="module")
def report():
    sample = SampleReport.build("T2021", 2021, seed=4).with_text_replaced("，", ",", 1)
    text = "您当前的位置：首页 > 政务公开\n" + render(sample, "cells") + "（附：2022年1月5日印发）\n"
    return report_of(text)


def test_the_analysis_is_what_the_toolkit_finds(report):
    text, normalized = report.text, report.normalized
    assert report.lines == tuple(iter_lines(text)) == tuple(iter_lines(normalized))
    assert report.paragraphs == tuple(logical_paragraphs(text))
    assert report.normalized_paragraphs == tuple(logical_paragraphs(normalized))
    assert report.sentences == tuple(iter_sentences(normalized))
    assert report.enumerations == find_enumerations(normalized) and report.enumerations
    assert report.dates == tuple(find_dates(text)) and report.dates
    assert report.folded == fold_width(text)
    expected_chrome = {
        line.start
        for line in iter_lines(normalized)
        if normalized[line.start : line.end].strip() and is_chrome_line(normalized[line.start : line.end])
    }
    assert report.chrome_lines == expected_chrome == {0}


@pytest.mark.parametrize(
    ("text", "converted"),
    [
        ("２０２１年政府信息公开工作年度报告\n本年度“收到”申请３件。\n", False),
        ("本年度收到申请3件。\n", False),
        ("２０２１年政府資訊公開工作報告\n這個單位對於公開「申請」辦理３件。\n", True),
    ],
)
def test_a_view_not_converted_from_traditional_script_has_nothing_left_to_fold(text, converted):
    report = report_of(text)
    assert report.from_traditional is converted and report.document.from_traditional is converted
    assert report.normalized == normalize(report.text)
    assert (fold_width(report.normalized) == report.normalized) or converted
    assert report.normalized_paragraphs == tuple(logical_paragraphs(report.normalized))
    # (cut from the normalised lines as the document split them, unless converted: the same as the text's own)
    assert report.paragraphs == tuple(logical_paragraphs(report.text))


def test_sentences_in_a_range_are_those_the_toolkit_finds_there(report):
    start, end = len(report.text) // 3, len(report.text) // 2
    assert report.sentences_in(start, end) == list(iter_sentences(report.normalized, start, end))
    assert find_enumerations(report.normalized, start, end, sentences=report.sentences) == find_enumerations(report.normalized, start, end)


def test_each_analysis_is_computed_once(report):
    assert report.lines is report.lines
    assert report.sentences is report.sentences
    assert report.enumerations is report.enumerations


def test_shared_analyses_are_computed_once_per_report_and_function():
    first, second = report_of("一、总体情况\n本年度工作。\n"), report_of("一、总体情况\n另一份报告。\n")
    calls = []

    def count_lines(report):
        calls.append(report)
        return len(report.lines)

    def other(report):
        return "other"

    assert first.shared(count_lines) == first.shared(count_lines) == 3
    assert second.shared(count_lines) == 3
    assert first.shared(other) == "other"
    assert calls == [first, second]
