"""Finding many literal phrases in one pass: every occurrence that repeated ``str.find`` would find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportlint.text.phrases import MAX_TRIE_DEPTH, PhraseFinder, trie_pattern


def every_find(phrases: list[str], text: str) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for phrase in dict.fromkeys(phrase for phrase in phrases if phrase):
        position = text.find(phrase)
        while position >= 0:
            found.setdefault(phrase, []).append(position)
            position = text.find(phrase, position + 1)
    return found


def test_overlapping_and_nested_occurrences_are_all_found():
    finder = PhraseFinder(["政府信息", "信息公开", "信息", "公开公开"])
    assert finder.positions("政府信息公开公开公开") == {"政府信息": [0], "信息公开": [2], "信息": [2], "公开公开": [4, 6]}


def test_phrases_are_literal_text():
    finder = PhraseFinder(["a.c", "(", "[一]"])
    assert finder.positions("abc a.c ( [一] 一") == {"a.c": [4], "(": [8], "[一]": [10]}


def test_no_phrase_matches_nothing():
    assert PhraseFinder([]).positions("政府信息公开") == {}
    assert PhraseFinder([""]).positions("政府信息公开") == {}
    assert trie_pattern([]) == "(?!)"


def test_the_pattern_is_a_trie_of_one_character_matches():
    assert trie_pattern(["政府信息", "政府公开", "信息"]) == "政(?=府(?:信息|公开))|信(?=息)"


_ALPHABET = "政府信息公开.*(a"


@given(st.lists(st.text(alphabet=_ALPHABET, max_size=4), max_size=6), st.text(alphabet=_ALPHABET, max_size=40))
def test_the_finder_finds_what_repeated_find_finds(phrases, text):
    assert PhraseFinder(phrases).positions(text) == every_find(phrases, text)


def test_occurs_says_whether_a_phrase_lies_wholly_within_the_range():
    finder = PhraseFinder(["政府信息", "公开"])
    text = "依法政府信息公开"
    assert finder.occurs(text) and finder.occurs(text, 2, 6) and finder.occurs(text, 6)
    assert not finder.occurs(text, 3, 7)  # 府信息公 holds neither whole
    assert not finder.occurs(text, 0, 5) and not PhraseFinder([]).occurs(text)


@given(
    st.lists(st.text(alphabet=_ALPHABET, max_size=4), max_size=6),
    st.text(alphabet=_ALPHABET, max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_occurs_is_what_find_says_in_the_range(phrases, text, start, end):
    expected = any(text.find(phrase, start, end) >= 0 for phrase in phrases if phrase)
    assert PhraseFinder(phrases).occurs(text, start, end) == expected


def test_a_phrase_longer_than_the_trie_takes_is_found_with_a_flat_pattern():
    # a pack's word of thousands of characters made the trie's building recurse past Python's limit
    long = "政府信息公开" * 1000
    phrases = [long, "政府", "信息公开"]
    assert trie_pattern(phrases).startswith("(?=政府信息公开政府")
    text = "依法" + long + "，信息公开"
    finder = PhraseFinder(phrases)
    assert finder.positions(text) == every_find(phrases, text)
    alone = PhraseFinder([long])
    assert alone.occurs(text, 2, 2 + len(long)) and not alone.occurs(text, 2, 2 + len(long) - 1)


@given(st.lists(st.text(alphabet="政府信息", min_size=1, max_size=3), max_size=4), st.text(alphabet="政府信息", max_size=260))
def test_the_flat_pattern_finds_what_repeated_find_finds(phrases, text):
    phrases = [*phrases, "政" * (MAX_TRIE_DEPTH + 1)]
    assert PhraseFinder(phrases).positions(text) == every_find(phrases, text)
