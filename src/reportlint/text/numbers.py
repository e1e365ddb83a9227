"""Number parsing shared by the template reader and the rules.

Table cells arrive as ``"0"``, ``" 0 "``, ``"+3"``, ``"-2"``, ``"１２"``,
``"70280元"``, ``"57万元"``, ``"1,024"``, ``"3件"``, ``"无"``, ``"-"`` or blank;
:func:`parse_cell` turns each into a :class:`CellValue` that keeps what was
written and says what kind of value it is. :func:`parse_amount` reads a number
written in prose, Arabic or Chinese (``1,031``, ``十二``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from reportlint.text.normalize import fold_width
from reportlint.text.ordinals import chinese_number

#: Units seen in cells; amounts of money and counted things.
MONEY_UNITS = ("亿元", "万元", "千元", "元")
CELL_COUNT_UNITS = ("件", "个", "条", "项", "次", "人", "份", "篇", "家")
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
    for unit in (*MONEY_UNITS, *CELL_COUNT_UNITS):
        if text.endswith(unit) and len(text) > len(unit):
            return unit
    return ""


def parse_amount(text: str) -> int | Decimal | None:
    """A number written in prose (``268``, ``1,031``, ``12.3``, ``两``, ``十二``)."""
    folded = fold_width(text).replace(",", "")
    try:
        return int(folded) if folded.isdigit() else Decimal(folded)
    except InvalidOperation:
        return chinese_number(text)
