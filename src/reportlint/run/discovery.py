"""Discovery: the files a run checks, from the files and directories given, in a stable order — and nothing left out silently.

Directories are walked recursively (hidden directories and ``exclude`` globs
skipped). A file is checked when its extension is one reportlint reads, or one
of a report format it knows but cannot read (``.doc``, ``.wps``, ``.ofd``,
``.xls``, images …: those get their RL902 finding with advice); every other
file is listed as skipped, with the reason (``--show-files``). Files named
explicitly are always checked. A directory that cannot be listed, and a path
that is a symlink loop, are RL901 findings of their own.

Paths are shown as given, relative to the current directory when inside it,
never through their symlink targets (a dangling link keeps its own name), and
always printable (:func:`display_path`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlint.core.config import Config
from reportlint.run.config import ConfigResolver
from reportlint.run.results import SkippedFile
from reportlint.sources import SUPPORTED_EXTENSIONS

#: Report formats reportlint recognises but cannot read: a walk checks them, to say so (RL902) with advice.
KNOWN_UNSUPPORTED_EXTENSIONS = (".doc", ".wps", ".ofd", ".et", ".xls", ".xlsx", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")


@dataclass(frozen=True)
class Entry:
    """A path the run reports on: a file to check, or (``problem`` set) a path that is its RL901 finding.

    ``display`` is the printable path every output shows; ``source`` the path
    as the filesystem names it, when that differs (a name with undecodable bytes).
    """

    path: Path
    display: str
    problem: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, path: Path, problem: str | None = None, shown: str | None = None) -> Entry:
        """The entry of a path, shown relative to the current directory when inside it (``shown``: that, already known)."""
        shown = _shown(path) if shown is None else shown
        display = display_path(shown)
        return cls(path, display, problem, shown if display != shown else None)


@dataclass(frozen=True)
class Discovery:
    """What a run found: the entries to report on, in order, and the files it passed over."""

    entries: tuple[Entry, ...]
    skipped: tuple[SkippedFile, ...]


def discover(paths: Sequence[str], resolver: ConfigResolver, extensions: Iterable[str] = (), force_exclude: bool = False) -> Discovery:
    """Expand files and directories into entries, in a stable order, and list what was skipped.

    ``force_exclude`` applies ``exclude`` to files named explicitly too (the
    pre-commit hook names every staged file).
    """
    walker = _Walker(resolver, {*SUPPORTED_EXTENSIONS, *extensions})
    for given in paths:
        path = Path(given)
        if path.is_dir():
            walker.walk(path)
        elif force_exclude and resolver.config_for(path).is_excluded(path):
            walker.skip(path, "被配置项 exclude 排除（--force-exclude）")
        else:
            walker.add(Entry.of(path))
    return Discovery(tuple(walker.entries), tuple(walker.skipped))


class _Walker:
    def __init__(self, resolver: ConfigResolver, wanted: set[str]) -> None:
        self.resolver = resolver
        self.wanted = wanted
        self.entries: list[Entry] = []
        self.skipped: list[SkippedFile] = []
        self._seen: set[str] = set()

    def walk(self, top: Path) -> None:
        def unreadable(error: OSError) -> None:
            where = Path(error.filename) if error.filename else top
            reason = (
                "没有权限读取这个目录，其中的文件都没有检查"
                if isinstance(error, PermissionError)
                else f"无法读取这个目录（{error.strerror or error}），其中的文件都没有检查"
            )
            self.add(Entry.of(where, reason))

        for root, directories, files in os.walk(top, onerror=unreadable):
            folder = Path(root)
            kept = []
            for name in sorted(directories):
                candidate = folder / name
                if name.startswith("."):
                    self.skip(candidate, "隐藏目录，未进入")
                elif candidate.is_symlink():
                    self.skip(candidate, "指向目录的符号链接，未进入")
                elif self.resolver.config_for(candidate).is_excluded(candidate):
                    self.skip(candidate, "被配置项 exclude 排除的目录")
                else:
                    kept.append(name)
            directories[:] = kept
            shared: _Folder | None = None
            for name in sorted(files):
                candidate = folder / name
                extension = candidate.suffix.lower()
                if name.startswith("~$"):
                    self.skip(candidate, "Office 临时文件")
                elif extension not in self.wanted and extension not in KNOWN_UNSUPPORTED_EXTENSIONS:
                    self.skip(candidate, f"不是报告文件格式（{extension or '没有扩展名'}）")
                else:
                    shared = shared or _Folder(self.resolver, folder)
                    self._file(shared, candidate, name)

    def _file(self, folder: _Folder, candidate: Path, name: str) -> None:
        """A report file found in ``folder``: its entry, unless ``exclude`` passes it over."""
        try:
            excluded = folder.config is not None and folder.config.is_excluded(candidate)
        except RuntimeError:  # a symlink loop (the file itself, matched against exclude): its own RL901 says so
            excluded = False
        if excluded:
            self.skip(candidate, "被配置项 exclude 排除")
            return
        self._add(Entry.of(candidate, shown=folder.shown(candidate, name)), folder.identity(candidate, name))

    def skip(self, path: Path, reason: str) -> None:
        """List a path as passed over, with the reason."""
        self.skipped.append(SkippedFile(display_path(_shown(path)), reason))

    def add(self, entry: Entry) -> None:
        """Add an entry once (a file reached twice, e.g. named and inside a named directory, is checked once)."""
        self._add(entry, _identity(entry.path))

    def _add(self, entry: Entry, key: str) -> None:
        if key not in self._seen:
            self._seen.add(key)
            self.entries.append(entry)


class _Folder:
    """What the files of one walked folder share, found once for all of them: their configuration, the folder
    shown relative to the current directory, and its real path.

    A file's :func:`_shown` and :func:`_identity` follow from its folder's (both are made of path components,
    and a file's name is one more), so a walk of 10,000 files does not resolve and relativise each whole path.
    """

    def __init__(self, resolver: ConfigResolver, folder: Path) -> None:
        try:
            self.config: Config | None = resolver.config_for(folder)  # a file's configuration is its folder's
        except RuntimeError:  # a symlink loop on the way to the config: each file's own RL901 says so
            self.config = None
        try:
            self._relative: str | None = Path(os.path.relpath(os.path.abspath(folder), Path.cwd())).as_posix()
        except ValueError:  # another drive on Windows: every file is shown as given
            self._relative = None
        try:
            self._real: str | None = str(folder.resolve())
        except (OSError, RuntimeError):
            self._real = None

    def shown(self, candidate: Path, name: str) -> str:
        """:func:`_shown` of the file ``name`` of this folder (``candidate``: its path as given)."""
        if self._relative is None:
            return candidate.as_posix()
        relative = name if self._relative == "." else f"{self._relative}/{name}"
        return relative if not relative.startswith("..") else candidate.as_posix()

    def identity(self, candidate: Path, name: str) -> str:
        """:func:`_identity` of the file ``name`` of this folder: the folder's real path and the name, unless the file is a link."""
        if self._real is None or os.path.islink(candidate):
            return _identity(candidate)
        return os.path.join(self._real, name)


def _identity(path: Path) -> str:
    """The real path of a file, or its absolute path when it cannot be resolved (a symlink loop)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def _shown(path: Path) -> str:
    """The path relative to the current directory when inside it (without following symlinks), else as given."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, Path.cwd())
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


def display_path(path: str) -> str:
    """A path as every output shows it: printable, valid Unicode.

    A file name's bytes that are not UTF-8 (Python keeps them as lone surrogates)
    are written ``\\xNN``, control characters ``\\xNN`` or ``\\uNNNN``, so text,
    JSON, HTML and spreadsheet outputs stay valid. SARIF URIs are built from the
    bytes themselves (:attr:`FileResult.source_path`), percent-encoded.
    """
    if path.isprintable():
        return path
    shown = []
    for character in path:
        code = ord(character)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte (surrogateescape)
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif character.isprintable():
            shown.append(character)
        elif code < 0x100:
            shown.append(f"\\x{code:02x}")
        else:
            shown.append(f"\\u{code:04x}")
    return "".join(shown)
