"""The :class:`Report`: everything a rule sees about one file, built once and immutable."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportlint.core.config import Config
from reportlint.core.model import Document

if TYPE_CHECKING:
    from reportlint.places.analysis import PlaceAnalysis
    from reportlint.template.reading import Reading
    from reportlint.template.spec import TemplateSet


class ReportServices(Protocol):
    """How a report's template reading and place analysis are computed.

    The run supplies them (:mod:`reportlint.run.services`), so this contract
    does not depend on the template reader or the gazetteer.
    """

    def read(self, report: Report) -> Reading:
        """What the template reader understands of the report."""
        ...

    def analyse_places(self, report: Report) -> PlaceAnalysis:
        """The report's subject on the map and every place it names."""
        ...


@dataclass(frozen=True)
class Report:
    """One report as rules see it.

    ``text`` and offsets into it are the universal way to point at text; the
    template reading (sections, filled tables, subject, year) and the place
    analysis are computed on first use and shared by every rule.
    """

    document: Document
    config: Config
    path: Path
    templates: TemplateSet
    services: ReportServices

    @property
    def text(self) -> str:
        """The report's characters exactly as in the source (see :class:`Document`)."""
        return self.document.text

    @property
    def normalized(self) -> str:
        """The normalised view of :attr:`text`, same length and offsets."""
        return self.document.normalized

    @cached_property
    def reading(self) -> Reading:
        """What the template reader understood: template, year, sections, tables, subject."""
        return self.services.read(self)

    @cached_property
    def places(self) -> PlaceAnalysis:
        """The subject on the map and every place the report names (loads the gazetteer on first use)."""
        return self.services.analyse_places(self)
