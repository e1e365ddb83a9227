"""Tables flattened into running text: ``规章 0 0 0 行政规范性文件 6 9 3`` or, with the spaces gone, ``规章000行政规范性文件693``.

A page copied without its line breaks, or a PDF whose table lost its rules,
leaves a whole table on one line: labels and values one after the other. The
aligner hands such a line here (:class:`FlattenedReader`): the known labels
(row labels, group labels, table titles, column headers) cut it into pieces,
and the run of values after each row label is split into the row's cells.

A value written without spaces (``693``) can often be split only one way into
as many values as the row has columns; where several splits fit, the row
relations of the template (``总计`` = the sum of the other columns) and then the
column relations of the whole table (第一项加第二项之和等于第三项加第四项之和)
decide. A row that still has no split, or more than one, is never guessed: it
is reported as an :class:`UnsplitRow` and left out of every check.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from reportlint.core.model import Document
from reportlint.template.expressions import Expression, parse_expression
from reportlint.template.filled import UnsplitRow
from reportlint.template.labels import keyed
from reportlint.template.spec import RelationSpec, TableSpec
from reportlint.template.tokens import RawRow, Token, make_token
from reportlint.text.numbers import parse_cell
from reportlint.usercache.patterns import compiled

#: Longest number (in digits) a run of digits is split into: larger counts do not occur in these tables.
MAX_DIGITS = 7
#: Most candidate splits of one row considered; a row with more is reported as not splittable.
MAX_SPLITS = 5000
#: Most combinations of ambiguous rows the column relations are tried on.
MAX_COMBINATIONS = 4096

#: A chunk whose digits may hold several values: sign, digits, then a decimal part or a unit (kept with the last value).
_NUMBER_CHUNK = compiled(r"([+-]?)(\d+)((?:\.\d+)?[^\d\s+-]*)")
#: A run of digits alone, however long.
_DIGITS = compiled(r"[0-9]+")
#: A value run is cut into chunks at whitespace and before a sign that follows a digit (``5+116`` → ``5``, ``+116``).
_CHUNK = compiled(r"[+-]?[^\s+-]+|[+-]+")


@dataclass(frozen=True)
class _Chunk:
    """A whitespace-separated piece of a value run: its text and offset in the document."""

    text: str
    start: int


def splits(
    chunks: Sequence[str], count: int, limit: int = MAX_SPLITS, sums: Mapping[int, tuple[int, ...]] | None = None
) -> list[tuple[tuple[int, int], ...]] | None:
    """Every way to read ``chunks`` as exactly ``count`` values, as (chunk index, length) spans per value.

    The digits of a chunk may be several values written together (``693`` → 6,
    9, 3); a sign stays with the first value of its chunk, a decimal part or a
    unit (``458.58``, ``70280元``) with the last; no value has a leading zero;
    other chunks (``无``, ``-``) are one value each. ``sums`` maps a value's
    position to the earlier positions it is the sum of (a row's 总计): such a
    value can only be written one way, which prunes the search. Returns None
    when there are more than ``limit`` ways.
    """
    found: list[tuple[tuple[int, int], ...]] = []
    sums = sums or {}
    parsed = [_NUMBER_CHUNK.fullmatch(text) for text in chunks]
    remaining_digits = [number.group(2) if number else "x" for number in parsed]

    def walk(index: int, offset: int, values: tuple[int | None, ...], taken: tuple[tuple[int, int], ...]) -> bool:
        if index == len(chunks):
            if len(values) == count:
                found.append(taken)
            return len(found) <= limit
        position = len(values)
        if position >= count or count - position < len(chunks) - index:
            return True  # more chunks left than values
        number = parsed[index]
        if number is None:
            return walk(index + 1, 0, (*values, None), (*taken, (index, len(chunks[index]))))
        sign, digits, tail = number.group(1), number.group(2), number.group(3)
        rest = digits[offset:]
        first, last_chunk = offset == 0, index == len(chunks) - 1
        lengths: Iterator[int] = iter(range(1, min(MAX_DIGITS, len(rest)) + 1))
        if rest.startswith("0"):
            lengths = iter((1,))
        addends = sums.get(position)
        if addends is not None and all(values[addend] is not None for addend in addends):
            required = str(sum(values[addend] for addend in addends))  # type: ignore[misc]
            lengths = iter((len(required),) if rest.startswith(required) else ())
        later = count - position - 1  # values still to come after this one
        for length in lengths:
            whole = length == len(rest)
            if not whole and last_chunk and later < 1:
                continue
            left_over = len(rest) - length + sum(len(parsed_digits) for parsed_digits in remaining_digits[index + 1 :])
            if left_over > later * MAX_DIGITS or (last_chunk and left_over < later):
                continue  # the digits left cannot make the values left
            width = length + (len(sign) if first else 0) + (len(tail) if whole else 0)
            value = int(rest[:length]) if not (whole and tail) else None
            span = (index, width)
            if whole:
                if not walk(index + 1, 0, (*values, value), (*taken, span)):
                    return False
            elif not walk(index, offset + length, (*values, value), (*taken, span)):
                return False
        return True

    return found if walk(0, 0, (), ()) else None


_expression = lru_cache(maxsize=256)(parse_expression)


def row_sums(relations: Sequence[Expression], columns: Sequence[str]) -> dict[int, tuple[int, ...]]:
    """The row relations of the form ``total == a + b + …`` as (total position → addend positions), addends first."""
    found: dict[int, tuple[int, ...]] = {}
    for relation in relations:
        comparison = relation.comparison()
        if comparison is None or comparison[1] != "=":
            continue
        left, _, right = comparison
        for total_side, parts_side in ((left, right), (right, left)):
            names = [reference[0] for reference in parts_side.references]
            if len(total_side.references) != 1 or "+" not in parts_side.source or "-" in parts_side.source or "*" in parts_side.source:
                continue
            total = total_side.references[0][0]
            if total in columns and all(name in columns for name in names):
                position = columns.index(total)
                addends = tuple(columns.index(name) for name in names)
                if all(addend < position for addend in addends):
                    found[position] = addends
    return found


def _is_value_chunk(text: str) -> bool:
    """Whether a chunk after a row label holds values: a cell value, or a run of digits too long to be one number
    (several values written together: a flattened row of seven columns has up to 7 × MAX_DIGITS digits)."""
    return parse_cell(text).kind in ("number", "none-mark") or _DIGITS.fullmatch(text) is not None


def _holds_several(text: str) -> bool:
    """Whether a chunk has two digits or more: it may be several values written together."""
    number = _NUMBER_CHUNK.fullmatch(text)
    return number is not None and len(number.group(2)) >= 2


def _value(raw: str) -> int | Decimal | None:
    if raw.isdigit():
        return int(raw)
    cell = parse_cell(raw)
    return cell.value if cell.kind == "number" else None


def _holds(relations: Sequence[RelationSpec | Expression], resolve: Callable[[tuple[str, ...]], int | Decimal]) -> bool:
    """Whether every relation that can be evaluated holds (one reading a value that is absent is skipped)."""
    for relation in relations:
        expression = relation.expression if isinstance(relation, RelationSpec) else relation
        try:
            if not expression.evaluate(resolve):
                return False
        except (KeyError, TypeError):
            continue
    return True


@dataclass(frozen=True)
class _RowRun:
    """A row label found in a flattened line and the run of values after it."""

    table: TableSpec
    row: str | None
    label: tuple[int, int]
    chunks: tuple[_Chunk, ...]


class FlattenedReader:
    """Cuts flattened table lines into rows using a table group's labels (see the module docs).

    ``hits(key)`` gives the known labels in a label key (the aligner's
    ``_hits``): objects with ``entry`` (``kind``, ``table``, ``row``),
    ``key_start`` and ``key_end``. ``relations`` are the template's relations,
    used to choose between splits.
    """

    def __init__(self, tables: Sequence[TableSpec], hits: Callable[[str], list], relations: Sequence[RelationSpec] = ()) -> None:
        self.tables = {table.id: table for table in tables}
        self.hits = hits
        self.row_relations = {
            table: tuple(relation for relation in relations if relation.table == table and relation.for_each == "row" and not relation.when)
            for table in self.tables
        }
        self.column_relations = {
            table: tuple(
                relation for relation in relations if relation.table == table and relation.for_each == "column" and not relation.when
            )
            for table in self.tables
        }

    @property
    def relation_sources(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """The row and the column relations it reads by, as the sources of their expressions by table: all it reads of
        them (two readers with the same tables and these read every line alike)."""
        return (
            {table: tuple(relation.expression.source for relation in relations) for table, relations in self.row_relations.items()},
            {table: tuple(relation.expression.source for relation in relations) for table, relations in self.column_relations.items()},
        )

    def read(self, document: Document, rows: Sequence[RawRow]) -> tuple[list[RawRow], list[UnsplitRow]]:
        """The rows with every flattened line cut into its table rows, and the rows that could not be split."""
        result: list[RawRow] = []
        unsplit: list[UnsplitRow] = []
        for row in rows:
            tokens = row[0]  # rows and tokens are named tuples: fields by position, without attribute lookups
            # what _is_flattened says, inline (a region has hundreds of rows)
            if len(tokens) == 1 and not row[1] and tokens[0][3] == "text" and any(map(str.isdigit, tokens[0][2])):
                pieces = self._unflatten(document, tokens[0])
                if pieces is not None:
                    rows_of_line, unsplit_of_line = pieces
                    result.extend(rows_of_line)
                    unsplit.extend(unsplit_of_line)
                    continue
            result.append(row)
        return result, unsplit

    def _unflatten(self, document: Document, token: Token) -> tuple[list[RawRow], list[UnsplitRow]] | None:
        normalized = document.normalized
        key, offsets = keyed(normalized, token.start, token.end)
        hits = [hit for hit in self.hits(key) if hit.entry.kind in ("row", "group", "title", "header")]
        if not hits:
            return None
        if not any(hit.entry.kind in ("title", "header") for hit in hits):
            return None  # labels in prose (行政许可5件、行政处罚3件) are not a table without its header
        ranges = [(offsets[hit.key_start], offsets[hit.key_end - 1] + 1) for hit in hits]
        runs: list[_RowRun | tuple[int, int]] = []
        for number, (hit, (start, end)) in enumerate(zip(hits, ranges, strict=True)):
            run_end = ranges[number + 1][0] if number + 1 < len(ranges) else token.end
            chunks = tuple(
                itertools.takewhile(
                    lambda chunk: _is_value_chunk(chunk.text),
                    (_Chunk(match.group(), match.start()) for match in _CHUNK.finditer(normalized, end, run_end)),
                )
            )
            table, row = self._row_of(hit)
            if table is not None and chunks:
                runs.append(_RowRun(table, row, (start, end), chunks))
            else:
                runs.append((start, end))
        row_runs = [run for run in runs if isinstance(run, _RowRun)]
        if not row_runs:
            return None
        decided, options = self._decide(row_runs)
        result: list[RawRow] = []
        unsplit: list[UnsplitRow] = []
        original = document.text
        for run in runs:
            if not isinstance(run, _RowRun):
                result.append(RawRow((make_token(normalized, original, *run),)))
                continue
            label = (make_token(normalized, original, *run.label),) if run.row is not None and run.label[1] > run.label[0] else ()
            chosen = decided.get(id(run))
            if chosen is None:
                last = run.chunks[-1]
                unsplit.append(
                    UnsplitRow(
                        run.table.id,
                        run.row,
                        run.label[0],
                        last.start + len(last.text),
                        original[run.label[0] : last.start + len(last.text)],
                        len(options[id(run)]),
                    )
                )
                result.append(RawRow(label or (make_token(normalized, original, *run.label),)))
                continue
            values = tuple(
                make_token(normalized, original, run.chunks[index].start + offset, run.chunks[index].start + offset + length)
                for index, offset, length in _offsets(chosen)
            )
            result.append(RawRow((*label, *values)))
        return result, unsplit

    def _row_of(self, hit) -> tuple[TableSpec | None, str | None]:
        """The table row a label hit names: a row label, or the one unlabelled row of a table after its header."""
        entry = hit.entry
        table = self.tables.get(entry.table)
        if table is None:
            return None, None
        if entry.kind == "row":
            return table, entry.row
        unlabelled = [row for row in table.rows if not row.label]
        if entry.kind in ("header", "title") and len(table.rows) == 1 and unlabelled:
            return table, unlabelled[0].id
        return None, None

    def _decide(self, runs: Sequence[_RowRun]) -> tuple[dict[int, tuple[tuple[int, int], ...]], dict[int, list]]:
        """The split chosen for each row run (by ``id``), the only one that fits alone or with the table's column
        relations; and every split that fits each run alone."""
        decided: dict[int, tuple[tuple[int, int], ...]] = {}
        options: dict[int, list[tuple[tuple[int, int], ...]]] = {}
        for run in runs:
            written = [chunk.text for chunk in run.chunks]
            if len(written) >= len(run.table.columns) or not any(_holds_several(text) for text in written):
                # as written, one value per chunk: too many values or too few are the row's own defect (RL205)
                decided[id(run)] = tuple((index, len(text)) for index, text in enumerate(written))
                options[id(run)] = [decided[id(run)]]
                continue
            sources = tuple(relation.expression.source for relation in self.row_relations[run.table.id])
            fitting = _fitting(tuple(written), tuple(column.id for column in run.table.columns), sources)
            options[id(run)] = list(fitting or ())
            if fitting is not None and len(fitting) == 1:
                decided[id(run)] = fitting[0]
        for table_id in {run.table.id for run in runs}:
            table_runs = [run for run in runs if run.table.id == table_id]
            open_runs = [run for run in table_runs if id(run) not in decided and len(options[id(run)]) > 1]
            if not open_runs or not self.column_relations[table_id]:
                continue
            combinations = 1
            for run in open_runs:
                combinations *= len(options[id(run)])
            if combinations > MAX_COMBINATIONS:
                continue
            fitting_combinations = [
                combination
                for combination in itertools.product(*(options[id(run)] for run in open_runs))
                if self._table_fits(table_runs, decided, dict(zip((id(run) for run in open_runs), combination, strict=True)))
            ]
            if len(fitting_combinations) == 1:
                decided.update(zip((id(run) for run in open_runs), fitting_combinations[0], strict=True))
        return decided, options

    def _table_fits(self, runs: Sequence[_RowRun], decided: Mapping[int, tuple], trial: Mapping[int, tuple]) -> bool:
        rows: dict[str, dict[str, int | Decimal | None]] = {}
        for run in runs:
            spans = trial.get(id(run)) or decided.get(id(run))
            if spans is not None and run.row is not None:
                rows[run.row] = _row_values(run, spans)

        relations = self.column_relations[runs[0].table.id]
        for column in runs[0].table.columns:

            def resolve(reference: tuple[str, ...], column: str = column.id) -> int | Decimal:
                value = rows[reference[0]][column]
                if value is None:
                    raise TypeError(reference)
                return value

            if not _holds(relations, resolve):
                return False
        return True


def _offsets(spans: tuple[tuple[int, int], ...]) -> Iterator[tuple[int, int, int]]:
    """(chunk index, offset in the chunk, length) of each value of a split."""
    offset = 0
    previous = -1
    for index, length in spans:
        offset = 0 if index != previous else offset
        yield index, offset, length
        offset += length
        previous = index


def _texts(run: _RowRun, spans: tuple[tuple[int, int], ...]) -> Iterator[str]:
    for index, offset, length in _offsets(spans):
        yield run.chunks[index].text[offset : offset + length]


def _row_values(run: _RowRun, spans: tuple[tuple[int, int], ...]) -> dict[str, int | Decimal | None]:
    return {column.id: _value(text) for column, text in zip(run.table.columns, _texts(run, spans), strict=True)}


@lru_cache(maxsize=1024)
def _fitting(written: tuple[str, ...], columns: tuple[str, ...], sources: tuple[str, ...]) -> tuple | None:
    """The splits of a row's chunks into its columns that its row relations (their sources) allow; None: too many to try.

    Cached: the same row is tried against every template whose table has these columns and relations.
    """
    relations = [_expression(source) for source in sources]
    found = splits(written, len(columns), sums=row_sums(relations, columns))
    if found is None:
        return None
    fitting = []
    for spans in found:
        values = dict(zip(columns, (_value(text) for text in _split_texts(written, spans)), strict=True))

        def resolve(reference: tuple[str, ...], values: dict[str, int | Decimal | None] = values) -> int | Decimal:
            value = values[reference[0]]
            if value is None:
                raise TypeError(reference)
            return value

        if _holds(relations, resolve):
            fitting.append(spans)
    return tuple(fitting)


def _split_texts(written: Sequence[str], spans: tuple[tuple[int, int], ...]) -> Iterator[str]:
    for index, offset, length in _offsets(spans):
        yield written[index][offset : offset + length]


def _is_flattened(row: RawRow) -> bool:
    """A line read as one text cell that holds digits: a table written on one line, perhaps."""
    return not row.explicit_blanks and len(row.tokens) == 1 and row.tokens[0].kind == "text" and any(map(str.isdigit, row.tokens[0].text))
