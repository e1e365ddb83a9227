"""The batch phase: after every file of a run is checked, the cross-document rules on the reports' summaries.

:func:`run_batch` takes the per-file results (each carrying its
:class:`~reportlint.core.summary.ReportSummary`) and, for ``--previous``, last
year's reports summarised for reference; it runs every selected batch rule once
on the whole :class:`~reportlint.core.batch.Batch` and puts each finding into
the result of the file it points at, filtered and given its severity by that
file's configuration, in the file's output order. Findings on reference files
are dropped. The phase is separate from linting files, so it runs the same on
fresh results, on results from worker processes or on cached ones. Its two
halves are :func:`batch_findings` (the rules) and :func:`with_batch_findings`
(the findings put into the results): a run whose reports and configuration did
not change takes the first half's findings from the result cache.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from reportlint.core.batch import Batch, BatchReport, BatchRule
from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic, fingerprint
from reportlint.core.model import Location
from reportlint.run.containment import run_batch_rule, watch_interrupts
from reportlint.run.linter import _internal
from reportlint.run.registry import Registry
from reportlint.run.results import Excerpt, FileResult
from reportlint.run.selection import is_selected, severity_override
from reportlint.run.timings import Stopwatch


def needs_batch(results_count: int, references_count: int) -> bool:
    """Whether a run compares reports at all: two reports or more, or any report with last year's given."""
    return results_count + references_count >= 2 and results_count >= 1


#: A batch rule's time budget, as a multiple of the per-file budget (``file-timeout``) per this many reports:
#: 20 s for a batch of up to 500 reports, 400 s for 10,000 (the built-in rules take a few seconds there).
BUDGET_REPORTS = 500


def run_batch(
    results: Sequence[FileResult],
    references: Sequence[FileResult],
    rules: Sequence[BatchRule],
    registry: Registry,
    config_for: Callable[[str], Config],
    stopwatch: Stopwatch | None = None,
    file_timeout: float | None = None,
) -> tuple[FileResult, ...]:
    """The results with the batch rules' findings added (see the module docstring): :func:`batch_findings`, then :func:`with_batch_findings`."""
    found = batch_findings(results, references, rules, registry, config_for, stopwatch, file_timeout)
    return with_batch_findings(results, found, config_for)


def batch_findings(
    results: Sequence[FileResult],
    references: Sequence[FileResult],
    rules: Sequence[BatchRule],
    registry: Registry,
    config_for: Callable[[str], Config],
    stopwatch: Stopwatch | None = None,
    file_timeout: float | None = None,
) -> dict[str, list[Diagnostic]]:
    """What the batch rules found, by the path of the report each finding is on (before its configuration selects them).

    ``config_for`` gives the configuration of a result's path (its display path).
    Each rule runs contained (:func:`~reportlint.run.containment.run_batch_rule`):
    what it yields is checked, its findings capped per report, its failures
    (RL907, RL909 past its time budget, RL913) put on the first report of the
    run, so they are seen in every output without stopping the run. With a
    ``stopwatch``, each rule's time is measured as ``batch:CODE`` (within the
    ``stage:batch`` the runner measures around the whole phase). A result cache
    keeps what this returns (:meth:`~reportlint.run.cache.ResultCache.store_batch`).
    """
    if not rules or not needs_batch(len(results), len(references)):
        return {}
    batch = Batch(
        (
            *(BatchReport(result.path, result.summary) for result in results),
            *(BatchReport(result.path, result.summary, True) for result in references),
        ),
        registry.template_set,
    )
    checked = {report.path for report in batch.checked}
    first = min(checked, default=None)
    caps: dict[str, int] = {}

    def cap_for(path: str) -> int:
        if path not in caps:
            caps[path] = config_for(path).max_findings_per_rule
        return caps[path]

    def internal(code: str, message: str) -> Diagnostic:
        return _internal(registry, code, message)

    seconds = file_timeout * max(1.0, len(batch.reports) / BUDGET_REPORTS) if file_timeout else None
    watch_interrupts()  # the user's Ctrl-C stops the run; a rule's own KeyboardInterrupt is contained
    found: dict[str, list[Diagnostic]] = defaultdict(list)
    for rule in rules:
        started = time.perf_counter()
        diagnostics, failures = run_batch_rule(rule, batch, cap_for, internal, seconds)
        if stopwatch is not None:  # listed with the rules, not subtracted from the phase (``stage:batch`` is all of it)
            stopwatch.seconds[f"batch:{rule.code}"] = stopwatch.seconds.get(f"batch:{rule.code}", 0.0) + time.perf_counter() - started
        for diagnostic in diagnostics:
            if diagnostic.path in checked:
                found[diagnostic.path].append(diagnostic)
        if first is not None:
            found[first].extend(_on_report(failure, first) for failure in failures)
    return dict(found)


def with_batch_findings(
    results: Sequence[FileResult], found: Mapping[str, Sequence[Diagnostic]], config_for: Callable[[str], Config]
) -> tuple[FileResult, ...]:
    """The results with the batch findings on each added: selected, overridden and sorted by the file's configuration."""
    if not found:
        return tuple(results)
    return tuple(_with_findings(result, found.get(result.path, ()), config_for(result.path)) for result in results)


def _with_findings(result: FileResult, diagnostics: Sequence[Diagnostic], config: Config) -> FileResult:
    """A file's result with batch findings added: selected, overridden and sorted as the file's own findings are."""
    if not diagnostics:
        return result
    per_file = config.ignored_for(Path(result.path))
    added: list[tuple[Diagnostic, Excerpt | None]] = []
    for diagnostic in diagnostics:
        if not is_selected(diagnostic.code, config, per_file, diagnostic.name):
            continue
        override = severity_override(config, diagnostic.code, diagnostic.name)
        added.append((diagnostic.with_severity(override) if override is not None else diagnostic, None))
    if not added:
        return result
    merged = [*zip(result.diagnostics, result.excerpts or (None,) * len(result.diagnostics), strict=True), *added]
    merged.sort(key=lambda pair: pair[0].sort_key())
    return replace(result, diagnostics=tuple(diagnostic for diagnostic, _ in merged), excerpts=tuple(excerpt for _, excerpt in merged))


def _on_report(failure: Diagnostic, path: str) -> Diagnostic:
    """A batch rule's failure put on one report of the run (its first line)."""
    return replace(failure, path=path, location=Location(1, 1, 1, 1), fingerprint=fingerprint(failure.code, failure.message, 0))
