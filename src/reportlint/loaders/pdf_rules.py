"""Rule lines of a PDF page: the horizontal and vertical strokes that draw table borders.

Word processors draw a table's borders in two ways: LibreOffice strokes each
border as a line (``m … l S``), Word and WPS fill thin rectangles (``re f``).
:func:`page_rules` reads the page's path objects with pypdfium2 (looking into
form XObjects, with their matrices applied) and returns both kinds as
:class:`Rule` s in page coordinates (PDF points, ``y`` upwards): every
horizontal or vertical straight segment of a stroked path, and every thin
rectangle of a filled one. Curves, slanted lines and filled areas (cell
shading, backgrounds) are not rules.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: A segment whose ends differ by at most this much (in points) across its direction is straight.
STRAIGHT_TOLERANCE = 0.5
#: Shortest rule kept (in points): shorter strokes are the ends of a filled border rectangle, or dots.
MIN_RULE_LENGTH = 2.0
#: Widest filled rectangle that still draws a line (in points); wider ones are shading.
MAX_RULE_WIDTH = 3.0
#: Deepest nesting of form XObjects looked into.
MAX_FORM_DEPTH = 8

#: A PDF transformation matrix (a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: A point of a subpath: its page coordinates and whether a straight line (not a curve) leads to it.
PathPoint = tuple[float, float, bool]


@dataclass(frozen=True)
class Rule:
    """A horizontal or vertical line on a page: ``position`` is its y (horizontal) or x (vertical), ``start < end`` its extent."""

    horizontal: bool
    position: float
    start: float
    end: float


def page_rules(page: Any) -> list[Rule]:
    """The rules drawn on a pypdfium2 page, in drawing order."""
    from pypdfium2 import raw

    handle = page.raw
    objects = [raw.FPDFPage_GetObject(handle, index) for index in range(raw.FPDFPage_CountObjects(handle))]
    return [rule for path, matrix in _paths(objects, IDENTITY, 0) for rule in _path_rules(path, matrix)]


def _paths(objects: list[Any], outer: Matrix, depth: int) -> Iterator[tuple[Any, Matrix]]:
    """Path objects among ``objects`` and inside their forms, each with its matrix to page space."""
    from pypdfium2 import raw

    for page_object in objects:
        kind = raw.FPDFPageObj_GetType(page_object)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield page_object, _compose(_matrix(page_object), outer)
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = [raw.FPDFFormObj_GetObject(page_object, index) for index in range(raw.FPDFFormObj_CountObjects(page_object))]
            yield from _paths(inner, _compose(_matrix(page_object), outer), depth + 1)


def _matrix(page_object: Any) -> Matrix:
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


def _subpaths(path: Any, matrix: Matrix) -> list[list[PathPoint]]:
    """The path's subpaths as points in page space; closing a subpath leads back to its start."""
    from pypdfium2 import raw

    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[PathPoint]] = []
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        kind = raw.FPDFPathSegment_GetType(segment)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f, kind == raw.FPDF_SEGMENT_LINETO)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
        if raw.FPDFPathSegment_GetClose(segment):
            first = subpaths[-1][0]
            subpaths[-1].append((first[0], first[1], True))
    return subpaths


def _path_rules(path: Any, matrix: Matrix) -> Iterator[Rule]:
    """A stroked path's straight axis-parallel segments; a filled-only path's thin rectangles."""
    from pypdfium2 import raw

    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(path, fill_mode, stroke):
        return
    if not stroke.value and fill_mode.value == raw.FPDF_FILLMODE_NONE:
        return
    for points in _subpaths(path, matrix):
        if stroke.value:
            for (x0, y0, _), (x1, y1, straight) in zip(points, points[1:]):
                rule = _line_rule(x0, y0, x1, y1) if straight else None
                if rule is not None:
                    yield rule
        elif all(straight for _, _, straight in points[1:]):
            rule = _bar_rule(points)
            if rule is not None:
                yield rule


def _line_rule(x0: float, y0: float, x1: float, y1: float) -> Rule | None:
    """The rule a straight segment draws, if it is horizontal or vertical and long enough."""
    if abs(y1 - y0) <= STRAIGHT_TOLERANCE and abs(x1 - x0) >= MIN_RULE_LENGTH:
        return Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1))
    if abs(x1 - x0) <= STRAIGHT_TOLERANCE and abs(y1 - y0) >= MIN_RULE_LENGTH:
        return Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1))
    return None


def _bar_rule(points: list[PathPoint]) -> Rule | None:
    """The rule a filled subpath of straight lines draws when it is a thin bar (its bounding box narrow and long)."""
    if len(points) < 3:
        return None
    xs = [x for x, _, _ in points]
    ys = [y for _, y, _ in points]
    left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
    width, height = right - left, top - bottom
    if height <= MAX_RULE_WIDTH and width >= MIN_RULE_LENGTH and width > height:
        return Rule(True, (bottom + top) / 2, left, right)
    if width <= MAX_RULE_WIDTH and height >= MIN_RULE_LENGTH and height > width:
        return Rule(False, (left + right) / 2, bottom, top)
    return None
