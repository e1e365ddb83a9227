"""Declarative YAML rule packs: the rule types behind them, their validation and loading.

A pack is a YAML file with a ``rules:`` list. Every rule has ``code``, ``name``,
``type``, ``severity``, ``message`` (with ``{placeholders}``), optional ``when``
conditions and documentation (``description`` plus ``examples: {bad, good}``).
Rule types:

* ``pattern`` — a regex or literal that must not appear (optional ``suggest``);
* ``required`` — a phrase or regex that must appear (optionally in a section);
* ``substitution`` — wrong term → right term, many ``pairs`` in one rule;
* ``relation`` — an arithmetic assertion over template cells (same evaluator as RL3);
* ``vocabulary`` — ``reject`` terms, except inside ``accept`` phrases.

Packs are validated when loaded: a mistake is a :class:`~reportlint.core.yamlio.YamlError`
with file, line and reason. User regexes are checked for nested repetition
(catastrophic backtracking) and run with a time limit.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
from reportlint.template.expressions import ExpressionError, parse_expression
from reportlint.text.normalize import fold_width
from reportlint.text.chars import HAN
from reportlint.core.rule import Rule
from reportlint.template.relations import message_fields, violations
from reportlint.template.spec import RelationSpec, check_references, shipped_template_set
from reportlint.core.yamlio import YamlError, line_of, load_with_lines, read_yaml

#: Seconds a user regex may run on one report before the rule is stopped (RL908).
REGEX_TIMEOUT = 1.0

RULE_TYPES = ("pattern", "required", "substitution", "relation", "vocabulary")
_COMMON_KEYS = ("code", "name", "type", "severity", "message", "when", "description", "examples")
_TYPE_KEYS = {
    "pattern": ("pattern", "literal", "suggest", "section", "match"),
    "required": ("pattern", "literal", "section", "match"),
    "substitution": ("pairs", "section"),
    "relation": ("table", "for_each", "assert", "cells_when", "rows", "columns", "description_of_relation"),
    "vocabulary": ("reject", "accept", "section"),
}
_PLACEHOLDERS = {
    "pattern": ("match", "suggestion", "section"),
    "required": ("phrase", "section"),
    "substitution": ("found", "suggestion", "section"),
    "relation": ("table", "scope", "detail", "relation", "left", "right", "difference"),
    "vocabulary": ("match", "section"),
}
_SECTION_IDS = ("s1", "s2", "s3", "s4", "s5", "s6")


class PatternTimeout(Exception):
    """A user regex ran longer than :data:`REGEX_TIMEOUT` on one report."""


@dataclass(frozen=True)
class Pack:
    """A loaded rule pack: its rule classes and load-time warnings (shown on stderr)."""

    path: Path
    rules: tuple[type[Rule], ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Condition:
    """When a rule applies: templates, a year range, body levels, provinces (all optional)."""

    templates: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    levels: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()

    def holds(self, report) -> bool:
        """Whether the report meets every stated condition (unknown facts fail a stated condition)."""
        reading = report.reading
        if self.templates:
            template = reading.expected_template.id if reading.expected_template else reading.detected_template
            if template not in self.templates:
                return False
        if self.year_from is not None or self.year_to is not None:
            if reading.year is None:
                return False
            if self.year_from is not None and reading.year < self.year_from:
                return False
            if self.year_to is not None and reading.year > self.year_to:
                return False
        if self.levels and (reading.subject is None or reading.subject.level not in self.levels):
            return False
        if self.provinces:
            places = report.places
            subject = places.subject.place if places.subject is not None else None
            if subject is None or places.province_of(subject).name not in self.provinces:
                return False
        return True


def _has_nested_repeat(parsed, inside_repeat: bool = False) -> bool:
    """Whether a parsed regex repeats something that itself repeats without bound: ``(a+)+``."""
    for operator, argument in parsed:
        if operator in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            low, high, body = argument
            unbounded = high == sre_constants.MAXREPEAT or high > 50
            if inside_repeat and unbounded:
                return True
            if _has_nested_repeat(body, inside_repeat or unbounded):
                return True
        elif operator == sre_constants.SUBPATTERN:
            if _has_nested_repeat(argument[-1], inside_repeat):
                return True
        elif operator == sre_constants.BRANCH:
            if any(_has_nested_repeat(branch, inside_repeat) for branch in argument[1]):
                return True
        elif operator in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _has_nested_repeat(argument[1], inside_repeat):
                return True
    return False


class _PackReader:
    """Validates one pack document; every problem names the file and line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []
        self.shipped = _is_shipped(path)

    def fail(self, node: Any, key: Any, reason: str) -> YamlError:
        return YamlError(self.path, line_of(node, key), reason)

    def regex(self, node: Mapping, key: str, source: str):
        """Compile a user regex: syntax, catastrophic backtracking, impossible ``\\b``."""
        import regex

        try:
            parsed = sre_parse.parse(source)
        except re.error as error:
            raise self.fail(node, key, f"正则表达式 “{source}” 有语法错误：{error}") from None
        if _has_nested_repeat(parsed):
            raise self.fail(node, key, f"正则表达式 “{source}” 有嵌套的重复（如 (a+)+），可能导致灾难性回溯，请改写")
        if re.search(rf"\\b(?=[{HAN}])|(?<=[{HAN}])\\b", source):
            self.warnings.append(
                f"{self.path}:{line_of(node, key)}: 正则表达式 “{source}” 在汉字旁使用了 \\b，汉字之间没有单词边界，这个模式几乎不会匹配"
            )
        return regex.compile(source)

    def condition(self, node: Mapping) -> Condition:
        when = node.get("when")
        if when is None:
            return Condition()
        if not isinstance(when, Mapping):
            raise self.fail(node, "when", "when 应为键值对（template、years、level、province）")
        for key in when:
            if key not in ("template", "years", "level", "province"):
                from reportlint.core.suggest import did_you_mean

                raise self.fail(when, key, f"when 中有未知的条件 “{key}”{did_you_mean(str(key), ('template', 'years', 'level', 'province'))}")
        years = when.get("years") or {}
        if not isinstance(years, Mapping) or any(key not in ("from", "to") for key in years):
            raise self.fail(when, "years", "when.years 应为 {from: 年份, to: 年份}")
        for key in ("from", "to"):
            if years.get(key) is not None and not isinstance(years.get(key), int):
                raise self.fail(when, "years", f"when.years.{key} 应为年份（整数）")
        return Condition(
            templates=_strings(when.get("template")),
            year_from=years.get("from"),
            year_to=years.get("to"),
            levels=_strings(when.get("level")),
            provinces=_strings(when.get("province")),
        )

    def rule(self, node: Any, index: int, seen_codes: set[str]) -> type[Rule]:
        if not isinstance(node, Mapping):
            raise self.fail(node, None, f"rules 的第 {index + 1} 项应为键值对")
        for key in ("code", "name", "type", "message"):
            if not node.get(key):
                raise self.fail(node, None, f"规则缺少 {key}")
        rule_type = str(node["type"])
        if rule_type not in RULE_TYPES:
            from reportlint.core.suggest import did_you_mean

            raise self.fail(node, "type", f"未知的规则类型 “{rule_type}”{did_you_mean(rule_type, RULE_TYPES)}（可选：{'、'.join(RULE_TYPES)}）")
        for key in node:
            if key not in _COMMON_KEYS + _TYPE_KEYS[rule_type]:
                from reportlint.core.suggest import did_you_mean

                raise self.fail(node, key, f"{rule_type} 类型的规则没有 “{key}” 这一项{did_you_mean(str(key), _COMMON_KEYS + _TYPE_KEYS[rule_type])}")
        code = str(node["code"]).strip()
        if not re.fullmatch(r"[A-Z]{2,6}\d{2,4}", code):
            raise self.fail(node, "code", f"规则代码 “{code}” 无效：应为大写字母前缀加数字，如 GS201")
        if code.startswith("RL") and not self.shipped:
            raise self.fail(node, "code", f"规则代码 {code} 使用了内置规则保留的前缀 RL，请改用自己的前缀（如 GS）")
        if code in seen_codes:
            raise self.fail(node, "code", f"规则代码 {code} 在本规则包中重复")
        seen_codes.add(code)
        try:
            severity = Severity.parse(node.get("severity", "warning"))
        except ValueError as error:
            raise self.fail(node, "severity", str(error)) from None
        message = str(node["message"])
        fields = {name for _, name, _, _ in string.Formatter().parse(message) if name}
        unknown = sorted(fields - set(_PLACEHOLDERS[rule_type]))
        if unknown:
            raise self.fail(node, "message", f"消息中的占位符 {{{unknown[0]}}} 不可用；{rule_type} 类型可用：{'、'.join('{' + name + '}' for name in _PLACEHOLDERS[rule_type])}")
        section = node.get("section")
        if section is not None and section not in _SECTION_IDS:
            raise self.fail(node, "section", f"section 应为 {'、'.join(_SECTION_IDS)} 之一，实际为 {section!r}")
        attributes: dict[str, Any] = {
            "code": code,
            "name": str(node["name"]),
            "severity": severity.label,
            "origin": f"pack:{self.path.name}",
            "__doc__": self.documentation(node),
            "__module__": __name__,
            "message": message,
            "condition": self.condition(node),
            "section": section,
        }
        attributes.update(getattr(self, f"_{rule_type}")(node))
        base = _RULE_CLASSES[rule_type]
        return type(f"{base.__name__}_{code}", (base,), attributes)

    def documentation(self, node: Mapping) -> str:
        """The rule's docstring: first sentence as summary line, the rest, then the examples."""
        paragraphs = [
            "".join(line.strip() for line in paragraph.splitlines())
            for paragraph in str(node.get("description") or node["message"]).strip().split("\n\n")
        ]
        first, _, rest = paragraphs[0].partition("。")
        description = "\n\n".join(part for part in (first + ("。" if rest or paragraphs[0].endswith("。") else ""), rest, *paragraphs[1:]) if part)
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

    def _text_matcher(self, node: Mapping) -> dict:
        has_pattern, has_literal = node.get("pattern") is not None, node.get("literal") is not None
        if has_pattern == has_literal:
            raise self.fail(node, None, "需要 pattern（正则表达式）或 literal（文字）中的一个")
        match = node.get("match")
        if match not in (None, "original", "normalized"):
            raise self.fail(node, "match", "match 只能是 original（原文）或 normalized（统一全半角、繁简后的文本）")
        if has_pattern:
            return {"compiled": self.regex(node, "pattern", str(node["pattern"])), "on_normalized": match == "normalized"}
        literals = node["literal"] if isinstance(node["literal"], list) else [node["literal"]]
        if not all(isinstance(item, str) and item for item in literals):
            raise self.fail(node, "literal", "literal 应为文字或文字列表")
        import regex

        folded = sorted({fold_width(item) for item in literals}, key=len, reverse=True)
        return {"compiled": regex.compile("|".join(regex.escape(item) for item in folded)), "on_normalized": True}

    def _pattern(self, node: Mapping) -> dict:
        attributes = self._text_matcher(node)
        suggest = node.get("suggest")
        attributes["suggestion"] = None if suggest is None else str(suggest)
        return attributes

    def _required(self, node: Mapping) -> dict:
        attributes = self._text_matcher(node)
        attributes["phrase"] = str(node.get("literal") or node.get("pattern"))
        return attributes

    def _substitution(self, node: Mapping) -> dict:
        pairs = node.get("pairs")
        if not isinstance(pairs, Mapping) or not pairs:
            raise self.fail(node, "pairs", "pairs 应为“错误写法: 正确写法”的键值对")
        import regex

        table = {fold_width(str(wrong)): str(right) for wrong, right in pairs.items()}
        for wrong, right in table.items():
            if not wrong or not right:
                raise self.fail(pairs, None, "pairs 的每一项都要有错误写法和正确写法")
        pattern = "|".join(regex.escape(wrong) for wrong in sorted(table, key=len, reverse=True))
        return {"compiled": regex.compile(pattern), "pairs": table}

    def _vocabulary(self, node: Mapping) -> dict:
        reject = _strings(node.get("reject"))
        if not reject:
            raise self.fail(node, "reject", "vocabulary 规则需要 reject（不允许的词语列表）")
        import regex

        accept = tuple(fold_width(item) for item in _strings(node.get("accept")))
        pattern = "|".join(regex.escape(fold_width(item)) for item in sorted(reject, key=len, reverse=True))
        return {"compiled": regex.compile(pattern), "accept": accept}

    def _relation(self, node: Mapping) -> dict:
        for key in ("table", "assert"):
            if not node.get(key):
                raise self.fail(node, None, f"relation 规则缺少 {key}")
        for_each = node.get("for_each")
        if for_each not in ("column", "row", "cell", None):
            raise self.fail(node, "for_each", f"for_each 只能是 column、row 或 cell，实际为 {for_each!r}")
        try:
            expression = parse_expression(str(node["assert"]))
            when = parse_expression(str(node["cells_when"])) if node.get("cells_when") else None
        except ExpressionError as error:
            raise self.fail(node, "assert", str(error)) from None
        relation = RelationSpec(
            id=str(node["code"]),
            table=str(node["table"]),
            expression=expression,
            for_each=for_each,
            severity=Severity.parse(node.get("severity", "warning")),
            description=str(node.get("description_of_relation") or node.get("description") or expression.source),
            when=when,
            rows=_strings(node.get("rows")),
            columns=_strings(node.get("columns")),
            origin=str(self.path),
        )
        problems = []
        for template in shipped_template_set():
            tables = {table.id: table for table in template.tables}
            if relation.table in tables:
                problem = check_references(relation, tables)
                if problem is None:
                    return {"relation": relation}
                problems.append(f"{template.id}：{problem}")
        reason = "；".join(problems) if problems else f"没有模板有表 “{relation.table}”"
        raise self.fail(node, "assert", f"relation 规则的表达式无法对应到模板：{reason}")


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        return (str(value),)
    return tuple(str(item) for item in value)


def _is_shipped(path: Path) -> bool:
    from reportlint.core.resources import shipped_rules_dir

    try:
        path.resolve().relative_to(shipped_rules_dir())
    except ValueError:
        return False
    return True


class PackRule(Rule):
    """Base of rules defined in YAML packs: scope (when, section) and time-limited matching."""

    message: ClassVar[str] = ""
    condition: ClassVar[Condition] = Condition()
    section: ClassVar[str | None] = None
    compiled: ClassVar[Any] = None

    def check(self, report):
        if not self.condition.holds(report):
            return
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

    def check_applicable(self, report) -> Iterator[Diagnostic]:
        """The rule's own check, once its conditions hold."""
        raise NotImplementedError

    def scope(self, report) -> tuple[int, int, str]:
        """The range the rule looks at: a section body or the whole report, and its name."""
        if self.section is None:
            return 0, len(report.text), "全文"
        found = report.reading.section(self.section)
        if found is None:
            return 0, 0, self.section
        return found.body_start, found.body_end, found.heading

    def matches(self, text: str, start: int, end: int):
        """Matches of the compiled pattern, stopped after :data:`REGEX_TIMEOUT`."""
        try:
            return list(self.compiled.finditer(text, start, end, timeout=REGEX_TIMEOUT))
        except TimeoutError:
            raise PatternTimeout from None

    def format(self, **fields: str) -> str:
        """The rule's message with its placeholders filled."""
        return self.message.format_map(fields)


class PatternRule(PackRule):
    """``pattern``: a regex or literal that must not appear."""

    on_normalized: ClassVar[bool] = False
    suggestion: ClassVar[str | None] = None

    def check_applicable(self, report):
        start, end, section = self.scope(report)
        text = report.normalized if self.on_normalized else report.text
        for match in self.matches(text, start, end):
            found = report.text[match.start() : match.end()]
            suggestion = match.expand(self.suggestion) if self.suggestion is not None else ""
            fix = Fix(match.start(), match.end(), suggestion, f"改为“{suggestion}”") if self.suggestion is not None else None
            yield self.diagnostic(self.format(match=found, suggestion=suggestion, section=section), match.start(), match.end(), fix=fix)


class RequiredRule(PackRule):
    """``required``: a phrase or regex that must appear (in a section, if given)."""

    on_normalized: ClassVar[bool] = False
    phrase: ClassVar[str] = ""

    def check_applicable(self, report):
        start, end, section = self.scope(report)
        if self.section is not None and report.reading.section(self.section) is None:
            return  # a missing section is RL101's finding
        text = report.normalized if self.on_normalized else report.text
        if self.matches(text, start, end):
            return
        anchor = report.reading.section(self.section) if self.section else None
        title = report.reading.title
        where = anchor or title
        position = (where.start, where.end) if where is not None else (0, 0)
        yield self.diagnostic(self.format(phrase=self.phrase, section=section), *position)


class SubstitutionRule(PackRule):
    """``substitution``: each wrong term found is reported with its right term."""

    pairs: ClassVar[Mapping[str, str]] = {}

    def check_applicable(self, report):
        start, end, section = self.scope(report)
        for match in self.matches(report.normalized, start, end):
            suggestion = self.pairs[match.group()]
            found = report.text[match.start() : match.end()]
            yield self.diagnostic(
                self.format(found=found, suggestion=suggestion, section=section),
                match.start(),
                match.end(),
                fix=Fix(match.start(), match.end(), suggestion, f"改为“{suggestion}”"),
            )


class VocabularyRule(PackRule):
    """``vocabulary``: rejected terms, except where they are part of an accepted phrase."""

    accept: ClassVar[tuple[str, ...]] = ()

    def check_applicable(self, report):
        start, end, section = self.scope(report)
        text = report.normalized
        accepted = [(match.start(), match.end()) for phrase in self.accept for match in re.finditer(re.escape(phrase), text)]
        for match in self.matches(text, start, end):
            if any(left <= match.start() and match.end() <= right for left, right in accepted):
                continue
            yield self.diagnostic(self.format(match=report.text[match.start() : match.end()], section=section), match.start(), match.end())


class RelationPackRule(PackRule):
    """``relation``: an arithmetic assertion over template cells, evaluated like RL3."""

    relation: ClassVar[RelationSpec]

    def check_applicable(self, report):
        filled = report.reading.filled
        if filled is None:
            return
        specs = {table.spec.id: table.spec for table in filled.tables.values()}
        if self.relation.table not in specs or check_references(self.relation, specs) is not None:
            return  # the report follows a template this relation does not apply to
        for evaluation in violations(self.relation, filled):
            spec = evaluation.table.spec
            related = [
                Related(cell.start, cell.end, f"{spec.cell_name(cell.row, cell.column)} = {cell.value}")
                for cell in evaluation.cells
                if cell.start is not None
            ]
            primary = evaluation.primary
            yield self.diagnostic(self.format(**message_fields(evaluation)), primary.start, primary.end, related=related)


_RULE_CLASSES: dict[str, type[PackRule]] = {
    "pattern": PatternRule,
    "required": RequiredRule,
    "substitution": SubstitutionRule,
    "relation": RelationPackRule,
    "vocabulary": VocabularyRule,
}


def load_pack(path: Path) -> Pack:
    """Load and validate a rule pack; raises :class:`YamlError` naming file, line and reason."""
    pack = load_with_lines([path], lambda documents: _build_pack(*documents[0]))
    if pack.warnings:  # warnings name lines too: parse once more with line numbers
        pack = _build_pack(path, read_yaml(path))
    return pack


def _build_pack(path: Path, document: Any) -> Pack:
    reader = _PackReader(path)
    if not isinstance(document, Mapping):
        raise YamlError(path, None, "规则包应为键值对，且包含 rules 列表")
    for key in document:
        if key not in ("pack", "description", "rules"):
            raise reader.fail(document, key, f"规则包中有未知的键 “{key}”（可用：pack、description、rules）")
    rules_node = document.get("rules")
    if not isinstance(rules_node, list) or not rules_node:
        raise reader.fail(document, "rules" if "rules" in document else None, "规则包需要非空的 rules 列表")
    seen: set[str] = set()
    rules = tuple(reader.rule(node, index, seen) for index, node in enumerate(rules_node))
    return Pack(path, rules, tuple(reader.warnings))

