"""Suppressions written in a document, applied to its findings: what each silences, and which are unused or invalid.

A suppression (:class:`~reportlint.core.model.Suppression`, recorded by the
loaders from Word comments and HTML/Markdown comments) silences the findings of
the codes, prefixes or rule names it names that lie in its range: a finding is
silenced when its range overlaps the suppression's (an empty finding when it is
inside), or anywhere for ``ignore-file``. Then, as ruff does for ``# noqa``:

* a suppression that silenced nothing, although the rules it names ran, is an
  RL950 finding (info) at the suppression;
* a suppression without a reason, without codes, or naming a code no rule has,
  is an RL951 finding (a suppression without a reason still silences).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlint.core.config import Config, is_rule_name
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.model import Document, Suppression
from reportlint.core.suggest import did_you_mean
from reportlint.core.values import clip
from reportlint.run.registry import Registry
from reportlint.run.selection import is_selected

UNUSED_CODE = "RL950"
INVALID_CODE = "RL951"


def _matches(selector: str, diagnostic: Diagnostic) -> bool:
    return selector == diagnostic.name if is_rule_name(selector) else diagnostic.code.startswith(selector)


def _silences(suppression: Suppression, diagnostic: Diagnostic) -> bool:
    if suppression.problem or diagnostic.code in (UNUSED_CODE, INVALID_CODE):
        return False
    return any(_matches(selector, diagnostic) for selector in suppression.codes) and suppression.covers(diagnostic.start, diagnostic.end)


def apply_suppressions(
    diagnostics: Sequence[Diagnostic],
    document: Document | None,
    config: Config,
    path: Path,
    registry: Registry,
    ran: frozenset[str] | None = None,
) -> list[Diagnostic]:
    """The findings the document's suppressions leave, plus RL950/RL951 findings about the suppressions themselves.

    ``ran`` are the codes of the rules that checked the document (default: every rule the config selects);
    a suppression of rules that did not run is not unused.
    """
    suppressions = document.suppressions if document is not None else ()
    if not suppressions:
        return list(diagnostics)
    used = [False] * len(suppressions)
    kept = []
    for diagnostic in diagnostics:
        silenced = False
        for index, suppression in enumerate(suppressions):
            if _silences(suppression, diagnostic):
                used[index] = silenced = True
        if not silenced:
            kept.append(diagnostic)
    per_file = config.ignored_for(path)
    for suppression, was_used in zip(suppressions, used, strict=True):
        for code, message in _problems(suppression, was_used, registry, config, per_file, ran):
            if is_selected(code, config, per_file):
                kept.append(_finding(registry, code, message, suppression))
    return kept


def _problems(
    suppression: Suppression, used: bool, registry: Registry, config: Config, per_file: Sequence[str], ran: frozenset[str] | None
) -> list[tuple[str, str]]:
    """The RL950/RL951 findings a suppression deserves, as (code, message)."""
    shown = f"{suppression.origin}“{_short(suppression.text)}”"
    if suppression.problem:
        return [(INVALID_CODE, f"{shown}无效：{suppression.problem}")]
    codes = [rule.code for rule in registry.rules]
    names = [rule.name for rule in registry.rules]
    problems = []
    unknown = [selector for selector in suppression.codes if not _known(selector, codes, names)]
    for selector in unknown:
        candidates = names if is_rule_name(selector) else codes
        kind = "规则名称" if is_rule_name(selector) else "规则代码"
        problems.append(
            (INVALID_CODE, f"{shown}中的{kind}“{clip(selector)}”不存在{did_you_mean(selector, candidates)}，这条指令不会忽略它")
        )
    if not suppression.reason:
        problems.append((INVALID_CODE, f"{shown}没有写原因：请在规则代码后写明为什么接受这个问题，如“reportlint: 忽略 RL603 引用英文原文”"))
    checked = [
        selector
        for selector in suppression.codes
        if _known(selector, codes, names)
        and any(
            _selects(selector, rule.code, rule.name)
            and is_selected(rule.code, config, per_file, rule.name)
            and (ran is None or rule.code in ran)
            for rule in registry.rules
        )
    ]
    if not used and checked:
        where = "全文" if suppression.file_wide else "此范围内"
        problems.append((UNUSED_CODE, f"{shown}没有用上：{'、'.join(checked)} 在{where}没有问题，可以删除这条忽略指令"))
    return problems


def _selects(selector: str, code: str, name: str) -> bool:
    return selector == name if is_rule_name(selector) else code.startswith(selector)


def _known(selector: str, codes: Sequence[str], names: Sequence[str]) -> bool:
    return selector in names if is_rule_name(selector) else any(code.startswith(selector) for code in codes)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding(registry: Registry, code: str, message: str, suppression: Suppression) -> Diagnostic:
    rule = registry.rule_by_code(code)
    assert rule is not None, f"internal rule {code} is not registered"
    return rule().diagnostic(message, suppression.at_start, suppression.at_end)
