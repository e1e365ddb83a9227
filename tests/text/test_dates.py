"""Date patterns: written to open with a character (so the engine skips the other positions), they match as before."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.rules.rl5_dates import GarbledDate
from reportlint.text import dates

_YEAR = r"(?:19|20)\d{2}"
#: The same patterns with the look-behind before the first character, as they were written before.
LOOK_BEHIND_FIRST = {
    dates._ARABIC: re.compile(r"(?=\d)(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
    dates._ISO: re.compile(r"(?=\d)(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])"),
    GarbledDate._GLUED_DAY: re.compile(rf"(?=[12])(?<![\d.\-/])({_YEAR})(\d{{1,4}})\s*日"),
    GarbledDate._GLUED_MONTH: re.compile(rf"(?=[12])(?<![\d.\-/])({_YEAR})(\d{{1,2}})\s*月"),
    dates.YEAR_MENTION: re.compile(r"(?=[12])(?<!\d)(19[89]\d|20\d\d)\s*(?=年)"),
    GarbledDate._OVERLONG: re.compile(
        rf"(?=[12])(?<!\d){_YEAR}\s*年\s*(?:\d{{3,}}\s*月(?:\s*\d+\s*[日号])?|\d{{1,2}}\s*月\s*\d{{3,}}\s*[日号])"
    ),
}


@settings(max_examples=400)
@given(st.text(alphabet="01289 年月日号-/.至到\n３٣", max_size=30))
def test_the_patterns_match_what_they_matched_with_the_look_behind_first(text):
    for pattern, before in LOOK_BEHIND_FIRST.items():
        assert [(match.span(), match.groups()) for match in pattern.finditer(text)] == [
            (match.span(), match.groups()) for match in before.finditer(text)
        ], (pattern.pattern, text)


def test_a_year_right_after_a_digit_or_a_date_separator_is_no_date():
    assert [mention.raw for mention in dates.find_dates("12020年1月1日 2020年1月2日")] == ["2020年1月2日"]
    assert [match.group() for match in GarbledDate._GLUED_DAY.finditer("1.20201230日 20201230日")] == ["20201230日"]
