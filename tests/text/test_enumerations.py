"""Enumeration markers: styles, values, nesting levels, and what is not a list item."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reportlint.text.enumerations import _marker_matches, find_markers
from reportlint.text.normalize import normalize


def markers(text: str):
    return [(marker.style.name, marker.value, text[marker.start : marker.end].strip()) for marker in find_markers(normalize(text))]


def test_every_style_with_its_value():
    text = "一、总体情况\n（一）主动公开。1、网站；2. 微信；（3）公开栏。\n主要做法：一是加强领导，二是完善制度。第一，提高认识；首先，明确责任。"
    assert markers(text) == [
        ("chinese", 1, "一、"),
        ("chinese-parenthesised", 1, "（一）"),
        ("arabic", 1, "1、"),
        ("arabic", 2, "2."),
        ("arabic-parenthesised", 3, "（3）"),
        ("shi", 1, "一是"),
        ("shi", 2, "二是"),
        ("di", 1, "第一"),
        ("sequence-words", 1, "首先"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "依据第二十条第（一）项公开。",
        "增长了1.5倍，占比2.3%。",
        "第一时间公开，第一批试点。",
        "统一是关键，唯一是标准，是否公开。",
        "二〇二一年十二月三十一日。",
        "2021、2022年度。",
    ],
)
def test_what_is_not_a_list_item(text):
    assert markers(text) == []


def test_renumbered_keeps_the_written_form():
    text = "（二）加强领导。3、完善制度。二是提高认识。其次，明确责任。"
    found = find_markers(normalize(text))
    assert [marker.renumbered(text, 4) for marker in found] == ["（四）", "4、", "四是", "第四"]
    assert [marker.renumbered(text, 3) for marker in found][-1] == "再次"
    assert [marker.level for marker in found] == [1, 2, 4, 4]


@given(
    st.text(alphabet=list("。;:,、!?！？；：，\n \t\u3000\xa0()123一二三十是第首先其次再：.%项a"), max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_markers_tried_where_one_may_start_are_those_of_a_search_everywhere(text, start, end):
    from reportlint.text.enumerations import _MARKERS

    end = max(start, end)

    def spans(matches):
        return [(match.span(), match.lastgroup) for match in matches]

    assert spans(_marker_matches(text, start, min(end, len(text)))) == spans(_MARKERS.finditer(text, start, min(end, len(text))))


def test_a_marker_after_a_mark_and_a_white_space_is_found():
    assert [(marker.style.name, marker.value) for marker in find_markers("加强领导。\xa0二是完善制度；\u3000三是公开")] == [
        ("shi", 2),
        ("shi", 3),
    ]


def test_ordinal_values_are_those_chinese_number_computes():
    from reportlint.text.enumerations import _ORDINAL_VALUES
    from reportlint.text.ordinals import ORDINAL_CHARS, chinese_number

    assert len(_ORDINAL_VALUES) == len(ORDINAL_CHARS) * (len(ORDINAL_CHARS) + 1)
    assert all(value == chinese_number(numeral) for numeral, value in _ORDINAL_VALUES.items())
    assert [marker.value for marker in find_markers("(十二)甲。二十是乙；三是丙")] == [12, 20, 3]


@example("一、甲\n(二)乙。3.丙;(4)丁:五是戊,第六,己;首先,庚;其次:辛")
@example("(十二)甲。二十是乙；(0)丙;0.丁")
@given(st.text(alphabet=list("。;:,、!?\n \t()0123456789一二三十是第首先其次再：.、%项"), max_size=40))
def test_markers_are_those_read_from_each_match_by_its_group_name(text):
    from reportlint.text.enumerations import _MARKERS, SEQUENCE_WORDS, STYLES, EnumerationMarker
    from reportlint.text.ordinals import chinese_number

    expected = []
    for match in _MARKERS.finditer(text):
        name = match.lastgroup
        assert name is not None
        written = match.group(name)
        if name == "sequence_words":
            value = SEQUENCE_WORDS.index(written) + 1
        elif name.startswith("arabic"):
            value = int(written)
        else:
            value = chinese_number(written)
        if value:
            opened = 1 if name.endswith("parenthesised") or name == "di" else 0
            style = STYLES[name.replace("_", "-")]
            expected.append(EnumerationMarker(style, value, match.start(name) - opened, match.end(), match.start(name), match.end(name)))
    found = find_markers(text)
    assert found == expected
    assert all(type(marker) is EnumerationMarker for marker in found)
