"""Discovery: the report files a run checks, from the files and directories given, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from reportlint.run.config import ConfigResolver
from reportlint.sources import SUPPORTED_EXTENSIONS


def discover(
    paths: Sequence[str], resolver: ConfigResolver, extensions: Iterable[str] = (), force_exclude: bool = False
) -> list[tuple[Path, str]]:
    """Expand files and directories into ``(path, display path)`` pairs, in a stable order.

    Directories are walked recursively for supported extensions, skipping hidden
    directories and ``exclude`` globs; files named explicitly are always checked,
    unless ``force_exclude`` applies ``exclude`` to them too (as the pre-commit
    hook, which names every staged file, needs).
    """
    wanted = {*SUPPORTED_EXTENSIONS, *extensions}
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, directories, files in os.walk(path):
                directories[:] = sorted(name for name in directories if not name.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() not in wanted or name.startswith("~$"):
                        continue
                    config = resolver.config_for(candidate)
                    if config.is_excluded(candidate):
                        continue
                    _add(found, seen, candidate)
        elif not (force_exclude and resolver.config_for(path).is_excluded(path)):
            _add(found, seen, path)
    return found


def _add(found: list[tuple[Path, str]], seen: set[Path], path: Path) -> None:
    resolved = path.resolve()
    if resolved not in seen:
        seen.add(resolved)
        found.append((path, _display(path)))


def _display(path: Path) -> str:
    try:
        relative = os.path.relpath(path.resolve(), Path.cwd())
    except ValueError:
        return path.as_posix()
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()
