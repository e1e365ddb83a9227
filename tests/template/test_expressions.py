"""Relation expressions: compiled once, evaluated left to right with short-circuits; a scope-independent guard evaluated once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.selection import build_rule_set
from reportlint.sources import Source
from reportlint.template import expressions
from reportlint.template.expressions import ExpressionError, parse_expression
from reportlint.template.reading import read_report
from reportlint.template.relations import violations
from reportlint.template.spec import shipped_template_set
from reportlint.testing.reports import SampleReport, render


def resolver(values, asked):
    def resolve(name):
        asked.append(".".join(name))
        return values[".".join(name)]

    return resolve


def test_an_expression_is_evaluated_left_to_right_and_short_circuits():
    asked: list[str] = []
    values = {"a": 1, "b": 2, "c": 3, "r1.c_total": 0}
    assert parse_expression("a + b * 2 == c + 2").evaluate(resolver(values, asked)) is True
    assert asked == ["a", "b", "c"]
    asked.clear()
    assert parse_expression("a > b and c == 3").evaluate(resolver(values, asked)) is False
    assert asked == ["a", "b"]  # and stops at the first false part
    asked.clear()
    assert parse_expression("a < b < a").evaluate(resolver(values, asked)) is False
    assert parse_expression("c > b > a").evaluate(resolver(values, [])) is True
    assert parse_expression("not r1.c_total or max(a, b) - abs(-c) == -1").evaluate(resolver(values, [])) is True
    assert parse_expression("a * 1.5 == 1.5").evaluate(resolver(values, [])) is True
    assert parse_expression("a * 1.5").evaluate(resolver(values, [])) == Decimal("1.5")


def test_sides_of_a_comparison_and_what_is_absolute():
    expression = parse_expression("r1 + r2 == r3")
    asked: list[str] = []
    assert expression.evaluate_side("left", resolver({"r1": 4, "r2": 5, "r3": 0}, asked)) == 9 and asked == ["r1", "r2"]
    assert expression.evaluate_side("right", resolver({"r3": 7}, [])) == 7
    assert not expression.is_absolute
    assert parse_expression("r1.c_total == 0 and r2.c_total == 0").is_absolute


def test_a_resolver_error_propagates_and_unsafe_expressions_are_refused():
    def missing(name):
        raise KeyError(name)

    with pytest.raises(KeyError):
        parse_expression("a == 1").evaluate(missing)
    with pytest.raises(ExpressionError):
        parse_expression("__import__('os')")


def test_the_guard_of_a_cell_by_cell_relation_is_evaluated_once(monkeypatch):
    report = SampleReport.build("T2021", 2021)
    for key in report.values:
        if key[0] == "s3":
            report = report.with_cell(*key, "0")
    report = report.with_cell("s3", "r3_1", "c_np", "2").with_cell("s3", "r3_1", "c_total", "2")
    data = render(report).encode("utf-8")
    document = load_document(Source(Path("r.txt"), "r.txt", data, "text"), build_rule_set(Config()).registry)
    templates = shipped_template_set()
    filled = read_report(document, templates).filled
    relation = next(relation for relation in templates.get("T2021").relations if relation.code == "RL305")
    evaluated = []
    real = expressions.Expression.evaluate

    def counting(self, resolve):
        evaluated.append(self.source)
        return real(self, resolve)

    monkeypatch.setattr(expressions.Expression, "evaluate", counting)
    broken = list(violations(relation, filled))
    assert [evaluation.scope for evaluation in broken] == ["r3_1/c_np", "r3_1/c_total"]
    assert evaluated.count(relation.when.source) == 1
    # the guard's cells come first among a finding's cells, as when it was evaluated per cell
    assert [(cell.row, cell.column) for cell in broken[0].cells] == [("r1", "c_total"), ("r2", "c_total"), ("r3_1", "c_np")]
