"""Tests of subject resolution on invented subjects and report sentences."""

from __future__ import annotations

from reportlint.places import resolve_subject


def resolve(gazetteer, subject: str, report_text: str = "", **options):
    return resolve_subject(gazetteer, subject, gazetteer.scan(report_text), **options)


def codes(places) -> list[str]:
    return [place.code for place in places]


def test_parent_named_in_the_subject_decides(gazetteer):
    resolution = resolve(gazetteer, "秦安县兴国镇人民政府")
    assert (resolution.name, resolution.place.code) == ("兴国镇", "620522100")
    assert codes(resolution.candidates) == ["620522100"]
    assert resolution.evidence == "标题中的“秦安县”"


def test_subject_origin_is_named_in_the_evidence(gazetteer):
    resolution = resolve(gazetteer, "楚雄市新村镇", subject_origin="落款")
    assert resolution.evidence == "落款中的“楚雄市”"


def test_several_named_parents_all_apply(gazetteer):
    resolution = resolve(gazetteer, "甘肃省天水市秦安县兴国镇")
    assert resolution.place.code == "620522100"
    assert resolution.evidence == "标题中的“甘肃省”“天水市”“秦安县”"


def test_unique_name_needs_no_parent(gazetteer):
    resolution = resolve(gazetteer, "峨口镇人民政府", "本镇位于代县东部。")
    assert resolution.place.code == "140923102"
    assert resolution.evidence == "全国只有一个“峨口镇”，正文提到的“代县”与之相符"


def test_report_mention_of_a_city_containing_one_candidate_decides(gazetteer):
    resolution = resolve(gazetteer, "新村镇人民政府", "根据《楚雄彝族自治州人民政府办公室关于做好年报工作的通知》要求编制。")
    assert resolution.place.code == "532301113"
    assert resolution.evidence == "正文提到“楚雄彝族自治州”（唯一包含新村镇的地市）"
    assert len(resolution.candidates) == 4


def test_the_most_specific_deciding_mention_is_quoted(gazetteer):
    text = "按照《甘肃省政府信息公开办法》和天水市、秦安县的要求，"
    resolution = resolve(gazetteer, "兴国镇", text)
    assert resolution.place.code == "620522100"
    assert resolution.evidence == "正文提到“秦安县”（唯一包含兴国镇的县区）"


def test_majority_of_mentions_wins_and_the_rest_is_reported(gazetteer):
    text = "在秦安县委、秦安县人民政府领导下，赴湖北省学习。"
    resolution = resolve(gazetteer, "兴国镇", text)
    assert resolution.place.code == "620522100"
    assert resolution.evidence == "正文提到“秦安县”（唯一包含兴国镇的县区），另有 1 处地名指向别处"


def test_tied_mentions_leave_the_subject_ambiguous(gazetteer):
    resolution = resolve(gazetteer, "兴国镇", "赴湖北省、甘肃省学习。")
    assert resolution.place is None
    assert codes(resolution.candidates) == ["420222100", "620522100"]
    assert resolution.evidence == "正文提到的“湖北省”“甘肃省”分别指向不同的“兴国镇”"


def test_no_evidence_leaves_the_subject_ambiguous_with_its_candidates(gazetteer):
    resolution = resolve(gazetteer, "新村镇", "我镇高度重视政府信息公开工作。")
    assert resolution.place is None
    assert len(resolution.candidates) == 4
    assert resolution.evidence == "全国有 4 个“新村镇”，标题和正文都没有指明是哪一个"


def test_named_parent_narrows_without_deciding(gazetteer):
    resolution = resolve(gazetteer, "甘肃省城关镇")
    assert resolution.place is None
    assert all(gazetteer.is_within(place, gazetteer.get("620000")) for place in resolution.candidates)
    assert resolution.evidence.startswith("标题中的“甘肃省”之下有 ")


def test_named_parent_that_contains_no_candidate_is_reported(gazetteer):
    resolution = resolve(gazetteer, "天水市新村镇")
    assert resolution.place is None
    assert len(resolution.candidates) == 4
    assert resolution.evidence == "标题中的“天水市”下没有“新村镇”"


def test_department_resolves_to_its_area(gazetteer):
    resolution = resolve(gazetteer, "秦安县教育局")
    assert (resolution.name, resolution.place.code) == ("秦安县", "620522")


def test_unknown_body_keeps_its_name_without_the_organ_word(gazetteer):
    resolution = resolve(gazetteer, "某某开发区管委会")
    assert (resolution.name, resolution.place, resolution.candidates) == ("某某开发区", None, ())
    assert resolution.evidence == "地名库中没有“某某开发区”"


def test_the_organ_of_a_body_is_what_follows_its_last_place_name(gazetteer):
    from reportlint.places.subject import organ_of

    assert organ_of(gazetteer, ["秦安县陇城镇", "陇城镇人民政府"], "镇") == "人民政府"
    assert organ_of(gazetteer, ["秦安县陇城镇"], "镇") == "人民政府", "a township named alone is its government"
    assert organ_of(gazetteer, ["秦州区七里墩街道"], "街道") == "办事处"
    assert organ_of(gazetteer, ["七里墩街道办事处"], "街道") == "办事处"
    assert organ_of(gazetteer, ["秦安县教育局"], "部门") == "教育局"
    assert organ_of(gazetteer, ["秦安县人民政府", "秦安县政府办公室"], "部门") == "人民政府办公室", "the longest organ wins"
    assert organ_of(gazetteer, ["陇城镇政府"], "镇") == "人民政府"
    assert organ_of(gazetteer, ["某开发区"], "未知") == ""
