"""The services a :class:`~reportlint.core.report.Report` draws on: the template reader and the place analysis."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace

from reportlint.core.report import Report
from reportlint.places.analysis import PlaceAnalysis, analyse
from reportlint.run.stages import Stage, Stages
from reportlint.run.timings import Stopwatch
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

#: What rules see when the template reader failed on a report: nothing recognised.
UNREAD = Reading(
    title=None,
    subject=None,
    year=None,
    year_source="",
    year_span=None,
    period=None,
    publication=None,
    sections=(),
    expected_template=None,
)


class CheckedServices(ReportServices):
    """The services for one file of a run: each records its stage (and its time, with ``--timings``), and a failing reader degrades to :data:`UNREAD`.

    When the template reader raises, the error is kept in :attr:`reader_failure`
    (the linter reports it once, as RL907) and every rule sees a report whose
    template, sections and tables were not recognised, instead of each rule
    failing in turn on the same error.
    """

    def __init__(self, stages: Stages, stopwatch: Stopwatch | None = None) -> None:
        self.stages = stages
        self.stopwatch = stopwatch
        self.reader_failure: Exception | None = None

    def _measure(self, name: str) -> AbstractContextManager[None]:
        return nullcontext() if self.stopwatch is None else self.stopwatch.measure(name)

    def read(self, report: Report) -> Reading:
        previous = self.stages.enter(Stage.READING)
        try:
            with self._measure("stage:reading"):
                return super().read(report)
        except MemoryError:
            raise
        except Exception as error:  # a reader bug on unforeseen input: the report is then read as text
            self.reader_failure = error
            return UNREAD
        finally:
            self.stages.enter(*previous)

    def analyse_places(self, report: Report) -> PlaceAnalysis:
        previous = self.stages.enter(Stage.PLACES)
        try:
            with self._measure("stage:places"):
                return super().analyse_places(report)
        finally:
            self.stages.enter(*previous)
