"""Length-preserving normalisation: one spelling for widths, quotes and scripts.

Rules match labels and phrases against :func:`normalize` output while their
offsets stay valid in the original text, so every fold here maps one character
to exactly one character:

* full-width ASCII forms to ASCII (``（１２）`` → ``(12)``, ``：`` → ``:``,
  ``，`` → ``,``) and the ideographic space to a space; the small forms of the tortoise-shell brackets to
  them (``﹝2021﹞`` → ``〔2021〕``);
* radicals that PDF text extraction gives for ordinary Han characters to those
  characters (``⼯作`` → ``工作``);
* curly quotes to straight ones (``“”`` → ``""``, ``‘’`` → ``''``);
* traditional characters to simplified ones (OpenCC ``t2s``), only when the text
  contains traditional characters at all, so simplified reports never pay for it;
* marks that mirror sites add to a copied page become spaces: a pinyin annotation
  after a Han character (``拖市镇(zhèn)`` reads as ``拖市镇``) and the question
  marks a lost full-width indent leaves at the start of a line (``????一、总体情况``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reportlint.text.chars import HAN
from reportlint.usercache.patterns import compiled

_WIDTH_AND_QUOTES = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_AND_QUOTES.update(
    {
        0x3000: ord(" "),
        0x201C: ord('"'),
        0x201D: ord('"'),
        0x2018: ord("'"),
        0x2019: ord("'"),
        0x00A0: ord(" "),
        0xFE5D: ord("〔"),  # the small forms of the tortoise-shell brackets, as some fonts give 〔〕 (as NFKC folds them)
        0xFE5E: ord("〕"),
    }
)

# Characters that occur in traditional-script text and never in simplified text;
# frequent in government prose, so a traditional report contains many of them.
TRADITIONAL_MARKERS = frozenset(
    "這個們來時對說為國會發開關經當與後過還學從實現動種點機產問應報務區縣鎮員議資訊處辦單變條輸傳將專業統計設備標準檢權責體該積極認識寫環節題總結獲進達違規謝證據別選擇類網頁聯繫層級屬顯親護衛團農運營費濟貨幣買賣價歷斷續讀講請謂調論話語記錄興雙齊劃執範審數歸檔門戶導決組織領複訴訟視覽閱隱徵"
)


@lru_cache(maxsize=1)
def _simplifier():
    import opencc  # lazy: only traditional-script reports need it

    return opencc.OpenCC("t2s")


_TRADITIONAL_MARKER = compiled(f"[{''.join(sorted(TRADITIONAL_MARKERS))}]")


def has_traditional(text: str, threshold: int = 3) -> bool:
    """True when the text contains at least ``threshold`` traditional-only characters."""
    if _TRADITIONAL_MARKER.search(text) is None:  # most texts have none: no need to count
        return False
    return any(count >= threshold for count, _ in enumerate(_TRADITIONAL_MARKER.finditer(text), start=1))


def to_simplified(text: str) -> str:
    """Traditional → simplified with exactly the input's length.

    OpenCC converts phrase by phrase; where a phrase would change length, that
    line is converted character by character instead, so offsets stay shared.
    """
    converter = _simplifier()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        simple = converter.convert(line)
        if len(simple) != len(line):
            simple = "".join(single if len(single := converter.convert(char)) == 1 else char for char in line)
        lines.append(simple)
    return "\n".join(lines)


#: Vowels with a tone mark: a bracketed run of Latin letters holding one is a pinyin annotation.
PINYIN_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# (it opens with the bracket and looks behind it only then: the engine finds each "(" without entering the pattern elsewhere)
_PINYIN_ANNOTATION = compiled(f"\\((?<=[{HAN}]\\()[a-zü]{{0,5}}[{PINYIN_TONE_VOWELS}][a-zü]{{0,5}}\\)")
_LOST_INDENT = compiled(r"(?m)^\?{2,}(?=\S)")


def _blank(match: re.Match) -> str:
    return " " * (match.end() - match.start())


def strip_annotations(text: str) -> str:
    """Pinyin annotations after Han characters and lost-indent question marks as spaces (same length)."""
    if "(" in text:
        text = _PINYIN_ANNOTATION.sub(_blank, text)
    if "??" in text:
        text = _LOST_INDENT.sub(_blank, text)
    return text


#: Radical characters that PDF text extraction gives for ordinary Han characters they look like, with those characters:
#: the Kangxi radicals (``⼯`` U+2F2F for 工, by their compatibility mapping) and the CJK radicals supplement's forms of
#: whole characters (``⻓`` U+2ED3 for 长; its component forms such as 氵 and 艹 are left alone).
RADICAL_LOOKALIKES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)} | dict(
    zip(
        "⺁⺇⺈⺊⺌⺒⺓⺗⺜⺝⺟⺠⺧⺩⺫⺬⺮⺳⺶⺽⻁⻄⻅⻆⻉⻊⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
        "厂几刀卜小巳幺心日月母民牛王目示竹网羊臼虎西见角贝足车長长门雨青韦页风飞食首马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
        strict=True,
    )
)
_FOLDED = {chr(code): chr(folded) for code, folded in _WIDTH_AND_QUOTES.items()} | RADICAL_LOOKALIKES
_FOLDABLE = compiled(f"[{re.escape(''.join(_FOLDED))}]")


def fold_width(text: str) -> str:
    """Full-width ASCII, ideographic spaces and curly quotes to their ASCII forms; radicals that stand for Han
    characters to those characters (:data:`RADICAL_LOOKALIKES`).

    Each distinct character that folds is replaced throughout with one
    :meth:`str.replace` (a report has a few hundred such marks of a handful of
    kinds): ``str.translate`` with a mapping looks every character up, and a
    substitution calls back into Python for every mark.
    """
    for char in set(_FOLDABLE.findall(text)):
        text = text.replace(char, _FOLDED[char])
    return text


def normalize(text: str) -> str:
    """The normalised view of ``text``: same length, one spelling per character."""
    return normalize_script(text)[0]


def normalize_script(text: str) -> tuple[str, bool]:
    """:func:`normalize` of ``text``, and whether it was converted from traditional script (:func:`has_traditional`)."""
    folded = strip_annotations(fold_width(text))
    converted = has_traditional(folded)
    if converted:
        folded = to_simplified(folded)
    assert len(folded) == len(text)
    return folded, converted
