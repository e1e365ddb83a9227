"""Lines, paragraphs, sentences and clauses of report text, as ``[start, end)`` spans.

:class:`Span` is the one range type of reportlint's text analysis. Every function
here takes a string and returns spans into it, so callers can pass the original
text or its same-length normalised view and use the offsets in either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reportlint.text.chars import CLAUSE_BREAKS, PARAGRAPH_ENDS, SENTENCE_STOPS
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
    position = 0
    new_tuple = _new_tuple
    for line in text.split("\n"):
        end = position + len(line)
        if line.endswith("\r"):
            yield new_tuple(Span, (position, position + len(line.rstrip("\r"))))
        else:
            yield new_tuple(Span, (position, end))
        position = end + 1


def logical_paragraphs(text: str, lines: Iterable[Span] | None = None) -> Iterator[Span]:
    """Paragraphs as a reader sees them: soft-wrapped lines joined.

    A paragraph ends at a blank line, at a line ending with sentence-final
    punctuation, and at a line containing a tab (a table row). PDF extraction
    and hard-wrapped text split sentences over lines; this joins them back so a
    bracket opened on one line and closed on the next is one paragraph.
    """
    start = None
    end = 0
    for line in iter_lines(text) if lines is None else lines:
        content = text[line.start : line.end]
        if not content.strip():
            if start is not None:
                yield Span(start, end)
                start = None
            continue
        if "\t" in content:
            if start is not None:
                yield Span(start, end)
                start = None
            yield line
            continue
        if start is None:
            start = line.start
        end = line.end
        if content.rstrip()[-1] in PARAGRAPH_ENDS:
            yield Span(start, end)
            start = None
    if start is not None:
        yield Span(start, end)


def iter_sentences(text: str, start: int = 0, end: int | None = None, paragraphs: Iterable[Span] | None = None) -> Iterator[Span]:
    """Prose sentences overlapping ``text[start:end]``: logical paragraphs cut after 。！？.

    Table rows (lines with tabs) are not prose and are left out; surrounding
    whitespace is trimmed. ``paragraphs`` are the text's logical paragraphs when
    the caller has them already (a report's :attr:`~reportlint.core.report.Report.paragraphs`).
    """
    end = len(text) if end is None else end
    for paragraph in logical_paragraphs(text) if paragraphs is None else paragraphs:
        if paragraph.end <= start or paragraph.start >= end or "\t" in text[paragraph.start : paragraph.end]:
            continue
        cuts = [index + 1 for index in range(paragraph.start, paragraph.end) if text[index] in SENTENCE_STOPS]
        for sentence_start, sentence_end in zip([paragraph.start, *cuts], [*cuts, paragraph.end], strict=True):
            sentence = _trimmed(text, sentence_start, sentence_end)
            if sentence is not None and sentence.end > start and sentence.start < end:
                yield sentence


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


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
