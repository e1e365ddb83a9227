"""Loaders turn a :class:`~reportlint.sources.Source` into a :class:`~reportlint.core.model.Document`.

One loader per format, each registered through the ``reportlint_loaders`` hook
(the built-in ones too). A loader raises :class:`~reportlint.sources.SourceError`
for input it cannot read (corrupt file, no text layer), with an RL9xx code.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from typing import ClassVar

from reportlint.core.model import Document, Paragraph
from reportlint.sources import Source
from reportlint.text.segmentation import Span, line_spans

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


def line_paragraphs(text: str, start: int = 0, end: int | None = None, *, lines: Sequence[Span] | None = None) -> list[Paragraph]:
    """One :class:`Paragraph` per non-blank line of ``text[start:end]``, trailing ``\\r`` excluded.

    ``lines`` are the lines of the whole ``text`` (:func:`~reportlint.text.segmentation.line_spans`) when the
    caller has split it already, as the text loader has for :attr:`Document.lines <reportlint.core.model.Document.lines>`.
    The blank lines are left out by a C-level :func:`~itertools.compress`; each paragraph is made without the frozen
    dataclass's ``__init__`` (the same object at a third of the cost: a text report has a few hundred lines).
    """
    piece = text[start:end] if start or end is not None else text
    if lines is None:
        lines = line_spans(piece)
    else:
        start = 0  # the lines are of the whole text
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    for line_start, line_end in compress(lines, map(str.strip, piece.split("\n"))):  # a blank line strips to ""
        paragraph = _new_object(Paragraph)
        _set_attribute(paragraph, "__dict__", {"start": line_start + start, "end": line_end + start})
        append(paragraph)
    return paragraphs
