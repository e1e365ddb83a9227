"""Hand-written minimal PDFs for loader tests: text pages in a standard font, image-only pages, encryption, drawn tables.

:func:`write_pdf` writes lines of Western text. :func:`write_drawing` writes
pages of :class:`Text` placed anywhere (Chinese too, in the standard CJK font
STSong-Light, every character one em wide) and table borders drawn the ways
word processors draw them: stroked lines (:class:`Stroke`, LibreOffice),
filled thin rectangles (:class:`Rectangles`, Word and WPS) or stroked ones.
"""

from __future__ import annotations

from dataclasses import dataclass

#: A 2×2 grey image, the whole content of a "scanned" page.
_IMAGE = (
    b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>"
    b"\nstream\n\x00\xff\xff\x00\nendstream"
)
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>"
#: Adobe's standard simplified-Chinese font (not embedded), addressed in UCS-2: text is written as UTF-16BE.
_CJK_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< "
    b"/Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>"
)
#: Maps printable ASCII to itself and byte 0xAD to U+00AD SOFT HYPHEN, as word processors' hyphenation does.
_TO_UNICODE_MAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Latin def "
    b"1 begincodespacerange <00> <FF> endcodespacerange "
    b"1 beginbfrange <20> <7E> <0020> endbfrange 1 beginbfchar <AD> <00AD> endbfchar "
    b"endcmap CMapName currentdict /CMap defineresource pop end end"
)
_TO_UNICODE = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_TO_UNICODE_MAP), _TO_UNICODE_MAP)
#: A standard security handler whose /U entry no password matches: readers must ask for a password.
_ENCRYPTION = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"


def _text_stream(lines: list[str]) -> bytes:
    operators = ["BT /F1 12 Tf 72 760 Td 16 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        operators.append(f"({escaped}) Tj T*")
    operators.append("ET")
    return "\n".join(operators).encode("latin-1")


def write_pdf(pages: list[list[str]], *, scanned: bool = False, encrypted: bool = False) -> bytes:
    """A PDF with one page per list of text lines (Helvetica), or image-only pages when ``scanned``."""
    contents = [b"q 200 0 0 200 100 400 cm /Im1 Do Q" if scanned else _text_stream(lines) for lines in pages]
    return _document(contents, encrypted=encrypted)


@dataclass(frozen=True)
class Text:
    """Text drawn from (x, y), the left end of its baseline, in ``size``-point STSong-Light."""

    x: float
    y: float
    text: str
    size: float = 10.0


@dataclass(frozen=True)
class Stroke:
    """A line stroked from (x0, y0) to (x1, y1), as LibreOffice draws a table border."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5


#: A rectangle: (left, bottom, right, top).
Rectangle = tuple[float, float, float, float]


@dataclass(frozen=True)
class Rectangles:
    """Rectangles drawn as one path: filled (Word's thin borders, or cell shading) or stroked (cell outlines)."""

    rectangles: tuple[Rectangle, ...]
    filled: bool = True


Drawn = Text | Stroke | Rectangles


def _drawing_stream(items: list[Drawn]) -> bytes:
    operators = []
    for item in items:
        if isinstance(item, Text):
            operators.append(f"BT /F2 {item.size:g} Tf {item.x:g} {item.y:g} Td <{item.text.encode('utf-16-be').hex()}> Tj ET")
        elif isinstance(item, Stroke):
            operators.append(f"{item.width:g} w {item.x0:g} {item.y0:g} m {item.x1:g} {item.y1:g} l S")
        else:
            path = " ".join(f"{left:g} {bottom:g} {right - left:g} {top - bottom:g} re" for left, bottom, right, top in item.rectangles)
            operators.append(f"{path} f" if item.filled else f"0.5 w {path} S")
    return "\n".join(operators).encode("ascii")


def write_drawing(pages: list[list[Drawn]], *, form_offset: tuple[float, float] | None = None) -> bytes:
    """A PDF with one A4 page per list of drawn items.

    With ``form_offset`` each page's items are drawn inside a form XObject
    (as some generators wrap page content), itself drawn shifted by the offset.
    """
    if form_offset is None:
        return _document([_drawing_stream(items) for items in pages])
    dx, dy = form_offset
    place = f"q 1 0 0 1 {dx:g} {dy:g} cm /Fm1 Do Q".encode("ascii")
    return _document([place] * len(pages), forms=[_drawing_stream(items) for items in pages])


def _resources(form: int | None = None) -> bytes:
    """The resources of a page or form: the two fonts, the image, and the page's form (its object number)."""
    xobjects = b"/Im1 4 0 R" + (b" /Fm1 %d 0 R" % form if form is not None else b"")
    return b"<< /Font << /F1 3 0 R /F2 6 0 R >> /XObject << %s >> >>" % xobjects


def _document(contents: list[bytes], *, encrypted: bool = False, forms: list[bytes] | None = None) -> bytes:
    """A PDF whose pages have these content streams (fonts F1 Helvetica and F2 STSong-Light, image Im1).

    ``forms`` gives each page a form XObject ``Fm1`` with that content.
    """
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT, _IMAGE, _TO_UNICODE, _CJK_FONT]
    page_numbers = []
    for index, content in enumerate(contents):
        form = None
        if forms is not None:
            objects.append(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %s /Length %d >>\nstream\n%s\nendstream"
                % (_resources(), len(forms[index]), forms[index])
            )
            form = len(objects)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        content_number = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources %s >>" % (content_number, _resources(form))
        )
        page_numbers.append(len(objects))
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))
    if encrypted:
        objects.append(_ENCRYPTION)
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 1)
    if encrypted:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"ab" * 16, b"ab" * 16)
    output += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(output)
