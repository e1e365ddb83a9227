"""Document numbers (发文字号) in text: ``国办公开办函〔2019〕60号`` — the issuer's code, the year in 〔〕, the serial, 号.

:data:`BRACKETED_YEAR` finds a year in brackets of any kind with what follows it
(RL506 reads how the number is broken or written in the wrong brackets);
:func:`citations` finds where a text cites one given number, however its
brackets are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.text.chars import matches_at
from reportlint.usercache.patterns import compiled

_OPENINGS = "[(（［【〈<"  # the brackets a year is written in besides 〔
_OPENING_VARIANTS = re.escape(_OPENINGS)
_CLOSING_VARIANTS = re.escape("])）］】〉>")
_NUMBER_TAIL = r"\s*(?P<number>(?:第\s*)?\d{1,5}(?:\s*[-－—–]\s*\d{1,3})?)?\s*(?P<hao>号)?"
#: A year in brackets of any kind (``〔2019〕60号``, ``〔201960号``, ``[2019]60号``).
BRACKETED_YEAR = compiled(rf"(?P<open>[〔{_OPENING_VARIANTS}])\s*(?P<year>\d+)\s*(?P<close>[〕{_CLOSING_VARIANTS}])?{_NUMBER_TAIL}")
#: The characters every match of :data:`BRACKETED_YEAR` starts with, and holds no other of (see ``matches_at``).
BRACKETED_YEAR_FIRSTS = "〔" + _OPENINGS
#: A year closed by 〕 without any opening bracket (``国办公开办函2019〕60号``).
UNOPENED_YEAR = compiled(rf"(?<![\d〔{_OPENING_VARIANTS}])(?P<open>)(?P<year>\d+)\s*(?P<close>〕){_NUMBER_TAIL}")
_YEAR_AND_SERIAL = compiled(r"〔(\d{4})〕(\d{1,5})号")


def citations(text: str, number: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of every place ``text`` cites the document ``number`` (``国办公开办函〔2019〕60号``): the same
    year and serial in closed brackets of any kind, followed by 号. Nothing when ``number`` is not written that way."""
    wanted = _YEAR_AND_SERIAL.search(number)
    if wanted is None or not any(first in text for first in BRACKETED_YEAR_FIRSTS):
        return
    year, serial = wanted.groups()
    for match in matches_at(BRACKETED_YEAR, text, BRACKETED_YEAR_FIRSTS):
        if match.group("close") and match.group("hao") and match.group("year") == year and match.group("number") == serial:
            yield match.start(), match.end()


def miswritten_citations(text: str, number: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of every place ``text`` cites ``number`` mistyped: its issuer's code (``国办公开办函``) with the
    year or the serial, but not both, written otherwise (``国办公开办函〔2022〕30号`` for ``国办公开办函〔2021〕30号``), or its
    year and serial after the issuer's code with one character left out or changed (``国办公开函〔2021〕30号``). The range
    is the issuer's code through 号."""
    wanted = _YEAR_AND_SERIAL.search(number)
    issuer = number[: wanted.start()] if wanted is not None else ""
    if wanted is None or not issuer or issuer[:2] not in text:
        return
    year, serial = wanted.groups()
    for match in matches_at(BRACKETED_YEAR, text, BRACKETED_YEAR_FIRSTS):
        if not (match.group("close") and match.group("hao") and match.group("number")):
            continue
        written_year, written_serial = match.group("year"), re.sub(r"\D", "", match.group("number"))
        start = match.start() - len(issuer)
        if text[start : match.start()] == issuer:
            if (written_year == year) != (written_serial == serial):
                yield start, match.end()
        elif written_year == year and written_serial == serial:
            mistyped = _mistyped_code(text, match.start(), issuer)
            if mistyped is not None:
                yield mistyped, match.end()


def _mistyped_code(text: str, end: int, issuer: str) -> int | None:
    """Where the issuer's code before ``end`` starts when it is ``issuer`` with one character left out (国办公开函) or
    changed (国办公开小函), else None."""
    for length in (len(issuer) - 1, len(issuer)):
        written = text[max(0, end - length) : end]
        if len(written) != length or written[:1] != issuer[:1]:
            continue
        if length < len(issuer) and any(issuer[:index] + issuer[index + 1 :] == written for index in range(len(issuer))):
            return end - length
        if length == len(issuer) and sum(a != b for a, b in zip(written, issuer, strict=True)) == 1:
            return end - length
    return None
