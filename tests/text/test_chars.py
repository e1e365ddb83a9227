"""Character classes: spaces between Han characters."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reportlint.text.chars import HAN, matches_at, positions_of, spaces_between_han, without_spaces_between_han


def test_spaces_between_han_characters_are_found_as_runs():
    text = "公 开  公\u3000开 1 2 a 公"
    assert [match.span() for match in spaces_between_han(text)] == [(1, 2), (3, 5), (6, 7)]


@given(st.text(alphabet="公开 \u3000a1\n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_spaces_between_han_are_the_runs_the_plain_pattern_finds(text, start, end):
    plain = re.compile(f"(?<=[{HAN}])[ \u3000]+(?=[{HAN}])")
    assert [match.span() for match in spaces_between_han(text, start, end)] == [match.span() for match in plain.finditer(text, start, end)]


def test_positions_of_characters_in_order():
    assert positions_of("（一）“公开”（二）", "（“") == [0, 3, 7]
    assert positions_of("（一）“公开”（二）", "（“", 1, 6) == [3]
    assert positions_of("公开", "《") == []


@given(st.text(alphabet="公(（“a", max_size=20), st.integers(0, 20), st.integers(0, 20))
def test_positions_of_is_every_index_of_the_characters(text, start, end):
    assert positions_of(text, "(“", start, end) == [index for index in range(start, min(end, len(text))) if text[index] in "(“"]


def test_matches_at_finds_the_matches_of_a_scan_starting_at_the_marks():
    year = re.compile(r"[〔\[]\s*\d+\s*[〕\]]?号?")  # starts with an opening bracket and holds no other
    text = "文号〔2019〕60号和[2020]及〔2021没有"
    assert [match.group() for match in matches_at(year, text, "〔[")] == ["〔2019〕", "[2020]", "〔2021"]
    assert [match.span() for match in matches_at(year, text, "〔[")] == [match.span() for match in year.finditer(text)]
    assert matches_at(year, "没有括号", "〔[") == []


@given(st.text(alphabet="公开 \u3000a1\n", max_size=30))
def test_without_spaces_between_han_is_the_text_the_plain_pattern_leaves(text):
    assert without_spaces_between_han(text) == re.sub(f"(?<=[{HAN}])[ \u3000]+(?=[{HAN}])", "", text)
