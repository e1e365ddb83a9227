"""Where a rule or a template extension applies: templates, years, body levels and provinces.

One :class:`Condition` type serves every kind of check a plugin can ship: a Python
rule declares it as ``applies_to`` (the linter skips the rule elsewhere), a YAML
pack rule and a template extension write it as ``when:``. A province's plugin
scoped to its province leaves every other province's results unchanged.

A fact the report does not give (no year, a subject the gazetteer cannot place)
fails a stated condition unless the condition says ``unknown: check``: a
province's own plugin usually does, since its own reports sometimes name their
body in a way the gazetteer cannot place, while another province's report is
placed in that other province.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from reportlint.core.suggest import unknown_name

#: The keys of a ``when:`` table.
CONDITION_KEYS = ("template", "years", "level", "province", "unknown")
#: What a stated condition does when the report does not give the fact it tests.
UNKNOWN_POLICIES = ("skip", "check")
#: Suffixes a province may be written without (``甘肃`` for ``甘肃省``).
_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


def province_key(name: str) -> str:
    """A province name without its suffix, so ``甘肃`` and ``甘肃省`` compare equal."""
    name = "".join(name.split())
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


class Report(Protocol):
    """What a condition reads of a report (a :class:`reportlint.core.report.Report`): its reading and its places.

    Declared here rather than imported, so that template specs, which hold
    conditions, do not depend on the report model.
    """

    @property
    def reading(self) -> Any: ...

    @property
    def places(self) -> Any: ...


@dataclass(frozen=True)
class Condition:
    """When a rule or extension applies: templates, a year range, body levels, provinces (all optional).

    ``unknown`` is ``skip`` (a fact the report does not give fails a stated
    condition) or ``check`` (it passes: only a report known to be elsewhere is left out).
    """

    templates: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    levels: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    unknown: str = "skip"

    @property
    def is_unconditional(self) -> bool:
        """Whether nothing is stated (the rule applies everywhere)."""
        return not (self.templates or self.year_from is not None or self.year_to is not None or self.levels or self.provinces)

    def holds(self, report: Report) -> bool:
        """Whether the report meets every stated condition."""
        if self.is_unconditional:
            return True
        reading = report.reading
        if self.templates:
            template = reading.expected_template.id if reading.expected_template else reading.detected_template
            if not self._fits(None if template is None else template in self.templates):
                return False
        if self.year_from is not None or self.year_to is not None:
            year = reading.year
            within = (
                None
                if year is None
                else (self.year_from is None or year >= self.year_from) and (self.year_to is None or year <= self.year_to)
            )
            if not self._fits(within):
                return False
        if self.levels:
            level = reading.subject.level if reading.subject is not None else None
            if not self._fits(None if not level else level in self.levels):
                return False
        if self.provinces:
            province = subject_province(report)
            wanted = {province_key(name) for name in self.provinces}
            if not self._fits(None if province is None else province_key(province) in wanted):
                return False
        return True

    def _fits(self, verdict: bool | None) -> bool:
        """A condition's verdict, ``None`` when the report does not give the fact."""
        return (self.unknown == "check") if verdict is None else verdict

    def describe(self) -> str:
        """The condition in Chinese, for ``reportlint rule`` and ``plugins`` (empty when unconditional)."""
        parts = []
        if self.provinces:
            parts.append("省份：" + "、".join(self.provinces))
        if self.levels:
            parts.append("主体级别：" + "、".join(self.levels))
        if self.year_from is not None or self.year_to is not None:
            low = f"{self.year_from} 年" if self.year_from is not None else ""
            high = f"{self.year_to} 年" if self.year_to is not None else ""
            parts.append(f"年度：{low}起" if not high else f"年度：{low}至{high}" if low else f"年度：{high}及以前")
        if self.templates:
            parts.append("格式：" + "、".join(self.templates))
        if not parts:
            return ""
        unknown = "；无法确定时照常检查" if self.unknown == "check" else "；无法确定时不检查"
        return "；".join(parts) + unknown


def subject_province(report: Report) -> str | None:
    """The province of the report's subject (full name), or None when the gazetteer cannot place it.

    An ambiguous subject whose candidates all lie in one province is placed in it.
    """
    places = report.places
    subject = places.subject
    if subject is None:
        return None
    provinces = {places.province_of(place).name for place in subject.in_running}
    return provinces.pop() if len(provinces) == 1 else None


def parse_condition(when: Any, fail: Callable[[Any, Any, str], Exception], node: Any = None) -> Condition:
    """A ``when:`` table (from YAML) as a :class:`Condition`; ``fail(node, key, reason)`` builds the error to raise."""
    if when is None:
        return Condition()
    if not isinstance(when, Mapping):
        raise fail(node, "when", "when 应为键值对（template、years、level、province、unknown）")
    for key in when:
        if key not in CONDITION_KEYS:
            raise fail(when, key, f"when 中有未知的条件 {unknown_name(str(key), CONDITION_KEYS)}")
    years = when.get("years") or {}
    if not isinstance(years, Mapping) or any(key not in ("from", "to") for key in years):
        raise fail(when, "years", "when.years 应为 {from: 年份, to: 年份}")
    for key in ("from", "to"):
        if years.get(key) is not None and not isinstance(years.get(key), int):
            raise fail(when, "years", f"when.years.{key} 应为年份（整数）")
    unknown = when.get("unknown", "skip")
    if unknown not in UNKNOWN_POLICIES:
        raise fail(when, "unknown", f"when.unknown 应为 skip（无法确定时不检查）或 check（无法确定时照常检查），实际为 {unknown!r}")
    return Condition(
        templates=_strings(when.get("template")),
        year_from=years.get("from"),
        year_to=years.get("to"),
        levels=_strings(when.get("level")),
        provinces=_strings(when.get("province")),
        unknown=unknown,
    )


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        return (str(value),)
    return tuple(str(item) for item in value)
