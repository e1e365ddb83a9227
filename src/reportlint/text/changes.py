"""Year-over-year changes stated in prose: ``较上年增加12件``, ``同比下降15%``, ``与上年持平``.

A change is a comparison with last year (``较上年``, ``比去年``, ``同比``,
``与2020年相比`` …) followed by a direction (增加、增长、上升、多 … or 减少、
下降、降低、少 …) and an amount: a count (``12件``) or a percentage
(``15%``). A second amount may follow in the next clause without repeating the
comparison (``较上年增加12件，增长80%``). ``与上年持平`` is a change of zero.
Percentage points (``个百分点``) and multiples (``倍``) are not changes of a
count and are left out.

Every function takes the report's normalised text (``％`` folded to ``%``) and
returns offsets valid in the original text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportlint.text.numbers import parse_amount
from reportlint.text.quantities import MEASURE_WORDS, NUMBER
from reportlint.usercache.patterns import compiled

_COMPARED = r"(?:较|比|与|同|对比)\s*(?:上一?年度?|去年|上年同期|同期|(?P<{name}>(?:19|20)\d\d)\s*年度?)(?:\s*(?:相比|比较|而言|来看))?"
_UP = "增加|增长|上升|提高|提升|增多|多"
_DOWN = "减少|下降|降低|下滑|回落|减|少"
_COUNT_UNITS = "|".join(sorted(MEASURE_WORDS, key=len, reverse=True))
_AMOUNT = rf"(?P<number>{NUMBER})\s*(?P<unit>%|{_COUNT_UNITS})(?!\s*百分点)"
_CHANGE = compiled(
    rf"(?P<compared>{_COMPARED.format(name='year')}|同比)[,\s]*(?:有所|共|分别)?\s*(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s*了?\s*{_AMOUNT}"
    rf"|(?P<flat>{_COMPARED.format(name='flat_year')}\s*(?:基本)?持平)"
)
_FOLLOWING = compiled(rf"\s*[,，]\s*(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s*了?\s*{_AMOUNT}")


@dataclass(frozen=True)
class Change:
    """A stated change against last year.

    ``amount`` is signed (``-3`` for 减少3件); ``unit`` is ``"%"`` for a
    percentage, else the count's measure word (``件``), or ``""`` for
    ``持平``; ``resolution`` is one unit of the last written digit (``1`` for
    ``15%``, ``0.1`` for ``15.5%``); ``year`` is the year compared with when
    the text names one (``较2020年``), else None (``较上年``, ``同比``);
    ``start``/``end`` span the comparison through the unit.
    """

    amount: Decimal
    unit: str
    resolution: Decimal
    start: int
    end: int
    year: int | None = None

    @property
    def is_percentage(self) -> bool:
        """A relative change (``15%``) rather than a count."""
        return self.unit == "%"


def _amount(match: re.Match[str], start: int, year: int | None) -> Change | None:
    value = parse_amount(match.group("number"))
    if value is None:
        return None
    amount = Decimal(value)
    exponent = amount.as_tuple().exponent
    resolution = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    sign = -1 if match.group("down") else 1
    return Change(sign * amount, match.group("unit"), resolution, start, match.end(), year)


def find_changes(text: str, start: int = 0, end: int | None = None) -> list[Change]:
    """The changes against last year stated in ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    found: list[Change] = []
    for match in _CHANGE.finditer(text, start, end):
        if match.group("flat"):
            year = int(match.group("flat_year")) if match.group("flat_year") else None
            found.append(Change(Decimal(0), "", Decimal(1), match.start(), match.end(), year))
            continue
        year = int(match.group("year")) if match.group("year") else None
        change = _amount(match, match.start(), year)
        if change is None:
            continue
        found.append(change)
        following = _FOLLOWING.match(text, match.end(), end)
        if following is not None and following.group("unit") != change.unit:
            second = _amount(following, following.start() + len(following.group()) - len(following.group().lstrip(" ,，")), year)
            if second is not None:
                found.append(second)
    return found
