"""The six parts: found on their own lines, inside running text and in other numberings; sub-headings never."""

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
from reportlint.template.reading import read_report
from reportlint.template.sections import _INLINE_ORDINAL, SectionFinder, parse_ordinal

TITLE = "某县某镇2021年政府信息公开工作年度报告\n"
PARTS = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
SIX = ["s1", "s2", "s3", "s4", "s5", "s6"]


@pytest.fixture(scope="module")
def registry():
    return registry_for(Config())


def sections(registry, text: str):
    document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
    return read_report(document, registry.template_set).sections


def test_ordinals():
    assert (parse_ordinal("一、总体情况").kind, parse_ordinal("一、总体情况").value) == ("chinese", 1)
    assert (parse_ordinal("第三部分 收到").kind, parse_ordinal("第三部分 收到").value) == ("part", 3)
    assert (parse_ordinal("4.依申请").kind, parse_ordinal("4.依申请").value) == ("arabic", 4)
    assert parse_ordinal("（一）主动公开").kind == "bracket" and parse_ordinal("①主动").kind == "circled"
    assert parse_ordinal("1.5倍") is None and parse_ordinal("总体情况") is None
    assert (parse_ordinal("㈡依申请公开").kind, parse_ordinal("㈡依申请公开").value, parse_ordinal("㈡依申请公开").length) == (
        "bracket",
        2,
        1,
    )
    assert (parse_ordinal("⑿其他").kind, parse_ordinal("⑿其他").value) == ("bracket", 12)


@pytest.mark.parametrize(
    "numbering",
    ["{chinese}、", "{chinese}．", "{chinese}.", "第{chinese}部分 ", "{arabic}、", "{arabic}."],
)
def test_the_six_parts_in_any_numbering(registry, numbering):
    text = TITLE + "".join(
        numbering.format(chinese="一二三四五六"[index], arabic=index + 1) + part + "\n正文。\n" for index, part in enumerate(PARTS)
    )
    assert [section.spec_id for section in sections(registry, text)] == SIX


def test_headings_inside_running_text(registry):
    text = "某县某镇2021年 政府信息公开工作年度报告 一、总体情况 2021年，我镇认真贯彻《条例》。"
    text += "二、主动公开政府信息情况 第二十条第（一）项 规章 0 0 0。三、收到和处理政府信息公开申请情况 略 "
    text += "四、政府信息公开行政复议、行政诉讼情况 无。五、存在的主要问题及改进情况 略。六、其他需要报告的事项 无。\n"
    found = sections(registry, text)
    assert [section.spec_id for section in found] == SIX
    assert [section.heading for section in found][:2] == ["一、总体情况", "二、主动公开政府信息情况"]


@pytest.mark.parametrize(
    "sub_heading",
    ["（一）主动公开情况", "(一)主动公开政府信息情况", "1.主动公开情况", "2.主动公开政府信息情况", "主动公开情况"],
)
def test_sub_headings_of_part_one_are_never_parts(registry, sub_heading):
    text = TITLE + "一、总体情况\n" + sub_heading + "\n全年公开信息56条。\n"
    text += "".join("二三四五六"[index] + "、" + part + "\n正文。\n" for index, part in enumerate(PARTS[1:]))
    assert [section.spec_id for section in sections(registry, text)] == SIX


def test_after_an_unnumbered_first_part_its_arabic_numbered_items_are_no_parts(registry):
    items = (
        TITLE + "总体情况\n2021年，我局扎实开展政务公开工作。\n1.新条例学习情况。组织专题学习2次。\n2.主动公开情况。全年公开信息56条。\n"
    )
    assert [section.spec_id for section in sections(registry, items)] == ["s1"]
    # a part's name after the number is the part all the same
    parts = TITLE + "总体情况\n正文。\n" + "".join(f"{index + 2}、{part}\n正文。\n" for index, part in enumerate(PARTS[1:]))
    assert [section.spec_id for section in sections(registry, parts)] == SIX


def test_items_of_part_one_numbered_like_parts_are_no_parts(registry):
    """一、总体情况 and then 一、二、三 again: the items of part 一, until the template's next part."""
    items = TITLE + "一、总体情况\n2024年，我局扎实开展政务公开工作。\n一、主动公开，拓宽信息传播广度\n正文。\n"
    items += "二、规范流程，提升依申请公开质效\n正文。\n三、严格管理，优化政府信息质量\n正文。\n"
    assert [section.spec_id for section in sections(registry, items)] == ["s1"]
    whole = items + "".join(f"{'二三四五六'[index]}、{part}\n正文。\n" for index, part in enumerate(PARTS[1:]))
    assert [section.spec_id for section in sections(registry, whole)] == SIX
    # the same on a web page, every line a paragraph of its own: its headings stand out, and are items all the same
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in items.splitlines()) + "</body></html>"
    document = load_document(Source(Path("r.html"), "r.html", page.encode(), "html"), registry)
    assert [section.spec_id for section in read_report(document, registry.template_set).sections] == ["s1"]
    # a part numbered 二 after part 一 is a part, named as the template names it or not; so is part 二 numbered 一 again
    other = TITLE + "一、总体情况\n正文。\n二、规范流程，提升依申请公开质效\n正文。\n"
    assert len(sections(registry, other)) == 2
    again = TITLE + "一、总体情况\n\n正文。\n\n一、主动公开政府信息情况\n\n正文。\n"
    assert [section.spec_id for section in sections(registry, again)] == ["s1", "s2"]


def test_a_list_of_parts_in_the_intro_and_table_row_labels_are_not_headings(registry):
    text = TITLE + "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。\n"
    text += "一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0 四、结转下年度继续办理 0 0 0 0 0 0 0\n"
    assert [section.spec_id for section in sections(registry, text)] == ["s1", "s3"]


def test_a_chinese_numeral_glued_to_a_word_is_not_a_heading(registry):
    text = TITLE + "一、总体情况 深入贯彻党的十九届二、三、四中全会精神，做好主动公开工作。\n"
    assert [section.spec_id for section in sections(registry, text)] == ["s1"]


def test_a_remembered_heading_line_is_placed_where_it_stands_each_time(registry):
    """The finder remembers a line's headings by its text (offsets within the line): the same line elsewhere, or
    indented, gets its own offsets."""
    body = "".join(f"{'一二三四五六'[index]}、{part}\n正文。\n" for index, part in enumerate(PARTS))
    first = sections(registry, TITLE + body)
    again = sections(registry, TITLE + "前言一行。\n" + body.replace("三、收到", "  三、收到"))
    assert [section.spec_id for section in first] == [section.spec_id for section in again] == SIX
    text = TITLE + "前言一行。\n" + body.replace("三、收到", "  三、收到")
    for section in again:
        assert text[section.start : section.end] == section.heading
    assert again[2].heading == "三、收到和处理政府信息公开申请情况"


def test_lines_met_before_give_the_headings_found_afresh(registry):
    text = TITLE + "".join(f"{ordinal}、{part}\n正文。{ordinal}、{part}\n\n" for ordinal, part in zip("一二三四五六", PARTS, strict=True))
    document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
    templates = sorted(registry.template_set, key=lambda template: -(template.year_from or 0))
    fresh = SectionFinder(templates).find(document)
    warmed = SectionFinder(templates)
    warmed.find(document)  # every line remembered
    assert warmed.find(document) == fresh
    assert [section.spec_id for section in fresh] == SIX


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("一、政府資訊公開總體情況", [("template", "s1")]),  # traditional script: its key read through label_key
        ("一、概述", [("legacy", None)]),
        ("五、政府信息公开的收费及减免情况", [("legacy", None)]),  # a longer legacy heading
        ("我局全年主动公开政府信息一千二百余条，其中通过门户网站公开八百余条，通过政务新媒体公开四百余条。", []),
        ("这是第二部分。二、主动公开政府信息情况", [("template", "s2")]),  # inside running text
        ("说明。七、其他需要报告的事项", []),  # inside running text, an ordinal no part has
        ("?" * 36 + "二、主動公開政府資訊情況", [("template", "s2")]),  # lost-indent question marks: the key's bound
    ],
)
def test_a_line_is_classified_as_read_afresh(registry, line, expected):
    """The finder rules out a long line of running text on its key's length alone, finds legacy headings by one
    pattern and headings inside running text among those of their ordinal's part only: each line classified as the
    plain reading would."""
    templates = sorted(registry.template_set, key=lambda template: -(template.year_from or 0))
    found = SectionFinder(templates)._line_candidates(line, False)
    assert [(candidate.kind, candidate.spec_id) for candidate in found] == expected


def test_a_moved_candidate_is_the_candidate_with_its_range_replaced():
    from reportlint.template.sections import _Candidate, _moved

    candidate = _Candidate("template", "s2", "二、主动公开政府信息情况", 3, 15, 2, "exact", True, 2, "chinese", inline=True)
    assert _moved(candidate, 40) == candidate._replace(start=43, end=55)
    assert type(_moved(candidate, 40)) is _Candidate and _moved(candidate, 40).inline


@given(st.text(alphabet=st.sampled_from([*"第一二三四五六七部分1267、.．。 \t0x"]), max_size=40))
def test_inline_ordinals_are_found_where_the_plain_alternatives_find_them(text):
    plain = re.compile(r"(?:第\s*[一二三四五六]\s*部分|[一二三四五六]\s*[、.．]|[1-6]\s*[、.．](?!\d))")
    assert [match.span() for match in _INLINE_ORDINAL.finditer(text)] == [match.span() for match in plain.finditer(text)]


#: Pieces of lines with inline ordinals: what stands before the ordinal, the ordinal, the start of a heading (or of a
#: table row, with full-width punctuation or spaces), and what follows (a run too long to be a heading alone, or values).
_BEFORE = ["", "说明。", "如下：", "共计 ", "十九届二中"]
_ORDINALS = ["二、", "三、", "4.", "第四部分", "七、", "2 . "]
_HEADINGS = [
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "，收到和处理",
    " \u3000主动公开",
    "重复申请",
    "本年新收政府信息公开申请数量",
    "",
]
_AFTER = ["", "全年主动公开政府信息一千二百余条其中门户网站八百余条", " 1 0 0", "。三、存在的主要问题及改进情况", "如下"]


@given(
    st.lists(
        st.tuples(*(st.sampled_from(pieces) for pieces in (_BEFORE, _ORDINALS, _HEADINGS, _AFTER))).map("".join),
        min_size=1,
        max_size=3,
    ).map("".join)
)
def test_headings_inside_running_text_are_found_as_without_the_first_character_test(line):
    """An inline ordinal whose following text starts no known heading (by its key's first character) is passed over
    without keying the text: each line gives the headings found when every such text is keyed."""
    templates = sorted(registry_for(Config()).template_set, key=lambda template: -(template.year_from or 0))
    plain = SectionFinder(templates)
    plain._first_chars_by_number = {}  # every text after an inline ordinal keyed
    assert SectionFinder(templates)._inline(line, 0, len(line)) == plain._inline(line, 0, len(line))


def test_a_heading_run_on_into_the_text_after_its_ordinal_is_found_by_its_key():
    templates = sorted(registry_for(Config()).template_set, key=lambda template: -(template.year_from or 0))
    line = "说明。二、 主动公开政府信息情况全年主动公开政府信息一千二百余条其中门户网站八百余条"  # no run of a heading's length
    found = SectionFinder(templates)._inline(line, 0, len(line))
    assert [(candidate.spec_id, candidate.heading) for candidate in found] == [("s2", "二、 主动公开政府信息情况")]
