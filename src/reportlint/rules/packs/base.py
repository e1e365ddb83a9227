"""What every YAML pack rule shares: its conditions (``when``), its scope (``section``), time-limited matching, and reading its YAML.

Each rule type lives in a module of its own (:mod:`.pattern`, :mod:`.required`,
:mod:`.substitution`, :mod:`.vocabulary`, :mod:`.relation`), as Vale's rule types
do: the module declares the type's YAML keys and message placeholders, reads a
rule's node into class attributes, and checks reports.
"""

from __future__ import annotations

import re
import signal
import string
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.conditions import Condition, parse_condition
from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.core.rule import Rule
from reportlint.core.values import clip, shown
from reportlint.core.yamlio import YamlError, line_of
from reportlint.rules.packs.regexes import RegexProblem, check_regex
from reportlint.text.normalize import fold_width
from reportlint.text.phrases import PhraseFinder

if TYPE_CHECKING:
    from reportlint.core.report import Report

#: The most matches of one pattern collected on one report (the findings are capped far below anyway).
MAX_MATCHES = 10_000
#: Seconds a user regex may run on one report (all its searches together) before the rule is stopped (RL908).
REGEX_TIMEOUT = 1.0
#: Keys every rule may have, whatever its type.
COMMON_KEYS = ("code", "name", "type", "severity", "message", "when", "description", "examples")
SECTION_IDS = ("s1", "s2", "s3", "s4", "s5", "s6")


class PatternTimeout(Exception):
    """A user regex ran longer than :data:`REGEX_TIMEOUT` on one report."""


class _Expired(Exception):
    """Raised by the interval timer inside a search that ran out of time."""


def _expired(signum: int, frame: Any) -> None:
    raise _Expired


def _timed_search(compiled: Any, text: str, position: int, end: int, remaining: float) -> Any:
    """One search, stopped after ``remaining`` seconds.

    The ``regex`` module's own ``timeout`` overshoots (a 1 s limit ran 2.5 s),
    so in the main thread an interval timer interrupts the search on time (both
    engines check for signals as they run); elsewhere the ``regex`` module's
    timeout is the limit, and a pattern of reportlint's own run by ``re`` (see
    :class:`PackPattern`) has none.
    """
    limit = {} if isinstance(compiled, re.Pattern) else {"timeout": remaining}
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        try:
            return compiled.search(text, position, end, **limit)
        except TimeoutError:
            raise PatternTimeout from None
    try:
        previous = signal.signal(signal.SIGALRM, _expired)
        try:
            signal.setitimer(signal.ITIMER_REAL, remaining)
            return compiled.search(text, position, end, **limit)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    except (_Expired, TimeoutError):
        raise PatternTimeout from None


class PackPattern:
    """A pack's regular expression, compiled the first time a rule searches with it.

    Most reports never need most of a pack's patterns (a word list's quick test
    passes the report over), while importing ``regex`` and compiling the shipped
    packs' patterns took 20–25 ms of every start. A pack's patterns run with the
    ``regex`` module (``\\p{Han}``, atomic groups, a timeout in any thread); those of
    reportlint's own packs (``builtin``), which its tests check for runaway shapes,
    run with Python's ``re`` when it reads them (it is loaded anyway; importing
    ``regex`` took another 12 ms of checking one report). Everything but
    :attr:`pattern` (``search``, ``finditer`` …) is the compiled pattern's.
    """

    __slots__ = ("_compiled", "builtin", "pattern")

    def __init__(self, pattern: str, builtin: bool = False) -> None:
        self.pattern = pattern
        self.builtin = builtin
        self._compiled: Any = None

    @property
    def compiled(self) -> Any:
        """The compiled pattern (a ``re`` or ``regex`` one)."""
        if self._compiled is None:
            self._compiled = _compile(self.pattern, self.builtin)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return PackPattern, (self.pattern, self.builtin)


def _compile(pattern: str, builtin: bool) -> Any:
    if builtin:
        try:
            return re.compile(pattern)
        except re.error:
            pass  # \p{Han} and the like: the regex module's syntax
    import regex

    return regex.compile(pattern)


def alternatives(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` literally, in the order given (put the longest first)."""
    return "|".join(re.escape(word) for word in words)


class PackReader:
    """Reads one pack's YAML nodes; every problem is a :class:`YamlError` naming the file and line.

    ``verify``: run the checks that cost a pack's load most of its time — each
    regex compiled and scanned for runaway shapes, each confusable entry's
    examples run. On by default for every pack but reportlint's own, which its
    tests load with ``verify`` on (``tests/rules/packs/test_shipped.py``).
    """

    def __init__(self, path: Path, shipped: bool, verify: bool | None = None) -> None:
        self.path = path
        self.shipped = shipped
        self.verify = not shipped if verify is None else verify
        self.warnings: list[str] = []

    def fail(self, node: Any, key: Any, reason: str) -> YamlError:
        """The error for a problem at ``node[key]`` (or at the node itself)."""
        return YamlError(self.path, line_of(node, key), reason)

    def regex(self, node: Mapping, key: str, source: Any) -> PackPattern:
        """A regex of the pack, checked (when :attr:`verify`) with the engine that runs it: patterns that could run away are refused."""
        if not isinstance(source, str) or not source:
            raise self.fail(node, key, f"{key} 应为正则表达式（非空字符串），实际为 {shown(source)}")
        if self.verify:
            try:
                warning = check_regex(source)
            except RegexProblem as problem:
                raise self.fail(node, key, f"正则表达式 “{clip(source, 60)}” {problem}") from None
            if warning:
                self.warnings.append(f"{self.path}:{line_of(node, key)}: 正则表达式 “{clip(source, 60)}” {warning}")
        return self.pattern(source)

    def pattern(self, source: str) -> PackPattern:
        """A pattern of this pack (run by ``re`` when the pack is reportlint's own and ``re`` reads it, see :class:`PackPattern`)."""
        return PackPattern(source, builtin=self.shipped)

    def literals(self, node: Mapping, key: str) -> tuple[PackPattern, PhraseFinder | None]:
        """A pattern matching any of the literal strings at ``node[key]`` (widths folded, longest first), and its quick test (:meth:`phrases`)."""
        items = node[key] if isinstance(node[key], list) else [node[key]]
        if not all(isinstance(item, str) and item for item in items):
            raise self.fail(node, key, f"{key} 应为文字或文字列表，实际为 {shown(node[key])}")
        folded = sorted({fold_width(item) for item in items}, key=lambda item: (-len(item), item))  # the same in every process
        return self.pattern(alternatives(folded)), self.phrases(folded)

    def phrases(self, phrases: Iterable[str]) -> PhraseFinder | None:
        """The quick test of a pattern whose every match holds one of ``phrases`` (see :attr:`PackRule.literals`).

        None when there is no phrase or an empty one (an empty phrase is in every text: no quick test).
        A shipped pack's test is compiled once per interpreter, as the code's patterns are.
        """
        phrases = tuple(phrases)
        if not phrases or not all(phrases):
            return None
        return PhraseFinder(phrases, builtin=self.shipped)

    def condition(self, node: Mapping) -> Condition:
        """The ``when:`` conditions of a rule (see :mod:`reportlint.core.conditions`)."""
        return parse_condition(node.get("when"), self.fail, node)

    def strings(self, node: Mapping, key: str) -> tuple[str, ...]:
        """The text or list of texts at ``node[key]`` (absent: empty); anything else is an error naming the line."""
        value = node.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) and item.strip() for item in items):
            raise self.fail(node, key, f"{key} 应为文字或文字列表，实际为 {shown(value)}")
        return tuple(items)

    def documentation(self, node: Mapping) -> str:
        """The rule's docstring: first sentence as summary line, the rest, then the examples."""
        paragraphs = [
            "".join(line.strip() for line in paragraph.splitlines())
            for paragraph in str(node.get("description") or _without_placeholders(str(node["message"]))).strip().split("\n\n")
        ]
        first, _, rest = paragraphs[0].partition("。")
        description = "\n\n".join(
            part for part in (first + ("。" if rest or paragraphs[0].endswith("。") else ""), rest, *paragraphs[1:]) if part
        )
        examples = node.get("examples") or {}
        if not isinstance(examples, Mapping) or any(key not in ("bad", "good") for key in examples):
            raise self.fail(node, "examples", "examples 应为 {bad: …, good: …}")
        parts = [description]
        for key, label in (("bad", "反例"), ("good", "正例")):
            values = examples.get(key)
            if values:
                values = values if isinstance(values, list) else [values]
                parts.append(f"{label}：\n\n" + "\n".join(f"    {value}" for value in values))
        return "\n\n".join(parts)

    def placeholders(self, node: Mapping, allowed: tuple[str, ...], rule_type: str) -> str:
        """The rule's message, checked now: placeholders its type fills, a valid format (``{{`` for a brace)."""
        message = node["message"]
        if not isinstance(message, str):
            raise self.fail(node, "message", f"message 应为文字，实际为 {shown(message)}")
        available = "、".join("{" + name + "}" for name in allowed)
        try:
            fields = [(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(message) if name is not None]
        except ValueError as error:
            raise self.fail(
                node, "message", f"消息的格式有误（{error}）：花括号只能用于占位符 {available}，文字中的花括号请写成 {{{{ 或 }}}}"
            ) from None
        for name, conversion, spec in fields:
            if name not in allowed:
                shown_name = name or "（空）"
                raise self.fail(node, "message", f"消息中的占位符 {{{clip(shown_name, 30)}}} 不可用；{rule_type} 类型可用：{available}")
            if conversion or spec:
                raise self.fail(
                    node, "message", f"消息中的占位符 {{{name}}} 不能带格式说明（{clip(str(conversion or spec), 20)}），请只写 {{{name}}}"
                )
        return message


def _without_placeholders(message: str) -> str:
    """A message template as documentation: its ``{placeholders}`` written as “…”."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(message):
        parts.append(literal)
        if name is not None:
            parts.append("…")
    return "".join(parts)


def strings(value: Any) -> tuple[str, ...]:
    """A YAML scalar or list as a tuple of strings (None gives an empty tuple)."""
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        return (str(value),)
    return tuple(str(item) for item in value)


class PackLiterals:
    """The literal phrases of a pack's word-list rules, found in a report's normalised text in one pass for them all.

    Called with a report (through :meth:`Report.shared <reportlint.core.report.Report.shared>`, once per report), it
    gives every occurrence of every phrase; each rule then asks :meth:`PackRule.may_match` about its own phrases
    instead of searching the text itself (a pack of several word lists searches once instead of once per rule).
    """

    def __init__(self, phrases: Iterable[str], builtin: bool) -> None:
        self.finder = PhraseFinder(phrases, builtin=builtin)

    def __call__(self, report: Report) -> dict[str, list[int]]:
        return self.finder.positions(report.normalized)


class PackRule(Rule):
    """Base of rules defined in YAML packs: scope (``when:`` as ``applies_to``, ``section``) and time-limited matching.

    A rule type subclasses it and declares ``type_name``, its YAML ``keys``, its
    message ``placeholders`` and :meth:`read`, which turns a rule's node into the
    class attributes :meth:`check_applicable` uses.
    """

    type_name: ClassVar[str] = ""
    keys: ClassVar[tuple[str, ...]] = ()
    placeholders: ClassVar[tuple[str, ...]] = ()

    message: ClassVar[str] = ""
    section: ClassVar[str | None] = None
    compiled: ClassVar[PackPattern | None] = None
    #: Literal phrases one of which every match of :attr:`compiled` holds, when the rule type knows them (the
    #: words of a word list): a text range without any of them is passed over without running the pattern.
    #: None: no such test, the pattern always runs.
    literals: ClassVar[PhraseFinder | None] = None
    #: The phrases of every rule of the pack that has :attr:`literals`, found once per report (set when the pack has two or more).
    pack_literals: ClassVar[PackLiterals | None] = None

    @classmethod
    def read(cls, reader: PackReader, node: Mapping) -> dict[str, Any]:
        """The class attributes of one rule of this type, read from its YAML node."""
        raise NotImplementedError

    #: When this rule's regex budget on the report being checked runs out (set as its check starts).
    _deadline: float | None = None

    def check(self, report: Report) -> Iterator[Diagnostic]:
        """The rule's check (its ``when:`` conditions are its ``applies_to``, which the linter evaluates first)."""
        self._deadline = time.monotonic() + REGEX_TIMEOUT
        try:
            yield from self.check_applicable(report)
        except PatternTimeout:
            yield Diagnostic(
                code="RL908",
                name="pattern-timeout",
                severity=Severity.ERROR,
                message=f"规则包 {self.origin.removeprefix('pack:')} 中规则 {self.code}（{self.name}）的正则表达式运行超过 {REGEX_TIMEOUT:g} 秒，已停止对本文件的检查",
                origin=self.origin,
            )

    def check_applicable(self, report: Report) -> Iterator[Diagnostic]:
        """The rule's own check, once its conditions hold."""
        raise NotImplementedError

    def scope(self, report: Report) -> tuple[int, int, str]:
        """The range the rule looks at: a section body or the whole report, and its name."""
        if self.section is None:
            return 0, len(report.text), "全文"
        found = report.reading.section(self.section)
        if found is None:
            return 0, 0, self.section
        return found.body_start, found.body_end, found.heading

    def may_match(self, report: Report, start: int, end: int) -> bool:
        """Whether ``[start, end)`` of the report's normalised text holds one of the rule's :attr:`literals` (always
        True for a rule without them): False says the rule has nothing to find there."""
        literals = self.literals
        if literals is None:
            return True
        if self.pack_literals is None:
            return literals.occurs(report.normalized, start, end)
        own = literals.phrases
        return any(
            phrase in own and any(start <= position <= end - len(phrase) for position in positions)
            for phrase, positions in report.shared(self.pack_literals).items()
        )

    def matches(self, text: str, start: int, end: int, limit: int = MAX_MATCHES) -> list[Any]:
        """Matches of the compiled pattern in ``text[start:end]`` (see :meth:`matches_of`; rules ask :meth:`may_match` first)."""
        assert self.compiled is not None, "a rule type that searches has a pattern"
        return self.matches_of(self.compiled, text, start, end, limit)

    def matches_of(self, pattern: PackPattern, text: str, start: int, end: int, limit: int = MAX_MATCHES) -> list[Any]:
        """Matches of a pack's pattern in ``text[start:end]``, at most ``limit`` (:data:`MAX_MATCHES`).

        All the searches of one rule on one report share one budget of
        :data:`REGEX_TIMEOUT` seconds (started by :meth:`check`); each search
        gets what is left of it, and :class:`PatternTimeout` ends the rule's
        check when it runs out.
        """
        deadline = self._deadline if self._deadline is not None else time.monotonic() + REGEX_TIMEOUT
        compiled = pattern.compiled
        found: list[Any] = []
        position = start
        while position <= end and len(found) < limit:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PatternTimeout
            match = _timed_search(compiled, text, position, end, remaining)
            if match is None:
                break
            found.append(match)
            position = match.end() if match.end() > match.start() else match.end() + 1
        return found

    def format(self, **fields: str) -> str:
        """The rule's message with its placeholders filled."""
        return self.message.format_map(fields)
