"""RL1 structure and title: the six sections, the template of the year, the title, Art. 50 content."""

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
from reportlint.text.normalize import fold_width
from reportlint.text.numbers import whole_number
from reportlint.text.ordinals import chinese_number, section_number
from reportlint.text.quoting import squash


def _applies(report: Report) -> bool:
    """Structure rules judge reports of 2019 and later (the six-section era) and undated ones."""
    year = report.reading.year
    return year is None or year >= 2019


def _title_anchor(report: Report) -> tuple[int, int]:
    title = report.reading.title
    if title is not None:
        return title.start, title.end
    text, reading = report.text, report.reading
    first = next((index for index, char in enumerate(text) if not char.isspace() and not reading.in_chrome(index)), 0)
    return first, first + 1


class MissingSection(Rule):
    """报告缺少官方格式规定的某一部分（六个部分之一）。

    2019 年以后的年度报告按国办公开办函〔2019〕60号、〔2021〕30号规定的统一格式，
    由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息
    公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进
    情况；六、其他需要报告的事项。缺少任何一部分，报告就不完整（条例第五十条）。

    反例：

        一、总体情况
        ……
        二、主动公开政府信息情况
        ……
        五、存在的主要问题及改进情况
        ……
        六、其他需要报告的事项
        ……    （缺少三、四）

    正例：

        一、总体情况
        ……
        二、主动公开政府信息情况
        ……
        三、收到和处理政府信息公开申请情况
        ……
        四、政府信息公开行政复议、行政诉讼情况
        ……
        五、存在的主要问题及改进情况
        ……
        六、其他需要报告的事项
        ……
    """

    code = "RL101"
    name = "missing-section"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        if not _applies(report):
            return
        reading = report.reading
        template = reading.expected_template
        if template is None:
            return
        found = {section.spec_id for section in reading.sections if section.is_template}
        for spec in template.sections:
            if spec.id in found or reading.cut_off(spec.id):
                continue  # a part after the place where an incomplete text stops is RL117's finding
            start, end = self._anchor(report, spec.number)
            yield self.diagnostic(f"缺少第{section_number(spec.number)}部分“{spec.heading}”", start, end)

    @staticmethod
    def _anchor(report: Report, number: int) -> tuple[int, int]:
        """Where the missing section belongs: the heading of the next section found after it."""
        following = [
            section
            for section in report.reading.sections
            if (section.ordinal is not None and section.ordinal > number)
            or (section.is_template and section.spec_id is not None and int(section.spec_id[1:]) > number)
        ]
        if following:
            return following[0].start, following[0].end
        sections = report.reading.sections
        if sections:
            return sections[-1].start, sections[-1].end
        return _title_anchor(report)


class SectionOrder(Rule):
    """章节顺序或序号与官方格式不一致（如“三、”后面是“二、”，或第三部分写成了“四、”）。

    六个部分的顺序和序号是统一格式的一部分，顺序错乱会让读者和汇总统计找错内容。

    反例：

        三、收到和处理政府信息公开申请情况
        ……
        二、主动公开政府信息情况
        ……

    正例：

        二、主动公开政府信息情况
        ……
        三、收到和处理政府信息公开申请情况
        ……
    """

    code = "RL102"
    name = "section-order"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        if not _applies(report):
            return
        template_sections = [section for section in report.reading.sections if section.is_template]
        template = report.reading.expected_template
        if template is None:
            return
        numbers = {spec.id: spec.number for spec in template.sections}
        seen_max = 0
        for section in template_sections:
            assert section.spec_id is not None  # a template section knows its spec
            number = numbers.get(section.spec_id, 0)
            heading = template.section(section.spec_id).heading
            if number < seen_max:
                yield self.diagnostic(
                    f"章节顺序错误：“{squash(section.heading)}”应排在第{section_number(number)}部分，却出现在后面的部分之后",
                    section.start,
                    section.end,
                )
            elif section.ordinal is not None and section.ordinal != number and not report.reading.is_legacy_structure:
                yield self.diagnostic(
                    f"章节序号错误：“{squash(section.heading)}”是第{section_number(number)}部分，序号应为“{section_number(number)}、”（官方标题：{heading}）",
                    section.start,
                    section.end,
                )
            seen_max = max(seen_max, number)


class ExtraSection(Rule):
    """报告中有官方格式之外的一级标题，或同一部分出现了两次。

    统一格式只有六个部分；多出的一级标题（如把“依申请公开”单列一部分）或重复的
    部分，说明报告没有按格式编写，或拼接了其他材料。2008 年条例时期的旧标题由
    RL105 单独报告。

    反例：

        四、政府信息依申请公开情况

    正例：

        三、收到和处理政府信息公开申请情况
    """

    code = "RL103"
    name = "extra-section"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        if not _applies(report):
            return
        seen: set[str] = set()
        truncation = report.reading.truncation
        for section in report.reading.sections:
            if truncation is not None and truncation.reason == "heading" and truncation.section == section:
                continue  # the cut-off heading the text ends with (“三、收到”) is RL117's finding
            if section.kind == "unknown":
                yield self.diagnostic(f"官方格式之外的一级标题：“{squash(section.heading)}”", section.start, section.end)
            elif section.is_template:
                assert section.spec_id is not None  # a template section knows its spec
                if section.spec_id in seen:
                    yield self.diagnostic(f"重复的章节：“{squash(section.heading)}”在前面已经出现过", section.start, section.end)
                seen.add(section.spec_id)


class EmptySection(Rule):
    """章节标题下面没有任何内容（紧接着就是下一个标题）。

    标题保留了但内容没有写，这一部分就等于缺少。第二、三、四部分的内容是表格，
    标题下没有内容多半是表格以图片或附件形式发布、在复制时丢失，reportlint 无法
    判断，改由 RL215 提示表格没有读出；文本最后的标题下没有内容是文本不完整
    （RL117）。

    反例：

        一、总体情况
        五、存在的主要问题及改进情况

    正例：

        六、其他需要报告的事项
        无。
    """

    code = "RL104"
    name = "empty-section"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.text
        reading = report.reading
        for section in reading.sections:
            if text[section.body_start : section.body_end].strip():
                continue
            if reading.unread(section.spec_id or "") is not None:
                continue  # a table part with nothing under its heading: RL215
            if reading.truncation is not None and reading.truncation.section == section:
                continue  # the heading the text ends with: RL117
            yield self.diagnostic(f"“{squash(section.heading)}”下面没有内容", section.start, section.end)


class LegacyStructure(Rule):
    """2019 年以后的报告使用了 2008 年条例时期的旧结构或旧标题（概述、咨询处理情况、收费及减免等）。

    2019 年修订的条例施行后，年度报告改用统一格式；旧格式中的“概述”“政府信息公开
    的收费及减免情况”“咨询处理情况”“举报、投诉……”“附指标统计表”等部分已不再
    使用，相应内容应按新格式放到对应部分。

    反例：

        一、概 述
        五、咨询处理情况

    正例：

        一、总体情况
        三、收到和处理政府信息公开申请情况
    """

    code = "RL105"
    name = "legacy-structure"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        if not _applies(report):
            return
        for section in report.reading.legacy_sections:
            yield self.diagnostic(
                f"使用了 2008 年条例时期的旧标题“{section.heading}”：{report.reading.year or '2019 年以后'}年度报告应按统一格式的六个部分编写",
                section.start,
                section.end,
            )


class TemplateYearMismatch(Rule):
    """表格使用的格式与报告年度不符（2021 年及以后的报告用了 2019 年试行格式的表格，或相反），或混用两种格式。

    2019、2020 年度报告使用国办公开办函〔2019〕60号的试行格式；2021 年度起使用
    国办公开办函〔2021〕30号的格式：第二部分的表格改为“本年制发件数/本年废止件数/
    现行有效件数”等，删去“政府集中采购”，第三部分“（六）其他处理”分为三行。

    反例（2021年度报告）：

        信息内容  本年新制作数量  本年新公开数量  对外公开总数量    （2019 年格式的表头）

    正例：

        信息内容  本年制发件数  本年废止件数  现行有效件数
    """

    code = "RL106"
    name = "template-year-mismatch"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        expected = reading.expected_template
        if expected is None or not reading.table_templates:
            return
        used = set(reading.table_templates.values())
        for section_id, template_id in reading.table_templates.items():
            if template_id == expected.id:
                continue
            table = (
                next(
                    (table for table in reading.filled.tables.values() if table.spec.section == section_id and table.found),
                    None,
                )
                if reading.filled
                else None
            )
            start, end = (table.start, table.start + 1) if table is not None and table.start is not None else _title_anchor(report)
            section = reading.section(section_id)
            name = section.heading if section else section_id
            mixed = "（与其他部分的表格格式也不一致）" if len(used) > 1 else ""
            yield self.diagnostic(
                f"“{name}”的表格使用了 {template_id} 格式，而 {reading.year} 年度报告应使用 {expected.id} 格式（{expected.basis}）{mixed}",
                start,
                end,
            )


class HeadingVariant(Rule):
    """章节标题与官方格式的写法不同（意思相同的变体）。

    变体标题一般不影响理解，但统一格式要求统一标题，便于公众查找和上级汇总。

    反例：

        四、因政府信息公开工作被申请行政复议、提起行政诉讼情况

    正例：

        四、政府信息公开行政复议、行政诉讼情况
    """

    code = "RL107"
    name = "heading-variant"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        template = report.reading.expected_template
        if template is None or report.reading.is_legacy_structure:
            return
        for section in report.reading.sections:
            if section.is_template and section.spec_id is not None and section.match in ("variant", "keywords"):
                official = template.section(section.spec_id).heading
                yield self.diagnostic(
                    f"章节标题“{squash(section.heading)}”与官方格式不同，官方标题为“{official}”", section.start, section.end
                )


#: An intro that enumerates the report's parts: 全文包括……（共/等N个部分）, 由……（等N部分）组成, 分为N个部分.
_PROMISES = (
    re.compile(
        r"(?:全文|本报告|报告|年报)[^。，,\n]{0,12}?(?:包括|包含)\s*[:：]?\s*(?P<list>[^。]{4,200}?)"
        r"(?:[,，]?\s*(?:共|等)\s*(?P<count>[一二三四五六七八九十\d]+)\s*个?(?:部分|方面)|。)"
    ),
    re.compile(
        r"由\s*(?P<list>[^。由]{4,200}?)(?:等|共)?\s*(?:(?P<count>[一二三四五六七八九十\d]+)\s*个?(?:部分|方面))?(?:内容|部分)?组成"
    ),
    re.compile(
        r"(?:全文|本报告|报告)[^。，,\n]{0,8}?(?:共\s*)?分为\s*(?P<count>[一二三四五六七八九十\d]+)\s*个?部分(?:\s*[:：]\s*(?P<list>[^。]{4,200}?)。)?"
    ),
    re.compile(r"(?:全文|本报告|报告)[^。，,\n]{0,8}?共\s*(?:包括|包含|有|分)?\s*(?P<count>[一二三四五六七八九十\d]+)\s*个?部分(?P<list>)"),
)
_ATTACHMENT_PROMISE = re.compile(r"(?:并|另)?附(?:有|上)?(?:[^。，,]{0,12}?)(?:统计表|指标表|附表|附件)")


@dataclass(frozen=True)
class _Promise:
    """What an intro says the report consists of: the parts it lists (each tied to a template part or not) and the count it states."""

    start: int
    end: int
    list_start: int
    list_end: int
    items: tuple[tuple[str, str | None], ...]  # (the item as written, template section id / "legacy" / None)
    stated: int | None


def _promises(report: Report, intro_end: int) -> list[_Promise]:
    normalized = report.normalized
    template = report.reading.expected_template
    found: list[_Promise] = []
    for pattern in _PROMISES:
        for match in pattern.finditer(normalized, 0, intro_end):
            if any(promise.start <= match.start() < promise.end for promise in found):
                continue
            listed = match.group("list") or ""
            items = [item.strip() for item in re.split(r"[,、;；]|以及", listed) if item.strip()]
            stated_text = match.group("count")
            stated = None
            if stated_text:
                stated = whole_number(stated_text) if stated_text.isdigit() else chinese_number(stated_text)
            found.append(
                _Promise(
                    match.start(),
                    match.end(),
                    match.start("list") if listed else match.start(),
                    match.end("list") if listed else match.end(),
                    _merged(items, template),
                    stated,
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
    for section in template.sections:
        for heading in (section.heading, *section.variants):
            bare = strip_ordinal(label_key(heading))
            if (strict and _similar(bare, key)) or (not strict and _covers(bare, key)):
                return section.id
        if section.keywords and all(any(word in key for word in group) for group in section.keywords):
            return section.id
    return None


def _split_joined(item: str, template: TemplateSpec | None) -> list[str]:
    """An item naming two template parts joined by 及/和/与 or by nothing (``存在的主要问题及改进情况及其他需要报告的事项``,
    ``总体情况主动公开政府信息情况``) as two items."""
    cuts = [(joint.start(), joint.end()) for joint in re.finditer("以及|及|和|与", item)]
    cuts += [(position, position) for position in range(2, len(item) - 1)]
    for start, end in cuts:
        first, second = item[:start], item[end:]
        parts = (_part_of(first, template, strict=True), _part_of(second, template, strict=True))
        if None not in parts and "legacy" not in parts and parts[0] != parts[1] and _part_of(item, template) != parts[1]:
            return [first, *_split_joined(second, template)]
    return [item]


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
            same = part is not None and part != "legacy" and previous_part == part
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
    一个部分。检查的是：列举的部分数与所说的部分数是否一致；所说的部分数与正文
    的一级标题数是否一致；列举的旧格式部分（概述、收费及减免……）正文中有没有；
    说附有附表而正文没有。文本在中途中断时（RL117），只检查引言本身是否前后一致，
    以及所说的部分数是不是统一格式的六个部分。

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
        intro_end = sections[0].start if sections else min(len(report.text), 1500)
        template = reading.expected_template
        parts = len(template.sections) if template is not None else 6
        for promise in _promises(report, intro_end):
            listed = len(promise.items)
            if (
                promise.stated is not None
                and listed >= 2
                and listed != promise.stated
                and (not reading.is_complete or listed != len(sections))
            ):
                named = {part for _, part in promise.items}
                absent = [spec.heading for spec in template.sections if spec.id not in named] if template is not None else []
                hint = f"（没有列出{'、'.join(f'“{heading}”' for heading in absent[:3])}）" if listed < promise.stated and absent else ""
                yield self.diagnostic(f"引言列出了 {listed} 个部分，却说共 {promise.stated} 个部分{hint}", promise.start, promise.end)
            count = promise.stated if promise.stated is not None else (listed if listed >= 2 else None)
            if not reading.is_complete:
                if promise.stated is not None and promise.stated != parts:
                    yield self.diagnostic(
                        f"引言说报告共 {promise.stated} 个部分，统一格式的年度报告由 {parts} 个部分组成", promise.start, promise.end
                    )
                continue  # the rest of the report is not there to compare with
            headings = [strip_ordinal(label_key(section.heading)) for section in sections]
            missing = [
                item
                for item, part in promise.items
                if part in (None, "legacy") and not any(_covers(heading, label_key(item)) for heading in headings)
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


def _similar(heading: str, item: str) -> bool:
    """Whether an item is a heading's name, give or take a few words (bigram overlap, order-insensitive)."""
    first, second = _bigrams(heading), _bigrams(item)
    return heading == item or (bool(first and second) and 2 * len(first & second) / (len(first) + len(second)) >= 0.6)


def _covers(heading: str, item: str) -> bool:
    """Whether a heading is the part an intro item names (bigram overlap, order-insensitive)."""
    item = re.sub(r"^(?:和|及|以及|并)", "", item)
    if not item:
        return True
    if item in heading or heading in item:
        return True
    first, second = _bigrams(heading), _bigrams(item)
    return bool(first and second) and 2 * len(first & second) / (len(first) + len(second)) >= 0.6


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
    commas = [index for index, char in enumerate(text) if char == "、"]
    if len(commas) < 2:
        return []
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
        self._positions = [index for index, char in enumerate(text) if char in characters]

    def next(self, position: int) -> int:
        """The first occurrence at or after ``position``, or the text's length."""
        found = bisect.bisect_left(self._positions, position)
        return self._positions[found] if found < len(self._positions) else self._text_length


def _mask_aspect_lists(text: str) -> str:
    """Blank out sentences that merely list several aspects (“抓好主动公开、依申请公开……等工作”)."""
    pieces = []
    position = 0
    for start, end in enumeration_sentences(text):
        sentence = text[start:end]
        listed = sum(1 for words in OVERVIEW_ASPECTS.values() if any(word in sentence for word in words))
        pieces.append(text[position:start])
        pieces.append(" " * len(sentence) if listed >= 2 else sentence)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


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
        if section is None or not _applies(report) or report.reading.cut_off("s1"):
            return
        body = report.normalized[section.body_start : section.body_end]
        # line by line: a list in one paragraph never hides the sub-heading on the next line
        prose = "\n".join(_mask_aspect_lists(line) for line in body.split("\n"))
        missing = [aspect for aspect, words in OVERVIEW_ASPECTS.items() if not any(word in prose for word in words)]
        if missing:
            # 30号 (2021 format) requires the five aspects; 2019 and 2020 reports often follow them without being required to
            year = report.reading.year
            yield self.diagnostic(
                f"“{squash(section.heading)}”没有写到{'、'.join(f'“{aspect}”' for aspect in missing)}方面的情况（应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面）",
                section.start,
                section.end,
                severity="info" if year is not None and year < 2021 else None,
            )


class AssessmentStatement(Rule):
    """人民政府的报告没有写工作考核、社会评议和责任追究结果情况（条例第五十条）。

    条例第五十条第四项要求各级人民政府的年度报告包括“政府信息公开工作考核、社会
    评议和责任追究结果情况”；国办公开办函〔2021〕30号把它列入总体情况的“监督保障”。
    乡镇人民政府也适用；街道办事处是派出机关，默认不检查（选项可开启）。

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
        if subject is None or not subject.is_government or not _applies(report):
            return
        if subject.level == "街道" and not self.config["include-street-offices"]:
            return
        parts = [report.reading.section(section_id) for section_id in ("s1", "s5")]
        bodies = [report.normalized[part.body_start : part.body_end] for part in parts if part is not None]
        if not bodies or any(word in body for body in bodies for word in self._WORDS) or report.reading.cut_off("s5"):
            return
        anchor = parts[0] or parts[1]
        assert anchor is not None  # a body was found above
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
        if "信息处理费" not in report.normalized[section.body_start : section.body_end]:
            yield self.diagnostic("第六部分没有说明信息处理费的收取情况（2021 年起的格式要求报告）", section.start, section.end)


_STANDARD_TAIL = "政府信息公开工作年度报告"
_YEAR_FIRST_LINE = re.compile(r"\s*(?:19|20)\d\d\s*年")
_YEAR_WITHOUT_NIAN = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*(?:政府|信息|政务|工作))")


class TitleForm(Rule):
    """标题不是标准形式“××（机关）××××年政府信息公开工作年度报告”。

    常见问题：标题中没有机关名称，或机关名称写在年份后面；缺“工作”或“政府”二字、
    把“年度报告”写成“工作报告”、写成“政务公开年度报告”、年份后写“年度”造成
    “年度……年度”重复。标题是检索和汇总年度报告的依据，应与统一格式一致。

    反例：

        2020年峨口镇人民政府信息公开年度报告
        兴国镇2020年度政府信息公开工作年度报告

    正例：

        峨口镇人民政府2020年政府信息公开工作年度报告
        兴国镇2020年政府信息公开工作年度报告
    """

    code = "RL112"
    name = "title-form"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        title = report.reading.title
        if title is None:
            return
        compact = "".join(fold_width(title.text).split())
        match = re.search(r"((?:19|20)\d\d)年(度?)", compact)
        if match is None:
            return  # a year without 年 is RL113; no year at all is reported by RL115
        problems = []
        if match.group(2):
            problems.append("年份后应为“年”而不是“年度”（否则与“年度报告”重复）")
        before, after = compact[: match.start()], compact[match.end() :]
        if not before:
            subject = report.reading.subject
            named_in_title = subject is not None and subject.source == "title"
            problems.append("机关名称应写在年份前面" if named_in_title else "标题中没有机关名称（应写在年份前面）")
            body = subject.name if subject is not None and named_in_title else ""
            after = after[len(body) :] if body and after.startswith(body) else after
            after = ("政府" + after) if body.endswith("人民政府") and not after.startswith("政府") and after.startswith("信息") else after
        tail = _dedupe(after)
        if tail != _STANDARD_TAIL:
            problems.extend(self._tail_problems(tail))
        if problems:
            yield self.diagnostic(
                f"标题不规范：{'；'.join(problems)}。标准形式为“（机关名称）{match.group(1)}年政府信息公开工作年度报告”",
                title.start,
                title.end,
            )

    @staticmethod
    def _tail_problems(tail: str) -> list[str]:
        problems = []
        if "政务公开" in tail:
            problems.append("应为“政府信息公开”而不是“政务公开”")
        elif "政府信息公开" not in tail:
            problems.append("缺少“政府信息公开”（或其中的“政府”）")
        if "工作报告" in tail and "年度报告" not in tail:
            problems.append("“年度报告”写成了“工作报告”")
        elif "工作" not in tail:
            problems.append("缺少“工作”二字")
        if "年度报告" not in tail and "工作报告" not in tail:
            problems.append("应以“年度报告”结尾")
        return problems or [f"“{tail}”与标准写法“{_STANDARD_TAIL}”不一致"]


def _dedupe(text: str) -> str:
    """``公开公开`` → ``公开``: repeated words are RL114's finding, not a form problem."""
    return re.sub(r"(.{2,6})\1", r"\1", text)


class TitleYearCharacter(Rule):
    """标题中年份后面漏了“年”字（如“2022政府信息公开工作年度报告”）。

    反例：

        某镇2022政府信息公开工作年度报告

    正例：

        某镇2022年政府信息公开工作年度报告
    """

    code = "RL113"
    name = "title-year-character"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        title = report.reading.title
        if title is None:
            return
        text = report.normalized[title.start : title.end]
        for match in _YEAR_WITHOUT_NIAN.finditer(text):
            start = title.start + match.start(1)
            yield self.diagnostic(f"标题中年份“{match.group(1)}”后面漏了“年”字", start, start + 4)


class TitleDuplicatedWord(Rule):
    """标题中有重复的词（如“政府信息公开 公开工作年度报告”）。

    标题是报告最醒目的部分，重复的词多是改稿时留下的，会被当作报告不严谨的
    直接证据。正文中的重复词由 RL601 报告。

    反例：

        原州区官厅镇人民政府 2020 年政府信息公开 公开工作年度报告

    正例：

        原州区官厅镇人民政府 2020 年政府信息公开工作年度报告
    """

    code = "RL114"
    name = "title-duplicated-word"
    severity = "error"
    fix_safety = "safe"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        title = report.reading.title
        if title is None:
            return
        from reportlint.rules.rl6_hygiene import find_repeated_words

        for repeat in find_repeated_words(report.normalized, title.start, title.end, lines=report.lines):
            yield self.diagnostic(
                f"标题中“{repeat.word}”重复：“{report.text[repeat.start : repeat.end]}”，请删去多余的“{repeat.word}”",
                repeat.start,
                repeat.end,
                fix=repeat.fix,
            )


class TitleMissing(Rule):
    """找不到报告标题（“……政府信息公开工作年度报告”）或标题中没有年份。

    没有标题或标题没有年份，读者无法判断报告所属机关和年度，reportlint 也无法
    据此判断应使用的格式。标题中没有年份按警告报告；找不到标题只作提示（info）：
    从网页复制或抓取的文本常常只有正文，网页上的标题不在其中，这时并不是报告的
    缺陷。

    反例：

        秦安县陇城镇政府信息公开工作年度报告    （标题中没有年份）

    正例：

        秦安县陇城镇2021年政府信息公开工作年度报告
    """

    code = "RL115"
    name = "title-missing"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        title = report.reading.title
        if title is None:
            start, end = _title_anchor(report)
            yield self.diagnostic(
                "没有找到报告标题（应为“（机关名称）××××年政府信息公开工作年度报告”）；从网页复制的文本常常不带网页上的标题，请对照原件核实",
                start,
                end,
                severity="info",
            )
        elif report.reading.year_source != "title":
            yield self.diagnostic(f"标题“{squash(title.text)}”中没有年份", title.start, title.end)


class TitleSplit(Rule):
    """标题被拆成了两行（网页或 PDF 转换造成），检查时已按一行处理。

    只报告在词句中间断开的标题；机关名称单独一行、下一行是“××××年政府信息公开
    工作年度报告”是常见的排版，不报告。

    反例：

        新村镇2020年度政府信息公开工作
        年度报告

    正例：

        新村镇2020年政府信息公开工作年度报告
    """

    code = "RL116"
    name = "title-split"
    severity = "info"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        title = report.reading.title
        if title is None or len(title.parts) < 2:
            return
        if len(title.parts) == 2 and _YEAR_FIRST_LINE.match(title.parts[1].text):
            return  # the body's name on its own line above “2022年政府信息公开工作年度报告”: a layout, not a break
        yield self.diagnostic(f"标题被拆成了 {len(title.parts)} 行：“{squash(title.text)}”", title.start, title.end)


class IncompleteReport(Rule):
    """报告文本不完整：正文在中途中断（句子没写完、表格没写完、最后只有标题，或只是分页文章的第一页）。

    从网站复制或抓取的报告常常只有一部分：网页截断、只保存了分页文章的第 1 页
    （“第1页 共3页”“下一页”）、最后一个标题下的内容没有复制下来。报告应完整发布；
    检查时，中断处之后的内容无法检查，只由中断本身推出的问题（缺少后面的章节、
    引言所列的部分、第五十条要求的内容、表格缺少的行）不再报告，改由本条说明
    文本在哪里中断。

    反例：

        （文本到此中断）
        一、总体情况
        2021年，我镇认真贯彻落实《条例》，进一步加强

    正例：

        六、其他需要报告的事项
        本年度未收取信息处理费。
        秦安县陇城镇人民政府
        2022年1月20日
    """

    code = "RL117"
    name = "incomplete-report"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        truncation = report.reading.truncation
        if truncation is None:
            return
        yield self.diagnostic(
            f"报告文本不完整：{truncation.describe()}。中断处之后的内容没有检查，"
            "由此缺少的章节、引言所列部分、第五十条要求的内容和表格行不再逐项报告",
            truncation.start,
            truncation.end,
        )


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL1 structure and title rules."""
    return [
        MissingSection,
        SectionOrder,
        ExtraSection,
        EmptySection,
        LegacyStructure,
        TemplateYearMismatch,
        HeadingVariant,
        IntroPromises,
        OverviewAspects,
        AssessmentStatement,
        FeeStatement,
        TitleForm,
        TitleYearCharacter,
        TitleDuplicatedWord,
        TitleMissing,
        TitleSplit,
        IncompleteReport,
    ]
