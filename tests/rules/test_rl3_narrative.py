"""Tests of the RL31x narrative-number rules: sums, percentages, rates, and prose against the tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.rules.rl3_narrative import (
    NarrativeSumMismatch,
    PercentageMismatch,
    RateContradiction,
    TextTableMismatch,
    _words_by_sentence,
    reportlint_rules,
)
from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render
from reportlint.text.quantities import find_enumerations
from reportlint.text.segmentation import Span, span_index

NARRATIVE_RULES = reportlint_rules()


def lint(text: str, *rules, config=None):
    """The diagnostics of the given rules (all narrative rules when none is given)."""
    return lint_text(text, rules=list(rules) or NARRATIVE_RULES, config=config)


def found(diagnostics, text: str) -> list[tuple[str, int, str]]:
    """(code, line, the text pointed at) of each diagnostic."""
    return [(item.code, item.location.line, text[item.start : item.end]) for item in diagnostics]


def line_of(text: str, needle: str) -> int:
    """The 1-based line where ``needle`` first occurs."""
    return text.count("\n", 0, text.index(needle)) + 1


def prose_report(*paragraphs: str) -> str:
    """A short invented 2021 report whose section 一 holds ``paragraphs`` (one per line, from line 6)."""
    head = ["某镇2021年政府信息公开工作年度报告", "", "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。", "", "一、总体情况"]
    return "\n".join([*head, *paragraphs, "六、其他需要报告的事项", "无。"]) + "\n"


# The official T2021 row labels of the application table (section 三), flattened to tab-separated rows.
_S3_LABELS = (
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果\t（一）予以公开",
    "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "\t（三）不予公开\t1.属于国家秘密",
    "\t\t2.其他法律行政法规禁止公开",
    "\t\t3.危及“三安全一稳定”",
    "\t\t4.保护第三方合法权益",
    "\t\t5.属于三类内部事务信息",
    "\t\t6.属于四类过程性信息",
    "\t\t7.属于行政执法案卷",
    "\t\t8.属于行政查询事项",
    "\t（四）无法提供\t1.本机关不掌握相关政府信息",
    "\t\t2.没有现成信息需要另行制作",
    "\t\t3.补正后申请内容仍不明确",
    "\t（五）不予处理\t1.信访举报投诉类申请",
    "\t\t2.重复申请",
    "\t\t3.要求提供公开出版物",
    "\t\t4.无正当理由大量反复申请",
    "\t\t5.要求行政机关确认或重新出具已获取信息",
    "\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "\t\t3.其他",
    "\t（七）总计",
    "四、结转下年度继续办理",
)


def table_report(overview: str, *, applications: int = 0, reviews: int = 0, lawsuits: int = 0, normative: int = 0) -> str:
    """An invented 2021 (T2021) report: ``overview`` as section 一, then consistent tables with the given counts.

    ``applications`` are new applications from individuals, all disclosed;
    ``reviews`` reconsiderations upheld; ``lawsuits`` suits without prior reconsideration, upheld.
    """

    def application_row(label: str, count: int) -> str:
        return "\t".join([label, str(count), "0", "0", "0", "0", "0", str(count)])

    counted = ("一、本年新收政府信息公开申请数量", "（一）予以公开", "（七）总计")
    s3 = [application_row(label, applications if label.endswith(counted) else 0) for label in _S3_LABELS]
    s4 = [reviews, 0, 0, 0, reviews, lawsuits, 0, 0, 0, lawsuits, 0, 0, 0, 0, 0]
    lines = [
        "某镇2021年政府信息公开工作年度报告",
        "",
        "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
        "",
        "一、总体情况",
        overview,
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t0\t0\t0",
        f"行政规范性文件\t{normative}\t0\t{normative}",
        "第二十条第（五）项",
        "信息内容\t本年处理决定数量",
        "行政许可\t0",
        "第二十条第（六）项",
        "信息内容\t本年处理决定数量",
        "行政处罚\t0",
        "行政强制\t0",
        "第二十条第（八）项",
        "信息内容\t本年收费金额（单位：万元）",
        "行政事业性收费\t0",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
        "\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        *s3,
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t\t\t\t\t行政诉讼",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉",
        "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
        "\t".join(map(str, s4)),
        "五、存在的主要问题及改进情况",
        "下一步，我镇将制定规范性文件2件。",
        "六、其他需要报告的事项",
        "无。",
    ]
    return "\n".join(lines) + "\n"


OVERVIEW_LINE = 6


# RL310 narrative-sum-mismatch -----------------------------------------------------


def test_sum_mismatch_with_a_catch_all_item_points_at_the_total():
    text = prose_report("全年共发布信息100条，其中政策文件30条、工作动态50条、其他信息10条。")
    diagnostics = lint(text, NarrativeSumMismatch)
    assert found(diagnostics, text) == [("RL310", 6, "100条")]
    assert diagnostics[0].message == "“100条”的各部分之和为 90，与总数 100 不符，相差 10（30 + 50 + 10 = 90）"
    assert [text[item.start : item.end] for item in diagnostics[0].related] == ["30条", "50条", "10条"]


def test_parts_exceeding_the_total_always_fire():
    text = prose_report("全年累计接受群众咨询300次。其中电话咨询90次；当面咨询231次。")
    assert found(lint(text, NarrativeSumMismatch), text) == [("RL310", 6, "300次")]


def test_collective_total_without_qizhong():
    text = prose_report("全年共发布各类信息90条，主动公开政府文件16条，财政预决算2条，公开其余信息70条。")
    diagnostics = lint(text, NarrativeSumMismatch)
    assert found(diagnostics, text) == [("RL310", 6, "90条")]
    assert "各部分之和为 88，与总数 90 不符，相差 2" in diagnostics[0].message


def test_list_introduced_by_fenbie():
    text = prose_report("全镇共有政务新媒体账号15个，分别为微信公众号8个、微博账号4个、抖音号2个。")
    assert found(lint(text, NarrativeSumMismatch), text) == [("RL310", 6, "15个")]


def test_chinese_numerals_are_read():
    text = prose_report("全年共收到咨询十二次，其中电话咨询五次、其他咨询六次。")
    assert found(lint(text, NarrativeSumMismatch), text) == [("RL310", 6, "十二次")]


def test_partial_list_is_silent_unless_configured():
    text = prose_report("全年共发布信息100条，其中政策文件30条、工作动态50条。")
    assert lint(text, NarrativeSumMismatch) == []
    config = {"rules": {"narrative-sum-mismatch": {"shortfall": "always"}}}
    assert [item.code for item in lint(text, NarrativeSumMismatch, config=config)] == ["RL310"]


@pytest.mark.parametrize(
    "sentence",
    [
        "全年共发布信息100条，其中政策文件30条、工作动态50条、其他信息20条。",
        "全年发布信息约100条，其中政策文件30条、其他信息60条。",
        "全年共收到申请10件，其中自然人8件、法人2件，已全部办结10件。",
        "全年共收到“12345”热线工单2件，办理2件，办结率100%。",
        "全年累计因政府信息公开工作引起举报2起；投诉1起；行政复议0起。",
        "全年共发布各类信息100条，其中政策文件30条，其中规范性文件5条，工作动态70条。",
    ],
)
def test_sum_mismatch_stays_silent_on_good_or_unrelated_lists(sentence):
    assert lint(prose_report(sentence), NarrativeSumMismatch) == []


# RL311 percentage-mismatch --------------------------------------------------------


def test_share_that_disagrees_with_its_count():
    text = prose_report("全年累计主动公开政府信息122条。其中：A类信息15条，占总体百分比为13.3%；B类信息107条，占总体百分比为87.7%。")
    diagnostics = lint(text, PercentageMismatch)
    assert found(diagnostics, text)[0] == ("RL311", 6, "13.3%")
    assert "15 ÷ 122 = 12.30%" in diagnostics[0].message
    assert [item.code for item in diagnostics] == ["RL311", "RL311"]  # and the shares add up to 101.0%
    assert "各项占比之和为 101.0%" in diagnostics[1].message


def test_shares_above_one_hundred_percent():
    text = prose_report("按类别分，A类占35%，B类占40%，C类占30%。")
    diagnostics = lint(text, PercentageMismatch)
    assert found(diagnostics, text) == [("RL311", 6, "35%，B类占40%，C类占30%")]
    assert "各项占比之和为 105%，应为 100%（相差 5 个百分点）" in diagnostics[0].message


def test_shares_of_a_whole_below_one_hundred_percent():
    text = prose_report("按类别分，A类占35%，B类占40%，其他占20%。")
    assert [item.code for item in lint(text, PercentageMismatch)] == ["RL311"]


@pytest.mark.parametrize(
    "sentence",
    [
        "全年累计主动公开政府信息122条。其中：A类信息15条，占总体百分比为12.3%；B类信息107条，占总体百分比为87.7%。",
        "按类别分，A类占35%，B类占40%。",
        "A类占比33.3%，B类占比33.3%，C类占比33.3%。",
        "其中男性占55%，女性占45%；60岁以上占30%。",
    ],
)
def test_percentages_stay_silent_when_consistent(sentence):
    assert lint(prose_report(sentence), PercentageMismatch) == []


def test_tolerance_option():
    text = prose_report("其中A类占33.5%，B类占33.5%，其他占33.5%。")
    assert [item.code for item in lint(text, PercentageMismatch)] == ["RL311"]
    config = {"rules": {"percentage-mismatch": {"tolerance": 0.6}}}
    assert lint(text, PercentageMismatch, config=config) == []


# RL312 rate-contradiction ---------------------------------------------------------


def test_rate_contradicted_by_its_counts():
    text = prose_report("全年共收到“12345”热线工单2件，办理1件，办结率100%。")
    diagnostics = lint(text, RateContradiction)
    assert found(diagnostics, text) == [("RL312", 6, "办结率100%")]
    assert diagnostics[0].message == "“办结率100%”与同句的数量不符：收到 2件、办理 1件，办结率应为 50.0%"


@pytest.mark.parametrize(
    "sentence",
    [
        "全年共收到热线工单3件，办结2件，办结率66.7%。",
        "全年共收到热线工单2件，办理2件，办结率100%，群众满意率100%。",
        "答复平台反馈问题108件、网站留言12件，答复率100%。",
        "收到来信5件、来电3件，办结8件，办结率100%。",
    ],
)
def test_rate_consistent_or_not_computable_is_silent(sentence):
    assert lint(prose_report(sentence), RateContradiction) == []


# RL313 text-table-mismatch --------------------------------------------------------


def test_stated_application_count_against_the_table():
    text = table_report("全年共收到政府信息公开申请3件。", applications=0)
    diagnostics = lint(text, TextTableMismatch)
    assert found(diagnostics, text) == [("RL313", OVERVIEW_LINE, "3件")]
    message = diagnostics[0].message
    assert "一、本年新收政府信息公开申请数量" in message and "“总计”列为 0" in message and "3件" in message
    assert [text[item.start : item.end] for item in diagnostics[0].related] == ["0"]


def test_no_applications_but_the_table_has_some():
    text = table_report("全年未收到政府信息公开申请。", applications=2)
    diagnostics = lint(text, TextTableMismatch)
    assert found(diagnostics, text) == [("RL313", OVERVIEW_LINE, "未收到政府信息公开申请")]
    assert "为 2" in diagnostics[0].message


def test_no_reconsideration_or_lawsuit_but_the_table_has_some():
    text = table_report("全年未发生因政府信息公开引起的行政复议、行政诉讼。", reviews=1, lawsuits=2)
    diagnostics = lint(text, TextTableMismatch)
    assert [(item.code, item.location.line) for item in diagnostics] == [("RL313", OVERVIEW_LINE)] * 2
    assert "“行政复议/总计”列为 1" in diagnostics[0].message
    assert "“行政诉讼/未经复议直接起诉/总计”列与“行政诉讼/复议后起诉/总计”列之和为 2" in diagnostics[1].message
    assert [item.message for item in diagnostics[1].related] == [
        "第四部分表格“政府信息公开行政复议、行政诉讼情况”“行政诉讼/未经复议直接起诉/总计”列 = 2",
        "第四部分表格“政府信息公开行政复议、行政诉讼情况”“行政诉讼/复议后起诉/总计”列 = 0",
    ]


def test_stated_reconsiderations_and_normative_documents_against_the_tables():
    text = table_report("全年被申请行政复议2件，制发行政规范性文件3件。", reviews=1, normative=1)
    diagnostics = lint(text, TextTableMismatch)
    assert found(diagnostics, text) == [("RL313", OVERVIEW_LINE, "2件"), ("RL313", OVERVIEW_LINE, "3件")]
    assert "行政复议" in diagnostics[0].message and "本年制发件数" in diagnostics[1].message


def test_text_matching_the_tables_is_silent():
    overview = "全年共收到政府信息公开申请3件，被申请行政复议1件，行政诉讼1起，制发行政规范性文件1件。未按时答复引发行政复议1件。"
    text = table_report(overview, applications=3, reviews=1, lawsuits=1, normative=1)
    assert "下一步，我镇将制定规范性文件2件。" in text  # a plan in section 五: not compared
    assert lint(text, TextTableMismatch) == []


@pytest.mark.parametrize(
    "overview",
    [
        "全年共受理政府信息公开申请3件（含上年结转1件）。",
        "申请人对答复不服的，可以依法申请行政复议或者提起行政诉讼。",
        "全年共收到政府信息公开申请2件。下一步，力争受理政府信息公开申请5件以上。",
    ],
)
def test_statements_that_are_not_this_years_counts_are_silent(overview):
    assert lint(table_report(overview, applications=2, reviews=1, lawsuits=1), TextTableMismatch) == []


def test_without_tables_there_is_nothing_to_compare():
    assert lint(prose_report("全年共收到政府信息公开申请3件，行政复议1件。"), TextTableMismatch) == []


# The five seed reports ------------------------------------------------------------


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_seeds_have_no_narrative_findings(number, read_seed):
    """Per DOMAIN.md §D13 the seeds' sums are right (001: 268; 004: 122, 100.0%, 321), 000's
    答复率 has no received count to check against, and the prose of 000/002 ("未收到…申请",
    "共接到政府信息公开申请 0 件", no 行政复议/诉讼) agrees with their all-zero tables."""
    assert lint(read_seed(number)) == []


def test_seed_lists_are_understood(read_seed):
    """The silence above is not a parsing failure: the seeds' lists are read with every part."""
    totals_001 = [(item.total.value, item.parts_sum, len(item.parts)) for item in find_enumerations(read_seed("001"))]
    assert totals_001 == [(268, 268, 8)]
    totals_004 = [(item.total.value, item.parts_sum, len(item.parts)) for item in find_enumerations(read_seed("004"))]
    assert totals_004 == [(122, 122, 5), (0, 0, 5), (321, 321, 3)]


@pytest.mark.parametrize(
    ("number", "edit", "rule", "pointed"),
    [
        ("001", ("公开其余信息151条", "公开其余信息150条"), NarrativeSumMismatch, "268条"),
        ("004", ("当面咨询接待231次", "当面咨询接待241次"), NarrativeSumMismatch, "321次"),  # parts now exceed the total
        ("004", ("占总体百分比为12.3%", "占总体百分比为13.3%"), PercentageMismatch, "13.3%"),
        ("001", ("办理2件", "办理1件"), RateContradiction, "办结率100%"),
        ("002", ("共接到政府信息公开申请 0 件", "共接到政府信息公开申请 2 件"), TextTableMismatch, "2 件"),
        ("000", ("未收到政府信息公开申请", "收到政府信息公开申请 1 件"), TextTableMismatch, "1 件"),
        ("001", ("配备信息公开专员1名", "配备信息公开专员1名,制定规范性文件2件"), TextTableMismatch, "2件"),  # T2019 本年新制作数量
    ],
)
def test_seed_with_one_number_changed(number, edit, rule, pointed, read_seed):
    old, new = edit
    text = read_seed(number)
    assert old in text
    changed = text.replace(old, new)
    diagnostics = [item for item in lint(changed, rule) if changed[item.start : item.end] == pointed]
    assert [(item.code, item.location.line) for item in diagnostics] == [(rule.code, line_of(changed, new))]


# Generated reports (reportlint.testing.reports): prose that states the tables' numbers


@pytest.mark.parametrize(("template", "year"), [("T2019", 2020), ("T2021", 2021)])
@pytest.mark.parametrize("subject", SUBJECTS, ids=lambda subject: subject.short)
@pytest.mark.parametrize("layout", ["tabs", "cells", "pipes"])
def test_consistent_generated_reports_are_silent(template, year, subject, layout):
    report = SampleReport.build(template, year, subject, seed=2)
    assert lint(render(report, layout)) == []


@pytest.mark.parametrize("layout", ["tabs", "cells", "pipes"])
def test_generated_report_whose_application_count_disagrees(layout):
    report = SampleReport.build("T2021", 2021, SUBJECTS[0], seed=1)
    stated = int(report.value("s3", "r1", "c_total"))
    text = render(report.with_text_replaced(f"共收到政府信息公开申请{stated}件", f"共收到政府信息公开申请{stated + 1}件"), layout)
    diagnostics = lint(text, TextTableMismatch)
    assert found(diagnostics, text) == [("RL313", line_of(text, f"申请{stated + 1}件"), f"{stated + 1}件")]
    assert f"为 {stated}" in diagnostics[0].message


# ----- nested breakdowns and lists that are not breakdowns (real reports)


def test_nested_breakdown_adds_up_at_each_level():
    text = prose_report("全年共公开信息5000条，其中政府文件1233条，其中规章2条、规范性文件1231条，工作动态3767条。")
    assert lint(text, NarrativeSumMismatch) == []


def test_nested_breakdown_reports_the_outer_level_that_does_not_add_up():
    text = prose_report("全年共公开信息5000条，其中政府文件1233条，其中规章2条、规范性文件1231条，其他信息3700条。")
    [finding] = lint(text, NarrativeSumMismatch)
    assert text[finding.start : finding.end] == "5000条" and "1233 + 3700 = 4933" in finding.message


def test_an_inner_list_that_does_not_close_makes_the_sentence_unsure():
    text = prose_report("全年共公开信息5000条，其中政府文件1233条，其中规章2条、规范性文件1000条，其他信息3767条。")
    assert lint(text, NarrativeSumMismatch) == []


def test_counts_of_other_channels_are_not_parts_of_a_total():
    text = prose_report("局门户网站共发布各类信息4223条，“某某生态环境”微信、微博分别发布信息1826条、2386条，阅读总量186万次。")
    assert lint(text, NarrativeSumMismatch) == []


def test_a_list_ends_where_something_else_is_counted():
    text = prose_report("累计主动公开政府信息10220条，其中政务动态信息4792条，信息公开目录信息5403条，新开设专栏6个，发布解读信息44条。")
    assert lint(text, NarrativeSumMismatch) == []


_WORDS = ("申请", "复议", "诉讼", "规范性文件")


def _words_by_sentence_one_by_one(text: str, sentences, starts, words) -> dict[int, set[str]]:
    """The simple form of ``_words_by_sentence``: every occurrence of every word placed in its sentence."""
    held_by: dict[int, set[str]] = {}
    for word in words:
        position = text.find(word)
        while position >= 0:
            index = span_index(sentences, starts, position)
            if index >= 0:
                held_by.setdefault(index, set()).add(word)
            position = text.find(word, position + len(word))
    return held_by


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["申请", "复议", "诉讼", "规范性文件", "规范性", "文件", "申", "请", "。", "5件"]), st.sampled_from("|,.")
        ),
        max_size=30,
    )
)
def test_words_by_sentence_is_every_occurrence_placed_in_its_sentence(pieces):
    # sentences in order and apart, some next to each other and some with gaps between them (the prose sentences of a
    # report leave table rows out): after each piece a sentence ends (|), a sentence ends and a gap begins (,), or not (.)
    text = "".join(piece for piece, _ in pieces)
    sentences, start, end = [], 0, 0
    for piece, cut in pieces:
        end += len(piece)
        if cut != "." and start is not None and end > start:
            sentences.append(Span(start, end))
        if cut != ".":
            start = end if cut == "|" else None
        elif start is None:
            start = end - len(piece)
    if start is not None and end > start:
        sentences.append(Span(start, end))
    starts = [sentence.start for sentence in sentences]
    assert _words_by_sentence(text, sentences, starts, _WORDS) == _words_by_sentence_one_by_one(text, sentences, starts, _WORDS)
