"""Sample documents for the loader tests: the report as data, writers for .docx, WPS-style .docx and PDF.

The HTML pages are static files in ``FIXTURES``; the other formats are written
by the tests themselves from :mod:`loader_samples.report`.
"""

from __future__ import annotations

from pathlib import Path

from reportlint.core.model import Document, Table
from reportlint.loaders.docx import DocxLoader
from reportlint.loaders.html import HtmlLoader
from reportlint.loaders.pdf import PdfLoader
from reportlint.sources import read_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LOADERS = {"html": HtmlLoader, "docx": DocxLoader, "pdf": PdfLoader}


def load_document(path: Path) -> Document:
    """Read a file and load it with the loader for its detected format."""
    source = read_source(path)
    return LOADERS[source.format]().load(source)


def loaded_layout(document: Document, table: Table) -> set[tuple[int, int, int, int, str]]:
    """Every cell of a loaded table as (row, column, rowspan, colspan, text)."""
    return {(cell.row, cell.column, cell.rowspan, cell.colspan, document.text[cell.start : cell.end]) for row in table.rows for cell in row}
