"""Counts in prose: the count pattern opens with a number's first character, and the search starts at the first
candidate; both find exactly what the plain search did."""

from __future__ import annotations

import re
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportlint.text import quantities
from reportlint.text.numbers import parse_amount
from reportlint.text.quantities import NUMBER, find_quantities

#: The count pattern as it was written before: a look-ahead, then NUMBER with its look-behinds first.
_LOOK_BEHIND_FIRST = re.compile(
    rf"(?=[\d零〇一二两三四五六七八九十百千万])(?P<number>{NUMBER})\s*+(?:(?P<wan>万)\s*+)?(?:(?P<about>余|多)\s*+)?"
    rf"(?P<unit>人次|件次|[{quantities._ONE_CHARACTER_UNITS}])"
)
_PIECES = [
    *"0123456789,. 万余多零〇一二两三十百千",
    "人次",
    "件次",
    "件",
    "条",
    "人",
    "民",
    "例",
    "第",
    "统",
    "约",
    "(",
    ")",
    "《",
    "》",
    "1,234",
    "12.5",
    "字",
    "，",
    "。",
    "３",
]


def _groups(match: re.Match[str]) -> tuple:
    return match.span(), match.group("number"), match.group("wan"), match.group("about"), match.group("unit")


@settings(max_examples=800)
@example(["1", ",", "234", "件"], 0)
@example(["3", ".", "5", "条", "十", "二", "件"], 0)
@given(st.lists(st.sampled_from(_PIECES), max_size=16), st.integers(min_value=0, max_value=8))
def test_the_count_pattern_matches_what_it_matched_with_the_look_behinds_first(pieces, start):
    text = "".join(pieces)
    start = min(start, len(text))
    assert [_groups(match) for match in quantities._QUANTITY.finditer(text, start)] == [
        _groups(match) for match in _LOOK_BEHIND_FIRST.finditer(text, start)
    ]


@settings(max_examples=800)
@example(["共", "1", "2", "3", "4", "件"], 0)
@given(st.lists(st.sampled_from(_PIECES), max_size=16), st.integers(min_value=0, max_value=8))
def test_counts_searched_from_the_first_candidate_are_those_searched_from_the_start(pieces, start):
    text = "".join(pieces)
    start = min(start, len(text))
    with patch.object(quantities, "_count_scan_start", lambda text, start, first: start):
        from_the_start = find_quantities(text, start)
    assert find_quantities(text, start) == from_the_start


def test_a_count_whose_number_starts_before_the_first_candidate():
    text = "2021年共收到申请1,234件，办结一千二百件，约 3 万余人次"
    assert quantities._count_scan_start(text, 0, text.index("4件")) == text.index("1,234")
    assert [(quantity.value, quantity.unit, quantity.approximate) for quantity in find_quantities(text)] == [
        (1234, "件", False),
        (1200, "件", False),
        (30000, "人次", True),
    ]


def test_plain_ascii_digits_are_read_directly_and_too_many_are_no_number():
    assert parse_amount("0012") == 12
    assert parse_amount("1" * 18) == int("1" * 18)
    assert parse_amount("1" * 19) is None
    assert parse_amount("1,031") == 1031 and parse_amount("十二") == 12
