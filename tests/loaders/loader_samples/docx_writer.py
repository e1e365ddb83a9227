"""Writes the report of :mod:`loader_samples.report` as a .docx with python-docx: heading styles, merged cells, page breaks."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from loader_samples.report import REPORT, ReportLine, ReportTable, grid_positions

#: Sections that start on a new page, so the PDF made from the .docx has known pages.
NEW_PAGE_SECTIONS = ("三、", "四、")


def write_report_docx(path: Path, report: tuple[ReportLine | ReportTable, ...] = REPORT) -> Path:
    """Save ``report`` as a Word document at ``path``; section headings use the "Heading 1" style."""
    document = Document()
    for item in report:
        if isinstance(item, ReportTable):
            _add_table(document, item)
        elif item.kind == "title":
            paragraph = document.add_paragraph()
            paragraph.add_run(item.text).bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif item.kind == "heading":
            heading = document.add_heading(item.text, level=1)
            heading.paragraph_format.page_break_before = item.text.startswith(NEW_PAGE_SECTIONS)
        else:
            document.add_paragraph(item.text)
    document.save(path)
    return path


def _add_table(document, table: ReportTable) -> None:
    placed, width = grid_positions(table)
    word_table = document.add_table(rows=len(table.rows), cols=width)
    word_table.style = "Table Grid"
    for row, column, cell in placed:
        target = word_table.cell(row, column)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(word_table.cell(row + cell.rowspan - 1, column + cell.colspan - 1))
        first, *more = cell.text.split("\n")
        target.text = first
        for line in more:
            target.add_paragraph(line)
