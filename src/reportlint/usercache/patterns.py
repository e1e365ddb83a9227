"""Regular expressions compiled once per interpreter, not once per run.

reportlint compiles a few hundred regular expressions when it starts, many of
them with classes of Chinese characters (``[㐀-䶿一-鿿]``): Python's ``re``
builds such a class one character at a time, about 1.5 ms each, so compiling
took a third of a one-file run. :func:`compiled` gives the same pattern object
as :func:`re.compile`, but the compiled program (the list of opcodes ``re``
hands to its matching engine) is kept in the user cache, in one file per
interpreter (its version and build), and the next run builds each pattern
from it directly.

Nothing here changes what a pattern matches: the program is the one ``re``
itself made for the same source and flags on the same interpreter, and the
engine checks every program it is given. A missing, damaged or foreign file,
an interpreter whose ``re`` internals differ, or the user cache turned off
(``REPORTLINT_USER_CACHE_DIR=off``) all mean plain :func:`re.compile`. New
programs are written when the process ends (atomically, merged with what
another process wrote meanwhile).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import re
import sys
from typing import Any, AnyStr

from reportlint.usercache import store, user_cache_dir

#: One kept program: (flags, code, groups, groupindex, indexgroup), the arguments of the engine's constructor.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

try:  # the internals of ``re`` that turn a source into a program (CPython 3.11 and later)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: Any = _sre
except ImportError:  # pragma: no cover - another implementation: compile as usual
    _ENGINE = None

_kept: dict[tuple[str | bytes, int], Program] | None = None
_new: dict[tuple[str | bytes, int], Program] = {}


def compiled(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """The pattern ``re.compile(source, flags)`` gives, built from the kept program when there is one."""
    if _ENGINE is None or flags & re.DEBUG:
        return re.compile(source, flags)
    flags = int(flags)  # a RegexFlag is an int subclass marshal cannot hold
    kept = _load()
    program = kept.get((source, flags))
    if program is not None:
        try:
            return _ENGINE.compile(source, *program)
        except Exception:  # a damaged entry the engine refuses: compile afresh below
            del kept[(source, flags)]
    try:
        program = _program(source, flags)
        pattern = _ENGINE.compile(source, *program)
    except re.error:  # an invalid source: the same error re.compile raises
        raise
    except Exception:  # re's internals differ from what this module knows: compile as usual
        return re.compile(source, flags)
    kept[(source, flags)] = _new[(source, flags)] = program
    return pattern


def _program(source: str | bytes, flags: int) -> Program:
    """What ``re._compiler.compile`` passes to the engine for ``source`` (it raises :class:`re.error` as re does)."""
    parsed = _parser.parse(source, flags)
    code = [int(opcode) for opcode in _compiler._code(parsed, flags)]  # opcodes are int subclasses marshal cannot hold
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return (flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))


def _file() -> Any:
    """The file of this interpreter's programs, or None when the user cache is off."""
    folder = user_cache_dir()
    if folder is None:
        return None
    interpreter = hashlib.sha256(f"{sys.version}|{sys.implementation.cache_tag}".encode()).hexdigest()[:24]
    return folder / "patterns" / f"{interpreter}.marshal"


def _read(path: Any) -> dict[tuple[str | bytes, int], Program]:
    """The programs kept in ``path`` (empty when it is missing or damaged)."""
    if path is None:
        return {}
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        value = marshal.loads(path.read_bytes())
        if isinstance(value, dict):
            return value
    return {}


def _load() -> dict[tuple[str | bytes, int], Program]:
    """The kept programs, read once per process; what this process compiles anew is written when it ends."""
    global _kept  # noqa: PLW0603 (read once, on the first compile)
    if _kept is None:
        _kept = _read(_file())
        atexit.register(_save)
    return _kept


def _save() -> None:
    """Write the programs compiled anew in this process, with those another process kept meanwhile."""
    if not _new:
        return
    path = _file()
    if path is None:
        return
    merged = _read(path)
    merged.update(_new)
    with contextlib.suppress(ValueError):
        store(path, marshal.dumps(merged))
    _new.clear()
