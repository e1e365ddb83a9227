"""Pack regexes are judged by the engine that runs them (``regex``) and scanned for shapes that run away.

Each refusal is a configuration error naming the pack file, the line of the pattern and the
reason; accepted patterns run.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from reportlint.cli import app
from reportlint.core.yamlio import YamlError
from reportlint.rules.packs import load_pack
from reportlint.rules.packs.regexes import MAX_GROUP_DEPTH, RegexProblem, check_regex
from reportlint.testing import lint_text

NESTED_31 = "(" * 31 + "a" + ")" * 31
NESTED_30 = "(" * 30 + "a" + ")" * 30


def pack(pattern: str) -> str:
    """A one-rule pack whose pattern is on line 6."""
    escaped = pattern.replace("'", "''")
    return f"rules:\n  - code: GS101\n    name: x\n    type: pattern\n    message: m\n    pattern: '{escaped}'\n"


@pytest.mark.parametrize(
    "pattern",
    [
        r"\p{Han}{2,}镇",  # Unicode script classes: the engine accepts them, so the check does
        r"[\p{Han}&&[^的]]+",  # nested set operations
        r"(a+)++",  # possessive: gives nothing back
        r"(?>a+)+b",  # atomic group
        r"(?:a|aa){1,40}b",  # bounded repetition (the time limit is its guard)
        NESTED_30,
    ],
)
def test_patterns_the_engine_runs_safely_are_accepted(pattern):
    assert check_regex(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(a+)+", "嵌套的重复"),
        ("(x{1,100})+", "嵌套的重复"),  # a bound above 50 counts as unbounded
        (r"(\s*\S*)*", "嵌套的重复"),
        (NESTED_31, f"嵌套太深（超过 {MAX_GROUP_DEPTH} 层）"),
        ("(" * 200 + "a" + ")" * 200, "嵌套太深"),
        ("a(?R)?b", "递归"),
        ("([a-z]", "语法错误"),
    ],
)
def test_patterns_that_could_run_away_are_refused(pattern, reason):
    with pytest.raises(RegexProblem, match=reason.replace("(", r"\(").replace(")", r"\)")):
        check_regex(pattern)


@pytest.mark.parametrize(
    ("pattern", "reason"), [("(a+)+", "灾难性回溯"), ("(x{1,100})+", "灾难性回溯"), (NESTED_31, "嵌套太深"), ("(?R)", "递归")]
)
def test_a_refused_pattern_is_a_config_error_with_file_and_line(tmp_path, pattern, reason):
    path = tmp_path / "gansu.yaml"
    path.write_text(pack(pattern), encoding="utf-8")
    with pytest.raises(YamlError) as error:
        load_pack(path)
    assert f"{path}:6" in str(error.value) and reason in str(error.value) and error.value.line == 6


def test_the_command_line_stops_with_exit_2_and_no_traceback(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gansu.yaml").write_text(pack("(a+)+"), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rule-packs = ["gansu.yaml"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("某镇2021年政府信息公开工作年度报告\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "r.txt"])
    assert result.exit_code == 2 and "gansu.yaml:6:" in result.output and "灾难性回溯" in result.output
    assert "Traceback" not in result.output


def test_a_han_script_pattern_runs(tmp_path):
    path = tmp_path / "gansu.yaml"
    path.write_text(pack(r"××\p{Han}"), encoding="utf-8")
    [rule] = load_pack(path).rules
    [finding] = lint_text("××镇2021年政府信息公开工作年度报告\n", rules=[rule])
    assert (finding.code, finding.location.line, finding.location.column) == ("GS101", 1, 1)
