"""Evaluating relations over filled tables: the compiled test decides what the resolver decides."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.template.expressions import parse_expression
from reportlint.template.filled import CellStatus, FilledCell, FilledRow, FilledTable, FilledTemplate, LabelMatch
from reportlint.template.relations import _compiled_test, _readable_in, _Resolver, _Unreadable, violations
from reportlint.template.spec import ColumnSpec, RelationSpec, RowSpec, TableSpec, TemplateSpec

ROWS = ("r1", "r2", "r3")
COLUMNS = ("c1", "c2", "c3")


def table_spec(table_id: str) -> TableSpec:
    return TableSpec(
        table_id,
        "s3",
        "表",
        tuple(ColumnSpec(column, column) for column in COLUMNS),
        tuple(RowSpec(row, row) for row in ROWS),
    )


def filled_table(table_id: str, values: dict[tuple[str, str], int | Decimal | None]) -> FilledTable:
    """A table whose cells hold ``values`` (None: a blank cell, not readable); rows whose cells are all absent are not found."""
    rows = []
    for position, row in enumerate(ROWS):
        cells = []
        for column_position, column in enumerate(COLUMNS):
            value = values.get((row, column))
            status = CellStatus.BLANK if value is None else CellStatus.OK
            cells.append(FilledCell(table_id, row, column, status, str(value), value, None, False, position, position + 1, column_position))
        rows.append(
            FilledRow(table_id, row, row, position, position + 1, LabelMatch.EXACT, tuple(cells), len(COLUMNS), position, position + 1)
        )
    return FilledTable.build(table_spec(table_id), rows)


def template(*tables: FilledTable) -> FilledTemplate:
    spec = TemplateSpec("T", "模板", "", None, None, (), tuple(table.spec for table in tables), ())
    return FilledTemplate(spec, MappingProxyType({table.spec.id: table for table in tables}))


def by_resolver(relation: RelationSpec, filled: FilledTemplate, scope) -> bool | None:
    """What the resolver decides for one scope: True (holds or does not apply), False (broken), None (unreadable)."""
    table = filled.table(relation.table)
    assert table is not None
    resolver = _Resolver(filled, table, relation.for_each, scope)
    try:
        if relation.when is not None and not relation.when.evaluate(resolver.value):
            return True
        return bool(relation.expression.evaluate(resolver.value))
    except _Unreadable:
        return None


def by_test(relation: RelationSpec, filled: FilledTemplate, scope) -> bool | None:
    test = _compiled_test(relation.expression, relation.when, relation.for_each)
    assert test is not None
    table = filled.table(relation.table)
    assert table is not None
    others = tuple(_readable_in(filled, name) for name in test.tables)
    try:
        return bool(test.holds(table.readable_cell, scope, others))
    except _Unreadable:
        return None


_SINGLE = st.sampled_from(ROWS + COLUMNS)
_DOTTED = st.builds(lambda row, column: f"{row}.{column}", st.sampled_from(ROWS), st.sampled_from(COLUMNS))
_OTHER = st.builds(
    lambda table, row, column: f"{table}.{row}.{column}", st.sampled_from(("u", "missing")), st.sampled_from(ROWS), st.sampled_from(COLUMNS)
)
_NUMBER = st.sampled_from(("0", "1", "2", "1.5"))


def _terms(names: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.recursive(
        st.one_of(names, _NUMBER),
        lambda inner: st.one_of(
            st.builds(lambda a, op, b: f"({a} {op} {b})", inner, st.sampled_from("+-*"), inner),
            st.builds(lambda a: f"-{a}", inner),
            st.builds(lambda function, a, b: f"{function}({a}, {b})", st.sampled_from(("min", "max")), inner, inner),
            st.builds(lambda a: f"abs({a})", inner),
            st.builds(lambda a, op, b: f"(({a}) {op} ({b}))", inner, st.sampled_from(("and", "or")), inner),
            st.builds(lambda a: f"(not {a})", inner),
        ),
        max_leaves=4,
    )


def _assertions(names: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    comparison = st.builds(
        lambda a, op, b, rest: f"{a} {op} {b}{rest}",
        _terms(names),
        st.sampled_from(("==", "!=", "<", "<=", ">", ">=")),
        _terms(names),
        st.one_of(st.just(""), st.builds(lambda term: f" == {term}", _terms(names))),
    )
    return st.recursive(
        comparison,
        lambda inner: st.one_of(
            st.builds(lambda a, op, b: f"({a}) {op} ({b})", inner, st.sampled_from(("and", "or")), inner),
            st.builds(lambda a: f"not ({a})", inner),
        ),
        max_leaves=3,
    )


_VALUES = st.dictionaries(
    st.tuples(st.sampled_from(ROWS), st.sampled_from(COLUMNS)),
    st.one_of(st.none(), st.integers(-3, 3), st.just(Decimal("1.5"))),
    max_size=9,
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(("column", "row", "cell", None)),
    st.data(),
    _VALUES,
    _VALUES,
)
def test_the_compiled_test_decides_what_the_resolver_decides(for_each, data, values, other_values):
    names = st.one_of(_DOTTED, _OTHER) if for_each is None else st.one_of(_SINGLE if for_each != "cell" else st.just("x"), _DOTTED, _OTHER)
    expression = parse_expression(data.draw(_assertions(names)))
    when = parse_expression(data.draw(_assertions(names))) if data.draw(st.booleans()) else None
    relation = RelationSpec("rel", "t", expression, for_each, "RL301", None, "", when)
    filled = template(filled_table("t", values), filled_table("u", other_values))
    scopes = {"column": COLUMNS, "row": ROWS, "cell": [(row, column) for row in ROWS for column in COLUMNS], None: [None]}[for_each]
    for scope in scopes:
        assert by_test(relation, filled, scope) == by_resolver(relation, filled, scope), (expression.source, scope)


def test_a_broken_relation_is_reported_with_the_cells_it_read():
    filled = template(
        filled_table("t", {("r1", "c1"): 1, ("r2", "c1"): 2, ("r3", "c1"): 4, ("r1", "c2"): 1, ("r2", "c2"): 1, ("r3", "c2"): 2})
    )
    relation = RelationSpec("sum", "t", parse_expression("r1 + r2 == r3"), "column", "RL301", None, "")
    (broken,) = violations(relation, filled)
    assert broken.scope == "c1"
    assert [(cell.row, cell.value) for cell in broken.cells] == [("r1", 1), ("r2", 2), ("r3", 4)]
    assert broken.left is not None and broken.left.value == 3
    assert broken.right is not None and broken.right.value == 4


def test_a_lone_name_outside_a_scope_is_left_to_the_resolver():
    assert _compiled_test(parse_expression("r1 == 0"), None, None) is None
    assert _compiled_test(parse_expression("r1.c1 == 0"), None, None) is not None


TRICKY = (
    "(r1 and 2) == 2",  # and/or give True or False, not an operand
    "(r1 or r2) + 1 == 2",
    "(not r1) + r2 == r2",
    "-r1 == 0 - r1",
    "--r1 == +r1",
    "r1 < r2 < r3",
    "r1 == r2 == r3",
    "min(r1, r2) + max(r1, r2) == r1 + r2",
    "abs(r1 - r2) >= 0",
    "r1 * 1.5 == r2",
    "r1 + u.r1.c1 == r2",
    "missing.r1.c1 == 0 or r1 == 0",
    "r1 == 0 or missing.r1.c1 == 0",
)


def test_tricky_expressions_are_decided_as_the_resolver_decides():
    values = [
        {("r1", "c1"): 0, ("r2", "c1"): 1, ("r3", "c1"): 2, ("r1", "c2"): 2, ("r2", "c2"): 2, ("r3", "c2"): 2, ("r1", "c3"): 1},
        {("r1", "c1"): Decimal("1.5"), ("r2", "c1"): Decimal("2.25"), ("r1", "c2"): -1, ("r2", "c2"): 1, ("r3", "c2"): None},
    ]
    for cells in values:
        filled = template(filled_table("t", cells), filled_table("u", cells))
        for source in TRICKY:
            relation = RelationSpec("rel", "t", parse_expression(source), "column", "RL301", None, "")
            for scope in COLUMNS:
                assert by_test(relation, filled, scope) == by_resolver(relation, filled, scope), (source, scope)
