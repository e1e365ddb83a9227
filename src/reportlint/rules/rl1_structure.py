"""RL1 structure: the six parts in order, the template of the year, official headings, a complete text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reportlint.core.diagnostics import Diagnostic, Related
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Rule
from reportlint.template.sections import FoundSection, parse_ordinal
from reportlint.template.spec import TemplateSpec
from reportlint.text.documents import citations, miswritten_citations
from reportlint.text.ordinals import section_number
from reportlint.text.quoting import squash
from reportlint.usercache.patterns import compiled

#: The first numbered item of a part's content at the start of a line (（一）主动公开方面, 一是加强组织领导), its opening words.
_FIRST_ITEM = compiled(r"(?m)^[ \t\u3000]*((?:[（(]一[)）]|一是)[^\n。，,；;：:]{2,20})")


class MissingSection(Rule):
    """报告缺少官方格式规定的某一部分（六个部分之一）。

    2019 年以后的年度报告按国办公开办函〔2019〕60号、〔2021〕30号规定的统一格式，
    由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息
    公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进
    情况；六、其他需要报告的事项。缺少任何一部分，报告就不完整（条例第五十条）。

    第二、三、四部分只缺标题、表格还在时（表格按行标签读出），报告“缺少第×部分的
    标题”，位置在这一部分表格的开头；文本不完整（RL117）时，中断处之后的部分不再
    逐项报告，但表格已经读出的部分仍报告它缺少的标题。读不出年度（没有标题和统计期限）
    的报告，只报告表格还在、标题缺了的部分（按读出表格的格式）。第一部分用了旧标题（“一、概述”
    “一、工作基本情况”）时，由 RL105 报告，不再报告缺少第一部分。

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
        if not report.reading.six_part_era:
            return
        reading = report.reading
        template = reading.expected_template
        dated = template is not None
        if template is None and reading.filled is not None:
            template = reading.filled.template  # an undated report: the format its tables were read with
        if template is None:
            return
        found = {section.spec_id for section in reading.sections if section.is_template}
        for spec in template.sections:
            if spec.id in found:
                continue
            table_start = reading.headingless_tables(spec.id)
            if table_start is not None:
                yield self.diagnostic(
                    f"缺少第{section_number(spec.number)}部分的标题“{spec.heading}”：这里起是这一部分的表格，表格前应有这个标题",
                    table_start,
                    table_start + 1,
                )
                continue
            if not dated:
                continue  # without a year, only a part whose tables are there shows what is missing: its heading
            if reading.cut_off(spec.id):
                continue  # a part after the place where an incomplete text stops is RL117's finding
            if spec.id == "s1" and any(section.is_old_first_part for section in reading.legacy_sections):
                continue  # part 一 under an old heading (概述): RL105's finding
            if spec.id == "s1":
                items = self._headingless_first_part(report)
                if items is not None:
                    yield self.diagnostic(
                        f"缺少第一部分的标题“{spec.heading}”：第二部分之前的“{squash(report.text[items.start(1) : items.end(1)])}……”等内容是第一部分，前面应有这个标题",
                        items.start(1),
                        items.end(1),
                    )
                    continue
            start, end = self._anchor(report, spec.number)
            yield self.diagnostic(f"缺少第{section_number(spec.number)}部分“{spec.heading}”", start, end)

    @staticmethod
    def _headingless_first_part(report: Report) -> re.Match[str] | None:
        """The first item (“（一）主动公开方面”) of part 一's content written without its heading: numbered sub-items between
        the title and the first part found."""
        sections = report.reading.sections
        if not sections:
            return None
        title = report.reading.title
        return _FIRST_ITEM.search(report.normalized, title.end if title is not None else 0, sections[0].start)

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
        return report.title_anchor


#: Ordinals of sub-headings: a part numbered with one is reported by RL102.
_SUB_HEADING_KINDS = ("bracket", "arabic")


class SectionOrder(Rule):
    """章节顺序或序号与官方格式不一致（如“三、”后面是“二、”，或第三部分写成了“四、”）。

    六个部分的顺序和序号是统一格式的一部分，顺序错乱会让读者和汇总统计找错内容。
    用小标题的序号给部分编号（“(一)总体情况”“2.主动公开政府信息情况”）也不规范，
    与各部分下面“（一）主动公开”等小标题相混，合并报告一次（警告）。

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
        if not report.reading.six_part_era:
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
        yield from self._sub_heading_ordinals(report, template_sections, numbers)

    def _sub_heading_ordinals(self, report: Report, sections: list[FoundSection], numbers: dict[str, int]) -> Iterator[Diagnostic]:
        """Parts numbered like sub-headings (（一）, 1.): one finding at the first, the others related."""
        numbered = [
            section
            for section in sections
            if (ordinal := parse_ordinal(report.normalized[section.start : section.end])) is not None and ordinal.kind in _SUB_HEADING_KINDS
        ]
        if not numbered:
            return
        first = numbered[0]
        number = section_number(numbers.get(first.spec_id or "", 0))
        if len(numbered) == 1:
            message = (
                f"章节序号不规范：“{squash(first.heading)}”是第{number}部分，序号应写作“{number}、”（“(一)”“1.”是部分下面小标题的序号）"
            )
        else:
            message = (
                f"章节序号不规范：{len(numbered)} 个部分的标题用小标题的序号编号（“{squash(first.heading)}”等），"
                f"一级标题的序号应写作“一、”“二、”……（“(一)”“1.”是部分下面小标题的序号）"
            )
        yield self.diagnostic(
            message,
            first.start,
            first.end,
            related=[Related(section.start, section.end, "同样用小标题序号的部分标题") for section in numbered[1:]],
            severity="warning",
        )


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
        if not report.reading.six_part_era:
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
    （RL117）；同一个标题紧接着又写了一遍时，由 RL103 报告重复的标题。

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
            if _written_again_next(reading.sections, section):
                continue  # the same heading twice in a row (“一、总体情况” “一、总体情况”): RL103's duplicate
            yield self.diagnostic(f"“{squash(section.heading)}”下面没有内容", section.start, section.end)


def _written_again_next(sections: Sequence[FoundSection], section: FoundSection) -> bool:
    """Whether the next heading is the same part's, written again (nothing between them)."""
    index = sections.index(section)
    following = sections[index + 1] if index + 1 < len(sections) else None
    return following is not None and section.is_template and following.spec_id == section.spec_id


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
        if not report.reading.six_part_era:
            return
        for section in report.reading.legacy_sections:
            where = "，第一部分的标题应为“一、总体情况”" if section.is_old_first_part else ""
            yield self.diagnostic(
                f"使用了 2008 年条例时期的旧标题“{section.heading}”：{report.reading.year or '2019 年以后'}年度报告应按统一格式的六个部分编写{where}",
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
            start, end = (table.start, table.start + 1) if table is not None and table.start is not None else report.title_anchor
            section = reading.section(section_id)
            name = f"“{squash(section.heading)}”" if section else f"第{section_number(expected.section(section_id).number)}部分"
            mixed = "（与其他部分的表格格式也不一致）" if len(used) > 1 else ""
            yield self.diagnostic(
                f"{name}的表格使用了 {template_id} 格式，而 {reading.year} 年度报告应使用 {expected.id} 格式（{expected.basis}）{mixed}",
                start,
                end,
            )


class FormatNoticeYear(Rule):
    """报告引用的年度报告格式通知与报告年度不符：2021 年度起的报告仍说依据国办公开办函〔2019〕60号，或相反。

    2019、2020 年度报告的格式依据国办公开办函〔2019〕60号；2021 年度起依据
    国办公开办函〔2021〕30号（2021 年 9 月印发，2021 年度报告已经适用）。2022 年度
    报告写“根据……（国办公开办函〔2019〕60号）要求编制”，多半是沿用了旧报告的
    引言。同时引用了本年度适用的通知的，不报告。紧跟在通知名称后的文号年份或序号
    写错了一个（“……年度报告格式>的通知》（国办公开办函〔2022〕30号）”），或机关代字错了一个字
    （“国办公开函〔2021〕30号”）的，报告文号有误。

    反例：

        （引言）
        根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，编制本报告。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。

    正例：

        （引言）
        根据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，编制本报告。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。
    """

    code = "RL118"
    name = "format-notice-year"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        expected = reading.expected_template
        if expected is None or reading.template_set is None or reading.year is None:
            return
        text = report.normalized
        bases = [expected.basis, *(template.basis for template in reading.template_set if template.basis != expected.basis)]
        cites_its_notice = next(citations(text, expected.basis), None) is not None
        for basis in bases[:1] if cites_its_notice else bases:  # (its year and serial cited: only its code may be mistyped)
            miswritten = next(
                (
                    cited
                    for cited in miswritten_citations(text, basis)
                    if _FORMAT_NOTICE_NAME.search(text, max(0, cited[0] - _FORMAT_NOTICE_REACH), cited[0])
                ),
                None,
            )
            if miswritten is not None:
                written = squash(report.text[miswritten[0] : miswritten[1]])
                applies = "" if basis == expected.basis else f"（{reading.year} 年度报告的格式依据是{expected.basis}）"
                yield self.diagnostic(f"格式通知的文号“{written}”有误，应为{basis}{applies}", *miswritten)
                return
        if cites_its_notice:
            return
        for template in reading.template_set:
            if template.id == expected.id or template.basis == expected.basis:
                continue
            cited = next(citations(text, template.basis), None)
            if cited is not None:
                yield self.diagnostic(
                    f"引用的格式通知{template.basis}适用于{_years_of(template)}年度报告，"
                    f"{reading.year} 年度报告的格式依据是{expected.basis}（多为沿用了旧报告的引言）",
                    *cited,
                )
                return


#: The format notice's name, as reports cite it (《关于印发〈……年度报告格式〉的通知》, 《……关于政府信息公开工作年度报告
#: 有关事项的通知》): a number right after it with the notice's year or serial mistyped is the notice's, not another document.
_FORMAT_NOTICE_NAME = compiled("年度报告格式|年度报告有关事项")
#: How far before a document number the notice's name is looked for.
_FORMAT_NOTICE_REACH = 40


def _years_of(template: TemplateSpec) -> str:
    """The report years a template is for, as a message says them (“2019 至 2020 ”, “2021 年及以后的”)."""
    if template.year_to is None:
        return f" {template.year_from} 年及以后的"
    if template.year_from is None:
        return f" {template.year_to} 年及以前的"
    return f" {template.year_from} 至 {template.year_to} "


class HeadingVariant(Rule):
    """章节标题与官方格式的写法不同（意思相同的变体）。

    变体标题一般不影响理解，但统一格式要求统一标题，便于公众查找和上级汇总。第一部分用了
    自拟的标题（“一、基本情况”“一、2023年工作开展情况”），而紧接着是第二部分的，按位置读作
    第一部分，只在这里提示标题，不再报告缺少第一部分和格式之外的标题。
    文本在最后一个标题中间中断的（“三、收到和处理政府信息公开申请情”，RL117），不报告。

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
        cut_at = len(report.text.rstrip()) if report.reading.truncation is not None else None
        for section in report.reading.sections:
            if section.is_template and section.spec_id is not None and section.match in ("variant", "keywords", "position"):
                if section.end == cut_at:
                    continue  # a heading the text stops in (“三、收到和处理政府信息公开申请情”): RL117's finding
                official = template.section(section.spec_id).heading
                if section.match == "position":
                    message = f"第一部分的标题应为“{official}”，这里写的是“{squash(section.heading)}”"
                else:
                    message = f"章节标题“{squash(section.heading)}”与官方格式不同，官方标题为“{official}”"
                yield self.diagnostic(message, section.start, section.end)


#: An intro that enumerates the report's parts: 全文包括……（共/等N个部分）, 由……（等N部分）组成, 分为N个部分.


class IncompleteReport(Rule):
    """报告文本不完整：正文在中途中断（句子没写完、表格没写完、最后只有标题、正文到第一部分为止，或只是分页文章的第一页）。

    从网站复制或抓取的报告常常只有一部分：网页截断、只保存了分页文章的第 1 页
    （“第1页 共3页”“下一页”）、最后一个标题下的内容没有复制下来。正文写完第一
    部分就结束、后面五个部分一个也没有的，也按文本不完整报告一次，而不是逐个
    报告缺少的部分。报告应完整发布；
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
    """The RL1 structure rules."""
    return [
        MissingSection,
        SectionOrder,
        ExtraSection,
        EmptySection,
        LegacyStructure,
        TemplateYearMismatch,
        FormatNoticeYear,
        HeadingVariant,
        IncompleteReport,
    ]
