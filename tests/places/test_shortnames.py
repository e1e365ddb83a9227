"""Tests of the opt-in short-form lookup ("天水" → 天水市): safe answers only."""

from __future__ import annotations

import pytest


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
