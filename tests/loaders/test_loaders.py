"""The loaders' shared helpers (``reportlint.loaders``): one paragraph per non-blank line."""

from __future__ import annotations

from reportlint.core.model import Paragraph
from reportlint.loaders import line_paragraphs


def _spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    paragraphs = line_paragraphs(text, start, end)
    assert all(type(paragraph) is Paragraph for paragraph in paragraphs)
    return [(paragraph.start, paragraph.end) for paragraph in paragraphs]


def test_each_non_blank_line_is_a_paragraph_without_its_carriage_returns():
    text = "标题\r\n\r\n  \n第一段。\r\r\n\u3000\n第二段\n"
    assert _spans(text) == [(0, 2), (9, 13), (18, 21)]
    assert [text[start:end] for start, end in _spans(text)] == ["标题", "第一段。", "第二段"]


def test_a_range_of_the_text_keeps_offsets_in_the_whole_text():
    text = "前言\n一、总体情况\n正文\n附件"
    start, end = text.index("一"), text.index("附")
    assert _spans(text, start, end) == [(3, 9), (10, 12)]
    assert _spans(text, start, end - 1) == [(3, 9), (10, 12)]


def test_paragraphs_made_fast_equal_paragraphs_made_as_usual():
    made = line_paragraphs("甲\n乙")
    assert made == [Paragraph(0, 1), Paragraph(2, 3)]
    assert hash(made[0]) == hash(Paragraph(0, 1)) and repr(made[1]) == "Paragraph(start=2, end=3)"


def test_text_without_lines_has_no_paragraphs():
    assert line_paragraphs("") == []
    assert line_paragraphs(" \n\t\r\n") == []
