"""A small safe evaluator for arithmetic assertions over template cells (never Python ``eval``).

Relations in template specs and YAML rule packs are written like Python
expressions — ``r1 + r2 == r3_7 + r4``, ``c_total == c_np + c_biz``,
``rv_total >= 0 and rules.made == 0`` — and parsed with :mod:`ast` into a tree
that only admits names, dotted names, integer/decimal constants, ``+ - *``,
comparisons, ``and/or/not`` and the functions ``abs``, ``min``, ``max``.
Anything else is rejected when the spec or pack is loaded.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from reportlint.core.values import shown

Number = int | Decimal


class ExpressionError(ValueError):
    """An expression that is not allowed or does not parse (message in Chinese)."""


_BINARY = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b}
_COMPARE = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}
_FUNCTIONS: dict[str, Callable[..., Any]] = {"abs": abs, "min": min, "max": max}
_OPERATOR_TEXT = {ast.Eq: "=", ast.NotEq: "≠", ast.Lt: "<", ast.LtE: "≤", ast.Gt: ">", ast.GtE: "≥"}


def dotted_name(node: ast.AST) -> tuple[str, ...]:
    """The parts of a checked name node (``r1.c_total`` → ``("r1", "c_total")``)."""
    name = _dotted(node)
    assert name is not None, "a checked expression's names are names or dotted names"
    return name


def _dotted(node: ast.AST) -> tuple[str, ...] | None:
    if isinstance(node, ast.Name):
        return (node.id,)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else (*base, node.attr)
    return None


def _check(node: ast.AST, source: str) -> None:
    """Reject every node type outside the small language."""
    if isinstance(node, ast.Expression):
        _check(node.body, source)
    elif isinstance(node, (ast.Name, ast.Attribute)):
        if _dotted(node) is None:
            raise ExpressionError(f"表达式 “{source}” 中只能用名字或“行.列”这样的点号名字")
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise ExpressionError(f"表达式 “{source}” 中只能使用数字常量，不能用 {shown(node.value)}")
    elif isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise ExpressionError(f"表达式 “{source}” 只支持 + - * 运算")
        _check(node.left, source)
        _check(node.right, source)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd, ast.Not)):
            raise ExpressionError(f"表达式 “{source}” 中有不支持的运算符")
        _check(node.operand, source)
    elif isinstance(node, ast.Compare):
        if any(type(op) not in _COMPARE for op in node.ops):
            raise ExpressionError(f"表达式 “{source}” 只支持 == != < <= > >= 比较")
        _check(node.left, source)
        for comparator in node.comparators:
            _check(comparator, source)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value, source)
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS or node.keywords:
            raise ExpressionError(f"表达式 “{source}” 只能调用 abs、min、max")
        for argument in node.args:
            _check(argument, source)
    else:
        raise ExpressionError(f"表达式 “{source}” 中有不支持的语法：{type(node).__name__}")


def _names(node: ast.AST) -> list[tuple[str, ...]]:
    if isinstance(node, ast.Call):
        return [name for argument in node.args for name in _names(argument)]
    dotted = _dotted(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    if dotted is not None:
        return [dotted]
    return [name for child in ast.iter_child_nodes(node) for name in _names(child)]


@dataclass(frozen=True)
class Side:
    """One side of a comparison: its source text and the references it uses."""

    source: str
    references: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Expression:
    """A parsed, checked expression; ``references`` are its (dotted) names in order."""

    source: str
    tree: ast.Expression
    references: tuple[tuple[str, ...], ...]

    def evaluate(self, resolve: Callable[[tuple[str, ...]], Number]) -> object:
        """Evaluate with ``resolve(name_parts) -> number`` supplying every reference."""
        return _compiled(self, "whole")(resolve)

    def comparison(self) -> tuple[Side, str, Side] | None:
        """For a single comparison ``a OP b``: both sides and the operator shown to users (worked out once per expression:
        every broken relation of every report asks)."""
        return _comparison(self)

    def evaluate_side(self, side: str, resolve: Callable[[tuple[str, ...]], Number]) -> object:
        """Evaluate the ``"left"`` or ``"right"`` side of a single comparison."""
        assert isinstance(self.tree.body, ast.Compare)
        return _compiled(self, side)(resolve)

    @property
    def is_absolute(self) -> bool:
        """Whether every reference names its row and column (``r1.c_total``), so the value is the same in every scope."""
        return all(len(reference) >= 2 for reference in self.references)


@cache
def _comparison(expression: Expression) -> tuple[Side, str, Side] | None:
    body = expression.tree.body
    if not isinstance(body, ast.Compare) or len(body.ops) != 1:
        return None
    left, right = body.left, body.comparators[0]
    return (
        Side(ast.unparse(left), tuple(dict.fromkeys(_names(left)))),
        _OPERATOR_TEXT[type(body.ops[0])],
        Side(ast.unparse(right), tuple(dict.fromkeys(_names(right)))),
    )


def parse_expression(source: str) -> Expression:
    """Parse and check an expression; raises :class:`ExpressionError` for anything unsafe or invalid."""
    try:
        tree = ast.parse(str(source).strip(), mode="eval")
    except SyntaxError as error:
        raise ExpressionError(f"表达式 “{source}” 语法错误：{error.msg}") from None
    _check(tree, source)
    return Expression(str(source), tree, tuple(dict.fromkeys(_names(tree.body))))


def number_constant(value: object) -> Number:
    """A checked numeric constant as evaluation uses it (a decimal for ``1.5``: no binary floats in sums)."""
    if isinstance(value, float):
        return Decimal(str(value))
    return value  # type: ignore[return-value]


Resolve = Callable[[tuple[str, ...]], Number]
Compiled = Callable[[Resolve], object]


@cache
def _compiled(expression: Expression, part: str) -> Compiled:
    """The expression (``whole``) or one side of its comparison (``left``/``right``) as nested closures, built once."""
    body = expression.tree.body
    if part != "whole":
        assert isinstance(body, ast.Compare)
        return _compile(body.left if part == "left" else body.comparators[0])
    return _compile(body)


def _compile(node: ast.AST) -> Compiled:
    """A checked node as a function of the resolver: references resolved left to right, ``and``/``or`` and chained comparisons short-circuit."""
    if isinstance(node, ast.Constant):
        constant = number_constant(node.value)
        return lambda resolve: constant
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = _dotted(node)
        assert name is not None
        return lambda resolve: resolve(name)
    if isinstance(node, ast.BinOp):
        operation, left, right = _BINARY[type(node.op)], _compile(node.left), _compile(node.right)
        return lambda resolve: operation(left(resolve), right(resolve))
    if isinstance(node, ast.UnaryOp):
        operand = _compile(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda resolve: not operand(resolve)
        if isinstance(node.op, ast.USub):
            return lambda resolve: -operand(resolve)  # type: ignore[operator]
        return operand
    if isinstance(node, ast.Compare):
        first = _compile(node.left)
        tests = [(_COMPARE[type(op)], _compile(comparator)) for op, comparator in zip(node.ops, node.comparators, strict=True)]

        def compare(resolve: Resolve) -> bool:
            left = first(resolve)
            for test, comparator in tests:
                right = comparator(resolve)
                if not test(left, right):
                    return False
                left = right
            return True

        return compare
    if isinstance(node, ast.BoolOp):
        values = [_compile(value) for value in node.values]
        if isinstance(node.op, ast.And):
            return lambda resolve: all(value(resolve) for value in values)
        return lambda resolve: any(value(resolve) for value in values)
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)  # _check admits only abs, min and max by name
        function = _FUNCTIONS[node.func.id]
        arguments = [_compile(argument) for argument in node.args]
        return lambda resolve: function(*(argument(resolve) for argument in arguments))
    raise AssertionError(f"unchecked node {type(node).__name__}")
