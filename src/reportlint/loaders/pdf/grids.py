"""The cell grid of a ruled table on a PDF page, found from the page's rules.

:func:`find_grids` turns a page's rules (:mod:`reportlint.loaders.pdf.strokes`)
into tables. Rules that touch form one table; its grid lines are the distinct
positions of its vertical and horizontal rules (rules closer than
:data:`RULE_TOLERANCE` are one line, as a double border is). A cell is grown
from its top-left grid position to the right while no vertical rule separates
it from the next position, then down while no horizontal rule does: where the
source merged cells, the internal rules are absent, so the cell spans several
grid columns or rows. Space that the table's outline leaves open (beside a
row shorter than the others) is no cell; a table without side borders gets
its outline from the ends of its horizontal rules. A grid of one column only
frames content, like a text box, and is not a table. Tables drawn without
vertical rules (three-line tables) are not recognised: their text stays text lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from reportlint.loaders.pdf.strokes import Rule

#: Rules whose positions differ by at most this much (in points) are one grid line; rules this close meet.
RULE_TOLERANCE = 2.0
#: A table outline this far (in points) beyond the outermost rule adds a grid line there (a table without side borders).
MIN_CELL_SIZE = 6.0
#: Most lines (rules on one line joined) a page may have: a page with more is a drawing (a chart, dashes), not a form.
MAX_LINES = 1000


@dataclass(frozen=True)
class RuledCell:
    """A cell of a ruled grid: its top-left grid position (0-based) and spans."""

    row: int
    column: int
    rowspan: int
    colspan: int


@dataclass(frozen=True)
class RuledGrid:
    """A ruled table on one page.

    ``xs`` are the vertical grid lines left to right, ``ys`` the horizontal ones
    bottom to top (PDF points, ``y`` upwards); grid rows count from the top.
    ``owners`` gives for each grid position (row, column) the index in
    ``cells`` of the cell covering it, -1 for space outside every cell.
    """

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[RuledCell, ...]
    owners: tuple[tuple[int, ...], ...]

    @property
    def area(self) -> float:
        """The area the grid covers (square points)."""
        return (self.xs[-1] - self.xs[0]) * (self.ys[-1] - self.ys[0])

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell containing the point, if any."""
        xs, ys = self.xs, self.ys
        if not (xs[0] < x < xs[-1] and ys[0] < y < ys[-1]):
            return None
        owner = self.owners[len(ys) - 1 - bisect.bisect_right(ys, y)][bisect.bisect_right(xs, x) - 1]
        return owner if owner >= 0 else None


def find_grids(rules: Sequence[Rule]) -> list[RuledGrid]:
    """The ruled tables the rules of a page draw (grids of at least two columns), smallest first."""
    horizontals = _lines([rule for rule in rules if rule.horizontal])
    verticals = _lines([rule for rule in rules if not rule.horizontal])
    if len(horizontals) + len(verticals) > MAX_LINES:
        return []
    grids = []
    for component_horizontals, component_verticals in _components(horizontals, verticals):
        grid = _grid(component_horizontals, component_verticals)
        if grid is not None:
            grids.append(grid)
    return sorted(grids, key=lambda grid: grid.area)


def _lines(rules: list[Rule]) -> list[Rule]:
    """The lines the rules draw: rules on one line (positions within the tolerance) whose extents touch are joined."""
    lines: list[Rule] = []
    same_line: list[Rule] = []
    for rule in sorted(rules, key=lambda rule: rule.position):
        if same_line and rule.position - same_line[-1].position > RULE_TOLERANCE:
            lines += _joined(same_line)
            same_line = []
        same_line.append(rule)
    return lines + _joined(same_line)


def _joined(same_line: list[Rule]) -> list[Rule]:
    """Rules on one line, those whose extents touch joined into one."""
    joined: list[Rule] = []
    for rule in sorted(same_line, key=lambda rule: rule.start):
        if joined and rule.start <= joined[-1].end + RULE_TOLERANCE:
            joined[-1] = replace(joined[-1], end=max(joined[-1].end, rule.end))
        else:
            joined.append(rule)
    return joined


def _components(horizontals: list[Rule], verticals: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """The groups of rules that meet one another (a horizontal and a vertical rule meet where they cross or touch)."""
    parent = list(range(len(horizontals) + len(verticals)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for h_index, horizontal in enumerate(horizontals):
        for v_index, vertical in enumerate(verticals, start=len(horizontals)):
            if _meet(horizontal, vertical):
                parent[root(h_index)] = root(v_index)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for index, rule in enumerate(horizontals + verticals):
        group = groups.setdefault(root(index), ([], []))
        group[0 if rule.horizontal else 1].append(rule)
    return list(groups.values())


def _meet(horizontal: Rule, vertical: Rule) -> bool:
    tolerance = RULE_TOLERANCE
    return (
        horizontal.start - tolerance <= vertical.position <= horizontal.end + tolerance
        and vertical.start - tolerance <= horizontal.position <= vertical.end + tolerance
    )


def cluster(positions: list[float]) -> list[float]:
    """Distinct positions, ascending: positions within the tolerance of their neighbour are one (their mean)."""
    clusters: list[list[float]] = []
    for position in sorted(positions):
        if clusters and position - clusters[-1][-1] <= RULE_TOLERANCE:
            clusters[-1].append(position)
        else:
            clusters.append([position])
    return [sum(cluster) / len(cluster) for cluster in clusters]


def nearest(lines: Sequence[float], position: float) -> int:
    """Index of the grid line nearest to a position (``lines`` ascending)."""
    index = bisect.bisect_left(lines, position)
    if index == len(lines) or (index and position - lines[index - 1] < lines[index] - position):
        return index - 1
    return index


def _outlined(lines: list[float], low: float, high: float) -> list[float]:
    """Grid lines with the table's outline added where it lies beyond the outermost rule (no border there)."""
    if not lines or lines[0] - low >= MIN_CELL_SIZE:
        lines = [low, *lines]
    if high - lines[-1] >= MIN_CELL_SIZE:
        lines = [*lines, high]
    return lines


def _borders(lines: Sequence[float], rules: list[Rule], stretches: Sequence[tuple[float, float]]) -> list[list[bool]]:
    """For each stretch (a grid row or column) and each grid line across it, whether a rule there passes its middle."""
    spans: list[list[tuple[float, float]]] = [[] for _ in lines]
    for rule in rules:
        spans[nearest(lines, rule.position)].append((rule.start - RULE_TOLERANCE, rule.end + RULE_TOLERANCE))
    middles = [(low + high) / 2 for low, high in stretches]
    borders = [[False] * len(lines) for _ in stretches]
    for line, line_spans in enumerate(spans):
        for start, end in line_spans:
            for stretch, middle in enumerate(middles):
                if start <= middle <= end:
                    borders[stretch][line] = True
    return borders


def _grid(horizontals: list[Rule], verticals: list[Rule]) -> RuledGrid | None:
    """The grid a group of meeting rules draws, or None when it is no table (fewer than two columns, no cells)."""
    if not horizontals or not verticals:
        return None
    left = min(rule.start for rule in horizontals)
    right = max(rule.end for rule in horizontals)
    bottom = min(rule.start for rule in verticals)
    top = max(rule.end for rule in verticals)
    xs = _outlined(cluster([rule.position for rule in verticals]), left, right)
    ys = _outlined(cluster([rule.position for rule in horizontals]), bottom, top)
    if len(xs) < 3 or len(ys) < 2:
        return None
    row_count, column_count = len(ys) - 1, len(xs) - 1
    # beside[row][line]: a vertical rule on x line ``line`` beside grid row ``row`` (rows count from the top);
    # above[column][line]: a horizontal rule on the top of grid row ``line`` (``row_count``: the bottom) over ``column``.
    beside = _borders(xs, verticals, [(ys[row_count - row - 1], ys[row_count - row]) for row in range(row_count)])
    above = [line[::-1] for line in _borders(ys, horizontals, list(pairwise(xs)))]
    outline = (
        any(row[0] for row in beside),
        any(row[-1] for row in beside),
        any(column[0] for column in above),
        any(column[-1] for column in above),
    )
    owners = [[-1] * column_count for _ in range(row_count)]
    claimed = [[False] * column_count for _ in range(row_count)]
    cells: list[RuledCell] = []
    for row in range(row_count):
        for column in range(column_count):
            if claimed[row][column]:
                continue
            colspan = 1
            while column + colspan < column_count and not claimed[row][column + colspan] and not beside[row][column + colspan]:
                colspan += 1
            rowspan = 1
            while row + rowspan < row_count and not any(
                claimed[row + rowspan][spanned] or above[spanned][row + rowspan] for spanned in range(column, column + colspan)
            ):
                rowspan += 1
            rows, columns = range(row, row + rowspan), range(column, column + colspan)
            is_open = (
                (column == 0 and outline[0] and not any(beside[spanned][0] for spanned in rows))
                or (column + colspan == column_count and outline[1] and not any(beside[spanned][-1] for spanned in rows))
                or (row == 0 and outline[2] and not any(above[spanned][0] for spanned in columns))
                or (row + rowspan == row_count and outline[3] and not any(above[spanned][-1] for spanned in columns))
            )
            owner = -1 if is_open else len(cells)
            for covered_row in rows:
                for covered_column in columns:
                    claimed[covered_row][covered_column] = True
                    owners[covered_row][covered_column] = owner
            if not is_open:
                cells.append(RuledCell(row, column, rowspan, colspan))
    if not cells:
        return None
    return RuledGrid(tuple(xs), tuple(ys), tuple(cells), tuple(tuple(row) for row in owners))
