"""RL4 places and entities: each rule fires on a bad example at the right place and stays silent on good ones.

The fixtures are short invented reports of real places (place names are
public facts): 兴国镇 of 秦安县 (天水市, 甘肃省), whose neighbours 莲花镇 and
郭嘉镇 are in the same county, and a few others.
"""

from __future__ import annotations

import pytest

from reportlint.core.config import ConfigError
from reportlint.rules.rl4_places import (
    BodyTypeMismatch,
    ForeignPlace,
    ForeignProvincialRegulation,
    ImpossibleHierarchy,
    SiblingTownship,
)
from reportlint.run.linter import lint_text

RL4 = [SiblingTownship, ForeignPlace, ImpossibleHierarchy, ForeignProvincialRegulation, BodyTypeMismatch]

XINGGUO = "秦安县兴国镇"


def report(
    subject: str = XINGGUO,
    *,
    s1: str = "2021年，我镇认真落实天水市、秦安县的工作部署，全年主动公开政府信息86条。",
    s5: str = "下一步，我镇将继续规范政府信息公开工作。",
    s6: str = "无。",
    signature: str | None = None,
) -> str:
    """An invented six-section report of ``subject`` with the given prose."""
    return "\n".join(
        [
            f"{subject}2021年政府信息公开工作年度报告",
            "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
            "一、总体情况",
            s1,
            "二、主动公开政府信息情况",
            "本年度未制发规范性文件。",
            "三、收到和处理政府信息公开申请情况",
            "本年度未收到政府信息公开申请。",
            "四、政府信息公开行政复议、行政诉讼情况",
            "本年度未发生行政复议、行政诉讼。",
            "五、存在的主要问题及改进情况",
            s5,
            "六、其他需要报告的事项",
            s6,
            signature if signature is not None else f"{subject}人民政府",
            "2022年1月20日",
            "",
        ]
    )


def findings(text: str, rules=RL4, config=None) -> list[tuple[str, str, str]]:
    """(code, severity, the text the finding points at) for every finding."""
    return [(found.code, found.severity.label, text[found.start : found.end]) for found in lint_text(text, rules=rules, config=config)]


def test_a_clean_report_has_no_place_findings():
    assert findings(report()) == []


# --------------------------------------------------------------------------- RL401


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年，莲花镇将重点抓好政务公开标准化建设。",
        "下一步，莲花镇下一阶段将继续推进公开目录编制。",
        "一是莲花镇要进一步完善公开目录。",
        "我镇（莲花镇）将进一步完善公开目录。",
        "莲花镇人民政府将进一步完善公开目录。",
    ],
)
def test_sibling_named_as_the_subject_is_an_error_at_the_name(sentence):
    text = report(s5=sentence)
    [diagnostic] = lint_text(text, rules=[SiblingTownship])
    assert (diagnostic.code, diagnostic.severity.label) == ("RL401", "error")
    assert text[diagnostic.start : diagnostic.end] == "莲花镇"
    assert diagnostic.start > text.index("五、存在的主要问题")
    assert diagnostic.message.startswith("报告主体是秦安县兴国镇，但第五部分写的是同属秦安县的“莲花镇”：")
    assert "应为“兴国镇”或“我镇”" in diagnostic.message


def test_sibling_merely_mentioned_is_a_warning():
    text = report(s1="2021年，全县政务公开现场推进会在郭嘉镇召开，我镇派员参加。")
    [diagnostic] = lint_text(text, rules=[SiblingTownship])
    assert (diagnostic.severity.label, text[diagnostic.start : diagnostic.end]) == ("warning", "郭嘉镇")
    assert "第一部分写的是同属秦安县的“郭嘉镇”" in diagnostic.message


COOPERATION = "我镇与莲花镇开展结对共建，互相交流政务公开经验。"


def test_sibling_in_a_cooperation_sentence_is_only_info():
    assert findings(report(s1=COOPERATION), rules=[SiblingTownship]) == [("RL401", "info", "莲花镇")]


@pytest.mark.parametrize(
    "config",
    [
        {"rules": {"sibling-township": {"allow": ["莲花镇"]}}},
        {"places": {"allow": ["莲花镇"]}},
    ],
    ids=["rule-option", "places-allow"],
)
def test_allow_listed_sister_town_stays_silent(config):
    assert findings(report(s1=COOPERATION), config=config) == []
    # the allow list silences even the copy-paste form
    assert findings(report(s5="莲花镇将继续做好公开工作。"), config=config) == []


def test_the_title_of_another_township_under_a_pinned_subject_is_an_error():
    text = report("秦安县莲花镇")
    config = {"subject": {"*.txt": "秦安县兴国镇人民政府"}}
    found = lint_text(text, rules=[SiblingTownship], config=config)
    assert [(d.severity.label, d.location.line, text[d.start : d.end]) for d in found] == [
        ("error", 1, "莲花镇"),
        ("error", 15, "莲花镇"),  # the signature
    ]
    assert "标题写的是同属秦安县的“莲花镇”" in found[0].message


def test_street_office_siblings_and_the_street_self_reference():
    text = report("秦州区七里墩街道", s5="2022年，大城街道将进一步完善公开目录。", signature="七里墩街道办事处")
    [diagnostic] = lint_text(text, rules=[SiblingTownship])
    assert text[diagnostic.start : diagnostic.end] == "大城街道"
    assert "同属秦州区" in diagnostic.message and "“我街道”" in diagnostic.message


def test_no_sibling_finding_while_the_subject_is_ambiguous():
    # two 兴国镇 exist (湖北省阳新县, 甘肃省秦安县) and nothing says which one reports
    text = report("兴国镇", s1="2021年，我镇全年主动公开政府信息86条。", s5="2022年，莲花镇将进一步完善公开目录。")
    assert findings(text) == []


# --------------------------------------------------------------------------- RL402


@pytest.mark.parametrize(
    ("sentence", "place", "relation"),
    [
        ("我镇在通渭县率先推行政务公开标准目录。", "通渭县", "同一省份的其他地方“通渭县”（甘肃省定西市通渭县）"),
        ("2021年，我镇在海淀区设立了政务公开专区。", "海淀区", "外省的地方“海淀区”（北京市海淀区）"),
        ("2022年，甘谷县将进一步完善公开目录。", "甘谷县", "同一地市的其他地方“甘谷县”（甘肃省天水市甘谷县）"),
        # the opening sentence of most reports: 学习贯彻 is no visit to learn from another place
        (
            "2021年，海淀区坚持以习近平新时代中国特色社会主义思想为指导，全面学习贯彻党的精神。",
            "海淀区",
            "外省的地方“海淀区”（北京市海淀区）",
        ),
        ("2021年，海淀区通过政民互动交流平台回应关切。", "海淀区", "外省的地方“海淀区”（北京市海淀区）"),
        # named as the body that acts, with no 我镇 in the sentence
        ("2021年，海淀区在区委、区政府的正确领导下完善公开目录。", "海淀区", "外省的地方“海淀区”（北京市海淀区）"),
        ("根据要求，海淀区现面向社会公布2021年度报告。", "海淀区", "外省的地方“海淀区”（北京市海淀区）"),
        ("2021年，青泥洼桥街道办事处完善公开目录。", "青泥洼桥街道", "外省的地方“青泥洼桥街道”（辽宁省大连市中山区青泥洼桥街道）"),
        ("2021年度，海淀区收到政府信息公开申请3件。", "海淀区", "外省的地方“海淀区”（北京市海淀区）"),
        ("如有疑问，请与海淀区党政办联系。", "海淀区", "外省的地方“海淀区”（北京市海淀区）"),
        # a subject-less sentence about the body's own work: it made a system under another place's name (a seed's form)
        ("（四）监督保障情况。制定海淀区政务公开监督检查制度，定期开展检查。", "海淀区", "外省的地方“海淀区”（北京市海淀区）"),
        # the body's own address, in its contact (found by bench/inject.py on a real report)
        (
            "如有疑问，请与镇党政办联系（地址：海淀区中路70号，电话：0938-6521510）。",
            "海淀区",
            "外省的地方“海淀区”（北京市海淀区）",
        ),
    ],
)
def test_foreign_place_where_the_report_talks_about_itself(sentence, place, relation):
    text = report(s1=sentence)
    [diagnostic] = lint_text(text, rules=[ForeignPlace])
    assert (diagnostic.code, diagnostic.severity.label) == ("RL402", "warning")
    assert text[diagnostic.start : diagnostic.end] == place
    assert diagnostic.message.startswith(f"报告主体是秦安县兴国镇，但第一部分讲本单位工作的句子提到了{relation}")


@pytest.mark.parametrize(
    "sentence",
    [
        "我镇组织干部赴通渭县学习考察政务公开标准化工作。",  # cooperation
        "我镇与海淀区某街道开展东西部协作，交流政务公开经验。",  # cooperation
        "我镇认真落实甘肃省、天水市和秦安县的部署。",  # parents
        "通渭县的标准目录经验已在省内推广。",  # not about the report's own work
        "我镇学习了《定西市政务公开工作要点》。",  # inside a document title
        "我镇组织干部向通渭县学习标准目录编制。",  # learning from another place
        "我镇学习借鉴通渭县的政务公开经验。",
        "我镇与通渭县交流政务公开经验。",
        "2021年，通渭县与我镇签订结对协议。",  # a year-led clause about cooperation
        "2021年8月，通渭县的标准目录经验已在省内推广。",  # the clause opens with a date, not the year alone
        "申请人也可到省政务服务中心（地址：通渭县中路1号）提交申请。",  # another office's address, not the contact
        "制定工作方案，参照通渭县的做法推进。",  # the place is no name of what the body made
    ],
)
def test_foreign_place_silent_on_legitimate_mentions(sentence):
    assert findings(report(s1=sentence), rules=[ForeignPlace]) == []


def test_foreign_place_allow_option():
    config = {"rules": {"foreign-place": {"allow": ["通渭县"]}}}
    assert findings(report(s1="我镇在通渭县率先推行政务公开标准目录。"), config=config) == []


def test_places_inside_the_subject_from_extra_places_are_fine():
    text = report(s1="我镇在王家村、李家村设立政务公开栏，王家村将率先完成公开目录。")
    config = {
        "places": {
            "extra": [
                {"name": "王家村", "parent": "秦安县兴国镇", "kind": "村"},
                {"name": "李家村", "parent": "620522100", "kind": "村"},
            ]
        }
    }
    assert findings(text, config=config) == []


def test_a_village_of_another_township_is_a_foreign_place():
    text = report(s1="我镇在张家村设立政务公开栏。")
    config = {"places": {"extra": [{"name": "张家村", "parent": "秦安县莲花镇", "kind": "村"}]}}
    assert findings(text, config=config) == [("RL402", "warning", "张家村")]


# --------------------------------------------------------------------------- RL403


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("湖北省张家界市", "地名库（2025-12-31）中的“张家界市”属于湖南省，不在“湖北省”之下"),
        ("四川省重庆市", "“重庆市”是省级行政区，不在“四川省”之下"),
        ("甘谷县兴国镇", "“兴国镇”有 2 处，分别属于湖北省黄石市阳新县、甘肃省天水市秦安县，不在“甘谷县”之下"),
    ],
)
def test_impossible_hierarchy_is_an_error_over_both_names(written, reason):
    text = report(s1=f"2021年，我镇接待了来自{written}的考察团。")
    [diagnostic] = lint_text(text, rules=[ImpossibleHierarchy])
    assert (diagnostic.code, diagnostic.severity.label) == ("RL403", "error")
    assert text[diagnostic.start : diagnostic.end] == written
    assert diagnostic.message.startswith(f"“{written}”写出的隶属关系不存在：")
    assert reason in diagnostic.message


@pytest.mark.parametrize("written", ["秦安县莲花镇", "天水市秦安县", "湖南省张家界市", "甘肃省天水市秦安县兴国镇", "北京市海淀区"])
def test_real_hierarchies_are_fine(written):
    assert findings(report(s1=f"我镇接待了{written}的考察团。"), rules=[ImpossibleHierarchy]) == []


def test_impossible_hierarchy_allow_option():
    config = {"rules": {"impossible-hierarchy": {"allow": ["张家界市"]}}}
    assert findings(report(s1="来自湖北省张家界市的考察团。"), rules=[ImpossibleHierarchy], config=config) == []


# --------------------------------------------------------------------------- RL404


def test_another_provinces_regulation_is_a_warning_at_the_citation():
    text = report(
        "楚雄市新村镇",
        s1="2021年，我镇根据《中华人民共和国政府信息公开条例》和《广东省政府信息公开规定》开展工作。",
    )
    [diagnostic] = lint_text(text, rules=[ForeignProvincialRegulation])
    assert (diagnostic.code, diagnostic.severity.label) == ("RL404", "warning")
    assert text[diagnostic.start : diagnostic.end] == "《广东省政府信息公开规定》"
    assert diagnostic.message.startswith("引用了广东省的《广东省政府信息公开规定》，但报告主体楚雄市新村镇在云南省")


@pytest.mark.parametrize(
    "citation",
    [
        "《云南省政府信息公开规定》",  # the subject's own province
        "《楚雄州政务公开工作要点》",  # not a province
        "《国务院办公厅关于支持广东省政务公开工作的通知》",  # a national document naming a province
        "《广东省情》",  # not a regulation or notice
    ],
)
def test_own_or_non_provincial_citations_are_fine(citation):
    text = report("楚雄市新村镇", s1=f"2021年，我镇根据{citation}开展工作。")
    assert findings(text, rules=[ForeignProvincialRegulation]) == []


# --------------------------------------------------------------------------- RL405


@pytest.mark.parametrize(
    ("subject", "signature", "sentence", "word", "severity"),
    [
        (XINGGUO, None, "2022年，我局将进一步规范公开工作。", "我局", "error"),
        (XINGGUO, None, "本委高度重视政务公开。", "本委", "error"),
        (XINGGUO, None, "我办及时更新公开目录。", "我办", "warning"),
        (XINGGUO, None, "我乡及时更新公开目录。", "我乡", "warning"),
        (XINGGUO, None, "我县及时更新公开目录。", "我县", "warning"),
        ("秦州区七里墩街道", "七里墩街道办事处", "我镇及时更新公开目录。", "我镇", "warning"),
        ("秦安县教育局", "秦安县教育局", "本委及时更新公开目录。", "本委", "warning"),
    ],
)
def test_self_reference_that_does_not_fit_the_body(subject, signature, sentence, word, severity):
    text = report(subject, s1="全年主动公开政府信息86条。", s5=sentence, signature=signature)
    [diagnostic] = lint_text(text, rules=[BodyTypeMismatch])
    assert (diagnostic.code, diagnostic.severity.label, text[diagnostic.start : diagnostic.end]) == ("RL405", severity, word)
    assert f"却自称“{word}”" in diagnostic.message


def test_body_type_message_says_what_the_word_means_and_what_to_write():
    [diagnostic] = lint_text(report(s5="我局将继续规范公开工作。"), rules=[BodyTypeMismatch])
    assert diagnostic.message == (
        "报告主体是秦安县兴国镇（镇人民政府），却自称“我局”：“我局”是政府部门的自称，与报告主体的类型不符，"
        "疑为照搬其他单位的报告；应写作“我镇”"
    )


@pytest.mark.parametrize(
    ("subject", "signature", "sentence"),
    [
        (XINGGUO, None, "我镇根据本办法，及时办理申请，本镇村民均可查阅；成本区间、本区域、市场不受影响。"),
        (XINGGUO, None, "本单位、本机关没有其他需要报告的事项。"),
        ("秦州区七里墩街道", "七里墩街道办事处", "我街道、我办及时更新公开目录。"),
        ("秦安县教育局", "秦安县教育局", "我局积极配合我县政务公开工作。"),
        ("秦安县", "秦安县人民政府", "我县及时更新公开目录。"),
    ],
)
def test_fitting_self_references_are_fine(subject, signature, sentence):
    assert findings(report(subject, s1=sentence, s5=sentence, signature=signature), rules=[BodyTypeMismatch]) == []


def test_body_type_allow_option():
    config = {"rules": {"body-type-mismatch": {"allow": ["我办"]}}}
    assert findings(report(s5="我办及时更新公开目录。"), rules=[BodyTypeMismatch], config=config) == []


# --------------------------------------------------------------------------- the real seed reports


def test_seed_003_names_lianhua_as_a_sibling_township_at_its_line(seed):
    text = seed("003").read_text(encoding="utf-8")
    [diagnostic] = lint_text(text, rules=RL4)
    assert (diagnostic.code, diagnostic.severity.label, text[diagnostic.start : diagnostic.end]) == ("RL401", "error", "莲花镇")
    line = text.splitlines()[diagnostic.location.line - 1]
    assert "莲花镇下一阶段将" in line
    assert diagnostic.message.startswith("报告主体是秦安县兴国镇，但第五部分写的是同属秦安县的“莲花镇”")


@pytest.mark.parametrize("number", ["000", "001", "002", "004"])
def test_no_place_finding_on_the_other_seeds(seed, number):
    assert lint_text(seed(number).read_text(encoding="utf-8"), rules=RL4) == []


# --------------------------------------------------------------------------- rule documentation and config


@pytest.mark.parametrize("rule", RL4)
def test_each_rule_documents_why_and_examples_and_takes_allow(rule):
    documentation = rule.documentation()
    assert "反例" in documentation and "正例" in documentation and "allow" in documentation
    assert rule.code.startswith("RL4") and rule.name == rule.name.lower()
    assert set(rule.options) == {"allow"}


def test_a_bad_places_table_is_a_config_error_before_any_rule_runs():
    with pytest.raises(ConfigError, match="未知配置项 “alow”，您是否想写“allow”"):
        lint_text(report(), rules=RL4, config={"places": {"alow": ["莲花镇"]}})


def test_allowed_names_follow_the_configuration_of_each_report():
    from types import SimpleNamespace

    from reportlint.core.config import parse_config

    rule = SiblingTownship({"allow": ["郭嘉镇"]})
    plain, listing = parse_config({}, None), parse_config({"places": {"allow": ["莲花镇"]}}, None)
    for config, expected in [(plain, {"郭嘉镇"}), (listing, {"郭嘉镇", "莲花镇"}), (listing, {"郭嘉镇", "莲花镇"}), (plain, {"郭嘉镇"})]:
        assert rule.allowed(SimpleNamespace(config=config)) == expected  # type: ignore[arg-type]


def test_a_places_list_changed_between_two_checks_is_seen():
    from reportlint.core.config import Config

    allow: list[str] = []
    config = Config(places={"allow": allow})
    text = report(s1=COOPERATION)
    assert findings(text, rules=[SiblingTownship], config=config) == [("RL401", "info", "莲花镇")]
    allow.append("莲花镇")  # the same configuration object, its list changed by the caller
    assert findings(text, rules=[SiblingTownship], config=config) == []
