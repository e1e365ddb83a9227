"""Running one rule's ``check`` so that nothing the rule does can break the run.

A rule is code from anyone (a plugin, a pack); whatever it does stays with that
rule on that file:

* what it yields is validated: a :class:`Diagnostic` with whole-number offsets
  inside the text, a text message, a severity — anything else ends the rule
  with one RL907 finding naming its plugin and code;
* an exception, ``SystemExit`` or ``KeyboardInterrupt`` raised inside it is one
  RL907 finding (a real Ctrl-C from the user still stops the run: see
  :func:`user_interrupted`); ``MemoryError`` goes up, to become the file's RL910;
* what it prints to stdout or stderr is captured and shown as one RL913 info
  finding, so ``-f json`` and ``-f sarif`` on stdout stay valid;
* it reports at most ``cap`` findings per file, then one RL914 summary finding;
  the rest is never even produced.

Batch rules (:func:`run_batch_rule`) are contained the same way on the whole
batch, with a time budget of their own (they run in the main process, after
every file), findings capped per report, and every yielded finding checked to
point at a report of the batch.
"""

from __future__ import annotations

import contextlib
import io
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from types import FrameType, GeneratorType

from reportlint.core.batch import Batch, BatchRule
from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity, fingerprint
from reportlint.core.model import Location
from reportlint.core.report import Report
from reportlint.core.rule import BaseRule, Rule
from reportlint.core.values import clip, shown
from reportlint.usercache.patterns import compiled

#: Makes an internal (RL9) finding: ``internal(code, message)``.
Internal = Callable[[str, str], Diagnostic]

#: The most characters of a rule's captured output shown in its RL913 finding.
MAX_SHOWN_OUTPUT = 300
_SURROGATE = compiled("[\ud800-\udfff]")

_interrupted = False


class CheckStopped(BaseException):
    """Raised into a running check from outside (an in-process time budget, a test harness): never contained."""


def user_interrupted() -> bool:
    """Whether the user pressed Ctrl-C (as opposed to a rule raising ``KeyboardInterrupt`` itself)."""
    return _interrupted


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    global _interrupted  # noqa: PLW0603 (set by the signal handler, read by the rule loop)
    _interrupted = True
    raise KeyboardInterrupt


def watch_interrupts() -> None:
    """Install the Ctrl-C handler that tells a user's interrupt from a rule's (main thread only)."""
    global _interrupted  # noqa: PLW0603
    _interrupted = False
    with contextlib.suppress(ValueError):  # not the main thread: Python's own handler stays
        signal.signal(signal.SIGINT, _on_interrupt)


def rule_origin(rule: BaseRule | type[BaseRule]) -> str:
    """``内置规则``, ``插件 NAME`` or ``规则包 FILE``: where a rule comes from, for messages."""
    origin = rule.origin
    if origin == "builtin":
        return "内置规则"
    return origin.replace("plugin:", "插件 ", 1).replace("pack:", "规则包 ", 1)


def _who(rule: BaseRule) -> str:
    return f"{rule_origin(rule)} {rule.code}（{rule.name}）"


class _Capture(io.StringIO):
    """Collects what rules print, keeping only the first characters; one per process, emptied after each rule that printed."""

    def __init__(self) -> None:
        super().__init__()
        self.total = 0

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            text = str(text)
        if self.total < MAX_SHOWN_OUTPUT:
            super().write(text[: MAX_SHOWN_OUTPUT - self.total])
        self.total += len(text)
        return len(text)

    def take(self) -> tuple[str, int]:
        """What was printed since the last call (its first characters) and how many characters in all; empties it."""
        printed, total = self.getvalue(), self.total
        self.seek(0)
        self.truncate()
        self.total = 0
        return printed, total


#: Every contained rule prints into this one capture (rules run one at a time; sys.stdout is the process's anyway).
_CAPTURE = _Capture()


def run_rule(rule: Rule, report: Report, cap: int, internal: Internal) -> list[Diagnostic]:
    """The findings of one rule on one report, contained (see the module's documentation).

    :class:`_Contained` written out: this wraps every rule on every report, and the object, ``__enter__`` and
    ``__exit__`` cost twice the rest of the harness (what happens after the rule is :func:`_settle` all the same).
    """
    found: list[Diagnostic] = []
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = _CAPTURE
    try:
        if rule.applies_to is None or rule.applies_to.holds(report):
            produced = rule.check(report)
            if produced is not None and not (type(produced) is list and not produced):  # nothing to check in an empty list
                _collect(rule, produced, len(report.text), cap, internal, found)
    except BaseException as error:
        sys.stdout, sys.stderr = saved
        if not _settle(error, rule, _who, internal, found, _RULE_DOING, _RULE_PRINTING):
            raise
        return found
    sys.stdout, sys.stderr = saved
    if _CAPTURE.total:
        _settle(None, rule, _who, internal, found, _RULE_DOING, _RULE_PRINTING)
    return found


#: When a rule's failure or output happened, in its finding: during the check of a report.
_RULE_DOING, _RULE_PRINTING = "在检查中", "在检查时"


class _Contained:
    """Run a rule's work with what it prints captured (one RL913) and what it raises turned into one RL907.

    ``describe(rule)`` names the rule in messages (made only when there is
    something to say); ``doing`` and ``printing`` say when it happened
    (``在检查中``, ``在检查时``). Memory errors, a stopped check and the user's
    own Ctrl-C pass through (see :func:`_settle`).
    """

    __slots__ = ("_describe", "_doing", "_failures", "_internal", "_printing", "_rule", "_saved")

    def __init__(
        self,
        rule: BaseRule,
        describe: Callable[[BaseRule], str],
        internal: Internal,
        failures: list[Diagnostic],
        doing: str = "",
        printing: str = "",
    ) -> None:
        self._rule, self._describe, self._internal, self._failures = rule, describe, internal, failures
        self._doing, self._printing = doing, printing

    def __enter__(self) -> None:
        self._saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = _CAPTURE

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _traceback: object) -> bool:
        sys.stdout, sys.stderr = self._saved
        return _settle(error, self._rule, self._describe, self._internal, self._failures, self._doing, self._printing)


def _settle(
    error: BaseException | None,
    rule: BaseRule,
    describe: Callable[[BaseRule], str],
    internal: Internal,
    failures: list[Diagnostic],
    doing: str,
    printing: str,
) -> bool:
    """After a contained rule's work (its output streams given back): whether what it raised, if anything, is contained.

    An error becomes one RL907 in ``failures`` and what the rule printed one RL913, both naming it (``describe(rule)``);
    memory errors, a stopped check and the user's own Ctrl-C are not contained (False: they go up).
    """
    if error is not None:
        if isinstance(error, (MemoryError, CheckStopped)) or (isinstance(error, KeyboardInterrupt) and user_interrupted()):
            _CAPTURE.take()
            return False
        failures.append(internal("RL907", _failure(error, describe(rule), doing)))
    if _CAPTURE.total:
        captured, total = _CAPTURE.take()
        printed = " ".join(captured.split())
        more = "……" if total > MAX_SHOWN_OUTPUT else ""
        failures.append(internal("RL913", f"{describe(rule)}{printing}向终端输出了 {total} 个字符（已截获）：{printed}{more}"))
    return True


def _failure(error: BaseException, who: str, doing: str) -> str:
    """The RL907 message for what the rule named ``who`` raised (``doing``: when)."""
    if isinstance(error, KeyboardInterrupt):
        return f"{who}{doing}引发了 KeyboardInterrupt，已跳过该规则"
    if isinstance(error, SystemExit):
        return f"{who}{doing}调用了 sys.exit({shown(error.code)})，已跳过该规则（规则不应结束进程）"
    if isinstance(error, Exception):  # a failing rule must not stop the others nor lose the files' findings
        return f"{who}运行出错，已跳过该规则：{_error_text(error)}"
    return f"{who}{doing}引发了 {type(error).__name__}，已跳过该规则"  # GeneratorExit and other oddities


def _items_of(
    produced: object, describe: Callable[[BaseRule], str], rule: BaseRule, internal: Internal, failures: list[Diagnostic]
) -> Iterator[object] | None:
    """An iterator over what a rule's ``check()`` produced; None (and one RL907 naming the rule, ``describe(rule)``) when
    it returned no iterable."""
    try:
        return iter(produced)  # type: ignore[call-overload]
    except TypeError:
        failures.append(
            internal("RL907", f"{describe(rule)}的 check() 返回了 {type(produced).__name__}，应返回（或 yield）Diagnostic，已跳过该规则")
        )
        return None


def _close(items: Iterator[object]) -> None:
    """Close a rule's generator (a ``finally`` in it runs now, contained), whether or not it was read to the end."""
    close = getattr(items, "close", None)
    if close is not None:
        try:  # noqa: SIM105 (contextlib.suppress would make an object for every rule on every report)
            close()
        except Exception:  # a generator failing as it closes has said what it had to say
            pass


def _collect(rule: BaseRule, produced: Iterable[Diagnostic], length: int, cap: int, internal: Internal, found: list[Diagnostic]) -> None:
    """Check and keep what a rule yields; the rule is named (:func:`_who`) only in a finding about it."""
    items = _items_of(produced, _who, rule, internal, found)
    if items is None:
        return
    exhausted = False
    try:
        for count, item in enumerate(items):
            problem = _problem(item, length)
            if problem is not None:
                found.append(internal("RL907", f"{_who(rule)}产生了无效的结果（{problem}），已跳过该规则其余的结果"))
                break
            if count == cap:
                found.append(internal("RL914", f"{_who(rule)}在本文件中报告了超过 {cap} 个问题，只显示前 {cap} 个"))
                break
            assert isinstance(item, Diagnostic)  # checked by _problem
            found.append(_clean(item))
        else:
            exhausted = True
    finally:
        if not exhausted or type(items) is not GeneratorType:  # a generator read to its end has closed itself
            _close(items)


def _is_offset(value: object) -> bool:
    return type(value) is int


def _span_problem(what: str, start: object, end: object, length: int) -> str | None:
    if not (_is_offset(start) and _is_offset(end)):
        return f"{what}的位置应为整数，实际为 {shown(start)}、{shown(end)}"
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start <= end <= length:
        return f"{what}的位置 {start}–{end} 不在报告文字范围 0–{length} 内"
    return None


def _identity_problem(item: object) -> str | None:
    """Why a yielded item is not a finding with a message, a severity and a rule code, or None."""
    if not isinstance(item, Diagnostic):
        return f"应为 Diagnostic，实际为 {type(item).__name__} {shown(item)}"
    if not isinstance(item.message, str):
        return f"消息应为字符串，实际为 {type(item.message).__name__}"
    if not isinstance(item.severity, Severity):
        return f"级别应为 Severity，实际为 {shown(item.severity)}"
    if not (isinstance(item.code, str) and item.code and isinstance(item.name, str)):
        return f"规则代码应为字符串，实际为 {shown(item.code)}"
    return None


def _problem(item: object, length: int) -> str | None:
    """Why a yielded item is not a usable finding, or None."""
    problem = _identity_problem(item)
    if problem or not isinstance(item, Diagnostic):
        return problem
    problem = _span_problem("问题", item.start, item.end, length)
    if problem:
        return problem
    if not isinstance(item.related, tuple):
        return f"related 应为元组，实际为 {type(item.related).__name__}"
    for related in item.related:
        if not isinstance(related, Related) or not isinstance(related.message, str):
            return f"related 中应为 Related，实际为 {type(related).__name__}"
        problem = _span_problem("相关位置", related.start, related.end, length)
        if problem:
            return problem
    if item.fix is not None:
        if not isinstance(item.fix, Fix) or not isinstance(item.fix.replacement, str):
            return f"fix 应为 Fix，实际为 {type(item.fix).__name__}"
        problem = _span_problem("修改建议", item.fix.start, item.fix.end, length)
        if problem:
            return problem
    return None


def _clean(item: Diagnostic) -> Diagnostic:
    """The finding with lone surrogates in its texts replaced, so every output can encode it."""
    texts = [item.message, *(related.message for related in item.related)]
    if item.fix is not None:
        texts += [item.fix.replacement, item.fix.description]
    if not any(_SURROGATE.search(text) for text in texts):
        return item
    return replace(
        item,
        message=without_surrogates(item.message),
        related=tuple(replace(related, message=without_surrogates(related.message)) for related in item.related),
        fix=None
        if item.fix is None
        else replace(item.fix, replacement=without_surrogates(item.fix.replacement), description=without_surrogates(item.fix.description)),
    )


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length, so offsets stay valid)."""
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def _error_text(error: BaseException) -> str:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    place = f"（{Path(where.filename).name}:{where.lineno}）" if where else ""
    return f"{type(error).__name__}: {clip(without_surrogates(str(error)), 200)}{place}"


# --------------------------------------------------------------------------- batch rules


class BatchTimeout(BaseException):
    """A batch rule ran past its time budget (raised into it by a timer; never contained as the rule's own error)."""


def run_batch_rule(
    rule: BatchRule, batch: Batch, cap_for: Callable[[str], int], internal: Internal, seconds: float | None = None
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The findings of one batch rule on the batch, contained as :func:`run_rule` contains a rule on a file.

    Returns the valid findings (at most ``cap_for(path)`` per report, then one
    RL914 finding on that report) and the rule's failures (RL907, RL909 when
    it ran past ``seconds``, RL913 for what it printed), which have no report of
    their own: the batch phase puts them on one. What it yields must be a
    :class:`Diagnostic` of a report of the batch, with whole-number offsets,
    related places in reports of the batch and no fix (a batch rule has no text
    to edit); anything else ends the rule with one RL907.
    """
    found: list[Diagnostic] = []
    failures: list[Diagnostic] = []
    with _Contained(rule, _batch_who, internal, failures):
        try:
            with _time_budget(seconds):
                produced = rule.check(batch)
                if produced is not None:
                    _collect_batch(rule, produced, {report.path for report in batch.reports}, cap_for, internal, found, failures)
        except BatchTimeout:
            failures.append(
                internal("RL909", f"{_batch_who(rule)}运行超过了 {seconds or 0:g} 秒，已停止该规则；其他规则和各文件的结果照常报告")
            )
    return found, failures


def _batch_who(rule: BaseRule) -> str:
    return f"{rule_origin(rule)}中的跨文档规则 {rule.code}（{rule.name}）"


def _collect_batch(
    rule: BatchRule,
    produced: Iterable[Diagnostic],
    paths: set[str],
    cap_for: Callable[[str], int],
    internal: Internal,
    found: list[Diagnostic],
    failures: list[Diagnostic],
) -> None:
    who = _batch_who(rule)
    counts: dict[str, int] = {}
    # A rule that keeps yielding past every report's cap is stopped: it never costs more than the caps allow.
    budget = max(cap_for(path) for path in paths) * (len(paths) + 1) if paths else 0
    items = _items_of(produced, _batch_who, rule, internal, failures)
    if items is None:
        return
    try:
        for consumed, item in enumerate(items):
            problem = _batch_problem(item, paths)
            if problem is not None:
                failures.append(internal("RL907", f"{who}产生了无效的结果（{problem}），已跳过该规则其余的结果"))
                return
            assert isinstance(item, Diagnostic) and item.path is not None  # checked by _batch_problem
            path = item.path
            cap = cap_for(path)
            count = counts.get(path, 0)
            counts[path] = count + 1
            if count < cap:
                found.append(_clean(item))
            elif count == cap:
                capped = internal("RL914", f"{who}在本文件中报告了超过 {cap} 个跨文档问题，只显示前 {cap} 个")
                found.append(
                    replace(capped, path=path, location=Location(1, 1, 1, 1), fingerprint=fingerprint(capped.code, capped.message, 0))
                )
            if consumed >= budget:
                return
    finally:
        _close(items)


def _batch_problem(item: object, paths: set[str]) -> str | None:
    """Why an item a batch rule yielded is not a usable cross-document finding, or None."""
    problem = _identity_problem(item)
    if problem or not isinstance(item, Diagnostic):
        return problem
    if not isinstance(item.path, str) or item.path not in paths:
        return f"问题所在的文件 {shown(item.path)} 不是本批报告之一（请用 BatchRule.diagnostic 和报告的位置生成结果）"
    problem = _batch_place_problem("问题", item.start, item.end, item.location)
    if problem:
        return problem
    if not isinstance(item.related, tuple):
        return f"related 应为元组，实际为 {type(item.related).__name__}"
    for related in item.related:
        if not isinstance(related, Related) or not isinstance(related.message, str):
            return f"related 中应为 Related，实际为 {type(related).__name__}"
        if not isinstance(related.path, str) or (related.path and related.path not in paths):
            return f"相关位置所在的文件 {shown(related.path)} 不是本批报告之一"
        problem = _batch_place_problem("相关位置", related.start, related.end, related.location)
        if problem:
            return problem
    if item.fix is not None:
        return "跨文档规则不能提出修改建议（fix）"
    return None


def _batch_place_problem(what: str, start: object, end: object, location: object) -> str | None:
    if not (_is_offset(start) and _is_offset(end)):
        return f"{what}的位置应为整数，实际为 {shown(start)}、{shown(end)}"
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start <= end:
        return f"{what}的位置 {start}–{end} 无效"
    if location is not None and not (
        isinstance(location, Location)
        and all(_is_offset(value) and value >= 0 for value in (location.line, location.column, location.end_line, location.end_column))
    ):
        return f"{what}的行列应为 Location，实际为 {shown(location)}"
    return None


@contextlib.contextmanager
def _time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`BatchTimeout` into the block after ``seconds`` (main thread with ``setitimer`` only; else no budget)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise BatchTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
