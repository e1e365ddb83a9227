"""Counts, percentages and rates stated in report prose, and totals with their listed parts.

Rules about narrative numbers need the same machinery: which counted quantities a
sentence states (``268条``, ``三件``, ``0 件``),
which percentages are shares of a whole (``占总体百分比为12.3%``) or rates
(``办结率100%``), and how quantities group into a total with its parts::

    全年共发布各类信息268条，主动公开政府文件16条，……，公开其余信息151条。
    全年累计主动公开政府信息122条。其中：“机构职能”信息15条，占总体百分比为12.3%；……

Every function takes the report's :attr:`~reportlint.core.report.Report.normalized`
text (widths folded: ``，`` is ``,``, ``：`` is ``:``, ``％`` is ``%``) and
returns offsets that are valid in the original text too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from reportlint.text.chars import CLAUSE_BREAKS, COMMAS, HAN, LIST_COMMA, SEMICOLONS, SENTENCE_STOPS
from reportlint.text.numbers import parse_amount
from reportlint.text.ordinals import CHINESE_NUMERAL
from reportlint.text.segmentation import Span, bracketed, clause_start, sentence_spans, span_index
from reportlint.usercache.patterns import compiled

# A share's clause goes on past a colon (占比：12.3%).
_SHARE_CLAUSE_BREAKS = SENTENCE_STOPS + COMMAS + SEMICOLONS + LIST_COMMA

#: A number as prose writes it: Arabic (``268``, ``1,031``, ``12.3``) or Chinese (``三``, ``十二``).
NUMBER = rf"(?<![\d.])(?<!\d,)(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?)|(?<![零〇一二两三四五六七八九十百千万]){CHINESE_NUMERAL}"

#: Measure words that follow a count in report prose.
MEASURE_WORDS = ("人次", "件次", *"条件次个篇项份起期场人名家宗部批则封例户")

# A measure word followed by one of these characters is part of a word, not a unit (条例, 人民, 部门 …).
_NOT_A_UNIT_BEFORE = {
    "条": "例款",
    "人": "民员大口",
    "部": "门分署",
    "次": "性数",
    "项": "目",
    "期": "间限刊",
    "名": "称单",
    "家": "庭",
    "户": "籍口",
    "批": "准示复",
    "则": "是",
    "份": "额",
    "起": "诉草",
}
# A Chinese numeral after one of these characters belongs to a word (统一, 第一, 之一 …).
_NOT_A_COUNT_AFTER = "第统唯同之单逐划专进万"

#: A magnitude alone is no number: 数万条, 上千件, 20余万条 read from 万.
_MAGNITUDES = frozenset("百千万")
_ONE_CHARACTER_UNITS = "".join(unit for unit in MEASURE_WORDS if len(unit) == 1)
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万"
# NUMBER followed by a measure word. Written to open with the class of a number's first character and to look behind
# only after it (``\d(?<![\d.]\d)`` is ``(?<![\d.])\d``): the engine then skips fast to the next digit or numeral,
# where a pattern opening with a look-around is entered at every position. It matches exactly what
# ``(?P<number>{NUMBER})…`` does.
_QUANTITY = compiled(
    rf"(?P<number>[\d{_NUMERAL_CHARS}](?:(?<=\d)(?<![\d.]\d)(?<!\d,\d)(?:\d{{0,2}}(?:,\d{{3}})+(?!\d)|\d*(?:\.\d+)?)"
    rf"|(?<=[{_NUMERAL_CHARS}])(?<![{_NUMERAL_CHARS}][{_NUMERAL_CHARS}])[{_NUMERAL_CHARS}]*))"
    rf"\s*+(?:(?P<wan>(?:[余多]\s*+)?万)\s*+)?(?:(?P<about>余|多)\s*+)?(?P<unit>人次|件次|[{_ONE_CHARACTER_UNITS}])"
)
# What every count contains (its last digit through its measure word): text without it states no count.
# A quick scan that skips most sentences, since the full pattern is tried at every position.
_COUNT_CANDIDATE = compiled(rf"[\d零〇一二两三四五六七八九十百千万]\s*(?:(?:[余多]\s*)?万\s*)?(?:[余多]\s*)?[{_ONE_CHARACTER_UNITS}]")
_APPROXIMATE_BEFORE = compiled(r"(?:约|近|逾|超过|大约)\s*$")
_PERCENTAGE = compiled(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%")
_RATE = compiled(rf"(?P<kind>[{HAN}]{{2}})率\s*(?:为|达到|达|是|:)?\s*(?P<value>\d+(?:\.\d+)?)\s*%")
_SUBSET_MARK = compiled("其中")
_TOTAL_MARK = compiled(r"(?<!公)(?:共计|总计|合计|累计|总共|一共|共(?![享同建产青识性鸣治赢商]))")
_COLLECTIVE = compiled("各类|各项|各种|全部|所有")
_CATCH_ALL = compiled("其他|其余|其它|剩余|余下")
#: A kind named after 其他 (其他概况类信息: 概况类), which makes the item one more kind rather than the rest.
_OWN_KIND = compiled(f"([{HAN}]{{1,4}}?)类")
#: … unless it is no kind of its own (其他各类信息, 其他相关类).
_ANY_KIND = frozenset(["各", "相关", "各种", "有关"])
#: What follows 其他 in the templates' own category names (其他处理, 其他结果, 其他对外管理服务事项): one more category.
_TEMPLATE_OTHER = compiled("处理|结果|对外管理服务事项")
# After a total, what opens the list of its parts without 其中 (``15个：…``, ``15个，分别为…``).
_LIST_FOLLOWS = compiled(r":|\s*(?:,\s*)?分别")
#: Words that make a sentence a plan rather than a report of work done. A bare 将 is
#: also the preposition of 将…纳入 (past work), so only 将 before a verb of intent counts; 总目标 is a policy's
#: standing aim (长治久安总目标), not the body's plan.
PLAN_WORDS = compiled(
    "计划|拟|力争|争取|预计|下一步|下步|下阶段|下一阶段|明年|今后|目标(?<!总目标)"
    "|将(?:进一步|继续|持续|不断|加大|加强|着力|全面|认真|积极|按照|围绕|坚持|重点|严格|切实|努力|逐步|深入|扎实|抓好|做好)"
)


class Quantity(NamedTuple):
    """A counted quantity in prose (``268条``): its value, measure word and range (number through unit).

    (A named tuple: several rules search a report's sentences for counts, and a tuple is made several times faster
    than a frozen dataclass.)
    """

    value: int | Decimal
    unit: str
    start: int
    end: int
    approximate: bool = False


@dataclass(frozen=True)
class Percentage:
    """A percentage in prose (``12.3%``) with its range (number through ``%``)."""

    value: Decimal
    start: int
    end: int

    @property
    def resolution(self) -> Decimal:
        """One unit of the last written digit: ``1`` for ``12%``, ``0.1`` for ``12.3%``."""
        exponent = self.value.as_tuple().exponent
        return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)


@dataclass(frozen=True)
class Share:
    """A percentage stated as a share of a whole (``占总体百分比为12.3%``).

    ``label_start`` is where the text naming the share's item starts (the
    clause before ``占…`` when the share has a clause of its own).
    """

    percentage: Percentage
    label_start: int


@dataclass(frozen=True)
class Rate:
    """A rate (``办结率100%``): ``kind`` is the two characters before 率 (``办结``, ``答复``)."""

    kind: str
    percentage: Percentage
    start: int


@dataclass(frozen=True)
class Part:
    """One item of an enumeration: its count, where its label starts, and its share if stated."""

    quantity: Quantity
    label_start: int
    share: Share | None = None


@dataclass(frozen=True)
class Enumeration:
    """A total and the parts listed for it (``共…268条，其中A 16条、B 2条…``).

    ``exhaustive`` says the list claims to cover the whole: its last item is a
    catch-all (其他、其余), or it is introduced by 分别.
    """

    total: Quantity
    parts: tuple[Part, ...]
    sentence: Span
    exhaustive: bool

    @property
    def parts_sum(self) -> int | Decimal:
        """The sum of the parts' counts."""
        return sum((part.quantity.value for part in self.parts), 0)

    @property
    def covers_total(self) -> bool:
        """The parts add up to the total exactly."""
        return self.parts_sum == self.total.value

    @property
    def approximate(self) -> bool:
        """Some count is approximate (``100余条``): no arithmetic on it."""
        return self.total.approximate or any(part.quantity.approximate for part in self.parts)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Counted quantities in ``text[start:end]``, in order; those inside brackets (asides, titles) are left out."""
    end = len(text) if end is None else end
    candidate = _COUNT_CANDIDATE.search(text, start, end)
    if candidate is None:
        return []
    inside: list[bool] | None = None  # which positions are bracketed: worked out at the first count found
    found = []
    make = tuple.__new__  # (a count made as a tuple: the named tuple's own constructor is a Python function)
    for match in _QUANTITY.finditer(text, _count_scan_start(text, start, candidate.start()), end):
        number, wan, about, unit = match.group("number", "wan", "about", "unit")
        first, last = match.span()
        following = text[last] if last < len(text) else ""
        if following and following in _NOT_A_UNIT_BEFORE.get(unit, ""):
            continue
        before = text[first - 1] if first > 0 else ""
        if before == "第" or (not number[0].isdigit() and (before in _NOT_A_COUNT_AFTER or number in _MAGNITUDES)):
            continue
        if inside is None:
            inside = bracketed(text, start, end)
        if inside[first - start]:
            continue
        value = parse_amount(number)
        if value is None:
            continue
        if wan is not None:
            value = value * 10000
        hedged = _APPROXIMATE_BEFORE.search(text, max(0, first - 3), first) is not None
        approximate = wan is not None or hedged or about is not None
        found.append(make(Quantity, (value, unit, first, last, approximate)))
    return found


# Besides digits and spaces, what the text of a count holds before its measure word: its number, 万, 余 and 多.
_COUNT_CHARS = frozenset(",.零〇一二两三四五六七八九十百千万余多")


def _count_scan_start(text: str, start: int, first_candidate: int) -> int:
    """Where the search for counts in ``text[start:…]`` may begin: at the first candidate, moved back over the
    characters a count holds before its measure word (digits, spaces, ``,.``, numerals, 万余多).

    Every count ends where a candidate does (:data:`_COUNT_CANDIDATE` from its last number character) and holds only
    such characters before its measure word; the first candidate's measure word is none of them, so no count starts
    before that stretch, and searching from it finds what searching from ``start`` finds.
    """
    position = first_candidate
    chars = _COUNT_CHARS
    while position > start and ((char := text[position - 1]) in chars or char.isdecimal() or char.isspace()):
        position -= 1
    return position


def find_percentages(text: str, start: int = 0, end: int | None = None) -> list[Percentage]:
    """Percentages (``12.3%``) in ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    if text.find("%", start, end) < 0:  # most sentences: no percentage
        return []
    return [Percentage(Decimal(match.group(1)), match.start(), match.end()) for match in _PERCENTAGE.finditer(text, start, end)]


def find_shares(text: str, start: int = 0, end: int | None = None) -> list[Share]:
    """Percentages in ``text[start:end]`` stated as a share of a whole: ``占`` earlier in the same clause."""
    end = len(text) if end is None else end
    shares = []
    for percentage in find_percentages(text, start, end):
        opening = clause_start(text, percentage.start, start, breaks=_SHARE_CLAUSE_BREAKS)
        share_word = text.find("占", opening, percentage.start)
        if share_word < 0:
            continue
        label_start = opening
        if not text[opening:share_word].strip() and opening > start:
            label_start = clause_start(text, opening - 1, start, breaks=_SHARE_CLAUSE_BREAKS)
        shares.append(Share(percentage, label_start))
    return shares


def find_rates(text: str, start: int = 0, end: int | None = None) -> list[Rate]:
    """Rates (``办结率100%``, ``答复率为98.5%``) in ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    if text.find("%", start, end) < 0:  # most sentences: no rate
        return []
    return [
        Rate(match.group("kind"), Percentage(Decimal(match.group("value")), match.start("value"), match.end()), match.start())
        for match in _RATE.finditer(text, start, end)
    ]


def names_the_rest(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a catch-all item (其他、其余 …): a list ending with one covers the whole.

    其他 (其它) followed by a kind of its own (其他概况类信息) names one more kind, not the rest, as do the templates'
    categories 其他处理 and 其他结果; 其他信息, 其他各类信息 and 其余 do."""
    found = _CATCH_ALL.search(text, start, end)
    if found is None:
        return False
    if found.group() not in ("其他", "其它"):
        return True  # (其余, 剩余, 余下)
    if _TEMPLATE_OTHER.match(text, found.end(), end):
        return False  # 其他处理, 其他结果: the tables' own categories (一、不予处理……其他处理), not the rest
    kind = _OWN_KIND.match(text, found.end(), end)
    return kind is None or kind.group(1) in _ANY_KIND


def states_plans(text: str, span: Span) -> bool:
    """Whether a sentence speaks of plans (将进一步、计划、下一步 …) rather than of work done."""
    return PLAN_WORDS.search(text, span.start, span.end) is not None


def find_enumerations(
    text: str, start: int = 0, end: int | None = None, sentences: Iterable[Span] | None = None
) -> tuple[Enumeration, ...]:
    """Totals with their listed parts in the prose of ``text[start:end]``.

    Several rules ask for a report's enumerations: they use
    :attr:`Report.enumerations <reportlint.core.report.Report.enumerations>`,
    computed once per report. ``sentences`` are the text's sentences when the
    caller has them already.

    Two forms are recognised. A list after 其中, whose total is the count
    right before it (in the same sentence or ending the previous one)::

        全年累计主动公开政府信息122条。其中：A 15条，……；B 7条。

    and a list after a collective total (共 … 各类/全部 …, or a total followed
    by a colon or 分别), without 其中::

        全年共发布各类信息268条，主动公开政府文件16条，……，公开其余信息151条。

    Parts are the following counts with the total's measure word, outside
    brackets, up to the end of the sentence, a clause that states a new total,
    or a clause that counts something else (``新开设专栏6个`` among counts of
    条). A list whose first clause counts something else and whose first count
    of the total's measure word stands in a later clause is no list
    (``发布信息95条，其中发布规范性文件2件，利用电子屏发布信息108条``). A nested breakdown (``共5000条，其中政府文件1233条，其中规章2条、规范性
    文件1231条，工作动态3767条``) gives one enumeration per 其中; the inner list
    must add up to its own total exactly, or the sentence is skipped. Without 其中,
    a ``分别`` that follows other subjects (``微信、微博分别发布1826条、2386条``)
    starts a statement of its own, not a list of the total's parts.
    """
    end = len(text) if end is None else end
    if sentences is None:
        spans: Sequence[Span] = sentence_spans(text, start, end)
    elif start > 0 or end < len(text):  # (a report's own sentences all lie in its text)
        spans = [sentence for sentence in sentences if sentence.end > start and sentence.start < end]
    else:
        spans = sentences if isinstance(sentences, Sequence) else tuple(sentences)
    if not spans:
        return ()
    counts: dict[int, tuple[Quantity, ...]] = {}  # sentence index → its counts, found once

    def counts_of(index: int) -> tuple[Quantity, ...]:
        if index not in counts:
            sentence = spans[index]
            counts[index] = tuple(find_quantities(text, sentence.start, sentence.end))
        return counts[index]

    found = []
    for index in _enumeration_sentences(text, spans):
        sentence = spans[index]
        quantities = counts_of(index)
        if not quantities:  # no count, so no list either (its parts would be counts)
            continue
        counted = _CountedSentence(sentence, quantities)
        marks = _outside_brackets(text, sentence, _SUBSET_MARK)
        if not marks:
            enumeration = _collective_list(text, counted)
            if enumeration is not None:
                found.append(enumeration)
        elif len(marks) == 1:
            # the sentence before gives a list after 其中 its total, when it states counts and 其中 opens this one
            opens = index and _only_punctuation(text[sentence.start : marks[0]])
            previous = _CountedSentence(spans[index - 1], counts_of(index - 1)) if opens else None
            enumeration = _subset_list(text, counted, marks[0], previous)
            if enumeration is not None:
                found.append(enumeration)
        else:
            found.extend(_nested_lists(text, counted, marks))
    return tuple(found)


def _enumeration_sentences(text: str, sentences: Sequence[Span]) -> list[int]:
    """The indexes of the sentences (in order, apart) that may state an enumeration, in order: those holding 其中, and
    those where a total's mark is followed by a number in its clause (:func:`_opens_total`), a few of a report's sentences.

    A list without 其中 follows a count whose clause holds :data:`_TOTAL_MARK` before it (:func:`_collective_list`),
    and every mark holds 共 or 计: the words are found with :meth:`str.find` over the sentences' stretch of text (a
    regular expression of them costs five times as much), and only the places where they stand are tested.
    """
    starts = [sentence.start for sentence in sentences]
    first, last = sentences[0].start, sentences[-1].end
    holding: set[int] = set()
    find = text.find
    for word in ("其中", "共", "计"):
        position = find(word, first, last)
        while position >= 0:
            index = span_index(sentences, starts, position)
            if index >= 0 and index not in holding and (word == "其中" or _opens_total(text, position, sentences[index])):
                holding.add(index)
            position = find(word, position + 1, last)
    return sorted(holding)


def _opens_total(text: str, position: int, sentence: Span) -> bool:
    """Whether the 共 or 计 at ``position`` is part of a total's mark (:data:`_TOTAL_MARK`, starting at it or at the
    character before) with a count starting after it in its clause.

    Every count a list without 其中 is found after has one: its clause holds a mark before it (a mark found in the
    clause's text alone is one in the sentence too: the characters around that text are a clause break before it and
    the count's first character after it), a mark holds no clause break, and the count starts after the mark's 共 or 计.
    (Long table rows of digits that hold 总计, or 第一项 in their note, are then not searched for counts.)
    """
    for mark_start in (position - 1, position):
        if mark_start >= sentence.start:
            mark = _TOTAL_MARK.match(text, mark_start, sentence.end)
            if mark is not None and mark.end() > position:
                # the numbers up to the clause's end, found in one search with the breaks that end it
                for found in _NUMBER_START_OR_BREAK.finditer(text, position + 1, sentence.end):
                    if found.lastgroup == "end":
                        return False
                    if _QUANTITY.match(text, found.start(), sentence.end) is not None:
                        return True
                return False
    return False


#: The first character of a number (:data:`NUMBER`), or a clause break (:func:`~reportlint.text.segmentation.clause_end`).
_NUMBER_START_OR_BREAK = compiled(rf"[\d{_NUMERAL_CHARS}]|(?P<end>[{re.escape(CLAUSE_BREAKS)}\n])")


@dataclass(frozen=True)
class _CountedSentence:
    """A sentence and the counts it states."""

    span: Span
    quantities: tuple[Quantity, ...]


def _outside_brackets(text: str, sentence: Span, pattern: re.Pattern) -> list[int]:
    """Where ``pattern`` matches in the sentence, brackets and book titles left out."""
    if pattern.search(text, sentence.start, sentence.end) is None:
        return []
    inside = bracketed(text, sentence.start, sentence.end)
    return [match.start() for match in pattern.finditer(text, sentence.start, sentence.end) if not inside[match.start() - sentence.start]]


def _only_punctuation(text: str) -> bool:
    return all(char.isspace() or char in CLAUSE_BREAKS for char in text)


def _subset_list(text: str, counted: _CountedSentence, mark: int, previous: _CountedSentence | None) -> Enumeration | None:
    """The list after 其中 at ``mark``, if a count ends right before it (here or at the end of the previous sentence)."""
    sentence = counted.span
    before = [quantity for quantity in counted.quantities if quantity.end <= mark]
    total = None
    if before and _only_punctuation(text[before[-1].end : mark]):
        total = before[-1]
    elif (
        not before
        and _only_punctuation(text[sentence.start : mark])
        and previous is not None
        and previous.quantities
        and _only_punctuation(text[previous.quantities[-1].end : previous.span.end])
        and sum(quantity.unit == previous.quantities[-1].unit for quantity in previous.quantities) == 1
    ):
        # (a sentence of several such counts, “网站754条，新媒体2808条，其他方式54条。其中，……”: whose parts follow is unsaid)
        total = previous.quantities[-1]
    if total is None:
        return None
    return _with_parts(text, sentence, total, mark + len("其中"), counted.quantities)


def _collective_list(text: str, counted: _CountedSentence) -> Enumeration | None:
    """The list after a collective total (共…各类…N条，… / 共…N个：… / 共…N个，分别…), with two parts or more."""
    for quantity in counted.quantities:
        prefix = text[clause_start(text, quantity.start, counted.span.start) : quantity.start]
        if not _TOTAL_MARK.search(prefix):
            continue
        opened = _LIST_FOLLOWS.match(text, quantity.end) is not None
        if _COLLECTIVE.search(prefix) or opened:
            enumeration = _with_parts(text, counted.span, quantity, quantity.end, counted.quantities)
            if enumeration is None or len(enumeration.parts) < 2:
                continue
            if not opened and "分别" in text[quantity.end : enumeration.parts[-1].quantity.start]:
                return None  # 微信、微博分别发布…: other subjects' own counts, not parts of this total
            return enumeration
    return None


def _nested_lists(text: str, counted: _CountedSentence, marks: Sequence[int]) -> list[Enumeration]:
    """The lists of a sentence with several 其中, innermost first; empty when one of them cannot be told apart.

    Each 其中 lists the parts of the count right before it. An inner list runs
    until its parts add up to its total; its parts are then not parts of the
    outer list (the inner total is).
    """
    sentence = counted.span
    consumed: list[Quantity] = []
    found: list[Enumeration] = []
    for index in range(len(marks) - 1, -1, -1):
        mark = marks[index]
        before = [quantity for quantity in counted.quantities if quantity.end <= mark]
        if not before or not _only_punctuation(text[before[-1].end : mark]):
            return []
        total = before[-1]
        remaining = [quantity for quantity in counted.quantities if quantity not in consumed]
        enumeration = _with_parts(text, sentence, total, mark + len("其中"), remaining)
        if enumeration is None:
            return []
        if index:  # an inner list: it must close on its own total
            running: int | Decimal = 0
            closed = None
            for number, part in enumerate(enumeration.parts):
                running += part.quantity.value
                if running == total.value:
                    closed = number
                    break
            if enumeration.approximate:
                return []
            if closed is not None:
                enumeration = Enumeration(total, enumeration.parts[: closed + 1], sentence, enumeration.exhaustive)
            else:
                enumeration = _closed_by_semicolon(text, enumeration)
                if enumeration is None:
                    return []
            consumed.extend(part.quantity for part in enumeration.parts)
        found.append(enumeration)
    if len(found) == 2 and not found[0].covers_total and found[1].parts_sum != found[1].total.value:
        return []  # an inner list closed by its semicolon only: the outer list must add up for the reading to hold
    return found[::-1]


def _closed_by_semicolon(text: str, enumeration: Enumeration) -> Enumeration | None:
    """An inner list that does not add up to its total, ended at the first semicolon after its parts start when the
    parts before it end with the rest (“发布31条，其中概况17条，……，其他栏目2条；通过公众号公开190条”: the list says it
    covers its total, and does not): None when no such semicolon ends a list of two parts or more."""
    parts = enumeration.parts
    semicolon = _SEMICOLON.search(text, parts[0].quantity.end, parts[-1].quantity.start)
    if semicolon is None:
        return None
    kept = tuple(part for part in parts if part.quantity.end <= semicolon.start())
    if len(kept) < 2 or not names_the_rest(text, kept[-1].label_start, kept[-1].quantity.start):
        return None
    return Enumeration(enumeration.total, kept, enumeration.sentence, True)


#: Before a count in its clause: a change against another year (比上年度减少838条, 较去年增加 12 条).
_CHANGE_BEFORE = compiled(r"(?:比|较)[^，,；;。]{0,12}?(?:增加|减少|增长|下降|上升|降低|多|少)了?\s*\Z")


_SEMICOLON = compiled(f"[{SEMICOLONS}]")


def _collective_after_semicolon(text: str, previous: Quantity, following: Quantity) -> bool:
    """Whether ``following`` is a collective count in a clause after a semicolon (“……政务公开24条；通过公示栏公示各类信息
    179条”): a statement of its own, not one more part (“……2条；其他类信息1条” is)."""
    semicolon = _SEMICOLON.search(text, previous.end, following.start)
    return semicolon is not None and _COLLECTIVE.search(text, semicolon.end(), following.start) is not None


def _with_parts(text: str, sentence: Span, total: Quantity, list_start: int, quantities: Sequence[Quantity]) -> Enumeration | None:
    """The enumeration of ``total`` whose parts are the same-unit counts from ``list_start`` on.

    The list ends at a clause stating a new total or counting something else
    (another measure word) after the first part, and at a collective count after a semicolon (“公示80条，其中工作动态
    52条，政务公开24条；通过公示栏公示各类信息179条”). A count of how much a part changed against another year (比上年度减少838条) is no part.
    """
    candidates = [quantity for quantity in quantities if quantity.start >= list_start]
    parts: list[Quantity] = []
    other_clause = -1  # where the last clause that counts something else, before the first part, opens
    for quantity in candidates:
        opening = clause_start(text, quantity.start, list_start)
        if parts and _TOTAL_MARK.search(text, opening, quantity.start):
            break
        if parts and _collective_after_semicolon(text, parts[-1], quantity):
            break
        if quantity.unit != total.unit:
            if parts and opening > parts[-1].end:
                break  # 新开设专栏6个 among counts of 条: the list of parts has ended
            other_clause = opening
            continue
        if not parts and other_clause >= 0 and opening > other_clause:
            return None  # 其中发布规范性文件2件，利用电子屏发布信息108条: a clause of its own, not a part
        if _CHANGE_BEFORE.search(text, opening, quantity.start) is not None:
            continue  # 行政许可3121条，比上年度减少838条: how much a part changed, not a part
        parts.append(quantity)
    if not parts:
        return None
    shares = find_shares(text, list_start, sentence.end)
    listed = []
    for index, quantity in enumerate(parts):
        limit = parts[index + 1].start if index + 1 < len(parts) else sentence.end
        share = next((share for share in shares if quantity.end <= share.percentage.start < limit), None)
        listed.append(Part(quantity, clause_start(text, quantity.start, list_start), share))
    last = listed[-1]
    exhaustive = names_the_rest(text, last.label_start, last.quantity.start) or "分别" in text[list_start : parts[0].start]
    return Enumeration(total, tuple(listed), sentence, exhaustive)
