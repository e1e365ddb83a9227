"""The ``json`` output: a documented, versioned schema (see ``docs/json-output.md``).

The document is what :func:`json.dumps` writes for :func:`payload` with
``ensure_ascii=False, indent=2``, byte for byte, but it is not made that way:
with an indent, the standard library encodes in pure Python, token by token,
which cost more than a cached run's whole reading of its results. Here each
file's entry is written as one string: :func:`_diagnostic` writes a finding
with one f-string (its texts encoded by the C helper of :mod:`json.encoder`)
when its values have the types a finding has; anything else (a finding holding
other types, the document's head and tail) goes through :func:`_encode`, which
follows the standard encoder's rules (the order of its type checks, its float
and key conversions). The tests compare both with :func:`json.dumps` on real
runs and on varied values.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.core.model import Location
from reportlint.output import Reporter
from reportlint.version import __version__

if TYPE_CHECKING:
    from reportlint.run.results import FileResult, RunResult

#: Bumped on any incompatible change of the JSON layout.
JSON_SCHEMA_VERSION = "1.0"


def location_dict(location: Location | None) -> dict[str, int | str] | None:
    """A location as JSON (see :meth:`Location.as_dict`), or None."""
    return None if location is None else location.as_dict()


def diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    """One finding as JSON."""
    data: dict[str, Any] = {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "location": location_dict(diagnostic.location),
        "offsets": {"start": diagnostic.start, "end": diagnostic.end},
        "related": [
            {
                "message": item.message,
                "path": item.path or diagnostic.path,
                "location": location_dict(item.location),
                "offsets": {"start": item.start, "end": item.end},
            }
            for item in diagnostic.related
        ],
        "fix": None,
        "fingerprint": diagnostic.fingerprint,
        "origin": diagnostic.origin,
    }
    if diagnostic.fix is not None:
        data["fix"] = {
            "description": diagnostic.fix.description,
            "offsets": {"start": diagnostic.fix.start, "end": diagnostic.fix.end},
            "replacement": diagnostic.fix.replacement,
        }
    return data


def payload(run: RunResult) -> dict[str, Any]:
    """The JSON document of a run as plain values (the structure docs/json-output.md describes; the output is its encoding)."""
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "tool": {"name": "reportlint", "version": __version__},
        "files": [
            {
                "path": result.path,
                "format": result.format,
                "diagnostics": [diagnostic_dict(diagnostic) for diagnostic in result.diagnostics],
            }
            for result in run.files
        ],
        **_after_files(run),
    }


class JsonReporter(Reporter):
    """Machine-readable output for scripts and supervising offices' dashboards."""

    name = "json"
    description = "JSON 格式（带版本号的固定结构，见 docs/json-output.md）"

    def render(self, run: RunResult) -> str:
        return "".join(_pieces(run)) + "\n"

    def render_bytes(self, run: RunResult) -> bytes:
        return b"".join(self.render_chunks(run))

    def render_chunks(self, run: RunResult) -> Iterator[bytes]:
        """The document in UTF-8, encoded a few hundred files at a time (the same bytes as :meth:`render`).

        The document of 10,000 reports is about 30 MB; the command line writes
        each chunk as it comes, so neither the document nor the pieces joined
        into it are ever whole in memory.
        """
        pieces: list[str] = []
        for piece in _pieces(run):
            pieces.append(piece)
            if len(pieces) == _PIECES_PER_WRITE:
                yield "".join(pieces).encode("utf-8")
                pieces.clear()
        pieces.append("\n")
        yield "".join(pieces).encode("utf-8")


#: Pieces of the document (one per file, besides the head and the tail) joined and encoded at once.
_PIECES_PER_WRITE = 256


def _after_files(run: RunResult) -> dict[str, Any]:
    """The document's members after ``files``: the files passed over, plugin failures and the counts."""
    diagnostics = run.diagnostics
    return {
        "skipped": [{"path": skipped.path, "reason": skipped.reason} for skipped in run.skipped],
        "plugin_failures": [{"plugin": failure.plugin, "message": failure.message} for failure in run.failures],
        "summary": {
            "files": len(run.files),
            "skipped": len(run.skipped),
            "files_with_findings": sum(1 for result in run.files if result.diagnostics),
            "diagnostics": len(diagnostics),
            "by_severity": {
                severity.label: count for severity, count in sorted(Counter(d.severity for d in diagnostics).items(), reverse=True)
            },
            "by_code": dict(sorted(Counter(d.code for d in diagnostics).items())),
        },
    }


def _pieces(run: RunResult) -> Iterator[str]:
    """The document without its final newline: the head, one piece per file, the tail."""
    yield f'{{\n  "schema_version": {_value(JSON_SCHEMA_VERSION, 1)},\n  "tool": {_value({"name": "reportlint", "version": __version__}, 1)},\n  "files": '
    if not run.files:
        yield "[]"
    else:
        separator = "[\n    "
        for result in run.files:
            yield separator + _file(result)
            separator = ",\n    "
        yield "\n  ]"
    tail: list[str] = []  # the rest of the top-level object, as _encode writes a mapping's members at depth 1
    for key, value in _after_files(run).items():
        tail.append(f",\n  {encode_basestring(key)}: ")
        _encode(value, 1, tail)
    tail.append("\n}")
    yield "".join(tail)


def _file(result: FileResult) -> str:
    """One member of ``files`` (at depth 2)."""
    diagnostics = result.diagnostics
    if diagnostics:
        listed = "[\n        " + ",\n        ".join([_diagnostic(diagnostic, 4) for diagnostic in diagnostics]) + "\n      ]"
    else:
        listed = "[]"
    return (
        f'{{\n      "path": {_value(result.path, 3)},\n      "format": {_value(result.format, 3)},\n      "diagnostics": {listed}\n    }}'
    )


def _diagnostic(diagnostic: Diagnostic, depth: int) -> str:
    """One finding as :func:`diagnostic_dict` encodes at ``depth`` (the depth of its opening brace).

    Written directly when its values have the types a finding has (strings,
    whole numbers, a :class:`Severity`, :class:`Location` or None); a finding
    holding anything else goes through :func:`diagnostic_dict` and :func:`_encode`.
    """
    code, name, message, fingerprint, origin = (
        diagnostic.code,
        diagnostic.name,
        diagnostic.message,
        diagnostic.fingerprint,
        diagnostic.origin,
    )
    start, end, severity = diagnostic.start, diagnostic.end, _SEVERITIES.get(diagnostic.severity)
    location = _location(diagnostic.location, depth + 1)
    if (
        severity is None
        or location is None
        or not (type(code) is type(name) is type(message) is type(fingerprint) is type(origin) is str and type(start) is type(end) is int)
    ):
        return _value(diagnostic_dict(diagnostic), depth)
    pad, inner, close = _PAD[depth + 1], _PAD[depth + 2], _PAD[depth]
    related = diagnostic.related
    if related:
        own = diagnostic.path
        places = []
        for item in related:
            place = _related(item.message, item.path or own, item.location, item.start, item.end, depth + 2)
            if place is None:
                return _value(diagnostic_dict(diagnostic), depth)
            places.append(place)
        listed = f"[{inner}" + f",{inner}".join(places) + f"{pad}]"
    else:
        listed = "[]"
    fix = diagnostic.fix
    if fix is None:
        fixed = "null"
    else:
        fixed = _value(
            {"description": fix.description, "offsets": {"start": fix.start, "end": fix.end}, "replacement": fix.replacement}, depth + 1
        )
    return (
        f'{{{pad}"code": {encode_basestring(code)},{pad}"name": {encode_basestring(name)},{pad}"severity": {severity},'
        f'{pad}"message": {encode_basestring(message)},{pad}"location": {location},'
        f'{pad}"offsets": {{{inner}"start": {start},{inner}"end": {end}{pad}}},{pad}"related": {listed},{pad}"fix": {fixed},'
        f'{pad}"fingerprint": {encode_basestring(fingerprint)},{pad}"origin": {encode_basestring(origin)}{close}}}'
    )


def _related(message: object, path: object, location: Location | None, start: object, end: object, depth: int) -> str | None:
    """One related place of a finding (at ``depth``); None when its values are not of the types it should have."""
    place = _location(location, depth + 1)
    if place is None or not (type(message) is type(path) is str and type(start) is type(end) is int):
        return None
    pad, inner = _PAD[depth + 1], _PAD[depth + 2]
    return (
        f'{{{pad}"message": {encode_basestring(message)},{pad}"path": {encode_basestring(path)},{pad}"location": {place},'
        f'{pad}"offsets": {{{inner}"start": {start},{inner}"end": {end}{pad}}}{_PAD[depth]}}}'
    )


def _location(location: Location | None, depth: int) -> str | None:
    """A location as :func:`location_dict` encodes at ``depth``; None when it is a :class:`Location` holding values of other types."""
    if location is None:
        return "null"
    if type(location) is not Location:  # a plugin's own class: whatever its as_dict says
        return _value(location_dict(location), depth)
    line, column, end_line, end_column, logical, page = (
        location.line,
        location.column,
        location.end_line,
        location.end_column,
        location.logical,
        location.page,
    )
    if not (type(line) is type(column) is type(end_line) is type(end_column) is int):
        return None
    pad = _PAD[depth + 1]
    text = f'{{{pad}"line": {line},{pad}"column": {column},{pad}"end_line": {end_line},{pad}"end_column": {end_column}'
    if logical:
        if type(logical) is not str:
            return None
        text += f',{pad}"logical": {encode_basestring(logical)}'
    if page is not None:
        if type(page) is not int:
            return None
        text += f',{pad}"page": {page}'
    return text + _PAD[depth] + "}"


#: Each severity's label, encoded.
_SEVERITIES = {severity: encode_basestring(severity.label) for severity in Severity}


# --------------------------------------------------------------------------- values


def _value(value: Any, depth: int) -> str:
    """A value as the standard encoder writes it at ``depth`` (strings and whole numbers without a detour)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    pieces: list[str] = []
    _encode(value, depth, pieces)
    return "".join(pieces)


def _encode(value: Any, depth: int, out: list[str]) -> None:
    """Append ``value`` as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it at ``depth``.

    The checks come in the standard encoder's order (``json.encoder._make_iterencode``):
    strings (and their subclasses), None, True, False, integers (``int.__repr__``,
    so an IntEnum is its number), floats, lists and tuples, dicts; anything else
    raises its TypeError. Mapping keys are converted as it converts them.
    """
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        pad = _PAD[depth + 1]
        separator = "[" + pad
        for item in value:
            out.append(separator)
            _encode(item, depth + 1, out)
            separator = "," + pad
        out.append(_PAD[depth] + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        pad = _PAD[depth + 1]
        separator = "{" + pad
        for key, item in value.items():
            out.append(separator + _key(key) + ": ")
            _encode(item, depth + 1, out)
            separator = "," + pad
        out.append(_PAD[depth] + "}")
    else:
        _STANDARD.default(value)  # raises the standard encoder's TypeError


def _key(key: object) -> str:
    """A mapping key as the standard encoder converts it (``skipkeys`` off)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        text = _float(key)
    elif key is True:
        text = "true"
    elif key is False:
        text = "false"
    elif key is None:
        text = "null"
    elif isinstance(key, int):
        text = int.__repr__(key)
    else:
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
    return encode_basestring(text)


def _float(value: float) -> str:
    """A float as the standard encoder writes it (``allow_nan`` on)."""
    if math.isnan(value):
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


_INFINITY = float("inf")


class _Pads(dict[int, str]):
    """``"\\n"`` and the indent of each depth, made when first needed."""

    def __missing__(self, depth: int) -> str:
        self[depth] = pad = "\n" + "  " * depth
        return pad


_PAD = _Pads()
#: The standard encoder of the same settings, for its errors on values JSON cannot hold.
_STANDARD = json.JSONEncoder(ensure_ascii=False, indent=2)
