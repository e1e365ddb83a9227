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
    selection = ["--files", *files] if files else ["--all-files"]
    return subprocess.run(
        ["pre-commit", "try-repo", str(REPO), "reportlint", *selection, "--verbose"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=environment,
    )


BAD = "某镇2021年政府信息公开工作年度报告\n工作工作（未闭合\n"
GOOD = "某镇2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。\n"


def test_hook_fails_on_a_bad_report_and_passes_on_a_clean_one(work_repo):
    (work_repo / "reportlint.toml").write_text('select = ["RL6"]\n', encoding="utf-8")
    (work_repo / "reports").mkdir()
    (work_repo / "reports" / "bad.txt").write_text(BAD, encoding="utf-8")
    (work_repo / "reports" / "good.txt").write_text(GOOD, encoding="utf-8")
    git("add", ".", cwd=work_repo)
    bad = try_repo(work_repo, "reports/bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "reports/bad.txt:2:1: RL601" in bad.stdout
    good = try_repo(work_repo, "reports/good.txt")
    assert good.returncode == 0, good.stdout + good.stderr


def test_hook_checks_only_reports_and_honours_exclude_for_staged_files(work_repo):
    """A normal repository: README.md and requirements.txt are not reports; drafts are excluded by the config."""
    (work_repo / "reportlint.toml").write_text('select = ["RL6"]\nexclude = ["年度报告/草稿"]\n', encoding="utf-8")
    (work_repo / "README.md").write_text("# 我们的报告\n\n工作工作（这不是报告，不应检查\n", encoding="utf-8")
    (work_repo / "requirements.txt").write_text("reportlint==0.2.0\n", encoding="utf-8")
    (work_repo / "年度报告" / "草稿").mkdir(parents=True)
    (work_repo / "年度报告" / "草稿" / "draft.txt").write_text(BAD, encoding="utf-8")
    (work_repo / "年度报告" / "2021.txt").write_text(GOOD, encoding="utf-8")
    git("add", ".", cwd=work_repo)
    clean = try_repo(work_repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "README.md" not in clean.stdout and "draft.txt" not in clean.stdout and "requirements" not in clean.stdout
    assert "检查了 1 个文件" in clean.stdout  # 年度报告/2021.txt only
    (work_repo / "年度报告" / "2022.txt").write_text(BAD, encoding="utf-8")
    git("add", ".", cwd=work_repo)
    dirty = try_repo(work_repo)
    assert dirty.returncode == 1, dirty.stdout + dirty.stderr
    assert "年度报告/2022.txt:2:1: RL601" in dirty.stdout and "draft.txt" not in dirty.stdout
