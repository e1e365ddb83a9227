"""Number parsing shared by the template reader and the rules.

Table cells arrive as ``"0"``, ``" 0 "``, ``"+3"``, ``"-2"``, ``"１２"``,
``"70280元"``, ``"57万元"``, ``"1,024"``, ``"3件"``, ``"无"``, ``"-"`` or blank;
:func:`parse_cell` turns each into a :class:`CellValue` that keeps what was
written and says what kind of value it is. :func:`parse_amount` reads a number
written in prose, Arabic or Chinese (``1,031``, ``十二``). Numbers are read
with a digit limit (:data:`MAX_DIGITS`): a "number" of thousands of digits is
text, never a crash or a gigantic integer; :func:`whole_number` reads counts
and attribute values the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from reportlint.text.normalize import fold_width
from reportlint.text.ordinals import chinese_number
from reportlint.usercache.patterns import compiled

#: Units seen in cells; amounts of money and counted things.
MONEY_UNITS = ("亿元", "万元", "千元", "元")
CELL_COUNT_UNITS = ("件", "个", "条", "项", "次", "人", "份", "篇", "家")
#: Written instead of a number where the clerk meant "nothing".
NONE_MARKS = frozenset({"无", "-", "--", "—", "——", "－", "/", "／", "空", "null", "N/A", "n/a", "\\"})
#: The most digits a number may have (integer and decimal parts together); longer runs of digits are text.
MAX_DIGITS = 18

_NUMBER = compiled(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


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
    if len(digits) + len(decimals or "") > MAX_DIGITS + 1:
        return CellValue(raw.strip(), "text")
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
    """A number written in prose (``268``, ``1,031``, ``12.3``, ``两``, ``十二``); None past :data:`MAX_DIGITS` digits."""
    if text.isascii():
        if text.isdigit() and len(text) <= MAX_DIGITS:  # (most: plain ASCII digits)
            return int(text)
    elif (numeral := chinese_number(text)) is not None:  # a Chinese numeral: no digit, and Decimal refuses it (raising costs)
        return numeral
    folded = fold_width(text).replace(",", "")
    if sum(1 for char in folded if char.isdigit()) > MAX_DIGITS:
        return None
    if folded.isascii() and folded.isdigit():
        return int(folded)
    try:
        value = Decimal(folded)
    except InvalidOperation:
        return chinese_number(text)
    return value if value.is_finite() else None


def whole_number(text: str | None, default: int | None = None, maximum: int | None = None) -> int | None:
    """A whole number written in ASCII or full-width digits (``"12"``, ``"１２"``), else ``default``.

    Other characters that Python counts as digits (``²``, ``①``) are not
    numbers here; more than :data:`MAX_DIGITS` digits is not a number either.
    ``maximum`` caps the value (a list counter, a column span).
    """
    if not text:
        return default
    folded = fold_width(text.strip())
    if not (folded.isascii() and folded.isdigit()) or len(folded) > MAX_DIGITS:
        return default
    value = int(folded)
    return value if maximum is None else min(value, maximum)
