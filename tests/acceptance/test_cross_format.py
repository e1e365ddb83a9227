"""One report, three formats: the same findings from .html, .docx and .pdf, each located the way its format allows.

The report is a 2021-format township report (:mod:`reportlint.testing.reports`)
with three injected defects: a broken 勾稽关系 (``一、本年新收`` 总计 written as
99), a blank cell (``（一）予以公开`` / 商业企业) and a neighbouring township named
as the reporting body in section 五. It is written as a web page with real
tables, as a Word file with merged cells (python-docx), and as the PDF
LibreOffice exports from that Word file — once for the whole module, since a
conversion takes seconds.

Every rule runs on each file. A finding is compared by its code and what it
points at: the template cell (table, row, column) its range is, or else the
text of its range; related ranges likewise. Locations must lead to the right
element: the source line (and column) for HTML, the paragraph or table cell
for .docx, the page for .pdf — and a PDF cell names the same table, row and
column as the .docx does.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.model import Document, Location
from reportlint.run.linter import lint_source, load_document
from reportlint.run.registry import registry_for
from reportlint.sources import read_source
from reportlint.template.filled import CellStatus
from reportlint.template.reading import read_report
from reportlint.testing.reports import SUBJECTS, SampleReport, render_html, write_docx

# The LibreOffice helper lives with the loader tests' samples (tests run with --import-mode=importlib).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "loaders"))

from loader_samples.libreoffice import convert_with_libreoffice

REPORT = (
    SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=1)
    .with_cell("s3", "r1", "c_total", "99")
    .with_cell("s3", "r3_1", "c_biz", "")
    .with_sibling_mention("s5")
)
SIBLING = SUBJECTS[0].siblings[0]
#: What each injected defect must produce: (code, the template cell or the text it points at).
INJECTED = {
    ("RL302", ("s3", "r1", "c_total")),
    ("RL301", ("s3", "r3_7", "c_total")),
    ("RL206", ("s3", "r3_1", "c_biz")),
    ("RL401", SIBLING),
}
#: Findings only the PDF may have. RL116 (info, "标题被拆成了 2 行"): a PDF has no paragraphs, only
#: the lines drawn on the page, and the long title wraps onto a second line there — the rule exists
#: to say exactly that about PDF conversions. Nothing else may differ.
PDF_ONLY = {"RL116"}

#: A finding's target: a template cell (table, row, column), or the text of its range without whitespace.
Target = tuple[str, str, str] | str


@dataclass(frozen=True)
class Linted:
    """A file of the report: loaded, read against the templates, and linted with every rule.

    ``filled`` is the reader's filled template, (table, row, column) → (status,
    value); ``cell_ranges`` maps the text range of each template cell found to its key.
    """

    path: Path
    document: Document
    filled: dict[tuple[str, str, str], tuple[CellStatus, object]]
    cell_ranges: dict[tuple[int, int], tuple[str, str, str]]
    diagnostics: tuple[Diagnostic, ...]

    @classmethod
    def of(cls, path: Path) -> Linted:
        source = read_source(path)
        registry = registry_for(Config())
        document = load_document(source, registry)
        reading = read_report(document, registry.template_set)
        assert reading.filled is not None, path.name
        cells = [cell for table in reading.filled.tables.values() for cell in table.cells()]
        filled = {(cell.table, cell.row, cell.column): (cell.status, cell.value) for cell in cells}
        cell_ranges = {
            (cell.start, cell.end): (cell.table, cell.row, cell.column)
            for cell in cells
            if cell.start is not None and cell.row is not None and cell.column is not None
        }
        return cls(path, document, filled, cell_ranges, tuple(lint_source(source)))

    def target(self, start: int, end: int) -> Target:
        """The template cell a range is, else its text (whitespace removed: PDF lines break where the page does)."""
        return self.cell_ranges.get((start, end)) or "".join(self.document.text[start:end].split())

    def findings(self, leave_out: Collection[str] = ()) -> Counter:
        """Every finding as (code, target, targets of its related ranges)."""
        return Counter(
            (
                diagnostic.code,
                self.target(diagnostic.start, diagnostic.end),
                tuple(self.target(related.start, related.end) for related in diagnostic.related),
            )
            for diagnostic in self.diagnostics
            if diagnostic.code not in leave_out
        )

    def located(self, code: str, target: Target) -> tuple[Location, str]:
        """The location of the one finding with this code and target, and the text of its range."""
        [diagnostic] = [d for d in self.diagnostics if d.code == code and self.target(d.start, d.end) == target]
        return diagnostic.location, self.document.text[diagnostic.start : diagnostic.end]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cross-format")


@pytest.fixture(scope="module")
def html(folder: Path) -> Linted:
    path = folder / "report.html"
    path.write_text(render_html(REPORT), encoding="utf-8")
    return Linted.of(path)


@pytest.fixture(scope="module")
def docx_path(folder: Path) -> Path:
    pytest.importorskip("docx", reason="writing the .docx needs python-docx (a test dependency)")
    return write_docx(REPORT, folder / "report.docx")


@pytest.fixture(scope="module")
def docx(docx_path: Path) -> Linted:
    return Linted.of(docx_path)


@pytest.fixture(scope="module")
def pdf(docx_path: Path, folder: Path) -> Linted:
    pytest.importorskip("pypdfium2", reason="reading the PDF needs pypdfium2")
    return Linted.of(convert_with_libreoffice(docx_path, "pdf", folder))


@pytest.mark.parametrize("name", ["html", "docx", "pdf"])
def test_each_injected_defect_is_found(request, name):
    linted: Linted = request.getfixturevalue(name)
    found = {(code, target) for code, target, _ in linted.findings()}
    assert found >= INJECTED, name


def test_html_and_docx_give_the_same_findings(html, docx):
    assert docx.findings() == html.findings()


def test_pdf_gives_the_same_findings_as_docx(pdf, docx):
    assert pdf.findings(leave_out=PDF_ONLY) == docx.findings()
    assert {code for code, _, _ in pdf.findings()} - {code for code, _, _ in docx.findings()} <= PDF_ONLY


def _row_label(target: Target) -> str | None:
    """The official label of a template cell's row (None for a text target)."""
    return REPORT.spec.table(target[0]).row(target[1]).label if isinstance(target, tuple) else None


def test_html_findings_point_at_their_source_line(html):
    lines = html.path.read_text(encoding="utf-8").splitlines()
    for code, target, _ in html.findings():
        location, text = html.located(code, target)
        line = lines[location.line - 1]
        if text:
            assert location.end_line == location.line and line[location.column - 1 : location.end_column - 1] == text, (code, target)
        else:  # a blank cell: its row's line, holding the empty cell
            assert "<td></td>" in line, (code, target)
        assert _row_label(target) is None or _row_label(target) in line, (code, target)


def test_docx_findings_name_their_cell_or_paragraph(docx):
    """Checked against the Word file itself, read with python-docx."""
    import docx as python_docx

    word = python_docx.Document(str(docx.path))
    paragraphs = [paragraph.text for paragraph in word.paragraphs if paragraph.text.strip()]
    for code, target, _ in docx.findings():
        location, text = docx.located(code, target)
        if isinstance(target, tuple):
            table, row, column = (int(number) for number in re.findall(r"\d+", location.logical))
            assert word.tables[table - 1].cell(row - 1, column - 1).text == text, (code, target)
        else:
            paragraph = int(location.logical.removeprefix("第").removesuffix("段"))
            assert text in paragraphs[paragraph - 1], (code, target)
    total, text = docx.located("RL302", ("s3", "r1", "c_total"))
    assert (total.logical, text) == ("表格2 第4行 第10列", "99")  # s2 is table 1; three header rows, three label columns
    blank, _ = docx.located("RL206", ("s3", "r3_1", "c_biz"))
    assert blank.logical == "表格2 第6行 第5列"


def _page_texts(path: Path) -> list[str]:
    """The text of each page of a PDF, without whitespace, straight from pdfium."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append("".join(textpage.get_text_range().split()))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def test_pdf_findings_name_their_page_and_the_same_cell_as_docx(pdf, docx):
    pages = _page_texts(pdf.path)
    for code, target, _ in pdf.findings(leave_out=PDF_ONLY):
        location, text = pdf.located(code, target)
        word, _ = docx.located(code, target)
        assert location.page is not None, (code, target)
        assert location.logical.startswith(f"第{location.page}页 "), (code, target)
        compact = "".join(text.split())
        assert compact in pages[location.page - 1], (code, target)
        if isinstance(target, tuple):  # a table cell: the same table, row and column as in the Word file
            assert location.logical == f"第{location.page}页 {word.logical}", (code, target)
    blank, _ = pdf.located("RL206", ("s3", "r3_1", "c_biz"))
    assert "（一）予以公开" in pages[blank.page - 1]


def test_pdf_is_read_into_the_same_filled_template_as_docx(pdf, docx):
    assert pdf.filled == docx.filled


@pytest.mark.parametrize("name", ["html", "docx", "pdf"])
def test_parse_shows_the_same_reading_in_every_format(request, name):
    """``reportlint parse --json`` works for every format and reports the same template, sections and cells."""
    import json

    from typer.testing import CliRunner

    from reportlint.cli import app

    linted = request.getfixturevalue(name)
    result = CliRunner().invoke(app, ["parse", "--json", str(linted.path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["format"], data["year"], data["detected_template"]) == (name, 2021, "T2021")
    assert [section["id"] for section in data["sections"]] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    cells = {
        (table["id"], row["row"], cell["column"]): (cell["status"], cell["value"])
        for table in data["tables"]
        for row in table["rows"]
        for cell in row["cells"]
    }
    assert cells[("s3", "r1", "c_total")][1] == int(REPORT.value("s3", "r1", "c_total"))
    assert sum(1 for status, _ in cells.values() if status == "blank") == 1
