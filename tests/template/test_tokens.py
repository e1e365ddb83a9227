"""Table tokens of text lines: a line's tokens are remembered by its text and placed where the line stands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source
from reportlint.template.tokens import (
    _MAX_SPACE_LABEL,
    _PIPE_CLOSED_CELL,
    _PIPE_CLOSED_LINE,
    _SENTENCE_END,
    _physical_lines,
    _plain_lines,
    _space_pieces,
    region_rows,
)
from reportlint.text.numbers import parse_cell
from reportlint.text.segmentation import line_spans


def _document(text: str):
    return load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry_for(Config()))


def test_the_same_row_twice_gives_tokens_at_each_place():
    row = "一、本年新收政府信息公开申请数量\t5\t0\t１\t0\n"
    text = "前言。\n" + row + "\n  " + row
    document = _document(text)
    rows = region_rows(document, len("前言。\n"), len(text))
    assert len(rows) == 2
    for raw in rows:
        assert [token.kind for token in raw.tokens] == ["text", "value", "value", "value", "value"]
        for token in raw.tokens:
            assert text[token.start : token.end] == token.text
    assert rows[1].tokens[0].start - rows[0].tokens[0].start == len(row) + 3
    assert rows[0].tokens[3].text == "１" and rows[0].tokens[3].cell.value == 1  # the original text, read folded


def test_a_cell_text_met_again_gives_a_token_at_its_own_place_with_its_own_original_text():
    """make_token() remembers what it read of a cell text: a second cell with the same text gets its own range, and
    a cell whose original differs (full-width digit) keeps its original raw text."""
    from reportlint.template.tokens import make_token

    text = " 12 | 12 |１2"
    normalized = " 12 | 12 |12"  # the normalised view folds the full-width digit, offsets unchanged
    first = make_token(text, text, 0, 4)
    second = make_token(text, text, 5, 9, column=3)
    assert (first.start, first.end, first.text, first.kind, first.cell.value) == (1, 3, "12", "value", 12)
    assert (second.start, second.end, second.text, second.column) == (6, 8, "12", 3)
    folded = make_token(normalized, text, 10, 12)
    assert (folded.start, folded.end, folded.text, folded.cell.value) == (10, 12, "１2", 12)
    blank = make_token(text, text, 3, 4)  # a space alone: an empty range in its middle
    assert (blank.kind, blank.start, blank.end) == ("blank", 3, 3)


def test_a_region_of_tab_indented_cells_in_blank_line_separated_groups_is_read_one_group_a_row():
    """Cells pasted one per tab-indented line, rows separated by empty lines (Word's layout): one row per group."""
    text = "表格\n\t（一）予以公开\n\t3\n\t4\n\n\t（二）部分公开\n\t1\n\t\n"
    document = _document(text)
    rows = region_rows(document, len("表格\n"), len(text))
    assert [[token.text for token in row.tokens] for row in rows] == [["（一）予以公开", "3", "4"], ["（二）部分公开", "1", ""]]
    assert all(row.explicit_blanks for row in rows)


_LINE_PIECES = st.sampled_from(["", "a", "行政许可\t5", "\r", " ", "|", "| 0 |", "\t"])


@given(st.lists(_LINE_PIECES, max_size=8).map("\n".join), st.integers(0, 3))
def test_a_regions_lines_start_where_its_text_says(text, offset):
    region = "x" * offset + text
    starts, lines = _plain_lines(region, offset, len(region))
    expected = text.split("\n")
    if not expected[-1]:
        expected.pop()
    position = offset
    pairs = []
    for line in expected:
        pairs.append((position, line[:-1] if line.endswith("\r") else line))
        position += len(line) + 1
    assert list(zip(starts, lines, strict=False)) == pairs
    assert all(region.startswith(line, start) for start, line in pairs)


def test_a_pipe_row_whose_cells_wrap_over_lines_is_one_physical_line():
    text = "前言\n| 行政许可\n 5 |\r\n 0 |\n\n其他 |\n"
    starts, lines = _physical_lines(text, len("前言\n"), len(text))
    row_start = len("前言\n")
    assert list(zip(starts, lines, strict=True)) == [
        (row_start, "| 行政许可\n 5 |\r\n 0 |"),  # the row opened by | and the lines ending with | after it
        (text.index("\n\n") + 1, ""),
        (text.index("其他"), "其他 |"),  # a blank line closes the row
    ]


@given(
    st.lists(st.sampled_from(["", " ", "0 |", " 0 |\r", "|", "||", "| 0 | 1 |", "a\t|", "申请人 |  ", "\u2028|", "x|y"]), max_size=8).map(
        "\n".join
    )
)
def test_the_lines_closed_by_a_pipe_are_found_at_once_as_line_by_line(text):
    by_line = sum(1 for line in line_spans(text) if _PIPE_CLOSED_CELL.fullmatch(text, line.start, line.end))
    assert len(_PIPE_CLOSED_LINE.findall(text)) == by_line


_REGIONS = [
    "一、本年新收政府信息公开申请数量\t5\t0\t1\t0\n\n行政许可\t29\n",  # read as written
    "（一）予以公开\t５\t0\n“行政许可”\t29\n\n总计 3 0 1\n",  # full-width marks: the normalised text differs
    "（一）予以公开\t５\t0\r\n行政许可\t29\r\n",  # carriage returns
    "| （一）予以公开 | ５ | 0 |\n| 行政许可 | 29 |\n",  # pipes
    "\t自然人\n\t5\n\n\t商业企业\n\t１\n",  # tab-indented cells grouped by blank lines
]


@pytest.mark.parametrize("text", _REGIONS)
def test_rows_read_from_remembered_lines_are_the_rows_read_afresh(text, monkeypatch):
    """The lines' remembered tokens, looked up at once for a whole region, give the rows reading every line gives."""
    from reportlint.template import tokens

    document = _document("前言。\n" + text)
    tokens._LINE_TOKENS.clear()
    afresh = region_rows(document, len("前言。\n"), len(document.text))
    assert tokens._LINE_TOKENS  # the lines now remembered
    monkeypatch.setattr(tokens, "_line_cells", lambda *arguments: pytest.fail("a remembered line read again"))
    remembered = region_rows(document, len("前言。\n"), len(document.text))
    assert remembered == afresh
    assert all(document.text[token.start : token.end] == token.text for row in afresh for token in row.tokens)


@given(st.lists(_LINE_PIECES, max_size=8).map("\n".join), st.integers(0, 60), st.integers(0, 60))
def test_a_region_of_whole_lines_takes_the_documents_lines_as_plain_lines_splits_them(text, start, end):
    """_whole_lines gives the lines and starts _plain_lines gives, for every region it takes (whole lines without
    carriage returns: it starts at a line's start, ends at a line's end or the next line's start), and takes those."""
    from reportlint.template.tokens import _whole_lines

    document = _document("前言\n" + text)
    normalized = document.normalized
    start, end = sorted((min(start, len(normalized)), min(end, len(normalized))))
    whole = _whole_lines(document, start, end)
    at_line_start = start == 0 or normalized[start - 1] == "\n"
    at_line_end = end in (start, len(normalized)) or normalized[end] == "\n" or normalized[end - 1] == "\n"
    takes = at_line_start and at_line_end and "\r" not in normalized[start:end]
    assert (whole is not None) == takes
    if whole is not None:
        starts, lines = whole
        plain_starts, plain_lines = _plain_lines(normalized, start, end)
        assert list(lines) == plain_lines
        assert list(starts) == list(plain_starts)[: len(plain_lines)]


def _space_pieces_word_by_word(line: str) -> list[tuple[int, int]] | None:
    """What _space_pieces gives, word by word: the label's words up to the first value, then only values."""
    words = [match.span() for match in re.finditer(r"\S+", line)]
    if len(words) < 2:
        return None
    first_value = next((index for index, (s, e) in enumerate(words) if parse_cell(line[s:e]).kind in ("number", "none-mark")), None)
    if first_value is None:
        return None
    tail = words[first_value:]
    if any(parse_cell(line[s:e]).kind not in ("number", "none-mark") for s, e in tail):
        return None
    label = words[:first_value]
    if label and (_SENTENCE_END.search(line[label[0][0] : label[-1][1]]) or label[-1][1] - label[0][0] > _MAX_SPACE_LABEL):
        return None
    return ([(label[0][0], label[-1][1])] if label else []) + tail


_SPACE_WORDS = st.sampled_from(
    ["0", "12", "+3", "1,234", "5.5万元", "无", "-", "—", "&nbsp;", "1.", "属于国家秘密", "（一）", "x。", "a;", "很" * 31, "１２"]
)
_SPACES = st.sampled_from([" ", "  ", "\u3000", "\xa0", "\x1c", "\u2028"])


@given(st.lists(st.tuples(_SPACES, _SPACE_WORDS), max_size=7).map(lambda pairs: "".join(space + word for space, word in pairs)), _SPACES)
def test_a_space_separated_row_is_split_as_reading_it_word_by_word_splits_it(line, trailing):
    """_space_pieces reads the words' kinds at once (str.split, C-level maps); it splits every line as reading each
    word on its own does, whitespace of every kind included."""
    assert _space_pieces(line + trailing) == _space_pieces_word_by_word(line + trailing)
    assert _space_pieces(line) == _space_pieces_word_by_word(line)
