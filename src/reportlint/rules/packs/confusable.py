"""``confusable``: a table of words confused with others, each wrong only in its context, each with a bad and a good example.

Each entry has ``wrong`` and ``right`` (literal words), an optional ``after``
and ``before`` (regexes the text must match right after / before the word for
it to be wrong) and ``not-after`` (a regex that makes it right again), a
``reason`` for the message, and examples: ``bad`` (must be reported) and
``good`` (must not be; a string or a list). The examples are run when the
pack is loaded, so a province that extends the table finds a wrong context at
once, with the file and line (reportlint's own pack: by its tests).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.diagnostics import Diagnostic, Fix
from reportlint.rules.packs.base import PackPattern, PackReader, PackRule
from reportlint.text.normalize import fold_width

if TYPE_CHECKING:
    from reportlint.core.report import Report

ENTRY_KEYS = ("wrong", "right", "after", "before", "not-after", "reason", "bad", "good")


@dataclass(frozen=True)
class Confusable:
    """One entry of the table: the wrong word in its context, the right word, why, and its examples."""

    wrong: str
    right: str
    reason: str
    pattern: PackPattern  # matches the wrong word in its context
    literal: str  # the wrong word as the pattern matches it (widths folded): every match is this text
    bad: tuple[str, ...]
    good: tuple[str, ...]

    def finds(self, text: str) -> bool:
        """Whether the entry reports something in ``text`` (its examples are checked with this)."""
        return self.pattern.search(fold_width(text)) is not None


class ConfusableRule(PackRule):
    """``confusable``: words confused with others, each in the context that makes it wrong."""

    type_name = "confusable"
    prose_only = True
    keys = ("entries", "section", "fix")
    placeholders = ("found", "suggestion", "reason", "section")

    entries: ClassVar[tuple[Confusable, ...]] = ()

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        items = node.get("entries")
        if not isinstance(items, list) or not items:
            raise reader.fail(node, "entries", "confusable 规则需要 entries（易混词条目的列表）")
        entries = tuple(_entry(reader, item, index) for index, item in enumerate(items))
        return {
            "entries": entries,
            "__doc__": _documentation(reader, node, entries),
            "literals": reader.phrases(entry.literal for entry in entries),
        }

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        start, end, section = self.scope(report)
        text = report.normalized
        if not self.may_match(report, start, end):
            return  # none of the wrong words in the range (most reports): no entry's context needs looking at
        found_in_order = sorted(
            (
                (match, entry)
                for entry in self.entries
                if text.find(entry.literal, start, end) >= 0
                for match in self.matches_of(entry.pattern, text, start, end)
            ),
            key=lambda pair: pair[0].start(),
        )
        for match, entry in found_in_order:
            found = report.text[match.start() : match.end()]
            yield self.diagnostic(
                self.format(found=found, suggestion=entry.right, reason=entry.reason, section=section),
                match.start(),
                match.end(),
                fix=Fix(match.start(), match.end(), entry.right, f"改为“{entry.right}”"),
            )


def _entry(reader: PackReader, item: Any, index: int) -> Confusable:
    """One entry, its context as a pattern, its examples run (when the reader verifies)."""
    if not isinstance(item, Mapping):
        raise reader.fail(item, None, f"entries 的第 {index + 1} 项应为键值对（wrong、right、after、reason、bad、good …）")
    for key in item:
        if key not in ENTRY_KEYS:
            raise reader.fail(item, key, f"易混词条目没有 “{key}” 这一项（可用：{'、'.join(ENTRY_KEYS)}）")
    for key in ("wrong", "right", "bad", "good"):
        if not item.get(key):
            raise reader.fail(item, None, f"易混词条目缺少 {key}")
    wrong, right = fold_width(str(item["wrong"])), str(item["right"])
    parts = []
    if item.get("before"):
        parts.append(f"(?<=(?:{reader.regex(item, 'before', str(item['before'])).pattern}))")
    parts.append(re.escape(wrong))
    if item.get("after"):
        parts.append(f"(?=(?:{reader.regex(item, 'after', str(item['after'])).pattern}))")
    if item.get("not-after"):
        parts.append(f"(?!(?:{reader.regex(item, 'not-after', str(item['not-after'])).pattern}))")
    entry = Confusable(
        wrong=str(item["wrong"]),
        right=right,
        reason=str(item.get("reason") or ""),
        pattern=reader.pattern("".join(parts)),
        literal=wrong,
        bad=reader.strings(item, "bad"),
        good=reader.strings(item, "good"),
    )
    if not reader.verify:
        return entry
    for example in entry.bad:
        if not entry.finds(example):
            raise reader.fail(item, "bad", f"易混词“{entry.wrong}”的反例“{example}”没有被这一条目发现：请检查 after/before 的写法")
    for example in entry.good:
        if entry.finds(example):
            raise reader.fail(item, "good", f"易混词“{entry.wrong}”的正例“{example}”也被这一条目报告了：请收紧 after/before")
    return entry


def _documentation(reader: PackReader, node: Mapping, entries: tuple[Confusable, ...]) -> str:
    """The rule's documentation: its description, the table of entries, and every entry's examples."""
    base = reader.documentation({**node, "examples": {}})
    table = "\n".join(f"* “{entry.wrong}” → “{entry.right}”" + (f"：{entry.reason}" if entry.reason else "") for entry in entries)
    bad = "\n".join(f"    {example}" for entry in entries for example in entry.bad)
    good = "\n".join(f"    {example}" for entry in entries for example in entry.good)
    return f"{base}\n\n{table}\n\n反例：\n\n{bad}\n\n正例：\n\n{good}"
