"""Every occurrence of many literal phrases in one pass over the text.

Searching a report for a hundred phrases one :meth:`str.find` at a time reads
the text a hundred times. A :class:`PhraseFinder` compiles the phrases into one
regular expression shaped as a trie (``政(?=府(?:信公开|息公开)|信息公开)|…``):
its alternatives all begin with a literal character, so the engine passes over
the characters no phrase starts with without entering the pattern, and at the
few places where a phrase does start, the phrases beginning with that character
are compared there. Occurrences overlap freely, as repeated ``str.find`` calls
from every position would find them.

:meth:`PhraseFinder.occurs` asks only whether one of the phrases is in a range
of the text: one search, stopped at the first occurrence. Rules use it as a
quick test before a costlier search whose every match holds one of the phrases
(most reports hold none, and the costlier search is then skipped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from reportlint.usercache.patterns import compiled

#: Phrases longer than this are looked for with one flat alternation instead of the trie: the trie's pattern nests a
#: group per character its phrases share, and building it recursed once per character of the longest phrase (a
#: pack's word of a few thousand characters stopped the run with RecursionError).
MAX_TRIE_DEPTH = 100


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regular expression that matches the first character of every place where one of ``phrases`` starts.

    The rest of the phrase is a look-ahead, so each match is one character long
    and overlapping occurrences are all found. Phrases are literal text (escaped).
    """
    phrases = [phrase for phrase in phrases if phrase]
    if any(len(phrase) > MAX_TRIE_DEPTH for phrase in phrases):
        return "(?=" + "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=lambda item: (-len(item), item))) + r")[\s\S]"
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    alternatives = []
    for char, child in trie.items():
        rest = "" if "" in child else _alternatives(child)
        alternatives.append(re.escape(char) + (f"(?={rest})" if rest else ""))
    return "|".join(alternatives) if alternatives else "(?!)"


def _alternatives(node: dict[str, Any]) -> str:
    """The phrases' continuations below ``node`` as one alternation (a continuation that may end here ends it: a look-ahead only
    needs one phrase to fit)."""
    parts = []
    for char, child in node.items():
        if not char:
            continue
        if "" in child:
            parts.append(re.escape(char))
        else:
            below = _alternatives(child)
            parts.append(re.escape(char) + (f"(?:{below})" if "|" in below else below))
    return "|".join(parts)


class PhraseFinder:
    """Finds every occurrence of a fixed set of literal phrases.

    ``builtin`` says the phrases are written in reportlint's code, so the pattern's
    compiled program may be kept in the user cache (:func:`~reportlint.usercache.patterns.compiled`);
    phrases from users' configuration are compiled as usual.
    """

    def __init__(self, phrases: Iterable[str], builtin: bool = False) -> None:
        self.phrases = tuple(dict.fromkeys(phrase for phrase in phrases if phrase))
        compile_pattern: Callable[[str], re.Pattern[str]] = compiled if builtin else re.compile
        self._starts = compile_pattern(trie_pattern(self.phrases))
        #: the phrases by their first character
        self._by_first: dict[str, list[str]] = {}
        for phrase in self.phrases:
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def occurs(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether one of the phrases lies wholly within ``text[start:end]`` (one search in C, stopped at the first)."""
        return self._starts.search(text, start, len(text) if end is None else end) is not None

    def positions(self, text: str) -> dict[str, list[int]]:
        """Where each phrase occurs in ``text`` (every start, overlapping ones included, in order); phrases that do not occur are absent."""
        found: dict[str, list[int]] = {}
        by_first, starts_with = self._by_first, text.startswith
        for match in self._starts.finditer(text):
            position = match.start()
            for phrase in by_first[text[position]]:
                if starts_with(phrase, position):
                    found.setdefault(phrase, []).append(position)
        return found
