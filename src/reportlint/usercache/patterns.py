"""Regular expressions compiled once per interpreter, not once per run.

reportlint compiles a few hundred regular expressions when it starts, many of
them with classes of Chinese characters (``[㐀-䶿一-鿿]``): Python's ``re``
builds such a class one character at a time, about 1.5 ms each, so compiling
took a third of a one-file run. :func:`compiled` gives the same pattern object
as :func:`re.compile`, but the compiled program (the list of opcodes ``re``
hands to its matching engine) is kept in the user cache
(:class:`~reportlint.usercache.InterpreterStore`), and the next run builds each
pattern from it directly.

Nothing here changes what a pattern matches: the program is the one ``re``
itself made for the same source and flags on the same interpreter, and the
engine checks every program it is given. A missing, damaged or foreign file,
an interpreter whose ``re`` internals differ, or the user cache turned off
(``REPORTLINT_USER_CACHE_DIR=off``) all mean plain :func:`re.compile`. Only
patterns written in the code go through here; those built from user data
(place names, rule packs) are compiled as usual.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr

from reportlint.usercache import InterpreterStore

#: One kept program: (flags, code, groups, groupindex, indexgroup), the arguments of the engine's constructor.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

try:  # the internals of ``re`` that turn a source into a program (CPython 3.11 and later)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: Any = _sre
except ImportError:  # pragma: no cover - another implementation: compile as usual
    _ENGINE = None

PROGRAMS = InterpreterStore("patterns")


def compiled(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """The pattern ``re.compile(source, flags)`` gives, built from the kept program when there is one."""
    if _ENGINE is None or flags & re.DEBUG:
        return re.compile(source, flags)
    key = (source, int(flags))  # a RegexFlag is an int subclass marshal cannot hold
    program = PROGRAMS.get(key)
    if program is not None:
        try:
            return _ENGINE.compile(source, *program)
        except Exception:  # a damaged entry the engine refuses: compile afresh below
            PROGRAMS.forget(key)
    try:
        program = _program(source, int(flags))
        pattern = _ENGINE.compile(source, *program)
    except re.error:  # an invalid source: the same error re.compile raises
        raise
    except Exception:  # re's internals differ from what this module knows: compile as usual
        return re.compile(source, flags)
    PROGRAMS.put(key, program)
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
