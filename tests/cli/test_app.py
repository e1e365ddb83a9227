"""The command line: every command, exit codes, output routing, bad input."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from reportlint import __version__
from reportlint.cli import app

runner = CliRunner()

CLEAN = "某镇2021年政府信息公开工作年度报告\n"
DIRTY = "某镇2021年政府信息公开工作年度报告\n工作工作（未闭合\n"


def invoke(*args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture
def reports(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def test_seeds_acceptance_findings_and_exit_code(seed):
    result = invoke("check", "--select", "RL114,RL602", seed("000"), seed("002"), seed("003"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(
        line.endswith("000_f38a3ddaa1733757.txt:5:22: RL114 [error] 标题中“公开”重复：“公开 公开”，请删去多余的“公开”") for line in lines
    )
    assert any("002_c7cdc2898a3fcd12.txt:97:28: RL602" in line and "》" in line for line in lines)
    assert any("003_9adbf800e6ecf4be.txt:2:273: RL602" in line and "（" in line for line in lines)


def test_exit_codes(reports):
    assert invoke("check", "--select", "RL6", reports / "clean.txt").exit_code == 0
    assert invoke("check", "--select", "RL6", reports / "dirty.txt").exit_code == 1
    assert invoke("check", "--select", "RL6", "--exit-zero", reports / "dirty.txt").exit_code == 0
    assert invoke("check", "--select", "RL6", "--fail-on", "error", reports / "dirty.txt").exit_code == 0
    assert invoke("check", "--select", "RL6", "--fail-on", "nonsense", reports / "dirty.txt").exit_code == 2
    assert invoke("check", "--output-format", "yaml", reports).exit_code == 2


def test_summary_and_statistics(reports):
    result = invoke("check", "--select", "RL6", "--statistics", reports)
    lines = result.output.splitlines()
    assert lines[-10:] == [
        "",
        "按规则统计：",
        "    1  RL601   duplicated-word",
        "    1  RL602   unbalanced-brackets",
        "",
        "按类别统计：",
        "    2  RL6 文字规范",
        "",
        "至少有一处错误的报告：0 / 2 份（0%）",
        "检查了 2 个文件，其中 1 个有问题，共 2 处（警告 2）。",
    ]
    assert any("dirty.txt:2:1: RL601" in line for line in lines)
    quiet = invoke("check", "--select", "RL6", "--quiet", reports)
    assert "检查了" not in quiet.output and "RL601" in quiet.output


def test_quiet_statistics_prints_only_the_statistics(reports):
    (reports / "broken.txt").write_text("某镇2021年政府信息公开公开工作年度报告\n", encoding="utf-8")
    for fmt in ("text", "full"):
        result = invoke("check", "--select", "RL6,RL114", "-q", "--statistics", "-f", fmt, reports)
        assert result.exit_code == 1
        assert result.output.splitlines() == [
            "按规则统计：",
            "    1  RL114   title-duplicated-word",
            "    1  RL601   duplicated-word",
            "    1  RL602   unbalanced-brackets",
            "",
            "按类别统计：",
            "    1  RL1 结构与标题",
            "    2  RL6 文字规范",
            "",
            "至少有一处错误的报告：1 / 3 份（33%）",
        ]


def test_spreadsheet_outputs_to_files_and_pipes(reports, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    xlsx, csv_file = tmp_path / "out.xlsx", tmp_path / "out.csv"
    result = invoke("check", "--select", "RL6", "-f", "xlsx", "-o", xlsx, "-f", "csv", "-o", csv_file, "-f", "text", reports)
    assert result.exit_code == 1 and "RL601" in result.output
    book = openpyxl.load_workbook(xlsx)
    assert [row[0] for row in book["报告"].iter_rows(min_row=2, values_only=True)] == [
        str(reports / "dirty.txt"),
        str(reports / "clean.txt"),
    ]
    assert csv_file.read_bytes().startswith("\ufeff文件,主体,年度,代码".encode())
    piped = invoke("check", "--select", "RL6", "-f", "csv", reports)
    assert piped.stdout_bytes.startswith(b"\xef\xbb\xbf"), "a pipe gets the bytes a file gets"


def test_xlsx_is_refused_on_a_terminal(reports):
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "reportlint", "check", "--select", "RL6", "-f", "xlsx", str(reports)],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert process.returncode == 2
    assert "xlsx 是二进制格式，不能输出到终端：请用 -o 指定文件" in process.stderr.decode("utf-8")


def test_xlsx_without_openpyxl_is_a_clear_error_before_the_run(reports, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = invoke("check", "-f", "xlsx", "-o", reports / "out.xlsx", reports)
    assert result.exit_code == 2
    assert "pip install 'reportlint[xlsx]'" in result.output
    assert not (reports / "out.xlsx").exists()


def test_several_outputs_each_to_its_own_file(reports, tmp_path):
    sarif_path = tmp_path / "out.sarif"
    json_path = tmp_path / "out.json"
    result = invoke("check", "--select", "RL6", "-f", "sarif", "-o", sarif_path, "-f", "json", "-o", json_path, "-f", "text", reports)
    assert result.exit_code == 1
    assert "RL601" in result.output
    assert json.loads(sarif_path.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert json.loads(json_path.read_text(encoding="utf-8"))["summary"]["diagnostics"] == 2
    two_to_stdout = invoke("check", "-f", "json", "-f", "text", reports)
    assert two_to_stdout.exit_code == 2 and "-o" in two_to_stdout.output


def test_bad_inputs_never_traceback_and_the_run_goes_on(tmp_path):
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    result = invoke(
        "check", "--select", "RL6,RL9", tmp_path / "junk.txt", tmp_path / "old.docx", tmp_path / "missing.txt", tmp_path / "good.txt"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    output = result.output
    assert "junk.txt:1:1: RL902" in output
    assert "old.docx:1:1: RL902" in output and "另存为 .docx" in output
    assert "missing.txt:1:1: RL901" in output
    assert "good.txt:2:1: RL601" in output


def test_config_with_unknown_key_exits_2_naming_key_and_file(reports):
    (reports / "reportlint.toml").write_text("fail_on = 'error'\n", encoding="utf-8")
    result = invoke("check", reports)
    assert result.exit_code == 2
    assert "fail_on" in result.output and "reportlint.toml" in result.output and "fail-on" in result.output


def test_isolated_ignores_config(reports):
    (reports / "reportlint.toml").write_text("nonsense = 1\n", encoding="utf-8")
    assert invoke("check", "--isolated", "--select", "RL6", reports / "clean.txt").exit_code == 0


def test_rules_lists_every_family_with_origin():
    result = invoke("rules")
    assert result.exit_code == 0
    for family in ("RL1", "RL2", "RL3", "RL6", "RL9"):
        assert any(line.startswith(family) for line in result.output.splitlines())
    line = next(line for line in result.output.splitlines() if line.startswith("RL601"))
    assert "duplicated-word" in line and "warning" in line and "builtin" in line
    payload = json.loads(invoke("rules", "--format", "json").output)
    assert {"code", "name", "severity", "origin", "summary", "options"} <= set(payload[0])


def test_rule_prints_documentation_with_examples():
    result = invoke("rule", "RL601")
    assert result.exit_code == 0
    assert "RL601 (duplicated-word)" in result.output
    assert "反例" in result.output and "正例" in result.output and "allow" in result.output
    unknown = invoke("rule", "RL6011")
    assert unknown.exit_code == 2 and "RL601" in unknown.output


def test_parse_text_and_json(seed):
    text = invoke("parse", seed("002"))
    assert text.exit_code == 0 and "T2021" in text.output and "二十里店镇" in text.output
    data = json.loads(invoke("parse", "--json", seed("002")).output)
    assert data["year"] == 2021 and data["detected_template"] == "T2021"
    assert [section["id"] for section in data["sections"]] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert data["blocks"] and data["blocks"][0]["location"]["line"] >= 1


def test_plugins_version_and_init(tmp_path, monkeypatch):
    listing = invoke("plugins")
    assert listing.exit_code == 0 and "reportlint.rules.rl6_hygiene" not in listing.output  # built-ins folded
    assert listing.output.startswith("第三方插件：无") and f"内置：reportlint {__version__}" in listing.output
    assert "reportlint.rules.rl6_hygiene" in invoke("plugins", "-v").output
    assert invoke("--version").output.strip() == f"reportlint {__version__}"
    monkeypatch.chdir(tmp_path)
    assert invoke("init").exit_code == 0
    assert (tmp_path / "reportlint.toml").read_text(encoding="utf-8").startswith("# reportlint")
    assert invoke("init").exit_code == 2


def test_baseline_suppresses_recorded_findings_only(reports, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert invoke("baseline", "--select", "RL6", reports, "-o", baseline).exit_code == 2  # baseline has no --select
    assert invoke("baseline", reports / "dirty.txt", "-o", baseline).exit_code == 0
    assert invoke("check", "--select", "RL6", "--baseline", baseline, reports / "dirty.txt").exit_code == 0
    (reports / "dirty.txt").write_text("新增一行。\n" + DIRTY + "公开公开。\n", encoding="utf-8")
    result = invoke("check", "--select", "RL6", "--baseline", baseline, reports / "dirty.txt")
    assert result.exit_code == 1
    assert [line.split(": ")[1].split()[0] for line in result.output.splitlines() if ": RL" in line] == ["RL601"]
    assert ":4:1:" in result.output


def test_parse_reports_an_unreadable_file_as_check_does_and_exits_1(tmp_path):
    missing = invoke("parse", tmp_path / "missing.txt")
    assert missing.exit_code == 1 and missing.output == f"{tmp_path / 'missing.txt'}:1:1: RL901 [error] 文件不存在\n"
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    renamed = invoke("parse", "--json", tmp_path / "old.docx")
    assert renamed.exit_code == 1 and "old.docx:1:1: RL902 [error]" in renamed.output and "另存为 .docx" in renamed.output
    assert "Traceback" not in missing.output + renamed.output


def test_parse_with_a_bad_config_is_a_config_error(tmp_path):
    (tmp_path / "reportlint.toml").write_text("nonsense = 1\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(CLEAN, encoding="utf-8")
    result = invoke("parse", tmp_path / "r.txt")
    assert result.exit_code == 2 and "nonsense" in result.output


def test_init_writes_the_starter_config_shipped_with_the_cli(tmp_path, monkeypatch):
    from importlib.resources import files

    from reportlint.core.config import parse_config

    monkeypatch.chdir(tmp_path)
    starter = files("reportlint.cli").joinpath("starter.toml").read_text(encoding="utf-8")
    assert invoke("init").output == "已生成 reportlint.toml\n"
    written = (tmp_path / "reportlint.toml").read_text(encoding="utf-8")
    assert written == starter
    import tomllib

    config = parse_config(tomllib.loads(written), tmp_path / "reportlint.toml")  # the starter is a valid config
    assert config.select == ("ALL",) and config.fail_on.label == "warning" and config.exclude == ("drafts/**",)
    (tmp_path / "reportlint.toml").write_text("select = []\n", encoding="utf-8")
    assert invoke("init", "--force").exit_code == 0 and (tmp_path / "reportlint.toml").read_text(encoding="utf-8") == starter
    assert invoke("init", "--path", "custom.toml").exit_code == 0 and (tmp_path / "custom.toml").read_text(encoding="utf-8") == starter
