"""Year-over-year changes stated in prose."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportlint.text.changes import find_changes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收到申请15件,较上年增加12件。", [("12", "件", None)]),
        ("同比下降15%", [("-15", "%", None)]),
        ("比去年减少3件", [("-3", "件", None)]),
        ("与上年相比增加2件", [("2", "件", None)]),
        ("与上年持平", [("0", "", None)]),
        ("较2020年增长20.5%", [("20.5", "%", 2020)]),
        ("较上年增加12件,增长80%", [("12", "件", None), ("80", "%", None)]),
        ("同比增加三件", [("3", "件", None)]),
        ("较上年提高2个百分点", []),
        ("较上年增加一倍", []),
        ("全年增加12件", []),
    ],
)
def test_changes_against_last_year(text, expected):
    found = find_changes(text)
    assert [(str(change.amount), change.unit, change.year) for change in found] == expected
    for change in found:
        assert text[change.start : change.end].startswith(("较", "同", "比", "与", "增"))


def test_resolution_is_the_last_written_digit():
    [change] = find_changes("同比下降15.5%")
    assert change.resolution == Decimal("0.1") and change.is_percentage
