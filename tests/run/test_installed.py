"""Installed plugins are listed once per state of the installation: a package added or removed is seen at once."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import sys

import pytest

from reportlint import usercache
from reportlint.run.installed import installed_plugins


@pytest.fixture
def site(tmp_path, monkeypatch):
    """An empty user cache and a folder on ``sys.path`` where plugin distributions are "installed"."""
    monkeypatch.setenv(usercache.USER_CACHE_ENV, str(tmp_path / "user-cache"))
    usercache.user_cache_dir.cache_clear()
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    usercache.user_cache_dir.cache_clear()
    sys.modules.pop("rl_installed_gansu", None)


def _install(site, name: str, version: str, module: str) -> None:
    """What pip leaves behind: a module and a ``.dist-info`` folder naming its entry point."""
    (site / f"{module}.py").write_text("RULES = ['GS101']\n", encoding="utf-8")
    info = site / f"{name}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[reportlint]\n{name} = {module}\n", encoding="utf-8")
    _touch(site)


def _touch(site) -> None:
    """Make the folder's modification time visibly newer (file systems with coarse timestamps)."""
    stat = site.stat()
    os.utime(site, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_an_installed_plugin_is_listed_with_its_version_and_loads(site):
    _install(site, "reportlint-gansu", "1.2.0", "rl_installed_gansu")
    [plugin] = [point for point in installed_plugins("reportlint") if point.name == "reportlint-gansu"]
    assert (plugin.value, plugin.version) == ("rl_installed_gansu", "1.2.0")
    assert plugin.load().RULES == ["GS101"]


def test_an_unchanged_installation_is_not_listed_again(site, monkeypatch):
    _install(site, "reportlint-gansu", "1.2.0", "rl_installed_gansu")
    first = installed_plugins("reportlint")

    def fail(**_):
        raise AssertionError("entry points listed again")

    monkeypatch.setattr(importlib.metadata, "entry_points", fail)
    assert installed_plugins("reportlint") == first


def test_a_plugin_installed_or_removed_later_is_seen(site):
    assert not [point for point in installed_plugins("reportlint") if point.name.startswith("reportlint-")]
    _install(site, "reportlint-gansu", "1.2.0", "rl_installed_gansu")
    assert [point.name for point in installed_plugins("reportlint") if point.name.startswith("reportlint-")] == ["reportlint-gansu"]
    shutil.rmtree(site / "reportlint-gansu-1.2.0.dist-info")  # pip uninstall
    _touch(site)
    assert not [point for point in installed_plugins("reportlint") if point.name.startswith("reportlint-")]


def test_files_saved_in_the_current_folder_do_not_list_again_but_metadata_there_is_seen(site, monkeypatch):
    """``python -m reportlint`` puts the current folder on ``sys.path``: it is keyed by the package metadata it holds."""
    monkeypatch.chdir(site)
    monkeypatch.syspath_prepend("")
    first = installed_plugins("reportlint")

    def fail(**_):
        raise AssertionError("entry points listed again")

    with monkeypatch.context() as patched:
        patched.setattr(importlib.metadata, "entry_points", fail)
        (site / "2023年度报告.txt").write_text("报告", encoding="utf-8")
        _touch(site)
        assert installed_plugins("reportlint") == first
    _install(site, "reportlint-gansu", "1.2.0", "rl_installed_gansu")
    assert [point.name for point in installed_plugins("reportlint") if point.name.startswith("reportlint-")] == ["reportlint-gansu"]
