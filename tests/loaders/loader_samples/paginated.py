"""A sample report as a Word file laid out like a printed one: a running header, page numbers, narrow label columns.

Converted to PDF by LibreOffice, it has everything PDF reading must undo: the
header and the page number on every page, paragraphs wrapped over several lines
(parentheses and dates among them) and table rows whose wrapped labels are split
by a page break. The report is :class:`reportlint.testing.reports.SampleReport`,
written by :func:`reportlint.testing.reports.write_docx`; python-docx then adds
the header, the footer and the column widths.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from reportlint.testing.reports import SampleReport, write_docx

#: The running header printed at the top of every page.
RUNNING_HEADER = "某某县某某镇政府信息公开工作年度报告（公开发布稿）"
#: How narrow the label columns of the tables are: long labels wrap over many lines, so a page break splits rows.
LABEL_COLUMN_WIDTH = Cm(1.4)


def _field(paragraph, instruction: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) to a paragraph, as Word writes it: begin, instruction, end."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    value = OxmlElement("w:t")
    value.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, value, end):
        run._r.append(element)


def write_paginated_docx(report: SampleReport, path: Path, footer: str = "第 {PAGE} 页 共 {NUMPAGES} 页") -> Path:
    """Write ``report`` as a .docx with a running header, a page-number footer and narrow label columns.

    ``footer`` is the footer's text; ``{PAGE}`` and ``{NUMPAGES}`` become Word fields.
    """
    write_docx(report, path)
    document = Document(str(path))
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = RUNNING_HEADER
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rest = footer
    while rest:
        before, brace, after = rest.partition("{")
        if before:
            paragraph.add_run(before)
        if not brace:
            break
        name, _, rest = after.partition("}")
        _field(paragraph, name)
    for table in document.tables:
        labels = _label_columns(table)
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                if index < labels:
                    cell.width = LABEL_COLUMN_WIDTH
    document.save(str(path))
    return path


def _label_columns(table) -> int:
    """How many columns at the left of a table hold labels (no digit in any of their cells)."""
    count = 0
    for index in range(len(table.columns)):
        texts = [row.cells[index].text for row in table.rows if index < len(row.cells)]
        if any(any(char.isdigit() for char in text) for text in texts[2:]):
            break
        count += 1
    return count
