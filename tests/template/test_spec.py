"""Template specs: the shipped T2019/T2021 data and extensions written by provincial offices."""

from __future__ import annotations

import json
import textwrap

import pytest
from typer.testing import CliRunner

from reportlint.cli import app
from reportlint.core.config import ConfigError
from reportlint.core.resources import shipped_templates
from reportlint.template.spec import load_templates

EXTENSION = """\
extends: T2021
tables:
  - id: s2_20_1
    rows:
      - {id: local_docs, label: 乡镇规范性文件, after: normative}
relations:
  - id: GS-local-docs
    table: s2_20_1
    for_each: row
    rows: [local_docs]
    assert: in_force >= made
    severity: warning
    description: 现行有效件数不少于本年制发件数
"""

REPORT = """某省某县某镇2021年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t2\t0\t5
乡镇规范性文件\t3\t0\t1
三、收到和处理政府信息公开申请情况
"""


def test_shipped_templates_follow_the_domain_counts():
    templates = load_templates(shipped_templates())
    t2019, t2021 = templates.get("T2019"), templates.get("T2021")
    assert (t2019.year_from, t2019.year_to, t2021.year_from, t2021.year_to) == (2019, 2020, 2021, None)
    assert sum(len(t.rows) * len(t.columns) for t in t2019.tables_of("s2")) == 22
    assert sum(len(t.rows) * len(t.columns) for t in t2021.tables_of("s2")) == 10
    assert len(t2019.table("s3").rows) * 7 == 161 and len(t2021.table("s3").rows) * 7 == 175
    assert len(t2021.table("s4").columns) == 15
    assert [section.heading for section in t2021.sections][3] == "四、政府信息公开行政复议、行政诉讼情况"
    assert templates.for_year(2020) is t2019 and templates.for_year(2023) is t2021 and templates.for_year(2018) is None
    assert {relation.id for relation in t2021.relations} >= {"B1", "B2", "B3", "B4-review", "B7"}


def test_extension_adds_a_row_and_a_relation_seen_by_parse(tmp_path):
    (tmp_path / "gs-t2021.yaml").write_text(EXTENSION, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('templates = ["gs-t2021.yaml"]\n', encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", "--json", str(tmp_path / "report.txt")])
    assert result.exit_code == 0, result.output
    table = next(table for table in json.loads(result.output)["tables"] if table["id"] == "s2_20_1")
    rows = {row["row"]: [cell["value"] for cell in row["cells"]] for row in table["rows"]}
    assert rows == {"rules": [0, 0, 0], "normative": [2, 0, 5], "local_docs": [3, 0, 1]}
    check = CliRunner().invoke(app, ["check", "--select", "RL309", str(tmp_path / "report.txt")])
    assert "RL309" in check.output and "现行有效件数不少于本年制发件数" in check.output


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("extends: T2099\n", 1, "T2099"),
        ("extends: T2021\ntables:\n  - id: s3\n    rows:\n      - {id: r1, label: 重复}\n", 5, "已有行"),
        ("extends: T2021\nrelations:\n  - id: X1\n    table: s3\n    for_each: column\n    assert: r1 + nosuch == r4\n", 6, "nosuch"),
        ("extends: T2021\nrelations:\n  - id: X2\n    table: s3\n    for_each: column\n    assert: __import__('os')\n", 3, "只能调用"),
        ("extends: T2021\nsections: [{id: s9, variants: [x]}]\n", 2, "s9"),
        ("extends: [\n", 2, "YAML"),
    ],
)
def test_bad_extensions_name_file_line_and_reason(tmp_path, content, line, reason):
    path = tmp_path / "ext.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_templates([*shipped_templates(), path])
    message = str(error.value)
    assert f"{path}:{line}" in message and reason in message


def test_a_new_template_can_be_defined(tmp_path):
    t2021 = next(path for path in shipped_templates() if path.name == "t2021.yaml")
    text = t2021.read_text(encoding="utf-8").replace("id: T2021", "id: GS2024", 1).replace("years: {from: 2021}", "years: {from: 2024}")
    path = tmp_path / "gs2024.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    templates = load_templates([*shipped_templates(), path])
    assert templates.for_year(2024).id == "GS2024" and templates.for_year(2022).id == "T2021"


# --------------------------------------------------------------------------- relations name their rule


CODED = "extends: T2021\nrelations:\n  - id: X3\n    code: {code}\n    table: s3\n    for_each: row\n    rows: [r1]\n    assert: c_total <= 100\n{extra}"


def test_shipped_relations_name_their_rule_and_leave_the_severity_to_it():
    for template in load_templates(shipped_templates()):
        for relation in template.relations:
            assert relation.code is not None and relation.code.startswith("RL3"), relation.id
            assert relation.severity is None, relation.id


def test_a_relation_with_a_code_and_a_severity_is_a_config_error(tmp_path):
    path = tmp_path / "ext.yaml"
    path.write_text(CODED.format(code="RL301", extra="    severity: warning\n"), encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_templates([*shipped_templates(), path])
    message = str(error.value)
    assert f"{path}:9" in message and "由规则 RL301 报告" in message and "不要再写 severity" in message


def test_a_relation_naming_an_unknown_rule_is_a_config_error(tmp_path):
    (tmp_path / "ext.yaml").write_text(CODED.format(code="RL399", extra=""), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('templates = ["ext.yaml"]\n', encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "report.txt")])
    assert result.exit_code == 2
    assert "模板 T2021 的勾稽关系 X3 指定的规则 RL399 不存在" in result.output and "ext.yaml" in result.output


def _relation_findings(folder, extension: str) -> list[tuple[str, str]]:
    """(code, severity) of the RL3 findings of relation X3 on a report whose 本年新收 total is 101."""
    folder.mkdir()
    row = "一、本年新收政府信息公开申请数量\t100\t0\t0\t0\t0\t1\t101\n"
    (folder / "report.txt").write_text(
        REPORT.replace("三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况\n" + row), encoding="utf-8"
    )
    (folder / "ext.yaml").write_text(extension + "    description: 新收申请超过 100 件\n", encoding="utf-8")
    (folder / "reportlint.toml").write_text('templates = ["ext.yaml"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--select", "RL3", "-f", "json", str(folder / "report.txt")])
    findings = json.loads(result.output)["files"][0]["diagnostics"]
    return [(finding["code"], finding["severity"]) for finding in findings if "新收申请超过 100 件" in finding["message"]]


@pytest.mark.parametrize("severity", ["info", "warning", "error"])
def test_an_extension_relation_without_a_code_is_reported_by_rl309_at_its_own_severity(tmp_path, severity):
    extension = CODED.replace("    code: {code}\n", "").format(extra=f"    severity: {severity}\n")
    assert _relation_findings(tmp_path / severity, extension) == [("RL309", severity)]


def test_an_extension_relation_with_a_code_is_reported_by_that_rule_at_its_severity(tmp_path):
    assert _relation_findings(tmp_path / "coded", CODED.format(code="RL306", extra="")) == [("RL306", "warning")]
