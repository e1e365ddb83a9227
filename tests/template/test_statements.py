"""Prose statements of table numbers, and the changes against last year they state."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportlint.template.statements import COUNT_STATEMENTS, NONE_STATEMENTS, STATEMENT_WORDS, stated_changes
from reportlint.text.segmentation import Span, iter_sentences


def changes(text: str):
    return [
        (item.statement.subject, item.stated, str(item.change.amount), item.change.unit)
        for sentence in iter_sentences(text)
        for item in stated_changes(text, sentence)
    ]


def test_a_change_right_after_a_count_is_about_that_count():
    assert changes("全年共收到政府信息公开申请15件,较上年增加12件,增长80%。") == [
        ("收到政府信息公开申请", 15, "12", "件"),
        ("收到政府信息公开申请", 15, "80", "%"),
    ]


def test_a_change_whose_clause_names_the_quantity_has_no_stated_number():
    assert changes("行政复议案件同比下降15%。") == [("行政复议", None, "-15", "%")]
    assert changes("依申请公开数量较上年增加3件。") == [("收到政府信息公开申请", None, "3", "件")]


def test_changes_of_numbers_the_tables_do_not_hold_are_left_out():
    assert changes("全年主动公开信息120条,较上年增加20条。") == []


def test_a_change_is_not_a_count_statement():
    text = "行政复议案件较上年减少1件。"
    sentence = Span(0, len(text))
    assert [match.group("n") for statement in COUNT_STATEMENTS for match in statement.matches(text, sentence)] == []
    counted = "全年行政复议案件2件。"
    assert [match.group("n") for statement in COUNT_STATEMENTS for match in statement.matches(counted, Span(0, len(counted)))] == ["2"]


#: Statements of each kind, and pieces they are made of (with pieces of their words), so that generated texts often state something.
_STATEMENT_EXAMPLES = (
    "收到政府信息公开申请3件",
    "受理依申请公开2件",
    "行政复议案件2件",
    "行政诉讼1起",
    "制发规范性文件4件",
    "未收到申请",
    "未发生行政复议",
    "没有诉讼",
)
_STATEMENT_PIECES = (
    *_STATEMENT_EXAMPLES,
    *(
        "收到",
        "接到",
        "受理",
        "新收",
        "政府信息公开",
        "政府信息",
        "公开",
        "申请",
        "申",
        "请",
        "依",
        "行政",
        "复议",
        "复",
        "议",
        "诉讼",
        "诉",
        "讼",
        "案件",
        "制发",
        "出台",
        "印发",
        "规范性",
        "文件",
        "规范性文件",
    ),
    *(
        "未",
        "没有",
        "无",
        "未发生",
        "不存在",
        "未被",
        "可",
        "应",
        "将",
        "人",
        "和",
        "、",
        "较上年",
        "同比",
        "3",
        "十二",
        "件",
        "起",
        "宗",
        "次",
        "个",
        "份",
        "部",
        ",",
        "。",
        "的",
    ),
)


@given(st.lists(st.sampled_from(_STATEMENT_PIECES), max_size=12).map("".join))
def test_every_statement_holds_its_word(text):
    # RL313 tries a statement only on the sentences that hold its word: no statement may match without it
    for statement in (*COUNT_STATEMENTS, *NONE_STATEMENTS):
        if statement.pattern.search(text):
            assert statement.word in text, (statement.pattern.pattern, text)


def test_every_statement_has_one_of_the_statement_words():
    for statement in (*COUNT_STATEMENTS, *NONE_STATEMENTS):
        assert statement.word in STATEMENT_WORDS, statement.pattern.pattern


def test_the_statement_words_never_overlap():
    # RL313 finds each word on its own (str.find): as no word's end can start a word, nor a word hold another, that
    # finds exactly where one search for the four words matched
    for first in STATEMENT_WORDS:
        for second in STATEMENT_WORDS:
            assert first == second or first not in second
            assert not any(first.endswith(second[:length]) for length in range(1, min(len(first), len(second)))), (first, second)


def test_the_examples_state_something():
    for text in _STATEMENT_EXAMPLES:
        assert any(statement.pattern.search(text) for statement in (*COUNT_STATEMENTS, *NONE_STATEMENTS)), text
