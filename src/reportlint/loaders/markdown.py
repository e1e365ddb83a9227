"""Loader for Markdown reports: ATX headings, pipe tables, and one paragraph per other line.

A comment ``<!-- reportlint: ignore RL603 原因 -->`` silences that code in the
Markdown block after it (a heading, a table, or lines up to a blank line);
``ignore-file`` in the whole file (:mod:`reportlint.loaders.directives`).
"""

from __future__ import annotations

import itertools

from reportlint.core.model import Block, Cell, Document, Heading, LineIndex, Paragraph, Table, line_paragraphs
from reportlint.loaders import Loader
from reportlint.loaders.directives import comment_suppressions
from reportlint.sources import Source
from reportlint.usercache.patterns import compiled

_HEADING = compiled(r"[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*\r?$")
_DELIMITER_ROW = compiled(r"\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for line in text.split("\n"):
        spans.append((position, position + len(line.rstrip("\r"))))
        position += len(line) + 1
    return spans


def _pipe_cells(text: str, start: int, end: int, row: int) -> tuple[Cell, ...]:
    """Cells of a ``| a | b |`` line, each range trimmed of spaces."""
    line = text[start:end]
    bars = [index for index, char in enumerate(line) if char == "|" and (index == 0 or line[index - 1] != "\\")]
    if not bars or bars[0] != len(line) - len(line.lstrip()):
        bars.insert(0, -1)
    if line.rstrip() and bars[-1] != len(line.rstrip()) - 1:
        bars.append(len(line))
    cells = []
    for column, (left, right) in enumerate(itertools.pairwise(bars)):
        cell_start, cell_end = start + left + 1, start + right
        while cell_start < cell_end and text[cell_start] in " \t":
            cell_start += 1
        while cell_end > cell_start and text[cell_end - 1] in " \t":
            cell_end -= 1
        cells.append(Cell(cell_start, cell_end, row, column))
    return tuple(cells)


def parse_markdown_blocks(text: str) -> tuple[Block, ...]:
    """Headings, pipe tables (a header row followed by a delimiter row) and line paragraphs."""
    spans = _line_spans(text)
    blocks: list[Block] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        line = text[start:end]
        heading = _HEADING.match(line)
        if heading:
            blocks.append(Heading(start + heading.start(2), start + heading.end(2), level=len(heading.group(1))))
            index += 1
            continue
        next_line = text[spans[index + 1][0] : spans[index + 1][1]] if index + 1 < len(spans) else ""
        if "|" in line and _DELIMITER_ROW.match(next_line) and "-" in next_line:
            rows = [_pipe_cells(text, start, end, 0)]
            last = index + 1
            cursor = index + 2
            while cursor < len(spans) and "|" in text[spans[cursor][0] : spans[cursor][1]]:
                row_start, row_end = spans[cursor]
                rows.append(_pipe_cells(text, row_start, row_end, len(rows)))
                last = cursor
                cursor += 1
            blocks.append(Table(start, spans[last][1], rows=tuple(rows)))
            index = last + 1
            continue
        blocks.extend(line_paragraphs(text, start, end))
        index += 1
    return tuple(blocks)


def markdown_blocks(text: str, blocks: tuple[Block, ...]) -> list[Block]:
    """Blocks as Markdown sees them: consecutive line paragraphs with no blank line between are one paragraph."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and not text[previous.end : block.start].strip()
            and text[previous.end : block.start].count("\n") == 1
            and not text[previous.start : previous.end].lstrip().startswith("<!--")
        ):
            merged[-1] = Paragraph(previous.start, block.end)
        else:
            merged.append(block)
    return merged


class MarkdownLoader(Loader):
    """Markdown files; pipe tables become real tables, other text stays line by line."""

    format = "markdown"
    extensions = (".md", ".markdown")

    def load(self, source: Source) -> Document:
        text, encoding = source.decode()
        blocks = parse_markdown_blocks(text)
        source_map = LineIndex(text)
        return Document(
            path=source.display_path,
            text=text,
            blocks=blocks,
            source_map=source_map,
            format=self.format,
            encoding=encoding,
            suppressions=comment_suppressions(text, text, markdown_blocks(text, blocks), source_map, "Markdown 注释"),
        )
