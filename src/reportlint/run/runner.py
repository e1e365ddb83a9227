"""A whole run: discovery, linting every file (in a process pool when there are many), and the run's result.

Results come back in the order of the input, whatever the number of processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportlint.run.discovery import discover
from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.registry import Registry
from reportlint.run.results import FileResult, RunResult
from reportlint.run.timings import Stopwatch

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
        self.config = self.linter.resolver.config_for(Path(self.paths[0]) if self.paths else Path.cwd())

    @property
    def registry(self) -> Registry:
        """The plugin registry of the base configuration."""
        return self.linter.rule_set(self.config).registry

    def run(self, progress: Callable[[int, int], None] | None = None) -> RunResult:
        """Lint every file; ``progress(done, total)`` is called as results come in."""
        linter = self.linter
        stopwatch = Stopwatch()
        loaders = self.registry.loaders
        with stopwatch.measure("stage:discover"):
            files = discover(self.paths, linter.resolver, [extension for loader in loaders for extension in loader.extensions])
            for path, _ in files:  # validate every config before any work starts
                linter.rule_set(linter.resolver.config_for(path))
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
        rules = {rule.code: type(rule) for rule_set in linter.rule_sets for rule in rule_set.rules}
        failures = {failure for rule_set in linter.rule_sets for failure in rule_set.registry.failures}
        warnings = dict.fromkeys(warning for rule_set in linter.rule_sets for warning in rule_set.registry.warnings)
        return RunResult(
            files=tuple(results),
            rules=tuple(sorted(rules.values(), key=lambda rule: rule.code)),
            failures=tuple(sorted(failures, key=lambda failure: failure.plugin)),
            config=self.config,
            warnings=(*warnings, *(linter.cache.warnings if linter.cache is not None else ())),
            timings=stopwatch.take() if self.options.timings else {},
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
