"""RL1 content the format requires: intro promises, the five aspects, Art. 50, the fee statement."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from tests.rules.rl1_reports import TOWN, findings, line_of

from reportlint.rules.rl1_content import OVERVIEW_ASPECTS, _listed_items, _mask_aspect_lists, enumeration_sentences
from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render


def test_intro_promises(report):
    intro = "本报告包括概述，主动公开政府信息情况，咨询处理情况共三个部分。并附指标统计表。"
    text = render(report, "tabs").replace("\n", "\n" + intro + "\n", 1)
    messages = [message for _, message in findings(text, "RL108")]
    assert any("“概述”" in message and "“咨询处理情况”" in message for message in messages)
    assert any(message == "引言说报告共 3 个部分，正文实际有 6 个一级标题" for message in messages)


def test_overview_aspects_and_lists_that_only_name_them(report):
    text = render(report, "tabs")
    start, end = text.index("一、总体情况"), text.index("二、主动公开政府信息情况")
    body = "一、总体情况\n我镇着力抓好主动公开、依申请公开、政策解读、平台建设等重点工作。全年主动公开政府信息56条。\n"
    text = text[:start] + body + text[end:]
    [(line, message)] = findings(text, "RL109")
    assert line == line_of(text, "一、总体情况")
    assert "“依申请公开”" in message and "“政府信息管理”" in message and "“监督保障”" in message and "“主动公开”" not in message


def test_assessment_statement_for_governments_only(report):
    text = render(report, "tabs")
    for word in ("考核", "评议", "责任追究", "问责"):
        text = text.replace(word, "检查")
    assert len(findings(text, "RL110")) == 1
    department = render(SampleReport.build("T2021", 2021, subject=SUBJECTS[4], seed=7), "tabs")
    for word in ("考核", "评议", "责任追究", "问责"):
        department = department.replace(word, "检查")
    assert findings(department, "RL110") == []


def test_fee_statement_required_from_2021(report):
    text = render(report, "tabs").replace("信息处理费", "处理费用")
    [(line, message)] = findings(text, "RL111")
    assert line == line_of(text, "六、其他需要报告的事项") and "信息处理费" in message


def _with_intro(report, intro: str) -> str:
    return render(report, "tabs").replace("\n", "\n" + intro + "\n", 1)


def test_review_and_litigation_listed_with_a_comma_is_one_part(report):
    intro = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。"
    assert findings(_with_intro(report, intro), "RL108") == []


def test_saying_who_compiled_the_report_promises_nothing(report):
    intro = "本报告由秦安县陇城镇人民政府编制，全文包括：总体情况，主动公开政府信息情况。"
    assert findings(_with_intro(report, intro).replace("全文包括：总体情况，主动公开政府信息情况。", ""), "RL108") == []


def test_intro_listing_five_parts_but_saying_six(report):
    intro = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在问题及改进情况、其他需要报告的事项等六部分组成。"
    [(line, message)] = findings(_with_intro(report, intro), "RL108")
    assert line == 2 and message == "引言列出了 5 个部分，却说共 6 个部分（没有列出“四、政府信息公开行政复议、行政诉讼情况”）"


def test_an_intro_listing_parts_by_old_names_does_not_say_which_part_is_not_listed(report):
    # 概述 is part 一 and 存在问题和下一步工作计划 part 五 in other words: "没有列出“一、总体情况”" would be wrong
    intro = "本报告由概述、依申请公开政府信息情况、行政复议行政诉讼情况、存在问题和下一步工作计划等五部分组成。"
    messages = [message for line, message in findings(_with_intro(report, intro), "RL108") if line == 2]
    assert messages[0] == "引言列出了 4 个部分，却说共 5 个部分"


def test_parts_written_together_or_with_mixed_list_marks_are_counted_right(report):
    for intro in (
        "本报告由总体情况主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。",
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况，存在的主要问题及改进情况，其他需要报告的事项等六部分。",
    ):
        assert findings(_with_intro(report, intro), "RL108") == [], intro


def test_an_incomplete_text_only_checks_the_intro_itself(report):
    text = _with_intro(report, "全文包括概述、主动公开政府信息情况、咨询处理情况共四个部分。")
    text = text[: text.index("三、收到和处理")]
    messages = [message for _, message in findings(text, "RL108")]
    assert messages[0].startswith("引言列出了 3 个部分，却说共 4 个部分")  # the intro contradicts itself
    assert messages[1:] == ["引言说报告共 4 个部分，统一格式的年度报告由 6 个部分组成"]  # no comparison with the missing headings


# ----- RL109 by year, RL112 without a body name


def test_overview_aspects_are_a_warning_from_2021_and_a_hint_before():
    body = "一、总体情况\n我镇全年主动公开政府信息56条。\n"
    for template, year, severity in (("T2021", 2021, "warning"), ("T2019", 2020, "info")):
        text = render(SampleReport.build(template, year, subject=TOWN, seed=7), "tabs")
        start, end = text.index("一、总体情况"), text.index("二、主动公开政府信息情况")
        [finding] = lint_text(text[:start] + body + text[end:], config={"select": ["RL109"]})
        assert finding.severity.label == severity, year
        # a hint says the trial format of 2019–2020 did not require the aspects
        assert ("本报告适用的试行格式没有这一要求" in finding.message) == (year < 2021), finding.message


def test_sub_headings_on_their_own_lines_cover_the_aspects(report):
    text = render(report, "tabs")
    start, end = text.index("一、总体情况"), text.index("二、主动公开政府信息情况")
    body = (
        "一、总体情况\n本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成，现报告如下：\n"
        "（一）主动公开政府信息情况\n全年公开信息20条。\n（二）依申请公开情况\n未收到申请。\n（三）政府信息管理情况\n严格审核。\n"
        "（四）政府信息公开平台建设情况\n维护专栏。\n（五）监督保障情况\n纳入考核。\n"
    )
    assert findings(text[:start] + body + text[end:], "RL109") == []


def _masked_sentence_by_sentence(text: str) -> str:
    """The lists of aspects blanked by looking at every list sentence (what the quick tests of
    :func:`~reportlint.rules.rl1_content._mask_aspect_lists` skip)."""
    pieces, position = [], 0
    for start, end in enumeration_sentences(text):
        sentence = text[start:end]
        items = _listed_items(sentence)  # (what the list names: “……等主动公开” names 主动公开 after its list)
        listed = sum(1 for words in OVERVIEW_ASPECTS.values() if any(word in items for word in words))
        pieces.extend([text[position:start], " " * len(sentence) if listed >= 2 else sentence])
        position = end
    return "".join([*pieces, text[position:]])


@given(
    st.lists(
        st.sampled_from(["主动公开", "依申请公开", "平台", "监督", "信息管理", "政策解读", "抓好", "工作", "、", "等", "。", "；", "，"]),
        max_size=20,
    ).map("".join)
)
@example("抓好主动公开、依申请公开、政策解读等工作。")
@example("抓好主动公开、政策解读、信息发布等工作。加强监督。")
@example("依申请公开、依申请公开、依申请公开等主动公开")
def test_aspect_lists_are_blanked_as_looking_at_every_list_sentence_does(text):
    assert _mask_aspect_lists(text) == _masked_sentence_by_sentence(text)
    # a text naming fewer than two aspects keeps every sentence
    if sum(1 for words in OVERVIEW_ASPECTS.values() if any(word in text for word in words)) < 2:
        assert _mask_aspect_lists(text) == text


def test_a_list_naming_two_aspects_is_blanked_and_one_naming_one_is_kept():
    assert _mask_aspect_lists("抓好主动公开、依申请公开、政策解读等工作。全年公开56条。") == " " * 20 + "。全年公开56条。"
    assert _mask_aspect_lists("抓好主动公开、政策解读、信息发布等工作。") == "抓好主动公开、政策解读、信息发布等工作。"
