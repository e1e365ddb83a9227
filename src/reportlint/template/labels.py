"""Label keys and fuzzy label matching for headings, row labels and column headers.

Real reports write the official labels with half-width brackets, stray spaces
(``法 律 服 务 机 构``), ``，`` for ``、``, ``1. 属于`` for ``1.属于``, missing
ordinals and truncations. :func:`label_key` folds all of that into one
comparable key; :func:`strip_ordinal` drops the leading ``一、``/``（三）``/``1.``.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from types import MappingProxyType

from reportlint.text.normalize import normalize
from reportlint.usercache.patterns import compiled

#: Spellings a label key folds into one (no target is itself folded): list and stop punctuation, colons and quotation
#: marks, and 钩稽 (a variant of the template's 勾稽).
PUNCTUATION_FOLD = MappingProxyType(
    {"，": "、", ",": "、", "．": ".", "。": ".", "：": ":", "“": '"', "”": '"', "「": '"', "」": '"', "钩": "勾"}
)
_NON_SPACE = compiled(r"\S+")
_ORDINAL = compiled(r"^(?:[(（]?[一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.]|[(（]?\d{1,2}[)）]|\d{1,2}[、.]|[①-⑳])")


def fold_punctuation(text: str) -> str:
    """``text`` with :data:`PUNCTUATION_FOLD` applied (what ``str.translate`` with it gives).

    One ``str.replace`` per folded character present: ``str.translate`` with a mapping looks every
    character of a Chinese text up in the mapping, some twenty times slower on a line of prose.
    """
    for source, target in PUNCTUATION_FOLD.items():
        if source in text:
            text = text.replace(source, target)
    return text


@lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """A comparable form of a label: normalised, no whitespace, one spelling of list punctuation.

    Pass text that is already normalised when it comes from a report (a slice of
    ``Document.normalized``): a short slice alone may not show that the report is
    written in traditional characters.
    """
    return fold_punctuation("".join(normalize(text).split())).rstrip(":")


#: The key of each short text met so far (labels repeat within a report and across reports) and, for :func:`keyed`,
#: the offset of each key character in the text; up to this many of each.
_KEYS: dict[str, str] = {}
_KEYED: dict[str, tuple[str, tuple[int, ...]]] = {}
_MAX_REMEMBERED_KEY = 200
_MAX_REMEMBERED_KEYS = 2048


def keyed(normalized: str, start: int, end: int) -> tuple[str, list[int]]:
    """The key of ``normalized[start:end]`` and, for each key character, its offset in the text.

    ``normalized`` is a document's normalised text, so offsets are valid in the
    original text too.
    """
    key, relative = keyed_relative(normalized, start, end)
    return key, [offset + start for offset in relative]


def keyed_relative(normalized: str, start: int, end: int) -> tuple[str, tuple[int, ...]]:
    """What :func:`keyed` gives, with each key character's offset relative to ``start`` (for callers that need
    only a few of them: add ``start`` to those)."""
    text = normalized[start:end]
    found = _KEYED.get(text)
    if found is None:
        relative: list[int] = []
        for word in _NON_SPACE.finditer(text):
            relative.extend(range(word.start(), word.end()))
        # the non-space characters of the range, as str.split() finds the same whitespace as \S does
        found = (fold_punctuation("".join(text.split())), tuple(relative))
        if len(text) <= _MAX_REMEMBERED_KEY:
            if len(_KEYED) >= _MAX_REMEMBERED_KEYS:
                _KEYED.clear()
            _KEYED[text] = found
    return found


def key_of(normalized: str, start: int, end: int) -> str:
    """The key of ``normalized[start:end]`` alone (what :func:`keyed` gives without the offsets)."""
    text = normalized[start:end]
    key = _KEYS.get(text)
    if key is None:
        key = fold_punctuation("".join(text.split()))
        if len(text) <= _MAX_REMEMBERED_KEY:
            if len(_KEYS) >= _MAX_REMEMBERED_KEYS:
                _KEYS.clear()
            _KEYS[text] = key
    return key


def strip_ordinal(key: str) -> str:
    """The key without its leading ordinal (``一、``, ``(三)``, ``1.``, ``①``)."""
    return _ORDINAL.sub("", key, count=1)


def similarity(first: str, second: str) -> float:
    """Similarity of two keys in [0, 1] (difflib ratio)."""
    if not first or not second:
        return 0.0
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def is_similar(first: str, second: str, minimum: float) -> bool:
    """Whether ``similarity(first, second) >= minimum``.

    The ratio counts the characters the matcher pairs up, never more than the two keys share: the characters they
    have in common, counted as difflib counts its ratio, rule out most pairs before the matcher is built.
    """
    if first and second:
        shared = sum(min(count, second.count(char)) for char, count in Counter(first).items())
        if 2.0 * shared / (len(first) + len(second)) < minimum:
            return False
    return similarity(first, second) >= minimum


def is_near_miss(written: str, label: str, minimum: int = 4) -> bool:
    """Whether ``written`` is ``label`` with one character replaced (``科研机关`` for ``科研机构``), both at least
    ``minimum`` characters long."""
    return len(written) == len(label) >= minimum and sum(1 for one, other in zip(written, label, strict=True) if one != other) == 1


def is_truncation(fragment: str, label: str, minimum: int = 3) -> bool:
    """Whether ``fragment`` is a cut-off beginning of ``label`` (at least ``minimum`` characters)."""
    return len(fragment) >= minimum and len(fragment) < len(label) and label.startswith(fragment)
