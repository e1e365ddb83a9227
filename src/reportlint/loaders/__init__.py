"""Loaders turn a :class:`~reportlint.sources.Source` into a :class:`~reportlint.core.model.Document`.

One loader per format, each registered through the ``reportlint_loaders`` hook
(the built-in ones too). A loader raises :class:`~reportlint.sources.SourceError`
for input it cannot read (corrupt file, no text layer), with an RL9xx code.
"""

from __future__ import annotations

from typing import ClassVar

from reportlint.core.model import Document, Paragraph
from reportlint.sources import Source

_new_object = object.__new__
_set_attribute = object.__setattr__


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


def line_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """One :class:`Paragraph` per non-blank line of ``text[start:end]``, trailing ``\\r`` excluded.

    Lines are split once and their offsets counted, rather than searched for one by one;
    each paragraph is made without the frozen dataclass's ``__init__`` (the same object
    at a third of the cost: a text report has a few hundred lines).
    """
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    position = start
    for line in (text[start:end] if start or end is not None else text).split("\n"):
        length = len(line)
        if line and not line.isspace():
            paragraph = _new_object(Paragraph)
            _set_attribute(paragraph, "__dict__", {"start": position, "end": position + len(line.rstrip("\r"))})
            append(paragraph)
        position += length + 1
    return paragraphs
