"""RL6 text hygiene: duplicated words, unbalanced brackets, punctuation and numbering slips."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import add, itemgetter, ne
from typing import Any

from reportlint.core.diagnostics import Diagnostic, Fix
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Option, Rule
from reportlint.template.completeness import TABLE_SECTIONS
from reportlint.text.chars import HAN, is_han, kept_between_han, positions_of, spaces_between_han
from reportlint.text.phrases import PhraseFinder
from reportlint.text.segmentation import Span, line_spans
from reportlint.usercache.patterns import compiled

#: Verb reduplication (ABAB) and other doubled words that are correct Chinese.
LEGITIMATE_REPEATS = frozenset(
    [
        "研究",
        "学习",
        "讨论",
        "了解",
        "休息",
        "考虑",
        "商量",
        "检查",
        "交流",
        "打扫",
        "锻炼",
        "比较",
        "活动",
        "整理",
        "收拾",
        "介绍",
        "说明",
        "准备",
        "试试",
        "看看",
        "谢谢",
        "哈哈",
        "嘻嘻",
        "呵呵",
        "啦啦",
        "多多",
        "天天",
        "年年",
    ]
)


def _compact_han(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """The text of ``[start, end)`` with spaces between Han characters removed, and each kept char's offset."""
    part = text[start:end]
    kept = kept_between_han(part)
    return "".join(part[first:last] for first, last in kept), [start + index for first, last in kept for index in range(first, last)]


@dataclass(frozen=True)
class RepeatedWord:
    """A word written twice in a row: the word, the range of both copies, and the fix."""

    word: str
    start: int
    end: int
    fix: Fix


_REPEAT = compiled(f"([{HAN}]{{2,8}})\\1")
#: The shortest range whose repeats are looked for with numpy (a few array operations cost as much as the pattern
#: tried everywhere on about 300 characters: a title is searched with the pattern alone).
NUMPY_FROM = 320


def _repeats(normalized: str, start: int, end: int) -> Iterable[re.Match[str]]:
    """The matches ``_REPEAT.finditer(normalized, start, end)`` gives.

    The pattern tries up to seven lengths at every Han character, and a repeat is rare. When the run has loaded numpy
    already (the cross-document summary of a run of several reports does; a run of one report never loads it for this)
    and the range has :data:`NUMPY_FROM` characters or more, the places where a repeat can start are found first, by
    comparing the text with itself shifted by 2 to 8 characters in a few array operations, and the pattern is tried there only.
    """
    numpy = sys.modules.get("numpy")
    if numpy is None or end - start < NUMPY_FROM:
        return _REPEAT.finditer(normalized, start, end)
    return _repeats_at(normalized, end, repeat_starts(numpy, normalized, start, end))


def repeat_starts(numpy: Any, text: str, start: int, end: int) -> list[int]:
    """Where in ``text[start:end]`` two Han characters recur 2 to 8 characters on (the two together): every place where
    a word of 2 to 8 Han characters written twice in a row starts is one of them (with ``numpy``, the module)."""
    codes = numpy.frombuffer(text[start:end].encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32).astype(numpy.uint64)
    pairs = (codes[:-1] << 32) | codes[1:]  # at p: the characters at p and p + 1, as one number
    count = len(pairs)
    found = numpy.zeros(count, dtype=bool)
    for shift in range(2, min(9, count)):
        found[: count - shift] |= pairs[: count - shift] == pairs[shift:]
    han = (codes - 0x3400) <= 0x9FFF - 0x3400  # U+3400 to U+9FFF, Han and the few signs between its blocks (unsigned: below wraps)
    found &= han[:-1] & han[1:]  # both characters (as good as) Han: the pattern tried at each place says for sure
    return (numpy.flatnonzero(found) + start).tolist()


def _repeats_at(normalized: str, end: int, places: list[int]) -> Iterator[re.Match[str]]:
    """The matches of :data:`_REPEAT` that ``finditer`` finds, tried at ``places`` only (in order, each after the last match)."""
    position = 0
    for place in places:
        if place < position:
            continue
        match = _REPEAT.match(normalized, place, end)
        if match is not None:
            yield match
            position = match.end()


#: Words whose two copies may be the end of one word and the start of the next: the copies, the characters the first
#: may follow and what the second must open (县人民政府政府信息公开工作机构: 人民政府 and 政府信息).
_SEAMS = {"政府": ("民县市区省镇乡州旗盟", "政府信息")}


def _is_seam(normalized: str, word: str, first: int, second: int) -> bool:
    """Whether the copies of ``word`` at ``first`` and ``second`` are two words meeting (see :data:`_SEAMS`), not a
    doubled word."""
    seam = _SEAMS.get(word)
    if seam is None or first == 0:
        return False
    before, opens = seam
    return normalized[first - 1] in before and normalized.startswith(opens, second)


def _is_quantity_repeat(word: str) -> bool:
    """Whether a word written twice is a measure repeated (一项一项, 一步一步): 一 and a measure word, not the opener
    of an enumeration (一是一是 is a doubled word)."""
    return len(word) == 2 and word[0] == "一" and word[1] != "是"


def _repeated(word: str, start: int, end: int, first_end: int) -> RepeatedWord:
    return RepeatedWord(word, start, end, Fix(first_end, end, "", f"删除重复的“{word}”"))


def find_repeated_words(
    normalized: str, start: int, end: int, allowed: frozenset[str] = LEGITIMATE_REPEATS, lines: Iterable[Span] | None = None
) -> list[RepeatedWord]:
    """Words repeated back to back in ``[start, end)``, line by line, ignoring spaces between Han characters.

    ``lines`` are the text's lines when the caller has them (a report's :attr:`~reportlint.core.report.Report.lines`).

    A repeat is all Han characters, so it never crosses a line end: the lines with nothing to compact are
    searched in one pass over the text; only the lines with spaces between Han characters (and a line cut by
    ``start`` or ``end``) are compacted and searched one by one.
    """
    every_line = line_spans(normalized) if lines is None else tuple(lines)
    # the lines that overlap [start, end): lines are in order and apart, so two bisections find them (a line is a
    # (start, end) tuple: (start, maxsize) comes after the lines that start at or before start, (end,) before the others)
    first = max(bisect_right(every_line, (start, sys.maxsize)) - 1, 0)
    if first < len(every_line) and every_line[first].end <= start:
        first += 1
    taken = every_line[first : bisect_left(every_line, (end,))]
    if not taken:
        return []
    one_by_one = {index for index in (0, len(taken) - 1) if taken[index].start < start or taken[index].end > end}
    for run in spaces_between_han(normalized, taken[0].start, taken[-1].end):  # lines end before \r or \n
        one_by_one.add(bisect_right(taken, (run.start(), sys.maxsize)) - 1)
    found = []
    for match in _repeats(normalized, start, end):
        if one_by_one and bisect_right(taken, (match.start(), sys.maxsize)) - 1 in one_by_one:
            continue
        word = match.group(1)
        if word in allowed or _is_quantity_repeat(word) or _is_seam(normalized, word, match.start(), match.start() + len(word)):
            continue
        found.append(_repeated(word, match.start(), match.end(), match.start() + len(word)))
    if not one_by_one:
        return found
    for index in sorted(one_by_one):
        line = taken[index]
        compact, offsets = _compact_han(normalized, max(line.start, start), min(line.end, end))
        for match in _REPEAT.finditer(compact):
            word = match.group(1)
            if word in allowed or _is_quantity_repeat(word):
                continue
            first = offsets[match.start()]
            last = offsets[match.end() - 1] + 1
            if _is_seam(normalized, word, first, offsets[match.start() + len(word)]):
                continue
            first_end = offsets[match.start() + len(word) - 1] + 1  # spaces between the copies go with the second one
            found.append(_repeated(word, first, last, first_end))
    found.sort(key=lambda repeat: repeat.start)
    return found


class DuplicatedWord(Rule):
    """同一个词紧挨着重复出现（如“公开 公开”“工作工作”）。

    复制粘贴或改稿时常留下重复的词；PDF 提取在字之间插入的空格不影响判断
    （“公 开 公 开”同样会被发现）。单字叠用（常常、人人、天天）和“研究研究”
    这类动词重叠、“一项一项”这类数量重叠是正确用法，不报告；前一个词的结尾和
    后一个词的开头恰好相同时也不是重复（“县人民政府政府信息公开工作机构”是
    “人民政府”和“政府信息”）。标题中的重复词由 RL114 报告。

    反例：

        在政府信息公开公开工作中……

    正例：

        在政府信息公开工作中……

    选项：``allow``（字符串列表）——允许重叠的词，例如 ``["看看"]``。
    """

    code = "RL601"
    name = "duplicated-word"
    severity = "warning"
    prose_only = True
    fix_safety = "safe"  # the second copy (and any spaces before it) is deleted
    options = {"allow": Option([], "允许紧挨着重复的词（不报告）", list)}

    def check(self, report: Report) -> Iterator[Diagnostic]:
        allowed = LEGITIMATE_REPEATS | frozenset(self.config["allow"])
        title = report.reading.title
        zones: list[tuple[int, int]] | None = None
        for repeat in find_repeated_words(report.normalized, 0, len(report.text), allowed, report.lines):
            if title is not None and title.start <= repeat.start < title.end:
                continue
            if zones is None:
                zones = report.shared(_table_zones)
            if _is_header_cells(report, repeat, zones):
                continue
            yield self.diagnostic(
                f"词语“{repeat.word}”重复出现：“{report.text[repeat.start : repeat.end]}”，请删去多余的“{repeat.word}”",
                repeat.start,
                repeat.end,
                fix=repeat.fix,
            )


def _table_zones(report: Report) -> list[tuple[int, int]]:
    """The stretches of parts 二, 三 and 四 from their heading to the end of their tables' last row read."""
    reading = report.reading
    zones = []
    for section_id in TABLE_SECTIONS:
        section = reading.section(section_id)
        if section is None or reading.filled is None:
            continue
        ends = [table.end for table in reading.filled.tables.values() if table.spec.section == section_id and table.end is not None]
        if ends:
            zones.append((section.body_start, max(ends)))
    return zones


_SENTENCE_MARK = compiled(r"[。，；：！？、,;:!?]")


def _header_line(report: Report, position: int, zones: list[tuple[int, int]]) -> tuple[int, str] | None:
    """The line at ``position`` (its start and text) when it is a line of a table's header cells: in a table's zone
    (:func:`_table_zones`, above its last row read) and without punctuation (“行政复议 行政诉讼”); else None."""
    if not any(start <= position < end for start, end in zones):
        return None
    text = report.normalized
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return None if _SENTENCE_MARK.search(line) is not None else (line_start, line)


def _is_header_cells(report: Report, repeat: RepeatedWord, zones: list[tuple[int, int]]) -> bool:
    """Whether a repeat is in a line of a table's header cells (:func:`_header_line`) without digits, spaced apart
    (“结果 结果 其他 尚未 总”, a header whose cells a PDF wrapped over two lines) or ending the line (“总计果果他未总果果他未总”:
    the characters of upright headers, one row of them per line, which a PDF's text gives without the spaces)."""
    header = _header_line(report, repeat.start, zones)
    if header is None:
        return False
    line_start, line = header
    spaced = " " in report.normalized[repeat.start : repeat.end]
    return spaced or (repeat.end == line_start + len(line.rstrip()) and not any(map(str.isdigit, line)))


_OPENERS = {"(": ")", "《": "》", "【": "】", "〔": "〕", "[": "]", "{": "}", "“": "”", "‘": "’", "〈": "〉", "「": "」"}
_CLOSERS = {closer: opener for opener, closer in _OPENERS.items()}
_CURLY_QUOTES = "“”‘’"
# Where a bracket or quote may be: curly quotes in the original text (folded away in the normalised one), brackets in the normalised.
_BRACKETS = "".join(mark for mark in (*_OPENERS, *_CLOSERS) if mark not in _CURLY_QUOTES)
# "1）""一）""a)" at the start of a line or after a separator are list markers, not stray brackets.
_LIST_MARKER = compiled(r"(?:^|(?<=[\s、，,。；;：:]))(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z①-⑳])\)")


#: A document number whose year lost its 〕 (``〔201960号``): reported by RL506, not as an unclosed bracket.
_GARBLED_DOCUMENT_NUMBER = compiled(r"〔\s*(?:19|20)\d\d\s*\d{1,5}\s*号")
#: A year between an opening and a closing bracket of two kinds (〔2021]): a document number RL506 reports.
_YEAR_IN_ODD_BRACKETS = compiled(r"[〔\[(（【]\s*(?:19|20)\d\d\s*[〕\])）】]")


class UnbalancedBrackets(Rule):
    """括号、书名号、引号不成对（如孤立的“》”、没有闭合的“（”）。

    在同一段落内检查（）《》“”【】〔〕〈〉「」的配对；全角、半角括号可以互相配对
    （“（一)”不算错）。一段没有结束句子就换行、下一行紧接着闭合的（表格单元格或
    PDF 中折行的“本年收费金额（单位：”“万元）”）算作同一段。“1）”“一）”这类编号不算多余的右括号；发文字号缺少的“〕”
    （“〔201960号”）由 RL506 报告。文本在中途中断时
    （RL117），中断的那一段里没有闭合的括号不报告：闭合的一半随后面的文字丢了（最后一句已经写完、
    只是后面的部分都没有的，最后一段照常检查）。

    只有没有歧义时才给出修改：紧跟在标点后面或位于段首的多余右括号、右书名号
    （“，》，”）删去即可；没有闭合的左括号该在哪里闭合只有作者知道，不自动修改。

    反例：

        在 2021 年开展政府开放日活动，》，于 11 月 10 日开展了……
        请与兴国镇政府办公室联系（地址：秦安县兴国镇秦南路14号，电话：0938-6521510。

    正例：

        在 2021 年开展政府开放日活动，于 11 月 10 日开展了……
        请与兴国镇政府办公室联系（地址：秦安县兴国镇秦南路14号，电话：0938-6521510）。
    """

    code = "RL602"
    name = "unbalanced-brackets"
    severity = "warning"
    prose_only = True
    fix_safety = "safe"  # only a stray closing mark right after punctuation or at a paragraph's start is deleted

    def check(self, report: Report) -> Iterator[Diagnostic]:
        # Brackets are compared on the normalised text (（ == (), quotes on the original (“ vs ”).
        normalized, original = report.normalized, report.text
        truncation = report.reading.truncation
        # every mark of the text, found once (each pattern is one character) and taken paragraph by paragraph: each
        # mark's paragraph by bisection (a report has ten times fewer marks than paragraphs have ends to look at)
        every_mark = sorted({*positions_of(original, _CURLY_QUOTES), *positions_of(normalized, _BRACKETS)})
        paragraphs = report.paragraphs
        paragraph_starts = list(map(itemgetter(0), paragraphs))
        # each mark's paragraph and one past it, in order (bisections in C): a paragraph's marks are a run of equal numbers
        numbers = list(map(partial(bisect_right, paragraph_starts), every_mark))
        # (the marks before the first paragraph, and those after a paragraph's end, in no paragraph, are no paragraph's)
        if any(mark >= paragraphs[number - 1].end for mark, number in zip(every_mark, numbers, strict=True) if number):
            kept = [
                (mark, number) for mark, number in zip(every_mark, numbers, strict=True) if number and mark < paragraphs[number - 1].end
            ]
            every_mark, numbers = [mark for mark, _ in kept], [number for _, number in kept]
        first = bisect_right(numbers, 0)
        if _paired_in_paragraphs(original, normalized, every_mark[first:], numbers[first:]):
            return  # (most reports: every paragraph's marks pair up, and the walk below would find nothing)
        carried: list[tuple[str, int]] = []  # what the paragraph before left open, when this one is its next line
        carried_into = 0
        while first < len(numbers):
            number = numbers[first]
            after = bisect_right(numbers, number, first)
            paragraph = paragraphs[number - 1]
            marks = every_mark[first:after]
            first = after
            if not marks:
                continue
            markers: set[int] | None = None  # the list markers' brackets, found when a stray closer needs them
            if carried_into != number:  # what the paragraph before left open was not closed on its next line
                for opener, index in carried:
                    yield from self._unclosed(original, normalized, opener, index)
                carried = []
            stack, carried = carried, []
            for index in marks:
                char = original[index] if original[index] in _CURLY_QUOTES else normalized[index]
                if char in _OPENERS:
                    stack.append((char, index))
                elif char in _CLOSERS:
                    if stack and (stack[-1][0] == _CLOSERS[char] or _YEAR_IN_ODD_BRACKETS.fullmatch(normalized, stack[-1][1], index + 1)):
                        stack.pop()  # (a document number's year in unmatched brackets, 〔2021]30号, is RL506's finding)
                    elif any(opener == _CLOSERS[char] for opener, _ in stack):
                        while stack[-1][0] != _CLOSERS[char]:
                            yield from self._unclosed(original, normalized, *stack.pop())
                        stack.pop()
                    else:
                        if markers is None:
                            markers = {match.end() - 1 for match in _LIST_MARKER.finditer(normalized, paragraph.start, paragraph.end)}
                        if index in markers:
                            continue
                        yield self.diagnostic(
                            f"多余的“{original[index]}”：本段前面没有与之配对的“{_opening_form(original[index])}”",
                            index,
                            index + 1,
                            fix=_stray_closer_fix(original, paragraph.start, index),
                        )
            if truncation is not None and truncation.cuts_its_last_paragraph and paragraph.end >= truncation.start:
                continue  # the text stops in this paragraph: the closing bracket was cut off with the rest (RL117)
            if stack and number < len(paragraphs) and _wraps_onto(original, normalized, paragraph, paragraphs[number], stack[-1][0]):
                carried, carried_into = stack, number + 1  # “（单位：” then “万元）”: a line wrapped inside the brackets
                continue
            for opener, index in stack:
                yield from self._unclosed(original, normalized, opener, index)
        for opener, index in carried:
            yield from self._unclosed(original, normalized, opener, index)

    def _unclosed(self, original: str, normalized: str, opener: str, index: int) -> Iterator[Diagnostic]:
        if opener == "〔" and _GARBLED_DOCUMENT_NUMBER.match(normalized, index):
            return  # 〔201960号: the document number's missing 〕 is RL506's finding
        shown = original[index]
        yield self.diagnostic(f"“{shown}”没有闭合：本段中找不到与之配对的“{_closing_form(shown)}”", index, index + 1)


def _wraps_onto(original: str, normalized: str, paragraph: Span, following: Span, opener: str) -> bool:
    """Whether ``following`` is the next line of ``paragraph``'s text, wrapped inside brackets left open with
    ``opener``: nothing but one line break between them, no sentence ended, and the next line's first mark that
    closes a bracket it did not open closes it (a table cell or a PDF line broken inside brackets: “本年收费金额（单位：” /
    “万元）”; “（地址：……；邮编：255300；” / “电话（传真）：……）”: inside brackets a semicolon ends an item, not the
    sentence)."""
    between = normalized[paragraph.end : following.start]
    if between.count("\n") != 1 or between.strip() or normalized[paragraph.start : paragraph.end].rstrip()[-1:] in _SENTENCE_ENDS:
        return False
    opened: list[str] = []  # brackets opened and closed on the next line before it closes ``opener`` (“电话(传真):……)”)
    for index in range(following.start, following.end):
        char = original[index] if original[index] in _CURLY_QUOTES else normalized[index]
        if char in _OPENERS and char not in _CURLY_QUOTES:
            opened.append(char)
        elif char in _CLOSERS:
            if opened and _CLOSERS[char] == opened[-1]:
                opened.pop()
                continue
            return _CLOSERS[char] == opener
        elif char in _OPENERS:
            return False  # a quotation opened first
    return False


#: What ends a sentence: a paragraph ending in one is not continued on the next line.
_SENTENCE_ENDS = frozenset("。！？!?")
#: A mark that opens right before the mark that closes it: removing such pairs until none is left empties a
#: paragraph's marks exactly when each closes the last one still open (and nothing stays open).
_ADJACENT_PAIRS = tuple(opener + closer for opener, closer in _OPENERS.items())


def _paired_in_paragraphs(original: str, normalized: str, marks: list[int], numbers: list[int]) -> bool:
    """Whether the ``marks`` (in order; ``numbers``: each one's paragraph, a run of equal numbers per paragraph) pair
    up within each paragraph, as :class:`UnbalancedBrackets` compares them: then it has nothing to report.

    The marks are written as one string with a line break before each paragraph's, and matched pairs next to each
    other are removed until none is left (a few :meth:`str.replace` calls instead of a step per mark): what remains
    are the marks that do not pair up, and the line breaks keep a paragraph's marks from pairing with another's.
    """
    kinds = [original[index] if original[index] in _CURLY_QUOTES else normalized[index] for index in marks]
    starts_paragraph = map(ne, numbers, [0, *numbers[:-1]])
    written = "".join(map(add, map(("", "\n").__getitem__, starts_paragraph), kinds))
    while True:
        reduced = written
        for pair in _ADJACENT_PAIRS:
            reduced = reduced.replace(pair, "")
        if len(reduced) == len(written):
            return not reduced.strip("\n")
        written = reduced


#: Closing marks whose deletion is unambiguous when nothing they could close precedes them (quotes are left alone).
_DELETABLE_CLOSERS = frozenset("）)》】〕］]}〉」")
_PUNCTUATION_BEFORE = frozenset("，。、；：！？,.;:!?")


def _stray_closer_fix(text: str, paragraph_start: int, index: int) -> Fix | None:
    """Deleting a stray closing mark, when it follows punctuation or starts its paragraph (nothing it could have closed)."""
    if text[index] not in _DELETABLE_CLOSERS:
        return None
    before = index - 1
    while before >= paragraph_start and text[before] in " \u3000\t":
        before -= 1
    if before >= paragraph_start and text[before] not in _PUNCTUATION_BEFORE:
        return None
    return Fix(index, index + 1, "", f"删除多余的“{text[index]}”")


def _closing_form(opener: str) -> str:
    return {"（": "）", "［": "］", "｛": "｝"}.get(opener, _OPENERS.get(opener, ""))


def _opening_form(closer: str) -> str:
    return {"）": "（", "］": "［", "｝": "｛"}.get(closer, _CLOSERS.get(closer, ""))


# (each opens with the mark itself and looks behind it only then: the engine looks for the few marks without entering
# the pattern at the other positions, as it would to try an opening look-ahead)
_HALF_WIDTH_IN_CHINESE = compiled(f"[,;:?!.](?:(?<=[{HAN}][,;:?!])(?=[{HAN}“《（])|(?<=[{HAN}]\\.)(?=[{HAN}]))")
_FULL_WIDTH_OF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_FULL_WIDTH_IN_CHINESE = compiled(f"[，；：？！](?<=[{HAN}][，；：？！])(?=[{HAN}“《（])")
#: A report writes half-width punctuation throughout when its half-width marks outnumber its full-width ones this many times
#: (and there are at least :data:`HALF_WIDTH_MARKS` of them: two slips in a short text are slips).
HALF_WIDTH_THROUGHOUT = 10
HALF_WIDTH_MARKS = 6


class HalfWidthPunctuation(Rule):
    """中文句子中使用了半角标点（, ; : ? ! .），应使用全角标点（，；：？！。）。

    按《标点符号用法》（GB/T 15834），中文行文使用全角标点。混用全角、半角标点的
    报告每行报告一次（警告），并给出该行的数量；修改时该行的每一处都改为全角。
    全文一律使用半角标点的报告（六处以上，几乎没有全角标点）多是网页系统或转换工具
    统一替换造成的，只在文档开头提示一次（提示级别），不逐行报告；修改时全文每一处
    都改为全角。

    反例：

        2020年，新村镇政府信息与政务公开工作以……为指导,全面贯彻……

    正例：

        2020年，新村镇政府信息与政务公开工作以……为指导，全面贯彻……
    """

    code = "RL603"
    name = "half-width-punctuation"
    severity = "warning"
    prose_only = True
    fix_safety = "safe"  # only marks between Chinese characters are changed

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.text
        # A mark is one character, never a line end, and the look-arounds see the same characters in a line as in the
        # whole text (a line ends before \r or \n): one pass over the text finds every line's marks.
        half_marks = list(_HALF_WIDTH_IN_CHINESE.finditer(text))
        if not half_marks:
            return
        lines = report.lines
        starts = [line.start for line in lines]
        chrome_starts = report.chrome_lines  # (by line: an indented chrome line's span starts after its indentation)
        chrome = [start in chrome_starts for start in starts] if chrome_starts else None
        by_line: dict[int, list[re.Match[str]]] = {}
        for match in half_marks:
            index = bisect_right(starts, match.start()) - 1
            if chrome is None or not chrome[index]:
                by_line.setdefault(index, []).append(match)
        found_by_line = [(lines[index], found) for index, found in sorted(by_line.items())]
        if not found_by_line:
            return
        half = sum(len(found) for _, found in found_by_line)
        full = sum(
            1 for match in _FULL_WIDTH_IN_CHINESE.finditer(text) if chrome is None or not chrome[bisect_right(starts, match.start()) - 1]
        )
        if full * HALF_WIDTH_THROUGHOUT <= half and half >= HALF_WIDTH_MARKS:
            first, last = found_by_line[0][1][0], found_by_line[-1][1][-1]
            corrected = list(text[first.start() : last.end()])
            for _, found in found_by_line:
                for match in found:
                    corrected[match.start() - first.start()] = _FULL_WIDTH_OF[match.group()]
            marks = "".join(dict.fromkeys(match.group() for _, found in found_by_line for match in found))
            shown = "、".join(f"“{mark}”" for mark in marks)
            yield self.diagnostic(
                f"全文的中文句子都使用半角标点（{shown}，共 {half} 处，{len(found_by_line)} 行），多为网页系统或转换工具统一替换所致；"
                "正式文本应使用全角标点（，；：？！。）",
                first.start(),
                first.end(),
                severity="info",
                fix=Fix(first.start(), last.end(), "".join(corrected), f"全文 {half} 处都改为全角标点"),
            )
            return
        for _, found in found_by_line:
            first, last = found[0], found[-1]
            mark = first.group()
            count = f"，本行共 {len(found)} 处" if len(found) > 1 else ""
            corrected = list(text[first.start() : last.end()])
            for match in found:
                corrected[match.start() - first.start()] = _FULL_WIDTH_OF[match.group()]
            description = "改为全角标点" if len(found) == 1 else f"本行 {len(found)} 处都改为全角标点"
            yield self.diagnostic(
                f"中文句子中使用了半角标点“{mark}”，应为全角“{_FULL_WIDTH_OF[mark]}”{count}",
                first.start(),
                first.end(),
                fix=Fix(first.start(), last.end(), "".join(corrected), description),
            )


_REDUNDANT_NUMBERING = compiled(r"(?:\(([一二三四五六七八九十]{1,3}|[0-9]{1,2})\)|([0-9]{1,2})\.)([、,.])(?!\d)")
_MARKS_AFTER_NUMBERING = frozenset("、,.")


class RedundantNumberingMark(Rule):
    """序号后多余的顿号或标点（如“（一）、”“1.、”）。

    带括号的序号“（一）”和带点的序号“1.”本身已经完成分隔，后面不再加“、”。

    反例：

        （一）、加强领导，健全机构。

    正例：

        （一）加强领导，健全机构。
    """

    code = "RL604"
    name = "redundant-numbering-mark"
    severity = "warning"
    prose_only = True
    fix_safety = "safe"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        normalized = report.normalized
        # every finding holds “)” or “.” right before its mark: most reports have no such pair, and are done with at once
        if not any(normalized[position + 1 : position + 2] in _MARKS_AFTER_NUMBERING for position in positions_of(normalized, ").")):
            return
        for match in _REDUNDANT_NUMBERING.finditer(normalized):
            mark_start = match.start(3)
            numbering = report.text[match.start() : mark_start]
            yield self.diagnostic(
                f"序号“{numbering}”后多了“{report.text[mark_start]}”，应写作“{numbering}”",
                match.start(),
                match.end(),
                fix=Fix(mark_start, mark_start + 1, "", "删除多余的标点"),
            )


_LINE_NUMBERING = compiled(r"^[ \t\u3000]*([0-9]{1,2}|[０-９]{1,2})[、.．]", re.MULTILINE)
_FULL_WIDTH_DIGITS = "０１２３４５６７８９"


class MixedNumberingWidth(Rule):
    """同一份报告的序号混用半角数字和全角数字（如“1、2、3”之后是“４、５、６”）。

    序号应统一使用半角阿拉伯数字。混用通常是从不同来源拼接文本造成的。

    反例：

        3、加大学习培训力度……
        ４、加大政府信息采集和发布力度……

    正例：

        3、加大学习培训力度……
        4、加大政府信息采集和发布力度……
    """

    code = "RL605"
    name = "mixed-numbering-width"
    severity = "warning"
    prose_only = True
    fix_safety = "safe"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        if not positions_of(report.text, _FULL_WIDTH_DIGITS):
            return  # every number is in half-width digits (most reports): nothing is mixed
        markers = list(_LINE_NUMBERING.finditer(report.text))
        widths = Counter(match.group(1).isascii() for match in markers)
        if len(widths) < 2:
            return
        for match in markers:
            if not match.group(1).isascii():
                digits = match.group(1)
                ascii_digits = report.normalized[match.start(1) : match.end(1)]
                yield self.diagnostic(
                    f"序号“{digits}”使用了全角数字，而本报告其他序号使用半角数字，应写作“{ascii_digits}”",
                    match.start(1),
                    match.end(1),
                    fix=Fix(match.start(1), match.end(1), ascii_digits, "改为半角数字"),
                )


# A mark, then a different one of the first five or the same again (it opens with the mark: the engine looks for
# the marks without entering the pattern elsewhere).
_DOUBLED_PUNCTUATION = compiled(r"([，。、；：！？])(?:(?!\1)[，。、；：]|\1)")


class DoubledPunctuation(Rule):
    """标点重复或叠用（如“，，”“，。”“。。”）。

    常见于复制粘贴、改稿遗留，或网站转载时插入的多余标点。同一个标点写了两遍
    （“，，”“。。”）时删去一个；不同标点叠用（“，。”）该留哪个由作者决定，不自动修改。

    反例：

        进一步完善公开目录，，提高公开质量。。

    正例：

        进一步完善公开目录，提高公开质量。
    """

    code = "RL606"
    name = "doubled-punctuation"
    severity = "warning"
    prose_only = True
    fix_safety = "safe"  # only a mark written twice loses one copy

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for match in _DOUBLED_PUNCTUATION.finditer(report.text):
            doubled = match.group()
            fix = Fix(match.start() + 1, match.end(), "", f"删除重复的“{doubled[0]}”") if doubled[0] == doubled[1] else None
            yield self.diagnostic(f"标点“{doubled}”重复或叠用，请保留一个合适的标点", match.start(), match.end(), fix=fix)


#: Phrases these reports use again and again; a copy with one inner character missing is a typo.
COMMON_PHRASES = (
    "政府信息公开",
    "信息公开工作",
    "政务公开工作",
    "主动公开政府信息",
    "依申请公开",
    "政府信息公开申请",
    "政府门户网站",
    "政务新媒体",
    "政府信息公开指南",
    "政府信息公开目录",
    "政府信息管理",
    "政府信息公开平台",
    "行政规范性文件",
    "规范性文件",
    "行政事业性收费",
    "政府集中采购",
    "信息处理费",
    "人大代表建议",
    "政协委员提案",
    "政务公开工作要点",
    "基层政务公开",
    "标准化规范化",
    "重点领域信息公开",
    "人员变动较快",
    "人员变动频繁",
    "工作人员变动",
    "信息更新不及时",
    "公开内容不够全面",
    "进一步加强",
    "进一步完善",
    "进一步规范",
    "进一步提高",
    "年度报告",
    "统计期限",
    "保密审查机制",
    "政府信息公开条例",
    "行政复议和行政诉讼",
    "不公开为例外",
)


#: Negations: a phrase without one is the opposite statement, not a typo.
_NEGATIONS = frozenset("不未无没非")
#: Shortened forms that are correct words themselves (审查制: a system of review, as 责任制 is one of responsibility).
_WORDS_OF_THEIR_OWN = frozenset({"保密审查制"})


def _one_character_missing() -> dict[str, tuple[str, str]]:
    """Each phrase with one inner character dropped → (phrase, the missing character).

    A shortened form that occurs inside another phrase is left out: it may be correct text. So is one without a
    negation (信息更新及时 is no 信息更新不及时 missing 不: it says the opposite, correctly written).
    """
    variants: dict[str, tuple[str, str]] = {}
    for phrase in COMMON_PHRASES:
        for index in range(1, len(phrase) - 1):
            if phrase[index] in _NEGATIONS:
                continue
            variant = phrase[:index] + phrase[index + 1 :]
            if len(variant) >= 4 and variant not in _WORDS_OF_THEIR_OWN and not any(variant in other for other in COMMON_PHRASES):
                variants.setdefault(variant, (phrase, phrase[index]))
    return variants


class MissingCharacter(Rule):
    """常用词组中漏了一个字（如“人员变较快”应为“人员变动较快”，“政府信公开”应为“政府信息公开”）。

    年度报告反复使用一批固定词组；少了中间一个字的写法几乎都是录入错误。规则只
    检查这些常用词组，不猜测一般文字；少字后的写法与前一个字连成别的词时（“财政公开工作”
    不是“政务公开工作”漏了“务”）不报告，表格上方逐行读出的表头（“行政复议 行政诉讼”）也不报告。

    反例：

        二是政务公开人员变较快。

    正例：

        二是政务公开人员变动较快。

    选项：``phrases``（字符串列表）——再检查这些词组（如本地常用的机构名称）。
    """

    code = "RL609"
    name = "missing-character"
    severity = "warning"
    prose_only = True
    fix_safety = "unsafe"  # a guess from a list of phrases: review before applying (--unsafe-fixes)
    options = {"phrases": Option([], "另外要检查的常用词组", list)}

    def check(self, report: Report) -> Iterator[Diagnostic]:
        variants, finder, order = _variants(tuple(self.config["phrases"]))
        text = report.normalized
        occurrences = finder.positions(text)  # every variant's every occurrence, found in one pass
        zones = report.shared(_table_zones) if occurrences else []
        for variant in sorted(occurrences, key=order.__getitem__):  # the variants found (a few), in the table's order
            phrase, missing = variants[variant]
            free = 0  # a variant's findings do not overlap: the next one starts after this one
            for position in occurrences[variant]:
                if position < free or not _ends_a_phrase(text, position + len(variant)):
                    continue  # “保密审查制度”, “信息公开作为”: the short form begins a longer, correct word
                if position and text[position - 1] in _WORD_BEFORE.get(variant[0], ""):
                    continue  # “财政公开工作”, “财政信息公开”: the short form ends a longer, correct word
                if _header_line(report, position, zones) is not None:
                    continue  # header cells read as a line (“行政复议行政诉讼” over part 四's columns)
                yield self.diagnostic(
                    f"“{report.text[position : position + len(variant)]}”疑似漏字，应为“{phrase}”（缺“{missing}”）",
                    position,
                    position + len(variant),
                    fix=Fix(position, position + len(variant), phrase, f"改为“{phrase}”"),
                )
                free = position + len(variant)


@lru_cache(maxsize=16)
def _variants(phrases: tuple[str, ...]) -> tuple[dict[str, tuple[str, str]], PhraseFinder, dict[str, int]]:
    """The shortened forms to look for (the common phrases' and the configured ``phrases``'), their finder, and each
    one's place in the table (made once)."""
    variants = dict(_VARIANTS)
    for phrase in phrases:
        for index in range(1, len(phrase) - 1):
            variants.setdefault(phrase[:index] + phrase[index + 1 :], (phrase, phrase[index]))
    return variants, PhraseFinder(variants, builtin=not phrases), {variant: place for place, variant in enumerate(variants)}


_VARIANTS = _one_character_missing()
#: Characters that make a word with the first character of a shortened form (财政, 行政, 民政 …): the form then ends a
#: correct phrase (财政公开工作 is not 政务公开工作 missing 务; 现行规范性文件 is not 行政规范性文件 missing 政).
_WORD_BEFORE = {"政": "财行党民市邮家村内", "行": "现试暂施执"}
#: Characters that may follow a phrase without making it part of a longer word.
_AFTER_PHRASE = frozenset("的了和与及等中也都并而或")


def _ends_a_phrase(text: str, end: int) -> bool:
    """Whether a match ending at ``end`` is a whole phrase: punctuation or a function word comes next."""
    return end >= len(text) or not is_han(text[end]) or text[end] in _AFTER_PHRASE


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL6 text-hygiene rules."""
    return [
        DuplicatedWord,
        UnbalancedBrackets,
        HalfWidthPunctuation,
        RedundantNumberingMark,
        MixedNumberingWidth,
        DoubledPunctuation,
        MissingCharacter,
    ]
