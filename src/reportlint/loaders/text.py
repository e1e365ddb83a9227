"""Loader for plain-text reports (``.txt``): the text is the file, one paragraph per line."""

from __future__ import annotations

from reportlint.core.model import Document, LineIndex
from reportlint.loaders import Loader, line_paragraphs
from reportlint.sources import Source
from reportlint.text.segmentation import line_spans


class TextLoader(Loader):
    """Plain text in any supported encoding; tables stay as text for the template reader."""

    format = "text"
    extensions = (".txt",)

    def load(self, source: Source) -> Document:
        text, encoding = source.decode()
        lines = line_spans(text)  # split once: the document's lines, and its blocks
        return Document(
            path=source.display_path,
            text=text,
            blocks=tuple(line_paragraphs(text, lines=lines)),
            source_map=LineIndex(text),
            format=self.format,
            encoding=encoding,
        ).knowing_lines(tuple(lines))
