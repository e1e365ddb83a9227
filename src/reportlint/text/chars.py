"""Character classes of Chinese report text: Han characters and the punctuation that ends sentences and clauses.

Every rule and reader that asks "is this the end of a sentence?" or "is this a Han
character?" takes its answer from here, composed of the named atoms below, so two
modules never disagree about a character.
"""

from __future__ import annotations

from reportlint.usercache.patterns import compiled

#: One CJK unified ideograph (basic block and extension A), for use inside regex classes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HAN_CHAR = compiled(f"[{HAN}]")
#: A run of spaces between two Han characters (PDF extraction spaces out words: 公 开 公 开). It opens with a space and
#: looks behind it only then, so the engine finds the few spaces of Chinese text without entering the pattern elsewhere.
SPACES_BETWEEN_HAN = compiled(f"[ \u3000](?<=[{HAN}][ \u3000])[ \u3000]*(?=[{HAN}])")

#: Full stops, question and exclamation marks, in both widths: they end a sentence.
SENTENCE_STOPS = "。！？!?"
SEMICOLONS = "；;"
COLONS = "：:"
COMMAS = "，,"
#: The enumeration comma (顿号) between items of a list.
LIST_COMMA = "、"

#: A line of prose ending with one of these ends its paragraph (soft-wrapped lines are joined otherwise).
PARAGRAPH_ENDS = SENTENCE_STOPS + SEMICOLONS + COLONS
#: Characters that end a clause inside a sentence.
CLAUSE_BREAKS = SENTENCE_STOPS + COMMAS + SEMICOLONS + COLONS + LIST_COMMA


def is_han(char: str) -> bool:
    """Whether a single character is a CJK ideograph."""
    return bool(char) and ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf")
