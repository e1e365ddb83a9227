"""Fixtures for the loader tests: the sample report as .docx and PDF, and loading any file into a Document."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_writer import write_report_docx

from reportlint.loaders.docx import DocxLoader
from reportlint.loaders.html import HtmlLoader
from reportlint.loaders.pdf import PdfLoader
from reportlint.model import Document
from reportlint.sources import read_source

FIXTURES = Path(__file__).parent / "fixtures"
LOADERS = {"html": HtmlLoader, "docx": DocxLoader, "pdf": PdfLoader}


def load_document(path: Path) -> Document:
    """Read a file and load it with the loader for its detected format."""
    source = read_source(path)
    return LOADERS[source.format]().load(source)


@pytest.fixture
def load() -> Callable[[Path], Document]:
    """Load a file into a :class:`Document` (format detected by content)."""
    return load_document


@pytest.fixture(scope="session")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report written as .docx with python-docx."""
    return write_report_docx(tmp_path_factory.mktemp("docx") / "report.docx")


def convert_with_libreoffice(document: Path, target: str, output: Path) -> Path:
    """Convert with ``soffice --headless``; skips the test when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("需要 LibreOffice（soffice）生成 PDF：apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    profile = output / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target, "--outdir", str(output), str(document)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return output / (document.stem + ".pdf")


@pytest.fixture(scope="session")
def report_pdf(report_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report exported to PDF by LibreOffice (sections 三 and 四 start new pages)."""
    return convert_with_libreoffice(report_docx, "pdf", tmp_path_factory.mktemp("pdf"))
