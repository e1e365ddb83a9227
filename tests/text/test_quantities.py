"""Counts in prose: the count pattern opens with a number's first character, and the search starts at the first
candidate; both find exactly what the plain search did."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportlint.text import quantities
from reportlint.text.normalize import fold_width
from reportlint.text.numbers import parse_amount
from reportlint.text.ordinals import chinese_number
from reportlint.text.quantities import NUMBER, find_quantities

#: The count pattern as it was written before: a look-ahead, then NUMBER with its look-behinds first.
_LOOK_BEHIND_FIRST = re.compile(
    rf"(?=[\d零〇一二两三四五六七八九十百千万])(?P<number>{NUMBER})\s*+(?:(?P<wan>(?:[余多]\s*+)?万)\s*+)?(?:(?P<about>余|多)\s*+)?"
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


def _counts_as_first_written(text: str, start: int) -> list[tuple]:
    """The counts of ``text[start:]`` read as find_quantities first read them: every match of the pattern, its groups by name."""
    found = []
    for match in quantities._QUANTITY.finditer(text, start):
        unit, number = match.group("unit"), match.group("number")
        following = text[match.end()] if match.end() < len(text) else ""
        before = text[match.start() - 1] if match.start() > 0 else ""
        if (following and following in quantities._NOT_A_UNIT_BEFORE.get(unit, "")) or before == "第":
            continue
        if not number[0].isdigit() and (before in quantities._NOT_A_COUNT_AFTER or number in quantities._MAGNITUDES):
            continue
        if quantities.bracketed(text, start, len(text))[match.start() - start] or (value := parse_amount(number)) is None:
            continue
        wan = match.group("wan") is not None
        hedged = quantities._APPROXIMATE_BEFORE.search(text, max(0, match.start() - 3), match.start()) is not None
        approximate = wan or hedged or match.group("about") is not None
        found.append((value * 10000 if wan else value, unit, match.start(), match.end(), approximate))
    return found


@settings(max_examples=500)
@example(["约", "3", " ", "万", "余", "人次", "，", "(", "2", "件", ")", "统", "一", "条", "第", "3", "件", "5", "人", "民"], 0)
@example(["约", "3", "件", "，", "1,234", "条", "多", "余", "人"], 0)
@given(st.lists(st.sampled_from(_PIECES), max_size=16), st.integers(min_value=0, max_value=8))
def test_counts_are_those_read_from_each_match_by_its_group_names(pieces, start):
    text = "".join(pieces)
    start = min(start, len(text))
    found = find_quantities(text, start)
    assert [tuple(quantity) for quantity in found] == _counts_as_first_written(text, start)
    assert all(type(quantity) is quantities.Quantity and type(quantity.approximate) is bool for quantity in found)


def test_a_count_whose_number_starts_before_the_first_candidate():
    text = "2021年共收到申请1,234件，办结一千二百件，约 3 万余人次"
    assert quantities._count_scan_start(text, 0, text.index("4件")) == text.index("1,234")
    assert [(quantity.value, quantity.unit, quantity.approximate) for quantity in find_quantities(text)] == [
        (1234, "件", False),
        (1200, "件", False),
        (30000, "人次", True),
    ]


def test_a_count_about_so_many_ten_thousands_and_a_magnitude_alone():
    text = "主动公开政府信息20余万条，其中门户网站发布信息16642条；新媒体发布数万条、上千件，另有十条。"
    assert [(quantity.value, quantity.unit, quantity.approximate) for quantity in find_quantities(text)] == [
        (200000, "条", True),
        (16642, "条", False),
        (10, "条", False),
    ]


def test_plain_ascii_digits_are_read_directly_and_too_many_are_no_number():
    assert parse_amount("0012") == 12
    assert parse_amount("1" * 18) == int("1" * 18)
    assert parse_amount("1" * 19) is None
    assert parse_amount("1,031") == 1031 and parse_amount("十二") == 12


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万", min_size=1, max_size=8))
@example("两")
@example("一百零五")
def test_a_chinese_numeral_is_read_at_once_as_the_decimal_reading_would_end(text):
    # what the plain reading does with such a text: no digit to count, and Decimal refuses it, so it is a Chinese numeral
    assert not any(char.isdigit() for char in fold_width(text))
    with pytest.raises(InvalidOperation):
        Decimal(fold_width(text).replace(",", ""))
    assert parse_amount(text) == chinese_number(text)
    assert parse_amount("１２") == 12 and parse_amount("1.5") == Decimal("1.5") and parse_amount("三个") is None


def _enumerations_of_every_sentence(text: str) -> tuple[quantities.Enumeration, ...]:
    """The enumerations as found before the sentences were chosen by their words: every sentence with a count is
    read, and the sentence before each gives a list after 其中 its total."""
    found: list[quantities.Enumeration] = []
    previous = None
    for sentence in quantities.sentence_spans(text):
        counts = tuple(find_quantities(text, sentence.start, sentence.end))
        if not counts:
            previous = None
            continue
        counted = quantities._CountedSentence(sentence, counts)
        marks = quantities._outside_brackets(text, sentence, quantities._SUBSET_MARK)
        if not marks:
            enumeration = quantities._collective_list(text, counted)
            found.extend([enumeration] if enumeration is not None else [])
        elif len(marks) == 1:
            enumeration = quantities._subset_list(text, counted, marks[0], previous)
            found.extend([enumeration] if enumeration is not None else [])
        else:
            found.extend(quantities._nested_lists(text, counted, marks))
        previous = counted
    return tuple(found)


_LIST_PIECES = [
    "全年",
    "共",
    "共计",
    "累计",
    "合计",
    "公共",
    "统计",
    "总计",
    "一共",
    "一",
    "十",
    "|",
    "1,234条",
    "发布",
    "各类",
    "信息",
    "其中",
    "其他",
    "分别",
    "12条",
    "3条",
    "9条",
    "5个",
    "2件",
    "10件",
    ",",
    "、",
    ":",
    ";",
    "。",
    "\n",
    "\t",
    "(",
    ")",
    " ",
]


@settings(max_examples=1500)
@example(["全年", "共", "发布", "12条", "。", "其中", "3条", ",", "9条", "。"])
@example(["全年", "发布", "12条", "。", "其中", "3条", "、", "其他", "9条", "。"])
@example(["全年", "发布", "12条", "。", "\n", "其中", "3条", ",", "9条", "。"])
@example(["共", "12条", ":", "3条", "、", "9条", "。"])
@example(["全年", "共", "3条", ":", "1条", "、", "2条", "。"])
@example(["累计", "发布", "各类", "信息", "12条", ",", "3条", "、", "9条", "。"])
@example(["共", "12条", ",", "其中", "5个", ",", "其中", "2件", "3条", "。"])
@given(st.lists(st.sampled_from(_LIST_PIECES), max_size=24))
def test_enumerations_are_those_every_sentence_with_a_count_gives(pieces):
    text = "".join(pieces)
    assert quantities.find_enumerations(text) == _enumerations_of_every_sentence(text)


def test_a_list_after_its_total_in_the_sentence_before_is_found_from_the_word_of_its_sentence():
    text = "一、总体情况\n全年主动公开信息12条。其中政策文件3条、其他信息9条。本年度无其他情况。\n"
    (enumeration,) = quantities.find_enumerations(text)
    assert (enumeration.total.value, enumeration.parts_sum, enumeration.exhaustive) == (12, 12, True)
    assert text[enumeration.sentence.start : enumeration.sentence.end] == "其中政策文件3条、其他信息9条。"
    assert quantities.find_enumerations("全年主动公开信息12条，政策文件3条、其他信息9条。") == ()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a collective count after a semicolon ends the list: it is a statement of its own
        ("通过政府信息网公示80条，其中工作动态52条，政务公开24条；通过公示栏公示各类信息179条。", [52, 24]),
        ("共制作、获取各类政府信息202条，其中主动公开信息4条，机构设置类信息2条；其他类信息 1条；在专栏中公开财政预决算情况。", [4, 2, 1]),
        # a group of parts joined by 、 is one item of a list set apart by semicolons
        ("网站共发布信息9289条，其中规范性文件6条、其他文件8条；政务动态类信息2128条、其他信息5989条。", [6, 8, 2128, 5989]),
        # parts set apart by semicolons
        ("全年主动公开信息122条。其中：机构职能信息15条；政策文件7条；其他信息100条。", [15, 7, 100]),
    ],
)
def test_a_collective_count_after_a_semicolon_ends_a_list(text, parts):
    (enumeration,) = quantities.find_enumerations(text)
    assert [part.quantity.value for part in enumeration.parts] == parts


@given(st.text(alphabet=list("共计总合累其中为收到条件个12３一十、，,。；:\n 各类信息（）"), max_size=40))
def test_a_total_mark_opens_a_total_when_a_count_follows_in_its_clause(text):
    from reportlint.text.quantities import _QUANTITY, _TOTAL_MARK, _opens_total
    from reportlint.text.segmentation import Span, clause_end

    def plain(position: int, sentence: Span) -> bool:
        for mark_start in (position - 1, position):
            if mark_start >= sentence.start:
                mark = _TOTAL_MARK.match(text, mark_start, sentence.end)
                if mark is not None and mark.end() > position:
                    end = clause_end(text, position, sentence.end)
                    return any(_QUANTITY.match(text, number, sentence.end) is not None for number in range(position + 1, end))
        return False

    sentence = Span(0, len(text))
    for position, char in enumerate(text):
        if char in "共计":
            assert _opens_total(text, position, sentence) == plain(position, sentence)


def test_an_inner_list_that_claims_its_whole_ends_at_its_semicolon_when_the_outer_list_adds_up():
    """A nested breakdown whose inner list ends with the rest (其他栏目) but misses its total is read as written, so that
    RL310 can say so, only when the outer list adds up with the inner total; otherwise the sentence is left alone."""
    inner = "在门户网站发布信息31条，其中概况栏目17条，公告公示栏目4条，计划总结栏目2条，农业工作栏目4条，其他栏目2条；"
    text = "全年主动公开政府信息221条，其中，" + inner + "通过公众号公开信息190条。"
    found = [(e.total.value, [p.quantity.value for p in e.parts], e.exhaustive) for e in quantities.find_enumerations(text)]
    assert found == [(221, [31, 190], False), (31, [17, 4, 2, 4, 2], True)]
    assert quantities.find_enumerations(text.replace("221条", "225条")) == ()
    assert quantities.find_enumerations(text.replace("其他栏目", "政策栏目")) == ()
