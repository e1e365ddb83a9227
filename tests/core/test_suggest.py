"""'Did you mean' suggestions ranked by edit distance (look-alike characters at half cost)."""

from __future__ import annotations

import pytest

from reportlint.core.suggest import closest, did_you_mean, edit_distance

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
