"""Tests of looking places up: by code, by name, up and down the hierarchy, and local extra places."""

from __future__ import annotations

import pickle

import pytest

from reportlint.places import ExtraPlace, Gazetteer, GazetteerError, Place


def names(places) -> list[str]:
    return [place.name for place in places]


def test_get_by_code(gazetteer):
    assert gazetteer.get("620522100") == Place("620522100", "兴国镇", 4, "620522", "镇")
    assert gazetteer.get("620522") == Place("620522", "秦安县", 3, "620500", "县")
    assert gazetteer.get("999999") is None


def test_lookup_returns_every_place_with_the_exact_name_by_code(gazetteer):
    assert [place.code for place in gazetteer.lookup("兴国镇")] == ["420222100", "620522100"]
    assert gazetteer.lookup("兴国") == ()
    assert gazetteer.lookup("兴国镇人民政府") == ()


def test_lookup_returns_the_same_place_objects_each_time(gazetteer):
    assert gazetteer.lookup("秦安县")[0] is gazetteer.get("620522")


@pytest.mark.parametrize(
    ("name", "homonyms", "parents"),
    [
        ("官厅镇", 3, ["宁夏回族自治区", "固原市", "原州区"]),
        ("新村镇", 4, ["云南省", "楚雄彝族自治州", "楚雄市"]),
        ("二十里店镇", 2, ["山东省", "烟台市", "海阳市"]),
        ("兴国镇", 2, ["甘肃省", "天水市", "秦安县"]),
        ("峨口镇", 1, ["山西省", "忻州市", "代县"]),
        ("莲花镇", 16, ["甘肃省", "天水市", "秦安县"]),
    ],
)
def test_seed_townships_are_in_the_data_with_their_parents(gazetteer, name, homonyms, parents):
    places = gazetteer.lookup(name)
    assert len(places) == homonyms
    assert parents in [names(gazetteer.parents(place)) for place in places]


def test_parents_skip_levels_the_data_does_not_have(gazetteer):
    (dongcheng,) = gazetteer.lookup("东城区")
    assert names(gazetteer.parents(dongcheng)) == ["北京市"]
    dongguan_town = gazetteer.get("441900003")
    assert names(gazetteer.parents(dongguan_town)) == ["广东省", "东莞市"]
    assert gazetteer.parents(gazetteer.get("620000")) == ()


def test_children_are_the_direct_subdivisions_by_code(gazetteer):
    qin_an = gazetteer.get("620522")
    children = gazetteer.children(qin_an)
    assert [place.code for place in children] == sorted(place.code for place in children)
    assert {"兴国镇", "莲花镇"} <= set(names(children))
    assert all(place.parent_code == "620522" for place in children)
    assert gazetteer.children(gazetteer.get("620522100")) == ()


def test_is_within_includes_the_place_itself_and_all_its_ancestors(gazetteer):
    town = gazetteer.get("620522100")
    for ancestor_code in ("620522", "620500", "620000", "620522100"):
        assert gazetteer.is_within(town, gazetteer.get(ancestor_code))
    assert not gazetteer.is_within(town, gazetteer.get("420222"))  # 阳新县, the other 兴国镇's county
    assert not gazetteer.is_within(gazetteer.get("620522"), town)


def test_extra_places_by_parent_code_and_by_unique_parent_name():
    extended = Gazetteer.load(
        extra_places=[
            ExtraPlace("秦安县经济开发区", "620522", "开发区"),
            ("王家村", "620522100", "村"),
            ("李家村", "秦安县经济开发区", "村"),
        ]
    )
    (zone,) = extended.lookup("秦安县经济开发区")
    assert (zone.code, zone.level, zone.kind, zone.parent_code) == ("620522X001", 4, "开发区", "620522")
    (village,) = extended.lookup("王家村")
    assert (village.code, village.level) == ("620522100X001", 5)
    assert names(extended.parents(extended.lookup("李家村")[0])) == ["甘肃省", "天水市", "秦安县", "秦安县经济开发区"]
    assert extended.get("620522X001") == zone
    assert village in extended.children(extended.get("620522100"))


def test_extra_places_are_found_by_scan():
    extended = Gazetteer.load(extra_places=[("秦安县经济开发区", "620522", "开发区")])
    mentions = extended.scan("由秦安县经济开发区管委会负责。")
    assert [(mention.name, mention.start) for mention in mentions] == [("秦安县经济开发区", 1)]


def test_an_extra_place_whose_last_character_no_official_name_ends_in_is_found_by_scan():
    extended = Gazetteer.load(extra_places=[("王家村", "620522100", "村")])
    mentions = extended.scan("兴国镇王家村召开会议。")
    assert [(mention.name, mention.start) for mention in mentions] == [("兴国镇", 0), ("王家村", 3)]


def test_extra_place_may_share_a_name_with_an_official_one():
    extended = Gazetteer.load(extra_places=[("兴国镇", "620521", "镇")])
    assert [place.code for place in extended.lookup("兴国镇")] == ["420222100", "620522100", "620521X001"]


def test_extra_places_leave_the_default_gazetteer_alone(gazetteer):
    Gazetteer.load(extra_places=[("王家村", "620522100", "村")])
    assert gazetteer.lookup("王家村") == ()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("王家村", "999999", "村"), "上级代码 999999 不在地名库中"),
        (("王家村", "某某镇", "村"), "上级“某某镇”不在地名库中"),
        (("王家村", "兴国镇", "村"), "有 2 处同名（420222100、620522100），请改用代码"),
        (("王家村", "620522100"), "三项"),
    ],
)
def test_bad_extra_places_are_chinese_errors(extra, message):
    with pytest.raises(GazetteerError, match=message):
        Gazetteer.load(extra_places=[extra])


def test_pickling_sends_the_recipe_not_the_data(gazetteer):
    assert pickle.loads(pickle.dumps(gazetteer)) is gazetteer
    extended = Gazetteer.load(extra_places=[("王家村", "620522100", "村")])
    payload = pickle.dumps(extended)
    assert len(payload) < 1000
    assert pickle.loads(payload).lookup("王家村") == extended.lookup("王家村")


def test_an_extra_place_named_like_one_looked_up_before_it_was_added_is_found_too():
    # 李家村's parent is looked up by name while the extras are added: the second 秦安县经济开发区 comes after that
    extended = Gazetteer.load(
        extra_places=[
            ("秦安县经济开发区", "620522", "开发区"),
            ("李家村", "秦安县经济开发区", "村"),
            ("秦安县经济开发区", "620521", "开发区"),
        ]
    )
    assert [place.code for place in extended.lookup("秦安县经济开发区")] == ["620522X001", "620521X001"]
    assert extended.lookup("秦安县经济开发区") is extended.lookup("秦安县经济开发区"), "remembered once found"
    assert extended.lookup("不是地名") == ()
