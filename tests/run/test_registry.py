"""The plugin host: entry points loaded one by one, failures isolated and named."""

from __future__ import annotations

import sys
import textwrap

import pytest
from typer.testing import CliRunner

from reportlint.cli import app
from reportlint.core.config import Config, ConfigError
from reportlint.run import registry as plugins
from reportlint.run.installed import InstalledPlugin
from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths

REPORT = "某镇2021年政府信息公开工作年度报告\n一、总体情况\n工作工作。\n"

GOOD_PLUGIN = '''
import re
from reportlint import Rule, hookimpl

class NoPlaceholder(Rule):
    """模板占位符（××、XX镇）未替换。

    反例：

        ××镇2021年政府信息公开工作年度报告

    正例：

        某镇2021年政府信息公开工作年度报告
    """
    code = "GS101"
    name = "no-placeholder"
    severity = "warning"

    def check(self, report):
        for m in re.finditer(r"××|XX镇", report.text):
            yield self.diagnostic("模板占位符未替换：" + m.group(), start=m.start(), end=m.end())

@hookimpl
def reportlint_rules():
    return [NoPlaceholder]
'''

RAISING_PLUGIN = '''
from reportlint import Rule, hookimpl

class Exploding(Rule):
    """总是出错的规则（测试用）。

    反例：

        任何报告

    正例：

        无
    """
    code = "BAD101"
    name = "exploding"

    def check(self, report):
        raise KeyError("缺少字段")

@hookimpl
def reportlint_rules():
    return [Exploding]
'''


@pytest.fixture
def plugin_env(tmp_path, monkeypatch):
    """Write plugin modules and expose them as entry points of the ``reportlint`` group."""
    monkeypatch.delenv("REPORTLINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.setattr(plugins, "_REGISTRIES", {})
    monkeypatch.syspath_prepend(str(tmp_path))
    entry_points: list[InstalledPlugin] = []

    def add(name: str, source: str) -> None:
        module = f"rl_test_{name}"
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        sys.modules.pop(module, None)
        entry_points.append(InstalledPlugin(name, module, "", "reportlint"))

    monkeypatch.setattr(plugins, "installed_plugins", lambda group: tuple(ep for ep in entry_points if ep.group == group))
    return add


def _report(tmp_path, text=REPORT):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_plugin_rule_runs_with_builtin_origin_recorded(plugin_env, tmp_path):
    plugin_env("gansu", GOOD_PLUGIN)
    run = lint_paths([str(_report(tmp_path, "××镇" + REPORT))], RunOptions(select=("GS", "RL601")))
    codes = [d.code for d in run.diagnostics]
    assert codes.count("GS101") == 1 and "RL601" in codes
    gs = next(d for d in run.diagnostics if d.code == "GS101")
    assert gs.origin == "plugin:gansu" and gs.location.line == 1 and gs.location.column == 1


def test_plugin_that_fails_to_import_is_named_and_others_still_run(plugin_env, tmp_path):
    plugin_env("broken", "raise ImportError('依赖缺失')\n")
    plugin_env("gansu", GOOD_PLUGIN)
    run = lint_paths([str(_report(tmp_path, "××镇" + REPORT))], RunOptions(select=("GS", "RL601")))
    assert [failure.plugin for failure in run.failures] == ["broken"]
    assert "依赖缺失" in run.failures[0].message
    assert {d.code for d in run.diagnostics} == {"GS101", "RL601"}


def test_cli_reports_import_failure_on_stderr_and_exits_2(plugin_env, tmp_path):
    plugin_env("broken", "raise ImportError('依赖缺失')\n")
    result = CliRunner().invoke(app, ["check", "--select", "RL601", str(_report(tmp_path))])
    assert result.exit_code == 2
    assert "插件 broken" in result.output and "RL601" in result.output


def test_rule_that_raises_becomes_rl907_and_other_rules_report(plugin_env, tmp_path):
    plugin_env("bad", RAISING_PLUGIN)
    run = lint_paths([str(_report(tmp_path))], RunOptions(select=("BAD", "RL601", "RL907")))
    codes = sorted(d.code for d in run.diagnostics)
    assert codes == ["RL601", "RL907"]
    failure = next(d for d in run.diagnostics if d.code == "RL907")
    assert "插件 bad" in failure.message and "BAD101" in failure.message and "KeyError" in failure.message


def test_autoload_can_be_disabled(plugin_env, tmp_path, monkeypatch):
    plugin_env("gansu", GOOD_PLUGIN)
    monkeypatch.setenv("REPORTLINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    run = lint_paths([str(_report(tmp_path, "××镇" + REPORT))])
    assert "GS101" not in {d.code for d in run.diagnostics}


def test_plugin_can_be_disabled_in_config(plugin_env, tmp_path):
    plugin_env("gansu", GOOD_PLUGIN)
    (tmp_path / "reportlint.toml").write_text("[plugins]\ngansu = false\n", encoding="utf-8")
    run = lint_paths([str(_report(tmp_path, "××镇" + REPORT))])
    assert "GS101" not in {d.code for d in run.diagnostics}


def test_code_prefix_collision_between_plugins_is_rejected(plugin_env, tmp_path):
    plugin_env("gansu", GOOD_PLUGIN)
    plugin_env("other", GOOD_PLUGIN.replace("GS101", "GS102").replace("no-placeholder", "other-rule"))
    with pytest.raises(ConfigError) as error:
        lint_paths([str(_report(tmp_path))])
    assert "前缀 GS" in str(error.value) and "gansu" in str(error.value) and "other" in str(error.value)


def test_plugins_may_not_use_the_builtin_prefix(plugin_env, tmp_path):
    plugin_env("sneaky", GOOD_PLUGIN.replace("GS101", "RL999"))
    with pytest.raises(ConfigError) as error:
        lint_paths([str(_report(tmp_path))])
    assert "RL999" in str(error.value) and "保留" in str(error.value)


def test_required_plugin_missing_is_a_config_error(plugin_env, tmp_path):
    (tmp_path / "reportlint.toml").write_text('require-plugins = ["gansu"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        lint_paths([str(_report(tmp_path))])
    assert "gansu" in str(error.value)


def test_local_plugin_file_from_config(tmp_path, monkeypatch):
    monkeypatch.setattr(plugins, "_REGISTRIES", {})
    (tmp_path / "rules_local.py").write_text(textwrap.dedent(GOOD_PLUGIN), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["rules_local.py"]\n', encoding="utf-8")
    run = lint_paths([str(_report(tmp_path, "XX镇" + REPORT))], RunOptions(select=("GS",)))
    assert [d.code for d in run.diagnostics] == ["GS101"]
    assert run.diagnostics[0].origin == "plugin:local:rules_local.py"


def test_a_local_plugin_runs_its_current_source_and_leaves_no_bytecode_beside_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as on a user's machine
    plugin = tmp_path / "rules_local.py"
    plugin.write_text(textwrap.dedent(GOOD_PLUGIN), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["rules_local.py"]\n', encoding="utf-8")
    report = _report(tmp_path, "XX镇" + REPORT)
    first = lint_paths([str(report)], RunOptions(select=("GS",)))
    # the same size, within the same second: a bytecode cache keyed on size and mtime would run the old code
    plugin.write_text(textwrap.dedent(GOOD_PLUGIN).replace("未替换：", "没替换："), encoding="utf-8")
    monkeypatch.setattr(plugins, "_REGISTRIES", {})
    second = lint_paths([str(report)], RunOptions(select=("GS",)))
    assert [d.message for d in first.diagnostics] == ["模板占位符未替换：XX镇"]
    assert [d.message for d in second.diagnostics] == ["模板占位符没替换：XX镇"]
    assert not (tmp_path / "__pycache__").exists()


CONFIGURE_PLUGIN = """
from reportlint import hookimpl

SEEN = []

@hookimpl
def reportlint_configure(config, rules):
    SEEN.append((config.path, tuple(rule.code for rule in rules)))
"""

CONFIG_ONLY_PLUGIN = """
from reportlint import ConfigError, hookimpl

CALLS = []

@hookimpl
def reportlint_configure(config):
    CALLS.append(config.fail_on.label)
    if config.fail_on.label == "info":
        raise ConfigError("本插件不支持 fail-on = info")
"""


def test_configure_receives_the_selected_rule_classes(plugin_env, tmp_path):
    plugin_env("watcher", CONFIGURE_PLUGIN)
    (tmp_path / "reportlint.toml").write_text('select = ["RL6"]\nignore = ["RL603", "RL62"]\n', encoding="utf-8")
    lint_paths([str(_report(tmp_path))])
    [(path, codes)] = sys.modules["rl_test_watcher"].SEEN
    assert path == tmp_path / "reportlint.toml"
    builtin = [rule.code for rule in plugins.registry_for(Config()).rules]
    expected = [code for code in builtin if code.startswith("RL6") and code != "RL603" and not code.startswith("RL62")]
    assert sorted(codes) == sorted(expected) and "RL601" in codes and "RL603" not in codes and "RL620" not in codes


def test_configure_with_only_config_still_works_and_can_reject_it(plugin_env, tmp_path):
    plugin_env("legacy", CONFIG_ONLY_PLUGIN)
    run = lint_paths([str(_report(tmp_path))], RunOptions(select=("RL601",)))
    assert [d.code for d in run.diagnostics] == ["RL601"] and sys.modules["rl_test_legacy"].CALLS == ["warning"]
    (tmp_path / "reportlint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="本插件不支持 fail-on = info"):
        lint_paths([str(_report(tmp_path))])


def _hookimpls(manager):
    return sorted(
        (hook, impl.plugin_name, impl.function.__name__)
        for hook in dir(manager.hook)
        if not hook.startswith("_")
        for impl in getattr(manager.hook, hook).get_hookimpls()
    )


def test_the_quick_look_at_module_plugins_finds_what_pluggy_finds():
    # the manager passes over a module's non-hook values itself; it must register exactly what pluggy would
    import importlib
    import types

    import pluggy

    from reportlint import hookimpl
    from reportlint.core import hookspecs

    module = types.ModuleType("gansu_rules")

    class Holder:
        @hookimpl
        def reportlint_reporters(self):
            return []

    @hookimpl
    def reportlint_rules():
        return []

    def helper():  # a plain function: not a hook
        return []

    module.__dict__.update(
        reportlint_rules=reportlint_rules, reportlint_reporters=Holder().reportlint_reporters, helper=helper, CONSTANT=3, Holder=Holder
    )
    plain = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    plain.add_hookspecs(hookspecs)
    quick = plugins._new_manager()
    for manager in (plain, quick):
        for name in plugins.BUILTIN_PLUGINS:
            manager.register(importlib.import_module(name), name=name)
        manager.register(module, name="gansu")
        manager.register(Holder(), name="holder")  # not a module: pluggy's own look
    assert _hookimpls(quick) == _hookimpls(plain)
    found = [entry for entry in _hookimpls(quick) if entry[1] in ("gansu", "holder")]
    assert found == [
        ("reportlint_reporters", "gansu", "reportlint_reporters"),
        ("reportlint_reporters", "holder", "reportlint_reporters"),
        ("reportlint_rules", "gansu", "reportlint_rules"),
    ]
