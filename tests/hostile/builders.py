"""Scripts that build hostile inputs: bombs, long lines, huge tables, bad plugins and packs.

Each function writes (or returns) one input as it was seen to break or stall a
run; ``tests/hostile/`` checks what reportlint does with it. Run this module to
write every case into a folder and look at them::

    python tests/hostile/builders.py /tmp/hostile
"""

from __future__ import annotations

import sys
import zipfile
from io import BytesIO
from pathlib import Path

from reportlint.testing.reports import SampleReport, render, render_html

#: The report whose findings must still appear next to every hostile file (a broken total and a title duplicate).
DEFECTS = ("RL114", "RL301")


def good_report() -> str:
    """A generated 2021 report with a broken total (RL301) and a duplicated word in its title (RL114)."""
    report = SampleReport.build("T2021", 2021, seed=3)
    report = report.with_cell("s3", "r1", "c_total", str(int(report.value("s3", "r1", "c_total")) + 1))
    report = report.with_title(report.title.replace("公开", "公开公开", 1))
    return render(report, "tabs")


def clean_report(layout: str = "tabs") -> str:
    """A balanced 2021 report."""
    return render(SampleReport.build("T2021", 2021, seed=5), layout)


# ---------------------------------------------------------------- text


def enumeration_bomb(size: int = 12_000) -> str:
    """Section 一 full of 、-joined items and no 等: RL109's old pattern took minutes on 12 KB."""
    report = clean_report()
    marker = report.index("\n", report.index("总体情况")) + 1
    return report[:marker] + "主动公开、" * (size // 5) + "\n" + report[marker:]


def long_line(length: int = 100_000, char: str = "，") -> str:
    """A report with one line of ``length`` characters (a page of commas: one finding per character before the cap)."""
    return clean_report() + "\n" + char * length + "\n"


def huge_table(rows: int = 100_000) -> str:
    """A report whose application table goes on for ``rows`` extra rows."""
    report = clean_report()
    marker = report.index("\n", report.index("本年新收"))
    extra = "".join(f"\n其他情况{number}\t" + "\t".join(["0"] * 7) for number in range(rows))
    return report[:marker] + extra + report[marker:]


def huge_html_table(rows: int = 100_000) -> str:
    """A web page whose application table has ``rows`` extra rows."""
    page = render_html(SampleReport.build("T2021", 2021, seed=5))
    marker = page.index("</table>", page.index("本年新收"))
    extra = "".join(f"<tr><td>其他情况{number}</td>" + "<td>0</td>" * 7 + "</tr>" for number in range(rows))
    return page[:marker] + extra + page[marker:]


def long_number(digits: int = 5_000) -> str:
    """A cell of the application table and a sentence holding a number of ``digits`` digits."""
    report = clean_report()
    number = "9" * digits
    marker = report.index("\n", report.index("本年新收"))
    line_start = report.rfind("\n", 0, marker) + 1
    cells = report[line_start:marker].split("\t")
    cells[1] = number
    report = report[:line_start] + "\t".join(cells) + report[marker:]
    return report.replace("一、总体情况\n", f"一、总体情况\n本年度共公开信息{number}条。\n", 1)


def html_colspan(value: str) -> str:
    """A web page whose first table cell has ``colspan`` = ``value`` (``²``, or thousands of digits)."""
    page = render_html(SampleReport.build("T2021", 2021, seed=5))
    return page.replace("<td", f'<td colspan="{value}"', 1)


# ---------------------------------------------------------------- .docx


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(text: str, numbered: bool = False) -> str:
    numbering = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if numbered else ""
    return f"<w:p>{numbering}<w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(paragraphs: list[str], numbering: str | None = None) -> bytes:
    """A minimal .docx with these paragraphs (and a numbering part when given)."""
    body = "".join(paragraphs)
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document.encode("utf-8"))
        if numbering is not None:
            archive.writestr("word/numbering.xml", numbering.encode("utf-8"))
    return buffer.getvalue()


def numbering_bomb(start: int = 500_000_000_000) -> bytes:
    """A list in upper-roman numerals starting at ``start`` (the label would be gigabytes of M)."""
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    lines = clean_report().splitlines()
    paragraphs = [_paragraph(line, numbered=index in (3, 4, 5)) for index, line in enumerate(lines) if line.strip()]
    return docx(paragraphs, numbering)


def docx_attribute(value: str) -> bytes:
    """A .docx whose list level and start attributes hold ``value`` (``²`` passes ``isdigit()``)."""
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{value}"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    lines = [line for line in clean_report().splitlines() if line.strip()]
    return docx([_paragraph(line, numbered=index == 2) for index, line in enumerate(lines)], numbering)


def docx_bomb(path: Path, size: int, understate: bool = False) -> None:
    """A .docx whose ``document.xml`` decompresses to ``size`` bytes, written while compressing (never held in memory).

    With ``understate``, the zip's headers claim the part is 1 KB (a header must never be trusted).
    """
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'.encode()
    tail = b"</w:body></w:document>"
    filler = (_paragraph("报告正文") * 2000).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(head)
            written = len(head) + len(tail)
            while written + len(filler) <= size:
                stream.write(filler)
                written += len(filler)
            stream.write(tail)
    if understate:
        data = bytearray(path.read_bytes())
        name = b"word/document.xml"
        for signature in (b"PK\x01\x02", b"PK\x03\x04"):
            position = data.find(signature)
            while position >= 0:
                header = 46 if signature == b"PK\x01\x02" else 30
                name_at = position + header
                if data[name_at : name_at + len(name)] == name:
                    size_at = position + (24 if signature == b"PK\x01\x02" else 22)
                    data[size_at : size_at + 4] = (1024).to_bytes(4, "little")
                position = data.find(signature, position + 4)
        path.write_bytes(bytes(data))


# ---------------------------------------------------------------- PDF


def pdf_with_surrogate() -> bytes:
    """A one-page PDF whose ToUnicode map turns a glyph into a lone surrogate (U+D800)."""
    content = b"BT /F1 24 Tf 72 720 Td <0102> Tj ET"
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Custom def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n2 beginbfchar <01> <D800> <02> <0041> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


# ---------------------------------------------------------------- plugins and packs


def plugin(body: str, code: str = "HX101", name: str = "hostile-rule") -> str:
    """A local plugin with one rule whose ``check`` body is ``body`` (indented by the caller's lines)."""
    check = "\n".join("        " + line for line in body.strip().splitlines())
    return f'''import os, sys, time
from reportlint import Rule, hookimpl


class HostileRule(Rule):
    """一条行为不端的插件规则（测试用）。

    反例：

        无

    正例：

        无
    """

    code = "{code}"
    name = "{name}"
    severity = "warning"

    def check(self, report):
{check}


@hookimpl
def reportlint_rules():
    return [HostileRule]
'''


def hook_plugin(hook: str, body: str) -> str:
    """A local plugin implementing one hook with ``body``."""
    arguments = "config, rules" if hook == "reportlint_configure" else ""
    lines = "\n".join("    " + line for line in body.strip().splitlines())
    return f"""from reportlint import hookimpl


@hookimpl
def {hook}({arguments}):
{lines}
"""


def constructor_plugin() -> str:
    """A plugin whose rule raises in ``__init__``."""
    return plugin("return ()").replace(
        '    severity = "warning"\n',
        '    severity = "warning"\n\n    def __init__(self, config=None):\n        raise RuntimeError("构造失败")\n',
    )


def alias_bomb_pack(levels: int = 12) -> str:
    """A pack whose rule's ``section`` is a billion-laughs alias expansion (9 ** 12 strings once expanded)."""
    lines = ['      - &a0 ["哈哈哈哈哈哈哈哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    lines += [f"      - &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]" for level in range(1, levels)]
    return (
        "rules:\n  - code: HX201\n    name: bomb\n    type: pattern\n    literal: 公开\n    message: x\n"
        "    examples:\n      bad:\n" + "\n".join("  " + line for line in lines) + f"\n    section: *a{levels - 1}\n"
    )


def write_all(folder: Path) -> None:
    """Write every text-sized case into ``folder`` (the large bombs are left to the tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(good_report(), encoding="utf-8")
    (folder / "enumeration.txt").write_text(enumeration_bomb(), encoding="utf-8")
    (folder / "long-line.txt").write_text(long_line(), encoding="utf-8")
    (folder / "huge-table.txt").write_text(huge_table(), encoding="utf-8")
    (folder / "long-number.txt").write_text(long_number(), encoding="utf-8")
    (folder / "numbering.docx").write_bytes(numbering_bomb())
    (folder / "surrogate.pdf").write_bytes(pdf_with_surrogate())


if __name__ == "__main__":
    write_all(Path(sys.argv[1]))
