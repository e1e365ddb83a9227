"""Report identity: title, reporting body (subject), report year, statistical period, publication date.

The title is the last title-like line before the first section (one broken over
two lines is joined; a ``标题：`` metadata line counts; page chrome never does).
The subject is taken from the title (``秦安县兴国镇2020年度…`` → 兴国镇 with its
county), else the issuer line above the title, a ``发布机构：`` metadata line,
the intro (``本报告由××镇人民政府编制``, ``现公布××街道2024年…``, ``××局根据
《条例》…``) or the signature at the end; its level (乡/镇/街道/县/区/市/州/省/部门)
follows from the name's suffix. A report that never names itself still has a
level when it calls itself 我镇、我乡、我街道、我局、我委 or 我办.
Resolving it to the national gazetteer is the places module's job
(:mod:`reportlint.places.analysis`), which receives every name variant found here.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter

from reportlint.core.model import Document
from reportlint.loaders.headings import VERSION_NOTE
from reportlint.text.chrome import (
    BARE_PUBLICATION_LABEL,
    PUBLICATION_LABELS,
    PUBLISHER_LABELS,
    SPACED_TITLE_LABELS,
    is_chrome_line,
    is_metadata_label,
    is_metadata_line,
    without_bullets,
)
from reportlint.text.dates import RANGE_AFTER_DATE, YEAR_MENTION, DateMention, DateRange, find_date_range, find_dates, repaired_date_range
from reportlint.text.normalize import fold_width
from reportlint.text.quantities import PLAN_WORDS
from reportlint.text.self_references import find_self_references
from reportlint.usercache.patterns import compiled

_YEAR_FIRST = compiled(r"\s*(?:19|20)\d\d\s*年")
#: The year a title states (the first one; the report year unless outvoted, see :func:`find_year`).
YEAR_IN_TITLE = compiled(r"(?<!\d)((?:19|20)\d\d)\s*年?\s*度?")
_CHROME_PREFIX = compiled(r"^\s*(?:[^\s:：]{1,5})\s*[:：]")
_TITLE_WORDS = ("报告",)
_TITLE_TOPIC = ("信息公开", "政务公开", "政府信息")
_PUBLISHED_LABELS = compiled("(" + "|".join(PUBLICATION_LABELS) + r")\s*[:：|]?\s*")
#: Each publication label's rank: a page labelling several dates (成文日期, 发布日期) published the report on the first's.
_LABEL_RANK = {label: rank for rank, label in enumerate(PUBLICATION_LABELS)}
#: The bare labels 日期： and 时间： (see :data:`~reportlint.text.chrome.BARE_PUBLICATION_LABEL`).
_BARE_PUBLISHED_LABELS = compiled(BARE_PUBLICATION_LABEL + r"\s*[:：]\s*")
#: What makes a date the first of a period (2024年1月1日至12月31日), not a page's publication date.
_RANGE_AFTER = compiled(RANGE_AFTER_DATE)
_PERIOD_WORDS = (
    "统计期限",
    "统计时限",
    "统计时间",
    "统计期间",
    "统计区间",
    "统计周期",
    "统计范围",
    "统计时段",
    "统计数据",
    "数据统计",
    "数据的统计",
    "核定时间",
    "数据时间",
    "数据时限",
    "所列数据",
    "采用数据",
    "涵盖",
    "起止时间",
    "起止日期",
)
#: Words that name a period only when dates follow, if garbled (“数据涵盖2022年1月1日至……”, “涵盖20221月1日至……”;
#: “公开内容涵盖工作动态” is none).
_DATES_ONLY_PERIOD_WORDS = frozenset(["涵盖", "起止时间", "起止日期"])
#: Words that name the report's period only in a sentence about the report or its data (“现公布……年度报告,起止时间为
#: 2024年1月1日至2024年12月31日”), not a project's (“项目起止时间为……”).
_REPORT_PERIOD_WORDS = frozenset(["起止时间", "起止日期"])
#: What makes a sentence one about the report or its data.
_REPORT_WORDS = "报告|年报|数据"
_ABOUT_THE_REPORT = compiled(_REPORT_WORDS)
#: Labels of the statistical period; a mirror's blanked pinyin may stand between their characters (统  计期限).
_PERIOD_LABELS = compiled("|".join(r"\s*".join(word) for word in _PERIOD_WORDS))

#: Name suffixes and the body level they mean, most specific first.
LEVEL_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("街道办事处", "街道"),
    ("街道办", "街道"),
    ("街道", "街道"),
    ("民族乡人民政府", "乡"),
    ("苏木人民政府", "乡"),
    ("乡人民政府", "乡"),
    ("镇人民政府", "镇"),
    ("自治县人民政府", "县"),
    ("县人民政府", "县"),
    ("旗人民政府", "县"),
    ("区人民政府", "区"),
    ("自治州人民政府", "州"),
    ("州人民政府", "州"),  # 海南州人民政府: an autonomous prefecture by its short name
    ("市人民政府", "市"),
    ("省人民政府", "省"),
    ("自治区人民政府", "省"),
    ("镇政府", "镇"),
    ("乡政府", "乡"),
    ("县政府", "县"),
    ("区政府", "区"),
    ("市政府", "市"),
    ("苏木", "乡"),
    ("民族乡", "乡"),
    ("镇", "镇"),
    ("乡", "乡"),
    ("自治县", "县"),
    ("县", "县"),
    ("旗", "县"),
    ("区", "区"),
    ("自治州", "州"),
    ("市", "市"),
    ("盟", "市"),  # 兴安盟: a league, of a city's level
    ("街", "街道"),  # 新港街, 白云街: how Tianjin and Guangzhou call their street offices
)
_DEPARTMENT = compiled(r"(局|委员会|委|办公室|研究室|室|办|中心|厅|署|院|所|队|站|馆|处|部|会|公司|集团)$")
_GOVERNMENT_NAME = compiled(r"(人民政府|街道办事处|政府)$")


@dataclass(frozen=True)
class TextSpan:
    """Some text of the report with its range."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Title:
    """The report's own title; ``parts`` are its lines when it is split over several."""

    text: str
    start: int
    end: int
    parts: tuple[TextSpan, ...]


@dataclass(frozen=True)
class Subject:
    """The reporting body as the report names it.

    ``name`` is the body's name from the title (or config, issuer line, metadata,
    intro, signature: ``source`` says which); ``level`` is one of
    乡、镇、街道、县、区、市、州、省、部门 or ``未知``; ``mentions`` are every
    place the body is named (title, issuer line, signature) for the gazetteer.
    A subject known only from self-references (``source`` ``self-reference``)
    has an empty ``name``, its level, and the self-references as ``mentions``.
    """

    name: str
    level: str
    source: str
    start: int | None
    end: int | None
    mentions: tuple[TextSpan, ...] = ()

    @property
    def display(self) -> str:
        """How messages name the body: its name, or how it calls itself when the report never names it."""
        if self.name:
            return self.name
        word = self.mentions[0].text if self.mentions else "本单位"
        return f"报告主体（自称“{word}”）"

    @property
    def is_government(self) -> bool:
        """A people's government or street office, not a department."""
        return self.level not in ("部门", "未知")

    @property
    def is_township(self) -> bool:
        """A 乡/镇 government or a 街道 office."""
        return self.level in ("乡", "镇", "街道")


@dataclass(frozen=True)
class Period:
    """The statistical period the report states (``自2020年1月1日起至2020年12月31日止``)."""

    start_date: dt.date | None
    end_date: dt.date | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Publication:
    """When the report was published or signed, and where that was read."""

    date: dt.date
    source: str  # "metadata" (page metadata), "page" (a 发布日期 line) or "signature"
    start: int | None = None
    end: int | None = None


#: The kind of body each level is, where the rules tell them apart (deadlines, a report published as another's).
_BODY_KINDS = {"乡": "township", "镇": "township", "街道": "township", "部门": "department"} | dict.fromkeys(
    ("县", "区", "市", "州", "省"), "government"
)


def body_kind(level: str) -> str | None:
    """The kind of body a level (:func:`body_level`) is: ``township`` (乡、镇、街道), ``department`` or ``government``;
    None for ``未知``."""
    return _BODY_KINDS.get(level)


@lru_cache(maxsize=4096)
def body_level(name: str) -> str:
    """The level a body name implies (``兴国镇人民政府`` → 镇, ``某县教育局`` → 部门); remembered: reports sign with the
    same few names, and the reader asks of every line near the title and the signature.

    Words opening with a list's counting word (二是在门户网站) name no body, whatever they end with."""
    compact = "".join(name.split())
    if _LIST_ITEM_OPENING.match(compact):
        return "未知"
    if _DEPARTMENT.search(compact) and not _GOVERNMENT_NAME.search(compact):
        return "部门"
    for suffix, level in LEVEL_SUFFIXES:
        if compact.endswith(suffix):
            return level
    return "未知"


#: A list item's counting word (一是, 二是 …) opening a line.
_LIST_ITEM_OPENING = compiled(r"[一二三四五六七八九十]{1,2}是")
_MARKDOWN_HEADING = compiled(r"[ \t]{0,3}#{1,6}[ \t]+")
_start_of = attrgetter("start")


def _lines(document: Document, limit_end: int, start: int = 0) -> list[TextSpan]:
    """Non-blank lines that start in ``[start, limit_end)``, as normalised text (traditional reports match too)."""
    return list(_iter_lines(document, limit_end, start))


def _iter_lines(document: Document, limit_end: int, start: int = 0, backwards: bool = False) -> Iterator[TextSpan]:
    """What :func:`_lines` gives, one at a time, the last first when ``backwards`` (for callers that need only the last few)."""
    text = document.normalized
    if limit_end <= text.rfind("\n", 0, start) + 1:
        return
    # the document's lines (split once, the same in its normalised text) that start in [the line of start, limit_end)
    every = document.lines
    chosen = every[bisect_right(every, start, key=_start_of) - 1 : bisect_left(every, limit_end, key=_start_of)]
    markdown = document.format == "markdown"
    for line in reversed(chosen) if backwards else chosen:
        content = text[line.start : min(line.end, max(limit_end, line.start))]
        if markdown:  # “# 某县2022年…报告”: the heading's text, not its marker
            marker = _MARKDOWN_HEADING.match(content)
            content = " " * (marker.end() if marker else 0) + content[marker.end() if marker else 0 :]
        stripped = content.strip()
        if stripped:
            left = line.start + len(content) - len(content.lstrip())
            yield TextSpan(stripped, left, left + len(stripped))


def _title_like(text: str) -> bool:
    compact = "".join(fold_width(text).split())
    return (
        len(compact) <= 60
        and compact.endswith(_TITLE_WORDS)
        and any(topic in compact for topic in _TITLE_TOPIC)
        and not compact.endswith(("。", ".", ";"))
        and not _CHROME_PREFIX.match(text)
        and "," not in compact
    )


#: Metadata labels whose value is the page's title (``标题：……年度报告``).
_TITLE_LABEL = compiled(r"^\s*(?:" + SPACED_TITLE_LABELS + r")\s*([:：|])\s*")
#: The title at the start of a line that goes on with the report (a page copied without its line breaks).
_LEADING_TITLE = compiled(r"(\S.{3,70}?(?:报告|年报))\s")
#: A digit: the value of a date's metadata label holds one.
_DIGIT = compiled(r"\d")
#: How long the second line of a title broken over two lines may be.
_TITLE_TAIL_LENGTH = 20


def _title_lines(document: Document, limit: int) -> list[TextSpan]:
    """The lines before ``limit`` a title may be read from: chrome left out, bullets and metadata labels cut off."""
    lines = []
    # the line after a metadata label standing alone (“主题分类” / “政府信息公开年度报告”) is its value, unless it reads as
    # a title with its year, or the label is a date's and the line holds no digit: then the label's value was left empty
    # (“有效性:” / “某局2023年政府信息公开工作年度报告”, “更新时间:” / “某区人民政府办公室”)
    value_follows = False
    date_follows = False
    for line in _lines(document, limit):
        bare = without_bullets(line.text)
        if bare.startswith("|"):  # a row of the page's metadata table copied as Markdown (“| 标题: | …报告 | ||”)
            bare = bare[1:].lstrip()
        if is_metadata_label(bare):
            value_follows = True
            date_follows = "".join(bare.split()).rstrip(":：").endswith(("时间", "日期"))
            continue
        if value_follows:
            value_follows = False
            if not (_title_like(bare) and YEAR_IN_TITLE.search(fold_width(bare))) and not (date_follows and not _DIGIT.search(bare)):
                continue
        label = _TITLE_LABEL.match(bare)
        if label is not None:
            offset = len(line.text) - len(bare) + label.end()
            value = line.text[offset:]
            if label.group(1) == "|" or value.lstrip().startswith("|"):  # a metadata table's row: the value is the next cell
                value = value.lstrip().removeprefix("|").split("|", 1)[0]
            value = value.strip()
            if value:
                start = line.start + line.text.index(value, offset)
                lines.append(TextSpan(value, start, start + len(value)))
            continue
        if is_chrome_line(line.text):
            continue
        if bare != line.text:
            start = line.end - len(bare)
            line = TextSpan(bare, start, line.end)
        note = VERSION_NOTE.search(line.text)
        if note is not None and note.start() > 0:  # “……年度报告（文字版）”: the title is without the note
            line = TextSpan(line.text[: note.start()], line.start, line.start + note.start())
        lead = _LEADING_TITLE.match(line.text) if not _title_like(line.text) else None
        if lead is not None and _title_like(lead.group(1)):
            line = TextSpan(lead.group(1), line.start, line.start + lead.end(1))  # a page that lost its line breaks
        lines.append(line)
    return lines


def find_title(document: Document, first_heading: int | None) -> Title | None:
    """The report's title before the first section heading (or in the first 3000 characters).

    Title-like lines and titles broken over two lines (``……2023年度政府`` /
    ``信息公开工作年度报告``, or the body's name on the line above
    ``2022年政府信息公开工作年度报告``) are candidates; the last one that names
    a body wins, else the last one (a cover letter's title comes before the report's).
    """
    limit = first_heading if first_heading is not None else min(len(document.text), 3000)
    lines = _title_lines(document, limit)
    candidates: list[Title] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        previous = lines[index - 1] if index else None
        if _title_like(line.text):
            if previous is not None and _YEAR_FIRST.match(line.text) and _is_body_name(previous.text):
                # “桃江县松木塘镇人民政府” above “2022年政府信息公开工作年度报告”: one title on two lines
                candidates.append(Title(previous.text + line.text, previous.start, line.end, (previous, line)))
            else:
                candidates.append(Title(line.text, line.start, line.end, (line,)))
        elif (
            following is not None
            and len("".join(following.text.split())) <= _TITLE_TAIL_LENGTH
            # a table row (“时 效 | 有效 |”) starts no title; a whole title with its year below a line that is no body's
            # name (“图片”, “乡镇(街道办)”) is its own
            and "|" not in line.text
            and (
                _names_body_above_title(line.text) or not (_title_like(following.text) and YEAR_IN_TITLE.search(fold_width(following.text)))
            )
        ):
            joined = line.text + following.text
            if _title_like(joined) and any(topic in joined for topic in _TITLE_TOPIC):
                if previous is not None and _YEAR_FIRST.match(joined) and _is_body_name(previous.text):
                    # the body's name above a title broken after its year's line (a PDF's narrow cell: “某镇人民政府” /
                    # “2025年政府信息公开工作” / “年度报告”): one title on three lines
                    candidates.append(Title(previous.text + joined, previous.start, following.end, (previous, line, following)))
                else:
                    candidates.append(Title(joined, line.start, following.end, (line, following)))
                index += 2
                continue
        index += 1
    named = [title for title in candidates if subject_from_title(title) is not None]
    return (named or candidates)[-1] if candidates else None


def _strip_topic(after_year: str) -> str:
    """``峨口镇人民政府信息公开年度报告`` → ``峨口镇人民政府``; ``某县政府信息公开…`` → ``某县``."""
    for topic in ("信息公开", "政务公开", "信息与政务公开"):
        position = after_year.find(topic)
        if position > 0:
            body = after_year[:position]
            if body.endswith("政府") and not body.endswith("人民政府"):
                body = body[: -len("政府")]
            return body
    return ""


def subject_from_title(title: Title) -> TextSpan | None:
    """The body name in the title: before the year (with the topic, when that comes before the year too:
    ``某乡人民政府信息公开工作2023年度报告``), or after it (``2020年峨口镇人民政府…``), or between a stray year and the
    report year (``2025湖口县大垅乡2025年度…``: some sites put the year before every title)."""
    text = title.text
    folded = fold_width(text)
    match = YEAR_IN_TITLE.search(folded)
    if match is None:
        body = _strip_topic(text)
        offset = text.find(body) if body else -1
    elif text[: match.start()].strip():
        body = text[: match.start()].strip()
        if not _is_body_name(body) and _strip_topic(body):
            body = _strip_topic(body)  # 某乡人民政府信息公开工作2023年度报告: the topic before the year
        offset = text.find(body)
    else:
        second = YEAR_IN_TITLE.search(folded, match.end())
        between = text[match.end() : second.start()].strip() if second is not None else ""
        body = between if _is_body_name(between) else _strip_topic(text[match.end() :]).strip()
        offset = text.find(body, match.end()) if body else -1
    if body.endswith("关于"):
        body = body[: -len("关于")].rstrip()
    if body.startswith("关于"):
        body, offset = body[len("关于") :].lstrip(), offset + len("关于")
    if not body or offset < 0 or not _is_body_name(body):
        return None
    start = _offset_in(title, offset)
    return TextSpan("".join(body.split()), start, _offset_in(title, offset + len(body) - 1) + 1)


def _offset_in(title: Title, index: int) -> int:
    """Document offset of character ``index`` of the (possibly joined) title text."""
    for part in title.parts:
        if index < len(part.text):
            return part.start + index
        index -= len(part.text)
    return title.end


def find_subject(document: Document, title: Title | None, pinned: str | None, first_heading: int | None) -> Subject | None:
    """The reporting body: config pin first, else the title, the issuer line, page metadata, the intro, the signature.

    The issuer and signature lines are kept as mentions for the gazetteer. Without
    any name, the level comes from how the report calls itself (我镇、我局 …).
    """
    issuers = _issuer_lines(document, title, first_heading)
    signatures = _signature_lines(document)
    mentions = [*issuers, *signatures]
    from_title = subject_from_title(title) if title else None
    if from_title is not None:
        mentions.insert(0, from_title)
    if pinned:
        return Subject(pinned, body_level(pinned), "config", None, None, tuple(mentions))
    # the intro's and the metadata's names, each read once when first asked for (three steps below may ask)
    intro = cache(lambda: subject_from_intro(document, first_heading))
    publisher = cache(lambda: _metadata_body(document, first_heading))
    # (a name the page's metadata gives, not in the report's text: a subject without a place in it)
    named: tuple[tuple[Callable[[], TextSpan | str | None], str], ...] = (  # looked for in turn: the first found names it
        (lambda: from_title, "title"),
        (lambda: _below_the_issuer(issuers, intro) if not from_title else None, "intro"),
        (lambda: issuers[0] if issuers else None, "issuer"),
        (lambda: _government_not_its_office(publisher(), intro) if not from_title else None, "intro"),
        (lambda: _body_of_the_office(publisher(), intro), "intro"),
        (publisher, "metadata"),
        (lambda: _body_of_the_office(_page_publisher(document), intro), "intro"),
        (lambda: _page_publisher(document), "metadata"),
        (intro, "intro"),
        (lambda: signatures[0] if signatures else None, "signature"),
    )
    for find, source in named:
        span = find()
        if isinstance(span, str):
            return Subject(span, body_level(span), source, None, None, tuple(mentions))
        if span is not None:
            if span not in mentions:
                mentions.append(span)
            return Subject(span.text, body_level(span.text), source, span.start, span.end, tuple(mentions))
    return _subject_from_self_references(document)


def _below_the_issuer(issuers: Sequence[TextSpan], intro: Callable[[], TextSpan | None]) -> TextSpan | None:
    """The body the intro names (``intro()``: :func:`subject_from_intro`) inside the place of the government on the line
    above it, when no title names one: the line is the banner of the government's site, the report a body's under it
    (“天津市武清区人民政府” over “现发布天津市武清区河西务镇2025年政府信息公开年度报告”)."""
    government = _GOVERNMENT_ORGAN.search(issuers[0].text) if issuers else None
    if government is None or government.start() < 2:
        return None
    return _intro_inside(issuers[0].text[: government.start()], intro)


def _government_not_its_office(publisher: TextSpan | None, intro: Callable[[], TextSpan | None]) -> TextSpan | None:
    """The government the intro names when the page's metadata names its office as the ``publisher`` (“发布机构：河东区
    政府办公室”, “……现公布河东区人民政府2024年政府信息公开工作年度报告”): the office posts the government's report."""
    office = _GOVERNMENT_OFFICE.search(publisher.text) if publisher is not None else None
    if publisher is None or office is None or office.start() < 2:
        return None
    named = _intro_inside(publisher.text[: office.start()], intro)
    return named if named is not None and _GOVERNMENT_ORGAN.search(named.text) else None


def _body_of_the_office(publisher: TextSpan | str | None, intro: Callable[[], TextSpan | None]) -> TextSpan | None:
    """The body the intro names when the page's metadata names an office as the ``publisher`` (“发布机构：县卫健局办公室”,
    “2022年浦江县卫生健康局全面贯彻……”): an office posts its body's report."""
    name = publisher.text if isinstance(publisher, TextSpan) else publisher
    if name is None or not name.endswith(_OFFICE_ENDS):
        return None
    return intro()


#: How the name of an office that posts its body's report ends (某局办公室, 某镇党政办).
_OFFICE_ENDS = ("办公室", "党政办", "综合办")


def _intro_inside(place: str, intro: Callable[[], TextSpan | None]) -> TextSpan | None:
    """The body the intro names when its name is that of a body of ``place`` (it opens with the place's name)."""
    named = intro()
    return named if named is not None and named.text.startswith(place) and len(named.text) > len(place) + 1 else None


#: A government's office ending a publisher's name (某区政府办公室, 某区人民政府办公室).
_GOVERNMENT_OFFICE = compiled("(?:人民)?政府办(?:公室)?$")
#: A government's organ ending a line above the title (某区人民政府).
_GOVERNMENT_ORGAN = compiled("(?:人民)?政府$")


def _is_body_name(text: str) -> bool:
    """Whether a line (or a part of one) names a body: 2–30 characters once whitespace is dropped, of a level
    :func:`body_level` knows, with no punctuation or digits, not starting with 我、本、各、全."""
    compact = "".join(text.split())
    return 2 <= len(compact) <= 30 and _is_compact_body_name(compact)


def _names_body_above_title(text: str) -> bool:
    """Whether a line above a title names the body it is of: a body's name, or its organs (“城口县人民政府机关”)."""
    compact = "".join(text.split())
    return _is_body_name(compact) or (compact.endswith("机关") and _is_body_name(compact[: -len("机关")]))


@lru_cache(maxsize=4096)
def _is_compact_body_name(compact: str) -> bool:
    """:func:`_is_body_name` of a name of 2–30 characters without whitespace (remembered: reports sign with the same
    few names, and the reader asks of every line near the title and the signature)."""
    return (
        body_level(compact) != "未知"
        and not re.search(r"[。，,；;：:、()（）《》“”\"\d|｜]", compact)  # (| : a site's links, 中国政府网 | 某市政府)
        and not compact.startswith(("我", "本", "各", "全"))
        and _UNNAMED_GOVERNMENT.fullmatch(compact) is None
        and compact not in _GENERIC_BODY_WORDS
    )


#: Words that end as a body's name does but name none (“相关科室、社区积极组织”, “街道工委、办事处高度重视”).
_GENERIC_BODY_WORDS = frozenset(
    {
        "社区",
        "小区",
        "景区",
        "片区",
        "辖区",
        "街区",
        "校区",
        "园区",
        "市区",
        "山区",
        "新区",
        "街道",
        "街道办",
        "办事处",
        "乡镇",
        "村镇",
        "县区",
        "市县",
        "单位",
        "部门",
        "科室",
    }
)


#: A government named by its level alone (县政府, 县委县政府): which one, the words do not say. Its office so named
#: (“2022年,区政府办公室认真贯彻……”) is a body all the same: a department whose place is unwritten.
_UNNAMED_GOVERNMENT = compiled("(?:[省市县区镇乡]委)?[省市县区镇乡](?:人民)?政府")


def _issuer_lines(document: Document, title: Title | None, first_heading: int | None) -> list[TextSpan]:
    end = title.start if title else (first_heading or 0)
    return [
        line
        for line in _lines(document, end)
        if not is_chrome_line(line.text) and _is_body_name(line.text) and line.text.endswith(("政府", "办事处", "局", "委员会"))
    ]


#: (the colon may be missing after a publisher's label, as a metadata table's copied cells run together: 发文机关宋村镇人民政府;
#: never after 来源, which opens prose too: 来源于……)
_PUBLISHER_LABEL = compiled(
    r"^\s*(?:(?:"
    + "|".join([r"\s*".join(PUBLISHER_LABELS[0]), *PUBLISHER_LABELS[1:]])  # (发 布 机 构, as some pages space it)
    + r")\s*[:：]?|(?:来\s*源|信息来源|来源单位)\s*[:：])\s*"
)


def _metadata_body(document: Document, first_heading: int | None) -> TextSpan | None:
    """The body a CMS metadata line names (``发布机构：清水县教育局``, ``来源：长兴岛街道``)."""
    limit = first_heading if first_heading is not None else min(len(document.text), 3000)
    for line in _lines(document, limit):
        bare = without_bullets(line.text)
        for field in re.split(r"\s{2,}", bare):
            label = _PUBLISHER_LABEL.match(field)
            if label is None:
                continue
            rest = field[label.end() :].lstrip().removeprefix("|")  # (a metadata table's row: “发布机构: | 某局 |”)
            value = rest.split("|", 1)[0].split()[0] if rest.split("|", 1)[0].split() else ""
            if _is_body_name(value):
                start = line.start + line.text.index(value)
                return TextSpan(value, start, start + len(value))
    return None


def _page_publisher(document: Document) -> str | None:
    """The body the page's metadata names as its publisher (a web page's 发布机构：, read by its loader), when it is a
    body's name."""
    name = "".join(document.metadata.get("publisher", "").split())
    return name if _is_body_name(name) else None


#: Where an intro names its body: 本报告由××编制, 现公布××2024年…报告 (or “……要求，发布××2024年…报告”, 现公布2024年××信息
#: 公开工作年度报告, 现将××2024年…报告予以公开), ××根据《条例》…, 由××编制的2023年度…报告, 2022年，××认真贯彻…,
#: 2025年，××在区委、区政府的正确领导下…
_BODY = r"(?P<body>[^\s,.;:!?()<>\"'《》、。，；：！？“”]{2,30}?)"
_INTRO_VERBS = r"(?:认真|坚持|按照|根据|深入|严格|紧紧|紧密|高度|进一步|围绕|全面|持续|不断|始终|积极|扎实|切实|着力|聚焦|立足|结合|以(?![来后前上下内外及]))"
#: What an intro says before the report it publishes: 现公布, 现予以公开, 现特向社会公布, 特发布, ……,发布.
_PUBLISHING = r"(?:现(?:将|予以|予|就|特?向社会|特)?|特(?:向社会)?|[,，]\s*)(?:公布|发布|印发|公开)"
#: Each pattern with the words it cannot match without: a clause without them is passed over
#: without trying every start of a body name (the search is the costly part of reading an intro).
_INTRO_SUBJECT = tuple(
    (compiled(words), compiled(pattern))
    for words, pattern in (
        (r"本(?:年度)?报告(?:由|是)", rf"本(?:年度)?报告(?:由|是){_BODY}\s*(?:根据|依据|按照|依照|结合|编制|组织编制|负责编制)"),
        (r"以下简称", rf"(?:结合|根据|按照|依据)?{_BODY}\s*[（(]\s*以下简称"),  # 结合某镇人民政府(以下简称“某镇”)工作实际
        (  # 现发布《银川市民族事务委员会(宗教事务局)2024年……》: a name's other name in brackets after it
            _PUBLISHING,
            rf"{_PUBLISHING}[《\"]?{_BODY}(?:[（(][^（）()]{{1,12}}[)）])?\s*(?:19|20)\d\d\s*年",
        ),
        (  # 现公布2023年陇县水利局信息公开工作年度报告: the year first, the body then the report's name (not 某镇人民 of
            # 某镇人民政府信息公开工作年度报告, whose 政府 is the body's and the topic's)
            _PUBLISHING,
            rf"{_PUBLISHING}[《\"]?(?:19|20)\d\d\s*年度?{_BODY}(?<!人民)(?:政府|政务)?信息公开",
        ),
        (r"现将", rf"现将[《\"]?{_BODY}\s*(?:19|20)\d\d\s*年度?[^，,。]{{0,30}}?报告"),  # 现将某县人民政府2024年……报告予以公开
        # 特编制某乡2024年政府信息公开工作年度报告, ……有关规定，编制《某区2020年度……报告》, 本机关编制《某办2023年……》
        (r"编制", rf"(?:(?:特|现|[,，]\s*)编制了?[《\"]?|编制了?[《\"]){_BODY}\s*(?:19|20)\d\d\s*年"),
        (r"政府信息公开条例》", rf"{_BODY}\s*(?:根据|依据|按照|依照)\s*《(?:中华人民共和国)?政府信息公开条例》"),
        # 某镇人民政府编制《2021年……》, 某镇人民政府特此编制2024年度……
        (r"编制|编写|发布", rf"{_BODY}\s*(?:特此|特)?(?:编制|编写|发布)(?:了|的)?\s*[《\"]?\s*(?:本|(?:19|20)\d\d\s*年)"),
        # ……要求,由某街道办事处编制,全文包括……; ……要求,由某区某街道办事处编制而成
        (r"由", rf"[,，]\s*由{_BODY}\s*(?:负责|组织)?编制(?:而成)?(?:[,，]|$)"),
        # 结合2022年某区民政局政府信息公开工作编制而成
        (r"结合", rf"结合\s*(?:19|20)\d\d\s*年度?{_BODY}(?<!人民)(?:政府|政务)?信息公开工作"),
        (_INTRO_VERBS, rf"{_BODY}\s*{_INTRO_VERBS}"),
        (  # 2025年,某街道在区委、区政府的正确领导下; 2022年,某乡政府信息公开工作在县委、县政府的正确领导下
            r"在.{1,20}?(?:领导|指导)下",
            rf"(?:^|[,，])\s*{_BODY}\s*(?:(?:政府|政务)?信息公开工作|政务公开工作)?在[^。，,]{{1,20}}?(?:领导|指导)下",
        ),
    )
)
#: How far into the text an intro's naming of its body is looked for.
_INTRO_WINDOW = 1500
#: A clause of an intro: up to a full stop, a semicolon or a line end.
_CLAUSE = compiled(r"[^。\n;；]+")


def subject_from_intro(document: Document, first_heading: int | None) -> TextSpan | None:
    """The body an intro names (``本报告由××镇人民政府编制``), in the intro or the first paragraph after the first heading."""
    text = document.normalized
    end = min(len(text), (first_heading or 0) + _INTRO_WINDOW)
    for clause in _CLAUSE.finditer(text, 0, end):
        written = clause.group()
        if is_metadata_line(written):
            continue
        for words, pattern in _INTRO_SUBJECT:
            match = pattern.search(written) if words.search(written) else None
            if match is None or _opens_another_document(written, match.start("body")):
                continue  # (nothing, or a name opening a document's title: 《闽侯县进一步做好……》)
            start = clause.start() + match.start("body")
            body = _clause_tail(match.group("body"))
            start += len(match.group("body")) - len(body)
            if body.startswith("由"):  # (由某局办公室编制本报告: the name after 由)
                body, start = body[1:], start + 1
            if written[max(0, start - clause.start() - 1) : start - clause.start()] == "由":
                body = _without_compiling_office(body)
            if _is_body_name(body):
                return TextSpan("".join(body.split()), start, start + len(body))
    return None


#: The office of a body that compiles its report (由某局办公室编制, 由某镇人民政府党政办公室编制): the report is the body's.
_COMPILING_OFFICE = compiled(r"(?:党政综合办公室|党政办公室|综合办公室|党政办|办公室)$")


def _without_compiling_office(name: str) -> str:
    """The department or township whose report its office compiled: ``某局办公室`` → ``某局``, ``某镇人民政府党政办公室``
    → ``某镇人民政府``. The office of a county's or a city's government is left as it is: it publishes reports of its own
    (某县人民政府办公室), as the office of a department or a township does not."""
    office = _COMPILING_OFFICE.search(name)
    rest = name[: office.start()] if office is not None else ""
    return rest if rest and _is_body_name(rest) and body_level(rest) in _OFFICE_WITHOUT_REPORTS else name


#: The levels of bodies whose offices publish no reports of their own (see :func:`_without_compiling_office`).
_OFFICE_WITHOUT_REPORTS = frozenset({"部门", "镇", "乡", "街道"})


def _opens_another_document(clause: str, position: int) -> bool:
    """Whether ``position`` of a clause is inside a document's title (after a 《 not yet closed) that is not the report's
    own (“现发布《银川市审计局2023年政府信息公开工作年度报告》” names the body; “制定发布《闽侯县进一步做好……》” does not)."""
    if clause.count("《", 0, position) <= clause.count("》", 0, position):
        return False
    close = clause.find("》", position)
    if close < 0:  # a title left open (“现发布《某镇2025年政府信息公开年度报告，……”): the report's own when it is one
        return _OWN_TITLE.match(clause, position) is None
    return _OWN_TITLE.fullmatch(clause[position:close].rstrip()) is None


#: The report's own title from its body's name on: the name, the year, then the title's words up to 年度报告 (or
#: 工作报告 after 信息公开: 《某区2020年度政府信息公开工作报告》).
_OWN_TITLE = compiled(r"[^《》\s]{2,30}?(?:19|20)\d\d\s*年度?[^《》，,。；;]{0,30}?(?:年度报告|信息公开工作报告)")


#: A sub-heading of part 一 run into its text (“1.主动公开东疏镇始终坚持……”): no part of the body's name after it.
_ASPECT_HEADING = r"(?:主动公开|依申请公开|政府信息管理|政府信息公开平台建设|平台建设|监督保障)(?:情况|方面|工作)?"


def _clause_tail(text: str) -> str:
    """The body name at the end of a clause opener (``2022年度,栖霞区交通运输局`` → ``栖霞区交通运输局``)."""
    tail = re.split(r"[,，、]|(?:19|20)\d\d\s*年度?|在.{0,12}?下|的|以及|" + _ASPECT_HEADING, text)[-1]
    return tail.strip()


#: Self-references that tell a body's level (我镇 → 镇, 我局 → 部门).
_SELF_LEVELS = {"镇": "镇", "乡": "乡", "街道": "街道", "局": "部门", "委": "部门", "办": "部门"}


def _subject_from_self_references(document: Document) -> Subject | None:
    """A nameless subject whose level is how the report calls itself, when it does so one way only."""
    references = [reference for reference in find_self_references(document.normalized) if reference.noun in _SELF_LEVELS]
    levels = {_SELF_LEVELS[reference.noun] for reference in references}
    if len(levels) != 1:
        return None
    first = references[0]
    span = TextSpan(document.text[first.start : first.end], first.start, first.end)
    return Subject("", levels.pop(), "self-reference", first.start, first.end, (span,))


#: How far from the end the signature (body name and date) is looked for.
_SIGNATURE_WINDOW = 600


def _signature_lines(document: Document) -> list[TextSpan]:
    """The body names among the last four lines of the report that are no page chrome."""
    last: list[TextSpan] = []
    for line in _iter_lines(document, len(document.text), start=max(0, len(document.text) - _SIGNATURE_WINDOW), backwards=True):
        if not is_chrome_line(line.text):
            last.append(line)
            if len(last) == 4:
                break
    return [line for line in reversed(last) if _is_body_name(line.text)]


def find_period(document: Document, first_heading: int | None = None) -> Period | None:
    """The statistical period: a sentence naming 统计期限/统计时限 … with two dates; else a whole year's range in a sentence
    of the intro (before ``first_heading``) about the report (see :func:`_intro_year_range`)."""
    text = document.normalized
    for label in _PERIOD_LABELS.finditer(text):
        sentence_end = _sentence_end(text, label.start())
        sentence_start = max(text.rfind("。", 0, label.start()) + 1, text.rfind("\n", 0, label.start()) + 1)
        word = "".join(label.group().split())
        if word in _REPORT_PERIOD_WORDS and _ABOUT_THE_REPORT.search(text, sentence_start, label.start()) is None:
            continue
        # the range after the label first (a date before it in the sentence may be the page's: “信息提供日期：2025-01-15
        # 来源：……统计起止时间为2024年1月1日至2024年12月31日” where a PDF joined the lines), else anywhere in the sentence
        found = find_date_range(document.normalized, label.start(), sentence_end) or find_date_range(
            document.normalized, sentence_start, sentence_end
        )
        if found is not None:
            return Period(found.first.date, found.last.date, found.start, found.end, document.text[found.start : found.end])
        sentence, written = text[sentence_start:sentence_end], document.text[sentence_start:sentence_end]
        repaired = repaired_date_range(sentence)
        if repaired is not None:  # 自20231月1日至202312月31日: read as what RL501 says was meant
            return Period(repaired.first.date, repaired.last.date, sentence_start, sentence_end, written)
        weak = word in _DATES_ONLY_PERIOD_WORDS
        if re.search(r"\d{4}\s*年?\s*\d{1,2}\s*月" if weak else r"\d{4}", sentence):
            return Period(None, None, sentence_start, sentence_end, written)
    return _intro_year_range(document, first_heading)


#: What makes an intro's sentence one about the report, or about the period reported on (the year's range in it is the
#: report's period).
_ABOUT_THE_REPORTED_WORK = compiled(_REPORT_WORDS + "|期间")


def _intro_year_range(document: Document, first_heading: int | None) -> Period | None:
    """A range from 1 January in a sentence of the intro about the report, with no label (“现将某镇2024年1月1日至12月31日
    期间的政府信息公开总体情况……报告如下”, “报告包括2024年1月1日至2024年12月31日政府信息公开工作总体情况……”): the
    statistics period, though not named so (RL502 checks that it is the whole year). A range starting on another day is
    none."""
    text = document.normalized
    end = first_heading if first_heading is not None else min(len(text), _INTRO_WINDOW)
    for sentence in _CLAUSE.finditer(text, 0, end):
        if _ABOUT_THE_REPORTED_WORK.search(sentence.group()) is None:
            continue
        found = find_date_range(text, sentence.start(), sentence.end())
        if found is not None:
            if _from_new_year(found):
                return Period(found.first.date, found.last.date, found.start, found.end, document.text[found.start : found.end])
            continue
        repaired = repaired_date_range(sentence.group())  # (20241月1日至12月31日: as RL501 says was meant)
        if repaired is not None and _from_new_year(repaired):
            return Period(
                repaired.first.date, repaired.last.date, sentence.start(), sentence.end(), document.text[sentence.start() : sentence.end()]
            )
    return None


def _from_new_year(found: DateRange) -> bool:
    """Whether a range runs from 1 January to a later day of that year or the next (a year's period, perhaps mistyped:
    RL502 says so), not over part of a year from another day."""
    first, last = found.first.date, found.last.date
    return first is not None and last is not None and (first.month, first.day) == (1, 1) and first < last and last.year - first.year <= 1


def _sentence_end(text: str, position: int) -> int:
    candidates = [index for index in (text.find("。", position), text.find("\n", position)) if index >= 0]
    return min(candidates) if candidates else len(text)


def find_page_date(document: Document, metadata: Mapping[str, str]) -> Publication | None:
    """The date the page says it published the report: its metadata, or a 发布日期 line near the top (of several labelled
    dates, the one whose label comes first in :data:`~reportlint.text.chrome.PUBLICATION_LABELS`: 发布日期 before 成文日期)."""
    published = metadata.get("published")
    if published:
        try:
            return Publication(dt.date.fromisoformat(published), "metadata")
        except ValueError:
            pass
    head = document.normalized[:2000]
    for labels in (_PUBLISHED_LABELS, _BARE_PUBLISHED_LABELS):
        found: list[tuple[int, Publication]] = []
        for label in labels.finditer(head):
            dates = find_dates(document.normalized, label.end(), min(len(document.text), label.end() + 24))
            if (
                dates
                and dates[0].date is not None
                and dates[0].start == label.end()
                and not _RANGE_AFTER.match(document.normalized, dates[0].end)
            ):
                rank = _LABEL_RANK.get(label.group(1), len(_LABEL_RANK)) if labels is _PUBLISHED_LABELS else 0
                found.append((rank, Publication(dates[0].date, "page", dates[0].start, dates[0].end)))
        if found:
            # the label that says publication first (发布日期 before 成文日期), as the web page loader takes its metadata
            return min(found, key=lambda pair: pair[0])[1]
    return None


def find_signature_date(document: Document) -> Publication | None:
    """The date under the report's signature: the last date alone on its line near the end."""
    tail_start = max(0, len(document.text) - 400)
    signature_dates = [
        mention for mention in find_dates(document.text, tail_start) if mention.date is not None and _alone_on_line(document.text, mention)
    ]
    if signature_dates:
        last = signature_dates[-1]
        assert last.date is not None  # kept above only when the day exists
        return Publication(last.date, "signature", last.start, last.end)
    return None


def _outvotes_title(
    title_year: int, period: Period, published: Publication | None, signature: Publication | None, document: Document, title: Title
) -> str | None:
    """Which witnesses outvote the title's year (one of :data:`OUTVOTED_TITLE`), or None.

    A statistics period of one whole year other than the title's is the first; the second is the date the web page
    gives for its publication, in the year after the period's, or, when the title's year is before the period's, the
    date under the signature in the year after the period's, or the text, whose clauses of work done the period's
    year opens (“2022年，××街道……”) and the title's never."""
    start, end = period.start_date, period.end_date
    if start is None or end is None or end.year == title_year:
        return None
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or start.year != end.year:
        return None
    if published is not None and published.source in ("metadata", "page") and published.date.year == end.year + 1:
        return PERIOD_AND_PAGE_DATE
    if title_year < end.year:
        if signature is not None and signature.date.year == end.year + 1:
            return PERIOD_AND_SIGNATURE
        clauses = year_led_clauses(document, title)
        if end.year in clauses and title_year not in clauses:
            return PERIOD_AND_TEXT
    return None


def _page_and_text_outvote(title_year: int, published: Publication | None, document: Document, title: Title) -> re.Match[str] | None:
    """The first clause of work done that the year before the page's publication opens, when that year is after the
    title's and no such clause opens with the title's year (see :func:`find_year`); else None."""
    if published is None or published.source not in ("metadata", "page") or published.date.year - 1 <= title_year:
        return None
    clauses = year_led_clauses(document, title)
    return clauses.get(published.date.year - 1) if title_year not in clauses else None


#: A clause the year opens, at the start of a line or after a sentence's end (“2022年，”“2022年度受理……”“2022年经纬
#: 街道……”), or after a short label that opens one (“（一）主动公开：2022年，……”), and the rest of its sentence; not a
#: date (2022年1月), a span (2022年以来, 2022年至今, 2022年底) or a phrase (2022年的, 2022年上半年).
YEAR_LED_CLAUSE = compiled(
    r"(?m)(?:^|(?<=[。；;!?！？]))[ \t\u3000]*"
    r"(?:(?:[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．])?[^。\n:：，,]{1,10}[:：][ \t\u3000]*)?"
    r"((?:19|20)\d\d)\s*年(?:度)?"
    r"(?:\s*[,，]|(?![\s\d月以至到起前后底初末中上下的是-]))([^。\n]*)"
)


def year_led_clauses(document: Document, title: Title | None = None) -> dict[int, re.Match[str]]:
    """The first clause of the document that each year opens and that reports work done (see :func:`_work_clauses`),
    by the year."""
    clauses: dict[int, re.Match[str]] = {}
    for match in _work_clauses(document, title):
        clauses.setdefault(int(match.group(1)), match)
    return clauses


def _work_clauses(document: Document, title: Title | None, end: int | None = None) -> Iterator[re.Match[str]]:
    """The clauses a year opens that report work done (not a plan: 将继续, 计划 …), outside the title (“2021年度黄石市
    公安局……”), in the document's first ``end`` characters (all without)."""
    text = document.normalized
    for match in YEAR_LED_CLAUSE.finditer(text, 0, len(text) if end is None else end):
        if PLAN_WORDS.search(match.group(2)) is None and not (title is not None and title.start <= match.start(1) < title.end):
            yield match


def _alone_on_line(text: str, mention: DateMention) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : mention.start].strip() and not text[mention.end : line_end].strip(" \t\r。")


#: The year's source when the statistics period and the page's publication date outvote the title's year.
PERIOD_AND_PAGE_DATE = "period+page-date"
#: The year's source when the statistics period and the date under the signature outvote an earlier title year.
PERIOD_AND_SIGNATURE = "period+signature"
#: The year's source when the statistics period and the clauses the text opens with a year outvote an earlier title year.
PERIOD_AND_TEXT = "period+text"
#: The year's source when, with no statistics period to read, the page's publication date and the clauses the text opens
#: with a year outvote an earlier title year.
PAGE_DATE_AND_TEXT = "page-date+text"
#: The sources of a year that outvoted the title's.
OUTVOTED_TITLE = (PERIOD_AND_PAGE_DATE, PERIOD_AND_SIGNATURE, PERIOD_AND_TEXT, PAGE_DATE_AND_TEXT)
#: The year's source when neither a title nor a statistics period gives one: the year the text's clauses of work done
#: open with most often, twice at least (“2023年，我局主动公开文件63件”), not a year the text only mentions (“2022年度政务
#: 公开第三方评估”).
WORK_CLAUSES = "clauses"


def find_year(
    title: Title | None,
    period: Period | None,
    document: Document,
    page_date: Publication | None = None,
    signature: Publication | None = None,
) -> tuple[int | None, str, TextSpan | None]:
    """The report year with its source: the title, else the period, else the year the clauses of work done open with
    most often (:data:`WORK_CLAUSES`), else the most frequent year (not one that work is carried into: “转2023年度办理”).

    The title loses only when two other witnesses agree against it (a title left from another year's report, or
    mistyped). The first is a statistics period of one whole year. The second is the date the web page says it
    published the report, in the year after the period's; or, for a title year before the period's only, the date
    under the signature in the year after the period's, or the clauses of work done that the text opens with a year
    (“2022年，××街道……”: some the period's, none the title's). A later title is never outvoted by those: a report
    copied from last year keeps last year's signature, period and sentences, and there the title is the part that was
    updated. A report without a period to read has its title outvoted only by the page's date together with the text:
    the page published it in the year after the one its clauses of work done open with, and none opens with the
    title's year (a title left at last year's, not a report a year late).
    """
    if title is not None:
        match = YEAR_IN_TITLE.search(fold_width(title.text))
        if match:
            year = int(match.group(1))
            outvoted = _outvotes_title(year, period, page_date, signature, document, title) if period is not None else None
            if outvoted is not None:
                assert period is not None and period.end_date is not None
                return period.end_date.year, outvoted, TextSpan(period.text, period.start, period.end)
            if period is None or period.end_date is None:
                clause = _page_and_text_outvote(year, page_date, document, title)
                if clause is not None:
                    return int(clause.group(1)), PAGE_DATE_AND_TEXT, TextSpan(clause.group(1), clause.start(1), clause.end(1))
            start = _offset_in(title, match.start(1))
            return year, "title", TextSpan(match.group(1), start, start + 4)
    if period is not None and period.end_date is not None:
        return _period_year(period, document), "period", TextSpan(period.text, period.start, period.end)
    clause_years = Counter(int(match.group(1)) for match in _work_clauses(document, title, _YEAR_WINDOW))
    if clause_years:
        (year, count), *rest = clause_years.most_common(2)
        if count >= 2 and (not rest or rest[0][1] < count):
            # (one clause alone, or two years as often: the most frequent mention decides, as a lone clause may be the
            # one sentence left from another year's report)
            return year, WORK_CLAUSES, None
    opening = document.normalized[:_YEAR_WINDOW]
    years = [
        int(match.group(1))
        for match in YEAR_MENTION.finditer(opening)
        if _CARRIED_INTO.search(opening, max(0, match.start() - 16), match.start()) is None
    ]
    if years:
        year, _ = Counter(years).most_common(1)[0]
        return year, "text", None
    return None, "", None


#: How far into the text a report without a title or a period is read for its year.
_YEAR_WINDOW = 4000
#: What a year that work is carried into follows (“余8件转2023年度办理”): the year after the report's.
_CARRIED_INTO = compiled(r"(?:转|转入|转至|转到|结转至|结转到|顺延至)[ \u3000]*\Z")


def _period_year(period: Period, document: Document) -> int:
    """The year a statistics period gives a report without a title year: its end's, or, for a period over two or more
    years (one of its years mistyped: 2022年1月1日至2023年12月31日), the one of its two years that the text's clauses of
    work done open with (“2022年，我镇……”) when only one of them does."""
    assert period.end_date is not None
    end = period.end_date.year
    if period.start_date is None or period.start_date.year >= end:
        return end
    start = period.start_date.year
    clauses = year_led_clauses(document)
    led = [year for year in (start, end) if year in clauses]
    return led[0] if len(led) == 1 else end
