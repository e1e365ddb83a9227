"""Short forms of place names ("天水" for 天水市, "楚雄" for 楚雄彝族自治州), an opt-in, conservative lookup.

Reports often say "天水" or "楚雄州" for a prefecture; the scanner never matches
such short forms (they collide with ordinary words and with each other).  This
index answers only when a short form is safe: it belongs to a province,
prefecture or county that is not a district (区), no other place of those levels
shares it, it is not itself a full name, and it is not an ordinary word.
Townships are left out entirely, so "天水" means 天水市 even if some 天水镇 exists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from reportlint.places.divisions import Place
from reportlint.places.vocabulary import ORDINARY_WORD_STEMS

#: Kinds whose short forms are answered; districts ("区") only take part as rivals.
SHORT_FORM_KINDS = frozenset({"省", "自治区", "特别行政区", "市", "自治州", "地区", "盟", "县", "自治县", "旗", "自治旗"})

_ETHNIC_GROUPS = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]

#: Ethnic names as they end the stem of an autonomous area ("楚雄彝族", "博尔塔拉蒙古"), longest first.
_ETHNIC_SUFFIXES = tuple(sorted({*_ETHNIC_GROUPS, *(group + "族" for group in _ETHNIC_GROUPS)}, key=len, reverse=True))
#: Those of them written with 族, as an ethnic township's name holds them ("彝族", "东乡族"), longest first.
_ETHNIC_GROUP_NAMES = tuple(name for name in _ETHNIC_SUFFIXES if name.endswith("族"))

_SHORTEST_SHORT_FORM = 2


def short_form(place: Place) -> str:
    """The conventional short form: the stem, without the ethnic names of an autonomous area."""
    if not place.kind.startswith("自治"):
        return place.stem
    return _without_ethnic_names(place.stem, _ETHNIC_SUFFIXES)


def ethnic_township_short_name(name: str) -> str | None:
    """How an ethnic township is usually written: its name without the ethnic names (“杨梅彝族苗族回族乡” → “杨梅乡”,
    “三合满族朝鲜族乡” → “三合乡”); None for any other name."""
    if not name.endswith(("族乡", "族镇")):
        return None
    stem = _without_ethnic_names(name[:-1], _ETHNIC_GROUP_NAMES)
    return None if stem == name[:-1] or "族" in stem else stem + name[-1]


def _without_ethnic_names(stem: str, ethnic_names: tuple[str, ...]) -> str:
    """``stem`` with the ``ethnic_names`` it ends with taken off one by one, as long as a short form is left."""
    stripped = True
    while stripped:
        stripped = False
        for ethnic_name in ethnic_names:
            if stem.endswith(ethnic_name) and len(stem) - len(ethnic_name) >= _SHORTEST_SHORT_FORM:
                stem = stem[: -len(ethnic_name)]
                stripped = True
                break
    return stem


class ShortNameIndex:
    """Short form → the one province, prefecture or county it safely stands for."""

    def __init__(self, county_or_above: Iterable[Place], full_names: Collection[str]) -> None:
        places_by_short_form: dict[str, list[Place]] = {}
        for place in county_or_above:
            places_by_short_form.setdefault(short_form(place), []).append(place)
        self._place_by_short_form = {
            short: places[0]
            for short, places in places_by_short_form.items()
            if len(places) == 1
            and places[0].kind in SHORT_FORM_KINDS
            and len(short) >= _SHORTEST_SHORT_FORM
            and short not in full_names
            and short not in ORDINARY_WORD_STEMS
        }

    def lookup(self, short_name: str) -> Place | None:
        """The place ``short_name`` safely stands for, or None."""
        return self._place_by_short_form.get(short_name)
