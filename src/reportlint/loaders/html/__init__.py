"""Loader for web pages (``.html``/``.htm``): the report's paragraphs and tables, located in the HTML source.

The page is decoded by its ``<meta charset>`` (GBK/GB2312 pages are common),
parsed with lxml, cleaned of scripts, styles, navigation and hidden elements,
and searched for the report (see :mod:`reportlint.loaders.html.content`). The
report's elements are read in document order: ``<h1>``–``<h6>`` are headings,
``<p>``, ``<div>``, ``<li>`` and other block elements end lines, ``<br>`` ends a
line, whitespace collapses as a browser collapses it. A ``<table>`` with
several columns becomes a :class:`~reportlint.core.model.Table` with rowspan/colspan
expanded into its grid; a table holding other tables, or a single column, only
lays out content and is read as blocks. Every word is located at its line and
column in the HTML source; table cells are also named (``表格2 第3行 第4列``), and
on a page without line breaks (a minified page) each paragraph too (``第12段``).
A comment ``<!-- reportlint: ignore RL603 原因 -->`` silences that code in the
block after it (:mod:`reportlint.loaders.directives`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, replace
from html.entities import codepoint2name
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from reportlint.core.model import Document, Heading, Paragraph
from reportlint.loaders import Loader
from reportlint.loaders.building import MAX_SPAN, Place, PlacedCell, TableGrid, TextBuilder, write_table_rows
from reportlint.loaders.directives import comment_suppressions
from reportlint.loaders.headings import is_title, numbered_heading_level
from reportlint.loaders.html.content import (
    MIN_UNSTRUCTURED_CHARS,
    NO_REPORT_MESSAGE,
    find_content,
    is_metadata_table,
    page_metadata,
)
from reportlint.loaders.html.tags import BLOCK_TAGS, HEADING_LEVELS, SKIPPED_TAGS
from reportlint.sources import Source, SourceError
from reportlint.text.chrome import SPACED_TITLE_LABELS, TITLE_LABELS, is_chrome_line
from reportlint.text.numbers import whole_number
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement


_DECLARED_CHARSET = compiled(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = compiled(r"\s*<\?xml[^>]*\?>")
_HIDDEN_STYLE = compiled(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTROL_CHARACTERS = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_COLLAPSIBLE = compiled(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")
_COLLAPSIBLE_SPACE = " \t\n\r\f"
_COLLAPSIBLE_INSIDE = compiled(r"[ \t\n\r\f]")
_LEADING_NUMBER = compiled(r"\s*(\d+)")

#: Characters that may come from an entity (&nbsp; &ldquo; …): not searched for literally in the source.
_ENTITY_CHARACTERS = frozenset(chr(code) for code in codepoint2name) | {"&", "<", ">"}
#: How many characters of a word are searched for in the source, and how far ahead.
ANCHOR_KEY_LENGTH = 12
#: A page whose lines are this long on average has lost its line breaks: its paragraphs are numbered for users.
MINIFIED_LINE_LENGTH = 2000
ANCHOR_SEARCH_WINDOW = 20000
#: The part of a word searched for: after any leading entity characters, up to :data:`ANCHOR_KEY_LENGTH` others.
_ENTITY_CLASS = "".join(re.escape(character) for character in sorted(_ENTITY_CHARACTERS))
_ANCHOR_KEY = compiled(f"[{_ENTITY_CLASS}]*([^{_ENTITY_CLASS}]{{1,{ANCHOR_KEY_LENGTH}}})")


class SourcePositions:
    """Finds where extracted words are in the HTML source, moving forward through it.

    lxml knows the line of each element's start tag, not the column of its text.
    Words are found by searching their first characters from the previous
    word's position (never before their element's line); a word that cannot be
    found (characters written as entities) is placed at column 1 of that line.
    """

    def __init__(self, html: str) -> None:
        self._html = html
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", html))]
        self._cursor = 0

    def locate(self, word: str, line: int) -> tuple[int, int]:
        """1-based (line, column) in the source of a word whose element starts on ``line``."""
        head = word[:ANCHOR_KEY_LENGTH]
        if head and _ENTITY_CHARACTERS.isdisjoint(head):  # the usual word: its key is its head, as _ANCHOR_KEY would find
            searched, lead, key_end = head, 0, len(head)
        else:
            key = _ANCHOR_KEY.match(word)
            if key is None:
                return line, 1
            searched, (lead, key_end) = key.group(1), key.span(1)
        line_starts, html = self._line_starts, self._html
        origin = line_starts[(line if line < len(line_starts) else len(line_starts)) - 1]
        origin = max(origin, self._cursor)
        # The first place of the key after the origin that is text, not inside a tag (``#000`` in a style): inside when
        # the last ``<`` or ``>`` since the origin is a ``<``. A place inside a tag sends the search past the tag's
        # ``>`` (every place before it is inside too), and each test looks only at the source since the last one: a
        # key written many times in one tag, or after a stray ``<``, costs one pass over the window, not one per place.
        limit = origin + ANCHOR_SEARCH_WINDOW
        found = html.find(searched, origin, limit)
        scanned = origin
        while found >= 0:
            opening = html.rfind("<", scanned, found)
            if opening < 0 or html.find(">", opening, found) >= 0:
                break  # no ``<`` since the last ``>`` (or since the origin): text
            closing = html.find(">", found, limit)
            if closing < 0:
                found = -1  # the rest of the window is inside this tag
                break
            scanned = closing
            found = html.find(searched, closing + 1, limit)
        if found >= 0:
            self._cursor = found + key_end - lead
            row = bisect.bisect_right(line_starts, found) - 1
            column = found - line_starts[row] + 1 - lead
            return row + 1, column if column > 1 else 1
        return line, 1


class Word(NamedTuple):
    """A run of a line's text and its place in the source (``line`` is None for a collapsed space)."""

    text: str
    line: int | None = None
    column: int = 1


class TextLine(NamedTuple):
    """One line of the page's text: its words, heading level (``<hN>``) and share of link text."""

    words: tuple[Word, ...]
    heading: int | None
    link_share: float

    @property
    def text(self) -> str:
        """The line's text."""
        return "".join(word.text for word in self.words)


class CellText(NamedTuple):
    """One table cell: its lines, the source line of its ``<td>`` and its text (lines joined by newlines).

    The usual cell, one word, has no lines: ``word_at`` is the word's (line, column) in the source.
    """

    lines: tuple[TextLine, ...]
    line: int
    text: str
    word_at: tuple[int, int] | None = None

    @classmethod
    def of(cls, lines: tuple[TextLine, ...], line: int) -> CellText:
        """The cell holding ``lines``."""
        return cls(lines, line, "\n".join(text_line.text for text_line in lines))


@dataclass(frozen=True)
class PageTable:
    """A data table of the page, expanded into its grid: its rows of cells ``[row, column, rowspan, colspan, CellText]``."""

    rows: list[list[GridCell]]
    column_count: int

    @property
    def cells(self) -> Iterator[CellText]:
        """The table's cells in reading order."""
        return (placed[4] for row in self.rows for placed in row)


class _Pending(NamedTuple):
    """Text waiting for its line to end, with its element's source line and whether it is link text."""

    text: str
    line: int
    linked: bool


class Flow:
    """Collects the lines and tables of one container in reading order."""

    def __init__(self, positions: SourcePositions) -> None:
        self._positions = positions
        self._pending: list[_Pending] = []
        self.items: list[TextLine | PageTable] = []
        self.heading: int | None = None

    def add_text(self, text: str, line: int, linked: bool, preformatted: bool) -> None:
        """Add text of an element starting on source ``line``; in ``<pre>`` newlines end lines."""
        if not preformatted:
            self._pending.append(_Pending(text, line, linked))
            return
        for index, part in enumerate(text.split("\n")):
            if index:
                self.end_line()
            self._pending.append(_Pending(part, line + index, linked))

    def add_table(self, table: PageTable) -> None:
        """Add a data table after the current line."""
        self.end_line()
        self.items.append(table)

    def end_line(self) -> None:
        """Close the current line: collapse and trim its whitespace and locate its words."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        filled = [piece for piece in pending if not piece.text.isspace()]
        if len(filled) == 1 and not _COLLAPSIBLE_INSIDE.search(filled[0].text.strip()):
            self._add_word_line(filled[0])  # the usual table cell or heading: one run of text
            return
        tokens = [(match.group(), piece.line, piece.linked) for piece in pending for match in _COLLAPSIBLE.finditer(piece.text)]
        words = _trimmed(tokens)
        if not words:
            return
        placed: list[Word] = []
        linked_length = total_length = 0
        for text, line, linked in words:
            if text[0] in _COLLAPSIBLE_SPACE:
                if placed and placed[-1].line is not None:
                    placed.append(Word(" "))
                continue
            placed.append(Word(text, *self._positions.locate(text, line)))
            total_length += len(text)
            linked_length += len(text) if linked else 0
        self.items.append(TextLine(tuple(placed), self.heading, linked_length / total_length))

    def _add_word_line(self, piece: _Pending) -> None:
        text = piece.text.strip()
        if text:
            word = Word(text, *self._positions.locate(text, piece.line))
            self.items.append(TextLine((word,), self.heading, 1.0 if piece.linked else 0.0))


def _trimmed(tokens: list[tuple[str, int, bool]]) -> list[tuple[str, int, bool]]:
    """Tokens without whitespace (of any kind, &nbsp; and 　 included) at the start and end of the line."""
    while tokens and not tokens[0][0].strip():
        tokens.pop(0)
    while tokens and not tokens[-1][0].strip():
        tokens.pop()
    if not tokens:
        return tokens
    first, last = tokens[0], tokens[-1]
    tokens[0] = (first[0].lstrip(), first[1], first[2])
    if len(tokens) == 1:
        tokens[0] = (tokens[0][0].rstrip(), first[1], first[2])
    else:
        tokens[-1] = (last[0].rstrip(), last[1], last[2])
    return tokens


class PageReader:
    """Reads elements of a parsed page into lines and tables."""

    def __init__(self, positions: SourcePositions) -> None:
        self._positions = positions

    def read(self, element: HtmlElement) -> list[TextLine | PageTable]:
        """The lines and tables of an element, read as a block."""
        flow = Flow(self._positions)
        self._block(element, flow, element.sourceline or 1, False, False)
        return flow.items

    def _block(self, element: HtmlElement, flow: Flow, line: int, linked: bool, preformatted: bool) -> None:
        if element.tag == "table":
            self._table(element, flow)
            return
        flow.end_line()
        outer_heading = flow.heading
        flow.heading = HEADING_LEVELS.get(element.tag, outer_heading)
        self._inline(element, flow, line, linked, preformatted or element.tag == "pre")
        flow.end_line()
        flow.heading = outer_heading

    def _inline(self, element: HtmlElement, flow: Flow, line: int, linked: bool, preformatted: bool) -> None:
        line = element.sourceline or line
        if element.text:
            flow.add_text(element.text, line, linked, preformatted)
        for child in element:
            tag = child.tag
            child_line = child.sourceline or line
            if not isinstance(tag, str):
                pass  # not an element (the parser drops comments; entities may remain): only its tail is text
            elif tag == "br":
                flow.end_line()
            elif tag in BLOCK_TAGS or tag in HEADING_LEVELS:
                self._block(child, flow, child_line, linked, preformatted)
            else:
                self._inline(child, flow, child_line, linked or (tag == "a" and bool(child.get("href"))), preformatted)
            if child.tail:
                flow.add_text(child.tail, child_line, linked, preformatted)

    def _table(self, table: HtmlElement, flow: Flow) -> None:
        rows, column_count = grid_rows(list(_table_rows(table)))
        caption = table.find("caption")
        if caption is not None:
            self._block(caption, flow, caption.sourceline or 1, False, False)
        if column_count <= 1 or table.find(".//table") is not None:  # a layout table: its cells are read as blocks
            for row in rows:
                for placed in row:
                    self._block(placed[4], flow, placed[4].sourceline or 1, False, False)
            flow.end_line()
            return
        positions = self._positions
        table_line = table.sourceline or 1
        for row in rows:
            for placed in row:
                placed[4] = self._cell_text(placed[4], positions, table_line)
        flow.add_table(PageTable(rows, column_count))

    def _cell_text(self, element: HtmlElement, positions: SourcePositions, table_line: int) -> CellText:
        """A data cell's text, its words located in the source."""
        line = element.sourceline or table_line
        text = element.text
        if not len(element) and not (text and _COLLAPSIBLE_INSIDE.search(text.strip())):
            # The usual cell, one run of text (or none): what a Flow makes of it, without the Flow.
            stripped = text.strip() if text else ""
            cell = CellText((), line, stripped, positions.locate(stripped, line)) if stripped else CellText((), line, "")
        else:
            cell_flow = Flow(positions)
            self._inline(element, cell_flow, line, False, False)
            cell_flow.end_line()
            cell = CellText.of(tuple(item for item in cell_flow.items if isinstance(item, TextLine)), line)
        return cell


def _table_rows(table: HtmlElement) -> Iterator[list[HtmlElement]]:
    """The rows of a table (not of tables nested in it), each as its list of cells."""
    for child in table:
        if child.tag == "tr":
            yield [cell for cell in child if cell.tag in ("td", "th")]
        elif child.tag in ("thead", "tbody", "tfoot"):
            for row in child:
                if row.tag == "tr":
                    yield [cell for cell in row if cell.tag in ("td", "th")]


def _span(value: str, limit: int) -> int:
    """A rowspan/colspan attribute as a count in ``1..limit``; 0 means "to the end" as in HTML."""
    digits = _LEADING_NUMBER.match(value)
    span = whole_number(digits.group(1)) if digits else None
    if span is None:
        return 1
    return limit if span == 0 else max(1, min(span, limit))


def place_cells(rows: Sequence[Sequence[HtmlElement]]) -> TableGrid[HtmlElement]:
    """Place HTML cells on the table grid: each cell takes the first free column of its row."""
    placed, column_count = grid_rows(rows)
    return TableGrid(tuple(PlacedCell(*cell) for row in placed for cell in row), len(rows), column_count)


#: A cell placed by :func:`grid_rows`: ``[row, column, rowspan, colspan, content]``, its content replaced by its text when read.
GridCell = list[Any]


def grid_rows(rows: Sequence[Sequence[HtmlElement]]) -> tuple[list[list[GridCell]], int]:
    """The cells of :func:`place_cells`, row by row in column order, and the grid's column count.

    What :func:`~reportlint.loaders.building.write_table_rows` writes: no
    :class:`PlacedCell` made, no sorting (each cell is right of the one before it).
    """
    # Grid positions covered by a cell from a row above: a cell's own row is passed by moving right.
    occupied: set[tuple[int, int]] = set()
    placed_rows: list[list[GridCell]] = []
    column_count = 0
    for row, cells in enumerate(rows):
        column = 0
        rows_left = len(rows) - row
        placed: list[GridCell] = []
        for cell in cells:
            while occupied and (row, column) in occupied:
                column += 1
            rowspan_value, colspan_value = cell.get("rowspan"), cell.get("colspan")
            rowspan = 1 if rowspan_value is None else _span(rowspan_value, rows_left)
            colspan = 1 if colspan_value is None else _span(colspan_value, MAX_SPAN)
            if rowspan > 1:
                occupied.update((row + down, column + right) for down in range(1, rowspan) for right in range(colspan))
            placed.append([row, column, rowspan, colspan, cell])
            column += colspan
        column_count = max(column_count, column)
        placed_rows.append(placed)
    return placed_rows, column_count


class HtmlLoader(Loader):
    """Web pages, in any encoding their ``<meta charset>`` declares."""

    format = "html"
    extensions = (".html", ".htm")

    def load(self, source: Source) -> Document:
        declared = _DECLARED_CHARSET.search(source.data[:4096])
        html, encoding = source.decode((declared.group(1) or declared.group(2)).decode("ascii") if declared else None)
        html = _CONTROL_CHARACTERS.sub(" ", html)  # lxml refuses them; same length keeps positions
        declaration = _XML_DECLARATION.match(html)
        parsable = " " * declaration.end() + html[declaration.end() :] if declaration else html
        document = _parse(parsable)
        metadata = page_metadata(document)
        # Only elements with a hidden or style attribute can be hidden: found by one search rather than two look-ups per element.
        attributed = set(document.xpath("//*[@hidden or @style]"))
        for element in [element for element in document.iter() if _is_skipped(element, attributed)]:
            _drop(element)
        body = document.find("body")
        if body is None:
            raise SourceError("RL906", NO_REPORT_MESSAGE)
        content = find_content(body)
        reader = PageReader(SourcePositions(html))
        title_items = reader.read(content.title) if content.title is not None else []  # (read first: words are found in page order)
        items = reader.read(content.root)
        title_items = title_items or _metadata_title(items)
        builder = TextBuilder()
        # A page without line breaks (minified, or a report kept in a script string) gets 第N段 for its paragraphs.
        numbered = [0] if html.count("\n") * MINIFIED_LINE_LENGTH < len(html) else None
        _write_items(builder, title_items, title=True, numbered=numbered)
        title_end = builder.offset
        _write_items(builder, items, title=False, numbered=numbered)
        report = builder.text()[title_end:]
        if not report or report.isspace():
            raise SourceError("RL906", NO_REPORT_MESSAGE)
        if not content.has_sections and len("".join(report.split())) < MIN_UNSTRUCTURED_CHARS:
            raise SourceError("RL906", NO_REPORT_MESSAGE)
        loaded = builder.document(source, self.format, encoding=encoding, metadata=metadata)
        suppressions = comment_suppressions(html, loaded.text, loaded.blocks, loaded.source_map, "网页注释")
        return replace(loaded, suppressions=suppressions) if suppressions else loaded


def _parse(html: str) -> HtmlElement:
    from lxml import etree

    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        document = etree.fromstring(html, parser)
    except (etree.LxmlError, ValueError) as error:
        raise SourceError("RL904", f"网页无法解析：{error}") from None
    if document is None:
        raise SourceError("RL906", "网页是空的，没有可检查的内容")
    return document


def _drop(element: HtmlElement) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _is_skipped(element: HtmlElement, attributed: Container[HtmlElement] | None = None) -> bool:
    """Elements that never hold report text: scripts, styles, navigation, form controls, hidden elements.

    ``attributed``, when given, holds every element with a ``hidden`` or ``style`` attribute (the others are not looked at).
    """
    if not isinstance(element.tag, str):
        return False
    if element.tag in SKIPPED_TAGS:
        return True
    if attributed is not None and element not in attributed:
        return False
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _write_items(builder: TextBuilder, items: Sequence[TextLine | PageTable], title: bool, numbered: list[int] | None = None) -> None:
    """Write lines and tables, leaving out page chrome and metadata tables.

    With ``numbered`` (a one-item counter), every line is also located as ``第N段``.
    """
    for item in items:
        if isinstance(item, PageTable):
            if not is_metadata_table([cell.text for cell in item.cells]):
                write_table_rows(builder, item.rows, item.column_count, functools.partial(_write_cell, builder))
            continue
        text = item.text
        if is_chrome_line(text, item.link_share):
            continue
        first = not builder.blocks
        start = builder.start_block()
        logical: Place | None = None
        if numbered is not None:
            numbered[0] += 1
            logical = ("第{}段", (numbered[0],))
        _write_words(builder, item.words, logical)
        level = 1 if title or (first and is_title(text)) else item.heading or numbered_heading_level(text)
        builder.blocks.append(Heading(start, builder.offset, level=level) if level else Paragraph(start, builder.offset))


def _metadata_title(items: Sequence[TextLine | PageTable]) -> list[TextLine | PageTable]:
    """The title a CMS metadata table gives (``标题： | 某镇2023年政府信息公开工作年度报告``), or a metadata line
    (``- 标 题: 某局2025年……报告``), for a page with no title element: the table or line is left out of the text (see
    :func:`_write_items`), the title is not."""
    for item in items:
        if isinstance(item, TextLine):
            title = _title_after_label(item)
            if title is not None:
                return [title]
            continue
        if not is_metadata_table([cell.text for cell in item.cells]):
            continue
        for row in item.rows:
            cells = [placed[4] for placed in row]
            for label, value in pairwise(cells):
                if "".join(label.text.split()).rstrip(":：") in TITLE_LABELS and is_title(" ".join(value.text.split())):
                    if value.lines:
                        return list(value.lines)
                    if value.word_at is not None:
                        return [TextLine((Word(value.text, *value.word_at),), None, 0.0)]
    return []


#: A metadata line's title label (``- 标 题:``): a bullet, the label with any spaces, a colon.
_TITLE_LINE_LABEL = compiled(r"\s*(?:[-•·*]\s*)?(?:" + SPACED_TITLE_LABELS + r")\s*[:：]\s*")


def _title_after_label(line: TextLine) -> TextLine | None:
    """The title a metadata line gives after its label (``- 标 题: 某局2025年……报告``), as a line of its own; None for
    any other line."""
    label = _TITLE_LINE_LABEL.match(line.text)
    if label is None or not is_title(line.text[label.end() :].strip()):
        return None
    words: list[Word] = []
    skipped = label.end()
    for word in line.words:
        if skipped >= len(word.text):
            skipped -= len(word.text)
            continue
        if skipped:
            word = Word(word.text[skipped:], word.line, word.column + skipped) if word.line is not None else Word(word.text[skipped:])
            skipped = 0
        words.append(word)
    return TextLine(tuple(words), None, 0.0)


def _write_cell(builder: TextBuilder, cell: CellText, logical: Place) -> None:
    if cell.word_at is not None:
        builder.write_from_source(cell.text, *cell.word_at, logical)
    elif not cell.lines:
        builder.write_from_source("", cell.line, 1, logical)
    for index, line in enumerate(cell.lines):
        if index:
            builder.write("\n")
        _write_words(builder, line.words, logical)


def _write_words(builder: TextBuilder, words: Sequence[Word], logical: str | Place | None) -> None:
    for word in words:
        if word.line is None:
            builder.write(word.text)
        else:
            builder.write_from_source(word.text, word.line, word.column, logical)
