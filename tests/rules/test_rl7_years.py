"""RL700–RL703, RL705: one body's reports of consecutive years, checked together (the batch phase)."""

from __future__ import annotations

import re

import pytest

from reportlint.testing import lint_batch
from reportlint.testing.reports import SUBJECTS, SampleReport, SampleSubject, write_reports

TOWN = SUBJECTS[0]  # 秦安县陇城镇


def findings(folder, reports, codes, **options):
    """Write the reports into ``folder``, check them together, return the findings of ``codes``, with the paths by name."""
    paths = write_reports(folder, reports)
    run = lint_batch([folder], select=codes, **options)
    return [diagnostic for diagnostic in run.diagnostics if diagnostic.code in codes], paths


def text_at(path, start, end):
    return path.read_text(encoding="utf-8")[start:end]


def line_with(path, needle):
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


# --------------------------------------------------------------------------- RL701


def test_carry_over_that_does_not_match_last_year_is_found_across_the_template_switch(tmp_path):
    earlier = SampleReport.build("T2019", 2020, TOWN, seed=1)
    later = earlier.next_year(seed=2, carry_over_error=1)
    assert (earlier.template, later.template) == ("T2019", "T2021")
    found, paths = findings(tmp_path, {"2020.txt": earlier, "2021.txt": later}, ("RL701",))
    column_found = [d for d in found if "“自然人”列" in d.message]
    total_found = [d for d in found if "“总计”列" in d.message]
    assert len(found) == 2 and len(column_found) == len(total_found) == 1
    finding = column_found[0]
    carried, pending = later.value("s3", "r2", "c_np"), earlier.value("s3", "r4", "c_np")
    assert int(carried) == int(pending) + 1
    assert finding.path.endswith("2021.txt") and finding.severity.label == "error"
    assert finding.message == (
        f"第三部分表格“收到和处理政府信息公开申请情况”“二、上年结转政府信息公开申请数量”行“自然人”列为 {carried}，"
        f"但上一年度报告 {paths['2020.txt'].as_posix()}（2020年度）的“四、结转下年度继续办理”行“自然人”列为 {pending}，相差 1"
    )
    assert finding.location.line == line_with(paths["2021.txt"], "二、上年结转政府信息公开申请数量")
    assert text_at(paths["2021.txt"], finding.start, finding.end) == carried
    [related] = finding.related
    assert related.path.endswith("2020.txt") and related.message == f"上一年度结转下年度继续办理 = {pending}"
    assert related.location.line == line_with(paths["2020.txt"], "四、结转下年度继续办理")
    assert text_at(paths["2020.txt"], related.start, related.end) == pending


def test_matching_carry_over_is_silent(tmp_path):
    earlier = SampleReport.build("T2021", 2021, TOWN, seed=3)
    found, _ = findings(tmp_path, {"a.txt": earlier, "b.html": earlier.next_year(seed=4)}, ("RL701", "RL702", "RL703", "RL705"))
    assert found == []


def test_last_years_reports_are_given_with_previous_and_not_reported(tmp_path):
    earlier = SampleReport.build("T2019", 2020, TOWN, seed=1).with_cell("s3", "r1", "c_total", "999")  # its own defect
    later = earlier.next_year(seed=2, carry_over_error=1)
    write_reports(tmp_path / "2020", {"lcz.txt": earlier})
    write_reports(tmp_path / "2021", {"lcz.txt": later})
    run = lint_batch([tmp_path / "2021"], previous=[tmp_path / "2020"])
    assert [result.path for result in run.files] == [(tmp_path / "2021" / "lcz.txt").as_posix()]
    assert {d.code for d in run.diagnostics if d.code.startswith("RL7")} == {"RL701"}
    assert all(item.path.endswith("2020/lcz.txt") for d in run.diagnostics if d.code == "RL701" for item in d.related)
    alone = lint_batch([tmp_path / "2021"])
    assert not any(d.code.startswith("RL7") for d in alone.diagnostics), "without last year there is nothing to compare"


# --------------------------------------------------------------------------- RL702


def test_in_force_documents_that_do_not_follow_last_years_stock_are_a_warning(tmp_path):
    earlier = SampleReport.build("T2021", 2021, TOWN, seed=5)
    later = earlier.next_year(seed=6)
    stock = int(later.value("s2_20_1", "normative", "in_force"))
    later = later.with_cell("s2_20_1", "normative", "in_force", str(stock + 2))
    found, paths = findings(tmp_path, {"2021.txt": earlier, "2022.txt": later}, ("RL702",))
    [finding] = found
    last, made, repealed = (
        int(earlier.value("s2_20_1", "normative", "in_force")),
        *(int(later.value("s2_20_1", "normative", c)) for c in ("made", "repealed")),
    )
    assert finding.severity.label == "warning" and finding.path.endswith("2022.txt")
    assert finding.message == (
        f"第二部分表格“第二十条第（一）项”“行政规范性文件”行“现行有效件数”列为 {stock + 2}，按上一年度报告 "
        f"{paths['2021.txt'].as_posix()}（2021年度）的现行有效件数 {last} 加本年制发 {made}、减本年废止 {repealed}，"
        f"应为 {stock}，相差 2（修订计为制发时可能不成立，请核实）"
    )
    assert text_at(paths["2022.txt"], finding.start, finding.end) == str(stock + 2)
    assert [(item.path.endswith("2021.txt"), item.message) for item in finding.related] == [
        (True, f"上一年度现行有效件数 = {last}"),
        (False, f"本年制发件数 = {made}"),
        (False, f"本年废止件数 = {repealed}"),
    ]
    assert text_at(paths["2021.txt"], finding.related[0].start, finding.related[0].end) == str(last)


def test_item_counts_of_the_2019_format_follow_last_years_count_and_change(tmp_path):
    earlier = SampleReport.build("T2019", 2019, TOWN, seed=7)
    later = earlier.next_year(seed=8)
    assert later.template == "T2019"
    count = int(later.value("s2_20_6", "penalty", "prev_count"))
    later = later.with_cell("s2_20_6", "penalty", "prev_count", str(count + 1))
    found, paths = findings(tmp_path, {"2019.txt": earlier, "2020.txt": later}, ("RL702",))
    [finding] = found
    assert "第二部分表格“第二十条第（六）项”“行政处罚”行“上一年项目数量”列为" in finding.message
    assert f"应为 {count}，相差 1" in finding.message
    assert finding.location.line == line_with(paths["2020.txt"], "行政处罚")
    assert {item.path for item in finding.related} == {paths["2019.txt"].as_posix()}
    assert [item.message.split(" = ")[0] for item in finding.related] == ["上一年度的上一年项目数量", "上一年度的本年增/减"]


def test_stocks_are_not_compared_across_the_template_switch(tmp_path):
    earlier = SampleReport.build("T2019", 2020, TOWN, seed=9)
    later = earlier.next_year(seed=10).with_cell("s2_20_1", "normative", "in_force", "999")
    found, _ = findings(tmp_path, {"2020.txt": earlier, "2021.txt": later}, ("RL702",))
    assert found == [], "对外公开总数量 (2019) is not 现行有效件数 (2021)"


# --------------------------------------------------------------------------- RL703


def _same_problems(earlier: SampleReport, later: SampleReport) -> SampleReport:
    """``later`` with last year's part 五, only the years moved on."""
    moved = [re.sub(r"20\d\d", lambda m: str(int(m.group()) + 1), paragraph) for paragraph in earlier.sections["s5"]]
    return later.with_section("s5", moved)


def test_part_five_copied_from_last_year_is_found(tmp_path):
    earlier = SampleReport.build("T2019", 2020, TOWN, seed=11)
    later = _same_problems(earlier, earlier.next_year(seed=12))
    found, paths = findings(tmp_path, {"2020.txt": earlier, "2021.md": later}, ("RL703",))
    [finding] = found
    assert finding.path.endswith("2021.md") and finding.severity.label == "warning"
    assert finding.message == (
        f"第五部分“存在的主要问题及改进情况”与上一年度报告 {paths['2020.txt'].as_posix()}（2020年度）的第五部分相同"
        "（不计年份和数字），存在的问题和改进情况没有更新"
    )
    assert finding.location.line == line_with(paths["2021.md"], "五、存在的主要问题及改进情况")
    [related] = finding.related
    assert related.path.endswith("2020.txt") and related.location.line == line_with(paths["2020.txt"], "五、存在的主要问题及改进情况")


def test_part_five_nearly_the_same_gives_the_similarity(tmp_path):
    earlier = SampleReport.build("T2021", 2021, TOWN, seed=13)
    later = _same_problems(earlier, earlier.next_year(seed=14))
    last = later.sections["s5"][-1]
    later = later.with_section("s5", [*later.sections["s5"][:-1], last.replace("；三是", "，切实抓好落实；三是", 1)])
    [finding] = findings(tmp_path, {"a.txt": earlier, "b.txt": later}, ("RL703",))[0]
    assert "的第五部分几乎相同（约 " in finding.message and "% 相同）（不计年份和数字）" in finding.message


def test_part_five_updated_but_similar_is_silent(tmp_path):
    earlier = SampleReport.build("T2019", 2020, TOWN, seed=15)
    problems = next(paragraph for paragraph in earlier.sections["s5"] if "一是" in paragraph)
    updated = [
        re.sub(r"20\d\d", lambda m: str(int(m.group()) + 1), problems),  # the same problems still stand
        "针对上年指出的问题，我镇已建立信息发布审核台账并开展两轮专项培训；2022年将重点推进政务新媒体与门户网站信息同步发布，"
        "对涉及乡村振兴、社会救助的信息实行清单化管理，按月通报更新情况。",
    ]
    later = earlier.next_year(seed=16).with_section("s5", updated)
    found, _ = findings(tmp_path, {"2020.txt": earlier, "2021.txt": later}, ("RL703",))
    assert found == []


# --------------------------------------------------------------------------- RL705


def test_a_stated_change_that_contradicts_last_years_table_is_found(tmp_path):
    earlier = SampleReport.build("T2019", 2020, TOWN, seed=17)
    later = earlier.next_year(seed=18)
    new, old = int(later.value("s3", "r1", "c_total")), int(earlier.value("s3", "r1", "c_total"))
    stated = re.search(r"(较上年(?:增加|减少)\d+件|与上年持平)", "".join(later.sections["s1"])).group()
    wrong = f"较上年增加{abs(new - old) + 5}件"
    later = later.with_text_replaced(stated, wrong)
    found, paths = findings(tmp_path, {"2020.txt": earlier, "2021.txt": later}, ("RL705",))
    [finding] = found
    actual = "实际持平" if new == old else f"实际{'增加' if new > old else '减少'} {abs(new - old)}"
    assert finding.message == (
        f"正文称收到政府信息公开申请“{wrong}”，但上一年度报告 {paths['2020.txt'].as_posix()}（2020年度）"
        f"“一、本年新收政府信息公开申请数量”行“总计”列为 {old}，本年为 {new}，{actual}"
    )
    assert text_at(paths["2021.txt"], finding.start, finding.end) == wrong
    [related] = finding.related
    assert related.path.endswith("2020.txt") and text_at(paths["2020.txt"], related.start, related.end) == str(old)


def test_percentages_are_checked_against_last_years_count(tmp_path):
    earlier = SampleReport.build("T2021", 2021, TOWN, seed=19).with_cell("s4", "cases", "rv_total", "4")
    earlier = earlier.with_cell("s4", "cases", "rv_keep", "4").with_cell("s4", "cases", "rv_fix", "0")
    earlier = earlier.with_cell("s4", "cases", "rv_other", "0").with_cell("s4", "cases", "rv_pending", "0")
    later = earlier.next_year(seed=20)
    lead = later.sections["s1"][0]
    right = later.with_section("s1", [lead + "全年行政复议案件3件，同比下降25%。", *later.sections["s1"][1:]])
    wrong = later.with_section("s1", [lead + "全年行政复议案件3件，同比下降20%。", *later.sections["s1"][1:]])
    assert findings(tmp_path / "right", {"2021.txt": earlier, "2022.txt": right}, ("RL705",))[0] == []
    [finding], _ = findings(tmp_path / "wrong", {"2021.txt": earlier, "2022.txt": wrong}, ("RL705",))
    assert finding.message.endswith("为 4，本年为 3，实际减少 1，下降 25.0%") and "“同比下降20%”" in finding.message


# --------------------------------------------------------------------------- RL700 and pairing


def test_two_reports_of_one_body_and_year_are_noted_once_and_not_guessed(tmp_path):
    earlier = SampleReport.build("T2019", 2020, TOWN, seed=21)
    later = earlier.next_year(seed=22, carry_over_error=1)
    copy = later.with_title(later.title + "（修订版）")
    found, paths = findings(tmp_path, {"a2020.txt": earlier, "b2021.txt": later, "c2021.txt": copy}, ("RL700", "RL701"))
    [note] = found
    assert note.code == "RL700" and note.severity.label == "info" and note.path.endswith("b2021.txt")
    assert note.message == (
        f"秦安县陇城镇人民政府2021年度有 2 份报告（本文件与 {paths['c2021.txt'].as_posix()}），无法确定用哪一份与相邻年度比较，这一年度不做跨年度检查"
    )
    assert [item.path for item in note.related] == [paths["c2021.txt"].as_posix()]


UNKNOWN = SampleSubject("无名镇", "镇", "无名县", "无名市", "无名省")


def test_a_body_the_gazetteer_does_not_know_is_paired_through_the_pairing_table(tmp_path):
    earlier = SampleReport.build("T2019", 2020, UNKNOWN, seed=23)
    later = earlier.next_year(seed=24, carry_over_error=1)
    reports = {"2020/wmz.txt": earlier, "2021/wmz.txt": later}
    found, _ = findings(tmp_path / "reports", reports, ("RL700", "RL701"))
    assert found == [], "two years checked together, neither placed: nothing is compared, and nothing guessed"
    noted = lint_batch([tmp_path / "reports" / "2021"], previous=[tmp_path / "reports" / "2020"], select=["RL700", "RL701"])
    [note] = noted.diagnostics
    assert note.code == "RL700" and note.path.endswith("2021/wmz.txt")
    assert note.message == "报告单位“无名县无名镇”在地名库中无法唯一确定，本报告未参与跨年度比较；可在配置的 [pairing] 表中为它指定单位"
    config = tmp_path / "reportlint.toml"
    config.write_text('[pairing]\n"*/wmz.txt" = "无名县无名镇人民政府"\n', encoding="utf-8")
    run = lint_batch([tmp_path / "reports"], select=["RL700", "RL701"], config_file=config)
    assert {d.code for d in run.diagnostics} == {"RL701"}
    assert all(d.path.endswith("2021/wmz.txt") for d in run.diagnostics)


@pytest.mark.parametrize("value", ['""', "3"])
def test_the_pairing_table_is_validated(tmp_path, value):
    from reportlint.core.config import ConfigError

    config = tmp_path / "reportlint.toml"
    config.write_text(f'[pairing]\n"a/*.txt" = {value}\n', encoding="utf-8")
    write_reports(tmp_path, {"a/r.txt": SampleReport.build()})
    with pytest.raises(ConfigError, match=r'pairing\."a/\*\.txt" 应为报告单位名称') as raised:
        lint_batch([tmp_path / "a"], config_file=config)
    assert str(raised.value).startswith(f"{config}:2: "), "the error names the file and the line of the key"


def test_people_s_government_office_and_bureau_of_one_place_are_different_bodies(tmp_path):
    county, bureau = SUBJECTS[3], SUBJECTS[4]  # 秦安县 (人民政府) and 秦安县教育局: same place code, different organs
    earlier = SampleReport.build("T2019", 2020, county, seed=25)
    found, _ = findings(tmp_path, {"county.txt": earlier, "bureau.txt": SampleReport.build("T2021", 2021, bureau, seed=26)}, ("RL701",))
    assert found == [], "a bureau's 2021 report is not the county government's next report"
    run = lint_batch([tmp_path], select=["RL701"])
    bodies = {result.path.rsplit("/", 1)[-1]: result.summary.cross_document.body for result in run.files}
    assert bodies["county.txt"].code == bodies["bureau.txt"].code == "620522"
    assert (bodies["county.txt"].organ, bodies["bureau.txt"].organ) == ("人民政府", "教育局")
