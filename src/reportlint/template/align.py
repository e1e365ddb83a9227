"""Table alignment: put every value of a report region into its template cell.

The region's :class:`~reportlint.template.tokens.RawRow` s are cut into
segments — a label (one or more text cells) followed by values. Labels are
matched to the template's row labels (exact, alias, without ordinal, or
truncated/fuzzy), row groups and headers; segments without a recognisable label
are placed by position between labelled rows when their value count fits, and
otherwise kept as unaligned values. Values are never invented: a template cell
with nothing found is ``missing``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count
from operator import attrgetter
from typing import Any, NamedTuple

from reportlint.core.model import Document
from reportlint.template.filled import (
    CellStatus,
    FilledCell,
    FilledRow,
    FilledTable,
    LabelMatch,
    UnfrozenCell,
    read_cell,
    read_row,
    read_table,
)
from reportlint.template.flattened import FlattenedReader
from reportlint.template.labels import is_near_miss, is_truncation, key_of, keyed_relative, label_key, similarity, strip_ordinal
from reportlint.template.spec import RelationSpec, RowSpec, TableSpec
from reportlint.template.tokens import RawRow, Token, glued_zeros, kind_of
from reportlint.usercache.patterns import compiled


class Segment(NamedTuple):
    """A label (text cells, possibly empty) and the cells after it.

    ``explicit_blanks`` says whether blank cells are real cells (real tables,
    one cell per line) or may be layout padding (trailing tabs, the empty
    column under a merged label in tab-separated text). A named tuple: regions make them by the dozen.
    """

    label: tuple[Token, ...]
    cells: tuple[Token, ...]
    explicit_blanks: bool = True
    value_columns: frozenset[int] | None = None

    @property
    def has_values(self) -> bool:
        """Whether any cell holds a value (not only blanks)."""
        return any(token.kind == "value" for token in self.cells)


@dataclass(frozen=True)
class _Entry:
    """A known label text: a row label or alias, a group label, a table title or a header label."""

    key: str
    kind: str  # "row", "group", "title", "header"
    table: str
    row: str | None = None
    match: LabelMatch = LabelMatch.EXACT
    #: of a row label: the table and row it names, as the aligner looks them up by their ids (found once, not per segment)
    named: tuple[TableSpec, RowSpec] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class _LabelHit:
    entry: _Entry
    key_start: int
    key_end: int


class Placement(NamedTuple):
    """A segment tied to a template row (or to none), with how it was identified (a named tuple: one per segment)."""

    segment: Segment
    table: TableSpec | None
    row: RowSpec | None
    match: LabelMatch
    label_start: int | None
    label_end: int | None
    label_text: str = ""


#: Makes a named tuple from its fields in order, faster than its own constructor (a region has a segment a row). Every
#: call gives every field, defaults included: a field added to Segment or Placement must be added at each call.
_new_tuple = tuple.__new__


_explicit_blanks_of = attrgetter("explicit_blanks")


def _is_row_layout(rows: Sequence[RawRow]) -> bool:
    """Rows (tab/pipe/space-separated lines, real tables) rather than one cell per line."""
    # (rows of text lines, most regions, have no explicit blanks: known so by one C-level pass)
    if any(map(_explicit_blanks_of, rows)) and any(row.explicit_blanks and len(row.tokens) > 1 for row in rows):
        return True
    with_values = wide = 0  # rows with a value; those of them with two or more cells that are not blank
    for row in rows:
        tokens = row.tokens
        if len(tokens) == 1:  # one cell per line: never wide
            with_values += tokens[0].kind == "value"
            continue
        kinds = list(map(kind_of, tokens))
        if "value" in kinds:
            with_values += 1
            wide += len(kinds) - kinds.count("blank") >= 2
    if not with_values:  # a table left empty: rows of several (empty) cells, or one cell per line
        return sum(1 for row in rows if len(row.tokens) >= 2) * 2 >= len(rows) > 0
    return wide * 2 >= with_values


def segments(rows: Sequence[RawRow]) -> tuple[list[Segment], str]:
    """Cut rows into (label, cells) segments; returns them and the layout name."""
    if _is_row_layout(rows):
        return _row_segments(rows), "rows"
    return _cell_segments(rows), "cells"


def _row_segments(rows: Sequence[RawRow]) -> list[Segment]:
    """One segment per row with values (text-only rows carry over into the next label)."""
    result = []
    pending: list[Token] = []
    for row in rows:
        tokens = row.tokens
        kinds = list(map(kind_of, tokens))
        first = 0
        if "text" in kinds:  # blank cells before the label: the (merged) label column left empty, or indentation
            while kinds[first] == "blank":
                first += 1
        first_cell = first
        while first_cell < len(kinds) and kinds[first_cell] == "text":
            first_cell += 1
        label = tokens[first:first_cell]
        cells = tokens[first_cell:]
        has_values = "value" in kinds[first_cell:]
        if not has_values and not (label and cells):
            pending.extend(label)
            continue
        # A labelled row of nothing but empty cells may be a data row left empty; placement decides.
        result.append(_new_tuple(Segment, ((*pending, *label) if pending else label, cells, row.explicit_blanks, row.value_columns)))
        pending = [] if has_values else pending
    return result


def _cell_segments(rows: Sequence[RawRow]) -> list[Segment]:
    """One cell per line: a run of text cells labels the value and blank cells after it.

    A run followed only by blank cells (header rows with empty cells) is not a
    data row; its text carries over into the next label. Where blank cells are
    written out (a lone ``|`` for an empty cell), a run followed by two or more of
    them is a data row left empty.
    """
    result = []
    label: list[Token] = []
    cells: list[Token] = []
    values = written_blanks = 0  # of the cells after the label: values, and blank cells written out
    for row in rows:
        explicit = row.explicit_blanks
        for token in row.tokens:
            kind = token.kind
            if kind == "text":
                if values or written_blanks >= 2:  # the cells after the label make a row
                    result.append(_new_tuple(Segment, (tuple(label), tuple(cells), True, None)))
                    label = []
                cells = []
                values = written_blanks = 0
                label.append(token)
            elif label or result:
                cells.append(token)
                if kind == "value":
                    values += 1
                elif explicit:
                    written_blanks += 1
    if values or written_blanks >= 2:
        result.append(_new_tuple(Segment, (tuple(label), tuple(cells), True, None)))
    return result


_start_of = attrgetter("start")
_end_of = attrgetter("end")
#: What a row found by its label adds to a template's fit score, by how the label matched (other matches: 1).
_MATCH_SCORE = {LabelMatch.EXACT: 3, LabelMatch.ALIAS: 2}

#: Label keys longer than this (a line of prose in a table region) are not remembered.
_MAX_KNOWN_KEY = 200
#: How many label keys an aligner remembers the hits of (then it starts afresh).
_MAX_KNOWN_HITS = 4096
_UNSEEN: Any = object()


class TableGroupAligner:
    """Aligns the segments of one region to a group of template tables (e.g. all of section 二)."""

    def __init__(self, tables: Sequence[TableSpec], relations: Sequence[RelationSpec] = (), template_id: str | None = None) -> None:
        #: the template the tables belong to, recorded in every filled table (:attr:`FilledTable.template_id`)
        self.template_id = template_id
        self.tables = tuple(tables)
        self.relations = tuple(relations)
        self.expected: list[tuple[TableSpec, RowSpec]] = [(table, row) for table in self.tables for row in table.rows]
        self._index_of = {(table.id, row.id): index for index, (table, row) in enumerate(self.expected)}
        self._table_of = {table.id: table for table in reversed(self.tables)}
        #: the (row, column) keys of each template row's cells in column order, by table (see filled._cell_index)
        self._column_keys: dict[str, dict[str | None, tuple[tuple[str, str], ...]]] = {
            table.id: {row.id: tuple((row.id, column) for column in table.column_ids) for row in table.rows} for table in self.tables
        }
        self.entries = self._entries()
        #: entry positions by the first character of their key: a label key can only contain entries whose first character it has
        self._by_first: dict[str, list[int]] = {}
        for position, entry in enumerate(self.entries):
            self._by_first.setdefault(entry.key[0], []).append(position)
        self._header_key_list = [entry.key for entry in self.entries if entry.kind == "header"]
        self._header_keys = frozenset(self._header_key_list)
        self._all_keys = frozenset(entry.key for entry in self.entries)
        #: the known labels found in a label key (reports repeat the template's labels): key → hits
        self._known_hits: dict[str, list[_LabelHit]] = {}
        #: the same for flattened lines (:meth:`_flattened_hits`)
        self._known_line_hits: dict[str, list[_LabelHit]] = {}
        #: how label keys that are no known label resemble a header (see :meth:`_header_resemblance`)
        self._resemblances: dict[str, str | None] = {}
        #: the headers in labels of several cells, by the label's text and cell ranges (see :meth:`_label_headers`)
        self._known_label_headers: dict[tuple[str, tuple[tuple[int, int, str], ...]], tuple[tuple[str, ...], tuple[int, ...]]] = {}
        #: the header and column labels of each table
        self._labels = {
            table.id: frozenset(label_key(text) for text in (*table.header, *(column.label for column in table.columns)))
            for table in self.tables
        }
        #: (position in ``expected``, label without ordinal) for every row label and alias, for fuzzy matching
        self.bare_labels = [
            (index, strip_ordinal(label_key(text)))
            for index, (_, row) in enumerate(self.expected)
            if row.label
            for text in (row.label, *row.aliases)
        ]
        #: the longest header key: a label cell whose key is longer starts no header
        self._longest_header = max(map(len, self._header_key_list), default=0)
        #: where the tables are when their section's heading is not found: the keys of the row labels, in order, and
        #: for a table without row labels (part four's one row), its first column label
        self.anchors = [
            anchor
            for table in self.tables
            for anchor in ([label_key(row.label) for row in table.rows if row.label] or [label_key(table.columns[0].label)])
        ]
        #: the keys of the header texts and column labels of the tables (a header line right above an anchor belongs to
        #: the tables too)
        self.header_keys = frozenset(
            key
            for table in self.tables
            for text in (*table.header, *(column.label for column in table.columns), *(column.group or "" for column in table.columns))
            for key in map(label_key, text.split("/"))
            if len(key) >= 2
        )
        #: a line's key made only of :attr:`header_keys` (compiled on first use: only a part without a heading needs it)
        self._header_line: Any = None
        #: the reader of flattened lines (it depends only on the tables and relations)
        self._flattened = FlattenedReader(self.tables, self._flattened_hits, self.relations)
        #: whether it reads like each other aligner compared with it (see :meth:`reads_like`), by the other's id
        self._reads_like: dict[int, tuple[TableGroupAligner, bool]] = {}

    def is_header_line(self, key: str) -> bool:
        """Whether a line's key is made only of the tables' header texts and column labels (``行政复议行政诉讼``)."""
        if not self.header_keys:
            return False
        if self._header_line is None:
            self._header_line = compiled("(?:" + "|".join(map(re.escape, sorted(self.header_keys, key=len, reverse=True))) + ")+").fullmatch
        return self._header_line(key) is not None

    def reads_like(self, other: TableGroupAligner) -> bool:
        """Whether this aligner fills every region as ``other`` does but for the template it names: the same tables,
        whose relations the flattened reader (their only reader here) reads alike, as in two templates that share a
        table. Remembered: it depends only on the two aligners."""
        found = self._reads_like.get(id(other))
        if found is None or found[0] is not other:
            alike = self.tables == other.tables and self._flattened.relation_sources == other._flattened.relation_sources
            found = self._reads_like[id(other)] = (other, alike)
        return found[1]

    def _entries(self) -> list[_Entry]:
        entries = []
        for table in self.tables:
            for row in table.rows:
                named_table = self._table_of[table.id]
                named = (named_table, named_table.row(row.id))
                if row.label:
                    entries.append(_Entry(label_key(row.label), "row", table.id, row.id, LabelMatch.EXACT, named))
                for alias in row.aliases:
                    entries.append(_Entry(label_key(alias), "row", table.id, row.id, LabelMatch.ALIAS, named))
            for group in table.group_labels:
                entries.append(_Entry(label_key(group), "group", table.id))
            for text in (table.title, *table.aliases):
                entries.append(_Entry(label_key(text), "title", table.id))
            for text in (*table.header, *(column.label for column in table.columns), *(a for c in table.columns for a in c.aliases)):
                entries.append(_Entry(label_key(text), "header", table.id))
        unique = {(entry.key, entry.kind, entry.table, entry.row): entry for entry in entries if entry.key}
        return sorted(unique.values(), key=lambda entry: (-len(entry.key), entry.kind != "row"))

    def _hits(self, key: str, entries: Sequence[_Entry] | None = None) -> list[_LabelHit]:
        """Known labels inside a label key, longest first, without overlaps, in text order."""
        if entries is None:
            known = self._known_hits.get(key)
            if known is None:
                candidates = sorted(number for char in set(key) for number in self._by_first.get(char, ()))
                known = self._find_hits(key, [self.entries[number] for number in candidates])
                if len(key) <= _MAX_KNOWN_KEY:
                    if len(self._known_hits) >= _MAX_KNOWN_HITS:
                        self._known_hits.clear()
                    self._known_hits[key] = known
            return known
        return self._find_hits(key, entries)

    @staticmethod
    def _find_hits(key: str, entries: Sequence[_Entry]) -> list[_LabelHit]:
        covered = [False] * len(key)
        hits = []
        for entry in entries:
            position = key.find(entry.key)
            while position >= 0:
                span = range(position, position + len(entry.key))
                if not any(covered[index] for index in span):
                    for index in span:
                        covered[index] = True
                    hits.append(_LabelHit(entry, position, position + len(entry.key)))
                position = key.find(entry.key, position + 1)
        return sorted(hits, key=lambda hit: hit.key_start)

    def _flattened_hits(self, key: str) -> list[_LabelHit]:
        """Known labels in a flattened line, row labels written without their ordinal included (上年结转…)."""
        if not hasattr(self, "_line_entries"):
            known = {entry.key for entry in self.entries}
            bare = [
                _Entry(strip_ordinal(entry.key), "row", entry.table, entry.row, LabelMatch.NO_ORDINAL, entry.named)
                for entry in self.entries
                if entry.kind == "row" and len(strip_ordinal(entry.key)) >= 4 and strip_ordinal(entry.key) not in known
            ]
            self._line_entries = sorted([*self.entries, *bare], key=lambda entry: (-len(entry.key), entry.kind != "row"))
        hits = self._known_line_hits.get(key)
        if hits is None:
            hits = self._find_hits(key, self._line_entries)
            if len(key) <= _MAX_KNOWN_KEY:
                if len(self._known_line_hits) >= _MAX_KNOWN_HITS:
                    self._known_line_hits.clear()
                self._known_line_hits[key] = hits
        return hits

    def _fuzzy_row(self, fragment: str, pointer: int) -> tuple[TableSpec, RowSpec, LabelMatch] | None:
        """A row whose label the fragment is a variant of (missing ordinal, truncated, misspelt)."""
        bare = strip_ordinal(fragment)
        if len(bare) < 2:
            return None
        best: tuple[float, int, TableSpec, RowSpec, LabelMatch] | None = None
        for index, label in self.bare_labels:
            table, row = self.expected[index]
            if bare == label:
                score, match = 1.0, LabelMatch.NO_ORDINAL
            elif is_truncation(bare, label, 4) or (len(label) >= 4 and bare.startswith(label)):
                score, match = 0.9, LabelMatch.FUZZY
            else:
                if min(len(bare), len(label)) < 4 or abs(len(bare) - len(label)) * 5 > max(len(bare), len(label)):
                    continue
                score, match = similarity(bare, label), LabelMatch.FUZZY
                if score < 0.8:
                    continue
            rank = (score, -abs(index - pointer) if index >= pointer else -1000 - index)
            if best is None or rank > (best[0], best[1]):
                best = (rank[0], rank[1], table, row, match)
        return (best[2], best[3], best[4]) if best else None

    def place(self, document: Document, segment_list: Sequence[Segment], labels: Sequence | None = None) -> list[Placement]:
        """Identify the template row of every segment (by label, else by position); ``labels`` are the segments'
        :meth:`_label_hits` when the caller has them."""
        placements: list[Placement] = []
        pointer = 0
        lost = False
        index_of = self._index_of
        if labels is None:
            labels = [self._label_hits(document, segment) for segment in segment_list]
        exact = [self._identify(label, 0, True) for label in labels]  # exact only (by position: a keyword call costs more)
        # the last segment that names each row by its label: a row named later is never placed by position
        last_named = {(found[0].id, found[1].id): number for number, found in enumerate(exact) if found is not None}
        for number, segment in enumerate(segment_list):
            found = exact[number] or self._identify(labels[number], pointer)
            if found is None and not segment.has_values:
                continue  # a header or title row with empty cells
            if found is not None:
                table, row, match, label_start, label_end = found
                pointer = index_of[(table.id, row.id)] + 1
                lost = False
                text = document.text[label_start:label_end]
                placements.append(_new_tuple(Placement, (segment, table, row, match, label_start, label_end, text)))
                continue
            label_start = segment.label[0].start if segment.label else None
            label_end = segment.label[-1].end if segment.label else None
            if not lost and pointer < len(self.expected):
                table, row = self.expected[pointer]
                fits = _chosen_cells(table, segment) is not None
                if (
                    last_named.get((table.id, row.id), -1) <= number
                    and (fits or not row.label)
                    and not (segment.label and placements and placements[-1][1] is not table and not _titles(labels[number], table))
                ):  # a row the template does not have (“行政确认” after 其他对外管理服务事项) is not the next table's first row
                    placements.append(
                        Placement(segment, table, row, LabelMatch.POSITIONAL if row.label else LabelMatch.EXACT, label_start, label_end)
                    )
                    pointer += 1
                    continue
            lost = True
            placements.append(Placement(segment, None, None, LabelMatch.NONE, label_start, label_end))
        return placements

    def _label_hits(self, document: Document, segment: Segment) -> tuple[str, tuple[int, ...], int, list[_LabelHit]] | None:
        """A segment's label key, the offset of each key character from the label's start, that start, and the
        known labels in the key (None without a label)."""
        if not segment.label:
            return None
        start = segment.label[0].start
        key, offsets = keyed_relative(document.normalized, start, segment.label[-1].end)
        return key, offsets, start, self._hits(key)

    def _identify(self, label: tuple[str, tuple[int, ...], int, list[_LabelHit]] | None, pointer: int, exact_only: bool = False):
        if label is None:
            return None
        key, offsets, base, hits = label
        for hit in reversed(hits):  # the last row label
            entry = hit.entry
            if entry.kind == "title":
                break  # a row label before a table's title is in the text before that table (a sentence naming 行政强制)
            if entry.kind == "row":
                assert entry.named is not None  # row entries always name their row
                table, row = entry.named
                return table, row, entry.match, base + offsets[hit.key_start], base + offsets[hit.key_end - 1] + 1
        if exact_only:
            return None
        tail_start = hits[-1].key_end if hits else 0
        while tail_start < len(key) and key[tail_start] == "|":  # the bars of empty cells between a header and the label
            tail_start += 1
        fragment = key[tail_start:]
        fuzzy = self._fuzzy_row(fragment, pointer) if fragment else None
        last_cell = fragment.rfind("|") + 1
        if fuzzy is None and 0 < last_cell < len(fragment):  # a label after header cells no known header names
            tail_start += last_cell
            fuzzy = self._fuzzy_row(fragment[last_cell:], pointer)
        if fuzzy is None:
            return None
        table, row, match = fuzzy
        return table, row, match, base + offsets[tail_start], base + offsets[-1] + 1

    def fill(self, document: Document, rows: Sequence[RawRow]) -> tuple[dict[str, FilledTable], int]:
        """Filled tables of this group and a fit score (higher = the template fits the report better)."""
        rows, unsplit = self._flattened.read(document, rows)
        segment_list, layout = segments(rows)
        labels = [self._label_hits(document, segment) for segment in segment_list]
        placements = self.place(document, segment_list, labels)
        by_table: dict[str, list[FilledRow]] = {table.id: [] for table in self.tables}
        score = 0
        within = self.tables[0]  # the table the rows read so far are in: an unaligned row is in the last one placed
        for placement in placements:
            table, row, match = placement[1:4]  # a named tuple's fields by position: one slice, no attribute look-ups
            if row is None or table is None:
                by_table[within.id].append(_unaligned_row(within, placement))
                score -= 1
                continue
            within = table
            filled = _assign(table, row, placement)
            if filled is None:
                filled = _mismatched_row(table, row, placement)
                score -= 1
            else:
                score += 1
            score += _MATCH_SCORE.get(match, 1) if row.label else 2
            by_table[table.id].append(filled)
        headers, unknown = self._headers(document, segment_list, labels)
        score += 2 * len(headers) + len(unsplit)
        filled_tables = {}
        for table in self.tables:
            table_rows = by_table[table.id]
            own_headers = tuple(label for label in headers if label in self._labels[table.id]) if headers else ()
            own_unsplit = tuple(row for row in unsplit if row.table == table.id) if unsplit else ()
            ordered = sorted(table_rows, key=_start_of)
            filled_tables[table.id] = read_table(
                table,
                tuple(ordered),
                own_headers,
                tuple(unknown) if table is self.tables[0] else (),  # the unknown headers
                layout,
                (ordered[0].start if ordered else None)  # the start: the rows are in order of their start
                if not own_unsplit
                else min([*(row.start for row in table_rows), *(row.start for row in own_unsplit)]),
                max(map(_end_of, table_rows), default=None)  # the end
                if not own_unsplit
                else max([*(row.end for row in table_rows), *(row.end for row in own_unsplit)]),
                self.template_id,
                own_unsplit,
                self._column_keys[table.id],
            )
        return filled_tables, score

    def _header_resemblance(self, key: str) -> str | None:
        """How a label key that is no known label resembles a header: ``truncation`` (cut off), ``near-miss`` (one
        character wrong) or None (remembered: reports repeat their labels)."""
        if len(key) > self._longest_header:
            return None  # neither the beginning of a header nor a header with one character wrong
        found = self._resemblances.get(key, _UNSEEN)
        if found is _UNSEEN:
            header_keys = self._header_key_list
            if any(is_truncation(key, header, 3) for header in header_keys):
                found = "truncation"
            elif any(is_near_miss(key, header) for header in header_keys):
                found = "near-miss"
            else:
                found = None
            if len(key) <= _MAX_KNOWN_KEY:
                if len(self._resemblances) >= _MAX_KNOWN_HITS:
                    self._resemblances.clear()
                self._resemblances[key] = found
        return found

    def _headers(
        self, document: Document, segment_list: Sequence[Segment], labels: Sequence | None = None
    ) -> tuple[list[str], list[tuple[str, int, int]]]:
        """Header labels found, and header cells that look cut off (``本年废止件``); ``labels`` as in :meth:`place`."""
        header_key_set, all_keys, normalized = self._header_keys, self._all_keys, document.normalized
        found: list[str] = []
        unknown: list[tuple[str, int, int]] = []
        for number, segment in enumerate(segment_list):
            tokens = segment.label
            if len(tokens) == 1 and labels is not None:  # a label of one cell: its key is the segment's label key
                key = labels[number][0]
                if key in header_key_set:
                    found.append(key)
                    continue
                token = tokens[0]
                key = label_key(token.text)
                if key in all_keys:
                    continue
                resemblance = self._header_resemblance(key)
                if resemblance is not None:  # a truncation with no cell after it, or a near miss
                    unknown.append((token.text, token.start, token.end))
                continue
            if not tokens:
                continue
            keys, odd = self._label_headers(normalized, tokens)
            found.extend(keys)
            unknown.extend((tokens[index].text, tokens[index].start, tokens[index].end) for index in odd)
        return list(dict.fromkeys(found)), unknown

    def _label_headers(self, normalized: str, tokens: tuple[Token, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The header keys in a label of several cells and the positions of its cells that look like cut-off or
        misspelt headers (remembered by the label's text and cell ranges: reports repeat their header rows)."""
        base = tokens[0].start
        memo_key = (normalized[base : tokens[-1].end], tuple([(token.start - base, token.end - base, token.text) for token in tokens]))
        found = self._known_label_headers.get(memo_key)
        if found is None:
            found = self._read_label_headers(normalized, tokens)
            if len(memo_key[0]) <= _MAX_KNOWN_KEY:
                if len(self._known_label_headers) >= _MAX_KNOWN_HITS:
                    self._known_label_headers.clear()
                self._known_label_headers[memo_key] = found
        return found

    def _read_label_headers(self, normalized: str, tokens: tuple[Token, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """What :meth:`_label_headers` remembers, read: headers may span up to three cells (``本年新制发`` ``件数``)."""
        header_keys, header_key_set, all_keys, longest = self._header_key_list, self._header_keys, self._all_keys, self._longest_header
        found: list[str] = []
        unknown: list[int] = []
        index = 0
        count = len(tokens)
        while index < count:
            token = tokens[index]
            # the key of a wider label starts with the key of its first cell: past the longest header, none is one
            if len(key_of(normalized, token.start, token.end)) <= longest:
                matched = False
                for width in (3, 2, 1):
                    if index + width > count:
                        continue
                    key = key_of(normalized, token.start, tokens[index + width - 1].end)
                    if key in header_key_set:
                        found.append(key)
                        index += width
                        matched = True
                        break
                if matched:
                    continue
            key = label_key(token.text)
            if key in all_keys:
                index += 1
                continue
            resemblance = self._header_resemblance(key)
            if resemblance == "truncation":
                following = label_key(tokens[index + 1].text) if index + 1 < len(tokens) else ""
                if not any(header.startswith(key + following) and following for header in header_keys):
                    unknown.append(index)
            elif resemblance == "near-miss":
                unknown.append(index)
            index += 1
        return tuple(found), tuple(unknown)


def _chosen_cells(table: TableSpec, segment: Segment) -> Sequence[Token] | None:
    """The segment's cells tied to the table's columns in order (see :func:`_choose_cells`); None when counts do not fit."""
    written = segment.cells
    expected = len(table.columns)
    if len(written) == expected and "blank" not in map(kind_of, written):
        return written  # one value per column: what _choose_cells gives
    blanks = [token.kind for token in written].count("blank")
    if len(written) - blanks > expected:
        return None
    if len(written) - blanks == 1 and expected > 1:  # one value for several columns: perhaps its zeros run together
        zeros = glued_zeros(next(token for token in written if token.kind != "blank"), expected)
        if zeros is not None:
            return zeros
    cells = list(written)
    if segment.value_columns is not None:
        cells = [token for token in cells if token.kind != "blank" or token.column in segment.value_columns]
    return _choose_cells(cells, expected, segment.explicit_blanks)


def _assign(table: TableSpec, row: RowSpec, placement: Placement) -> FilledRow | None:
    """The row of a placement's segment when its cells can be tied to the columns of the row's ``table``; None when
    counts do not fit. The row carries the label the placement found (none for rows placed by position)."""
    segment, _, _, match, label_start, label_end, label_text = placement  # the fields by position: no attribute look-ups
    chosen = _chosen_cells(table, segment)
    if chosen is None:
        return None
    label, cells = segment[:2]
    start = label[0][0] if label else (cells[0][0] if cells else 0)  # tokens' start and end by position
    end = cells[-1][1] if cells else start
    expected = len(table.columns)
    table_id, row_id, status_of, non_numeric, new = table.id, row.id, _STATUS_OF_KIND, _NON_NUMERIC, _new_object
    result: list[FilledCell] = []
    append = result.append
    for position, column_id, token in zip(count(), table.column_ids, chosen):
        value = token[4]  # a token's fields by position (its cell value, start and end): no attribute look-ups
        cell: Any = new(UnfrozenCell)  # as filled.read_cell makes it, inline: a report has hundreds of cells
        cell.table = table_id  # every field, in the order of the fields
        cell.row = row_id
        cell.column = column_id
        cell.status = status_of.get(value.kind, non_numeric)
        cell.raw = value.raw
        cell.value = value.value
        cell.unit = value.unit
        cell.signed = value.signed
        cell.start = token[0]
        cell.end = token[1]
        cell.position = position
        cell.__class__ = FilledCell
        append(cell)
    # every cell is in a column (ok, blank or non-numeric): the row is aligned (True: in columns)
    if match is _POSITIONAL or label_start is None:
        return read_row(table_id, row_id, "", None, None, match, tuple(result), expected, start, end, True)
    return read_row(
        table_id, row_id, label_text, label_start, label_end, match, tuple(result), expected, min(label_start, start), end, True
    )


def _choose_cells(cells: list[Token], expected: int, explicit_blanks: bool) -> list[Token] | None:
    """Exactly ``expected`` cells: the values plus the blank cells that stand for missing values.

    Blanks between values are blank cells. Blanks at the edges are blank cells
    only where blanks are explicit (real tables, one cell per line) and only
    when they are on one side; in tab-separated text they are layout padding.
    """
    filled_positions = [index for index, token in enumerate(cells) if token.kind != "blank"]
    if len(filled_positions) == expected:
        return [cells[index] for index in filled_positions]
    if not filled_positions:
        # nothing written at all: the row's cells are its first empty fields (the rest is padding); one empty field
        # after the label may be padding too, unless the row has only the one cell it stands for (行政许可<TAB>)
        return cells[:expected] if len(cells) >= expected and (explicit_blanks or len(cells) > 1 or expected == 1) else None
    first, last = filled_positions[0], filled_positions[-1]
    interior = list(range(first, last + 1))
    if len(interior) == expected:
        return [cells[index] for index in interior]
    if len(interior) > expected:
        return None
    missing = expected - len(interior)
    if not explicit_blanks:
        return None
    leading = list(range(first))
    trailing = list(range(last + 1, len(cells)))
    if len(trailing) >= missing and not leading:
        return [cells[index] for index in interior + trailing[:missing]]
    if len(leading) >= missing and not trailing:
        return [cells[index] for index in leading[-missing:] + interior]
    return None


#: The status of a cell read from a token, by the kind of its value.
_STATUS_OF_KIND = {"blank": CellStatus.BLANK, "number": CellStatus.OK}
_NON_NUMERIC = CellStatus.NON_NUMERIC
_POSITIONAL = LabelMatch.POSITIONAL


def _titles(label: tuple[str, tuple[int, ...], int, list[_LabelHit]] | None, table: TableSpec) -> bool:
    """Whether a segment's label (see :meth:`TableGroupAligner._label_hits`) holds ``table``'s title."""
    return label is not None and any(hit.entry.kind == "title" and hit.entry.table == table.id for hit in label[3])


_new_object = object.__new__


def _cell(
    table: TableSpec, row: str | None, column: str | None, token: Token, position: int, status: CellStatus | None = None
) -> FilledCell:
    value = token.cell
    if status is None:
        status = _STATUS_OF_KIND.get(value.kind, _NON_NUMERIC)
    return read_cell(table.id, row, column, status, value.raw, value.value, value.unit, value.signed, token.start, token.end, position)


def _mismatched_row(table: TableSpec, row: RowSpec, placement: Placement) -> FilledRow:
    """A known row whose values do not fit its columns: extra values, or values of unknown column."""
    cells = [token for token in placement.segment.cells if token.kind != "blank"] or list(placement.segment.cells)
    expected = len(table.columns)
    result = []
    if len(cells) > expected:
        for position, (column, token) in enumerate(zip(table.columns, cells, strict=False)):
            result.append(_cell(table, row.id, column.id, token, position))
        for position, token in enumerate(cells[expected:], start=expected):
            result.append(_cell(table, row.id, None, token, position, CellStatus.EXTRA))
    else:
        for position, token in enumerate(cells):
            result.append(_cell(table, row.id, None, token, position, CellStatus.UNALIGNED))
        for column in table.columns:
            result.append(FilledCell(table.id, row.id, column.id, CellStatus.MISSING))
    positional = placement.match is LabelMatch.POSITIONAL
    label_start = None if positional else placement.label_start
    start = label_start if label_start is not None else (cells[0].start if cells else 0)
    end = placement.segment.cells[-1].end if placement.segment.cells else start
    return read_row(
        table.id,
        row.id,
        "" if positional else placement.label_text,
        label_start,
        None if positional else placement.label_end,
        placement.match,
        tuple(result),
        expected,
        start,
        end,
    )


def _unaligned_row(table: TableSpec, placement: Placement) -> FilledRow:
    """Values that could not be placed in any template row."""
    cells = [token for token in placement.segment.cells if token.kind != "blank"] or list(placement.segment.cells)
    result = tuple(_cell(table, None, None, token, position, CellStatus.UNALIGNED) for position, token in enumerate(cells))
    start = placement.segment.label[0].start if placement.segment.label else cells[0].start
    end = placement.segment.cells[-1].end if placement.segment.cells else start
    label = " ".join(token.text for token in placement.segment.label)
    return read_row(
        table.id, None, label, placement.label_start, placement.label_end, LabelMatch.NONE, result, len(table.columns), start, end
    )
