"""The normalised view: same length, one spelling; marks that mirror sites add become spaces."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.text.chars import HAN
from reportlint.text.normalize import _PINYIN_ANNOTATION, PINYIN_TONE_VOWELS, fold_width, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("拖市鎮(zhèn)2020年", "拖市鎮      2020年"),  # one traditional character: the text is not converted
        ("報告所列數(shù)據(jù)的統(tǒng)計期限", "报告所列数     据    的统      计期限"),
        ("????一、總體情況", "    一、總體情況"),
        ("（１２）：，", "(12):,"),
    ],
)
def test_annotations_blanked_and_widths_folded_with_the_same_length(text, expected):
    assert normalize(text) == expected and len(normalize(text)) == len(text)


@pytest.mark.parametrize("text", ["情况(a)", "(一)主动公开", "情况(zhen)", "网址(www.gov.cn)", "数量?"])
def test_brackets_that_are_not_pinyin_are_kept(text):
    assert normalize(text) == text.replace("（", "(")


def test_traditional_script_needs_three_traditional_only_characters():
    from reportlint.text.normalize import has_traditional

    assert has_traditional("這個報告") and not has_traditional("這個报告") and not has_traditional("这个报告")
    assert not has_traditional("") and has_traditional("這", threshold=1) and not has_traditional("这", threshold=0)


def test_fold_width_changes_only_folded_characters():
    from reportlint.text.normalize import fold_width

    assert fold_width("（１２）：“公开”　‘文件’\u00a0ａＢ") == "(12):\"公开\" '文件' aB"
    assert fold_width("政府信息公开工作，年度报告。") == "政府信息公开工作,年度报告。"  # 。 is not a full-width ASCII form


@given(st.text(alphabet="拖镇()zhènüa 。", max_size=24))
def test_pinyin_annotations_match_as_with_the_look_behind_first(text):
    before = re.compile(f"(?<=[{HAN}])\\([a-zü]{{0,5}}[{PINYIN_TONE_VOWELS}][a-zü]{{0,5}}\\)")
    assert [match.span() for match in _PINYIN_ANNOTATION.finditer(text)] == [match.span() for match in before.finditer(text)]


@given(st.text(alphabet="（）“”‘’：，　ａＡ!(a 中", max_size=24))
def test_width_folding_maps_every_character_as_the_table_says(text):
    from reportlint.text.normalize import _FOLDED

    assert fold_width(text) == "".join(_FOLDED.get(char, char) for char in text)


def test_radicals_that_pdf_extraction_gives_for_characters_read_as_those_characters():
    from reportlint.text.normalize import RADICAL_LOOKALIKES

    assert normalize("⼀、总体情况：政府信息公开⼯作⻓期由专⼈负责") == "一、总体情况:政府信息公开工作长期由专人负责"
    assert all(len(char) == 1 and len(folded) == 1 and re.fullmatch(f"[{HAN}]", folded) for char, folded in RADICAL_LOOKALIKES.items())
    assert "⺡" not in RADICAL_LOOKALIKES  # 氵 is only ever a component: nothing it could stand for
