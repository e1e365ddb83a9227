"""Loader for Word documents (``.docx``, as saved by Word or WPS): paragraphs, headings, tables and text boxes.

``word/document.xml`` is read with zipfile and lxml. Text is what Word shows
in its final view: ``w:t`` runs, ``w:tab`` as a tab, ``w:br``/``w:cr`` as line
breaks, inserted text (``w:ins``) kept, deleted and moved-away text
(``w:del``, ``w:moveFrom``), hidden runs and field codes left out, list labels
rendered from ``numbering.xml``. Of ``mc:AlternateContent`` only the first
``mc:Choice`` is read, since ``mc:Fallback`` repeats it; text boxes
(``w:txbxContent``, also WPS's ``wps:txbx``) follow the paragraph anchoring them.
Tables become :class:`~reportlint.core.model.Table` blocks with ``w:gridSpan``,
``w:hMerge`` and ``w:vMerge`` expanded into the grid; a table holding other
tables, or a single column, only lays out content and is read as blocks.

Locations are positions in the extracted text, with the place in the document
named for users: ``第12段`` for paragraphs (counting paragraphs with text),
``表格3 第5行 第2列`` for cells.

Word comments (批注) whose text begins ``reportlint: 忽略 RL603 原因`` become the
document's suppressions over the commented range. :func:`read_word` can also
record where each character of the text comes from
(:mod:`reportlint.loaders.docx.positions`), for writing an annotated or fixed copy.
"""

from __future__ import annotations

import functools
import itertools
import posixpath
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reportlint.core.config import DEFAULT_MAX_FILE_SIZE
from reportlint.core.model import Document, Heading, Paragraph, Suppression
from reportlint.loaders import Loader
from reportlint.loaders.building import MAX_SPAN, Place, PlacedCell, TableGrid, TextBuilder, write_table_rows
from reportlint.loaders.directives import parse_directive
from reportlint.loaders.docx.positions import CellOrigin, ParagraphPositions, TextPositions
from reportlint.loaders.docx.styles import STYLE_CHUNK, Numbering, StyleSheet, WordNames, attribute_number, parse_xml, word_names
from reportlint.loaders.headings import is_title, numbered_heading_level
from reportlint.sources import Source, SourceError, format_size

if TYPE_CHECKING:
    from lxml.etree import _Element

MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DEFAULT_MAIN_PART = "word/document.xml"
#: Bytes decompressed at a time while reading a part (its size is counted as it streams, never taken from the zip's header).
_CHUNK = 1024 * 1024

_ALTERNATE_CONTENT = f"{{{MARKUP_COMPATIBILITY}}}AlternateContent"
_CHOICE = f"{{{MARKUP_COMPATIBILITY}}}Choice"
_MATH_TEXT = f"{{{MATH}}}t"
_MATH_CONTAINERS = (f"{{{MATH}}}oMath", f"{{{MATH}}}oMathPara")
_RELATIONSHIP = f"{{{PACKAGE_RELATIONSHIPS}}}Relationship"
_FALSE = ("0", "false", "off")

_CORRUPT_ZIP = "文件不是完整的 .docx 文档（压缩包已损坏或被截断），无法读取：请用 Word 或 WPS 重新打开并另存为 .docx"
_NOT_ZIP = "文件不是 .docx 文档（.docx 是 Word 的压缩包格式，这个文件不是），无法读取：请用 Word 或 WPS 另存为 .docx"
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


class WordPackage:
    """An opened .docx: its main document, parsed, and its other parts, read when asked for.

    Opening checks the zip and parses the main document; problems raise
    :class:`SourceError` RL904 with a message for users. A part that
    decompresses to more than ``max_part_size`` bytes is RL911 (counted while
    it streams: a zip's central directory can understate a part's size).
    """

    def __init__(self, data: bytes, max_part_size: int | None = DEFAULT_MAX_FILE_SIZE) -> None:
        self._limit = max_part_size
        try:
            self._archive = zipfile.ZipFile(BytesIO(data))
        except _READ_ERRORS:
            raise SourceError("RL904", _CORRUPT_ZIP if data.startswith(_ZIP_SIGNATURES) else _NOT_ZIP) from None
        names = set(self._archive.namelist())
        main = _main_part(self._archive, names, self._limit)
        if main not in names:
            raise SourceError("RL904", f"文件缺少 Word 正文部分（{main}），不是有效的 .docx 文档：请用 Word 或 WPS 重新保存")
        document = parse_xml(_read_part(self._archive, main, self._limit))
        if document is None:
            raise SourceError("RL904", f"Word 正文部分（{main}）已损坏，无法解析：请用 Word 或 WPS 重新打开并保存")
        self.document = document
        self.main = main
        self._related = _related_parts(self._archive, names, main, self._limit)

    def part(self, kind: str) -> bytes | None:
        """The bytes of a part related to the main document (``styles``, ``numbering``, ``comments``), if present."""
        return _read_part(self._archive, self._related.get(kind), self._limit)

    def part_chunks(self, kind: str, size: int) -> Iterator[bytes]:
        """The bytes of a related part as they decompress, ``size`` at a time (nothing when it is absent).

        For a reader that may find what it needs before the end (a style near the
        start of ``styles.xml``): the rest is never decompressed. Errors are raised
        as :meth:`part` raises them, when the damaged or oversized bytes are reached.
        """
        path = self._related.get(kind)
        if path is not None:
            try:
                yield from _part_chunks(self._archive, path, self._limit, size)
            except KeyError:
                return

    def part_path(self, kind: str) -> str | None:
        """The path in the package of a part related to the main document, if present."""
        return self._related.get(kind)

    @property
    def archive(self) -> zipfile.ZipFile:
        """The opened package (for writing a copy of it)."""
        return self._archive


def _relationships(archive: zipfile.ZipFile, names: set[str], path: str, limit: int | None) -> Mapping[str, str]:
    """Relationship type (last path segment) → target, from a ``.rels`` part."""
    data = _read_part(archive, path, limit) if path in names else None
    return _EMPTY_MAPPING if data is None else _parsed_relationships(data)


_EMPTY_MAPPING: Mapping[str, str] = MappingProxyType({})


@functools.lru_cache(maxsize=64)
def _parsed_relationships(data: bytes) -> Mapping[str, str]:
    """The relationships of a ``.rels`` part's bytes, kept per process (documents from one template share them)."""
    root = parse_xml(data)
    if root is None:
        return _EMPTY_MAPPING
    return MappingProxyType(
        {(relationship.get("Type") or "").rsplit("/", 1)[-1]: relationship.get("Target") or "" for relationship in root.iter(_RELATIONSHIP)}
    )


def _main_part(archive: zipfile.ZipFile, names: set[str], limit: int | None) -> str:
    """The main document part named by the package relationships, else the usual ``word/document.xml``."""
    target = (_relationships(archive, names, "_rels/.rels", limit).get("officeDocument") or "").lstrip("/")
    return target if target in names else DEFAULT_MAIN_PART


def _related_parts(archive: zipfile.ZipFile, names: set[str], main: str, limit: int | None) -> dict[str, str]:
    """Relationship type → part path for the parts the main document refers to (styles and numbering at least)."""
    folder, name = posixpath.split(main)
    relationships = _relationships(archive, names, posixpath.join(folder, "_rels", name + ".rels"), limit)
    parts = {
        kind: target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        for kind, target in relationships.items()
    }
    for kind in ("styles", "numbering"):
        parts.setdefault(kind, posixpath.join(folder, kind + ".xml"))
    return {kind: path for kind, path in parts.items() if path in names}


def _read_part(archive: zipfile.ZipFile, path: str | None, limit: int | None) -> bytes | None:
    """A part's bytes; ``None`` when absent. A damaged zip entry raises RL904, one larger than ``limit`` RL911."""
    if path is None:
        return None
    try:
        return b"".join(_part_chunks(archive, path, limit, _CHUNK))
    except KeyError:
        return None


def _part_chunks(archive: zipfile.ZipFile, path: str, limit: int | None, size: int) -> Iterator[bytes]:
    """A part's bytes as they decompress, ``size`` at a time; ``KeyError`` when absent, RL904/RL911 as for :func:`_read_part`."""
    total = 0
    try:
        with archive.open(path) as stream:
            while chunk := stream.read(size):
                total += len(chunk)
                if limit is not None and total > limit:
                    raise SourceError(
                        "RL911",
                        f"文档的 {path} 部分解压后超过 {format_size(limit)}（配置项 max-file-size），没有检查：文件可能是损坏的或恶意构造的压缩包",
                    )
                yield chunk
    except _READ_ERRORS:
        raise SourceError("RL904", _CORRUPT_ZIP) from None


#: A paragraph read: its visible text (stripped), its heading level by style, its text boxes and,
#: when asked for, its positions. A plain tuple: a report has hundreds of paragraphs, one in each cell.
WordParagraph = tuple[str, "int | None", "Sequence[_Element]", "ParagraphPositions | None"]


class ParagraphReader:
    """Reads the visible text of ``w:p`` elements, list labels included, in document order.

    Written for speed (a report has thousands of paragraphs and runs): children
    are scanned once rather than searched with ``find`` (lxml's searches cost
    more than a scan of a few children), runs are read in the paragraph's loop,
    a style's heading level and list are worked out once, and the check for a feature the
    document does not use (hidden text) is skipped.
    """

    def __init__(
        self, w: WordNames, styles: StyleSheet, numbering: Numbering, has_hidden_text: bool, positions: TextPositions | None = None
    ) -> None:
        self._w = w
        self._styles = styles
        self._numbering = numbering
        self._has_hidden_text = has_hidden_text
        # Positions, when asked for: (piece index, w:t) of the text, (piece index, kind, id) of comment marks.
        self._track_text = positions is not None and positions.text
        self._marks = {w.commentRangeStart: "start", w.commentRangeEnd: "end"} if positions is not None and positions.comments else {}
        self._found_origins: list[tuple[int, _Element]] = []
        self._found_marks: list[tuple[int, str, str]] = []
        self._transparent = frozenset(
            getattr(w, tag) for tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
        )
        self._content_wrappers = {w.sdt: w.sdtContent, w.ruby: w.rubyBase, _ALTERNATE_CONTENT: _CHOICE}
        self._characters = {w.tab: "\t", w.ptab: "\t", w.br: "\n", w.cr: "\n", w.noBreakHyphen: "-"}
        self._box_holders = frozenset((w.drawing, w.pict, w.object, _ALTERNATE_CONTENT))
        self._headings: dict[tuple[str | None, int | None], int | None] = {}
        self._style_numbering: dict[str, tuple[str, int] | None] = {}
        self._run_tag, self._text_tag = w.r, w.t

    def read(self, paragraph: _Element) -> WordParagraph:
        """The paragraph's text, heading level, text boxes and positions."""
        count = len(paragraph)
        if count <= 1 and not self._track_text:
            # The commonest paragraphs (most of a report's are in its table cells): empty, or one run holding one w:t,
            # with no properties (so no style, numbering or hidden text) and no marks. Read without the general loop.
            if not count:
                return "", None, (), None
            run = paragraph[0]
            if run.tag == self._run_tag and len(run) == 1:
                text = run[0]
                if text.tag == self._text_tag:
                    return (text.text or "").strip(), None, (), None
        w = self._w
        style = outline = number_id = None
        level = 0
        if len(paragraph) and paragraph[0].tag == w.pPr:
            for setting in paragraph[0]:
                tag = setting.tag
                if tag == w.pStyle:
                    style = setting.get(w.val)
                elif tag == w.outlineLvl:
                    outline = attribute_number(setting.get(w.val))
                elif tag == w.numPr:
                    for part in setting:
                        if part.tag == w.numId:
                            number_id = part.get(w.val)
                        elif part.tag == w.ilvl:
                            level = attribute_number(part.get(w.val), 0)
            if number_id is None and style is not None:
                if style not in self._style_numbering:
                    self._style_numbering[style] = self._styles.numbering(style)
                number_id, level = self._style_numbering[style] or (None, 0)
        pieces: list[str] = [self._numbering.label(number_id, level)] if number_id is not None and number_id != "0" else []
        boxes: list[_Element] = []
        self._read_runs(paragraph, pieces, boxes)
        heading = None
        if style is not None or outline is not None:
            key = (style, outline)
            if key not in self._headings:
                self._headings[key] = self._styles.heading_level(style, outline)
            heading = self._headings[key]
        raw = "".join(pieces)
        text = raw.strip()
        if self._found_origins or self._found_marks:
            return text, heading, boxes, self._positions(pieces, raw, text)
        return text, heading, boxes, None

    def _positions(self, pieces: list[str], raw: str, text: str) -> ParagraphPositions:
        """The recorded origins and marks of the paragraph just read, as offsets in its stripped text."""
        lead = len(raw) - len(raw.lstrip())
        cumulative = list(itertools.accumulate(map(len, pieces), initial=0))
        origins = []
        for index, element in self._found_origins:
            start = max(cumulative[index] - lead, 0)
            end = min(cumulative[index + 1] - lead, len(text))
            if end > start:
                origins.append((start, element, max(0, lead - cumulative[index]), end - start))
        marks = tuple((min(max(cumulative[index] - lead, 0), len(text)), kind, identifier) for index, kind, identifier in self._found_marks)
        self._found_origins, self._found_marks = [], []
        return ParagraphPositions(tuple(origins), marks)

    def _read_runs(self, container: _Element, pieces: list[str], boxes: list[_Element]) -> None:
        w = self._w
        run_tag, text_tag = w.r, w.t
        for child in container:
            tag = child.tag
            if tag == run_tag:
                if self._has_hidden_text and self._is_hidden(child):
                    continue
                for part in child:
                    part_tag = part.tag
                    if part_tag == text_tag:
                        pieces.append(part.text or "")
                        if self._track_text:
                            self._found_origins.append((len(pieces) - 1, part))
                    elif part_tag in self._characters:
                        pieces.append(self._characters[part_tag])
                    elif part_tag == w.sym:
                        pieces.append(_symbol(part.get(w.char)))
                    elif part_tag in self._box_holders:
                        boxes.extend(text_boxes(part, w))
            elif tag in self._transparent:
                self._read_runs(child, pieces, boxes)
            elif tag in self._content_wrappers:
                content = child.find(self._content_wrappers[tag])
                if content is not None:
                    self._read_runs(content, pieces, boxes)
            elif tag in _MATH_CONTAINERS:
                pieces.extend(text.text or "" for text in child.iter(_MATH_TEXT))
            elif tag in self._marks:
                self._found_marks.append((len(pieces), self._marks[tag], child.get(w.id) or ""))

    def _is_hidden(self, run: _Element) -> bool:
        """Whether a run's properties hide it (``w:vanish`` not turned off)."""
        w = self._w
        if not len(run) or run[0].tag != w.rPr:
            return False
        hidden = run[0].find(w.vanish)
        return hidden is not None and hidden.get(w.val) not in _FALSE


def _symbol(code: str | None) -> str:
    """The character of a ``w:sym``; symbol-font glyphs (private use area) and values past Unicode are left out."""
    try:
        character = chr(int(code or "", 16))
    except (ValueError, OverflowError):
        return ""
    return "" if "\ue000" <= character <= "\uf8ff" else character


def text_boxes(element: _Element, w: WordNames) -> Iterator[_Element]:
    """The outermost ``w:txbxContent`` in ``element``; of alternate content only the first choice is read."""
    if element.tag == _ALTERNATE_CONTENT:
        choice = element.find(_CHOICE)
        if choice is not None:
            yield from text_boxes(choice, w)
        return
    for child in element:
        if child.tag == w.txbxContent:
            yield child
        elif isinstance(child.tag, str):
            yield from text_boxes(child, w)


class BodyReader:
    """Writes the blocks of a Word body (paragraphs, tables, text boxes) into a text builder."""

    def __init__(self, w: WordNames, paragraphs: ParagraphReader, builder: TextBuilder, positions: TextPositions | None = None) -> None:
        self._w = w
        self._paragraphs = paragraphs
        self._builder = builder
        self._positions = positions
        self._marks = {w.commentRangeStart: "start", w.commentRangeEnd: "end"} if positions is not None and positions.comments else {}
        self._paragraph_count = 0
        self._paragraph_tag = w.p
        self._wrappers = {w.sdt: w.sdtContent, w.customXml: None, _ALTERNATE_CONTENT: _CHOICE}

    def read_blocks(self, container: _Element, in_text_box: bool = False) -> None:
        """Write the block content of a body, cell, text box or content control."""
        w = self._w
        for child in container:
            tag = child.tag
            if tag == w.p:
                self._paragraph(self._paragraphs.read(child), in_text_box)
            elif tag == w.tbl:
                self._table(child, in_text_box)
            elif tag in self._wrappers:
                content = self._unwrapped(child)
                if content is not None:
                    self.read_blocks(content, in_text_box)
            elif tag in self._marks and self._positions is not None:
                # A range mark between blocks: a start belongs to the next block, an end to the previous one.
                offset = self._builder.offset
                kind = self._marks[tag]
                self._positions.mark(kind, child.get(w.id) or "", offset + 1 if kind == "start" and offset else offset)

    def _unwrapped(self, wrapper: _Element) -> _Element | None:
        inner = self._wrappers[wrapper.tag]
        return wrapper if inner is None else wrapper.find(inner)

    def _paragraph(self, paragraph: WordParagraph, in_text_box: bool) -> None:
        builder = self._builder
        text, heading, boxes, positions = paragraph
        if positions is not None and self._positions is not None and not text:
            self._positions.add_paragraph(builder.offset, positions)  # marks in an empty paragraph
        if text:
            self._paragraph_count += 1
            first = not builder.blocks
            start = builder.start_block()
            if positions is not None and self._positions is not None:
                self._positions.add_paragraph(start, positions)
            builder.write_located(text, ("第{}段（文本框）" if in_text_box else "第{}段", (self._paragraph_count,)))
            level = heading or (1 if first and is_title(text) else numbered_heading_level(text))
            builder.blocks.append(Heading(start, builder.offset, level=level) if level else Paragraph(start, builder.offset))
        for box in boxes:
            self.read_blocks(box, in_text_box=True)

    def _table(self, table: _Element, in_text_box: bool) -> None:
        kept: list[_Element] = []
        rows, column_count = grid_rows(table, self._w, kept)
        if column_count <= 1 or _holds(table, self._w.tbl):  # a layout table: its cells' content is read as blocks
            for row in rows:
                for placed in row:
                    self.read_blocks(placed[4], in_text_box)
            return
        if self._positions is not None:
            write_table_rows(self._builder, rows, column_count, self._write_tracked_cell)
            return
        cell_text = self._cell_text
        for row in rows:
            for placed in row:
                placed[4] = cell_text(placed[4])
        write_table_rows(self._builder, rows, column_count, None)

    def _cell_text(self, cell: _Element) -> str:
        """A cell's paragraphs (and their text boxes) joined by newlines; tabs become spaces.

        :meth:`_cell_lines` with its first level unrolled, for loading without
        positions: a report has hundreds of cells, most of them one paragraph.
        """
        paragraph_tag = self._paragraph_tag
        read = self._paragraphs.read
        texts: list[str] = []
        for child in cell:
            tag = child.tag
            if tag == paragraph_tag:
                text, _, boxes, _ = read(child)
                if text:
                    texts.append(text)
                if boxes:
                    lines: list[WordParagraph] = []
                    for box in boxes:
                        self._cell_lines(box, lines)
                    texts.extend(line[0] for line in lines)
            elif tag in self._wrappers:
                content = self._unwrapped(child)
                if content is not None:
                    lines = []
                    self._cell_lines(content, lines)
                    texts.extend(line[0] for line in lines)
        text = texts[0] if len(texts) == 1 else "\n".join(texts)
        return text.replace("\t", " ") if "\t" in text else text

    def _write_tracked_cell(self, cell: _Element, logical: Place) -> None:
        """:meth:`_write_cell` recording the positions of the cell's text and marks."""
        lines: list[WordParagraph] = []
        self._cell_lines(cell, lines)
        start = self._builder.offset
        if len(lines) == 1:
            text = lines[0][0]
            if "\t" in text:
                text = text.replace("\t", " ")
        else:
            text = "\n".join(line[0].replace("\t", " ") for line in lines)
        if self._positions is not None:
            offset = start
            for line_text, _, _, positions in lines:
                if positions is not None:
                    self._positions.add_paragraph(offset, positions)
                offset += len(line_text) + 1
            if self._positions.text:
                self._positions.cells.append(CellOrigin(start, start + len(text), cell))
        self._builder.write_located(text, logical)

    def _cell_lines(self, container: _Element, lines: list[WordParagraph]) -> None:
        """The paragraphs with text of a cell (or of a text box or content control in it), in reading order."""
        paragraph_tag = self._w.p
        read = self._paragraphs.read
        for child in container:
            tag = child.tag
            if tag == paragraph_tag:
                paragraph = read(child)
                if paragraph[0]:
                    lines.append(paragraph)
                for box in paragraph[2]:
                    self._cell_lines(box, lines)
            elif tag in self._wrappers:
                content = self._unwrapped(child)
                if content is not None:
                    self._cell_lines(content, lines)


def _holds(element: _Element, tag: str) -> bool:
    """Whether an element has a descendant ``tag``."""
    return any(True for _ in element.iterdescendants(tag))


def _children(container: _Element, tag: str, w: WordNames) -> list[_Element]:
    """Children ``w:tag`` of a table or row, looking through content controls and custom XML."""
    found = []
    for child in container:
        child_tag = child.tag
        if child_tag == tag:
            found.append(child)
        elif child_tag == w.sdt:
            content = child.find(w.sdtContent)
            if content is not None:
                found.extend(_children(content, tag, w))
        elif child_tag == w.customXml:
            found.extend(_children(child, tag, w))
    return found


def _properties(element: _Element, tag: str) -> _Element | None:
    """An element's properties child (``w:trPr``, ``w:tcPr``), which the schema puts first or nearly."""
    count = len(element)
    if count and element[0].tag == tag:
        return element[0]
    if count > 1 and element[1].tag == tag:
        return element[1]
    return None


def place_cells(table: _Element, w: WordNames) -> TableGrid[_Element]:
    """Place Word cells on the grid: ``w:gridBefore`` and ``w:gridSpan`` give columns, ``w:vMerge`` rowspans.

    A ``w:vMerge`` continuation cell extends the merge started above it in the
    same column and is not a cell of its own; ``w:hMerge`` continuation cells
    likewise widen the cell before them.
    """
    rows, column_count = grid_rows(table, w)
    return TableGrid(tuple(PlacedCell(*placed) for row in rows for placed in row), len(rows), column_count)


#: A cell placed by :func:`grid_rows`: ``[row, column, rowspan, colspan, w:tc]``, a list so that merges can widen it in place.
GridCell = list[Any]


def grid_rows(table: _Element, w: WordNames, kept: list[_Element] | None = None) -> tuple[list[list[GridCell]], int]:
    """The cells of a table placed on its grid, row by row in column order, and the grid's column count (see :func:`place_cells`).

    Each row lists the cells starting in it as ``[row, column, rowspan, colspan, w:tc]``:
    what :func:`~reportlint.loaders.building.write_table_rows` writes, with no
    :class:`PlacedCell` made and no sorting (Word's cells come in column order).
    The cells' ``w:tcPr`` are added to ``kept`` when given: a reader about to read
    the cells keeps them, so that lxml hands back the same element objects, each
    with the tag it has already worked out, rather than making them again.
    """
    rows: list[list[GridCell]] = []
    open_merges: dict[int, GridCell] = {}  # grid column → the cell whose vertical merge is open there
    column_count = 0
    cell_tag, row_properties_tag, cell_properties_tag = w.tc, w.trPr, w.tcPr
    grid_span, vertical_merge, horizontal_merge, value = w.gridSpan, w.vMerge, w.hMerge, w.val
    for row, tr in enumerate(_children(table, w.tr, w)):
        row_properties = _properties(tr, row_properties_tag)
        column = 0 if row_properties is None else min(attribute_number(w.value(row_properties, "gridBefore"), 0), MAX_SPAN)
        continued: dict[int, GridCell] = {}
        placed: list[GridCell] = []
        for tc in _children(tr, cell_tag, w):
            colspan, vertical, horizontal = 1, None, None
            if len(tc):
                properties = tc[0]
                if properties.tag != cell_properties_tag:
                    properties = tc[1] if len(tc) > 1 else None
                    if properties is not None and properties.tag != cell_properties_tag:
                        properties = None
                if properties is not None:
                    if kept is not None:
                        kept.append(properties)
                    for setting in properties:
                        tag = setting.tag
                        if tag == grid_span:
                            colspan = max(1, min(attribute_number(setting.get(value), 1), MAX_SPAN))
                        elif tag == vertical_merge:
                            vertical = setting.get(value, "continue")
                        elif tag == horizontal_merge:
                            horizontal = setting.get(value, "continue")
            if horizontal == "continue" and placed:
                placed[-1][3] += colspan
            elif vertical == "continue" and column in open_merges:
                merged = continued[column] = open_merges[column]
                merged[2] += 1
            else:
                cell = [row, column, 1, colspan, tc]
                placed.append(cell)
                if vertical == "restart":
                    continued[column] = cell
            column += colspan
        column_count = max(column_count, column)
        open_merges = continued
        rows.append(placed)
    return rows, column_count


class DocxLoader(Loader):
    """Word documents saved by Word, WPS or LibreOffice."""

    format = "docx"
    extensions = (".docx",)

    def load(self, source: Source) -> Document:
        return read_word(source).document


@dataclass(frozen=True)
class WordReading:
    """A loaded Word document with its package (parsed main part included) and the positions recorded while reading."""

    document: Document
    package: WordPackage
    names: WordNames
    positions: TextPositions | None


def read_word(source: Source, track_text: bool = False) -> WordReading:
    """Read a .docx into a :class:`Document`; ``track_text`` also records each character's ``w:t`` and each cell's ``w:tc``."""
    package = WordPackage(source.data, source.max_size)
    root = package.document
    if not (isinstance(root.tag, str) and root.tag.startswith("{") and root.tag.endswith("}document")):
        raise SourceError("RL904", "文件的正文部分不是 Word 文档（缺少 w:document），无法读取")
    w = word_names(root.tag[1 : root.tag.index("}")])
    body = root.find(w.body)
    builder = TextBuilder()
    positions = None
    if body is not None:
        has_comments = (
            package.part_path("comments") is not None and next(body.iter(w.commentRangeStart, w.commentRangeEnd), None) is not None
        )
        positions = TextPositions(text=track_text, comments=has_comments) if track_text or has_comments else None
        has_hidden_text = next(body.iter(w.vanish), None) is not None
        styles = StyleSheet(lambda: package.part_chunks("styles", STYLE_CHUNK), w)
        numbering = Numbering(lambda: package.part("numbering"), w)
        paragraphs = ParagraphReader(w, styles, numbering, has_hidden_text, positions)
        BodyReader(w, paragraphs, builder, positions).read_blocks(body)
    text = builder.text()
    if not text.strip():
        raise SourceError("RL906", "Word 文档中没有文字内容，无法检查")
    document = builder.document(source, DocxLoader.format)
    if positions is not None and positions.comments:
        document = replace(document, suppressions=_comment_suppressions(package, w, positions))
    return WordReading(document, package, w, positions)


def comment_texts(package: WordPackage, w: WordNames) -> dict[str, str]:
    """Comment id → the comment's text (its paragraphs joined by newlines), from the comments part."""
    root = parse_xml(package.part("comments"))
    if root is None:
        return {}
    texts = {}
    for comment in root.iter(w.comment):
        paragraphs = ["".join(text.text or "" for text in paragraph.iter(w.t)) for paragraph in comment.iter(w.p)]
        texts[comment.get(w.id) or ""] = "\n".join(paragraphs)
    return texts


def _comment_suppressions(package: WordPackage, w: WordNames, positions: TextPositions) -> tuple[Suppression, ...]:
    """The suppressions written as Word comments (``reportlint: 忽略 RL603 原因``) over their ranges."""
    texts = comment_texts(package, w)
    found = []
    for identifier, (start, end) in sorted(positions.comment_ranges().items(), key=lambda item: item[1]):
        directive = parse_directive(texts.get(identifier, ""))
        if directive is not None:
            found.append(directive.suppression(start, end, origin="Word 批注"))
    return tuple(found)
