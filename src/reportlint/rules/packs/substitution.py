"""``substitution``: wrong term → right term, many ``pairs`` in one rule, each finding with its fix."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.diagnostics import Diagnostic, Fix
from reportlint.core.values import shown
from reportlint.rules.packs.base import PackReader, PackRule, alternatives
from reportlint.text.normalize import fold_width

if TYPE_CHECKING:
    from reportlint.core.report import Report


class SubstitutionRule(PackRule):
    """``substitution``: each wrong term found is reported with its right term."""

    type_name = "substitution"
    prose_only = True
    keys = ("pairs", "section", "fix")
    placeholders = ("found", "suggestion", "section")

    pairs: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        pairs = node.get("pairs")
        if not isinstance(pairs, Mapping) or not pairs:
            raise reader.fail(node, "pairs", "pairs 应为“错误写法: 正确写法”的键值对")
        if not all(isinstance(wrong, str) and isinstance(right, str) for wrong, right in pairs.items()):
            raise reader.fail(node, "pairs", f"pairs 的每一项都应为“错误写法: 正确写法”（文字），实际为 {shown(pairs)}")
        table = {fold_width(wrong): right for wrong, right in pairs.items()}
        for wrong, right in table.items():
            if not wrong or not right:
                raise reader.fail(pairs, None, "pairs 的每一项都要有错误写法和正确写法")
        pattern = reader.pattern(alternatives(sorted(table, key=len, reverse=True)))
        return {"compiled": pattern, "pairs": table, "literals": reader.phrases(table)}

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        start, end, section = self.scope(report)
        if not self.may_match(report, start, end):
            return
        for match in self.matches(report.normalized, start, end):
            suggestion = self.pairs[match.group()]
            found = report.text[match.start() : match.end()]
            yield self.diagnostic(
                self.format(found=found, suggestion=suggestion, section=section),
                match.start(),
                match.end(),
                fix=Fix(match.start(), match.end(), suggestion, f"改为“{suggestion}”"),
            )
