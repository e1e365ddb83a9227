"""Label keys and the two ways a written label can fall short of an official one: cut off, or one character wrong."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportlint.template.labels import PUNCTUATION_FOLD, fold_punctuation, is_near_miss, is_similar, is_truncation, label_key, similarity

#: Characters of labels as reports write them: the folded punctuation, its targets, Chinese and ASCII letters, spaces.
_LABEL_CHARS = st.text(
    alphabet=st.sampled_from([*PUNCTUATION_FOLD, *PUNCTUATION_FOLD.values(), *"法律服务机构一二三、（）() a1:"]), max_size=30
)


def test_label_keys_ignore_spacing_brackets_and_list_punctuation():
    assert label_key("法 律 服 务 机 构") == label_key("法律服务机构")
    assert label_key("(三)不予公开") == label_key("（三）不予公开")


def test_a_cut_off_label_is_a_truncation_of_at_least_three_characters():
    assert is_truncation("本年废止件", "本年废止件数")
    assert not is_truncation("本年", "本年废止件数")  # too short to say
    assert not is_truncation("本年废止件数", "本年废止件数")  # the label itself


def test_one_character_wrong_is_a_near_miss_only_for_labels_of_four_characters_or_more():
    assert is_near_miss("科研机关", "科研机构")
    assert not is_near_miss("科研机构", "科研机构")  # the label itself
    assert not is_near_miss("社会机关", "科研机构")  # two characters wrong
    assert not is_near_miss("自然民", "自然人")  # three characters: too short to tell a slip from another word
    assert not is_near_miss("科研机构们", "科研机构")  # a different length


def test_keyed_gives_the_offsets_of_the_key_characters_wherever_the_label_stands():
    """keyed() remembers a text's key and relative offsets: the offsets are those of the text's own place."""
    from reportlint.template.labels import key_of, keyed

    first = keyed("(一)法 律，法规", 0, 9)
    assert first == ("(一)法律、法规", [0, 1, 2, 3, 5, 6, 7, 8])
    assert keyed("前文(一)法 律，法规", 2, 11) == ("(一)法律、法规", [2, 3, 4, 5, 7, 8, 9, 10])
    assert key_of("前文(一)法 律，法规", 2, 11) == "(一)法律、法规"


def test_keyed_relative_gives_the_offsets_from_the_start_of_the_range():
    """keyed_relative() is keyed() with offsets counted from the range's start: the same key, offsets minus the start."""
    from reportlint.template.labels import keyed, keyed_relative

    key, relative = keyed_relative("前文(一)法 律，法规", 2, 11)
    assert (key, relative) == ("(一)法律、法规", (0, 1, 2, 3, 5, 6, 7, 8))
    assert keyed("前文(一)法 律，法规", 2, 11) == (key, [offset + 2 for offset in relative])


def test_folding_punctuation_spells_each_mark_one_way():
    assert fold_punctuation("一，二,三。四．五：“六”「七」") == '一、二、三.四.五:"六""七"'


@given(_LABEL_CHARS)
def test_folding_punctuation_is_the_translation_by_its_table(text):
    assert fold_punctuation(text) == text.translate(str.maketrans(dict(PUNCTUATION_FOLD)))


def test_similar_keys_reach_the_threshold_of_their_similarity():
    assert is_similar("一、本年新收政府信息公开申请数", "一、本年新收政府信息公开申请数量", 0.9)
    assert not is_similar("二、主动公开政府信息情况", "一、本年新收政府信息公开申请数量", 0.9)
    assert not is_similar("", "法律服务机构", 0.9)


@given(_LABEL_CHARS, _LABEL_CHARS, st.sampled_from([0.0, 0.5, 0.8, 0.9, 1.0]))
def test_similar_is_the_similarity_compared_with_the_threshold(first, second, minimum):
    assert is_similar(first, second, minimum) == (similarity(first, second) >= minimum)
