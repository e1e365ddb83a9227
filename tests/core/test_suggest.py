"""'Did you mean' suggestions ranked by edit distance (look-alike characters at half cost)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.core import suggest
from reportlint.core.suggest import closest, did_you_mean, edit_distance, unknown_name

CODES = ["RL301", "RL302", "RL311", "RL321", "RL331", "RL601", "RL603"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("RL3O1", "RL301"), ("rl301", "RL301"), ("RL6O3", "RL603"), ("RL3l1", "RL311"), ("RL031", "RL301"), ("RL999", None)],
)
def test_codes(typed, expected):
    assert closest(typed, CODES) == expected


def test_keys_and_names():
    assert did_you_mean("selct", ["select", "ignore", "exclude"]) == "，您是否想写“select”？"
    assert did_you_mean("duplicatd-word", ["duplicated-word", "doubled-punctuation"]) == "，您是否想写“duplicated-word”？"
    assert did_you_mean("yaml", ["text", "json", "html"]) == ""


def test_distance():
    assert edit_distance("RL3O1", "RL301") == 0.5
    assert edit_distance("ab", "ba") == 1  # a swap of neighbours is one edit
    assert edit_distance("", "abc") == 3


@settings(max_examples=300, deadline=None)
@given(
    word=st.text(alphabet="ab0o1l", max_size=9),
    candidates=st.lists(st.text(alphabet="ab0o1l", max_size=12), max_size=6),
)
def test_candidates_too_long_or_too_short_to_be_near_are_not_measured_and_change_nothing(word, candidates):
    # the answer of measuring every candidate (the definition)
    limit = max(1, len(word) // 3)
    ranked = sorted(
        (edit_distance(word, candidate), abs(len(candidate) - len(word)), candidate) for candidate in set(candidates) if candidate != word
    )
    expected = ranked[0][2] if ranked and ranked[0][0] <= limit else None
    assert closest(word, candidates) == expected


def test_a_word_of_thousands_of_characters_measures_no_short_candidate(monkeypatch):
    measured = []
    monkeypatch.setattr(suggest, "edit_distance", lambda first, second: measured.append(second) or 0.0)
    assert closest("RL1" + "\t" * 50_000, ["RL101", "duplicated-word"]) is None
    assert measured == []
    assert closest("RL1O1", ["RL101", "RL1" + "x" * 40]) == "RL101"
    assert measured == ["RL101"]


def test_unknown_name_quotes_the_name_and_adds_the_hint():
    assert unknown_name("selcet", ["select", "ignore"]) == "“selcet”，您是否想写“select”？"
    assert unknown_name("zzz", ["select"]) == "“zzz”"


def test_unknown_name_clips_a_long_name():
    shown = unknown_name("x" * 5_000, ["select"])
    assert shown == "“" + "x" * 79 + "…”"
