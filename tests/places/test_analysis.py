"""The places core (``reportlint.places.analysis``): subject on the map, judged mentions, ``[places]`` config, parse view, laziness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from reportlint.cli import app
from reportlint.core.config import Config, ConfigError, parse_config
from reportlint.core.report import Report
from reportlint.places.relations import Relation
from reportlint.places.settings import PlaceSettings, place_settings
from reportlint.run.config import load_config
from reportlint.run.linter import load_document
from reportlint.run.selection import build_rule_set
from reportlint.sources import Source, detect_format, read_source
from reportlint.text.self_references import find_self_references

#: An invented report of 兴国镇 whose title does not say which 兴国镇 (湖北省阳新县 or 甘肃省秦安县).
BARE_TITLE_REPORT = """兴国镇2021年政府信息公开工作年度报告
一、总体情况
2021年，我镇全年主动公开政府信息86条。
五、存在的主要问题及改进情况
2022年，莲花镇将进一步完善公开目录。我镇在北京市设立联络点。
六、其他需要报告的事项
无。
"""

#: An invented report of 兴国镇 (秦安县) naming places of every relation to it.
RELATIONS_REPORT = """兴国镇2021年政府信息公开工作年度报告
按照《甘肃省政府信息公开办法》和天水市的要求编制本报告。
一、总体情况
2021年，我镇认真落实秦安县的部署，在王家村设立公开栏。
我镇与郭嘉镇结对交流，在甘谷县、通渭县、海淀区设立联络点。
2022年，莲花镇将进一步完善公开目录。
五、存在的主要问题及改进情况
下一步，兴国镇将继续做好公开工作。
秦安县兴国镇人民政府
"""

EXTRA_VILLAGE = {"places": {"extra": [{"name": "王家村", "parent": "秦安县兴国镇", "kind": "村"}]}}


def make_report(text: str, config: Config | dict | None = None, filename: str = "report.txt") -> Report:
    """A :class:`Report` of ``text`` as the engine builds it (reader, config, registry)."""
    if not isinstance(config, Config):
        config = parse_config(config or {}, None)
    rule_set = build_rule_set(config)
    path = Path(filename)
    data = text.encode("utf-8")
    document = load_document(Source(path, filename, data, detect_format(data, path.suffix)), rule_set.registry)
    return rule_set.registry.report(document, config, path)


def seed_report(path: Path) -> Report:
    config = Config()
    rule_set = build_rule_set(config)
    document = load_document(read_source(path, str(path)), rule_set.registry)
    return rule_set.registry.report(document, config, path)


# --------------------------------------------------------------------------- the subject


@pytest.mark.parametrize(
    ("number", "township", "parents", "origin"),
    [
        ("000", "官厅镇", ["宁夏回族自治区", "固原市", "原州区"], "发文单位行"),
        ("001", "新村镇", ["云南省", "楚雄彝族自治州", "楚雄市"], "标题"),
        ("002", "二十里店镇", ["山东省", "烟台市", "海阳市"], "标题"),
        ("003", "兴国镇", ["甘肃省", "天水市", "秦安县"], "标题"),
        ("004", "峨口镇", ["山西省", "忻州市", "代县"], "标题"),
    ],
)
def test_seed_subjects_resolve_through_the_report(seed, number, township, parents, origin):
    report = seed_report(seed(number))
    subject = report.places.subject
    assert subject.place.name == township
    assert [place.name for place in subject.parents] == parents
    assert subject.origin == origin
    assert not subject.is_ambiguous


def test_seed_004_resolves_to_a_county_it_never_names(seed):
    report = seed_report(seed("004"))
    assert "代县" not in report.text
    assert report.places.subject.label == "代县峨口镇"
    assert report.places.subject.resolution.evidence == "全国只有一个“峨口镇”，正文提到的“忻州市”与之相符"


def test_seed_000_uses_the_issuer_line_that_names_most_parents(seed):
    subject = seed_report(seed("000")).places.subject
    assert subject.name == "固原市原州区官厅镇人民政府"
    assert subject.resolution.evidence == "发文单位行中的“固原市”“原州区”"


def test_the_signature_can_settle_a_bare_title():
    report = make_report(BARE_TITLE_REPORT.replace("无。\n", "无。\n秦安县兴国镇人民政府\n"))
    subject = report.places.subject
    assert (subject.place.code, subject.origin, subject.resolution.evidence) == ("620522100", "落款", "落款中的“秦安县”")


def test_a_bare_title_stays_ambiguous_and_mentions_are_judged_against_every_candidate():
    analysis = make_report(BARE_TITLE_REPORT).places
    assert analysis.subject.is_ambiguous
    assert [place.code for place in analysis.subject.in_running] == ["420222100", "620522100"]
    relations = {reference.name: reference.relation for reference in analysis.references}
    assert relations["莲花镇"] is Relation.AMBIGUOUS  # a sibling of one candidate only
    assert relations["北京市"] is Relation.ELSEWHERE  # elsewhere for both


def test_a_config_pinned_subject_overrides_the_title():
    config = {"subject": {"*.txt": "秦安县兴国镇人民政府"}}
    analysis = make_report(BARE_TITLE_REPORT, config).places
    assert (analysis.subject.place.code, analysis.subject.origin) == ("620522100", "配置")
    assert analysis.subject.resolution.evidence == "配置中的“秦安县”"
    # even a title naming another township: the pin decides, the title becomes a sibling named as the subject
    renamed = make_report(BARE_TITLE_REPORT.replace("兴国镇2021", "莲花镇2021"), config).places
    assert renamed.subject.place.name == "兴国镇"
    (title,) = [reference for reference in renamed.references if reference.where == "标题"]
    assert (title.name, title.relation, title.named_as_subject) == ("莲花镇", Relation.SIBLING, True)


def test_a_subject_outside_the_gazetteer_leaves_every_relation_unknown():
    analysis = make_report("某某镇2021年政府信息公开工作年度报告\n一、总体情况\n莲花镇将完善目录。\n").places
    assert analysis.subject.place is None and not analysis.subject.is_ambiguous
    assert [reference.relation for reference in analysis.references] == [Relation.UNKNOWN]


def test_a_department_resolves_to_its_area():
    analysis = make_report("秦安县教育局2021年政府信息公开工作年度报告\n一、总体情况\n我局在兴国镇设立公开栏。\n").places
    assert (analysis.subject.place.name, analysis.subject.label) == ("秦安县", "秦安县教育局")
    assert [reference.relation for reference in analysis.references[1:]] == [Relation.INSIDE]


# --------------------------------------------------------------------------- mentions


def test_every_relation_to_the_subject():
    analysis = make_report(RELATIONS_REPORT, EXTRA_VILLAGE).places
    assert analysis.subject.place.code == "620522100"
    assert [(reference.name, reference.relation) for reference in analysis.references] == [
        ("兴国镇", Relation.SUBJECT),
        ("甘肃省", Relation.PARENT),
        ("天水市", Relation.PARENT),
        ("秦安县", Relation.PARENT),
        ("王家村", Relation.INSIDE),
        ("郭嘉镇", Relation.SIBLING),
        ("甘谷县", Relation.SAME_CITY),
        ("通渭县", Relation.SAME_PROVINCE),
        ("海淀区", Relation.ELSEWHERE),
        ("莲花镇", Relation.SIBLING),
        ("兴国镇", Relation.SUBJECT),
        ("秦安县", Relation.PARENT),
        ("兴国镇", Relation.SUBJECT),
    ]


def test_where_each_mention_stands():
    references = make_report(RELATIONS_REPORT, EXTRA_VILLAGE).places.references
    by_name = {}
    for reference in references:
        by_name.setdefault(reference.name, reference)
    gansu, guojia, lianhua, tongwei = by_name["甘肃省"], by_name["郭嘉镇"], by_name["莲花镇"], by_name["通渭县"]
    assert (gansu.where, gansu.section_id, gansu.citation is not None, gansu.self_talk) == ("开头部分", None, True, False)
    assert (guojia.where, guojia.section_id, guojia.cooperation, guojia.self_talk) == ("第一部分", "s1", True, True)
    assert (lianhua.named_as_subject, lianhua.self_talk, lianhua.cooperation) == (True, True, False)
    assert lianhua.place.code == "620522102"  # of the 16 莲花镇 in China, the one in 秦安县
    assert not tongwei.named_as_subject
    assert [reference.where for reference in references[-3:]] == ["第五部分", "落款", "落款"]
    assert [reference.named_as_subject for reference in references[-3:]] == [True, False, True]


def test_place_references_are_those_the_constructor_makes():
    from dataclasses import astuple, fields

    from reportlint.places.analysis import PlaceReference

    references = make_report(RELATIONS_REPORT, EXTRA_VILLAGE).places.references
    assert references
    for reference in references:  # made without the frozen dataclass's __init__
        made = PlaceReference(*(getattr(reference, field.name) for field in fields(PlaceReference)))
        assert made == reference and repr(made) == repr(reference) and hash(made) == hash(reference)
        assert astuple(made) == astuple(reference)


def test_allow_listed_names_are_marked():
    config = {"places": {"allow": ["郭嘉镇"]}}
    analysis = make_report(RELATIONS_REPORT, config).places
    assert {reference.name for reference in analysis.references if reference.allowed} == {"郭嘉镇"}
    assert analysis.allow == frozenset({"郭嘉镇"})


def test_written_hierarchies_say_whether_they_exist():
    text = "一、总体情况\n我镇（甘肃省天水市秦安县兴国镇）接待了湖北省张家界市、四川省重庆市的考察团；兴国镇秦安县。\n"
    hierarchies = make_report("秦安县兴国镇2021年政府信息公开工作年度报告\n" + text).places.written_hierarchies
    assert [(item.outer.name, item.inner.name, item.exists) for item in hierarchies] == [
        ("秦安县", "兴国镇", True),  # the title
        ("甘肃省", "天水市", True),
        ("天水市", "秦安县", True),
        ("秦安县", "兴国镇", True),
        ("湖北省", "张家界市", False),
        ("四川省", "重庆市", False),
    ]  # "兴国镇秦安县" is written inner first: not a hierarchy


def test_the_analysis_is_computed_once_per_report():
    report = make_report(RELATIONS_REPORT)
    assert report.places is report.places


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "我镇、本镇、我街道、本局、我委、我办、我县、本市、我省、我旗",
            ["我镇", "本镇", "我街道", "本局", "我委", "我办", "我县", "本市", "我省", "我旗"],
        ),
        ("根据本办法及时办理，基本县情、成本区间、本区域、本市场、本乡镇、自我局限、我委托", []),
        ("本镇村民、本委员会、我县域内", ["本镇", "本委", "我县"]),
        ("本单位、我机关", ["本单位", "我机关"]),
    ],
)
def test_self_references(text, words):
    assert [reference.word for reference in find_self_references(text)] == words


# --------------------------------------------------------------------------- the [places] table


@pytest.mark.parametrize(
    ("places", "message"),
    [
        ({"alow": []}, "未知配置项 “alow”，您是否想写“allow”"),
        ({"allow": "莲花镇"}, "allow 应为任何地名规则都不报告的地名列表"),
        ({"data-file": "missing.tsv"}, "data-file 指向的地名数据文件不存在"),
        ({"extra": {"name": "王家村"}}, "extra 应为补充地名列表"),
        ({"extra": ["王家村"]}, "extra 第 1 项应为表"),
        ({"extra": [{"name": "王家村", "parent": "620522100"}]}, "extra 第 1 项缺少 kind"),
        ({"extra": [{"name": "王家村", "parent": "620522100", "kind": "村", "code": "1"}]}, "extra 第 1 项有未知的键 “code”"),
        ({"extra": [{"name": "王家", "parent": "620522100", "kind": "村"}]}, "extra 第 1 项：补充地名“王家”应以其类型“村”结尾"),
    ],
)
def test_bad_places_tables_are_config_errors(tmp_path, places, message):
    config = parse_config({"places": places}, tmp_path / "reportlint.toml")
    with pytest.raises(ConfigError, match=message) as raised:
        place_settings(config)
    assert raised.value.path == str(tmp_path / "reportlint.toml")
    with pytest.raises(ConfigError, match=message):
        place_settings(config)  # asked again (by each RL4 rule): still an error


def test_place_settings_are_validated_once_per_configuration(tmp_path):
    config = parse_config({"places": {"allow": ["郭嘉镇"]}}, tmp_path / "reportlint.toml")
    settings = place_settings(config)
    assert settings.allow == frozenset({"郭嘉镇"}) and place_settings(config) is settings
    other = parse_config({"places": {"allow": ["莲花镇"]}}, tmp_path / "reportlint.toml")
    assert place_settings(other).allow == frozenset({"莲花镇"}), "another configuration has its own settings"


UNKNOWN_PARENT = {"extra": [{"name": "王家村", "parent": "甘谷县兴国镇", "kind": "村"}]}


def test_an_extra_place_under_an_unknown_parent_stops_the_run_when_place_rules_are_selected():
    with pytest.raises(ConfigError, match="补充地名“王家村”的上级“甘谷县兴国镇”不在地名库中"):
        make_report(RELATIONS_REPORT, {"places": UNKNOWN_PARENT})


def test_without_place_rules_a_bad_extra_place_fails_only_when_places_are_needed():
    report = make_report(RELATIONS_REPORT, {"select": ["RL6", "RL405"], "places": UNKNOWN_PARENT})
    with pytest.raises(ConfigError, match="补充地名“王家村”的上级“甘谷县兴国镇”不在地名库中"):
        _ = report.places


def test_a_data_file_relative_to_the_config_replaces_the_shipped_data(tmp_path):
    rows = [("兴国镇", "620522100"), ("天水市", "620500"), ("甘肃省", "620000"), ("秦安县", "620522"), ("莲花镇", "620522102")]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "places.tsv").write_text(
        "# reportlint gazetteer format 1\n# data_as_of: 2030-01-01\n" + "".join(f"{name}\t{code}\t\n" for name, code in rows),
        encoding="utf-8",
    )
    (tmp_path / "reportlint.toml").write_text('[places]\ndata-file = "data/places.tsv"\nallow = ["郭嘉镇"]\n', encoding="utf-8")
    config = load_config(tmp_path / "reportlint.toml")
    assert place_settings(config) == PlaceSettings(data_file=tmp_path / "data" / "places.tsv", allow=frozenset({"郭嘉镇"}))
    analysis = make_report(BARE_TITLE_REPORT, config).places
    assert analysis.data_as_of == "2030-01-01"
    assert analysis.subject.resolution.evidence == "全国只有一个“兴国镇”"  # no 湖北 兴国镇 in this data


# --------------------------------------------------------------------------- laziness

LAZINESS_PROBE = """
import json, os
os.environ["REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
from reportlint.run.linter import lint_text
from reportlint.places.gazetteer import _default_gazetteer
from reportlint.rules.rl6_hygiene import DuplicatedWord
from reportlint.rules.rl4_places import BodyTypeMismatch, SiblingTownship
text = "秦安县兴国镇2021年政府信息公开工作年度报告\\n一、总体情况\\n我局将完善目录。\\n"
loaded = []
lint_text(text, rules=[DuplicatedWord, BodyTypeMismatch], config={"places": {"allow": ["莲花镇"]}})
loaded.append(_default_gazetteer.cache_info().currsize)
lint_text(text, rules=[SiblingTownship])
loaded.append(_default_gazetteer.cache_info().currsize)
print(json.dumps(loaded))
"""


def test_the_gazetteer_loads_only_when_a_place_rule_needs_it():
    result = subprocess.run([sys.executable, "-c", LAZINESS_PROBE], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [0, 1]


# --------------------------------------------------------------------------- reportlint parse


def test_parse_json_shows_the_subject_with_parents_and_every_mention_with_its_decision(seed):
    from typer.testing import CliRunner

    from reportlint.cli import app

    result = CliRunner().invoke(app, ["parse", "--json", "--isolated", str(seed("003"))])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    place = data["place"]
    assert (place["body"], place["place"]["code"], place["ambiguous"]) == ("兴国镇", "620522100", False)
    assert [parent["name"] for parent in place["parents"]] == ["甘肃省", "天水市", "秦安县"]
    assert place["evidence"] == "正文提到“秦安县”（唯一包含兴国镇的县区）"
    mentions = data["place_mentions"]
    assert [mention["name"] for mention in mentions] == [
        "兴国镇",
        "甘肃省",
        "天水市",
        "兴国镇",
        "秦安县",
        "兴国镇",
        "兴国镇",
        "兴国镇",
        "莲花镇",
    ]
    assert {mention["relation"] for mention in mentions[:-1]} == {"subject", "parent"}
    lianhua = mentions[-1]
    assert lianhua["relation"] == "sibling" and lianhua["named_as_subject"] and lianhua["section"] == "s5"
    assert lianhua["place"]["chain"] == "甘肃省天水市秦安县莲花镇"
    assert lianhua["decision"] == "同属秦安县的另一个乡镇、街道；第五部分，写成了报告主体"
    assert lianhua["location"]["line"] == 403
    assert all(mention["location"] and mention["decision"] for mention in mentions)


def parse_file(path, *options):
    """What ``reportlint parse --isolated`` prints for a file."""
    result = CliRunner().invoke(app, ["parse", "--isolated", *options, str(path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_parse_says_when_the_subject_stays_ambiguous(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(BARE_TITLE_REPORT, encoding="utf-8")
    data = json.loads(parse_file(path, "--json"))
    assert data["place"]["ambiguous"] and data["place"]["place"] is None
    assert [candidate["chain"] for candidate in data["place"]["candidates"]] == ["湖北省黄石市阳新县兴国镇", "甘肃省天水市秦安县兴国镇"]
    assert "RL401、RL402 只报告对每个候选都成立的情况" in data["place"]["note"]
    text = parse_file(path)
    assert "地名解析：兴国镇 未能唯一确定（候选：湖北省黄石市阳新县兴国镇、甘肃省天水市秦安县兴国镇）" in text
    assert "莲花镇" in text and "无法判断（报告主体有多个候选，结论不一）；第五部分，写成了报告主体" in text


def test_parse_text_view_lists_places(seed):
    text = parse_file(seed("004"))
    assert "地名解析：峨口镇 → 山西省忻州市代县峨口镇（140923102）；依据：全国只有一个“峨口镇”" in text
    assert "忻州市" in text and "上级（山西省忻州市）；开头部分，书名号内" in text


def test_a_mentions_sentence_runs_between_the_breaks_the_text_has():
    from reportlint.places.analysis import _TextContext

    text = "前言。\n秦安县将加强培训；兴国镇配合\n末行"
    context = _TextContext.of(text)
    assert set(context.marks) == {"。", "；"}, "only the breaks the text has are searched for (back to the line's start)"
    spans = {text[span.start : span.end] for span in (context.sentence(text.index(name)) for name in ("秦安县", "兴国镇", "末行"))}
    assert spans == {"秦安县将加强培训", "兴国镇配合", "末行"}
    assert _TextContext.of("没有句读").sentence(2) == (0, 4)


def test_sentences_of_ascending_positions_are_each_positions_sentence_and_self_references_are_found_by_bisection():
    from reportlint.places.analysis import _TextContext

    text = "前言。\n秦安县将加强培训；兴国镇配合我镇工作\n末行本局。"
    context = _TextContext.of(text)
    positions = list(range(len(text) + 1))
    assert context.sentences(positions) == [context.sentence(position) for position in positions]
    for sentence in {context.sentence(position) for position in positions}:
        expected = any(sentence.start <= item.start < sentence.end for item in context.self_references)
        assert context.has_self_reference(sentence) == expected
    assert [context.has_self_reference(context.sentence(text.index(word))) for word in ("前言", "秦安县", "兴国镇", "末行")] == [
        False,
        False,
        True,
        True,
    ]


@given(st.text(alphabet="ab。；!\n", max_size=20), st.integers(0, 20))
def test_a_sentence_starts_after_the_last_break_before_the_position(text, position):
    from reportlint.places.analysis import SENTENCE_BREAKS, _TextContext

    position = min(position, len(text))
    start = max(text.rfind(mark, 0, position) for mark in SENTENCE_BREAKS) + 1
    ends = [found for found in (text.find(mark, position) for mark in SENTENCE_BREAKS) if found >= 0]
    assert _TextContext.of(text).sentence(position) == (start, min(ends, default=len(text)))
