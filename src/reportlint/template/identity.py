"""Report identity: title, reporting body (subject), report year, statistical period, publication date.

The subject is taken from the title (``秦安县兴国镇2020年度…`` → 兴国镇 with its
county), the issuer line above the title and the signature at the end; its
level (乡/镇/街道/县/区/市/州/省/部门) follows from the name's suffix.
Resolving it to the national gazetteer is the places module's job
(:mod:`reportlint.places.analysis`), which receives every name variant found here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from reportlint.core.model import Document
from reportlint.text.chrome import PUBLICATION_LABELS
from reportlint.text.dates import YEAR_MENTION, DateMention, find_date_range, find_dates
from reportlint.text.normalize import fold_width
from reportlint.text.segmentation import iter_lines

_YEAR_FIRST = re.compile(r"\s*(?:19|20)\d\d\s*年")
_YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年?\s*度?")
_CHROME_PREFIX = re.compile(r"^\s*(?:[^\s:：]{1,5})\s*[:：]")
_TITLE_WORDS = ("报告",)
_TITLE_TOPIC = ("信息公开", "政务公开", "政府信息")
_PUBLISHED_LABELS = re.compile("(" + "|".join(PUBLICATION_LABELS) + r")\s*[:：]?\s*")
_PERIOD_LABELS = re.compile(r"统计(?:期限|时限|时间|期间|区间|周期|范围|时段)|数据(?:的)?统计")

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
)
_DEPARTMENT = re.compile(r"(局|委员会|委|办公室|办|中心|厅|署|院|所|队|站|馆|处|部|会|公司|集团)$")
_GOVERNMENT_NAME = re.compile(r"(人民政府|街道办事处|政府)$")


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

    ``name`` is the body's name from the title (or config); ``level`` is one of
    乡、镇、街道、县、区、市、州、省、部门 or ``未知``; ``mentions`` are every
    place the body is named (title, issuer line, signature) for the gazetteer.
    """

    name: str
    level: str
    source: str
    start: int | None
    end: int | None
    mentions: tuple[TextSpan, ...] = ()

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


def body_level(name: str) -> str:
    """The level a body name implies (``兴国镇人民政府`` → 镇, ``某县教育局`` → 部门)."""
    compact = "".join(name.split())
    if _DEPARTMENT.search(compact) and not _GOVERNMENT_NAME.search(compact):
        return "部门"
    for suffix, level in LEVEL_SUFFIXES:
        if compact.endswith(suffix):
            return level
    return "未知"


_MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")


def _lines(document: Document, limit_end: int, start: int = 0) -> list[TextSpan]:
    """Non-blank lines that start in ``[start, limit_end)``, as normalised text (traditional reports match too)."""
    text = document.normalized
    begin = text.rfind("\n", 0, start) + 1
    if limit_end <= begin:
        return []
    stop = text.find("\n", limit_end - 1)
    stop = len(text) if stop < 0 else stop
    spans = []
    for line in iter_lines(text[begin:stop]):
        content = text[begin + line.start : begin + line.end]
        if document.format == "markdown":  # “# 某县2022年…报告”: the heading's text, not its marker
            marker = _MARKDOWN_HEADING.match(content)
            content = " " * (marker.end() if marker else 0) + content[marker.end() if marker else 0 :]
        if content.strip():
            left = begin + line.start + len(content) - len(content.lstrip())
            spans.append(TextSpan(content.strip(), left, left + len(content.strip())))
    return spans


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


def find_title(document: Document, first_heading: int | None) -> Title | None:
    """The last title-like line (or pair of lines) before the first section heading."""
    limit = first_heading if first_heading is not None else min(len(document.text), 3000)
    lines = _lines(document, limit)
    title: Title | None = None
    for index, line in enumerate(lines):
        if _title_like(line.text):
            previous = lines[index - 1] if index else None
            if previous is not None and _YEAR_FIRST.match(line.text) and _is_body_name(previous.text):
                # “桃江县松木塘镇人民政府” above “2022年政府信息公开工作年度报告”: one title on two lines
                title = Title(previous.text + line.text, previous.start, line.end, (previous, line))
            else:
                title = Title(line.text, line.start, line.end, (line,))
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        joined = line.text + following.text if following else ""
        if (
            following is not None
            and len(following.text) <= 12
            and not _CHROME_PREFIX.match(line.text)
            and any(topic in joined for topic in _TITLE_TOPIC)
            and _title_like(joined)
            and not _title_like(following.text)
        ):
            title = Title(joined, line.start, following.end, (line, following))
    return title


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
    """The body name in the title: before the year, or after it (``2020年峨口镇人民政府…``)."""
    text = title.text
    match = _YEAR_IN_TITLE.search(fold_width(text))
    if match is None:
        body = _strip_topic(text)
        offset = text.find(body) if body else -1
    elif text[: match.start()].strip():
        body = text[: match.start()].strip()
        offset = text.find(body)
    else:
        rest = text[match.end() :]
        body = _strip_topic(rest).strip()
        offset = text.find(body, match.end()) if body else -1
    if not body or offset < 0:
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
    """The reporting body: config pin first, else the title; issuer and signature lines are kept as mentions."""
    mentions = list(_issuer_lines(document, title, first_heading)) + list(_signature_lines(document))
    from_title = subject_from_title(title) if title else None
    if from_title is not None:
        mentions.insert(0, from_title)
    if pinned:
        return Subject(pinned, body_level(pinned), "config", None, None, tuple(mentions))
    if from_title is not None:
        return Subject(from_title.text, body_level(from_title.text), "title", from_title.start, from_title.end, tuple(mentions))
    if mentions:
        first = mentions[0]
        return Subject(first.text, body_level(first.text), "issuer", first.start, first.end, tuple(mentions))
    return None


def _is_body_name(text: str) -> bool:
    compact = "".join(text.split())
    return 2 <= len(compact) <= 30 and body_level(compact) != "未知" and not re.search(r"[。，,；\d]", compact)


def _issuer_lines(document: Document, title: Title | None, first_heading: int | None) -> list[TextSpan]:
    end = title.start if title else (first_heading or 0)
    return [line for line in _lines(document, end) if _is_body_name(line.text) and line.text.endswith(("政府", "办事处", "局", "委员会"))]


#: How far from the end the signature (body name and date) is looked for.
_SIGNATURE_WINDOW = 600


def _signature_lines(document: Document) -> list[TextSpan]:
    lines = _lines(document, len(document.text), start=max(0, len(document.text) - _SIGNATURE_WINDOW))[-4:]
    return [line for line in lines if _is_body_name(line.text)]


def find_period(document: Document) -> Period | None:
    """The statistical period: a sentence naming 统计期限/统计时限 … with two dates."""
    text = document.normalized
    for label in _PERIOD_LABELS.finditer(text):
        sentence_end = _sentence_end(text, label.start())
        sentence_start = max(text.rfind("。", 0, label.start()) + 1, text.rfind("\n", 0, label.start()) + 1)
        found = find_date_range(document.normalized, sentence_start, sentence_end)
        if found is not None:
            return Period(found.first.date, found.last.date, found.start, found.end, document.text[found.start : found.end])
        if re.search(r"\d{4}", text[sentence_start:sentence_end]):
            return Period(None, None, sentence_start, sentence_end, document.text[sentence_start:sentence_end])
    return None


def _sentence_end(text: str, position: int) -> int:
    candidates = [index for index in (text.find("。", position), text.find("\n", position)) if index >= 0]
    return min(candidates) if candidates else len(text)


def find_publication(document: Document, metadata: Mapping[str, str]) -> Publication | None:
    """Publication date: page metadata, a 发布日期 line, or the date under the signature."""
    published = metadata.get("published")
    if published:
        try:
            return Publication(dt.date.fromisoformat(published), "metadata")
        except ValueError:
            pass
    for label in _PUBLISHED_LABELS.finditer(document.normalized[:2000]):
        dates = find_dates(document.normalized, label.end(), min(len(document.text), label.end() + 24))
        if dates and dates[0].date is not None and dates[0].start == label.end():
            return Publication(dates[0].date, "page", dates[0].start, dates[0].end)
    tail_start = max(0, len(document.text) - 400)
    signature_dates = [
        mention for mention in find_dates(document.text, tail_start) if mention.date is not None and _alone_on_line(document.text, mention)
    ]
    if signature_dates:
        last = signature_dates[-1]
        return Publication(last.date, "signature", last.start, last.end)
    return None


def _alone_on_line(text: str, mention: DateMention) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : mention.start].strip() and not text[mention.end : line_end].strip(" \t\r。")


def find_year(title: Title | None, period: Period | None, document: Document) -> tuple[int | None, str, TextSpan | None]:
    """The report year with its source: the title, else the period, else the most frequent year."""
    if title is not None:
        match = _YEAR_IN_TITLE.search(fold_width(title.text))
        if match:
            start = _offset_in(title, match.start(1))
            return int(match.group(1)), "title", TextSpan(match.group(1), start, start + 4)
    if period is not None and period.end_date is not None:
        return period.end_date.year, "period", TextSpan(period.text, period.start, period.end)
    years = [int(match.group(1)) for match in YEAR_MENTION.finditer(document.normalized[:4000])]
    if years:
        year, _ = Counter(years).most_common(1)[0]
        return year, "text", None
    return None, "", None
