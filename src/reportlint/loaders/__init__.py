"""Loaders turn a :class:`~reportlint.sources.Source` into a :class:`~reportlint.core.model.Document`.

One loader per format, each registered through the ``reportlint_loaders`` hook
(the built-in ones too). A loader raises :class:`~reportlint.sources.SourceError`
for input it cannot read (corrupt file, no text layer), with an RL9xx code.
"""

from __future__ import annotations

from typing import ClassVar

from reportlint.core.model import Document
from reportlint.sources import Source


class Loader:
    """Base class of loaders.

    ``format`` is the detected format this loader reads (``text``, ``markdown``,
    ``html``, ``docx``, ``pdf``). A plugin loader for a new format also sets
    ``extensions`` and overrides :meth:`sniff`.
    """

    format: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def sniff(cls, data: bytes, extension: str) -> bool:
        """Whether this loader claims a file by its content (used for plugin formats)."""
        return False

    def load(self, source: Source) -> Document:
        """Read the source into a document."""
        raise NotImplementedError
