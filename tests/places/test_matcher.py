"""Tests of scanning text for place names: full names only, longest match, and the context rules."""

from __future__ import annotations

import pytest


def found(gazetteer, text: str) -> list[str]:
    return [mention.name for mention in gazetteer.scan(text)]


def test_mentions_carry_offsets_and_every_candidate(gazetteer):
    text = "请与秦安县兴国镇人民政府联系。"
    mentions = gazetteer.scan(text)
    assert [(mention.start, mention.end, mention.name) for mention in mentions] == [
        (2, 5, "秦安县"),
        (5, 8, "兴国镇"),
    ]
    assert all(text[mention.start : mention.end] == mention.name for mention in mentions)
    assert [place.code for place in mentions[1].candidates] == ["420222100", "620522100"]


def test_longest_match_wins_and_names_inside_it_are_not_mentions(gazetteer):
    assert found(gazetteer, "楚雄彝族自治州人民政府") == ["楚雄彝族自治州"]
    assert found(gazetteer, "海阳市二十里店镇人民政府") == ["海阳市", "二十里店镇"]  # not 十里店镇, 店镇
    assert found(gazetteer, "北京市东城区") == ["北京市", "东城区"]  # not 城区
    assert found(gazetteer, "宁夏回族自治区固原市") == ["宁夏回族自治区", "固原市"]


def test_leftmost_match_wins_over_an_overlapping_later_one(gazetteer):
    assert found(gazetteer, "长沙市区的公示栏") == ["长沙市"]  # not 沙市区 (荆州)


def test_short_forms_and_partial_names_are_not_mentions(gazetteer):
    assert found(gazetteer, "天水、楚雄、固原三地的报告") == []
    assert found(gazetteer, "兴国的群众") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two-character names need evidence on both sides
        ("按照有关规定和县政府的要求开展工作。", []),
        ("在和县人民政府的统一领导下开展工作。", ["和县"]),
        ("严格遵照《条例》和县政府信息公开的要求。", []),  # 和 after a closing mark: “and”
        ("落实“两个责任”和县委的部署。", []),
        ('紧扣州委"337"和县委"3326"工作思路。', []),  # the normalised text's quotes are straight
        ("马鞍山市和县人民政府", ["马鞍山市", "和县"]),
        ("和县人民政府办公室关于印发工作要点的通知", ["和县"]),
        ("提高县级医院服务能力，完成县委交办的任务。", []),
        ("创建国家级示范县，建设小康县。", []),
        ("风沙县城治理取得成效。", []),
        ("代县峨口镇人民政府", ["代县", "峨口镇"]),
        ("山西省代县，地处忻州市北部。", ["山西省", "代县", "忻州市"]),
        ("沛县、丰县、睢宁县联合开展培训。", ["沛县", "丰县", "睢宁县"]),
        ("地址：沛公路2号沛县人民政府办公室", ["沛县"]),
        ("对口镇村开展帮扶。", []),
        # names that are ordinary words need a neighbouring parent or child place
        ("城区和农村的信息公开栏全部更新。", []),
        ("阳泉市城区人民政府2020年政府信息公开工作年度报告", ["阳泉市", "城区"]),
        ("天津市和平区和河西区", ["天津市", "和平区", "河西区"]),
        ("和平区人民政府", ["和平区"]),
        ("维护和平区域稳定。", []),
        ("加强东方市场监管，东方市人民政府印发通知。", ["东方市"]),
        ("发展乡村旅游，建设镇村道路，推进美丽乡村建设。", []),
        ("推动中心城区扩容提质，实施中心镇建设工程。", []),
        ("市中心街道两侧设置公示栏。", []),
        ("主城区街道两侧设置公示栏。", []),
        ("由县政府办会同县财政局联合开展检查。", []),
        ("湖南省会同县人民政府", ["湖南省", "会同县"]),
        ("完善更新乡政府网站栏目。", []),
        ("开发区、新区、高新区、市区、郊区、矿区的管理", []),
        # three-character names ending in an ordinary word need evidence on one side
        ("山东乡镇街道一律公开。", []),
        ("广东城镇化率提高，加快小城镇建设。", []),
        ("扩大集镇规模，关心偏远山区群众。", []),
        ("成立新村镇政府信息与政务公开领导小组。", ["新村镇"]),
        ("全年共主动公开政府信息89条，其中本镇政务公开工作按照要求开展。", []),  # 其|中本镇: 本镇 is “this town”
        ("安达市中本镇人民政府", ["安达市", "中本镇"]),
        ("下步新村镇将从以下几个方面加强工作。", ["新村镇"]),
        # a street office named after a street needs left evidence: after other Han characters it ends a longer name
        ("大同市平城区振华南街街道办事处2021年度预算公开说明", ["大同市", "平城区"]),
        ("晋城市城区南街街道办事处", ["晋城市", "城区", "南街街道"]),
        ("我街道与南街街道联合开展培训。", ["南街街道"]),
        ("西咸新区南街街道办事处", ["南街街道"]),  # after what ends like a place's name (the gazetteer lacks 西咸新区)
        ("平城区人民政府南街街道办事处", ["平城区", "南街街道"]),  # after the government above it
        # a street office not named after a street (茶山, 古田) is distinctive wherever it stands
        ("本年度古田街道主动公开财政预决算相关信息。", ["古田街道"]),
        ("瓯海区人民政府茶山街道办事处以习近平新时代中国特色社会主义思想为指导。", ["瓯海区", "茶山街道"]),
        # other names are distinctive wherever they stand
        ("我镇深入贯彻原州区全面推进政府信息公开安排部署。", ["原州区"]),
        ("及时调整充实兴国镇政务公开工作领导小组。", ["兴国镇"]),
    ],
)
def test_context_rules_on_real_looking_sentences(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


def test_split_name_reads_an_organ_name_without_context_rules(gazetteer):
    assert [part.name for part in gazetteer.split_name("原州区官厅镇人民政府")] == ["原州区", "官厅镇"]
    assert [part.name for part in gazetteer.split_name("城区街道办事处")] == ["城区街道"]
    assert gazetteer.split_name("某某开发区管委会") == []


def test_scan_of_empty_and_name_free_text(gazetteer):
    assert gazetteer.scan("") == []
    assert gazetteer.scan("一、总体情况\n（一）主动公开情况。") == []


def test_split_name_is_remembered_but_each_caller_gets_its_own_list(gazetteer):
    first = gazetteer.split_name("秦安县兴国镇人民政府")
    assert [part.name for part in first] == ["秦安县", "兴国镇"]
    first.clear()
    again = gazetteer.split_name("秦安县兴国镇人民政府")
    assert [part.name for part in again] == ["秦安县", "兴国镇"] and again is not first


@pytest.mark.parametrize(
    "text",
    [
        "天水市秦安县兴国镇人民政府，和县、代县峨口镇，楚雄彝族自治州，海阳市二十里店镇；全县社区城市",
        "镇县区",
        "乌镇",
        "",
        "阿拉善盟阿拉善左旗巴彦浩特镇，新疆维吾尔自治区",
    ],
)
def test_the_scanner_finds_every_name_a_search_of_every_substring_finds(gazetteer, text):
    matcher = gazetteer._matcher
    names = matcher._names
    every = [(start, end) for start in range(len(text)) for end in range(start + 2, len(text) + 1) if text[start:end] in names]
    assert matcher.find_all(text) == sorted(every, key=lambda span: (span[0], -span[1]))


def test_names_are_indexed_by_their_last_two_characters():
    from reportlint.places.matcher import lengths_by_ending

    assert lengths_by_ending(["兴国镇", "乌镇", "二十里店镇", "店镇", "兴国", "镇"]) == {
        "国镇": [3],
        "乌镇": [2],
        "店镇": [5, 2],
        "兴国": [2],
    }
