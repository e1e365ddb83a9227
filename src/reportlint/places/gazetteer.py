"""The Gazetteer: every division of China with its hierarchy, looked up by code or name, and scanned for in text.

Loading is cheap and lazy: the data file becomes three parallel lists and a
name dictionary (tens of milliseconds); ``Place`` objects, the code index, the
child index, the scanner and the short-name index are built the first time
something needs them.  ``Gazetteer.default()`` loads the shipped data once per
process.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache

from reportlint.core.values import shown
from reportlint.places.datafile import (
    DataFileInfo,
    DivisionColumns,
    level_from_code,
    natural_parent_code,
    read_division_file,
)
from reportlint.places.divisions import ExtraPlace, Place, kind_of
from reportlint.places.errors import GazetteerDataError, GazetteerError
from reportlint.places.matcher import NameMatcher, PlaceMention, lengths_by_ending, merged_lengths
from reportlint.places.shortnames import ShortNameIndex, short_form

#: Organ names whose split :meth:`Gazetteer.split_name` remembers (a batch's subjects; forgotten all at once beyond this).
_SPLIT_NAMES_KEPT = 4096


class Gazetteer:
    """China's administrative divisions down to townships, plus any local names an office adds.

    Build one with :meth:`default` (the shipped data, cached) or :meth:`load`.
    Places are :class:`Place` values; :meth:`scan` finds full place names in text.
    ``info`` says where the data comes from (``info.data_as_of``, ``info.source``).
    """

    def __init__(self, divisions: DivisionColumns, extra_places: Iterable[ExtraPlace | tuple[str, str, str]] = ()):
        """Wrap columns read from a data file; prefer :meth:`load`, which reads the file for you."""
        extras = [_as_extra_place(extra) for extra in extra_places]
        self.info: DataFileInfo = divisions.info
        self._extra_places = tuple(extras)
        # Extra places are appended to the columns: copy them so the caller's stay as read.
        self._divisions = divisions
        self._names = list(divisions.names) if extras else divisions.names
        self._official_count = len(self._names)
        # Extra places' codes and parent codes, after the official ones (index - official count).
        self._extra_codes: list[str] = []
        self._extra_parent_codes: list[str] = []
        self._extra_code_index: dict[str, int] = {}
        self._official_name_lengths = divisions.name_lengths
        self._places: list[Place | None] = [None] * self._official_count
        # every name the scanner finds: the official ones (a set, not an index: the sorted column is bisected for a
        # name's places, and a set of 42,000 names is made in half the time of a dict), and the names townships are
        # usually written by (杨梅乡 for 杨梅彝族苗族回族乡), looked up with the official names of the same spelling
        self._aliases = divisions.aliases
        self._name_set: set[str] = set(self._names)
        self._name_set.update(self._aliases)
        self._extra_indices_by_name: dict[str, list[int]] = {}
        self._extra_kinds: dict[int, str] = {}
        self._extra_levels: dict[int, int] = {}
        self._extra_counts_by_parent: dict[str, int] = {}
        # Chains stay valid as extra places are added: they only ever become leaves.
        self._parent_chains: dict[str, tuple[Place, ...]] = {}
        self._split_names: dict[str, tuple[PlaceMention, ...]] = {}
        self._lookups: dict[str, tuple[Place, ...]] = {}
        for extra in extras:
            self._add_extra_place(extra)

    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped gazetteer, loaded on first use and shared by the whole process."""
        return _default_gazetteer()

    @classmethod
    def load(
        cls,
        data_file: str | os.PathLike[str] | None = None,
        extra_places: Iterable[ExtraPlace | tuple[str, str, str]] = (),
    ) -> Gazetteer:
        """A gazetteer from ``data_file`` (default: the shipped one) plus ``extra_places``.

        ``data_file`` is a file in the format of ``tools/build_gazetteer.py`` (for
        newer official data); ``extra_places`` are :class:`ExtraPlace` values or
        ``(name, parent code or parent name, kind)`` tuples.  Raises
        :class:`GazetteerError` (Chinese message) for a bad file or extra place.
        """
        return cls(read_division_file(data_file), extra_places)

    def __reduce__(self) -> tuple:
        """Pickle as "load this file with these extras" (the shipped default as itself), never the data."""
        if _default_gazetteer.cache_info().currsize and self is _default_gazetteer():
            return (Gazetteer.default, ())
        return (Gazetteer.load, (self.info.path, self._extra_places))

    def __len__(self) -> int:
        """The number of places, extra places included."""
        return len(self._names)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places, data as of {self.info.data_as_of or '?'}>"

    def get(self, code: str) -> Place | None:
        """The place with this code, or None."""
        index = self._extra_code_index.get(code)
        if index is None:
            index = self._divisions.index_of_code(code)
        return None if index is None else self._place(index)

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place whose full name is exactly ``name`` (official ones by code, then ethnic townships usually written
        so, then extra ones).

        Remembered per name found (at most one entry per name of the gazetteer): a batch's reports name the same places.
        """
        found = self._lookups.get(name)
        if found is None:
            found = self._lookup(name)
            if found:
                self._lookups[name] = found
        return found

    def _lookup(self, name: str) -> tuple[Place, ...]:
        official: tuple[Place, ...] = ()
        if name in self._name_set:
            first = bisect_left(self._names, name, 0, self._official_count)
            if first < self._official_count and self._names[first] == name:
                last = bisect_right(self._names, name, first, self._official_count)
                official = tuple(self._place(index) for index in range(first, last))
            aliased = self._aliases.get(name)
            if aliased is not None:
                official += tuple(self._place(index) for index in aliased)
        extra = self._extra_indices_by_name.get(name)
        if extra is None:
            return official
        return official + tuple(self._place(index) for index in extra)

    def parents(self, place: Place) -> tuple[Place, ...]:
        """The places containing ``place``, from the province down to its direct parent (remembered per code)."""
        chain = self._parent_chains.get(place.code)
        if chain is None:
            chain = self._parent_chains[place.code] = self._parent_chain(place)
        return chain

    def _parent_chain(self, place: Place) -> tuple[Place, ...]:
        """Walk up from ``place`` through the parent codes."""
        chain: list[Place] = []
        current = place
        while current.parent_code:
            parent = self.get(current.parent_code)
            if parent is None:
                raise GazetteerDataError(
                    f"地名数据文件 {self.info.path} 中“{current.name}”（{current.code}）的上级代码 {current.parent_code} 不存在"
                )
            chain.append(parent)
            current = parent
        chain.reverse()
        return tuple(chain)

    def places_at(self, level: int) -> Iterator[Place]:
        """Every official place of one level (1 province … 4 township), in the data file's order."""
        return (self._place(index) for index in range(self._official_count) if self._level(index) == level)

    def children(self, place: Place) -> tuple[Place, ...]:
        """The places directly under ``place``, by code."""
        return tuple(self._place(index) for index in self._child_indices.get(place.code, ()))

    def is_within(self, place: Place, ancestor: Place) -> bool:
        """Whether ``place`` is ``ancestor`` or lies inside it (兴国镇 is within 秦安县, 天水市, 甘肃省)."""
        if place.code == ancestor.code:
            return True
        if ancestor.level >= place.level:
            return False
        return any(parent.code == ancestor.code for parent in self.parents(place))

    def scan(self, text: str) -> list[PlaceMention]:
        """Every place-name mention in ``text``, in order (full names only; rules in ``matcher.py``)."""
        return self._matcher.scan(text)

    def split_name(self, organ_name: str) -> list[PlaceMention]:
        """The place names an organ's name is made of: "秦安县兴国镇人民政府" → 秦安县, 兴国镇.

        Unlike :meth:`scan`, no context rules: for strings known to be names.
        Remembered per name: a report's subject names are split by the place
        analysis and again for its summary's body (:func:`~reportlint.places.subject.organ_of`).
        """
        found = self._split_names.get(organ_name)
        if found is None:
            if len(self._split_names) >= _SPLIT_NAMES_KEPT:
                self._split_names.clear()
            found = self._split_names[organ_name] = tuple(self._matcher.split(organ_name))
        return list(found)

    def lookup_short_name(self, short_name: str) -> Place | None:
        """Opt-in: the one place a bare short form unambiguously means ("天水" → 天水市), else None.

        Conservative: provinces, prefectures and counties only (no districts or
        townships); the short form must be unique among them, not a full name, and
        not an ordinary word.  :meth:`scan` never uses short forms.
        """
        return self._short_names.lookup(short_name)

    def short_name(self, place: Place) -> str:
        """The conventional short form of a place ("楚雄" for 楚雄彝族自治州), ambiguous or not."""
        return short_form(place)

    @cached_property
    def _matcher(self) -> NameMatcher:
        if not self._extra_indices_by_name:
            return NameMatcher(self, self._name_set, self._official_name_lengths)
        names = self._name_set | self._extra_indices_by_name.keys()
        return NameMatcher(self, names, merged_lengths(self._official_name_lengths, lengths_by_ending(self._extra_indices_by_name)))

    @cached_property
    def _short_names(self) -> ShortNameIndex:
        county_or_above = [self._place(index) for index in range(len(self._names)) if len(self._code(index)) == 6]
        return ShortNameIndex(county_or_above, self._name_set | self._extra_indices_by_name.keys())

    @cached_property
    def _child_indices(self) -> dict[str, list[int]]:
        children: dict[str, list[int]] = {}
        for index in sorted(range(len(self._names)), key=self._code):
            children.setdefault(self._parent_code(index), []).append(index)
        return children

    def _code(self, index: int) -> str:
        if index >= self._official_count:
            return self._extra_codes[index - self._official_count]
        return self._divisions.codes[index]

    def _place(self, index: int) -> Place:
        """The Place at a column index, created on first use."""
        place = self._places[index]
        if place is None:
            name = self._names[index]
            level = self._level(index)
            kind = self._extra_kinds.get(index) or kind_of(name, level)
            place = Place(self._code(index), name, level, self._parent_code(index), kind)
            self._places[index] = place
        return place

    def _level(self, index: int) -> int:
        if index >= self._official_count:
            return self._extra_levels[index]
        return level_from_code(self._divisions.codes[index])

    def _parent_code(self, index: int) -> str:
        if index >= self._official_count:
            return self._extra_parent_codes[index - self._official_count]
        return self._divisions.parent_codes[index] or natural_parent_code(self._divisions.codes[index])

    def _add_extra_place(self, extra: ExtraPlace) -> None:
        """Append one local place under its parent, with a code derived from the parent's."""
        parent = self._resolve_extra_parent(extra)
        number = self._extra_counts_by_parent.get(parent.code, 0) + 1
        self._extra_counts_by_parent[parent.code] = number
        index = len(self._names)
        code = f"{parent.code}X{number:03d}"
        self._names.append(extra.name)
        self._extra_codes.append(code)
        self._extra_parent_codes.append(parent.code)
        self._places.append(None)
        self._extra_kinds[index] = extra.kind
        self._extra_levels[index] = min(parent.level + 1, 5)
        self._extra_indices_by_name.setdefault(extra.name, []).append(index)
        self._extra_code_index[code] = index
        self._lookups.pop(extra.name, None)  # the places of that name as looked up before this one was added

    def _resolve_extra_parent(self, extra: ExtraPlace) -> Place:
        """The parent an extra place names by code, by unique full name, or by a chain of full names ("秦安县兴国镇")."""
        if extra.parent.isascii() and extra.parent[:1].isdigit():
            parent = self.get(extra.parent)
            if parent is None:
                raise GazetteerError(f"补充地名“{extra.name}”的上级代码 {extra.parent} 不在地名库中")
            return parent
        parents = self.lookup(extra.parent) or self._places_by_chain(extra.parent)
        if not parents:
            raise GazetteerError(f"补充地名“{extra.name}”的上级“{extra.parent}”不在地名库中（请写全称或代码）")
        if len(parents) > 1:
            codes = "、".join(place.code for place in parents)
            raise GazetteerError(
                f"补充地名“{extra.name}”的上级“{extra.parent}”有 {len(parents)} 处同名（{codes}），"
                "请改用代码，或连同上级一起写（如“秦安县兴国镇”）"
            )
        return parents[0]

    def _places_by_chain(self, chain: str) -> tuple[Place, ...]:
        """The places a chain of full names means: the last name, inside the places the earlier ones name.

        "秦安县兴国镇" → 兴国镇 (620522100); "天水市秦安县兴国镇" too.  Uses plain
        lookups, not the scanner, so it works while extra places are being added;
        each prefix of the chain is resolved once (``named[end]``: the places
        ``chain[:end]`` means).
        """
        named: dict[int, tuple[Place, ...]] = {}
        for end in range(2, len(chain) + 1):
            places = self.lookup(chain[:end])
            for split in range(2, end - 1):
                if places:
                    break
                containers = named.get(split, ())
                places = tuple(
                    place
                    for place in (self.lookup(chain[split:end]) if containers else ())
                    if any(container.level < place.level and self.is_within(place, container) for container in containers)
                )
            if places:
                named[end] = places
        return named.get(len(chain), ())


def _as_extra_place(extra: ExtraPlace | tuple[str, str, str]) -> ExtraPlace:
    """An ExtraPlace from itself or from a ``(name, parent, kind)`` tuple."""
    if isinstance(extra, ExtraPlace):
        return extra
    if isinstance(extra, str) or len(extra) != 3:
        raise GazetteerError(f"补充地名应写成（名称, 上级代码或全称, 类型）三项，实际为 {shown(extra)}")
    return ExtraPlace(*extra)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.load()
