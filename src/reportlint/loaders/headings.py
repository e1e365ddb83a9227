"""Recognising headings by their wording: the report's title and numbered section headings.

Loaders use this when the source does not mark a heading itself (an HTML
``<p><strong>一、总体情况</strong></p>``, a Word paragraph in body style typed
as "一、总体情况"). Only short lines that do not end like a sentence qualify,
so "（一）主动公开政府信息情况。二十里店镇……" stays a paragraph.
"""

from __future__ import annotations

from reportlint.text.chars import COLONS, COMMAS, SEMICOLONS, SENTENCE_STOPS
from reportlint.usercache.patterns import compiled

#: A report title: a year, 政府信息公开/政务公开, and 报告 (年度报告, 工作报告, 年报).
TITLE = compiled(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{0,24}?(?:政府信息公开|政务公开|信息公开).{0,12}?(?:报告|年报)"
    r"|(?:政府信息公开|政务公开).{0,12}?年度报告"
)

#: A note of which version of the report a page shows, after the title: （文字版）, (图解版), （全文）.
VERSION_NOTE = compiled(r"\s*[（(]\s*(?:文字版|图解版?|图文版|全文|正文|简版|精简版|修订版?|更正版?|电子版)\s*[）)]\s*$")
#: What may follow the title's last word: a year in brackets, "（2021年度）", or a version note.
_TITLE_TAIL = compiled(r"\s*(?:[（(]\s*\d{4}\s*年?度?\s*[）)])?" + f"(?:{VERSION_NOTE.pattern})?")
_SECTION = compiled(r"[一二三四五六七八九十]{1,3}\s*[、.．]")
_SUBSECTION = compiled(r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")
_SENTENCE_END = SENTENCE_STOPS + SEMICOLONS + COMMAS + COLONS

#: Longest line taken for a numbered heading, and for a title.
MAX_HEADING_LENGTH = 40
MAX_TITLE_LENGTH = 80


def is_title(text: str) -> bool:
    """Whether a line reads like a report title (某镇2021年政府信息公开工作年度报告), ending with its 报告."""
    stripped = text.strip()
    if not 0 < len(stripped) <= MAX_TITLE_LENGTH:
        return False
    found = TITLE.search(stripped)
    return found is not None and _TITLE_TAIL.fullmatch(stripped, found.end()) is not None


def numbered_heading_level(text: str) -> int | None:
    """2 for a short "一、…" line, 3 for a short "（一）…" line, else ``None``."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_HEADING_LENGTH or stripped[-1] in _SENTENCE_END:
        return None
    if _SECTION.match(stripped):
        return 2
    if _SUBSECTION.match(stripped):
        return 3
    return None
