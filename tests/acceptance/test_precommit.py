"""The pre-commit hook, tried from this repository in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def work_repo(tmp_path):
    if shutil.which("git") is None or shutil.which("pre-commit") is None:
        pytest.skip("git and pre-commit are needed for the try-repo test")
    repo = tmp_path / "reports"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    git("config", "user.email", "ci@example.org", cwd=repo)
    git("config", "user.name", "ci", cwd=repo)
    return repo


def try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    environment.pop("REPORTLINT_DISABLE_PLUGIN_AUTOLOAD", None)
    return subprocess.run(
        ["pre-commit", "try-repo", str(REPO), "reportlint", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        env=environment,
    )


def test_hook_fails_on_a_bad_report_and_passes_on_a_clean_one(work_repo):
    (work_repo / "reportlint.toml").write_text('select = ["RL6"]\n', encoding="utf-8")
    (work_repo / "bad.txt").write_text("某镇2021年政府信息公开工作年度报告\n工作工作（未闭合\n", encoding="utf-8")
    (work_repo / "good.txt").write_text("某镇2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。\n", encoding="utf-8")
    git("add", ".", cwd=work_repo)
    bad = try_repo(work_repo, "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.txt:2:1: RL601" in bad.stdout
    good = try_repo(work_repo, "good.txt")
    assert good.returncode == 0, good.stdout + good.stderr
