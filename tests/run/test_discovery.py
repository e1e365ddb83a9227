"""Discovery: a walked folder's files are shown and told apart exactly as each path is on its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportlint.run.config import ConfigResolver
from reportlint.run.discovery import _Folder, _identity, _shown, discover
from reportlint.run.options import RunOptions


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Reports in nested folders, a file whose name starts with "..", a link to another folder's report, a draft to exclude."""
    root = tmp_path / "reports"
    (root / "乡镇" / "2024").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / "a.txt").write_text("甲", encoding="utf-8")
    (root / "..b.txt").write_text("乙", encoding="utf-8")
    (root / "乡镇" / "c.txt").write_text("丙", encoding="utf-8")
    (root / "乡镇" / "2024" / "d.docx").write_bytes(b"PK")
    (root / "乡镇" / "2024" / "notes.csv").write_text("x", encoding="utf-8")
    (root / "drafts" / "e.txt").write_text("丁", encoding="utf-8")
    (root / "drafts" / "keep.md").write_text("戊", encoding="utf-8")
    (root / "乡镇" / "link.txt").symlink_to(root / "a.txt")  # the same file as a.txt: checked once
    (root / "reportlint.toml").write_text('exclude = ["drafts/*.txt"]\n', encoding="utf-8")
    return root


def _walk(given: str) -> tuple[list[str], list[tuple[str, str]]]:
    found = discover([given], ConfigResolver(RunOptions()))
    return [entry.display for entry in found.entries], [(skipped.path, skipped.reason) for skipped in found.skipped]


@pytest.mark.parametrize("where", ["root", "above", "inside", "absolute"])
def test_a_folder_shows_and_identifies_its_files_as_each_path_alone(tree: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    cwd, top = {
        "root": (tree, "."),
        "above": (tree.parent, "reports"),
        "inside": (tree / "乡镇", ".."),
        "absolute": (tree / "乡镇", str(tree)),
    }[where]
    monkeypatch.chdir(cwd)
    resolver = ConfigResolver(RunOptions())
    compared = 0
    for root, _, files in os.walk(top):
        folder = _Folder(resolver, Path(root))
        for name in files:
            candidate = Path(root) / name
            assert folder.shown(candidate, name) == _shown(candidate)
            assert folder.identity(candidate, name) == _identity(candidate)
            compared += 1
    assert compared == 9


@pytest.mark.parametrize("where", ["root", "above", "inside"])
def test_walked_files_in_order_deduplicated_and_excluded(tree: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    cwd, given = {"root": (tree, "."), "above": (tree.parent, "reports"), "inside": (tree / "乡镇", "..")}[where]
    monkeypatch.chdir(cwd)
    displays, skipped = _walk(given)
    assert (
        displays
        == {
            "root": ["..b.txt", "a.txt", "drafts/keep.md", "乡镇/c.txt", "乡镇/2024/d.docx"],
            "above": ["reports/..b.txt", "reports/a.txt", "reports/drafts/keep.md", "reports/乡镇/c.txt", "reports/乡镇/2024/d.docx"],
            # outside the current directory: shown as given
            "inside": ["../..b.txt", "../a.txt", "../drafts/keep.md", "c.txt", "2024/d.docx"],
        }[where]
    )
    # link.txt is a.txt (checked once); the draft is excluded by the folder's configuration
    assert [reason for path, reason in skipped if path.endswith("e.txt")] == ["被配置项 exclude 排除"]
    assert [reason for path, reason in skipped if path.endswith("notes.csv")] == ["不是报告文件格式（.csv）"]


def test_a_link_to_a_file_outside_the_walk_is_checked(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tree.parent / "outside.txt"
    outside.write_text("己", encoding="utf-8")
    (tree / "乡镇" / "link.txt").unlink()
    (tree / "乡镇" / "link.txt").symlink_to(outside)
    monkeypatch.chdir(tree)
    displays, _ = _walk(".")
    assert displays == ["..b.txt", "a.txt", "drafts/keep.md", "乡镇/c.txt", "乡镇/link.txt", "乡镇/2024/d.docx"]


def test_a_symlink_loop_is_checked_as_its_own_file_when_the_folder_excludes_files(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tree / "loop.txt").symlink_to("loop.txt")  # matching it against exclude resolves it: a loop
    monkeypatch.chdir(tree)
    displays, skipped = _walk(".")
    assert "loop.txt" in displays  # listed: the check says it cannot be read (RL901), the run goes on
    assert [reason for path, reason in skipped if path.endswith("e.txt")] == ["被配置项 exclude 排除"]
