"""RL5 dates, years and deadlines: garbled dates, the period, wrong years, late publication, document numbers, 2008-era wording."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.core.diagnostics import Diagnostic, Fix, Related
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Option, Rule, RuleDefinitionError
from reportlint.core.values import shown
from reportlint.template.identity import (
    OUTVOTED_TITLE,
    PAGE_DATE_AND_TEXT,
    PERIOD_AND_PAGE_DATE,
    PERIOD_AND_SIGNATURE,
    PERIOD_AND_TEXT,
    WORK_CLAUSES,
    YEAR_IN_TITLE,
    body_kind,
    year_led_clauses,
)
from reportlint.text.chars import HAN, matches_at
from reportlint.text.dates import GLUED_DAY, GLUED_MONTH, YEAR_MENTION, find_date_range, find_dates, guess_month_day
from reportlint.text.documents import BRACKETED_YEAR, BRACKETED_YEAR_FIRSTS, UNOPENED_YEAR
from reportlint.text.quantities import find_quantities, states_plans
from reportlint.text.quoting import squash
from reportlint.text.segmentation import Span, bracketed, clause_end, clause_start, sentence_at
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.template.reading import Reading

_YEAR = r"(?:19|20)\d{2}"


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in taken)


class GarbledDate(Rule):
    """日期写错或无法解析（缺“年”“月”“日”、位数不对、日期不存在）。

    统计期限和落款日期是报告的基本要素。常见的错误有：年、月、日粘连
    （“20201230日”“20221月1日”），日期范围的起始日期漏写“日”
    （“2022年1月1至12月31日”），以及不存在的日期（“2021年13月5日”
    “2020年2月30日”）。全角数字同样检查。

    反例：

        本报告中所列数据的统计期限自202011日至20201231日止。
        统计期限为2022年1月1至12月31日。

    正例：

        本报告中所列数据的统计期限自2020年1月1日至2020年12月31日止。
    """

    code = "RL501"
    name = "garbled-date"
    severity = "error"

    # Dates glued together are :data:`~reportlint.text.dates.GLUED_DAY` and ``GLUED_MONTH``. The overlong pattern opens with
    # the year's first two digits; the last opens with a look-ahead at its first character (a space or digit after 至/到).
    _OVERLONG = compiled(r"(?:19|20)(?<!\d\d\d)\d{2}\s*年\s*(?:\d{3,}\s*月(?:\s*\d+\s*[日号])?|\d{1,2}\s*月\s*\d{3,}\s*[日号])")
    _NO_DAY_MARK = compiled(
        rf"(?=[\s\d])(?:(?<!\d){_YEAR}\s*年\s*|(?<=[至到])\s*)(\d{{1,2}}\s*月\s*\d{{1,2}})(?!\s*[\d日号])(?![个次件条项名人])"
    )
    _DAY_LIST_AFTER = compiled(r"\s*[-—~至到、,]\s*\d{1,2}\s*[日号]")
    # What each garbled form holds, as patterns that open with a literal (the engine skips fast to it): a text
    # without any of them holds no such date, and the full pattern, tried at every digit, is not run. Most reports
    # hold none: ``19``/``20`` and three more digits (glued), a 年 or 月 before three digits (overlong), a month with
    # a day number not followed by 日 (no day mark).
    _GLUED_HINTS = (compiled(r"19\d{3}"), compiled(r"20\d{3}"))
    _OVERLONG_HINTS = (compiled(r"年\s*\d{3}"), compiled(r"月\s*\d{3}"))
    _NO_DAY_MARK_HINT = compiled(r"月\s*\d{1,2}(?!\s*[\d日号])(?![个次件条项名人])")

    def check(self, report: Report) -> Iterator[Diagnostic]:
        taken: list[Span] = []
        for start, end, message in self._findings(report.normalized, report.text, folded=not report.from_traditional):
            span = Span(start, end)
            if _overlaps(span, taken):
                continue
            taken.append(span)
            yield self.diagnostic(message, start, end)

    def _findings(self, text: str, original: str, folded: bool = False) -> Iterator[tuple[int, int, str]]:
        """(start, end, message) of every garbled date; a date may be found by several patterns (``folded``: see
        :func:`~reportlint.text.dates.find_dates`)."""
        if any(hint.search(text) for hint in self._OVERLONG_HINTS):
            for match in self._OVERLONG.finditer(text):
                yield match.start(), match.end(), f"日期“{original[match.start() : match.end()]}”中月或日的位数过多，无法确定是哪一天"
        if any(hint.search(text) for hint in self._GLUED_HINTS):
            for match in GLUED_DAY.finditer(text):
                guess = guess_month_day(match.group(1), match.group(2))
                hint = f"，是否应为“{guess}”？" if guess else "，无法确定是哪一天"
                yield match.start(), match.end(), f"日期“{original[match.start() : match.end()]}”缺少“年”“月”{hint}"
            for match in GLUED_MONTH.finditer(text):
                expected = f"{match.group(1)}年{match.group(2)}月"
                yield match.start(), match.end(), f"日期“{original[match.start() : match.end()]}”的年份与月份之间缺少“年”，应为“{expected}”"
        if self._NO_DAY_MARK_HINT.search(text):
            for match in self._NO_DAY_MARK.finditer(text):
                if not self._DAY_LIST_AFTER.match(text, match.end()):
                    yield match.start(), match.end(), f"日期“{original[match.start() : match.end()]}”缺少“日”"
        for mention in find_dates(text, folded=folded):
            if mention.date is None:
                reason = _why_impossible(mention.year, mention.month, mention.day)
                yield mention.start, mention.end, f"日期“{original[mention.start : mention.end]}”不存在：{reason}"


def _why_impossible(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"没有 {month} 月"
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    days = (following - dt.timedelta(days=1)).day
    return f"{year} 年 {month} 月只有 {days} 天"


def _chinese_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _full_year(year: int) -> str:
    return f"{year}年1月1日至{year}年12月31日"


class PeriodNotFullYear(Rule):
    """统计期限不是报告年度的 1 月 1 日至 12 月 31 日。

    年度报告统计的是报告年度全年的数据。统计期限写错（少一天、写成上一年、
    起止日期颠倒）说明数据口径有问题，或是沿用了往年报告的文字。只写一个
    年份、没有具体日期的统计期限（“统计期限为2019年度”）也检查其年份。

    反例：

        2021年政府信息公开工作年度报告
        本报告中所列数据的统计期限自2021年1月1日起至2021年12月30日止。

    正例：

        本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。
    """

    code = "RL502"
    name = "period-not-full-year"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        period, year = reading.period, reading.year
        if period is None or year is None:
            return
        date_range = find_date_range(report.text, period.start, period.end)
        if date_range is None:
            years = {int(match.group(1)) for match in YEAR_MENTION.finditer(report.normalized, period.start, period.end)}
            if years and year not in years:
                written = "、".join(str(other) for other in sorted(years))
                yield self.diagnostic(
                    f"统计期限写的是 {written} 年，而本报告是 {year} 年度报告，应为“{_full_year(year)}”",
                    period.start,
                    period.end,
                )
            return
        first, last = date_range.first, date_range.last
        if first.date is None or last.date is None:
            return  # an impossible date: RL501 reports it
        expected_first, expected_last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if first.date == expected_first and last.date == expected_last:
            return
        wrong = [mention for mention, expected in ((first, expected_first), (last, expected_last)) if mention.date != expected]
        start, end = (wrong[0].start, wrong[0].end) if len(wrong) == 1 else (date_range.start, date_range.end)
        found = f"{_chinese_date(first.date)}至{_chinese_date(last.date)}"
        yield self.diagnostic(
            f"统计期限为 {found}，不是报告年度 {year} 年的全年，应为“{_full_year(year)}”",
            start,
            end,
        )


class PeriodMissing(Rule):
    """报告没有说明数据的统计期限。

    年度报告通常在开头写明“本报告中所列数据的统计期限自××××年1月1日起至
    ××××年12月31日止”，读者据此判断数据口径。识别的说法有“统计期限”
    “统计时限”“统计时间”“统计期间”等。

    反例：

        某镇2020年政府信息公开工作年度报告
        一、总体情况
        ……

    正例：

        某镇2020年政府信息公开工作年度报告
        本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。
        一、总体情况
        ……
    """

    code = "RL503"
    name = "period-missing"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        if reading.period is not None or (reading.title is None and not reading.sections):
            return
        if reading.title is None and _starts_at_first_part(report):
            return  # a copy that begins at 一、总体情况 may have lost its title and intro, where the period is stated
        year = reading.year
        example = f"“本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”" if year else "统计期限"
        if reading.title is not None:
            start, end = reading.title.start, reading.title.end
        else:
            start, end = reading.sections[0].start, reading.sections[0].end
        yield self.diagnostic(f"报告没有说明数据的统计期限，请在开头写明{example}", start, end)


def _starts_at_first_part(report: Report) -> bool:
    """Whether the report's text (page chrome aside) begins with its first part's heading."""
    first = report.reading.sections[0] if report.reading.sections else None
    if first is None:
        return False
    before = report.normalized[: first.start]
    return all(not line.strip() or report.reading.in_chrome(offset) for offset, line in _lines_with_offsets(before))


def _lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset + len(line) - len(line.lstrip()), line
        offset += len(line) + 1


#: Where the report year came from (``year_source``), as messages say it.
_YEAR_SOURCE = {
    "title": "标题",
    "period": "统计期限",
    PERIOD_AND_PAGE_DATE: "统计期限和网页上的发布日期",
    PERIOD_AND_SIGNATURE: "统计期限和落款日期",
    PERIOD_AND_TEXT: "统计期限和正文",
    PAGE_DATE_AND_TEXT: "网页上的发布日期和正文",
    WORK_CLAUSES: "正文中讲本年工作的句子",
    "text": "正文中最常见的年份",
}
#: A report naming itself as it is made or published (编制了……2025年度政府信息公开工作年度报告, 现公布某镇2022年……年度报告).
_OWN_REPORT_NAME = compiled(
    r"(?:编制|编写|公布|公开|发布)[了完成]{0,2}[^，。；：\n]{0,24}?((?:19|20)\d\d)\s*年\s*度?\s*(?:政府信息公开|政务公开)\s*(?:工作)?\s*年度\s*报告"
)
#: The opening words saying what year's work the report was made from (结合2024年某街道政府信息公开工作实际, 根据2024年度
#: 政府信息公开工作有关统计数据).
_MADE_FROM_WORK = compiled(
    r"(?:结合|根据|依据)[^，。；：《\n]{0,6}?((?:19|20)\d\d)\s*年\s*度?[^，。；：《\n]{0,24}?(?:政府信息公开|政务公开|信息公开)\s*工作\s*"
    r"(?:实际|开展情况|情况|有关统计数据|统计数据)"
)
#: Words of a sentence about the year's disclosure work as a whole.
_WORK_OF_THE_YEAR = compiled("(?:政务公开|政府信息公开|信息公开)工作|贯彻落实|深入贯彻|认真贯彻")
#: 将 of a plan (2024年，我镇将……); 现将……报告如下 introduces the report.
#: What makes a later year the time of plans (将…, 2022年工作思路, 下一年工作打算).
_FUTURE = compiled("(?<!现)将|思路|打算|工作计划|工作安排")
#: How far the opening words run when no part heading is found.
_OPENING_LENGTH = 600
_FULL_DATE_AFTER = compiled(r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_SPAN_OF_YEARS_AFTER = compiled(r"\s*+(?:年\s*+)?(?:度\s*+)?(?:以来|至今|起|开始|以前|之前|前|以后|之后|后|底前|[-—~至到])")
_SPAN_OF_YEARS_BEFORE = compiled(r"(?:[-—~至到自从]|截至|截止)\s*$")
#: Words that compare with another year (a sentence with them may name an earlier year); part 三's carry-over terms
#: 上年（度）结转 and 结转下年度 (结转至下一年度, 结转至2023年度) compare nothing, 2020年结转 (or 转结, as some write it)
#: does; nor does a share of the same
#: period's total (占同期). A word of change compares when a number follows it (增加2件) or 较/比 comes before it
#: (较2021年减少); “提高了透明度” compares nothing.
_COMPARISON = compiled(
    "上年(?!度?结转)|上一年|去年|往年|同比|相比|(?<!占)同期|持平|(?<!上年)(?<!上年度)结转(?!下年|[至到]\\s*(?:下|(?:19|20)\\d\\d))|转结"
    "|(?:增长|增加|减少|下降|提高|上升)(?=了?\\s*\\d)|[较比][^，。；,;]{0,12}(?:增长|增加|减少|下降|提高|上升)"
)
#: Words of a sentence that cites a document (a year there may be the document's); 通知公告 is a kind of information.
#: Looked for up to the end of the year's clause: later clauses may list kinds of information (工作计划类1条).
_CITES_DOCUMENT = compiled("通知(?!公告)|意见|办法|方案|要点|印发|文件精神|年报|年度报告|规划|计划|清单|目录|指南")
#: What makes a year part of a document's name (2023年权责清单, 2023年预算公开说明), after the mention's 年.
_NAMES_A_DOCUMENT = compiled(r"年度?[^，。；,;、]{0,8}?(?:清单|预算|决算|计划|要点|报告|方案|规划|总结|目录|说明)")
# What may stand before a year that opens its clause: an ordinal such as (二) or 2. — with the sub-heading it opens, when
# the heading runs into the text after a space (“(三) 政府信息管理情况 2022年，……”) — then 在/于.
_CLAUSE_LEAD = compiled(
    r"\s*(?:(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十\d]{1,3}[、.])\s*"
    r"(?:[^\s\d，。；：]{2,16}(?:情况|建设|保障|公开|管理)\s+)?)?(?:在|于)?\s*"
)


class WrongYear(Rule):
    """正文把另一个年份当作所报告工作的时间（常见于沿用上年报告）。

    年度报告写的是报告年度的工作。2023 年度报告的总体情况里写“2022年，
    我镇共制定规范性文件3件”，多半是照搬了上年的报告。只有年份位于分句
    开头、且同一句报告了具体数量（或是第一部分正文概括全年工作的第一句）时才提示；以下情况不报告：第五部分和含
    “将、计划、下一步”等词的句子中的以后年份，与上年比较的句子，书名号、
    括号和引号内的年份（文件名称、文号），完整的日期（落款、统计期限），
    “2020年以来”、年份区间，以及在年份所在分句之前或之中引用通知、要点、年报
    等文件的句子（之后的分句列举“工作计划类”“年报”等信息类别时照常检查）。

    开头介绍本报告时写了另一个年度（“编制了2025年度政府信息公开工作年度报告”“结合2024年某街道政府信息公开工作实际，
    编制本报告”，而标题是2024年或2025年）的，同样提示：两处必有一处写错了（书名号内的通知名称不算）。每条提示都
    指向报告年度的出处（一般是标题中的年份），以便核对写错的是哪一处。

    讲公开预算、决算的句子里，年份是预算、决算的年度，不是工作的时间：2023 年度报告公开的
    是 2023 年的预算和 2022 年的决算，写成“公开2022年部门预算、2021年部门决算”（各早了
    一年）的，提示预算、决算的年度与报告年度不符。

    报告年度一般取自标题。标题的年份与统计期限（整年）和网页上的发布日期
    （次年）都不一致时，以后两者为准，报告的是标题中的年份（标题沿用了别的
    年度，或写错了）。标题的年份早于统计期限、落款日期又在统计期限的次年时，
    同样以统计期限为准；标题的年份晚于统计期限时，只有落款日期仍以标题为准：
    照搬上年的报告时，落款和统计期限往往一起没改，改了的是标题。没有统计期限（或读不出）
    时，网页上的发布日期在正文中以年份开头、讲已做工作的分句所写年份的次年，而这些分句都
    不以标题的年份开头的，同样以后两者为准（标题沿用了上年的，而不是晚发布了一年）。

    反例（2023年度报告）：

        一、总体情况
        2022年，我镇共制定规范性文件3件，主动公开政府信息120条。

    正例：

        一、总体情况
        2023年，我镇共制定规范性文件3件，主动公开政府信息120条。
        五、存在的主要问题及改进情况
        ……
        2024年，我镇将进一步规范政府信息公开工作。
    """

    code = "RL504"
    name = "wrong-year"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        year = reading.year
        if year is None:
            return
        text = report.normalized
        skipped = [
            Span(item.start, item.end)
            for item in (reading.title, reading.period, reading.publication)
            if item is not None and item.start is not None and item.end is not None
        ]
        if reading.year_source in OUTVOTED_TITLE and reading.title is not None:
            yield from self._outvoted_title(report, year)
        yield from self._own_name(report, year, skipped)
        plans = reading.section("s5")
        for match in YEAR_MENTION.finditer(text):
            mentioned = int(match.group(1))
            if mentioned == year or _overlaps(Span(match.start(), match.end()), skipped):
                continue
            accounts = _stale_accounts(report, match.start(), match.end(), mentioned, year)
            if accounts is not None:
                kind, expected, end = accounts
                yield self.diagnostic(
                    f"“{report.text[match.start() : end]}”与报告年度不符：{year} 年度报告中公开的应是 {expected} 年的{kind}"
                    f"（预算为当年、决算为上一年）；如是沿用往年报告的文字，请改为 {expected} 年",
                    match.start(),
                    end,
                    related=_year_evidence(reading),
                )
                continue
            in_plans = plans is not None and plans.body_start <= match.start() < plans.body_end
            if _is_time_of_reported_work(report, match.start(), match.end(), mentioned, year, in_plans):
                written = report.text[match.start() : match.end() + 1]
                yield self.diagnostic(
                    f"“{written}”与报告年度不符：本报告是 {year} 年度报告（年份取自{_YEAR_SOURCE.get(reading.year_source, '报告')}），"
                    f"这里却把 {mentioned} 年作为所报告工作的时间；如是沿用往年报告的文字，请改为 {year} 年",
                    match.start(),
                    match.end() + 1,
                    related=_year_evidence(reading),
                )

    def _own_name(self, report: Report, year: int, skipped: list[Span]) -> Iterator[Diagnostic]:
        """The opening words naming this report with another year (“编制了2025年度政府信息公开工作年度报告”), or saying it
        was made from another year's work (“结合2024年某街道政府信息公开工作实际，编制本报告”)."""
        reading = report.reading
        opening_end = report.opening_end(_OPENING_LENGTH)
        text = report.normalized
        source = _YEAR_SOURCE.get(reading.year_source, "报告")
        for pattern, saying in ((_OWN_REPORT_NAME, "称本报告为"), (_MADE_FROM_WORK, "说本报告依据的是")):
            for match in pattern.finditer(text, 0, opening_end):
                mentioned = int(match.group(1))
                named = Span(match.start(1), match.end())
                if mentioned == year or _overlaps(named, skipped):
                    continue
                if _inside_quotes_or_brackets(report.text, sentence_at(text, named.start), named.start):
                    continue  # the name of a notice: 《关于做好2022年政府信息公开工作年度报告编制工作的通知》
                yield self.diagnostic(
                    f"开头{saying}“{squash(report.text[named.start : named.end])}”，与报告年度不符：本报告是 {year} 年度报告"
                    f"（年份取自{source}）；请核对这里和{source}中的年份",
                    named.start,
                    named.end,
                    related=_year_evidence(reading),
                )

    def _outvoted_title(self, report: Report, year: int) -> Iterator[Diagnostic]:
        """The title's year, when the period and another witness agree on another (see
        :func:`~reportlint.template.identity.find_year`)."""
        reading = report.reading
        title, period = reading.title, reading.period
        assert title is not None
        match = YEAR_IN_TITLE.search(report.normalized, title.start, title.end)  # the year the reader found there
        witness = _witness(report, year)
        if match is None or witness is None:
            return
        first = _published_on(reading) if reading.year_source == PAGE_DATE_AND_TEXT or period is None else f"统计期限（{period.text}）"
        yield self.diagnostic(
            f"标题中的“{match.group(1)}”与报告年度不符：{first}和{witness}都表明本报告是 {year} 年度报告，请把标题中的年份改为 {year}",
            match.start(1),
            match.end(1),
        )


def _year_evidence(reading: Reading) -> list[Related]:
    """Where the report year was read (the title's year, the period), for a finding that contradicts it."""
    span = reading.year_span
    return [] if span is None else [Related(span.start, span.end, "报告年度取自这里")]


def _witness(report: Report, year: int) -> str | None:
    """The second witness that outvoted the title's year, as RL504 names it."""
    reading = report.reading
    if reading.year_source in (PERIOD_AND_TEXT, PAGE_DATE_AND_TEXT):
        clause = year_led_clauses(report.document, reading.title).get(year)
        if clause is None:
            return None
        return f"正文中以“{squash(report.text[clause.start(1) : clause.end()])[:_QUOTED_OPENING]}……”开头的句子"
    # the page's date, or the signature's (the publication is the page's date when the page has one)
    if reading.year_source == PERIOD_AND_PAGE_DATE:
        return _published_on(reading)
    published = reading.signature or reading.publication
    return None if published is None else f"落款日期（{_chinese_date(published.date)}）"


def _published_on(reading: Reading) -> str:
    """The page's publication date as RL504 names it."""
    assert reading.publication is not None
    return f"网页上的发布日期（{_chinese_date(reading.publication.date)}）"


#: How many characters of a sentence RL504 quotes as a witness.
_QUOTED_OPENING = 12


#: A budget's or final accounts' year (2022年部门预算, 2021年度财政决算), after the year's digits; not a budget's execution
#: (2024年财政预算执行情况, reported the next year) nor a draft.
_ACCOUNTS_OF_YEAR = compiled(r"\s*年度?(?:部门|单位|财政|政府)?(预算|决算)(?!执行|草案)")
#: What a sentence about publishing the accounts says (公开、发布、公示).
_PUBLISHES = compiled("公开|发布|公示")


def _stale_accounts(report: Report, start: int, end: int, mentioned: int, year: int) -> tuple[str, int, int] | None:
    """A budget of the year before the report's or final accounts of two years before, in a sentence about publishing
    them (a report of 2023 publishes the 2023 budget and the 2022 accounts): the kind, the year expected, and where the
    name ends; None otherwise. ``[start, end)`` is the mention up to its 年."""
    text = report.normalized
    accounts = _ACCOUNTS_OF_YEAR.match(text, end)
    if accounts is None:
        return None
    kind = accounts.group(1)
    expected = year if kind == "预算" else year - 1
    if mentioned != expected - 1:
        return None
    sentence = sentence_at(text, start)
    if _PUBLISHES.search(text, sentence.start, sentence.end) is None or _inside_quotes_or_brackets(report.text, sentence, start):
        return None
    return kind, expected, accounts.end()


def _is_time_of_reported_work(report: Report, start: int, end: int, mentioned: int, year: int, in_plans: bool) -> bool:
    """Whether a year mention is used as the time of the work the sentence reports (see :class:`WrongYear`).

    ``[start, end)`` is the mention up to its 年 (``text[end]`` is 年).
    """
    text = report.normalized
    sentence = sentence_at(text, start)
    if _FULL_DATE_AFTER.match(text, end) or _SPAN_OF_YEARS_AFTER.match(text, end + 1):
        return False
    if _NAMES_A_DOCUMENT.match(text, end):
        return False  # a document's year (2023年部门预算、2022年部门决算), not the time of the work
    if _SPAN_OF_YEARS_BEFORE.search(text, sentence.start, start):
        return False
    if not _CLAUSE_LEAD.fullmatch(text, clause_start(text, start, sentence.start), start):
        return False
    if _inside_quotes_or_brackets(report.text, sentence, start):
        return False
    if mentioned > year and (in_plans or states_plans(text, sentence) or _FUTURE.search(text, sentence.start, sentence.end)):
        return False
    if mentioned < year and _COMPARISON.search(text, sentence.start, sentence.end):
        return False
    if _CITES_DOCUMENT.search(text, sentence.start, clause_end(text, end, sentence.end)):
        return False
    if any(
        int(other.group(1)) == year and not _NAMES_A_DOCUMENT.match(text, other.end())
        for other in YEAR_MENTION.finditer(text, sentence.start, sentence.end)
    ):
        return False  # (the report year in the sentence too: it may compare; not in a listed document's name)
    return bool(find_quantities(text, end + 1, sentence.end)) or _opens_overview(report, sentence)


def _opens_overview(report: Report, sentence: Span) -> bool:
    """Whether ``sentence`` opens part 一's text with the year's work as a whole (“2022年，我镇政务公开工作在县委……”,
    “2022年，我局认真贯彻落实……”), not one thing done that year (“2022年，我镇建立了信息公开制度”)."""
    overview = report.reading.section("s1")
    if overview is None:
        return False
    body = report.normalized[overview.body_start : overview.body_end]
    if sentence.start != overview.body_start + len(body) - len(body.lstrip()):
        return False
    return _WORK_OF_THE_YEAR.search(report.normalized, sentence.start, sentence.end) is not None


def _inside_quotes_or_brackets(original: str, sentence: Span, position: int) -> bool:
    if bracketed(original, sentence.start, position + 1)[-1]:
        return True
    return original.count("“", sentence.start, position) > original.count("”", sentence.start, position)


_MONTH_DAY_OPTION = compiled(r"(\d{1,2})-(\d{1,2})")


def _deadline_option(rule_name: str, option: str, value: str) -> tuple[int, int]:
    """``"01-31"`` → (1, 31); a clear error for anything that is not a day of a common year."""
    match = _MONTH_DAY_OPTION.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError
        month, day = int(match.group(1)), int(match.group(2))
        dt.date(2001, month, day)
    except ValueError:
        raise RuleDefinitionError(f'规则 {rule_name} 的选项 {option} 应为“月-日”，如 "01-31"，实际为 {shown(value)}') from None
    return month, day


#: Body kind → (option name, statutory basis when the option keeps its default, severity).
_DEADLINES = {
    "department": (
        "department-deadline",
        "《政府信息公开条例》第四十九条：县级以上人民政府部门应在每年1月31日前公布上一年度的年度报告",
        "error",
    ),
    "government": ("government-deadline", "《政府信息公开条例》第四十九条：县级以上地方人民政府的年度报告应在每年3月31日前公布", "error"),
    "township": (
        "township-deadline",
        "条例第四十九条未规定乡镇人民政府、街道办事处的期限，默认按次年1月31日提示，可用选项 township-deadline 改为本地通知规定的日期",
        "warning",
    ),
}
_BODY_NAMES = {"department": "县级以上人民政府部门", "government": "县级以上人民政府", "township": "乡镇人民政府、街道办事处"}
_PUBLICATION_SOURCES = {"metadata": "取自网页元数据", "page": "取自页面上的发布日期", "signature": "取自报告落款"}


class LatePublication(Rule):
    """报告的发布（或落款）日期晚于发布期限。

    《政府信息公开条例》第四十九条：县级以上人民政府部门应在每年 1 月 31 日前
    向本级政府信息公开工作主管部门提交并公布上一年度的年度报告（错误）；
    县级以上地方人民政府的年度报告在每年 3 月 31 日前公布（错误）。条例没有
    规定乡镇人民政府和街道办事处的期限，各地通知安排的日期不同（有的要求 2 月 20 日
    前），默认按次年 1 月 31 日提示（警告，可用 ``township-deadline`` 改为本地日期）。
    发布日期依次取网页元数据、页面上的“发布日期”和报告末尾的落款日期；三者都
    没有时不检查。网页的发布日期与落款日期不一致时，按较晚的一个检查期限；落款
    日期晚于网页自己的发布日期是不可能的（两个日期必有一个写错），也单独提示（警告）。
    2019 年以前的报告适用 2008 年的条例（每年 3 月 31 日前），网页上的日期又常是多年后
    重新发布的日期，不检查期限。发布日期恰在下一年度报告的发布期内（如 2021 年的报告
    2023 年 1 月发布）时，更可能是下一年度的报告沿用了上一年的年份，提示中一并说明。

    反例：

        某县教育局2020年政府信息公开工作年度报告
        ……
        2021年3月15日

    正例：

        某县教育局2020年政府信息公开工作年度报告
        ……
        2021年1月25日

    选项：``department-deadline``（默认 ``"01-31"``）、``government-deadline``
    （默认 ``"03-31"``）、``township-deadline``（默认 ``"01-31"``），均为次年的“月-日”。
    """

    code = "RL505"
    name = "late-publication"
    severity = "error"
    options = {
        "department-deadline": Option("01-31", "县级以上人民政府部门的发布截止日（次年的“月-日”）"),
        "government-deadline": Option("03-31", "县级以上人民政府本级报告的发布截止日（次年的“月-日”）"),
        "township-deadline": Option("01-31", '乡镇人民政府、街道办事处的发布截止日（次年的“月-日”，各地通知不同，如 "02-20"）'),
    }

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        super().__init__(config)
        self.deadlines = {kind: _deadline_option(self.name, option, self.config[option]) for kind, (option, _, _) in _DEADLINES.items()}

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        publication, subject, year = reading.publication, reading.subject, reading.year
        signature = reading.signature
        if publication is not None and signature is not None and signature.date > publication.date:
            yield self.diagnostic(
                f"落款日期 {_chinese_date(signature.date)} 晚于网页上的发布日期 {_chinese_date(publication.date)}"
                f"（{_PUBLICATION_SOURCES.get(publication.source, publication.source)}）：报告不可能在落款之前发布，两个日期必有一个写错",
                signature.start or 0,
                signature.end or 0,
                severity="warning",
            )
            publication = signature  # the later of the two dates is checked against the deadline
        if publication is None or subject is None or year is None or not reading.six_part_era:
            return  # (a report of the 2008 regulation: another deadline, and pages republished years later)
        kind = body_kind(subject.level)
        if kind is None:
            return
        option, basis, severity = _DEADLINES[kind]
        month, day = self.deadlines[kind]
        deadline = dt.date(year + 1, month, day)
        if publication.date <= deadline:
            return
        if self.config[option] != self.options[option].default:
            basis = f"按配置的 {option}"
        start, end = publication.start, publication.end
        if start is None or end is None:
            start, end = (reading.title.start, reading.title.end) if reading.title is not None else (0, 0)
        late = (publication.date - deadline).days
        next_deadline = dt.date(year + 2, month, day)
        # Published within the next year's window: a report of the next year whose year was left as last year's is likelier.
        other_year = (
            f"；如果这是 {year + 1} 年度的报告，则是报告年度写错了（写成了 {year} 年，多半沿用了上一年的报告），请核对标题和正文中的年份"
            if dt.date(year + 2, 1, 1) <= publication.date <= next_deadline
            else ""
        )
        yield self.diagnostic(
            f"报告发布日期为 {_chinese_date(publication.date)}（{_PUBLICATION_SOURCES.get(publication.source, publication.source)}），"
            f"晚于{_BODY_NAMES[kind]}的发布期限 {_chinese_date(deadline)}，逾期 {late} 天（{basis}）{other_year}",
            start,
            end,
            severity=severity,
        )


_SEVERAL_NUMBERS_AFTER = compiled(r"\s*[、,和及]\s*\d")
#: What makes a code and year without a serial the name of a series of numbers (鱼天办〔2024〕文号, 〔2024〕系列).
_NAMES_A_SERIES = compiled(r"\s*(?:文号|号文|字号|系列|类)")
#: A serial number with letters before its digits (〔2023〕GK1225-1号): written, though not as GB/T 9704 has it.
_LETTERED_SERIAL = compiled(r"\s*[A-Za-z]{1,4}\s*\d{1,6}(?:\s*[-－—–]\s*\d{1,3})?\s*号")
#: A serial number written after a dash instead of before 号 (〔2025〕-007).
_SERIAL_AFTER_DASH = compiled(r"\s*[-—－–]\s*(\d{1,5})(?!\d)")


class GarbledDocumentNumber(Rule):
    """发文字号残缺或格式不规范（如“国办公开办函〔201960号”）。

    发文字号由机关代字、年份和序号组成，年份用六角括号“〔〕”括入，如
    “国办公开办函〔2019〕60号”（《党政机关公文格式》GB/T 9704—2012）。
    缺少括号、缺少序号或“号”字的文号是错误；用方括号、圆括号等代替六角
    括号的（“[2019]60号”“(2019)60号”）是格式问题，按警告报告并给出修改建议。

    带分号的文号（“〔2021〕1360-1号”）是规范写法。文本恰在某个文号处中断时（RL117），那个文号是被截断的，
    不在此报告。

    反例：

        国办公开办函〔201960号
        国办公开办函〔2019〕号
        国办公开办函(2019)60号

    正例：

        国办公开办函〔2019〕60号
        某政办发〔2021〕1360-1号
    """

    code = "RL506"
    name = "garbled-document-number"
    severity = "error"
    fix_safety = "safe"  # only brackets around a four-digit year become 〔〕

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized
        bracketed_years = matches_at(BRACKETED_YEAR, text, BRACKETED_YEAR_FIRSTS)
        taken = [Span(match.start(), match.end()) for match in bracketed_years]
        unopened = (
            [match for match in UNOPENED_YEAR.finditer(text) if not _overlaps(Span(match.start(), match.end()), taken)]
            if "〕" in text
            else []
        )
        cut = report.reading.truncation is not None
        for match in sorted((*bracketed_years, *unopened), key=lambda match: match.start()):
            if cut and not text[match.end() :].strip():
                continue  # the number the text stops in (“……(白政公组办〔20”): cut off, RL117's finding
            if match.group("open") != "〔" and match.group("close") != "〕":
                yield from self._style_variant(report, match)
                continue
            problem = _document_number_problem(text, match)
            if problem is not None:
                written = report.text[match.start() : match.end()].strip()
                yield self.diagnostic(f"发文字号“{written}”{problem}", match.start(), match.end())

    def _style_variant(self, report: Report, match: re.Match[str]) -> Iterator[Diagnostic]:
        before = report.text[match.start() - 1] if match.start() else ""
        year_text = match.group("year")
        complete = match.group("close") and match.group("number") and match.group("hao")
        if not complete or not re.fullmatch(f"[{HAN}]", before) or not re.fullmatch(_YEAR, year_text):
            return
        written = report.text[match.start() : match.end()]
        bracket_end = match.end("close")
        yield self.diagnostic(
            f"发文字号“{written}”的年份应使用六角括号，写作“〔{year_text}〕”（GB/T 9704—2012）",
            match.start(),
            match.end(),
            fix=Fix(match.start(), bracket_end, f"〔{year_text}〕", "改为六角括号"),
            severity="warning",
        )


def _document_number_problem(text: str, match: re.Match) -> str | None:
    """What is wrong with a number written with at least one of 〔〕 (None when nothing is)."""
    opening, closing, digits = match.group("open"), match.group("close"), match.group("year")
    if not closing and len(digits) > 4 and re.match(_YEAR, digits):
        return f"缺少“〕”，应写作“〔{digits[:4]}〕{digits[4:]}号”"
    if not re.fullmatch(_YEAR, digits):
        return f"的年份“{digits}”不是四位年份"
    if opening != "〔" or closing != "〕":
        if opening and closing:
            return f"的括号不配对，年份应写作“〔{digits}〕”"
        missing = "〔" if opening != "〔" else "〕"
        return f"缺少“{missing}”，年份应写作“〔{digits}〕”"
    if not match.group("number"):
        dashed = _SERIAL_AFTER_DASH.match(text, match.end())
        if dashed is not None:  # 〔2025〕-007: a local way of writing the serial number
            return f"的序号写法不规范，应写作“〔{digits}〕{int(dashed.group(1))}号”"
        if _NAMES_A_SERIES.match(text, match.end()):
            return None  # a series of numbers, not one document's: 鱼天办〔2024〕文号印发文件1件
        if _LETTERED_SERIAL.match(text, match.end()):
            return None  # a serial with letters, as some issuers number: B〔2023〕GK1225-1号
        return "缺少序号，应写作“〔年份〕序号号”，如“〔2019〕60号”"
    if not match.group("hao") and not _SEVERAL_NUMBERS_AFTER.match(text, match.end()):
        return "缺少“号”字"
    return None


#: (pattern, why it is outdated, a word every match holds: a text without it is not searched).
_OUTDATED_PHRASES = (
    (
        compiled(r"(?:政府信息公开|政务公开|信息公开)(?:工作)?是一项(?:全新|崭新|新)的?工作"),
        "这是 2008 年条例施行之初的说法，2019 年以后不宜再称为新工作",
        "是一项",
    ),
    (
        compiled(r"2008\s*年\s*5\s*月\s*1\s*日\s*起?\s*(?:正式)?\s*(?:施行|实施)"),
        "这是原条例的施行日期；修订后的条例自 2019 年 5 月 15 日起施行",
        "2008",
    ),
    (
        compiled(r"检索\s*[、,]\s*复制\s*[、,]\s*邮寄"),
        "“检索、复制、邮寄等成本费用”是原条例第二十七条的收费规定；现行条例第四十二条只对超出合理范围的申请收取信息处理费",
        "检索",
    ),
)


class OutdatedBoilerplate(Rule):
    """2019 年以后的报告沿用了 2008 年条例时期的套话（如“政府信息公开是一项全新工作”）。

    《政府信息公开条例》2019 年修订（国务院令第711号，2019 年 5 月 15 日起施行）。
    此后的报告仍写“政府信息公开是一项全新工作”、引用原条例的施行日期、照抄原
    条例“检索、复制、邮寄等成本费用”的收费规定，说明报告照搬了多年前的文字。
    只检查 2019 年及以后的报告。引用原条例的令号（国务院令第492号）由 RL613 报告。

    反例：

        2020年某镇人民政府信息公开年度报告
        ……政府信息公开是一项全新工作，工作人员和社会公众对此认知尚浅。

    正例：

        ……部分工作人员对修订后的《条例》理解不深，群众对依申请公开的渠道了解不多。

    选项：``extra-phrases``（字符串列表）——本地还要检查的过时说法（按原文匹配）。
    """

    code = "RL507"
    name = "outdated-boilerplate"
    severity = "warning"
    options = {"extra-phrases": Option([], "另外要检查的过时说法（按原文匹配）", list)}

    def check(self, report: Report) -> Iterator[Diagnostic]:
        year = report.reading.year
        if year is None or year < 2019:
            return
        text = report.normalized
        for pattern, reason, word in _OUTDATED_PHRASES:
            if word not in text:
                continue
            for match in pattern.finditer(text):
                written = report.text[match.start() : match.end()]
                yield self.diagnostic(f"“{written}”是 {year} 年度报告中过时的说法：{reason}", match.start(), match.end())
        for phrase in self.config["extra-phrases"]:
            position = report.text.find(phrase)
            while phrase and position >= 0:
                yield self.diagnostic(f"“{phrase}”是配置中列出的过时说法", position, position + len(phrase))
                position = report.text.find(phrase, position + len(phrase))


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL5 date, year and deadline rules."""
    return [GarbledDate, PeriodNotFullYear, PeriodMissing, WrongYear, LatePublication, GarbledDocumentNumber, OutdatedBoilerplate]
