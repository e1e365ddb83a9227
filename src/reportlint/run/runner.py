"""A whole run: discovery, checking every file (in supervised workers, under the run's budgets), and the run's result.

The stages of :meth:`Runner.run`, each a method of its own:

1. :meth:`~Runner.discover` — the files (and the paths that are findings of
   their own, and the files passed over);
2. :meth:`~Runner.prepare` — every configuration met, its plugins, rules and
   templates loaded and validated before any file is read (config errors: exit 2);
3. :meth:`~Runner.check` — every file: its cached result when nothing it depends
   on changed (:mod:`reportlint.run.cache`), else checked in supervised worker
   processes when the run has a time or memory budget (:mod:`reportlint.run.workers`),
   else in this process; results are put back into the input's order as they
   arrive, whatever the number of workers;
4. the batch phase (:mod:`reportlint.run.batch`), when the run compares
   reports (two or more, or last year's given with ``--previous``): last year's
   reports are summarised the same way (cached, in workers), then the batch rules
   run once on every report's summary — unless the cache holds the findings of
   the same batch rules on the same reports, which are then used as they are
   (and no report's summary is read back for them);
5. :meth:`~Runner.assemble` — the :class:`RunResult` reporters render.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from reportlint.core.batch import BatchRule
from reportlint.core.config import Config
from reportlint.run.batch import batch_findings, needs_batch, with_batch_findings
from reportlint.run.cache import batch_key
from reportlint.run.containment import watch_interrupts
from reportlint.run.discovery import Discovery, Entry, discover
from reportlint.run.limits import Limits
from reportlint.run.linter import Linter, _internal, cacheable
from reportlint.run.options import RunOptions
from reportlint.run.registry import Registry
from reportlint.run.results import FileResult, RunResult, SkippedFile
from reportlint.run.stdin import STDIN, lint_stdin, stdin_source
from reportlint.run.summary import prepare_summaries
from reportlint.run.timings import Stopwatch
from reportlint.run.workers import Task, WorkerPool
from reportlint.sources import Source

#: Below this many files one worker is enough (a second costs more than it saves).
PARALLEL_THRESHOLD = 8

Progress = Callable[[int, int], None]


class Runner:
    """One run over files and directories: the base configuration, its plugin registry, then every file.

    The registry of the base configuration (that of the first path) is built
    once and shared: the command line picks its reporters from it before the
    run. The run's budgets (:class:`Limits`) come from the base configuration
    and the command line. Raises :class:`ConfigError` for configuration
    problems (exit code 2).
    """

    def __init__(self, paths: Sequence[str], options: RunOptions | None = None) -> None:
        self.paths = list(paths)
        self.options = options or RunOptions()
        self.linter = Linter(self.options)
        first = (
            self.options.stdin_filename
            if self.paths[:1] == [STDIN] and self.options.stdin_filename
            else (self.paths[0] if self.paths else None)
        )
        self.config = self.linter.resolver.config_for(Path(first) if first else Path.cwd())
        self.limits = Limits.of(self.config, self.options)
        self.linter.limits = self.limits

    @property
    def registry(self) -> Registry:
        """The plugin registry of the base configuration."""
        return self.linter.rule_set(self.config).registry

    def run(self, progress: Progress | None = None) -> RunResult:
        """Check every file; ``progress(done, total)`` is called as results come in.

        Standard input (``-``) is checked in this process and comes first.
        """
        stopwatch = Stopwatch()
        with stopwatch.measure("stage:discover"):
            found = self.discover()
            self.prepare(found.entries)
            previous = self.previous(found.entries)
        batch_rules = self.linter.rule_set(self.config).batch_rules
        compare = bool(batch_rules) and needs_batch(len(found.entries) + (self.stdin is not None), len(previous))
        # Set before any worker starts (forked workers inherit the linter): each report's summary then holds what batch rules compare.
        self.linter.options = replace(self.linter.options, cross_document=compare)
        cache = self.linter.cache
        with stopwatch.measure("stage:cache"):
            keys, reference_keys = self.keys(found.entries), self.keys(previous)
            key = self._batch_key(found.entries, keys, previous, reference_keys, batch_rules) if compare else None
            stored = cache.lookup_batch(key) if cache is not None and key is not None else None
        # Cached reports' summaries are read back only for the batch rules, or for a caller that keeps them.
        summaries = compare and (stored is None or self.options.keep_summaries)
        fresh: list[int] = []
        results = list(self.check(found.entries, progress, stopwatch, keys=keys, summaries=summaries, fresh=fresh))
        if self.stdin is not None:
            from_stdin = lint_stdin(self.linter, self.stdin)
            if from_stdin is not None:
                results.insert(0, from_stdin)
        if compare:
            config_for = self._config_for(found.entries)
            if stored is not None and not self._as_keyed(found.entries, keys, results, fresh):
                # A report checked afresh is not the one the stored findings saw (its check failed, or it changed meanwhile).
                stored = None
                if not summaries:
                    results = self._with_summaries(found.entries, keys, results, fresh)
            if stored is None:
                reference_fresh: list[int] = []
                references = list(self.check(previous, None, stopwatch, reference=True, keys=reference_keys, fresh=reference_fresh))
                with stopwatch.measure("stage:batch"):
                    stored = batch_findings(
                        results, references, batch_rules, self.registry, config_for, stopwatch, self.limits.file_timeout
                    )
                if (
                    cache is not None
                    and key is not None
                    and self._as_keyed(found.entries, keys, results, fresh)
                    and self._as_keyed(previous, reference_keys, references, reference_fresh)
                    and not any(diagnostic.code.startswith("RL9") for found_on in stored.values() for diagnostic in found_on)
                ):
                    cache.store_batch(key, stored)
            with stopwatch.measure("stage:batch"):
                results = list(with_batch_findings(results, stored, config_for))
            if not self.options.keep_summaries:
                results = [_without_facts(result) for result in results]
        if cache is not None:
            cache.flush(prune=True)  # what this process stored (a run without workers, the batch findings); old entries go
        run = self.assemble(results, found.skipped, batch=compare)
        return replace(run, timings=stopwatch.take()) if self.options.timings else run

    def previous(self, entries: Sequence[Entry]) -> list[Entry]:
        """Last year's reports (``--previous``) that are not among the run's own files, their configurations validated."""
        if not self.options.previous:
            return []
        extensions = [extension for loader in self.registry.loaders for extension in loader.extensions]
        checked = {entry.path.resolve() for entry in entries}
        found = discover(self.options.previous, self.linter.resolver, extensions).entries
        chosen = [entry for entry in found if entry.problem is None and entry.path.resolve() not in checked]
        self.prepare(chosen)
        return chosen

    def _config_for(self, entries: Sequence[Entry]) -> Callable[[str], Config]:
        """The configuration of a result by its display path (the base configuration for standard input)."""
        paths = {entry.display: entry.path for entry in entries}

        def config_for(display: str) -> Config:
            path = paths.get(display)
            return self.linter.resolver.config_for(path) if path is not None else self.config

        return config_for

    @cached_property
    def found(self) -> Discovery:
        """What discovery found (computed once)."""
        return self.discover()

    def discover(self) -> Discovery:
        """The entries of the run (standard input aside), in order, and the files passed over."""
        extensions = [extension for loader in self.registry.loaders for extension in loader.extensions]
        named = [path for path in self.paths if path != STDIN]
        return discover(named, self.linter.resolver, extensions, self.options.force_exclude)

    def files(self) -> list[tuple[Path, str]]:
        """The files of the run, ``(path, display path)`` (standard input aside), every config validated (for ``--fix``)."""
        entries = self.found.entries
        self.prepare(entries)
        return [(entry.path, entry.display) for entry in entries]

    @cached_property
    def stdin(self) -> Source | None:
        """Standard input as a source when ``-`` is among the paths (read once)."""
        return stdin_source(self.options) if STDIN in self.paths else None

    def prepare(self, entries: Sequence[Entry]) -> None:
        """Load and validate every configuration the entries use (plugins, rules, templates) before any work starts."""
        linter = self.linter
        for entry in entries:
            linter.rule_set(linter.resolver.config_for(entry.path))

    def keys(self, entries: Sequence[Entry]) -> list[str | None]:
        """Each entry's cache key (None without a cache, for a path discovery could not use, or a file that is checked uncached)."""
        linter = self.linter
        if linter.cache is None:
            return [None] * len(entries)
        return [None if entry.problem is not None else linter.cache_key(entry.path, entry.display) for entry in entries]

    def _batch_key(
        self,
        entries: Sequence[Entry],
        keys: Sequence[str | None],
        previous: Sequence[Entry],
        reference_keys: Sequence[str | None],
        rules: Sequence[BatchRule],
    ) -> str | None:
        """The key of the run's batch findings in the cache; None when they cannot be kept (standard input, a file without a key)."""
        checked = [(entry.display, key) for entry, key in zip(entries, keys, strict=True) if key is not None]
        references = [(entry.display, key) for entry, key in zip(previous, reference_keys, strict=True) if key is not None]
        if self.stdin is not None or len(checked) < len(entries) or len(references) < len(previous):
            return None
        return batch_key(self.linter.context(self.config), ((rule.code, rule.origin, rule.config) for rule in rules), checked, references)

    def _as_keyed(self, entries: Sequence[Entry], keys: Sequence[str | None], results: Sequence[FileResult], fresh: Sequence[int]) -> bool:
        """Whether the results checked afresh are those of the files their keys name: each could be cached, and its file did not change meanwhile."""
        linter = self.linter
        return all(
            cacheable(results[index]) and linter.cache_key(entries[index].path, entries[index].display) == keys[index] for index in fresh
        )

    def _with_summaries(
        self, entries: Sequence[Entry], keys: Sequence[str | None], results: Sequence[FileResult], fresh: list[int]
    ) -> list[FileResult]:
        """The results with what batch rules compare read back for the cached ones (checked again when their entry lacks it).

        The indices of the reports checked again are added to ``fresh``.
        """
        cache = self.linter.cache
        assert cache is not None  # only a cached run reads results without their summaries
        again = set(fresh)
        completed = list(results)
        missing = []
        for index, (entry, key) in enumerate(zip(entries, keys, strict=True)):
            if index in again or key is None:
                continue
            found = cache.lookup(key, cross_document=True)
            if found is None:
                missing.append(index)
            else:
                completed[index] = _with_source(found, entry)
        rechecked = self.check([entries[index] for index in missing], keys=[keys[index] for index in missing], summaries=True)
        for index, result in zip(missing, rechecked, strict=True):
            completed[index] = result
        fresh.extend(missing)
        return completed

    def check(
        self,
        entries: Sequence[Entry],
        progress: Progress | None = None,
        stopwatch: Stopwatch | None = None,
        *,
        reference: bool = False,
        keys: Sequence[str | None] | None = None,
        summaries: bool | None = None,
        fresh: list[int] | None = None,
    ) -> Iterator[FileResult]:
        """Every entry's result, in the entries' order: cached results are found here, workers get only the rest.

        ``reference`` entries (last year's reports of ``--previous``) are only summarised: no rule runs on them.
        ``keys`` are the entries' cache keys (:meth:`keys`, computed here when not given); ``summaries`` says
        whether cached results must hold what batch rules compare (by default, whether the run compares
        reports); the indices of the entries checked afresh are appended to ``fresh``.
        """
        total = len(entries)
        results: dict[int, FileResult] = {}
        tasks = []
        linter = self.linter
        cache = linter.cache
        with (stopwatch or Stopwatch()).measure("stage:cache"):
            if keys is None:
                keys = self.keys(entries)
            if summaries is None:
                summaries = linter.options.cross_document
            for index, entry in enumerate(entries):
                if entry.problem is not None:
                    results[index] = self._problem(entry)
                    continue
                key = keys[index]
                hit = cache.lookup(key, summaries) if cache is not None and key is not None else None
                if hit is not None:
                    results[index] = hit
                else:
                    tasks.append(Task(index, str(entry.path), entry.display, reference))
        if fresh is not None:
            fresh.extend(task.index for task in tasks)
        next_index = 0
        for done, (index, result) in enumerate(self._results(tasks), start=1):
            results[index] = result
            if progress is not None:
                progress(done, len(tasks))
            while next_index in results:
                yield _with_source(results.pop(next_index), entries[next_index])
                next_index += 1
        while next_index < total:
            yield _with_source(results.pop(next_index), entries[next_index])
            next_index += 1

    def _results(self, tasks: Sequence[Task]) -> Iterator[tuple[int, FileResult]]:
        """``(index, result)`` of every task, in the order they finish."""
        jobs = self.options.jobs or self.config.jobs or os.cpu_count() or 1
        if len(tasks) < PARALLEL_THRESHOLD:
            jobs = 1
        if not tasks:
            return
        if not self.limits.supervised and jobs == 1:
            watch_interrupts()
            for task in tasks:
                work = self.linter.summarize_path if task.reference else self.linter.lint_path
                yield task.index, work(Path(task.path), task.display)
            return
        if self.linter.options.cross_document:
            prepare_summaries()  # loaded once here, where the batch phase needs it too: the forked workers inherit it
        yield from WorkerPool(self.linter, jobs, self._failed).run(tasks)

    def _failed(self, task: Task, code: str, message: str) -> FileResult:
        """The result of a file whose worker was stopped or died."""
        path = Path(task.path)
        config = self.linter.resolver.config_for(path)
        diagnostic = _internal(self.linter.rule_set(config).registry, code, message)
        return self.linter.finish(task.display, path, config, None, [diagnostic])

    def _problem(self, entry: Entry) -> FileResult:
        """The RL901 result of a path discovery could not use (an unreadable directory)."""
        config = self.linter.resolver.config_for(entry.path)
        diagnostic = _internal(self.linter.rule_set(config).registry, "RL901", entry.problem or "")
        return self.linter.finish(entry.display, entry.path, config, None, [diagnostic])

    def assemble(self, results: Sequence[FileResult], skipped: Sequence[SkippedFile] = (), batch: bool = False) -> RunResult:
        """The run's result: every file's, the rules that ran (the batch rules when ``batch``), plugin failures and warnings, the files passed over."""
        linter = self.linter
        rules = {
            rule.code: type(rule) for rule_set in linter.rule_sets for rule in (*rule_set.rules, *(rule_set.batch_rules if batch else ()))
        }
        failures = {failure for rule_set in linter.rule_sets for failure in (*rule_set.registry.failures, *rule_set.failures)}
        warnings = dict.fromkeys(warning for rule_set in linter.rule_sets for warning in rule_set.registry.warnings)
        return RunResult(
            files=tuple(results),
            rules=tuple(sorted(rules.values(), key=lambda rule: rule.code)),
            failures=tuple(sorted(failures, key=lambda failure: failure.plugin)),
            config=self.config,
            warnings=(*warnings, *(linter.cache.warnings if linter.cache is not None else ())),
            skipped=tuple(skipped),
        )


def _without_facts(result: FileResult) -> FileResult:
    """The result without what batch rules compared of its report (see :attr:`RunOptions.keep_summaries`)."""
    summary = result.summary
    return result if summary.cross_document is None else replace(result, summary=replace(summary, cross_document=None))


def _with_source(result: FileResult, entry: Entry) -> FileResult:
    """The result with the path as the filesystem names it, when its display path had to escape bytes."""
    return replace(result, source_path=entry.source) if entry.source is not None else result


def lint_paths(paths: Sequence[str], options: RunOptions | None = None, progress: Progress | None = None) -> RunResult:
    """Lint files and directories; the programmatic equivalent of ``reportlint check``.

    Raises :class:`ConfigError` for configuration problems (exit code 2).
    """
    return Runner(paths, options or RunOptions()).run(progress)
