"""Tests on the five real seed reports: every place mention found, nothing else, and the subject resolved.

The expected mentions were checked by hand against each report; in seed 003 the
phrase "规定和县政府" holds the classic false match 和县 and must stay silent.
"""

from __future__ import annotations

import pytest

from reportlint.places import resolve_subject

EXPECTED_MENTIONS = {
    "000": ["固原市", "原州区", "官厅镇", "原州区", "官厅镇", "官厅镇", "原州区", "官厅镇", "官厅镇", "官厅镇", "官厅镇", "原州区"],
    "001": ["楚雄市", "新村镇", "楚雄市", "新村镇", "楚雄市", "新村镇"] + ["新村镇"] * 11,
    "002": ["海阳市", "二十里店镇", "二十里店镇", "山东省", "二十里店镇", "海阳市", "海阳市", "海阳市", "二十里店镇", "海阳市"],
    "003": ["兴国镇", "甘肃省", "天水市", "兴国镇", "秦安县", "兴国镇", "兴国镇", "兴国镇", "莲花镇"],
    "004": ["峨口镇", "忻州市", "峨口镇", "峨口镇", "峨口镇", "峨口镇"],
}

#: (seed, subject as the report names itself, township, its county, city, province)
SUBJECTS = [
    ("000", "原州区官厅镇人民政府", "官厅镇", "原州区", "固原市", "宁夏回族自治区"),
    ("001", "楚雄市新村镇", "新村镇", "楚雄市", "楚雄彝族自治州", "云南省"),
    ("002", "海阳市二十里店镇", "二十里店镇", "海阳市", "烟台市", "山东省"),
    ("003", "兴国镇", "兴国镇", "秦安县", "天水市", "甘肃省"),
    ("004", "峨口镇人民政府", "峨口镇", "代县", "忻州市", "山西省"),
]


@pytest.mark.parametrize("seed", sorted(EXPECTED_MENTIONS))
def test_scan_finds_exactly_the_real_mentions(gazetteer, read_seed, seed):
    text = read_seed(seed)
    mentions = gazetteer.scan(text)
    assert [mention.name for mention in mentions] == EXPECTED_MENTIONS[seed]
    assert all(text[mention.start : mention.end] == mention.name for mention in mentions)


def test_copy_pasted_township_in_seed_003_is_the_one_in_the_same_county(gazetteer, read_seed):
    mentions = gazetteer.scan(read_seed("003"))
    (lianhua,) = [mention for mention in mentions if mention.name == "莲花镇"]
    qin_an = gazetteer.get("620522")
    assert [place.code for place in lianhua.candidates if gazetteer.is_within(place, qin_an)] == ["620522102"]


def test_the_classic_false_match_in_seed_003_is_silent(gazetteer, read_seed):
    text = read_seed("003")
    assert "规定和县政府" in text
    assert "和县" not in [mention.name for mention in gazetteer.scan(text)]


@pytest.mark.parametrize(("seed", "subject", "township", "county", "city", "province"), SUBJECTS)
def test_subject_resolves_to_the_right_township(gazetteer, read_seed, seed, subject, township, county, city, province):
    resolution = resolve_subject(gazetteer, subject, gazetteer.scan(read_seed(seed)))
    assert resolution.name == township
    assert resolution.place is not None
    assert resolution.place.name == township
    assert [place.name for place in gazetteer.parents(resolution.place)] == [province, city, county]


def test_seed_evidence_says_why(gazetteer, read_seed):
    def evidence(seed: str, subject: str) -> str:
        return resolve_subject(gazetteer, subject, gazetteer.scan(read_seed(seed))).evidence

    assert evidence("000", "原州区官厅镇人民政府") == "标题中的“原州区”"
    assert evidence("003", "兴国镇") == "正文提到“秦安县”（唯一包含兴国镇的县区）"
    assert evidence("004", "峨口镇人民政府") == "全国只有一个“峨口镇”，正文提到的“忻州市”与之相符"
