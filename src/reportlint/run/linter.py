"""The engine: find files, load them, run the selected rules, collect diagnostics.

Each file is linted independently: its nearest configuration, its loader, then
every selected rule in turn. A rule that raises becomes an RL907 diagnostic for
that file and the other rules still run; a file that cannot be read becomes an
RL90x diagnostic and the other files still run. Many files are linted in a
process pool; results come back in the order of the input.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlint.config import (
    Config,
    ConfigError,
    find_config_file,
    load_config,
    parse_config,
    validate_codes,
    validate_rule_names,
)
from reportlint.core.diagnostics import Diagnostic, Severity, fingerprint
from reportlint.core.model import Document
from reportlint.run.registry import PluginFailure, Registry, registry_for
from reportlint.core.report import Report
from reportlint.core.rule import Rule, RuleDefinitionError
from reportlint.sources import SUPPORTED_EXTENSIONS, UNSUPPORTED_FORMATS, Source, SourceError, detect_format, read_source

#: Below this many files the pool costs more than it saves.
PARALLEL_THRESHOLD = 8


@dataclass(frozen=True)
class Excerpt:
    """The source line of a finding and the finding's columns in it (for ``full`` output)."""

    line: str
    start: int
    end: int


@dataclass(frozen=True)
class FileResult:
    """The outcome of linting one file."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    excerpts: tuple[Excerpt | None, ...] = ()
    format: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class RunOptions:
    """Command-line choices that apply to every file (plain values, so workers can receive them)."""

    config_file: str | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    fail_on: str | None = None
    jobs: int | None = None
    keep_text: bool = False


@dataclass(frozen=True)
class RunResult:
    """Every file's result, plus plugin failures and the rules that ran."""

    files: tuple[FileResult, ...]
    rules: tuple[type[Rule], ...]
    failures: tuple[PluginFailure, ...] = ()
    config: Config = field(default_factory=Config)
    warnings: tuple[str, ...] = ()

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All diagnostics of the run, in output order."""
        return [diagnostic for result in self.files for diagnostic in result.diagnostics]


class ConfigResolver:
    """Finds and caches the effective config of each file (nearest file + CLI overrides)."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._by_file: dict[Path | None, Config] = {}
        self._explicit = Path(options.config_file) if options.config_file else None

    def config_for(self, path: Path) -> Config:
        """The configuration that applies to ``path``."""
        if self.options.isolated:
            config_path = None
        elif self._explicit is not None:
            config_path = self._explicit
        else:
            config_path = find_config_file(path)
        if config_path not in self._by_file:
            self._by_file[config_path] = self._with_overrides(load_config(config_path))
        return self._by_file[config_path]

    def _with_overrides(self, config: Config) -> Config:
        options = self.options
        try:
            fail_on = Severity.parse(options.fail_on) if options.fail_on else None
        except ValueError as error:
            raise ConfigError(f"--fail-on：{error}") from None
        return config.with_overrides(
            select=options.select,
            ignore=(*config.ignore, *options.ignore) if options.ignore else None,
            extend_select=(*config.extend_select, *options.extend_select) if options.extend_select else None,
            fail_on=fail_on,
            jobs=options.jobs,
        )


def _prefix_strength(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector matching ``code`` (``ALL`` counts 0); -1 if none."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def is_selected(code: str, config: Config, extra_ignores: Sequence[str] = ()) -> bool:
    """ruff-style selection: the most specific matching selector decides."""
    chosen = _prefix_strength(code, (*config.select, *config.extend_select))
    ignored = _prefix_strength(code, (*config.ignore, *config.extend_ignore, *extra_ignores))
    return chosen >= 0 and chosen > ignored


@dataclass(frozen=True)
class RuleSet:
    """The instantiated, selected rules for one configuration."""

    registry: Registry
    rules: tuple[Rule, ...]


def build_rule_set(config: Config) -> RuleSet:
    """Load plugins, validate the config against known rules, and instantiate the selected rules."""
    registry = registry_for(config)
    validate_codes(config, (rule.code for rule in registry.rules))
    validate_rule_names(config, (rule.name for rule in registry.rules))
    registry.manager.hook.reportlint_configure(config=config)
    rules = []
    for rule_class in registry.rules:
        if not is_selected(rule_class.code, config):
            continue
        try:
            rules.append(rule_class(config.rule_options(rule_class.name)))
        except RuleDefinitionError as error:
            raise ConfigError(str(error), config.path) from None
    return RuleSet(registry, tuple(rules))


class Linter:
    """Lints files of one process; caches configs and rule sets between files."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.resolver = ConfigResolver(options)
        self._rule_sets: dict[Path | None, RuleSet] = {}

    def rule_set(self, config: Config) -> RuleSet:
        """The rule set of a config (built once per config file)."""
        if config.path not in self._rule_sets:
            self._rule_sets[config.path] = build_rule_set(config)
        return self._rule_sets[config.path]

    @property
    def rule_sets(self) -> tuple[RuleSet, ...]:
        """Every rule set built so far (one per config file met)."""
        return tuple(self._rule_sets.values())

    def lint_path(self, path: Path, display: str) -> FileResult:
        """Lint one file from disk."""
        config = self.resolver.config_for(path)
        rule_set = self.rule_set(config)
        try:
            source = read_source(path, display)
        except SourceError as error:
            return self.finish(display, path, config, None, [_internal(rule_set.registry, error.code, error.message)])
        return self.lint_source(source, config, rule_set)

    def lint_source(self, source: Source, config: Config, rule_set: RuleSet) -> FileResult:
        """Load a source and lint it; input that cannot be loaded becomes an RL90x finding."""
        try:
            document = load_document(source, rule_set.registry)
        except SourceError as error:
            diagnostic = _internal(rule_set.registry, error.code, error.message)
            return self.finish(source.display_path, source.path, config, None, [diagnostic])
        except Exception as error:  # a loader bug or an input no library anticipated
            message = f"读取文件时出错，文件可能已损坏：{type(error).__name__}: {error}"
            diagnostic = _internal(rule_set.registry, "RL904", message)
            return self.finish(source.display_path, source.path, config, None, [diagnostic])
        return self.lint_document(document, source.path, config, rule_set)

    def lint_document(self, document: Document, path: Path, config: Config, rule_set: RuleSet) -> FileResult:
        """Run every selected rule on a loaded document."""
        report = Report(document=document, config=config, path=path, registry=rule_set.registry)
        diagnostics = []
        for rule in rule_set.rules:
            try:
                diagnostics.extend(rule.check(report) or ())
            except Exception as error:  # a failing rule must not stop the others
                diagnostics.append(_rule_failure(rule_set.registry, rule, error))
        return self.finish(document.path, path, config, document, diagnostics)

    def finish(
        self,
        display: str,
        path: Path,
        config: Config,
        document: Document | None,
        diagnostics: list[Diagnostic],
    ) -> FileResult:
        """Filter, apply severity overrides, locate and sort the diagnostics of one file."""
        per_file = config.ignored_for(path)
        kept = []
        for diagnostic in diagnostics:
            if not is_selected(diagnostic.code, config, per_file):
                continue
            override = config.severity.get(diagnostic.code)
            if override is not None:
                diagnostic = diagnostic.with_severity(override)
            kept.append(diagnostic)
        located = _locate(kept, display, document)
        located.sort(key=lambda pair: pair[0].sort_key())
        return FileResult(
            path=display,
            diagnostics=tuple(diagnostic for diagnostic, _ in located),
            excerpts=tuple(excerpt for _, excerpt in located),
            format=document.format if document else None,
            text=document.text if document is not None and self.options.keep_text else None,
        )


def load_document(source: Source, registry: Registry) -> Document:
    """Load a source with the loader for its format (plugin loaders that claim it first)."""
    extension = source.path.suffix.lower()
    for loader in registry.loaders:
        if loader.sniff(source.data, extension):
            return loader().load(source)
    for loader in reversed(registry.loaders):
        if loader.format == source.format:
            return loader().load(source)
    message = UNSUPPORTED_FORMATS.get(source.format, f"不支持的文件格式：{source.format}")
    raise SourceError("RL902", message)


def _internal(registry: Registry, code: str, message: str) -> Diagnostic:
    rule = registry.rule_by_code(code)
    assert rule is not None, f"internal rule {code} is not registered"
    return rule().diagnostic(message)


def _rule_failure(registry: Registry, rule: Rule, error: Exception) -> Diagnostic:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    place = f"（{Path(where.filename).name}:{where.lineno}）" if where else ""
    origin = "内置规则" if rule.origin == "builtin" else rule.origin.replace("plugin:", "插件 ").replace("pack:", "规则包 ")
    return _internal(
        registry,
        "RL907",
        f"{origin} {rule.code}（{rule.name}）运行出错，已跳过该规则：{type(error).__name__}: {error}{place}",
    )


def _locate(
    diagnostics: list[Diagnostic], display: str, document: Document | None
) -> list[tuple[Diagnostic, Excerpt | None]]:
    """Fill in path, location, related locations, fingerprint and the source excerpt."""
    located = []
    occurrences: dict[tuple[str, str, str], int] = {}
    for diagnostic in diagnostics:
        if document is None:
            context = ""
            located_diagnostic = replace(diagnostic, path=display)
            excerpt = None
        else:
            text = document.text
            start = max(0, min(diagnostic.start, len(text)))
            end = max(start, min(diagnostic.end, len(text)))
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end].rstrip("\r")
            context = f"{line}\x00{text[start:end]}"
            excerpt = Excerpt(line, start - line_start, min(end, line_end) - line_start)
            related = tuple(
                replace(item, location=document.locate(item.start, item.end)) for item in diagnostic.related
            )
            located_diagnostic = replace(
                diagnostic,
                path=display,
                start=start,
                end=end,
                location=document.locate(start, end),
                related=related,
            )
        key = (diagnostic.code, context, diagnostic.message)
        occurrence = occurrences.get(key, 0)
        occurrences[key] = occurrence + 1
        identity = fingerprint(diagnostic.code, f"{context}\x00{diagnostic.message}", occurrence)
        located.append((replace(located_diagnostic, fingerprint=identity), excerpt))
    return located


def discover(paths: Sequence[str], resolver: ConfigResolver, extensions: Iterable[str] = ()) -> list[tuple[Path, str]]:
    """Expand files and directories into ``(path, display path)`` pairs, in a stable order.

    Directories are walked recursively for supported extensions, skipping hidden
    directories and ``exclude`` globs; files named explicitly are always checked.
    """
    wanted = {*SUPPORTED_EXTENSIONS, *extensions}
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, directories, files in os.walk(path):
                directories[:] = sorted(name for name in directories if not name.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() not in wanted or name.startswith("~$"):
                        continue
                    config = resolver.config_for(candidate)
                    if config.is_excluded(candidate):
                        continue
                    _add(found, seen, candidate)
        else:
            _add(found, seen, path)
    return found


def _add(found: list[tuple[Path, str]], seen: set[Path], path: Path) -> None:
    resolved = path.resolve()
    if resolved not in seen:
        seen.add(resolved)
        found.append((path, _display(path)))


def _display(path: Path) -> str:
    try:
        relative = os.path.relpath(path.resolve(), Path.cwd())
    except ValueError:
        return path.as_posix()
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


_WORKER: Linter | None = None


def _init_worker(options: RunOptions) -> None:
    global _WORKER
    _WORKER = Linter(options)


def _work(item: tuple[Path, str]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint_path(*item)


def lint_paths(
    paths: Sequence[str],
    options: RunOptions = RunOptions(),
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Lint files and directories; the programmatic equivalent of ``reportlint check``.

    Raises :class:`ConfigError` for configuration problems (exit code 2).
    """
    linter = Linter(options)
    base_config = linter.resolver.config_for(Path(paths[0]) if paths else Path.cwd())
    loaders = linter.rule_set(base_config).registry.loaders
    files = discover(paths, linter.resolver, [extension for loader in loaders for extension in loader.extensions])
    for path, _ in files:  # validate every config before any work starts
        linter.rule_set(linter.resolver.config_for(path))
    jobs = options.jobs or base_config.jobs or os.cpu_count() or 1
    results = list(_run(files, linter, options, jobs, progress))
    rules = {rule.code: type(rule) for rule_set in linter.rule_sets for rule in rule_set.rules}
    failures = {failure for rule_set in linter.rule_sets for failure in rule_set.registry.failures}
    warnings = dict.fromkeys(warning for rule_set in linter.rule_sets for warning in rule_set.registry.warnings)
    return RunResult(
        files=tuple(results),
        rules=tuple(sorted(rules.values(), key=lambda rule: rule.code)),
        failures=tuple(sorted(failures, key=lambda failure: failure.plugin)),
        config=base_config,
        warnings=tuple(warnings),
    )


def _run(
    files: list[tuple[Path, str]],
    linter: Linter,
    options: RunOptions,
    jobs: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[FileResult]:
    if jobs <= 1 or len(files) < PARALLEL_THRESHOLD:
        results = (linter.lint_path(*item) for item in files)
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


def lint_source(
    source: Source,
    *,
    rules: Sequence[type[Rule]] | None = None,
    config: Config | Mapping[str, Any] | None = None,
) -> list[Diagnostic]:
    """Lint one source with a config (a :class:`Config` or a mapping of config keys).

    ``rules`` limits the run to these rule classes (plugin tests).
    """
    if config is None:
        config = Config()
    elif not isinstance(config, Config):
        config = parse_config(config, None)
    rule_set = build_rule_set(config)
    if rules is not None:
        try:
            chosen = tuple(rule(config.rule_options(rule.name)) for rule in rules)
        except RuleDefinitionError as error:
            raise ConfigError(str(error)) from None
        rule_set = RuleSet(rule_set.registry, chosen)
    return list(Linter(RunOptions()).lint_source(source, config, rule_set).diagnostics)


def lint_text(
    text: str,
    *,
    filename: str = "report.txt",
    rules: Sequence[type[Rule]] | None = None,
    config: Config | Mapping[str, Any] | None = None,
) -> list[Diagnostic]:
    """Lint a report given as a string (format detected from its content and ``filename``)."""
    path = Path(filename)
    data = text.encode("utf-8")
    return lint_source(Source(path, filename, data, detect_format(data, path.suffix.lower())), rules=rules, config=config)
