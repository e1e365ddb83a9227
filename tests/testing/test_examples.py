"""Runnable documentation examples: reading 反例/正例 blocks and splicing a fragment into a sample report."""

from __future__ import annotations

import re

import pytest

from reportlint import Rule
from reportlint.testing import check_rule_examples, example_text, pack_rules
from reportlint.testing.examples import ExampleError, example_fragments, fragment_report, parse_examples, read_fragment, sample_subject
from reportlint.testing.reports import SampleReport, render

CLEAN = render(SampleReport.build("T2021", 2021))


def splice(fragment: str, *qualifiers: str) -> SampleReport:
    lines = [line for line in fragment.strip("\n").splitlines() if line.strip()]
    return fragment_report(read_fragment([line.strip() for line in lines], None, qualifiers))[1]


def line_of(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


# --------------------------------------------------------------------------- reading the blocks


DOC = """标题一行。

说明文字。

反例（2020年度报告）：

    第一行
      缩进保留

    第二段

正例：

    好的写法

选项：``allow``——不算示例。
"""


def test_blocks_are_the_indented_text_after_each_label():
    [bad, good] = parse_examples(DOC)
    assert (bad.kind, bad.qualifier, bad.lines) == ("反例", "2020年度报告", ("第一行", "  缩进保留", "第二段"))
    assert (good.kind, good.qualifier, good.lines, good.must_fire) == ("正例", "", ("好的写法",), False)


def test_several_titles_and_nothing_else_are_several_examples():
    [bad, _] = parse_examples(
        "x\n\n反例：\n\n    （2020年度报告）\n    某镇2020年度政府信息公开工作年度报告\n    某镇2020政府信息公开年度报告\n\n正例：\n\n    y\n"
    )
    assert example_fragments(bad) == [
        ("（2020年度报告）", "某镇2020年度政府信息公开工作年度报告"),
        ("（2020年度报告）", "某镇2020政府信息公开年度报告"),
    ]


# --------------------------------------------------------------------------- prose, headings, titles


def test_prose_becomes_the_last_paragraph_of_section_one_and_notes_are_left_out():
    report = splice("我镇工作工作扎实。    （“工作”重复）")
    assert report.sections["s1"][-1] == "我镇工作工作扎实。"
    assert render(report).replace("\n\n我镇工作工作扎实。", "", 1) == CLEAN


def test_a_heading_with_lines_replaces_that_sections_content_and_its_table():
    report = splice("二、主动公开政府信息情况\n全年主动公开政府信息156条。")
    text = render(report)
    assert "全年主动公开政府信息156条。" in text and "第二十条第（一）项" not in text
    assert report.order == ("s1", "s2", "s3", "s4", "s5", "s6")


def test_ellipsis_keeps_the_clean_content_and_lines_after_it_follow_that_content():
    report = splice("五、存在的主要问题及改进情况\n……\n2024年，我镇将进一步规范政府信息公开工作。")
    clean = SampleReport.build("T2021", 2021)
    assert report.sections["s5"] == (*clean.sections["s5"], "2024年，我镇将进一步规范政府信息公开工作。")


def test_a_heading_alone_only_rewrites_the_heading_found_by_its_text_else_its_number():
    variant = splice("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
    assert variant.headings["s4"] == "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
    assert render(variant).count("结果维持") == render(SampleReport.build()).count("结果维持")
    renumbered = splice("四、收到和处理政府信息公开申请情况")
    assert renumbered.headings["s3"] == "四、收到和处理政府信息公开申请情况"
    legacy = splice("五、咨询处理情况")
    assert legacy.headings["s5"] == "五、咨询处理情况"


def test_two_headings_list_the_reports_sections_and_a_heading_right_before_another_is_empty():
    report = splice("三、收到和处理政府信息公开申请情况\n……\n二、主动公开政府信息情况\n六、其他需要报告的事项\n无。")
    assert report.order == ("s3", "s2", "s6")
    text = render(report)
    assert "二、主动公开政府信息情况\n\n六、其他需要报告的事项\n\n无。" in text
    assert "一、本年新收政府信息公开申请数量" in text


def test_a_title_replaces_the_title_and_what_follows_it_is_the_whole_intro():
    report = splice("某镇2020年政府信息公开工作年度报告\n一、总体情况\n……")
    text = render(report)
    assert text.startswith("某镇2020年政府信息公开工作年度报告\n\n一、总体情况\n")
    assert report.year == 2020 and report.template == "T2019" and "统计期限" not in text.split("一、总体情况")[0]
    with_period = splice("2021年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2021年1月1日起至2021年12月30日止。")
    assert render(with_period).startswith(
        "2021年政府信息公开工作年度报告\n\n本报告中所列数据的统计期限自2021年1月1日起至2021年12月30日止。\n\n一、"
    )


def test_lines_before_a_title_are_page_chrome_and_a_title_may_run_over_two_lines():
    report = splice("您当前的位置: 首页 >> 公开信息内容\n新村镇2020年政府信息公开工作年度报告")
    assert render(report).startswith("您当前的位置: 首页 >> 公开信息内容\n\n新村镇2020年政府信息公开工作年度报告\n")
    split = splice("新村镇2020年度政府信息公开工作\n年度报告")
    assert split.title == "新村镇2020年度政府信息公开工作\n年度报告" and split.year == 2020


def test_intro_context_line_and_no_title():
    report = splice("（引言）\n全文包括概述等六个部分。")
    assert report.intro == ("全文包括概述等六个部分。",) and report.period == ""
    assert not render(splice("（没有标题）")).startswith("秦安县")


def test_a_date_line_is_the_signature_date_and_a_body_name_above_it_the_signature():
    report = splice("某县教育局2020年政府信息公开工作年度报告\n……\n某县教育局\n2021年3月15日")
    assert render(report).endswith("某县教育局\n\n2021年3月15日\n")
    assert report.intro == SampleReport.build("T2019", 2020).intro


# --------------------------------------------------------------------------- table rows


def test_rows_are_found_by_label_ordinal_free_label_or_beginning():
    report = splice("行政规范性文件  0  （空）  5\n上年结转政府信息公开申请数量  1  0  0  0  0  0  1\n一、本年新收…  7 …")
    assert report.value("s2_20_1", "normative", "repealed") == ""
    assert report.row_labels[("s3", "r2")] == "上年结转政府信息公开申请数量"
    assert report.value("s3", "r1", "c_np") == "7"
    assert report.value("s3", "r1", "c_total") == SampleReport.build().value("s3", "r1", "c_total")
    assert ("s3", "r1") not in report.row_labels


def test_fewer_values_leave_cells_out_and_more_values_follow_the_last_column():
    report = splice("（第四部分表格）\n" + "  ".join(["0"] * 16) + "\n（第三部分表格）\n（一）予以公开  1  0")
    assert report.extra_values[("s4", "cases")] == ("0",)
    assert report.value("s3", "r3_1", "c_np") == "1" and report.value("s3", "r3_1", "c_sci") is None


def test_a_row_without_label_is_the_row_after_the_previous_one():
    report = splice("（第三部分表格）\n二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0\n9  0  0  0  0  0  9")
    assert report.row_labels[("s3", "r3_1")] == "" and report.value("s3", "r3_1", "c_np") == "9"
    group = splice("（第三部分表格）\n（五）不予处理\n4  0  0  0  0  0  4")
    assert group.value("s3", "r3_5_1", "c_np") == "4"


def test_zeros_and_missing_rows_from_the_table_context_line():
    report = splice("（第三部分表格，其余各行为 0）\n（一）予以公开  2  0  0  0  0  0  2")
    assert report.value("s3", "r1", "c_total") == "0" and report.value("s3", "r3_1", "c_total") == "2"
    dropped = splice("（第三部分表格缺少“3.要求提供公开出版物”行）")
    assert ("s3", "r3_5_3") in dropped.dropped_rows and "3.要求提供公开出版物" not in render(dropped)


def test_a_header_row_chooses_the_template_and_rewrites_the_header():
    report = splice("信息内容  本年新制作数量  本年新公开数量  对外公开总数量", "2021年度报告")
    assert (report.template, report.year) == ("T2019", 2021)
    truncated = splice("信息内容  本年制发件数  本年废止件  现行有效件数")
    assert truncated.column_labels[("s2_20_1", "repealed")] == "本年废止件"
    assert "信息内容\t本年制发件数\t本年废止件\t现行有效件数" in render(truncated)


def test_rows_that_do_not_exist_or_are_ambiguous_are_errors_not_prose():
    with pytest.raises(ExampleError, match="政府集中采购"):
        splice("政府集中采购  12  70280元")  # a 2019-format row in a 2021 report
    with pytest.raises(ExampleError, match="可以指"):
        splice("（第三部分表格）\n3.  0")
    assert splice("（2020年度报告）\n政府集中采购  12  7").value("s2_20_9", "procurement", "purchase_count") == "12"


# --------------------------------------------------------------------------- context


def test_year_and_subject_context():
    report = splice("我镇工作。", "秦安县兴国镇的报告", "2020年度报告")
    assert (report.subject.short, report.subject.county, report.year, report.template) == ("兴国镇", "秦安县", 2020, "T2019")
    assert render(report).startswith("秦安县兴国镇2020年政府信息公开工作年度报告")


def test_subjects_from_the_gazetteer():
    assert (sample_subject("云南省楚雄市新村镇").county, sample_subject("云南省楚雄市新村镇").province) == ("楚雄市", "云南省")
    department = sample_subject("秦安县教育局")
    assert (department.level, department.county) == ("部门", "秦安县")
    street = sample_subject("七里墩街道办事处")
    assert street.level == "街道" and street.county == "秦州区"
    unknown = sample_subject("某镇")
    assert (unknown.short, unknown.level) == ("某镇", "镇")


def test_example_text_is_the_spliced_report():
    text = example_text("""
        （第三部分表格）
        （一）予以公开  3  1  0  0  0  1  4
    """)
    assert re.search(r"（一）予以公开\t3\t1\t0\t0\t0\t1\t4", line_of(text, "（一）予以公开"))


# --------------------------------------------------------------------------- checking a rule


class NoPlaceholder(Rule):
    """模板占位符（××、XX镇）未替换。

    反例：

        ××镇2021年政府信息公开工作年度报告

    正例：

        某镇2021年政府信息公开工作年度报告
    """

    code = "GS101"
    name = "no-placeholder"
    severity = "warning"

    def check(self, report):
        for match in re.finditer(r"××|XX镇", report.text):
            yield self.diagnostic("模板占位符未替换：" + match.group(), match.start(), match.end())


def test_a_plugin_rules_examples_run():
    runs = check_rule_examples(NoPlaceholder)
    assert [(run.example.kind, len(run.findings)) for run in runs] == [("反例", 1), ("正例", 0)]
    assert runs[0].text.startswith("××镇2021年政府信息公开工作年度报告\n")


def test_a_wrong_example_fails_naming_it():
    class Swapped(NoPlaceholder):
        __doc__ = NoPlaceholder.__doc__.replace("××镇", "@@").replace("某镇", "××镇").replace("@@", "某镇")

    with pytest.raises(AssertionError) as error:
        check_rule_examples(Swapped)
    message = str(error.value)
    assert "GS101" in message and "反例没有被报告" in message and "正例被报告了" in message and "某镇2021年" in message


def test_a_rule_without_examples_fails():
    class Undocumented(NoPlaceholder):
        """模板占位符未替换。"""

    with pytest.raises(AssertionError, match="反例"):
        check_rule_examples(Undocumented)


def test_pack_rules_run_the_same_way(tmp_path):
    path = tmp_path / "gansu.yaml"
    path.write_text(
        "rules:\n"
        "  - code: GS201\n    name: local-terms\n    type: substitution\n    pairs: {便民服务大厅: 便民服务中心}\n"
        "    message: 本省统一称“{suggestion}”\n"
        "    examples: {bad: 在便民服务大厅设置查阅点。, good: 在便民服务中心设置查阅点。}\n",
        encoding="utf-8",
    )
    [rule] = pack_rules(path)
    runs = check_rule_examples(rule)
    assert [(run.example.kind, len(run.findings)) for run in runs] == [("反例", 1), ("正例", 0)]
