"""The example plugin in a fresh virtual environment: entry points only, its own tests, and gone after uninstall.

The plugin is installed only in that environment, never in the test environment itself, so the
rest of the suite (and ``reportlint check examples/``) sees reportlint alone.
"""

from __future__ import annotations

import os
import site
import subprocess
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PLUGIN = REPO / "plugins" / "reportlint-province-example"


@pytest.fixture(scope="module")
def environment(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("plugin-venv")
    venv.EnvBuilder(with_pip=True).create(root)
    [venv_site] = (root / "lib").glob("python3*/site-packages")
    # Dependencies come from the test environment, offline; reportlint itself is installed below.
    (venv_site / "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    pip = [str(root / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    for target in (REPO, PLUGIN):
        result = subprocess.run([*pip, str(target)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    return root


def reportlint(environment: Path, *args: str) -> subprocess.CompletedProcess:
    variables = {key: value for key, value in os.environ.items() if key != "REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"}
    return subprocess.run([str(environment / "bin" / "reportlint"), *args], capture_output=True, text=True, cwd=environment, env=variables)


def test_plugin_rules_pack_and_template_work_through_entry_points(environment):
    listing = reportlint(environment, "rules").stdout
    assert "XS101" in listing and "plugin:province_example" in listing
    assert "XS201" in listing and "pack:province.yaml" in listing
    fixture = PLUGIN / "tests" / "fixtures" / "township-2021.txt"
    report = environment / "report.txt"
    report.write_text(
        "\n".join(line for line in fixture.read_text(encoding="utf-8").splitlines() if not line.startswith("#!")) + "\n", encoding="utf-8"
    )
    check = reportlint(environment, "check", "--select", "XS,RL309", str(report))
    codes = sorted(line.split(": ")[1].split()[0] for line in check.stdout.splitlines() if ": " in line and "[" in line)
    assert codes == ["RL309", "XS101", "XS201", "XS202"]
    parse = reportlint(environment, "parse", str(report)).stdout
    assert "enterprise_docs" in parse
    assert "province_example" in reportlint(environment, "plugins").stdout


def test_the_plugins_own_tests_pass_where_it_is_installed(environment):
    variables = {key: value for key, value in os.environ.items() if key != "REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"}
    result = subprocess.run(
        [str(environment / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PLUGIN / "tests")],
        capture_output=True,
        text=True,
        cwd=PLUGIN,
        env=variables,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def _province_report(subject_title: str) -> str:
    """A 2021 township report carrying what each of the plugin's checks looks for."""
    from reportlint.testing.reports import SUBJECTS, SampleReport, render

    report = SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=5).with_title(f"{subject_title}2021年政府信息公开工作年度报告")
    text = render(report, "tabs")
    lines = text.splitlines()
    row = next(index for index, line in enumerate(lines) if line.startswith("行政规范性文件\t"))
    lines.insert(row + 1, "其中：涉企行政规范性文件\t9\t0\t99")  # the extension's row, breaking its relation
    lines.insert(2, "如对本报告有疑问，请在便民服务大厅咨询（电话：0938-6521510）。")  # XS101, XS202; no XS201 citation
    return "\n".join(lines) + "\n"


def _findings(environment: Path, report: Path, *, plugins: bool) -> list[tuple]:
    variables = {key: value for key, value in os.environ.items() if key != "REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"}
    if not plugins:
        variables["REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    result = subprocess.run(
        [str(environment / "bin" / "reportlint"), "check", "--isolated", "-f", "json", str(report)],
        capture_output=True,
        text=True,
        cwd=environment,
        env=variables,
    )
    assert result.returncode in (0, 1), result.stderr
    import json

    return [
        (item["code"], item["message"], item["location"]["line"], item["location"]["column"])
        for item in json.loads(result.stdout)["files"][0]["diagnostics"]
    ]


def test_installing_the_plugin_leaves_another_provinces_report_unchanged(environment):
    """A report of 甘肃省秦安县陇城镇 gets exactly the same findings with the 示例省 plugin installed as without it."""
    report = environment / "gansu.txt"
    report.write_text(_province_report("秦安县陇城镇"), encoding="utf-8")
    with_plugin = _findings(environment, report, plugins=True)
    assert with_plugin == _findings(environment, report, plugins=False)
    assert not [finding for finding in with_plugin if finding[0].startswith("XS") or finding[0] == "RL309"]


def test_the_plugin_still_checks_reports_it_cannot_place(environment):
    """The same report from the plugin's own (fictional) province, which the gazetteer cannot place: every check applies."""
    report = environment / "province.txt"
    report.write_text(_province_report("示例县某镇"), encoding="utf-8")
    codes = {finding[0] for finding in _findings(environment, report, plugins=True)}
    assert {"XS101", "XS201", "XS202", "RL309"} <= codes


def test_uninstalling_removes_the_rules(environment):  # last: the other tests need the plugin installed
    subprocess.run(
        [str(environment / "bin" / "python"), "-m", "pip", "uninstall", "-y", "reportlint-province-example"],
        check=True,
        capture_output=True,
    )
    listing = reportlint(environment, "rules").stdout
    assert "RL601" in listing and "XS101" not in listing and "XS201" not in listing


def test_plugin_documentation_examples_run(monkeypatch):
    """Each of the plugin's rules reports its 反例 and not its 正例, spliced into a sample report (reportlint.testing)."""
    from importlib import import_module
    from importlib.resources import files

    from reportlint.testing import check_rule_examples, pack_rules

    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    plugin = import_module("reportlint_province_example")
    # The rules apply to 示例省's reports only: the sample report is pinned to a body of the (fictional) province.
    own_province = {"subject": {"*": "示例县某镇人民政府"}}
    check_rule_examples(plugin.ContactPhoneAreaCode, config=own_province)
    for rule in pack_rules(str(files("reportlint_province_example") / "rules" / "province.yaml")):
        check_rule_examples(rule, config=own_province)
