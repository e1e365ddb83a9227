"""Page chrome of government websites recognised in text: breadcrumbs, metadata labels, widgets, footers.

Reports scraped or copied from a CMS page keep lines such as “您当前的位置：首页 >>
公开信息内容”, “索引号：…”, “字体：[ 大 中 小 ]”, “扫一扫在手机打开当前页面”. The HTML loader
drops them from the report text; for text files RL607 reports them, and
:func:`chrome_lines` tells the reader and the wording rules which lines to leave
alone. CMS pagination (``第1页 共3页``, ``下一页``) is chrome too, and says that
the text is only one page of the report (:func:`is_pagination_line`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, count, repeat
from operator import is_not

from reportlint.text.segmentation import Span, iter_lines
from reportlint.usercache.patterns import compiled

#: Section headings of the report, one pattern per section (numbered, wording from either template).
SECTION_MARKERS = tuple(
    compiled(r"[一二三四五六七八]\s*[、.．]\s*[^\n。]{0,14}?(?:" + words + ")")
    for words in (
        "总体情况|概述",
        "主动公开",
        "收到和处理|依申请公开",
        "行政复议|行政诉讼",
        "存在的?主要问题|存在问题|改进情况|改进措施",
        "其他需要报告|其它需要报告",
    )
)

#: Labels that give a page's publication date, most telling first (发布日期：2021-01-29).
PUBLICATION_LABELS = ("发布日期", "发布时间", "发表时间", "发文日期", "成文日期", "印发日期", "公开日期", "生成日期", "信息提供日期")
#: The bare labels 日期： and 时间： that CMS pages put by the title (时间:2024-02-01 09:05:25), where they open a line or
#: follow another label's value after a space (来源:某办 时间:…); never inside a word (统计时间, 截止日期). A pattern to
#: follow with the colon (the label first, what stands before it looked at after it: a pattern opening with a literal
#: is searched fast).
BARE_PUBLICATION_LABEL = r"(?:日期|时间)(?<!\S..)"

#: Labels of CMS metadata (索引号：…, 发布日期：…); a line starting with one is page chrome.
METADATA_LABELS = (
    "索引号",
    "发布机构",
    "发文机关",
    "发文机构",
    "主题分类",
    "体裁分类",
    "组配分类",
    "服务对象",
    "信息分类",
    "信息类别",
    "信息索取号",
    "生成日期",
    "成文日期",
    "发文日期",
    "发布日期",
    "信息提供日期",
    "发布时间",
    "发表时间",
    "印发日期",
    "发文字号",
    "文号",
    "有效性",
    "时效性",
    "废止日期",
    "失效日期",
    "公开方式",
    "公开程序",
    "公开日期",
    "公开范围",
    "公开时限",
    "公开形式",
    "信息来源",
    "来源",
    "作者",
    "编辑",
    "责任编辑",
    "浏览次数",
    "访问次数",
    "点击数",
    "点击次数",
    "点击量",
    "更新时间",
    "更新日期",
    "阅读次数",
    "关键词",
    "主题词",
    "名称",
    "标题",
    "所属机构",
    "所属主题",
    "信息索引号",
    "信息名称",
    "文件名称",
    "发布单位",
    "来源单位",
    "时间",
    "日期",
    "点击",
    "浏览",
    "分类",
    "发布人",
    "有效期",
    "字号",
    "字体",
)
#: Metadata labels whose value is the body that published the page (发布机构：某县人民政府); not 来源, which names the
#: site's office as often as the body (来源：信息中心).
PUBLISHER_LABELS = ("发布机构", "发文机关", "发文机构", "发布单位")
#: The labels as a set, to tell a text that is a label and nothing else.
METADATA_LABEL_SET = frozenset(METADATA_LABELS)
#: Metadata labels whose value is the page's title (标题：……年度报告).
TITLE_LABELS = ("标题", "信息名称", "文件名称", "名称", "题名")
#: A metadata table copied as a line of cells without colons: a label, its value, and another label after a gap of
#: blanks, one or more (``索 引 号 971045726/…  发布机构 某管委会  公开日期 2024-01-29``, ``公开方式 主动公开 公开程序
#: 经本单位审核后公开``: a web page collapses the gap); not one opening with a title's label (the title finder reads those).
_CELL_LABEL = "|".join(r"\s*".join(label) for label in METADATA_LABELS if label not in TITLE_LABELS)
_LABELLED_CELLS = compiled(rf"(?:{_CELL_LABEL})[ \t\u3000]+[^ \t\u3000。][^。]*?[ \t\u3000]+(?:{_CELL_LABEL})[ \t\u3000]")
#: The longest line read as such a row of cells.
_MAX_CELLS_LINE = 200
#: The title labels as a regular expression's alternation, each maybe spaced out as pages write it (标 题).
SPACED_TITLE_LABELS = "|".join(r"\s*".join(label) for label in TITLE_LABELS)
#: Bullets and markers a CMS puts before metadata and link lines (• 索引号：…).
BULLETS = "•·●○■□◆◇▪▫►▶※-*>»"
_LEADING_BULLETS = compiled(f"^[\\s{re.escape(BULLETS)}]+")
#: (a label, its colon or closing bracket, or the bar after it where the page's metadata table was copied as a row of
#: cells: ``索 引 号 | 675490773/2025-00050 |``)
_METADATA_LINE = compiled(r"[\[【]?(?:" + "|".join(label.replace("", r"\s*")[3:-3] for label in METADATA_LABELS) + r")\s*[\]】]?\s*[:：|]")
#: A metadata label in brackets without a colon, as some CMS tables print it (``[ 索 引 号 ] [ 主题词 ]``).
_BRACKETED_LABEL = compiled(r"[\[【]\s*(?:" + "|".join(label.replace("", r"\s*")[3:-3] for label in METADATA_LABELS) + r")\s*[\]】]")
#: What is left of a metadata label cut by copying (“号：cxs045-…” from 索引号, “称：…” from 名称).
_CUT_LABEL = compiled(r"(?:号|称)\s*[:：](?:\s*\S|\s*$)")
#: A metadata line holds one of these: the colon or bar after a label or the bracket closing it (the three patterns above).
_METADATA_MARK = compiled(r"[:：\]】|]")

#: Wording of page chrome: breadcrumbs, font-size and share widgets, print/close links, footers.
_CHROME = compiled(
    r"您当前的位置|您现在的位置|您的位置|当前位置|所在位置"
    r"|字体\s*[:：]?\s*[\[【(（]?\s*大\s*[\]】)）]?\s*[\[【(（]?\s*中|字号\s*[:：]?\s*[\[【(（]?\s*大|字体\s*[:：]\s*[\[【(（]|文字大小\s*[:：]"
    r"|扫一扫|手机扫|二维码|分享到|分享至|一键分享|打印本页|打印此页|关闭窗口|关闭本页"
    r"|收藏本页|加入收藏|返回顶部|回到顶部|上一篇|下一篇|相关链接|相关文章|相关阅读|附件下载"
    r"|版权所有|主办单位|承办单位|网站标识码|ICP备|公网安备|技术支持|网站地图|联系我们|用户登录"
    r"|无障碍|长者模式|关怀模式|繁體|简体版|English|打印\s*本?页|【\s*打印\s*】|【\s*关闭\s*】"
)
#: A breadcrumb: short items joined by ``>``/``»``/``→`` (首页 > 政务公开 > 公开年报).
_BREADCRUMB = compiled(
    r"(?:[^\s>»→]{1,12}\s*(?:>>?|»|→)\s*){2,}[^\s>»→]{0,12}|(?:>>?|»)\s*[^\s>»→]{1,12}(?:\s*(?:>>?|»)\s*[^\s>»→]{1,12})+"
)
#: CMS pagination of an article split over several pages.
_PAGINATION = compiled(
    r"第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页|共\s*\d+\s*页\s*[,，/]?\s*第?\s*\d+\s*页"
    r"|^(?=[\s\S]*?(?:下一页|尾页|末页))(?:首页|上一页|下一页|尾页|末页|\d|[<>«»]|\s)*+$"
)
#: A line made only of widget words: 【打印】【关闭】, [ 大 中 小 ], 返回, 我要打印】 【关闭.
_WIDGETS_ONLY = compiled(r"(?:[\[【(（]?\s*(?:我要)?(?:打印|关闭|返回|收藏|分享|纠错|大|中|小)\s*[\]】)）]?\s*)+")
#: A site's name before the page's metadata on one line (某省某厅门户网站 发布时间：……).
_SITE_NAME = compiled(r"[^\s:：。，,；;]{2,24}?(?:门户网站|网站|政府网|网)[ \t\u3000]+")
#: A chrome line is short, has no full stop and starts with its chrome wording; a link list is mostly link text.
MAX_CHROME_LENGTH = 120
MAX_CHROME_OFFSET = 8
MAX_LINK_SHARE = 0.7


#: Every section heading of :data:`SECTION_MARKERS` has one of these after its number.
_SECTION_NUMBER_MARK = compiled("[、.．]")
#: Every breadcrumb of :data:`_BREADCRUMB` has one of these between its items.
_BREADCRUMB_MARK = compiled("[>»→]")


def section_count(text: str) -> int:
    """How many of the six sections have a heading in ``text``."""
    return sum(1 for marker in SECTION_MARKERS if marker.search(text))


def without_bullets(text: str) -> str:
    """A line without the bullets and markers a CMS puts before it (``• 发布机构：`` → ``发布机构：``)."""
    return _LEADING_BULLETS.sub("", text)


def is_metadata_label(text: str) -> bool:
    """A metadata label standing alone, its value on the next line or in the next cell (``主题分类``, ``索 引 号：``)."""
    return "".join(text.split()).rstrip(":：") in METADATA_LABEL_SET


def is_metadata_line(text: str) -> bool:
    """A line that starts with a CMS metadata label (索引号：, 发布日期：…, ``[ 索 引 号 ]``), whole or cut off."""
    if _METADATA_MARK.search(text) is None:
        return False  # (most lines: no label is followed by a colon or closed by a bracket)
    stripped = without_bullets(text.strip())
    return bool(_METADATA_LINE.match(stripped) or _CUT_LABEL.match(stripped) or _BRACKETED_LABEL.match(stripped))


def is_pagination_line(text: str) -> bool:
    """A CMS pager: ``第1页 共3页``, ``首页 上一页 1 2 3 下一页 尾页``."""
    stripped = text.strip()
    # every pager names a page (页): most lines are ruled out without the search
    return "页" in stripped and len(stripped) <= MAX_CHROME_LENGTH and _PAGINATION.search(stripped) is not None


#: Whether each line met so far is chrome (lines of text, no link share): reports repeat their template's lines.
_CHROME_BY_LINE: dict[str, bool] = {}
_MAX_REMEMBERED_LINE = 400
_MAX_REMEMBERED_LINES = 2048


def is_chrome_line(text: str, link_share: float = 0.0) -> bool:
    """Whether a line is page chrome rather than report text (``link_share``: how much of it is link text)."""
    if link_share or len(text) > _MAX_REMEMBERED_LINE:
        return _is_chrome_line(text, link_share)
    found = _CHROME_BY_LINE.get(text)
    if found is None:
        found = _is_chrome_line(text, 0.0)
        if len(_CHROME_BY_LINE) >= _MAX_REMEMBERED_LINES:
            _CHROME_BY_LINE.clear()
        _CHROME_BY_LINE[text] = found
    return found


def _is_chrome_line(text: str, link_share: float) -> bool:
    """What :func:`is_chrome_line` says, decided afresh."""
    stripped = text.strip()
    if is_metadata_line(stripped):
        return True
    site = _SITE_NAME.match(stripped)
    if site is not None and is_metadata_line(stripped[site.end() :]):
        return True  # the site's name, then the page's metadata (某厅门户网站 发布时间: 2024-01-19 【字体:)
    if "。" in stripped or (_SECTION_NUMBER_MARK.search(stripped) and section_count(stripped)):
        return False
    bare = without_bullets(stripped)
    if " " in stripped and len(stripped) <= _MAX_CELLS_LINE and _LABELLED_CELLS.match(bare):
        return True
    if link_share >= MAX_LINK_SHARE or _WIDGETS_ONLY.fullmatch(bare) or is_pagination_line(bare):
        return True
    if len(bare) <= MAX_CHROME_LENGTH and _BREADCRUMB_MARK.search(bare) and _BREADCRUMB.fullmatch(bare):
        return True
    chrome = _CHROME.search(bare)
    return chrome is not None and chrome.start() <= MAX_CHROME_OFFSET and len(bare) <= MAX_CHROME_LENGTH


def chrome_lines(text: str, lines: Iterable[Span] | None = None, contents: Sequence[str] | None = None) -> Iterator[Span]:
    """The lines of ``text`` (a normalised view) that are page chrome, each trimmed of surrounding whitespace.

    ``lines`` are the text's lines when the caller has them (:attr:`Document.lines <reportlint.core.model.Document.lines>`),
    and ``contents`` their texts (``text[line.start:line.end]`` for each).

    Reports repeat their template's lines, and most lines were met before as report text: every line's remembered
    answer is looked up at once (C loops over the lines), and only the lines not known to be report text are looked at.
    """
    spans = tuple(iter_lines(text) if lines is None else lines)
    if contents is None:
        contents = [text[start:end] for start, end in spans]
    assert len(contents) == len(spans), "contents are the texts of the lines"
    known = map(_CHROME_BY_LINE.get, contents)
    for index in compress(count(), map(is_not, known, repeat(False))):  # chrome, or not met before (or too long to remember)
        content = contents[index]
        if "\t" not in content and is_chrome_line(content):  # a blank line is never chrome
            start = spans[index].start + len(content) - len(content.lstrip())
            yield Span(start, start + len(content.strip()))
