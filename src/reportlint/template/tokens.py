"""Table tokens: the cells of a report region as one stream, whatever the layout.

Real tables (HTML, .docx, Markdown) give their cells directly. Tables flattened
into text arrive as tab-separated rows, pipe-delimited rows, one cell per line
(optionally indented with a tab, ``\\t`` alone for a blank cell), or PDF lines
whose cells are separated by spaces. :func:`region_rows` turns any of them into
:class:`RawRow` s of :class:`Token` s with exact ranges, so the aligner never
thinks about layouts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import repeat
from operator import attrgetter, itemgetter, methodcaller
from typing import Any, NamedTuple

from reportlint.core.model import Document, Table
from reportlint.text.chars import SEMICOLONS, SENTENCE_STOPS
from reportlint.text.numbers import CellValue, parse_cell
from reportlint.text.segmentation import iter_lines, separated_starts
from reportlint.usercache.patterns import compiled

_PIPE_DELIMITER_ROW = compiled(r"^[\s|:\-]+$")
# A label may contain commas (“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”), not a sentence end.
_SENTENCE_END = compiled(f"[{SENTENCE_STOPS}{SEMICOLONS}]")
_MAX_SPACE_LABEL = 60
_WORD = compiled(r"\S+")


class Token(NamedTuple):
    """One cell: its text range, what it holds (``value``, ``blank`` or ``text``) and, in a real table, its grid column.

    A named tuple: a report's table regions make hundreds, in the reader's hot loop.
    """

    start: int
    end: int
    text: str
    kind: str
    cell: CellValue
    column: int | None = None

    @property
    def is_text(self) -> bool:
        """A label or header cell (not a value, not blank)."""
        return self.kind == "text"


#: A token's kind (``value``, ``blank`` or ``text``), read by a C-level getter.
kind_of = attrgetter("kind")


class RawRow(NamedTuple):
    """The tokens of one table row, or of one line (or blank-line-delimited group of lines) of text.

    ``explicit_blanks`` says a blank token is a real empty cell (real tables,
    one cell per line with a lone tab for an empty cell), not layout padding.
    ``value_columns`` are the grid columns of the row's table to the right of
    every label column (real tables only): a blank outside them is the empty
    field a merged label leaves, never a value cell.

    A named tuple, as :class:`Token` is: a report's table regions make hundreds.
    """

    tokens: tuple[Token, ...]
    explicit_blanks: bool = False
    value_columns: frozenset[int] | None = None

    @property
    def values(self) -> int:
        """How many value tokens the row has."""
        return sum(1 for token in self.tokens if token.kind == "value")


def make_token(text: str, original: str, start: int, end: int, column: int | None = None) -> Token:
    """A token for ``[start, end)`` with surrounding whitespace trimmed from the range.

    ``text`` is the document's normalised text (read: ``57萬元`` is 57 万元) and
    ``original`` its original text (kept as the token's raw text).
    """
    piece = text[start:end]
    written = piece if text is original else original[start:end]
    found = _CELL_TOKENS.get(piece if written is piece else (piece, written))
    first, last, raw, kind, cell = _read_cell(piece, written) if found is None else found
    return _new_tuple(Token, (start + first, start + last, raw, kind, cell, column))


def glued_zeros(token: Token, count: int) -> tuple[Token, ...] | None:
    """A value written as a run of exactly ``count`` zeros (“0000000” for a row of seven cells), split one zero per
    cell: the only way to read it, since no count is written with a leading zero; None for any other token."""
    raw = token.text
    if count < 2 or token.kind != "value" or len(raw) != count or token.end - token.start != count or raw.strip("0"):
        return None
    _, _, zero, kind, cell = _read_cell("0", "0")
    return tuple(
        _new_tuple(Token, (token.start + index, token.start + index + 1, zero, kind, cell, token.column)) for index in range(count)
    )


def _read_cell(piece: str, written: str) -> tuple[int, int, str, str, CellValue]:
    """Read a cell's text ``piece`` (``written`` as written, ``piece`` itself for a cell written as it reads) and
    remember what :func:`_read_token` reads of it (see :data:`_CELL_TOKENS`)."""
    found = _read_token(piece, written)
    if len(piece) <= _MAX_REMEMBERED_CELL:
        if len(_CELL_TOKENS) >= _MAX_REMEMBERED_CELLS:
            _CELL_TOKENS.clear()
        _CELL_TOKENS[piece if written is piece else (piece, written)] = found
    return found


#: What :func:`_read_token` read of each cell text met so far, by its normalised and original text (by its text alone
#: when the cell is written as it reads: the same string is both): cells repeat within and across reports. Up to this
#: length, up to this many. Looked up where a cell is read (:func:`make_token`, :func:`_remember_line`), a Python call
#: fewer a cell; :func:`_read_cell` reads and remembers what is not found.
_CELL_TOKENS: dict[str | tuple[str, str], tuple[int, int, str, str, CellValue]] = {}
_MAX_REMEMBERED_CELL = 200
_MAX_REMEMBERED_CELLS = 2048


def _read_token(piece: str, original: str) -> tuple[int, int, str, str, CellValue]:
    """A token's range relative to ``piece`` (whitespace trimmed), raw text, kind and value; ``original`` is the
    piece's original text."""
    stripped = piece.strip()
    if stripped:
        start = len(piece) - len(piece.lstrip())
        end = start + len(stripped)
    else:
        start = end = len(piece) // 2
    cell = parse_cell(stripped)
    kind = "blank" if cell.kind == "blank" else "value" if cell.kind in ("number", "none-mark") else "text"
    raw = original[start:end]
    return start, end, raw, kind, cell if cell.raw == raw else replace(cell, raw=raw)


def _split(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    pieces = []
    position = start
    while True:
        found = text.find(separator, position, end)
        if found < 0:
            pieces.append((position, end))
            return pieces
        pieces.append((position, found))
        position = found + 1


def _space_pieces(line: str) -> list[tuple[int, int]] | None:
    """Split a PDF-style line ``label 0 0 0`` on whitespace; None when it is not such a row.

    The line must be some label text (without sentence punctuation) followed
    only by values; the label's own spaces are kept (``1. 属于国家秘密``).
    """
    words = line.split()  # the texts of the ``_WORD`` matches (both split on what str.isspace() calls whitespace)
    if len(words) < 2:
        return None
    # whether each word is a value, read by C-level iterators (lines are read by the hundred)
    values = list(map(_IS_VALUE_KIND.__getitem__, map(_kind_of_cell, map(parse_cell, words))))
    if True not in values:
        return None
    first_value = values.index(True)
    if values.count(True) != len(words) - first_value:
        return None  # a word that is not a value after the first value
    spans = list(map(_span_of, _WORD.finditer(line)))
    if not first_value:
        return spans
    label_start, label_end = spans[0][0], spans[first_value - 1][1]
    if _SENTENCE_END.search(line, label_start, label_end) or label_end - label_start > _MAX_SPACE_LABEL:
        return None
    return [(label_start, label_end), *spans[first_value:]]


#: Whether a cell of each kind :func:`~reportlint.text.numbers.parse_cell` reads is a value.
_IS_VALUE_KIND = {"number": True, "none-mark": True, "text": False, "blank": False}
_kind_of_cell = attrgetter("kind")
_span_of = methodcaller("span")


#: The tokens of each line met so far, by its normalised and original text (by its text alone when the document's
#: normalised text is its original text), with offsets relative to the line: reports repeat the template's rows.
#: Each entry holds each token's fields as a plain tuple (quicker to unpack than the named tuple), to make the line's
#: tokens at its offset from: one tuple a token kept, not two (the memo's objects are what the collector walks most).
#: Lines up to this length are remembered, up to this many (then the memo starts afresh): about 1 KB a line, so
#: 2 MB in each worker. 1,000 text reports met ~6,800 distinct lines, most of them once: the lines that repeat are
#: the template's few hundred, remembered again as soon as the memo starts afresh; bounds of 8,192, 4,096 and 2,048
#: cost the same time (as do those of the label, heading, chrome and cell memos, all 2,048 since).
_LINE_TOKENS: dict[str | tuple[str, str], tuple[tuple[Any, ...], ...] | None] = {}
_MAX_REMEMBERED_LINE = 400
_MAX_REMEMBERED_LINES = 2048
_UNSEEN: Any = object()
#: Makes a named tuple from its fields in order, faster than its own constructor (tokens are made by the hundred).
_new_tuple = tuple.__new__


def _remembered_tokens(key: str | tuple[str, str], line: str, original: str, start: int, end: int) -> tuple[Token, ...] | None:
    """The tokens of the line ``line`` (at most :data:`_MAX_REMEMBERED_LINE` long; ``original[start:end]`` as written)
    from the memo under ``key`` (read and remembered the first time), moved to the line's offset ``start``."""
    fields = _LINE_TOKENS.get(key, _UNSEEN)
    if fields is _UNSEEN:
        fields = _remember_line(key, line, original[start:end])
    return None if fields is None else _placed(fields, start)


def _placed(fields: tuple[tuple[Any, ...], ...], start: int) -> tuple[Token, ...]:
    """The tokens a line's remembered ``fields`` describe (see :data:`_LINE_TOKENS`), for the line at offset ``start``."""
    new_tuple, token_type = _new_tuple, Token
    return tuple(
        [new_tuple(token_type, (first + start, last + start, raw, kind, cell, column)) for first, last, raw, kind, cell, column in fields]
    )


def _remember_line(key: str | tuple[str, str], line: str, original: str) -> tuple[tuple[Any, ...], ...] | None:
    """Read a line's tokens (offsets relative to the line) and remember their fields under ``key`` (see :data:`_LINE_TOKENS`)."""
    cells = _line_cells(line)
    found: tuple[tuple[Any, ...], ...] | None = None
    if cells is not None:
        # a line written as it reads is its own original text: its cells are then remembered by their text alone
        same = line == original
        fields = []
        for start, end in cells:
            piece = line[start:end]
            written = piece if same else original[start:end]
            cell_found = _CELL_TOKENS.get(piece if written is piece else (piece, written))
            first, last, raw, kind, cell = _read_cell(piece, written) if cell_found is None else cell_found
            fields.append((start + first, start + last, raw, kind, cell, None))
        found = tuple(fields)
    if len(_LINE_TOKENS) >= _MAX_REMEMBERED_LINES:
        _LINE_TOKENS.clear()
    _LINE_TOKENS[key] = found
    return found


def _line_tokens(text: str, original: str, start: int, end: int, line: str | None = None) -> tuple[Token, ...] | None:
    """The tokens of one text line (None for a line with no content); ``text`` is normalised, ``line`` is
    ``text[start:end]`` when the caller has it."""
    if end - start > _MAX_REMEMBERED_LINE:
        return _read_line_tokens(text, original, start, end)
    line = text[start:end] if line is None else line
    return _remembered_tokens(line if text is original else (line, original[start:end]), line, original, start, end)


def _read_line_tokens(text: str, original: str, start: int, end: int) -> tuple[Token, ...] | None:
    """The tokens of the line ``text[start:end]``, read afresh (a line too long to be remembered)."""
    cells = _line_cells(text[start:end])
    return None if cells is None else tuple([make_token(text, original, start + first, start + last) for first, last in cells])


def _line_cells(line: str) -> list[tuple[int, int]] | None:
    """Where each cell of a text line starts and ends in it (with the whitespace around it); None for a line with no
    content, a line of bare ``|`` and a Markdown delimiter row."""
    content = line.strip()
    if not content:
        return [(0, len(line))] if "\t" in line else None  # a cell-per-line table writes a blank cell as a lone tab
    if not content.strip("|").strip():
        return None  # a line of bare "|": the separator of cells written one per line
    if "\t" in line:
        pieces = _split(line, 0, len(line), "\t")
        while pieces and not line[pieces[0][0] : pieces[0][1]].strip():
            pieces.pop(0)  # the (merged) label column left empty, or indentation
    elif line.count("|") >= 2:
        if _PIPE_DELIMITER_ROW.match(line):
            return None
        pieces = _split(line, 0, len(line), "|")
        if pieces and not line[pieces[0][0] : pieces[0][1]].strip():
            pieces.pop(0)
        if pieces and not line[pieces[-1][0] : pieces[-1][1]].strip():
            pieces.pop()
    else:
        pieces = _space_pieces(line) or [(0, len(line))]
    return pieces


def _table_rows(document: Document, table: Table) -> list[RawRow]:
    text, original = document.normalized, document.text
    rows = [tuple([make_token(text, original, cell.start, cell.end, cell.column) for cell in row]) for row in table.rows if row]
    width = max((cell.column + cell.colspan for row in table.rows for cell in row), default=0)
    # the value columns start after the last label column of the rows with values (at 0 without any)
    first_value_column = 1 + max(
        (
            token.column
            for row in rows
            if "value" in map(kind_of, row)
            for token in row
            if token.kind == "text" and token.column is not None
        ),
        default=-1,
    )
    value_columns = frozenset(range(first_value_column, width))
    return [_new_tuple(RawRow, (row, True, value_columns)) for row in rows]


def region_rows(document: Document, start: int, end: int, tables: Sequence[Table] | None = None) -> list[RawRow]:
    """Every table-like row between ``start`` and ``end``: real table rows and text lines.

    ``tables`` are the document's real tables (:attr:`Document.tables <reportlint.core.model.Document.tables>`) when the caller has them.
    """
    tables = [block for block in (document.tables if tables is None else tables) if block.start < end and block.end > start]
    rows: list[RawRow] = []
    text, original = document.normalized, document.text
    position = start
    for table in tables:
        rows.extend(_text_rows(text, original, position, max(position, table.start), document))
        rows.extend(_table_rows(document, table))
        position = max(position, table.end)
    rows.extend(_text_rows(text, original, position, end, document))
    return rows


#: A cell written on its own line and closed by a pipe (``0 |``), and a line of pipes alone.
_PIPE_CLOSED_CELL = compiled(r"[^\S\t\n]*+[^|\s][^|\t\n]*+\|\s*")
_PIPES_ONLY = compiled(r"\s*\|+\s*")
#: The lines of a text that are such cells, found at once (what ``_PIPE_CLOSED_CELL`` matches as a whole line).
_PIPE_CLOSED_LINE = compiled(r"(?m)^[^\S\t\n]*+[^|\s][^|\t\n]*+\|[^\S\n]*$")
#: Share of a region's lines that must be pipe-closed cells or bare pipes for the region to be read as such.
PIPE_CELL_SHARE = 0.6


def _pipe_cell_rows(text: str, original: str, start: int, end: int) -> list[RawRow] | None:
    """One cell per line, each closed by ``|`` (``0 |``), a lone ``|`` an empty cell, ``||`` the end of a row.

    Web pages copied as text write tables so: every cell on its own line ending
    with a pipe. None when the region is not written that way.
    """
    if text.find("|", start, end) < 0:
        return None  # no pipe at all: no cell is closed by one
    if len(_PIPE_CLOSED_LINE.findall(text[start:end])) < 2:
        return None  # (most regions with pipes: rows of a table written with pipes, not one cell per line)
    lines = [
        (line.start + start, line.end + start)
        for line in iter_lines(text[start:end])
        if text[line.start + start : line.end + start].strip()
    ]
    closed = sum(1 for line_start, line_end in lines if _PIPE_CLOSED_CELL.fullmatch(text, line_start, line_end))
    bare = sum(1 for line_start, line_end in lines if _PIPES_ONLY.fullmatch(text, line_start, line_end))
    if closed < 2 or (closed + bare) < PIPE_CELL_SHARE * len(lines):
        return None
    rows = []
    for line_start, line_end in lines:
        content = text[line_start:line_end]
        if _PIPES_ONLY.fullmatch(content):
            if content.strip() == "|":
                pipe = line_start + content.index("|")
                rows.append(RawRow((make_token(text, original, pipe, pipe),), explicit_blanks=True))
            continue  # ``||``: the end of a row
        if _PIPE_CLOSED_CELL.fullmatch(content):
            cell_end = line_start + content.rindex("|")
            rows.append(RawRow((make_token(text, original, line_start, cell_end),), explicit_blanks=True))
            continue
        tokens = _line_tokens(text, original, line_start, line_end)
        if tokens:
            rows.append(RawRow(tuple(tokens)))
    return rows


def _text_rows(text: str, original: str, start: int, end: int, document: Document | None = None) -> list[RawRow]:
    """Rows of flattened text; tab-indented cells grouped by blank lines become one row each.

    ``text`` is the ``document``'s normalised text when the caller gives the document: then a region of whole lines
    takes their texts from :attr:`Document.line_texts` (see :func:`_whole_lines`).
    """
    starts: Iterable[int]
    lines: Sequence[str]
    physical = text.find("|", start, end) >= 0
    if physical:
        pipe_cells = _pipe_cell_rows(text, original, start, end)
        if pipe_cells is not None:
            return pipe_cells
        starts, lines = _physical_lines(text, start, end)
    else:  # without a pipe, every physical line is a line
        starts, lines = (None if document is None else _whole_lines(document, start, end)) or _plain_lines(text, start, end)
    rows: list[RawRow] = []
    gaps: list[bool] = []  # whether an empty line precedes each row
    tab_cells = 0  # rows of a single cell indented with a tab (or a lone tab)
    gap = False
    new_tuple, limit, row_type, token_type = _new_tuple, _MAX_REMEMBERED_LINE, RawRow, Token
    # where the region reads as written (most tables: no quotes or full-width characters to fold), a line's text
    # alone is its memo key, as in a document whose normalised text is its original text
    same = text is original or text[start:end] == original[start:end]
    # every line's remembered tokens are looked up at once (a C loop over the lines; a line too long to be remembered
    # is never found), and only the lines not met before are read; elsewhere a line's key pairs it with its original
    # text, the same split of the original region where the lines are its physical lines without carriage returns
    known: Iterable[Any]
    if same:
        known = map(_LINE_TOKENS.get, lines, repeat(_UNSEEN))
    elif not physical and text.find("\r", start, end) < 0:
        known = map(_LINE_TOKENS.get, zip(lines, original[start:end].split("\n"), strict=False), repeat(_UNSEEN))
    else:
        known = repeat(_UNSEEN)
    for line_start, line, fields in zip(starts, lines, known, strict=False):
        if fields is _UNSEEN:  # (as every empty line and every line too long to be remembered is)
            if not line:  # an empty line has no tokens (what reading it gives, without the look-up)
                gap = True
                continue
            line_end = line_start + len(line)
            if len(line) > limit:
                tokens = _read_line_tokens(text, original, line_start, line_end)
            else:
                tokens = _remembered_tokens(line if same else (line, original[line_start:line_end]), line, original, line_start, line_end)
        elif fields is None:
            tokens = None
        elif len(fields) == 1:  # a line of one cell (one cell per line, running text): most lines, placed here
            first, last, raw, kind, cell, column = fields[0]
            tokens = (new_tuple(token_type, (first + line_start, last + line_start, raw, kind, cell, column)),)
        else:
            tokens = _placed(fields, line_start)
        if tokens:
            # a cell between two pipes is a cell, empty or not (“| 0 | |”); a tab or a space may be padding
            rows.append(new_tuple(row_type, (tokens, len(tokens) > 1 and line.count("|") >= 2, None)))
            gaps.append(gap)
            if len(tokens) == 1 and line[0] == "\t":
                tab_cells += 1
            gap = False
        else:
            gap = True
    if _is_tab_cell_layout(len(rows), tab_cells, 1 + gaps[1:].count(True)):
        return _grouped_rows(rows, gaps)
    return rows


def _plain_lines(text: str, start: int, end: int) -> tuple[Iterable[int], list[str]]:
    """Where each line of ``text[start:end]`` starts, and its text (without ``\r``): the lines' starts are counted
    from their lengths by C-level iterators (a region has hundreds of lines), one start past the last line included."""
    lines = text[start:end].split("\n")
    if not lines[-1]:
        lines.pop()  # the region ends with a newline (or is empty): no line starts at its end
    starts = separated_starts(map(len, lines), start)
    if text.find("\r", start, end) >= 0:
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    return starts, lines


_start_of = itemgetter(0)


def _whole_lines(document: Document, start: int, end: int) -> tuple[Iterable[int], Sequence[str]] | None:
    """What :func:`_plain_lines` gives for ``document.normalized[start:end]`` when the region is whole lines (it starts
    where a line starts and ends where one ends or the next starts), taken from the document's lines: the texts
    :attr:`Document.line_texts` split once for every reader (and the section finder has already hashed for its
    look-ups), not split and hashed again. None for any other region, and for a region with a carriage return (a line's
    span leaves out all its trailing ones, :func:`_plain_lines` one)."""
    if document.text.find("\r", start, end) >= 0:
        return None
    lines = document.lines
    first = bisect_left(lines, start, key=_start_of)
    if first == len(lines) or lines[first][0] != start:
        return None
    last = bisect_left(lines, end, key=_start_of, lo=first)  # the first line starting at or past the region's end
    if not (last < len(lines) and lines[last][0] == end) and not (last > first and lines[last - 1][1] == end):
        return None  # the region ends inside a line
    return map(_start_of, lines[first:last]), document.line_texts[first:last]


def _physical_lines(text: str, start: int, end: int) -> tuple[list[int], list[str]]:
    """Where each line starts and its text (without ``\r``), a pipe row whose cells wrap over lines joined into one.

    Web pages copied as text often write ``|`` then each cell on its own line,
    ending with ``|``: a line starting with ``|`` opens a row, and following lines
    of one cell ending with ``|`` continue it. A line of several cells
    (``规范性文件 | 2 | 0 | 83 |``) is a row of its own: after a row's empty cells
    written as lone ``|`` lines, it was taken for the next cell of the last one.
    """
    starts: list[int] = []
    lines: list[str] = []
    open_pipe_row = False
    for position, line in zip(*_plain_lines(text, start, end), strict=False):  # (one start more than lines)
        stripped = line.strip()
        continues = open_pipe_row and stripped.endswith("|") and not stripped.startswith("|") and stripped.count("|") == 1
        if continues or (stripped == "|" and lines and _ends_a_row(lines[-1])):
            lines[-1] = text[starts[-1] : position + len(line)]
        else:
            starts.append(position)
            lines.append(line)
            open_pipe_row = stripped.startswith("|")
        if not stripped:
            open_pipe_row = False
    return starts, lines


def _ends_a_row(line: str) -> bool:
    """Whether a (joined) line is a row written with pipes, closed by one, that a lone ``|`` after it gives one more
    empty cell (``规章 |`` then ``|`` on each following line: the row's empty cells, as a web page wrote them)."""
    stripped = line.strip()
    return stripped.endswith("|") and not stripped.startswith("|") and stripped != "|"


def _is_tab_cell_layout(lines: int, tab_cells: int, groups: int) -> bool:
    """Each cell on its own tab-indented line and rows separated by blank lines (as Word pastes them): of ``lines``
    lines with content, ``tab_cells`` are a single tab-indented cell, in ``groups`` runs of lines between empty lines."""
    return lines > 0 and tab_cells * 10 >= lines * 6 and lines >= 2 * groups


def _grouped_rows(lines: list[RawRow], gaps: list[bool]) -> list[RawRow]:
    """The tokens of each run of lines between empty lines (``gaps``: whether an empty line precedes each), one row each."""
    rows: list[list[Token]] = []
    for line, gap in zip(lines, gaps, strict=True):
        if gap or not rows:
            rows.append([])
        rows[-1].extend(line.tokens)
    return [_new_tuple(RawRow, (tuple(tokens), True, None)) for tokens in rows]
