"""Suppression directives written inside documents: ``reportlint: 忽略 RL603 原因``, and where they apply.

A report cannot carry a ``# noqa``; its writers mark an accepted finding where
they work: in a Word comment (批注) over the range, or in an HTML or Markdown
comment before the block::

    reportlint: 忽略 RL603 引用的英文原文保留半角标点
    <!-- reportlint: ignore RL603 引用的英文原文 -->
    <!-- reportlint: ignore-file RL601,RL606 转载的文件原文 -->

The keyword is ``ignore``/``忽略`` (the range or next block) or
``ignore-file``/``忽略全文`` (the whole file); then codes, prefixes or rule names
separated by commas; then the reason, which is required (a directive without
one is reported). Loaders turn directives into
:class:`~reportlint.core.model.Suppression` records of the document; the run
applies them (:mod:`reportlint.run.suppressions`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.core.config import normalize_selector
from reportlint.core.model import Block, SourceMap, Suppression
from reportlint.usercache.patterns import compiled

#: How a directive begins (after leading spaces): the tool's name and a colon (full-width accepted).
DIRECTIVE_START = compiled(r"\s*reportlint\s*[:：]\s*", re.IGNORECASE)
_KEYWORDS = {"ignore": False, "忽略": False, "ignore-file": True, "忽略全文": True, "忽略全文件": True, "忽略文件": True}
_KEYWORD = compiled(r"(ignore-file|ignore|忽略全文件|忽略全文|忽略文件|忽略)(?![\w-])", re.IGNORECASE)
_SELECTOR = r"[A-Za-z][A-Za-z0-9_-]*"
_SELECTORS = compiled(rf"\s*({_SELECTOR}(?:\s*[,，、]\s*{_SELECTOR})*)")
_REASON_LEAD = compiled(r"^[\s:：,，、;；\-—–]+")
#: HTML and Markdown comments (``<!-- … -->``), searched in the source text.
HTML_COMMENT = compiled(r"<!--(.*?)-->", re.DOTALL)


@dataclass(frozen=True)
class Directive:
    """A parsed directive: codes, reason, whether it covers the whole file, and a problem if it is malformed."""

    codes: tuple[str, ...]
    reason: str
    file_wide: bool
    text: str
    problem: str = ""

    def suppression(self, start: int, end: int, origin: str, at: tuple[int, int] | None = None) -> Suppression:
        """The directive as a suppression covering ``[start, end)``, reported at ``at`` (default: the covered range)."""
        at_start, at_end = at if at is not None else (start, end)
        return Suppression(
            codes=self.codes,
            start=start,
            end=end,
            reason=self.reason,
            file_wide=self.file_wide,
            origin=origin,
            text=self.text,
            at_start=at_start,
            at_end=at_end,
            problem=self.problem,
        )


def parse_directive(text: str) -> Directive | None:
    """The directive in a comment's text, or None when the text does not begin with ``reportlint:``."""
    start = DIRECTIVE_START.match(text)
    if start is None:
        return None
    shown = " ".join(text.split())
    rest = text[start.end() :]
    keyword = _KEYWORD.match(rest)
    if keyword is None:
        word = rest.split()[0] if rest.split() else ""
        return Directive((), "", False, shown, f"无法理解的指令“{word}”（应为 ignore/忽略 或 ignore-file/忽略全文，后接规则代码和原因）")
    file_wide = _KEYWORDS[keyword.group(1).lower()]
    rest = rest[keyword.end() :]
    selectors = _SELECTORS.match(rest)
    if selectors is None:
        return Directive((), "", file_wide, shown, "忽略指令缺少规则代码（如 RL603）")
    codes = tuple(part.strip() for part in re.split(r"[,，、]", selectors.group(1)))
    reason = _REASON_LEAD.sub("", rest[selectors.end() :]).strip()
    return Directive(tuple(normalize_selector(code) for code in codes), " ".join(reason.split()), file_wide, shown)


def comment_suppressions(
    source_text: str, document_text: str, blocks: Sequence[Block], source_map: SourceMap, origin: str
) -> tuple[Suppression, ...]:
    """The directives in the ``<!-- -->`` comments of an HTML or Markdown source, each covering the block after it.

    A block is "after" a comment when its first character's place in the source
    comes after the comment's end (the document's source map gives that place),
    so this works whether or not the comment is part of the document's text.
    ``ignore-file`` covers the whole text and is reported at that block too.
    """
    if "reportlint" not in source_text.lower():
        return ()
    line_starts = [0, *(match.end() for match in re.finditer("\n", source_text))]
    placed = [(source_map.locate(block.start, block.start), block) for block in blocks]
    found = []
    for match in HTML_COMMENT.finditer(source_text):
        directive = parse_directive(match.group(1))
        if directive is None:
            continue
        end_line, end_column = _position(line_starts, match.end())
        following = next(
            (block for location, block in placed if (location.line, location.column) >= (end_line, end_column) and block.end > block.start),
            None,
        )
        if following is None:
            at = (len(document_text), len(document_text))
            covered = (0, len(document_text)) if directive.file_wide else at
        else:
            at = (following.start, following.end)
            covered = (0, len(document_text)) if directive.file_wide else at
        found.append(directive.suppression(*covered, origin=origin, at=at))
    return tuple(found)


def _position(line_starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of an offset of the source."""
    import bisect

    row = bisect.bisect_right(line_starts, offset) - 1
    return row + 1, offset - line_starts[row] + 1
