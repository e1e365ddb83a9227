"""Plugins and packs that misbehave: none of them can break the run.

Each plugin is a local plugin file next to a good report; the run must complete,
report the good report's findings, and name the plugin (and its rule) in one
finding or one plugin failure.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.hostile import builders
from tests.hostile.conftest import assert_good_file_checked


def with_plugin(folder: Path, source: str, extra_config: str = "") -> Path:
    (folder / "bad_plugin.py").write_text(source, encoding="utf-8")
    (folder / "reportlint.toml").write_text(f'local-plugins = ["bad_plugin.py"]\n{extra_config}', encoding="utf-8")
    return folder


def rule_findings(run, code: str) -> list[dict]:
    return [finding for finding in run.findings("good.txt") if finding["code"] == code]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('yield "公开"', "应为 Diagnostic，实际为 str"),
        ("yield None", "应为 Diagnostic，实际为 NoneType"),
        ("yield self.diagnostic('x', 1.5, 3.0)", "位置应为整数"),
        ("yield self.diagnostic('x', -4, 2)", "不在报告文字范围"),
        ("yield self.diagnostic('x', 0, 10**9)", "不在报告文字范围"),
        ("return 42", "返回了 int"),
    ],
)
def test_rule_output_is_validated(folder, run_check, body, problem):
    run = run_check("-f", "json", str(with_plugin(folder, builders.plugin(body))))
    assert run.returncode == 1
    assert_good_file_checked(run)
    [finding] = rule_findings(run, "RL907")
    assert "插件 local:bad_plugin.py HX101（hostile-rule）" in finding["message"] and problem in finding["message"]


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("sys.exit(0)", "sys.exit(0)"),
        ("raise SystemExit(3)", "sys.exit(3)"),
        ("raise KeyboardInterrupt", "KeyboardInterrupt"),
        ("raise GeneratorExit", "GeneratorExit"),
        ("raise ValueError('坏了')", "ValueError: 坏了"),
    ],
)
def test_exits_and_interrupts_inside_check_are_contained(folder, run_check, body, said):
    run = run_check("-f", "json", str(with_plugin(folder, builders.plugin(body))))
    assert run.returncode == 1, run.stderr
    assert_good_file_checked(run)
    [finding] = rule_findings(run, "RL907")
    assert "HX101" in finding["message"] and said in finding["message"]


def test_printing_rules_keep_machine_outputs_valid(folder, run_check):
    body = 'print("调试：" + "x" * 10)\nsys.stderr.write("警告\\n")\nos.write(1, b"raw bytes on fd 1\\n")\nreturn ()'
    with_plugin(folder, builders.plugin(body))
    for output in ("json", "sarif"):
        run = run_check("-f", output, str(folder))
        assert run.returncode == 1
        json.loads(run.stdout)  # still valid
    run = run_check("-f", "json", str(folder))
    notes = rule_findings(run, "RL913")
    messages = " ".join(note["message"] for note in notes)
    assert "HX101" in messages and "调试：" in messages and "警告" in messages
    assert "raw bytes on fd 1" in messages  # written below Python's sys.stdout: caught by the worker
    assert all(note["severity"] == "info" for note in notes)


def test_a_million_findings_are_capped(folder, run_check):
    run = run_check(
        "-f", "json", str(with_plugin(folder, builders.plugin("for _ in range(1_000_000):\n    yield self.diagnostic('x', 0, 1)")))
    )
    assert run.returncode == 1
    codes = run.codes("good.txt")
    assert codes.count("HX101") == 200
    [note] = rule_findings(run, "RL914")
    assert "超过 200 个" in note["message"] and "HX101" in note["message"]
    assert run.peak_mb < 400


def test_the_findings_cap_is_configurable(folder, run_check):
    plugin = builders.plugin("for _ in range(50):\n    yield self.diagnostic('x', 0, 1)")
    run = run_check("-f", "json", str(with_plugin(folder, plugin, "max-findings-per-rule = 10\n")))
    assert run.codes("good.txt").count("HX101") == 10


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_that_hangs_is_stopped_by_the_time_budget(folder, run_check, jobs):
    with_plugin(folder, builders.plugin('if "〔触发〕" in report.text:\n    time.sleep(120)\nreturn ()'))
    (folder / "hangs.txt").write_text(builders.clean_report() + "\n〔触发〕\n", encoding="utf-8")
    started = time.monotonic()
    run = run_check("-f", "json", "--file-timeout", "2", "-j", jobs, str(folder))
    assert time.monotonic() - started < 30
    assert run.returncode == 1
    assert_good_file_checked(run)
    [finding] = run.findings("hangs.txt")
    assert finding["code"] == "RL909" and "2 秒" in finding["message"] and "规则 HX101" in finding["message"]


def test_the_time_budget_from_the_config(folder, run_check):
    with_plugin(folder, builders.plugin("time.sleep(120)\nreturn ()"), "file-timeout = 1.5\n")
    run = run_check("-f", "json", str(folder))
    [finding] = run.findings("good.txt")
    assert finding["code"] == "RL909" and "1.5 秒" in finding["message"]


def test_a_rule_that_ends_its_process(folder, run_check):
    with_plugin(folder, builders.plugin('if "〔触发〕" in report.text:\n    os._exit(3)\nreturn ()'))
    (folder / "exits.txt").write_text(builders.clean_report() + "\n〔触发〕\n", encoding="utf-8")
    run = run_check("-f", "json", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    [finding] = run.findings("exits.txt")
    assert finding["code"] == "RL915" and "退出码 3" in finding["message"] and "规则 HX101" in finding["message"]


def test_a_rule_that_crashes_its_process(folder, run_check):
    with_plugin(folder, builders.plugin('if "〔触发〕" in report.text:\n    os.kill(os.getpid(), 11)\nreturn ()'))
    (folder / "crashes.txt").write_text(builders.clean_report() + "\n〔触发〕\n", encoding="utf-8")
    run = run_check("-f", "json", str(folder))
    assert_good_file_checked(run)
    [finding] = run.findings("crashes.txt")
    assert finding["code"] == "RL915" and "SIGSEGV" in finding["message"]


def test_a_rule_that_exhausts_memory(folder, run_check):
    body = 'if "〔触发〕" in report.text:\n    hoard = [bytearray(50 * 1024 * 1024) for _ in range(100)]\nreturn ()'
    with_plugin(folder, builders.plugin(body), 'max-memory = "400MB"\n')
    (folder / "hoards.txt").write_text(builders.clean_report() + "\n〔触发〕\n", encoding="utf-8")
    for index in range(3):
        (folder / f"after{index}.txt").write_text(builders.good_report(), encoding="utf-8")
    run = run_check("-f", "json", "-j", "1", str(folder))
    assert run.returncode == 1
    assert_good_file_checked(run)
    [finding] = run.findings("hoards.txt")
    assert finding["code"] == "RL910" and "规则 HX101" in finding["message"] and "400 MB" in finding["message"]
    for index in range(3):  # a fresh worker goes on with the next files
        assert "RL301" in run.codes(f"after{index}.txt")
    assert run.peak_mb < 450


def test_a_real_ctrl_c_stops_the_run_with_130(folder, tmp_path):
    with_plugin(folder, builders.plugin("time.sleep(120)\nreturn ()"))
    for index in range(4):
        (folder / f"copy{index}.txt").write_text(builders.good_report(), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "reportlint", "check", "--no-progress", "-j", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    time.sleep(3)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    started = time.monotonic()
    _, stderr = process.communicate(timeout=20)
    assert time.monotonic() - started < 10
    assert process.returncode == 130
    assert "已中断" in stderr.decode("utf-8")


@pytest.mark.parametrize(
    ("hook", "body", "said"),
    [
        ("reportlint_rules", "return 5", "返回了 int，应返回列表"),
        ("reportlint_loaders", "return [object()]", "不能用的项"),
        ("reportlint_reporters", "raise RuntimeError('钩子坏了')", "RuntimeError: 钩子坏了"),
        ("reportlint_configure", "raise RuntimeError('配置钩子坏了')", "reportlint_configure 出错：RuntimeError: 配置钩子坏了"),
    ],
)
def test_hook_failures_name_the_plugin(folder, run_check, hook, body, said):
    run = run_check("-f", "json", str(with_plugin(folder, builders.hook_plugin(hook, body))))
    assert run.returncode == 2  # a plugin failed: the run still reports every file
    assert_good_file_checked(run)
    [failure] = run.payload["plugin_failures"]
    assert failure["plugin"] == "local:bad_plugin.py" and said in failure["message"]


def test_a_rule_whose_constructor_raises(folder, run_check):
    run = run_check("-f", "json", str(with_plugin(folder, builders.constructor_plugin())))
    assert run.returncode == 2
    assert_good_file_checked(run)
    [failure] = run.payload["plugin_failures"]
    assert "HX101" in failure["message"] and "构造失败" in failure["message"] and failure["plugin"] == "local:bad_plugin.py"


# ---------------------------------------------------------------- packs and config


def with_pack(folder: Path, pack: str) -> Path:
    (folder / "pack.yaml").write_text(pack, encoding="utf-8")
    (folder / "reportlint.toml").write_text('rule-packs = ["pack.yaml"]\n', encoding="utf-8")
    return folder


PATTERN_RULE = "rules:\n  - code: HX201\n    name: hostile-pack\n    type: {type}\n    {key}: {value}\n    message: {message}\n"


@pytest.mark.parametrize(
    ("rule_type", "key", "value", "message", "line", "said"),
    [
        ("pattern", "pattern", "公开", '"发现 {match"', 6, "消息的格式有误"),
        ("pattern", "pattern", "公开", '"发现 {match.__class__}"', 6, "占位符 {match.__class__} 不可用"),
        ("pattern", "pattern", "公开", '"{match:d}"', 6, "不能带格式说明"),
        ("vocabulary", "reject", "-0.0", "x", 5, "reject 应为文字或文字列表，实际为 -0.0"),
        ("pattern", "pattern", '"' + "(" * 200 + "a" + ")" * 200 + '"', "x", 5, "嵌套太深"),
        ("pattern", "pattern", '"a(?R)?b"', "x", 5, "递归"),
    ],
)
def test_pack_mistakes_are_config_errors_with_file_and_line(folder, run_check, rule_type, key, value, message, line, said):
    pack = PATTERN_RULE.format(type=rule_type, key=key, value=value, message=message)
    run = run_check(str(with_pack(folder, pack)))
    assert run.returncode == 2
    assert f"pack.yaml:{line}:" in run.stderr and said in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr) < 400  # a bounded message, never the whole value


def test_a_yaml_alias_bomb_is_refused_at_once(folder, run_check):
    started = time.monotonic()
    run = run_check(str(with_pack(folder, builders.alias_bomb_pack())))
    assert time.monotonic() - started < 20
    assert run.returncode == 2 and "别名炸弹" in run.stderr and len(run.stderr) < 400
    assert run.peak_mb < 400


def test_a_slow_pack_regex_stops_at_its_budget(folder, run_check):
    pack = PATTERN_RULE.format(type="pattern", key="pattern", value='"(?:\\\\p{Han}{1,40}){1,40}[a-z]"', message="x")
    started = time.monotonic()
    run = run_check("-f", "json", "--file-timeout", "15", str(with_pack(folder, pack)))
    elapsed = time.monotonic() - started
    assert run.returncode == 1
    [finding] = rule_findings(run, "RL908")
    assert "HX201" in finding["message"] and "1 秒" in finding["message"]
    assert elapsed < 12  # one budget for all of the rule's searches, not one per match


@pytest.mark.parametrize(
    ("entry", "said"), [("", "空的路径"), (".", "是一个目录"), ("missing.yaml", "不存在"), ("good.txt", "不是模板文件")]
)
def test_template_entries_must_be_template_files(folder, run_check, entry, said):
    (folder / "reportlint.toml").write_text(f'jobs = 1\ntemplates = ["{entry}"]\n', encoding="utf-8")
    run = run_check(str(folder))
    assert run.returncode == 2
    assert "reportlint.toml:2:" in run.stderr and said in run.stderr


@pytest.mark.parametrize(
    ("config", "line", "said"),
    [
        ("jobs = true\n", 1, "jobs"),
        ('file-timeout = "soon"\n', 1, "秒数"),
        ("max-memory = -5\n", 1, "大小"),
        ("\n\n[rules.no-such-rule]\nx = 1\n", 3, "no-such-rule"),
        ('select = ["RL1",\n  "XX9"]\n', 1, "XX9"),
        ("[places]\nallow = 3\n", 2, "allow"),
    ],
)
def test_config_values_are_validated_with_their_line(folder, run_check, config, line, said):
    (folder / "reportlint.toml").write_text(config, encoding="utf-8")
    run = run_check(str(folder))
    assert run.returncode == 2
    assert f"reportlint.toml:{line}:" in run.stderr and said in run.stderr
