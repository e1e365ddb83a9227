"""Template specifications: the official report formats as data, loaded from YAML.

A spec file either defines a template (``id``, ``years``, ``sections``,
``tables``, ``relations``) or extends one (``extends: T2021`` plus extra
sections variants, rows, columns, tables and relations). An extension with a
``when:`` table (``province``, ``level``, ``years``, ``template``, ``unknown``,
as a pack rule's) applies only to the reports it describes: a province's extra
rows and relations leave other provinces' reports as they are. Specs are
validated on load; a mistake is a :class:`~reportlint.core.yamlio.YamlError`
naming file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reportlint.core.conditions import Condition, parse_condition
from reportlint.core.diagnostics import Severity
from reportlint.core.values import clip, shown
from reportlint.core.yamlio import YamlError, line_of, load_with_lines
from reportlint.template.expressions import Expression, ExpressionError, parse_expression
from reportlint.template.labels import label_key
from reportlint.text.ordinals import section_number

VALUE_KINDS = ("count", "change", "amount")
FOR_EACH = ("column", "row", "cell", None)


@dataclass(frozen=True)
class SectionSpec:
    """One of the six top-level sections: official heading, accepted variants, keywords."""

    id: str
    heading: str
    number: int
    keywords: tuple[tuple[str, ...], ...]
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnSpec:
    """A value column: id, official label, aliases, value kind and fixed unit."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    kind: str = "count"
    unit: str | None = None
    group: str | None = None

    @property
    def display(self) -> str:
        """The label users see, with its header group (``法人或其他组织/商业企业``)."""
        return f"{self.group}/{self.label}" if self.group else self.label


@dataclass(frozen=True)
class RowSpec:
    """A data row: id, official label, aliases and the group labels above it."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    """A table of the template: its section, title, header texts, columns and rows."""

    id: str
    section: str
    title: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    header: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def column(self, column_id: str) -> ColumnSpec:
        """The column with this id (KeyError if absent)."""
        return self._columns_by_id[column_id]

    def row(self, row_id: str) -> RowSpec:
        """The row with this id (KeyError if absent)."""
        return self._rows_by_id[row_id]

    @cached_property
    def column_ids(self) -> tuple[str, ...]:
        """The ids of the columns, in order (the reader ties a row's values to them)."""
        return tuple(column.id for column in self.columns)

    @cached_property
    def _columns_by_id(self) -> dict[str, ColumnSpec]:
        index: dict[str, ColumnSpec] = {}
        for column in self.columns:
            index.setdefault(column.id, column)
        return index

    @cached_property
    def _rows_by_id(self) -> dict[str, RowSpec]:
        index: dict[str, RowSpec] = {}
        for row in self.rows:
            index.setdefault(row.id, row)
        return index

    @property
    def group_labels(self) -> tuple[str, ...]:
        """Every row-group label (``三、本年度办理结果``, ``（三）不予公开`` …), in order."""
        return tuple(dict.fromkeys(group for row in self.rows for group in row.groups))

    @property
    def display(self) -> str:
        """How messages name the table: ``第三部分表格“收到和处理政府信息公开申请情况”``."""
        number = section_number(int(self.section[1:])) if self.section[1:].isdigit() else ""
        return f"第{number}部分表格“{self.title}”" if number else f"表格“{self.title}”"

    def cell_name(self, row_id: str | None, column_id: str | None) -> str:
        """How messages name a cell: ``“规范性文件”行“对外公开总数量”列`` (parts omitted when unknown)."""
        parts = []
        if row_id is not None:
            label = self.row(row_id).label
            if label:
                parts.append(f"“{label}”行")
        if column_id is not None:
            parts.append(f"“{self.column(column_id).display}”列")
        return "".join(parts)


@dataclass(frozen=True)
class RelationSpec:
    """An arithmetic relation (勾稽关系) over the cells of one table."""

    id: str
    table: str
    expression: Expression
    for_each: str | None
    #: The rule that reports the relation (``RL301``); None for a template extension's own relation, which RL309 reports.
    code: str | None
    #: The severity of a relation without a code (a coded relation takes its rule's severity).
    severity: Severity | None
    description: str
    when: Expression | None = None
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    origin: str = ""


@dataclass(frozen=True)
class TemplateSpec:
    """One official (or provincial) report format."""

    id: str
    title: str
    basis: str
    year_from: int | None
    year_to: int | None
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...]
    relations: tuple[RelationSpec, ...]
    legacy_headings: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()

    def applies_to(self, year: int) -> bool:
        """Whether reports of ``year`` must follow this template."""
        return (self.year_from is None or year >= self.year_from) and (self.year_to is None or year <= self.year_to)

    def table(self, table_id: str) -> TableSpec:
        """The table with this id (KeyError if absent)."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def section(self, section_id: str) -> SectionSpec:
        """The section with this id (KeyError if absent)."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def tables_of(self, section_id: str) -> tuple[TableSpec, ...]:
        """The tables of one section, in order."""
        return tuple(table for table in self.tables if table.section == section_id)

    @cached_property
    def label_parts(self) -> Mapping[str, frozenset[str]]:
        """The key (:func:`~reportlint.template.labels.label_key`) of every table's title, header text and row and column
        label → the parts whose tables have it: a line that reads as one of them is a table's, never prose."""
        parts: dict[str, set[str]] = {}
        for table in self.tables:
            texts = (table.title, *table.header, *(row.label for row in table.rows))
            for text in (*texts, *(column.label for column in table.columns), *(column.group or "" for column in table.columns)):
                key = label_key(text)
                if len(key) >= 2:
                    parts.setdefault(key, set()).add(table.section)
        return MappingProxyType({key: frozenset(sections) for key, sections in parts.items()})


#: Documents every report names in the templates' own words (the regulation, the fee measures its part 六 reports on).
OFFICIAL_NAMES = ("中华人民共和国政府信息公开条例", "政府信息公开信息处理费管理办法")


@dataclass(frozen=True)
class ScopedExtension:
    """A template extension with a ``when:`` condition: applied only to the reports it describes."""

    path: Path
    document: Any
    base: str
    condition: Condition


@dataclass(frozen=True)
class TemplateSet:
    """Every template known to a run, after applying the unconditional extensions.

    ``scoped`` holds the extensions with a ``when:`` condition, applied per report
    (:meth:`with_extensions`) by whoever reads it.
    """

    templates: Mapping[str, TemplateSpec] = field(default_factory=lambda: MappingProxyType({}))
    scoped: tuple[ScopedExtension, ...] = ()
    _variants: dict[tuple[int, ...], TemplateSet] = field(default_factory=dict, compare=False, repr=False)

    def with_extensions(self, chosen: tuple[int, ...]) -> TemplateSet:
        """The templates with the scoped extensions of these indices applied, in order (built once per choice)."""
        if chosen not in self._variants:
            templates = dict(self.templates)
            for index in chosen:
                extension = self.scoped[index]
                templates[extension.base] = extend_template(templates[extension.base], extension.path, extension.document)
            self._variants[chosen] = TemplateSet(MappingProxyType(templates))
        return self._variants[chosen]

    def for_year(self, year: int | None) -> TemplateSpec | None:
        """The template a report of ``year`` must follow (the latest-starting one that applies)."""
        if year is None:
            return None
        applicable = [template for template in self.templates.values() if template.applies_to(year)]
        return max(applicable, key=lambda template: template.year_from or 0, default=None)

    def __iter__(self):
        return iter(self.templates.values())

    def get(self, template_id: str) -> TemplateSpec | None:
        """A template by id."""
        return self.templates.get(template_id)

    def wording(self) -> tuple[str, ...]:
        """Every piece of official wording of the templates: headings and their variants, table titles, header texts, labels.

        Two reports that share only this wording share nothing of their own
        (cross-document copy detection leaves it out).
        """
        texts: dict[str, None] = dict.fromkeys(OFFICIAL_NAMES)
        for template in self.templates.values():
            for section in template.sections:
                texts.update(dict.fromkeys((section.heading, *section.variants)))
            texts.update(dict.fromkeys(template.legacy_headings))
            for table in template.tables:
                texts.update(dict.fromkeys((table.title, *table.header, *table.aliases)))
                for column in table.columns:
                    texts.update(dict.fromkeys((column.label, *column.aliases, *((column.group,) if column.group else ()))))
                for row in table.rows:
                    texts.update(dict.fromkeys((row.label, *row.aliases, *row.groups)))
        return tuple(text for text in texts if text)


class _Reader:
    """Validates one spec document, reporting problems with file and line."""

    def __init__(self, path: Path, document: Any) -> None:
        self.path = path
        self.document = document

    def fail(self, node: Any, key: Any, reason: str) -> YamlError:
        return YamlError(self.path, line_of(node, key), reason)

    def mapping(self, node: Any, where: str, parent: Any = None, key: Any = None) -> Mapping:
        if not isinstance(node, Mapping):
            raise self.fail(parent if parent is not None else node, key, f"{where} 应为键值对（映射）")
        return node

    def sequence(self, node: Any, where: str, parent: Any, key: Any) -> list:
        if node is None:
            return []
        if not isinstance(node, list):
            raise self.fail(parent, key, f"{where} 应为列表")
        return node

    def text(self, node: Mapping, key: str, where: str, required: bool = True) -> str:
        value = node.get(key)
        if value is None or (isinstance(value, str) and not value.strip() and required):
            if required:
                raise self.fail(node, None, f"{where} 缺少 {key}")
            return ""
        if not isinstance(value, (str, int)):
            raise self.fail(node, key, f"{where} 的 {key} 应为文字")
        return str(value)

    def strings(self, node: Mapping, key: str, where: str) -> tuple[str, ...]:
        values = self.sequence(node.get(key), f"{where} 的 {key}", node, key)
        if not all(isinstance(value, str) for value in values):
            raise self.fail(node, key, f"{where} 的 {key} 应为文字列表")
        return tuple(str(value) for value in values)

    def check_keys(self, node: Mapping, allowed: Iterable[str], where: str) -> None:
        from reportlint.core.suggest import unknown_name

        allowed = tuple(allowed)
        for key in node:
            if key not in allowed:
                raise self.fail(node, key, f"{where} 中有未知的键 {unknown_name(str(key), allowed)}")

    def section(self, node: Any, number: int) -> SectionSpec:
        node = self.mapping(node, "sections 的每一项")
        self.check_keys(node, ("id", "heading", "keywords", "variants"), "章节")
        identifier = self.text(node, "id", "章节")
        keywords_node = self.sequence(node.get("keywords"), "keywords", node, "keywords")
        keywords = []
        for group in keywords_node:
            group = group if isinstance(group, list) else [group]
            keywords.append(tuple(str(word) for word in group))
        return SectionSpec(
            id=identifier,
            heading=self.text(node, "heading", f"章节 {identifier}"),
            number=number,
            keywords=tuple(keywords),
            variants=self.strings(node, "variants", f"章节 {identifier}"),
        )

    def column(self, node: Any, table: str) -> ColumnSpec:
        node = self.mapping(node, f"表 {table} 的列")
        self.check_keys(node, ("id", "label", "aliases", "kind", "unit", "group"), f"表 {table} 的列")
        identifier = self.text(node, "id", f"表 {table} 的列")
        kind = node.get("kind", "count")
        if kind not in VALUE_KINDS:
            raise self.fail(node, "kind", f"列 {identifier} 的 kind 只能是 {'、'.join(VALUE_KINDS)}，实际为 {shown(kind)}")
        return ColumnSpec(
            id=identifier,
            label=self.text(node, "label", f"列 {identifier}"),
            aliases=self.strings(node, "aliases", f"列 {identifier}"),
            kind=kind,
            unit=self.text(node, "unit", f"列 {identifier}", required=False) or None,
            group=self.text(node, "group", f"列 {identifier}", required=False) or None,
        )

    def row(self, node: Any, table: str) -> RowSpec:
        node = self.mapping(node, f"表 {table} 的行")
        self.check_keys(node, ("id", "label", "aliases", "groups", "after"), f"表 {table} 的行")
        identifier = self.text(node, "id", f"表 {table} 的行")
        label = node.get("label", None)
        if label is None:
            raise self.fail(node, None, f"行 {identifier} 缺少 label")
        return RowSpec(
            id=identifier,
            label=str(label),
            aliases=self.strings(node, "aliases", f"行 {identifier}"),
            groups=self.strings(node, "groups", f"行 {identifier}"),
        )

    def table(self, node: Any) -> TableSpec:
        node = self.mapping(node, "tables 的每一项")
        self.check_keys(node, ("id", "section", "title", "header", "aliases", "columns", "rows"), "表")
        identifier = self.text(node, "id", "表")
        columns = tuple(self.column(item, identifier) for item in self.sequence(node.get("columns"), "columns", node, "columns"))
        rows = tuple(self.row(item, identifier) for item in self.sequence(node.get("rows"), "rows", node, "rows"))
        if not columns or not rows:
            raise self.fail(node, None, f"表 {identifier} 至少需要一列和一行")
        self.unique([column.id for column in columns], node, f"表 {identifier} 的列")
        self.unique([row.id for row in rows], node, f"表 {identifier} 的行")
        return TableSpec(
            id=identifier,
            section=self.text(node, "section", f"表 {identifier}"),
            title=self.text(node, "title", f"表 {identifier}"),
            columns=columns,
            rows=rows,
            header=self.strings(node, "header", f"表 {identifier}"),
            aliases=self.strings(node, "aliases", f"表 {identifier}"),
        )

    def unique(self, identifiers: Sequence[str], node: Any, where: str) -> None:
        seen = set()
        for identifier in identifiers:
            if identifier in seen:
                raise self.fail(node, None, f"{where} 中 id “{identifier}” 重复")
            seen.add(identifier)

    def relation(self, node: Any, tables: Mapping[str, TableSpec]) -> RelationSpec:
        node = self.mapping(node, "relations 的每一项")
        self.check_keys(
            node, ("id", "code", "table", "for_each", "assert", "when", "severity", "description", "rows", "columns"), "勾稽关系"
        )
        identifier = self.text(node, "id", "勾稽关系")
        code = self.text(node, "code", f"勾稽关系 {identifier}", required=False) or None
        if code is not None and "severity" in node:
            raise self.fail(
                node,
                "severity",
                f"勾稽关系 {identifier} 由规则 {code} 报告，级别由该规则决定（在配置的 [severity] 中修改），不要再写 severity",
            )
        table_id = self.text(node, "table", f"勾稽关系 {identifier}")
        if table_id not in tables:
            raise self.fail(node, "table", f"勾稽关系 {identifier} 引用了不存在的表 “{table_id}”")
        for_each = node.get("for_each")
        if for_each not in FOR_EACH:
            raise self.fail(node, "for_each", f"for_each 只能是 column、row 或 cell，实际为 {shown(for_each)}")
        try:
            expression = parse_expression(self.text(node, "assert", f"勾稽关系 {identifier}"))
            when = parse_expression(str(node["when"])) if node.get("when") is not None else None
            severity = None if code is not None else Severity.parse(node.get("severity", "error"))
        except (ExpressionError, ValueError) as error:
            raise self.fail(node, None, f"勾稽关系 {identifier}：{error}") from None
        relation = RelationSpec(
            id=identifier,
            table=table_id,
            expression=expression,
            for_each=for_each,
            code=code,
            severity=severity,
            description=self.text(node, "description", f"勾稽关系 {identifier}", required=False) or expression.source,
            when=when,
            rows=self.strings(node, "rows", f"勾稽关系 {identifier}"),
            columns=self.strings(node, "columns", f"勾稽关系 {identifier}"),
            origin=str(self.path),
        )
        problem = check_references(relation, tables)
        if problem:
            raise self.fail(node, "assert", f"勾稽关系 {identifier}：{problem}")
        return relation


def check_references(relation: RelationSpec, tables: Mapping[str, TableSpec]) -> str | None:
    """Why the relation's names do not resolve in its table (``None`` when they all do)."""
    table = tables[relation.table]
    row_ids = {row.id for row in table.rows}
    column_ids = {column.id for column in table.columns}
    expressions = [relation.expression] + ([relation.when] if relation.when else [])
    for expression in expressions:
        for reference in expression.references:
            if len(reference) == 1:
                name = reference[0]
                allowed = {
                    "column": row_ids,
                    "row": column_ids,
                    "cell": {"value"},
                    None: set(),
                }[relation.for_each]
                if name not in allowed:
                    hint = "（没有 for_each 时请写“行.列”）" if relation.for_each is None else ""
                    return f"名字 “{name}” 不是表 {table.id} 中可用的{'行' if relation.for_each == 'column' else '列' if relation.for_each == 'row' else '名字'}{hint}"
            elif len(reference) == 2:
                row, column = reference
                if row not in row_ids or column not in column_ids:
                    return f"单元格 “{row}.{column}” 不在表 {table.id} 中"
            elif len(reference) == 3:
                other, row, column = reference
                if (
                    other not in tables
                    or row not in {r.id for r in tables[other].rows}
                    or column not in {c.id for c in tables[other].columns}
                ):
                    return f"单元格 “{other}.{row}.{column}” 不存在"
            else:
                return f"名字 “{'.'.join(reference)}” 层级过多"
    for row in relation.rows:
        if row not in row_ids:
            return f"rows 中的 “{row}” 不是表 {table.id} 的行"
    for column in relation.columns:
        if column not in column_ids:
            return f"columns 中的 “{column}” 不是表 {table.id} 的列"
    return None


_TEMPLATE_KEYS = ("id", "title", "basis", "years", "sections", "legacy_headings", "tables", "relations")
_EXTENSION_KEYS = ("extends", "when", "sections", "legacy_headings", "tables", "relations")


def _years(reader: _Reader, node: Mapping) -> tuple[int | None, int | None]:
    years = node.get("years")
    if years is None:
        return None, None
    years = reader.mapping(years, "years", node, "years")
    reader.check_keys(years, ("from", "to"), "years")
    bounds = []
    for key in ("from", "to"):
        value = years.get(key)
        if value is not None and not isinstance(value, int):
            raise reader.fail(years, key, f"years.{key} 应为年份（整数）")
        bounds.append(value)
    return bounds[0], bounds[1]


def parse_template(path: Path, document: Any) -> TemplateSpec:
    """Build a new template from a spec document (no ``extends``)."""
    reader = _Reader(path, document)
    node = reader.mapping(document, "模板文件")
    reader.check_keys(node, _TEMPLATE_KEYS, "模板文件")
    identifier = reader.text(node, "id", "模板文件")
    sections = tuple(
        reader.section(item, number)
        for number, item in enumerate(reader.sequence(node.get("sections"), "sections", node, "sections"), start=1)
    )
    tables = tuple(reader.table(item) for item in reader.sequence(node.get("tables"), "tables", node, "tables"))
    reader.unique([table.id for table in tables], node, "tables")
    by_id = {table.id: table for table in tables}
    relations = tuple(reader.relation(item, by_id) for item in reader.sequence(node.get("relations"), "relations", node, "relations"))
    year_from, year_to = _years(reader, node)
    return TemplateSpec(
        id=identifier,
        title=reader.text(node, "title", "模板文件", required=False) or identifier,
        basis=reader.text(node, "basis", "模板文件", required=False),
        year_from=year_from,
        year_to=year_to,
        sections=sections,
        tables=tables,
        relations=relations,
        legacy_headings=reader.strings(node, "legacy_headings", "模板文件"),
        origins=(str(path),),
    )


def extend_template(base: TemplateSpec, path: Path, document: Any) -> TemplateSpec:
    """Apply an ``extends:`` document to ``base``: new variants, rows, columns, tables, relations."""
    reader = _Reader(path, document)
    node = reader.mapping(document, "模板扩展文件")
    reader.check_keys(node, _EXTENSION_KEYS, "模板扩展文件")
    sections = {section.id: section for section in base.sections}
    for item in reader.sequence(node.get("sections"), "sections", node, "sections"):
        item = reader.mapping(item, "sections 的每一项")
        reader.check_keys(item, ("id", "variants"), "章节扩展")
        identifier = reader.text(item, "id", "章节扩展")
        if identifier not in sections:
            raise reader.fail(item, "id", f"模板 {base.id} 没有章节 “{identifier}”")
        sections[identifier] = replace(
            sections[identifier], variants=sections[identifier].variants + reader.strings(item, "variants", "章节扩展")
        )
    tables = {table.id: table for table in base.tables}
    order = [table.id for table in base.tables]
    for item in reader.sequence(node.get("tables"), "tables", node, "tables"):
        item = reader.mapping(item, "tables 的每一项")
        identifier = reader.text(item, "id", "表")
        if identifier in tables:
            tables[identifier] = _extend_table(reader, tables[identifier], item)
        else:
            tables[identifier] = reader.table(item)
            order.append(identifier)
    relations = list(base.relations)
    known = {relation.id for relation in relations}
    for item in reader.sequence(node.get("relations"), "relations", node, "relations"):
        relation = reader.relation(item, tables)
        if relation.id in known:
            raise reader.fail(item, "id", f"模板 {base.id} 已有勾稽关系 “{relation.id}”")
        known.add(relation.id)
        relations.append(relation)
    return replace(
        base,
        sections=tuple(sections[section.id] for section in base.sections),
        tables=tuple(tables[identifier] for identifier in order),
        relations=tuple(relations),
        legacy_headings=base.legacy_headings + reader.strings(node, "legacy_headings", "模板扩展文件"),
        origins=(*base.origins, str(path)),
    )


def _extend_table(reader: _Reader, table: TableSpec, node: Mapping) -> TableSpec:
    reader.check_keys(node, ("id", "columns", "rows", "header"), f"表 {table.id} 的扩展")
    rows = list(table.rows)
    for item in reader.sequence(node.get("rows"), "rows", node, "rows"):
        row = reader.row(item, table.id)
        if any(existing.id == row.id for existing in rows):
            raise reader.fail(item, "id", f"表 {table.id} 已有行 “{row.id}”")
        after = item.get("after") if isinstance(item, Mapping) else None
        if after is None:
            rows.append(row)
            continue
        positions = [index for index, existing in enumerate(rows) if existing.id == after]
        if not positions:
            raise reader.fail(item, "after", f"表 {table.id} 没有行 “{after}”")
        rows.insert(positions[0] + 1, row)
    columns = list(table.columns)
    for item in reader.sequence(node.get("columns"), "columns", node, "columns"):
        column = reader.column(item, table.id)
        if any(existing.id == column.id for existing in columns):
            raise reader.fail(item, "id", f"表 {table.id} 已有列 “{column.id}”")
        columns.append(column)
    return replace(table, rows=tuple(rows), columns=tuple(columns), header=table.header + reader.strings(node, "header", "表"))


def load_templates(paths: Sequence[Path]) -> TemplateSet:
    """Load template files in order: definitions first, then extensions in the given order."""
    return load_with_lines(paths, _build_templates)


def _yaml_error(path: Path, node: Any, key: Any, reason: str) -> YamlError:
    return YamlError(path, line_of(node, key), reason)


def _build_templates(documents: list[tuple[Path, Any]]) -> TemplateSet:
    """Definitions first, then unconditional extensions in order; extensions with ``when:`` are validated and kept aside."""
    templates: dict[str, TemplateSpec] = {}
    scoped: list[ScopedExtension] = []
    for path, document in documents:
        if isinstance(document, Mapping) and "extends" not in document:
            template = parse_template(path, document)
            if template.id in templates:
                raise YamlError(path, line_of(document, "id"), f"模板 “{template.id}” 已由 {templates[template.id].origins[0]} 定义")
            templates[template.id] = template
    for path, document in documents:
        if isinstance(document, Mapping) and "extends" in document:
            base_id = str(document["extends"])
            if base_id not in templates:
                from reportlint.core.suggest import did_you_mean

                raise YamlError(
                    path, line_of(document, "extends"), f"要扩展的模板 “{clip(base_id)}” 不存在{did_you_mean(base_id, templates)}"
                )
            if document.get("when") is not None:
                condition = parse_condition(document["when"], partial(_yaml_error, path), document)
                extend_template(templates[base_id], path, document)  # validated now, applied per report
                scoped.append(ScopedExtension(path, document, base_id, condition))
                continue
            templates[base_id] = extend_template(templates[base_id], path, document)
        elif not isinstance(document, Mapping):
            raise YamlError(path, None, "模板文件应为键值对（映射）")
    return TemplateSet(MappingProxyType(templates), tuple(scoped))


@lru_cache(maxsize=1)
def shipped_template_set() -> TemplateSet:
    """The official templates shipped with reportlint (T2019, T2021), loaded once per process."""
    from reportlint.core.resources import shipped_templates

    return load_templates(shipped_templates())
