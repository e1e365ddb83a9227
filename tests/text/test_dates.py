"""Date patterns: written to open with a character (so the engine skips the other positions), they match as before."""

from __future__ import annotations

import re
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportlint.rules.rl5_dates import GarbledDate
from reportlint.text import dates
from reportlint.text.normalize import fold_width, normalize
from reportlint.text.ordinals import chinese_number

_YEAR = r"(?:19|20)\d{2}"
#: The same patterns with the look-behind before the first character, as they were written before.
LOOK_BEHIND_FIRST = {
    dates._ARABIC: re.compile(r"(?=\d)(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
    dates._ISO: re.compile(r"(?=\d)(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])"),
    dates.GLUED_DAY: re.compile(rf"(?=[12])(?<![\d.\-/])({_YEAR})(\d{{1,4}})\s*日"),
    dates.GLUED_MONTH: re.compile(rf"(?=[12])(?<![\d.\-/])({_YEAR})(\d{{1,2}})\s*月"),
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
    assert [match.group() for match in dates.GLUED_DAY.finditer("1.20201230日 20201230日")] == ["20201230日"]


def _dates_by_scanning(text: str, start: int = 0) -> list[tuple[int, int, int, int, int]]:
    """What find_dates found when it scanned with each full pattern (before it looked for the patterns' marks)."""
    folded = fold_width(text)
    found = [(match.start(), match.end(), *(int(group) for group in match.groups())) for match in dates._ARABIC.finditer(folded, start)]
    for match in dates._ISO.finditer(folded, start):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if 1980 <= year <= 2100 and 1 <= month <= 12:
            found.append((match.start(), match.end(), year, month, day))
    for match in dates._CHINESE.finditer(folded, start):
        year = int("".join(dates._CHINESE_YEAR_DIGITS[char] for char in match.group(1)))
        found.append((match.start(), match.end(), year, chinese_number(match.group(2)) or 0, chinese_number(match.group(3)) or 0))
    return sorted(found)


@settings(max_examples=600)
@given(
    st.lists(
        st.sampled_from(
            [
                "2021",
                "1999",
                "20211",
                "二〇二一",
                "一九九九",
                "年",
                "月",
                "日",
                "号",
                "-",
                "/",
                ".",
                " ",
                "\n",
                "12",
                "1",
                "31",
                "十二",
                "三十一",
                "至",
                "字",
                "２０２１",
            ]
        ),
        max_size=16,
    ),
    st.integers(min_value=0, max_value=12),
)
def test_dates_found_at_their_marks_are_those_a_scan_finds(pieces, start):
    text = "".join(pieces)
    start = min(start, len(text))
    assert [(m.start, m.end, m.year, m.month, m.day) for m in dates.find_dates(text, start)] == _dates_by_scanning(text, start)
    # a text without anything to fold (a report's normalised view) gives the same dates without folding it again
    normalized = normalize(text)
    assert dates.find_dates(normalized, start, folded=True) == dates.find_dates(normalized, start)


def test_a_date_is_found_by_its_mark_with_spaces_before_its_year_mark_and_in_every_form():
    text = "统计期限2021 年1月1日至2021-12-31，另见2020/3/4、2019.12.1和二〇二一年一月二十日"
    assert [mention.raw for mention in dates.find_dates(text)] == [
        "2021 年1月1日",
        "2021-12-31",
        "2020/3/4",
        "2019.12.1",
        "二〇二一年一月二十日",
    ]
    assert [mention.raw for mention in dates.find_dates(text, text.index("021 年"))] == [
        "2021-12-31",
        "2020/3/4",
        "2019.12.1",
        "二〇二一年一月二十日",
    ]


@settings(max_examples=400)
@example(["2021", "年", "1", "月", "1", "至", "12", "月", "31", "日"])  # no 日 after the first date
@example(["20201230", "日", " ", "202211", "月"])  # glued
@example(["2021", "年", "123", "月", "、", "2021", "年", "1", "月", "123", "日"])  # overlong
@given(
    st.lists(
        st.sampled_from(["2021", "20201230", "202211", "年", "月", "日", "号", "至", "到", " ", "1", "12", "123", "个", "、"]), max_size=12
    )
)
def test_garbled_dates_found_with_the_hints_are_those_found_without(pieces):
    text = "".join(pieces)
    rule = GarbledDate.__new__(GarbledDate)
    with (
        patch.object(GarbledDate, "_GLUED_HINTS", (re.compile(""),)),
        patch.object(GarbledDate, "_OVERLONG_HINTS", (re.compile(""),)),
        patch.object(GarbledDate, "_NO_DAY_MARK_HINT", re.compile("")),
    ):
        unhinted = list(rule._findings(text, text))
    assert list(rule._findings(text, text)) == unhinted


def test_each_hint_lets_its_pattern_find_its_date():
    rule = GarbledDate.__new__(GarbledDate)
    text = "统计期限为2022年1月1至12月31日，20201230日，202211月，2021年123月"
    assert [text[start:end] for start, end, _ in rule._findings(text, text)] == ["2021年123月", "20201230日", "202211月", "2022年1月1"]


def test_a_range_of_glued_dates_is_read_as_the_dates_meant():
    found = dates.repaired_date_range("所列数据统计时限为20231月1日至202312月31日。")
    assert found is not None
    assert (found.first.date, found.last.date) == (dates.dt.date(2023, 1, 1), dates.dt.date(2023, 12, 31))
    both_days = dates.repaired_date_range("统计期限自202011日至20201231日止")
    assert both_days is not None and (both_days.first.date, both_days.last.date) == (dates.dt.date(2020, 1, 1), dates.dt.date(2020, 12, 31))
    year_less_end = dates.repaired_date_range("统计期限为202511日至1231日")
    assert year_less_end is not None and year_less_end.last.date == dates.dt.date(2025, 12, 31)


def test_a_range_without_glued_dates_or_an_ambiguous_one_is_not_repaired():
    assert dates.repaired_date_range("统计期限自2023年1月1日至2023年12月31日止") is None  # nothing to repair
    assert dates.repaired_date_range("统计期限自2023111日至2023年12月31日止") is None  # 2023 + 111: which month?
