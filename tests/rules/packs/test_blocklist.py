"""``blocklist`` packs: RL610 mirror spam, once per report with its count, case- and width-insensitive; the list is data."""

from __future__ import annotations

import pytest

from reportlint.core.resources import shipped_rules_dir
from reportlint.core.yamlio import YamlError
from reportlint.rules.packs import load_pack
from reportlint.rules.packs.blocklist import BlocklistRule
from reportlint.run.linter import lint_text

TITLE = "某镇2021年政府信息公开工作年度报告\n"


@pytest.fixture(scope="module")
def mirror_spam():
    [rule] = load_pack(shipped_rules_dir() / "mirror-spam.yaml").rules
    assert issubclass(rule, BlocklistRule) and (rule.code, rule.name, rule.severity) == ("RL610", "mirror-spam", "warning")
    return rule


def found(text, rule):
    return [(d.code, d.location.line, d.location.column, d.message) for d in lint_text(text, rules=[rule])]


def test_reported_once_at_the_first_with_a_count(mirror_spam):
    text = TITLE + "本报告在皇冠足球比分网站公布。\n紧紧围绕市委、市政府澳门皇冠的部署。\n"
    [(code, line, column, message)] = found(text, mirror_spam)
    assert (code, line, column) == ("RL610", 2, 5)
    assert message == "文本中出现赌博网站用语“皇冠足球”（共 2 处），可能来自被篡改的镜像网页，不是报告原文，请从政府网站或原文件重新获取"


@pytest.mark.parametrize(
    "spam, first, count",
    [
        ("收到和处理飞禽走兽老虎机申请情况", "飞禽走兽", 2),
        ("请联系365bet账号被限制_beat365在线", "365bet", 2),
        ("访问ＢＥＴ３６５的网站", "ＢＥＴ３６５", 1),
        ("时时彩开奖", "时时彩", 1),
        ("依据《uedbet体育_uedbet官网@:政务公开绩效考核指标》", "uedbet体育", 2),  # a brand written over a place name
    ],
)
def test_words_seen_on_mirror_sites(mirror_spam, spam, first, count):
    [(_, _, _, message)] = found(TITLE + spam + "。\n", mirror_spam)
    assert f"“{first}”" in message and (f"（共 {count} 处）" in message) == (count > 1)


@pytest.mark.parametrize("clean", ["依法打击赌博违法犯罪，开展扫黄打非。", "本报告在某县人民政府门户网站公布。"])
def test_legitimate_text_is_silent(mirror_spam, clean):
    assert found(TITLE + clean + "\n", mirror_spam) == []


def _province_pack(tmp_path, words: str):
    """A province's blocklist pack (rule GS901) with ``words`` as written in YAML: its path."""
    path = tmp_path / "spam.yaml"
    path.write_text(
        "pack: spam\nrules:\n  - code: GS901\n    name: more-spam\n    type: blocklist\n"
        f'    message: "可疑用语“{{match}}”，共 {{count}} 处"\n    words: {words}\n',
        encoding="utf-8",
    )
    return path


def test_a_province_adds_words_without_code(tmp_path):
    path = _province_pack(tmp_path, "[某某娱乐]")
    [rule] = load_pack(path).rules
    assert found(TITLE + "某某娱乐、某某娱乐。\n", rule) == [("GS901", 2, 1, "可疑用语“某某娱乐”，共 2 处")]
    path.write_text(path.read_text(encoding="utf-8").replace("    words: [某某娱乐]\n", ""), encoding="utf-8")
    with pytest.raises(YamlError, match="blocklist 规则需要 words"):
        load_pack(path)


def test_longest_word_wins_whether_or_not_it_has_letters_with_case(tmp_path):
    [rule] = load_pack(_province_pack(tmp_path, "[某某娱乐, 某某娱乐城Vip]")).rules
    assert found(TITLE + "欢迎光临某某娱乐城ＶＩＰ，某某娱乐。\n", rule) == [("GS901", 2, 5, "可疑用语“某某娱乐城ＶＩＰ”，共 2 处")]


def test_the_quick_test_holds_each_word_or_its_caseless_run(tmp_path):
    [rule] = load_pack(_province_pack(tmp_path, "[某某娱乐, casino88, Vip俱乐部, 北京PK10]")).rules
    assert sorted(rule.literals.phrases) == ["88", "俱乐部", "北京", "某某娱乐"]
    assert not rule.literals.occurs("本报告在某县人民政府门户网站公布。")
    assert found(TITLE + "欢迎光临ＣＡＳＩＮＯ８８与vip俱乐部。\n", rule) == [("GS901", 2, 5, "可疑用语“ＣＡＳＩＮＯ８８”，共 2 处")]


def test_a_word_with_case_and_no_caseless_run_leaves_the_rule_without_a_quick_test(tmp_path):
    [rule] = load_pack(_province_pack(tmp_path, "[某某娱乐, Casino]")).rules
    assert rule.literals is None
    assert found(TITLE + "欢迎光临CASINO。\n", rule) == [("GS901", 2, 5, "可疑用语“CASINO”，共 1 处")]


def test_the_patterns_are_the_same_in_every_process():
    """The quick test's pattern is kept in the user cache by its text: built from a set in its iteration order, each
    process (another hash seed) made a new one and the user cache grew with every run."""
    import os
    import subprocess
    import sys

    program = (
        "from reportlint.core.resources import shipped_rules_dir\n"
        "from reportlint.rules.packs import load_pack\n"
        "[rule] = load_pack(shipped_rules_dir() / 'mirror-spam.yaml').rules\n"
        "print(rule.compiled.pattern)\n"
        "print(rule.literals._starts.pattern)\n"
    )
    made = {
        subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": seed, "REPORTLINT_USER_CACHE_DIR": "off"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(made) == 1


def test_a_word_of_thousands_of_characters_is_looked_for_like_any_other(tmp_path):
    # the fuzzer's pack: the quick test's pattern was built by recursing once per character (RecursionError, exit 2)
    long = "某某娱乐" * 1500
    [rule] = load_pack(_province_pack(tmp_path, f"[{long}, 某某城]")).rules
    assert [message for *_, message in found(TITLE + "某某城。\n" + long + "\n", rule)] == ["可疑用语“某某城”，共 2 处"]
    assert [message for *_, message in found(TITLE + long + "\n", rule)] == [f"可疑用语“{long}”，共 1 处"]
