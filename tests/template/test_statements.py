"""Prose statements of table numbers, and the changes against last year they state."""

from __future__ import annotations

from reportlint.template.statements import COUNT_STATEMENTS, stated_changes
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
