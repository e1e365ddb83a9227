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
    state = repr((group, [(entry, _state(entry)) for entry in sys.path])).encode()
    listed = cached("entry-points", state, lambda: _list(group))
    return tuple(InstalledPlugin(name, value, version, group) for name, value, version in listed)


def _list(group: str) -> list[list[str]]:
    from importlib.metadata import entry_points

    return [[point.name, point.value, getattr(getattr(point, "dist", None), "version", "") or ""] for point in entry_points(group=group)]


def _state(entry: str) -> object:
    """What changes when a package is installed in, upgraded in or removed from a ``sys.path`` entry."""
    try:
        if os.path.abspath(entry or ".") != os.getcwd():
            return os.stat(entry).st_mtime_ns
        with os.scandir(entry or ".") as found:
            return sorted((item.name, item.stat().st_mtime_ns) for item in found if item.name.endswith(_METADATA_FOLDERS))
    except (OSError, ValueError):
        return None


_METADATA_FOLDERS = (".dist-info", ".egg-info")
