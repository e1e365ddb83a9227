"""The template reader: from a document to a :class:`Reading` of it.

It finds the sections, the title, the subject, the year, the statistical period
and the publication date; decides which template the tables follow (each table
group is aligned against every known template and the best fit wins); and fills
every template cell. Rules never parse tables themselves: they read this.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from reportlint.core.model import Document, Table
from reportlint.template.align import TableGroupAligner
from reportlint.template.completeness import TABLE_SECTIONS, Truncation, UnreadTable, find_truncation, find_unread_tables, stop_in_tables
from reportlint.template.filled import FilledTable, FilledTemplate, LabelMatch
from reportlint.template.identity import (
    Period,
    Publication,
    Subject,
    TextSpan,
    Title,
    find_page_date,
    find_period,
    find_signature_date,
    find_subject,
    find_title,
    find_year,
)
from reportlint.template.labels import label_key
from reportlint.template.sections import FoundSection, SectionFinder
from reportlint.template.spec import TemplateSet, TemplateSpec
from reportlint.template.tokens import RawRow, region_rows
from reportlint.text.chrome import chrome_lines
from reportlint.text.ordinals import section_number
from reportlint.text.segmentation import Span

#: A report with a longer line is read as text only: no table is aligned (the limits keep reading time bounded).
#: A whole report that lost its line breaks is one line of 5,000–30,000 characters: it is still read.
MAX_LINE_LENGTH = 60_000
#: A section whose table region has more rows (lines, or rows of real tables) is not aligned.
MAX_TABLE_ROWS = 2_000


@dataclass(frozen=True)
class Reading:
    """What the reader understood of one report."""

    title: Title | None
    subject: Subject | None
    year: int | None
    year_source: str
    year_span: TextSpan | None
    period: Period | None
    publication: Publication | None
    sections: tuple[FoundSection, ...]
    expected_template: TemplateSpec | None
    table_templates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    filled: FilledTemplate | None = None
    #: The date under the signature, when the page also states its own publication date (``publication``).
    signature: Publication | None = None
    truncation: Truncation | None = None
    unread_tables: tuple[UnreadTable, ...] = ()
    chrome: tuple[Span, ...] = ()
    #: Why the reader read (part of) the report as text only, past one of its limits (shown as an RL912 note); None when it did not.
    limited: str | None = None
    #: The templates the report was read against (with the extensions whose ``when:`` it meets).
    template_set: TemplateSet | None = None

    @property
    def six_part_era(self) -> bool:
        """Whether the report is judged against the six-part format: dated 2019 or later, or undated."""
        return self.year is None or self.year >= 2019

    def section(self, section_id: str) -> FoundSection | None:
        """The first found section with this template id."""
        return next((section for section in self.sections if section.spec_id == section_id), None)

    @property
    def legacy_sections(self) -> tuple[FoundSection, ...]:
        """Headings of the pre-2019 (2008 条例) structure."""
        return tuple(section for section in self.sections if section.kind == "legacy")

    @property
    def detected_template(self) -> str | None:
        """The template the tables follow: one id, ``"mixed"``, or None when no table was found."""
        templates = set(self.table_templates.values())
        if not templates:
            return None
        return templates.pop() if len(templates) == 1 else "mixed"

    @property
    def is_legacy_structure(self) -> bool:
        """The report follows the pre-2019 structure rather than the six-section template."""
        template_sections = {section.spec_id for section in self.sections if section.is_template}
        return len(self.legacy_sections) >= 2 or (bool(self.legacy_sections) and len(template_sections) < 4)

    def table(self, table_id: str) -> FilledTable | None:
        """A filled table by id (None when the report has no such table)."""
        return self.filled.table(table_id) if self.filled else None

    @property
    def is_complete(self) -> bool:
        """Whether the text reads as the whole report (see :mod:`reportlint.template.completeness`)."""
        return self.truncation is None

    def cut_off(self, section_id: str) -> bool:
        """Whether a part is not wholly in the text because the text stops early (in this part or before it)."""
        return self.truncation is not None and self.truncation.cuts(int(section_id[1:]))

    def in_chrome(self, position: int) -> bool:
        """Whether a position lies on a line of page chrome (site navigation, widgets, CMS metadata)."""
        return bool(self.chrome) and any(span.start <= position < span.end for span in self.chrome)

    def headingless_tables(self, section_id: str) -> int | None:
        """Where the tables of a part start when the part has no heading and its tables were read by their labels."""
        return _headingless_tables(self.sections, self.filled, section_id)

    def unread(self, section_id: str) -> UnreadTable | None:
        """The part's tables that could not be read, if any."""
        return next((item for item in self.unread_tables if item.section.spec_id == section_id), None)


def _headingless_tables(sections: tuple[FoundSection, ...], filled: FilledTemplate | None, section_id: str) -> int | None:
    """Where the found tables of a part without a heading start (None when the part has its heading, or no table)."""
    if filled is None or any(section.spec_id == section_id for section in sections):
        return None
    starts = [
        table.start for table in filled.tables.values() if table.spec.section == section_id and table.found and table.start is not None
    ]
    return min(starts, default=None)


def _in_headingless_part(
    truncation: Truncation | None,
    document: Document,
    sections: tuple[FoundSection, ...],
    chrome: Sequence[Span],
    filled: FilledTemplate | None,
    template: TemplateSpec | None,
) -> Truncation | None:
    """The truncation, moved to the last part without a heading whose tables start before the text stops (a text that
    seemed to stop in part 一 stops in that part's tables); for a text that seemed whole, where it stops in such tables
    with no heading after them (as it stops in a table part that has its heading)."""
    if template is None or (truncation is not None and truncation.reason not in ("table", "sentence", "first-part")):
        return truncation
    for section_id in reversed(TABLE_SECTIONS):
        number = int(section_id[1:])
        start = _headingless_tables(sections, filled, section_id)
        if start is None:
            continue
        heading = template.section(section_id).heading
        if truncation is None:
            found = stop_in_tables(document, sections, chrome, number, start)
            if found is not None:
                return replace(found, headingless=heading)
        elif number > truncation.number and start <= truncation.start:
            reason = "table" if truncation.reason == "first-part" else truncation.reason
            return replace(truncation, reason=reason, number=number, headingless=heading)
    return truncation


def _region(
    document: Document,
    reading_sections: tuple[FoundSection, ...],
    section_id: str,
    aligner: TableGroupAligner,
    later: tuple[TableGroupAligner, ...],
    anchored: dict[int, int | None],
) -> tuple[int, int] | None:
    """Where the tables of a section are: its body, or else where their labels first appear (see :func:`_anchored_start`).

    ``later`` are the aligners of the later table sections that have no heading: such a section's tables start where
    its labels first appear (its own region, found the same way), and this region ends there, so that one part's table
    rows are never read as stray rows of the part before it (a report that lost “三、……” keeps its third part's table
    under part two). ``anchored``: see :func:`_anchored_start`."""
    found = next((section for section in reading_sections if section.spec_id == section_id), None)
    if found is not None:
        start, end = found.body_start, found.body_end
    else:
        found_start = _anchored_start(document, aligner, anchored)
        if found_start is None:
            return None
        start = found_start
        following = [section.start for section in reading_sections if section.start > start]
        end = min(following) if following else len(document.text)
    for other in later:
        later_start = _anchored_start(document, other, anchored)
        if later_start is not None and start < later_start < end:
            end = later_start
    return start, end


def _anchored_start(document: Document, aligner: TableGroupAligner, anchored: dict[int, int | None]) -> int | None:
    """Where a section's tables start when its heading is not found: the line of the first of the aligner's anchors (in
    their order) that the document has, moved up over the header lines right above it, or to the start of the real
    table (a Word, HTML or Markdown table) it is in. ``anchored`` keeps what was found, by the aligner's id: a part's
    start is also where each part before it ends (see :func:`_region`)."""
    if id(aligner) not in anchored:
        anchored[id(aligner)] = _first_anchor(document, aligner)
    return anchored[id(aligner)]


def _first_anchor(document: Document, aligner: TableGroupAligner) -> int | None:
    for anchor in aligner.anchors:
        position = _find_anchor(document, anchor) if anchor else None
        if position is not None:
            table = next((table for table in document.tables if table.start <= position < table.end), None)
            return table.start if table is not None else _above_header_lines(document, position, aligner)
    return None


def _find_anchor(document: Document, anchor: str) -> int | None:
    """Offset of the first line whose key contains the anchor label, a sentence's full stop aside (“印发规范性文件1件。”
    names a row label in prose, not in a table); else of the first of two lines (blank lines between them skipped) whose
    keys run into it, as a header cell Word wraps (“结果⏎维持”) leaves it."""
    text = document.normalized
    previous: tuple[int, str] | None = None  # the last line with a key: its start and key
    wrapped = None
    position = 0
    while position < len(text):
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        line = text[position:end]
        if "。" not in line:
            key = label_key(line)
            if anchor in key:
                return position
            if key:
                if wrapped is None and previous is not None and len(previous[1]) < len(anchor) and anchor in previous[1] + key:
                    wrapped = previous[0]
                previous = (position, key)
        else:
            previous = None
        position = end + 1
    return wrapped


#: How many lines (blank ones included) above an anchor line may be the tables' header.
_MAX_HEADER_LINES = 12
#: A longer key is no header line (and is not matched against the header texts: the match's cost grows with it).
_MAX_HEADER_KEY = 300


def _above_header_lines(document: Document, position: int, aligner: TableGroupAligner) -> int:
    """The start of the header lines right above the line at ``position``: lines whose key is made only of the tables'
    header texts and column labels (``行政复议 行政诉讼`` above ``结果维持 结果纠正 …``), blank lines between them."""
    text = document.normalized
    start = position
    line_end = position - 1
    for _ in range(_MAX_HEADER_LINES):
        if line_end < 0:
            break
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        key = label_key(line)
        if key:
            if "。" in line or len(key) > _MAX_HEADER_KEY or not aligner.is_header_line(key):
                break
            start = line_start
        line_end = line_start - 1
    return start


def read_report(document: Document, templates: TemplateSet, pinned_subject: str | None = None) -> Reading:
    """Read a document against the known templates."""
    all_templates, finder = _prepared(templates)
    sections = finder.find(document)
    first_heading = sections[0].start if sections else None
    title = find_title(document, first_heading)
    period = find_period(document, first_heading)
    page_date, signature = find_page_date(document, document.metadata), find_signature_date(document)
    year, year_source, year_span = find_year(title, period, document, page_date, signature)
    expected = templates.for_year(year)
    filled_tables: dict[str, FilledTable] = {}
    table_templates: dict[str, str] = {}
    limits: list[str] = []
    longest = _overlong_line(document.text)
    if longest is not None:
        limits.append(
            f"报告中有一行长达 {longest} 个字符（上限 {MAX_LINE_LENGTH}），模板阅读没有对齐表格，只按文本检查；请检查文件是否缺少换行"
        )
    region_rows_of: dict[tuple[int, int], list[RawRow]] = {}  # the rows of each region read (templates share regions)
    anchored: dict[int, int | None] = {}  # where each part without a heading starts, by its aligner
    for section_id in TABLE_SECTIONS if not limits else ():
        candidates = sorted(all_templates, key=lambda template: template is not expected)  # the year's template first
        best = _best_fit(document, sections, section_id, candidates, expected, limits, region_rows_of, anchored)
        if best is not None:
            template, tables = best
            filled_tables.update(tables)  # each table records its template (the aligner's)
            table_templates[section_id] = template.id
    primary = expected or (templates.get(next(iter(table_templates.values()))) if table_templates else None)
    filled = FilledTemplate(primary, MappingProxyType(filled_tables)) if primary is not None and filled_tables else None
    chrome = tuple(chrome_lines(document.normalized, document.lines, document.line_texts))
    truncation = _in_headingless_part(
        find_truncation(document, sections, chrome, expected or primary), document, sections, chrome, filled, expected or primary
    )
    return Reading(
        title=title,
        subject=find_subject(document, title, pinned_subject, first_heading),
        year=year,
        year_source=year_source,
        year_span=year_span,
        period=period,
        publication=page_date or signature,
        signature=signature if page_date is not None else None,
        sections=sections,
        expected_template=expected,
        table_templates=MappingProxyType(table_templates),
        filled=filled,
        truncation=truncation,
        unread_tables=find_unread_tables(document, sections, filled, primary or (all_templates[0] if all_templates else None), truncation),
        chrome=chrome,
        limited="；".join(dict.fromkeys(limits)) or None,
        template_set=templates,
    )


#: The prepared readers of each template set (sorted templates, section finder), made once per process.
_PREPARED: dict[int, tuple[TemplateSet, list[TemplateSpec], SectionFinder]] = {}
#: The table aligner of each (template, section), made once per process.
_ALIGNERS: dict[tuple[int, str], tuple[TemplateSpec, TableGroupAligner]] = {}


def _prepared(templates: TemplateSet) -> tuple[list[TemplateSpec], SectionFinder]:
    """The templates newest first and their section finder (both depend only on the template set)."""
    found = _PREPARED.get(id(templates))
    if found is None or found[0] is not templates:
        ordered = sorted(templates, key=lambda template: -(template.year_from or 0))
        found = _PREPARED[id(templates)] = (templates, ordered, SectionFinder(ordered))
    return found[1], found[2]


def _aligner(template: TemplateSpec, section_id: str) -> TableGroupAligner:
    """The aligner of a template's tables in one section (it depends only on the template)."""
    found = _ALIGNERS.get((id(template), section_id))
    if found is None or found[0] is not template:
        found = _ALIGNERS[(id(template), section_id)] = (
            template,
            TableGroupAligner(template.tables_of(section_id), template.relations, template.id),
        )
    return found[1]


def _overlong_line(text: str) -> int | None:
    """The length of the longest line of ``text`` when it is past :data:`MAX_LINE_LENGTH`, else None (a text no longer
    than the limit is not split into lines)."""
    if len(text) <= MAX_LINE_LENGTH:
        return None
    longest = max(map(len, text.split("\n")))
    return longest if longest > MAX_LINE_LENGTH else None


def _region_rows(document: Document, tables: tuple[Table, ...], start: int, end: int) -> int:
    """How many rows a region holds (its lines, plus the rows of the real ``tables`` in it), counted before reading any."""
    rows = document.text.count("\n", start, end) + 1
    return rows + sum(len(table.rows) for table in tables if table.start < end and table.end > start)


def _best_fit(document, sections, section_id, templates, expected, limits, region_rows_of=None, anchored=None):
    """Align a section's tables with every template; the best-scoring one wins (ties: the year's template).

    A region past :data:`MAX_TABLE_ROWS` rows is not aligned; why goes to ``limits``. ``region_rows_of`` keeps
    the rows of each region read, by its range: a section's region is the same for every template that finds it;
    ``anchored`` where each part without a heading starts (see :func:`_anchored_start`).
    """
    if region_rows_of is None:
        region_rows_of = {}
    if anchored is None:
        anchored = {}
    best = None
    real_tables = document.tables
    tried = []  # the aligners of the templates tried
    for template in templates:
        group = template.tables_of(section_id)
        if not group:
            continue
        aligner = _aligner(template, section_id)
        if any(aligner.reads_like(earlier) for earlier in tried):
            # the section's tables are those of a template tried before (the year's template comes first): filled
            # alike, they score the same, and a later template never wins a tie
            continue
        tried.append(aligner)
        region = _region(document, sections, section_id, aligner, _headingless_aligners(template, sections, section_id), anchored)
        if region is None:
            continue
        size = _region_rows(document, real_tables, *region)
        if size > MAX_TABLE_ROWS:
            limits.append(
                f"第{section_number(int(section_id[1:]))}部分的表格区域有 {size} 行（上限 {MAX_TABLE_ROWS}），模板阅读没有对齐这部分的表格，只按文本检查"
            )
            continue
        rows = region_rows_of.get(region)
        if rows is None:
            rows = region_rows_of[region] = region_rows(document, *region, real_tables)
        tables, score = aligner.fill(document, rows)
        if not any(table.found for table in tables.values()):
            continue
        if template is expected and all(_read_exactly(table) for table in tables.values()):
            return template, tables  # every row found by its official label and fully read: no other template fits better
        rank = (score, template is expected)
        if best is None or rank > best[0]:
            best = (rank, template, tables)
    return None if best is None else (best[1], best[2])


def _headingless_aligners(template: TemplateSpec, sections: tuple[FoundSection, ...], section_id: str) -> tuple[TableGroupAligner, ...]:
    """The aligners of the table sections after ``section_id`` that have no heading in the report (see :func:`_region`)."""
    later = TABLE_SECTIONS[TABLE_SECTIONS.index(section_id) + 1 :]
    if not later:
        return ()
    headed = {section.spec_id for section in sections}
    return tuple(_aligner(template, later_id) for later_id in later if later_id not in headed and template.tables_of(later_id))


def _read_exactly(table: FilledTable) -> bool:
    """Every template row found once, by its official label or alias, with all its values in place (an aligned row
    is one of the template's)."""
    return len(table.rows) == len(table.spec.rows) and all(row.aligned and row.match in _EXACT_OR_ALIAS for row in table.rows)


_EXACT_OR_ALIAS = (LabelMatch.EXACT, LabelMatch.ALIAS)
