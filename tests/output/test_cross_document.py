"""Cross-document findings (RL7) in every output: related places in other files, with those files' paths."""

from __future__ import annotations

import json

import jsonschema
import pytest

from reportlint.core.config import Config
from reportlint.output import ReporterOptions
from reportlint.run.options import RunOptions
from reportlint.run.registry import registry_for
from reportlint.run.runner import lint_paths
from reportlint.testing.reports import SUBJECTS, SampleReport, write_reports


def render(name: str, run) -> str:
    reporter = registry_for(Config()).reporter(name)
    assert reporter is not None
    return reporter(ReporterOptions()).render(run)


@pytest.fixture
def carry_over_run(tmp_path, monkeypatch):
    """This year's report in 2021/, last year's in 2020/ (given with --previous), its carry-over off by one."""
    monkeypatch.chdir(tmp_path)
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    later = earlier.next_year(seed=2, carry_over_error=1)
    write_reports(tmp_path, {"2020/lcz.txt": earlier, "2021/lcz.txt": later})
    return lint_paths(["2021"], RunOptions(isolated=True, select=("RL701",), previous=("2020",), keep_text=True))


def region_text(path, region) -> str:
    line = path.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    return line[region["startColumn"] - 1 : region["endColumn"] - 1]


def test_sarif_related_locations_have_their_own_artifacts_and_open_in_the_right_files(carry_over_run, sarif_schema, tmp_path):
    document = json.loads(render("sarif", carry_over_run))
    jsonschema.validate(document, sarif_schema)
    sarif_run = document["runs"][0]
    assert [artifact["location"]["uri"] for artifact in sarif_run["artifacts"]] == ["2021/lcz.txt", "2020/lcz.txt"]
    assert "RL701" in [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    assert len(sarif_run["results"]) == 2
    for result in sarif_run["results"]:
        here = result["locations"][0]["physicalLocation"]
        assert here["artifactLocation"] == {"uri": "2021/lcz.txt", "uriBaseId": "%SRCROOT%"}
        assert region_text(tmp_path / "2021/lcz.txt", here["region"]) == result["message"]["text"].split("列为 ")[1].split("，")[0]
        [related] = result["relatedLocations"]
        assert related["physicalLocation"]["artifactLocation"] == {"uri": "2020/lcz.txt", "uriBaseId": "%SRCROOT%"}
        pending = related["message"]["text"].split(" = ")[1]
        assert region_text(tmp_path / "2020/lcz.txt", related["physicalLocation"]["region"]) == pending
        line = (tmp_path / "2020/lcz.txt").read_text(encoding="utf-8").split("\n")[related["physicalLocation"]["region"]["startLine"] - 1]
        assert line.startswith("四、结转下年度继续办理")


def test_text_output_names_the_other_file_and_line(carry_over_run, tmp_path):
    lines = render("text", carry_over_run).splitlines()
    finding = carry_over_run.diagnostics[0]
    related = finding.related[0].location
    assert lines[0] == (
        f"2021/lcz.txt:{finding.location.line}:{finding.location.column}: RL701 [error] {finding.message}"
        f"（另见 2020/lcz.txt:{related.line}:{related.column}）"
    )


def test_json_related_locations_carry_their_path(carry_over_run):
    payload = json.loads(render("json", carry_over_run))
    assert [entry["path"] for entry in payload["files"]] == ["2021/lcz.txt"]
    for diagnostic in payload["files"][0]["diagnostics"]:
        [related] = diagnostic["related"]
        assert related["path"] == "2020/lcz.txt" and related["location"]["line"] > 1


def test_review_page_names_the_other_file_and_marks_only_this_files_text(carry_over_run):
    page = render("html", carry_over_run)
    assert "（另见 2020/lcz.txt:" in page
    assert page.count('class="related"') == 0, "the related cell is in last year's file, not in this page's text"
