"""RL6 extraction artefacts: web-page chrome, characters split by spaces and radicals standing for characters in a report's text.

These are traces of how a report was copied (from a CMS page, from a PDF), not
mistakes of its content; they are reported as information so a publishing
office can clean its copy. The HTML loader already drops page chrome, so these
rules matter for text and Markdown copies. Spam words of mirror sites (RL610)
are a word list in the shipped pack ``rules/mirror-spam.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from operator import itemgetter

from reportlint.core.diagnostics import Diagnostic, Related
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Rule
from reportlint.text.chars import HAN, spaces_between_han
from reportlint.text.chrome import METADATA_LABELS
from reportlint.text.normalize import RADICAL_LOOKALIKES
from reportlint.text.segmentation import Span
from reportlint.usercache.patterns import compiled

#: The formats whose text a clerk typed or pasted as it is: web chrome in them was pasted too.
_PASTED_FORMATS = ("text", "markdown", "docx")


class PageChrome(Rule):
    """报告文本中残留了网页的导航、元数据或按钮文字（“您当前的位置”“索引号：”“字体：[大 中 小]”等）。

    从政府网站复制或抓取的报告常带着网页框架的文字。它们不是报告内容，会干扰
    阅读，也可能被误当作标题或日期。连续的几行合并为一条提示。检查文本文件和
    Word 文档（从网页复制到 Word 里修改的报告同样带着这些文字）；网页由加载器
    去掉这些内容，PDF 的页眉页脚另行处理，都不报告。

    反例：

        您当前的位置: 首页 >> 公开信息内容
        发文日期: 2021-01-29
        字体:[ 大 中 小 ]
        新村镇2020年政府信息公开工作年度报告

    正例：

        新村镇2020年政府信息公开工作年度报告
    """

    code = "RL607"
    name = "page-chrome"
    severity = "info"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        if report.document.format not in _PASTED_FORMATS:
            return
        run: list[Span] = []
        chrome = report.chrome_lines
        if not chrome:
            return
        for line in report.lines:
            if line.start in chrome:
                run.append(line)
                continue
            if report.normalized[line.start : line.end].strip():
                yield from self._report(report, run)
                run = []
        yield from self._report(report, run)

    def _report(self, report: Report, run: list[Span]) -> Iterator[Diagnostic]:
        if not run:
            return
        first = report.text[run[0].start : run[0].end].strip()
        more = f"等 {len(run)} 行" if len(run) > 1 else ""
        yield self.diagnostic(f"网页残留内容：“{first}”{more}，不是报告正文，发布前请删除", run[0].start, run[-1].end)


# Three or more Han characters each standing alone: neither the first nor the last is the end of a longer word
# (“审结 计 结果” is three words, not a split one).
_SPLIT_HAN = compiled(f"(?<![{HAN}])[{HAN}](?:[ \u3000]+[{HAN}]){{2,}}(?![{HAN}])")
# A line of a header written downwards: only words of one or two Han characters, three or more of them of one.
_STACKED_HEADER_LINE = compiled(f"[ \u3000\t]*[{HAN}]{{1,2}}(?:[ \u3000\t]+[{HAN}]{{1,2}})+[ \u3000\t]*")
_SINGLE_HAN = compiled(f"(?<![{HAN}])[{HAN}](?![{HAN}])")
#: Words of a page's metadata and widgets a CMS spaces out (“索 引 号”, “有 效 性”, “[ 大 中 小 ]”): page chrome, not the report's text.
_PAGE_WORDS = frozenset([*METADATA_LABELS, "大中小"])


class SplitCharacters(Rule):
    """表格文字被空格拆成了单个字（如“法 律 服 务 机 构”），多为 PDF 或网页转换所致。

    reportlint 读取时会把它们按原词处理（“法律服务机构”），但读者看到的是残缺的
    表头；转换后请核对表格。

    反例：

        自 然 人    法 律 服 务 机 构    结 果 维 持

    正例：

        自然人    法律服务机构    结果维持

    表头竖排时，PDF 转出的文字一行是各列表头的同一个字（“结 结 其 尚”下一行
    “果 果 他 未”）：这不是拆开的词，不报告；网页元数据和按钮上的“索 引 号”
    “有 效 性”“大 中 小”是网页残留（RL607），也不报告。
    """

    code = "RL608"
    name = "split-characters"
    severity = "info"
    prose_only = True

    def check(self, report: Report) -> Iterator[Diagnostic]:
        # A match is Han characters and spaces, never a line end: one pass over the text finds each line's matches.
        # It opens with the Han character before a run of spaces between Han characters (a few in most texts): the
        # pattern is tried there only, each place after the end of the match before it, as its ``finditer`` would.
        text = report.text
        runs = spaces_between_han(text)
        if not runs:
            return
        by_line: dict[int, list[re.Match[str]]] = {}
        starts = list(map(itemgetter(0), report.lines))
        position = 0
        for run in runs:
            if run.start() - 1 < position:
                continue
            match = _SPLIT_HAN.match(text, run.start() - 1)
            if match is not None:
                by_line.setdefault(bisect_right(starts, match.start()) - 1, []).append(match)
                position = match.end()
        for index in sorted(by_line):
            if _in_stacked_header(text, report.lines, index):
                continue
            matches = [match for match in by_line[index] if "".join(match.group().split()) not in _PAGE_WORDS]
            if not matches:
                continue
            first = matches[0]
            joined = "".join(first.group().split())
            more = f"，本行共 {len(matches)} 处" if len(matches) > 1 else ""
            yield self.diagnostic(f"文字被空格拆成了单字：“{first.group()}”（按“{joined}”读取）{more}", first.start(), first.end())


def _in_stacked_header(text: str, lines: Sequence[Span], index: int) -> bool:
    """Whether line ``index`` and a line next to it are lines of a header written downwards (see :class:`SplitCharacters`)."""
    if not _is_stacked_header_line(text, lines[index]):
        return False
    return (index > 0 and _is_stacked_header_line(text, lines[index - 1])) or (
        index + 1 < len(lines) and _is_stacked_header_line(text, lines[index + 1])
    )


def _is_stacked_header_line(text: str, line: Span) -> bool:
    """A line of only one- and two-character Han words, three or more of them of one character (“总计 果 果 他 未 总”)."""
    start, end = line[0], line[1]
    if _STACKED_HEADER_LINE.fullmatch(text, start, end) is None:
        return False
    return len(_SINGLE_HAN.findall(text, start, end)) >= 3


_RADICAL = compiled(f"[{''.join(RADICAL_LOOKALIKES)}]")
#: How many distinct characters a finding names, and how many other places it points to.
_SHOWN_RADICALS = 5
_RELATED_RADICALS = 20


class RadicalLookalikes(Rule):
    """文本中有冒充汉字的部首字符（如“⼯”U+2F2F 冒充“工”，“⻓”U+2ED3 冒充“长”），多为从 PDF 复制文字所致。

    一些 PDF 的字体把常用字映射成了形状相同的康熙部首或部首补充字符，复制出来的
    文字看起来一样，但在网页上检索“工作”找不到“⼯作”，统计、比对也把它们当作
    不同的字。reportlint 检查时已按对应的汉字读取；发布的文本应替换为正常汉字。
    全文合并报告一次，指出第一处，并列出其他各行的位置。

    反例：

        2021年，我镇政府信息公开⼯作平稳有序。

    正例：

        2021年，我镇政府信息公开工作平稳有序。
    """

    code = "RL618"
    name = "radical-lookalike"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.text
        found = [match.start() for match in _RADICAL.finditer(text)]
        if not found:
            return
        distinct = list(dict.fromkeys(text[position] for position in found))
        named = "、".join(f"“{char}”应为“{RADICAL_LOOKALIKES[char]}”" for char in distinct[:_SHOWN_RADICALS])
        more = "等" if len(distinct) > _SHOWN_RADICALS else ""
        others = []  # the first of each later line
        line_start = text.rfind("\n", 0, found[0]) + 1
        for position in found:
            start = text.rfind("\n", 0, position) + 1
            if start != line_start:
                line_start = start
                others.append(position)
        yield self.diagnostic(
            f"文本中有 {len(found)} 个冒充汉字的部首字符（{named}{more}），看起来相同，但检索、复制和统计时不是同一个字，"
            f"多为从 PDF 复制所致；请替换为正常汉字",
            found[0],
            found[0] + 1,
            related=[Related(position, position + 1, "同样的部首字符") for position in others[:_RELATED_RADICALS]],
        )


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL6 extraction-artefact rules."""
    return [PageChrome, SplitCharacters, RadicalLookalikes]
