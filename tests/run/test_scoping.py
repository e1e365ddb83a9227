"""Province scoping: rules, pack rules and template extensions apply only to the reports they declare."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import Condition, Rule
from reportlint.core.config import ConfigError
from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render

GANSU, HENAN = SUBJECTS[0], SUBJECTS[1]  # 秦安县陇城镇 (甘肃省), 台前县夹河乡 (河南省)


def report_text(subject, title: str | None = None) -> str:
    report = SampleReport.build("T2021", 2021, subject=subject, seed=2)
    if title is not None:
        report = report.with_title(title)
    return render(report, "tabs")


class Marker(Rule):
    """在报告开头报告一次（测试用）。

    反例：

        任何报告

    正例：

        （无）
    """

    code = "TS101"
    name = "marker"

    def check(self, report):
        yield self.diagnostic("标记", 0, 1)


def scoped(condition: Condition) -> type[Rule]:
    return type("ScopedMarker", (Marker,), {"applies_to": condition, "__doc__": Marker.__doc__})


def fires(rule: type[Rule], text: str) -> bool:
    return any(finding.code == "TS101" for finding in lint_text(text, rules=[rule]))


def test_a_rule_scoped_to_a_province_runs_only_on_its_reports():
    gansu_only = scoped(Condition(provinces=("甘肃省",)))
    assert fires(gansu_only, report_text(GANSU)) and not fires(gansu_only, report_text(HENAN))
    short_name = scoped(Condition(provinces=("甘肃",)))
    assert fires(short_name, report_text(GANSU))


def test_a_report_the_gazetteer_cannot_place_follows_the_unknown_policy():
    unplaced = report_text(GANSU, title="示例县某镇2021年政府信息公开工作年度报告")
    assert not fires(scoped(Condition(provinces=("甘肃省",))), unplaced)
    assert fires(scoped(Condition(provinces=("甘肃省",), unknown="check")), unplaced)
    assert not fires(scoped(Condition(provinces=("甘肃省",), unknown="check")), report_text(HENAN))  # known elsewhere: never


def test_levels_and_years():
    assert fires(scoped(Condition(levels=("镇",), year_from=2021)), report_text(GANSU))
    assert not fires(scoped(Condition(levels=("乡",))), report_text(GANSU))
    assert not fires(scoped(Condition(year_to=2020)), report_text(GANSU))


def test_condition_description():
    assert (
        Condition(provinces=("甘肃省",), year_from=2021, unknown="check").describe() == "省份：甘肃省；年度：2021 年起；无法确定时照常检查"
    )
    assert Condition().describe() == ""


def test_a_bad_applies_to_is_a_definition_error():
    from reportlint.core.rule import RuleDefinitionError

    with pytest.raises(RuleDefinitionError, match="applies_to 应为 Condition"):
        type("Bad", (Marker,), {"applies_to": {"province": "甘肃省"}, "__doc__": Marker.__doc__}).validate_definition()


EXTENSION = """extends: T2021
when: {province: 河南省}
tables:
  - id: s2_20_1
    rows:
      - {id: enterprise_docs, label: 其中：涉企行政规范性文件, after: normative}
relations:
  - id: TS-enterprise
    table: s2_20_1
    for_each: column
    assert: enterprise_docs <= normative
    severity: error
    description: 涉企文件是行政规范性文件的一部分
"""


def with_extension_row(text: str) -> str:
    lines = text.splitlines()
    row = next(index for index, line in enumerate(lines) if line.startswith("行政规范性文件\t"))
    lines.insert(row + 1, "其中：涉企行政规范性文件\t9\t0\t99")
    return "\n".join(lines) + "\n"


@pytest.fixture
def extension(tmp_path) -> Path:
    path = tmp_path / "henan.yaml"
    path.write_text(EXTENSION, encoding="utf-8")
    return path


def test_a_template_extension_applies_only_to_its_province(extension):
    config = {"templates": [str(extension)], "select": ["RL309"]}
    henan = lint_text(with_extension_row(report_text(HENAN)), config=config)
    assert henan and all(finding.code == "RL309" and "其中：涉企行政规范性文件" in finding.message for finding in henan)
    assert lint_text(with_extension_row(report_text(GANSU)), config=config) == []


def test_a_pack_rule_with_a_province(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "rules:\n  - {code: HN201, name: henan-term, type: substitution, pairs: {便民服务大厅: 政务服务中心}, "
        "message: '统一称“{suggestion}”', when: {province: 河南}}\n",
        encoding="utf-8",
    )
    config = {"rule-packs": [str(pack)], "select": ["HN"]}
    text = "\n".join(report_text(HENAN).splitlines()[:3]) + "\n在便民服务大厅设置查阅点。\n"
    assert [finding.code for finding in lint_text(text, config=config)] == ["HN201"]
    gansu = "\n".join(report_text(GANSU).splitlines()[:3]) + "\n在便民服务大厅设置查阅点。\n"
    assert lint_text(gansu, config=config) == []


def test_a_bad_when_in_an_extension_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("extends: T2021\nwhen: {provinces: 河南省}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.yaml:2.*when 中有未知的条件 “provinces”，您是否想写“province”"):
        lint_text("某镇2021年政府信息公开工作年度报告\n", config={"templates": [str(path)]})
