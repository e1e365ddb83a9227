"""What a body calls itself: ``我镇``, ``本局``, ``我委`` …, a bare ``我`` that lost its noun, and the scope words of each level.

All found without the gazetteer, from the text and the body's name and level.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportlint.text.chars import matches_at
from reportlint.usercache.patterns import compiled

#: What a body calls itself after 我/本: a government level, a department word, or a word any body may use.
GOVERNMENT_SELF_NOUNS = ("街道", "镇", "乡", "县", "区", "市", "州", "旗", "省")
DEPARTMENT_SELF_NOUNS = ("局", "委", "办", "厅")
NEUTRAL_SELF_NOUNS = ("单位", "机关")

# After one of these characters, "本" ends a word (根本, 基本, 成本, 日本 …) and "我" is "自我".
_NOT_A_SELF_REFERENCE_AFTER = frozenset("自根基成资样版文课剧账原日读标范副书脚蓝一")
# The noun followed by one of these characters starts another word (本办法, 我办理, 本区域, 本市场, 本乡镇 …).
_NOT_A_SELF_NOUN_BEFORE = {
    "办": "法理事公好结件学实成到",
    "区": "域间分别块",
    "市": "场民",
    "乡": "镇村亲土贤音",
    "局": "面限部势",
    "委": "托屈婉",
    "旗": "帜",
}
# The words above are excluded by the pattern itself (no noun starts with another's first character, so a noun that
# fails its lookahead lets no other one match): one match per self-reference, no test in Python after it.
_SELF_REFERENCE = compiled(
    f"(?<![{''.join(sorted(_NOT_A_SELF_REFERENCE_AFTER))}])[我本]("
    + "|".join(
        noun + (f"(?![{_NOT_A_SELF_NOUN_BEFORE[noun]}])" if noun in _NOT_A_SELF_NOUN_BEFORE else "")
        for noun in GOVERNMENT_SELF_NOUNS + DEPARTMENT_SELF_NOUNS + NEUTRAL_SELF_NOUNS
    )
    + ")"
)


class SelfReference(NamedTuple):
    """The body calling itself in the text: ``我镇``, ``本街道``, ``我局`` (``noun`` is 镇、街道、局 …).

    A named tuple: a report has a dozen, made for every report, and a frozen dataclass's ``__init__`` costs five times
    as much.
    """

    word: str
    noun: str
    start: int
    end: int

    @property
    def is_department_word(self) -> bool:
        """A department's self-reference (我局、本委、我办、我厅) rather than a government level."""
        return self.noun in DEPARTMENT_SELF_NOUNS

    @property
    def fits_any_body(self) -> bool:
        """A self-reference every body may use (本单位、我机关)."""
        return self.noun in NEUTRAL_SELF_NOUNS


def find_self_references(text: str) -> tuple[SelfReference, ...]:
    """Every ``我X``/``本X`` self-reference in ``text`` (the normalised view), in order; no gazetteer needed.

    The template reader (the subject's level), the place analysis and RL405 each ask for those of the same report
    in turn: the last text's are kept, and found once.
    """
    return _self_references(text)


#: Makes a self-reference from its four fields: ``_new_tuple(SelfReference, fields)`` skips the named tuple's own constructor.
_new_tuple = tuple.__new__


@lru_cache(maxsize=1)
def _self_references(text: str) -> tuple[SelfReference, ...]:
    # 我 and 本 found by str.find: 3× faster than the search; what is no self-reference the pattern does not match
    return tuple(
        [_new_tuple(SelfReference, (match[0], match[1], match.start(), match.end())) for match in matches_at(_SELF_REFERENCE, text, "我本")]
    )


#: Body level → the nouns it calls itself by after 我/本.
OWN_SELF_NOUNS = {
    "镇": ("镇",),
    "乡": ("乡",),
    "街道": ("街道", "办"),
    "县": ("县",),
    "区": ("区",),
    "市": ("市",),
    "州": ("州",),
    "省": ("省",),
}
#: Department name endings → the noun a department calls itself by.
DEPARTMENT_NOUNS = (("委员会", "委"), ("办公室", "办"), ("局", "局"), ("委", "委"), ("办", "办"), ("厅", "厅"))
#: Words after a place name that name its government rather than the place.
ORGAN_WORDS = ("人民政府", "政府", "办事处")


def own_self_nouns(name: str, level: str) -> tuple[str, ...]:
    """The nouns a body of this name and level calls itself by (``("镇",)`` for 兴国镇人民政府; empty when unknown)."""
    place_name = name
    for organ in ORGAN_WORDS:
        if place_name.endswith(organ) and len(place_name) > len(organ):
            place_name = place_name[: -len(organ)]
            break
    if level == "部门":
        return next(((noun,) for ending, noun in DEPARTMENT_NOUNS if name.endswith(ending)), ())
    if level == "县" and place_name.endswith("旗"):
        return ("旗",)
    if level == "省" and place_name.endswith("自治区"):
        return ("区",)
    return OWN_SELF_NOUNS.get(level, ())


#: Words that follow a subject: after a bare 我 they show that the body's noun (镇、局 …) was dropped.
_PREDICATE_STARTS = (
    "通过",
    "高度",
    "坚持",
    "认真",
    "严格",
    "积极",
    "始终",
    "进一步",
    "切实",
    "全面",
    "深入",
    "不断",
    "及时",
    "加强",
    "持续",
    "紧紧",
    "紧扣",
    "围绕",
    "按照",
    "依托",
    "依据",
    "根据",
    "结合",
    "立足",
    "扎实",
    "着力",
    "大力",
    "继续",
    "共收到",
    "共发布",
    "共公开",
    "共受理",
    "共办理",
    "共制发",
    "共制定",
    "共处理",
    "共答复",
    "共更新",
    "收到",
    "未收到",
    "未发生",
    "未承办",
    "制定",
    "召开",
    "组织",
    "开展",
    "建立",
    "健全",
    "完善",
    "落实",
    "贯彻",
    "主动",
    "注重",
    "把",
    "将",
    "已",
    "在",
)
# 自我、忘我、敌我、唯我、大我、小我、本我 are words; 我们 and 我国 are not a body's self-reference.
_NOT_BARE_AFTER = frozenset("自忘敌唯大小本无")
_BARE_SELF_REFERENCE = compiled("我(?=" + "|".join(sorted(_PREDICATE_STARTS, key=len, reverse=True)) + ")")
# 我将无我 (a quoted saying), 我在哪 …: the word after 我 is not the predicate of a body.
_NOT_A_PREDICATE = compiled("我(?:将无我|在哪|把关)")


@dataclass(frozen=True)
class BareSelfReference:
    """A ``我`` where the body's noun is missing (``我通过`` for ``我镇通过``): ``position`` is the 我."""

    position: int
    predicate: str


def find_bare_self_references(text: str) -> list[BareSelfReference]:
    """Every bare ``我`` followed directly by a predicate (``我高度重视``, ``我通过``) in ``text`` (the normalised view)."""
    found = []
    for match in _BARE_SELF_REFERENCE.finditer(text):
        position = match.start()
        if position and text[position - 1] in _NOT_BARE_AFTER:
            continue
        if _NOT_A_PREDICATE.match(text, position):
            continue
        predicate = next(word for word in sorted(_PREDICATE_STARTS, key=len, reverse=True) if text.startswith(word, position + 1))
        found.append(BareSelfReference(position, predicate))
    return found


#: Scope words (全镇、全县 …) by administrative rank, lowest first.
SCOPE_RANKS = (
    ("全镇", "全乡", "全街道", "全辖区"),
    ("全县", "全区", "全旗"),
    ("全市", "全州", "全盟"),
    ("全省", "全自治区"),
)
_RANK_OF_LEVEL = {"镇": 0, "乡": 0, "街道": 0, "县": 1, "区": 1, "旗": 1, "市": 2, "州": 2, "省": 3}
#: A township-rank scope word (全镇、全乡、全街道), not part of 健全/安全… nor of 全乡镇 (every township) or 全镇村.
_TOWNSHIP_SCOPE = compiled(r"(?<![健完齐安周保成])全(镇|乡|街道)(?![镇村街])")


def find_township_scopes(text: str) -> list[tuple[str, int, int]]:
    """Every township-rank scope word in ``text`` (the normalised view): its noun (镇、乡、街道), start and end."""
    return [(match[1], match.start(), match.end()) for match in _TOWNSHIP_SCOPE.finditer(text)]


#: A department's rank from the last place word of its name before the department word (…县交通运输局 → 县).
_DEPARTMENT_PLACE = compiled(r"(县|区|旗|市|州|盟|省|自治区)[^县区旗市州盟省]*$")


def scope_rank(name: str, level: str) -> int | None:
    """The administrative rank of a body's own scope (0 township, 1 county, 2 city, 3 province); None when unknown.

    A 市 may be a county-level city, so a city's own scope is never taken below
    全市; a department's rank is read from the place word its name ends with.
    """
    if level == "部门":
        match = _DEPARTMENT_PLACE.search(name)
        if match is None:
            return None
        return _RANK_OF_LEVEL.get(match.group(1), 3 if match.group(1) == "自治区" else None)
    return _RANK_OF_LEVEL.get(level)


def higher_scopes(rank: int) -> tuple[str, ...]:
    """The scope words of every rank above ``rank`` up to the province (全国 is everyone's context, never a claim)."""
    return tuple(word for words in SCOPE_RANKS[rank + 1 :] for word in words)
