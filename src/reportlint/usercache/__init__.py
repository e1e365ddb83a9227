"""The user cache: parsed shipped data (YAML specs and packs, the gazetteer's columns) and compiled patterns kept between runs.

Parsing the shipped YAML with ruamel.yaml and splitting the gazetteer's data
file cost tens of milliseconds on every run; their parsed form is plain data, so
it is kept in a ``marshal`` file under the user cache directory (platformdirs:
``~/.cache/reportlint`` on Linux; ``REPORTLINT_USER_CACHE_DIR`` elsewhere,
``off`` for none). A file's name digests the source's bytes, what was made of
them, reportlint's version and the Python version, so an edited source, a new
release or another interpreter simply finds no file and parses afresh. Files are
written atomically; a damaged one is parsed afresh and rewritten.

What is compiled rather than parsed — reportlint's regular expressions
(:mod:`reportlint.usercache.patterns`) and the methods ``dataclasses`` writes
(:mod:`reportlint.usercache.code`) — is kept per interpreter and release in an
:class:`InterpreterStore`.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from reportlint.version import __version__

T = TypeVar("T")
USER_CACHE_ENV = "REPORTLINT_USER_CACHE_DIR"


@lru_cache(maxsize=1)
def user_cache_dir() -> Path | None:
    """The folder of the user cache, or None when it is turned off."""
    configured = os.environ.get(USER_CACHE_ENV)
    if configured:
        return None if configured.lower() in ("off", "0", "none") else Path(configured)
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - a dependency; without it, no cache
        return None
    return Path(platformdirs.user_cache_dir("reportlint", appauthor=False))


def cached(kind: str, source: bytes, make: Callable[[], T]) -> T:
    """``make()``, or what it made before from the same ``source`` bytes (plain data only: dicts, lists, strings, numbers).

    ``kind`` names what is made (``yaml-safe``, ``gazetteer``); a value marshal cannot
    hold is returned without being kept.
    """
    folder = user_cache_dir()
    if folder is None:
        return make()
    name = hashlib.sha256(b"\0".join((kind.encode(), __version__.encode(), sys.version.encode(), source))).hexdigest()
    path = folder / kind / f"{name}.marshal"
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return marshal.loads(path.read_bytes())
    value = make()
    _store(path, value)
    _prune(path.parent, keep=path)
    return value


#: Kept values older than this are removed when a new one of their kind is written (seconds).
MAX_AGE = 30 * 24 * 3600


def _prune(folder: Path, keep: Path) -> None:
    """Remove a kind's values written more than :data:`MAX_AGE` ago (sources edited, packages installed since).

    Only runs when something new was made, so the folder does not grow with
    every edit of a pack or every installation; a value still in use is simply
    made again next time.
    """
    limit = time.time() - MAX_AGE
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".marshal") and entry.path != str(keep):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < limit:
                        os.unlink(entry.path)


def _store(path: Path, value: Any) -> None:
    try:
        data = marshal.dumps(value)
    except ValueError:  # not plain data (a YAML date, say): nothing to keep
        return
    store(path, data)


def store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file renamed over it); a folder that cannot be written keeps nothing."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(os.fspath(path), data)


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it: a reader finds the old file or the new, never
    part of one. The folder must exist; raises :class:`OSError` (the temporary file removed).
    """
    folder, base = os.path.split(path)
    handle, temporary = tempfile.mkstemp(prefix=f".tmp-{base}-", dir=folder or None)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


#: The most entries an :class:`InterpreterStore` file keeps from other processes (see :meth:`InterpreterStore.save`).
MAX_KEPT_ENTRIES = 4096

#: Every store of the process, for :func:`save_interpreter_stores`.
_STORES: list[InterpreterStore] = []


def save_interpreter_stores() -> None:
    """Write what every :class:`InterpreterStore` of this process added (for a process that ends without exit handlers)."""
    for kept in _STORES:
        kept.save()


class InterpreterStore:
    """A table kept in one ``marshal`` file per interpreter (version and build) and reportlint version: read on first use, what is new written at exit.

    ``kind`` names the folder under the user cache. Keys and values are plain data
    or code objects. A missing or damaged file is an empty table; what this
    process adds is merged with what other processes wrote meanwhile and written
    atomically when the process ends. Forked workers end with ``os._exit``, which
    runs no exit handlers: they call :func:`save_interpreter_stores` when they
    stop, since what they compiled (patterns first used while checking a file)
    their parent never saw.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._kept: dict[Any, Any] | None = None
        self._new: dict[Any, Any] = {}
        #: The keys this process found kept (what it would keep when the file has grown too large).
        self._used: set[Any] = set()
        _STORES.append(self)

    def path(self) -> Path | None:
        """The file of this interpreter's table, or None when the user cache is off."""
        folder = user_cache_dir()
        if folder is None:
            return None
        # A new release starts a new file, so entries of code that changed do not pile up.
        key = hashlib.sha256(f"{__version__}|{sys.version}|{sys.implementation.cache_tag}".encode()).hexdigest()[:24]
        return folder / self.kind / f"{key}.marshal"

    def get(self, key: Any) -> Any:
        """The kept value of ``key``, or None."""
        value = self._table().get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: Any, value: Any) -> None:
        """Keep ``value`` for ``key`` (written when the process ends)."""
        self._table()[key] = self._new[key] = value

    def forget(self, key: Any) -> None:
        """Drop a kept value found to be unusable."""
        self._table().pop(key, None)

    def _table(self) -> dict[Any, Any]:
        if self._kept is None:
            self._kept = self._read()
            atexit.register(self.save)
        return self._kept

    def reload(self) -> None:
        """Read the file again on next use, as a new process would (what is new is not written)."""
        self._kept = None
        self._new.clear()
        self._used.clear()

    def save(self) -> None:
        """Write what this process added, merged with what the file holds now.

        A table grown past :data:`MAX_KEPT_ENTRIES` (a release's code needs a few
        hundred; more means keys that differ from run to run, or many edits of
        the code) is written with only what this process used and added.
        """
        path = self.path()
        if not self._new or path is None:
            return
        merged = self._read()
        merged.update(self._new)
        if len(merged) > MAX_KEPT_ENTRIES:
            merged = {key: merged[key] for key in (*self._used, *self._new) if key in merged}
        with contextlib.suppress(ValueError):
            store(path, marshal.dumps(merged))
        self._new.clear()

    def _read(self) -> dict[Any, Any]:
        path = self.path()
        if path is not None:
            with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
                value = marshal.loads(path.read_bytes())
                if isinstance(value, dict):
                    return value
        return {}
