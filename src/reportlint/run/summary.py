"""Report summaries: the identity every file's result carries and, in batch runs, what cross-document rules compare.

Computed in the worker process, where the document is, once the rules have run
(the template reading and the place analysis are already there); the result is
a :class:`~reportlint.core.summary.ReportSummary` of a few kilobytes that
travels back with the file's findings and never holds the document itself.

What batch rules compare (:class:`~reportlint.core.summary.CrossDocument`):

* the **body**: the subject's place in the gazetteer and its organ (人民政府,
  办事处, 教育局 …), or the body the ``[pairing]`` table names for the file;
* every **table value** read with confidence, with its place (of table 三, the
  rows compared across years: 本年新收、上年结转、办理结果总计、结转下年度);
* a MinHash **fingerprint of each prose paragraph** (parts 一、五、六 and the
  text before part 一), place names left out and the official template's
  wording ignored, so that a paragraph copied from another body's report is
  found although the copier changed the names;
* a fingerprint of **each prose part** with years and numbers left out too
  ("part 五 is last year's, only the year changed");
* the **year-over-year claims** of the prose about numbers the tables hold
  (``收到申请15件，较上年增加12件``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter
from typing import TYPE_CHECKING

from reportlint.core.model import LineIndex, SegmentMap
from reportlint.core.report import Report
from reportlint.core.summary import (
    Body,
    CellValues,
    ChangeClaim,
    CrossDocument,
    Paragraphs,
    Places,
    ReportSummary,
    SectionPrints,
    cell_key,
    signed,
    unsigned,
)
from reportlint.places.divisions import Place
from reportlint.places.subject import organ_of, resolve_subject
from reportlint.template.filled import CellStatus
from reportlint.template.identity import body_level
from reportlint.template.labels import strip_ordinal
from reportlint.template.statements import stated_changes
from reportlint.text.minhash import SIGNATURE_SIZE, Signer, comparable_texts, decimal_digits, digest, word_characters
from reportlint.text.normalize import fold_width
from reportlint.text.segmentation import Span, iter_sentences, logical_paragraphs, paragraph_spans
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.places.analysis import PlaceAnalysis
    from reportlint.template.reading import Reading
    from reportlint.template.sections import FoundSection
    from reportlint.template.spec import TableSpec, TemplateSet

#: The rows of table 三 a summary keeps (本年新收, 上年结转, 办理结果总计, 结转下年度): what is compared across years.
#: The result rows in between are each year's own; keeping them would triple a summary's size.
APPLICATION_TOTAL_ROWS = ("r1", "r2", "r3_7", "r4")
#: The parts whose text is fingerprinted as a whole; parts 二、三、四 are tables.
PROSE_SECTIONS = ("s1", "s5", "s6")
#: The parts whose shingles are kept too (a sketch): part 五 is compared with last year's (RL703).
SKETCHED_SECTIONS = ("s5",)
_TABLE_SECTIONS = ("s2", "s3", "s4")
_INT32 = 2**31


def report_summary(report: Report, *, cross_document: bool = False) -> ReportSummary:
    """The summary of a read report from its template reading; with ``cross_document``, also what batch rules compare.

    A reader or place-analysis failure leaves the identity (or the comparison
    facts) unknown: the rules that need them have already reported the failure
    as their RL907 finding.
    """
    try:
        reading = report.reading
    except Exception:  # a reader bug must not lose the file's findings
        return ReportSummary()
    subject = reading.subject.name if reading.subject is not None else None
    facts = None
    if cross_document:
        try:
            facts = compared_facts(report)
        except Exception:  # as above: the file's own findings stand, it is only left out of the comparison
            facts = None
    return ReportSummary(subject=subject, year=reading.year, template=reading.detected_template, cross_document=facts)


def compared_facts(report: Report) -> CrossDocument:
    """What batch rules compare of one report (see the module docstring)."""
    reading = report.reading
    places = report.places
    paragraphs = prose_paragraphs(report, reading)
    sections = [(section_id, found) for section_id in PROSE_SECTIONS if (found := reading.section(section_id)) is not None]
    masked = _masked(report, places, [*paragraphs, *((found.body_start, found.body_end) for _, found in sections)])
    texts = comparable_texts(
        [*(masked[span.start : span.end] for span in paragraphs), *(masked[found.body_start : found.body_end] for _, found in sections)],
        numbers_from=len(paragraphs),  # the parts' without numbers
    )
    paragraph_texts, section_texts = texts[: len(paragraphs)], texts[len(paragraphs) :]
    sketched = next((index for index, (section_id, _) in enumerate(sections) if section_id in SKETCHED_SECTIONS), None)
    signatures, sketch = _signer().sign_and_sketch(
        [*paragraph_texts, *section_texts], None if sketched is None else len(paragraphs) + sketched
    )
    placer = _Placer(report)
    numbers = _SectionNumbers(reading)
    return CrossDocument(
        body=_body(report, reading, places),
        cells=_cells(reading, placer),
        paragraphs=_paragraphs(numbers, paragraphs, paragraph_texts, signatures[: len(paragraphs)], placer),
        sections=_sections(sections, section_texts, signatures[len(paragraphs) :], sketch, placer),
        claims=_claims(report, reading, paragraphs, numbers, placer),
        prose_length=sum(len(text) for text, signature in zip(paragraph_texts, signatures, strict=False) if signature is not None),
    )


class _Placer:
    """Packs places of one report with their locations (found in one pass, without making
    :class:`~reportlint.core.model.Location` objects, for text and Markdown files and for extracted text)."""

    def __init__(self, report: Report) -> None:
        self.document = report.document
        source_map = self.document.source_map
        self.lines = source_map if type(source_map) is LineIndex else None
        # a map of extracted text whose places are what SegmentMap.locate says (a subclass may find its segments otherwise)
        self.segments = source_map if isinstance(source_map, SegmentMap) and type(source_map).locate is SegmentMap.locate else None

    def __call__(self, spans: Sequence[tuple[int, int]]) -> Places:
        if self.lines is not None:
            return Places.packing(self.lines.places(spans))
        if self.segments is not None:
            found = self.segments.places(spans)
            logical = tuple([place[6] for place in found])
            pages = tuple([place[7] for place in found])
            return Places.packing(
                [(start, end, line, column, end_line, end_column) for start, end, line, column, end_line, end_column, _, _ in found],
                logical if any(item is not None for item in logical) else (),
                pages if any(item is not None for item in pages) else (),
            )
        locate = self.document.locate
        return Places.of([(start, end, locate(start, end)) for start, end in spans])


def _sections(
    sections: Sequence[tuple[str, FoundSection]],
    texts: Sequence[str],
    signatures: Sequence[bytes | None],
    sketch: bytes,
    placer: _Placer,
) -> SectionPrints | None:
    """The fingerprints of the prose parts long enough to sign; part 五 sketched too (``sketch``, made with the signatures)."""
    kept = [
        (section_id, found, text, signature)
        for (section_id, found), text, signature in zip(sections, texts, signatures, strict=True)
        if signature
    ]
    if not kept:
        return None
    sketched = any(section_id in SKETCHED_SECTIONS for section_id, _, _, _ in kept)
    return SectionPrints(
        sections=tuple(section_id for section_id, _, _, _ in kept),
        digests=b"".join([digest(text) for _, _, text, _ in kept]),
        signatures=b"".join([signature for _, _, _, signature in kept if signature is not None]),
        signature_size=SIGNATURE_SIZE,
        sketched=SKETCHED_SECTIONS[0] if sketched else "",
        sketch=sketch if sketched else b"",
        lengths=unsigned([len(text) for _, _, text, _ in kept]),
        places=placer([(found.start, found.end) for _, found, _, _ in kept]),
    )


# --------------------------------------------------------------------------- body


def _body(report: Report, reading: Reading, places: PlaceAnalysis) -> Body | None:
    """The body: the ``[pairing]`` name for this file, else the subject resolved on the map (None when it is not)."""
    pinned = report.config.pairing_for(report.path)
    if pinned is not None:
        resolution = resolve_subject(places.gazetteer, pinned, (), subject_origin="配置")
        organ = organ_of(places.gazetteer, [pinned], body_level(pinned))
        if resolution.place is None or not organ:
            return Body(None, organ, pinned)
        return Body(resolution.place.code, organ, _place_label(places, resolution.place) + organ)
    subject = places.subject
    if subject is None or subject.place is None or reading.subject is None:
        return None
    names = [reading.subject.name, *(mention.text for mention in reading.subject.mentions)]
    organ = organ_of(places.gazetteer, names, subject.level)
    if not organ:
        return None
    return Body(subject.place.code, organ, _place_label(places, subject.place) + organ)


def _place_label(places: PlaceAnalysis, place: Place) -> str:
    """A place with its direct parent (``秦安县陇城镇``), as messages name bodies."""
    parent = places.direct_parent(place)
    return (parent.name if parent is not None and place.level > 2 else "") + place.name


# --------------------------------------------------------------------------- tables


def _cells(reading: Reading, placer: _Placer) -> CellValues | None:
    """Every template cell read with confidence, in template order, with its value and place."""
    if reading.filled is None:
        return None
    keys: list[str] = []
    values: list[int] = []
    decimals: dict[int, Decimal] = {}
    spans: list[tuple[int, int]] = []
    templates: dict[str, str] = {}
    for table_id, table in reading.filled.tables.items():
        if table.template_id is not None:
            templates[table_id] = table.template_id
        found = table.found_cells.get
        for position, key in _cell_order(table_id, table.spec):
            cell = found(position)  # a cell the report has none of is not readable
            if cell is None or cell.status is not _OK:
                continue
            value, start, end = cell.value, cell.start, cell.end
            if value is None or start is None or end is None:
                continue
            if isinstance(value, int) and -_INT32 <= value < _INT32:
                values.append(value)
            else:
                decimals[len(keys)] = Decimal(value)
                values.append(0)
            keys.append(key)
            spans.append((start, end))
    if not keys:
        return None
    return CellValues(tuple(keys), signed(values), placer(spans), templates, decimals)


_OK = CellStatus.OK
_CELL_ORDERS: dict[tuple[str, int], tuple[TableSpec, tuple[tuple[tuple[str, str], str], ...]]] = {}


def _cell_order(table_id: str, spec: TableSpec) -> tuple[tuple[tuple[str, str], str], ...]:
    """The cells a summary keeps of a table, in template order, as ``((row, column), key)`` (made once per table spec).

    Of table 三 only the rows of :data:`APPLICATION_TOTAL_ROWS`.
    """
    entry = _CELL_ORDERS.get((table_id, id(spec)))
    if entry is None or entry[0] is not spec:
        rows = [row.id for row in spec.rows if table_id != "s3" or row.id in APPLICATION_TOTAL_ROWS]
        order = tuple(((row, column.id), cell_key(table_id, row, column.id)) for row in rows for column in spec.columns)
        entry = _CELL_ORDERS[(table_id, id(spec))] = (spec, order)
    return entry[1]


# --------------------------------------------------------------------------- prose


def _without_place_names(text: str, places: PlaceAnalysis) -> str:
    """The text with every place name blanked (same length): a copier changes the names, the rest stays."""
    if not places.references:
        return text
    length = len(text)
    spans = sorted([(reference.start, reference.end) for reference in places.references])
    ends = [end for _, end in spans]
    if spans[0][0] < 0 or spans[-1][0] > length or min(ends) < 0 or max(ends) > length:
        # not ranges of the text (never from the place analysis): blanked as a list of characters would be
        characters = list(text)
        for reference in places.references:
            characters[reference.start : reference.end] = " " * (reference.end - reference.start)
        return "".join(characters)
    pieces = []
    position = 0  # the text before here is done
    for start, end in spans:
        start = max(start, position)
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _without_template_wording(text: str, templates: TemplateSet) -> str:
    """The text with the templates' own wording blanked (same length): part names listed in an intro, row labels quoted in prose."""
    return _wording(templates)[0].sub(_blank, text)


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


#: What a body cites rather than writes: the titles of documents (《中华人民共和国政府信息公开条例》, 《……的通知》), their
#: numbers (国办公开办函〔2021〕30号) and the brackets holding one ((国务院令第711号,以下简称《条例》), (国办公开办函〔202130号)).
#: An intro of citations and the publication statement is no one's own words.
_CITED = compiled(r"《[^《》\n]{1,100}》|[（(][^（）()\n]{0,40}?(?:〔\d{4}|令第\d)[^（）()\n]{0,40}[）)]|〔\d{4}〕\d{1,5}号")


def _without_period_statement(text: str, reading: Reading) -> str:
    """The text with the sentence stating the statistics period blanked (本报告所列数据的统计期限为……): a fact every
    report states in the same words, not the body's own."""
    period = reading.period
    if period is None or period.start is None or period.end is None:
        return text
    start = max(text.rfind("。", 0, period.start), text.rfind("\n", 0, period.start)) + 1
    ends = [index for index in (text.find("。", period.end), text.find("\n", period.end)) if index >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[:start] + " " * (end - start) + text[end:]


def _masked(report: Report, places: PlaceAnalysis, spans: Sequence[tuple[int, int]]) -> str:
    """The normalised text with place names, cited documents, the statistics period's sentence and template wording
    blanked, as the fingerprints read it (the template wording within ``spans``).

    Only the lines holding ``spans`` are searched for template wording (the
    tables' row labels are most of it, and the tables are never read): no piece
    of wording spans a line break, so a line is blanked exactly as a search of
    the whole text would blank it. The rest of the text is left as it is.
    """
    text = _without_period_statement(_CITED.sub(_blank, _without_place_names(report.normalized, places)), report.reading)
    pattern, across_lines = _wording(report.templates)
    if across_lines:
        return _without_template_wording(text, report.templates)
    regions: list[tuple[int, int]] = []  # whole lines, in order, apart
    for start, end in sorted(spans):
        if end <= start:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        if regions and line_start <= regions[-1][1]:
            if end > regions[-1][1]:
                line_end = text.find("\n", end)
                regions[-1] = (regions[-1][0], len(text) if line_end < 0 else line_end)
            continue
        line_end = text.find("\n", end)
        regions.append((line_start, len(text) if line_end < 0 else line_end))
    pieces = []
    position = 0
    for start, end in regions:
        pieces.append(text[position:start])
        pieces.append(pattern.sub(_blank, text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


_WORDING: dict[int, tuple[TemplateSet, re.Pattern[str], bool]] = {}


def _wording(templates: TemplateSet) -> tuple[re.Pattern[str], bool]:
    """One pattern for every piece of template wording of four characters or more, ordinals left out (built once per template
    set), and whether a piece has a line break in it (then only a search of the whole text blanks it)."""
    entry = _WORDING.get(id(templates))
    if entry is None or entry[0] is not templates:
        phrases = {strip_ordinal(fold_width(text)).strip() for text in templates.wording()}
        kept = [phrase for phrase in phrases if len(phrase) >= 4]
        entry = _WORDING[id(templates)] = (templates, compiled(_longest_first(kept) or "(?!)"), any("\n" in phrase for phrase in kept))
    return entry[1], entry[2]


def _longest_first(phrases: Sequence[str]) -> str:
    """A pattern matching, at each position, the longest of ``phrases`` found there (what the phrases longest first, as
    alternatives, match), written as a trie: each position tries only the phrases that start with its character.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # going on is tried before ending here: the longest phrase wins

    return pattern(trie)


def prose_paragraphs(report: Report, reading: Reading) -> list[Span]:
    """The prose paragraphs: outside the title, the headings, the table parts (二、三、四) and the tables themselves.

    A heading or title runs into the next paragraph when neither a blank line
    nor a full stop ends it (text extracted from web pages): the paragraph then
    starts after it; lines above the title that run into it (the site's banner)
    are no prose either.
    """
    text = report.normalized
    lines = [(section.start, section.end) for section in reading.sections]
    title = reading.title
    if title is not None:
        lines.append((title.start, title.end))
    lines.sort()
    line_starts = [start for start, _ in lines]
    longest = max((end - start for start, end in lines), default=0)
    tables = sorted((section.body_start, section.body_end) for section in reading.sections if section.spec_id in _TABLE_SECTIONS)
    excluded = list(tables)
    if reading.filled is not None:
        excluded.extend(
            (table.start, table.end) for table in reading.filled.tables.values() if table.start is not None and table.end is not None
        )
    spans = []
    for region_start, region_end in _outside(tables, len(text)):
        near = [(begin, stop) for begin, stop in excluded if begin < region_end and region_start < stop]  # what may overlap the region
        for start, end in _region_paragraphs(report, region_start, region_end):
            # the headings that may overlap: none starting at or after the end, none ending before the start
            for index in range(bisect_left(line_starts, start - longest), bisect_left(line_starts, end)):
                line_start, line_end = lines[index]
                if start < line_end and not text[start:line_start].strip():
                    start = max(start, line_end)
            if title is not None and start < title.start < end:
                start = title.end  # lines run into the title from above (a page's banner, as a web page's text gives it)
            while start < end and text[start].isspace():
                start += 1
            if start >= end or text.find("\t", start, end) >= 0 or (near and any(begin < end and start < stop for begin, stop in near)):
                continue
            spans.append(Span(start, end))
    return spans


def _region_paragraphs(report: Report, start: int, end: int) -> list[Span]:
    """The logical paragraphs of the normalised ``text[start:end]``, as spans of the whole text.

    When the region is whole lines (as the tables' parts are), those are the report's
    :attr:`~reportlint.core.report.Report.normalized_paragraphs` within it, the one or two that
    run over its ends cut there (their lines in the region are a paragraph of their own).
    """
    text = report.normalized
    if not _starts_line(text, start) or not (_starts_line(text, end) or end == len(text) or text[end] == "\n"):
        return [Span(found.start + start, found.end + start) for found in logical_paragraphs(text[start:end])]
    paragraphs = report.normalized_paragraphs
    found = []
    for index in range(bisect_right(paragraphs, start, key=_end_of), len(paragraphs)):
        paragraph = paragraphs[index]
        if paragraph.start >= end:
            break
        if start <= paragraph.start and paragraph.end <= end:
            found.append(paragraph)
            continue
        lines = report.lines
        first, last = (
            bisect_left(lines, max(start, paragraph.start), key=_start_of),
            bisect_right(lines, min(end, paragraph.end), key=_end_of),
        )
        found.extend(paragraph_spans(text, lines[first:last]))
    return found


def _starts_line(text: str, position: int) -> bool:
    """Whether ``position`` is the start of a line of ``text``."""
    return position == 0 or text[position - 1] == "\n"


_start_of = itemgetter(0)
_end_of = itemgetter(1)


def _outside(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The parts of ``[0, length)`` outside sorted ``ranges``."""
    parts = []
    position = 0
    for start, end in ranges:
        if start > position:
            parts.append((position, start))
        position = max(position, end)
    if position < length:
        parts.append((position, length))
    return parts


def section_number(reading: Reading, position: int) -> int:
    """The number (1–6) of the template part a position is in; 0 before the first part or in a non-template part."""
    found = next((section for section in reversed(reading.sections) if section.start <= position), None)
    return _number_of(found)


def _number_of(found: FoundSection | None) -> int:
    if found is None or not found.is_template or found.spec_id is None or not found.spec_id[1:].isdigit():
        return 0
    return int(found.spec_id[1:])


class _SectionNumbers:
    """:func:`section_number` for many positions of one report (by bisection when the parts are in text order)."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.starts = [section.start for section in reading.sections]
        self.numbers = [_number_of(section) for section in reading.sections]
        self.ordered = all(first <= second for first, second in pairwise(self.starts))

    def __call__(self, position: int) -> int:
        if not self.ordered:
            return section_number(self.reading, position)
        index = bisect_right(self.starts, position) - 1
        return self.numbers[index] if index >= 0 else 0


def _paragraphs(
    numbers: _SectionNumbers, spans: Sequence[Span], texts: Sequence[str], signatures: Sequence[bytes | None], placer: _Placer
) -> Paragraphs | None:
    """The fingerprints of the paragraphs long enough to sign."""
    kept = [(span, text, signature) for span, text, signature in zip(spans, texts, signatures, strict=True) if signature is not None]
    if not kept:
        return None
    return Paragraphs(
        sections=bytes([numbers(span.start) for span, _, _ in kept]),
        lengths=unsigned([len(text) for _, text, _ in kept]),
        digests=b"".join([digest(text) for _, text, _ in kept]),
        signatures=b"".join([signature for _, _, signature in kept]),
        signature_size=SIGNATURE_SIZE,
        places=placer([span for span, _, _ in kept]),
    )


#: A paragraph without one of these compares nothing with last year.
_COMPARISON_HINT = compiled("较|比|与上|与去|与20|与19")


def _claims(
    report: Report, reading: Reading, paragraphs: Sequence[Span], numbers: _SectionNumbers, placer: _Placer
) -> tuple[ChangeClaim, ...]:
    """Changes against last year the prose paragraphs state about table quantities (part 五's plans left out)."""
    text = report.normalized
    last_year = reading.year - 1 if reading.year is not None else None
    claims = []
    for paragraph in paragraphs:
        if not _COMPARISON_HINT.search(text, paragraph.start, paragraph.end) or numbers(paragraph.start) == 5:
            continue
        segment = text[paragraph.start : paragraph.end]
        for sentence in iter_sentences(segment):
            for stated in stated_changes(segment, sentence):
                change = stated.change
                if change.year is not None and change.year != last_year:
                    continue
                start, end = paragraph.start + change.start, paragraph.start + change.end
                claims.append(
                    ChangeClaim(
                        quantity=stated.statement.subject,
                        cells=stated.statement.quantity.cells,
                        stated=stated.stated,
                        change=change.amount,
                        unit=change.unit,
                        resolution=change.resolution,
                        text=report.text[start:end],
                        place=placer([(start, end)]),
                    )
                )
    return tuple(claims)


def prepare_summaries() -> None:
    """Load what every cross-document summary needs (numpy, the signer with its hash functions, the tables of the characters
    fingerprints keep and of digits) now, before worker processes are forked.

    Importing numpy takes about a tenth of a second of CPU: done once in the
    supervisor, which needs it for the batch phase anyway, rather than again in
    each worker on its first report.
    """
    _signer()  # (its hash functions made as it is)
    word_characters()
    decimal_digits()


@lru_cache(maxsize=1)
def _signer() -> Signer:
    """The process's signer (the template wording is already blanked in the texts it signs)."""
    return Signer()
