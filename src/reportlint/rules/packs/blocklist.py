"""``blocklist``: words that disqualify a text (spam inserted by mirror sites), reported once per report with their count.

Unlike ``vocabulary``, which reports every use of a wrong term, a blocklist
word says the whole copy is untrustworthy: the first occurrence is reported,
with ``{count}`` (how many in all) and ``{tally}`` (``（共 N 处）`` when more
than one). Words match case-insensitively on the normalised text, so
``BET365`` and ``ｂｅｔ３６５`` are found by ``bet365``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.core.diagnostics import Diagnostic
from reportlint.rules.packs.base import PackReader, PackRule
from reportlint.text.chars import HAN
from reportlint.text.normalize import fold_width
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.core.report import Report


class BlocklistRule(PackRule):
    """``blocklist``: the first of the listed words in a report, with how many there are."""

    type_name = "blocklist"
    keys = ("words", "section")
    placeholders = ("match", "count", "tally", "section")

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        words = reader.strings(node, "words")
        if not words or not all(word.strip() for word in words):
            raise reader.fail(node, "words", "blocklist 规则需要 words（词语列表，不能有空项）")
        # longest first, ties in a fixed order: the pattern (and the quick test's, kept in the user cache) is the same in every process
        folded = sorted({fold_width(word).lower() for word in words}, key=_longest_first)
        # Only words with letters that have a case need the case-insensitive engine (compiling every Han
        # character case-insensitively costs ten times more); each keeps its place in the alternation.
        parts = (f"(?i:{re.escape(word)})" if _has_case(word) else re.escape(word) for word in folded)
        # The quick test: a word without case is itself; a word with case holds its longest run of characters no case
        # folding changes (digits, Han), matched as they are (a word with no such run leaves the rule without a test).
        needles = [_caseless_run(word) if _has_case(word) else word for word in folded]
        return {"compiled": reader.pattern("|".join(parts)), "literals": reader.phrases(needles)}

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        start, end, section = self.scope(report)
        if not self.may_match(report, start, end):
            return
        found = self.matches(report.normalized, start, end)
        if not found:
            return
        first = found[0]
        tally = f"（共 {len(found)} 处）" if len(found) > 1 else ""
        yield self.diagnostic(
            self.format(match=report.text[first.start() : first.end()], count=str(len(found)), tally=tally, section=section),
            first.start(),
            first.end(),
        )


def _longest_first(word: str) -> tuple[int, str]:
    return -len(word), word


def _caseless_run(word: str) -> str:
    """The longest run of ASCII digits and Han characters in ``word`` (``bet365`` → ``365``): characters that
    case-insensitive matching compares as they are (no other character folds to them)."""
    return max(_CASELESS_RUN.findall(word), key=len, default="")


_CASELESS_RUN = compiled(f"[0-9{HAN}]+")


def _has_case(word: str) -> bool:
    """Whether some character of ``word`` has another case (a letter that case-insensitive matching could change)."""
    return any(character.lower() != character.upper() or character.casefold() != character for character in word)
