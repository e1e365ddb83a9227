"""Python code that reportlint or ``dataclasses`` writes at run time, compiled once per interpreter, not once per run.

For every dataclass, Python 3.11's ``dataclasses`` writes the source of its
``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and (frozen)
``__setattr__``/``__delattr__`` and compiles it with ``exec``: about 0.5 ms a
class, three quarters of it compiling, and reportlint defines a few hundred
dataclasses, so this was half of its import time. :func:`install` gives the
``dataclasses`` module an ``exec`` that compiles each distinct source once and
keeps the code object in the user cache (:class:`~reportlint.usercache.InterpreterStore`,
one file per interpreter and release, as ``__pycache__`` keeps a module's code); every
later run executes the kept code.

What runs is what ``exec`` would have run: the code compiled from the same
source text by the same interpreter. Only the name ``exec`` inside the
``dataclasses`` module is shadowed (no other module sees it); sources that are
not text, a damaged file and the user cache turned off mean the built-in
``exec``. The classes made are the same for every dataclass of the process,
reportlint's or a plugin's.

Template relations are compiled the same way (:func:`compiled_code`): each is
written as the source of one Python function of the table's cells
(:mod:`reportlint.template.relations`).
"""

from __future__ import annotations

import builtins
import dataclasses
from types import CodeType
from typing import Any

from reportlint.usercache import InterpreterStore

CODE = InterpreterStore("code")


def install() -> None:
    """Give ``dataclasses`` the caching ``exec`` (once per process)."""
    if vars(dataclasses).get("exec") is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    """``exec(source, globals, locals)``, running the kept code of a text source."""
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    return builtins.exec(compiled_code(source), globals, locals)


def compiled_code(source: str, filename: str = "<string>") -> CodeType:
    """``compile(source, filename, "exec")``, kept: the code compiled before from the same source and file name."""
    key = source if filename == "<string>" else (filename, source)
    code = CODE.get(key)
    if not isinstance(code, CodeType):
        code = builtins.compile(source, filename, "exec", dont_inherit=True)
        CODE.put(key, code)
    return code
