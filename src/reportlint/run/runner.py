"""A whole run: discovery, linting every file (in a process pool when there are many), and the run's result.

Results come back in the order of the input, whatever the number of processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from reportlint.run.discovery import discover
from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.registry import Registry
from reportlint.run.results import FileResult, RunResult
from reportlint.run.stdin import STDIN, lint_stdin, stdin_source
from reportlint.run.timings import Stopwatch
from reportlint.sources import Source

#: Below this many files the pool costs more than it saves.
PARALLEL_THRESHOLD = 8


_WORKER: Linter | None = None


def _init_worker(options: RunOptions) -> None:
    global _WORKER  # noqa: PLW0603 (one linter per worker process, built by the pool's initializer)
    _WORKER = Linter(options)


def _work(item: tuple[Path, str]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint_path(*item)


class Runner:
    """One run over files and directories: the base configuration, its plugin registry, then every file.

    The registry of the base configuration (that of the first path) is built
    once and shared: the command line picks its reporters from it before the run.
    Raises :class:`ConfigError` for configuration problems (exit code 2).
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

    @property
    def registry(self) -> Registry:
        """The plugin registry of the base configuration."""
        return self.linter.rule_set(self.config).registry

    def files(self) -> list[tuple[Path, str]]:
        """The files of the run, ``(path, display path)`` (standard input aside), every config validated."""
        linter = self.linter
        loaders = self.registry.loaders
        named = [path for path in self.paths if path != STDIN]
        files = discover(
            named, linter.resolver, [extension for loader in loaders for extension in loader.extensions], self.options.force_exclude
        )
        for path, _ in files:  # validate every config before any work starts
            linter.rule_set(linter.resolver.config_for(path))
        return files

    @cached_property
    def stdin(self) -> Source | None:
        """Standard input as a source when ``-`` is among the paths (read once)."""
        return stdin_source(self.options) if STDIN in self.paths else None

    def run(self, progress: Callable[[int, int], None] | None = None) -> RunResult:
        """Lint every file; ``progress(done, total)`` is called as results come in."""
        stopwatch = Stopwatch()
        with stopwatch.measure("stage:discover"):
            files = self.files()
        results = self.lint(files, progress, stopwatch)
        if self.stdin is not None:
            from_stdin = lint_stdin(self.linter, self.stdin)
            if from_stdin is not None:
                results.insert(0, from_stdin)
        run = self.assemble(results)
        return replace(run, timings=stopwatch.take()) if self.options.timings else run

    def lint(self, files: list[tuple[Path, str]], progress: Callable[[int, int], None] | None, stopwatch: Stopwatch) -> list[FileResult]:
        """Every file's result, in order: cached ones found here, the others linted (in a pool when there are many)."""
        linter = self.linter
        with stopwatch.measure("stage:cache"):  # cached results are found here; workers get only the rest
            cached = [linter.cached(*item) for item in files] if linter.cache is not None else [None] * len(files)
        jobs = self.options.jobs or self.config.jobs or os.cpu_count() or 1
        fresh = _run([item for item, hit in zip(files, cached, strict=True) if hit is None], linter, self.options, jobs, None)
        results = []
        try:
            for done, hit in enumerate(cached, start=1):
                results.append(hit if hit is not None else next(fresh))
                if progress is not None:
                    progress(done, len(files))
        finally:
            fresh.close()
        return results

    def assemble(self, results: Sequence[FileResult]) -> RunResult:
        """The run's result from its files' results: the rules that ran, plugin failures and warnings."""
        linter = self.linter
        rules = {rule.code: type(rule) for rule_set in linter.rule_sets for rule in rule_set.rules}
        failures = {failure for rule_set in linter.rule_sets for failure in rule_set.registry.failures}
        warnings = dict.fromkeys(warning for rule_set in linter.rule_sets for warning in rule_set.registry.warnings)
        return RunResult(
            files=tuple(results),
            rules=tuple(sorted(rules.values(), key=lambda rule: rule.code)),
            failures=tuple(sorted(failures, key=lambda failure: failure.plugin)),
            config=self.config,
            warnings=(*warnings, *(linter.cache.warnings if linter.cache is not None else ())),
        )


def lint_paths(
    paths: Sequence[str],
    options: RunOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Lint files and directories; the programmatic equivalent of ``reportlint check``.

    Raises :class:`ConfigError` for configuration problems (exit code 2).
    """
    return Runner(paths, options or RunOptions()).run(progress)


def _run(
    files: list[tuple[Path, str]],
    linter: Linter,
    options: RunOptions,
    jobs: int,
    progress: Callable[[int, int], None] | None,
) -> Generator[FileResult, None, None]:
    if jobs <= 1 or len(files) < PARALLEL_THRESHOLD:
        results: Iterator[FileResult] = (linter.lint_path(*item) for item in files)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,))
        results = pool.map(_work, files, chunksize=max(1, min(16, len(files) // (jobs * 4))))
    try:
        for done, result in enumerate(results, start=1):
            if progress is not None:
                progress(done, len(files))
            yield result
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
