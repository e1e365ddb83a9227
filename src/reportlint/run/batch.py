"""The batch phase: after every file of a run is checked, the cross-document rules on the reports' summaries.

:func:`run_batch` takes the per-file results (each carrying its
:class:`~reportlint.core.summary.ReportSummary`) and, for ``--previous``, last
year's reports summarised for reference; it runs every selected batch rule once
on the whole :class:`~reportlint.core.batch.Batch` and puts each finding into
the result of the file it points at, filtered and given its severity by that
file's configuration, in the file's output order. Findings on reference files
are dropped. The phase is separate from linting files, so it runs the same on
fresh results, on results from worker processes or on cached ones.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from reportlint.core.batch import Batch, BatchReport, BatchRule
from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic, fingerprint
from reportlint.core.model import Location
from reportlint.run.registry import Registry
from reportlint.run.results import Excerpt, FileResult
from reportlint.run.selection import is_selected


def needs_batch(results_count: int, references_count: int) -> bool:
    """Whether a run compares reports at all: two reports or more, or any report with last year's given."""
    return results_count + references_count >= 2 and results_count >= 1


def run_batch(
    results: Sequence[FileResult],
    references: Sequence[FileResult],
    rules: Sequence[BatchRule],
    registry: Registry,
    config_for: Callable[[str], Config],
) -> tuple[FileResult, ...]:
    """The results with the batch rules' findings added (see the module docstring).

    ``config_for`` gives the configuration of a result's path (its display path).
    """
    if not rules or not needs_batch(len(results), len(references)):
        return tuple(results)
    batch = Batch(
        (
            *(BatchReport(result.path, result.summary) for result in results),
            *(BatchReport(result.path, result.summary, True) for result in references),
        ),
        registry.template_set,
    )
    checked = {report.path for report in batch.checked}
    found: dict[str, list[Diagnostic]] = defaultdict(list)
    for rule in rules:
        try:
            for diagnostic in rule.check(batch) or ():
                if diagnostic.path in checked:
                    found[diagnostic.path].append(diagnostic)
        except Exception as error:  # a failing batch rule must not stop the others nor lose the files' findings
            first = next(iter(sorted(checked)), None)
            if first is not None:
                found[first].append(_failure(registry, rule, error, first))
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
        if not is_selected(diagnostic.code, config, per_file):
            continue
        override = config.severity.get(diagnostic.code)
        added.append((diagnostic.with_severity(override) if override is not None else diagnostic, None))
    if not added:
        return result
    merged = [*zip(result.diagnostics, result.excerpts or (None,) * len(result.diagnostics), strict=True), *added]
    merged.sort(key=lambda pair: pair[0].sort_key())
    return replace(result, diagnostics=tuple(diagnostic for diagnostic, _ in merged), excerpts=tuple(excerpt for _, excerpt in merged))


def _failure(registry: Registry, rule: BatchRule, error: Exception, path: str) -> Diagnostic:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    place = f"（{Path(where.filename).name}:{where.lineno}）" if where else ""
    origin = "内置规则" if rule.origin == "builtin" else rule.origin.replace("plugin:", "插件 ")
    internal = registry.rule_by_code("RL907")
    assert internal is not None, "RL907 is registered"
    message = f"{origin}中的跨文档规则 {rule.code}（{rule.name}）运行出错，已跳过该规则：{type(error).__name__}: {error}{place}"
    return replace(internal().diagnostic(message), path=path, location=Location(1, 1, 1, 1), fingerprint=fingerprint("RL907", message, 0))
