"""Ruled tables drawn into hand-written PDFs cell by cell, with their borders drawn as each word processor draws them."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from loader_samples.pdf_writer import Drawn, Rectangles, Stroke, Text

#: Height of one drawn line of cell text (10-point text).
LINE_HEIGHT = 12.0
#: Thickness of a border.
RULE = 0.5
#: How borders are drawn: a stroked line per border (LibreOffice), a filled thin rectangle per border (Word),
#: all those rectangles in one path, or a stroked rectangle per cell.
BORDERS = ("lines", "bars", "bars-in-one-path", "cell-rectangles")


@dataclass(frozen=True)
class DrawnCell:
    """A cell to draw: its grid position and spans, and its text, one drawn line per entry."""

    row: int
    column: int
    lines: tuple[str, ...] = ()
    rowspan: int = 1
    colspan: int = 1


def draw_table(
    cells: list[DrawnCell],
    widths: list[float],
    heights: list[float],
    *,
    left: float = 72.0,
    top: float = 770.0,
    borders: str = "lines",
) -> list[Drawn]:
    """The borders and text of a table whose grid columns and rows have these widths and heights (points).

    Each cell is outlined on its own (shared borders are drawn twice, as
    LibreOffice does); grid positions no cell covers get no borders. Text
    lines start 2 points inside the cell's left border, one line height apart.
    ``borders`` is one of :data:`BORDERS`.
    """
    xs = [left, *(left + width for width in accumulate(widths))]
    ys = [top, *(top - height for height in accumulate(heights))]
    drawn: list[Drawn] = []
    bars: list[tuple[float, float, float, float]] = []
    for cell in cells:
        x0, x1 = xs[cell.column], xs[cell.column + cell.colspan]
        y0, y1 = ys[cell.row + cell.rowspan], ys[cell.row]
        if borders == "lines":
            drawn += [Stroke(x0, y1, x1, y1), Stroke(x0, y0, x1, y0), Stroke(x0, y0, x0, y1), Stroke(x1, y0, x1, y1)]
        elif borders == "cell-rectangles":
            drawn.append(Rectangles(((x0, y0, x1, y1),), filled=False))
        else:
            bars += [
                (x0, y1 - RULE / 2, x1, y1 + RULE / 2),
                (x0, y0 - RULE / 2, x1, y0 + RULE / 2),
                (x0 - RULE / 2, y0, x0 + RULE / 2, y1),
                (x1 - RULE / 2, y0, x1 + RULE / 2, y1),
            ]
        drawn += [Text(x0 + 2, y1 - 10 - LINE_HEIGHT * index, line) for index, line in enumerate(cell.lines)]
    if borders == "bars":
        drawn += [Rectangles((bar,)) for bar in bars]
    elif borders == "bars-in-one-path":
        drawn.append(Rectangles(tuple(bars)))
    return drawn
