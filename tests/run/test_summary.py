"""The per-report summary's text machinery (the summaries themselves are compared in tests/acceptance and tests/run/test_compare.py)."""

from __future__ import annotations

import re

from reportlint.run.summary import _longest_first


def test_template_wording_pattern_takes_the_longest_phrase_at_each_position():
    phrases = ["政府信息公开", "政府信息公开申请", "信息公开工作", "依申请公开"]
    pattern = re.compile(_longest_first(phrases))
    text = "收到政府信息公开申请3件，政府信息公开工作，依申请公开"
    assert [match.group() for match in pattern.finditer(text)] == ["政府信息公开申请", "政府信息公开", "依申请公开"]
    # what the phrases as alternatives, longest first, find
    alternation = re.compile("|".join(sorted(phrases, key=len, reverse=True)))
    assert [match.span() for match in pattern.finditer(text)] == [match.span() for match in alternation.finditer(text)]
    assert _longest_first([]) == ""
