"""The place types of the gazetteer: official divisions (Place) and local additions (ExtraPlace)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.places.errors import GazetteerError
from reportlint.text.chars import HAN

#: Kind suffixes, longest first so that "自治州" wins over "州"-less "市" etc.
#: "地区" is a kind only at prefecture level (阿里地区); elsewhere it is part of a name.
KIND_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "区公所",
    "苏木",
    "街道",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
    "镇",
    "乡",
)

#: Place names are made of Han characters only (a pattern string: ``re`` compiles it on first use).
HAN_NAME_PATTERN = f"[{HAN}\uf900-\ufaff\U00020000-\U0003ffff]+"


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer: an official division, or a local name an office added.

    ``code`` is the official code ("620522100" for a township, "620522" for a
    county); local additions get a code made of their parent's code, "X" and a
    number ("620522100X001").  ``level`` is 1 province, 2 prefecture (市, 自治州,
    地区, 盟), 3 county (县, 区, 县级市, 旗, …), 4 township (镇, 乡, 街道, 苏木, …);
    an extra place is one level below its parent, at most 5 (villages and
    communities).  ``kind`` is the type suffix ("镇", "街道", "自治州", "民族乡", …).
    """

    code: str
    name: str
    level: int
    parent_code: str
    kind: str

    @property
    def stem(self) -> str:
        """The name without its kind suffix: "兴国" for 兴国镇, "楚雄彝族" for 楚雄彝族自治州."""
        return stem_of(self.name, self.kind)

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"


@dataclass(frozen=True)
class ExtraPlace:
    """A local place name an office adds to the shipped gazetteer.

    Use it for names the official data lacks: development zones (开发区), towns
    renamed since the data date, villages and communities.  ``name`` is the full
    name with its suffix ("秦安县经济开发区", "王家村"); ``parent`` is the official
    code ("620522") or the full name ("秦安县") of the place it belongs to — a name
    must be unique in the gazetteer, or an earlier extra place, or be written with
    its own parents ("秦安县兴国镇" for the 兴国镇 of 秦安县); ``kind`` is the
    suffix the name ends with ("开发区", "村").  Example::

        Gazetteer.load(extra_places=[ExtraPlace("秦安县经济开发区", "620522", "开发区")])

    Plain ``(name, parent, kind)`` tuples are accepted wherever extra places are.
    """

    name: str
    parent: str
    kind: str

    def __post_init__(self) -> None:
        if not re.fullmatch(HAN_NAME_PATTERN, self.name or ""):
            raise GazetteerError(f"补充地名“{self.name}”应只由汉字组成（全称，含“镇”“村”等后缀）")
        if not self.kind or not self.name.endswith(self.kind) or len(self.name) <= len(self.kind):
            raise GazetteerError(f"补充地名“{self.name}”应以其类型“{self.kind}”结尾，且类型前还有名称")
        if not self.parent:
            raise GazetteerError(f"补充地名“{self.name}”缺少上级（上级的代码或全称）")


#: The level of townships, towns and street offices (乡、镇、街道).
TOWNSHIP_LEVEL = 4


def kind_of(name: str, level: int) -> str:
    """The kind suffix of an official name ("镇", "自治州", "民族乡", …), or "" when it has none."""
    if name.endswith("族乡"):
        return "民族乡"
    if name.endswith("族苏木"):
        return "民族苏木"
    for suffix in KIND_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            if suffix == "地区" and level != 2:
                continue
            return suffix
    return ""


def stem_of(name: str, kind: str) -> str:
    """The name without its kind suffix; 民族乡 names lose only the final "乡" ("三仁畲族")."""
    if kind and name.endswith(kind) and len(name) > len(kind):
        return name[: -len(kind)]
    if kind == "民族乡":
        return name[:-1]
    if kind == "民族苏木":
        return name[:-2]
    return name
