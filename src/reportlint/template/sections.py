"""The section finder: the six top-level sections, pre-2019 headings and unknown ones.

A heading is a short line such as ``三、收到和处理政府信息公开申请情况``:
matched exactly, as a known variant, or by its keywords (复议 + 诉讼 …), with
full/half-width punctuation, spaces and a missing ordinal tolerated. The
application table's own row labels (``一、本年新收…``, ``四、结转下年度继续办理``)
are never headings, and numbered list items inside a section are told apart
from headings by the order of their ordinals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.core.model import Document, Heading, Table
from reportlint.template.labels import key_of, label_key, similarity, strip_ordinal
from reportlint.template.spec import SectionSpec, TemplateSpec
from reportlint.text.normalize import has_traditional
from reportlint.text.ordinals import chinese_number
from reportlint.text.segmentation import iter_lines

_SENTENCE_LIKE = re.compile(r"[。；;]$|[，,].*[，,]")
_TOP_ORDINAL = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．,，]\s*")
_MAX_HEADING_KEY = 40


@dataclass(frozen=True)
class FoundSection:
    """A top-level heading found in the report and the body that follows it.

    ``kind`` is ``template`` (one of the six sections, ``spec_id`` set),
    ``legacy`` (a pre-2019 heading such as 概述) or ``unknown``; ``match`` is
    ``exact``, ``variant`` or ``keywords`` for template sections.
    """

    kind: str
    spec_id: str | None
    heading: str
    start: int
    end: int
    body_start: int
    body_end: int
    ordinal: int | None
    match: str

    @property
    def is_template(self) -> bool:
        """One of the six template sections."""
        return self.kind == "template"


@dataclass(frozen=True)
class _Candidate:
    kind: str
    spec_id: str | None
    heading: str
    start: int
    end: int
    ordinal: int | None
    match: str
    strong: bool


class SectionFinder:
    """Finds sections using the section specs and table labels of the known templates."""

    def __init__(self, templates: Sequence[TemplateSpec]) -> None:
        primary = templates[0]
        self.sections: tuple[SectionSpec, ...] = primary.sections
        self.legacy = tuple(dict.fromkeys(label_key(text) for template in templates for text in template.legacy_headings))
        self.table_labels = tuple(
            dict.fromkeys(
                label_key(text)
                for template in templates
                for table in template.tables
                for text in (
                    *(row.label for row in table.rows if row.label),
                    *table.group_labels,
                )
            )
        )
        self.bare_table_labels = frozenset(strip_ordinal(label) for label in self.table_labels)
        #: exact and variant headings without their ordinal → (section id, how it matched)
        self.known_headings: dict[str, tuple[str, str]] = {}
        for section in self.sections:
            for variant in section.variants:
                self.known_headings.setdefault(strip_ordinal(label_key(variant)), (section.id, "variant"))
            self.known_headings[strip_ordinal(label_key(section.heading))] = (section.id, "exact")

    def find(self, document: Document) -> tuple[FoundSection, ...]:
        """The accepted headings in document order, each with its body range."""
        candidates = self._candidates(document)
        accepted = self._select(candidates)
        found = []
        text = document.text
        for index, candidate in enumerate(accepted):
            body_start = candidate.end + 1 if candidate.end < len(text) and text[candidate.end] == "\n" else candidate.end
            body_end = accepted[index + 1].start if index + 1 < len(accepted) else len(text)
            found.append(
                FoundSection(
                    candidate.kind,
                    candidate.spec_id,
                    document.text[candidate.start : candidate.end],
                    candidate.start,
                    candidate.end,
                    min(body_start, body_end),
                    body_end,
                    candidate.ordinal,
                    candidate.match,
                )
            )
        return tuple(found)

    def _candidates(self, document: Document) -> list[_Candidate]:
        tables = [(block.start, block.end) for block in document.blocks if isinstance(block, Table)]
        headings = [block for block in document.blocks if isinstance(block, Heading)]
        candidates = []
        for line in iter_lines(document.text):
            if any(start <= line.start < end for start, end in tables):
                continue
            heading = next((block for block in headings if line.start <= block.start <= line.end), None)
            # A heading block's own range leaves out markup such as Markdown's "## ".
            start, end = (heading.start, heading.end) if heading is not None else (line.start, line.end)
            content = document.normalized[start:end]
            if not content.strip() or "\t" in content.strip():
                continue
            start += len(content) - len(content.lstrip())
            end = start + len(content.strip())
            candidate = self._classify(document.normalized[start:end], start, end, heading is not None)
            if candidate is not None:
                candidates.append(candidate)
        return candidates

    def _classify(self, content: str, start: int, end: int, is_heading_block: bool) -> _Candidate | None:
        # content is already normalised: only a line that still reads as traditional script needs label_key's conversion
        key = label_key(content) if has_traditional(content) else key_of(content, 0, len(content)).rstrip(":")
        if not key or len(key) > _MAX_HEADING_KEY:
            return None
        ordinal_match = _TOP_ORDINAL.match(content)
        ordinal = chinese_number(ordinal_match.group(1)) if ordinal_match else None
        bare = strip_ordinal(key)
        if not bare or bare in self.bare_table_labels:
            return None
        sentence_like = bool(_SENTENCE_LIKE.search(content.strip()))
        for legacy in self.legacy:
            if (bare == legacy if len(legacy) <= 3 else legacy in bare) and not sentence_like:
                return _Candidate("legacy", None, content, start, end, ordinal, "legacy", True)
        known = self.known_headings.get(bare)
        if known is not None:
            return _Candidate("template", known[0], content, start, end, ordinal, known[1], True)
        if sentence_like or (ordinal is None and not is_heading_block) or self._like_table_label(key):
            return None
        matches = [section for section in self.sections if _keywords_match(section, bare)]
        if matches:
            preferred = next((section for section in matches if section.number == ordinal), matches[0])
            return _Candidate("template", preferred.id, content, start, end, ordinal, "keywords", is_heading_block)
        if ordinal is not None and len(bare) <= 25:
            return _Candidate("unknown", None, content, start, end, ordinal, "unknown", is_heading_block)
        return None

    def _like_table_label(self, key: str) -> bool:
        """A slightly different spelling of a table row label (``一、本年新收政府信息公开申请数``)."""
        return any(abs(len(label) - len(key)) <= 3 and similarity(key, label) >= 0.9 for label in self.table_labels)

    @staticmethod
    def _select(candidates: list[_Candidate]) -> list[_Candidate]:
        """Keep strong headings; keep weak ones only where their ordinal continues the sequence."""
        accepted: list[_Candidate] = []
        strong = [candidate for candidate in candidates if candidate.strong]
        for candidate in candidates:
            previous = accepted[-1] if accepted else None
            if candidate.strong:  # duplicates included: a repeated section is a finding, not noise
                accepted.append(candidate)
                continue
            expected = (previous.ordinal or 0) + 1 if previous is not None else 1
            if candidate.ordinal != expected:
                continue
            later = next((item for item in strong if item.start > candidate.start), None)
            if later is not None and later.ordinal is not None and later.ordinal <= candidate.ordinal:
                continue
            if candidate.kind == "template" and any(item.spec_id == candidate.spec_id for item in accepted):
                continue
            accepted.append(candidate)
        return accepted


def _keywords_match(section: SectionSpec, bare: str) -> bool:
    return bool(section.keywords) and all(any(word in bare for word in group) for group in section.keywords)
