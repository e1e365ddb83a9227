"""Command-line conventions: stdin, --force-exclude, colour, completion, Chinese usage errors, names in selections,
--fix/--diff, --show-settings, baselines with reasons, and what rules/rule/plugins print."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportlint.cli import app

DIRTY = "某镇2021年政府信息公开工作年度报告\n工作工作，全年公开信息56条,其中文件12条。\n"
REPORTLINT = [sys.executable, "-m", "reportlint"]


def invoke(*args, stdin: str | bytes | None = None):
    return CliRunner().invoke(app, [str(arg) for arg in args], input=stdin)


def lines_with_codes(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": RL" in line]


# --------------------------------------------------------------------------- standard input


def test_dash_reads_standard_input():
    result = invoke("check", "--isolated", "--select", "RL6", "-", stdin=DIRTY)
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in lines_with_codes(result.stdout)] == ["-:2:1", "-:2:15"]


def test_stdin_filename_names_the_input_and_picks_its_config(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "reportlint.toml").write_text('ignore = ["RL603"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--select", "RL6", "--stdin-filename", "reports/r.txt", "-", stdin=DIRTY)
    assert [line.split(": ")[:2] for line in lines_with_codes(result.stdout)] == [
        ["reports/r.txt:2:1", "RL601 [warning] 词语“工作”重复出现：“工作工作”，请删去多余的“工作”"]
    ]


def test_stdin_filename_decides_the_format():
    markdown = "# 某镇2021年政府信息公开工作年度报告\n\n| 项目 | 数量 |\n| --- | --- |\n| 公开 | 5 |\n"
    result = invoke("check", "--isolated", "-f", "json", "--stdin-filename", "r.md", "-", stdin=markdown)
    assert json.loads(result.stdout)["files"][0]["format"] == "markdown"


def test_fix_on_standard_input_writes_the_fixed_text_to_standard_output():
    result = invoke("check", "--isolated", "--select", "RL6", "--fix", "-", stdin=DIRTY)
    assert result.stdout == "某镇2021年政府信息公开工作年度报告\n工作，全年公开信息56条，其中文件12条。\n"
    assert result.exit_code == 0


# --------------------------------------------------------------------------- --force-exclude


def test_force_exclude_applies_exclude_to_named_files(tmp_path, monkeypatch):
    (tmp_path / "reportlint.toml").write_text('exclude = ["drafts"]\nselect = ["RL6"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text(DIRTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "drafts/d.txt").exit_code == 1  # named files are checked by default
    excluded = invoke("check", "--force-exclude", "drafts/d.txt")
    assert excluded.exit_code == 0 and "检查了 0 个文件" in excluded.stdout
    stdin = invoke("check", "--force-exclude", "--stdin-filename", "drafts/x.txt", "-", stdin=DIRTY)
    assert stdin.exit_code == 0 and "检查了 0 个文件" in stdin.stdout


# --------------------------------------------------------------------------- colour


def _on_a_terminal(arguments: list[str], environment: dict[str, str], cwd: Path) -> str:
    """Run reportlint with its standard output on a pseudo-terminal; returns what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(arguments, stdout=follower, stderr=subprocess.DEVNULL, env=environment, cwd=cwd)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


@pytest.fixture
def dirty_file(tmp_path) -> Path:
    path = tmp_path / "r.txt"
    path.write_text(DIRTY, encoding="utf-8")
    return path


def test_text_output_is_coloured_on_a_terminal_unless_no_color(dirty_file):
    environment = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    arguments = [*REPORTLINT, "check", "--isolated", "--select", "RL6", dirty_file.name]
    coloured = _on_a_terminal(arguments, environment, dirty_file.parent)
    assert "\x1b[1;33mRL601\x1b[0m" in coloured
    assert "\x1b[" not in _on_a_terminal(arguments, {**environment, "NO_COLOR": "1"}, dirty_file.parent)
    assert "\x1b[" not in _on_a_terminal([*arguments, "--no-color"], environment, dirty_file.parent)
    piped = subprocess.run(arguments, capture_output=True, text=True, env=environment, cwd=dirty_file.parent)
    assert "RL601" in piped.stdout and "\x1b[" not in piped.stdout


def test_force_color_and_no_color(dirty_file, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1;33m" in invoke("check", "--isolated", "--select", "RL6", dirty_file).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke("check", "--isolated", "--select", "RL6", dirty_file).stdout
    monkeypatch.delenv("NO_COLOR")
    sarif = invoke("check", "--isolated", "--select", "RL6", "-f", "json", dirty_file)
    assert "\x1b[" not in sarif.stdout  # only text outputs are coloured


# --------------------------------------------------------------------------- completion and usage errors


def test_shell_completion_is_available():
    help_text = invoke("--help").stdout
    assert "--install-completion" in help_text and "为当前使用的 shell 安装命令补全" in help_text
    script = invoke("--show-completion", "bash")
    assert script.exit_code == 0


def test_completion_is_installed_for_the_shell(tmp_path):
    environment = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m reportlint --install-completion"], capture_output=True, text=True, env=environment
    )
    assert result.returncode == 0, result.stderr
    assert "reportlint" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["check", "--selct", "RL6"], "reportlint: 用法错误：没有选项 --selct，您是否想写“--select”？"),
        (["chek"], "reportlint: 用法错误：没有命令 “chek”，您是否想写“check”？"),
        (["check", "-j", "x"], "reportlint: 用法错误：选项 -j/--jobs 的值无效：应为整数"),
        (["check", "-j", "0"], "reportlint: 用法错误：选项 -j/--jobs 的值无效：应不小于 1"),
        (["check", "-o"], "reportlint: 用法错误：选项 -o 后面需要一个值"),
        (["annotate"], "reportlint: 用法错误：缺少参数 FILE.DOCX"),
        (["rule", "RL601", "RL602"], "reportlint: 用法错误：多余的参数：RL602"),
    ],
)
def test_usage_errors_are_in_chinese(arguments, message):
    result = invoke(*arguments)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(message), result.stderr
    assert "查看帮助：reportlint" in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr


def test_help_shows_value_names_not_python_types():
    help_text = invoke("check", "--help").stdout
    assert "<list[str]>" not in help_text and "<path>" not in help_text
    assert "用法：reportlint check [OPTIONS] [PATH]..." in help_text and "--select CODE" in help_text
    assert "显示帮助并退出" in help_text


# --------------------------------------------------------------------------- selection by name, suggestions


def test_select_and_ignore_take_rule_names(dirty_file):
    by_name = invoke("check", "--isolated", "--select", "duplicated-word", dirty_file)
    assert [line.split(": ")[1].split()[0] for line in lines_with_codes(by_name.stdout)] == ["RL601"]
    ignored = invoke("check", "--isolated", "--select", "RL6", "--ignore", "half-width-punctuation", dirty_file)
    assert [line.split(": ")[1].split()[0] for line in lines_with_codes(ignored.stdout)] == ["RL601"]
    mistyped = invoke("check", "--isolated", "--select", "duplicatd-word", dirty_file)
    assert mistyped.exit_code == 2 and "未知的规则名称 “duplicatd-word”，您是否想写“duplicated-word”？" in mistyped.stderr


def test_did_you_mean_ranks_codes_by_edit_distance(dirty_file):
    result = invoke("check", "--isolated", "--select", "RL3O1", dirty_file)
    assert result.exit_code == 2 and "您是否想写“RL301”？" in result.stderr
    assert "您是否想写“RL301”？" in invoke("rule", "RL3O1").stderr


def test_names_in_the_config_file(tmp_path):
    (tmp_path / "reportlint.toml").write_text('select = ["duplicated-word"]\n[severity]\nduplicated-word = "error"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(DIRTY, encoding="utf-8")
    result = invoke("check", tmp_path / "r.txt")
    assert [line.split(": ")[1].split()[:2] for line in lines_with_codes(result.stdout)] == [["RL601", "[error]"]]


def test_a_config_naming_a_rule_with_a_huge_string_is_refused_with_the_name_clipped(tmp_path):
    # a damaged config (50,000 tabs inside a rule name) took minutes to refuse while suggestions were measured
    (tmp_path / "reportlint.toml").write_text('select = ["RL1' + "\t" * 50_000 + 'x"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(DIRTY, encoding="utf-8")
    result = invoke("check", tmp_path / "r.txt")
    assert result.exit_code == 2
    assert "reportlint.toml:1: 未知的规则名称 “RL1\t" in result.stderr and "…”" in result.stderr
    assert len(result.stderr) < 500


LONG_NAME = "未知" * 25_000


@pytest.mark.parametrize(
    ("files", "arguments", "shown"),
    [
        ({"reportlint.toml": f'"{LONG_NAME}" = 1\n'}, [], "未知配置项 “未知未知"),
        ({"reportlint.toml": f'[places]\n"{LONG_NAME}" = 1\n'}, [], "[places] 中的未知配置项 “未知未知"),
        ({"reportlint.toml": f'[rules."{LONG_NAME}"]\nx = 1\n'}, [], "没有名为 “未知未知"),
        ({"reportlint.toml": f'[rules.duplicated-word]\n"{LONG_NAME}" = 1\n'}, [], "没有选项 未知未知"),
        (
            {
                "reportlint.toml": 'rule-packs = ["pack.yaml"]\n',
                "pack.yaml": f"rules:\n  - {{code: GS201, name: a, type: {LONG_NAME}, message: m}}\n",
            },
            [],
            "未知的规则类型 “未知未知",
        ),
        (
            {
                "reportlint.toml": 'rule-packs = ["pack.yaml"]\n',
                "pack.yaml": f"rules:\n  - {{code: GS201, name: a, type: pattern, literal: x, message: m, ? {LONG_NAME} : 1}}\n",
            },
            [],
            "pattern 类型的规则没有 “未知未知",
        ),
        ({}, ["-f", LONG_NAME], "未知的输出格式 “未知未知"),
    ],
    ids=["config-key", "places-key", "rules-table", "rule-option", "pack-rule-type", "pack-rule-key", "output-format"],
)
def test_an_unknown_name_of_any_length_is_shown_clipped(tmp_path, files, arguments, shown):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "r.txt").write_text(DIRTY, encoding="utf-8")
    result = invoke("check", *arguments, tmp_path / "r.txt")
    assert result.exit_code == 2
    assert shown in result.stderr and "…" in result.stderr
    assert len(result.stderr) < 600


def test_rule_command_clips_an_unknown_code():
    result = invoke("rule", "RL" + "9" * 50_000)
    assert result.exit_code == 2
    assert "没有规则 “RL999" in result.stderr and "…”" in result.stderr
    assert len(result.stderr) < 300


# --------------------------------------------------------------------------- listing commands


def test_rule_prints_no_restructuredtext_markup():
    for code in ("RL601", "RL609", "RL306", "RL950"):
        text = invoke("rule", code).stdout
        assert "``" not in text and ":class:" not in text and ":mod:" not in text, code
    assert "自动修改：安全，--fix 直接修改" in invoke("rule", "RL603").stdout
    assert "自动修改：需要人工确认" in invoke("rule", "RL609").stdout


def test_rules_show_a_pack_rules_description_not_its_message_template(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "rules:\n"
        "  - {code: GS201, name: no-raw, type: substitution, pairs: {便民服务大厅: 政务服务中心}, message: '统一称“{suggestion}”，不用“{found}”'}\n"
        "  - {code: GS202, name: described, type: pattern, literal: 某某, message: '出现“{match}”', description: 不得出现占位符“某某”。}\n",
        encoding="utf-8",
    )
    (tmp_path / "reportlint.toml").write_text('rule-packs = ["pack.yaml"]\n', encoding="utf-8")
    listing = invoke("rules", "--config", tmp_path / "reportlint.toml").stdout
    [raw] = [line for line in listing.splitlines() if line.startswith("GS201")]
    [described] = [line for line in listing.splitlines() if line.startswith("GS202")]
    assert "{" not in raw and raw.endswith("统一称“…”，不用“…”")
    assert described.endswith("不得出现占位符“某某”。")
    assert "{" not in "".join(line for line in listing.splitlines() if line[:2] in ("RL", "GS"))


def test_plugins_lists_third_party_first_and_folds_builtins(tmp_path):
    plugin = tmp_path / "our_rules.py"
    plugin.write_text(
        "from reportlint import Rule, hookimpl\n\n"
        "class Local(Rule):\n"
        '    """本地规则。\n\n    反例：\n\n        x\n\n    正例：\n\n        y\n    """\n'
        '    code = "LC101"\n    name = "local-rule"\n\n'
        "    def check(self, report):\n        return ()\n\n"
        "@hookimpl\ndef reportlint_rules():\n    return [Local]\n",
        encoding="utf-8",
    )
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["our_rules.py"]\n', encoding="utf-8")
    lines = invoke("plugins", "--config", tmp_path / "reportlint.toml").stdout.splitlines()
    assert lines[0] == "第三方插件：" and lines[1].startswith("  local:our_rules.py") and lines[2] == "    规则：LC101"
    assert lines[-1].startswith("内置：reportlint") and not any("reportlint.rules.rl6_hygiene" in line for line in lines)


def test_show_settings_prints_the_effective_configuration_for_a_file(tmp_path):
    (tmp_path / "reportlint.toml").write_text(
        'ignore = ["RL603"]\n[per-file-ignores]\n"old/*" = ["RL601"]\n[subject]\n"old/*" = "秦安县兴国镇人民政府"\n', encoding="utf-8"
    )
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "r.txt").write_text(DIRTY, encoding="utf-8")
    result = invoke("check", "--show-settings", tmp_path / "old" / "r.txt")
    assert result.exit_code == 0
    output = result.stdout
    assert f"# 配置文件：{tmp_path / 'reportlint.toml'}" in output
    assert 'ignore = ["RL603"]' in output and '# 本文件的 per-file-ignores：["RL601"]' in output
    assert "# 本文件的主体（subject）：秦安县兴国镇人民政府" in output
    assert "RL601" not in output.split("启用的规则")[1].split("\n# 第三方")[0] and "RL602" in output


# --------------------------------------------------------------------------- --fix and --diff


def test_diff_shows_the_changes_and_writes_nothing(dirty_file):
    before = dirty_file.read_bytes()
    result = invoke("check", "--isolated", "--select", "RL6", "--diff", dirty_file)
    assert result.exit_code == 1
    assert f"--- a/{dirty_file}" in result.stdout and "-工作工作，全年公开信息56条,其中文件12条。" in result.stdout
    assert "+工作，全年公开信息56条，其中文件12条。" in result.stdout
    assert dirty_file.read_bytes() == before


def test_without_fix_nothing_is_written(dirty_file):
    before = dirty_file.read_bytes()
    for arguments in (["check"], ["check", "-f", "full"], ["check", "--unsafe-fixes"], ["check", "-f", "json", "--statistics"]):
        invoke(*arguments, "--isolated", dirty_file)
        assert dirty_file.read_bytes() == before


def test_fix_writes_the_file_and_reports_what_remains(dirty_file):
    dirty_file.write_text(DIRTY + "请与办公室联系（电话：12345。\n", encoding="utf-8")
    result = invoke("check", "--isolated", "--select", "RL6", "--fix", dirty_file)
    assert dirty_file.read_text(encoding="utf-8").splitlines()[1] == "工作，全年公开信息56条，其中文件12条。"
    assert [line.split(": ")[1].split()[0] for line in lines_with_codes(result.stdout)] == ["RL602"]  # not fixable: remains
    assert result.exit_code == 1 and "已修改" in result.stderr


def test_fix_writes_a_word_documents_copy_to_o(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某镇2021年政府信息公开工作年度报告")
    document.add_paragraph("全年公开公开信息56条,其中文件12条。")
    original = tmp_path / "r.docx"
    document.save(original)
    before = original.read_bytes()
    unnamed = invoke("check", "--isolated", "--select", "RL6", "--fix", original)
    assert "请用 -o 指定修改后的副本" in unnamed.stderr and original.read_bytes() == before
    copy = tmp_path / "fixed.docx"
    result = invoke("check", "--isolated", "--select", "RL6", "--fix", original, "-o", copy)
    assert result.exit_code == 0 and original.read_bytes() == before
    assert docx.Document(str(copy)).paragraphs[1].text == "全年公开信息56条，其中文件12条。"


# --------------------------------------------------------------------------- baselines with reasons


def test_baseline_reasons_are_recorded_kept_and_shown(dirty_file, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert invoke("baseline", dirty_file, "-o", baseline, "--isolated", "--reason", "历史报告，不再修改").exit_code == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert {entry["reason"] for entry in entries} == {"历史报告，不再修改"}
    entries[0]["reason"] = "引用原文"
    baseline.write_text(json.dumps({"version": 1, "tool": "reportlint", "findings": entries}, ensure_ascii=False), encoding="utf-8")
    assert invoke("baseline", dirty_file, "-o", baseline, "--isolated").exit_code == 0  # recorded again: reasons kept
    shown = invoke("baseline", "--show", baseline).stdout
    assert shown.splitlines()[0] == f"{baseline}：{len(entries)} 条记录，其中 {len(entries)} 条写明了原因"
    assert "    原因：引用原文" in shown and "    原因：历史报告，不再修改" in shown


def test_baseline_entries_no_longer_found_are_a_warning(dirty_file, tmp_path):
    baseline = tmp_path / "baseline.json"
    invoke("baseline", dirty_file, "-o", baseline, "--isolated")
    dirty_file.write_text("某镇2021年政府信息公开工作年度报告\n工作扎实。\n", encoding="utf-8")
    result = invoke("check", "--isolated", "--select", "RL6", "--baseline", baseline, dirty_file)
    assert result.exit_code == 0 and "条记录已不再出现" in result.stderr


def test_gitlab_output_is_a_code_climate_report(dirty_file):
    issues = json.loads(invoke("check", "--isolated", "--select", "RL6", "-f", "gitlab", dirty_file).stdout)
    assert [issue["check_name"] for issue in issues] == ["RL601 duplicated-word", "RL603 half-width-punctuation"]
    first = issues[0]
    assert first["severity"] == "minor" and first["location"] == {"path": str(dirty_file), "lines": {"begin": 2, "end": 2}}
    assert len({issue["fingerprint"] for issue in issues}) == 2
