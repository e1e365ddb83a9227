"""``vocabulary``: terms that must not be used (``reject``), except inside accepted phrases (``accept``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.diagnostics import Diagnostic
from reportlint.rules.packs.base import PackReader, PackRule, alternatives
from reportlint.text.normalize import fold_width

if TYPE_CHECKING:
    from reportlint.core.report import Report


class VocabularyRule(PackRule):
    """``vocabulary``: rejected terms, except where they are part of an accepted phrase."""

    type_name = "vocabulary"
    prose_only = True
    keys = ("reject", "accept", "section")
    placeholders = ("match", "section")

    accept: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        reject = reader.strings(node, "reject")
        if not reject:
            raise reader.fail(node, "reject", "vocabulary 规则需要 reject（不允许的词语列表）")
        accept = tuple(fold_width(item) for item in reader.strings(node, "accept"))
        pattern = reader.pattern(alternatives(fold_width(item) for item in sorted(reject, key=len, reverse=True)))
        return {"compiled": pattern, "accept": accept, "literals": reader.phrases(fold_width(item) for item in reject)}

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        start, end, section = self.scope(report)
        text = report.normalized
        if not self.may_match(report, start, end):
            return  # no rejected term in the range (most reports): the accepted phrases need not be looked for
        accepted = [(match.start(), match.end()) for phrase in self.accept for match in re.finditer(re.escape(phrase), text)]
        for match in self.matches(text, start, end):
            if any(left <= match.start() and match.end() <= right for left, right in accepted):
                continue
            yield self.diagnostic(self.format(match=report.text[match.start() : match.end()], section=section), match.start(), match.end())
