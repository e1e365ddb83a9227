"""Lines, paragraphs, sentences and clauses of report text, as ``[start, end)`` spans.

:class:`Span` is the one range type of reportlint's text analysis. Every function
here takes a string and returns spans into it, so callers can pass the original
text or its same-length normalised view and use the offsets in either.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple

from reportlint.text.chars import CLAUSE_BREAKS, PARAGRAPH_ENDS, SENTENCE_STOPS, positions_of
from reportlint.usercache.patterns import compiled

#: Brackets and book-title marks that open and close an aside (both widths).
OPENING_BRACKETS = "(（[［【《〈"
CLOSING_BRACKETS = ")）]］】》〉"


class Span(NamedTuple):
    """A ``[start, end)`` range of report text (a named tuple: reports have thousands, made and read in hot loops)."""

    start: int
    end: int


#: Makes a span from a (start, end) pair: ``_new_tuple(Span, (start, end))`` is faster than the named tuple's own constructor.
_new_tuple = tuple.__new__


def iter_lines(text: str) -> Iterator[Span]:
    """Every line of ``text`` (without its newline and trailing ``\\r``)."""
    return iter(line_spans(text))


def line_spans(text: str) -> list[Span]:
    """Every line of ``text`` (without its newline and trailing ``\\r``), as a list.

    Without carriage returns the spans are computed from the lines' lengths by
    C-level iterators (no Python step per line): reports have hundreds of lines.
    """
    parts = text.split("\n")
    lengths = list(map(len, parts))
    # each line starts one past the previous line's end (and there is one start past the last line)
    starts = list(separated_starts(lengths))
    if "\r" not in text:
        return list(map(_new_tuple, repeat(Span), zip(starts, map(add, starts, lengths), strict=False)))
    return [
        _new_tuple(Span, (start, start + (len(line.rstrip("\r")) if line.endswith("\r") else len(line))))
        for start, line in zip(starts, parts, strict=False)
    ]


def separated_starts(lengths: Iterable[int], first: int = 0) -> Iterator[int]:
    """Where each of consecutive pieces of these lengths starts when one separator follows each (as ``str.split`` cuts
    a text, or ``"\\n".join`` joins pieces), the first at ``first``; the start past the last piece included.

    Counted by C-level iterators: a text has hundreds of lines.
    """
    return accumulate(map(_plus_one, lengths), initial=first)


_plus_one = (1).__add__


def logical_paragraphs(text: str, lines: Iterable[Span] | None = None) -> Iterator[Span]:
    """Paragraphs as a reader sees them: soft-wrapped lines joined.

    A paragraph ends at a blank line, at a line ending with sentence-final
    punctuation, and at a line containing a tab (a table row). PDF extraction
    and hard-wrapped text split sentences over lines; this joins them back so a
    bracket opened on one line and closed on the next is one paragraph.
    """
    return iter(paragraph_spans(text, line_spans(text) if lines is None else lines))


def paragraph_spans(text: str, lines: Iterable[Span]) -> list[Span]:
    """The spans of :func:`logical_paragraphs`, as a list (one step per line)."""
    return paragraphs_and_prose(text, lines)[0]


def paragraphs_and_prose(text: str, lines: Iterable[Span], texts: Iterable[str] | None = None) -> tuple[list[Span], list[Span]]:
    """The spans of :func:`logical_paragraphs`, and those of them that are prose: all but the table rows.

    A line with a tab is a paragraph of its own, and no other paragraph holds a tab: the prose paragraphs are
    known as they are cut, without searching each for a tab (:func:`sentence_spans` takes them as they are).
    ``texts`` are the lines' texts (``text[line.start:line.end]`` for each of ``lines``) when the caller has them
    split already (a document's :attr:`~reportlint.core.model.Document.line_texts`): no line is sliced then.
    """
    if texts is None:
        lines = tuple(lines)
        texts = [text[start:end] for start, end in lines]
    found: list[Span] = []
    prose: list[Span] = []
    append, keep = found.append, prose.append
    new_tuple, ends = _new_tuple, PARAGRAPH_ENDS
    start = None
    end = 0
    for line, content in zip(lines, texts, strict=True):
        stripped = content.rstrip()
        if not stripped:
            if start is not None:
                append(paragraph := new_tuple(Span, (start, end)))
                keep(paragraph)
                start = None
            continue
        if "\t" in content:
            if start is not None:
                append(paragraph := new_tuple(Span, (start, end)))
                keep(paragraph)
                start = None
            append(line)
            continue
        if start is None:
            start = line[0]
        end = line[1]
        if stripped[-1] in ends:
            append(paragraph := new_tuple(Span, (start, end)))
            keep(paragraph)
            start = None
    if start is not None:
        append(paragraph := new_tuple(Span, (start, end)))
        keep(paragraph)
    return found, prose


def iter_sentences(text: str, start: int = 0, end: int | None = None, paragraphs: Iterable[Span] | None = None) -> Iterator[Span]:
    """Prose sentences overlapping ``text[start:end]``: logical paragraphs cut after 。！？.

    Table rows (lines with tabs) are not prose and are left out; surrounding
    whitespace is trimmed. ``paragraphs`` are the text's logical paragraphs when
    the caller has them already (a report's :attr:`~reportlint.core.report.Report.paragraphs`, in order).
    """
    return iter(sentence_spans(text, start, end, paragraphs))


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, paragraphs: Iterable[Span] | None = None, *, prose_only: bool = False
) -> list[Span]:
    """The spans of :func:`iter_sentences`, as a list.

    ``prose_only`` says ``paragraphs`` are the prose paragraphs alone (:func:`paragraphs_and_prose`): none is
    searched for a tab then. The stops are found in one pass over the prose; each paragraph is then cut at
    those inside it, and each piece trimmed with string methods (no step per character).
    """
    end = len(text) if end is None else end
    find = text.find
    every = paragraph_spans(text, line_spans(text)) if paragraphs is None else paragraphs
    if start <= 0 and end >= len(text) and (prose_only or find("\t") < 0):  # the whole of a text's prose: every paragraph
        prose = list(every)
    elif prose_only:
        prose = [paragraph for paragraph in every if paragraph[1] > start and paragraph[0] < end]
    else:
        prose = [
            paragraph for paragraph in every if paragraph[1] > start and paragraph[0] < end and find("\t", paragraph[0], paragraph[1]) < 0
        ]
    if not prose:
        return []
    found = _cut_sentences(text, prose)
    if start > 0 or end < len(text):  # (a sentence is kept when it overlaps the range, as it was cut)
        return [sentence for sentence in found if sentence[1] > start and sentence[0] < end]
    return found


def _cut_sentences(text: str, prose: list[Span]) -> list[Span]:
    """Every sentence of the ``prose`` paragraphs (in order, apart): each cut after its stops, each piece trimmed.

    The stops are found in one pass over the prose, and each paragraph takes the next of them in turn; a piece is
    trimmed with string methods (no step per character).
    """
    cuts = [stop + 1 for stop in positions_of(text, SENTENCE_STOPS, prose[0][0], prose[-1][1])]
    count = len(cuts)
    found: list[Span] = []
    append, new_tuple = found.append, _new_tuple
    index = 0
    for paragraph_start, paragraph_end in prose:
        while index < count and cuts[index] <= paragraph_start:
            index += 1  # (a stop between paragraphs: none, as a paragraph ends at its last line's end)
        piece_start = paragraph_start
        while index < count and (cut := cuts[index]) <= paragraph_end:
            # a piece that ends with a stop: trimmed at its start only (a stop is no whitespace)
            if text[piece_start].isspace():
                piece_start = cut - len(text[piece_start:cut].lstrip())
            append(new_tuple(Span, (piece_start, cut)))
            piece_start = cut
            index += 1
        if piece_start < paragraph_end:  # the piece after the last stop, trimmed at both ends (nothing when it is all whitespace)
            if not text[piece_start].isspace() and not text[paragraph_end - 1].isspace():  # (most: nothing to trim)
                append(new_tuple(Span, (piece_start, paragraph_end)))
                continue
            piece = text[piece_start:paragraph_end]
            kept = piece.strip()
            if kept:
                first = piece_start + len(piece) - len(piece.lstrip())
                append(new_tuple(Span, (first, first + len(kept))))
    return found


def span_index(spans: Sequence[tuple[int, int]], starts: Sequence[int], position: int) -> int:
    """The index of the span of ``spans`` (in order, apart; ``starts``: their starts) that holds ``position``, or -1."""
    index = bisect_right(starts, position) - 1
    return index if index >= 0 and position < spans[index][1] else -1


def sentence_at(text: str, position: int) -> Span:
    """The sentence containing ``position`` (cut at 。！？ and at line ends).

    Found with ``str.find``/``rfind`` within the line (C speed): a rule asking
    for the sentences of thousands of symbols on one very long line stays fast.
    """
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    start = max((text.rfind(stop, line_start, position) + 1 for stop in SENTENCE_STOPS), default=line_start)
    start = max(start, line_start)
    found = [index for index in (text.find(stop, position, line_end) for stop in SENTENCE_STOPS) if index >= 0]
    end = min(found) + 1 if found else line_end
    return Span(start, end)


def clause_start(text: str, position: int, floor: int = 0, breaks: str = CLAUSE_BREAKS) -> int:
    """Where the clause containing ``position`` starts (after the previous clause break, not before ``floor``)."""
    index = position
    while index > floor and text[index - 1] not in breaks and text[index - 1] != "\n":
        index -= 1
    return index


def clause_end(text: str, position: int, ceiling: int | None = None, breaks: str = CLAUSE_BREAKS) -> int:
    """Where the clause containing ``position`` ends (at the next clause break, not after ``ceiling``)."""
    ceiling = len(text) if ceiling is None else ceiling
    index = position
    while index < ceiling and text[index] not in breaks and text[index] != "\n":
        index += 1
    return index


_BRACKET = compiled(f"[{re.escape(OPENING_BRACKETS + CLOSING_BRACKETS)}]")


def bracketed(text: str, start: int, end: int) -> list[bool]:
    """For each position of ``[start, end)``, whether it lies inside brackets or a book title (（）【】《》).

    An opening mark and its closing mark count as inside; a closing mark without
    an opening one does not. Only the marks are visited: the stretches between
    them are filled a slice at a time.
    """
    inside = [False] * max(0, end - start)
    depth = 0
    last = start  # positions from here to the next mark have the current depth
    for mark in _BRACKET.finditer(text, start, end):
        position = mark.start()
        if depth:
            inside[last - start : position - start] = [True] * (position - last)
        char = text[position]
        if char in OPENING_BRACKETS:
            depth += 1
        if depth:
            inside[position - start] = True
            if char in CLOSING_BRACKETS:
                depth -= 1
        last = position + 1
    if depth and last < end:
        inside[last - start :] = [True] * (end - last)
    return inside
