"""Enumeration markers of report prose: ``一、`` ``（一）`` ``1.`` ``（1）`` ``一是`` ``第一，`` ``首先，`` with their values and nesting.

A report numbers its parts and lists in a few fixed styles. Each style is a
:class:`MarkerStyle` with a nesting ``level``: ``一、`` (0) above ``（一）`` (1)
above ``1.`` (2) above ``（1）`` (3); the inline styles ``一是``, ``第一，`` and
``首先，`` (4) run inside paragraphs. :func:`find_markers` finds them in the
normalised text (``（一）`` is folded to ``(一)``), where a list item can start:
at the start of a line, or after a sentence stop, semicolon or colon (inline
styles also after a comma or 、). Citations such as ``第二十条第（一）项`` are
not list items.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from reportlint.text.ordinals import ORDINAL_CHARS, chinese_number, chinese_numeral
from reportlint.usercache.patterns import compiled


@dataclass(frozen=True)
class MarkerStyle:
    """One way of numbering: its name, nesting level (0 outermost) and how it looks."""

    name: str
    level: int
    description: str


#: The numbering styles, outermost first.
STYLES = {
    style.name: style
    for style in (
        MarkerStyle("chinese", 0, "一、二、"),
        MarkerStyle("chinese-parenthesised", 1, "（一）（二）"),
        MarkerStyle("arabic", 2, "1. 2."),
        MarkerStyle("arabic-parenthesised", 3, "（1）（2）"),
        MarkerStyle("shi", 4, "一是、二是"),
        MarkerStyle("di", 4, "第一、第二"),
        MarkerStyle("sequence-words", 4, "首先、其次"),
    )
}
#: 首先、其次、再次: the first three items of a list in words (最后 ends a list and carries no number).
SEQUENCE_WORDS = ("首先", "其次", "再次")
#: The level of inline markers, which run inside paragraphs.
INLINE_LEVEL = 4

_NUMERAL = f"[{ORDINAL_CHARS}]{{1,3}}"
#: The marks a list item may follow (an inline item also a comma or 、), besides the start of a line.
_ITEM_AFTER = "。;:!?！？；："
_INLINE_AFTER = "。;:,、!?！？；：，"
_ITEM_START = rf"(?:^|(?<=[{_ITEM_AFTER}])|(?<=[。;:]\s))[ \t\u3000]*"
_INLINE_START = rf"(?:^|(?<=[{_INLINE_AFTER}])|(?<=[。;:,]\s))[ \t\u3000]*"
# Every marker starts with a space, a bracket, a digit, a numeral, 第 or a sequence word: the look-ahead
# tells the other positions apart at once, before the alternatives and their look-behinds are tried.
_MARKER_FIRST = rf"(?=[ \t\u3000(\d第首其再{ORDINAL_CHARS}])"
_ALTERNATIVES = (
    "(?:"
    + "|".join(
        (
            rf"^[ \t\u3000]*(?P<chinese>{_NUMERAL})[、.](?![\d{ORDINAL_CHARS}])",
            rf"{_ITEM_START}\((?P<chinese_parenthesised>{_NUMERAL})\)(?![项款条类个])[、.]?",
            rf"{_ITEM_START}(?P<arabic>\d{{1,2}})(?:[、]|\.(?![\d%]))",
            rf"{_ITEM_START}\((?P<arabic_parenthesised>\d{{1,2}})\)(?![项款条])",
            rf"{_INLINE_START}(?P<shi>[{ORDINAL_CHARS}]{{1,2}})是(?![否非])",
            rf"{_INLINE_START}第(?P<di>[{ORDINAL_CHARS}]{{1,2}})(?=[,，:：、])",
            rf"{_INLINE_START}(?P<sequence_words>首先|其次|再次)(?=[,，:：])",
        )
    )
    + ")"
)
_MARKERS = compiled(_MARKER_FIRST + _ALTERNATIVES, re.MULTILINE)
#: By the number of the group of ``_MARKERS`` that matched (each alternative has one group, the number, named after its
#: style: the match's ``lastindex``): the style, how many characters the marker has before its number (``(`` or ``第``),
#: and how the number is written (``arabic`` digits, sequence ``words`` or ``chinese`` numerals).
_GROUP_STYLES = {
    _MARKERS.groupindex[name.replace("-", "_")]: (
        style,
        1 if name.endswith("parenthesised") or name == "di" else 0,
        "arabic" if name.startswith("arabic") else "words" if name == "sequence-words" else "chinese",
    )
    for name, style in STYLES.items()
}
# Where a marker may start besides the start of the search: after a line end or one of the marks, or after a white
# space after them (the ``^`` and look-behinds of the alternatives), at a character a marker starts with. The pattern
# opens with a class of characters, which the engine looks for without entering the pattern (an opening look-ahead,
# as in ``_MARKERS``, is tried at every position): in prose, half as costly as trying ``_MARKERS`` everywhere.
_MARKER_PLACE = compiled(f"[{_INLINE_AFTER}\\n]\\s??{_MARKER_FIRST}")
#: The value of every numeral of one or two ordinal characters (the numbers of nearly every marker), looked up rather than
#: computed by :func:`~reportlint.text.ordinals.chinese_number` (which gives the same values).
_ORDINAL_VALUES = {first + second: chinese_number(first + second) for first in ORDINAL_CHARS for second in ("", *ORDINAL_CHARS)}


class EnumerationMarker(NamedTuple):
    """One list marker in the text: its style, its number, and the range of the marker itself.

    (A named tuple: a report has dozens of markers, and a tuple is made several times faster than a frozen dataclass.)
    """

    style: MarkerStyle
    value: int
    start: int
    end: int
    number_start: int
    number_end: int

    @property
    def level(self) -> int:
        """The nesting level of the marker's style (0 outermost)."""
        return self.style.level

    def written(self, text: str) -> str:
        """The marker as ``text`` (the original report text) writes it, e.g. ``（二）`` or ``二是``."""
        return text[self.start : self.end].strip()

    def renumbered(self, text: str, value: int) -> str:
        """The marker as ``text`` writes it, with the number ``value`` instead of its own (``（二）`` → ``（三）``)."""
        if self.style.name == "sequence-words":
            number = SEQUENCE_WORDS[value - 1] if value <= len(SEQUENCE_WORDS) else f"第{chinese_numeral(value)}"
        else:
            number = str(value) if self.style.name.startswith("arabic") else chinese_numeral(value)
        return (text[self.start : self.number_start] + number + text[self.number_end : self.end]).strip()


def find_markers(normalized: str, start: int = 0, end: int | None = None) -> list[EnumerationMarker]:
    """Every enumeration marker in ``normalized[start:end]``, in order."""
    end = len(normalized) if end is None else end
    found = []
    # (the group by its number and the marker made as a tuple: a report's markers cost half as much as through the
    # group's name and the named tuple's own constructor)
    make = tuple.__new__
    for match in _marker_matches(normalized, start, end):
        group = match.lastindex
        assert group is not None
        style, opened, numeral = _GROUP_STYLES[group]
        number_start, number_end = match.span(group)
        written = normalized[number_start:number_end]
        if numeral == "chinese":
            value: int | None = _ORDINAL_VALUES.get(written) or chinese_number(written)
        elif numeral == "arabic":
            value = int(written)
        else:
            value = SEQUENCE_WORDS.index(written) + 1
        if value:
            found.append(make(EnumerationMarker, (style, value, number_start - opened, match.end(), number_start, number_end)))
    return found


def _marker_matches(normalized: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches ``_MARKERS.finditer(normalized, start, end)`` gives, found by trying the pattern only where a marker may start.

    A marker starts at the start of a line or right after one of the marks (or a white space after them): the
    alternatives' ``^`` and look-behinds say so. The search's own start is tried first (its look-behinds see the text
    before it); then every place :data:`_MARKER_PLACE` finds, from the character before the start (a mark there
    lets a marker start after a white space at the start), each at or after the end of the marker before it. (After
    a mark and a space, ``。 一是``, the place is the space's: a marker there starts with the space, and one that
    starts after it also starts with it.)
    """
    position = start
    match = _MARKERS.match(normalized, start, end)
    if match is not None:
        yield match
        position = match.end()
    for candidate in _MARKER_PLACE.finditer(normalized, max(start - 1, 0), end):
        place = candidate.end()
        if place < position or place <= start:
            continue
        match = _MARKERS.match(normalized, place, end)
        if match is not None:
            yield match
            position = match.end()
