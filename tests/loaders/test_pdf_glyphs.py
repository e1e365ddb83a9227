"""A PDF table cell's text from its glyphs: visual lines in order, word gaps, wrapped lines joined."""

from __future__ import annotations

import pytest

from reportlint.loaders.pdf.glyphs import Glyph, cell_text, join_lines


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("（四）无", "法提供", "（四）无法提供"),
        ("57", "万元", "57万元"),
        ("12", "34", "1234"),
        ("Annual", "report", "Annual report"),
        ("ISO", "9001", "ISO 9001"),
        ("", "法提供", "法提供"),
    ],
)
def test_wrapped_lines_join_without_a_space_except_between_western_words(first, second, joined):
    assert join_lines(first, second) == joined


def test_cell_text_reads_lines_top_down_and_left_to_right_whatever_the_drawing_order():
    glyphs = [
        Glyph("提", 20, 30, 88, 10),
        Glyph("供", 30, 40, 88, 10),
        Glyph("无", 30, 40, 100.5, 10),  # on the first line, a little off its baseline
        Glyph("（", 0, 10, 100, 10),
        Glyph("法", 10, 20, 88, 10),
        Glyph("四", 10, 20, 100, 10),
        Glyph("）", 20, 30, 100, 10),
    ]
    assert cell_text(glyphs) == "（四）无法提供"


def test_cell_text_keeps_a_word_gap_as_one_space():
    glyphs = [Glyph("1", 0, 5, 100, 10), Glyph(".", 5, 8, 100, 10), Glyph("属", 20, 30, 100, 10), Glyph("于", 30, 40, 100, 10)]
    assert cell_text(glyphs) == "1. 属于"


def test_narrow_spaces_next_to_chinese_are_only_spacing():
    """LibreOffice draws "信 息" with a narrow gap (and sometimes a space glyph); Western words keep their space."""
    chinese = [Glyph("信", 0, 10, 100, 10), Glyph(" ", 10, 13, 100, 10), Glyph("息", 13, 23, 100, 10), Glyph("2", 26, 31, 100, 10)]
    western = [Glyph("a", 0, 5, 100, 10), Glyph(" ", 5, 8, 100, 10), Glyph("b", 8, 13, 100, 10)]
    assert (cell_text(chinese), cell_text(western)) == ("信息2", "a b")
