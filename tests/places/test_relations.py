"""Relations of mentioned places to the subject: the judge's short cuts against every candidate judged and sorted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.places import Gazetteer
from reportlint.places.divisions import Place
from reportlint.places.matcher import PlaceMention
from reportlint.places.relations import Relation, RelationJudge

_GAZETTEER = Gazetteer.default()
_RANKS = list(Relation)
# Names of one place and of many (城关镇, 新华街道 …) near and far from the subjects below.
_NAMES = ["兴国镇", "郭嘉镇", "秦安县", "天水市", "甘肃省", "甘谷县", "通渭县", "海淀区", "莲花镇", "城关镇", "新华街道", "东关街道"]
_SUBJECTS = [place for name in ("兴国镇", "莲花镇", "秦安县", "城关镇", "天水市") for place in _GAZETTEER.lookup(name)[:4]]


def _judged_by_sorting(subjects: list[Place], candidates: tuple[Place, ...]) -> tuple[Relation, Place | None]:
    """The simple form: every candidate against every subject, the closest kept, the subjects agreeing or not."""
    judge = RelationJudge(_GAZETTEER, subjects)
    if not subjects:
        return Relation.UNKNOWN, candidates[0] if len(candidates) == 1 else None
    decided = set()
    for subject in subjects:
        parents = {parent.code for parent in _GAZETTEER.parents(subject)}
        judged = sorted(((judge._relation(place, subject, parents), place) for place in candidates), key=lambda item: _RANKS.index(item[0]))
        closest = [place for relation, place in judged if relation is judged[0][0]]
        decided.add((judged[0][0], closest[0] if len(closest) == 1 else None))
    if len({relation for relation, _ in decided}) > 1:
        return Relation.AMBIGUOUS, None
    places = {place for _, place in decided}
    return next(iter(decided))[0], places.pop() if len(places) == 1 else None


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_SUBJECTS), max_size=3, unique=True), st.sampled_from(_NAMES))
def test_the_judge_decides_as_every_candidate_judged_and_sorted(subjects, name):
    candidates = _GAZETTEER.lookup(name)
    assert RelationJudge(_GAZETTEER, subjects).of(PlaceMention(0, len(name), name, candidates)) == _judged_by_sorting(subjects, candidates)


def test_one_subject_and_one_candidate():
    [subject] = [place for place in _GAZETTEER.lookup("兴国镇") if _GAZETTEER.parents(place)[-1].name == "秦安县"]
    judge = RelationJudge(_GAZETTEER, [subject])
    [sibling] = _GAZETTEER.lookup("郭嘉镇")
    assert judge.of(PlaceMention(0, 3, "郭嘉镇", (sibling,))) == (Relation.SIBLING, sibling)
    assert judge.of(PlaceMention(0, 3, "兴国镇", (subject,))) == (Relation.SUBJECT, subject)
