"""The :class:`Report`: everything a rule sees about one file, built once and immutable."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.core.config import Config
from reportlint.core.model import Document

if TYPE_CHECKING:
    from reportlint.places.analysis import PlaceAnalysis
    from reportlint.run.registry import Registry
    from reportlint.template.reading import Reading


@dataclass(frozen=True)
class Report:
    """One report as rules see it.

    ``text`` and offsets into it are the universal way to point at text; the
    template reading (sections, filled tables, subject, year) is computed on
    first use and shared by every rule.
    """

    document: Document
    config: Config
    path: Path
    registry: "Registry"

    @property
    def text(self) -> str:
        """The report's characters exactly as in the source (see :class:`Document`)."""
        return self.document.text

    @property
    def normalized(self) -> str:
        """The normalised view of :attr:`text`, same length and offsets."""
        return self.document.normalized

    @cached_property
    def reading(self) -> "Reading":
        """What the template reader understood: template, year, sections, tables, subject."""
        from reportlint.template.reading import read_report

        return read_report(self.document, self.registry.template_set, self.config.subject_for(self.path))

    @cached_property
    def places(self) -> "PlaceAnalysis":
        """The subject on the map and every place the report names (loads the gazetteer on first use)."""
        from reportlint.places.analysis import analyse

        return analyse(self)
