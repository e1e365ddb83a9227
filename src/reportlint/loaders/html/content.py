"""Finding the report inside a web page: its main content, its title, page chrome and page metadata.

Government CMS pages wrap a report in navigation, breadcrumbs, font-size and
share widgets, metadata tables (索引号/发布机构/生成日期…) and footers. The
report is found by what it says, not by class names: the *content* is the
deepest element holding the most section headings (一、总体情况 … 六、其他需要报告
的事项), or, for reports without them, the deepest element holding a report
title and enough text. The *title* is grafted from just before the content when
the content lacks it (``<h1>`` above ``#zoom``). Lines and tables of page chrome
inside the content are recognised by their wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING

from reportlint.loaders.headings import TITLE, is_title
from reportlint.loaders.html.tags import BLOCK_TAGS
from reportlint.sources import SourceError
from reportlint.text.chrome import (
    BARE_PUBLICATION_LABEL,
    METADATA_LABEL_SET,
    METADATA_LABELS,
    PUBLICATION_LABELS,
    PUBLISHER_LABELS,
    SECTION_MARKERS,
    is_metadata_line,
    section_count,
)
from reportlint.text.dates import RANGE_AFTER_DATE
from reportlint.text.normalize import has_traditional, to_simplified
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from lxml.etree import _Element as HtmlElement


#: How many elements at the start of the content are searched for the report's title.
TITLE_SEARCH_ELEMENTS = 40
#: A page without section headings needs this much text (in characters) around its title to hold a report.
MIN_UNSTRUCTURED_CHARS = 300

#: What the own text of an element that ends a report's title holds, in either script (报告/報告, 年报/年報).
_TITLE_END_WORDS = ("报告", "年报", "報告", "年報")

#: The share of its parent's text a child that is one block of text must hold to be the report's element.
_ONE_BLOCK_SHARE = 0.8
#: What makes an element more than one block of text: blocks inside it, or line breaks (a report in one ``<p>``).
_INNER_BLOCKS = BLOCK_TAGS | {"br"}
#: A report's own text names itself so (a page without a title or headings: “……规定编制本报告。”).
_SELF_AS_REPORT = compiled(r"本(?:年度)?(?:报告|年报)")

NO_REPORT_MESSAGE = "网页中找不到政府信息公开工作年度报告的正文（页面只有导航、链接或附件），无法检查：请提供报告全文的网页或原文件"

_PUBLISHED_META = ("pubdate", "publishdate", "firstpublishedtime", "publishedtime", "published", "article:published_time")
_DATE = compiled(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:[\sT-]*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
#: What follows a metadata label on a metadata line (see :func:`reportlint.text.chrome.is_metadata_line`).
_LABEL_END = compiled("[:：\\]】]")
#: (the colon may be missing: a metadata table's label cell runs into its value cell, 发文日期2025-02-14)
_LABELLED_DATE = compiled(r"(" + "|".join(PUBLICATION_LABELS) + r")\s*[\]】]?\s*[:：]?\s*(" + _DATE.pattern + ")")
#: A date after a bare 时间：/日期： (来源:某办  时间:2025-03-07 17:01), taken when no publication label names one.
_BARE_LABELLED_DATE = compiled(BARE_PUBLICATION_LABEL + r"\s*[:：]\s*(" + _DATE.pattern + f")(?!{RANGE_AFTER_DATE})")
#: The body a metadata line names as the page's publisher (发布机构：某县人民政府, 发文机构: | 某局 |).
_PUBLISHER = compiled(r"(?:" + "|".join(PUBLISHER_LABELS) + r")\s*[\]】]?\s*[:：]?\s*\|?\s*([^\s|:：，,。]{2,30})")
#: How much of a page's text (its top, where a CMS writes the article's date) is searched for a bare label.
_BARE_LABEL_REACH = 3000


@dataclass(frozen=True)
class PageContent:
    """Where the report is in a page: its content element, its title element if outside it, and
    whether the content was found by its section headings (else by a title and enough text)."""

    root: HtmlElement
    title: HtmlElement | None
    has_sections: bool


def text_of(element: HtmlElement) -> str:
    """All the text inside an element, as ``text_content()`` of lxml.html gives it (``"".join(element.itertext())``).

    Serialised as text by lxml, which makes one string instead of one per text
    node (ten times faster on a page); an element without children is its own text.
    """
    if not len(element):  # no child (the parser keeps no comments)
        return element.text or ""
    from lxml import etree

    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


#: Reads an element's text for the search (:func:`text_of`, or its simplified form on a traditional-script page).
Read = Callable[["HtmlElement"], str]


def find_content(body: HtmlElement) -> PageContent:
    """The element holding the report and, when the report's title is outside it, the title element.

    A page in traditional script (a reprint, a mirror) is searched in simplified characters, as the text loader
    reads such a report. Raises :class:`SourceError` RL906 when the page holds no report.
    """
    read: Read = text_of
    body_text = text_of(body)
    if has_traditional(body_text):
        read = _simplified_text_of
        body_text = to_simplified(body_text)
    root = _deepest(body, body_text, section_count, _holds_sections, read)
    has_sections = root is not None
    if root is None:
        root = _deepest(body, body_text, _unstructured_report_score, lambda text, best: _unstructured_report_score(text) >= best, read)
    if root is None:
        raise SourceError("RL906", NO_REPORT_MESSAGE)
    title = None if _holds_title(root, read) else _title_before(body, root, read)
    return PageContent(root, title, has_sections)


def _simplified_text_of(element: HtmlElement) -> str:
    """:func:`text_of` in simplified characters."""
    return to_simplified(text_of(element))


def _holds_title(root: HtmlElement, read: Read) -> bool:
    """Whether one of the first elements of ``root`` is the report's title."""
    return any(_is_title_element(element, read) for element in islice(root.iter(), TITLE_SEARCH_ELEMENTS))


def _is_title_element(element: HtmlElement, read: Read) -> bool:
    """Whether an element's whole text is a report title (only elements whose own text ends the title are read)."""
    own = element.text or ""
    if not any(word in own for word in _TITLE_END_WORDS):
        return False
    return is_title(" ".join(read(element).split()))


def _deepest(
    body: HtmlElement, body_text: str, score: Callable[[str], int], reaches: Callable[[str, int], bool], read: Read
) -> HtmlElement | None:
    """Descend from ``body`` (whose text, as ``read`` gives it, is ``body_text``) while a child keeps the body's score;
    ``None`` when the body scores 0.

    ``score`` scores an element's text; ``reaches(text, best)`` says whether it scores at least ``best``. Each element's
    text is read once. A child that is one block of text (a paragraph, a heading: no block inside it) is descended into
    only when it holds nearly all the text: an introduction that lists the six parts by number (“一、总体情况；二、主动
    公开……”), a title, or the one official heading of a report with its own headings scores as much as the report
    around it.
    """
    best = score(body_text)
    if not best:
        return None
    element, size = body, _size(body_text)
    while True:
        for child in _element_children(element):
            text = read(child)
            if reaches(text, best) and _holds_the_text(child, child_size := _size(text), size):
                element, size = child, child_size
                break
        else:
            return element


def _holds_the_text(child: HtmlElement, child_size: int, size: int) -> bool:
    """Whether ``child`` (``child_size`` characters) may be the report's element within one of ``size``: it has blocks
    or line breaks of its own inside, or it is one block with nearly all the text."""
    return child_size >= _ONE_BLOCK_SHARE * size or any(
        isinstance(inner.tag, str) and inner.tag in _INNER_BLOCKS for inner in child.iterdescendants()
    )


def _size(text: str) -> int:
    """The characters of a text, blanks left out."""
    return len("".join(text.split()))


def _holds_sections(text: str, best: int) -> bool:
    """Whether an element's text has headings of ``best`` sections or more (``section_count(text) >= best``).

    The search stops at the first missing section that leaves too few: most
    elements of a page (a paragraph, a cell) miss the first one.
    """
    spare = len(SECTION_MARKERS) - best  # sections that may be missing
    for marker in SECTION_MARKERS:
        if marker.search(text) is None:
            spare -= 1
            if spare < 0:
                return False
    return True


def _unstructured_report_score(text: str) -> int:
    """1 for an element's text with a report title, or that speaks of itself as the report (“编制本报告”, with
    政府信息公开), and enough text to be the report itself."""
    names_report = TITLE.search(text) is not None or (_SELF_AS_REPORT.search(text) is not None and "信息公开" in text)
    return int(names_report and _size(text) >= MIN_UNSTRUCTURED_CHARS)


def _element_children(element: HtmlElement) -> Iterator[HtmlElement]:
    return (child for child in element if isinstance(child.tag, str))


def _title_before(body: HtmlElement, root: HtmlElement, read: Read) -> HtmlElement | None:
    """The last short element before ``root`` (not containing it) that reads like a report title.

    A title split over several elements (``<h1><span>某镇</span><span>2021年…报告</span></h1>``)
    is taken whole: from the element ending it, up to the outermost one whose text is still the title.
    """
    ancestors = set(root.iterancestors())
    found = None
    for element in body.iter():
        if element is root:
            break
        if element not in ancestors and _is_title_element(element, read) and not is_metadata_line(read(element)):
            found = element
    while found is not None:
        parent = found.getparent()
        if parent is None or parent in ancestors or not is_title(" ".join(read(parent).split())):
            break
        found = parent
    return found


def is_metadata_table(cell_texts: Sequence[str]) -> bool:
    """Whether a table is a CMS metadata table (two or more cells labelled 索引号：, 发布机构：…)."""
    # Every metadata line has a colon or a bracket after its label: the cells of a data table are
    # ruled out without the label patterns.
    labelled = sum(
        1 for text in cell_texts if text.strip() in METADATA_LABEL_SET or (_LABEL_END.search(text) is not None and is_metadata_line(text))
    )
    return labelled >= 2 and not any(section_count(text) for text in cell_texts)


def page_metadata(document: HtmlElement) -> dict[str, str]:
    """``published`` (ISO date) and ``published_raw`` from ``<meta name="PubDate">``, a 发布日期： line, or else a bare
    时间：/日期： near the top of the page (as the text reader takes one); ``publisher``, the body a 发布机构：/发文机构：/
    来源： line near the top names (the page's metadata lines are chrome, left out of the report's text)."""
    body = document.find("body")
    text = text_of(body) if body is not None else ""  # (read once: the date's labels and the publisher's are in it)
    metadata = _published(document, text)
    publisher = _PUBLISHER.search(text, 0, _BARE_LABEL_REACH)
    if publisher is not None:
        name = publisher.group(1)
        # the next label when the cells of a metadata table run together (某镇人民政府成文日期)
        ends = [index for label in METADATA_LABELS if (index := name.find(label)) > 0]
        metadata["publisher"] = name[: min(ends)] if ends else name
    return metadata


def _published(document: HtmlElement, text: str) -> dict[str, str]:
    """The publication date of :func:`page_metadata` (``text``: the page body's text)."""
    raw = None
    for meta in document.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        if name in _PUBLISHED_META and (meta.get("content") or "").strip():
            raw = meta.get("content").strip()
            break
    if raw is None:
        matches: dict[str, str] = {}
        for match in _LABELLED_DATE.finditer(text):
            matches.setdefault(match.group(1), match.group(2).strip())
        raw = next((matches[label] for label in PUBLICATION_LABELS if label in matches), None)
        if raw is None:
            bare = _BARE_LABELLED_DATE.search(text, 0, _BARE_LABEL_REACH)
            raw = bare.group(1).strip() if bare is not None else None
    if raw is None:
        return {}
    metadata = {"published_raw": raw}
    parsed = _iso_date(raw)
    if parsed:
        metadata["published"] = parsed
    return metadata


def _iso_date(raw: str) -> str | None:
    match = _DATE.search(raw)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None
