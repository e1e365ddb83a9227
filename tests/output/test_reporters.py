"""Output formats: SARIF validity and round trip, JSON, GitHub annotations, full (the review page, CSV and xlsx have their own tests)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from reportlint.core.config import Config
from reportlint.output import ReporterOptions
from reportlint.run.options import RunOptions
from reportlint.run.registry import registry_for
from reportlint.run.runner import lint_paths


def render(name: str, run) -> str:
    reporter = registry_for(Config()).reporter(name)
    return reporter(ReporterOptions()).render(run)


@pytest.fixture
def seeds_run(seeds_dir, monkeypatch):
    monkeypatch.chdir(seeds_dir.parent)
    return lint_paths(["seeds"], RunOptions(keep_text=True))


def test_sarif_validates_against_the_official_schema(seeds_run, sarif_schema):
    document = json.loads(render("sarif", seeds_run))
    jsonschema.validate(document, sarif_schema)
    sarif_run = document["runs"][0]
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rule_ids = [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    for result in sarif_run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["artifactLocation"]["uri"].startswith("seeds/")
        assert result["partialFingerprints"]["reportlint/v1"]
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    rl601 = next(rule for rule in sarif_run["tool"]["driver"]["rules"] if rule["id"] == "RL601")
    assert rl601["shortDescription"]["text"].startswith("同一个词紧挨着重复出现")
    assert "反例" in rl601["fullDescription"]["text"] and "正例" in rl601["help"]["text"]


def test_sarif_columns_count_cjk_characters_once(seeds_run):
    document = json.loads(render("sarif", seeds_run))
    title = next(
        result
        for result in document["runs"][0]["results"]
        if result["ruleId"] == "RL114"
        and result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("000_f38a3ddaa1733757.txt")
    )
    region = title["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (5, 22, 27)


def test_sarif_read_back_with_a_consumer_library_gives_the_same_findings(seeds_run, tmp_path):
    from sarif import loader

    path = tmp_path / "out.sarif"
    path.write_text(render("sarif", seeds_run), encoding="utf-8")
    records = loader.load_sarif_file(str(path)).get_records()
    ours = sorted((d.code, d.location.line, d.message) for d in seeds_run.diagnostics)
    theirs = sorted((record["Code"], record["Line"], record["Description"]) for record in records)
    assert theirs == ours


def test_sarif_related_locations_for_relations(tmp_path, monkeypatch, sarif_schema):
    monkeypatch.chdir(tmp_path)
    rows = ["一、本年新收政府信息公开申请数量\t2\t1\t0\t0\t0\t0\t2", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"]
    text = "某镇2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + "\n".join(rows) + "\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    run = lint_paths(["r.txt"], RunOptions(select=("RL302",)))
    document = json.loads(render("sarif", run))
    jsonschema.validate(document, sarif_schema)
    [result] = document["runs"][0]["results"]
    assert result["ruleId"] == "RL302"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 30, "endLine": 3, "endColumn": 31}
    related = result["relatedLocations"]
    assert len(related) == 7
    assert related[0]["message"]["text"] == "“一、本年新收政府信息公开申请数量”行“总计”列 = 2"
    assert related[1]["physicalLocation"]["region"]["startColumn"] == 18


def test_json_output_is_versioned_and_complete(seeds_run):
    payload = json.loads(render("json", seeds_run))
    assert payload["schema_version"] == "1.0" and payload["tool"]["name"] == "reportlint"
    assert payload["summary"]["files"] == 5
    first = payload["files"][0]["diagnostics"][0]
    assert {"code", "name", "severity", "message", "location", "offsets", "related", "fix", "fingerprint", "origin"} <= set(first)


@pytest.mark.parametrize("pieces_per_write", [1, 7, 4096])
def test_json_bytes_are_the_rendered_text_encoded_whatever_the_pieces(pieces_per_write, monkeypatch):
    """Files and pipes get the document encoded a few pieces at a time (memory): the bytes must not change."""
    from pathlib import Path

    from reportlint.output import json as json_output

    examples = Path(__file__).resolve().parents[2] / "examples"
    run = lint_paths([str(examples)], RunOptions(isolated=True))
    monkeypatch.setattr(json_output, "_PIECES_PER_WRITE", pieces_per_write)
    reporter = registry_for(Config()).reporter("json")(ReporterOptions())
    text = reporter.render(run)
    assert reporter.render_bytes(run) == text.encode("utf-8")
    assert "“" in text and json.loads(text)["summary"]["diagnostics"] > 0
    chunks = list(reporter.render_chunks(run))  # what the command line writes, one after another
    assert b"".join(chunks) == text.encode("utf-8")
    assert len(chunks) == len(list(json_output._pieces(run))) // pieces_per_write + 1  # pieces_per_write pieces a chunk


def test_json_output_lists_the_files_a_walk_skipped_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text("某镇2021年政府信息公开工作年度报告\n我镇工作工作。\n", encoding="utf-8")
    (tmp_path / "reports" / "备份.zip").write_bytes(b"PK")
    (tmp_path / "reports" / "~$r.docx").write_bytes(b"")
    payload = json.loads(render("json", lint_paths(["reports"], RunOptions(select=("RL601",)))))
    assert [file["path"] for file in payload["files"]] == ["reports/r.txt"]
    assert payload["skipped"] == [
        {"path": "reports/~$r.docx", "reason": "Office 临时文件"},
        {"path": "reports/备份.zip", "reason": "不是报告文件格式（.zip）"},
    ]
    assert payload["summary"]["skipped"] == 2


def test_github_workflow_commands_escape_properties(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a,b.txt").write_text("某镇2021年政府信息公开工作年度报告\n工作工作。\n", encoding="utf-8")
    run = lint_paths(["a,b.txt"], RunOptions(select=("RL601",)))
    output = render("github", run)
    assert output.startswith("::warning file=a%2Cb.txt,line=2,col=1,endLine=2,endColumn=5,title=RL601 duplicated-word::")


def test_full_output_underlines_the_range(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text("某镇2021年政府信息公开工作年度报告\n我镇工作工作。\n", encoding="utf-8")
    run = lint_paths(["r.txt"], RunOptions(select=("RL601",)))
    output = render("full", run)
    assert "2 | 我镇工作工作。" in output
    assert "  |     ^^^^^^^^" in output
    assert "= 建议：删除重复的“工作”" in output
