"""Tests of the RL5 rules: garbled dates, the statistical period, wrong years, late publication, document numbers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reportlint.core.config import ConfigError
from reportlint.core.diagnostics import Severity
from reportlint.rules.rl5_dates import (
    GarbledDate,
    GarbledDocumentNumber,
    LatePublication,
    OutdatedBoilerplate,
    PeriodMissing,
    PeriodNotFullYear,
    WrongYear,
    reportlint_rules,
)
from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render

RL5_RULES = reportlint_rules()


def lint(text: str, *rules, config=None):
    """The diagnostics of the given rules (all RL5 rules when none is given)."""
    return lint_text(text, rules=list(rules) or RL5_RULES, config=config)


def found(diagnostics, text: str) -> list[tuple[str, int, str]]:
    """(code, line, the text pointed at) of each diagnostic."""
    return [(item.code, item.location.line, text[item.start : item.end]) for item in diagnostics]


def line_of(text: str, needle: str) -> int:
    """The 1-based line where ``needle`` first occurs."""
    return text.count("\n", 0, text.index(needle)) + 1


#: The line of section 一's body in :func:`invented_report` (title, blank, period, blank, heading).
BODY_LINE = 6


def invented_report(year: int, body: str, *, title: str | None = None, period: str | None = "default", signature: str = "") -> str:
    """A short invented report: title, period sentence, the six headings with ``body`` in section 一."""
    period_line = f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。" if period == "default" else period
    lines = [title or f"某镇{year}年政府信息公开工作年度报告", ""]
    if period_line:
        lines += [period_line, ""]
    lines += ["一、总体情况", body, "二、主动公开政府信息情况", "（见下表）", "三、收到和处理政府信息公开申请情况", "（见下表）"]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "（见下表）"]
    lines += ["五、存在的主要问题及改进情况", f"{year + 1}年，我镇将进一步公开信息100条。"]
    lines += ["六、其他需要报告的事项", "无。"]
    if signature:
        lines += ["", "某镇人民政府", signature]
    return "\n".join(lines) + "\n"


def test_rules_are_registered_as_builtins():
    text = invented_report(2020, "全年主动公开信息20条。", period=None)
    codes = {item.code for item in lint_text(text, config={"select": ["RL5"]})}
    assert codes == {"RL503"}


# RL501 garbled-date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("202011日", "缺少“年”“月”，是否应为“2020年1月1日”"),
        ("20201230日", "是否应为“2020年12月30日”"),
        ("20221月", "缺少“年”，应为“2022年1月”"),
        ("2021年13月5日", "不存在：没有 13 月"),
        ("2020年2月30日", "2020 年 2 月只有 29 天"),
        ("２０２１年２月２９日", "2021 年 2 月只有 28 天"),
        ("2020年1月123日", "位数过多"),
    ],
)
def test_garbled_date_fires_on_each_form(written, hint):
    text = invented_report(2021, f"于{written}召开专题会议。")
    diagnostics = lint(text, GarbledDate)
    assert found(diagnostics, text) == [("RL501", line_of(text, written), written)]
    assert hint in diagnostics[0].message
    assert diagnostics[0].severity is Severity.ERROR


def test_garbled_date_points_at_the_range_start_missing_its_day():
    text = invented_report(2022, "全年工作顺利。", period="统计期限为2022年1月1至12月31日。")
    assert found(lint(text, GarbledDate), text) == [("RL501", 3, "2022年1月1")]


def test_garbled_date_reports_a_glued_range_end_once():
    text = invented_report(2020, "全年工作顺利。", period="本报告统计期限自202011日至20201231日止。")
    assert found(lint(text, GarbledDate), text) == [("RL501", 3, "202011日"), ("RL501", 3, "20201231日")]


def test_garbled_date_finds_a_range_end_after_a_hyphen():
    """A range's hyphen before a glued date is no part of a longer number (found by bench/inject.py on a real period)."""
    text = invented_report(2022, "全年工作顺利。", period="本报告统计期限为2022年1月1日-202212月31日。")
    diagnostics = lint(text, GarbledDate)
    assert found(diagnostics, text) == [("RL501", 3, "202212月")]
    assert diagnostics[0].message == "日期“202212月”的年份与月份之间缺少“年”，应为“2022年12月”"


def test_garbled_date_accepts_well_formed_dates_and_day_ranges():
    body = "2021年3月5-6日开展培训，2021年12月3、4日召开会议，2021年1月至12月共开展活动12次，电话：0938-6521510，2021-2022学年。"
    text = invented_report(2021, body, signature="二〇二二年一月二十日")
    assert lint(text, GarbledDate) == []


# RL502 period-not-full-year -------------------------------------------------------


def test_period_ending_a_day_early_points_at_the_end_date():
    period = "本报告中所列数据的统计期限自2021年1月1日起至2021年12月30日止。"
    text = invented_report(2021, "全年工作顺利。", period=period)
    diagnostics = lint(text, PeriodNotFullYear)
    assert found(diagnostics, text) == [("RL502", 3, "2021年12月30日")]
    assert "应为“2021年1月1日至2021年12月31日”" in diagnostics[0].message


def test_period_of_another_year_with_a_year_less_end():
    period = "本报告中所列数据的统计期限自2020年1月1日起至12月31日止。"
    text = invented_report(2021, "全年工作顺利。", period=period)
    diagnostics = lint(text, PeriodNotFullYear)
    assert found(diagnostics, text) == [("RL502", 3, "2020年1月1日起至12月31日")]
    assert "2020年1月1日至2020年12月31日" in diagnostics[0].message


def test_period_naming_only_another_year():
    text = invented_report(2021, "全年工作顺利。", period="本报告统计期限为2020年度。")
    assert [item.code for item in lint(text, PeriodNotFullYear)] == ["RL502"]


@pytest.mark.parametrize(
    "period",
    ["本报告中所列数据的统计期限自2021年1月1日起至12月31日止。", "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"],
)
def test_full_year_period_is_silent(period):
    assert lint(invented_report(2021, "全年工作顺利。", period=period), PeriodNotFullYear) == []


# RL503 period-missing -------------------------------------------------------------


def test_missing_period_points_at_the_title():
    text = invented_report(2020, "全年工作顺利。", period=None)
    diagnostics = lint(text, PeriodMissing)
    assert found(diagnostics, text) == [("RL503", 1, "某镇2020年政府信息公开工作年度报告")]
    assert "2020年1月1日起至2020年12月31日止" in diagnostics[0].message


@pytest.mark.parametrize(
    "period",
    [
        "本报告中所列数据的统计时限自2020年1月1日至2020年12月31日。",
        "报告采用数据为2020年1月1日至2020年12月31日。",
        "本报告所列数据为2020年1月1日至2020年12月31日。",
    ],
)
def test_period_statement_variants_are_accepted(period):
    assert lint(invented_report(2020, "全年工作顺利。", period=period), PeriodMissing) == []


# RL504 wrong-year -----------------------------------------------------------------


def test_wrong_year_fires_on_last_years_figures():
    text = invented_report(2023, "2022年，我镇共制定规范性文件3件，主动公开政府信息120条。")
    diagnostics = lint(text, WrongYear)
    assert found(diagnostics, text) == [("RL504", BODY_LINE, "2022年")]
    assert "本报告是 2023 年度报告" in diagnostics[0].message


@pytest.mark.parametrize(
    "body",
    [
        "（二）2022年共收到政府信息公开申请2件。",
        # a sub-heading that runs into its text after a space, as web pages leave it
        "(三) 政府信息管理情况 2022年,镇人民政府办公室共制定规范性文件0件。",
        "（四）政府信息公开平台建设  2022年，镇政府网站发布信息56条。",
    ],
)
def test_wrong_year_after_an_ordinal(body):
    text = invented_report(2023, body)
    assert found(lint(text, WrongYear), text) == [("RL504", BODY_LINE, "2022年")]


@pytest.mark.parametrize(
    "body",
    [
        "（三）政府信息管理情况。与2022年相比，制定规范性文件增加1件。",
        "（三）政府信息管理情况 按照2022年的制度，制定规范性文件1件。",
        "(三) 政府信息管理情况2022年制定的规范性文件1件已废止。",  # no space: not a heading that ran in
    ],
)
def test_wrong_year_after_a_sub_heading_needs_the_year_to_open_the_text(body):
    assert lint(invented_report(2023, body), WrongYear) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年，我镇共制定规范性文件3件。",
        "与2022年相比，收到申请增加2件。",
        "2022年收到申请2件，较上年减少1件。",
        "2020年以来，累计公开信息300条。",
        "2019—2022年累计公开信息300条。",
        "落实《2022年政务公开工作要点》，公开信息20条。",
        "根据“2022年度重点工作”安排，公开信息20条。",
        "2022年12月5日，召开专题会议1次。",
        "2022年，我镇建立了信息公开制度。",
        "2024年，我镇将公开信息200条。",
        "2022年全镇收到申请2件，2023年收到申请5件。",
    ],
)
def test_wrong_year_stays_silent_outside_reported_work(sentence):
    assert lint(invented_report(2023, sentence), WrongYear) == []


def test_wrong_year_points_to_where_the_report_year_was_read():
    text = invented_report(2023, "2022年，我镇共制定规范性文件3件。")
    [finding] = lint(text, WrongYear)
    [evidence] = finding.related
    assert evidence.message == "报告年度取自这里" and text[evidence.start : evidence.end] == "2023"
    assert text.index("2023") == evidence.start  # the title's year


def test_wrong_year_ignores_plans_in_section_five():
    text = invented_report(2020, "全年工作顺利。")
    assert "2021年，我镇将进一步公开信息100条" in text
    assert lint(text, WrongYear) == []


# RL505 late-publication -----------------------------------------------------------


def test_late_department_report_is_an_error_at_the_signature_date():
    title = "某县教育局2020年政府信息公开工作年度报告"
    text = invented_report(2020, "全年工作顺利。", title=title, signature="2021年3月15日")
    diagnostics = lint(text, LatePublication)
    assert found(diagnostics, text) == [("RL505", line_of(text, "2021年3月15日"), "2021年3月15日")]
    assert diagnostics[0].severity is Severity.ERROR
    assert "取自报告落款" in diagnostics[0].message and "逾期 43 天" in diagnostics[0].message


def test_county_government_has_until_the_end_of_march():
    title = "某县人民政府2020年政府信息公开工作年度报告"
    assert lint(invented_report(2020, "略。", title=title, signature="2021年3月15日"), LatePublication) == []
    late = lint(invented_report(2020, "略。", title=title, signature="2021年4月2日"), LatePublication)
    assert [(item.code, item.severity) for item in late] == [("RL505", Severity.ERROR)]


def test_late_township_report_is_a_warning_with_a_configurable_deadline():
    text = invented_report(2020, "略。", signature="2021年2月15日")
    diagnostics = lint(text, LatePublication)
    assert [(item.code, item.severity) for item in diagnostics] == [("RL505", Severity.WARNING)]
    assert "2021年1月31日" in diagnostics[0].message
    assert lint(text, LatePublication, config={"rules": {"late-publication": {"township-deadline": "02-20"}}}) == []


def test_a_date_in_the_next_years_window_says_the_year_may_be_last_years():
    def message(signature: str) -> str:
        [diagnostic] = lint(invented_report(2020, "略。", signature=signature), LatePublication)
        return diagnostic.message

    assert message("2022年1月20日").endswith(
        "如果这是 2021 年度的报告，则是报告年度写错了（写成了 2020 年，多半沿用了上一年的报告），请核对标题和正文中的年份"
    )
    assert "如果这是" not in message("2021年12月20日"), "still in the report's own year after the deadline"
    assert "如果这是" not in message("2022年2月20日"), "past the next year's deadline too"


def test_deadline_option_must_be_a_month_and_day():
    with pytest.raises(ConfigError, match="township-deadline"):
        lint(invented_report(2020, "略。"), LatePublication, config={"rules": {"late-publication": {"township-deadline": "2月20日"}}})


def test_no_publication_date_no_finding():
    assert lint(invented_report(2020, "略。"), LatePublication) == []


# RL506 garbled-document-number ----------------------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("〔201960号", "缺少“〕”，应写作“〔2019〕60号”"),
        ("〔2019〕号", "缺少序号"),
        ("2019〕60号", "缺少“〔”"),
        ("〔2019]60号", "括号不配对"),
        ("〔19〕60号", "不是四位年份"),
    ],
)
def test_garbled_document_number_is_an_error(written, hint):
    text = invented_report(2020, f"依据国办公开办函{written}文件要求编制本报告。")
    diagnostics = lint(text, GarbledDocumentNumber)
    assert found(diagnostics, text) == [("RL506", BODY_LINE, written)]
    assert hint in diagnostics[0].message
    assert diagnostics[0].severity is Severity.ERROR


@pytest.mark.parametrize("written", ["(2019)60号", "（2019）60号", "[2019]60号", "【2019】60号"])
def test_other_brackets_are_a_style_warning_with_a_fix(written):
    text = invented_report(2020, f"依据国办公开办函{written}文件要求编制本报告。")
    diagnostics = lint(text, GarbledDocumentNumber)
    assert found(diagnostics, text) == [("RL506", BODY_LINE, written)]
    assert diagnostics[0].severity is Severity.WARNING
    fix = diagnostics[0].fix
    assert text[: fix.start] + fix.replacement + text[fix.end :] == text.replace(written, "〔2019〕60号")


def test_well_formed_document_numbers_are_silent():
    body = "依据国办公开办函〔2019〕60号、国办函〔2020〕109号和某发〔2020〕1、2号文件，（一）加强领导（2）完善制度。"
    assert lint(invented_report(2020, body), GarbledDocumentNumber) == []


# RL507 outdated-boilerplate -------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["政府信息公开是一项全新工作", "《条例》自2008年5月1日起施行", "收取检索、复制、邮寄等成本费用"],
)
def test_outdated_boilerplate_fires_in_a_2019_or_later_report(phrase):
    text = invented_report(2020, f"我们认识到{phrase}。")
    diagnostics = lint(text, OutdatedBoilerplate)
    assert [(item.code, item.location.line) for item in diagnostics] == [("RL507", BODY_LINE)]
    assert text[diagnostics[0].start : diagnostics[0].end] in phrase


def test_the_original_decree_number_is_left_to_rl613():
    assert lint(invented_report(2020, "我们认识到依据国务院令第492号。"), OutdatedBoilerplate) == []


def test_outdated_boilerplate_is_fine_in_a_2008_era_report():
    assert lint(invented_report(2009, "政府信息公开是一项全新工作。"), OutdatedBoilerplate) == []


def test_outdated_boilerplate_extra_phrases_option():
    text = invented_report(2020, "本镇设立了政府信息公开查阅点。")
    config = {"rules": {"outdated-boilerplate": {"extra-phrases": ["政府信息公开查阅点"]}}}
    assert found(lint(text, OutdatedBoilerplate, config=config), text) == [("RL507", BODY_LINE, "政府信息公开查阅点")]


# The five seed reports ------------------------------------------------------------

#: What the RL5 rules find in each seed (DOMAIN.md §D13): 001 has no statistical-period
#: statement; 004 (a 2020 report) calls disclosure "一项全新工作". 001 is published
#: 2021-01-29 and 004 signed 2021-01-27, both townships before 31 Jan: on time. 000,
#: 002 and 003 show no publication date. No seed has a garbled date or document number;
#: the only other-year mentions are 000's "2021年，我镇将…" (a plan in section 五),
#: 001's and 004's signature dates and 004's 〔2020〕 document number.
SEED_FINDINGS = {
    "000": [],
    "001": [("RL503", 13, "新村镇2020年度政府信息公开工作\n\n年度报告")],
    "002": [],
    "003": [],
    "004": [("RL507", 44, "政府信息公开是一项全新工作")],
}


@pytest.mark.parametrize("number", sorted(SEED_FINDINGS))
def test_seed_findings(number, read_seed):
    text = read_seed(number)
    assert found(lint(text), text) == SEED_FINDINGS[number]


@pytest.mark.parametrize(
    ("number", "deadline", "published", "source"),
    [("001", "01-28", "2021年1月29日", "取自页面上的发布日期"), ("004", "01-20", "2021年1月27日", "取自报告落款")],
)
def test_seed_publication_dates_are_read_and_checked(number, deadline, published, source, read_seed):
    config = {"rules": {"late-publication": {"township-deadline": deadline}}}
    diagnostics = lint(read_seed(number), LatePublication, config=config)
    assert [(item.code, item.severity) for item in diagnostics] == [("RL505", Severity.WARNING)]
    assert published in diagnostics[0].message and source in diagnostics[0].message


def test_seed_period_changed_to_end_a_day_early(read_seed):
    text = read_seed("003").replace("至2020年12月31日止", "至2020年12月30日止")
    assert found(lint(text, PeriodNotFullYear), text) == [("RL502", 2, "2020年12月30日")]


# Generated reports (reportlint.testing.reports): consistent ones stay silent ------


@pytest.mark.parametrize(("template", "year"), [("T2019", 2020), ("T2021", 2022)])
@pytest.mark.parametrize("subject", SUBJECTS, ids=lambda subject: subject.short)
@pytest.mark.parametrize("layout", ["tabs", "cells"])
def test_consistent_generated_reports_are_silent(template, year, subject, layout):
    report = SampleReport.build(template, year, subject, seed=1)
    assert lint(render(report, layout)) == []


def test_generated_report_with_last_years_figures():
    report = SampleReport.build("T2021", 2022, SUBJECTS[0], seed=1)
    text = render(report.with_text_replaced("2022年共主动公开", "2021年共主动公开"))
    assert found(lint(text, WrongYear), text) == [("RL504", line_of(text, "2021年共主动公开"), "2021年")]


def test_generated_department_report_signed_late():
    department = next(subject for subject in SUBJECTS if subject.level == "部门")
    report = replace(SampleReport.build("T2021", 2021, department, seed=1), date="2022年2月8日")
    diagnostics = lint(render(report), LatePublication)
    assert [(item.code, item.severity) for item in diagnostics] == [("RL505", Severity.ERROR)]
    assert "县级以上人民政府部门" in diagnostics[0].message and "逾期 8 天" in diagnostics[0].message


def test_signature_after_the_pages_own_publication_date_is_reported_and_the_later_date_checked():
    title = "某县教育局2020年政府信息公开工作年度报告"
    text = "发布日期：2021-01-20\n" + invented_report(2020, "略。", title=title, signature="2021年2月10日")
    diagnostics = lint(text, LatePublication)
    messages = [item.message for item in diagnostics]
    assert len(diagnostics) == 2
    assert messages[0].startswith("落款日期 2021年2月10日 晚于网页上的发布日期 2021年1月20日")
    assert diagnostics[0].severity is Severity.WARNING and text[diagnostics[0].start : diagnostics[0].end] == "2021年2月10日"
    assert "报告发布日期为 2021年2月10日（取自报告落款）" in messages[1]  # the later date against the 1 月 31 日 deadline


def test_page_date_after_the_signature_is_the_one_checked():
    title = "某县教育局2020年政府信息公开工作年度报告"
    text = "发布日期：2021-02-10\n" + invented_report(2020, "略。", title=title, signature="2021年1月20日")
    [late] = lint(text, LatePublication)
    assert "报告发布日期为 2021年2月10日（取自页面上的发布日期）" in late.message


@pytest.mark.parametrize("number", ["某政办发〔2021〕1360-1号", "某政办发〔2021〕1360－2号", "某发〔2022〕15—3号"])
def test_document_numbers_with_a_suffix_are_valid(number):
    assert lint(invented_report(2021, f"依据{number}文件开展工作。"), GarbledDocumentNumber) == []


def test_statistical_period_in_a_cover_letter_wording():
    text = invented_report(2020, "略。", period="本报告涵盖了广东省某厅2020年1月1日至12月31日期间的政府信息公开工作情况。")
    assert lint(text, PeriodMissing) == []


def test_wrong_year_reports_a_title_year_the_period_and_the_page_date_outvote():
    text = "发布日期：2022-01-31\n" + invented_report(
        2021, "2021年，我镇共主动公开政府信息120条。", title="某镇2020年政府信息公开工作年度报告"
    )
    diagnostics = lint(text)
    assert found(diagnostics, text) == [("RL504", 2, "2020")]
    assert diagnostics[0].message == (
        "标题中的“2020”与报告年度不符：统计期限（2021年1月1日起至2021年12月31日）和网页上的发布日期（2022年1月31日）"
        "都表明本报告是 2021 年度报告，请把标题中的年份改为 2021"
    )
    every_code = {item.code for item in lint_text(text)}
    assert "RL504" in every_code and not every_code & {"RL115", "RL502", "RL505"}  # no "标题中没有年份", period fine, in time


def test_without_a_period_the_page_date_and_the_text_outvote_an_earlier_title_year():
    """No statistics period: the page published the report in 2023 and its clauses of work done open with 2022, none
    with the title's 2021 — the title was left at last year's (not a report 365 days late)."""
    text = "发布时间：2023-01-20\n" + invented_report(
        2022, "2022年，我镇共主动公开政府信息120条。", title="某镇2021年政府信息公开工作年度报告", period=None
    )
    diagnostics = lint_text(text)
    assert found([item for item in diagnostics if item.code in ("RL504", "RL505")], text) == [("RL504", 2, "2021")]
    assert next(item.message for item in diagnostics if item.code == "RL504") == (
        "标题中的“2021”与报告年度不符：网页上的发布日期（2023年1月20日）和正文中以“2022年，我镇共主动公……”开头的句子"
        "都表明本报告是 2022 年度报告，请把标题中的年份改为 2022"
    )


def test_a_policys_standing_aim_does_not_make_a_clause_of_work_done_a_plan():
    """“……长治久安总目标，……”: 总目标 is a policy's aim, not the body's plan; the clause still witnesses its year."""
    text = "发布时间：2023-01-20\n" + invented_report(
        2022,
        "2022年，我委围绕社会稳定和长治久安总目标，不断拓宽政府信息公开渠道。",
        title="某镇2021年政府信息公开工作年度报告",
        period=None,
    )
    assert found([item for item in lint_text(text) if item.code in ("RL504", "RL505")], text) == [("RL504", 2, "2021")]


@pytest.mark.parametrize(
    ("body", "page_date"),
    [
        ("2021年，我镇共主动公开政府信息120条。", "2023-01-20"),  # the text is the title's year: a report a year late
        ("2022年，我镇共主动公开政府信息120条。", "2022-01-20"),  # published on time for the title's year
        ("全年共主动公开政府信息120条。", "2023-01-20"),  # nothing in the text to agree with the page
    ],
)
def test_without_a_period_the_title_stands_unless_page_date_and_text_agree(body, page_date):
    text = f"发布时间：{page_date}\n" + invented_report(2021, body, title="某镇2021年政府信息公开工作年度报告", period=None)
    assert [item for item in lint_text(text) if item.code == "RL504" and "标题中的" in item.message] == []


def test_a_garbled_period_still_outvotes_a_title_year_with_the_page_date():
    """统计时限为20231月1日至202312月31日: its dates read as RL501 says they were meant, the period votes with the page
    date against the title's 2022 (not a report published 350 days late)."""
    text = "发布时间：2024-01-16\n" + invented_report(
        2023,
        "2023年，我镇共主动公开政府信息120条。",
        title="某镇2022年政府信息公开工作年度报告",
        period="所列数据统计时限为20231月1日至202312月31日。",
    )
    diagnostics = lint_text(text)
    assert found([item for item in diagnostics if item.code in ("RL504", "RL505")], text) == [("RL504", 2, "2022")]
    assert "都表明本报告是 2023 年度报告，请把标题中的年份改为 2023" in next(item.message for item in diagnostics if item.code == "RL504")
    assert [item.message for item in diagnostics if item.code == "RL501"] == [
        "日期“20231月”的年份与月份之间缺少“年”，应为“2023年1月”",
        "日期“202312月”的年份与月份之间缺少“年”，应为“2023年12月”",
    ]


@pytest.mark.parametrize(
    ("body", "reported"),
    [
        # part 三's carry-over terms compare nothing: a year left from last year's text is still found
        ("2020年，我乡收到政府信息公开申请12件，加上上年结转的1件，共需办理13件。", True),
        ("2020年，我乡收到申请12件，结转下年度继续办理1件。", True),
        ("2020年，我镇公开政府信息49条，其中工作动态27条，通知公告2条。", True),  # a kind of information, no document
        # the year the requests were carried over from, and a real comparison, are no stale years
        ("2020年结转至本年度的申请3件已全部办结。", False),
        ("2020年我镇共收到申请10件，本年度增加2件。", False),
    ],
)
def test_wrong_year_and_words_that_compare_or_cite(body, reported):
    text = invented_report(2021, body)
    assert [code for code, _, _ in found(lint(text), text)] == (["RL504"] if reported else [])


def test_a_title_year_against_the_period_alone_is_still_the_report_year():
    text = invented_report(2021, "我镇全年共主动公开政府信息120条。", title="某镇2020年政府信息公开工作年度报告")
    assert [code for code, _, _ in found(lint(text), text)] == ["RL502"]


@pytest.mark.parametrize(
    ("body", "signature", "witness"),
    [
        ("2021年，我镇共主动公开政府信息120条。", "", "正文中以“2021年，我镇共主动公……”开头的句子"),
        ("我镇2021年共主动公开政府信息120条。", "2022年1月20日", "落款日期（2022年1月20日）"),
    ],
)
def test_wrong_year_reports_a_title_year_behind_the_period_and_the_text_or_signature(body, signature, witness):
    """A title a year behind a whole-year period: the text's sentences of work done in the period's year, or a
    signature in the year after it, make the title the part left over."""
    text = invented_report(2021, body, title="某镇2020年政府信息公开工作年度报告", signature=signature)
    diagnostics = lint(text)
    assert found(diagnostics, text) == [("RL504", 1, "2020")]
    assert diagnostics[0].message == (
        f"标题中的“2020”与报告年度不符：统计期限（2021年1月1日起至2021年12月31日）和{witness}"
        "都表明本报告是 2021 年度报告，请把标题中的年份改为 2021"
    )
    every_code = {item.code for item in lint_text(text)}
    assert not every_code & {"RL115", "RL502", "RL505"}


def test_a_title_a_year_ahead_of_period_text_and_signature_is_the_report_year():
    """Last year's report copied with its title updated: the period, the text and the signature left over never
    outvote the title; they are the findings."""
    text = invented_report(
        2021, "2021年，我镇共主动公开政府信息120条。", title="某镇2022年政府信息公开工作年度报告", signature="2022年1月20日"
    )
    assert [code for code, _, _ in found(lint(text), text)] == ["RL502", "RL504"]
