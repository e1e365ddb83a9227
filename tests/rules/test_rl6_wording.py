"""RL611–RL617 wording: each rule fires on its slips, stays silent on legitimate text, and points at the right place.

The documentation examples of these rules run with every other rule's in tests/rules/test_examples.py.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.rules import rl1_title, rl6_wording
from reportlint.rules.rl6_wording import (
    BareSelfReference,
    EnumerationSequence,
    HigherLevelScope,
    NumberWithoutUnit,
    RegulationCitation,
    RepeatedCharacter,
    StraySymbol,
    reportlint_rules,
)
from reportlint.run.linter import lint_text
from reportlint.text.chars import HAN

TOWNSHIP = "某县兴国镇2021年政府信息公开工作年度报告\n一、总体情况\n"
DEPARTMENT = "某县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n"


def run(rule, body: str, title: str = TOWNSHIP, **options):
    text = title + body
    return [
        (d.code, d.location.line, d.location.column, text[d.start : d.end], d.message) for d in lint_text(text, rules=[rule], **options)
    ]


# ----------------------------------------------------------------- RL611 repeated-character


def test_repeated_character_points_at_the_pair_with_a_fix():
    [(code, line, column, found, message)] = run(RepeatedCharacter, "建设整体统一的的网站界面。\n")
    assert (code, line, column, found) == ("RL611", 3, 7, "的的")
    assert message == "“的的”疑为笔误：“的”多写了一遍，应为“的”"
    [diagnostic] = lint_text(TOWNSHIP + "镇镇介绍。\n", rules=[RepeatedCharacter])
    assert (diagnostic.fix.start, diagnostic.fix.end, diagnostic.fix.replacement) == (diagnostic.start + 1, diagnostic.end, "")


@pytest.mark.parametrize("slip", ["工作了了解", "局局介绍", "收到了了申请", "大田县县人民政府门户网站", "是是否", "秦安县兴国镇镇开展工作"])
def test_repeated_character_slips(slip):
    if slip in ("工作了了解", "是是否"):
        assert run(RepeatedCharacter, slip + "。\n") == []  # 了解 and 是否 start the second word
    else:
        assert len(run(RepeatedCharacter, slip + "。\n")) == 1


@pytest.mark.parametrize(
    "good",
    [
        "常常开会，人人参与，天天更新，往往如此，渐渐完善，刚刚起步，仅仅开始。",
        "的的确确做到了。",
        "为了了解群众需求，兴国镇镇长带队走访。",
        "问题不了了之的情况不再发生。",
        "达到目的的措施。",
        "某县县委、县政府高度重视，某县交通局局长带队。",
        "实实在在为群众办事，是是非非分清楚。",
        "认真学习习近平新时代中国特色社会主义思想。",
        # townships whose names double the character (in the gazetteer): the fix would have corrupted them
        "桐乡市乌镇镇人民政府认真落实条例。",
        "中山市古镇镇、龙游县湖镇镇的经验值得学习。",
        "富乡乡人民政府高度重视。",
    ],
)
def test_repeated_character_leaves_legitimate_doubles(good):
    assert run(RepeatedCharacter, good + "\n") == []


def test_repeated_character_allow_option_and_table_cells():
    config = {"rules": {"repeated-character": {"allow": ["局局介绍"]}}}
    assert run(RepeatedCharacter, "局局介绍。\n", config=config) == []
    html = "<html><body><h1>某镇2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度工作。</p><table><tr><td>乡镇</td><td>镇区</td></tr><tr><td>公开的</td><td>的确</td></tr></table></body></html>"
    assert lint_text(html, filename="r.html", rules=[RepeatedCharacter]) == []


# ----------------------------------------------------------------- RL612 enumeration-sequence


def test_numbering_misnumbered_names_both_places():
    body = "存在的问题：一是公开内容不够全面；\n三是解读形式单一；\n三是人员多为兼职。\n"
    [diagnostic] = lint_text(TOWNSHIP + body, rules=[EnumerationSequence])
    assert diagnostic.message == "编号有误：“三是”前面是第 3 行的“一是”，后面第 5 行还有“三是”，此处应为“二是”"
    assert diagnostic.location.line == 4
    assert [(TOWNSHIP + body)[item.start : item.end] for item in diagnostic.related] == ["一是", "三是"]


@pytest.mark.parametrize(
    "body, found, message",
    [
        ("（一）主动公开。\n（二）依申请公开。\n（四）平台建设。\n", "（四）", "编号跳号：“（四）”前面是第 4 行的“（二）”，缺少“（三）”"),
        ("1. 加强领导。\n2. 完善制度。\n2. 强化培训。\n", "2.", "编号重复：“2.”与第 4 行的“2.”相同，应为“3.”"),
        (
            "（一）主动公开。\n（二）依申请公开。\n（三）平台建设。\n（二）政府信息管理。\n",
            "（二）",
            "编号顺序颠倒：“（二）”出现在第 5 行的“（三）”之后，应为“（四）”",
        ),
        ("首先，提高认识。其次，完善制度。其次，加强培训。\n", "其次", "编号重复：“其次”与第 3 行的“其次”相同，应为“再次”"),
        ("第一，提高认识；第三，加强培训。\n", "第三", "编号跳号：“第三”前面是第 3 行的“第一”，缺少“第二”"),
        (
            "三是政府信息管理。\n四是平台建设。一是依托门户网站；二是用好公众号。\n六是监督保障。\n",
            "六是",
            "编号跳号：“六是”前面是第 4 行的“四是”，缺少“五是”",
        ),
    ],
)
def test_numbering_slips(body, found, message):
    [(code, _, _, where, text)] = run(EnumerationSequence, body)
    assert (code, where, text) == ("RL612", found, message)


@pytest.mark.parametrize(
    "good",
    [
        # lists restart at 1: problems, then measures, in one section
        "存在问题：一是公开不够全面；二是解读单一。改进措施：一是加强培训；二是丰富形式。\n",
        # an outer item restarts the inner lists
        "（一）主动公开。1. 网站。2. 微信。\n（二）依申请公开。1. 登记。2. 答复。\n",
        # a list of the same style inside an item's line is nested in it: the next line's item follows the item
        "三是政府信息管理。\n四是平台建设。一是依托门户网站；二是用好公众号。\n五是监督保障。\n",
        # citations and table labels are not list items
        "依据《条例》第二十条第（一）项、第（五）项公开。\n",
        "“一是一、二是二”的态度。\n",
        "第一时间公开，第一批试点，统一是关键，唯一是标准。\n",
    ],
)
def test_numbering_leaves_legitimate_lists(good):
    assert run(EnumerationSequence, good) == []


def test_numbering_restarts_in_a_new_section_and_skips_headings_and_tables():
    text = (
        "某镇2021年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开。\n（二）依申请公开。\n"
        "二、主动公开政府信息情况\n第二十条第（一）项\n（三）不予公开\t1.属于国家秘密\t0\n"
        "三、收到和处理政府信息公开申请情况\n五、存在的主要问题及改进情况\n（一）存在问题。\n（二）改进措施。\n"
        "六、其他需要报告的事项\n（一）信息处理费。\n（二）工作要点。\n"
    )
    assert lint_text(text, rules=[EnumerationSequence]) == []
    slipped = text.replace("（二）改进措施", "（三）改进措施")
    [diagnostic] = lint_text(slipped, rules=[EnumerationSequence])
    assert slipped[diagnostic.start : diagnostic.end] == "（三）" and "第 10 行的“（一）”" in diagnostic.message


# ----------------------------------------------------------------- RL613 regulation-citation


@pytest.mark.parametrize(
    "body, found, start",
    [
        ("依据《中华人民共和国政府信息公开条例》（国务院令第771号）编制。", "国务院令第771号", "令号有误"),
        ("依据《条例》（国务院第717号令）编制。", "国务院第717号令", "令号有误"),
        ("按照《中华人民共和国政府信息公开条例》（国务院令第492号）要求。", "国务院令第492号", "“国务院令第492号”是 2007 年"),
        ("根据《条例》第五十八条规定。", "第五十八条", "条文序号有误"),
        ("按照第二十条第（十六）项公开。", "第二十条第（十六）项", "“第二十条第（十六）项”不存在"),
        (
            "根据《中华人民共和国政府信息公开条例》第二十条第(二)款要求，主动公开机构职能。",
            "第二十条第(二)款",
            "“第二十条第(二)款”用词有误",
        ),
        ("依据《中华人民共和国政务公开条例》开展工作。", "《中华人民共和国政务公开条例》", "条例名称有误"),
        ("根据《条例》第三十一条的规定，公布年度报告。", "第三十一条", "引用的是 2008 年条例的条文序号"),
        ("按照《条例》第十二条，乡镇主动公开下列信息。", "第十二条", "引用的是 2008 年条例的条文序号"),
    ],
)
def test_regulation_citation_slips(body, found, start):
    [(code, _, _, where, message)] = run(RegulationCitation, body + "\n")
    assert (code, where) == ("RL613", found) and message.startswith(start), message


@pytest.mark.parametrize(
    "good",
    [
        "依据《中华人民共和国政府信息公开条例》（国务院令第711号）第五十条编制本报告。",
        "条例于2007年4月5日国务院令第492号公布，2019年4月3日国务院令第711号修订。",
        "依据《优化营商环境条例》（国务院令第722号）开展工作。",
        "根据《条例》第五十条的规定，公布年度报告。",
        "按照第二十条第（十五）项公开。",
        "依据《政府信息公开信息处理费管理办法》第二十条第（二）款收费。",
        "按照《条例》第十二条，编制公开指南和公开目录。",
    ],
)
def test_regulation_citation_leaves_correct_citations(good):
    assert run(RegulationCitation, good + "\n") == []


def test_regulation_citation_before_2019_keeps_the_old_numbers():
    title = "某县兴国镇2018年政府信息公开工作年度报告\n一、概述\n"
    assert run(RegulationCitation, "根据《条例》第三十一条的规定，公布年度报告。依据国务院令第492号。\n", title) == []


# ----------------------------------------------------------------- RL614 bare-self-reference


def test_bare_self_reference_suggests_the_body_noun():
    [(code, line, column, found, message)] = run(BareSelfReference, "2021年，我通过门户网站发布信息。\n")
    assert (code, line, column, found) == ("RL614", 3, 7, "我通过")
    assert message == "“我通过”缺少机关简称，应为“我镇通过”（报告主体是某县兴国镇）"
    [(_, _, _, found, message)] = run(BareSelfReference, "我高度重视政务公开工作。\n", DEPARTMENT)
    assert found == "我高度" and "应为“我局高度”" in message


@pytest.mark.parametrize(
    "good",
    [
        "深入开展“我为群众办实事”实践活动。",
        "我们认真做好信息公开工作。",
        "我国政府信息公开制度不断完善。",
        "坚持自我革命，自我在加压。",
        "我镇通过门户网站发布信息。",
        "践行“我将无我，不负人民”的精神。",
    ],
)
def test_bare_self_reference_negative_controls(good):
    assert run(BareSelfReference, good + "\n") == []


# ----------------------------------------------------------------- RL615 higher-level-scope


def test_higher_level_scope_in_a_township_and_a_county_department():
    [(code, _, _, found, message)] = run(HigherLevelScope, "2021年，我镇组织推动全省政府信息公开工作。\n")
    assert (code, found) == ("RL615", "全省") and "疑为照搬上级机关的报告" in message
    assert [found for _, _, _, found, _ in run(HigherLevelScope, "指导全市各部门开展工作；指导全县各单位。\n", DEPARTMENT)] == ["全市"]


@pytest.mark.parametrize(
    "good",
    ["按照全市政务公开工作部署，在全省率先开展试点。", "学习贯彻全国、全省、全市会议精神。", "我镇组织全镇干部参加培训。"],
)
def test_higher_level_scope_leaves_mentions_of_higher_scopes(good):
    assert run(HigherLevelScope, good + "\n") == []


def test_higher_level_scope_for_a_city_checks_only_the_province():
    title = "某市人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"
    assert run(HigherLevelScope, "统筹推进全市政务公开工作。\n", title) == []
    assert len(run(HigherLevelScope, "统筹推进全省政务公开工作。\n", title)) == 1


# ----------------------------------------------------------------- RL616 stray-symbol


@pytest.mark.parametrize(
    "body, found",
    [
        ("我镇通过政务公开栏>公开村级财务信息。", ">"),
        ("我镇通过政务公开栏 | 公开村级财务信息。", "|"),
        ("政府信息公(gōng)开工作。", "gōng"),
        ("政府xinxi公开工作。", "xinxi"),
    ],
)
def test_stray_symbols(body, found):
    [(code, _, _, where, _)] = run(StraySymbol, body + "\n")
    assert (code, where) == ("RL616", found)


@pytest.mark.parametrize(
    "good",
    [
        "群众满意率>95%。",
        "通过APP、PDF和wifi发布信息。",
        "印发《贯彻<长江三角洲区域一体化发展规划纲要>实施方案》。",
        "标注“公开>不公开”的原则。",
        "首页 > 政务公开 > 年度报告",
        "规章 | 0 | 0 | 0 |",
    ],
)
def test_stray_symbol_negative_controls(good):
    assert run(StraySymbol, good + "\n") == []


def test_pinyin_is_counted_per_line():
    [(_, _, _, found, message)] = run(StraySymbol, "拖市镇(zhèn)政府信息公開(kāi)年度报告。\n")
    assert found == "zhèn" and "本行共 2 处" in message


# ----------------------------------------------------------------- RL617 number-without-unit


def test_count_without_unit_takes_the_unit_of_the_sentence():
    [(code, _, _, found, message)] = run(NumberWithoutUnit, "全年在门户网站发布信息3403，其中政策文件126条。\n")
    assert (code, found) == ("RL617", "3403") and message == "数字“3403”缺少单位：“发布信息3403”应为“发布信息3403条”"
    [(_, _, _, found, message)] = run(NumberWithoutUnit, "全年共收到政府信息公开申请12，均按时答复。\n")
    assert found == "12" and message.endswith("应为“公开申请12件”")


def test_year_without_nian():
    [(code, _, column, found, message)] = run(NumberWithoutUnit, "2022依托门户网站公开政府信息。\n")
    assert (code, column, found) == ("RL617", 1, "2022") and message == "年份“2022”后缺少“年”：“2022依托”应为“2022年依托”"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_lines_of_one_run_give_their_findings_line_by_line(newline):
    # three prose lines with blank lines between them are searched as one run; each line's findings come on it, in order
    body = newline.join(
        ["2022依托门户网站公开政府信息，全年发布信息3403，", "", "全年共收到政府信息公开申请12，均按时答复。", "", "咨询电话12345。"]
    )
    found = run(NumberWithoutUnit, body + newline)
    assert [(line, text) for _, line, _, text, _ in found] == [(3, "2022"), (3, "3403"), (5, "12")]


@pytest.mark.parametrize(
    "good",
    [
        "全年发布信息3403条，其中政策文件126条。",
        "咨询电话12345，工作日接听。",
        "国办公开办函〔2021〕30号，2022年度报告。",
        "办理结果排名第1，位列全市前列。",
        "《2022上海再出发》H5作品。",
        "发布信息3403条；点击量2万。",
    ],
)
def test_number_without_unit_negative_controls(good):
    assert run(NumberWithoutUnit, good + "\n") == []


def test_rules_are_registered_with_stable_codes():
    assert [(rule.code, rule.name) for rule in reportlint_rules()] == [
        ("RL611", "repeated-character"),
        ("RL612", "enumeration-sequence"),
        ("RL613", "regulation-citation"),
        ("RL614", "bare-self-reference"),
        ("RL615", "higher-level-scope"),
        ("RL616", "stray-symbol"),
        ("RL617", "number-without-unit"),
    ]
    assert all(re.fullmatch(r"RL61[1-7]", rule.code) for rule in reportlint_rules())


def test_numbering_outside_recognised_sections_checks_only_inline_lists():
    # no template heading is recognised: the numbered lines may be table labels (一、… 四、) and are left alone
    text = "某镇年度工作情况\n一、本年新收\n二、上年结转\n三、本年度办理结果\n一、主动公开\n四、结转下年度\n四、其他\n主要做法：一是加强领导；三是完善制度。\n"
    [diagnostic] = lint_text(text, rules=[EnumerationSequence])
    assert text[diagnostic.start : diagnostic.end] == "三是"


#: Patterns rewritten to open with a character (the engine then skips the other positions), with their former forms.
_FORMER_FORMS = {
    rl6_wording._YEAR_WITHOUT_NIAN: re.compile(
        f"(?=[12])(?:^|(?<=[，。；：、,;:\\s]))((?:19[89]|20[0-4])\\d)(?=[{HAN}])(?![年度届级版号期元万条件次个人家户份页项批])",
        re.MULTILINE,
    ),
    rl6_wording._BARE_COUNT: re.compile(f"(?=\\d)(?<=[{HAN}])(\\d+)(?=[，。；、,;])"),
    rl1_title._YEAR_WITHOUT_NIAN: re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*(?:政府|信息|政务|工作))"),
}


@given(st.text(alphabet="1290845 年度政府工作中，。;\n\t一", max_size=24), st.integers(0, 24), st.integers(0, 24))
def test_rewritten_patterns_match_as_their_former_forms(text, start, end):
    for pattern, former in _FORMER_FORMS.items():
        found = [(match.span(), match.groups()) for match in pattern.finditer(text, start, end)]
        assert found == [(match.span(), match.groups()) for match in former.finditer(text, start, end)], (pattern.pattern, text)


@given(
    st.lists(
        st.sampled_from(
            [
                "一、总体情况",
                "（二）主动公开。",
                "1.加强领导；2.完善制度",
                "  3、规范",
                "二是公开",
                "第一，",
                "",
                "   ",
                "甲\t乙",
                "首先，其次：",
            ]
        ),
        max_size=8,
    ),
    st.lists(st.sampled_from(["s1", "s5", "intro"]), min_size=8, max_size=8),
)
def test_markers_of_prose_runs_are_those_of_their_lines(texts, parts):
    # EnumerationSequence searches each run of prose lines once: the markers are those a search of each line finds
    from reportlint.rules.rl6_wording import ProseLine, prose_runs
    from reportlint.text.enumerations import find_markers

    text = "\n".join(texts)
    lines, position = [], 0
    for index, line in enumerate(texts):
        if line.strip() and "\t" not in line:
            lines.append(ProseLine(position, position + len(line), parts[index]))
        position += len(line) + 1
    runs = prose_runs(text, lines)
    assert [marker for run in runs for marker in find_markers(text, run.start, run.end)] == [
        marker for line in lines for marker in find_markers(text, line.start, line.end)
    ]
    assert len(runs) <= len(lines)


@given(st.lists(st.integers(0, 6), max_size=8), st.lists(st.integers(0, 40), max_size=6), st.lists(st.integers(0, 40), max_size=6))
def test_the_lines_holding_positions_are_those_a_look_at_every_line_finds(gaps, symbols, fragments):
    # (RL616 looks only at the prose lines holding a stray symbol or a Latin fragment)
    lines, position = [], 0
    for index, gap in enumerate(gaps):
        lines.append(rl6_wording.ProseLine(position, position + gap, f"s{index}"))
        position += gap + index % 2  # lines apart or touching, some empty
    symbols, fragments = sorted(symbols), sorted(fragments)
    expected = [line for line in lines if any(line.start <= found < line.end for found in (*symbols, *fragments))]
    assert rl6_wording._lines_holding(lines, symbols, fragments) == expected
