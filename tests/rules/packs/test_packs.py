"""YAML rule packs written by a provincial office: every rule type, validation, time limits."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from reportlint.cli import app
from reportlint.core.resources import shipped_rules_dir
from reportlint.rules.packs import load_pack

runner = CliRunner()

PACK = """\
pack: gansu-2022
description: 某省年度报告补充要求
rules:
  - code: GS201
    name: no-placeholder
    type: pattern
    pattern: "××|XX[镇乡]"
    suggest: 某镇
    severity: warning
    message: "模板占位符“{match}”未替换"
    description: 模板占位符未替换。照抄模板时留下的占位符。
    examples: {bad: "××镇2022年政府信息公开工作年度报告", good: "某镇2022年政府信息公开工作年度报告"}
  - code: GS202
    name: cite-provincial-rules
    type: required
    literal: 《甘肃省政府信息公开规定》
    section: s1
    when: {years: {from: 2022}}
    severity: warning
    message: "“{section}”没有引用{phrase}"
  - code: GS203
    name: local-terms
    type: substitution
    pairs: {便民服务大厅: 便民服务中心, 政务微博: 政务新媒体}
    severity: info
    message: "本省统一称“{suggestion}”，不用“{found}”"
  - code: GS204
    name: total-positive
    type: relation
    table: s3
    for_each: row
    rows: [r1]
    assert: c_total <= 100
    severity: warning
    message: "{table}{scope}：{detail}（本年新收申请超过 100 件，请核实）"
  - code: GS205
    name: banned-words
    type: vocabulary
    reject: [相关部门]
    accept: [上级相关部门]
    severity: warning
    message: "不用含糊的“{match}”，请写明具体部门"
"""

REPORT = """××镇2022年政府信息公开工作年度报告
一、总体情况
我镇依托便民服务大厅开展工作，相关部门配合，上级相关部门指导。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量\t100\t0\t0\t0\t0\t1\t101
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "gansu.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rule-packs = ["packs/gansu.yaml"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_every_rule_type_fires_at_the_right_place(project):
    result = runner.invoke(app, ["check", "--select", "GS", "r.txt"])
    lines = [line for line in result.output.splitlines() if ": GS" in line]
    assert lines == [
        "r.txt:1:1: GS201 [warning] 模板占位符“××”未替换",
        "r.txt:2:1: GS202 [warning] “一、总体情况”没有引用《甘肃省政府信息公开规定》",
        "r.txt:3:5: GS203 [info] 本省统一称“便民服务中心”，不用“便民服务大厅”",
        "r.txt:3:16: GS205 [warning] 不用含糊的“相关部门”，请写明具体部门",
        "r.txt:5:32: GS204 [warning] 第三部分表格“收到和处理政府信息公开申请情况”“一、本年新收政府信息公开申请数量”行：“总计”（101）大于100（本年新收申请超过 100 件，请核实）",
    ]


def test_pack_rules_are_listed_documented_and_in_sarif(project, sarif_schema):
    listing = runner.invoke(app, ["rules"]).output
    assert any(line.startswith("GS201") and "pack:gansu.yaml" in line for line in listing.splitlines())
    documentation = runner.invoke(app, ["rule", "GS201"]).output
    assert "模板占位符未替换。" in documentation and "反例" in documentation and "××镇2022" in documentation
    sarif = json.loads(runner.invoke(app, ["check", "--select", "GS", "-f", "sarif", "r.txt"]).output)
    jsonschema.validate(sarif, sarif_schema)
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == {"GS201", "GS202", "GS203", "GS204", "GS205"}
    assert rules["GS201"]["help"]["text"].startswith("模板占位符未替换。") and rules["GS201"]["properties"]["origin"] == "pack:gansu.yaml"


def test_when_conditions_limit_rules(project):
    (project / "r.txt").write_text(REPORT.replace("2022", "2021"), encoding="utf-8")
    result = runner.invoke(app, ["check", "--select", "GS202", "r.txt"])
    assert result.exit_code == 0


def test_suggestion_is_a_fix(project):
    result = runner.invoke(app, ["check", "--select", "GS201", "-f", "json", "r.txt"])
    fix = json.loads(result.output)["files"][0]["diagnostics"][0]["fix"]
    assert fix == {"description": "改为“某镇”", "offsets": {"start": 0, "end": 2}, "replacement": "某镇"}


@pytest.mark.parametrize(
    ("rule", "line", "reason"),
    [
        ("  - code: GS1\n    name: x\n    type: pattern\n    literal: a\n    message: m\n", 3, "规则代码"),
        ("  - name: x\n    type: pattern\n    literal: a\n    message: m\n", 3, "缺少 code"),
        ("  - code: GS101\n    name: x\n    type: spelling\n    message: m\n", 5, "未知的规则类型"),
        ("  - code: GS101\n    name: x\n    type: pattern\n    pattern: '(政府+)+$'\n    message: m\n", 6, "灾难性回溯"),
        ("  - code: GS101\n    name: x\n    type: pattern\n    pattern: '([a-z]'\n    message: m\n", 6, "语法错误"),
        ("  - code: GS101\n    name: x\n    type: pattern\n    literal: a\n    message: '{nothing}'\n", 7, "占位符"),
        ("  - code: RL999\n    name: x\n    type: pattern\n    literal: a\n    message: m\n", 3, "保留的前缀"),
        (
            "  - code: GS101\n    name: x\n    type: relation\n    table: s3\n    for_each: column\n    assert: r1 + r99 == r4\n    message: m\n",
            8,
            "r99",
        ),
        ("  - code: GS101\n    name: x\n    type: pattern\n    literal: a\n    message: m\n    sevrity: error\n", 8, "severity"),
        ("  - code: GS101\n    name: x\n    type: [\n", 6, "YAML"),
    ],
)
def test_malformed_packs_exit_2_with_file_line_and_reason(project, rule, line, reason):
    (project / "packs" / "gansu.yaml").write_text("pack: bad\nrules:\n" + rule, encoding="utf-8")
    result = runner.invoke(app, ["check", "r.txt"])
    assert result.exit_code == 2
    assert f"gansu.yaml:{line}:" in result.output and reason in result.output


def test_latin_word_boundary_around_chinese_is_a_load_warning(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "rules:\n  - code: GS101\n    name: x\n    type: pattern\n    pattern: '\\\\b人大代表提案\\\\b'\n    message: m\n", encoding="utf-8"
    )
    pack = load_pack(path)
    assert len(pack.rules) == 1 and "\\b" in pack.warnings[0] and f"{path}:5" in pack.warnings[0]


def test_a_regex_that_runs_too_long_is_stopped_and_reported(project, monkeypatch):
    import reportlint.rules.packs.base as yamlrules

    monkeypatch.setattr(yamlrules, "REGEX_TIMEOUT", 0.2)
    slow = "rules:\n  - code: GS301\n    name: slow\n    type: pattern\n    pattern: '(?:a|aa){1,40}b'\n    message: m\n"
    (project / "packs" / "gansu.yaml").write_text(slow, encoding="utf-8")
    (project / "r.txt").write_text("某镇2022年政府信息公开工作年度报告\n" + "a" * 4000 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--select", "GS,RL908", "r.txt"])
    assert result.exit_code == 1
    assert "RL908" in result.output and "GS301" in result.output and "0.2 秒" in result.output


def test_unknown_pack_path_is_a_config_error(tmp_path):
    (tmp_path / "reportlint.toml").write_text('rule-packs = ["nope.yaml"]\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("报告", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "r.txt")])
    assert result.exit_code == 2 and "nope.yaml" in result.output and "不存在" in result.output


def test_shipped_wording_pack_on_seed_002(seed):
    result = runner.invoke(app, ["check", "--select", "RL620,RL623", str(seed("002"))])
    lines = [line.split("txt:")[1] for line in result.output.splitlines() if ": RL" in line]
    assert lines == [
        "17:82: RL623 [warning] 疑似错别字：“前面做好”应为“全面做好”",
        "95:35: RL620 [warning] “人大代表提案”用词不当：人大代表提出的是“建议”，政协委员提出的是“提案”，应为“人大代表建议”",
    ]


def test_word_list_rules_have_a_quick_test_and_regex_rules_none():
    rules = {rule.code: rule for rule in load_pack(shipped_rules_dir() / "wording.yaml").rules}
    assert set(rules["RL620"].literals.phrases) == {"人大代表提案", "人大提案", "政协委员建议", "政协建议"}
    assert rules["RL621"].literals.phrases == ("《政府信息公开条例》",)
    assert "在次" in rules["RL623"].literals.phrases and "不予公开政府信息的情况" in rules["RL626"].literals.phrases
    assert rules["RL625"].literals is None  # a regex: it always runs


def test_a_pack_searches_for_the_words_of_all_its_word_lists_once_per_report():
    from reportlint.run.linter import lint_text

    rules = [rule for rule in load_pack(shipped_rules_dir() / "wording.yaml").rules if rule.literals is not None]
    [shared] = {rule.pack_literals for rule in rules}
    assert shared is not None and set(shared.finder.phrases) == {phrase for rule in rules for phrase in rule.literals.phrases}
    text = "某镇2021年政府信息公开工作年度报告\n我镇未承办人大代表提案，在次公开，全年共授理申请3件。\n"
    assert [(d.code, text[d.start : d.end]) for d in lint_text(text, rules=rules)] == [
        ("RL620", "人大代表提案"),
        ("RL623", "在次"),
        ("RL627", "授理"),
    ]
    [spam] = load_pack(shipped_rules_dir() / "mirror-spam.yaml").rules
    assert spam.pack_literals is None  # one word list: its own search


def test_a_pattern_rule_with_unless_before_and_once_reports_the_first_mention_before_the_full_name(tmp_path):
    from reportlint.run.linter import lint_text

    pack = tmp_path / "names.yaml"
    pack.write_text(
        "pack: names\nrules:\n"
        "  - code: GS301\n    name: full-name-first\n    type: pattern\n    literal: 《条例》\n"
        "    unless-before: [某省条例全称, 另一全称]\n    severity: info\n    message: 首次应写全称\n"
        "  - code: GS302\n    name: short-name-once\n    type: pattern\n    literal: 《条例》\n"
        "    once: true\n    severity: info\n    message: 首次应写全称\n",
        encoding="utf-8",
    )
    rules = load_pack(pack).rules
    unless, once = rules
    text = "某镇2021年政府信息公开工作年度报告\n依据《条例》编制。又按《条例》。\n根据某省条例全称（以下简称《条例》），按《条例》办理。\n"
    first, second = text.index("《条例》"), text.index("《条例》", text.index("《条例》") + 1)
    assert [d.start for d in lint_text(text, rules=[unless])] == [first, second]  # none after 某省条例全称
    assert [d.start for d in lint_text(text, rules=[once])] == [first]
    assert lint_text("某镇2021年政府信息公开工作年度报告\n另一全称之后的《条例》。\n", rules=[unless]) == []


def test_once_must_be_true_or_false(project):
    (project / "packs" / "gansu.yaml").write_text(
        "pack: bad\nrules:\n  - code: GS101\n    name: x\n    type: pattern\n    literal: a\n    once: 1\n    message: m\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "r.txt"])
    assert result.exit_code == 2
    assert "gansu.yaml:7:" in result.output and "once 应为 true 或 false" in result.output
