"""Number parsing shared by the template reader and the rules.

Table cells arrive as ``"0"``, ``" 0 "``, ``"+3"``, ``"-2"``, ``"１２"``,
``"70280元"``, ``"57万元"``, ``"1,024"``, ``"3件"``, ``"无"``, ``"-"`` or blank;
:func:`parse_cell` turns each into a :class:`CellValue` that keeps what was
written and says what kind of value it is. :func:`chinese_number` reads small
Chinese numerals used in prose (``两个``, ``十二``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from reportlint.text.normalize import fold_width

#: Units seen in cells; amounts of money and counted things.
MONEY_UNITS = ("亿元", "万元", "千元", "元")
COUNT_UNITS = ("件", "个", "条", "项", "次", "人", "份", "篇", "家")
#: Written instead of a number where the clerk meant "nothing".
NONE_MARKS = frozenset({"无", "-", "--", "—", "——", "－", "/", "／", "空", "null", "N/A", "n/a", "\\"})

_NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


@dataclass(frozen=True)
class CellValue:
    """What a cell holds.

    ``kind`` is ``number`` (``value`` set), ``blank`` (nothing written),
    ``none-mark`` (``无``, ``-`` …) or ``text`` (anything else). ``unit`` is a
    unit written with the number (``元``, ``万元``, ``件``); ``signed`` is true
    when the number carries an explicit ``+``/``-``.
    """

    raw: str
    kind: str
    value: int | Decimal | None = None
    unit: str | None = None
    signed: bool = False


@lru_cache(maxsize=4096)
def parse_cell(raw: str) -> CellValue:
    """Read one cell's text (cached: tables repeat the same few values)."""
    text = "".join(fold_width(raw).split())
    if not text or text in ("\u00a0", "&nbsp;"):
        return CellValue(raw.strip(), "blank")
    if text in NONE_MARKS:
        return CellValue(raw.strip(), "none-mark")
    unit = _unit_of(text)
    match = _NUMBER.fullmatch(text[: len(text) - len(unit)] if unit else text)
    if match is None:
        return CellValue(raw.strip(), "text")
    sign, digits, decimals = match.groups()
    digits = digits.replace(",", "")
    if decimals:
        try:
            value: int | Decimal = Decimal(f"{sign}{digits}{decimals}")
        except InvalidOperation:
            return CellValue(raw.strip(), "text")
    else:
        value = int(f"{sign}{digits}")
    return CellValue(raw.strip(), "number", value, unit or None, bool(sign))


def _unit_of(text: str) -> str:
    for unit in (*MONEY_UNITS, *COUNT_UNITS):
        if text.endswith(unit) and len(text) > len(unit):
            return unit
    return ""


_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}

#: A Chinese numeral as it appears in prose (up to the ten-thousands).
CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万]+"


def chinese_number(text: str) -> int | None:
    """The value of a small Chinese numeral (``十二`` → 12, ``两`` → 2, ``一百零五`` → 105)."""
    if not text or any(char not in _CHINESE_DIGITS and char not in _CHINESE_UNITS for char in text):
        return None
    total = section = digit = 0
    for char in text:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        else:
            unit = _CHINESE_UNITS[char]
            if unit == 10000:
                total += (section + digit) * unit
                section = digit = 0
            else:
                section += (digit or 1) * unit
                digit = 0
    return total + section + digit


def parse_amount(text: str) -> int | Decimal | None:
    """A number written in prose (``268``, ``1,031``, ``12.3``, ``两``, ``十二``)."""
    folded = fold_width(text).replace(",", "")
    try:
        return int(folded) if folded.isdigit() else Decimal(folded)
    except InvalidOperation:
        return chinese_number(text)
