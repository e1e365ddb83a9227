"""Self-references: the nouns a body calls itself by, a bare 我, and the rank of a body's own scope."""

from __future__ import annotations

import re
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.text.self_references import (
    _NOT_A_SELF_NOUN_BEFORE,
    _NOT_A_SELF_REFERENCE_AFTER,
    DEPARTMENT_SELF_NOUNS,
    GOVERNMENT_SELF_NOUNS,
    NEUTRAL_SELF_NOUNS,
    find_bare_self_references,
    find_self_references,
    higher_scopes,
    own_self_nouns,
    scope_rank,
)


@pytest.mark.parametrize(
    "name, level, nouns",
    [
        ("兴国镇人民政府", "镇", ("镇",)),
        ("七里墩街道办事处", "街道", ("街道", "办")),
        ("秦安县交通运输局", "部门", ("局",)),
        ("某县发展和改革委员会", "部门", ("委",)),
        ("某某旗人民政府", "县", ("旗",)),
        ("某单位", "未知", ()),
    ],
)
def test_own_self_nouns(name, level, nouns):
    assert own_self_nouns(name, level) == nouns


def test_bare_self_references_and_what_is_not_one():
    text = "我通过网站公开。我高度重视。自我加压。我们认真。我国制度。我镇坚持。我将无我。"
    found = find_bare_self_references(text)
    assert [(text[reference.position], reference.predicate) for reference in found] == [("我", "通过"), ("我", "高度")]
    assert [reference.word for reference in find_self_references(text)] == ["我镇"]


@pytest.mark.parametrize(
    "name, level, rank, first_higher",
    [
        ("兴国镇人民政府", "镇", 0, "全县"),
        ("秦安县人民政府", "县", 1, "全市"),
        ("秦安县交通运输局", "部门", 1, "全市"),
        ("天水市教育局", "部门", 2, "全省"),
        ("义乌市人民政府", "市", 2, "全省"),
    ],
)
def test_scope_ranks(name, level, rank, first_higher):
    assert scope_rank(name, level) == rank
    assert higher_scopes(rank)[0] == first_higher
    assert "全国" not in higher_scopes(rank)


def test_unknown_scope_rank():
    assert scope_rank("某单位", "部门") is None and scope_rank("某单位", "未知") is None


def test_the_last_texts_self_references_are_found_once():
    text = "我镇全年主动公开信息。本局负责"
    first = find_self_references(text)
    assert isinstance(first, tuple) and [reference.word for reference in first] == ["我镇", "本局"]
    assert find_self_references(text) is first  # the reader, the place analysis and RL405 ask in turn
    assert [reference.word for reference in find_self_references("我县")] == ["我县"]
    assert find_self_references(text) == first


@pytest.mark.parametrize(
    "text",
    [
        "我镇坚持。本街道认真。根本上，成本局限；本办法、我办理、本区域、本市场、本乡镇。我委我厅我办本单位我机关",
        "本本镇我我镇本我局",
        "",
        "我",
    ],
)
def test_self_references_are_what_a_search_of_the_whole_text_finds(text):
    from reportlint.text.chars import matches_at
    from reportlint.text.self_references import _SELF_REFERENCE

    assert [match.span() for match in matches_at(_SELF_REFERENCE, text, "我本")] == [
        match.span() for match in _SELF_REFERENCE.finditer(text)
    ]
    words = [reference.word for reference in find_self_references(text)]
    assert text != "本本镇我我镇本我局" or words == ["本镇", "我镇", "我局"]


def _self_references_tested_one_by_one(text: str) -> list[tuple[str, str, int, int]]:
    """The simple form: every 我/本 and noun the plain search finds, then the words around it tested in Python."""
    plain = re.compile("[我本](" + "|".join(GOVERNMENT_SELF_NOUNS + DEPARTMENT_SELF_NOUNS + NEUTRAL_SELF_NOUNS) + ")")
    found = []
    for match in plain.finditer(text):
        noun, start, end = match.group(1), match.start(), match.end()
        if text[end : end + 1] and text[end] in _NOT_A_SELF_NOUN_BEFORE.get(noun, ""):
            continue
        if start and text[start - 1] in _NOT_A_SELF_REFERENCE_AFTER:
            continue
        found.append((match.group(), noun, start, end))
    return found


_NOUNS = GOVERNMENT_SELF_NOUNS + DEPARTMENT_SELF_NOUNS + NEUTRAL_SELF_NOUNS
# What may stand before 我/本 (a character that ends a word with it, or not) and after the noun (a character that
# starts another word with one of the nouns, or not).
_BEFORE = ["", "，", *sorted(_NOT_A_SELF_REFERENCE_AFTER)]
_AFTER = ["", "。", *sorted(set("".join(_NOT_A_SELF_NOUN_BEFORE.values())))]


def test_the_pattern_excludes_the_words_the_simple_form_tests_around_a_self_reference():
    for before, self_word, noun, after in product(_BEFORE, "我本", _NOUNS, _AFTER):
        text = before + self_word + noun + after
        assert [tuple(reference) for reference in find_self_references(text)] == _self_references_tested_one_by_one(text)


@given(st.lists(st.tuples(st.sampled_from(_BEFORE), st.sampled_from("我本"), st.sampled_from(_NOUNS), st.sampled_from(_AFTER)), max_size=8))
def test_self_references_next_to_each_other_are_those_of_the_simple_form(pieces):
    text = "".join("".join(piece) for piece in pieces)
    assert [tuple(reference) for reference in find_self_references(text)] == _self_references_tested_one_by_one(text)


@pytest.mark.parametrize(
    "text, words",
    [
        ("本办法、我办理、本区域、本市场、本乡镇、本局面、本委托、本旗帜", []),
        ("根本镇、基本局、自我县、日本市、一本书", []),
        ("本办、我区。本市，本乡", ["本办", "我区", "本市", "本乡"]),
        ("我街道我单位我机关本厅我州本省我县", ["我街道", "我单位", "我机关", "本厅", "我州", "本省", "我县"]),
    ],
)
def test_self_references_next_to_excluded_words(text, words):
    assert [reference.word for reference in find_self_references(text)] == words
    assert [word for word, *_ in _self_references_tested_one_by_one(text)] == words
