"""What a body calls itself: ``我镇``, ``本局``, ``我委`` …, found without the gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: What a body calls itself after 我/本: a government level, a department word, or a word any body may use.
GOVERNMENT_SELF_NOUNS = ("街道", "镇", "乡", "县", "区", "市", "州", "旗", "省")
DEPARTMENT_SELF_NOUNS = ("局", "委", "办", "厅")
NEUTRAL_SELF_NOUNS = ("单位", "机关")

_SELF_REFERENCE = re.compile("[我本](" + "|".join(GOVERNMENT_SELF_NOUNS + DEPARTMENT_SELF_NOUNS + NEUTRAL_SELF_NOUNS) + ")")
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


@dataclass(frozen=True)
class SelfReference:
    """The body calling itself in the text: ``我镇``, ``本街道``, ``我局`` (``noun`` is 镇、街道、局 …)."""

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


def find_self_references(text: str) -> list[SelfReference]:
    """Every ``我X``/``本X`` self-reference in ``text`` (the normalised view), in order; no gazetteer needed."""
    found = []
    for match in _SELF_REFERENCE.finditer(text):
        noun = match.group(1)
        following = text[match.end() : match.end() + 1]
        if following and following in _NOT_A_SELF_NOUN_BEFORE.get(noun, ""):
            continue
        if match.start() and text[match.start() - 1] in _NOT_A_SELF_REFERENCE_AFTER:
            continue
        found.append(SelfReference(match.group(), noun, match.start(), match.end()))
    return found
