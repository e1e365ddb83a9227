"""Quoted and titled stretches of text (“…”, 《…》, 「…」): where words are cited rather than written by the report.

A slogan in quotes (“我为群众办实事”), a document title in 《》 or a quoted
phrase is not the report's own wording, so wording rules leave it alone.
:func:`enclosed_spans` finds such stretches within a paragraph (a title
wrapped over two lines of a PDF is one stretch; an opener without its closer
before a blank line or within :data:`MAX_ENCLOSED` characters encloses
nothing), and :class:`Enclosures` answers "is this position inside one?".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import lru_cache

from reportlint.text.chars import positions_of
from reportlint.text.segmentation import Span
from reportlint.usercache.patterns import compiled

#: Quotation marks, opener → closer (curly, corner and straight).
QUOTES: Mapping[str, str] = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}
#: Book-title marks, opener → closer.
TITLE_MARKS: Mapping[str, str] = {"《": "》", "〈": "〉"}
#: Both.
ENCLOSERS: Mapping[str, str] = {**QUOTES, **TITLE_MARKS}
#: The longest quoted or titled stretch looked for, in characters.
MAX_ENCLOSED = 200


def enclosed_spans(text: str, start: int = 0, end: int | None = None, pairs: Mapping[str, str] = ENCLOSERS) -> list[Span]:
    """The outermost quoted or titled stretches of ``text[start:end]``, marks included, in order."""
    end = len(text) if end is None else end
    spans = []
    after = start  # where the next stretch may open: after the last one closed
    for position in positions_of(text, "".join(pairs), start, end):  # every opening mark, each kind found by str.find
        if position < after:
            continue
        char = text[position]
        closer = pairs[char]
        limit = min(end, position + MAX_ENCLOSED)
        blank = text.find("\n\n", position, limit + 1)  # (a blank line further on is past the limit anyway)
        limit = limit if blank < 0 else min(limit, blank)
        close = _closing(text, position, limit, char, closer)
        if close is None:
            continue
        spans.append(Span(position, close + 1))
        after = close + 1
    return spans


def _closing(text: str, opening: int, limit: int, opener: str, closer: str) -> int | None:
    """Where the mark opened at ``opening`` closes before ``limit`` (nested pairs of the same marks counted)."""
    close = text.find(closer, opening + 1, limit)
    if close < 0:
        return None
    if opener == closer or text.find(opener, opening + 1, close) < 0:
        return close  # the first closing mark, with nothing opened before it (almost every pair): two finds
    depth = 0
    for mark in _marks(opener + closer).finditer(text, opening + 1, limit):
        index = mark.start()
        char = text[index]
        if char == closer and depth == 0:
            return index
        if char == closer:
            depth -= 1
        elif char == opener and opener != closer:
            depth += 1
    return None


@lru_cache(maxsize=64)
def _marks(characters: str) -> re.Pattern[str]:
    """A pattern matching any one of ``characters``."""
    return compiled(f"[{re.escape(characters)}]")


class Enclosures:
    """The enclosed stretches of a text, to ask whether a position or range lies inside one."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [span.start for span in spans]

    @classmethod
    def of(cls, text: str, pairs: Mapping[str, str] = ENCLOSERS) -> Enclosures:
        """The enclosures of the whole text."""
        return cls(enclosed_spans(text, pairs=pairs))

    def contains(self, start: int, end: int | None = None) -> bool:
        """Whether ``[start, end)`` (or the position ``start``) lies within one enclosed stretch."""
        end = start + 1 if end is None else end
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self.spans[index].start <= start and end <= self.spans[index].end
