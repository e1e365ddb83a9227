"""``reportlint compare OLD NEW``: changed cells, paragraphs added, removed and changed, the pair's RL7 findings; text, JSON, HTML."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reportlint.cli import app
from reportlint.output.compare import render_comparison
from reportlint.run.compare import compare_reports
from reportlint.testing.reports import SUBJECTS, SampleReport, write_reports

EARLIER = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
NEW_PARAGRAPH = "（六）政务公开专区建设。今年在便民服务中心新设政务公开专区，配备查询电脑两台，全年接待群众查阅四十余人次。"


def later_report() -> SampleReport:
    """2021's report: carry-over off by one, one paragraph of part 一 rewritten, one added, part 五 as last year's."""
    later = EARLIER.next_year(seed=2, carry_over_error=1)
    s1 = list(later.sections["s1"])
    s1[3] = EARLIER.sections["s1"][3].replace("2020", "2021") + "全年审核拟公开信息56条。"
    return later.with_section("s1", [*s1, NEW_PARAGRAPH]).with_section(
        "s5", [p.replace("2020", "2021").replace("2021年，我镇将", "2022年，我镇将") for p in EARLIER.sections["s5"]]
    )


@pytest.mark.parametrize("extension", [".txt", ".docx", ".html"])
def test_compare_reads_both_years_in_every_format(tmp_path, extension):
    later = later_report()
    paths = write_reports(tmp_path, {f"2020{extension}": EARLIER, f"2021{extension}": later})
    comparison = compare_reports(paths[f"2020{extension}"], paths[f"2021{extension}"])
    assert (comparison.old.year, comparison.new.year) == (2020, 2021)
    assert comparison.old.subject == comparison.new.subject == "秦安县陇城镇人民政府"
    assert comparison.notes == ("两份报告的表格格式不同（T2019 → T2021），只比较两种格式共有的单元格",)
    carried = next(change for change in comparison.cells if (change.table, change.row, change.column) == ("s3", "r1", "c_total"))
    old_total, new_total = int(EARLIER.value("s3", "r1", "c_total")), int(later.value("s3", "r1", "c_total"))
    assert (carried.old, carried.new, carried.difference) == (old_total, new_total, new_total - old_total)
    assert carried.name == "第三部分表格“收到和处理政府信息公开申请情况”“一、本年新收政府信息公开申请数量”行“总计”列"
    assert carried.old_location is not None and carried.new_location is not None
    kinds = {(change.kind, change.part) for change in comparison.paragraphs}
    assert ("added", 1) in kinds and ("changed", 1) in kinds
    added = next(change for change in comparison.paragraphs if change.kind == "added" and change.new == NEW_PARAGRAPH)
    assert added.old is None and added.new_location is not None
    codes = sorted({finding.code for finding in comparison.findings})
    assert codes == ["RL701", "RL703"]
    assert all(finding.path.endswith(f"2021{extension}") for finding in comparison.findings)


def test_text_json_and_html_outputs(tmp_path):
    paths = write_reports(tmp_path, {"2020.txt": EARLIER, "2021.txt": later_report()})
    comparison = compare_reports(paths["2020.txt"], paths["2021.txt"])
    text = render_comparison(comparison, "text")
    assert text.startswith(f"比较 {paths['2020.txt'].as_posix()}（秦安县陇城镇人民政府，2020年度，T2019）")
    assert "注意：两份报告的表格格式不同" in text and f"      + {NEW_PARAGRAPH}" in text
    assert "“一、本年新收政府信息公开申请数量”行“总计”列：" in text and "跨年度、跨单位检查（RL7）：" in text and "RL701 [error]" in text
    payload = json.loads(render_comparison(comparison, "json"))
    assert payload["schema_version"] == "1.0" and payload["new"]["year"] == 2021
    cell = next(item for item in payload["cells"] if (item["table"], item["row"], item["column"]) == ("s3", "r1", "c_total"))
    assert cell["difference"] == cell["new"] - cell["old"] and cell["new_location"]["line"] > 1
    assert {item["kind"] for item in payload["paragraphs"]} >= {"added", "changed"}
    assert {finding["code"] for finding in payload["findings"]} == {"RL701", "RL703"}
    page = render_comparison(comparison, "html")
    assert page.startswith("<!DOCTYPE html>") and "<ins>" in page and "<del>" in page and "RL701" in page
    with pytest.raises(ValueError, match="未知的比较输出格式"):
        render_comparison(comparison, "xml")


def test_reports_of_different_bodies_are_compared_with_a_note(tmp_path):
    other = SampleReport.build("T2021", 2021, SUBJECTS[1], seed=3)
    paths = write_reports(tmp_path, {"a.txt": EARLIER, "b.txt": other})
    comparison = compare_reports(paths["a.txt"], paths["b.txt"])
    assert comparison.notes[0] == "两份报告不是同一单位的（秦安县陇城镇人民政府、台前县夹河乡人民政府），跨年度检查不适用"
    assert not any(finding.code in ("RL701", "RL702", "RL703", "RL705") for finding in comparison.findings)


def test_the_compare_command(tmp_path):
    paths = write_reports(tmp_path, {"2020.txt": EARLIER, "2021.html": later_report()})
    runner = CliRunner()
    result = runner.invoke(app, ["compare", str(paths["2020.txt"]), str(paths["2021.html"])])
    assert result.exit_code == 0 and "表格：" in result.output and "RL701" in result.output
    out = tmp_path / "compare.html"
    result = runner.invoke(app, ["compare", str(paths["2020.txt"]), str(paths["2021.html"]), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = runner.invoke(app, ["compare", str(tmp_path / "nothing.txt"), str(paths["2021.html"])])
    assert missing.exit_code == 2 and "nothing.txt 不存在或不是文件" in missing.output
    wrong = runner.invoke(app, ["compare", str(paths["2020.txt"]), str(paths["2021.html"]), "-f", "xml"])
    assert wrong.exit_code == 2 and "未知的比较输出格式 “xml”" in wrong.output


def test_check_with_previous(tmp_path):
    write_reports(tmp_path, {"2020/lcz.txt": EARLIER, "2021/lcz.txt": later_report()})
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--isolated", "--select", "RL701", str(tmp_path / "2021"), "--previous", str(tmp_path / "2020")])
    assert result.exit_code == 1
    assert result.output.count("RL701 [error]") == 2 and "2020/lcz.txt" in result.output and "检查了 1 个文件" in result.output
    missing = runner.invoke(app, ["check", "--isolated", str(tmp_path / "2021"), "--previous", str(tmp_path / "2019")])
    assert missing.exit_code == 2 and "--previous：" in missing.output and "不存在" in missing.output
