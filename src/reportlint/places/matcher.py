"""Finding place names in text: a suffix-anchored dictionary scan plus rules on the context.

**Scan.**  Every full name ends in a kind character (镇 乡 县 区 市 旗 州 盟 省 道
木 所, or the last character of an extra place's kind).  ``str.find``
finds each of those characters in C; at each of them the scanner looks
up the substrings ending there, of the lengths of the names ending in the same
two characters, in the name dictionary.  That is an index keyed on the name's end rather than its
first two characters: a report has a few dozen kind characters but thousands
of character positions, so it is about five times faster (measured in
``bench/bench_gazetteer.py``); the index is kept in the user cache with the
names.  Only full names are found, never short
forms ("天水" alone is not a mention of 天水市).

**Overlaps.**  Leftmost, then longest, wins; a name inside an accepted name is
not a separate mention ("秦安县兴国镇" gives 秦安县 and 兴国镇; "楚雄彝族自治州"
gives only itself; "海阳市二十里店镇" does not also give 十里店镇 or 店镇).  A
candidate the context rules reject does not block the shorter or later ones.

**Context rules** (the word lists are in ``vocabulary.py``).  Names of four or
more characters are distinctive and always accepted, except a street office named
after a street (南街街道, 东关街道: a two-character stem ending like a street's name, and
街道), which needs left evidence or a place's name, a government (or what ends like one:
西咸新区, 某区人民政府) right before it: after
other Han characters it is the end of a longer name the gazetteer does not have
("振华南街街道").  Shorter names collide with
ordinary words, so they need evidence from their neighbours:

* *left evidence*: the name starts the text or follows a non-Han character
  (punctuation, space, digit), a function character (在 对 与 和 我 本 全 年 …), or
  an accepted mention of a place that contains it ("天水市|秦安县");
* *right evidence*: the name ends the text or is followed by a non-Han
  character, a function character (的 和 将 在 …), a government or department word
  (人民政府 政府 委 人大 … 财政 教育 境内 …), or another full name ("代县|峨口镇",
  "沛县|新城区" — a local area the gazetteer places elsewhere).

1. Names whose stem is an ordinary word (发展乡, 建设镇, 中心街道, 东方市) or that
   are ordinary words (城区, 郊区, 矿区, 东区): accepted only right after a place
   containing them or right before a place they contain ("阳泉市城区",
   "天津市和平区"), or after left evidence when a government word follows
   ("和平区人民政府").  "。城区和农村" and "东方市场" are not mentions.
2. Two-character names (one-character stem: 和县, 代县, 乌镇): need left *and*
   right evidence.  "规定和县政府" fails on the left (定), "提高县级" and "示范县"
   fail too; "在和县政府" and "代县峨口镇" pass.  A stem that is a function
   character right after a closing mark is that character ("《条例》和县政府信息公开的
   要求"), unless the name follows a place that contains it.
3. Three-character names whose last two characters are an ordinary word
   (东乡镇 ← 乡镇, 东城镇 ← 城镇, 新村镇 ← 村镇): need left *or* right evidence, so
   "山东乡镇街道" and "广东城镇化" are not mentions but "成立新村镇政府" is. Those whose last
   two are a body's word for itself (中本镇 ← 本镇, 大全镇 ← 全镇) need left evidence:
   "其中本镇政务公开" is not a mention.
4. All other names (秦安县, 原州区, 兴国镇, 二十里店镇) are accepted wherever they
   occur, e.g. "贯彻原州区全面推进".

The text should be the document's normalised view (simplified characters, folded
widths); offsets are indices into exactly the string passed in.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple, Protocol

from reportlint.places.divisions import Place
from reportlint.places.vocabulary import (
    ACTOR_FOLLOW,
    DEPARTMENT_WORDS,
    GOVERNMENT_WORDS,
    LEFT_FUNCTION_CHARACTERS,
    ORDINARY_WORD_NAMES,
    ORDINARY_WORD_STEMS,
    ORDINARY_WORD_TAILS,
    RIGHT_FUNCTION_CHARACTERS,
    SELF_REFERENCE_TAILS,
)
from reportlint.text.chars import COLONS, COMMAS, SEMICOLONS, SENTENCE_STOPS
from reportlint.usercache.patterns import compiled


class PlaceIndex(Protocol):
    """What the matcher needs of the gazetteer: places by full name, and the hierarchy."""

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place with this full name."""
        ...

    def is_within(self, place: Place, ancestor: Place) -> bool:
        """Whether ``place`` lies inside ``ancestor``."""
        ...


#: Makes a mention from its four fields: ``_new_tuple(PlaceMention, fields)`` skips the named tuple's own constructor.
_new_tuple = tuple.__new__

#: Names this long or longer are distinctive enough to need no context.
DISTINCTIVE_NAME_LENGTH = 4
#: The suffix of a street office's name: one of a two-character stem is a street's name, often the end of a longer one.
STREET_SUFFIX = "街道"


class PlaceMention(NamedTuple):
    """One place name found in a text: where it is, what it says, which places it may mean.

    A named tuple, made with ``_new_tuple``: a report has a dozen, and a frozen dataclass's ``__init__`` costs five
    times as much.
    """

    start: int
    end: int
    name: str
    candidates: tuple[Place, ...]


def lengths_by_ending(names: Iterable[str]) -> dict[str, list[int]]:
    """For the last two characters of a name, the lengths of the names ending in them (2 characters or more), longest first.

    The scanner looks up only those substrings where a text has such two
    characters: of the kind characters of a report (县、区、市 …) about half end
    no name at all (全县、社区、城市), and the other half a few lengths rather
    than every length of a name ending in that character. The gazetteer keeps
    this index of its data file's names in the user cache with the columns,
    since building it touches every one of forty thousand names.
    """
    lengths: dict[str, set[int]] = {}
    for name in names:
        if len(name) >= 2:
            lengths.setdefault(name[-2:], set()).add(len(name))
    return {ending: sorted(found, reverse=True) for ending, found in lengths.items()}


def merged_lengths(*indices: Mapping[str, list[int]]) -> dict[str, list[int]]:
    """Several :func:`lengths_by_ending` indices as one."""
    merged: dict[str, set[int]] = {}
    for index in indices:
        for ending, lengths in index.items():
            merged.setdefault(ending, set()).update(lengths)
    return {ending: sorted(lengths, reverse=True) for ending, lengths in merged.items()}


class NameMatcher:
    """The compiled scanner over one gazetteer's names (built once per gazetteer, lazily)."""

    def __init__(self, gazetteer: PlaceIndex, names: Collection[str], lengths: Mapping[str, list[int]] | None = None) -> None:
        """``lengths`` is :func:`lengths_by_ending` of ``names`` when the caller has it already."""
        self._gazetteer = gazetteer
        self._names = names
        self._lengths = lengths_by_ending(names) if lengths is None else lengths
        self._ending_characters = sorted({ending[-1] for ending in self._lengths})
        self._government_word = _literal_alternation(GOVERNMENT_WORDS)
        self._body_word = _literal_alternation(GOVERNMENT_WORDS + DEPARTMENT_WORDS)
        self._ordinary_word_names: dict[str, bool] = {}

    def find_all(self, text: str) -> list[tuple[int, int]]:
        """Every (start, end) where a full name occurs, overlaps included, leftmost then longest first."""
        names = self._names
        lengths = self._lengths
        found = []
        find = text.find
        for character in self._ending_characters:  # each found by str.find: three times faster than a character class
            end = find(character) + 1
            while end:
                for length in lengths.get(text[max(0, end - 2) : end], ()):
                    start = end - length
                    if start >= 0 and text[start:end] in names:
                        found.append((start, end))
                end = find(character, end) + 1
        found.sort(key=lambda span: (span[0], -span[1]))
        return found

    def split(self, text: str) -> list[PlaceMention]:
        """The names a known organ name is made of, leftmost-longest, without context rules.

        "秦安县兴国镇人民政府" → 秦安县, 兴国镇.  For strings known to be names
        (report subjects, configured names), where context rules would only lose
        matches.
        """
        mentions: list[PlaceMention] = []
        covered_until = 0
        for start, end in self.find_all(text):
            if start >= covered_until:
                name = text[start:end]
                mentions.append(_new_tuple(PlaceMention, (start, end, name, self._gazetteer.lookup(name))))
                covered_until = end
        return mentions

    def scan(self, text: str) -> list[PlaceMention]:
        """Every place-name mention in running text, in order, after the context rules."""
        found = self.find_all(text)
        longest_name_end: dict[int, int] = {}
        for start, end in found:
            longest_name_end.setdefault(start, end)
        mentions: list[PlaceMention] = []
        covered_until = 0
        for start, end in found:
            if start < covered_until:
                continue
            name = text[start:end]
            candidates = self._gazetteer.lookup(name)
            previous = mentions[-1] if mentions and mentions[-1].end == start else None
            if self._is_mention(text, start, end, candidates, previous, longest_name_end):
                mentions.append(_new_tuple(PlaceMention, (start, end, name, candidates)))
                covered_until = end
        return mentions

    def _is_mention(
        self,
        text: str,
        start: int,
        end: int,
        candidates: tuple[Place, ...],
        previous: PlaceMention | None,
        longest_name_end: dict[int, int],
    ) -> bool:
        """Apply the context rules of the module docstring to one candidate name."""
        name = text[start:end]
        if self._is_ordinary_word(name, candidates):
            return (
                self._follows_parent(candidates, previous)
                or self._precedes_child(text, end, candidates, longest_name_end)
                or (_has_left_boundary(text, start) and self._government_word.match(text, end) is not None)
                or (_opens_clause(text, start) and ACTOR_FOLLOW.match(text, end) is not None)  # 先锋镇坚持以……
            )
        if len(name) == DISTINCTIVE_NAME_LENGTH and name.endswith(STREET_SUFFIX) and name[1] in _STREET_STEM_ENDS:
            # a street office named after a street (南街街道, 东关街道) right after other Han characters is the end of a
            # longer name the gazetteer does not have (振华南街街道), unless a place's name or a government ends right
            # before it (平城区南街街道, 西咸新区大坝街道: the gazetteer may not know the place; 平城区人民政府南街街道)
            return _has_left_boundary(text, start) or previous is not None or text[start - 1] in _PLACE_KIND_ENDS
        if len(name) >= DISTINCTIVE_NAME_LENGTH:
            return True
        if len(name) == 2:
            if name[0] in LEFT_FUNCTION_CHARACTERS and start > 0 and text[start - 1] in _CLOSING_MARKS:
                return self._follows_parent(candidates, previous)  # 《条例》和县政府: “and the county government”
            return (_has_left_boundary(text, start) or self._follows_parent(candidates, previous)) and (
                self._has_right_boundary(text, end) or end in longest_name_end
            )
        if name[1:] in SELF_REFERENCE_TAILS:
            return _has_left_boundary(text, start) or self._follows_parent(candidates, previous)
        if name[1:] in ORDINARY_WORD_TAILS:
            return (
                _has_left_boundary(text, start)
                or self._has_right_boundary(text, end)
                or self._follows_parent(candidates, previous)
                or end in longest_name_end
            )
        return True

    def _is_ordinary_word(self, name: str, candidates: tuple[Place, ...]) -> bool:
        """Whether the name, or the stem of a place so named, is an ordinary word (cached per name)."""
        ordinary = self._ordinary_word_names.get(name)
        if ordinary is None:
            ordinary = name in ORDINARY_WORD_NAMES or any(place.stem in ORDINARY_WORD_STEMS for place in candidates)
            self._ordinary_word_names[name] = ordinary
        return ordinary

    def _has_right_boundary(self, text: str, end: int) -> bool:
        """Text end, a non-Han or function character, or a government/department word at ``end``."""
        return (
            end == len(text)
            or not _is_han(text[end])
            or text[end] in RIGHT_FUNCTION_CHARACTERS
            or self._body_word.match(text, end) is not None
        )

    def _follows_parent(self, candidates: tuple[Place, ...], previous: PlaceMention | None) -> bool:
        """The mention right before is a place containing one of the candidates ("天水市|秦安县")."""
        if previous is None:
            return False
        return any(place != parent and self._gazetteer.is_within(place, parent) for place in candidates for parent in previous.candidates)

    def _precedes_child(self, text: str, end: int, candidates: tuple[Place, ...], longest_name_end: dict[int, int]) -> bool:
        """A name right after is a place inside one of the candidates ("代县|峨口镇")."""
        child_end = longest_name_end.get(end)
        if child_end is None:
            return False
        return any(
            child != place and self._gazetteer.is_within(child, place)
            for child in self._gazetteer.lookup(text[end:child_end])
            for place in candidates
        )


def _is_han(character: str) -> bool:
    """A CJK ideograph (the characters names are made of)."""
    code_point = ord(character)
    return (
        0x4E00 <= code_point <= 0x9FFF
        or 0x3400 <= code_point <= 0x4DBF
        or 0xF900 <= code_point <= 0xFAFF
        or 0x20000 <= code_point <= 0x3FFFF
    )


#: The last characters of the names of places above a street office (区, 县, 市 …), and of their governments (人民政府).
_PLACE_KIND_ENDS = frozenset("省市县区旗州盟镇乡府")
#: The last characters of the two-character names of streets (南街, 东关, 中路 …) that street offices are named after: such
#: a name may end a longer street's name (振华南街街道); 茶山街道, 古田街道 are named after no street.
_STREET_STEM_ENDS = frozenset("街路巷关门桥")
#: Marks that close a title, quotation or bracket: a conjunction usually follows them (《条例》和县政府), a name seldom.
#: The straight quotes are the curly ones of the normalised text (州委“337”和县委: 州委"337"和县委).
_CLOSING_MARKS = frozenset("》”’）)】」』〕]\"'")


def _opens_clause(text: str, start: int) -> bool:
    """Text or line start, or a clause's punctuation right before ``start``."""
    return start == 0 or text[start - 1] in _CLAUSE_BOUNDARIES


#: What a clause starts after (not 、: a name after it is one of a list).
_CLAUSE_BOUNDARIES = frozenset(SENTENCE_STOPS + COMMAS + SEMICOLONS + COLONS + "\n")


def _has_left_boundary(text: str, start: int) -> bool:
    """Text start, a non-Han character or a function character right before ``start``."""
    return start == 0 or not _is_han(text[start - 1]) or text[start - 1] in LEFT_FUNCTION_CHARACTERS


def _literal_alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of ``words``, longest first."""
    return compiled("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
