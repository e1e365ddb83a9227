"""Dates and date ranges in report text: ``2020年1月1日``, ``2021-01-29``, ``二〇二一年一月二十七日``, ``2020年1月1日至12月31日``.

:func:`find_dates` returns every well-formed date mention with its range;
rules about garbled dates look for what this module does *not* accept.
:func:`find_date_range` reads a range whose second date may leave out its year,
as a statistical period commonly does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportlint.text.normalize import fold_width
from reportlint.text.ordinals import ORDINAL_CHARS, chinese_number
from reportlint.usercache.patterns import compiled

_CHINESE_YEAR_DIGITS = {
    "〇": "0",
    "零": "0",
    "○": "0",
    "Ｏ": "0",
    "O": "0",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}
_SMALL = f"[{ORDINAL_CHARS}]{{1,3}}"

# Each opens with its first digit and looks behind it only then (``\d(?<!\d\d)`` is ``(?<!\d)\d``): the engine passes
# over the positions without a digit before entering the pattern.
_ARABIC = compiled(r"(\d(?<!\d\d)\d{3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_ISO = compiled(r"(\d(?<![\d.\-/]\d)\d{3})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_CHINESE = compiled(f"([〇零○一二三四五六七八九]{{4}})年({_SMALL})月({_SMALL})日")
# Where each kind of date can stand. A date is found where its mark is (its 年 followed by month and day, or the
# first separator of an ISO date after four digits), and the full pattern is tried only there: the marks start
# with a literal the engine finds fast, where the patterns above start with a digit and are tried at every digit.
# A date's start is fixed by its mark (four digits, and for 年 the spaces, before it) and no two dates of a kind
# overlap, so this finds exactly what scanning with the full pattern finds.
_ARABIC_MARK = compiled(r"年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_ISO_MARKS = tuple(compiled(f"{mark}(?<=\\d\\d\\d\\d{mark})") for mark in ("-", "/", r"\."))
_CHINESE_MARK = compiled("年(?<=[〇零○一二三四五六七八九]{4}年)")

#: A year written with 年/年度 (``2020年``, ``2020 年度``), for year references in prose.
#: (It opens with the year's first digits and looks behind them only then, as the date patterns above do.)
YEAR_MENTION = compiled(r"((?:19(?<!\d19)[89]|20(?<!\d20)\d)\d)\s*(?=年)")


@dataclass(frozen=True)
class DateMention:
    """A date found in text, with its range and the calendar date it names (None if impossible)."""

    start: int
    end: int
    raw: str
    date: dt.date | None
    year: int
    month: int
    day: int

    @classmethod
    def of(cls, start: int, end: int, raw: str, year: int, month: int, day: int) -> DateMention:
        """A mention of year/month/day; ``date`` is None when no such day exists."""
        try:
            date = dt.date(year, month, day)
        except ValueError:
            date = None
        return cls(start, end, raw, date, year, month, day)


#: Characters before ``start`` a pattern's look-behind may need to see (the patterns look back one).
_CONTEXT = 8


def _folded_window(text: str, start: int, end: int, folded: bool = False) -> tuple[str, int]:
    """``text`` folded (:func:`fold_width`) from a little before ``start`` to ``end``, and where that window starts.

    Matching in the window with positions shifted by its start finds what matching
    in the whole folded text would, at the cost of folding only the part searched.
    A ``folded`` text is taken as it is (folding it again would change nothing).
    """
    offset = max(0, start - _CONTEXT)
    window = text[offset:end]
    return (window if folded else fold_width(window)), offset


def find_dates(text: str, start: int = 0, end: int | None = None, *, folded: bool = False) -> list[DateMention]:
    """Every date in ``text[start:end]`` (offsets are into ``text``), in order.

    ``folded`` says ``text`` has no character :func:`~reportlint.text.normalize.fold_width` would fold (a report's
    :attr:`~reportlint.core.report.Report.normalized` view unless it was converted from traditional script): the
    search then skips folding it, a scan of every character.
    """
    end = len(text) if end is None else end
    folded_text, offset = _folded_window(text, start, end, folded)
    found: list[DateMention] = []
    # every Arabic or Chinese date has its 年, every ISO date its separator: a window without them has none of the kind
    has_year = "年" in folded_text
    for match in _at_marks(_ARABIC, folded_text, start - offset, _year_starts(folded_text, start - offset) if has_year else []):
        year, month, day = (int(group) for group in match.groups())
        first, last = match.start() + offset, match.end() + offset
        found.append(DateMention.of(first, last, text[first:last], year, month, day))
    iso_starts = _iso_starts(folded_text, start - offset) if "-" in folded_text or "/" in folded_text or "." in folded_text else []
    for match in _at_marks(_ISO, folded_text, start - offset, iso_starts):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if 1980 <= year <= 2100 and 1 <= month <= 12:
            first, last = match.start() + offset, match.end() + offset
            found.append(DateMention.of(first, last, text[first:last], year, month, day))
    chinese_starts = [mark.start() - 4 for mark in _CHINESE_MARK.finditer(folded_text, start - offset)] if has_year else []
    for match in _at_marks(_CHINESE, folded_text, start - offset, chinese_starts):
        year = int("".join(_CHINESE_YEAR_DIGITS[char] for char in match.group(1)))
        first, last = match.start() + offset, match.end() + offset
        found.append(
            DateMention.of(first, last, text[first:last], year, chinese_number(match.group(2)) or 0, chinese_number(match.group(3)) or 0)
        )
    return sorted(found, key=lambda mention: mention.start)


def _year_starts(folded: str, position: int) -> list[int]:
    """Where an Arabic date would start for each 年 followed by a month and day: four characters before its spaces."""
    starts = []
    for mark in _ARABIC_MARK.finditer(folded, position):
        first = mark.start()
        while first > position and folded[first - 1].isspace():
            first -= 1
        starts.append(first - 4)
    return starts


def _iso_starts(folded: str, position: int) -> list[int]:
    """Where an ISO date would start for each separator after four digits, in order."""
    return sorted(mark.start() - 4 for pattern in _ISO_MARKS for mark in pattern.finditer(folded, position))


def _at_marks(pattern: re.Pattern[str], folded: str, position: int, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(folded, position)`` finds, trying it only at ``starts`` (in order)."""
    for first in starts:
        if first >= position:
            match = pattern.match(folded, first)
            if match is not None:
                yield match


_MONTH_DAY = compiled(r"(?=\d)(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
#: What follows the first date of a range (2024年1月1日至12月31日, 2024-01-01—): a date before it is no day on its own
#: (a page's publication date, say). A pattern to follow a date with.
RANGE_AFTER_DATE = r"\s*(?:至|到|起|[-—~～])"
_RANGE_LINK = compiled(r"\s*(?:起\s*)?(?:至|到|[-—~－])\s*$")


@dataclass(frozen=True)
class DateRange:
    """Two dates read as a range; ``last.year`` may have been taken from ``first``."""

    first: DateMention
    last: DateMention

    @property
    def start(self) -> int:
        """Offset where the range's text starts."""
        return self.first.start

    @property
    def end(self) -> int:
        """Offset where the range's text ends."""
        return self.last.end


#: A year glued to what follows it, its 年 (and 月) lost: ``20231月`` (a month), ``20201230日``, ``202011日`` (a month and
#: a day). Not part of a longer number (a digit, a decimal point or a slash before it, or a hyphen after a digit:
#: 2021-2022), but a date after a range's hyphen (2022年1月1日-202212月31日) is one. (Each opens with the year's first
#: two digits and looks behind them only then.)
GLUED_MONTH = compiled(r"((?:19|20)(?<![\d./]\d\d)(?<!\d-\d\d)\d{2})(\d{1,2})\s*月")
GLUED_DAY = compiled(r"((?:19|20)(?<![\d./]\d\d)(?<!\d-\d\d)\d{2})(\d{1,4})\s*日")
#: A range's second date written as four digits and 日 after 至/到 (``至1231日``).
_GLUED_RANGE_END = compiled(r"(?<=[至到])(\s*)(\d{2})(\d{2})(?=\s*日)")


def guess_month_day(year: str, digits: str) -> str | None:
    """``2020`` + ``1230`` → ``2020年12月30日``; ``2020`` + ``11`` → ``2020年1月1日``; None when ambiguous."""
    if len(digits) == 4:
        month, day = int(digits[:2]), int(digits[2:])
    elif len(digits) == 2:
        month, day = int(digits[0]), int(digits[1])
    else:
        return None
    try:
        dt.date(int(year), month, day)
    except ValueError:
        return None
    return f"{year}年{month}月{day}日"


def repaired_date_range(text: str) -> DateRange | None:
    """The first range of ``text`` read with its glued dates written out (``自20231月1日至202312月31日`` as 2023年1月1日
    to 2023年12月31日, ``202011日至20201230日``, ``202511日至1231日``): the dates garbled-date findings say were meant.
    Its offsets are into the repaired text; None without a glued date or a range."""
    repaired = GLUED_DAY.sub(lambda match: guess_month_day(match.group(1), match.group(2)) or match.group(), text)
    repaired = GLUED_MONTH.sub(lambda match: f"{match.group(1)}年{match.group(2)}月", repaired)
    if repaired == text:
        return None
    repaired = _GLUED_RANGE_END.sub(lambda match: f"{match.group(1)}{int(match.group(2))}月{int(match.group(3))}", repaired)
    return find_date_range(repaired)


def find_date_range(text: str, start: int = 0, end: int | None = None) -> DateRange | None:
    """The first range in ``text[start:end]``: two dates, or a date and a year-less ``12月31日`` after 至/到."""
    end = len(text) if end is None else end
    dates = find_dates(text, start, end)
    if not dates:
        return None
    first = dates[0]
    folded, offset = _folded_window(text, first.end, end)
    month_day = _MONTH_DAY.search(folded, first.end - offset)
    if (
        month_day is not None
        and (len(dates) < 2 or month_day.start() + offset < dates[1].start)
        and _RANGE_LINK.search(folded, first.end - offset, month_day.start())
    ):
        month, day = int(month_day.group(1)), int(month_day.group(2))
        day_start, day_end = month_day.start() + offset, month_day.end() + offset
        return DateRange(first, DateMention.of(day_start, day_end, text[day_start:day_end], first.year, month, day))
    if len(dates) >= 2:
        return DateRange(first, dates[1])
    return None
