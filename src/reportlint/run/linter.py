"""Linting one file: its configuration, its loader, then every selected rule in turn.

A rule that raises becomes an RL907 diagnostic for that file and the other rules
still run; a file that cannot be read becomes an RL90x diagnostic; a rule that
declares where it applies (``applies_to``) is skipped on other reports.
Diagnostics are then filtered by the file's selection, given their configured
severity, filtered by the document's own suppressions
(:mod:`reportlint.run.suppressions`), located through the document's source
map, fingerprinted and sorted.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.core.config import Config, ConfigError, parse_config
from reportlint.core.diagnostics import Diagnostic, fingerprint
from reportlint.core.model import Document
from reportlint.core.report import Report
from reportlint.core.rule import Rule, RuleDefinitionError
from reportlint.run.cache import ResultCache, RunContext
from reportlint.run.config import ConfigResolver
from reportlint.run.options import RunOptions
from reportlint.run.registry import Registry
from reportlint.run.results import UNREADABLE, Excerpt, FileResult, ReportSummary
from reportlint.run.selection import RuleSet, build_rule_set, is_selected, severity_override
from reportlint.run.services import SERVICES, ReportServices
from reportlint.run.suppressions import apply_suppressions
from reportlint.run.timings import Stopwatch
from reportlint.sources import UNSUPPORTED_FORMATS, Source, SourceError, detect_format, read_source

if TYPE_CHECKING:
    from reportlint.places.analysis import PlaceAnalysis
    from reportlint.template.reading import Reading


class Linter:
    """Lints files of one process; caches configs and rule sets between files."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.resolver = ConfigResolver(options)
        self._rule_sets: dict[Path | None, RuleSet] = {}
        self._contexts: dict[Path | None, RunContext] = {}
        self.cache = ResultCache(Path(options.cache_dir)) if options.cache_dir else None
        self.stopwatch = Stopwatch() if options.timings else None

    def rule_set(self, config: Config) -> RuleSet:
        """The rule set of a config (built once per config file)."""
        if config.path not in self._rule_sets:
            self._rule_sets[config.path] = build_rule_set(config)
        return self._rule_sets[config.path]

    @property
    def rule_sets(self) -> tuple[RuleSet, ...]:
        """Every rule set built so far (one per config file met)."""
        return tuple(self._rule_sets.values())

    # ----- the result cache (see :mod:`reportlint.run.cache`)

    def context(self, config: Config) -> RunContext:
        """What results under this config depend on besides the file (digested once per config file)."""
        if config.path not in self._contexts:
            rule_set = self.rule_set(config)
            registry = rule_set.registry
            self._contexts[config.path] = RunContext.of(
                config,
                ((rule.code, rule.origin, rule.config) for rule in rule_set.rules),
                ((info.name, info.version, info.module) for info in registry.plugins),
                (*registry.rule_packs, *registry.templates, *config.local_plugins),
                self.options.keep_text,
            )
        return self._contexts[config.path]

    def cache_key(self, path: Path, display: str) -> str | None:
        """The cache key of a file (None without a cache or when the file cannot be read: it is then checked)."""
        if self.cache is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return self.context(self.resolver.config_for(path)).key(data, path, display)

    def cached(self, path: Path, display: str) -> FileResult | None:
        """The cached result of a file, if an entry for it as it is now exists."""
        key = self.cache_key(path, display)
        return None if key is None or self.cache is None else self.cache.lookup(key)

    # ----- linting

    def read(self, path: Path, display: str) -> Report | FileResult:
        """The report of a file from disk, or, when it cannot be read, the file's result with its RL90x finding."""
        config = self.resolver.config_for(path)
        rule_set = self.rule_set(config)
        try:
            with self._measure("stage:source"):
                source = read_source(path, display)
        except SourceError as error:
            return self.finish(display, path, config, None, [_internal(rule_set.registry, error.code, error.message)])
        return self.load(source, config, rule_set)

    def load(self, source: Source, config: Config, rule_set: RuleSet) -> Report | FileResult:
        """The report of a source, or the source's result with an RL90x finding when no loader can read it."""
        try:
            with self._measure("stage:load"):
                document = load_document(source, rule_set.registry)
        except SourceError as error:
            diagnostic = _internal(rule_set.registry, error.code, error.message)
            return self.finish(source.display_path, source.path, config, None, [diagnostic])
        except Exception as error:  # a loader bug or an input no library anticipated
            message = f"读取文件时出错，文件可能已损坏：{type(error).__name__}: {error}"
            diagnostic = _internal(rule_set.registry, "RL904", message)
            return self.finish(source.display_path, source.path, config, None, [diagnostic])
        services = SERVICES if self.stopwatch is None else _TimedServices(self.stopwatch)
        return rule_set.registry.report(document, config, source.path, services)

    def lint_path(self, path: Path, display: str) -> FileResult:
        """Lint one file from disk (and store its result when the run has a cache)."""
        key = self.cache_key(path, display)  # the bytes as they are before reading: an edit during the run is a new key
        loaded = self.read(path, display)
        result = loaded if isinstance(loaded, FileResult) else self.lint_report(loaded, self.rule_set(loaded.config))
        if self.stopwatch is not None:
            result = replace(result, timings=self.stopwatch.take())
        if self.cache is not None and key is not None and _cacheable(result):
            self.cache.store(key, replace(result, timings={}))
        return result

    def lint_source(self, source: Source, config: Config, rule_set: RuleSet) -> FileResult:
        """Load a source and lint it; input that cannot be loaded becomes an RL90x finding."""
        loaded = self.load(source, config, rule_set)
        return loaded if isinstance(loaded, FileResult) else self.lint_report(loaded, rule_set)

    def lint_report(self, report: Report, rule_set: RuleSet) -> FileResult:
        """Run every rule of the rule set on a loaded report."""
        diagnostics: list[Diagnostic] = []
        for rule in rule_set.rules:
            try:
                if rule.applies_to is not None and not rule.applies_to.holds(report):
                    continue
                if self.stopwatch is None:
                    found = list(rule.check(report) or ())
                else:
                    with self.stopwatch.measure(f"rule:{rule.code}"):
                        found = list(rule.check(report) or ())
                if rule.prose_only and found and report.reading.chrome:
                    found = [diagnostic for diagnostic in found if not report.reading.in_chrome(diagnostic.start)]
                diagnostics.extend(found)
            except Exception as error:  # a failing rule must not stop the others
                diagnostics.append(_rule_failure(rule_set.registry, rule, error))
        ran = frozenset(rule.code for rule in rule_set.rules)
        return self.finish(report.document.path, report.path, report.config, report.document, diagnostics, report_summary(report), ran)

    def finish(
        self,
        display: str,
        path: Path,
        config: Config,
        document: Document | None,
        diagnostics: list[Diagnostic],
        summary: ReportSummary = UNREADABLE,
        ran: frozenset[str] | None = None,
    ) -> FileResult:
        """Filter, apply severity overrides and the document's suppressions, locate and sort the diagnostics of one file.

        ``document`` is None for a file that could not be read; ``summary`` is the report's identity;
        ``ran`` the codes of the rules that checked it (for suppressions of rules that did not run).
        """
        per_file = config.ignored_for(path)
        kept = []
        for diagnostic in diagnostics:
            if not is_selected(diagnostic.code, config, per_file, diagnostic.name):
                continue
            override = severity_override(config, diagnostic.code, diagnostic.name)
            if override is not None:
                diagnostic = diagnostic.with_severity(override)
            kept.append(diagnostic)
        if document is not None and document.suppressions:
            kept = apply_suppressions(kept, document, config, path, self.rule_set(config).registry, ran)
        located = _locate(kept, display, document)
        located.sort(key=lambda pair: pair[0].sort_key())
        keep_text = self.options.keep_text
        return FileResult(
            path=display,
            diagnostics=tuple(diagnostic for diagnostic, _ in located),
            excerpts=tuple(excerpt for _, excerpt in located),
            format=document.format if document else None,
            text=document.text if document is not None and keep_text else None,
            summary=summary,
            tables=document.tables if document is not None and keep_text else (),
        )

    def _measure(self, name: str) -> AbstractContextManager[None]:
        return nullcontext() if self.stopwatch is None else self.stopwatch.measure(name)


class _TimedServices(ReportServices):
    """The report services, timed as the template-reading and place-analysis stages (``--timings``)."""

    def __init__(self, stopwatch: Stopwatch) -> None:
        self.stopwatch = stopwatch

    def read(self, report: Report) -> Reading:
        with self.stopwatch.measure("stage:reading"):
            return super().read(report)

    def analyse_places(self, report: Report) -> PlaceAnalysis:
        with self.stopwatch.measure("stage:places"):
            return super().analyse_places(report)


def _cacheable(result: FileResult) -> bool:
    """Whether a result may be reused: not when an internal finding (unreadable file, failing plugin, a limit) may not recur."""
    return not any(diagnostic.code.startswith("RL9") for diagnostic in result.diagnostics)


def report_summary(report: Report) -> ReportSummary:
    """The identity of a read report from its template reading (computed once, shared with the rules).

    A reader failure leaves the identity unknown: the rules that need the
    reading have already reported it as their RL907 finding.
    """
    try:
        reading = report.reading
    except Exception:  # a reader bug must not lose the file's findings
        return ReportSummary()
    subject = reading.subject.name if reading.subject is not None else None
    return ReportSummary(subject=subject, year=reading.year, template=reading.detected_template)


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


def _locate(diagnostics: list[Diagnostic], display: str, document: Document | None) -> list[tuple[Diagnostic, Excerpt | None]]:
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
            related = tuple(replace(item, location=document.locate(item.start, item.end)) for item in diagnostic.related)
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
