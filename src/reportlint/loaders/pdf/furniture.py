"""Page furniture of a PDF: page numbers and running headers and footers, removed before text and tables are built.

Word processors print a page number (``- 3 -``, ``第 3 页 共 8 页``, ``3/8``, a
bare ``3``) and often a running header or footer (the report's title, the
body's name) at the top or bottom of every page. Left in the text they become
a row of a table that continues on the next page, a line in the middle of a
paragraph, or a title. Furniture is recognised only among the first and last
:data:`EDGE_LINES` text lines of a page, before any table on it or after the
last one: a page number by its form, a running header or footer by appearing
on several pages (digits aside). A bare number (``3``) is a page number only where
the numbers at the page edges run with the pages (the same offset from the page's
own number on two pages or more): a table's last value (``0``, ``1``) at the
bottom of a page is not one; and a running line is at least
:data:`MIN_RUNNING_LENGTH` characters: a short table label that opens the rows on
several pages (``信息内容``) is not one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol, TypeVar

from reportlint.usercache.patterns import compiled

#: How many text lines at the top and at the bottom of a page may be furniture.
EDGE_LINES = 2
#: Longest line (in characters, spaces left out) taken for a running header or footer.
MAX_RUNNING_LENGTH = 40
#: Shortest line taken for one (a body's name, the report's title; not a table's 信息内容).
MIN_RUNNING_LENGTH = 5
_PAGE_NUMBER = compiled(
    r"[-—–－]\s*\d{1,4}\s*[-—–－]"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)
_BARE_NUMBER = compiled(r"\d{1,4}")


class _Line(Protocol):
    text: str
    page: int


Item = TypeVar("Item")


def is_page_number(text: str, page: int) -> bool:
    """Whether a line is a printed page number (a bare number only when it is near the page's own number)."""
    compact = text.strip()
    if _PAGE_NUMBER.fullmatch(compact):
        return True
    return _BARE_NUMBER.fullmatch(compact) is not None and int(compact) >= 1 and abs(int(compact) - page) <= 2


def _shape(text: str) -> str:
    """A line with digits and spaces left out, so that ``第3页`` and ``第4页`` headers look alike."""
    return re.sub(r"[\d\s]", "", text)


def _edges(items: Sequence[Item], is_line) -> list[int]:
    """Indices of the text lines at the top and bottom edge of a page (not past a table)."""
    found: list[int] = []
    for index, item in enumerate(items):
        if not is_line(item) or len(found) >= EDGE_LINES:
            break
        found.append(index)
    bottom: list[int] = []
    for index in range(len(items) - 1, -1, -1):
        if not is_line(items[index]) or len(bottom) >= EDGE_LINES:
            break
        bottom.append(index)
    return sorted(set(found + bottom))


def without_furniture(pages: Sequence[Sequence[Item]], is_line=lambda item: hasattr(item, "text")) -> list[list[Item]]:
    """The pages' items without page numbers and running headers or footers (see the module docs)."""
    edges = [_edges(items, is_line) for items in pages]
    shapes = Counter(
        shape
        for items, indices in zip(pages, edges, strict=True)
        for shape in {_shape(items[index].text) for index in indices}  # type: ignore[attr-defined]
        if MIN_RUNNING_LENGTH <= len(shape) <= MAX_RUNNING_LENGTH
    )
    # how far the bare numbers at the edges are from their pages' numbers: page numbers keep one offset
    offsets = Counter(_bare_number_offset(items[index]) for items, indices in zip(pages, edges, strict=True) for index in indices)
    offsets.pop(None, None)
    repeated = max(2, (len(pages) + 1) // 2)
    result = []
    for items, indices in zip(pages, edges, strict=True):
        dropped = set()
        for index in indices:
            line: _Line = items[index]  # type: ignore[assignment]
            offset = _bare_number_offset(line)
            numbered = is_page_number(line.text, line.page) and (offset is None or offsets[offset] >= 2 or len(pages) == 1)
            if numbered or (len(pages) > 1 and shapes[_shape(line.text)] >= repeated):
                dropped.add(index)
        result.append([item for index, item in enumerate(items) if index not in dropped])
    return result


def _bare_number_offset(line: object) -> int | None:
    """A bare number's distance from its page's number (None for any other line)."""
    text = getattr(line, "text", "").strip()
    return int(text) - line.page if _BARE_NUMBER.fullmatch(text) else None  # type: ignore[attr-defined]
