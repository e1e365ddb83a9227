"""Lines, paragraphs, sentences and bracket depths of report text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.text.dates import find_date_range, find_dates
from reportlint.text.normalize import has_traditional, normalize
from reportlint.text.segmentation import (
    Span,
    bracketed,
    iter_lines,
    iter_sentences,
    line_spans,
    paragraph_spans,
    paragraphs_and_prose,
    sentence_spans,
    separated_starts,
    span_index,
)


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


@given(
    st.lists(
        st.sampled_from(
            [
                "一",
                "公开",
                "。",
                "！",
                "？",
                "；",
                "：",
                "，",
                "!",
                ";",
                "\t",
                " ",
                "\u3000",
                "\r",
                "\n",
                "（zhèn）",
                "镇(zhèn)",
                "??",
                "“",
                "”",
            ]
        ),
        max_size=30,
    )
)
def test_folding_keeps_the_paragraphs_of_a_text_in_simplified_script(pieces):
    # Report.normalized_paragraphs reuses the text's paragraphs unless the text was converted from traditional script
    text = "".join(pieces)
    assert not has_traditional(text)
    normalized = normalize(text)
    assert paragraph_spans(normalized, line_spans(normalized)) == paragraph_spans(text, line_spans(text))


def _lines_one_by_one(text: str) -> list[Span]:
    """Lines as a loop over ``split`` finds them (what :func:`line_spans` computes from the lengths)."""
    spans, position = [], 0
    for line in text.split("\n"):
        spans.append(Span(position, position + len(line.rstrip("\r") if line.endswith("\r") else line)))
        position += len(line) + 1
    return spans


def _sentences_char_by_char(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences as a loop over every character of each paragraph finds them (what :func:`sentence_spans` computes)."""
    end = len(text) if end is None else end
    found = []
    for paragraph in paragraph_spans(text, line_spans(text)):
        if paragraph.end <= start or paragraph.start >= end or "\t" in text[paragraph.start : paragraph.end]:
            continue
        cuts = [index + 1 for index in range(paragraph.start, paragraph.end) if text[index] in "。！？!?"]
        for left, right in zip([paragraph.start, *cuts], [*cuts, paragraph.end], strict=True):
            while left < right and text[left].isspace():
                left += 1
            while right > left and text[right - 1].isspace():
                right -= 1
            if left < right and right > start and left < end:
                found.append(Span(left, right))
    return found


_PIECES = st.sampled_from(
    ["一", "公开", "。", "！", "？", "!", "?", "；", "：", "，", "\t", " ", "\u3000", "\u00a0", "\x85", "\r", "\n", "\r\n"]
)


@given(st.lists(_PIECES, max_size=40).map("".join), st.integers(-2, 45), st.integers(-2, 45))
def test_lines_and_sentences_are_what_a_loop_over_characters_finds(text, start, end):
    assert line_spans(text) == _lines_one_by_one(text)
    assert sentence_spans(text) == _sentences_char_by_char(text)
    assert sentence_spans(text, start, end) == _sentences_char_by_char(text, start, end)
    assert list(iter_sentences(text, start)) == _sentences_char_by_char(text, start)


def test_the_span_holding_a_position_or_none():
    spans = [Span(2, 5), Span(5, 7), Span(9, 12)]
    starts = [span.start for span in spans]
    assert [span_index(spans, starts, position) for position in range(14)] == [-1, -1, 0, 0, 0, 1, 1, -1, -1, 2, 2, 2, -1, -1]


@pytest.mark.parametrize(
    ("pieces", "first"),
    [([], 0), (["甲"], 0), (["第一行", "", "第三行"], 7), (["", ""], 0), (["a\r", "二"], 3)],
)
def test_separated_starts_are_where_each_piece_of_a_joined_text_starts(pieces, first):
    joined = "\n".join(pieces)
    starts = list(separated_starts(map(len, pieces), first))
    assert starts[-1] == first + sum(len(piece) + 1 for piece in pieces)  # the start past the last piece (and its separator)
    assert [joined[start - first : start - first + len(piece)] for start, piece in zip(starts, pieces, strict=False)] == pieces


@given(st.text(alphabet=list("ab 。；：\t\n\r\u3000"), max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_prose_paragraphs_are_the_paragraphs_without_a_tab(text, start, end):
    paragraphs, prose = paragraphs_and_prose(text, line_spans(text))
    assert paragraphs == paragraph_spans(text, line_spans(text))
    # the lines' texts given (split already) cut the same paragraphs
    lines = line_spans(text)
    assert paragraphs_and_prose(text, lines, [text[line.start : line.end] for line in lines]) == (paragraphs, prose)
    assert prose == [paragraph for paragraph in paragraphs if "\t" not in text[paragraph.start : paragraph.end]]
    # the sentences of the prose paragraphs alone are those of every paragraph
    assert sentence_spans(text, start, end, prose, prose_only=True) == sentence_spans(text, start, end, paragraphs)
