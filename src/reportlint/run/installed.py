"""The plugins installed as entry points, listed once per state of the installation.

Listing entry points reads the metadata of every installed distribution, and
importing :mod:`importlib.metadata` brings in the ``email`` package to parse it:
15–30 ms of every start in an environment of a hundred packages, for a list
that is almost always empty. The list (name, value, distribution version) is
kept in the user cache (:func:`reportlint.usercache.cached`), keyed by every
``sys.path`` entry with its modification time: installing, upgrading or
removing a package adds or removes a ``*.dist-info`` folder, which changes the
modification time of the folder holding it, so the list is made afresh.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

from reportlint.usercache import cached


@dataclass(frozen=True)
class InstalledPlugin:
    """One entry point of a plugin group: its name, its ``module:attribute`` value and its distribution's version."""

    name: str
    value: str
    version: str
    group: str

    def load(self) -> Any:
        """Import the module and return the attribute the entry point names."""
        from importlib.metadata import EntryPoint

        return EntryPoint(self.name, self.value, self.group).load()


def installed_plugins(group: str) -> tuple[InstalledPlugin, ...]:
    """The entry points of ``group`` in the installed distributions."""
    state = repr((group, [(entry, _modified(entry)) for entry in sys.path])).encode()
    listed = cached("entry-points", state, lambda: _list(group))
    return tuple(InstalledPlugin(name, value, version, group) for name, value, version in listed)


def _list(group: str) -> list[list[str]]:
    from importlib.metadata import entry_points

    return [[point.name, point.value, getattr(getattr(point, "dist", None), "version", "") or ""] for point in entry_points(group=group)]


def _modified(entry: str) -> int | None:
    try:
        return os.stat(entry or ".").st_mtime_ns
    except (OSError, ValueError):
        return None
