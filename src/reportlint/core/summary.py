"""What a run keeps of each report after its rules have run: its identity and, for batch runs, what other reports are compared with.

A :class:`ReportSummary` travels back from the worker process with the file's
findings. Its identity part (read, subject, year, template) is always there;
its :class:`CrossDocument` part is filled only when the run compares reports
with each other (more than one report, or last year's reports given with
``--previous``): the reporting body (:class:`Body`), the values of the filled
tables with their places (:class:`CellValues`), fingerprints of the prose
(:class:`Paragraphs`, :class:`SectionPrints`) and the year-over-year claims of
the prose (:class:`ChangeClaim`).

Everything here is a few plain values, packed where a report has many of them
(every table cell, every paragraph) in the narrowest integers that hold them,
so a batch of 10,000 reports fits in memory (about 4 KB a report, half of it
the paragraphs' MinHash signatures) and a result cache can store summaries as
they are. What every report of a batch repeats (cell keys, template names,
organs) is one object in a process, also once a summary has travelled from a
worker (the types that share something are rebuilt through their constructors
when unpickled). Batch rules (:class:`reportlint.core.batch.BatchRule`) read
nothing else of a report.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from struct import error as StructError
from struct import pack
from types import MappingProxyType

from reportlint.core.model import Location

#: Unsigned integers per packed place: start and end offsets in the report text, then line, column, end line, end column.
_PLACE_WIDTH = 6
#: The same for places that are each on one line (every table cell, most paragraphs): start, end, line, column.
_LINE_PLACE_WIDTH = 4


def unsigned(values: Iterable[int]) -> array:
    """Non-negative integers as a packed array of the narrowest type that holds them all (16 or 32 bits)."""
    items = values if isinstance(values, list) else list(values)
    try:
        return _packed("H", items)
    except StructError:  # a number of 16 bits or more
        return array("I", items)


def signed(values: list[int]) -> array:
    """Integers (32-bit at most) as a packed array of 16-bit values when they all fit, else 32-bit."""
    try:
        return _packed("h", values)
    except StructError:  # a number beyond 16 bits
        return array("i", values)


def _packed(typecode: str, items: list[int]) -> array:
    """``array(typecode, items)`` for a 16-bit ``typecode``, the items packed by :func:`struct.pack` (which raises
    :class:`struct.error` when one does not fit).

    An array of 16-bit items converts each through the argument parser, about 270 instructions an item; packing them
    costs half that, and its range check spares a ``max`` of the items (a summary packs a few hundred places and values).
    """
    return array(typecode, pack(f"{len(items)}{typecode}", *items))


@dataclass(frozen=True, slots=True)
class Places:
    """Places in one report (cells, paragraphs, sections), packed.

    ``offsets(i)`` is the ``[start, end)`` range of place ``i`` in the
    report's text and ``location(i)`` its place in the original file. Each
    place is ``width`` unsigned integers of ``packed`` (16-bit when they all
    fit): start, end, line, column, end line, end column; only the first four
    when every place is on one line and ends where its length says (table cells,
    most paragraphs). ``logical`` holds the logical place (``表格3 第5行 第2列``,
    ``第2页``) of each one for formats without lines, and is empty when no place
    has one; so is ``pages``.
    """

    packed: array = field(default_factory=lambda: array("H"))
    logical: tuple[str | None, ...] = ()
    pages: tuple[int | None, ...] = ()
    width: int = _PLACE_WIDTH

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int, Location]]) -> Places:
        """Pack ``(start, end, location)`` triples."""
        logical = tuple(location.logical for _, _, location in spans)
        pages = tuple(location.page for _, _, location in spans)
        return cls.packing(
            [(start, end, location.line, location.column, location.end_line, location.end_column) for start, end, location in spans],
            logical if any(item is not None for item in logical) else (),
            pages if any(item is not None for item in pages) else (),
        )

    @classmethod
    def packing(
        cls,
        places: Sequence[tuple[int, int, int, int, int, int]],
        logical: tuple[str | None, ...] = (),
        pages: tuple[int | None, ...] = (),
    ) -> Places:
        """Pack places given as ``(start, end, line, column, end line, end column)``, four numbers each when they allow it."""
        packed: list[int] = []
        for start, end, line, column, end_line, end_column in places:
            if end_line != line or end_column != column + (end - start if end > start else 0):
                return cls(unsigned([value for place in places for value in place]), logical, pages, _PLACE_WIDTH)
            packed += (start, end, line, column)
        return cls(unsigned(packed), logical, pages, _LINE_PLACE_WIDTH)

    def __post_init__(self) -> None:
        if self.logical:  # "表格3 第5行 第2列" repeats in every web or Word report of a batch: one string each in this process
            object.__setattr__(self, "logical", tuple(item if item is None else _once(item) for item in self.logical))

    def __reduce__(self) -> tuple:
        """Rebuilt through the constructor when it arrives from a worker, so logical places are shared there too."""
        return (Places, (self.packed, self.logical, self.pages, self.width))

    def __len__(self) -> int:
        return len(self.packed) // self.width

    def offsets(self, index: int) -> tuple[int, int]:
        """The ``[start, end)`` range of place ``index`` in the report's text."""
        base = index * self.width
        return self.packed[base], self.packed[base + 1]

    def location(self, index: int) -> Location:
        """Place ``index`` in the original file."""
        base = index * self.width
        if self.width == _LINE_PLACE_WIDTH:
            start, end, line, column = self.packed[base : base + _LINE_PLACE_WIDTH]
            end_line, end_column = line, column + max(0, end - start)
        else:
            line, column, end_line, end_column = self.packed[base + 2 : base + _PLACE_WIDTH]
        logical = self.logical[index] if self.logical else None
        page = self.pages[index] if self.pages else None
        return Location(line, column, end_line, end_column, logical, page)


#: Key tuples already seen in this process: every report of a template has the same keys, kept once (see CellValues.__reduce__).
_SHARED_KEYS: dict[tuple[str, ...], tuple[str, ...]] = {}
#: The same, by the keys joined as they travel between processes (an arriving summary's keys are found without splitting them).
_JOINED_KEYS: dict[str, tuple[str, ...]] = {}
_KEY_INDEX: dict[int, Mapping[str, int]] = {}


_SHARED_MAPPINGS: dict[tuple[tuple[str, str], ...], Mapping[str, str]] = {}
_EMPTY: Mapping[int, Decimal] = MappingProxyType({})


def _shared(keys: tuple[str, ...]) -> tuple[str, ...]:
    return _SHARED_KEYS.setdefault(keys, keys)


_ONCE: dict[object, object] = {}


def _once(value: object) -> object:
    """One object per distinct value in this process (names and cell lists repeated in every report of a batch)."""
    return _ONCE.setdefault(value, value)


def _shared_mapping(mapping: Mapping[str, str]) -> Mapping[str, str]:
    """One read-only mapping per distinct content (most reports' tables follow the same templates)."""
    items = tuple(sorted(mapping.items()))
    found = _SHARED_MAPPINGS.get(items)
    if found is None:
        found = _SHARED_MAPPINGS[items] = MappingProxyType(dict(items))
    return found


def cell_key(table: str, row: str, column: str) -> str:
    """The key of a template cell in :class:`CellValues`: ``"s3/r2/c_np"``."""
    return f"{table}/{row}/{column}"


@dataclass(frozen=True, slots=True)
class CellValues:
    """Every template cell the reader read with confidence, with its value and place.

    ``keys`` name the cells (``"s3/r2/c_np"``, see :func:`cell_key`), in
    template order; ``values`` are integers of 32 bits at most (16 when they all
    fit), except amounts with decimals and larger numbers, which are in
    ``decimals`` (cell index → value); ``places`` are the cells' places.
    ``templates`` says which template each table follows (``"s3"`` → ``"T2019"``):
    a 2021 report may still use the 2019 tables.
    """

    keys: tuple[str, ...]
    values: array
    places: Places
    templates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    decimals: Mapping[int, Decimal] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", _shared(self.keys))
        object.__setattr__(self, "templates", _shared_mapping(self.templates))
        object.__setattr__(self, "decimals", MappingProxyType(dict(self.decimals)) if self.decimals else _EMPTY)

    def __reduce__(self) -> tuple:
        # Rebuilt through _cell_values, so the keys travel as one string and are shared again in the receiving process.
        return (_cell_values, (_joined(self.keys), self.values, self.places, dict(self.templates), dict(self.decimals)))

    def _index(self) -> Mapping[str, int]:
        index = _KEY_INDEX.get(id(self.keys))
        if index is None:
            index = _KEY_INDEX[id(self.keys)] = MappingProxyType({key: position for position, key in enumerate(self.keys)})
        return index

    def position(self, table: str, row: str, column: str) -> int | None:
        """Where the cell is in :attr:`keys`; None when it was not read with confidence."""
        return self._index().get(cell_key(table, row, column))

    def has_column(self, table: str, column: str) -> bool:
        """Whether any read cell of ``table`` is in ``column`` (which template's column set the table has)."""
        suffix = f"/{column}"
        return any(key.startswith(f"{table}/") and key.endswith(suffix) for key in self.keys)

    def value(self, table: str, row: str, column: str) -> int | Decimal | None:
        """The value of a cell, or None when the report has no readable value there."""
        position = self.position(table, row, column)
        if position is None:
            return None
        return self.decimals.get(position, self.values[position])

    def location(self, table: str, row: str, column: str) -> Location | None:
        """Where a cell is in the original file."""
        position = self.position(table, row, column)
        return None if position is None else self.places.location(position)

    def offsets(self, table: str, row: str, column: str) -> tuple[int, int] | None:
        """The cell's range in the report's text."""
        position = self.position(table, row, column)
        return None if position is None else self.places.offsets(position)

    def total(self, cells: Sequence[tuple[str, str, tuple[str, ...]]]) -> tuple[int | Decimal, tuple[tuple[str, str, str], ...]] | None:
        """The sum of some cells, each ``(table, row, column candidates)`` (the first candidate column the table has), and the cells used.

        None when a cell is not read with confidence.
        """
        total: int | Decimal = 0
        used = []
        for table, row, candidates in cells:
            column = next((column for column in candidates if self.has_column(table, column)), None)
            value = self.value(table, row, column) if column is not None else None
            if column is None or value is None:
                return None
            total += value
            used.append((table, row, column))
        return total, tuple(used)

    def template_of(self, table: str) -> str | None:
        """The template the table follows (``"s3"`` is the table id; section 二's blocks are ``s2_20_1`` …)."""
        return self.templates.get(table)


def _joined(keys: tuple[str, ...]) -> str:
    """The keys as one string (how they travel between processes)."""
    joined = "\n".join(keys)
    _JOINED_KEYS.setdefault(joined, keys)
    return joined


def _cell_values(keys: str, values: array, places: Places, templates: dict[str, str], decimals: dict[int, Decimal]) -> CellValues:
    """Unpickle :class:`CellValues` (keys joined by newlines)."""
    shared = _JOINED_KEYS.get(keys)
    if shared is None:
        shared = _JOINED_KEYS[keys] = _shared(tuple(keys.split("\n")) if keys else ())
    return CellValues(shared, values, places, templates, decimals)


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """Fingerprints of a report's prose paragraphs (those of 一、五、六 and the text before the first part).

    For paragraph ``i``: ``sections[i]`` is the number of its part (1–6, 0
    before the first part); ``lengths[i]`` its length in characters once
    normalised (16 or 32 bits); ``digests`` eight bytes per paragraph, equal for equal
    normalised texts; ``signatures`` its MinHash signature (see
    :mod:`reportlint.text.minhash`), ``signature_size`` 16-bit values each;
    ``places`` where it is.
    """

    sections: bytes
    lengths: array
    digests: bytes
    signatures: bytes
    signature_size: int
    places: Places

    def __len__(self) -> int:
        return len(self.sections)

    def __reduce__(self) -> tuple:
        """Rebuilt through the constructor (a slotted dataclass's own pickling looks its fields up for every object)."""
        return (Paragraphs, (self.sections, self.lengths, self.digests, self.signatures, self.signature_size, self.places))

    def signature(self, index: int) -> bytes:
        """The MinHash signature of paragraph ``index``."""
        size = self.signature_size * 2
        return self.signatures[index * size : (index + 1) * size]

    def digest(self, index: int) -> bytes:
        """The digest of paragraph ``index``'s normalised text."""
        return self.digests[index * 8 : (index + 1) * 8]

    def indices(self, section: int) -> Iterator[int]:
        """The paragraphs of part ``section`` (1–6; 0 for the text before the first part)."""
        return (index for index, number in enumerate(self.sections) if number == section)


@dataclass(frozen=True, slots=True)
class SectionPrint:
    """The fingerprint of one prose part's whole text with years and numbers left out (for "unchanged since last year").

    ``section`` is the template section id (``"s5"``); ``digest`` is equal for
    texts equal once years, numbers and whitespace are ignored; ``signature``
    is that text's MinHash signature; ``sketch`` the smallest hashes of its
    shingles (all of them for a short part: see
    :func:`reportlint.text.minhash.sketch_similarity`), kept for part 五 only,
    which is compared across years more precisely than a signature can;
    ``length`` its length; place ``index`` of ``places`` is the part's heading.
    A view of :class:`SectionPrints`, made when asked for.
    """

    section: str
    digest: bytes
    signature: bytes
    sketch: bytes
    length: int
    places: Places
    index: int


@dataclass(frozen=True, slots=True)
class SectionPrints:
    """The fingerprints of a report's prose parts (一、五、六), packed: see :class:`SectionPrint` for one.

    ``sections`` are their ids, ``digests`` eight bytes each, ``signatures``
    ``signature_size`` 16-bit values each, ``sketch`` the sketch of part
    ``sketched`` (empty when none), ``lengths`` and ``places`` (the headings).
    """

    sections: tuple[str, ...]
    digests: bytes
    signatures: bytes
    signature_size: int
    sketched: str
    sketch: bytes
    lengths: array
    places: Places

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", _shared(self.sections))

    def __reduce__(self) -> tuple:
        """Rebuilt through the constructor, so the part ids every report repeats are shared in the receiving process."""
        fields = (self.sections, self.digests, self.signatures, self.signature_size, self.sketched, self.sketch, self.lengths, self.places)
        return (SectionPrints, fields)

    def get(self, section_id: str) -> SectionPrint | None:
        """The fingerprint of a part (``"s5"``), if the report has that part."""
        if section_id not in self.sections:
            return None
        index = self.sections.index(section_id)
        size = self.signature_size * 2
        return SectionPrint(
            section_id,
            self.digests[index * 8 : (index + 1) * 8],
            self.signatures[index * size : (index + 1) * size],
            self.sketch if section_id == self.sketched else b"",
            self.lengths[index],
            self.places,
            index,
        )


@dataclass(frozen=True, slots=True)
class ChangeClaim:
    """A year-over-year change the prose states about a number the tables hold (``收到申请15件，较上年增加12件``).

    ``quantity`` names what changed (``收到政府信息公开申请``); ``cells`` are
    the template cells holding it, summed — each as ``(table, row, column
    candidates)``, the first candidate the table has being used (a 2019 table
    names its columns differently); ``stated`` is this year's number as the
    sentence states it, None when it gives only the change; ``change`` is the
    signed change (``-3`` for 减少3件) and ``unit`` ``"件"`` for a count or
    ``"%"`` for a percentage (``resolution`` its last written digit);
    ``text`` the claim as written and ``place`` where it is.
    """

    quantity: str
    cells: tuple[tuple[str, str, tuple[str, ...]], ...]
    stated: int | Decimal | None
    change: Decimal
    unit: str
    resolution: Decimal
    text: str
    place: Places

    def __post_init__(self) -> None:
        object.__setattr__(self, "quantity", _once(self.quantity))
        object.__setattr__(self, "cells", _once(self.cells))

    def __reduce__(self) -> tuple:
        """Rebuilt through the constructor, so what every report repeats is shared in the receiving process."""
        return (ChangeClaim, (self.quantity, self.cells, self.stated, self.change, self.unit, self.resolution, self.text, self.place))


@dataclass(frozen=True, slots=True)
class Body:
    """The reporting body a report speaks for, as cross-year pairing and copy detection identify it.

    ``code`` is the gazetteer code of its place (``620522101`` for 陇城镇,
    ``620522`` for a department of 秦安县); ``organ`` what the body is there
    (``人民政府``, ``办事处``, ``教育局``, ``人民政府办公室``): a people's
    government, its office and a bureau of one place are different bodies.
    ``name`` is how messages name it. A body pinned by the ``[pairing]`` table
    of the configuration whose name the gazetteer does not know has no code:
    its name is its identity.
    """

    code: str | None
    organ: str
    name: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "organ", _once(self.organ))
        if self.code is not None:
            object.__setattr__(self, "code", sys.intern(self.code))
        object.__setattr__(self, "name", sys.intern(self.name))  # one body's reports of several years: one name

    def __reduce__(self) -> tuple:
        """Rebuilt through the constructor, so organs and names are shared in the receiving process."""
        return (Body, (self.code, self.organ, self.name))

    @property
    def key(self) -> str:
        """The identity of the body: code and organ, or the pinned name."""
        return f"{self.code}/{self.organ}" if self.code else f"name:{self.name}"


@dataclass(frozen=True, slots=True)
class CrossDocument:
    """What batch rules compare of a report: its body, table values, prose fingerprints and year-over-year claims.

    ``body`` is None when the subject could not be resolved to one place and no
    ``[pairing]`` entry names it; ``prose_length`` is the normalised length of
    all fingerprinted paragraphs (the share of a report copied is measured
    against it); ``sections`` are the whole-part fingerprints of 一、五、六.
    """

    body: Body | None
    cells: CellValues | None
    paragraphs: Paragraphs | None
    sections: SectionPrints | None = None
    claims: tuple[ChangeClaim, ...] = ()
    prose_length: int = 0

    def __reduce__(self) -> tuple:
        """Rebuilt through the constructor (a slotted dataclass's own pickling looks its fields up for every object)."""
        return (CrossDocument, (self.body, self.cells, self.paragraphs, self.sections, self.claims, self.prose_length))

    def section(self, section_id: str) -> SectionPrint | None:
        """The fingerprint of a prose part (``"s5"``), if the report has that part."""
        return self.sections.get(section_id) if self.sections is not None else None


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """Who wrote a report, for which year, on which template, and whether it could be read at all.

    Taken from the template reading once the rules have run; a few plain values,
    so it travels back from worker processes cheaply and can be kept or cached
    for a whole batch (review pages, spreadsheets, cross-document checks).
    ``template`` is the template the tables follow (``T2021``, ``T2019``,
    ``mixed``), None when the report has no table the reader recognised.
    ``cross_document`` is what batch rules compare (see :class:`CrossDocument`);
    None outside batch runs and for a report that could not be read.
    """

    read: bool = True
    subject: str | None = None
    year: int | None = None
    template: str | None = None
    cross_document: CrossDocument | None = None

    def __post_init__(self) -> None:
        if self.subject is not None:
            object.__setattr__(self, "subject", sys.intern(self.subject))
        if self.template is not None:
            object.__setattr__(self, "template", sys.intern(self.template))

    def __reduce__(self) -> tuple:
        """Rebuilt through the constructor, so names repeated by many reports are shared in the receiving process."""
        return (ReportSummary, (self.read, self.subject, self.year, self.template, self.cross_document))


#: The summary of a file that could not be read (its result carries the RL90x finding saying why).
UNREADABLE = ReportSummary(read=False)
