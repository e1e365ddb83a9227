"""Loader for PDF reports with a text layer: ruled tables as real tables, other text one paragraph per line.

The text comes from pypdfium2 (a dependency of reportlint, imported
only when a PDF is met), character by character in the order pdfium reads the
page, with pdfium's line breaks. Word processors sometimes draw a line's
quotation marks or other glyphs after the rest of it; a line whose characters
run backwards is put back in left-to-right order.

Tables drawn with rules (every table a word processor exports with borders)
are rebuilt from the page's rule lines (:mod:`~reportlint.loaders.pdf.grids`):
each character goes to the cell containing its centre, a cell's text is made
from its glyphs' positions (:mod:`~reportlint.loaders.pdf.glyphs`), and the
table becomes a :class:`~reportlint.core.model.Table` written as the HTML and .docx
loaders write theirs (:func:`~reportlint.loaders.building.write_table`). A
table stands where its first character is drawn. A table continued on the next
page (columns that line up, nothing but page headers/footers of at most
:data:`MAX_FURNITURE_CHARACTERS` characters between) is one table again
(:mod:`~reportlint.loaders.pdf.tables`); those headers/footers follow it.
Text outside ruled tables, and every page of a PDF without rules (a scan with
OCR text, a plain text export), is read line by line as before.

Page furniture — page numbers (``- 3 -``, ``第 3 页 共 8 页``) and running
headers and footers repeated at the top or bottom of the pages — is removed
first (:mod:`~reportlint.loaders.pdf.furniture`), and lines wrapped inside a
paragraph are joined again (:mod:`~reportlint.loaders.pdf.paragraphs`), so a
date, a number or a parenthesis that wraps onto the next line reads whole.

``Document.text`` is the paragraphs joined by ``"\\n"`` (lines stripped, blank
lines left out, soft hyphens and control characters dropped), tables one line
per grid row with tab-separated cells. Each paragraph is a
:class:`~reportlint.core.model.Paragraph` whose lines are located as ``第2页 第14行`` (counting the
page's text lines outside tables); a cell is located as ``第2页 表格1 第5行 第2列``
(the page it starts on, the table's number in the document, its grid row and
column). A PDF without text (a scan) is RL905; an encrypted or damaged one is RL904.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.core.model import Document, Paragraph
from reportlint.loaders import Loader
from reportlint.loaders.building import Place, TableGrid, TextBuilder, place_text, write_table
from reportlint.loaders.pdf.furniture import without_furniture
from reportlint.loaders.pdf.glyphs import SPACING_GAP, Glyph, cell_text, is_chinese, join_lines
from reportlint.loaders.pdf.grids import RuledGrid, find_grids
from reportlint.loaders.pdf.paragraphs import paragraphs
from reportlint.loaders.pdf.strokes import page_rules
from reportlint.loaders.pdf.tables import CellText, TablePiece, join_pieces
from reportlint.sources import Source, SourceError

if TYPE_CHECKING:
    from pypdfium2 import PdfTextPage

MISSING_PDFIUM = "读取 PDF 需要 pypdfium2，当前环境中没有：请执行 pip install pypdfium2（或重新安装 reportlint）后再检查"
NO_TEXT_LAYER = "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）后再检查"
UNREADABLE_TEXT_LAYER = "PDF 的文字层无法识别（字体缺少 Unicode 映射，提取出来是乱码），请从原文件重新导出 PDF 或做文字识别（OCR）"
ENCRYPTED = "PDF 文件已加密，需要密码才能打开，无法检查：请提供未加密的版本"
CORRUPT = "PDF 文件已损坏，无法解析：请重新导出或重新下载"

#: pdfium's error code for a missing or wrong password.
PASSWORD_ERROR = 4
#: A line whose next character starts this far (in points) left of the previous one runs backwards.
BACKWARD_TOLERANCE = 1.0
#: Characters whose baselines differ by at most this much (in points) are on one visual line.
BASELINE_TOLERANCE = 1.0
#: Largest share of unmapped characters (U+FFFD, private use, NUL) a usable text layer has.
MAX_UNMAPPED_SHARE = 0.5
#: Longest line (in non-space characters) taken for a page header or footer between two pages of a table.
MAX_FURNITURE_CHARACTERS = 10

_LINE_BREAKS = "\r\n"
#: Characters a word processor may draw after the rest of their line (LibreOffice: quotation marks of another font).
_DRAWN_LATE = frozenset("“”‘’")
_DROPPED = frozenset(chr(code) for code in (*range(9), 11, 12, *range(14, 32), 127)) | {"\xad", "\ufffe", "\uffff"}


def _import_pdfium() -> Any:
    """pypdfium2, or RL902 with the advice to install the extra when it is missing or unusable."""
    try:
        import pypdfium2
    except (ImportError, OSError):
        raise SourceError("RL902", MISSING_PDFIUM) from None
    return pypdfium2


def _is_unmapped(character: str) -> bool:
    """U+FFFD or a private-use character: a glyph the PDF gives no Unicode value for."""
    return character == "\ufffd" or "\ue000" <= character <= "\uf8ff"


@dataclass(frozen=True)
class LineText:
    """A text line of a page and where it is drawn: its left and right ends and font size, in points."""

    text: str
    left: float = 0.0
    right: float = 0.0
    size: float = 0.0


def page_lines(textpage: PdfTextPage, tables: PageTables | None = None) -> Iterator[LineText | int]:
    """The text lines of a page, in reading order, with pdfium's generated spaces and their extent.

    With ``tables``, a character drawn in a cell of a ruled table goes to that
    table instead, and the table's number is yielded where its first character is met.
    """
    from pypdfium2 import raw

    handle = textpage.raw
    get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    place = tables.place if tables is not None else None
    line: list[tuple[int, str]] = []  # (character index, character); index -1 for a generated space
    started: set[int] = set()
    for index in range(raw.FPDFText_CountChars(handle)):
        code = get_unicode(handle, index)
        character = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if character in _LINE_BREAKS:
            if line:
                yield _placed_line(handle, line)
            line = []
        elif character in _DROPPED:
            continue
        elif character == " " and is_generated(handle, index):
            line.append((-1, " "))
        else:
            table = place(handle, index, character) if place is not None else None
            if table is None:
                line.append((index, character))
            elif table not in started:
                started.add(table)
                if line:
                    yield _placed_line(handle, line)
                line = []
                yield table
    if line:
        yield _placed_line(handle, line)


def _placed_line(handle: Any, line: list[tuple[int, str]]) -> LineText:
    """A line's text with the left end of its first drawn character, the right end of its last and the font size."""
    from pypdfium2 import raw

    drawn = [index for index, _ in line if index >= 0]
    text, rightmost = _line_text(handle, line)
    if not drawn:
        return LineText(text)
    box = raw.FS_RECTF()
    raw.FPDFText_GetLooseCharBox(handle, drawn[0], box)
    left = box.left
    # the last glyph drawn ends the line, unless the line was drawn out of order (its quotation marks last)
    raw.FPDFText_GetLooseCharBox(handle, drawn[-1] if rightmost is None else rightmost, box)
    right = box.right
    return LineText(text, min(left, right), max(left, right), raw.FPDFText_GetFontSize(handle, drawn[0]))


def _line_text(handle: Any, line: list[tuple[int, str]]) -> tuple[str, int | None]:
    """A line's text, looking closer at the spaces pdfium generated where the drawing jumps; and, for a line rebuilt left
    to right, the index of its rightmost glyph (None: the last drawn is).

    A jump backwards means the line's glyphs were drawn out of order (quotation
    marks drawn after the rest of the line): the line is rebuilt left to right.
    A narrow gap next to Chinese text is only the spacing a word processor puts
    between Chinese and Western characters ("2021 年"): its space is dropped.
    Wider gaps, such as between table cells, keep their space.
    """
    from pypdfium2 import raw

    if any(character in _DRAWN_LATE for _, character in line):  # (quotation marks drawn next to the glyph they precede)
        drawn = _drawn_glyphs(handle, line)
        if not _in_drawing_order(drawn) and _on_one_baseline(drawn):
            return _sorted_text(drawn)
    before_box, after_box = raw.FS_RECTF(), raw.FS_RECTF()
    pieces = []
    for position, (index, character) in enumerate(line):
        if index >= 0:
            pieces.append(character)
            continue
        before = line[position - 1] if position else (-1, "")
        after = line[position + 1] if position + 1 < len(line) else (-1, "")
        if before[0] < 0 or after[0] < 0:
            pieces.append(character)
            continue
        raw.FPDFText_GetLooseCharBox(handle, before[0], before_box)
        raw.FPDFText_GetLooseCharBox(handle, after[0], after_box)
        if after_box.left < before_box.left - BACKWARD_TOLERANCE:
            return _left_to_right(handle, line)
        spacing = after_box.left - before_box.right < SPACING_GAP * raw.FPDFText_GetFontSize(handle, before[0])
        if not (spacing and (is_chinese(before[1]) or is_chinese(after[1]))):
            pieces.append(character)
    return "".join(pieces), None


def _left_to_right(handle: Any, line: list[tuple[int, str]]) -> tuple[str, int | None]:
    """The drawn characters of a line sorted by position, if they share one baseline, and the index of the rightmost.

    pdfium also joins a narrow table cell's wrapped lines into one line; their
    baselines differ and they keep the order they were drawn in.
    """
    drawn = _drawn_glyphs(handle, line)
    if not _on_one_baseline(drawn):
        return "".join(character for _, character in line), None
    return _sorted_text(drawn)


#: A drawn glyph: where its baseline starts (x, y), its character and its index on the page.
_Glyph = tuple[float, float, str, int]


def _drawn_glyphs(handle: Any, line: list[tuple[int, str]]) -> list[_Glyph]:
    from pypdfium2 import raw

    x, y = ctypes.c_double(), ctypes.c_double()
    drawn = []
    for index, character in line:
        if index >= 0:
            raw.FPDFText_GetCharOrigin(handle, index, x, y)
            drawn.append((x.value, y.value, character, index))
    return drawn


def _on_one_baseline(drawn: list[_Glyph]) -> bool:
    baselines = [glyph[1] for glyph in drawn]
    return not baselines or max(baselines) - min(baselines) <= BASELINE_TOLERANCE


def _in_drawing_order(drawn: list[_Glyph]) -> bool:
    return all(before[0] <= after[0] + BACKWARD_TOLERANCE for before, after in itertools.pairwise(drawn))


def _sorted_text(drawn: list[_Glyph]) -> tuple[str, int | None]:
    ordered = sorted(drawn, key=lambda glyph: glyph[0])
    return "".join(glyph[2] for glyph in ordered), (ordered[-1][3] if ordered else None)


class PageTables:
    """The ruled tables of a page and the glyphs drawn in each of their cells."""

    def __init__(self, grids: list[RuledGrid]) -> None:
        from pypdfium2 import raw

        self._grids = grids
        self._glyphs: list[list[list[Glyph]]] = [[[] for _ in grid.cells] for grid in grids]
        self._char_box = raw.FPDFText_GetLooseCharBox
        self._box = raw.FS_RECTF()

    def place(self, handle: Any, index: int, character: str) -> int | None:
        """The number of the table whose cell holds the character's centre (keeping its glyph there), else None."""
        box = self._box
        self._char_box(handle, index, box)
        x, y = (box.left + box.right) / 2, (box.top + box.bottom) / 2
        for number, grid in enumerate(self._grids):
            cell = grid.cell_at(x, y)
            if cell is not None:
                self._glyphs[number][cell].append(Glyph(character, box.left, box.right, box.bottom, box.top - box.bottom))
                return number
        return None

    def piece(self, number: int, page: int) -> TablePiece:
        """The table's piece on this page, with the text of its cells."""
        return TablePiece.of(self._grids[number], [cell_text(glyphs) for glyphs in self._glyphs[number]], page)


@dataclass(frozen=True)
class PageLine:
    """A line of text outside tables: its text (stripped), page, number among the page's text lines, and extent."""

    text: str
    page: int
    number: int
    left: float = 0.0
    right: float = 0.0
    size: float = 0.0


class PdfLoader(Loader):
    """PDF files with a text layer (exported from Word/WPS, or OCRed)."""

    format = "pdf"
    extensions = (".pdf",)

    def load(self, source: Source) -> Document:
        pdfium = _import_pdfium()
        try:
            pdf = pdfium.PdfDocument(source.data)
        except pdfium.PdfiumError as error:
            raise SourceError("RL904", ENCRYPTED if error.err_code == PASSWORD_ERROR else CORRUPT) from None
        try:
            pages = [_read_page(pdf, page_number) for page_number in range(1, len(pdf) + 1)]
        except pdfium.PdfiumError:
            raise SourceError("RL904", CORRUPT) from None
        finally:
            pdf.close()
        builder = TextBuilder()

        def write_cell(cell: CellText, logical: Place) -> None:
            builder.write_located(cell.text, f"第{cell.page}页 {place_text(logical)}", cell.page)

        pages = without_furniture(pages)
        for block in paragraphs(_reading_order(pages)):
            if isinstance(block, list):
                start = builder.start_block()
                previous = ""
                for line in block:
                    assert isinstance(line, PageLine)
                    if previous and join_lines(previous, line.text) != previous + line.text:
                        builder.write(" ")
                    builder.write_located(line.text, f"第{line.page}页 第{line.number}行", line.page)
                    previous = line.text
                builder.blocks.append(Paragraph(start, builder.offset))
            else:
                assert isinstance(block, TableGrid)
                write_table(builder, block, write_cell)
        text = builder.text()
        visible = "".join(text.split())
        if not visible:
            raise SourceError("RL905", NO_TEXT_LAYER)
        if sum(1 for character in visible if _is_unmapped(character)) > MAX_UNMAPPED_SHARE * len(visible):
            raise SourceError("RL905", UNREADABLE_TEXT_LAYER)
        return builder.document(source, self.format)


def _read_page(pdf: Any, page_number: int) -> list[PageLine | TablePiece]:
    """A page's non-blank text lines and the pieces of its ruled tables (those with text), in reading order."""
    page = pdf[page_number - 1]
    textpage = page.get_textpage()
    try:
        grids = find_grids(page_rules(page))
        tables = PageTables(grids) if grids else None
        items: list[LineText | int] = list(page_lines(textpage, tables))
    finally:
        textpage.close()
        page.close()
    result: list[PageLine | TablePiece] = []
    line_number = 0
    for item in items:
        if isinstance(item, int):
            assert tables is not None
            piece = tables.piece(item, page_number)
            if piece.has_text:
                result.append(piece)
        elif item.text.strip():
            line_number += 1
            result.append(PageLine(item.text.strip(), page_number, line_number, item.left, item.right, item.size))
    return result


def _reading_order(pages: Iterable[list[PageLine | TablePiece]]) -> Iterator[PageLine | TableGrid[CellText]]:
    """Lines and tables in reading order, each table's pieces on consecutive pages joined.

    Page headers and footers met between two pieces of a table follow the table.
    """
    pieces: list[TablePiece] = []
    furniture: list[PageLine] = []
    for item in (item for items in pages for item in items):
        if pieces and isinstance(item, TablePiece) and item.continues(pieces[-1]):
            pieces.append(item)
        elif pieces and isinstance(item, PageLine) and len("".join(item.text.split())) <= MAX_FURNITURE_CHARACTERS:
            furniture.append(item)
        else:
            if pieces:
                yield join_pieces(pieces)
                yield from furniture
            pieces, furniture = [], []
            if isinstance(item, TablePiece):
                pieces.append(item)
            else:
                yield item
    if pieces:
        yield join_pieces(pieces)
        yield from furniture
