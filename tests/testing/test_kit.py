"""The plugin-authoring kit: lint_text, lint_file, #! fixtures and the pytest fixture."""

from __future__ import annotations

import pytest

from reportlint.rules.rl6_hygiene import DuplicatedWord, UnbalancedBrackets
from reportlint.testing import assert_fixture, lint_file, lint_text, parse_fixture

FIXTURE = """某镇2021年政府信息公开工作年度报告
一、总体情况
我镇工作工作扎实。
#! RL601
请与办公室联系（电话：12345。
#! RL602
本行没有问题。
"""


def test_parse_fixture_removes_markers_and_keeps_clean_line_numbers():
    clean, expected = parse_fixture(FIXTURE)
    assert "#!" not in clean and clean.splitlines()[2] == "我镇工作工作扎实。"
    assert [(item.line, item.code) for item in expected] == [(3, "RL601"), (4, "RL602")]


def test_assert_fixture_passes_and_explains_mismatches(tmp_path):
    path = tmp_path / "fixture.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    assert_fixture(path, rules=[DuplicatedWord, UnbalancedBrackets])
    path.write_text(FIXTURE.replace("#! RL602\n", ""), encoding="utf-8")
    with pytest.raises(AssertionError) as error:
        assert_fixture(path, rules=[DuplicatedWord, UnbalancedBrackets])
    assert "报告了但没有标记" in str(error.value) and "第4行 RL602" in str(error.value)


def test_lint_text_and_lint_file_agree(tmp_path):
    clean, _ = parse_fixture(FIXTURE)
    path = tmp_path / "r.txt"
    path.write_bytes(clean.encode("gb18030"))
    from_text = [(d.code, d.location.line) for d in lint_text(clean, rules=[DuplicatedWord])]
    from_file = [(d.code, d.location.line) for d in lint_file(path, rules=[DuplicatedWord])]
    assert from_text == from_file == [("RL601", 3)]


def test_rule_options_through_config():
    text = "某镇2021年政府信息公开工作年度报告\n工作工作。\n"
    assert lint_text(text, rules=[DuplicatedWord], config={"rules": {"duplicated-word": {"allow": ["工作"]}}}) == []


def test_pytest_fixture(reportlint_linter):
    [finding] = reportlint_linter.text("某镇2021年政府信息公开工作年度报告\n工作工作。\n", rules=[DuplicatedWord])
    assert (finding.code, finding.location.line, finding.location.column) == ("RL601", 2, 1)


def test_the_kit_imports_without_pytest_and_is_no_pytest_plugin_of_the_environment():
    import subprocess
    import sys
    from importlib.metadata import entry_points

    assert not [point for point in entry_points(group="pytest11") if point.value.startswith("reportlint")]
    code = "import sys; sys.modules['pytest'] = None; import reportlint.testing, reportlint.cli; print(reportlint.testing.lint_text)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_pytest_is_not_a_runtime_dependency():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [requirement for requirement in project["dependencies"] if requirement.startswith("pytest")]
    assert any(requirement.startswith("pytest") for requirement in project["optional-dependencies"]["testing"])
    assert "pytest11" not in project.get("entry-points", {})
