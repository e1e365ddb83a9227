"""What the reader could not read: where an incomplete report's text stops, and tables that are there but unread.

Reports copied from a web page often stop early: the page was cut off, only
the first page of a paginated article was saved, or the copy ended with a
heading whose content never came. :func:`find_truncation` says where the text
stops and why, so the rules whose findings only follow from the missing part
(missing sections, the intro's promises, Art. 50 content, missing rows) stay
quiet and one finding names the place instead.

A section 二, 三 or 四 whose table yielded nothing (its tables were images on
the page, its numbers run together and cannot be split, its layout is not
recognised) is an :class:`UnreadTable`: the checks that needed it were not
made, and a report must never look clean because of that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.core.model import Document
from reportlint.template.filled import FilledTable, FilledTemplate
from reportlint.template.identity import body_level
from reportlint.template.labels import keyed, label_key
from reportlint.template.sections import FoundSection
from reportlint.template.spec import SectionSpec, TemplateSpec
from reportlint.text.chars import COLONS, COMMAS, HAN, SEMICOLONS, SENTENCE_STOPS
from reportlint.text.chrome import chrome_lines, is_chrome_line, is_pagination_line
from reportlint.text.dates import find_dates
from reportlint.text.ordinals import ENCLOSED_ORDINALS, section_number
from reportlint.text.quoting import squash
from reportlint.text.segmentation import Span, iter_lines
from reportlint.usercache.patterns import compiled

#: Sections whose content is a table.
TABLE_SECTIONS = ("s2", "s3", "s4")
#: Characters that end a report's last line properly: sentence ends, closing brackets and quotes.
_PROPER_ENDS = "。！？!?；;…．.)）]】》"
#: A heading's or an item's number alone (二、, （三）, 3., 一, 一是): the heading or the item was cut after it.
_BARE_ORDINAL = compiled(
    r"[一二三四五六七八九十]{1,3}(?:[、.．是])?|[（(][一二三四五六七八九十]{1,3}[)）]?|\d{1,2}[、.．]|[（(]\d{1,2}[)）]?"
    + f"|[{ENCLOSED_ORDINALS}]"
)
_HAN_ONLY = compiled(f"[{HAN}]+")
#: A numbered sub-heading of a part: （四）政府信息公开平台建设, 4.监督保障.
_SUB_HEADING = compiled(r"[（(][一二三四五六七八九十]{1,3}[)）]" + f"|[{ENCLOSED_ORDINALS}]" + r"|\d{1,2}[、.．](?!\d)")
#: A part's body of nothing but pictures: the file names or placeholders a page copied without its images gives
#: (1705995746322.jpg, clipbord_1705996747791.png, [图片]).
_IMAGES_ONLY = compiled(r"(?:\s|\S+?\.(?:jpe?g|png|gif|bmp|webp)|[\[【]?图片[\]】]?)+", re.IGNORECASE)
#: A heading's number opening a line (二、, （三）, 3.): the line under it is the heading's text, never a signature.
_OPENS_HEADING = compiled(r"[一二三四五六七八九十]{1,3}[、.．]|" + _SUB_HEADING.pattern)
#: An item that opens with its label (政策文件：…, 微信公众号:…).
_LABELLED_ITEM = compiled(f"[{HAN}]{{2,10}}[:：]")
#: An item counted in words (一是……, 三是政府信息管理方面): the words of a short line under it are its text, never a
#: signature (a body's name after it still is).
_COUNTED_ITEM = compiled(r"[一二三四五六七八九十]{1,3}是")
#: Opening brackets and quotation marks: a last line ending in one is cut.
_OPENING_MARKS = "(（《“〔[【"
#: Closing quotation marks: a last line ending in one ends properly when what it quotes does.
_CLOSING_QUOTES = "」』”\"'"
#: A last line shorter than this counts as cut mid-sentence only when it is Han characters right under a numbered
#: heading or a labelled item; these closing words never do.
MIN_CUT_LINE = 4
_CLOSING_WORDS = ("特此报告", "特此说明", "以上", "无", "暂无", "没有", "略", "此页无正文")
#: What may stand right before a closing word on its line: a space, or the end of a label or a sentence.
_BEFORE_CLOSING_WORD = frozenset(" \t\u3000" + COLONS + SENTENCE_STOPS + SEMICOLONS)
#: A text without any part heading shorter than this is a snippet, not a report cut off mid-sentence.
MIN_REPORT_LENGTH = 500
#: Longest bare number standing alone under the last heading of prose taken for the first digits of a cut sentence.
MAX_CUT_NUMBER = 4
#: A year alone, or its first three digits, on a last line: the first words of a sentence the copy cut (“202”, “2023年”).
_CUT_YEAR = compiled(r"(?:19|20)\d{1,2}(?:年度?)?")
#: How a long line of prose ends when the next line goes on with its sentence (a PDF wraps lines): a Han character or
#: a quotation closed inside the sentence, no stop.
_WRAPPED_BEFORE = compiled(f'[{HAN}”』」"]$')
#: Longest last line taken for a signature (the body's name).
MAX_SIGNATURE = 30
#: A county's body cut in its name: a 市 right after a county, district or banner is the start of 城市管理局 or
#: 市场监督管理局, never a city inside it (涡阳县城市, 某区市).
_CUT_AFTER_COUNTY = compiled("[县区旗]城?市$")
#: How many characters of the last words a message quotes.
QUOTED_TAIL = 24
#: What ends a sentence or a clause standing as one (a line holding one is prose; contact details after the last end a text).
_SENTENCE = compiled(r"[。！？!?；;]")
#: A number that can be a cell's value: not a row label's ordinal (1.属于国家秘密, 第二十条) nor part of a longer number.
_CELL_NUMBER = compiled(r"(?<![\d.．,，])\d+(?:\.\d+)?(?![\d.．、])")
_PAGE_OF = compiled(r"第\s*(\d{1,4})\s*页\s*[,，/]?\s*共\s*(\d{1,4})\s*页|共\s*(\d{1,4})\s*页\s*[,，/]?\s*第?\s*(\d{1,4})\s*页")
#: A short bracketed aside right after a Han character at the end of a line (its words in group 1).
_ASIDE_AT_END = compiled(f"[{HAN}][(（]([^()（）]{{1,20}})[)）]$")
#: A last line at least this long is prose, not a heading, a cell or a signature.
_PROSE_LINE = 30
_LIST_OR_CLAUSE = compiled("[,，、]")
_PHONE_OR_LINK = compiled(r"(?:电话|传真|邮编|邮箱|网址|地址)\s*[:：]|https?://|www\.|\d{3,4}-\d{7,8}$")


@dataclass(frozen=True)
class Truncation:
    """Where an incomplete report's text stops.

    ``start``/``end`` are the last piece of the report's text (its last line);
    ``reason`` is ``pagination`` (only one page of a paginated article),
    ``heading`` (a heading with nothing after it), ``table`` (the text stops in
    part 二, 三 or 四 with the later parts missing), ``sentence`` (the last line
    stops mid-sentence) or ``first-part`` (the text stops after a finished sentence
    of part 一, and no part follows); ``section`` is the part the text stops in (None: before
    the first part), ``number`` that part's number (0 before the first part): a later part whose heading is missing
    when the text stops in its tables (``headingless``).
    """

    start: int
    end: int
    reason: str
    section: FoundSection | None
    number: int
    last_words: str
    #: The official heading of the part the text stops in when that part lost its heading (its tables were read by
    #: their labels under the part before), else None.
    headingless: str | None = None

    @property
    def cuts_its_last_paragraph(self) -> bool:
        """Whether the text stops inside its last paragraph, the rest of which was lost: every reason but ``first-part``,
        whose last sentence is finished."""
        return self.reason != "first-part"

    def cuts(self, number: int) -> bool:
        """Whether part ``number`` (1–6) is not wholly in the text: the part the text stops in, or a later one."""
        return number >= max(self.number, 1)

    def describe(self) -> str:
        """Where and how the text stops, in Chinese."""
        if self.headingless is not None:
            where = f"第{section_number(self.number)}部分（缺少标题“{self.headingless}”）"
        elif self.section is None:
            where = "开头部分（第一部分之前）"
        elif self.number and self.section.is_template:
            where = f"第{section_number(self.number)}部分“{squash(self.section.heading)}”"
        else:
            where = f"“{squash(self.section.heading)}”部分"
        if self.reason == "pagination":
            return f"文本只是分页文章的一页（有“下一页”等分页链接），正文在{where}处中断"
        if self.reason == "heading":
            heading = squash(self.section.heading) if self.section else self.last_words
            if self.last_words.isdigit():
                return f"正文最后是标题“{heading}”，标题下面只有数字“{self.last_words}”，句子没有写完"
            return f"正文最后是标题“{heading}”，标题下面没有内容"
        if self.reason == "table":
            return f"正文在{where}中断（最后是“{self.last_words}”），后面的部分都没有"
        if self.reason == "first-part":
            return f"正文到{where}为止（最后是“{self.last_words}”），第二至第六部分都没有（文本可能在复制或转换时丢失了后面的内容）"
        return f"正文在{where}中句子没有写完就结束了（最后是“{self.last_words}”）"


@dataclass(frozen=True)
class UnreadTable:
    """A part 二, 三 or 四 whose tables gave no value the checks can use, or rows that could not be split.

    ``reason`` is ``empty`` (nothing under the heading: tables published as
    images or attachments, or lost in copying), ``images`` (nothing but the file names
    or placeholders of pictures: the tables were published as images), ``unsplit`` (values written
    together that cannot be split into cells with certainty), ``no-values``
    (the tables' titles and labels without a single number: left unfilled, or
    the values lost in copying) or ``layout`` (table words and numbers but no
    row the reader can place). ``tables`` are the template tables concerned;
    ``rows`` the labels of unsplit rows. ``label-only``: rows of a table read in part whose labels are there without a
    value (``rows``: their official labels).
    """

    section: FoundSection
    reason: str
    tables: tuple[str, ...]
    start: int
    end: int
    rows: tuple[str, ...] = ()


def _last_content_line(document: Document, chrome: Sequence[Span], before: int | None = None) -> Span | None:
    """The last non-blank line of the text that is not page chrome, trimmed (ending at or before ``before``, if given).

    ``chrome`` are the page's chrome lines (:func:`~reportlint.text.chrome.chrome_lines`,
    which leaves out table rows); a table row is tested here. The lines are read
    from the end: only the last one counts.
    """
    text = document.normalized
    chrome_starts = {span.start for span in chrome}
    for line in reversed(document.lines):
        content = text[line.start : line.end]
        stripped = content.strip()
        if not stripped:
            continue
        start = line.start + len(content) - len(content.lstrip())
        if before is not None and start + len(stripped) > before:
            continue
        if start in chrome_starts if "\t" not in content else is_chrome_line(content):
            continue
        return Span(start, start + len(stripped))
    return None


def _more_pages(document: Document) -> Span | None:
    """A pager saying the article has pages after this one (第1页 共3页, 下一页)."""
    text = document.normalized
    if "页" not in text:
        return None  # every pager names a page
    for line in document.lines:
        content = text[line.start : line.end]
        if not is_pagination_line(content):
            continue
        numbers = _PAGE_OF.search(content)
        if numbers is None:
            if "下一页" in content or "尾页" in content:
                return line
            continue
        page, total = (int(numbers.group(1)), int(numbers.group(2))) if numbers.group(1) else (int(numbers.group(4)), int(numbers.group(3)))
        if page < total:
            return line
    return None


def _section_at(sections: Sequence[FoundSection], position: int) -> FoundSection | None:
    return next((section for section in reversed(sections) if section.start <= position), None)


def _number_of(sections: Sequence[FoundSection], section: FoundSection | None) -> int:
    """The template number of the part a position is in: its own, else the last template part before it."""
    if section is None:
        return 0
    if section.is_template and section.spec_id:
        return int(section.spec_id[1:])
    before = [int(found.spec_id[1:]) for found in sections if found.start <= section.start and found.is_template and found.spec_id]
    return max([*before[-1:], section.ordinal or 0])


def _names_a_body(text: str) -> bool:
    """Whether a last line is a body's name (a signature), not the first words of one cut off nor the body naming
    itself in a sentence just begun (“我旗”, “本局”)."""
    return body_level(text) != "未知" and _CUT_AFTER_COUNTY.search(text) is None and text[:1] not in "我本"


def _ends_properly(text: str, previous: str = "") -> bool:
    """Whether a last line ends like a finished text: punctuation, a date, a signature, contact details or a short line
    (``previous``: the line before it)."""
    stripped = text.strip()
    if _BARE_ORDINAL.fullmatch(stripped):
        return False  # a heading cut after its number (“二、”)
    if _CUT_YEAR.fullmatch(stripped):
        return False  # a sentence cut in or right after its year (“2023年,我乡……” cut to “202”)
    closing = next((word for word in _CLOSING_WORDS if stripped.endswith(word)), None)
    if closing is not None and (len(stripped) == len(closing) or stripped[-len(closing) - 1] in _BEFORE_CLOSING_WORD):
        return True  # “无”, “：无”, “……。特此报告” (not the 无 of “无互动、无” cut off)
    if stripped[-1] in _OPENING_MARKS:
        return False  # a bracket or quotation opened and cut (“(” of “(四)”)
    if stripped.count("(") + stripped.count("（") > stripped.count(")") + stripped.count("）"):
        return False  # a bracket left open on the last line: its close was cut (“……地址:政府门户网站(https://www.ahs”)
    if len(stripped) < MIN_CUT_LINE:
        # a short line ends a text, unless it is the first words of a numbered item (“3.政”), or words under a
        # heading (“在用好”, “目” under “六、其他需要报告的事项”) or after a labelled item (“政策文件：……。” then
        # “工作动”) that name no body
        item = _SUB_HEADING.match(stripped)
        if item is not None:
            return _HAN_ONLY.fullmatch(stripped, item.end()) is None
        before = previous.strip()
        if _HAN_ONLY.fullmatch(stripped) and _WRAPPED_BEFORE.search(before) and len(before) >= _PROSE_LINE:
            return _ends_properly(before + stripped)  # the tail of a wrapped line of prose (a PDF's “……将“征地信息公开”” / “栏目”)
        opens_list = any(pattern.match(before) is not None for pattern in (_OPENS_HEADING, _LABELLED_ITEM, _COUNTED_ITEM))
        return not opens_list or _HAN_ONLY.fullmatch(stripped) is None or _names_a_body(stripped)
    if stripped[-1] in _CLOSING_QUOTES:
        # a quotation closes a sentence when the sentence ended inside it (……。”); a quoted term ends none (一是严格落实“三审三校”)
        quoted = stripped.rstrip(_CLOSING_QUOTES)
        return not quoted or quoted[-1] in _PROPER_ENDS or not re.search(f"[{HAN}\\w]$", quoted)
    aside = _ASIDE_AT_END.search(stripped)
    if (
        aside is not None
        and len(stripped) >= _PROSE_LINE
        and _LIST_OR_CLAUSE.search(stripped)
        and not _PHONE_OR_LINK.search(aside.group(1))
    ):
        return False  # prose cut after a bracketed aside, with no full stop after it: “……、微信公众号(生态南昌)”
    if stripped[-1] in _PROPER_ENDS:
        return True
    dates = find_dates(stripped)
    if dates and dates[-1].end >= len(stripped) - 1:
        return True
    last_sentence = stripped[max((end.end() for end in _SENTENCE.finditer(stripped)), default=0) :]
    if _ends_with_contact_details(last_sentence):  # (a link in an earlier sentence does not)
        return True
    if (
        len(stripped) <= MAX_SIGNATURE
        and _names_a_body(stripped)
        and not re.search(r"[,，、:：。；;《“]", stripped)  # (a sentence before it, or a title opened: “印发《某区人民政府”)
        and not _OPENS_HEADING.match(previous.strip())
    ):
        return True  # the signature: the body's name alone on the last line (not words under a heading: 强化门户网站)
    return not re.search(f"[{HAN}\\w,，、:：(（《“%％—]$", stripped)  # (“……办结率100%”, “……救助服务指南—”: cut)


def _ends_with_contact_details(sentence: str) -> bool:
    """Whether a sentence ends with contact details (“联系电话：0931-1234567，邮箱：……”): its last clause holds a phone
    number, an address or a link; a link in a clause that prose goes on after (“依托……网(http://……)作为第一平台，加强……”)
    ends nothing."""
    contacts = list(_PHONE_OR_LINK.finditer(sentence))
    return bool(contacts) and not _CLAUSE_BREAK.search(sentence, contacts[-1].end())


#: A break between clauses: prose after contact details goes on past one.
_CLAUSE_BREAK = compiled(f"[{COMMAS}{SEMICOLONS}]")


def _is_bare_number(text: str) -> bool:
    """Whether a line is a short number alone: the first digits of a cut sentence (“2025年……”), or a cell's value."""
    return len(text) <= MAX_CUT_NUMBER and text.isdigit()


def _nothing_under(section: FoundSection, body: str) -> bool:
    """Whether the last part's heading has nothing under it: no text, or, under a heading of prose, a bare number (the
    first digits of “2025年……” where the copy was cut; a part of tables may end in a cell's value)."""
    return not body or (_is_bare_number(body) and section.spec_id not in TABLE_SECTIONS)


def _stops_in_cells(last: str, previous: str, template: TemplateSpec | None) -> bool:
    """Whether the text stops in a table's cells, where a report ends with part 六's prose: its last line one of the
    tables' labels (“规 章”, “现行有效件数”), or a bare value (“0”) under a line that is no sentence, signature or date."""
    if template is not None and label_key(last) in template.label_parts:
        return True
    return (
        _is_bare_number(last)
        and bool(previous.strip())
        and _SENTENCE.search(previous) is None
        and not _names_a_body(previous.strip())
        and find_dates(previous) == []
    )


def _part_of_label(text: str, template: TemplateSpec | None) -> SectionSpec | None:
    """The part whose tables have ``text`` as a row or column label, a header or a title (None: no table's, or several
    parts')."""
    if template is None:
        return None
    parts = template.label_parts.get(label_key(text), frozenset())
    return template.section(next(iter(parts))) if len(parts) == 1 else None


def find_truncation(
    document: Document, sections: Sequence[FoundSection], chrome: Sequence[Span] | None = None, template: TemplateSpec | None = None
) -> Truncation | None:
    """Where the report's text stops early, or None when it reads as complete (see the module docs).

    ``chrome`` are the page's chrome lines when the caller has found them already; ``template`` the report's format,
    whose tables' labels a text stopping in a table's cells ends with.
    """
    chrome = tuple(chrome_lines(document.normalized, document.lines, document.line_texts)) if chrome is None else chrome
    last = _last_content_line(document, chrome)
    if last is None:
        return None
    text = document.normalized
    pager = _more_pages(document)
    if pager is not None:
        last = _last_content_line(document, chrome, before=pager.start) or last
    section = _section_at(sections, last.end - 1)
    number = _number_of(sections, section)
    last_text = text[last.start : last.end]
    words = _last_words(document, last)
    if pager is not None:
        return Truncation(last.start, last.end, "pagination", section, number, words)
    later = [found for found in sections if found.start > last.start]
    if section is not None and not later and _nothing_under(section, body := text[section.body_start : section.body_end].strip()):
        return Truncation(section.start, section.end, "heading", section, number, body or words)
    in_table_part = section is not None and section.is_template and section.spec_id in TABLE_SECTIONS
    if (
        in_table_part
        and not later
        and not any(found.is_template and int(found.spec_id[1:]) > number for found in sections if found.spec_id)
    ):
        return Truncation(last.start, last.end, "table", section, number, words)
    looks_like_a_report = bool(sections) or len(text) >= MIN_REPORT_LENGTH  # a snippet ending anyhow is not a cut page
    previous = _last_content_line(document, chrome, before=last.start - 1)
    previous_text = text[previous.start : previous.end] if previous is not None else ""
    if looks_like_a_report and _stops_in_cells(last_text, previous_text, template):
        part = _part_of_label(last_text, template)  # the part whose table the label is (its heading may be missing)
        if part is None or part.number <= number:
            return Truncation(last.start, last.end, "table", section, number, words)
        headingless = None if any(found.spec_id == part.id for found in sections) else part.heading
        return Truncation(last.start, last.end, "table", section, part.number, words, headingless)
    if looks_like_a_report and not _ends_properly(last_text, previous_text) and not _inside_table(document, last.start):
        return Truncation(last.start, last.end, "sentence", section, number, words)
    if (
        section is not None
        and ((section.is_template and section.spec_id == "s1") or section.is_old_first_part)
        and sections[-1] is section
        # prose to its end (a finished sentence or list item: no table after it)
        and last_text.rstrip(_CLOSING_QUOTES + ")）")[-1:] in SENTENCE_STOPS + SEMICOLONS + "…"
    ):
        return Truncation(last.start, last.end, "first-part", section, number, words)
    return None


def stop_in_tables(
    document: Document, sections: Sequence[FoundSection], chrome: Sequence[Span], number: int, tables_start: int
) -> Truncation | None:
    """The text stopping in the tables of part ``number``, whose heading is missing and whose tables start at
    ``tables_start``: its last line there and no heading after them, as a text stops in a part with its heading
    (reason ``table``: the later parts are missing)."""
    last = _last_content_line(document, chrome)
    if last is None or last.start < tables_start or any(found.start > tables_start for found in sections):
        return None
    return Truncation(last.start, last.end, "table", _section_at(sections, last.end - 1), number, _last_words(document, last))


def _last_words(document: Document, last: Span) -> str:
    """The last words of the text, as a truncation quotes them."""
    return squash(document.text[max(0, last.end - 3 * QUOTED_TAIL) : last.end])[-QUOTED_TAIL:]


def _inside_table(document: Document, position: int) -> bool:
    return any(table.start <= position < table.end for table in document.tables)


def find_unread_tables(
    document: Document,
    sections: Sequence[FoundSection],
    filled: FilledTemplate | None,
    template: TemplateSpec | None,
    truncation: Truncation | None,
) -> tuple[UnreadTable, ...]:
    """The parts 二, 三, 四 present in the report whose tables could not be read (see :class:`UnreadTable`)."""
    if template is None:
        return ()
    found = []
    for section_id in TABLE_SECTIONS:
        section = next((item for item in sections if item.spec_id == section_id), None)
        if section is None:
            continue
        number = int(section_id[1:])
        tables = [table.id for table in template.tables_of(section_id)]
        filled_tables = [filled.table(table) for table in tables] if filled else []
        present = [table for table in filled_tables if table is not None and table.found]
        readable = any(cell.is_readable for table in present for cell in table.cells())
        unsplit = [row for table in present for row in table.unsplittable]
        cut = truncation is not None and truncation.cuts(number)  # the text stops in or before this part
        if readable:
            if unsplit:
                found.append(_unsplit(section, unsplit))
        elif cut:
            continue
        else:
            body = document.normalized[section.body_start : section.body_end]
            if not body.strip():
                found.append(UnreadTable(section, "empty", tuple(tables), section.start, section.end))
                continue
            if _IMAGES_ONLY.fullmatch(body):
                found.append(UnreadTable(section, "images", tuple(tables), section.start, section.end))
                continue
            if unsplit:
                found.append(_unsplit(section, unsplit))
                continue
            if not present:
                cells = _table_lines(body)
                if _has_table_words(cells, template, section_id):
                    reason = "layout" if _CELL_NUMBER.search(cells) else "no-values"
                    found.append(UnreadTable(section, reason, tuple(tables), section.start, section.end))
                continue
        # (where the text stops in this part, only what stands before the last line: the rest is RL117's)
        end = min(section.body_end, truncation.start) if cut and truncation is not None else section.body_end
        found.extend(_without_values(document, section, end, template, section_id, present))
    return tuple(found)


def _without_values(
    document: Document, section: FoundSection, end: int, template: TemplateSpec, section_id: str, present: Sequence[FilledTable]
) -> list[UnreadTable]:
    """What a part whose tables are read, or read in part, has without values: tables whose titles and row labels are
    there (第二十条第（五）项 and 行政许可: ``no-values``, placed from the first such title to the last), and rows of a
    read table whose labels have no value after them (“规范性文件” followed by the next table's title: ``label-only``,
    one entry per table), up to ``end``. The values were lost in copying, or never filled in."""
    specs = template.tables_of(section_id)
    read_ids = {table.spec.id for table in present}
    partial = [
        (table, table.start, read)
        for table in present
        if table.start is not None
        and table.start >= section.body_start
        and not {row.id for row in table.spec.rows} <= (read := {row.row for row in table.rows} | {row.row for row in table.unsplittable})
    ]
    if all(spec.id in read_ids for spec in specs) and not partial:
        return []  # (most reports: every table and row read)
    key, offsets = keyed(document.normalized, section.body_start, end)
    titles = {spec.id: label_key(spec.title) for spec in specs}
    places = sorted((at, spec_id) for spec_id, title in titles.items() if len(title) >= 6 and (at := key.find(title)) >= 0)
    found = []
    titled = []
    for (at, spec_id), (following, _) in zip(places, [*places[1:], (len(key), "")], strict=False):  # the next title
        under = key[at:following]
        if spec_id not in read_ids and any(
            len(row) >= 2 and row in under for row in map(label_key, (row.label for row in template.table(spec_id).rows))
        ):
            titled.append((spec_id, offsets[at], offsets[at + len(titles[spec_id]) - 1] + 1))
    if titled:
        found.append(UnreadTable(section, "no-values", tuple(table for table, _, _ in titled), titled[0][1], titled[-1][2]))
    for table, table_start, read in partial:
        start = next((index for index, offset in enumerate(offsets) if offset >= table_start), len(key))
        table_end = next((at for at, _ in places if at > start), len(key))  # the next table's title
        rows = []
        for row in table.spec.rows:
            label = label_key(row.label)
            at = key.find(label, start, table_end) if row.id not in read and len(label) >= 2 else -1
            if at >= 0:
                rows.append((row.label, offsets[at], offsets[at + len(label) - 1] + 1))
        if rows:
            found.append(
                UnreadTable(section, "label-only", (table.spec.id,), rows[0][1], rows[-1][2], tuple(label for label, _, _ in rows))
            )
    return found


def _unsplit(section: FoundSection, rows) -> UnreadTable:
    tables = tuple(dict.fromkeys(row.table for row in rows))
    return UnreadTable(section, "unsplit", tables, rows[0].start, rows[-1].end, tuple(squash(row.text) for row in rows))


def _table_lines(body: str) -> str:
    """A part's lines that are not sentences (where its tables' words and numbers are), joined."""
    return "".join(body[line.start : line.end] for line in iter_lines(body) if not _SENTENCE.search(body[line.start : line.end]))


def _has_table_words(cells: str, template: TemplateSpec, section_id: str) -> bool:
    """Whether a part's table lines hold its tables' titles or column headers (a table there, in a form not read)."""
    key = keyed(cells, 0, len(cells))[0]
    words = {
        label_key(text)
        for table in template.tables_of(section_id)
        for text in (table.title, *(column.label for column in table.columns), *table.header)
        if len(text) >= 4
    }
    return sum(1 for word in words if word and word in key) >= 2
