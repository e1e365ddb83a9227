"""``relation``: an arithmetic assertion over template cells, per row, column or cell, evaluated like RL3."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.diagnostics import Diagnostic
from reportlint.core.values import shown
from reportlint.rules.packs.base import PackReader, PackRule
from reportlint.template.expressions import ExpressionError, parse_expression
from reportlint.template.relations import message_fields, violations
from reportlint.template.spec import RelationSpec, check_references, shipped_template_set

if TYPE_CHECKING:
    from reportlint.core.report import Report

FOR_EACH = ("column", "row", "cell", None)


class RelationPackRule(PackRule):
    """``relation``: an arithmetic assertion over template cells, evaluated like RL3."""

    type_name = "relation"
    keys = ("table", "for_each", "assert", "cells_when", "rows", "columns", "description_of_relation")
    placeholders = ("table", "scope", "detail", "relation", "left", "right", "difference")

    relation: ClassVar[RelationSpec]

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        for key in ("table", "assert"):
            if not node.get(key):
                raise reader.fail(node, None, f"relation 规则缺少 {key}")
        for_each = node.get("for_each")
        if for_each not in FOR_EACH:
            raise reader.fail(node, "for_each", f"for_each 只能是 column、row 或 cell，实际为 {shown(for_each)}")
        try:
            expression = parse_expression(str(node["assert"]))
            when = parse_expression(str(node["cells_when"])) if node.get("cells_when") else None
        except ExpressionError as error:
            raise reader.fail(node, "assert", str(error)) from None
        relation = RelationSpec(
            id=str(node["code"]),
            table=str(node["table"]),
            expression=expression,
            for_each=for_each,
            code=str(node["code"]),
            severity=None,
            description=str(node.get("description_of_relation") or node.get("description") or expression.source),
            when=when,
            rows=reader.strings(node, "rows"),
            columns=reader.strings(node, "columns"),
            origin=str(reader.path),
        )
        problems = []
        for template in shipped_template_set():
            tables = {table.id: table for table in template.tables}
            if relation.table in tables:
                problem = check_references(relation, tables)
                if problem is None:
                    return {"relation": relation}
                problems.append(f"{template.id}：{problem}")
        reason = "；".join(problems) if problems else f"没有模板有表 “{relation.table}”"
        raise reader.fail(node, "assert", f"relation 规则的表达式无法对应到模板：{reason}")

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        filled = report.reading.filled
        if filled is None:
            return
        specs = {table.spec.id: table.spec for table in filled.tables.values()}
        if self.relation.table not in specs or check_references(self.relation, specs) is not None:
            return  # the report follows a template this relation does not apply to
        for evaluation in violations(self.relation, filled):
            primary = evaluation.primary
            assert primary.start is not None, "the cell a broken relation is reported at was read from the text"
            yield self.diagnostic(self.format(**message_fields(evaluation)), primary.start, primary.end, related=evaluation.located_cells)
