"""Evaluating the arithmetic relations (勾稽关系) of a template over a filled report.

A relation is evaluated once per column, per row, per cell, or once (see
:class:`~reportlint.template.spec.RelationSpec`). An evaluation only happens
when every cell it reads was read with confidence (status ``ok`` in a fully
aligned row): blank, unaligned or missing cells are table-shape findings, never
broken sums. Used by the RL3 rules and by YAML ``relation`` rules.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, NoReturn, cast

from reportlint.template.expressions import Expression, dotted_name, number_constant
from reportlint.template.filled import FilledCell, FilledTable, FilledTemplate
from reportlint.template.spec import RelationSpec, TableSpec
from reportlint.usercache.code import compiled_code

Number = int | Decimal


class _Unreadable(Exception):
    """A referenced cell cannot be used; the evaluation is skipped."""


@dataclass(frozen=True)
class SideValue:
    """One side of a comparison: its cells (in order) and its value."""

    cells: tuple[FilledCell, ...]
    value: Number


@dataclass(frozen=True)
class Evaluation:
    """One evaluation of a relation that does not hold.

    ``scope`` names what it was evaluated for (a column id, a row id, a cell
    key or ``None``); ``left``/``right`` are the two sides of a single
    comparison (None for compound assertions); ``cells`` are every cell read.
    """

    relation: RelationSpec
    table: FilledTable
    scope: str | None
    cells: tuple[FilledCell, ...]
    left: SideValue | None
    operator: str
    right: SideValue | None

    @property
    def difference(self) -> Number | None:
        """``left - right`` for a single comparison."""
        if self.left is None or self.right is None:
            return None
        return self.left.value - self.right.value

    @property
    def located_cells(self) -> list[tuple[int, int, str]]:
        """Every cell read that has a place in the text, as ``(start, end, "“行”“列” = value")`` (a finding's related locations)."""
        spec = self.table.spec
        return [
            (cell.start, cell.end, f"{spec.cell_name(cell.row, cell.column)} = {cell.value}")
            for cell in self.cells
            if cell.start is not None and cell.end is not None
        ]

    @property
    def primary(self) -> FilledCell:
        """The cell a finding points at: a lone aggregate on the left, else the first cell on the right."""
        if self.left is not None and len(self.left.cells) == 1:
            return self.left.cells[0]
        if self.right is not None and self.right.cells:
            return self.right.cells[0]
        return self.cells[0]


class _Resolver:
    """Turns expression names into cells of the filled template for one scope."""

    def __init__(self, filled: FilledTemplate, table: FilledTable, for_each: str | None, scope: str | tuple | None) -> None:
        self.filled = filled
        self.table = table
        self.for_each = for_each
        self.scope = scope
        self.used: list[FilledCell] = []

    def cell(self, reference: tuple[str, ...]) -> FilledCell:
        if len(reference) == 1:
            name = reference[0]
            scope = self.scope
            if self.for_each == "column":
                assert isinstance(scope, str)
                return self._readable(self.table, name, scope)
            if self.for_each == "row":
                assert isinstance(scope, str)
                return self._readable(self.table, scope, name)
            row, column = cast("tuple[str, str]", scope)  # a single name outside a row or column scope is the cell itself
            return self._readable(self.table, row, column)
        if len(reference) == 2:
            return self._readable(self.table, *reference)
        other = self.filled.table(reference[0])
        if other is None:
            raise _Unreadable
        return self._readable(other, reference[1], reference[2])

    def _readable(self, table: FilledTable, row: str, column: str) -> FilledCell:
        cell = table.readable_cells.get((row, column))
        if cell is None:
            raise _Unreadable
        self.used.append(cell)
        return cell

    def value(self, reference: tuple[str, ...]) -> Number:
        return self.cell(reference).value  # type: ignore[return-value]


def _scopes(relation: RelationSpec, spec: TableSpec) -> list[str | tuple | None]:
    if relation.for_each == "column":
        return list(relation.columns or (column.id for column in spec.columns))
    if relation.for_each == "row":
        return list(relation.rows or (row.id for row in spec.rows))
    if relation.for_each == "cell":
        rows = relation.rows or tuple(row.id for row in spec.rows)
        columns = relation.columns or tuple(column.id for column in spec.columns)
        return [(row, column) for row in rows for column in columns]
    return [None]


def _side(expression, side: str, resolver: _Resolver) -> SideValue:
    before = len(resolver.used)
    value = expression.evaluate_side(side, resolver.value)
    return SideValue(tuple(resolver.used[before:]), value)


def violations(relation: RelationSpec, filled: FilledTemplate) -> Iterator[Evaluation]:
    """Every evaluation of ``relation`` that does not hold, skipping those with unreadable cells.

    Most evaluations hold: each scope is first tested by the relation's compiled test
    (:func:`_compiled_test`), which reads the cells without recording them; only a scope
    whose relation does not hold is evaluated again with the cells recorded, for the finding.
    """
    table = filled.table(relation.table)
    if table is None or not table.found:
        return
    guard_cells: list[FilledCell] = []
    when = relation.when
    if when is not None and when.is_absolute:  # the same in every scope (RL305's “both totals are 0”): evaluated once
        guard = _Resolver(filled, table, relation.for_each, None)
        try:
            if not when.evaluate(guard.value):
                return
        except _Unreadable:
            return
        guard_cells, when = guard.used, None
    test = _compiled_test(relation.expression, when, relation.for_each)
    if test is not None:
        read = table.readable_cell
        others = tuple(_readable_in(filled, name) for name in test.tables)
    for scope in _scopes(relation, table.spec):
        if test is not None:
            try:
                if test.holds(read, scope, others):
                    continue
            except _Unreadable:
                continue
        resolver = _Resolver(filled, table, relation.for_each, scope)
        resolver.used.extend(guard_cells)
        try:
            if when is not None and not when.evaluate(resolver.value):
                continue
            if relation.expression.evaluate(resolver.value):
                continue
            comparison = relation.expression.comparison()
            left = right = None
            operator = ""
            if comparison is not None:
                _, operator, _ = comparison
                sided = _Resolver(filled, table, relation.for_each, scope)
                left = _side(relation.expression, "left", sided)
                right = _side(relation.expression, "right", sided)
        except _Unreadable:
            continue
        scope_name = "/".join(scope) if isinstance(scope, tuple) else scope
        yield Evaluation(relation, table, scope_name, tuple(dict.fromkeys(resolver.used)), left, operator, right)


def _readable_in(filled: FilledTemplate, table_id: str) -> Callable[[tuple[str, str]], FilledCell | None] | None:
    """The readable-cell lookup of another table of the template (None when the report does not have it)."""
    table = filled.table(table_id)
    return None if table is None else table.readable_cell


def _unreadable() -> NoReturn:
    raise _Unreadable


@dataclass(frozen=True)
class _Test:
    """A relation (with its scope condition) compiled to one Python function of the cells.

    ``holds(read, scope, others)`` is what evaluating the condition and then the
    expression through :class:`_Resolver` decides: True when the condition does not
    apply or the relation holds, False when it is broken, :class:`_Unreadable` raised
    when a cell it reads is not readable. ``read`` looks a (row, column) up in the
    table's :attr:`~reportlint.template.filled.FilledTable.readable_cells`, ``others``
    in those of :attr:`tables` (None for a table the report does not have).
    """

    holds: Callable[..., bool]
    tables: tuple[str, ...]


@cache
def _compiled_test(expression: Expression, when: Expression | None, for_each: str | None) -> _Test | None:
    """The relation as one function (see :class:`_Test`), built once per expression; None for a form it does not handle.

    The function's source is made from the checked syntax tree of the expression
    (:func:`~reportlint.template.expressions.parse_expression` admits only names,
    numbers, ``+ - *``, comparisons, ``and or not`` and ``abs min max``): names and
    numbers are not written into it, only their positions in lists of constants,
    so nothing written in a template or rule pack is ever run as code.
    """
    constants: list[object] = []
    tables: list[str] = []

    def constant(value: object) -> str:
        constants.append(value)
        return f"_k[{len(constants) - 1}]"

    def cell(reference: tuple[str, ...]) -> str | None:
        if len(reference) == 1:
            if for_each == "column":
                key = f"({constant(reference[0])}, scope)"
            elif for_each == "row":
                key = f"(scope, {constant(reference[0])})"
            elif for_each == "cell":
                key = "scope"
            else:
                return None  # a lone name outside a scope: left to the resolver
            return f"(_c.value if (_c := read({key})) is not None else _unreadable())"
        if len(reference) == 2:
            return f"(_c.value if (_c := read({constant(reference)})) is not None else _unreadable())"
        if reference[0] not in tables:
            tables.append(reference[0])
        other = f"others[{tables.index(reference[0])}]"
        return f"(_c.value if {other} is not None and (_c := {other}({constant(reference[1:])})) is not None else _unreadable())"

    def source(node: ast.AST) -> str | None:
        if isinstance(node, ast.Constant):
            return constant(number_constant(node.value))
        if isinstance(node, (ast.Name, ast.Attribute)):
            return cell(dotted_name(node))
        parts: list[str | None]
        if isinstance(node, ast.BinOp):
            operator = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}[type(node.op)]
            parts = [source(node.left), source(node.right)]
            return None if None in parts else f"({parts[0]} {operator} {parts[1]})"
        if isinstance(node, ast.UnaryOp):
            operand = source(node.operand)
            if operand is None:
                return None
            if isinstance(node.op, ast.Not):
                return f"(not {operand})"
            return f"(-{operand})" if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.Compare):
            operators = [
                {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}[type(op)] for op in node.ops
            ]
            parts = [source(node.left), *(source(comparator) for comparator in node.comparators)]
            if None in parts:
                return None
            chain = " ".join(f"{operator} {part}" for operator, part in zip(operators, parts[1:], strict=True))
            return f"({parts[0]} {chain})"
        if isinstance(node, ast.BoolOp):
            parts = [source(value) for value in node.values]
            if None in parts:
                return None
            joined = (" and " if isinstance(node.op, ast.And) else " or ").join(str(part) for part in parts)
            return f"(True if ({joined}) else False)"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("abs", "min", "max"):
            parts = [source(argument) for argument in node.args]
            return None if None in parts else f"_{node.func.id}({', '.join(str(part) for part in parts)})"
        return None

    body = source(expression.tree.body)
    guard = source(when.tree.body) if when is not None else "True"
    if body is None or guard is None:
        return None
    code = f"def holds(read, scope, others):\n    return (not {guard}) or {body}\n"
    namespace: dict[str, Any] = {"_k": tuple(constants), "_unreadable": _unreadable, "_abs": abs, "_min": min, "_max": max}
    exec(compiled_code(code, f"<relation {expression.source}>"), namespace)  # source made from the checked tree, see above
    return _Test(namespace["holds"], tuple(tables))


def relations_for(filled: FilledTemplate, templates) -> Iterator[RelationSpec]:
    """The relations that apply to each filled table: those of the template the table follows."""
    for table in filled.tables.values():
        template = templates.get(table.template_id) if table.template_id else filled.template
        if template is None:
            continue
        for relation in template.relations:
            if relation.table == table.spec.id:
                yield relation


def _short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _column_name(spec: TableSpec, column_id: str) -> str:
    """A column's label, with its header group only where the label alone is ambiguous (s4's 结果维持)."""
    column = spec.column(column_id)
    shared = sum(1 for other in spec.columns if other.label == column.label) > 1
    return column.display if shared else column.label


def cell_label(spec: TableSpec, cell: FilledCell, scope_is_column: bool, scope_is_row: bool) -> str:
    """A cell's name inside a message: the row label within a column, the column within a row."""
    row_label = spec.row(cell.row).label if cell.row else ""
    column_label = _column_name(spec, cell.column) if cell.column else ""
    if scope_is_column and row_label:
        return _short(row_label)
    if scope_is_row or not row_label:
        return column_label
    return f"{_short(row_label)}/{column_label}"


def _side_text(spec: TableSpec, side: SideValue, by_column: bool, by_row: bool) -> str:
    if not side.cells:
        return str(side.value)
    names = " + ".join(f"“{cell_label(spec, cell, by_column, by_row)}”" for cell in side.cells)
    if len(side.cells) == 1:
        return f"{names}（{side.value}）"
    values = " + ".join(str(cell.value) for cell in side.cells)
    return f"{names}（{values} = {side.value}）"


def message_fields(evaluation: Evaluation) -> dict[str, str]:
    """The parts of a broken relation's message: table, scope, detail (both sides, values, difference), relation.

    Also ``left``, ``right`` and ``difference`` as plain values, for custom messages
    of YAML ``relation`` rules.
    """
    spec = evaluation.table.spec
    relation = evaluation.relation
    by_column = relation.for_each == "column"
    by_row = relation.for_each == "row"
    if by_column and evaluation.scope is not None:
        scope = f"“{_column_name(spec, evaluation.scope)}”列"
    elif by_row and evaluation.scope is not None:
        label = spec.row(evaluation.scope).label
        scope = f"“{label}”行" if label else ""
    elif relation.for_each == "cell" and evaluation.scope is not None:
        scope = spec.cell_name(*evaluation.scope.split("/"))
    else:
        scope = ""
    if evaluation.left is not None and evaluation.right is not None:
        difference = evaluation.left.value - evaluation.right.value
        gap = f"，相差 {abs(difference)}" if evaluation.operator == "=" else ""
        negated = {"=": "不等于", "≠": "等于", "<": "不小于", "≤": "大于", ">": "不大于", "≥": "小于"}[evaluation.operator]
        detail = (
            f"{_side_text(spec, evaluation.left, by_column, by_row)}{negated}{_side_text(spec, evaluation.right, by_column, by_row)}{gap}"
        )
        left, right, difference_text = str(evaluation.left.value), str(evaluation.right.value), str(abs(difference))
    else:
        values = "，".join(f"“{cell_label(spec, cell, by_column, by_row)}”为 {cell.value}" for cell in evaluation.cells)
        detail = f"不满足“{relation.expression.source}”（{values}）"
        left = right = difference_text = ""
    return {
        "table": spec.display,
        "scope": scope,
        "detail": detail,
        "relation": relation.description,
        "left": left,
        "right": right,
        "difference": difference_text,
    }


def describe(evaluation: Evaluation) -> str:
    """The Chinese message of a broken relation: table, scope, both sides with values, difference."""
    fields = message_fields(evaluation)
    return f"{fields['table']}{fields['scope']}：{fields['detail']}。勾稽关系：{fields['relation']}"
