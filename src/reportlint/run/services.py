"""The services a :class:`~reportlint.core.report.Report` draws on: the template reader and the place analysis."""

from __future__ import annotations

from dataclasses import replace

from reportlint.core.report import Report
from reportlint.places.analysis import PlaceAnalysis, analyse
from reportlint.template.reading import Reading, read_report


class ReportServices:
    """Reads a report against its templates and analyses its places (see :class:`reportlint.core.report.ReportServices`)."""

    def read(self, report: Report) -> Reading:
        """The template reading, with the subject pinned by the config for this file, if any.

        Template extensions with a ``when:`` condition (a province's rows and
        relations) apply when the report, read without them, meets it.
        """
        templates = report.templates
        pinned = report.config.subject_for(report.path)
        if not templates.scoped:
            return read_report(report.document, templates, pinned)
        general = replace(report, templates=templates.with_extensions(()))
        chosen = tuple(index for index, extension in enumerate(templates.scoped) if extension.condition.holds(general))
        if not chosen:
            return general.reading
        return read_report(report.document, templates.with_extensions(chosen), pinned)

    def analyse_places(self, report: Report) -> PlaceAnalysis:
        """The place analysis of the report's normalised text against its reading."""
        return analyse(report.normalized, report.reading, report.config)


#: The one instance every report of a process uses (the services hold no state).
SERVICES = ReportServices()
