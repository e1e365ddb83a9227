"""The batch phase's contract: the batch of report summaries cross-document rules see, and :class:`BatchRule`.

After every file of a run has been checked, the engine (:mod:`reportlint.run.batch`)
gathers each report's :class:`~reportlint.core.summary.ReportSummary` into a
:class:`Batch` and runs the batch rules on it. A batch rule never sees a whole
document: it reads summaries, and points its findings at a place of one
report (an :class:`Anchor`) with related places in the other reports. The
engine puts each finding into that report's results, where the report's own
configuration filters it like any other finding.

Reports of one body are paired across years here (:class:`Pairing`): by the
body's identity (:class:`~reportlint.core.summary.Body`, from the gazetteer or
the ``[pairing]`` table) and the report year. Whatever is ambiguous — two
reports of one body and year, a report whose year is unknown — is left
unpaired and listed, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Diagnostic, Related, Severity, fingerprint
from reportlint.core.model import Location
from reportlint.core.rule import BaseRule
from reportlint.core.summary import Body, CrossDocument, Places, ReportSummary
from reportlint.text.quoting import one_line

if TYPE_CHECKING:
    from reportlint.template.spec import TemplateSet


@dataclass(frozen=True)
class BatchReport:
    """One report of the batch: its path as shown in outputs and its summary.

    ``reference`` marks a report from ``--previous``: other reports are compared
    with it, but its own findings are not reported.
    """

    path: str
    summary: ReportSummary
    reference: bool = False

    @property
    def facts(self) -> CrossDocument | None:
        """What batch rules compare of the report (None for a report that could not be read)."""
        return self.summary.cross_document

    @property
    def body(self) -> Body | None:
        """The reporting body, when it is known."""
        facts = self.facts
        return facts.body if facts is not None else None

    @property
    def year(self) -> int | None:
        """The report year, when it is known."""
        return self.summary.year

    @property
    def label(self) -> str:
        """How messages name the report: its file name, the body and the year (``a.txt（陇城镇人民政府2020年度）``)."""
        who = self.body.name if self.body is not None else (self.summary.subject or "")
        year = f"{self.year}年度" if self.year is not None else ""
        described = f"{who}{year}"
        return f"{self.path}（{described}）" if described else self.path

    def anchor(self, places: Places, index: int, key: str) -> Anchor:
        """An anchor at place ``index`` of ``places`` (a cell, a paragraph, a part of this report)."""
        start, end = places.offsets(index)
        return Anchor(self, start, end, places.location(index), key)

    def whole(self, key: str = "report") -> Anchor:
        """An anchor for the report as a whole (its first line)."""
        return Anchor(self, 0, 0, Location(1, 1, 1, 1), key)


@dataclass(frozen=True)
class Anchor:
    """A place in one report of the batch that a finding points at or refers to.

    ``start``/``end`` are offsets in that report's text, ``location`` the
    place in its file; ``key`` names the place within the report in a way that
    does not depend on line numbers (``"s3/r2/c_np"``, ``"段落/3f2a…"``), so
    the finding's fingerprint survives edits elsewhere.
    """

    report: BatchReport
    start: int
    end: int
    location: Location | None
    key: str


@dataclass(frozen=True)
class YearPair:
    """Two reports of one body for consecutive years: ``previous`` (year Y−1) and ``current`` (year Y)."""

    previous: BatchReport
    current: BatchReport


@dataclass(frozen=True)
class Pairing:
    """How the reports of a batch pair up across years, and what could not be paired.

    ``pairs`` are consecutive years of one body with one report each;
    ``duplicates`` groups of two or more reports of one body and year (none of
    them is paired for that year); ``undated`` reports of a body with other
    reports in the batch whose own year is unknown; ``unidentified`` readable
    reports whose body is unknown.
    """

    pairs: tuple[YearPair, ...] = ()
    duplicates: tuple[tuple[BatchReport, ...], ...] = ()
    undated: tuple[BatchReport, ...] = ()
    unidentified: tuple[BatchReport, ...] = ()


@dataclass(frozen=True)
class Batch:
    """Every report of a run (and of ``--previous``) as batch rules see them.

    ``templates`` are the run's template specs, for naming cells in messages.
    """

    reports: tuple[BatchReport, ...]
    templates: TemplateSet | None = field(default=None, compare=False)

    @property
    def checked(self) -> tuple[BatchReport, ...]:
        """The reports whose findings are reported (not those of ``--previous``)."""
        return tuple(report for report in self.reports if not report.reference)

    @property
    def comparable(self) -> tuple[BatchReport, ...]:
        """The reports that were read and summarised for comparison."""
        return tuple(report for report in self.reports if report.facts is not None)

    @cached_property
    def pairing(self) -> Pairing:
        """The reports paired across years (see :class:`Pairing`)."""
        return pair_reports(self.comparable)

    @property
    def pairs(self) -> tuple[YearPair, ...]:
        """Consecutive years of one body, where at least one of the two is checked."""
        return self.pairing.pairs


def pair_reports(reports: Iterable[BatchReport]) -> Pairing:
    """Pair reports of one body across consecutive years; list what is ambiguous instead of guessing."""
    by_body: dict[str, list[BatchReport]] = defaultdict(list)
    unidentified = []
    for report in sorted(reports, key=lambda item: item.path):
        if report.body is None:
            unidentified.append(report)
        else:
            by_body[report.body.key].append(report)
    pairs: list[YearPair] = []
    duplicates: list[tuple[BatchReport, ...]] = []
    undated: list[BatchReport] = []
    for body_reports in by_body.values():
        by_year: dict[int, list[BatchReport]] = defaultdict(list)
        for report in body_reports:
            if report.year is None:
                if len(body_reports) > 1:
                    undated.append(report)
            else:
                by_year[report.year].append(report)
        for year in sorted(by_year):
            same_year = _distinct(by_year[year])
            if len(same_year) > 1:
                duplicates.append(tuple(same_year))
                continue
            previous = _distinct(by_year.get(year - 1, ()))
            if len(previous) == 1 and not (previous[0].reference and same_year[0].reference):
                pairs.append(YearPair(previous[0], same_year[0]))
    return Pairing(
        tuple(sorted(pairs, key=lambda pair: pair.current.path)),
        tuple(sorted(duplicates, key=lambda group: group[0].path)),
        tuple(undated),
        tuple(unidentified),
    )


def _distinct(reports: Sequence[BatchReport]) -> list[BatchReport]:
    """The reports, one per path (a file given both as a report and as a reference counts once, as a report)."""
    chosen: dict[str, BatchReport] = {}
    for report in sorted(reports, key=lambda item: item.reference):
        chosen.setdefault(report.path, report)
    return list(chosen.values())


class BatchRule(BaseRule):
    """Base class of cross-document rules: checked once on the whole batch, after every file.

    Subclasses declare ``code``, ``name``, ``severity``, ``options`` and a
    docstring with ``反例：`` and ``正例：`` exactly as a :class:`~reportlint.core.rule.Rule`
    does, and implement :meth:`check`, which reads the summaries of
    :class:`Batch` and yields diagnostics made with :meth:`diagnostic`. Register
    them with the ``reportlint_batch_rules`` hook.
    """

    def check(self, batch: Batch) -> Iterable[Diagnostic]:
        """Yield the diagnostics of this rule for the batch."""
        raise NotImplementedError

    def diagnostic(
        self,
        message: str,
        at: Anchor,
        *,
        related: Iterable[tuple[Anchor, str]] = (),
        severity: str | Severity | None = None,
    ) -> Diagnostic:
        """A finding in ``at``'s report at ``at``, with related places (in that report or in others) and what each is."""
        related = tuple(related)
        items = tuple(
            Related(anchor.start, anchor.end, text, anchor.location, "" if anchor.report.path == at.report.path else anchor.report.path)
            for anchor, text in related
        )
        # The fingerprint leaves out the other files' directories: a run from another directory keeps it.
        stable_message = message
        for anchor, _ in related:
            stable_message = stable_message.replace(anchor.report.path, PurePath(anchor.report.path).name)
        context = "\x00".join([at.key, *(anchor.key for anchor, _ in related), stable_message])
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=Severity.parse(severity or self.severity),
            message=one_line(message),
            start=at.start,
            end=at.end,
            related=items,
            path=at.report.path,
            location=at.location,
            fingerprint=fingerprint(self.code, context, 0),
            origin=self.origin,
        )
