"""Registers the built-in loaders through the ``reportlint_loaders`` hook, each format's module imported only when a file of it is read.

Plain text and Markdown are light and loaded at once; the HTML, Word and PDF
loaders bring lxml, zip parsing and pdfium, so they are registered by what the
registry needs to choose a loader (format and extensions) and their module is
imported on the first file of that format: checking one text file never pays
for the others.
"""

from __future__ import annotations

import importlib
from typing import ClassVar

from reportlint.core.hookspecs import hookimpl
from reportlint.core.model import Document
from reportlint.loaders import Loader
from reportlint.loaders.markdown import MarkdownLoader
from reportlint.loaders.text import TextLoader
from reportlint.sources import Source


class LazyLoader(Loader):
    """A built-in loader whose implementation (``module:Class``) is imported on first use."""

    implementation: ClassVar[str] = ""

    def load(self, source: Source) -> Document:
        module, _, name = self.implementation.partition(":")
        loader: type[Loader] = getattr(importlib.import_module(module), name)
        return loader().load(source)


class HtmlLoader(LazyLoader):
    """Web pages (:class:`reportlint.loaders.html.HtmlLoader`)."""

    format = "html"
    extensions = (".html", ".htm")
    implementation = "reportlint.loaders.html:HtmlLoader"


class DocxLoader(LazyLoader):
    """Word documents (:class:`reportlint.loaders.docx.DocxLoader`)."""

    format = "docx"
    extensions = (".docx",)
    implementation = "reportlint.loaders.docx:DocxLoader"


class PdfLoader(LazyLoader):
    """PDF files with a text layer (:class:`reportlint.loaders.pdf.PdfLoader`)."""

    format = "pdf"
    extensions = (".pdf",)
    implementation = "reportlint.loaders.pdf:PdfLoader"


@hookimpl
def reportlint_loaders() -> list[type[Loader]]:
    """text, Markdown, HTML, .docx and PDF."""
    return [TextLoader, MarkdownLoader, HtmlLoader, DocxLoader, PdfLoader]
