"""Dates in report text: ``2020年1月1日``, ``2020 年 12 月 31 日``, ``2021-01-29``, ``二〇二一年一月二十七日``.

:func:`find_dates` returns every well-formed date mention with its range;
rules about garbled dates look for what this module does *not* accept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportlint.text.normalize import fold_width

_CHINESE_YEAR_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_SMALL = "[一二三四五六七八九十]{1,3}"

_ARABIC = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_ISO = re.compile(r"(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_CHINESE = re.compile(f"([〇零○一二三四五六七八九]{{4}})年({_SMALL})月({_SMALL})日")
#: A year written with 年/年度 (``2020年``, ``2020 年度``), for year references in prose.
YEAR_MENTION = re.compile(r"(?<!\d)(19[89]\d|20\d\d)\s*(?=年)")


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
    def of(cls, start: int, end: int, raw: str, year: int, month: int, day: int) -> "DateMention":
        """A mention of year/month/day; ``date`` is None when no such day exists."""
        try:
            date = dt.date(year, month, day)
        except ValueError:
            date = None
        return cls(start, end, raw, date, year, month, day)


def _small_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _small_number(text[1:])
    if "十" in text:
        tens, _, ones = text.partition("十")
        return int(_CHINESE_YEAR_DIGITS[tens]) * 10 + (int(_CHINESE_YEAR_DIGITS[ones]) if ones else 0)
    return int(_CHINESE_YEAR_DIGITS[text])


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``text[start:end]`` (offsets are into ``text``), in order."""
    end = len(text) if end is None else end
    folded = fold_width(text)
    found: list[DateMention] = []
    for match in _ARABIC.finditer(folded, start, end):
        year, month, day = (int(group) for group in match.groups())
        found.append(DateMention.of(match.start(), match.end(), text[match.start() : match.end()], year, month, day))
    for match in _ISO.finditer(folded, start, end):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if 1980 <= year <= 2100 and 1 <= month <= 12:
            found.append(DateMention.of(match.start(), match.end(), text[match.start() : match.end()], year, month, day))
    for match in _CHINESE.finditer(folded, start, end):
        year = int("".join(_CHINESE_YEAR_DIGITS[char] for char in match.group(1)))
        found.append(
            DateMention.of(
                match.start(),
                match.end(),
                text[match.start() : match.end()],
                year,
                _small_number(match.group(2)),
                _small_number(match.group(3)),
            )
        )
    return sorted(found, key=lambda mention: mention.start)
