"""Configuration discovery and validation."""

from __future__ import annotations

import pytest

from reportlint.core.config import Config, ConfigError
from reportlint.core.diagnostics import Severity
from reportlint.run.config import find_config_file, load_config
from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths
from reportlint.run.selection import is_selected


def test_nearest_config_wins(tmp_path):
    (tmp_path / "reportlint.toml").write_text('select = ["RL6"]\n', encoding="utf-8")
    nested = tmp_path / "county" / "town"
    nested.mkdir(parents=True)
    (tmp_path / "county" / ".reportlint.toml").write_text('select = ["RL1"]\n', encoding="utf-8")
    assert find_config_file(nested / "report.txt") == tmp_path / "county" / ".reportlint.toml"
    assert load_config(find_config_file(nested / "report.txt")).select == ("RL1",)


def test_pyproject_needs_a_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config_file(tmp_path / "a.txt") is None
    (tmp_path / "pyproject.toml").write_text("[tool.reportlint]\nfail-on = 'error'\n", encoding="utf-8")
    assert load_config(find_config_file(tmp_path / "a.txt")).fail_on is Severity.ERROR


def test_unknown_key_names_key_file_and_suggestion(tmp_path):
    path = tmp_path / "reportlint.toml"
    path.write_text('selct = ["RL6"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert "selct" in message and str(path) in message and "select" in message


def test_unknown_code_is_an_error_with_suggestion(tmp_path):
    (tmp_path / "reportlint.toml").write_text('ignore = ["RL6011"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("报告", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        lint_paths([str(tmp_path / "r.txt")])
    assert "RL6011" in str(error.value) and "RL601" in str(error.value)


def test_bad_values_are_errors(tmp_path):
    path = tmp_path / "reportlint.toml"
    for content, needle in [
        ('fail-on = "fatal"\n', "fatal"),
        ("jobs = 0\n", "jobs"),
        ("select = 'RL6'\n", "select"),
        ("[rules]\nduplicated-word = 3\n", "duplicated-word"),
        ("select = [\n", "TOML"),
    ]:
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError) as error:
            load_config(path)
        assert needle in str(error.value)


def test_unknown_rule_option_is_an_error(tmp_path):
    (tmp_path / "reportlint.toml").write_text("[rules.duplicated-word]\nallow = 3\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("报告", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        lint_paths([str(tmp_path / "r.txt")])
    assert "allow" in str(error.value) and "字符串列表" in str(error.value)


def test_selection_most_specific_selector_wins():
    config = Config(select=("RL6",), ignore=("RL60",), extend_select=("RL601",))
    assert is_selected("RL601", config)
    assert not is_selected("RL602", config)
    assert not is_selected("RL101", config)


def test_per_file_ignores_and_severity_overrides(tmp_path):
    (tmp_path / "reportlint.toml").write_text('[per-file-ignores]\n"old/*" = ["RL601"]\n[severity]\nRL602 = "error"\n', encoding="utf-8")
    (tmp_path / "old").mkdir()
    text = "某镇2021年政府信息公开工作年度报告\n工作工作（未闭合\n"
    (tmp_path / "old" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    run = lint_paths([str(tmp_path)], RunOptions(select=("RL601", "RL602")))
    by_file = {result.path.split("/")[-1]: result.diagnostics for result in run.files}
    assert {d.code for d in by_file["a.txt"]} == {"RL602"}
    assert {d.code for d in by_file["b.txt"]} == {"RL601", "RL602"}
    assert all(d.severity is Severity.ERROR for d in by_file["b.txt"] if d.code == "RL602")


def test_exclude_globs_skip_files_when_walking(tmp_path):
    (tmp_path / "reportlint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.txt").write_text("报告", encoding="utf-8")
    (tmp_path / "y.txt").write_text("报告", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("报告", encoding="utf-8")
    run = lint_paths([str(tmp_path)])
    assert [result.path.split("/")[-1] for result in run.files] == ["y.txt"]


def test_the_resolver_looks_for_each_folder_s_config_once(tmp_path, monkeypatch):
    from reportlint.run import config as config_module

    (tmp_path / "reportlint.toml").write_text('select = ["RL6"]\n', encoding="utf-8")
    town = tmp_path / "town"
    town.mkdir()
    (town / "reportlint.toml").write_text('select = ["RL1"]\n', encoding="utf-8")
    looked: list = []
    real = config_module.find_config_file
    monkeypatch.setattr(config_module, "find_config_file", lambda start: looked.append(start) or real(start))
    resolver = config_module.ConfigResolver(RunOptions())
    selections = [
        resolver.config_for(path).select for path in (tmp_path / "a.txt", town / "b.txt", tmp_path / "c.txt", town / "d.txt", town)
    ]
    assert selections == [("RL6",), ("RL1",), ("RL6",), ("RL1",), ("RL1",)]
    assert looked == [tmp_path, town]
