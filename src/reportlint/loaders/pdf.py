"""Loader for PDF reports with a text layer: one paragraph per text line, located by page and line.

The text comes from pypdfium2 (the optional extra ``reportlint[pdf]``, imported
only when a PDF is met), character by character in the order pdfium reads the
page, with pdfium's line breaks. Word processors sometimes draw a line's
quotation marks or other glyphs after the rest of it; a line whose characters
run backwards is put back in left-to-right order. Tables stay text lines (cells
separated by spaces or one per line) for the template reader to align.

``Document.text`` is the pages' lines joined by ``"\\n"`` (lines stripped, blank
lines left out, soft hyphens and control characters dropped). Each line is a
:class:`~reportlint.model.Paragraph` located as ``第2页 第14行`` on its page.
A PDF without text (a scan) is RL905; an encrypted or damaged one is RL904.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from reportlint.hookspecs import hookimpl
from reportlint.loaders import Loader
from reportlint.loaders.extraction import TextBuilder
from reportlint.model import Document, Paragraph
from reportlint.sources import Source, SourceError

if TYPE_CHECKING:
    from pypdfium2 import PdfTextPage

MISSING_PDFIUM = '读取 PDF 需要 pypdfium2，当前没有安装：请执行 pip install "reportlint[pdf]" 后再检查'
NO_TEXT_LAYER = "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）后再检查"
UNREADABLE_TEXT_LAYER = (
    "PDF 的文字层无法识别（字体缺少 Unicode 映射，提取出来是乱码），请从原文件重新导出 PDF 或做文字识别（OCR）"
)
ENCRYPTED = "PDF 文件已加密，需要密码才能打开，无法检查：请提供未加密的版本"
CORRUPT = "PDF 文件已损坏，无法解析：请重新导出或重新下载"

#: pdfium's error code for a missing or wrong password.
PASSWORD_ERROR = 4
#: A line whose next character starts this far (in points) left of the previous one runs backwards.
BACKWARD_TOLERANCE = 1.0
#: Characters whose baselines differ by at most this much (in points) are on one visual line.
BASELINE_TOLERANCE = 1.0
#: A generated space next to Chinese text in a gap narrower than this (in font sizes) is only spacing.
SPACING_GAP = 0.5
#: Largest share of unmapped characters (U+FFFD, private use, NUL) a usable text layer has.
MAX_UNMAPPED_SHARE = 0.5

_LINE_BREAKS = "\r\n"
_DROPPED = frozenset(chr(code) for code in (*range(0, 9), 11, 12, *range(14, 32), 127)) | {"\xad", "\ufffe", "\uffff"}


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


def page_lines(textpage: PdfTextPage) -> Iterator[str]:
    """The text lines of a page, in reading order, with pdfium's generated spaces."""
    from pypdfium2 import raw

    handle = textpage.raw
    line: list[tuple[int, str]] = []  # (character index, character); index -1 for a generated space
    for index in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, index)
        character = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if character in _LINE_BREAKS:
            if line:
                yield _line_text(handle, line)
            line = []
        elif character in _DROPPED:
            continue
        elif character == " " and raw.FPDFText_IsGenerated(handle, index):
            line.append((-1, " "))
        else:
            line.append((index, character))
    if line:
        yield _line_text(handle, line)


def _line_text(handle: Any, line: list[tuple[int, str]]) -> str:
    """A line's text, looking closer at the spaces pdfium generated where the drawing jumps.

    A jump backwards means the line's glyphs were drawn out of order (quotation
    marks drawn after the rest of the line): the line is rebuilt left to right.
    A narrow gap next to Chinese text is only the spacing a word processor puts
    between Chinese and Western characters ("2021 年"): its space is dropped.
    Wider gaps, such as between table cells, keep their space.
    """
    from pypdfium2 import raw

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
        if not (spacing and (_is_chinese(before[1]) or _is_chinese(after[1]))):
            pieces.append(character)
    return "".join(pieces)


def _left_to_right(handle: Any, line: list[tuple[int, str]]) -> str:
    """The drawn characters of a line sorted by position, if they share one baseline.

    pdfium also joins a narrow table cell's wrapped lines into one line; their
    baselines differ and they keep the order they were drawn in.
    """
    from pypdfium2 import raw

    x, y = ctypes.c_double(), ctypes.c_double()
    drawn = []
    for index, character in line:
        if index >= 0:
            raw.FPDFText_GetCharOrigin(handle, index, x, y)
            drawn.append((x.value, y.value, character))
    baselines = [glyph[1] for glyph in drawn]
    if max(baselines) - min(baselines) > BASELINE_TOLERANCE:
        return "".join(character for _, character in line)
    return "".join(glyph[2] for glyph in sorted(drawn, key=lambda glyph: glyph[0]))


def _is_chinese(character: str) -> bool:
    """Han characters and full-width punctuation."""
    return "\u3000" <= character <= "\u9fff" or "\uff00" <= character <= "\uffef" or "\U00020000" <= character <= "\U0003ffff"


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
        builder = TextBuilder()
        try:
            for page_number in range(1, len(pdf) + 1):
                _write_page(builder, pdf, page_number)
        except pdfium.PdfiumError:
            raise SourceError("RL904", CORRUPT) from None
        finally:
            pdf.close()
        text = builder.text()
        visible = "".join(text.split())
        if not visible:
            raise SourceError("RL905", NO_TEXT_LAYER)
        if sum(1 for character in visible if _is_unmapped(character)) > MAX_UNMAPPED_SHARE * len(visible):
            raise SourceError("RL905", UNREADABLE_TEXT_LAYER)
        return Document(
            path=source.display_path,
            text=text,
            blocks=tuple(builder.blocks),
            source_map=builder.source_map(text),
            format=self.format,
        )


def _write_page(builder: TextBuilder, pdf: Any, page_number: int) -> None:
    """Write a page's non-blank lines, each a paragraph located on its page."""
    page = pdf[page_number - 1]
    textpage = page.get_textpage()
    try:
        line_number = 0
        for line in page_lines(textpage):
            stripped = line.strip()
            if not stripped:
                continue
            line_number += 1
            start = builder.start_block()
            builder.write_located(stripped, f"第{page_number}页 第{line_number}行", page_number)
            builder.blocks.append(Paragraph(start, builder.offset))
    finally:
        textpage.close()
        page.close()


@hookimpl
def reportlint_loaders():
    """The PDF loader."""
    return [PdfLoader]
