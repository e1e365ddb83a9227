"""Tests of the opt-in short-form lookup ("天水" → 天水市): safe answers only."""

from __future__ import annotations

import pytest

from reportlint.places.shortnames import ethnic_township_short_name


@pytest.mark.parametrize(
    ("short_name", "code"),
    [
        ("天水", "620500"),
        ("固原", "640400"),
        ("宁夏", "640000"),
        ("秦安", "620522"),
        ("忻州", "140900"),
        ("博尔塔拉", "652700"),
    ],
)
def test_unambiguous_short_forms_resolve(gazetteer, short_name, code):
    assert gazetteer.lookup_short_name(short_name) == gazetteer.get(code)


@pytest.mark.parametrize(
    ("short_name", "why"),
    [
        ("楚雄", "楚雄市 and 楚雄彝族自治州 share it"),
        ("朝阳", "a prefecture, a county and districts share it"),
        ("和平", "an ordinary word (and shared)"),
        ("原州", "districts (区) are never answered"),
        ("天水市", "a full name is not a short form"),
        ("和", "one character is too short"),
    ],
)
def test_unsafe_short_forms_give_nothing(gazetteer, short_name, why):
    assert gazetteer.lookup_short_name(short_name) is None, why


def test_townships_do_not_compete_for_short_forms(gazetteer):
    assert len(gazetteer.lookup("兴国镇")) == 2
    assert gazetteer.lookup_short_name("兴国") == gazetteer.get("360732")  # 兴国县, 江西省赣州市


def test_short_name_strips_kind_and_ethnic_names(gazetteer):
    def short(name: str) -> str:
        return gazetteer.short_name(gazetteer.lookup(name)[0])

    assert short("楚雄彝族自治州") == "楚雄"
    assert short("海西蒙古族藏族自治州") == "海西"
    assert short("宁夏回族自治区") == "宁夏"
    assert short("内蒙古自治区") == "内蒙古"
    assert short("西藏自治区") == "西藏"
    assert short("秦安县") == "秦安"


def test_scan_never_uses_short_forms(gazetteer):
    assert gazetteer.scan("天水的秦安") == []


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("杨梅彝族苗族回族乡", "杨梅乡"),
        ("三合满族朝鲜族乡", "三合乡"),
        ("七墩回族东乡族乡", "七墩乡"),  # 东乡族 is an ethnic group too
        ("兴国镇", None),  # not an ethnic township
        ("回族乡", None),  # nothing left of the name
    ],
)
def test_ethnic_townships_are_written_without_their_ethnic_names(name, alias):
    assert ethnic_township_short_name(name) == alias


def test_an_ethnic_township_is_found_and_looked_up_by_its_usual_name(gazetteer):
    # 杨梅乡 is also a township of 福建省德化县: both are candidates, the county written before it decides
    assert {place.code for place in gazetteer.lookup("杨梅乡")} == {"350526200", "520204205"}
    [mention] = [found for found in gazetteer.scan("水城区杨梅乡2022年政府信息公开工作年度报告") if found.name == "杨梅乡"]
    assert "520204205" in {place.code for place in mention.candidates}
