"""RL6 wording: writing slips of the report's own prose (RL611–RL617).

Doubled characters, broken list numbering, wrong citations of the regulation,
a bare 我, another level's scope, stray symbols and numbers without their unit.
The rules read the report's prose only: section headings, the tables of
sections 二 to 四, table rows flattened into text and page chrome are left out
(:func:`prose_lines`); quoted text and titles in 《》 are the words of others
and are left out where a rule says so.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reportlint.core.diagnostics import Diagnostic, Fix, Related
from reportlint.core.hookspecs import hookimpl
from reportlint.core.model import Cell
from reportlint.core.rule import Option, Rule
from reportlint.text.chars import HAN, is_han, positions_of
from reportlint.text.enumerations import INLINE_LEVEL, EnumerationMarker, find_markers
from reportlint.text.ordinals import chinese_number
from reportlint.text.phrases import PhraseFinder
from reportlint.text.segmentation import Span, clause_end, clause_start, sentence_at, span_index
from reportlint.text.self_references import find_bare_self_references, higher_scopes, own_self_nouns, scope_rank
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.core.report import Report

#: Sections whose body is tables, not prose, and those whose body is prose.
TABLE_SECTIONS = ("s2", "s3", "s4")
PROSE_SECTIONS = ("s1", "s5", "s6")


class ProseLine(NamedTuple):
    """A line of the report's own prose and the part it belongs to (a section id, ``intro`` or ``unknown``)."""

    start: int
    end: int
    part: str


def prose_lines(report: Report, table_sections: bool = True) -> list[ProseLine]:
    """The lines of prose: the intro and the section bodies, without headings, tables, table rows and chrome.

    With ``table_sections=False`` the bodies of sections 二 to 四 are left out
    whole: their row labels (``（一）予以公开``) are numbered like prose when a
    table is flattened into one cell per line.
    """
    lines = report.shared(_find_prose_lines)
    return lines if table_sections else [line for line in lines if line.part not in TABLE_SECTIONS]


def prose_line_runs(report: Report, table_sections: bool = True) -> list[ProseLine]:
    """The :func:`prose_runs` of :func:`prose_lines` (computed once per report)."""
    return report.shared(_runs if table_sections else _runs_outside_tables)


def _runs(report: Report) -> list[ProseLine]:
    return prose_runs(report.normalized, prose_lines(report))


def _runs_outside_tables(report: Report) -> list[ProseLine]:
    return prose_runs(report.normalized, prose_lines(report, table_sections=False))


def _find_prose_lines(report: Report) -> list[ProseLine]:
    reading = report.reading
    text = report.normalized
    tables = [(block.start, block.end) for block in report.document.tables]
    if reading.filled is not None:
        tables += [
            (table.start, table.end) for table in reading.filled.tables.values() if table.start is not None and table.end is not None
        ]
    title_end = reading.title.end if reading.title is not None else 0
    if reading.sections:
        parts = [(title_end, reading.sections[0].start, "intro")]
        parts += [
            (section.body_start, section.body_end, section.spec_id or f"{section.kind}-{index}")
            for index, section in enumerate(reading.sections)
        ]
    else:
        parts = [(title_end, len(text), "unknown")]
    lines = []
    part_index, part_count = 0, len(parts)
    chrome = report.chrome_lines
    covered = _union(tables)
    covered_starts = [left for left, _ in covered]
    table, table_count = 0, len(covered)  # the first table (covered range) that ends after the line's start
    every_line = report.lines
    index, count = 0, len(every_line)
    while index < count:
        line_start, line_end = every_line[index]
        index += 1
        if line_start == line_end:
            continue  # an empty line (a quarter of a report's lines)
        while table < table_count and covered[table][1] <= line_start:
            table += 1
        if table < table_count and covered[table][0] <= line_start:
            # the line starts in a table, and so do the lines up to the table's end: passed over at once (a line is a
            # (start, end) tuple: (right,) comes before the lines that start at right or later)
            index = bisect_left(every_line, (covered[table][1],), index)
            continue
        while part_index < part_count and parts[part_index][1] <= line_start:
            part_index += 1
        if part_index == part_count:
            break
        start, end, part = parts[part_index]
        if line_end <= start or text.find("\t", line_start, line_end) >= 0:
            continue
        if table < table_count and covered[table][0] < line_end and _in(covered, covered_starts, line_end - 1):
            continue  # the line ends in a table (left < end <= right)
        if text.count("|", line_start, line_end) >= 2 or line_start in chrome:
            continue
        if text[line_start].isspace() and text[line_start:line_end].isspace():
            continue  # a line of white space (the first character says at once that most lines are not)
        lines.append(ProseLine(max(line_start, start), min(line_end, end), part))
    return lines


def prose_runs(text: str, lines: list[ProseLine]) -> list[ProseLine]:
    """The prose lines of one part with only white space between them (blank lines), joined into one range each.

    No enumeration marker crosses a line end, and one at a line's start is found there whether the search starts at
    the line or before it (``^`` and the look-behinds of :func:`~reportlint.text.enumerations.find_markers` see the
    text around the range): a run's markers are those of its lines, found in one search instead of one per line.
    """
    runs: list[ProseLine] = []
    for line in lines:
        if runs and (last := runs[-1]).part == line.part and text[last.end : line.start].isspace():
            runs[-1] = ProseLine(last.start, line.end, line.part)
        else:
            runs.append(line)
    return runs


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Half-open ranges merged into sorted, disjoint ones that cover the same positions."""
    merged: list[tuple[int, int]] = []
    for left, right in sorted(ranges):
        if left >= right:
            continue
        if merged and left <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return merged


def _in(ranges: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether ``position`` lies in one of the sorted, disjoint ``ranges`` (``starts``: their starts)."""
    return span_index(ranges, starts, position) >= 0


# --------------------------------------------------------------------------- RL611

#: Characters whose doubling is a slip, with the words that make a doubled pair two words: the words that
#: start with the character (``镇长``: 某镇 + 镇长) and the characters that end a word with it (``目的``: 目的 + 的).
_COUNTY_WORDS = (
    "本级",  # 舒城县县本级: 舒城县 and 县本级 (the county's own budget)
    "长",
    "委",
    "政府",
    "府",
    "、",
    "直",
    "级",
    "城",
    "域",
    "情",
    "属",
    "内",
    "里",
    "区",
    "乡",
    "纪",
    "民",
    "人大",
    "人民医院",
    "医院",
    "中",
)
DOUBLING_SLIPS: dict[str, tuple[tuple[str, ...], str]] = {
    "的": (("确",), "目标端"),
    "了": (("解", "结", "之", "然", "如"), "不"),
    "是": (("非", "否"), ""),
    "在": ((), "实存"),
    "和": (("美", "睦", "谐", "气"), ""),
    "与": ((), ""),
    "也": ((), ""),
    "而": ((), ""),
    "或": ((), ""),
    "于": ((), ""),
    "被": ((), ""),
    "镇": (
        (
            "长",
            "区",
            "属",
            "域",
            "政府",
            "府",
            "、",
            "党",
            "人大",
            "村",
            "纪",
            "委",
            "干",
            "直",
            "情",
            "里",
            "内",
            "级",
            "本级",
            "中心",
            "卫生院",
        ),
        "",
    ),
    "乡": (
        ("长", "村", "镇", "政府", "府", "、", "党", "人大", "纪", "委", "里", "亲", "土", "间", "下", "级", "本级", "情", "卫生院"),
        "家城",
    ),
    "局": (("长", "属", "机关", "领导", "务", "党", "办", "里", "内", "面", "限", "势"), "格布开结"),
    "县": (_COUNTY_WORDS, ""),
    "州": (_COUNTY_WORDS, ""),  # 昌吉州州生态环境局; not 某州州长, 某州州委
}
#: A road's name after a place's doubled last character (某镇镇兴路, 某县县前街): the second character opens the road's.
_ROAD_AFTER = compiled(f"[{HAN}]{{1,2}}(?:路|街|大道|巷|大街)")
_DOUBLED_SLIP = compiled("([" + "".join(DOUBLING_SLIPS) + "])\\1")
#: Correct words and idioms with a doubled character of :data:`DOUBLING_SLIPS`: never reported.
LEGITIMATE_DOUBLES = (
    "的的确确",
    "是是非非",
    "实实在在",
    "和和美美",
    "和和气气",
    "不了了之",
    "小时了了",
    "县县通",
    "乡乡通",
    "镇镇通",
    "乡乡镇镇",
)


class RepeatedCharacter(Rule):
    """同一个字误写了两遍（如“的的”“了了”“镇镇”“局局”）。

    改稿、复制粘贴时容易把一个字打两遍。单字叠用的正确写法（常常、人人、天天、往往、
    渐渐、刚刚、仅仅、的的确确）和两个词相接形成的叠字（“兴国镇镇长”是“兴国镇”加
    “镇长”，“蓬华镇镇府路”是“蓬华镇”加“镇府路”，“城口县县、乡镇两级”是“城口县”加“县、乡镇”，“为了了解”是“为了”加“了解”，“目的的”是
    “目的”加“的”）不报告。规则只
    检查叠写几乎总是笔误的字（的、了、是、在、和、与……以及镇、乡、局、县、州），不检查
    “学习习近平”这类常见的词间叠字；两个字分属表格的两个单元格时也不报告；地名库中本来
    就叠字的地名（乌镇镇、古镇镇、富乡乡）不报告。

    反例：

        建设整体统一的的网站界面，方便群众查阅。

    正例：

        建设整体统一的网站界面，方便群众查阅。

    选项：``allow``（字符串列表）——不报告的写法（含叠字及其前后文字，如 ``["局局务会"]``）。
    """

    code = "RL611"
    name = "repeated-character"
    severity = "warning"
    fix_safety = "safe"  # only the second copy of a character that is almost never doubled
    options = {"allow": Option([], "不报告的叠字写法，如“局局务会”", list)}

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized
        allowed = LEGITIMATE_DOUBLES + tuple(self.config["allow"])
        cells: list[Cell] | None = (
            None  # the document's table cells, gathered when a doubled pair is left to check against them (a few reports)
        )
        pattern = _DOUBLED_SLIP
        for match in pattern.finditer(text):
            char = match.group(1)
            start = match.start()
            before = text[start - 1] if start else ""
            after = text[match.end() : match.end() + 1]
            if char in (before, after):
                continue  # a run of three is something else (an ellipsis of characters, a list)
            starts_word, ends_word = DOUBLING_SLIPS[char]
            if text.startswith(starts_word, match.end()) or (before and before in ends_word):
                continue
            if char in _PLACE_SUFFIXES and _ROAD_AFTER.match(text, match.end()):
                continue  # a place, then a road named after it (江口镇镇兴路1号)
            context = text[max(0, start - 4) : match.end() + 4]
            if any(word in context and _covers(context, word, start - max(0, start - 4)) for word in allowed):
                continue
            if cells is None:
                cells = [cell for table in report.document.tables for row in table.rows for cell in row]
            if any(cell.start <= start < cell.end and not cell.start <= start + 1 < cell.end for cell in cells):
                continue
            if char in _PLACE_SUFFIXES and _in_place_name(report, start):
                continue
            yield self.diagnostic(
                f"“{report.text[start : match.end()]}”疑为笔误：“{char}”多写了一遍，应为“{char}”",
                start,
                match.end(),
                fix=Fix(start + 1, match.end(), "", f"删除多余的“{char}”"),
            )


#: The doubled characters that end place names (乌镇镇, 古镇镇, 富乡乡 are townships).
_PLACE_SUFFIXES = "镇乡县"
#: How far before a doubled pair a place name may start.
_LONGEST_NAME_BEFORE = 6


def _in_place_name(report: Report, start: int) -> bool:
    """Whether the doubled pair at ``start`` lies inside the name of a place of the gazetteer (loaded on first use)."""
    window_start = max(0, start - _LONGEST_NAME_BEFORE)
    window = report.normalized[window_start : start + 3]
    pair = start - window_start
    return any(mention.start <= pair and pair + 2 <= mention.end for mention in report.places.gazetteer.scan(window))


def _covers(context: str, word: str, pair: int) -> bool:
    """Whether an occurrence of ``word`` in ``context`` covers the doubled pair at ``pair``."""
    position = context.find(word)
    while position >= 0:
        if position <= pair and pair + 2 <= position + len(word):
            return True
        position = context.find(word, position + 1)
    return False


# --------------------------------------------------------------------------- RL612


@dataclass(frozen=True)
class NumberingSlip:
    """A list marker out of sequence: the marker, the one before it, the expected number, and what kind of slip."""

    marker: EnumerationMarker
    previous: EnumerationMarker
    expected: int
    kind: str  # skipped | repeated | reversed | misnumbered
    following: EnumerationMarker | None = None


def numbering_slips(markers: list[EnumerationMarker], line_openers: frozenset[int] = frozenset()) -> Iterator[NumberingSlip]:
    """Slips in a run of markers of one part: each style counts on its own, an outer marker restarts the inner lists.

    A list restarts at 1. Two markers for one slip (``一是……三是……三是``: the
    first 三是 should be 二是) are one slip, reported at the wrong marker. ``line_openers`` are the starts of the
    markers that open their line: a list of the same style restarted inside such an item's line (``四是平台建设。一是……
    二是……``) is nested in it, and the next line's marker (``五是``) follows the item, not the nested list.
    """
    last: dict[str, EnumerationMarker] = {}
    outer: dict[str, EnumerationMarker] = {}  # the line-opening item a list restarted inside its line belongs to
    for index, marker in enumerate(markers):
        for name, earlier in list(last.items()):
            if earlier.level > marker.level or (marker.level < INLINE_LEVEL and earlier.level == INLINE_LEVEL):
                del last[name]  # a new item of an outer list (or a new numbered paragraph) starts the inner lists afresh
                outer.pop(name, None)
        name = marker.style.name
        previous = last.get(name)
        if marker.start in line_openers and name in outer:
            previous = outer.pop(name)  # the nested list is over: this line's item follows the outer one
        elif marker.value == 1 and previous is not None and previous.start in line_openers and marker.start not in line_openers:
            outer[name] = previous
        last[name] = marker
        if previous is None or marker.value == 1:
            continue
        expected = previous.value + 1
        if marker.value == expected:
            continue
        following = next((later for later in markers[index + 1 :] if later.style == marker.style), None)
        if following is not None and following.value == expected + 1 and marker.value in (previous.value, expected + 1):
            # 一是 三是 三是 / 一是 二是 二是 四是: this marker alone is wrong; the list goes on from the expected number
            yield NumberingSlip(marker, previous, expected, "misnumbered", following)
            last[marker.style.name] = marker._replace(value=expected)
            continue
        if marker.value == previous.value:
            kind = "repeated"
        elif marker.value > expected:
            kind = "skipped"
        else:
            kind = "reversed"
        yield NumberingSlip(marker, previous, expected, kind)


class EnumerationSequence(Rule):
    """同一部分里的编号跳号、重号或顺序颠倒（“一是……三是”“（二）……（二）”“3. ……2.”）。

    检查正文中的各级编号：“一、”“（一）”“1.”“（1）”以及行文中的“一是、二是”“第一，第二，”
    “首先、其次、再次”。每一级在同一部分（章节）内单独计数，上一级的新条目开始时下一级
    重新计数，以 1 开头的编号开始新的一组；章节标题和表格（第二、三、四部分的表格、
    表格行）中的编号不是正文编号，不检查。没有识别出章节标题的部分只检查行文中的
    “一是”“第一”“首先”（成行的编号可能是表格行标签或标题）。问题指出两处：出错的编号
    和它前面的编号。跳过的那个编号若在两者之间的行首丢了一个括号（“(一)……”“二)……”
    “(三)……”），报告的是这个序号缺少括号，而不是跳号。

    反例：

        存在的问题：一是公开内容不够全面；三是解读形式单一；三是人员多为兼职。

    正例：

        存在的问题：一是公开内容不够全面；二是解读形式单一；三是人员多为兼职。
    """

    code = "RL612"
    name = "enumeration-sequence"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized
        quoted = report.quoted
        by_part: dict[str, list[EnumerationMarker]] = {}
        for run in prose_line_runs(report, table_sections=False):
            markers = [marker for marker in find_markers(text, run.start, run.end) if not quoted.contains(marker.start)]
            if run.part not in PROSE_SECTIONS:
                # outside a recognised prose section (the reader missed the headings) numbered lines may be
                # table labels or headings: only the inline lists (一是、第一、首先) are the text's own
                markers = [marker for marker in markers if marker.level == INLINE_LEVEL]
            by_part.setdefault(run.part, []).extend(markers)
        for markers in by_part.values():
            line_openers = frozenset(
                marker.start for marker in markers if not text[text.rfind("\n", 0, marker.start) + 1 : marker.start].strip()
            )
            for slip in numbering_slips(markers, line_openers):
                yield self._diagnostic(report, slip)

    def _diagnostic(self, report: Report, slip: NumberingSlip) -> Diagnostic:
        original = report.text
        found, before = slip.marker.written(original), slip.previous.written(original)
        line = report.document.locate(slip.previous.start, slip.previous.end).line
        expected = slip.marker.renumbered(original, slip.expected)
        if slip.kind == "skipped" and slip.marker.value == slip.expected + 1:
            half = _half_bracketed(report.normalized, slip, expected)
            if half is not None:
                start, end = half
                lost = "左" if original[start] not in _OPENING_BRACKETS else "右"
                return self.diagnostic(
                    f"序号“{original[start:end]}”缺少{lost}括号，应写作“{expected}”",
                    start,
                    end,
                    related=[
                        Related(slip.previous.start, slip.previous.end, f"前一个编号“{before}”"),
                        Related(slip.marker.start, slip.marker.end, f"后一个编号“{found}”"),
                    ],
                )
        if slip.kind == "misnumbered":
            assert slip.following is not None
            later = report.document.locate(slip.following.start, slip.following.end).line
            message = f"编号有误：“{found}”前面是第 {line} 行的“{before}”，后面第 {later} 行还有“{slip.following.written(original)}”，此处应为“{expected}”"
        elif slip.kind == "repeated":
            message = f"编号重复：“{found}”与第 {line} 行的“{before}”相同，应为“{expected}”"
        elif slip.kind == "skipped":
            missing = "、".join(slip.marker.renumbered(original, value) for value in range(slip.expected, slip.marker.value))
            message = f"编号跳号：“{found}”前面是第 {line} 行的“{before}”，缺少“{missing}”"
        else:
            message = f"编号顺序颠倒：“{found}”出现在第 {line} 行的“{before}”之后，应为“{expected}”"
        related = [Related(slip.previous.start, slip.previous.end, f"前一个编号“{before}”")]
        if slip.following is not None:
            related.append(Related(slip.following.start, slip.following.end, f"后一个编号“{slip.following.written(original)}”"))
        return self.diagnostic(message, slip.marker.start, slip.marker.end, related=related)


_OPENING_BRACKETS = "(（"
#: A bracketed list number with one of its brackets lost, opening a line (“二)依申请公开”, “(二依申请公开”).
_HALF_BRACKETED = compiled(
    r"(?m)^[ \t\u3000]*(?:(?P<closed>[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|[(（](?P<opened>[一二三四五六七八九十]{1,3}|\d{1,2})(?![)）\d一二三四五六七八九十]))"
)


def _half_bracketed(text: str, slip: NumberingSlip, expected: str) -> tuple[int, int] | None:
    """Where the one number a bracketed list skipped stands with a bracket lost, on a line between the two markers
    (“(一)……” “二)……” “(三)……”): the list did not skip it, its marker lost a bracket."""
    if expected[:1] not in _OPENING_BRACKETS or expected[-1:] not in ")）":
        return None
    number = expected[1:-1]
    for match in _HALF_BRACKETED.finditer(text, slip.previous.end, slip.marker.start):
        if (match.group("closed") or match.group("opened")) == number:
            start = match.start("closed") if match.group("closed") else match.start("opened") - 1
            return start, match.end()
    return None


# --------------------------------------------------------------------------- RL613

#: The regulation as reports cite it: its full name, the short 《条例》, and the name without 中华人民共和国.
_REGULATION = r"《(?:中华人民共和国)?政府信息公开条例》|《条例》"
#: Names that look like the regulation's but are not it (a word missing, 政务 for 政府信息 …).
_MISNAMED_REGULATION = compiled(r"《(?:中华人民共和国|中国)?(?:政府|政务|信息|政府信息|政务信息)?公开(?:管理)?条例》")
_CORRECT_NAMES = ("《中华人民共和国政府信息公开条例》", "《政府信息公开条例》")
_DECREE = compiled(r"国务院(?:令)?第?\s*(\d{2,4})\s*号令?")
_TITLE = compiled(r"《[^《》\n]{1,60}》")
_REGULATION_NAME = compiled(_REGULATION)
# (_REGULATION with its 《 in front: a pattern that opens with one character is searched for at C speed)
_ARTICLE = compiled(r"《(?:(?:中华人民共和国)?政府信息公开|)条例》(?:（[^）]*）|\([^)]*\))?\s*第([一二三四五六七八九十百零〇]+|\d{1,4})条")
_ITEM_OF_ARTICLE_20 = compiled(r"第二十条第\s*[(（]\s*([一二三四五六七八九十]+|\d{1,4})\s*[)）]\s*(项|款)")
#: Articles of the 2008 regulation whose content moved in the 2019 revision: the article, what it is about, the new articles.
MOVED_ARTICLES = (
    (("第三十一条",), "年度报告", "第四十九条（年度报告的公布时限）"),
    (("第三十二条",), "年度报告", "第五十条（年度报告的内容）"),
    (("第九条", "第十条", "第十一条", "第十二条"), "主动公开", "第十九条至第二十一条（主动公开的范围）"),
)
#: The quick test of the moved articles: whether one of them is in a text (one search instead of one per article).
_OLD_ARTICLES = PhraseFinder((article for articles, _, _ in MOVED_ARTICLES for article in articles), builtin=True)
REGULATION_ARTICLES = 56
ARTICLE_20_ITEMS = 15
REVISION_DECREE = 711
ORIGINAL_DECREE = 492


class RegulationCitation(Rule):
    """引用《中华人民共和国政府信息公开条例》时名称、令号或条文有误。

    2019 年修订的条例全称为《中华人民共和国政府信息公开条例》（国务院令第711号修订，
    原条例为 2007 年国务院令第492号），共五十六条；第二十条列举主动公开的十五项内容
    （第（一）项至第（十五）项，是“项”而不是“款”）。规则检查：

    * 形似条例而名称不对的书名（《中华人民共和国政务公开条例》《信息公开条例》）；
    * 紧跟在条例名称后面的国务院令令号不是第711号，或 2019 年以后的报告只引用原条例的第492号
      （第492号就是原条例的令号，不论是否写出条例名称）；
    * “条例第N条”超过第五十六条，“第二十条第（N）项”超过第（十五）项，或写成“第（N）款”；
    * 2019 年以后的报告引用 2008 年条例的条文序号：年度报告是第四十九条（公布时限）和
      第五十条（内容），不再是第三十一条、第三十二条；主动公开的范围是第十九条至
      第二十一条，不再是第九条至第十二条。

    反例：

        根据《中华人民共和国政府信息公开条例》（国务院令第771号）第五十条规定，编制本报告。

    正例：

        根据《中华人民共和国政府信息公开条例》（国务院令第711号）第五十条规定，编制本报告。
    """

    code = "RL613"
    name = "regulation-citation"
    severity = "warning"
    fix_safety = "unsafe"  # a citation's wording is the writer's to confirm

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized.replace("(", "（").replace(")", "）")
        year = report.reading.year
        yield from self._names(report, text)
        yield from self._decrees(report, text, year)
        yield from self._articles(report, text, revised=year is not None and year >= 2019)

    def _names(self, report: Report, text: str) -> Iterator[Diagnostic]:
        for match in _MISNAMED_REGULATION.finditer(text):
            if match.group() in _CORRECT_NAMES:
                continue
            yield self.diagnostic(
                f"条例名称有误：“{report.text[match.start() : match.end()]}”应为《中华人民共和国政府信息公开条例》",
                match.start(),
                match.end(),
                fix=Fix(match.start(), match.end(), "《中华人民共和国政府信息公开条例》", "改为条例全称"),
            )

    def _decrees(self, report: Report, text: str, year: int | None) -> Iterator[Diagnostic]:
        for match in _DECREE.finditer(text):
            number = int(match.group(1))
            if number == REVISION_DECREE:
                continue
            sentence = sentence_at(text, match.start())
            # decree 492 is the original regulation's wherever it is cited; another number is checked next to the name
            if number != ORIGINAL_DECREE and not _cites_regulation(text, sentence, match.start(), match.end()):
                continue
            written = report.text[match.start() : match.end()]
            if number == ORIGINAL_DECREE:
                if year is not None and year >= 2019 and str(REVISION_DECREE) not in text[sentence.start : sentence.end]:
                    yield self.diagnostic(
                        f"“{written}”是 2007 年公布原条例的令号；{year} 年的报告应引用 2019 年修订后的条例（国务院令第711号）",
                        match.start(),
                        match.end(),
                    )
                continue
            yield self.diagnostic(
                f"令号有误：“{written}”——《中华人民共和国政府信息公开条例》2019 年由国务院令第711号修订公布（原条例为国务院令第492号）",
                match.start(),
                match.end(),
                fix=Fix(match.start(1), match.end(1), str(REVISION_DECREE), "改为第711号"),
            )

    def _articles(self, report: Report, text: str, revised: bool) -> Iterator[Diagnostic]:
        for match in _ARTICLE.finditer(text):
            number = chinese_number(match.group(1)) if not match.group(1).isdigit() else int(match.group(1))
            if number is not None and number > REGULATION_ARTICLES:
                yield self.diagnostic(
                    f"条文序号有误：“{report.text[match.start(1) - 1 : match.end()]}”——《中华人民共和国政府信息公开条例》共{REGULATION_ARTICLES}条",
                    match.start(1) - 1,
                    match.end(),
                )
        for match in _ITEM_OF_ARTICLE_20.finditer(text) if revised else ():
            number = chinese_number(match.group(1)) if not match.group(1).isdigit() else int(match.group(1))
            if match.group(2) != "款" and (number is None or number <= ARTICLE_20_ITEMS):
                continue  # an item that exists (the section 二 table cites them all): its sentence need not be looked at
            if _other_title_in(text, sentence_at(text, match.start())):
                continue
            written = report.text[match.start() : match.end()]
            if match.group(2) == "款":
                yield self.diagnostic(
                    f"“{written}”用词有误：条例第二十条只有一款，其下列举的是“项”，应为“第二十条第（{match.group(1)}）项”",
                    match.start(),
                    match.end(),
                    fix=Fix(match.end(2) - 1, match.end(2), "项", "改为“项”"),
                )
            elif number is not None and number > ARTICLE_20_ITEMS:
                yield self.diagnostic(
                    f"“{written}”不存在：条例第二十条列举的主动公开内容只有第（一）项至第（十五）项", match.start(), match.end()
                )
        # One look at each sentence that mentions the regulation (《…条例》 or 条例: every mention holds 条例, and no
        # mention holds a sentence stop or a line end, so the sentences are those of the occurrences of 条例).
        # (a finding is one of the old articles in such a sentence: a text without any of them has none)
        mention = text.find("条例") if revised and _OLD_ARTICLES.occurs(text) else -1
        while mention >= 0:
            sentence = sentence_at(text, mention)
            mention = text.find("条例", sentence.end)
            body = text[sentence.start : sentence.end]
            for articles, topic, now in MOVED_ARTICLES:
                if topic not in body or (topic == "主动公开" and ("指南" in body or "目录" in body)):
                    continue
                for article in articles:
                    position = body.find(article)
                    if position < 0:
                        continue
                    start = sentence.start + position
                    yield self.diagnostic(
                        f"引用的是 2008 年条例的条文序号：“{report.text[start : start + len(article)]}”；"
                        f"2019 年修订后，{topic}的规定在{now}",
                        start,
                        start + len(article),
                    )


def _cites_regulation(text: str, sentence: Span, start: int, end: int) -> bool:
    """Whether the decree at ``[start, end)`` belongs to the regulation: the nearest 《》 title in its sentence is the regulation's."""
    titles = list(_TITLE.finditer(text, sentence.start, sentence.end))
    if not titles:
        return "政府信息公开条例" in text[sentence.start : sentence.end]
    nearest = min(titles, key=lambda title: min(abs(title.end() - start), abs(title.start() - end)))
    return _REGULATION_NAME.fullmatch(nearest.group()) is not None


def _other_title_in(text: str, sentence: Span) -> bool:
    """A 《》 title other than the regulation's in the sentence (the article may be another law's)."""
    return any(_REGULATION_NAME.fullmatch(title.group()) is None for title in _TITLE.finditer(text, sentence.start, sentence.end))


# --------------------------------------------------------------------------- RL614


class BareSelfReference(Rule):
    """自称缺少机关简称：只写了“我”（如“我通过”“我高度重视”），应为“我镇”“我局”“我委”等。

    年度报告以机关的口吻写成，自称是“我镇”“我街道”“我局”“本单位”，而不是“我”。
    “我通过……”“我高度重视……”多是删改时漏掉了“镇”“局”等字。引号中的口号
    （“我为群众办实事”）、“我们”“我国”“自我”不报告。建议的写法按报告主体的类型给出。

    反例（某县交通运输局的报告）：

        2023年，我通过门户网站主动公开政府信息120条。

    正例：

        2023年，我局通过门户网站主动公开政府信息120条。
    """

    code = "RL614"
    name = "bare-self-reference"
    severity = "warning"
    fix_safety = "unsafe"  # the body's short name is inferred from the subject

    def check(self, report: Report) -> Iterator[Diagnostic]:
        subject = report.reading.subject
        own = own_self_nouns(subject.name, subject.level) if subject is not None else ()
        quoted = report.quoted
        lines = prose_lines(report)
        for bare in find_bare_self_references(report.normalized):
            if quoted.contains(bare.position) or not any(line.start <= bare.position < line.end for line in lines):
                continue
            end = bare.position + 1 + len(bare.predicate)
            written = report.text[bare.position : end]
            if own:
                suggestion = f"我{own[0]}{bare.predicate}"
                hint = f"应为“{suggestion}”（报告主体是{subject.name}）" if subject is not None else ""
                fix = Fix(bare.position + 1, bare.position + 1, own[0], f"补上“{own[0]}”")
            else:
                hint, fix = "应写明机关的简称（如“我镇”“我局”“本单位”）", None
            yield self.diagnostic(f"“{written}”缺少机关简称，{hint}", bare.position, end, fix=fix)


# --------------------------------------------------------------------------- RL615

#: Verbs of leading work: a body governs the scope it organises, guides or coordinates.
_LEADING_VERBS = "组织推动|组织开展|统筹推进|指导督促|督促指导|组织|推动|指导|统筹|督促|部署|牵头|协调|带动|引领"
#: Words before such a verb that make it the higher level's work the body contributes to (为推动全市……作出贡献).
_CONTRIBUTING = ("为", "助力", "服务", "配合", "协助", "支持")


class HigherLevelScope(Rule):
    """乡镇、县级机关的报告把上级的范围当作自己的工作范围（如镇政府“组织推动全省政府信息公开工作”）。

    报告主体只能组织、推动、指导本级范围内的工作：镇政府的是“全镇”，县政府和县级
    部门的是“全县（区）”。“组织推动全省……”“指导全市……”出现在乡镇或县级机关的报告
    中，多半是照搬了上级机关的报告。“按照全市部署”“在全省率先”“为推动全市……作出
    贡献”这类提到上级范围但并非自己组织的说法不报告；市级机关只检查“全省”（县级市
    的“全市”是本级）。

    反例（某镇人民政府的报告）：

        2021年，我镇组织推动全省政府信息公开工作，取得明显成效。

    正例：

        2021年，我镇组织推动全镇政府信息公开工作，取得明显成效。
    """

    code = "RL615"
    name = "higher-level-scope"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        subject = report.reading.subject
        if subject is None:
            return
        rank = scope_rank(subject.name, subject.level)
        if rank is None or rank >= 3:
            return
        scopes = higher_scopes(rank)
        pattern = _leading_higher_scope(scopes)
        quoted = report.quoted
        for run in prose_line_runs(report):  # (a match is of literal words: never past a line end)
            for match in pattern.finditer(report.normalized, run.start, run.end):
                if quoted.contains(match.start(1)) or report.normalized.endswith(_CONTRIBUTING, max(0, match.start() - 2), match.start()):
                    continue
                scope = match.group(1)
                yield self.diagnostic(
                    f"报告主体是{subject.name}，却写“{report.text[match.start() : match.end()]}”："
                    f"“{scope}”是上级的范围，不是本机关组织的工作，疑为照搬上级机关的报告",
                    match.start(1),
                    match.end(1),
                )


@lru_cache(maxsize=8)
def _leading_higher_scope(scopes: tuple[str, ...]) -> re.Pattern[str]:
    """A leading verb and one of ``scopes`` (made once for each level's scopes)."""
    return compiled(f"(?:{_LEADING_VERBS})(?:和|、|并)?(?:推进|开展|做好|抓好|落实|推动)?({'|'.join(scopes)})")


# --------------------------------------------------------------------------- RL616

_STRAY_SYMBOLS = "><|＞＜｜"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_SYLLABLE = (
    "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    "(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|ve|a|o|e|i|u|v)"
)
_PINYIN_WORD = compiled(f"(?:{_PINYIN_SYLLABLE}){{1,6}}")
# (it opens with the first letter and looks behind it only then: the engine looks for the few letters of Chinese text
# without entering the pattern elsewhere)
_LATIN_IN_HAN = compiled(f"[a-z{_TONED}](?<=[{HAN}（(][a-z{_TONED}])[a-z{_TONED}]*(?=[{HAN}）)])")
#: Lower-case Latin words that are at home in Chinese prose.
LATIN_WORDS = frozenset(
    [
        "app",
        "pdf",
        "wifi",
        "email",
        "http",
        "https",
        "www",
        "com",
        "cn",
        "gov",
        "html",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "wps",
        "ofd",
        "ok",
        "h",
        "a",
        "b",
        "c",
        "x",
    ]
)
_CJK_CONTEXT = f"{HAN}，。；：、！？“”‘’（）《》"


class StraySymbol(Rule):
    """中文句子中夹杂孤立的符号（“>”“<”“|”）或拼音、字母片段，多为网页转换或镜像网站插入。

    正文中孤零零的“>”“|”常是网页导航或表格线的残留（紧接在“|”分隔的表格行下面的
    “|”是那张表格截断的一行，不算）；夹在汉字之间的拼音（“公gōng开”
    “政府xinxi公开”）多是镜像网站插入的（三行以上都有时只报告一次，说明文本取自给全文加了注音的镜像网页）。
    引号和书名号中的文字、表格、网页导航行，
    以及“>95%”这类和数字连用的比较符号不报告；APP、PDF 等常用外文词不报告。

    反例：

        我镇通过政务公开栏>公开村级财务信息。

    正例：

        我镇通过政务公开栏公开村级财务信息。
    """

    code = "RL616"
    name = "stray-symbol"
    severity = "warning"
    fix_safety = "unsafe"  # a symbol may be meant

    def check(self, report: Report) -> Iterator[Diagnostic]:
        original = report.text
        # The symbols and Latin fragments of the whole text, found once (most reports have neither), taken line by line:
        # a fragment is a line's when the line holds it and the character after it (its look-ahead's).
        symbols = positions_of(original, _STRAY_SYMBOLS)
        latin = list(_LATIN_IN_HAN.finditer(original))
        if not symbols and not latin:
            return
        latin_starts = [match.start() for match in latin]
        quoted = report.quoted
        pinyin_lines: list[list[re.Match[str]]] = []  # the pinyin of each line holding some
        for line in _lines_holding(prose_lines(report, table_sections=False), symbols, latin_starts):
            lone = [
                index
                for index in symbols[bisect_left(symbols, line.start) : bisect_left(symbols, line.end)]
                if _lone(original, index, line)
            ]
            if len(lone) == 1:  # more are a breadcrumb (首页 > 政务公开 > …) or a table row, not a stray symbol
                for index in lone:
                    if original[index] == "|" and _below_table_row(original, line.start):
                        continue  # a table's row cut short (“信息内容 | 本年处理决定数量”), under the table's other rows
                    if not quoted.contains(index):
                        yield self.diagnostic(
                            f"中文句子中出现孤立的符号“{original[index]}”，疑为网页或表格残留，请删除",
                            index,
                            index + 1,
                            fix=Fix(index, index + 1, "", f"删除“{original[index]}”"),
                        )
            # on the text as written: the normalised view blanks “(zhèn)” annotations so that headings and names read through them
            in_line = latin[bisect_left(latin_starts, line.start) : bisect_left(latin_starts, line.end)]
            fragments = [match for match in in_line if match.end() < line.end and _is_pinyin(match.group())]
            fragments = [match for match in fragments if not quoted.contains(match.start())]
            if fragments:
                pinyin_lines.append(fragments)
        if len(pinyin_lines) >= MIRRORED_PINYIN_LINES:  # a page annotated throughout: one finding for the page
            first = pinyin_lines[0][0]
            yield self.diagnostic(
                f"文本中有 {len(pinyin_lines)} 行夹杂拼音（如“{original[first.start() : first.end()]}”，"
                f"共 {sum(map(len, pinyin_lines))} 处），"
                "多为镜像网站给全文加的注音，不是报告原文，请从政府网站或原文件重新获取",
                first.start(),
                first.end(),
            )
            return
        for fragments in pinyin_lines:
            first = fragments[0]
            times = f"，本行共 {len(fragments)} 处" if len(fragments) > 1 else ""
            yield self.diagnostic(
                f"中文句子中夹杂拼音“{original[first.start() : first.end()]}”{times}，疑为镜像网站插入或录入残留，请删除",
                first.start(),
                first.end(),
            )


#: From how many lines holding pinyin a text is taken for a page a mirror annotated throughout (one finding for it).
MIRRORED_PINYIN_LINES = 3


def _lines_holding(lines: list[ProseLine], *positions: list[int]) -> list[ProseLine]:
    """The ``lines`` (in order, apart) that hold one of the ``positions`` (each list in order), in order: each position's
    line found by bisection, instead of every line looked at (most lines hold none)."""
    starts = [line.start for line in lines]
    holding = {
        index
        for found in positions
        for position in found
        if (index := bisect_right(starts, position) - 1) >= 0 and position < lines[index].end
    }
    return [lines[index] for index in sorted(holding)]


def _is_pinyin(word: str) -> bool:
    """A Latin fragment that is pinyin: with tone marks, or four or more letters of pinyin syllables that are no common word."""
    if any(char in _TONED for char in word):
        return True
    return len(word) >= 4 and word not in LATIN_WORDS and _PINYIN_WORD.fullmatch(word) is not None


_PAIRED = {"<": ">", ">": "<", "＜": "＞", "＞": "＜"}


def _below_table_row(text: str, line_start: int) -> bool:
    """Whether the line before the one starting at ``line_start`` is a row of a table written with ``|``."""
    previous_end = text.rfind("\n", 0, line_start)
    if previous_end < 0:
        return False
    previous = text[text.rfind("\n", 0, previous_end) + 1 : previous_end]
    return previous.count("|") >= 2


def _lone(text: str, index: int, line: ProseLine) -> bool:
    """A symbol between Chinese text on both sides (spaces aside), not next to a number or another symbol."""
    left = index - 1
    while left >= line.start and text[left] in " \u3000":
        left -= 1
    right = index + 1
    while right < line.end and text[right] in " \u3000":
        right += 1
    if left < line.start or right >= line.end:
        return False
    partner = _PAIRED.get(text[index])
    if partner is not None:
        sentence = sentence_at(text, index)
        if partner in text[sentence.start : index] or partner in text[index : sentence.end]:
            return False  # <长江三角洲区域一体化发展规划纲要>: a title inside a title, in the wrong marks
    return (text[left] in _CJK_CONTEXT or is_han(text[left])) and (text[right] in _CJK_CONTEXT or is_han(text[right]))


# --------------------------------------------------------------------------- RL617

# (It opens with the year's first two digits and looks behind them only then: the engine passes over every other position
# without entering it. ``(?<![^…]19)`` after ``19`` is ``(?:^|(?<=[…]))`` before it, the start of a line being after \\s.)
_YEAR_WITHOUT_NIAN = compiled(
    # (not the last of a list of years: 2018、2019、2020三年)
    f"((?:19(?<![^，。；：、,;:\\s]19)(?<!\\d、19)[89]|20(?<![^，。；：、,;:\\s]20)(?<!\\d、20)[0-4])\\d)"
    f"(?:(?=[{HAN}])(?![年度届级版号期元万条件次个人家户份页项批])|(?=[,，][{HAN}]))",  # 2024我镇, 2024,在县委……
    re.MULTILINE,
)
#: Verbs of counting things: the number after them (in the same clause) is a count.
_COUNT_VERBS = "发布|公布|公开|收到|受理|办理|办结|答复|回复|更新|推送|发送|转发|制发|印发|接待|处理|开展|举办|召开|组织|培训|解读"
_BARE_COUNT = compiled(f"(\\d(?<=[{HAN}]\\d)\\d*)(?=[，。；、,;])")  # (the first digit, then the look-behind: see above)
#: Count units, longest first, and the unit a counted noun takes when the sentence shows none.
COUNT_UNITS = ("人次", "条", "件", "次", "篇", "期", "场", "个", "份", "项")
_UNIT_AFTER_NUMBER = compiled(r"\d+\s*(" + "|".join(COUNT_UNITS) + ")")
NOUN_UNITS = (("申请", "件"), ("信息", "条"), ("文件", "件"), ("培训", "次"), ("会议", "次"), ("活动", "次"), ("解读", "篇"))
_NOT_A_COUNT_BEFORE = (
    "电话",
    "热线",
    "拨打",
    "号码",
    "编码",
    "代码",
    "邮编",
    "第",
    "号",
    "编号",
    "排名",
    "共计",
    "合计",
    "数量为",
    "数为",
    "数量是",
)


#: What follows a number that names a hotline or a platform (12345政务服务便民热线, 8890平台).
_SERVICE_NAME_AFTER = r"(?:政务|便民|市民|热线|平台|服务|统一|在线)"
#: A noun naming an amount (阅读量, 关注量, 粉丝数), maybe with a verb, right before the number.
_AMOUNT_NOUN_BEFORE = compiled(r"[量数]\s*(?:达到|达|为|是|突破|超过|累计|共计|共)?\s*$")


class NumberWithoutUnit(Rule):
    """数字缺少单位（“发布信息3403，”），或年份缺少“年”（“2022依托……”）。

    叙述中的数量应带单位（条、件、次、人次……），年份应带“年”。规则只在单位能从句子
    看出时报告：同一句中其他数字带着单位，或数到的东西有固定单位（申请——件、
    信息——条、培训——次）。电话号码、编号、序号、热线或平台的号码（“8890”）、“数量为0”这类说法和“阅读量”
    “关注量”“粉丝数”这类本身就是数量的名词后的数字（“订阅量达到5664865”）不检查。

    反例：

        全年在门户网站发布信息3403，其中政策文件126条。
        2022依托门户网站公开政府信息。

    正例：

        全年在门户网站发布信息3403条，其中政策文件126条。
        2022年依托门户网站公开政府信息。
    """

    code = "RL617"
    name = "number-without-unit"
    severity = "warning"
    fix_safety = "unsafe"  # the unit is inferred from the sentence

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized
        lines = prose_lines(report)
        starts = [line.start for line in lines]
        # Each run of lines is searched once. A match is digits, never past a line end; where a line's own search
        # stops at its end, a run's sees the line break, which neither pattern's look-ahead accepts (a Han character;
        # a comma or stop): both find the same matches. The findings are then given line by line, as a search of
        # each line gives them (a year, then a count), each line's matches found by bisection.
        for run in prose_line_runs(report):
            years = list(_YEAR_WITHOUT_NIAN.finditer(text, run.start, run.end))
            counts = list(_BARE_COUNT.finditer(text, run.start, run.end))
            if not years and not counts:
                continue  # (most runs)
            year_starts, count_starts = [match.start() for match in years], [match.start() for match in counts]
            for line in lines[bisect_left(starts, run.start) : bisect_left(starts, run.end)]:
                yield from self._line_findings(
                    report,
                    line,
                    years[bisect_left(year_starts, line.start) : bisect_left(year_starts, line.end)],
                    counts[bisect_left(count_starts, line.start) : bisect_left(count_starts, line.end)],
                )

    def _line_findings(
        self, report: Report, line: ProseLine, years: list[re.Match[str]], counts: list[re.Match[str]]
    ) -> Iterator[Diagnostic]:
        """The findings of one line: its years without 年, then its counts without unit."""
        text, original = report.normalized, report.text
        quoted = report.quoted
        for match in years:
            if quoted.contains(match.start(1)):
                continue
            year = match.group(1)
            yield self.diagnostic(
                f"年份“{year}”后缺少“年”：“{original[match.start(1) : match.end(1) + 2]}”应为“{year}年{original[match.end(1) : match.end(1) + 2]}”",
                match.start(1),
                match.end(1),
                fix=Fix(match.end(1), match.end(1), "年", "补上“年”"),
            )
        for match in counts:
            unit = _count_unit(text, match.start(1), match.end(1), line)
            if unit is None:
                continue
            number = match.group(1)
            before = original[max(line.start, match.start(1) - 4) : match.start(1)]
            yield self.diagnostic(
                f"数字“{number}”缺少单位：“{before}{number}”应为“{before}{number}{unit}”",
                match.start(1),
                match.end(1),
                fix=Fix(match.end(1), match.end(1), unit, f"补上“{unit}”"),
            )


def _count_unit(text: str, start: int, end: int, line: ProseLine) -> str | None:
    """The unit the number at ``[start, end)`` lacks, when it is a count and the unit is clear; else None."""
    number = text[start:end]
    if len(number) == 4 and number[:2] in ("19", "20"):
        return None  # a year: the year check's concern
    clause = text[clause_start(text, start, line.start, "，。；,;：:") : start]
    if not re.search(_COUNT_VERBS, clause) or any(clause.endswith(word) for word in _NOT_A_COUNT_BEFORE):
        return None
    if _AMOUNT_NOUN_BEFORE.search(clause):
        return None  # the number of an amount the noun names (订阅量达到5664865, 粉丝数1382025): it needs no measure word
    if re.search(re.escape(number) + _SERVICE_NAME_AFTER, text):
        return None  # a hotline's or platform's number, written as its name elsewhere (8890统一政务咨询投诉举报平台)
    if any(word in clause for word in _NOT_A_COUNT_BEFORE[:6]):
        return None
    sentence_end = clause_end(text, end, line.end, "。；;")
    sentence = text[clause_start(text, start, line.start, "。；;") : sentence_end]
    units = [match.group(1) for match in _UNIT_AFTER_NUMBER.finditer(sentence)]
    if units:
        return max(set(units), key=units.count)
    return next((unit for noun, unit in NOUN_UNITS if clause.endswith(noun) or noun in clause[-6:]), None)


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL6 wording rules."""
    return [RepeatedCharacter, EnumerationSequence, RegulationCitation, BareSelfReference, HigherLevelScope, StraySymbol, NumberWithoutUnit]
