"""Diagnostics: what a rule reports, where, and how serious it is."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from reportlint.core.model import Location
from reportlint.core.values import shown


class Severity(IntEnum):
    """How serious a finding is; ordered so ``--fail-on`` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """``"error"``, ``"warning"`` or ``"info"`` (also ``E``/``W``/``I``) to a severity."""
        if isinstance(value, Severity):
            return value
        key = str(value).strip().lower()
        aliases = {"e": "error", "w": "warning", "warn": "warning", "i": "info", "note": "info"}
        key = aliases.get(key, key)
        try:
            return cls[key.upper()]
        except KeyError:
            raise ValueError(f"未知的严重级别 {shown(value)}（可选：error、warning、info）") from None

    @property
    def label(self) -> str:
        """The lower-case English name used in outputs and config."""
        return self.name.lower()

    @property
    def chinese(self) -> str:
        """The Chinese name shown in summaries."""
        return {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}[self]


@dataclass(frozen=True)
class Related:
    """Another place involved in a finding (e.g. a cell on the other side of an equation).

    ``path`` is empty for a place in the finding's own file; a cross-document
    finding (RL7) names the other file there, ``start``/``end`` being offsets
    in that file's text.
    """

    start: int
    end: int
    message: str
    location: Location | None = None
    path: str = ""

    def __reduce__(self) -> tuple:
        """Pickled as its values and rebuilt through the constructor, its file's name shared (see :meth:`Diagnostic.__reduce__`)."""
        return (_related, (self.start, self.end, self.message, self.location, self.path))


@dataclass(frozen=True)
class Fix:
    """A proposed edit: replace ``[start, end)`` of the report text with ``replacement``."""

    start: int
    end: int
    replacement: str
    description: str = ""

    def __reduce__(self) -> tuple:
        """Pickled as its values and rebuilt through the constructor (see :meth:`Diagnostic.__reduce__`)."""
        return (Fix, (self.start, self.end, self.replacement, self.description))


@dataclass(frozen=True)
class Diagnostic:
    """One finding of one rule in one file.

    Rules create diagnostics with offsets into ``report.text`` (see
    :meth:`reportlint.Rule.diagnostic`); the engine then fills in ``path``,
    ``location`` (through the document's source map) and a stable ``fingerprint``.
    """

    code: str
    name: str
    severity: Severity
    message: str
    start: int = 0
    end: int = 0
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    path: str = ""
    location: Location | None = None
    fingerprint: str = ""
    origin: str = "builtin"

    def __reduce__(self) -> tuple:
        """Pickled as its values and rebuilt through the constructor when results arrive from a worker.

        Unpickled the default way, every finding would get a dictionary of its
        attributes (about 300 bytes) and strings of its own for its code, name,
        file and origin, which every finding of a rule or a file repeats: they
        are shared (interned) instead.
        """
        fields = (self.message, self.start, self.end, self.related, self.fix, self.location, self.fingerprint)
        return (_diagnostic, (self.code, self.name, self.severity, self.path, self.origin, *fields))

    @property
    def family(self) -> str:
        """The rule family prefix, e.g. ``RL6`` for ``RL601``."""
        return self.code[:3]

    def sort_key(self) -> tuple:
        """Output order: file, position, code (ties keep the order the rule reported them in)."""
        line = self.location.line if self.location else 0
        column = self.location.column if self.location else 0
        return (self.path, line, column, self.code)

    def with_severity(self, severity: Severity) -> Diagnostic:
        """The same finding at another severity (config overrides)."""
        return replace(self, severity=severity)


def _interned(value: Any) -> Any:
    """A string as the process's one copy of it (anything else as it is)."""
    return sys.intern(value) if type(value) is str else value


def _diagnostic(
    code: str,
    name: str,
    severity: Severity,
    path: str,
    origin: str,
    message: str,
    start: int,
    end: int,
    related: tuple[Related, ...],
    fix: Fix | None,
    location: Location | None,
    fingerprint: str,
) -> Diagnostic:
    """Unpickle a :class:`Diagnostic`, its code, name, file and origin shared."""
    code, name, path, origin = _interned(code), _interned(name), _interned(path), _interned(origin)
    return Diagnostic(code, name, severity, message, start, end, related, fix, path, location, fingerprint, origin)


def _related(start: int, end: int, message: str, location: Location | None, path: str) -> Related:
    """Unpickle a :class:`Related`, the name of its file shared."""
    return Related(start, end, message, location, _interned(path))


def fingerprint(code: str, context: str, occurrence: int) -> str:
    """A stable identity for a finding that survives edits elsewhere in the file.

    Built from the rule code, the text of the finding's line and the message
    (``context``), and the number of identical findings before it — never from
    line numbers, so edits on other lines keep it stable.
    """
    digest = hashlib.sha256(f"{code}\x00{''.join(context.split())}\x00{occurrence}".encode())
    return digest.hexdigest()[:32]


class Fingerprinter:
    """:func:`fingerprint` for many findings of one file, each line's text hashed once.

    ``of(code, line_key, line, rest, occurrence)`` equals
    ``fingerprint(code, f"{line}\\x00{rest}", occurrence)``: whitespace is
    dropped piecewise and the hash of ``code`` and the line is kept per
    ``line_key``, so a thousand findings on one very long line cost one pass
    over it, not a thousand.
    """

    def __init__(self) -> None:
        self._lines: dict[tuple[str, object], Any] = {}

    def of(self, code: str, line_key: object, line: str, rest: str, occurrence: int) -> str:
        """The fingerprint of a finding on ``line`` (identified by ``line_key``), ``rest`` being what follows the line in its context."""
        base = self._lines.get((code, line_key))
        if base is None:
            base = self._lines[(code, line_key)] = hashlib.sha256(f"{code}\x00{''.join(line.split())}".encode())
        digest = base.copy()
        digest.update(f"\x00{''.join(rest.split())}\x00{occurrence}".encode())
        return digest.hexdigest()[:32]
