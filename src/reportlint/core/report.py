"""The :class:`Report`: everything a rule sees about one file, built once and immutable."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from reportlint.core.config import Config
from reportlint.core.model import Document
from reportlint.text.segmentation import Span, paragraphs_and_prose, sentence_spans

if TYPE_CHECKING:
    from reportlint.places.analysis import PlaceAnalysis
    from reportlint.template.reading import Reading
    from reportlint.template.spec import TemplateSet
    from reportlint.text.dates import DateMention
    from reportlint.text.enclosures import Enclosures
    from reportlint.text.quantities import Enumeration

T = TypeVar("T")
#: How far into a report without part headings its opening words (the intro) are read.
INTRO_LENGTH = 1500


class ReportServices(Protocol):
    """How a report's template reading and place analysis are computed.

    The run supplies them (:mod:`reportlint.run.services`), so this contract
    does not depend on the template reader or the gazetteer.
    """

    def read(self, report: Report) -> Reading:
        """What the template reader understands of the report."""
        ...

    def analyse_places(self, report: Report) -> PlaceAnalysis:
        """The report's subject on the map and every place it names."""
        ...


@dataclass(frozen=True)
class Report:
    """One report as rules see it.

    ``text`` and offsets into it are the universal way to point at text; the
    template reading (sections, filled tables, subject, year) and the place
    analysis are computed on first use and shared by every rule.

    So is the per-document text analysis: :attr:`lines`, :attr:`paragraphs`,
    :attr:`sentences`, :attr:`enumerations`, :attr:`dates`, :attr:`chrome_lines` and :attr:`folded`
    are computed once, on first use, and rules use them instead of splitting
    the text again. An analysis of their own that several rules share (a rule
    module's prose lines, say) goes through :meth:`shared`.
    """

    document: Document
    config: Config
    path: Path
    templates: TemplateSet
    services: ReportServices
    _shared: dict[Callable[[Any], Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The report's characters exactly as in the source (see :class:`Document`)."""
        return self.document.text

    @property
    def normalized(self) -> str:
        """The normalised view of :attr:`text`, same length and offsets."""
        return self.document.normalized

    @cached_property
    def reading(self) -> Reading:
        """What the template reader understood: template, year, sections, tables, subject."""
        return self.services.read(self)

    @cached_property
    def places(self) -> PlaceAnalysis:
        """The subject on the map and every place the report names (loads the gazetteer on first use)."""
        return self.services.analyse_places(self)

    @cached_property
    def lines(self) -> tuple[Span, ...]:
        """Every line, without its newline (the same in :attr:`text` and :attr:`normalized`)."""
        return self.document.lines

    @cached_property
    def chrome_lines(self) -> frozenset[int]:
        """The starts of the lines the reader took as page chrome (:attr:`Reading.chrome`, one home for that decision)."""
        starts = [line.start for line in self.lines]
        return frozenset(starts[bisect_right(starts, span.start) - 1] for span in self.reading.chrome)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """The logical paragraphs of :attr:`text` (soft-wrapped lines joined, see :func:`~reportlint.text.segmentation.logical_paragraphs`)."""
        return self._paragraphs_and_prose[0]

    @cached_property
    def _paragraphs_and_prose(self) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
        """:attr:`paragraphs`, and those of them that are prose (table rows left out), cut in one pass.

        Unless the text was converted from traditional script they are those of :attr:`normalized` (see
        :attr:`normalized_paragraphs`), cut from its lines as the document has split them (:attr:`Document.line_texts`).
        """
        document = self.document
        if self.from_traditional:
            every, prose = paragraphs_and_prose(document.text, self.lines)
        else:
            every, prose = paragraphs_and_prose(document.normalized, self.lines, document.line_texts)
        return tuple(every), tuple(prose)

    @cached_property
    def normalized_paragraphs(self) -> tuple[Span, ...]:
        """The logical paragraphs of :attr:`normalized` (its script conversion may end paragraphs elsewhere).

        Folding widths and quotes and blanking annotations keep every line's paragraph break as it is (a blank line
        stays blank, a tab stays, a final ；：！？ folds to ;:!? and nothing else to one): only a text converted from
        traditional script (:func:`~reportlint.text.normalize.has_traditional`) is cut again.
        """
        return self._normalized_paragraphs_and_prose[0]

    @cached_property
    def _normalized_paragraphs_and_prose(self) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
        """:attr:`normalized_paragraphs`, and those of them that are prose (those :attr:`sentences` cuts)."""
        if not self.from_traditional:
            return self._paragraphs_and_prose
        every, prose = paragraphs_and_prose(self.document.normalized, self.lines, self.document.line_texts)
        return tuple(every), tuple(prose)

    @property
    def from_traditional(self) -> bool:
        """Whether :attr:`normalized` was converted from traditional script (the document's
        :attr:`~reportlint.core.model.Document.from_traditional`).

        Otherwise it is :attr:`text` with widths, quotes and annotations folded only, and folding it again
        (:func:`~reportlint.text.normalize.fold_width`) changes nothing.
        """
        return self.document.from_traditional

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The prose sentences of :attr:`normalized` (table rows left out, see :func:`~reportlint.text.segmentation.iter_sentences`)."""
        return tuple(sentence_spans(self.document.normalized, paragraphs=self._normalized_paragraphs_and_prose[1], prose_only=True))

    def sentences_in(self, start: int, end: int) -> list[Span]:
        """The sentences of :attr:`sentences` that overlap ``[start, end)``."""
        return [sentence for sentence in self.sentences if sentence.end > start and sentence.start < end]

    @cached_property
    def enumerations(self) -> tuple[Enumeration, ...]:
        """Totals with their listed parts in the prose of :attr:`normalized` (see :func:`~reportlint.text.quantities.find_enumerations`)."""
        from reportlint.text.quantities import find_enumerations

        return find_enumerations(self.document.normalized, sentences=self.sentences)

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        """Every date of :attr:`text`, in order (see :func:`~reportlint.text.dates.find_dates`)."""
        from reportlint.text.dates import find_dates

        return tuple(find_dates(self.document.text))

    @cached_property
    def quoted(self) -> Enclosures:
        """The quoted and titled stretches of :attr:`text` (“…”, 《…》): words cited, not the report's own (see
        :mod:`reportlint.text.enclosures`)."""
        from reportlint.text.enclosures import Enclosures

        return Enclosures.of(self.document.text)

    @cached_property
    def folded(self) -> str:
        """:attr:`text` with widths and quotes folded only (no script conversion), same length."""
        from reportlint.text.normalize import fold_width

        return fold_width(self.document.text)

    @cached_property
    def title_anchor(self) -> tuple[int, int]:
        """Where a finding about the whole report points: its title, or else the first character of report text
        outside page chrome."""
        title = self.reading.title
        if title is not None:
            return title.start, title.end
        text, reading = self.text, self.reading
        first = next((index for index, char in enumerate(text) if not char.isspace() and not reading.in_chrome(index)), 0)
        return first, first + 1

    def opening_end(self, length: int = INTRO_LENGTH) -> int:
        """Where the report's opening words (its intro) end: at the first part's heading, else ``length`` characters in."""
        sections = self.reading.sections
        return sections[0].start if sections else min(len(self.text), length)

    def shared(self, compute: Callable[[Report], T]) -> T:
        """``compute(self)``, computed once per report and shared by every rule that asks with the same function."""
        if compute not in self._shared:
            self._shared[compute] = compute(self)
        return self._shared[compute]
