"""Chinese numerals and ordinals: ``十二`` → 12, 3 → ``三``, as reports number sections, items and dates."""

from __future__ import annotations

#: The characters of section and item ordinals (一、 … 十、, （一） … （十）).
ORDINAL_CHARS = "一二三四五六七八九十"
#: A Chinese numeral as it appears in prose (up to the ten-thousands).
CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万]+"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
#: The digits 零 to 九, in order.
CHINESE_DIGITS = "零一二三四五六七八九"


#: Bracketed numbers written as one character, as some fonts and list formats give them (㈠ … ㈩, ⑴ … ⒇), by value.
_ENCLOSED_NUMBERS = {chr(0x3220 + offset): offset + 1 for offset in range(10)} | {chr(0x2474 + offset): offset + 1 for offset in range(20)}
#: Those characters, as a regular expression's character class holds them (``[{ENCLOSED_ORDINALS}]``).
ENCLOSED_ORDINALS = "".join(_ENCLOSED_NUMBERS)


def enclosed_number(char: str) -> int | None:
    """The value of a bracketed number written as one character (``㈡`` → 2, ``⑿`` → 12: :data:`ENCLOSED_ORDINALS`);
    None for any other text."""
    return _ENCLOSED_NUMBERS.get(char)


def chinese_number(text: str) -> int | None:
    """The value of a small Chinese numeral (``十二`` → 12, ``两`` → 2, ``一百零五`` → 105); None if it is not one."""
    if not text or any(char not in _DIGITS and char not in _UNITS for char in text):
        return None
    total = section = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            unit = _UNITS[char]
            if unit == 10000:
                total += (section + digit) * unit
                section = digit = 0
            else:
                section += (digit or 1) * unit
                digit = 0
    return total + section + digit


def chinese_numeral(value: int, digits: str = CHINESE_DIGITS, ten: str = "十") -> str:
    """Chinese counting from 1 to 99 (一, 十, 十一, 二十三); other numbers in Arabic digits.

    ``digits`` (零 to 九) and ``ten`` may be replaced by another set, such as the
    financial numerals 零壹贰… of Word's list formats.
    """
    if not 0 < value < 100:
        return str(value)
    tens, units = divmod(value, 10)
    if not tens:
        return digits[units]
    return ("" if tens == 1 else digits[tens]) + ten + (digits[units] if units else "")


def section_number(value: int) -> str:
    """How a report numbers its ``value``-th part (``三`` for 3); beyond ten, Arabic digits."""
    return ORDINAL_CHARS[value - 1] if 1 <= value <= len(ORDINAL_CHARS) else str(value)
