"""Loader for plain-text reports (``.txt``): the text is the file, one paragraph per line."""

from __future__ import annotations

from reportlint.core.model import Document, LineIndex, LineParagraphs
from reportlint.loaders import Loader
from reportlint.sources import Source


class TextLoader(Loader):
    """Plain text in any supported encoding; tables stay as text for the template reader."""

    format = "text"
    extensions = (".txt",)

    def load(self, source: Source) -> Document:
        text, encoding = source.decode()
        return Document(
            path=source.display_path,
            text=text,
            blocks=LineParagraphs(text),
            source_map=LineIndex(text),
            format=self.format,
            encoding=encoding,
        )
