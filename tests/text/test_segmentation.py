"""Lines, paragraphs, sentences and bracket depths of report text."""

from __future__ import annotations

from reportlint.text.dates import find_date_range, find_dates
from reportlint.text.segmentation import Span, bracketed, iter_lines


def test_spans_are_small_named_tuples():
    span = Span(3, 7)
    assert (span.start, span.end) == (3, 7) and span == (3, 7)
    assert list(iter_lines("一\r\n二\n")) == [Span(0, 1), Span(3, 4), Span(5, 5)]


def test_bracketed_marks_the_brackets_and_what_they_hold():
    text = "甲（乙《丙》）丁）戊（己"
    inside = bracketed(text, 0, len(text))
    assert "".join(char for char, flag in zip(text, inside, strict=True) if flag) == "（乙《丙》）（己"
    # a stray closer outside brackets is not inside; a range starting inside an aside does not know it
    assert bracketed(text, 3, 7) == [True, True, True, False]
    assert bracketed(text, 4, 4) == []


def test_dates_in_a_range_see_the_character_before_it():
    text = "12020年1月5日和2021年2月3日，2021-03-04"
    assert [mention.raw for mention in find_dates(text, 1)] == ["2021年2月3日", "2021-03-04"]
    assert [mention.raw for mention in find_dates(text, 11)] == ["2021年2月3日", "2021-03-04"]
    assert [mention.raw for mention in find_dates(text, 12)] == ["2021-03-04"]  # “021年…” follows a digit: no date
    assert [mention.raw for mention in find_dates("２０２１年２月３日")] == ["２０２１年２月３日"]
    period = "本报告所列数据的统计期限自2021年1月1日起至12月31日止。"
    found = find_date_range(period, 5, len(period))
    assert found is not None and (found.first.raw, found.last.raw, found.last.year) == ("2021年1月1日", "12月31日", 2021)
