"""The section finder: the six top-level sections, pre-2019 headings and unknown ones.

A heading is a short line such as ``三、收到和处理政府信息公开申请情况``:
matched exactly, as a known variant, or by its keywords (复议 + 诉讼 …), with
full/half-width punctuation, spaces and a missing ordinal tolerated. The
application table's own row labels (``一、本年新收…``, ``四、结转下年度继续办理``)
are never headings, and numbered list items inside a section are told apart
from headings by the order of their ordinals.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
from operator import attrgetter, le, ne
from typing import NamedTuple

from reportlint.core.model import Document
from reportlint.template.labels import PUNCTUATION_FOLD, is_near_miss, is_similar, key_of, keyed_relative, label_key, strip_ordinal
from reportlint.template.spec import SectionSpec, TemplateSpec
from reportlint.text.chars import COLONS, COMMAS, LIST_COMMA, SEMICOLONS, SENTENCE_STOPS
from reportlint.text.normalize import has_traditional
from reportlint.text.ordinals import ENCLOSED_ORDINALS, chinese_number, enclosed_number
from reportlint.usercache.patterns import compiled

_SENTENCE_LIKE = compiled(r"[。；;]$|[，,].*[，,]")

#: The ordinal that opens a heading line, by kind: ``一、`` (chinese), ``第一部分`` (part),
#: ``1、``/``1.`` (arabic), ``（一）``/``(1)``/``㈠``/``⑴`` (bracket) and ``①`` (circled).
_ORDINAL = compiled(
    r"\s*(?:"
    r"第\s*(?P<part>[一二三四五六七八九十]{1,3})\s*部分\s*[、.．,，:：]?"
    r"|(?P<chinese>[一二三四五六七八九十]{1,3})\s*[、.．,，]"
    r"|(?P<arabic>\d{1,2})\s*[、.．](?!\d)"
    r"|(?P<bracket>[(（]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|" + f"[{ENCLOSED_ORDINALS}])"
    r"|(?P<circled>[①-⑳])"
    r")\s*"
)
#: Where a heading may start inside running text: after a sentence, a clause-ending colon or whitespace.
_INLINE_BOUNDARY = f"{SENTENCE_STOPS}{SEMICOLONS}{COLONS}"
#: A heading directly followed by one of these is an item of a list (``包括：一、总体情况；二、……``).
_LIST_CONTINUES = f"{LIST_COMMA}{SEMICOLONS}{COMMAS}"
#: A part's ordinal inside running text: ``第\s*[一二三四五六]\s*部分``, ``[一二三四五六]\s*[、.．]`` or ``[1-6]\s*[、.．](?!\d)``,
#: written to start with one character class (the alternatives told apart by a look-behind at it): the engine skips
#: the positions none can start at.
_INLINE_ORDINAL = compiled(
    r"[第一二三四五六1-6](?:(?<=第)\s*[一二三四五六]\s*部分|(?<=[一二三四五六])\s*[、.．]|(?<=[1-6])\s*[、.．](?!\d))"
)
#: A line holding only a part's number (“二、”): the heading's words may be on the next line.
_BARE_ORDINAL_LINE = compiled(r"(?m)^[ \t\u3000]*([一二三四五六七八九十]{1,3}[、.．])[ \t\u3000]*$")
_MAX_HEADING_KEY = 40
#: How far into an unnumbered line a long legacy heading may start and still be its heading (关于…).
_LEGACY_PREFIX = 2
#: A character a key keeps (keys leave out whitespace, as ``str.split`` finds it).
_NON_SPACE = compiled(r"\S")
#: Longest run of text after an inline ordinal taken as a whole heading (``二、主动公开政府信息情况``).
_MAX_INLINE_HEADING = 30
#: That run of text: up to the next space or punctuation.
_INLINE_RUN = compiled(rf"[^\s{_INLINE_BOUNDARY}{COMMAS}]{{1,{_MAX_INLINE_HEADING}}}(?=[\s{_INLINE_BOUNDARY}{COMMAS}]|$)")
#: Lines up to this length have their headings remembered, up to this many lines (then the finder starts afresh).
_MAX_REMEMBERED_LINE = 400
_MAX_REMEMBERED_LINES = 2048


@dataclass(frozen=True)
class Ordinal:
    """The ordinal a heading line starts with: its kind, value and length in the line."""

    kind: str  # "chinese", "part", "arabic", "bracket" or "circled"
    value: int | None
    length: int

    @property
    def is_top_level(self) -> bool:
        """An ordinal top-level parts use (一、 第一部分 and, where a report numbers its parts so, 1、; a part numbered
        （一） is only taken with its official heading, see :meth:`SectionFinder._bracketed_part`)."""
        return self.kind in ("chinese", "part", "arabic")


def parse_ordinal(text: str) -> Ordinal | None:
    """The ordinal at the start of ``text`` (normalised), or None."""
    match = _ORDINAL.match(text)
    if match is None:
        return None
    kind = match.lastgroup  # the one named group of the alternative that matched (the pattern has no other group)
    assert kind is not None
    raw = match.group(kind)
    if kind == "bracket":
        inner = raw.strip("(（)） \t")
        value = enclosed_number(inner) or (int(inner) if inner.isdigit() else chinese_number(inner))
    else:
        value = int(raw) if kind == "arabic" else chinese_number(raw) if kind in ("part", "chinese") else None
    return Ordinal(kind, value, match.end())


@dataclass(frozen=True)
class FoundSection:
    """A top-level heading found in the report and the body that follows it.

    ``kind`` is ``template`` (one of the six sections, ``spec_id`` set),
    ``legacy`` (a pre-2019 heading such as 概述) or ``unknown``; ``match`` is
    ``exact``, ``variant``, ``keywords`` or ``position`` (part 一 under a heading of its own, known by where it
    stands) for template sections.
    """

    kind: str
    spec_id: str | None
    heading: str
    start: int
    end: int
    body_start: int
    body_end: int
    ordinal: int | None
    match: str

    @property
    def is_template(self) -> bool:
        """One of the six template sections."""
        return self.kind == "template"

    @property
    def is_old_first_part(self) -> bool:
        """An old heading standing where part 一 is: 概述 (“一、概 述”), or any old heading numbered 一 (“一、工作基本情况”)."""
        return self.kind == "legacy" and (self.ordinal == 1 or "概述" in "".join(self.heading.split()))


class _Candidate(NamedTuple):
    kind: str
    spec_id: str | None
    heading: str
    start: int
    end: int
    ordinal: int | None
    match: str
    strong: bool
    number: int | None = None  # the template section's number (1–6), or the ordinal of other headings
    ordinal_kind: str | None = None
    inline: bool = False


def _moved(candidate: _Candidate, by: int) -> _Candidate:
    """The candidate ``by`` characters further on: what ``candidate._replace(start=…, end=…)`` gives, without the
    keyword call (the finder moves every heading of a remembered line to where the line stands)."""
    return _new_tuple(_Candidate, (*candidate[:3], candidate[3] + by, candidate[4] + by, *candidate[5:]))


#: Makes a named tuple from its fields in order, faster than its own constructor.
_new_tuple = tuple.__new__


class SectionFinder:
    """Finds sections using the section specs and table labels of the known templates."""

    def __init__(self, templates: Sequence[TemplateSpec]) -> None:
        primary = templates[0]
        self.sections: tuple[SectionSpec, ...] = primary.sections
        self.numbers = {section.id: section.number for section in self.sections}
        self.legacy = tuple(dict.fromkeys(label_key(text) for template in templates for text in template.legacy_headings))
        self.table_labels = tuple(
            dict.fromkeys(
                label_key(text)
                for template in templates
                for table in template.tables
                for text in (
                    *(row.label for row in table.rows if row.label),
                    *table.group_labels,
                )
            )
        )
        self.bare_table_labels = frozenset(strip_ordinal(label) for label in self.table_labels)
        #: the row labels a table row may start with and go on past (``三、本年度办理结果 （一）予以公开 12 2 0``)
        self._row_openers = tuple(sorted(label for label in self.bare_table_labels if len(label) >= 4))
        #: legacy headings of up to three characters are a whole heading's text, longer ones may be part of it
        self._short_legacy = frozenset(legacy for legacy in self.legacy if len(legacy) <= 3)
        self._long_legacy = tuple(legacy for legacy in self.legacy if len(legacy) > 3)
        #: finds any of them in a key at once (None without any)
        self._long_legacy_search = compiled("|".join(map(re.escape, self._long_legacy))).search if self._long_legacy else None
        #: the table labels by length (a label only resembles keys of about its length)
        self._labels_by_length: dict[int, list[str]] = {}
        for label in self.table_labels:
            self._labels_by_length.setdefault(len(label), []).append(label)
        #: exact and variant headings without their ordinal → (section id, how it matched)
        self.known_headings: dict[str, tuple[str, str]] = {}
        for section in self.sections:
            for variant in section.variants:
                self.known_headings.setdefault(strip_ordinal(label_key(variant)), (section.id, "variant"))
            self.known_headings[strip_ordinal(label_key(section.heading))] = (section.id, "exact")
        #: each number's official heading without its ordinal: (section id, key)
        self._official_by_number = {section.number: (section.id, strip_ordinal(label_key(section.heading))) for section in self.sections}
        #: the same by section number, longest first, for headings written inside running text (an inline heading's
        #: ordinal is its section's number)
        self._known_by_number: dict[int, list[tuple[str, tuple[str, str]]]] = {}
        for item in sorted(self.known_headings.items(), key=lambda item: -len(item[0])):
            self._known_by_number.setdefault(self.numbers[item[1][0]], []).append(item)
        #: the first key characters of each number's known headings: a run of text whose key starts with none of them
        #: starts no known heading, told without keying the run (most inline ordinals open a table row: ``2.重复申请 1 0 0``);
        #: none for a number with an empty heading key (every key starts with it)
        self._first_chars_by_number = {
            number: frozenset(bare[0] for bare, _ in known)
            for number, known in self._known_by_number.items()
            if all(bare for bare, _ in known)
        }
        #: the headings of each line met so far (offsets relative to the line), see :meth:`_line_candidates`;
        #: lines of running text at index False, heading blocks at index True
        self._by_line: tuple[dict[str, tuple[_Candidate, ...]], dict[str, tuple[_Candidate, ...]]] = ({}, {})

    def find(self, document: Document) -> tuple[FoundSection, ...]:
        """The accepted headings in document order, each with its body range."""
        candidates = self._candidates(document)
        accepted = self._first_part_by_position(self._select(candidates))
        found = []
        text = document.text
        for index, candidate in enumerate(accepted):
            body_start = candidate.end + 1 if candidate.end < len(text) and text[candidate.end] == "\n" else candidate.end
            body_end = accepted[index + 1].start if index + 1 < len(accepted) else len(text)
            found.append(
                FoundSection(
                    candidate.kind,
                    candidate.spec_id,
                    document.text[candidate.start : candidate.end],
                    candidate.start,
                    candidate.end,
                    min(body_start, body_end),
                    body_end,
                    candidate.ordinal,
                    candidate.match,
                )
            )
        return tuple(found)

    def _candidates(self, document: Document) -> list[_Candidate]:
        found = self._line_headings(document)
        broken = self._broken_headings(document, found)
        return sorted([*found, *broken], key=attrgetter("start")) if broken else found

    def _broken_headings(self, document: Document, found: list[_Candidate]) -> list[_Candidate]:
        """Headings broken after their number (“二、” on a line, “主要公开政府信息情况” on the next), read as one line
        where the next line is no heading by itself."""
        normalized = document.normalized
        if _BARE_ORDINAL_LINE.search(normalized) is None:  # (most reports)
            return []
        starts = {candidate.start for candidate in found}
        tables = [(block.start, block.end) for block in document.tables]
        broken = []
        for match in _BARE_ORDINAL_LINE.finditer(normalized):
            if any(start <= match.start() < end for start, end in tables):
                continue  # a row label's number in a table (“三、” over “本年度办理结果”)
            next_start = match.end() + 1
            next_end = normalized.find("\n", next_start)
            next_end = len(normalized) if next_end < 0 else next_end
            following = normalized[next_start:next_end]
            if not following.strip() or "\t" in following or any(next_start <= start < next_end for start in starts):
                continue
            joined = (match.group(1) + following).strip()
            candidate = self._classify(joined, 0, len(joined), False)
            if candidate is not None and candidate.kind == "template":
                broken.append(candidate._replace(heading=joined, start=match.start(1), end=next_end))
        return broken

    def _line_headings(self, document: Document) -> list[_Candidate]:
        tables = sorted((block.start, block.end) for block in document.tables)
        # a line starts inside a table when a table starting at or before it ends after it: the furthest end of the
        # tables that start at or before each table's start says so with one bisection
        table_starts = [start for start, _ in tables]
        reach = list(accumulate((end for _, end in tables), max))
        headings = document.headings
        heading_starts = [block.start for block in headings]
        in_order = all(map(le, heading_starts, heading_starts[1:]))  # then the first heading on a line is found by bisection
        candidates: list[_Candidate] = []
        normalized = document.normalized
        remembered = self._by_line
        if not tables and not headings:  # plain text: every line is read as running text
            lines, contents = document.lines, document.line_texts
            # most lines were met before and hold no heading (``()``): every line's remembered headings are looked up
            # at once (C loops over the lines), and only the lines with headings or not met before are looked at
            for index in compress(count(), map(ne, map(remembered[False].get, contents), repeat(()))):
                in_line = self._line_candidates(contents[index], False)
                if in_line:
                    line_start = lines[index].start
                    candidates.extend(in_line if not line_start else [_moved(item, line_start) for item in in_line])
            return candidates
        for line in document.lines:
            if tables:
                preceding = bisect_right(table_starts, line.start)
                if preceding and reach[preceding - 1] > line.start:
                    continue
            heading = None
            if headings:
                if in_order:
                    first = bisect_left(heading_starts, line.start)
                    heading = headings[first] if first < len(headings) and heading_starts[first] <= line.end else None
                else:
                    heading = next((block for block in headings if line.start <= block.start <= line.end), None)
            # A heading block's own range leaves out markup such as Markdown's "## ".
            start, end = (heading.start, heading.end) if heading is not None else (line.start, line.end)
            content = normalized[start:end]
            found = remembered[heading is not None].get(content)
            if found is None:
                found = self._line_candidates(content, heading is not None)
            if found:
                candidates.extend(found if not start else [_moved(item, start) for item in found])
        return candidates

    def _line_candidates(self, content: str, is_heading_block: bool) -> tuple[_Candidate, ...]:
        """The headings of one line, with offsets into the line (remembered: reports repeat the template's lines).

        A blank line and a line with a tab (a table row) have none.
        """
        remembered = self._by_line[is_heading_block]
        found = remembered.get(content)
        if found is None:
            # (a cell's bar left after a heading by a page copied one cell per line: “一、总体情况 |”)
            stripped = content.strip().rstrip(" |").rstrip()
            if not stripped or "\t" in stripped:
                found = ()
            else:
                candidate = self._classify(stripped, 0, len(stripped), is_heading_block)
                if candidate is not None:
                    found = (candidate,)
                else:
                    found = () if is_heading_block else tuple(self._inline(stripped, 0, len(stripped)))
                lead = len(content) - len(content.lstrip())
                if lead and found:
                    found = tuple([_moved(item, lead) for item in found])
            if len(content) <= _MAX_REMEMBERED_LINE:
                if len(remembered) >= _MAX_REMEMBERED_LINES:
                    remembered.clear()
                remembered[content] = found
        return found

    def _opens_with_legacy(self, bare: str, kind: str | None) -> bool:
        """Whether a line's key holds a long legacy heading as a heading does: anywhere after a number (五、关于政府信息公开
        的收费及减免情况), else at its start (a sentence such as 全年未出现政府信息公开的收费及减免情况 only names it)."""
        if self._long_legacy_search is None:
            return False
        found = self._long_legacy_search(bare)
        return found is not None and (kind is not None or found.start() <= _LEGACY_PREFIX)

    def _classify(self, content: str, start: int, end: int, is_heading_block: bool, inline: bool = False) -> _Candidate | None:
        key = key_of(content, 0, len(content)).rstrip(":")
        if len(key) - content.count("?") > _MAX_HEADING_KEY:
            # content is the document's normalised text (pinyin annotations blanked, widths folded, so a question mark
            # is "?"): label_key's conversion of it keeps every character but the question marks of a lost indent it
            # may blank, so its key is at least as long as this bound (on raw text it could blank more)
            return None  # (a line of running text: known so without looking for traditional script in it)
        if has_traditional(content):  # only a line that still reads as traditional script needs label_key's conversion
            key = label_key(content)
        if not key or len(key) > _MAX_HEADING_KEY:
            return None
        ordinal = parse_ordinal(content)
        if ordinal is not None and not ordinal.is_top_level and ordinal.kind != "bracket":
            return None  # ①…: items of a sub-heading, never parts
        kind = ordinal.kind if ordinal else None
        value = ordinal.value if ordinal else None
        bare = label_key(content[ordinal.length :]) if ordinal else strip_ordinal(key)
        if not bare or bare in self.bare_table_labels:
            return None
        if kind == "bracket":  # （一）主动公开情况 is a sub-heading of part 一; （二）主动公开政府信息情况 may be part 二
            return self._bracketed_part(content, start, end, bare, value)
        sentence_like = bool(_SENTENCE_LIKE.search(content.strip()))
        if kind != "arabic" and not inline and not sentence_like and (bare in self._short_legacy or self._opens_with_legacy(bare, kind)):
            return _Candidate("legacy", None, content, start, end, value, "legacy", True, value, kind)
        known = self.known_headings.get(bare)
        if known is not None:
            number = self.numbers[known[0]]
            if kind == "arabic" and value != number:
                return None  # 1.主动公开情况 under 一、总体情况
            strong = not inline and (kind in ("chinese", "part") or (kind is None and (known[1] == "exact" or is_heading_block)))
            return _Candidate("template", known[0], content, start, end, value, known[1], strong, number, kind)
        if kind not in ("chinese", "part") and not is_heading_block:
            return None
        if sentence_like or self._like_table_label(key):
            return None
        official = self._official_by_number.get(value) if value is not None and kind in ("chinese", "part") and not inline else None
        if official is not None and is_near_miss(bare, official[1]):  # 二、主要公开政府信息情况: one character mistyped
            return _Candidate("template", official[0], content, start, end, value, "variant", True, value, kind)
        matches = [section for section in self.sections if _keywords_match(section, bare)]
        if matches:
            preferred = next((section for section in matches if section.number == value), matches[0])
            if inline and preferred.number != value:
                return None
            return _Candidate("template", preferred.id, content, start, end, value, "keywords", is_heading_block, preferred.number, kind)
        if kind in ("chinese", "part") and len(bare) <= 25 and not inline and not bare.startswith(self._row_openers):
            return _Candidate("unknown", None, content, start, end, value, "unknown", is_heading_block, value, kind)
        return None

    def _bracketed_part(self, content: str, start: int, end: int, bare: str, value: int | None) -> _Candidate | None:
        """A part numbered like a sub-heading (``（二）主动公开政府信息情况``): a weak heading, kept only in a report
        that does not number its parts 一、二、 (see :meth:`_select`), and only with its number and the official heading
        or a variant that names 政府信息 (``（二）主动公开政府信息的情况``; ``（二）主动公开情况`` is the second sub-heading
        of part 一 as often as it is part 二)."""
        known = self.known_headings.get(bare)
        if known is None or self.numbers[known[0]] != value or not (known[1] == "exact" or "政府信息" in bare):
            return None
        return _Candidate("template", known[0], content, start, end, value, known[1], False, value, "bracket")

    def _inline(self, normalized: str, start: int, end: int) -> list[_Candidate]:
        """Headings inside a line of running text (a page copied without its line breaks).

        A heading stands after a sentence (``。二、主动公开政府信息情况``) or
        whitespace, and is either a short run of text up to the next space or
        punctuation that reads as a heading, or begins with the words of a known
        heading. Such headings are only kept where their ordinal continues the
        report's sequence (see :meth:`_select`).
        """
        found = []
        for match in _INLINE_ORDINAL.finditer(normalized, start, end):
            before = normalized[start : match.start()].rstrip()
            if before and before[-1] not in _INLINE_BOUNDARY and len(before) == match.start() - start:
                continue  # glued to the word before it: 十九届二中、三中全会
            candidate = self._inline_heading(normalized, match.start(), end)
            if candidate is None:
                continue
            following = normalized[candidate.end : end].lstrip()
            if following and following[0] in _LIST_CONTINUES:
                continue
            found.append(candidate)
        return found

    def _inline_heading(self, normalized: str, start: int, line_end: int) -> _Candidate | None:
        ordinal = parse_ordinal(normalized[start:line_end])
        if ordinal is None or ordinal.value is None:
            return None
        head_start = start + ordinal.length
        run = _INLINE_RUN.match(normalized[head_start:line_end])
        if run is not None:
            candidate = self._classify(normalized[start : head_start + run.end()], start, head_start + run.end(), False, inline=True)
            if candidate is not None:
                return candidate._replace(inline=True)
        known = self._known_by_number.get(ordinal.value)
        if known is None:
            return None  # no section has this number
        key_end = min(line_end, head_start + 3 * _MAX_HEADING_KEY)
        first_chars = self._first_chars_by_number.get(ordinal.value)
        if first_chars is not None:
            first = _NON_SPACE.search(normalized, head_start, key_end)  # the key's first character, before its folding
            if first is None or PUNCTUATION_FOLD.get(first[0], first[0]) not in first_chars:
                return None  # (no known heading starts the key: nothing to key)
        key, offsets = keyed_relative(normalized, head_start, key_end)
        for bare, (section_id, how) in known:
            if key.startswith(bare):
                heading_end = head_start + offsets[len(bare) - 1] + 1
                return _Candidate(
                    "template",
                    section_id,
                    normalized[start:heading_end],
                    start,
                    heading_end,
                    ordinal.value,
                    how,
                    False,
                    ordinal.value,
                    ordinal.kind,
                    inline=True,
                )
        return None

    def _like_table_label(self, key: str) -> bool:
        """A slightly different spelling of a table row label (``一、本年新收政府信息公开申请数``)."""
        return any(
            is_similar(key, label, 0.9) for length in range(len(key) - 3, len(key) + 4) for label in self._labels_by_length.get(length, ())
        )

    def _first_part_by_position(self, accepted: list[_Candidate]) -> list[_Candidate]:
        """Part 一 under a heading of the report's own wording (“一、基本情况”, “一、2023年工作开展情况”): the first heading,
        numbered 一、 and of no known part, with part 二 the next part found, is part 一 (``match`` ``position``; RL107
        names its wording), not a part outside the format with part 一 missing."""
        if not accepted or accepted[0].kind != "unknown" or accepted[0].ordinal != 1 or accepted[0].ordinal_kind not in ("chinese", "part"):
            return accepted
        first_id, second_id = (next((section.id for section in self.sections if section.number == number), None) for number in (1, 2))
        following = next((item for item in accepted[1:] if item.kind != "unknown"), None)
        if first_id is None or following is None or following.spec_id != second_id or any(item.spec_id == first_id for item in accepted):
            return accepted
        return [accepted[0]._replace(kind="template", spec_id=first_id, match="position", number=1), *accepted[1:]]

    @staticmethod
    def _select(candidates: list[_Candidate]) -> list[_Candidate]:
        """Keep strong headings; keep weak ones only where they continue the sequence of parts.

        A weak heading (one found inside running text, one numbered ``1、``, one
        without an ordinal that is not the official heading) is kept when its
        number comes after the last part kept and no strong heading later in the
        report has the same or a lower number. Arabic-numbered parts are only
        taken from reports that do not number their parts 一、二、, and so are parts numbered
        like sub-headings (``（二）主动公开政府信息情况``); an arabic-numbered one follows only a part numbered so too
        (after an unnumbered ``总体情况``, ``2.主动公开情况`` is the second item of part 一; ``2.主动公开政府信息情况``
        names the part). A part's name written again without its number is
        a caption above its table, not the part repeated. A part numbered 一、 followed by a heading numbered 一、 again
        that is weak, or named by keywords alone or by no part, opens a list of the part's items numbered like parts
        (一、总体情况, 一、主动公开……, 二、规范流程……): such headings continuing that list are no parts.
        """
        chinese_parts = any(item.kind == "template" and item.ordinal_kind in ("chinese", "part") for item in candidates)
        if chinese_parts:
            candidates = [item for item in candidates if item.ordinal_kind not in ("arabic", "bracket")]
        accepted: list[_Candidate] = []
        strong = [candidate for candidate in candidates if candidate.strong]
        nested = 0  # the next number of a list numbered like the parts inside a part (一、 again after 一、总体情况), or 0
        for candidate in candidates:
            previous = accepted[-1] if accepted else None
            agrees = candidate.kind == "template" and candidate.ordinal in (None, candidate.number)
            # (a heading of its own line is strong; one named by keywords alone or by no part may still be an item)
            loose = not candidate.strong or candidate.kind == "unknown" or candidate.match == "keywords"
            if candidate.ordinal is not None and not agrees and loose:
                if candidate.ordinal == 1 and previous is not None and previous.ordinal == 1 and not nested:
                    nested = 2  # 一、总体情况, 一、主动公开，拓宽…, 二、规范流程…: the items of part 一
                    continue
                if nested and candidate.ordinal == nested:
                    nested += 1
                    continue
            if candidate.strong:  # duplicates included: a repeated section is a finding, not noise
                if candidate.ordinal is None and candidate.spec_id and any(item.spec_id == candidate.spec_id for item in accepted):
                    continue  # … but a part's name again without its number is its table's caption (“主动公开政府信息情况”)
                accepted.append(candidate)
                nested = 0
                continue
            number = candidate.number
            if number is None:
                continue
            if (
                candidate.ordinal_kind == "arabic"
                and previous is not None
                and previous.ordinal_kind != "arabic"
                and "政府信息" not in candidate.heading
            ):
                continue  # 总体情况 (no number), 1.新条例学习情况, 2.主动公开情况: the items of part 一, numbered 1. 2.
            follows = candidate.ordinal is not None and candidate.ordinal == (previous.ordinal or 0 if previous else 0) + 1
            last = (previous.number or 0) if previous is not None else 0
            if not ((follows and not candidate.inline) or (agrees and number > last)):
                continue
            later = next((item for item in strong if item.start > candidate.start), None)
            if later is not None and _not_after(later, candidate):
                continue
            if candidate.kind == "template" and any(item.spec_id == candidate.spec_id for item in accepted):
                continue
            accepted.append(candidate)
        return accepted


def _not_after(later: _Candidate, candidate: _Candidate) -> bool:
    """Whether a later strong heading numbers itself at or before ``candidate`` (by ordinal where both have one)."""
    if later.ordinal is not None and candidate.ordinal is not None:
        return later.ordinal <= candidate.ordinal
    return later.number is not None and candidate.number is not None and later.number <= candidate.number


def _keywords_match(section: SectionSpec, bare: str) -> bool:
    return bool(section.keywords) and all(any(word in bare for word in group) for group in section.keywords)
