"""Resolving a report's subject ("秦安县兴国镇人民政府") to one place, with the evidence for it.

The body's place name is the last place name in the subject ("兴国镇" in
"秦安县兴国镇人民政府"; a department or zone resolves to the area it belongs to:
"秦安县教育局" → 秦安县).  Of all places with that name, keep those inside every
place the subject itself names before it ("秦安县").  If several remain, look at
the report's mentions: a province, city or county mentioned anywhere that
contains exactly one of the remaining places votes for it ("忻州市" contains only
one 峨口镇).  The place with a clear majority of votes wins; without votes, or
with a tie, the subject stays ambiguous (``place`` is None, ``candidates`` lists
the places still in the running).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlint.places.divisions import Place
from reportlint.places.matcher import PlaceMention

if TYPE_CHECKING:
    from reportlint.places.gazetteer import Gazetteer

#: Organ words that end a subject name after the place ("峨口镇人民政府").
ORGAN_SUFFIXES = (
    "人民政府办公室",
    "人民政府",
    "政府办公室",
    "政府",
    "街道办事处",
    "办事处",
    "管理委员会",
    "管委会",
    "委员会",
)

#: How evidence names the level of the place that decided ("唯一包含峨口镇的地市").
LEVEL_WORDS = {1: "省份", 2: "地市", 3: "县区", 4: "乡镇", 5: "村社区"}


@dataclass(frozen=True)
class SubjectResolution:
    """Which place a report's subject is, and why.

    ``name`` is the body's place name found in the subject ("兴国镇"); ``place``
    the single place it resolves to, or None while ambiguous or unknown;
    ``candidates`` every place with that name that agrees with the parents the
    subject itself names (by code); ``evidence`` a short Chinese explanation
    ("标题中的“秦安县”", "正文提到“忻州市”（唯一包含峨口镇的地市）").
    """

    name: str
    place: Place | None
    candidates: tuple[Place, ...]
    evidence: str


def resolve_subject(
    gazetteer: Gazetteer,
    subject_name: str,
    mentions: Sequence[PlaceMention],
    *,
    subject_origin: str = "标题",
) -> SubjectResolution:
    """Resolve ``subject_name`` to one place using its own parent names, then the report's ``mentions``.

    ``mentions`` are those of the whole report (:meth:`Gazetteer.scan`);
    ``subject_origin`` says where ``subject_name`` was read, for the evidence
    text ("标题", "落款", "配置").
    """
    parts = gazetteer.split_name(subject_name)
    if not parts:
        name = _without_organ_suffix(subject_name.strip())
        return SubjectResolution(name, None, (), f"地名库中没有“{name}”")
    body = parts[-1]
    candidates = body.candidates
    for named_parent in parts[:-1]:
        inside = tuple(place for place in candidates if _inside_any(gazetteer, place, named_parent.candidates))
        if not inside:
            evidence = f"{subject_origin}中的“{named_parent.name}”下没有“{body.name}”"
            return SubjectResolution(body.name, None, candidates, evidence)
        candidates = inside
    named_parents = "".join(f"“{part.name}”" for part in parts[:-1])

    if len(candidates) == 1:
        place = candidates[0]
        if named_parents:
            evidence = f"{subject_origin}中的{named_parents}"
        else:
            evidence = f"全国只有一个“{body.name}”"
            corroborating = _containing_mention(gazetteer, place, mentions, body.name)
            if corroborating is not None:
                evidence += f"，正文提到的“{corroborating.name}”与之相符"
        return SubjectResolution(body.name, place, candidates, evidence)

    votes: dict[str, list[PlaceMention]] = {}
    for mention in mentions:
        if mention.name == body.name:
            continue
        supported = [place for place in candidates if _inside_any(gazetteer, place, mention.candidates)]
        if len(supported) == 1:
            votes.setdefault(supported[0].code, []).append(mention)
    ranking = sorted(votes.items(), key=lambda item: len(item[1]), reverse=True)
    where = f"{subject_origin}中的{named_parents}之下" if named_parents else "全国"
    if not ranking:
        evidence = f"{where}有 {len(candidates)} 个“{body.name}”，{subject_origin}和正文都没有指明是哪一个"
        return SubjectResolution(body.name, None, candidates, evidence)
    winner_code, winner_mentions = ranking[0]
    other_votes = sum(len(mentions_for) for _, mentions_for in ranking[1:])
    if len(winner_mentions) <= other_votes:
        names = "".join(f"“{mentions_for[0].name}”" for _, mentions_for in ranking)
        evidence = f"正文提到的{names}分别指向不同的“{body.name}”"
        return SubjectResolution(body.name, None, candidates, evidence)
    place = next(candidate for candidate in candidates if candidate.code == winner_code)
    deciding = max(winner_mentions, key=lambda mention: _containing_level(gazetteer, place, mention))
    level_word = LEVEL_WORDS[_containing_level(gazetteer, place, deciding)]
    evidence = f"正文提到“{deciding.name}”（唯一包含{body.name}的{level_word}）"
    if other_votes:
        evidence += f"，另有 {other_votes} 处地名指向别处"
    return SubjectResolution(body.name, place, candidates, evidence)


def _inside_any(gazetteer: Gazetteer, place: Place, containers: tuple[Place, ...]) -> bool:
    """Whether ``place`` lies strictly inside one of ``containers``."""
    return any(container.level < place.level and gazetteer.is_within(place, container) for container in containers)


def _containing_level(gazetteer: Gazetteer, place: Place, mention: PlaceMention) -> int:
    """The level of the mentioned place that contains ``place`` (0 if none does)."""
    return max(
        (container.level for container in mention.candidates if _inside_any(gazetteer, place, (container,))),
        default=0,
    )


def _containing_mention(gazetteer: Gazetteer, place: Place, mentions: Sequence[PlaceMention], body_name: str) -> PlaceMention | None:
    """The most specific mention of a place containing ``place``, if the report has one."""
    containing = [mention for mention in mentions if mention.name != body_name and _inside_any(gazetteer, place, mention.candidates)]
    return max(containing, key=lambda mention: _containing_level(gazetteer, place, mention), default=None)


def _without_organ_suffix(subject_name: str) -> str:
    """The subject name without a trailing organ word ("XX开发区管委会" → "XX开发区")."""
    for suffix in ORGAN_SUFFIXES:
        if subject_name.endswith(suffix) and len(subject_name) > len(suffix):
            return subject_name[: -len(suffix)]
    return subject_name


#: Ways of writing an organ word and the one form a body's identity uses ("镇政府" is the town's people's government).
_ORGAN_FORMS = {
    "政府": "人民政府",
    "人民政府": "人民政府",
    "政府办公室": "人民政府办公室",
    "政府办": "人民政府办公室",
    "人民政府办": "人民政府办公室",
    "人民政府办公室": "人民政府办公室",
    "街道办事处": "办事处",
    "办事处": "办事处",
    "街道办": "办事处",
    "办": "办事处",
}
#: Body levels whose organ, when the report names only its place, is the people's government (a 街道 has its office).
_GOVERNMENT_LEVELS = ("乡", "镇", "县", "区", "市", "州", "省")


def organ_of(gazetteer: Gazetteer, names: Sequence[str], level: str) -> str:
    """What the body is at its place: the words after the last place name of the names it gives itself.

    "陇城镇人民政府" → 人民政府, "秦安县教育局" → 教育局, "秦安县人民政府办公室"
    → 人民政府办公室: a people's government, its office and a bureau of one
    place are different bodies. Of several names (title, issuer line,
    signature) the longest organ wins; a name with no organ word means the
    government of a township, county or city, and the office of a 街道.
    Empty when nothing says.
    """
    organs = []
    for name in names:
        compact = "".join(name.split())
        parts = gazetteer.split_name(compact)
        rest = compact[parts[-1].end :] if parts else ""
        if rest:
            organs.append(_ORGAN_FORMS.get(rest, rest))
    if organs:
        return max(organs, key=len)
    if level == "街道":
        return "办事处"
    return "人民政府" if level in _GOVERNMENT_LEVELS else ""
