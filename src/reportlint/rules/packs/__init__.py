"""Declarative YAML rule packs: loading and validating a pack file, and registering the packs reportlint ships.

A pack is a YAML file with a ``rules:`` list. Every rule has ``code``, ``name``,
``type``, ``severity``, ``message`` (with ``{placeholders}``), optional ``when``
conditions and documentation (``description`` plus ``examples: {bad, good}``).
The rule types, one module each:

* :mod:`.pattern` — a regex or literal that must not appear (optional ``suggest``,
  with ``fix: safe`` when ``--fix`` may apply it without review; default ``unsafe``);
* :mod:`.required` — a phrase or regex that must appear (optionally in a section);
* :mod:`.substitution` — wrong term → right term, many ``pairs`` in one rule (``fix`` as for ``pattern``);
* :mod:`.relation` — an arithmetic assertion over template cells (same evaluator as RL3);
* :mod:`.vocabulary` — ``reject`` terms, except inside ``accept`` phrases;
* :mod:`.confusable` — a table of confused words, each wrong in a context, each with a bad and a good example;
* :mod:`.blocklist` — words that disqualify a copy (mirror-site spam), reported once with their count.

Packs are validated when loaded: a mistake is a :class:`~reportlint.core.yamlio.YamlError`
with file, line and reason. User regexes are checked with the engine that runs
them (:mod:`.regexes`) and run with a time limit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlint.core.diagnostics import Severity
from reportlint.core.hookspecs import hookimpl
from reportlint.core.resources import shipped_rule_packs, shipped_rules_dir
from reportlint.core.rule import FIX_SAFETY, Rule
from reportlint.core.suggest import did_you_mean, unknown_name
from reportlint.core.values import clip, shown
from reportlint.core.yamlio import YamlError, load_with_lines, read_yaml
from reportlint.rules.packs.base import COMMON_KEYS, SECTION_IDS, PackLiterals, PackReader, PackRule
from reportlint.rules.packs.blocklist import BlocklistRule
from reportlint.rules.packs.confusable import ConfusableRule
from reportlint.rules.packs.pattern import PatternRule
from reportlint.rules.packs.relation import RelationPackRule
from reportlint.rules.packs.required import RequiredRule
from reportlint.rules.packs.substitution import SubstitutionRule
from reportlint.rules.packs.vocabulary import VocabularyRule

#: Every rule type, by the name a pack gives it.
RULE_TYPES: dict[str, type[PackRule]] = {
    rule.type_name: rule
    for rule in (PatternRule, RequiredRule, SubstitutionRule, RelationPackRule, VocabularyRule, ConfusableRule, BlocklistRule)
}
_PACK_KEYS = ("pack", "description", "rules")


@dataclass(frozen=True)
class Pack:
    """A loaded rule pack: its rule classes and load-time warnings (shown on stderr)."""

    path: Path
    rules: tuple[type[Rule], ...]
    warnings: tuple[str, ...]


def load_pack(path: Path, verify: bool | None = None) -> Pack:
    """Load and validate a rule pack; raises :class:`YamlError` naming file, line and reason.

    ``verify`` (by default: for every pack but reportlint's own) also checks each
    regex and runs each confusable entry's examples (see :class:`PackReader`).
    """
    pack = load_with_lines([path], lambda documents: _build_pack(*documents[0], verify=verify))
    if pack.warnings:  # warnings name lines too: parse once more with line numbers
        pack = _build_pack(path, read_yaml(path), verify=verify)
    return pack


def _build_pack(path: Path, document: Any, verify: bool | None = None) -> Pack:
    reader = PackReader(path, shipped=_is_shipped(path), verify=verify)
    if not isinstance(document, Mapping):
        raise YamlError(path, None, "规则包应为键值对，且包含 rules 列表")
    for key in document:
        if key not in _PACK_KEYS:
            raise reader.fail(document, key, f"规则包中有未知的键 “{key}”（可用：pack、description、rules）")
    rules_node = document.get("rules")
    if not isinstance(rules_node, list) or not rules_node:
        raise reader.fail(document, "rules" if "rules" in document else None, "规则包需要非空的 rules 列表")
    seen: set[str] = set()
    rules = tuple(_rule(reader, node, index, seen) for index, node in enumerate(rules_node))
    _share_literals(rules, reader.shipped)
    return Pack(path, rules, tuple(reader.warnings))


def _share_literals(rules: tuple[type[Rule], ...], shipped: bool) -> None:
    """The word lists of a pack's rules searched for in one pass per report (:class:`PackLiterals`), when there are two or more."""
    with_literals = [rule for rule in rules if issubclass(rule, PackRule) and rule.literals is not None]
    if len(with_literals) < 2:
        return
    shared = PackLiterals((phrase for rule in with_literals if rule.literals is not None for phrase in rule.literals.phrases), shipped)
    for rule in with_literals:
        rule.pack_literals = shared


def _rule(reader: PackReader, node: Any, index: int, seen_codes: set[str]) -> type[Rule]:
    """One rule of a pack as a rule class of its type."""
    if not isinstance(node, Mapping):
        raise reader.fail(node, None, f"rules 的第 {index + 1} 项应为键值对")
    for key in ("code", "name", "type", "message"):
        if not node.get(key):
            raise reader.fail(node, None, f"规则缺少 {key}")
    rule_type = str(node["type"])
    base = RULE_TYPES.get(rule_type)
    if base is None:
        raise reader.fail(node, "type", f"未知的规则类型 {unknown_name(rule_type, RULE_TYPES)}（可选：{'、'.join(RULE_TYPES)}）")
    for key in node:
        if key not in COMMON_KEYS + base.keys:
            raise reader.fail(
                node, key, f"{rule_type} 类型的规则没有 “{clip(str(key))}” 这一项{did_you_mean(str(key), COMMON_KEYS + base.keys)}"
            )
    code = str(node["code"]).strip()
    if not re.fullmatch(r"[A-Z]{2,6}\d{2,4}", code):
        raise reader.fail(node, "code", f"规则代码 “{code}” 无效：应为大写字母前缀加数字，如 GS201")
    if code.startswith("RL") and not reader.shipped:
        raise reader.fail(node, "code", f"规则代码 {code} 使用了内置规则保留的前缀 RL，请改用自己的前缀（如 GS）")
    if code in seen_codes:
        raise reader.fail(node, "code", f"规则代码 {code} 在本规则包中重复")
    seen_codes.add(code)
    try:
        severity = Severity.parse(node.get("severity", "warning"))
    except ValueError as error:
        raise reader.fail(node, "severity", str(error)) from None
    message = reader.placeholders(node, base.placeholders, rule_type)
    section = node.get("section")
    if section is not None and section not in SECTION_IDS:
        raise reader.fail(node, "section", f"section 应为 {'、'.join(SECTION_IDS)} 之一，实际为 {shown(section)}")
    attributes: dict[str, Any] = {
        "code": code,
        "name": str(node["name"]),
        "severity": severity.label,
        "origin": f"pack:{reader.path.name}",
        "__doc__": reader.documentation(node),
        "__module__": base.__module__,
        "message": message,
        "applies_to": reader.condition(node),
        "section": section,
    }
    attributes.update(base.read(reader, node))
    if "fix" in base.keys:
        fix = node.get("fix", "unsafe")
        if fix not in FIX_SAFETY:
            raise reader.fail(node, "fix", f"fix 应为 safe（--fix 直接修改）或 unsafe（需要 --unsafe-fixes），实际为 {fix!r}")
        attributes["fix_safety"] = fix
    return type(f"{base.__name__}_{code}", (base,), attributes)


def _is_shipped(path: Path) -> bool:
    try:
        path.resolve().relative_to(shipped_rules_dir())
    except ValueError:
        return False
    return True


@hookimpl
def reportlint_rule_packs() -> list[Path]:
    """The shipped packs, e.g. the standard-wording pack (规范表述)."""
    return shipped_rule_packs()
