"""Rule lines of a PDF page: the horizontal and vertical strokes that draw table borders.

Word processors draw a table's borders in two ways: LibreOffice strokes each
border as a line (``m … l S``), Word and WPS fill thin rectangles (``re f``).
:func:`page_rules` reads the page's path objects with pypdfium2 (looking into
form XObjects, with their matrices applied) and returns both kinds as
:class:`Rule` s in page coordinates (PDF points, ``y`` upwards). A visible path
whose bounding box is a thin bar is one rule, whatever its segments; any other
path gives the horizontal and vertical straight segments it strokes, or the
thin rectangles it fills. Curves, slanted lines and filled areas (cell
shading, backgrounds) are not rules.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

#: A segment whose ends differ by at most this much (in points) across its direction is straight.
STRAIGHT_TOLERANCE = 0.5
#: Shortest rule kept (in points): shorter strokes are the ends of a filled border rectangle, or dots.
MIN_RULE_LENGTH = 2.0
#: Thickest bar that still draws a line (in points); wider filled areas are shading.
MAX_RULE_WIDTH = 3.0
#: Deepest nesting of form XObjects looked into.
MAX_FORM_DEPTH = 8
#: Most path segments read on a page: a page drawing more is a drawing (a map, a chart), not a form, and has no rules.
MAX_SEGMENTS = 20000

#: A PDF transformation matrix (a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: A point of a subpath: its page coordinates and whether a straight line (not a curve) leads to it.
PathPoint = tuple[float, float, bool]


@dataclass(frozen=True)
class Rule:
    """A horizontal or vertical line on a page.

    ``position`` is its y (horizontal) or x (vertical); ``start < end`` is its extent along the other axis.
    """

    horizontal: bool
    position: float
    start: float
    end: float


def page_rules(page: Any) -> list[Rule]:
    """The rules drawn on a pypdfium2 page, in drawing order (none on a page of more than :data:`MAX_SEGMENTS`)."""
    from pypdfium2 import raw

    handle = page.raw
    get_object = raw.FPDFPage_GetObject
    objects = [get_object(handle, index) for index in range(raw.FPDFPage_CountObjects(handle))]
    paths = list(_paths(objects, IDENTITY, 0))
    if sum(raw.FPDFPath_CountSegments(path) for path, _ in paths) > MAX_SEGMENTS:
        return []
    return [rule for path, outer in paths for rule in _path_rules(path, outer)]


def _paths(objects: list[Any], outer: Matrix, depth: int) -> Iterator[tuple[Any, Matrix]]:
    """Path objects among ``objects`` and inside their forms, each with the matrix from its container to page space."""
    from pypdfium2 import raw

    get_type, path_type, form_type = raw.FPDFPageObj_GetType, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
    for page_object in objects:
        kind = get_type(page_object)
        if kind == path_type:
            yield page_object, outer
        elif kind == form_type and depth < MAX_FORM_DEPTH:
            inner = [raw.FPDFFormObj_GetObject(page_object, index) for index in range(raw.FPDFFormObj_CountObjects(page_object))]
            yield from _paths(inner, _compose(_matrix(page_object), outer), depth + 1)


def _matrix(page_object: Any) -> Matrix:
    """A page object's own matrix (to its container's space)."""
    from pypdfium2 import raw

    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(page_object, matrix):
        return IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od, e * oa + f * oc + oe, e * ob + f * od + of)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _bounds(path: Any, outer: Matrix) -> tuple[float, float, float, float]:
    """The path's bounding box in page space: (left, bottom, right, top)."""
    from pypdfium2 import raw

    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    raw.FPDFPageObj_GetBounds(path, left, bottom, right, top)
    if outer == IDENTITY:
        return left.value, bottom.value, right.value, top.value
    corners = [_apply(outer, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _path_rules(path: Any, outer: Matrix) -> Iterator[Rule]:
    """The rules one visible path draws (see the module docs)."""
    from pypdfium2 import raw

    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(path, fill_mode, stroke):
        return
    if not stroke.value and fill_mode.value == raw.FPDF_FILLMODE_NONE:
        return
    bar = _bar_rule(*_bounds(path, outer))
    if bar is not None:
        yield bar
        return
    for points in _subpaths(path, _compose(_matrix(path), outer)):
        if stroke.value:
            for (x0, y0, _), (x1, y1, straight) in pairwise(points):
                rule = _line_rule(x0, y0, x1, y1) if straight else None
                if rule is not None:
                    yield rule
        elif len(points) > 2 and all(straight for _, _, straight in points[1:]):
            xs, ys = [x for x, _, _ in points], [y for _, y, _ in points]
            rule = _bar_rule(min(xs), min(ys), max(xs), max(ys))
            if rule is not None:
                yield rule


def _subpaths(path: Any, matrix: Matrix) -> list[list[PathPoint]]:
    """The path's subpaths as points in page space; closing a subpath leads back to its start."""
    from pypdfium2 import raw

    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[PathPoint]] = []
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        kind = raw.FPDFPathSegment_GetType(segment)
        point = (*_apply(matrix, x.value, y.value), kind == raw.FPDF_SEGMENT_LINETO)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
        if raw.FPDFPathSegment_GetClose(segment):
            first = subpaths[-1][0]
            subpaths[-1].append((first[0], first[1], True))
    return subpaths


def _line_rule(x0: float, y0: float, x1: float, y1: float) -> Rule | None:
    """The rule a straight segment draws, if it is horizontal or vertical and long enough."""
    if abs(y1 - y0) <= STRAIGHT_TOLERANCE and abs(x1 - x0) >= MIN_RULE_LENGTH:
        return Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1))
    if abs(x1 - x0) <= STRAIGHT_TOLERANCE and abs(y1 - y0) >= MIN_RULE_LENGTH:
        return Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1))
    return None


def _bar_rule(left: float, bottom: float, right: float, top: float) -> Rule | None:
    """The rule a thin bar with this bounding box draws: along its long side, through its middle."""
    width, height = right - left, top - bottom
    if height <= MAX_RULE_WIDTH and width >= MIN_RULE_LENGTH and width > height:
        return Rule(True, (bottom + top) / 2, left, right)
    if width <= MAX_RULE_WIDTH and height >= MIN_RULE_LENGTH and height > width:
        return Rule(False, (left + right) / 2, bottom, top)
    return None
