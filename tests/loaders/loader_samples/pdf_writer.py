"""Hand-written minimal PDFs for loader tests: text pages in a standard font, image-only pages, encryption."""

from __future__ import annotations

#: A 2×2 grey image, the whole content of a "scanned" page.
_IMAGE = (
    b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>"
    b"\nstream\n\x00\xff\xff\x00\nendstream"
)
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>"
#: Maps printable ASCII to itself and byte 0xAD to U+00AD SOFT HYPHEN, as word processors' hyphenation does.
_TO_UNICODE_MAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Latin def "
    b"1 begincodespacerange <00> <FF> endcodespacerange "
    b"1 beginbfrange <20> <7E> <0020> endbfrange 1 beginbfchar <AD> <00AD> endbfchar "
    b"endcmap CMapName currentdict /CMap defineresource pop end end"
)
_TO_UNICODE = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_TO_UNICODE_MAP), _TO_UNICODE_MAP)
#: A standard security handler whose /U entry no password matches: readers must ask for a password.
_ENCRYPTION = (
    b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
    b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"
)


def _text_stream(lines: list[str]) -> bytes:
    operators = ["BT /F1 12 Tf 72 760 Td 16 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        operators.append(f"({escaped}) Tj T*")
    operators.append("ET")
    return "\n".join(operators).encode("latin-1")


def write_pdf(pages: list[list[str]], *, scanned: bool = False, encrypted: bool = False) -> bytes:
    """A PDF with one page per list of text lines (Helvetica), or image-only pages when ``scanned``."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT, _IMAGE, _TO_UNICODE]
    page_numbers = []
    for lines in pages:
        content = b"q 200 0 0 200 100 400 cm /Im1 Do Q" if scanned else _text_stream(lines)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        content_number = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>" % content_number
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
