"""The format-independent document model: text, blocks, tables and the source map.

Every loader turns its input into a :class:`Document`. ``Document.text`` holds the
report's characters exactly as the source has them (for structured formats: the
extracted text, blocks joined by newlines and table cells by tabs), and every
block, row and cell carries its ``[start, end)`` range in that string. The
:class:`SourceMap` turns any such range back into a place in the original file.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.text.segmentation import Span

_NEWLINE = compiled("\n")


@dataclass(frozen=True)
class Location:
    """A place in the original file, as users and editors see it.

    ``line``/``column`` are 1-based and count characters (a CJK character is one
    column). For text, Markdown and HTML they are positions in the source file;
    for formats without lines (.docx, .pdf) they are positions in the extracted
    text and ``logical`` says where to look in the original (``"第2页"``,
    ``"表格3 第5行 第2列"``, ``"第12段"``).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    logical: str | None = None
    page: int | None = None

    def __reduce__(self) -> tuple:
        """Pickled as its six values and rebuilt through the constructor (results travel from worker processes by the thousand)."""
        return (Location, (self.line, self.column, self.end_line, self.end_column, self.logical, self.page))

    def as_dict(self) -> dict[str, int | str]:
        """The location as JSON: 1-based lines and columns (characters as columns), ``logical`` and ``page`` when known."""
        data: dict[str, int | str] = {"line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column}
        if self.logical:
            data["logical"] = self.logical
        if self.page is not None:
            data["page"] = self.page
        return data

    def describe(self) -> str:
        """A short human description: ``12:5`` or ``12:5（第2页）``."""
        base = f"{self.line}:{self.column}"
        return f"{base}（{self.logical}）" if self.logical else base


_new_object = object.__new__


def new_location(line: int, column: int, end_line: int, end_column: int, logical: str | None = None, page: int | None = None) -> Location:
    """``Location(line, column, …)`` made without the frozen dataclass's ``__init__`` (which sets each field through
    ``object.__setattr__``): source maps make one for every finding and every place a summary records. Equal to, and
    indistinguishable from, one made by the constructor."""
    location = _new_object(Location)
    location.__dict__.update(line=line, column=column, end_line=end_line, end_column=end_column, logical=logical, page=page)
    return location


class SourceMap(Protocol):
    """Maps a ``[start, end)`` range of ``Document.text`` to a :class:`Location`."""

    def locate(self, start: int, end: int) -> Location:
        """Return the original-file location of the text range."""
        ...


class LineIndex:
    """Source map for sources whose text *is* the file: line and column by offset."""

    def __init__(self, text: str, first_line: int = 1, first_column: int = 1) -> None:
        self._text = text
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]
        self._first_line = first_line
        self._first_column = first_column

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self._text)))
        row = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[row] + 1
        if row == 0:
            column += self._first_column - 1
        return row + self._first_line, column

    def locate(self, start: int, end: int) -> Location:
        """Location of a range; an empty range points at its start (what :meth:`position` gives for both ends)."""
        [(_, _, line, column, end_line, end_column)] = self.places(((start, end),))
        return new_location(line, column, end_line, end_column)

    def places(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int, int, int]]:
        """Each range with its lines and columns: ``(start, end, line, column, end line, end column)`` (an empty range at its
        start; :meth:`locate` makes a :class:`Location` of one range).

        For many ranges at once (a report summary's cells and paragraphs), without making a :class:`Location` each.
        """
        starts, length = self._line_starts, len(self._text)
        first_line, shift = self._first_line, self._first_column - 1
        count = len(starts)
        # the line of the range before (ranges come in text order, many on one line: a table row's cells)
        row, row_start, next_start = -1, 0, -1
        found: list[tuple[int, int, int, int, int, int]] = []
        for start, end in spans:
            first = 0 if start < 0 else length if start > length else start  # position(start)
            last = start if end <= start else end - 1  # the last character (an empty range: its start)
            last = 0 if last < 0 else length if last > length else last
            if not row_start <= first < next_start:
                row = bisect.bisect_right(starts, first) - 1
                row_start = starts[row]
                next_start = starts[row + 1] if row + 1 < count else length + 1
            # most ranges end on the line they start on (last >= first): a second search only for the others
            if last < next_start:
                end_row, end_start = row, row_start
            else:
                end_row = bisect.bisect_right(starts, last) - 1
                end_start = starts[end_row]
            column = first - row_start + 1 + (shift if row == 0 else 0)
            end_column = last - end_start + 1 + (shift if end_row == 0 else 0) + (1 if end > start else 0)
            found.append((start, end, row + first_line, column, end_row + first_line, end_column))
        return found


@dataclass(frozen=True)
class Segment:
    """A run of ``Document.text`` that comes from one place in the original.

    ``line``/``column`` locate the segment's first character in the original file
    (or in the extracted text for .docx/.pdf); characters inside the segment
    advance the column, and newlines inside it advance the line.
    """

    start: int
    end: int
    line: int
    column: int
    logical: str | None = None
    page: int | None = None


class SegmentMap:
    """Source map for extracted text (HTML, .docx, .pdf): a sorted list of segments.

    Offsets between segments (the newlines and tabs a loader inserts) belong to
    the nearest preceding segment.
    """

    def __init__(self, text: str, segments: Sequence[Segment]) -> None:
        self._text = text
        self._segments = sorted(segments, key=lambda segment: segment.start)
        self._starts = [segment.start for segment in self._segments]

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments, in text order."""
        return tuple(self._segments)

    def _segment_at(self, offset: int) -> Segment | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return self._segments[0] if self._segments else None
        return self._segments[index]

    def _position(self, segment: Segment | None, offset: int) -> tuple[int, int]:
        if segment is None:
            return 1, offset + 1
        inner = self._text[segment.start : max(segment.start, min(offset, segment.end))]
        newlines = inner.count("\n")
        if newlines:
            return segment.line + newlines, len(inner) - inner.rfind("\n")
        return segment.line, segment.column + len(inner)

    def locate(self, start: int, end: int) -> Location:
        """Location of a range, with the logical place of its first segment."""
        [(_, _, line, column, end_line, end_column, logical, page)] = self.places(((start, end),))
        return new_location(line, column, end_line, end_column, logical, page)

    def places(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int, int, int, str | None, int | None]]:
        """Each range with where it is: ``(start, end, line, column, end line, end column, logical, page)``, the logical
        place and page those of its first segment (:meth:`locate` makes a :class:`Location` of one range).

        For many ranges at once (a report summary's cells and paragraphs), without making a :class:`Location` each.
        """
        found: list[tuple[int, int, int, int, int, int, str | None, int | None]] = []
        segment_at, position = self._segment_at, self._position
        for start, end in spans:
            segment = segment_at(start)
            line, column = position(segment, start)
            last = start if end - 1 < start else end - 1
            end_line, end_column = position(segment_at(last) if last != start else segment, last)
            if end > start:
                end_column += 1
            end_line, end_column = max((end_line, end_column), (line, column))
            if segment is None:
                found.append((start, end, line, column, end_line, end_column, None, None))
            else:
                found.append((start, end, line, column, end_line, end_column, segment.logical, segment.page))
        return found


@dataclass(frozen=True)
class Block:
    """A top-level piece of the document with its range in ``Document.text``."""

    start: int
    end: int


@dataclass(frozen=True)
class Heading(Block):
    """A heading the source marks as such (HTML ``<h1>``…, a Word heading style, ``#``)."""

    level: int = 1


@dataclass(frozen=True)
class Paragraph(Block):
    """A paragraph or, for plain text, one line."""


@dataclass(frozen=True)
class Cell:
    """One cell of a real table, with its grid position and spans.

    ``row``/``column`` are grid positions after rowspan/colspan expansion: a cell
    spanning two columns sits at its first column and has ``colspan=2``.
    """

    start: int
    end: int
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table(Block):
    """A real table (HTML ``<table>``, Word ``w:tbl``, Markdown pipe table)."""

    rows: tuple[tuple[Cell, ...], ...] = ()


@dataclass(frozen=True)
class Suppression:
    """A directive written in the document that silences findings: which codes, over which range, and why.

    Loaders record them: a Word comment whose text begins ``reportlint: 忽略 RL603 原因``
    over a range, an HTML or Markdown comment ``<!-- reportlint: ignore RL603 原因 -->``
    before a block, ``ignore-file`` for the whole file. ``codes`` are codes, prefixes
    or rule names as written; ``[start, end)`` is the range of ``Document.text`` it
    covers and ``[at_start, at_end)`` where it is reported when unused or invalid
    (the commented range, the block after the comment). ``problem`` says why a
    directive could not be understood (no codes, an unknown keyword).
    """

    codes: tuple[str, ...]
    start: int
    end: int
    reason: str
    file_wide: bool = False
    origin: str = ""
    text: str = ""
    at_start: int = 0
    at_end: int = 0
    problem: str = ""

    def covers(self, start: int, end: int) -> bool:
        """Whether a finding at ``[start, end)`` lies in the range (overlaps it; an empty finding inside it)."""
        if self.file_wide:
            return True
        if end <= start:
            return self.start <= start <= self.end
        return start < self.end and self.start < end


def line_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """One :class:`Paragraph` per non-blank line of ``text[start:end]``, trailing ``\\r`` excluded.

    Lines are split once and their offsets counted, rather than searched for one by one;
    each paragraph is made without the frozen dataclass's ``__init__`` (the same object
    at a third of the cost: a text report has a few hundred lines).
    """
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    position = start
    for line in (text[start:end] if start or end is not None else text).split("\n"):
        length = len(line)
        if line and not line.isspace():
            paragraph = _new_object(Paragraph)
            paragraph.__dict__.update(start=position, end=position + len(line.rstrip("\r")))
            append(paragraph)
        position += length + 1
    return paragraphs


class LineParagraphs(Sequence[Block]):
    """The blocks of a plain text: a :class:`Paragraph` per non-blank line (:func:`line_paragraphs`), made when first
    asked for.

    A check of a plain-text report never looks at them (it has no tables or headings, which
    :attr:`Document.tables` and :attr:`Document.headings` know without making them): they are for
    output that shows the blocks and for plugins. Equal to the tuple of the same blocks, as a
    loader's tuple of blocks is.
    """

    __slots__ = ("_made", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._made: tuple[Paragraph, ...] | None = None

    @property
    def _blocks(self) -> tuple[Paragraph, ...]:
        if self._made is None:
            self._made = tuple(line_paragraphs(self._text))
        return self._made

    def __len__(self) -> int:
        return len(self._blocks)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self._blocks[index]

    def __iter__(self) -> Iterator[Paragraph]:
        return iter(self._blocks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineParagraphs):
            return self._blocks == other._blocks
        return self._blocks == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._blocks)

    def __repr__(self) -> str:
        return f"LineParagraphs({self._blocks!r})"


@dataclass(frozen=True)
class Document:
    """A loaded report: its text, its blocks and the way back to the source.

    ``normalized`` has exactly the length of ``text`` (see
    :func:`reportlint.text.normalize.normalize`), so a match found in one is a valid
    range in the other.
    """

    path: str
    text: str
    blocks: Sequence[Block]
    source_map: SourceMap
    format: str
    encoding: str | None = None
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Suppression directives written in the document (Word comments, HTML/Markdown comments).
    suppressions: tuple[Suppression, ...] = ()

    @cached_property
    def normalized(self) -> str:
        """Width-, quote- and script-folded view of ``text`` with identical offsets."""
        return self._normalized_and_script[0]

    @cached_property
    def from_traditional(self) -> bool:
        """Whether :attr:`normalized` was converted from traditional script
        (:func:`~reportlint.text.normalize.has_traditional`), as it was made."""
        return self._normalized_and_script[1]

    @cached_property
    def _normalized_and_script(self) -> tuple[str, bool]:
        from reportlint.text.normalize import normalize_script

        return normalize_script(self.text)

    @cached_property
    def lines(self) -> tuple[Span, ...]:
        """Every line, without its newline (the same in :attr:`text` and :attr:`normalized`), split once for every reader and rule."""
        from reportlint.text.segmentation import line_spans

        return tuple(line_spans(self.text))

    @cached_property
    def line_texts(self) -> tuple[str, ...]:
        """The text of each of :attr:`lines` in :attr:`normalized` (``normalized[line.start:line.end]``), for readers that
        look at every line. Without carriage returns, the normalised text split at its newlines (it has the text's
        newlines at the same offsets): one C call rather than a slice per line."""
        normalized = self.normalized
        if "\r" in self.text:
            return tuple([normalized[start:end] for start, end in self.lines])
        return tuple(normalized.split("\n"))

    def locate(self, start: int, end: int) -> Location:
        """The original-file location of a range."""
        return self.source_map.locate(start, end)

    def location_dict(self, start: int | None, end: int | None = None) -> dict[str, int | str] | None:
        """The location of a range as JSON (``None`` for an unknown start; an unknown end is the start)."""
        if start is None:
            return None
        return self.locate(start, start if end is None else end).as_dict()

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        """The real tables of the document, in order (found once: the reader and many rules ask)."""
        if type(self.blocks) is LineParagraphs:
            return ()
        return tuple(block for block in self.blocks if isinstance(block, Table))

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        """The headings the source marks as such, in order."""
        if type(self.blocks) is LineParagraphs:
            return ()
        return tuple(block for block in self.blocks if isinstance(block, Heading))
