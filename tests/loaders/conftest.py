"""Fixtures for the loader tests: the sample report as .docx and PDF, and loading any file into a Document."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# The tests run with --import-mode=importlib: make the sample package next to them importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from loader_samples import load_document
from loader_samples.docx_writer import write_report_docx
from loader_samples.libreoffice import convert_with_libreoffice

from reportlint.core.model import Document


@pytest.fixture
def load() -> Callable[[Path], Document]:
    """Load a file into a :class:`Document` (format detected by content)."""
    return load_document


@pytest.fixture(scope="session")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report written as .docx with python-docx."""
    return write_report_docx(tmp_path_factory.mktemp("docx") / "report.docx")


@pytest.fixture(scope="session")
def report_pdf(report_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample report exported to PDF by LibreOffice (sections 三 and 四 start new pages)."""
    return convert_with_libreoffice(report_docx, "pdf", tmp_path_factory.mktemp("pdf"))
