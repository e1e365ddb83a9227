"""The built wheel contains the shipped rules and works from outside the source tree."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [built] = out.glob("reportlint-*.whl")
    return built


def test_wheel_contains_templates_packs_and_gazetteer(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "reportlint/rules_data/templates/t2019.yaml" in names
    assert "reportlint/rules_data/templates/t2021.yaml" in names
    assert "reportlint/places/data/divisions.tsv" in names
    assert {"reportlint/output/review.css", "reportlint/output/review.js"} <= set(names), "the review page's style and script"
    assert any(name.endswith("entry_points.txt") for name in names)


def test_cli_from_the_installed_wheel(wheel, tmp_path):
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin" / "python"
    # The wheel's dependencies come from the test environment (offline, fast); its .pth files
    # are not processed there, so the editable source tree stays out of sys.path.
    [venv_site] = (environment / "lib").glob("python3*/site-packages")
    (venv_site / "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    where = subprocess.run(
        [str(python), "-c", "import reportlint, sys; print(reportlint.__file__)"], capture_output=True, text=True, cwd=tmp_path
    )
    assert str(environment) in where.stdout
    report = tmp_path / "r.txt"
    report.write_text("某镇2021年政府信息公开工作年度报告\n工作工作。\n", encoding="utf-8")
    check = subprocess.run(
        [str(environment / "bin" / "reportlint"), "check", "--select", "RL601,RL101", str(report)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert check.returncode == 1
    assert "RL601" in check.stdout and "缺少第一部分" in check.stdout
    parse = subprocess.run([str(environment / "bin" / "reportlint"), "parse", str(report)], capture_output=True, text=True, cwd=tmp_path)
    assert parse.returncode == 0 and "T2021" in parse.stdout
    page = tmp_path / "page.html"
    review = subprocess.run(
        [str(environment / "bin" / "reportlint"), "check", "--select", "RL601", "-f", "html", "-o", str(page), str(report)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert review.returncode == 1, review.stderr
    assert "function sortBy" in page.read_text(encoding="utf-8") and "@media print" in page.read_text(encoding="utf-8")
