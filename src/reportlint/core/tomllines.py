"""Where each key of a TOML document is written: line numbers for configuration errors.

``tomllib`` gives values, not positions; this scans the text for table headers
(``[rules.my-rule]``, ``[[x]]``) and ``key = …`` lines and records the line of
every dotted key path, so an error about ``rules.my-rule.limit`` can name its
line. Keys inside inline tables and arrays take the line of the key holding them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reportlint.usercache.patterns import compiled

_HEADER = compiled(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_BARE = r"[A-Za-z0-9_-]++"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY_PART = compiled(rf"\s*({_BARE}|{_QUOTED})\s*")
_ASSIGNMENT = compiled(rf"\s*((?:(?:{_BARE}|{_QUOTED})\s*\.\s*)*(?:{_BARE}|{_QUOTED}))\s*=")


def _parts(dotted: str) -> tuple[str, ...]:
    parts = []
    position = 0
    while position < len(dotted):
        match = _KEY_PART.match(dotted, position)
        if match is None:
            break
        part = match.group(1)
        parts.append(part[1:-1] if part[:1] in "\"'" else part)
        position = match.end()
        if dotted[position : position + 1] == ".":
            position += 1
    return tuple(parts)


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Dotted key path → 1-based line, for every table header and ``key =`` line of a TOML text."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_string: str | None = None
    depth = 0  # open brackets of a multi-line array or inline table
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if depth == 0:
            header = _HEADER.match(line)
            if header is not None:
                table = _parts(header.group(1))
                lines.setdefault(table, number)
                continue
            assignment = _ASSIGNMENT.match(line)
            if assignment is not None:
                lines.setdefault((*table, *_parts(assignment.group(1))), number)
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2 == 1:
                in_string = quotes
        code = re.sub(rf"{_QUOTED}|#.*", "", line)
        depth = max(0, depth + code.count("[") + code.count("{") - code.count("]") - code.count("}"))
    return lines


def line_of(lines: Mapping[tuple[str, ...], int], key: tuple[str, ...]) -> int | None:
    """The line of ``key`` or of its nearest enclosing key that has one."""
    for length in range(len(key), 0, -1):
        found = lines.get(key[:length])
        if found is not None:
            return found
    return None
