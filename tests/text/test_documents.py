"""Document numbers in text: the bracketed years RL506 reads, and where a text cites one number."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reportlint.text.chars import matches_at
from reportlint.text.documents import BRACKETED_YEAR, BRACKETED_YEAR_FIRSTS, citations


@given(
    st.lists(
        st.sampled_from(["〔", "〕", "(", ")", "[", "【", "<", "2019", "60", " ", "号", "第", "-", "文", "〔2021〕1号"]), max_size=14
    ).map("".join)
)
@example("〔2019〔2020〕3号")
@example("(2019(2020)3号")
def test_bracketed_years_found_at_the_brackets_are_those_a_scan_finds(text):
    assert [match.span() for match in matches_at(BRACKETED_YEAR, text, BRACKETED_YEAR_FIRSTS)] == [
        match.span() for match in BRACKETED_YEAR.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("按国办公开办函〔2019〕60号要求", ["〔2019〕60号"]),
        ("按国办公开办函[2019]60号和(2019)60号要求", ["[2019]60号", "(2019)60号"]),
        ("按国办公开办函〔 2019 〕 60 号要求", ["〔 2019 〕 60 号"]),
        ("按国办公开办函〔2019〕601号、〔2021〕60号、〔201960号、〔2019〕60要求", []),
    ],
)
def test_citations_of_one_number_whatever_its_brackets(text, found):
    assert [text[start:end] for start, end in citations(text, "国办公开办函〔2019〕60号")] == found


def test_a_number_not_written_as_a_document_number_is_never_cited():
    assert list(citations("按〔2019〕60号要求", "某省的格式通知")) == []
