"""MinHash signatures, sketches and the LSH pair search of the cross-document rules."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from reportlint.text.minhash import (
    SIGNATURE_SIZE,
    LSHIndex,
    Signer,
    comparable_text,
    comparable_texts,
    digest,
    signature_matrix,
    similarity,
    sketch_similarity,
    without_numbers,
)

PARAGRAPH = "我镇依托“陇城发布”微信公众号发布信息138条，群众留言办理回复率达到96%，较好回应了群众对宅基地审批的关切，相关做法得到县里肯定。"


def shingles(text: str) -> set[str]:
    text = comparable_text(text)
    return {text[index : index + 5] for index in range(len(text) - 4)}


def jaccard(first: str, second: str) -> float:
    a, b = shingles(first), shingles(second)
    return len(a & b) / len(a | b)


def test_comparable_text_drops_whitespace_and_punctuation_and_can_fold_numbers():
    assert comparable_text("2021年， 我镇 发布信息 138 条。") == "2021年我镇发布信息138条"
    assert comparable_text(without_numbers("2021年，发布信息1,138条、12.5%")) == "0年发布信息0条0"
    assert digest("甲乙丙") == digest("甲乙丙") != digest("甲乙丁") and len(digest("甲")) == 8


def test_signatures_estimate_similarity_within_the_documented_precision():
    signer = Signer()
    edited = PARAGRAPH.replace("138", "27").replace("宅基地审批", "低保申请")
    unrelated = "街道依托十二个社区服务站开展公开日活动，居民可以当面查阅老旧小区改造方案和加装电梯补贴标准，当场提出修改意见。"
    first, second, third = signer.sign([comparable_text(text) for text in (PARAGRAPH, edited, unrelated)])
    assert len(first) == 2 * SIGNATURE_SIZE
    assert similarity(first, first) == 1.0
    assert abs(similarity(first, second) - jaccard(PARAGRAPH, edited)) < 0.15
    assert similarity(first, third) < 0.1
    assert signer.sign([comparable_text(PARAGRAPH)]) == [first], "signatures do not depend on the other texts signed with them"


def test_template_wording_is_ignored_and_short_texts_are_not_signed():
    wording = "存在的主要问题及改进情况"
    plain, ignoring = Signer(), Signer([wording])
    assert plain.sign(["存在的主要问题及改进情况存在的主要问题"])[0] is not None
    assert ignoring.sign(["存在的主要问题及改进情况存在的主要问题"]) == [None], "what is left is shorter than MIN_SHINGLES"
    assert plain.sign(["太短"]) == [None]


def test_sketches_are_exact_for_short_texts():
    signer = Signer()
    edited = PARAGRAPH.replace("相关做法得到县里肯定", "相关做法在全镇推广")
    first, second = signer.sketch(comparable_text(PARAGRAPH)), signer.sketch(comparable_text(edited))
    assert abs(sketch_similarity(first, second) - jaccard(PARAGRAPH, edited)) < 1e-9
    assert sketch_similarity(first, b"") == 0.0


def test_the_index_finds_near_copies_among_many_without_comparing_all():
    rng = random.Random(3)
    alphabet = "政府信息公开工作年度报告主动依申请平台建设监督保障乡镇街道群众办理答复栏目更新审核发布培训考核评议"
    texts = ["".join(rng.choice(alphabet) for _ in range(80)) for _ in range(300)]
    texts.append(texts[10][:78] + "甲乙")  # a near copy of text 10
    texts.append(texts[20])  # an exact copy of text 20
    index = LSHIndex(signature_matrix(Signer().sign(texts)))
    pairs, crowds = index.pairs(0.8)
    assert {(first, second) for first, second, _ in pairs} == {(10, 300), (20, 301)} and crowds == []
    assert [other for other, _ in index.neighbours(10, 0.8)] == [300]
    assert [(other, score) for other, score in index.neighbours(20, 0.8)] == [(301, 1.0)]


def test_very_many_nearly_identical_rows_are_a_crowd_not_pairs():
    same = "我镇严格执行信息发布前保密审查制度，分管领导审核把关，全年未发生泄密和不当公开问题，群众满意。"
    other = "街道依托十二个社区服务站开展公开日活动，居民可以当面查阅老旧小区改造方案和加装电梯补贴标准，当场提出修改意见。"
    texts = [comparable_text(same)] * 200 + [comparable_text(other)] * 3
    index = LSHIndex(signature_matrix(Signer().sign(texts)))
    pairs, crowds = index.pairs(0.9, crowd=8)
    assert {len(crowd) for crowd in crowds} == {200}, "the 200 copies are one crowd in every band"
    assert {(first, second) for first, second, _ in pairs} == {(200, 201), (200, 202), (201, 202)}
    assert len(index.neighbours(0, 0.9, limit=8)) == 8, "a row's neighbours are looked up in a bounded sample"


def test_every_pair_within_each_group_is_listed_once():
    import numpy as np

    from reportlint.text.minhash import _all_pairs

    groups = [np.array([7, 3, 9]), np.array([4, 5]), np.array([1, 2, 6, 8]), np.array([0, 11, 12])]
    first, second = _all_pairs(groups)
    expected = [(int(a), int(b)) for members in groups for i, a in enumerate(members) for b in members[i + 1 :]]
    assert list(zip(first.tolist(), second.tolist(), strict=True)) == expected
    again, _ = _all_pairs(groups[:1])  # the positions made for a size are kept and reused, never changed
    assert again.tolist() == [7, 7, 3]


def test_signing_and_sketching_at_once_equals_signing_and_sketching_apart():
    texts = [comparable_text(text) for text in (PARAGRAPH, "太短", "", PARAGRAPH.replace("138", "27") * 2, "存在的主要问题及改进情况" * 3)]
    for signer in (Signer(), Signer(["存在的主要问题及改进情况"])):
        expected = signer.sign(texts)
        for index, text in enumerate(texts):
            signatures, sketch = signer.sign_and_sketch(texts, index)
            assert signatures == expected and sketch == signer.sketch(text)
        assert signer.sign_and_sketch(texts, None) == (expected, b"")
    assert Signer().sign_and_sketch([], None) == ([], b"")
    assert Signer().sign([texts[0], "", texts[3]])[::2] == Signer().sign([texts[0], texts[3]]), "empty texts in between change nothing"


_TEXT_CHARACTERS = st.sampled_from([*"12３٣.,_ \u3000\n\t，。、a我们的年度报告件\x00²", "\U00020000", "\ud800"])


@given(st.lists(st.text(_TEXT_CHARACTERS, max_size=30), max_size=5))
def test_comparable_texts_are_the_comparable_text_of_each(texts):
    assert comparable_texts(texts) == [comparable_text(text) for text in texts]
    assert comparable_texts([without_numbers(text) for text in texts]) == [comparable_text(without_numbers(text)) for text in texts]


_NUMBERED = st.sampled_from([*"12３٣.,_ \u3000\n，。a我的件\x00", "1.2", "3,4", "5..6", ".7", "8.", "\U00020000"])


@given(st.lists(st.lists(_NUMBERED, max_size=12).map("".join), max_size=5), st.integers(0, 5))
def test_comparable_texts_fold_the_numbers_of_the_texts_from_the_one_asked(texts, numbers_from):
    expected = [comparable_text(text if index < numbers_from else without_numbers(text)) for index, text in enumerate(texts)]
    assert comparable_texts(texts, numbers_from) == expected


def test_comparable_texts_drop_punctuation_and_fold_numbers_when_asked():
    text = "收到申请1,234件，办结12.5%；第3.4.5项，共1..2次"
    assert comparable_texts([text, "", "“公开”　指南", without_numbers(text)]) == [
        "收到申请1234件办结125第345项共12次",
        "",
        "公开指南",
        "收到申请0件办结0第0项共00次",
    ]
    assert comparable_texts([text, "", text], numbers_from=1) == ["收到申请1234件办结125第345项共12次", "", "收到申请0件办结0第0项共00次"]


@given(st.lists(st.text(st.sampled_from("政府信息公开申请办理答复年度报告我镇0123"), max_size=40), min_size=1, max_size=6))
def test_signatures_and_sketches_are_the_plain_minhash_of_each_text(texts):
    import numpy as np

    from reportlint.text.minhash import MIN_SHINGLES, SKETCH_SIZE, _shingle_hashes, permutations

    multipliers, offsets = permutations()
    signatures, sketch = Signer().sign_and_sketch(texts, len(texts) - 1)
    for text, signature in zip(texts, signatures, strict=True):
        hashes = _shingle_hashes(text)
        if len(set(hashes.tolist())) < MIN_SHINGLES and len(hashes) < 2 * MIN_SHINGLES:
            assert signature is None
        else:
            minimums = (hashes[None, :] * multipliers + offsets).min(axis=1) >> np.uint64(48)
            assert signature == minimums.astype("<u2").tobytes()
    last = _shingle_hashes(texts[-1])
    assert sketch == np.unique((last >> np.uint64(48)).astype(np.uint16))[:SKETCH_SIZE].astype("<u2").tobytes()
