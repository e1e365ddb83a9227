"""``required``: a phrase or regex that must appear, in the whole report or in one section."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.diagnostics import Diagnostic
from reportlint.rules.packs.base import PackReader, PackRule
from reportlint.rules.packs.pattern import read_text_matcher

if TYPE_CHECKING:
    from reportlint.core.report import Report


class RequiredRule(PackRule):
    """``required``: a phrase or regex that must appear (in a section, if given)."""

    type_name = "required"
    keys = ("pattern", "literal", "section", "match")
    placeholders = ("phrase", "section")

    on_normalized: ClassVar[bool] = False
    phrase: ClassVar[str] = ""

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        attributes = read_text_matcher(reader, node)
        attributes["phrase"] = str(node.get("literal") or node.get("pattern"))
        return attributes

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        start, end, section = self.scope(report)
        if self.section is not None and report.reading.section(self.section) is None:
            return  # a missing section is RL101's finding
        if report.reading.cut_off(self.section) if self.section else not report.reading.is_complete:
            return  # the phrase may be in the part an incomplete text lacks (RL117)
        text = report.normalized if self.on_normalized else report.text
        if self.may_match(report, start, end) and self.matches(text, start, end, limit=1):
            return  # (the first match is enough: the search stops there)
        anchor = report.reading.section(self.section) if self.section else None
        title = report.reading.title
        where = anchor or title
        position = (where.start, where.end) if where is not None else (0, 0)
        yield self.diagnostic(self.format(phrase=self.phrase, section=section), *position)
