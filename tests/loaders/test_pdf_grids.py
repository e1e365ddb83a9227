"""The cell grid of a ruled PDF table: grid lines from rules, merged cells where inner rules are absent."""

from __future__ import annotations

from reportlint.loaders.pdf.grids import MAX_LINES, RuledCell, find_grids
from reportlint.loaders.pdf.strokes import Rule


def _box(left: float, bottom: float, right: float, top: float, inner_x=(), inner_y=()) -> list[Rule]:
    """The outline of a box and full-length inner rules at the given x and y."""
    return [
        Rule(True, bottom, left, right),
        Rule(True, top, left, right),
        Rule(False, left, bottom, top),
        Rule(False, right, bottom, top),
        *(Rule(False, x, bottom, top) for x in inner_x),
        *(Rule(True, y, left, right) for y in inner_y),
    ]


def test_merged_cells_are_where_inner_rules_are_absent():
    # 3 × 3 grid, 20 points a side; the top row is one cell; the left column's lower two rows are one cell.
    rules = [*_box(0, 0, 60, 60), Rule(True, 40, 0, 60), Rule(True, 20, 20, 60), Rule(False, 20, 0, 40), Rule(False, 40, 0, 40)]
    [grid] = find_grids(rules)
    assert grid.cells == (
        RuledCell(0, 0, 1, 3),
        RuledCell(1, 0, 2, 1),
        RuledCell(1, 1, 1, 1),
        RuledCell(1, 2, 1, 1),
        RuledCell(2, 1, 1, 1),
        RuledCell(2, 2, 1, 1),
    )
    assert grid.cell_at(10, 5) == grid.cell_at(10, 35) == 1
    assert grid.cell_at(70, 5) is None


def test_double_borders_and_rules_drawn_in_pieces_are_one_line():
    rules = [
        *_box(0, 0, 60, 40, inner_x=[30], inner_y=[20]),
        Rule(True, 41.5, 0, 60),  # the second line of a double top border
        Rule(True, 20.4, 0, 30),  # the middle rule drawn again, in two pieces
        Rule(True, 20.4, 30, 60),
    ]
    [grid] = find_grids(rules)
    assert (len(grid.xs), len(grid.ys), len(grid.cells)) == (3, 3, 4)


def test_table_without_side_borders_keeps_its_edge_cells():
    rules = [Rule(True, y, 0, 90) for y in (0, 20, 40)] + [Rule(False, x, 0, 40) for x in (30, 60)]
    [grid] = find_grids(rules)
    assert grid.xs == (0, 30, 60, 90)
    assert len(grid.cells) == 6


def test_tables_need_vertical_rules_and_two_columns():
    three_line_table = [Rule(True, y, 0, 90) for y in (0, 20, 60)]
    framed_paragraph = _box(0, 0, 200, 40)
    assert find_grids(three_line_table) == find_grids(framed_paragraph) == []


def test_separate_tables_on_one_page_are_found_smallest_first():
    grids = find_grids(_box(0, 500, 300, 560, inner_x=[100], inner_y=[530]) + _box(0, 100, 200, 140, inner_x=[100]))
    assert [len(grid.cells) for grid in grids] == [2, 4]


def test_a_page_of_more_lines_than_a_form_has_is_a_drawing():
    dashes = [Rule(True, 100.0, x, x + 2.0) for x in range(0, 6 * (MAX_LINES + 1), 6)]
    assert find_grids(_box(0, 0, 60, 40, inner_x=[30]) + dashes) == []
