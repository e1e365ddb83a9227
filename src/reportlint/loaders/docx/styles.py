"""What a Word paragraph's style and numbering make of it: its heading level and its list label.

Headings come from ``styles.xml`` (a style named ``heading N`` / ``标题 N``,
``Title``, or an ``outlineLvl`` in the style chain or in the paragraph). List
labels come from ``numbering.xml``: Word draws "一、" or "（二）" from a
numbering definition rather than from the text, so the label is rendered here
(Chinese counting, decimal, enclosed, letters, roman numerals) to keep the
report's visible numbering in ``Document.text``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from reportlint.text.numbers import whole_number
from reportlint.text.ordinals import CHINESE_DIGITS, chinese_numeral
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from lxml.etree import _Element

MAX_LEVEL = 9
_HEADING_NAME = compiled(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)
_TITLE_NAMES = ("title", "标题")
_BODY_OUTLINE_LEVEL = 9
_LEVEL_REFERENCE = compiled(r"%([1-9])")
_STYLES_START_TAG = compiled(rb"<(?:([A-Za-z_][\w.-]*):)?styles[\s>/][^>]*>")


class WordNames:
    """Qualified names in one WordprocessingML namespace (transitional or strict): ``w.tbl`` is ``{namespace}tbl``."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def __getattr__(self, local: str) -> str:
        if local.startswith("_"):
            raise AttributeError(local)
        qualified = f"{{{self.namespace}}}{local}"
        setattr(self, local, qualified)  # computed once per name
        return qualified

    def value(self, element: _Element | None, child: str, attribute: str = "val") -> str | None:
        """The ``w:val`` (or other) attribute of ``element``'s child ``w:child``, if present."""
        if element is None:
            return None
        found = element.find(getattr(self, child))
        return None if found is None else found.get(getattr(self, attribute))


@functools.lru_cache(maxsize=8)
def word_names(namespace: str) -> WordNames:
    """The :class:`WordNames` of a namespace, shared by the documents using it (each name is then made once per process)."""
    return WordNames(namespace)


def parse_xml(data: bytes | None) -> _Element | None:
    """An XML part's root element, or ``None`` when there is no part or it is not well-formed XML."""
    from lxml import etree

    if data is None:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


@dataclass(frozen=True)
class ParagraphStyle:
    """The parts of a paragraph style that matter here."""

    name: str
    based_on: str | None
    outline_level: int | None
    numbering: tuple[str, int] | None  # (numId, ilvl)


#: Bytes of ``styles.xml`` decompressed at a time while looking for a style.
STYLE_CHUNK = 32 * 1024


class StyleSheet:
    """Paragraph styles of a document (``styles.xml``), for heading levels and inherited numbering.

    Only the styles a document uses are parsed, each on its own when first
    asked for, and ``styles.xml`` is decompressed only as far as they are found:
    it is often far larger than the document (350 KB in Word's default
    template, the paragraph styles near its start) and reading or parsing all
    of it would dominate loading. ``read`` gives the part's bytes a chunk at a time.
    """

    def __init__(self, read: Callable[[], Iterator[bytes]], w: WordNames) -> None:
        self._read = read
        self._chunks: Iterator[bytes] | None = None
        self._data = b""
        self._complete = False
        self._w = w
        self._styles: dict[str, ParagraphStyle | None] = {}

    def _style(self, style_id: str) -> ParagraphStyle | None:
        if style_id not in self._styles:
            self._styles[style_id] = self._read_style(style_id)
        return self._styles[style_id]

    def _more(self) -> bool:
        """Decompress the next chunk of the part; False at its end."""
        if self._chunks is None:
            self._chunks = self._read()
        chunk = next(self._chunks, None) if not self._complete else None
        if chunk is None:
            self._complete = True
            return False
        self._data += chunk
        return True

    def _read_style(self, style_id: str) -> ParagraphStyle | None:
        """Find the ``w:style`` element with this id in the raw part and parse it alone.

        What is found in the part's beginning is what the whole part gives (the
        first match of each search), so decompressing stops there.
        """
        escaped = style_id.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").encode("utf-8")
        while True:
            located = self._locate(escaped)
            if located is not None or not self._more():
                break
        if not located:  # None (not found in the whole part) or () (found, unusable)
            return None
        styles_tag, prefix, start, end = located
        return parsed_style(styles_tag + self._data[start:end] + b"</" + prefix + b"styles>", self._w.namespace)

    def _locate(self, escaped_id: bytes) -> tuple[bytes, bytes, int, int] | tuple[()] | None:
        """The styles start tag, its prefix and the byte range of the style with this id in what is decompressed so far.

        ``()`` when the part shows there is no usable style with the id, ``None`` when more of the part is needed.
        """
        data, complete = self._data, self._complete
        start_tag = _STYLES_START_TAG.search(data)
        if start_tag is None:
            return () if complete else None
        if start_tag.group(0).endswith(b"/>"):
            return ()
        prefix = start_tag.group(1) + b":" if start_tag.group(1) else b""
        style_open, style_close = b"<" + prefix + b"style", b"</" + prefix + b"style>"
        found = data.find(b'styleId="' + escaped_id + b'"')
        if found < 0:
            if not complete:  # a double-quoted id later in the part would come before a single-quoted one here
                return None
            found = data.find(b"styleId='" + escaped_id + b"'")
            if found < 0:
                return ()
        start = data.rfind(style_open, 0, found)
        end = data.find(style_close, found)
        if end < 0 and not complete:
            return None
        if start < 0 or end < 0 or b">" in data[start:found]:
            return ()
        return start_tag.group(0), prefix, start, end + len(style_close)

    def _chain(self, style_id: str | None) -> list[ParagraphStyle]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        chain: list[ParagraphStyle] = []
        seen: set[str] = set()
        while style_id is not None and style_id not in seen:
            seen.add(style_id)
            style = self._style(style_id)
            if style is None:
                break
            chain.append(style)
            style_id = style.based_on
        return chain

    def heading_level(self, style_id: str | None, own_outline_level: int | None) -> int | None:
        """1-based heading level from the paragraph's outline level or its style chain; None for body text."""
        outline = own_outline_level
        if outline is None:
            for style in self._chain(style_id):
                named = _HEADING_NAME.fullmatch(style.name.strip())
                if named:
                    return max(1, min(int(named.group(1)), MAX_LEVEL))
                if style.name.strip().lower() in _TITLE_NAMES:
                    return 1
                if style.outline_level is not None:
                    outline = style.outline_level
                    break
        if outline is None or outline >= _BODY_OUTLINE_LEVEL:
            return None
        return outline + 1

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        """The (numId, ilvl) a paragraph inherits from its style chain."""
        return next((style.numbering for style in self._chain(style_id) if style.numbering), None)


@functools.lru_cache(maxsize=256)
def parsed_style(styles_xml: bytes, namespace: str) -> ParagraphStyle | None:
    """The paragraph style in a styles part cut down to one ``w:style``; ``None`` for another type of style or broken XML.

    Kept per process: documents made from one template (most of a batch) have
    the same styles, and parsing each again cost more than the rest of reading them.
    """
    root = parse_xml(styles_xml)
    if root is None or not len(root):
        return None
    w = word_names(namespace)
    style = root[0]
    if style.get(w.type) not in (None, "paragraph"):
        return None
    properties = style.find(w.pPr)
    numbering_properties = properties.find(w.numPr) if properties is not None else None
    number_id = w.value(numbering_properties, "numId")
    return ParagraphStyle(
        name=w.value(style, "name") or style.get(w.styleId) or "",
        based_on=w.value(style, "basedOn"),
        outline_level=attribute_number(w.value(properties, "outlineLvl")),
        numbering=(number_id, attribute_number(w.value(numbering_properties, "ilvl"), 0)) if number_id else None,
    )


@dataclass(frozen=True)
class ListLevel:
    """One level of a numbering definition."""

    format: str
    text: str
    start: int
    suffix: str


@dataclass(frozen=True)
class ListDefinitions:
    """The lists of ``numbering.xml``: levels per abstractNumId; numId → (abstractNumId, start overrides)."""

    levels: dict[str, dict[int, ListLevel]]
    instances: dict[str, tuple[str, dict[int, int]]]


@functools.lru_cache(maxsize=32)
def _list_definitions(data: bytes, namespace: str) -> ListDefinitions:
    """The list definitions of a ``numbering.xml`` (kept per process, like :func:`parsed_style`; never changed once made)."""
    w = word_names(namespace)
    root = parse_xml(data)
    levels: dict[str, dict[int, ListLevel]] = {}
    instances: dict[str, tuple[str, dict[int, int]]] = {}
    if root is None:
        return ListDefinitions(levels, instances)
    for abstract in root.iter(w.abstractNum):
        levels[abstract.get(w.abstractNumId) or ""] = {
            attribute_number(level.get(w.ilvl), 0): ListLevel(
                format=w.value(level, "numFmt") or "decimal",
                text=w.value(level, "lvlText") or "",
                start=attribute_number(w.value(level, "start"), 1),
                suffix=w.value(level, "suff") or "tab",
            )
            for level in abstract.iter(w.lvl)
        }
    for instance in root.iter(w.num):
        overrides = {
            attribute_number(override.get(w.ilvl), 0): attribute_number(w.value(override, "startOverride"), 1)
            for override in instance.iter(w.lvlOverride)
            if override.find(w.startOverride) is not None
        }
        instances[instance.get(w.numId) or ""] = (w.value(instance, "abstractNumId") or "", overrides)
    return ListDefinitions(levels, instances)


_EMPTY_DEFINITIONS = ListDefinitions({}, {})


class Numbering:
    """Renders list labels ("一、", "（二）", "3.") in document order, counting as Word does.

    ``numbering.xml`` is parsed when the first numbered paragraph asks for a label.
    """

    def __init__(self, read: Callable[[], bytes | None], w: WordNames) -> None:
        self._read = read
        self._w = w
        self._definitions: ListDefinitions | None = None
        self._counters: dict[str, list[int | None]] = {}  # per list: the current value of each level, None before its first item

    def _parse(self) -> ListDefinitions:
        data = self._read()
        return _EMPTY_DEFINITIONS if data is None else _list_definitions(data, self._w.namespace)

    def label(self, number_id: str, level: int) -> str:
        """The next label of list ``number_id`` at ``level`` with its separator ("一、", "(1) "); "" for bullets."""
        if self._definitions is None:
            self._definitions = self._parse()
        if number_id not in self._definitions.instances:
            return ""
        abstract_id, overrides = self._definitions.instances[number_id]
        levels = self._definitions.levels.get(abstract_id, {})
        if level not in levels or not 0 <= level < MAX_LEVEL:
            return ""
        key = number_id if overrides else abstract_id
        counters = self._counters.setdefault(key, [None] * MAX_LEVEL)
        starts = {index: overrides.get(index, definition.start) for index, definition in levels.items()}
        previous = counters[level]
        counters[level] = previous + 1 if previous is not None else starts[level]
        for deeper in range(level + 1, MAX_LEVEL):
            counters[deeper] = None
        definition = levels[level]
        if definition.format in ("bullet", "none"):
            return ""

        def render(match: re.Match[str]) -> str:
            referenced = int(match.group(1)) - 1
            referenced_level = levels.get(referenced, definition)
            value = counters[referenced]
            if value is None:
                value = starts.get(referenced, 1)
            return format_number(value, referenced_level.format)

        label = _LEVEL_REFERENCE.sub(render, definition.text)
        if not label.strip():
            return ""
        return label + ("" if definition.suffix == "nothing" else " ")


_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _letters(value: int) -> str:
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else str(value)


def _roman(value: int) -> str:
    if value <= 0:
        return str(value)
    result = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        result.append(numeral * count)
    return "".join(result)


def _cyclic(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[(value - 1) % len(symbols)] if value > 0 else str(value)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: "".join(chr(ord(digit) + 0xFEE0) for digit in str(value)),
    "decimalFullWidth2": lambda value: "".join(chr(ord(digit) + 0xFEE0) for digit in str(value)),
    "decimalEnclosedCircle": lambda value: chr(0x2460 + value - 1) if 0 < value <= 20 else str(value),
    "decimalEnclosedCircleChinese": lambda value: chr(0x2460 + value - 1) if 0 < value <= 20 else str(value),
    "decimalEnclosedParen": lambda value: chr(0x2474 + value - 1) if 0 < value <= 20 else str(value),
    "decimalEnclosedFullstop": lambda value: chr(0x2488 + value - 1) if 0 < value <= 20 else str(value),
    "chineseCounting": chinese_numeral,
    "chineseCountingThousand": chinese_numeral,
    "japaneseCounting": chinese_numeral,
    "taiwaneseCounting": chinese_numeral,
    "ideographDigital": lambda value: "".join(CHINESE_DIGITS[int(digit)] for digit in str(value)),
    "chineseLegalSimplified": lambda value: chinese_numeral(value, _LEGAL_DIGITS, "拾"),
    "ideographLegalTraditional": lambda value: chinese_numeral(value, _LEGAL_DIGITS, "拾"),
    "ideographTraditional": _cyclic(_HEAVENLY_STEMS),
    "ideographZodiac": _cyclic(_EARTHLY_BRANCHES),
    "lowerLetter": _letters,
    "upperLetter": lambda value: _letters(value).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
}


#: Counters above this are written in decimal whatever the format (a roman or letter label of a huge start value would be megabytes).
MAX_FORMATTED_COUNTER = 4000
#: The largest whole-number attribute read (a list's ``w:start``, a span): larger values are capped.
MAX_ATTRIBUTE = 1_000_000


def format_number(value: int, number_format: str) -> str:
    """A counter value in a WordprocessingML ``numFmt`` (unknown formats, and values past :data:`MAX_FORMATTED_COUNTER`, in decimal)."""
    if value > MAX_FORMATTED_COUNTER:
        return str(value)
    return _FORMATS.get(number_format, str)(value)


@overload
def attribute_number(value: str | None, default: int) -> int: ...
@overload
def attribute_number(value: str | None, default: None = None) -> int | None: ...
def attribute_number(value: str | None, default: int | None = None) -> int | None:
    """A non-negative whole-number attribute value (``w:val="2"``, ASCII digits, capped at :data:`MAX_ATTRIBUTE`), or ``default``."""
    return whole_number(value, default, MAX_ATTRIBUTE)
