"""How a mentioned place relates to the report's subject: itself, a parent, inside it, a sibling township, elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from reportlint.places.divisions import TOWNSHIP_LEVEL, Place
from reportlint.places.gazetteer import Gazetteer
from reportlint.places.matcher import PlaceMention


class Relation(Enum):
    """How a mentioned place relates to the report's subject, closest first."""

    SUBJECT = "subject"
    PARENT = "parent"
    INSIDE = "inside"
    SIBLING = "sibling"
    SAME_COUNTY = "same-county"
    SAME_CITY = "same-city"
    SAME_PROVINCE = "same-province"
    ELSEWHERE = "elsewhere"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """The relation in Chinese, for messages and ``reportlint parse``."""
        return _RELATION_LABELS[self]

    @property
    def is_foreign(self) -> bool:
        """A place outside the subject and its parents, other than a sibling township."""
        return self in (Relation.SAME_COUNTY, Relation.SAME_CITY, Relation.SAME_PROVINCE, Relation.ELSEWHERE)


_RELATION_LABELS = {
    Relation.SUBJECT: "报告主体",
    Relation.PARENT: "上级",
    Relation.INSIDE: "辖区内",
    Relation.SIBLING: "同一县（区）的另一个乡镇、街道",
    Relation.SAME_COUNTY: "同一县（区）的其他地方",
    Relation.SAME_CITY: "同一地市的其他地方",
    Relation.SAME_PROVINCE: "同一省份的其他地方",
    Relation.ELSEWHERE: "外省的地方",
    Relation.AMBIGUOUS: "无法判断（报告主体有多个候选，结论不一）",
    Relation.UNKNOWN: "无法判断（报告主体不在地名库中）",
}
_RANK = {relation: rank for rank, relation in enumerate(Relation)}
#: Deepest common ancestor level → relation.
_COMMON_LEVEL = {3: Relation.SAME_COUNTY, 2: Relation.SAME_CITY, 1: Relation.SAME_PROVINCE}
#: Kinds that make a place a township or street office (a sibling of a township subject).
TOWNSHIP_KINDS = frozenset({"镇", "乡", "民族乡", "街道", "苏木", "民族苏木", "区公所"})


class RelationJudge:
    """Judges mentioned places against the subject's place, or against each candidate while the subject is ambiguous."""

    def __init__(self, gazetteer: Gazetteer, subjects: Sequence[Place]) -> None:
        self._gazetteer = gazetteer
        self._by_name: dict[str, tuple[Relation, Place | None]] = {}
        self._subjects = [(place, {parent.code for parent in gazetteer.parents(place)}) for place in subjects]

    def of(self, mention: PlaceMention) -> tuple[Relation, Place | None]:
        """The closest relation of the mention's candidates, the same against every subject candidate."""
        decided = self._by_name.get(mention.name)
        if decided is None:
            decided = self._by_name[mention.name] = self._decide(mention)
        return decided

    def _decide(self, mention: PlaceMention) -> tuple[Relation, Place | None]:
        if not self._subjects:
            return Relation.UNKNOWN, mention.candidates[0] if len(mention.candidates) == 1 else None
        if len(self._subjects) == 1:  # a resolved subject: the closest relation to it, nothing to agree on
            return self._closest(mention.candidates, *self._subjects[0])
        decided = {self._closest(mention.candidates, subject, codes) for subject, codes in self._subjects}
        if len({relation for relation, _ in decided}) > 1:
            return Relation.AMBIGUOUS, None
        relation = next(iter(decided))[0]
        places = {place for _, place in decided}
        return relation, places.pop() if len(places) == 1 else None

    def _closest(self, candidates: tuple[Place, ...], subject: Place, subject_parents: set[str]) -> tuple[Relation, Place | None]:
        if len(candidates) == 1:  # most names are those of one place
            return self._relation(candidates[0], subject, subject_parents), candidates[0]
        judged = sorted(
            ((self._relation(place, subject, subject_parents), place) for place in candidates),
            key=lambda item: _RANK[item[0]],
        )
        relation = judged[0][0]
        closest = [place for judged_relation, place in judged if judged_relation is relation]
        return relation, closest[0] if len(closest) == 1 else None

    def _relation(self, place: Place, subject: Place, subject_parents: set[str]) -> Relation:
        if place.code == subject.code:
            return Relation.SUBJECT
        if place.code in subject_parents:
            return Relation.PARENT
        parents = self._gazetteer.parents(place)
        if any(parent.code == subject.code for parent in parents):
            return Relation.INSIDE
        if (
            subject.level == TOWNSHIP_LEVEL
            and place.level == TOWNSHIP_LEVEL
            and place.kind in TOWNSHIP_KINDS
            and place.parent_code == subject.parent_code
        ):
            return Relation.SIBLING
        common = max((parent.level for parent in parents if parent.code in subject_parents), default=0)
        return _COMMON_LEVEL.get(common, Relation.ELSEWHERE)
