"""Character classes of Chinese report text: Han characters and the punctuation that ends sentences and clauses.

Every rule and reader that asks "is this the end of a sentence?" or "is this a Han
character?" takes its answer from here, composed of the named atoms below, so two
modules never disagree about a character.
"""

from __future__ import annotations

import re

from reportlint.usercache.patterns import compiled

#: One CJK unified ideograph (basic block and extension A), for use inside regex classes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HAN_CHAR = compiled(f"[{HAN}]")
# Runs of spaces between two Han characters (:func:`spaces_between_han`), by the space they start with: a pattern that
# opens with one literal character and looks behind it only then is searched for as ``str.find`` searches (a class of
# two, or an opening look-behind, is tested at every character), several times as fast on report text.
_SPACES_FROM_SPACE = compiled(f" (?<=[{HAN}] )[ \u3000]*(?=[{HAN}])")
_SPACES_FROM_IDEOGRAPHIC_SPACE = compiled(f"\u3000(?<=[{HAN}]\u3000)[ \u3000]*(?=[{HAN}])")

#: Full stops, question and exclamation marks, in both widths: they end a sentence.
SENTENCE_STOPS = "。！？!?"
SEMICOLONS = "；;"
COLONS = "：:"
COMMAS = "，,"
#: The enumeration comma (顿号) between items of a list.
LIST_COMMA = "、"

#: A line of prose ending with one of these ends its paragraph (soft-wrapped lines are joined otherwise).
PARAGRAPH_ENDS = SENTENCE_STOPS + SEMICOLONS + COLONS
#: Characters that end a clause inside a sentence.
CLAUSE_BREAKS = SENTENCE_STOPS + COMMAS + SEMICOLONS + COLONS + LIST_COMMA


def spaces_between_han(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The runs of spaces (both widths) between two Han characters in ``text[start:end]``, as matches, in order.

    PDF extraction spaces out words (公 开 公 开). The runs are what
    ``(?<=[HAN])[ \\u3000]+(?=[HAN])`` finds (a test compares them).

    A run starts right after a Han character, so a run that starts with a space and one that starts with an
    ideographic space are two runs: each kind is searched for on its own (the second only in a text that has one).
    """
    end = len(text) if end is None else end
    found = list(_SPACES_FROM_SPACE.finditer(text, start, end))
    if text.find("\u3000", start, end) >= 0:
        found += _SPACES_FROM_IDEOGRAPHIC_SPACE.finditer(text, start, end)
        found.sort(key=_start)
    return found


def kept_between_han(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` stretches of ``text`` outside its runs of spaces between two Han characters, in order."""
    kept = []
    last = 0
    for run in spaces_between_han(text):  # (in order)
        kept.append((last, run.start()))
        last = run.end()
    kept.append((last, len(text)))
    return kept


def without_spaces_between_han(text: str) -> str:
    """``text`` with the runs of spaces between two Han characters (:func:`spaces_between_han`) taken out: 公 开 → 公开,
    and a mirror's pinyin annotation, blanked by normalising, no longer splits its word (主动      公开 → 主动公开)."""
    return "".join(text[start:end] for start, end in kept_between_han(text))


def _start(match: re.Match[str]) -> int:
    return match.start()


def positions_of(text: str, characters: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every position in ``text[start:end]`` of one of ``characters``, in order.

    One :meth:`str.find` scan per character (each as fast as a byte search): for marks that are a few in a report,
    several times faster than a regex class, which the engine tests at every character.
    """
    end = len(text) if end is None else end
    found: list[int] = []
    append, find = found.append, text.find
    for character in characters:
        position = find(character, start, end)
        while position >= 0:
            append(position)
            position = find(character, position + 1, end)
    found.sort()
    return found


def matches_at(pattern: re.Pattern[str], text: str, firsts: str) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern whose every match starts with one of ``firsts`` and holds
    none of them after its first character: the pattern is matched only where :func:`positions_of` finds them.

    No match can then begin inside another, so these are the matches of a scan; finding a few marks by
    :meth:`str.find` costs a fraction of the pattern's own search, which tries its first class at every character.
    """
    match = pattern.match
    return [found for position in positions_of(text, firsts) if (found := match(text, position)) is not None]


def is_han(char: str) -> bool:
    """Whether a single character is a CJK ideograph."""
    return bool(char) and ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf")
