"""Lines of a PDF paragraph joined again: a date, a number or a parenthesis that wraps onto the next line reads whole.

A PDF has no paragraphs, only lines. A line is the first of a paragraph, or
carries on the line before, by where it is drawn: the line before runs most of
the way to the right margin (text set ragged-right, LibreOffice's default,
leaves several characters' room where a word moves on; a numbered heading such as
``四、……情况`` runs to it), starts at the left
margin or a paragraph indent (not centred), does not end a sentence, has the
same font size, and this line starts at the left margin (Chinese paragraphs start
indented) and does not open a heading or a list item (``二、``, ``（三）``,
``1.``) or a metadata line (``发布日期：``). A title and lines that look like
rows of a table without rules (``规章 0 0 0``) are never joined to what follows, nor a title to what precedes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from reportlint.loaders.headings import is_title, numbered_heading_level
from reportlint.loaders.pdf.glyphs import is_chinese
from reportlint.text.chars import PARAGRAPH_ENDS
from reportlint.text.chrome import is_metadata_line
from reportlint.usercache.patterns import compiled

#: How much of the text width a line must fill to be a wrapped line (the rest of the paragraph follows).
FULL_SHARE = 0.6
#: … and a line that reads as a part's heading (``四、……情况``): a wrapped one runs to the margin. (Not ``（一）……``:
#: such a line often opens a paragraph of prose, set out of a text width that other lines may exceed.)
HEADING_FULL_SHARE = 0.9
#: The level :func:`numbered_heading_level` gives a part's heading (``二、……``).
PART_HEADING = 2
#: How far (in font sizes) a paragraph's first line may be indented (Chinese paragraphs: two characters).
INDENT_SLACK = 2.5
#: Lines of one paragraph are set in one font size (points).
SIZE_TOLERANCE = 0.5
#: How far (in font sizes) from the left margin a line may start and still carry on a paragraph.
LEFT_SLACK = 0.5
_OPENS_ITEM = compiled(
    # (“1、2021年……” opens an item; “1.5万条” does not)
    r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*(?:、|[.．](?!\d))|第[一二三四五六七八九十]+[部章条])"
)
_TABLE_END = compiled(r"\s[-+]?\d+(?:\.\d+)?$")
_TABLE_START = compiled(r"[-+]?\d+(?:\.\d+)?\s")
_TABLE_ROW = compiled(r"(?:\s[-+]?\d+(?:\.\d+)?){2,}\s*$")


#: Half-width punctuation a Chinese line may end in where it wraps (……统计期限, / 自2023年1月1日起……).
_HALF_WIDTH_BREAKS = ",;:、"


def _wraps_as_chinese(text: str) -> bool:
    """Whether a line ends as Chinese prose that wraps: a Han character, a full-width mark or a digit, or half-width
    punctuation right after a Han character (copied text often keeps the comma of an English keyboard)."""
    last = text[-1]
    if is_chinese(last) or last.isdigit():
        return True
    return last in _HALF_WIDTH_BREAKS and len(text) > 1 and is_chinese(text[-2])


@runtime_checkable
class PlacedLine(Protocol):
    """A text line with its extent: left and right ends and font size, in points."""

    text: str
    left: float
    right: float
    size: float


def paragraphs(blocks: Iterable[object]) -> Iterator[list[PlacedLine] | object]:
    """The blocks with consecutive text lines (:class:`PlacedLine`) grouped into paragraphs (lists); other blocks as they are."""
    items = list(blocks)
    placed = [item for item in items if isinstance(item, PlacedLine) and item.right > item.left]
    if not placed:
        yield from ([item] if isinstance(item, PlacedLine) else item for item in items)
        return
    left_margin = min(line.left for line in placed)
    right_margin = max(line.right for line in placed)
    group: list[PlacedLine] = []
    for item in items:
        if not isinstance(item, PlacedLine):
            if group:
                yield group
                group = []
            yield item
            continue
        if group and _carries_on(group[-1], item, left_margin, right_margin, _inside_brackets(group)):
            group.append(item)
            continue
        if group:
            yield group
        group = [item]
    if group:
        yield group


def _inside_brackets(group: list[PlacedLine]) -> bool:
    """Whether a paragraph's lines so far leave a bracket, a book title or a quotation open (``推送《现在为您导航！``)."""
    text = "".join(line.text for line in group)
    return sum(text.count(char) for char in "（(《“") > sum(text.count(char) for char in "）)》”")


def _carries_on(before: PlacedLine, line: PlacedLine, left_margin: float, right_margin: float, open_bracket: bool = False) -> bool:
    """Whether ``line`` is the rest of the paragraph ``before`` wrapped out of (see the module docs).

    A sentence end inside an open bracket or book title (``《现在为您导航！``) does not end the paragraph.
    """
    if before.right <= before.left or line.right <= line.left:
        return False
    size = max(before.size, line.size, 1.0)
    text = before.text.rstrip()
    filled = (before.right - left_margin) / max(right_margin - left_margin, 1.0)
    return (
        bool(text)
        and _wraps_as_chinese(text)  # Chinese prose; Western text wraps at spaces and is left alone
        and filled >= FULL_SHARE
        and (filled >= HEADING_FULL_SHARE or numbered_heading_level(text) != PART_HEADING)  # a part's heading ends its line
        and before.left - left_margin <= INDENT_SLACK * size  # a centred line (a title) is not a wrapped one
        and abs(before.size - line.size) <= SIZE_TOLERANCE
        and line.left - left_margin <= LEFT_SLACK * size
        and (text[-1] not in PARAGRAPH_ENDS or open_bracket)
        and not _OPENS_ITEM.match(line.text)
        and not is_title(text)  # a title ends its line (发布日期 below it is not its rest)
        and not is_title(line.text.strip())  # … and starts one (索引号……发布目录:信息公开年报 above it is not its start)
        and not is_metadata_line(line.text)
        and not _TABLE_END.search(text)
        and not _TABLE_START.match(line.text)
        and not _TABLE_ROW.search(line.text)
    )
