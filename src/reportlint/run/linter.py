"""Linting one file: its configuration, its loader, then every selected rule in turn.

Each rule runs contained (:mod:`reportlint.run.containment`): a rule that raises,
prints or yields nonsense becomes an RL9 finding for that file and the other
rules still run; a rule that declares where it applies (``applies_to``) is
skipped on other reports. A file that cannot be read becomes an RL90x finding;
one that exhausts the memory budget its RL910 finding, naming the stage
(:mod:`reportlint.run.stages`). Diagnostics are then filtered by the file's
selection, given their configured severity, filtered by the document's own
suppressions (:mod:`reportlint.run.suppressions`), located through the
document's source map, fingerprinted and sorted. With a result cache
(:mod:`reportlint.run.cache`) a file whose result is stored is not checked
again; with ``--timings`` each stage and rule is timed (:mod:`reportlint.run.timings`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportlint.core.config import Config, ConfigError, parse_config
from reportlint.core.diagnostics import Diagnostic, Fingerprinter
from reportlint.core.model import Document
from reportlint.core.report import Report
from reportlint.core.rule import Rule, RuleDefinitionError
from reportlint.core.values import clip
from reportlint.run.cache import ResultCache, RunContext
from reportlint.run.config import ConfigResolver
from reportlint.run.containment import run_rule, without_surrogates
from reportlint.run.limits import Limits
from reportlint.run.options import RunOptions
from reportlint.run.registry import Registry
from reportlint.run.results import UNREADABLE, Excerpt, FileResult, ReportSummary
from reportlint.run.selection import RuleSet, build_rule_set, is_selected, severity_override
from reportlint.run.services import CheckedServices
from reportlint.run.stages import Stage, Stages
from reportlint.run.summary import report_summary
from reportlint.run.suppressions import apply_suppressions
from reportlint.run.timings import Stopwatch
from reportlint.sources import UNSUPPORTED_FORMATS, Source, SourceError, detect_format, format_size, read_source
from reportlint.usercache.patterns import compiled

#: Source lines longer than this are shown (``full`` output) as a window around the finding.
MAX_EXCERPT = 400
_SURROGATE = compiled("[\ud800-\udfff]")


class Linter:
    """Lints files of one process; caches configs and rule sets between files.

    ``stages`` records where the current file's check is (shared with the
    supervisor in a worker process).
    """

    def __init__(self, options: RunOptions, limits: Limits | None = None, stages: Stages | None = None) -> None:
        self.options = options
        self.resolver = ConfigResolver(options)
        self.limits = limits or Limits.unlimited()
        self.stages = stages or Stages()
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

    def cache_key(self, path: Path, display: str, data: bytes | None = None) -> str | None:
        """The cache key of a file (None without a cache, for a file over the size budget, or when it cannot be read: it is then checked).

        ``data``: the file's bytes when they are read already (the key is then of exactly the bytes that are checked).
        """
        if self.cache is None:
            return None
        config = self.resolver.config_for(path)
        return self.cache.file_key(self.context(config), path, display, config.max_file_size or None, data)

    def _measure(self, name: str) -> AbstractContextManager[None]:
        return nullcontext() if self.stopwatch is None else self.stopwatch.measure(name)

    # ----- linting

    def read(self, path: Path, display: str) -> Report | FileResult:
        """The report of a file from disk, or, when it cannot be read, the file's result with its RL90x finding."""
        config = self.resolver.config_for(path)
        rule_set = self.rule_set(config)
        source = self.source(path, display, config, rule_set)
        return source if isinstance(source, FileResult) else self.load(source, config, rule_set)

    def source(self, path: Path, display: str, config: Config, rule_set: RuleSet) -> Source | FileResult:
        """A file's bytes and format, or, when it cannot be read, the file's result with its RL90x finding."""
        self.stages.enter(Stage.READ)
        try:
            with self._measure("stage:source"):
                return read_source(path, display, config.max_file_size or None)
        except SourceError as error:
            return self.finish(display, path, config, None, [_internal(rule_set.registry, error.code, error.message)])

    def load(self, source: Source, config: Config, rule_set: RuleSet) -> Report | FileResult:
        """The report of a source, or the source's result with an RL90x finding when no loader can read it."""
        self.stages.enter(Stage.LOAD)
        registry = rule_set.registry
        try:
            with self._measure("stage:load"):
                document = checked_document(load_document(source, registry))
        except SourceError as error:
            return self.finish(source.display_path, source.path, config, None, [_internal(registry, error.code, error.message)])
        except MemoryError:
            raise
        except Exception as error:  # a loader bug or an input no library anticipated
            message = f"读取文件时出错，文件可能已损坏：{type(error).__name__}: {clip(without_surrogates(str(error)), 200)}"
            return self.finish(source.display_path, source.path, config, None, [_internal(registry, "RL904", message)])
        if not document.text.strip():
            message = "文件是空的，没有可检查的文字" if not document.text else "文件中只有空白，没有可检查的文字"
            return self.finish(source.display_path, source.path, config, None, [_internal(registry, "RL906", message)])
        return registry.report(document, config, source.path, CheckedServices(self.stages, self.stopwatch))

    def lint_path(self, path: Path, display: str) -> FileResult:
        """Lint one file from disk (and store its result when the run has a cache); running out of memory is its RL910 finding."""
        key = None
        try:
            config = self.resolver.config_for(path)
            rule_set = self.rule_set(config)
            source = self.source(path, display, config, rule_set)
            if isinstance(source, FileResult):
                result = source
            else:
                key = self.cache_key(path, display, source.data)  # the key of the bytes checked (an edit during the run is a new key)
                loaded = self.load(source, config, rule_set)
                result = loaded if isinstance(loaded, FileResult) else self.lint_report(loaded, rule_set)
        except MemoryError:
            return self.out_of_memory(path, display)
        if self.stopwatch is not None:
            result = replace(result, timings=self.stopwatch.take())
        if self.cache is not None and key is not None and cacheable(result):
            self.cache.store(key, replace(result, timings={}))
        return result

    def out_of_memory(self, path: Path, display: str) -> FileResult:
        """The result of a file whose check ran out of memory (at the recorded stage)."""
        stage = self.stages.describe()
        config = self.resolver.config_for(path)
        limit = f"（上限 {format_size(self.limits.max_memory)}，配置项 max-memory）" if self.limits.max_memory else ""
        message = f"检查这个文件时内存超限{limit}，发生在“{stage}”阶段，已停止对它的检查"
        return self.finish(display, path, config, None, [_internal(self.rule_set(config).registry, "RL910", message)])

    def lint_source(self, source: Source, config: Config, rule_set: RuleSet) -> FileResult:
        """Load a source and lint it; input that cannot be loaded becomes an RL90x finding."""
        loaded = self.load(source, config, rule_set)
        return loaded if isinstance(loaded, FileResult) else self.lint_report(loaded, rule_set)

    def lint_report(self, report: Report, rule_set: RuleSet) -> FileResult:
        """Run every rule of the rule set on a loaded report, each contained."""
        registry = rule_set.registry
        cap = report.config.max_findings_per_rule

        def internal(code: str, message: str) -> Diagnostic:
            return _internal(registry, code, message)

        diagnostics: list[Diagnostic] = []
        stages, stopwatch, rule_stage = self.stages, self.stopwatch, Stage.RULE  # (an enum member read once, not per rule)
        for rule in rule_set.rules_run:
            stages.enter(rule_stage, rule.code)
            if stopwatch is None:
                found = run_rule(rule, report, cap, internal)
            else:
                with stopwatch.measure(f"rule:{rule.code}"):
                    found = run_rule(rule, report, cap, internal)
            if rule.prose_only and found and report.reading.chrome:
                # a wording rule says nothing about page chrome (its own findings only; RL9 notes stay)
                found = [item for item in found if item.code != rule.code or not report.reading.in_chrome(item.start)]
            diagnostics.extend(found)
        stages.enter(Stage.SUMMARY)
        with self._measure("stage:summary"):
            summary = report_summary(report, cross_document=self.options.cross_document)
        stages.enter(Stage.FINISH)
        diagnostics.extend(_reader_findings(report, internal))
        return self.finish(report.document.path, report.path, report.config, report.document, diagnostics, summary, rule_set.codes)

    def summarize_path(self, path: Path, display: str) -> FileResult:
        """Read one file for comparison only (last year's reports of ``--previous``): its summary, no rules run.

        A file that cannot be read, or whose reading runs out of memory, simply has no summary (its RL90x finding is
        dropped with the rest of a reference file's findings).
        """
        try:
            loaded = self.read(path, display)
            if isinstance(loaded, FileResult):
                return loaded
            self.stages.enter(Stage.SUMMARY)
            with self._measure("stage:summary"):
                summary = report_summary(loaded, cross_document=True)
        except MemoryError:
            return self.out_of_memory(path, display)
        return FileResult(path=display, diagnostics=(), format=loaded.document.format, summary=summary)

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


def _reader_findings(report: Report, internal: Any) -> list[Diagnostic]:
    """The template reader's own findings: its failure (RL907) or the limits it read past as text (RL912)."""
    if "reading" not in report.__dict__:  # no rule asked for the reading
        return []
    findings = []
    services = report.services
    failure = getattr(services, "reader_failure", None)
    if failure is not None:
        detail = f"{type(failure).__name__}: {clip(without_surrogates(str(failure)), 200)}"
        findings.append(internal("RL907", f"模板阅读出错，已按未识别模板的文本检查本文件（依赖表格和章节的规则未运行）：{detail}"))
    limited = getattr(report.reading, "limited", None)
    if limited:
        findings.append(internal("RL912", limited))
    return findings


def checked_document(document: Document) -> Document:
    """A loader's document, checked: a :class:`Document` whose text every output can encode.

    Lone surrogates (a PDF's broken text layer, a plugin loader's bug) are
    replaced by U+FFFD; the text keeps its length, so offsets stay valid.
    """
    if not isinstance(document, Document) or not isinstance(document.text, str):
        raise TypeError(f"加载器返回了 {type(document).__name__}，应为 Document")
    text = document.text
    if not text.isascii() and _SURROGATE.search(text):
        return replace(document, text=without_surrogates(text))
    return document


def cacheable(result: FileResult) -> bool:
    """Whether a result may be reused: not when an internal finding (unreadable file, failing plugin, a limit) may not recur."""
    return not any(diagnostic.code.startswith("RL9") for diagnostic in result.diagnostics)


def load_document(source: Source, registry: Registry) -> Document:
    """Load a source with the loader for its format (plugin loaders that claim it first)."""
    extension = source.path.suffix.lower()
    for loader in registry.loaders:
        try:
            claimed = loader.sniff(source.data, extension)
        except Exception as error:  # a plugin loader's sniff must not stop the file
            raise RuntimeError(
                f"加载器 {loader.__module__}.{loader.__qualname__} 判断格式时出错：{type(error).__name__}: {error}"
            ) from None
        if claimed:
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


def _locate(diagnostics: list[Diagnostic], display: str, document: Document | None) -> list[tuple[Diagnostic, Excerpt | None]]:
    """Fill in path, location, related locations, fingerprint and the source excerpt."""
    located = []
    occurrences: dict[tuple[str, str, str, str], int] = {}
    lines: dict[int, tuple[int, str]] = {}  # line start → (line end, line): one string per line, however many findings
    fingerprints = Fingerprinter()
    for diagnostic in diagnostics:
        if document is None:
            line_start, line, rest = -1, "", ""
            located_diagnostic = replace(diagnostic, path=display)
            excerpt = None
        else:
            text = document.text
            start = max(0, min(diagnostic.start, len(text)))
            end = max(start, min(diagnostic.end, len(text)))
            line_start = text.rfind("\n", 0, start) + 1
            if line_start not in lines:
                line_end = text.find("\n", start)
                line_end = len(text) if line_end < 0 else line_end
                lines[line_start] = line_end, text[line_start:line_end].rstrip("\r")
            line_end, line = lines[line_start]
            rest = text[start:end]
            excerpt = _excerpt(line, start - line_start, min(end, line_end) - line_start)
            related = tuple(replace(item, location=document.locate(item.start, item.end)) for item in diagnostic.related)
            located_diagnostic = replace(
                diagnostic,
                path=display,
                start=start,
                end=end,
                location=document.locate(start, end),
                related=related,
            )
        # identical findings (same code, line text, text and message) are told apart by their order
        key = (diagnostic.code, line, rest, diagnostic.message)
        occurrence = occurrences.get(key, 0)
        occurrences[key] = occurrence + 1
        if document is None:  # no line: the fingerprint of an empty context, as before
            identity = fingerprints.of(diagnostic.code, None, "", diagnostic.message, occurrence)
        else:
            identity = fingerprints.of(diagnostic.code, line_start, line, f"{rest}\x00{diagnostic.message}", occurrence)
        located.append((replace(located_diagnostic, fingerprint=identity), excerpt))
    return located


def _excerpt(line: str, start: int, end: int) -> Excerpt:
    """The finding's line, or a window of it around the finding when the line is very long."""
    if len(line) <= MAX_EXCERPT:
        return Excerpt(line, start, end)
    first = max(0, min(start - MAX_EXCERPT // 2, len(line) - MAX_EXCERPT))
    last = min(len(line), max(first + MAX_EXCERPT, end))
    last = min(last, first + 2 * MAX_EXCERPT)
    return Excerpt(line[first:last], start - first, max(start, min(end, last)) - first)


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
    linter = Linter(RunOptions(), Limits.unlimited())
    try:
        return list(linter.lint_source(source, config, rule_set).diagnostics)
    except MemoryError:
        return list(linter.out_of_memory(source.path, source.display_path).diagnostics)


def lint_text(
    text: str,
    *,
    filename: str = "report.txt",
    rules: Sequence[type[Rule]] | None = None,
    config: Config | Mapping[str, Any] | None = None,
) -> list[Diagnostic]:
    """Lint a report given as a string (format detected from its content and ``filename``)."""
    path = Path(filename)
    data = text.encode("utf-8", "replace")  # a lone surrogate becomes "?"
    return lint_source(Source(path, filename, data, detect_format(data, path.suffix.lower())), rules=rules, config=config)
