"""RL1 content the format requires: the parts the intro promises, the five aspects of part 一, Art. 50's
assessment statement, the fee statement."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Option, Rule
from reportlint.template.labels import label_key, strip_ordinal
from reportlint.template.spec import TemplateSpec
from reportlint.text.chars import COLONS, COMMAS, SEMICOLONS, positions_of, without_spaces_between_han
from reportlint.text.numbers import whole_number
from reportlint.text.ordinals import chinese_number
from reportlint.text.quoting import squash
from reportlint.usercache.patterns import compiled

_PROMISES = (
    compiled(
        r"(?:全文|本报告|报告|年报)[^。，,\n]{0,12}?(?:包括|包含)\s*[:：]?\s*(?P<list>[^。]{4,200}?)"
        r"(?:[,，]?\s*(?:共|等)\s*(?P<count>[一二三四五六七八九十\d]+)\s*个?(?:部分|方面)|。)"
    ),
    compiled(r"由\s*(?P<list>[^。由]{4,200}?)(?:等|共)?\s*(?:(?P<count>[一二三四五六七八九十\d]+)\s*个?(?:部分|方面))?(?:内容|部分)?组成"),
    compiled(
        r"(?:全文|本报告|报告)[^。，,\n]{0,8}?(?:共\s*)?分为\s*(?P<count>[一二三四五六七八九十\d]+)\s*个?部分(?:\s*[:：]\s*(?P<list>[^。]{4,200}?)。)?"
    ),
    compiled(r"(?:全文|本报告|报告)[^。，,\n]{0,8}?共\s*(?:包括|包含|有|分)?\s*(?P<count>[一二三四五六七八九十\d]+)\s*个?部分(?P<list>)"),
)
#: What opens a list that a sentence announces before giving it (“六部分组成,分别是:”, “分别为”), inside a list read.
#: A 由 read as a list's opening names who wrote the report when a clause without a 、 and a 包括 follow it (“由某局编制,
#: 包括总体情况、……等6部分组成”): the list is what follows the 包括.
_LIST_OPENING = compiled(r"^[^;；。]{0,14}?(?:分别是|分别为|具体是|具体为)\s*[:：]?|^[^;；。、]{0,40}?[,，]\s*(?:包括|包含)\s*[:：]?")
#: The ordinal of a listed part (“一、总体情况,二、主动公开政府信息情况”).
_ITEM_ORDINAL = compiled(r"(?:^|(?<=[,，;；:：\s]))[一二三四五六七八九十]{1,3}[、.．]")
_ATTACHMENT_PROMISE = compiled(r"(?:并|另)?附(?:有|上)?(?:[^。，,]{0,12}?)(?:统计表|指标表|附表|附件)")


@dataclass(frozen=True)
class _Promise:
    """What an intro says the report consists of: the parts it lists (each tied to a template part or not) and the count it states."""

    start: int
    end: int
    list_start: int
    list_end: int
    items: tuple[tuple[str, str | None], ...]  # (the item as written, template section id / "legacy" / None)
    stated: int | None
    #: Whether the list closes with 等 before the count (“总体情况、主动公开政府信息情况等六个部分”): it may name a few.
    open_ended: bool = False


def _promises(report: Report, intro_end: int) -> list[_Promise]:
    normalized = report.normalized
    template = report.reading.expected_template
    found: list[_Promise] = []
    for pattern in _PROMISES:
        for match in pattern.finditer(normalized, 0, intro_end):
            if any(match.start() < promise.end and promise.start < match.end() for promise in found):
                continue  # (“由本局编制，全文包括……等六部分组成”: the 由 of who wrote it, around a list read already)
            listed = _LIST_OPENING.sub("", match.group("list") or "")  # (“由六部分组成,分别是:1.总体情况;……等六部分组成”)
            listed = _ITEM_ORDINAL.sub("", listed)  # “一、总体情况,二、……”: the 、 of an ordinal parts nothing
            # items apart by 、 or, each in its own quotation marks, by nothing (“总体情况”“主动公开政府信息情况”)
            items = [item.strip(' "') for item in re.split(r'[,、;；]|以及|"\s*"', listed) if item.strip(' "')]
            stated_text = match.group("count")
            stated = None
            if stated_text:
                stated = whole_number(stated_text) if stated_text.isdigit() else chinese_number(stated_text)
            open_ended = bool(listed) and stated_text is not None and "等" in normalized[match.end("list") : match.start("count")]
            found.append(
                _Promise(
                    match.start(),
                    match.end(),
                    match.start("list") if listed else match.start(),
                    match.end("list") if listed else match.end(),
                    _merged(items, template),
                    stated,
                    open_ended,
                )
            )
    return sorted(found, key=lambda promise: promise.start)


def _part_of(item: str, template: TemplateSpec | None, strict: bool = False) -> str | None:
    """Which template part an intro item names (a section id), ``legacy`` for a 2008-era part, else None.

    ``strict`` asks for a whole part name (no fragment such as ``情况`` that any heading contains).
    """
    key = strip_ordinal(label_key(re.sub(r"^(?:和|及|以及|并)", "", item)))
    if not key or template is None or (strict and len(key) < 4):
        return None
    if any(legacy in key for legacy in (label_key(text) for text in template.legacy_headings)):
        return "legacy"
    # the part whose name reads closest, not the first one close enough: “依申请公开政府信息情况” shares as many words
    # with 主动公开政府信息情况 as needed, but is 三's variant
    best: tuple[float, str] | None = None
    for section in template.sections:
        for heading in (section.heading, *section.variants):
            bare = strip_ordinal(label_key(heading))
            closeness = _similarity(bare, key) if strict else _coverage(bare, key)
            if closeness >= _CLOSE_ENOUGH and (best is None or closeness > best[0]):
                best = (closeness, section.id)
    if best is not None:
        return best[1]
    for section in template.sections:
        if section.keywords and all(any(word in key for word in group) for group in section.keywords):
            return section.id
    return None


def _split_joined(item: str, template: TemplateSpec | None) -> list[str]:
    """An item naming two template parts joined by 及/和/与 or by nothing (``存在的主要问题及改进情况及其他需要报告的事项``,
    ``总体情况主动公开政府信息情况``) as two items, cut where both halves read best as part names."""
    cuts = [(joint.start(), joint.end()) for joint in re.finditer("以及|及|和|与", item)]
    cuts += [(position, position) for position in range(2, len(item) - 1)]
    best: tuple[float, str, str, bool] | None = None  # the cut whose two halves read best as part names, and at a joint?
    for start, end in cuts:
        first, second = item[:start], item[end:]
        parts = (_part_of(first, template, strict=True), _part_of(second, template, strict=True))
        if None not in parts and "legacy" not in parts and parts[0] != parts[1] and _part_of(item, template) != parts[1]:
            likeness = min(_likeness(first, template), _likeness(second, template))
            if best is None or likeness > best[0]:
                best = (likeness, first, second, start < end)
    # a cut only where both halves read better as part names than the whole (收到和处理政府|信息公开情况 is one part),
    # or at a joining word when the whole is no part's whole name (……存在的主要问题及改进情况|和|其他需要报告事项 reads
    # almost as well as part 五 for holding all of its name)
    whole = _likeness(item, template)
    if best is None or (best[0] <= whole and not (best[3] and whole < _WHOLE_NAME)):
        return [item]
    return [best[1], *_split_joined(best[2], template)]


def _merged(items: list[str], template: TemplateSpec | None) -> tuple[tuple[str, str | None], ...]:
    """Items tied to their part; neighbours naming one part are one item (``行政复议、行政诉讼情况``,
    ``因政府信息公开申请行政复议、提起行政诉讼的情况``)."""
    merged: list[tuple[str, str | None]] = []
    for item in (piece for listed in items for piece in _split_joined(listed, template)):
        part = _part_of(item, template)
        if merged:
            previous, previous_part = merged[-1]
            joined = previous + "、" + item
            joined_part = _part_of(joined, template, strict=True)
            # one part: two pieces of its name (行政复议、行政诉讼情况: joined, they read as it at least as well as the first
            # alone) or its name written twice (主动公开政府信息情况、主动公开政府信息的情况); not two items that both only
            # read closest to it (主动公开政府信息情况、政务公开情况)
            same = (
                part is not None
                and part != "legacy"
                and previous_part == part
                and (_likeness(joined, template) >= _likeness(previous, template) or _likeness(item, template) >= _WHOLE_NAME)
            )
            mapped = previous if part is None else item
            completes = (
                (part is None or previous_part is None)
                and joined_part not in (None, "legacy")
                and _likeness(joined, template) > _likeness(mapped, template)
            )
            if same or completes:
                merged[-1] = (joined, joined_part if completes else part)
                continue
        merged.append((item, part))
    return tuple(merged)


class IntroPromises(Rule):
    """引言说报告由若干部分组成或附有统计表，但部分数、所列部分或附表与正文不符。

    引言里的“全文包括……共N个部分”“本报告由……等六部分组成”“并附指标统计表”常
    从往年报告照抄，与实际结构不符，说明报告是在旧报告上改写而成的。只检查真正
    列举了组成部分的句子（“全文包括……”“由……组成”“分为……部分”“共……部分”）；
    “本报告由××镇人民政府编制”说的是谁编写，不算。“行政复议、行政诉讼情况”算
    一个部分；“总体情况、主动公开政府信息情况等六个部分”只举了几个部分（不超过一半，以“等”结束），
    不算少列。检查的是：列举的部分数与所说的部分数是否一致；所说的部分数与正文
    的一级标题数是否一致；列举的旧格式部分（概述、收费及减免……）正文中有没有；
    说附有附表而正文没有。文本在中途中断时（RL117），只检查引言本身是否前后一致，
    以及所说的部分数是不是统一格式的六个部分（2019 年以前的报告没有统一的部分数，不比较）。

    反例：

        （引言）
        全文包括概述，政府信息主动公开情况，……以及存在问题和整改措施。并附指标统计表。

    正例：

        （引言）
        本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。
    """

    code = "RL108"
    name = "intro-promises"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        sections = reading.sections
        intro_end = report.opening_end()
        template = reading.expected_template
        parts = len(template.sections) if template is not None else 6
        for promise in _promises(report, intro_end):
            listed = len(promise.items)
            stated = promise.stated
            miscounted = (
                stated is not None
                and listed >= 2
                and listed != stated
                and (not reading.is_complete or listed != len(sections))
                # “A、B等六个部分”: a few named, the rest meant (and a 2008-era list, whose parts have no template to
                # tell “依申请公开、不予公开及咨询政府信息情况” for one part)
                and not (promise.open_ended and (listed * 2 <= stated or not reading.six_part_era))
            )
            if stated is not None and miscounted:
                named = {part for _, part in promise.items}
                absent = [spec.heading for spec in template.sections if spec.id not in named] if template is not None else []
                # (which parts are not listed is said only when every item names one: an item in other words,
                # 概述 or 存在问题和下一步工作计划, may be the part that seems absent)
                hint = (
                    f"（没有列出{'、'.join(f'“{heading}”' for heading in absent[:3])}）"
                    if listed < stated and absent and all(part not in (None, "legacy") for _, part in promise.items)
                    else ""
                )
                if listed == parts and reading.six_part_era:  # the list is right, the number wrong: one finding says both
                    hint = f"（统一格式的年度报告由 {parts} 个部分组成）"
                yield self.diagnostic(f"引言列出了 {listed} 个部分，却说共 {stated} 个部分{hint}", promise.start, promise.end)
            count = promise.stated if promise.stated is not None else (listed if listed >= 2 else None)
            if not reading.is_complete:
                if (
                    promise.stated is not None
                    and promise.stated != parts
                    and reading.six_part_era  # (the 2008 regulation's reports had no set number of parts)
                    and not (miscounted and listed == parts)
                ):
                    yield self.diagnostic(
                        f"引言说报告共 {promise.stated} 个部分，统一格式的年度报告由 {parts} 个部分组成", promise.start, promise.end
                    )
                continue  # the rest of the report is not there to compare with
            headings = [strip_ordinal(label_key(section.heading)) for section in sections]
            missing = [
                item
                for item, part in promise.items
                if part in (None, "legacy") and not any(_coverage(heading, label_key(item)) >= _CLOSE_ENOUGH for heading in headings)
            ]
            if missing:
                yield self.diagnostic(
                    f"引言列出的部分在正文中找不到：{'、'.join(f'“{squash(item)}”' for item in missing[:4])}"
                    + (f"等 {len(missing)} 项" if len(missing) > 4 else ""),
                    promise.list_start,
                    promise.list_end,
                )
            if count is not None and count != len(sections):
                yield self.diagnostic(f"引言说报告共 {count} 个部分，正文实际有 {len(sections)} 个一级标题", promise.start, promise.end)
        if not reading.is_complete:
            return
        normalized = report.normalized
        for match in _ATTACHMENT_PROMISE.finditer(normalized, 0, intro_end):
            attached = reading.filled is not None or "附表" in normalized[intro_end:] or "附件" in normalized[intro_end:]
            if not attached:
                yield self.diagnostic(f"引言说“{report.text[match.start() : match.end()]}”，但报告中没有附表", match.start(), match.end())


def _bigrams(text: str) -> set[str]:
    return {text[index : index + 2] for index in range(len(text) - 1)}


def _likeness(item: str, template: TemplateSpec | None) -> float:
    """How closely an item reads as one of the template's part names (bigram overlap with the closest)."""
    if template is None:
        return 0.0
    key = strip_ordinal(label_key(item))
    return max(
        (
            _dice(strip_ordinal(label_key(heading)), key)
            for section in template.sections
            for heading in (section.heading, *section.variants)
        ),
        default=0.0,
    )


def _dice(first: str, second: str) -> float:
    one, two = _bigrams(first), _bigrams(second)
    return 2 * len(one & two) / (len(one) + len(two)) if one and two else 0.0


#: How close an intro item must read to a part's name to name that part (:func:`_similarity`, :func:`_coverage`).
_CLOSE_ENOUGH = 0.6
#: How closely an item reads as a part's name (its heading or a variant of it) to be that name written again.
_WHOLE_NAME = 0.9


def _similarity(heading: str, item: str) -> float:
    """How closely an item is a heading's name, give or take a few words: 1 when it is, else the bigram overlap."""
    return 1.0 if heading == item else _dice(heading, item)


def _coverage(heading: str, item: str) -> float:
    """How closely a heading is the part an intro item names: 1 when one holds the other, else the bigram overlap."""
    item = re.sub(r"^(?:和|及|以及|并)", "", item)
    if not item or item in heading or heading in item:
        return 1.0
    return _dice(heading, item)


#: The five aspects 30号 names for section 一, each with words that show a report covers it.
OVERVIEW_ASPECTS = {
    "主动公开": ("主动公开",),
    "依申请公开": ("依申请公开", "依申请", "公开申请", "政府信息公开申请"),
    "政府信息管理": ("政府信息管理", "信息管理", "保密审查", "公开目录", "公开指南", "动态更新", "发布审核", "三审"),
    "政府信息公开平台建设": ("平台建设", "平台", "门户网站", "政府网站", "新媒体", "公众号", "公开栏", "公示栏"),
    "监督保障": ("监督保障", "监督", "考核", "培训", "责任追究", "评议", "问责"),
}
#: A list item of an enumeration: 1 to 12 characters other than 、 and 。.
_ITEM_LENGTH = 12


def enumeration_sentences(text: str) -> list[tuple[int, int]]:
    """The spans of sentences that list items with 、 and close the list with 等 (“抓好主动公开、依申请公开、政策解读等工作”).

    A span starts where a clause starts (after 。 or ；) that holds at least three
    items of 1–12 characters joined by 、, the last followed by 等, and runs to
    the next 。. This is what the pattern
    ``[^。；]*?(?:[^、。]{1,12}、){2,}[^、。]{1,12}等[^。]*`` finds with ``finditer``,
    computed in linear time: that pattern backtracks catastrophically on long
    runs of 、 (a 12 KB text took minutes).
    """
    if "等" not in text or text.count("、") < 2:  # (most lines: no list closed with 等)
        return []
    commas = positions_of(text, "、")
    periods = _Positions(text, "。")
    separators = _Positions(text, "。；")

    def is_item(start: int, end: int) -> bool:  # 1–12 characters, no 、 (between two 、) and no 。
        return 1 <= end - start <= _ITEM_LENGTH and periods.next(start) >= end

    # after[j]: from the j-th 、 on, further items end in “X等” (an item of 1–12 characters, then 等)
    after = [False] * len(commas)
    for j in range(len(commas) - 1, -1, -1):
        position = commas[j]
        stop = min(commas[j + 1] if j + 1 < len(commas) else len(text), periods.next(position + 1))
        tail = "等" in text[position + 2 : min(position + _ITEM_LENGTH + 2, stop)]
        after[j] = tail or (j + 1 < len(commas) and is_item(position + 1, commas[j + 1]) and after[j + 1])
    # opens[j]: an enumeration whose first item ends at the j-th 、 goes on (a second item, then more or “X等”)
    opens = [j + 1 < len(commas) and is_item(commas[j] + 1, commas[j + 1]) and after[j + 1] for j in range(len(commas))]
    spans = []
    start = first = 0  # first: the first 、 after the clause start
    while start < len(text):
        clause_end = separators.next(start)
        while first < len(commas) and commas[first] <= start:
            first += 1
        j = first
        while j < len(commas) and commas[j] <= clause_end + _ITEM_LENGTH:
            # the first item ends at this 、 and starts in the clause (at most at its separator), after the 、 before it
            latest = min(clause_end, commas[j] - 1)
            earliest = max(start, commas[j] - _ITEM_LENGTH, commas[j - 1] + 1 if j else 0)
            if opens[j] and earliest <= latest and periods.next(latest) >= commas[j]:
                end = periods.next(start)
                spans.append((start, end))
                start = end + 1
                break
            j += 1
        else:
            start = clause_end + 1
    return spans


class _Positions:
    """Where some characters occur in a text, for "the next one at or after" in logarithmic time."""

    def __init__(self, text: str, characters: str) -> None:
        self._text_length = len(text)
        self._positions = positions_of(text, characters)

    def next(self, position: int) -> int:
        """The first occurrence at or after ``position``, or the text's length."""
        found = bisect.bisect_left(self._positions, position)
        return self._positions[found] if found < len(self._positions) else self._text_length


def _mask_aspect_lists(text: str) -> str:
    """Blank out sentences that merely list several aspects (“抓好主动公开、依申请公开……等工作”).

    A text without 等 and two 、 lists nothing, and one that names fewer than two aspects has no sentence naming two:
    most lines are returned as they are without looking for their lists.
    """
    if "等" not in text or text.count("、") < 2 or not _names_two_aspects(text):
        return text
    pieces = []
    position = 0
    for start, end in enumeration_sentences(text):
        sentence = text[start:end]
        items = _listed_items(sentence)
        listed = sum(1 for words in OVERVIEW_ASPECTS.values() if any(word in items for word in words))
        pieces.append(text[position:start])
        pieces.append(" " * len(sentence) if listed >= 2 else sentence)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _listed_items(sentence: str) -> str:
    """The items of a sentence's 、 list, up to the 等 after its last 、: what the list names, not what the sentence
    says of it (“主动公开包含：“政策文件”、“通知公告”等在内的信息279条” lists kinds of information, not aspects)."""
    first = sentence.find("、")
    closing = sentence.find("等", sentence.rfind("、"))
    lead = sentence[max(0, first - _ITEM_LENGTH) : first]
    lead = lead[max(lead.rfind(mark) for mark in _ITEM_LEAD_BREAKS) + 1 :]
    return lead + sentence[first : closing if closing >= 0 else len(sentence)]


#: What ends the words before a list's first item (“包含：”).
_ITEM_LEAD_BREAKS = COMMAS + COLONS + SEMICOLONS


def _names_two_aspects(text: str) -> bool:
    """Whether ``text`` holds the words of two aspects or more (:data:`OVERVIEW_ASPECTS`)."""
    named = 0
    for words in OVERVIEW_ASPECTS.values():
        if any(word in text for word in words):
            named += 1
            if named == 2:
                return True
    return False


class OverviewAspects(Rule):
    """第一部分“总体情况”没有涵盖规定的五个方面（主动公开、依申请公开、政府信息管理、平台建设、监督保障）。

    国办公开办函〔2021〕30号要求总体情况从主动公开、依申请公开、政府信息管理、
    政府信息公开平台建设、监督保障五个方面概述，内容按条例第五十条确定，“不能
    遗漏”。只在一句列举中带过（“抓好主动公开、依申请公开、政策解读等工作”）不算
    涵盖。2021 年度起按警告报告；2019、2020 年度报告适用的试行格式没有这一要求
    （很多报告也按这五个方面写），只作提示（info）。文本在第一部分中断时（RL117）
    不检查。

    反例：

        一、总体情况
        （一）强化组织保障。……
        （二）严守公开标准。……
        （三）聚焦重点领域。……

    正例：

        一、总体情况
        （一）主动公开。……
        （二）依申请公开。……
        （三）政府信息管理。……
        （四）政府信息公开平台建设。……
        （五）监督保障。……
    """

    code = "RL109"
    name = "overview-aspects"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        section = report.reading.section("s1")
        if section is None or not report.reading.six_part_era or report.reading.cut_off("s1"):
            return
        body = report.normalized[section.body_start : section.body_end]
        # line by line: a list in one paragraph never hides the sub-heading on the next line
        prose = "\n".join(_mask_aspect_lists(line) for line in body.split("\n"))
        missing = [aspect for aspect, words in OVERVIEW_ASPECTS.items() if not any(word in prose for word in words)]
        if missing:  # a word spaced out by PDF extraction or by a mirror's blanked pinyin (主动(dòng)公开) is still the word
            joined = without_spaces_between_han(prose)
            missing = [aspect for aspect in missing if not any(word in joined for word in OVERVIEW_ASPECTS[aspect])]
        if missing:
            # 30号 (2021 format) requires the five aspects; 2019 and 2020 reports often follow them without being required to
            year = report.reading.year
            trial_format = year is not None and year < 2021
            required = (
                "2021 年度起的格式要求涵盖这五个方面，本报告适用的试行格式没有这一要求，仅供参考"
                if trial_format
                else "应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面"
            )
            yield self.diagnostic(
                f"“{squash(section.heading)}”没有写到{'、'.join(f'“{aspect}”' for aspect in missing)}方面的情况（{required}）",
                section.start,
                section.end,
                severity="info" if trial_format else None,
            )


def _mentions(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word``, also spaced out by PDF extraction or split by a mirror's blanked pinyin
    (考(kǎo)核: joined only when the word is not there as written)."""
    return word in text or word in without_spaces_between_han(text)


class AssessmentStatement(Rule):
    """人民政府的报告没有写工作考核、社会评议和责任追究结果情况（条例第五十条）。

    条例第五十条第四项要求各级人民政府的年度报告包括“政府信息公开工作考核、社会
    评议和责任追究结果情况”；国办公开办函〔2021〕30号把它列入总体情况的“监督保障”。
    乡镇人民政府也适用；街道办事处是派出机关，默认不检查（选项可开启）。总体情况或第五部分
    没有找到（RL101 报告缺少的部分）或第五部分没有读完时不检查：说明可能就写在缺少的部分里。

    反例（总体情况和第五部分都没有写考核、评议和责任追究）：

        一、总体情况
        （五）监督保障。制定政务公开监督检查制度，定期检查网站栏目更新情况。
        五、存在的主要问题及改进情况
        一是部分信息公开不够及时；二是政策解读形式单一。

    正例：

        （五）监督保障。将政务公开工作纳入年度绩效考核，开展社会评议，本年度未发生责任追究情况。

    选项：``include-street-offices``（true/false）——街道办事处的报告是否也检查。
    """

    code = "RL110"
    name = "assessment-statement"
    severity = "warning"
    options = {"include-street-offices": Option(False, "街道办事处的报告也检查", bool)}

    _WORDS = ("考核", "评议", "责任追究", "问责")

    def check(self, report: Report) -> Iterator[Diagnostic]:
        subject = report.reading.subject
        if subject is None or not subject.is_government or not report.reading.six_part_era:
            return
        if subject.level == "街道" and not self.config["include-street-offices"]:
            return
        reading = report.reading
        overview = reading.section("s1") or next((section for section in reading.legacy_sections if section.is_old_first_part), None)
        problems = reading.section("s5")
        if overview is None or problems is None or reading.cut_off("s5"):
            return  # a part missing (RL101) may be where the statement was: nothing to say for sure
        bodies = [report.normalized[part.body_start : part.body_end] for part in (overview, problems)]
        if any(_mentions(body, word) for body in bodies for word in self._WORDS):
            return
        anchor = overview
        body = "是街道办事处（选项 include-street-offices 要求检查）" if subject.level == "街道" else "是人民政府"
        yield self.diagnostic(
            f"{subject.display}{body}，报告应写明政府信息公开工作考核、社会评议和责任追究结果情况（条例第五十条第四项），总体情况和第五部分中都没有找到",
            anchor.start,
            anchor.end,
        )


class FeeStatement(Rule):
    """2021 年及以后的报告第六部分没有说明信息处理费的收取情况。

    国办公开办函〔2021〕30号格式要求在“其他需要报告的事项”中报告依据《政府信息公开
    信息处理费管理办法》收取信息处理费的情况（发出收费通知的件数和总金额、实际收取
    的总金额）。没有收费也应写明“未收取信息处理费”。

    反例：

        六、其他需要报告的事项
        无。

    正例：

        六、其他需要报告的事项
        本年度未发出信息处理费收费通知，未收取信息处理费。
    """

    code = "RL111"
    name = "fee-statement"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        year = report.reading.year
        section = report.reading.section("s6")
        if year is None or year < 2021 or section is None or report.reading.cut_off("s6"):
            return
        if not _mentions(report.normalized[section.body_start : section.body_end], "信息处理费"):
            yield self.diagnostic("第六部分没有说明信息处理费的收取情况（2021 年起的格式要求报告）", section.start, section.end)


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL1 content rules."""
    return [
        IntroPromises,
        OverviewAspects,
        AssessmentStatement,
        FeeStatement,
    ]
