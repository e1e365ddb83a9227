"""``confusable`` packs: the shipped table's examples, context, fixes, a province's extension and its load-time checks."""

from __future__ import annotations

import pytest

from reportlint.core.resources import shipped_rules_dir
from reportlint.core.yamlio import YamlError
from reportlint.rules.packs import load_pack
from reportlint.rules.packs.confusable import ConfusableRule
from reportlint.run.linter import lint_text

TITLE = "某县某镇2021年政府信息公开工作年度报告\n一、总体情况\n"


def shipped_confusable_rules() -> list[type[ConfusableRule]]:
    pack = load_pack(shipped_rules_dir() / "wording.yaml")
    return [rule for rule in pack.rules if issubclass(rule, ConfusableRule)]


ENTRIES = [(rule, entry) for rule in shipped_confusable_rules() for entry in rule.entries]


def test_the_shipped_tables():
    assert [rule.code for rule in shipped_confusable_rules()] == ["RL620", "RL624", "RL627"]
    assert {entry.wrong for _, entry in ENTRIES} >= {"政协建议", "截止", "图标图解", "有利地", "反应", "做为"}


@pytest.mark.parametrize("rule, entry", ENTRIES, ids=[f"{rule.code}-{entry.wrong}" for rule, entry in ENTRIES])
def test_every_entry_reports_its_bad_examples_with_a_fix_and_not_its_good_ones(rule, entry):
    for bad in entry.bad:
        text = TITLE + bad + "\n"
        findings = [d for d in lint_text(text, rules=[rule]) if text[d.start : d.end] == entry.wrong]
        assert len(findings) == 1, bad
        fixed = text[: findings[0].fix.start] + findings[0].fix.replacement + text[findings[0].fix.end :]
        assert entry.right in fixed
    for good in entry.good:
        assert lint_text(TITLE + good + "\n", rules=[rule]) == [], good


def test_message_names_found_suggestion_and_reason():
    [rule] = [rule for rule in shipped_confusable_rules() if rule.code == "RL627"]
    [finding] = lint_text(TITLE + "有利地推动了工作，有利于发展。\n", rules=[rule])
    assert finding.message.startswith("“有利地”用词有误，应为“有力地”：修饰动作")
    assert finding.location.line == 3 and finding.location.column == 1


def test_documentation_lists_the_table_and_all_examples():
    [rule] = [rule for rule in shipped_confusable_rules() if rule.code == "RL627"]
    documentation = rule.documentation()
    assert "* “图标图解” → “图表图解”" in documentation
    assert "反例" in documentation and "通过图标图解、短视频等形式解读政策。" in documentation
    assert "正例" in documentation and "占据有利地位，抢抓发展机遇。" in documentation


PROVINCE_PACK = """\
pack: province
rules:
  - code: GS301
    name: local-confusables
    type: confusable
    severity: warning
    message: "“{found}”应为“{suggestion}”"
    entries:
      - wrong: 帐号
        right: 账号
        after: "(?:密码|注册|管理)"
        bad: 加强政务新媒体帐号管理。
        good: [加强政务新媒体账号管理。]
"""


def test_a_province_extends_the_table(tmp_path):
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE_PACK, encoding="utf-8")
    [rule] = load_pack(path).rules
    [finding] = lint_text(TITLE + "加强政务新媒体帐号管理，帐号名称统一。\n", rules=[rule])
    assert finding.message == "“帐号”应为“账号”" and finding.location.column == 8


@pytest.mark.parametrize(
    "change, reason",
    [
        ("        bad: 加强政务新媒体帐号管理。", "        bad: 帐号名称统一。"),
        ("        good: [加强政务新媒体账号管理。]", "        good: [帐号密码管理。]"),
        ('        after: "(?:密码|注册|管理)"', '        after: "(?:密码"'),
        ("        right: 账号\n", ""),
    ],
)
def test_a_wrong_entry_is_a_load_error_with_the_line(tmp_path, change, reason):
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE_PACK.replace(change, reason), encoding="utf-8")
    with pytest.raises(YamlError) as error:
        load_pack(path)
    message = str(error.value)
    assert "province.yaml:" in message
    expected = {
        "        bad: 帐号名称统一。": "反例“帐号名称统一。”没有被这一条目发现",
        "        good: [帐号密码管理。]": "正例“帐号密码管理。”也被这一条目报告了",
        '        after: "(?:密码"': "正则表达式",
        "": "易混词条目缺少 right",
    }[reason]
    assert expected in message, message


def test_a_range_without_a_wrong_word_is_passed_over_and_an_entry_runs_only_where_its_word_is():
    [rule] = [rule for rule in shipped_confusable_rules() if rule.code == "RL627"]
    assert set(rule.literals.phrases) == {entry.literal for entry in rule.entries} >= {"图标图解", "做为", "授理"}
    assert not rule.literals.occurs(TITLE + "全年共受理政府信息公开申请3件。\n")
    text = TITLE + "全年共授理申请3件，把公开做为重点。\n"
    assert [text[d.start : d.end] for d in lint_text(text, rules=[rule])] == ["授理", "做为"]
