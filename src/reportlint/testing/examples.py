"""Runnable rule documentation: a rule's 反例 and 正例, spliced into a clean sample report and checked.

Every rule's docstring ends with a bad example (反例, the rule must report it)
and a good one (正例, it must not). An example is a short fragment of a report,
not a whole one: :func:`check_rule_examples` builds a clean, balanced sample
report (:class:`~reportlint.testing.reports.SampleReport`, 陇城镇's 2021 report
unless the example says otherwise), puts the fragment in the place it names and
lints the result with the rule. What the fragment shows replaces that part of
the report; everything else stays as in the clean report.

How a fragment's lines are read (one line is one paragraph, row or heading):

* **Prose** becomes a paragraph at the end of 一、总体情况, or of the section
  whose heading comes before it in the fragment.
* **A section heading** (``四、因政府信息公开工作被申请行政复议……``) replaces the
  heading of the section it names (by its text, else by its number). The lines
  under it are that section's whole content; a line ``……`` stands for the
  clean report's content there (its paragraphs and table). A heading followed
  directly by another heading has no content. With two or more headings the
  fragment lists the report's sections: only these, in this order (a missing
  part, parts out of order).
* **A title** (a line ending in ``…年度报告``) replaces the title; the lines
  between it and the first heading are the whole text before section 一 (so a
  title followed directly by a heading has no period sentence). Lines before a
  title are page chrome above it. Several titles and nothing else are several
  examples, checked one by one.
* **A table row**: a label and values separated by two spaces or a tab
  (``行政规范性文件  1  0  5``). It replaces the values of the row with that
  label (``一、本年新收…`` matches by its beginning); ``（空）`` is a blank cell,
  ``…`` keeps the remaining values, fewer values leave cells out, more add
  values after the last column. A row without a label is the row after the
  previous one (or the only row of 第四部分). A header row starting with
  ``信息内容`` rewrites the column headers and chooses the template whose table
  has these columns (a 2021 report with the 2019 table).
* **A date line** (``2021年3月15日``) is the signature date; a body name just
  above it is the signature.
* **Context lines**, a whole line in full-width brackets (the same may stand in
  the label: ``反例（秦安县兴国镇的报告）：``, and a 反例's context also holds for
  the 正例 after it): ``（2020年度报告）`` the report's year (2019 and 2020 use
  the 2019 template); ``（秦安县兴国镇的报告）`` the reporting body (found in the
  gazetteer); ``（第三部分表格）`` the rows that follow belong to that table,
  ``（第三部分表格，其余各行为 0）`` writes 0 in every cell the fragment does not
  give, ``（第三部分表格缺少“3.要求提供公开出版物”行）`` leaves a row out;
  ``（引言）`` the lines that follow are the text before section 一;
  ``（标题）`` the lines that follow are the title, one line each;
  ``（没有标题）`` the report has no title; ``（文本到此中断）`` the report's
  text stops after the fragment's last line (a page cut off). Any other bracketed line, or a
  bracketed note after two spaces at the end of a line, is an explanation for
  readers and is left out.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportlint.template.labels import is_truncation, label_key, strip_ordinal
from reportlint.template.spec import TableSpec, TemplateSet, TemplateSpec, shipped_template_set
from reportlint.testing.reports import SUBJECTS, SampleReport, SampleSubject, render
from reportlint.text.ordinals import chinese_number
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.core.diagnostics import Diagnostic
    from reportlint.core.rule import Rule

#: The two kinds of example and whether the rule must report them.
KINDS = {"反例": True, "正例": False}

_LABEL = compiled(r"^(反例|正例)(?:[（(](?P<qualifier>.*)[）)])?\s*[：:]\s*$")
_NOTE_START = compiled(r"(?:\s{2,}|\t)（")
_PLACEHOLDER = ("……", "…", "...", "⋯⋯")
_YEAR_MARKER = compiled(r"^((?:19|20)\d\d)\s*年度?(?:报告)?中?$")
_SUBJECT_MARKER = compiled(r"^(?P<name>\S+?)的报告$")
_TABLE_MARKER = compiled(r"^第(?P<section>[二三四])部分(?:的)?表格(?P<rest>.*)$")
_DROPPED_ROW = compiled(r"缺少?[“\"](?P<label>[^”\"]+)[”\"]行")
_ZEROS = compiled(r"(?:其余|其他|全部|全表|各行|均).{0,6}为\s*0")
_HEADING = compiled(r"^(?P<number>[一二三四五六七八九十])\s*[、.．]\s*\S")
_DATE_LINE = compiled(r"^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_ORGAN_LINE = compiled(r"^[^\s，。；：,;:]{2,30}(?:人民政府|办事处|政府|局|委员会|委|办公室|厅)$")
_YEAR = compiled(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_VALUE = compiled(r"^(?:（空）|空|无|-|—|－|/|／|…|……|[+\-－]?\d+(?:\.\d+)?(?:万元|千元|亿元|元|件|个|条)?)$")
_LABEL_SPLIT = compiled(r"\t+|\s{2,}|\u3000+")
_ORGAN_SUFFIXES = ("人民政府", "办事处", "政府")


@dataclass(frozen=True)
class RuleExample:
    """One 反例 or 正例 of a rule's documentation: its kind, the text in brackets after the label, its lines."""

    kind: str
    qualifier: str
    lines: tuple[str, ...]

    @property
    def must_fire(self) -> bool:
        """Whether the rule must report this example (a 反例)."""
        return KINDS[self.kind]

    @property
    def text(self) -> str:
        """The example as the documentation shows it."""
        return "\n".join(self.lines)


def rule_examples(rule: type[Rule]) -> list[RuleExample]:
    """The 反例 and 正例 blocks of a rule's documentation, in order.

    A block is the indented text after a line ``反例：`` or ``正例：`` (optionally
    ``反例（秦安县兴国镇的报告）：``), up to the next line that is not indented.
    """
    return parse_examples(rule.documentation())


def parse_examples(documentation: str) -> list[RuleExample]:
    """The 反例 and 正例 blocks of a documentation text (see :func:`rule_examples`)."""
    lines = documentation.splitlines()
    examples = []
    index = 0
    while index < len(lines):
        label = _LABEL.match(lines[index].strip()) if not lines[index][:1].isspace() else None
        index += 1
        if label is None:
            continue
        block = []
        while index < len(lines) and (not lines[index].strip() or lines[index][:1].isspace()):
            block.append(lines[index])
            index += 1
        body = [line.rstrip() for line in textwrap.dedent("\n".join(block)).splitlines() if line.strip()]
        examples.append(RuleExample(label.group(1), (label.group("qualifier") or "").strip(), tuple(body)))
    return examples


# --------------------------------------------------------------------------- reading a fragment


@dataclass
class _Body:
    """The lines a fragment gives for one place of the report (a section, the intro): prose around ``……``."""

    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    keeps_clean: bool = False
    has_rows: bool = False
    shown: bool = False

    def add(self, line: str) -> None:
        (self.after if self.keeps_clean else self.before).append(line)

    def paragraphs(self, clean: Sequence[str]) -> list[str]:
        return [*self.before, *(clean if self.keeps_clean else ()), *self.after]


@dataclass
class _RowEdit:
    table: str
    row: str
    label: str | None
    values: list[str]


@dataclass
class Fragment:
    """A fragment read: its context (year, subject, template) and the edits that splice it into a sample report."""

    lines: tuple[str, ...]
    year: int | None = None
    subject: str | None = None
    template: TemplateSpec | None = None
    title: list[str] = field(default_factory=list)
    no_title: bool = False
    preamble: list[str] = field(default_factory=list)
    intro: _Body | None = None
    headings: list[tuple[str, str, _Body]] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    rows: list[_RowEdit] = field(default_factory=list)
    headers: list[tuple[str, list[str]]] = field(default_factory=list)
    zeroed: set[str] = field(default_factory=set)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    signature: str | None = None
    date: str | None = None
    shown: list[str] = field(default_factory=list)
    #: ``（文本到此中断）``: the text stops after the fragment's last line.
    cut: bool = False


class ExampleError(ValueError):
    """A fragment that cannot be placed in a report (the message says which line and why)."""


def _strip_note(line: str) -> str:
    """The line without a bracketed note after two spaces at its end (``0  0    （缺“（一）予以公开”）``)."""
    for match in _NOTE_START.finditer(line):
        note = line[match.end() - 1 :].rstrip()
        if note != "（空）" and _closes_at_end(note):
            return line[: match.start()].rstrip()
    return line.rstrip()


def _closes_at_end(text: str) -> bool:
    """Whether ``text`` is one bracketed group: its first ``（`` closes with its last character."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "（") - (char == "）")
        if depth == 0:
            return index == len(text) - 1
    return False


def _bracketed(line: str) -> str | None:
    """The inside of a line that is one full-width bracket (``（2020年度报告）`` → ``2020年度报告``)."""
    if line.startswith("（") and line.endswith("）") and line.find("）") == len(line) - 1:
        return line[1:-1].strip()
    return None


def _is_title(line: str) -> bool:
    compact = "".join(line.split())
    return (
        len(compact) <= 80
        and "。" not in compact
        and compact.endswith("报告")
        and any(word in compact for word in ("年度报告", "工作报告", "信息公开", "政务公开"))
    )


def _is_title_part(line: str) -> bool:
    """A title's first line when the title is broken over two (no punctuation, the topic or a year)."""
    compact = "".join(line.split())
    return (
        len(compact) <= 60
        and not re.search(r"[。，；：:,;>]", compact)
        and (bool(_YEAR.search(compact)) or "信息公开" in compact or "政务公开" in compact)
    )


def example_fragments(example: RuleExample) -> list[tuple[str, ...]]:
    """The fragments an example holds: one, or one per title when it lists several titles and nothing else."""
    content = [_strip_note(line) for line in example.lines]
    kept = [line for line in content if line and _bracketed(line) is None]
    if len(kept) >= 2 and all(_is_title(line) for line in kept):
        context = tuple(line for line in content if _bracketed(line) is not None)
        return [(*context, line) for line in kept]
    return [tuple(example.lines)]


def read_fragment(lines: Sequence[str], template_set: TemplateSet | None = None, qualifiers: Sequence[str] = ()) -> Fragment:
    """Read a fragment's lines into a :class:`Fragment` (see the module documentation for the convention)."""
    templates = template_set if template_set is not None else shipped_template_set()
    fragment = Fragment(tuple(lines))
    content = [_strip_note(line) for line in lines]
    content = [line for line in content if line]
    title_at = next((index for index, line in enumerate(content) if _bracketed(line) is None and _is_title(line)), None)
    # First the report's year and template: context lines, the title's year, header rows.
    for text in (*qualifiers, *(_bracketed(line) or "" for line in content)):
        year = _YEAR_MARKER.match(text)
        if year:
            fragment.year = int(year.group(1))
    if fragment.year is None and title_at is not None:
        fragment.year = _title_year(content[max(0, title_at - 1) : title_at + 1])
    fragment.headers = [(line, [part for part in _LABEL_SPLIT.split(line) if part][1:]) for line in content if line.startswith("信息内容")]
    fragment.template = _choose_template(fragment, templates, fragment.year or 2021)
    for qualifier in qualifiers:
        _context(fragment, qualifier, templates, None)
    place: _Body | None = None  # where prose goes: the intro or a section's body; None: the end of 一
    table_context: tuple[str, ...] | None = None  # the tables rows belong to (section or table ids)
    previous_row: tuple[str, str] | None = None
    index = 0
    while index < len(content):
        line = content[index]
        marker = _bracketed(line)
        if marker is not None:
            table_context = _context(fragment, marker, templates, table_context) or table_context
            if marker == "引言":
                fragment.intro = place = _Body(shown=True)
            elif marker == "标题":
                index += 1
                while index < len(content) and _bracketed(content[index]) is None and not _HEADING.match(content[index]):
                    fragment.title.append(content[index])
                    fragment.shown.append(content[index])
                    index += 1
                fragment.intro = place = _Body()
                continue
            index += 1
            continue
        if title_at is not None and index < title_at:
            if index == title_at - 1 and _is_title_part(line) and not fragment.preamble:
                fragment.title.append(line)
            else:
                fragment.preamble.append(line)
            fragment.shown.append(line)
            index += 1
            continue
        if index == title_at:
            fragment.title.append(line)
            fragment.shown.append(line)
            fragment.intro = place = _Body()
            index += 1
            continue
        if line in _PLACEHOLDER:
            if place is not None:
                place.keeps_clean = True
            index += 1
            continue
        if _DATE_LINE.match(line):
            fragment.date = line
            fragment.shown.append(line)
            index += 1
            continue
        if _ORGAN_LINE.match(line) and index + 1 < len(content) and _DATE_LINE.match(content[index + 1]):
            fragment.signature = line
            fragment.shown.append(line)
            index += 1
            continue
        row = _row(line, templates, fragment, table_context, previous_row)
        if row is not None:
            if isinstance(row, _RowEdit):
                fragment.rows.append(row)
                previous_row = (row.table, row.row)
                if place is not None:
                    place.has_rows = True
            else:
                previous_row = row
            index += 1
            continue
        heading = _heading(line, templates, fragment)
        if heading is not None:
            place = _Body(shown=True)
            fragment.headings.append((heading, line, place))
            fragment.shown.append(line)
            if fragment.intro is not None and not fragment.intro.shown and not fragment.intro.before and not fragment.intro.keeps_clean:
                fragment.intro.shown = True  # a title followed directly by a heading: nothing in between
            table_context = (heading,)
            previous_row = None
            index += 1
            continue
        if place is not None:
            place.add(line)
            place.shown = True
        else:
            fragment.prose.append(line)
        fragment.shown.append(line)
        index += 1
    return fragment


def _context(fragment: Fragment, marker: str, templates: TemplateSet, table_context: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Apply a context line; returns the table context it opens (section id), if any."""
    year = _YEAR_MARKER.match(marker)
    if year:
        fragment.year = int(year.group(1))
        return None
    if marker == "没有标题":
        fragment.no_title = True
        return None
    if marker == "文本到此中断":
        fragment.cut = True
        return None
    table = _TABLE_MARKER.match(marker)
    if table:
        section = f"s{chinese_number(table.group('section'))}"
        rest = table.group("rest")
        if _ZEROS.search(rest):
            fragment.zeroed.add(section)
        dropped = _DROPPED_ROW.search(rest)
        if dropped:
            spec = _template(fragment, templates)
            found = _find_row(spec, (section,), dropped.group("label"), ())
            if found is None:
                raise ExampleError(f"“{marker}”：第{table.group('section')}部分表格中没有“{dropped.group('label')}”行")
            fragment.dropped.append(found)
        return (section,)
    subject = _SUBJECT_MARKER.match(marker)
    if subject and not _YEAR.search(marker):
        fragment.subject = subject.group("name")
    return None


def _template(fragment: Fragment, templates: TemplateSet) -> TemplateSpec:
    return fragment.template or _template_for_year(templates, fragment.year or 2021)


def _template_for_year(templates: TemplateSet, year: int) -> TemplateSpec:
    spec = templates.for_year(year) or templates.get("T2021" if year >= 2021 else "T2019")
    assert spec is not None, "no template for the year"
    return spec


def _title_year(lines: Sequence[str]) -> int | None:
    found = _YEAR.search("".join(lines))
    return int(found.group(1)) if found else None


def _heading(line: str, templates: TemplateSet, fragment: Fragment) -> str | None:
    """The section id a heading line names, or None when the line is not a section heading."""
    match = _HEADING.match(line)
    if match is None or "。" in line or len(line) > 50:
        return None
    spec = _template(fragment, templates)
    key = strip_ordinal(label_key(line))
    for section in spec.sections:
        if any(strip_ordinal(label_key(text)) == key for text in (section.heading, *section.variants)):
            return section.id
    number = chinese_number(match.group("number"))
    if number is None or not 1 <= number <= len(spec.sections):
        return None
    return spec.sections[number - 1].id


def _fields(line: str) -> tuple[list[str], list[str]] | None:
    """A table row's label fields and values; None when the line does not end in values."""
    tokens = line.split()
    count = 0
    while count < len(tokens) and _VALUE.match(tokens[len(tokens) - 1 - count]):
        count += 1
    if count == 0:
        return None
    values = tokens[len(tokens) - count :]
    label_part = line
    for token in reversed(values):
        label_part = label_part[: label_part.rstrip().rfind(token)]
    labels = [part for part in _LABEL_SPLIT.split(label_part.strip()) if part]
    return labels, values


def _row(
    line: str,
    templates: TemplateSet,
    fragment: Fragment,
    context: tuple[str, ...] | None,
    previous: tuple[str, str] | None,
) -> _RowEdit | tuple[str, str] | None:
    """A row edit, a position (a group label line in a table), or None when the line is not part of a table."""
    spec = _template(fragment, templates)
    sections = tuple(item for item in context or () if item.startswith("s") and len(item) == 2)
    if line.startswith("信息内容"):
        return previous or ("", "")
    if context is not None and any(table.title == line for table in spec.tables):
        return previous or ("", "")
    if context is not None:
        group = _find_group(spec, sections, line)
        if group is not None:
            return group
    parsed = _fields(line)
    if parsed is None:
        return None
    labels, values = parsed
    if not labels:
        if context is None:
            return None
        position = _next_row(spec, sections, previous)
        if position is None:
            raise ExampleError(f"“{line}”：这一行没有行标签，也不能按位置对应到表格中的行")
        return _RowEdit(position[0], position[1], "", values)
    found = _find_row(spec, sections, labels[-1], labels[:-1])
    if found is None:
        written_as_row = bool(re.search(r"(?:\t|\s{2,})\S+$", line)) and "。" not in line
        if written_as_row or (context is not None and sections and not any("。" in label for label in labels)):
            raise ExampleError(f"“{line}”：{spec.id} 格式的表格中没有行标签为“{labels[-1]}”的行")
        return None
    label = labels[-1]
    official = spec.table(found[0]).row(found[1]).label
    written = None if _without_ellipsis(label) != label or label == official else label
    return _RowEdit(found[0], found[1], written, values)


def _without_ellipsis(label: str) -> str:
    """A label written as its beginning (``一、本年新收…``) without the ellipsis."""
    for ellipsis in ("……", "…", "..."):
        if label.endswith(ellipsis):
            return label[: -len(ellipsis)]
    return label


def _tables_in(spec: TemplateSpec, sections: Sequence[str]) -> list[TableSpec]:
    return [table for table in spec.tables if not sections or table.section in sections]


def _find_group(spec: TemplateSpec, sections: Sequence[str], line: str) -> tuple[str, str] | None:
    """The row before the first row of a row group named by a line (``三、本年度办理结果``), as a position."""
    key = label_key(line)
    for table in _tables_in(spec, sections):
        for offset, row in enumerate(table.rows):
            if any(label_key(group) == key for group in row.groups):
                return (table.id, table.rows[offset - 1].id) if offset else (table.id, "")
    return None


def _next_row(spec: TemplateSpec, sections: Sequence[str], previous: tuple[str, str] | None) -> tuple[str, str] | None:
    if previous and previous[0]:
        table = spec.table(previous[0])
        ids = [row.id for row in table.rows]
        if not previous[1]:
            return table.id, ids[0]
        position = ids.index(previous[1]) + 1
        return (table.id, ids[position]) if position < len(ids) else None
    tables = _tables_in(spec, sections)
    return (tables[0].id, tables[0].rows[0].id) if tables else None


def _find_row(spec: TemplateSpec, sections: Sequence[str], label: str, groups: Sequence[str]) -> tuple[str, str] | None:
    """The (table, row) a written row label names: the same label, without its ordinal, or its beginning."""
    bare = _without_ellipsis(label)
    prefix = bare != label
    key = label_key(bare)
    group_keys = [label_key(group) for group in groups]
    matchers = (
        lambda keys: not prefix and key in keys,
        lambda keys: not prefix and strip_ordinal(key) in [strip_ordinal(item) for item in keys],
        lambda keys: any(is_truncation(key, item, 2) or is_truncation(strip_ordinal(key), strip_ordinal(item), 2) for item in keys),
    )
    for matches in matchers:  # the same label first, then without its ordinal, then its beginning
        found = []
        for table in _tables_in(spec, sections):
            for row in table.rows:
                if group_keys and not all(any(label_key(group) == wanted for group in row.groups) for wanted in group_keys):
                    continue
                if matches([label_key(text) for text in (row.label, *row.aliases) if text]):
                    found.append((table.id, row.id))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ExampleError(
                f"行标签“{label}”可以指{len(found)}行，请写出完整的行标签或其上级标签（如“（五）不予处理  3.要求提供公开出版物”）"
            )
    return None


# --------------------------------------------------------------------------- building the report


def sample_subject(name: str) -> SampleSubject:
    """A sample reporting body from its name (``秦安县兴国镇``, ``兴国镇人民政府``, ``秦安县教育局``), placed by the gazetteer.

    A name the gazetteer does not know (``某镇``) keeps the places of the first sample subject.
    """
    from reportlint.places.gazetteer import Gazetteer

    for subject in SUBJECTS:
        if name in (subject.short, subject.name, subject.title_name):
            return subject
    short = name
    for suffix in _ORGAN_SUFFIXES:
        if short.endswith(suffix) and len(short) > len(suffix) + 1:
            short = short[: -len(suffix)]
            break
    level = _level_of(short)
    gazetteer = Gazetteer.default()
    mentions = gazetteer.scan(short)
    default = SUBJECTS[0]
    if not mentions:
        return SampleSubject(short, level, default.county, default.city, default.province)
    body = mentions[-1] if level != "部门" else None
    named = [gazetteer.lookup(mention.name) for mention in mentions]
    target = named[-1]
    if len(named) > 1:  # parents written before the body: keep the candidates under them
        written = {mention.name for mention in mentions[:-1]}
        target = tuple(place for place in target if written <= {parent.name for parent in gazetteer.parents(place)}) or target
    place = sorted(target, key=lambda place: place.code)[0]
    chain = [*gazetteer.parents(place), place]
    names = [item.name for item in chain]
    province = names[0]
    city = names[1] if len(names) > 1 else names[0]
    county = next((item.name for item in chain if item.level == 3), city)
    if body is not None and place.level == 4:
        return SampleSubject(body.name, level if level != "部门" else "镇", county, city, province)
    if level == "部门":
        return SampleSubject(short, "部门", county, city, province)
    return SampleSubject(short, level, county, city, province)


def _level_of(name: str) -> str:
    if re.search(r"(局|委员会|委|办公室|厅|中心)$", name):
        return "部门"
    for suffix, level in (("街道办事处", "街道"), ("街道", "街道"), ("镇", "镇"), ("乡", "乡"), ("县", "县"), ("旗", "县"), ("区", "县")):
        if name.endswith(suffix):
            return level
    return "市" if name.endswith(("市", "州")) else "县"


def _choose_template(fragment: Fragment, templates: TemplateSet, year: int) -> TemplateSpec:
    """The template of the year, unless a header row of the fragment matches another template's table better."""
    by_year = _template_for_year(templates, year)
    if not fragment.headers:
        return by_year
    scored = []
    for spec in templates:
        score = sum(_header_score(spec, labels)[0] for _, labels in fragment.headers)
        scored.append((score, spec.id == by_year.id, spec.id, spec))
    return max(scored, key=lambda item: item[:3])[3]


def _header_score(spec: TemplateSpec, labels: Sequence[str]) -> tuple[int, TableSpec | None]:
    """How well header labels match the best table of section 二 of a template, and that table."""
    best: tuple[int, TableSpec | None] = (0, None)
    for table in spec.tables_of("s2"):
        if len(table.columns) != len(labels):
            continue
        score = 0
        for column, written in zip(table.columns, labels, strict=True):
            keys = [label_key(text) for text in (column.label, *column.aliases)]
            written_key = label_key(re.sub(r"[（(](?:单位[:：])?万元[）)]$", "", written))
            if written_key in keys:
                score += 2
            elif any(is_truncation(written_key, key, 2) for key in keys):
                score += 1
        best = max(best, (score, table), key=lambda item: item[0])
    return best


def fragment_report(fragment: Fragment, templates: TemplateSet | None = None, seed: int = 0) -> tuple[SampleReport, SampleReport]:
    """The clean sample report a fragment goes into, and the report with the fragment spliced in."""
    available = templates if templates is not None else shipped_template_set()
    year = fragment.year or 2021
    spec = _template(fragment, available)
    subject = sample_subject(fragment.subject) if fragment.subject else SUBJECTS[0]
    base = SampleReport.build(_template_for_year(available, year).id, year, subject=subject, seed=seed, templates=templates)
    report = base if base.template == spec.id else SampleReport.build(spec.id, year, subject=subject, seed=seed, templates=templates)
    for section in fragment.zeroed:
        for table in spec.tables_of(section):
            for row in table.rows:
                for column in table.columns:
                    report = report.with_cell(table.id, row.id, column.id, "0")
    for line, labels in fragment.headers:
        score, header_table = _header_score(spec, labels)
        if header_table is None or score == 0:
            raise ExampleError(f"“{line}”：{spec.id} 格式第二部分没有这样的表头")
        for column, written in zip(header_table.columns, labels, strict=True):
            report = report.with_column_label(header_table.id, column.id, written)
    for edit in fragment.rows:
        report = _edit_row(report, spec, edit)
    for table_id, row_id in fragment.dropped:
        report = report.without_row(table_id, row_id)
    if fragment.no_title:
        report = report.with_title("")
    if fragment.title:
        report = report.with_title("\n".join(fragment.title))
    if fragment.preamble:
        report = report.with_preamble(fragment.preamble)
    if fragment.intro is not None and fragment.intro.shown:
        report = report.with_intro(fragment.intro.paragraphs([*base.intro, base.period]))
    report = _splice_sections(report, base, fragment)
    if fragment.prose:
        report = report.with_paragraphs("s1", [*report.sections.get("s1", ()), *fragment.prose])
    if fragment.signature is not None or fragment.date is not None:
        report = report.with_signature(fragment.signature, fragment.date)
    return base, report


def _splice_sections(report: SampleReport, base: SampleReport, fragment: Fragment) -> SampleReport:
    if len(fragment.headings) >= 2:
        report = report.with_sections([section for section, _, _ in fragment.headings])
    for section, line, body in fragment.headings:
        report = report.with_heading(section, line)
        shown = body.before or body.after or body.keeps_clean or body.has_rows
        if not shown and len(fragment.headings) == 1:
            continue  # a heading alone: only the heading is written differently
        report = report.with_paragraphs(section, body.paragraphs(base.sections.get(section, ())))
        if not body.keeps_clean and not body.has_rows:
            report = report.without_table(section)
    return report


def _edit_row(report: SampleReport, spec: TemplateSpec, edit: _RowEdit) -> SampleReport:
    table = spec.table(edit.table)
    if edit.label is not None and table.row(edit.row).label:
        report = report.with_row_label(edit.table, edit.row, edit.label)
    for index, raw in enumerate(edit.values):
        if raw in ("…", "……"):
            return report
        written = "" if raw in ("（空）", "空") else raw
        if index < len(table.columns):
            report = report.with_cell(edit.table, edit.row, table.columns[index].id, written)
        else:
            report = report.with_extra_value(edit.table, edit.row, written)
    for column in table.columns[len(edit.values) :]:
        report = report.without_cell(edit.table, edit.row, column.id)
    return report


# --------------------------------------------------------------------------- checking a rule's examples


@dataclass(frozen=True)
class ExampleRun:
    """One example linted: the example, the report text it was spliced into, and the rule's findings there."""

    example: RuleExample
    text: str
    findings: tuple[Diagnostic, ...]
    clean_findings: tuple[Diagnostic, ...]

    @property
    def passed(self) -> bool:
        """A 反例 the rule reports, or a 正例 it does not."""
        return bool(self.findings) == self.example.must_fire


def example_text(
    lines: Sequence[str] | str,
    *,
    qualifiers: Sequence[str] = (),
    templates: TemplateSet | None = None,
    layout: str = "tabs",
) -> str:
    """The text of a clean sample report with a fragment spliced in (the module documentation says how)."""
    if isinstance(lines, str):
        lines = [line for line in textwrap.dedent(lines).splitlines() if line.strip()]
    fragment = read_fragment(lines, templates, qualifiers)
    _, report = fragment_report(fragment, templates)
    return _rendered(fragment, report, layout)


def _rendered(fragment: Fragment, report: SampleReport, layout: str) -> str:
    """The report's text; for a fragment marked ``（文本到此中断）``, only up to the end of the fragment's last line."""
    text = render(report, layout)
    if fragment.cut and fragment.shown:
        last = fragment.shown[-1]
        position = text.find(last)
        if position >= 0:
            text = text[: position + len(last)] + "\n"
    return text


def run_rule_examples(rule: type[Rule], *, config: Mapping[str, Any] | None = None, layout: str = "tabs") -> list[ExampleRun]:
    """Lint every 反例 and 正例 of a rule spliced into a sample report; see :func:`check_rule_examples`."""
    from reportlint.core.config import parse_config
    from reportlint.run.linter import lint_text
    from reportlint.run.registry import registry_for

    templates = registry_for(parse_config(dict(config or {}), None)).template_set
    runs = []
    context: tuple[str, ...] = ()
    clean_cache: dict[str, tuple[Diagnostic, ...]] = {}
    for example in rule_examples(rule):
        qualifiers = (example.qualifier,) if example.qualifier else context if example.kind == "正例" else ()
        if example.kind == "反例":
            context = qualifiers
        for lines in example_fragments(example):
            fragment = read_fragment(lines, templates, qualifiers)
            base, report = fragment_report(fragment, templates)
            text = _rendered(fragment, report, layout)
            missing = [line for line in fragment.shown if line not in text]
            if missing:
                raise ExampleError(f"{rule.code} 的{example.kind}：“{missing[0]}”没有出现在拼接后的报告中")
            clean = render(base, layout)
            if clean not in clean_cache:
                clean_cache[clean] = tuple(d for d in lint_text(clean, rules=[rule], config=config) if d.code == rule.code)
            findings = tuple(d for d in lint_text(text, rules=[rule], config=config) if d.code == rule.code)
            runs.append(ExampleRun(RuleExample(example.kind, example.qualifier, tuple(lines)), text, findings, clean_cache[clean]))
    return runs


def check_rule_examples(rule: type[Rule], *, config: Mapping[str, Any] | None = None, layout: str = "tabs") -> list[ExampleRun]:
    """Assert that a rule reports its every 反例 and none of its 正例, each spliced into a clean sample report.

    The rule must have at least one of each. (The findings of the rule on the
    clean report, before the splice, are in each run's ``clean_findings``: a
    rule that requires a phrase reports the clean report too; any other rule
    should not.) ``config`` is a mapping of
    ``reportlint.toml`` keys for the run (``{"templates": ["本省格式.yaml"]}``
    for a rule about a template extension: the sample report then has the
    extension's rows too). ``layout`` is how tables are written (see
    :func:`~reportlint.testing.reports.render`). Raises ``AssertionError``
    naming the example, what was expected and what the rule reported; returns
    the runs.
    """
    runs = run_rule_examples(rule, config=config, layout=layout)
    kinds = {run.example.kind for run in runs}
    if kinds != set(KINDS):
        raise AssertionError(f"{rule.code}：文档中应有“反例：”和“正例：”，实际只有 {'、'.join(sorted(kinds)) or '无'}")
    problems = []
    for run in runs:
        if run.example.must_fire and not run.findings:
            problems.append(f"反例没有被报告：\n{textwrap.indent(run.example.text, '    ')}")
        elif not run.example.must_fire and run.findings:
            problems.append(f"正例被报告了（{run.findings[0].message}）：\n{textwrap.indent(run.example.text, '    ')}")
    if problems:
        raise AssertionError(f"{rule.code}（{rule.name}）的文档示例不成立：\n" + "\n".join(dict.fromkeys(problems)))
    return runs
