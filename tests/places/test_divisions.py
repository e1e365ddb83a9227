"""Tests of the place types: kinds and stems of official names, validation of extra places."""

from __future__ import annotations

import pytest

from reportlint.places import ExtraPlace, GazetteerError
from reportlint.places.divisions import kind_of, stem_of


@pytest.mark.parametrize(
    ("name", "level", "kind", "stem"),
    [
        ("甘肃省", 1, "省", "甘肃"),
        ("宁夏回族自治区", 1, "自治区", "宁夏回族"),
        ("香港特别行政区", 1, "特别行政区", "香港"),
        ("北京市", 1, "市", "北京"),
        ("楚雄彝族自治州", 2, "自治州", "楚雄彝族"),
        ("阿里地区", 2, "地区", "阿里"),
        ("兴安盟", 2, "盟", "兴安"),
        ("秦安县", 3, "县", "秦安"),
        ("海阳市", 3, "市", "海阳"),
        ("原州区", 3, "区", "原州"),
        ("东乡族自治县", 3, "自治县", "东乡族"),
        ("鄂温克族自治旗", 3, "自治旗", "鄂温克族"),
        ("兴国镇", 4, "镇", "兴国"),
        ("经纬街道", 4, "街道", "经纬"),
        ("三仁畲族乡", 4, "民族乡", "三仁畲族"),
        ("乌兰哈达苏木", 4, "苏木", "乌兰哈达"),
        ("赵家蓬区公所", 4, "区公所", "赵家蓬"),
    ],
)
def test_kind_and_stem_of_official_names(name, level, kind, stem):
    assert kind_of(name, level) == kind
    assert stem_of(name, kind) == stem


def test_place_kind_and_stem_come_from_the_gazetteer(gazetteer):
    (chuxiong,) = gazetteer.lookup("楚雄彝族自治州")
    assert (chuxiong.level, chuxiong.kind, chuxiong.stem) == (2, "自治州", "楚雄彝族")
    assert str(chuxiong) == "楚雄彝族自治州（532300）"


def test_extra_place_accepts_a_full_name_with_its_kind():
    zone = ExtraPlace("秦安县经济开发区", "620522", "开发区")
    assert (zone.name, zone.parent, zone.kind) == ("秦安县经济开发区", "620522", "开发区")


@pytest.mark.parametrize(
    ("name", "parent", "kind", "message"),
    [
        ("王家", "620522100", "村", "应以其类型“村”结尾"),
        ("村", "620522100", "村", "应以其类型“村”结尾"),
        ("王家 村", "620522100", "村", "应只由汉字组成"),
        ("王家村", "", "村", "缺少上级"),
    ],
)
def test_extra_place_rejects_what_is_not_a_full_name(name, parent, kind, message):
    with pytest.raises(GazetteerError, match=message):
        ExtraPlace(name, parent, kind)
