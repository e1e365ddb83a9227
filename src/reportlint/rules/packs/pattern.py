"""``pattern``: a regex or literal that must not appear, with an optional ``suggest`` replacement."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.diagnostics import Diagnostic, Fix
from reportlint.core.values import shown
from reportlint.rules.packs.base import MAX_MATCHES, PackReader, PackRule
from reportlint.text.normalize import fold_width

if TYPE_CHECKING:
    from reportlint.core.report import Report

MATCH_TARGETS = (None, "original", "normalized")


def read_text_matcher(reader: PackReader, node: Mapping) -> dict[str, Any]:
    """The ``pattern`` (a regex) or ``literal`` (strings) of a rule, and which text it runs on."""
    has_pattern, has_literal = node.get("pattern") is not None, node.get("literal") is not None
    if has_pattern == has_literal:
        raise reader.fail(node, None, "需要 pattern（正则表达式）或 literal（文字）中的一个")
    match = node.get("match")
    if match not in MATCH_TARGETS:
        raise reader.fail(node, "match", "match 只能是 original（原文）或 normalized（统一全半角、繁简后的文本）")
    if has_pattern:
        return {"compiled": reader.regex(node, "pattern", str(node["pattern"])), "on_normalized": match == "normalized"}
    compiled, literals = reader.literals(node, "literal")
    return {"compiled": compiled, "on_normalized": True, "literals": literals}


class PatternRule(PackRule):
    """``pattern``: a regex or literal that must not appear."""

    type_name = "pattern"
    prose_only = True
    keys = ("pattern", "literal", "suggest", "section", "match", "fix", "unless-before", "once")
    placeholders = ("match", "suggestion", "section")

    on_normalized: ClassVar[bool] = False
    suggestion: ClassVar[str | None] = None
    #: Words that, written anywhere before a match, make it right (a short name after the full one): widths folded.
    unless_before: ClassVar[tuple[str, ...]] = ()
    #: Only the first match is reported (a rule about how a name is first written).
    once: ClassVar[bool] = False

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        attributes = read_text_matcher(reader, node)
        suggest = node.get("suggest")
        attributes["suggestion"] = None if suggest is None else str(suggest)
        attributes["unless_before"] = tuple(fold_width(word) for word in reader.strings(node, "unless-before"))
        once = node.get("once", False)
        if not isinstance(once, bool):
            raise reader.fail(node, "once", f"once 应为 true 或 false，实际为 {shown(once)}")
        attributes["once"] = once
        return attributes

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        start, end, section = self.scope(report)
        if not self.may_match(report, start, end):
            return  # (a rule with a regex has no literals: it always may)
        if self.unless_before:
            # a match after the first of these words is right: only the text before it is searched
            firsts = [at for word in self.unless_before if (at := report.normalized.find(word)) >= 0]
            end = min([end, *firsts])
        text = report.normalized if self.on_normalized else report.text
        for match in self.matches(text, start, end, 1 if self.once else MAX_MATCHES):
            found = report.text[match.start() : match.end()]
            suggestion = match.expand(self.suggestion) if self.suggestion is not None else ""
            fix = Fix(match.start(), match.end(), suggestion, f"改为“{suggestion}”") if self.suggestion is not None else None
            yield self.diagnostic(self.format(match=found, suggestion=suggestion, section=section), match.start(), match.end(), fix=fix)
