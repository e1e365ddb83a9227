"""The rule API: the :class:`Rule` base class and declared rule options."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from reportlint.core.conditions import Condition
from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
from reportlint.core.values import clip, shown
from reportlint.text.quoting import one_line
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.core.report import Report


#: How safe a rule's fixes are: applied by ``--fix`` without review, or only with ``--unsafe-fixes``.
FIX_SAFETY = ("safe", "unsafe")

_INLINE_LITERAL = compiled(r"``(.+?)``")
_ROLE = compiled(r":[a-z]+:`~?([^`<]+?)(?:\s*<[^>]*>)?`")


def plain_text(text: str) -> str:
    """Documentation without reStructuredText markup: ````code```` → ``code``, ``:class:`~a.Rule``` → ``Rule``."""

    def role(match: re.Match[str]) -> str:
        target = match.group(1).strip()
        return target.rsplit(".", 1)[-1] if match.group(0)[match.group(0).index("`") + 1] == "~" else target

    return _INLINE_LITERAL.sub(r"\1", _ROLE.sub(role, text))


class RuleDefinitionError(Exception):
    """A rule class or its configuration is invalid (a plugin author's or user's mistake)."""


@dataclass(frozen=True)
class Option:
    """A rule option: its type, default and documentation.

    ``kind`` is one of ``str``, ``int``, ``float``, ``bool``, ``list`` (of strings)
    or ``dict``; ``choices`` restricts the allowed values.
    """

    default: Any
    description: str
    kind: type = str
    choices: tuple[Any, ...] | None = None

    def validate(self, rule_name: str, option_name: str, value: Any) -> Any:
        """Check a configured value; returns it or raises :class:`RuleDefinitionError`."""
        expected = self.kind
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, float(value)
        if expected is list:
            ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        if not ok:
            type_name = {str: "字符串", int: "整数", float: "数字", bool: "true/false", list: "字符串列表", dict: "表"}
            raise RuleDefinitionError(
                f"规则 {rule_name} 的选项 {option_name} 应为{type_name.get(expected, expected.__name__)}，实际为 {shown(value)}"
            )
        if self.choices is not None and value not in self.choices:
            choices = "、".join(map(str, self.choices))
            raise RuleDefinitionError(f"规则 {rule_name} 的选项 {option_name} 只能取 {choices}，实际为 {shown(value)}")
        return value


class BaseRule:
    """What every rule declares, whether it checks one report (:class:`Rule`) or a batch (:class:`~reportlint.core.batch.BatchRule`).

    Subclasses set ``code`` (stable, e.g. ``RL601`` or ``GS101``), ``name``
    (stable kebab-case English identifier), ``severity`` (``error``,
    ``warning`` or ``info``) and optionally ``options``. The class docstring is
    the rule's user documentation: its first line is the short description,
    the rest the full text, with a bad example after ``反例：`` and a good one
    after ``正例：``.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    options: ClassVar[Mapping[str, Option]] = MappingProxyType({})
    #: Where the rule comes from: ``builtin``, ``plugin:<name>`` or ``pack:<file>``.
    origin: ClassVar[str] = "builtin"
    #: ``"safe"`` or ``"unsafe"`` for a rule that proposes fixes; None for one that proposes none (any it does are unsafe).
    fix_safety: ClassVar[str | None] = None
    #: Where the rule applies; None: every report.
    applies_to: ClassVar[Condition | None] = None

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        given = dict(config or {})
        unknown = sorted(set(given) - set(self.options))
        if unknown:
            from reportlint.core.suggest import did_you_mean

            hint = did_you_mean(unknown[0], self.options)
            raise RuleDefinitionError(f"规则 {self.name} 没有选项 {clip(unknown[0])}{hint}")
        values = {key: option.default for key, option in self.options.items()}
        for key, value in given.items():
            values[key] = self.options[key].validate(self.name, key, value)
        self.config: Mapping[str, Any] = MappingProxyType(values)

    @classmethod
    def documentation(cls) -> str:
        """The full user documentation (the class docstring, dedented)."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def plain_documentation(cls) -> str:
        """The documentation as plain text for terminals (no reStructuredText markup)."""
        return plain_text(cls.documentation())

    @classmethod
    def summary(cls) -> str:
        """The one-line description (first line of the docstring)."""
        doc = cls.documentation()
        return doc.splitlines()[0].strip() if doc else cls.name

    @classmethod
    def validate_definition(cls) -> None:
        """Raise :class:`RuleDefinitionError` when the class is not a usable rule."""
        where = f"{cls.__module__}.{cls.__qualname__}"
        if not cls.code or not cls.code[:2].isalpha() or not cls.code[-1].isdigit():
            raise RuleDefinitionError(f"{where}: 规则代码 {shown(cls.code)} 无效，应为字母前缀加数字，如 GS101")
        if not cls.name:
            raise RuleDefinitionError(f"{where}: 规则 {cls.code} 缺少 name")
        try:
            Severity.parse(cls.severity)
        except ValueError as error:
            raise RuleDefinitionError(f"{where}: {error}") from None
        if not cls.__doc__ or not cls.__doc__.strip():
            raise RuleDefinitionError(f"{where}: 规则 {cls.code} 缺少文档字符串（文档字符串就是规则的说明）")
        if cls.fix_safety is not None and cls.fix_safety not in FIX_SAFETY:
            raise RuleDefinitionError(f'{where}: 规则 {cls.code} 的 fix_safety 应为 "safe" 或 "unsafe"，实际为 {cls.fix_safety!r}')
        if cls.applies_to is not None and not isinstance(cls.applies_to, Condition):
            raise RuleDefinitionError(f"{where}: 规则 {cls.code} 的 applies_to 应为 Condition（from reportlint import Condition）")


class Rule(BaseRule):
    """Base class of every rule that checks one report: built-in, from a YAML pack or from a plugin.

    Subclasses declare what :class:`BaseRule` says and implement :meth:`check`,
    which yields diagnostics at offsets of ``report.text``.
    """

    #: Whether the rule judges the report's own wording: its findings on lines of page chrome
    #: (site navigation, font widgets, CMS metadata lines left in a copied web page) are dropped.
    prose_only: ClassVar[bool] = False

    def check(self, report: Report) -> Iterable[Diagnostic]:
        """Yield the diagnostics of this rule for one report."""
        raise NotImplementedError

    def diagnostic(
        self,
        message: str,
        start: int = 0,
        end: int | None = None,
        *,
        related: Iterable[Related | tuple[int, int, str]] = (),
        fix: Fix | None = None,
        severity: str | Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic of this rule at ``[start, end)`` of ``report.text``; the message is made one line (text quoted across a line break is joined)."""
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=Severity.parse(severity or self.severity),
            message=one_line(message),
            start=start,
            end=start if end is None else end,
            related=tuple(item if isinstance(item, Related) else Related(*item) for item in related),
            fix=fix,
            origin=self.origin,
        )
