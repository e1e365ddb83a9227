"""RL1 title: its standard form, the year, repeated words, a missing or split title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Rule
from reportlint.template.identity import OUTVOTED_TITLE, YEAR_IN_TITLE
from reportlint.text.normalize import fold_width
from reportlint.text.quoting import squash
from reportlint.usercache.patterns import compiled

_STANDARD_TAIL = "政府信息公开工作年度报告"
#: The title's year with its 年 (and 度); failing that, a year without 年 (RL113's finding: the rest is still checked).
_TITLE_YEAR = compiled(r"((?:19|20)\d\d)(年)(度?)")
_TITLE_YEAR_WITHOUT_NIAN = compiled(r"((?:19|20)\d\d)()(度?)(?=政府|信息|政务|工作)")
_YEAR_FIRST_LINE = compiled(r"\s*(?:19|20)\d\d\s*年")
#: (It opens with the year's first two digits and looks behind them only then, so the engine skips the other positions.)
#: A year followed by what follows 年 in a title: 政府信息…, 工作…, or the 度 of 年度 (2021度).
_YEAR_WITHOUT_NIAN = compiled(r"((?:19|20)(?<!\d\d\d)\d\d)(?=\s*(?:政府|信息|政务|工作|度))")
#: A year that opens a title and runs into the body's name (2020峨口镇人民政府……).
_LEADING_YEAR_WITHOUT_NIAN = compiled(r"\s*((?:19|20)\d\d)(?=[\u4e00-\u9fff])(?!年)")


class TitleForm(Rule):
    """标题不是标准形式“××（机关）××××年政府信息公开工作年度报告”。

    常见问题：标题中没有机关名称，或机关名称写在年份后面；缺“工作”或“政府”二字、
    把“年度报告”写成“工作报告”、写成“政务公开年度报告”、年份后写“年度”造成
    “年度……年度”重复。标题是检索和汇总年度报告的依据，应与统一格式一致。
    标题没有年份（RL115）或年份后漏了“年”（RL113）时，其余部分照常检查。

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
        match = _TITLE_YEAR.search(compact) or _TITLE_YEAR_WITHOUT_NIAN.search(compact)
        if match is None:  # no year at all is RL115's finding; the ending can still be read
            problems = ["“年度报告”写成了“工作报告”"] if compact.endswith("工作报告") and "年度报告" not in compact else []
        else:
            problems = self._problems(report, compact, match)
        if problems:
            year = report.reading.year or (match.group(1) if match is not None else "××××")
            yield self.diagnostic(
                f"标题不规范：{'；'.join(problems)}。标准形式为“（机关名称）{year}年政府信息公开工作年度报告”",
                title.start,
                title.end,
            )

    def _problems(self, report: Report, compact: str, match: re.Match[str]) -> list[str]:
        """What is wrong with a title that has a year (a year without 年 is RL113's finding, the rest is checked here)."""
        before, after = compact[: match.start()], compact[match.end() :]
        topic = _TOPIC_BEFORE_YEAR.search(before) if before else None
        if topic is not None and after.endswith("报告"):  # 某乡人民政府信息公开工作2023年度报告
            return [f"年份应写在“{topic.group()}”前面"]
        problems = []
        if match.group(2) and match.group(3):
            problems.append("年份后应为“年”而不是“年度”（否则与“年度报告”重复）")
        if not before:
            subject = report.reading.subject
            named_in_title = subject is not None and subject.source == "title"
            body = subject.name if subject is not None and named_in_title else ""
            deduped = _dedupe(after)
            written_after = deduped.removesuffix(_STANDARD_TAIL) if not body and deduped.endswith(_STANDARD_TAIL) else ""
            if written_after:  # a name the reader did not take for a body (高新区(新市区)司法局), in the body's place after the year
                problems.append(f"机关名称“{written_after}”应写在年份前面")
                after = _STANDARD_TAIL
            else:
                problems.append("机关名称应写在年份前面" if named_in_title else "标题中没有机关名称（应写在年份前面）")
            after = after[len(body) :] if body and after.startswith(body) else after
            after = ("政府" + after) if body.endswith("人民政府") and not after.startswith("政府") and after.startswith("信息") else after
        tail = _dedupe(after)
        if tail != _STANDARD_TAIL:
            problems.extend(self._tail_problems(tail))
        return problems

    @staticmethod
    def _tail_problems(tail: str) -> list[str]:
        problems = []
        if "政务公开" in tail:
            problems.append("应为“政府信息公开”而不是“政务公开”")
        elif "政府信息公开" not in tail:
            problems.append("缺少“政府信息公开”（或其中的“政府”）")
        if "年度工作报告" in tail and "年度报告" not in tail:
            problems.append("“工作年度报告”写成了“年度工作报告”")
        elif "工作报告" in tail and "年度报告" not in tail:
            problems.append("“年度报告”写成了“工作报告”")
        elif "工作" not in tail:
            problems.append("缺少“工作”二字")
        if "年度报告" not in tail and "工作报告" not in tail:
            problems.append("应以“年度报告”结尾")
        return problems or [f"“{tail}”与标准写法“{_STANDARD_TAIL}”不一致"]


#: The report's topic written before its year (某乡人民政府信息公开工作2023年度报告), the body's 政府 left with the body.
_TOPIC_BEFORE_YEAR = compiled("(?:信息公开|政务公开)(?:工作)?$")


def _dedupe(text: str) -> str:
    """``公开公开`` → ``公开``: repeated words are RL114's finding, not a form problem."""
    return re.sub(r"(.{2,6})\1", r"\1", text)


class TitleYearCharacter(Rule):
    """标题中年份后面漏了“年”字（如“2022政府信息公开工作年度报告”“2022度政府信息公开……”
    “2022某镇人民政府……”）。网站在每个标题前加年份、标题里另有年份的（“2025某乡2025年度……”）
    不算。

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
        matches = list(_YEAR_WITHOUT_NIAN.finditer(text))
        leading = _LEADING_YEAR_WITHOUT_NIAN.match(text)
        # (a site that puts a year before every title, 2025湖口县大垅乡2025年度……, writes the title's own year too)
        if leading is not None and len(YEAR_IN_TITLE.findall(text)) == 1:
            matches.insert(0, leading)
        for match in matches:
            start = title.start + match.start(1)
            yield self.diagnostic(f"标题中年份“{match.group(1)}”后面漏了“年”字", start, start + 4)


class TitleDuplicatedWord(Rule):
    """标题中有重复的词（如“政府信息公开 公开工作年度报告”）。

    标题是报告最醒目的部分，重复的词多是改稿时留下的，会被当作报告不严谨的
    直接证据。“某县人民政府政府信息公开工作年度报告”中的“政府政府”是
    “人民政府”和“政府信息”，不是重复。正文中的重复词由 RL601 报告。

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
            start, end = report.title_anchor
            yield self.diagnostic(
                "没有找到报告标题（应为“（机关名称）××××年政府信息公开工作年度报告”）；从网页复制的文本常常不带网页上的标题，请对照原件核实",
                start,
                end,
                severity="info",
            )
        elif report.reading.year_source != "title" and report.reading.year_source not in OUTVOTED_TITLE:  # (outvoted: RL504)
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


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL1 title rules."""
    return [
        TitleForm,
        TitleYearCharacter,
        TitleDuplicatedWord,
        TitleMissing,
        TitleSplit,
    ]
