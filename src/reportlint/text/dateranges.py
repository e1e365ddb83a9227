"""Date ranges in prose, where the second date may leave out its year: ``2020年1月1日至12月31日``.

:func:`reportlint.text.dates.find_dates` only accepts dates that write their year;
a statistical period commonly writes the year once. :func:`find_date_range`
reads such a range, giving the year-less end the year of its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.text.dates import DateMention, find_dates
from reportlint.text.normalize import fold_width

_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_RANGE_LINK = re.compile(r"\s*(?:起)?\s*(?:至|到|[-—~－])\s*$")


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


def find_date_range(text: str, start: int = 0, end: int | None = None) -> DateRange | None:
    """The first range in ``text[start:end]``: two dates, or a date and a year-less ``12月31日`` after 至/到."""
    end = len(text) if end is None else end
    dates = find_dates(text, start, end)
    if not dates:
        return None
    first = dates[0]
    folded = fold_width(text)
    month_day = _MONTH_DAY.search(folded, first.end, end)
    if (
        month_day is not None
        and (len(dates) < 2 or month_day.start() < dates[1].start)
        and _RANGE_LINK.search(folded, first.end, month_day.start())
    ):
        month, day = int(month_day.group(1)), int(month_day.group(2))
        raw = text[month_day.start() : month_day.end()]
        return DateRange(first, DateMention.of(month_day.start(), month_day.end(), raw, first.year, month, day))
    if len(dates) >= 2:
        return DateRange(first, dates[1])
    return None
