"""Sample annual reports for tests, benchmarks and plugin authors: built as data, rendered in every layout.

A :class:`SampleReport` is a whole 政府信息公开工作年度报告 as data: the
reporting body, the year, the template, every table cell as the string a clerk
would type, and the prose of each section. :meth:`SampleReport.build` makes a
realistic one — non-zero tables that satisfy every 勾稽关系 of the template spec,
prose whose numbers agree with the tables, wording that varies with ``seed`` —
and small ``with_…`` methods inject one defect at a time.

The renderers write the same report the ways real reports arrive::

    report = SampleReport.build("T2021", 2021, seed=3)
    text = render(report, "tabs")          # Word copied as text: tab-separated rows
    page = render_html(report)             # a web page with rowspan/colspan tables
    write_docx(report, tmp_path / "r.docx")  # a Word file with merged cells (needs python-docx)

Every layout carries the same cells, so the template reader must read the same
:class:`~reportlint.template.filled.FilledTemplate` from each of them.
"""

from __future__ import annotations

import html
import random
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reportlint.template.spec import ColumnSpec, RowSpec, TableSpec, TemplateSet, TemplateSpec, shipped_template_set
from reportlint.usercache.patterns import compiled

#: A template cell: (table id, row id, column id), as in the template specs.
CellKey = tuple[str, str, str]
#: A template row: (table id, row id).
RowKey = tuple[str, str]

#: Text layouts :func:`render` writes.
LAYOUTS = ("tabs", "cells", "tab-cells", "pipes", "markdown", "spaces")
#: Layouts that lose every line break: the whole report on one line, as a CMS page copied by a crawler
#: (``running``: words and cells separated by spaces; ``packed``: cells run together). ``render`` takes these too.
RUNNING_LAYOUTS = ("running", "packed")
#: How header cells are written: as one line, wrapped over two lines like Word, or one character per space.
HEADER_STYLES = ("plain", "wrapped", "spaced")
#: The six sections in order, and those that hold prose rather than tables.
SECTION_IDS = ("s1", "s2", "s3", "s4", "s5", "s6")
PROSE_SECTIONS = ("s1", "s5", "s6")
#: Levels of 乡镇 governments and 街道 offices.
TOWNSHIP_LEVELS = ("镇", "乡", "街道")
#: Levels whose governments may make 规章 (设区的市、自治州、省); every other body writes 0 in the 规章 row.
RULE_MAKING_LEVELS = ("市", "州", "省")


# --------------------------------------------------------------------------- subjects


@dataclass(frozen=True)
class SampleSubject:
    """A reporting body of a sample report, with the places above it and its neighbours.

    ``short`` is the name as titles and prose use it (``陇城镇``, ``秦安县``,
    ``秦安县教育局``); ``level`` is 镇、乡、街道、县、市 or 部门; ``siblings`` are
    bodies of the same kind nearby, named by copy-paste defects.
    """

    short: str
    level: str
    county: str
    city: str
    province: str
    siblings: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()
    #: Whether the body words its prose its own way, as different clerks do (word choices, its own list of
    #: problems and measures, details with its own numbers): the bodies of a batch then write different reports.
    #: Off for :data:`SUBJECTS`, whose texts tests quote.
    voice: bool = False

    @property
    def name(self) -> str:
        """The full name signed under the report (``陇城镇人民政府``, ``七里墩街道办事处``)."""
        if self.level == "部门":
            return self.short
        if self.level == "街道":
            return f"{self.short}办事处"
        return f"{self.short}人民政府"

    @property
    def title_name(self) -> str:
        """The name in the title: a township with its county (``秦安县陇城镇``), others as they are."""
        return f"{self.county}{self.short}" if self.is_township else self.short

    @property
    def self_reference(self) -> str:
        """How the report calls its own body: 我镇、我乡、我街道、我县、我局."""
        if self.level == "部门":
            return "我" + self.short[-1]
        return "我" + self.level

    @property
    def is_township(self) -> bool:
        """A 乡/镇 government or a 街道 office."""
        return self.level in TOWNSHIP_LEVELS

    @property
    def focus_areas(self) -> tuple[str, ...]:
        """The fields the body's disclosure concentrates on (its own, or the usual ones for its level)."""
        if self.focus:
            return self.focus
        return _DEFAULT_FOCUS.get(self.level, _DEFAULT_FOCUS["县"])


_DEFAULT_FOCUS = {
    "镇": ("乡村振兴", "社会救助", "耕地保护", "农村宅基地审批"),
    "乡": ("乡村振兴", "农田水利建设", "社会救助", "土地承包经营权流转"),
    "街道": ("社区治理", "社会救助", "就业服务", "老旧小区改造"),
    "县": ("财政预决算", "重大建设项目", "公共资源配置", "社会公益事业"),
    "市": ("财政预决算", "重大建设项目", "公共资源配置", "社会公益事业"),
    "部门": ("行政许可", "行政处罚", "财政预决算", "政策解读"),
}

#: Real places (names are public facts) with invented reports: townships, a 乡, a street, a county, a department.
SUBJECTS = (
    SampleSubject("陇城镇", "镇", "秦安县", "天水市", "甘肃省", ("莲花镇", "郭嘉镇", "五营镇")),
    SampleSubject("夹河乡", "乡", "台前县", "濮阳市", "河南省", ("清水河乡", "侯庙镇", "马楼镇")),
    SampleSubject("七里墩街道", "街道", "秦州区", "天水市", "甘肃省", ("东关街道", "大城街道", "西关街道")),
    SampleSubject("秦安县", "县", "秦安县", "天水市", "甘肃省", ("甘谷县", "清水县", "武山县")),
    SampleSubject(
        "秦安县教育局",
        "部门",
        "秦安县",
        "天水市",
        "甘肃省",
        ("甘谷县教育局", "清水县教育局"),
        ("招生入学", "学生资助", "教师招聘", "教育收费"),
    ),
)


#: Fields a township's disclosure may concentrate on: a body with a voice picks four of its own.
_TOWNSHIP_FOCUS = (
    "乡村振兴",
    "社会救助",
    "耕地保护",
    "农村宅基地审批",
    "农田水利建设",
    "土地承包经营权流转",
    "征地补偿",
    "集体资产管理",
    "人居环境整治",
    "就业帮扶",
    "安全生产",
    "防汛抗旱",
    "医疗保障",
    "养老服务",
)


def township_subjects(count: int, seed: int = 0) -> tuple[SampleSubject, ...]:
    """``count`` real townships (镇、乡、街道) drawn from the gazetteer, each with a voice: the bodies of a sample batch.

    Names are public facts; each body's county, city and province come from the
    gazetteer, its siblings are other townships of its county, and its voice
    (word choices, part 五, details) and focus areas are its own, so the
    reports of different bodies differ as real ones do. Only names made of
    common characters are drawn; the same arguments give the same bodies.
    """
    from reportlint.places.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    kinds = {"镇": "镇", "乡": "乡", "街道": "街道"}
    townships = [
        place for place in gazetteer.places_at(4) if place.kind in kinds and all("\u4e00" <= char <= "\u9fa5" for char in place.name)
    ]
    by_county: dict[str, list[str]] = {}
    for place in townships:
        by_county.setdefault(place.parent_code, []).append(place.name)
    rng = random.Random(f"townships|{seed}")
    rng.shuffle(townships)
    subjects: list[SampleSubject] = []
    for place in townships:
        if len(subjects) == count:
            break
        parents = gazetteer.parents(place)
        if len(parents) < 3:  # a township directly under a municipality's district list: no county to name
            continue
        province, city, county = parents[0].name, parents[1].name, parents[-1].name
        siblings = tuple(name for name in by_county[place.parent_code] if name != place.name)[:3]
        focus = tuple(rng.sample(_TOWNSHIP_FOCUS, 4))
        subjects.append(SampleSubject(place.name, kinds[place.kind], county, city, province, siblings, focus, voice=True))
    return tuple(subjects)


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class SampleReport:
    """One annual report as data.

    ``values`` maps every template cell ``(table, row, column)`` to the text
    written in it (``"12"``, ``"+3"``, ``"57万元"``, ``""`` for a blank cell,
    ``"无"``); a cell absent from the mapping is not written at all.
    ``sections`` holds the prose paragraphs of 一、五、六; 二、三、四 are tables.
    ``headings``, ``row_labels`` and ``extra_values`` record how the report
    writes headings and row labels and any values beyond the template's columns.

    The remaining fields describe reports that depart from the form, as the
    ``with_…``/``without_…`` methods make them: ``order`` lists the sections
    written, in the order written; ``tableless`` the sections whose table is
    not written; ``dropped_rows`` the table rows left out; ``column_labels``
    header texts written differently; ``preamble`` lines before the title (a
    web page's chrome). ``templates`` is the template set the report's template
    comes from (the shipped one unless the report was built with an extension).
    """

    subject: SampleSubject
    year: int
    template: str
    values: Mapping[CellKey, str]
    title: str
    intro: tuple[str, ...]
    period: str
    sections: Mapping[str, tuple[str, ...]]
    headings: Mapping[str, str]
    signature: str
    date: str
    row_labels: Mapping[RowKey, str] = field(default_factory=lambda: MappingProxyType({}))
    extra_values: Mapping[RowKey, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    order: tuple[str, ...] = SECTION_IDS
    tableless: frozenset[str] = frozenset()
    dropped_rows: frozenset[RowKey] = frozenset()
    column_labels: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))
    preamble: tuple[str, ...] = ()
    templates: TemplateSet | None = field(default=None, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        template: str = "T2021",
        year: int = 2021,
        subject: SampleSubject | None = None,
        seed: int = 0,
        balanced: bool = True,
        templates: TemplateSet | None = None,
        previous: SampleReport | None = None,
        carry_over_error: int = 0,
    ) -> SampleReport:
        """A realistic report of ``subject`` (default: the first of :data:`SUBJECTS`) for ``year``.

        The tables are non-zero and, when ``balanced``, satisfy every relation of
        the template (B1–B4, B7, B10, and no 规章 for 县级 and lower bodies); with
        ``balanced=False`` the carry-over of one applicant column (and of 总计) is
        off by 1–3, which breaks B1 for those two columns only. The prose states
        the tables' numbers. The same arguments always give the same report;
        another ``seed`` gives other numbers and other wording.

        ``templates`` is a template set with provincial extensions
        (:func:`reportlint.template.spec.load_templates`): the report then has
        the extension's rows and columns too, written as 0.

        With ``previous`` (the same body's report of the year before, see
        :meth:`next_year`) the report continues it: 上年结转 is last year's
        结转下年度继续办理 column by column (B6), stocks of section 二 follow on
        (B8 for two 2021-format years, B9 for two 2019-format years), the
        applications paragraph states the change against last year
        (``较上年增加3件``), and part 五 is worded differently from last year's.
        ``carry_over_error`` moves that many applications of the first applicant
        column that has them from 本年新收 to 上年结转: the report stays balanced
        (B1) but its carry-over no longer matches last year's (B6).
        """
        subject = subject or SUBJECTS[0]
        available = templates if templates is not None else shipped_template_set()
        spec = available.get(template)
        if spec is None:
            raise ValueError(f"没有模板 “{template}”（可用：{'、'.join(t.id for t in available)}）")
        official = shipped_template_set().get(template) or spec  # the numbers follow the official form
        rng = random.Random(f"{template}|{year}|{subject.short}|{seed}")
        earlier = previous.values if previous is not None else None
        carried = _carried_over(previous) if previous is not None else None
        values = {
            **_disclosure_values(official, subject, rng, earlier),
            **_application_values(official.table("s3"), subject, rng, balanced, carried, carry_over_error),
            **_review_values(official.table("s4"), subject, rng),
        }
        for table in spec.tables:  # rows and columns an extension adds
            for row in table.rows:
                for column in table.columns:
                    values.setdefault((table.id, row.id, column.id), "0")
        facts = _Facts.of(official, subject, year, values, rng, previous)
        return cls(
            subject=subject,
            year=year,
            template=template,
            values=MappingProxyType(values),
            title=f"{subject.title_name}{year}年政府信息公开工作年度报告",
            intro=(facts.pick(_INTRO),),
            period=facts.pick(_PERIOD) + facts.detail(_CONTACT_DETAILS),
            sections=MappingProxyType({section: facts.paragraphs(section) for section in PROSE_SECTIONS}),
            headings=MappingProxyType({section.id: section.heading for section in spec.sections}),
            signature=subject.name,
            date=f"{year + 1}年1月{rng.randint(8, 28)}日",
            templates=templates,
        )

    @property
    def spec(self) -> TemplateSpec:
        """The template spec the report's tables follow."""
        spec = (self.templates if self.templates is not None else shipped_template_set()).get(self.template)
        assert spec is not None, f"unknown template {self.template}"
        return spec

    def value(self, table: str, row: str, column: str) -> str | None:
        """The text written in a template cell (None when the cell is not written)."""
        return self.values.get((table, row, column))

    def next_year(self, seed: int = 0, carry_over_error: int = 0) -> SampleReport:
        """The same body's report of the following year, continuing this one (see :meth:`build`'s ``previous``).

        The template follows the year (2019 format up to 2020, 2021 format from 2021 on).
        """
        year = self.year + 1
        template = "T2019" if year <= 2020 else "T2021"
        return SampleReport.build(template, year, self.subject, seed, previous=self, carry_over_error=carry_over_error)

    def with_section(self, section: str, paragraphs: Sequence[str]) -> SampleReport:
        """A copy whose part 一, 五 or 六 is made of ``paragraphs``."""
        if section not in PROSE_SECTIONS:
            raise ValueError(f"只有第一、五、六部分是文字：{section}")
        return replace(self, sections=MappingProxyType({**self.sections, section: tuple(paragraphs)}))

    # ----- defects: each returns a copy with one thing changed

    def with_cell(self, table: str, row: str, column: str, raw: str) -> SampleReport:
        """A copy with one cell written as ``raw`` (``""`` for a blank cell, ``"无"``, ``"57万元"`` …)."""
        self._check_cell(table, row, column)
        return replace(self, values=MappingProxyType({**self.values, (table, row, column): raw}))

    def without_cell(self, table: str, row: str, column: str) -> SampleReport:
        """A copy where one value is not written at all: its row has one value fewer (not a blank cell)."""
        self._check_cell(table, row, column)
        values = {key: raw for key, raw in self.values.items() if key != (table, row, column)}
        return replace(self, values=MappingProxyType(values))

    def with_extra_value(self, table: str, row: str, raw: str = "0") -> SampleReport:
        """A copy whose row carries one more value after its last column (seed 002's 16th value in 四)."""
        self.spec.table(table).row(row)
        extra = {**self.extra_values, (table, row): (*self.extra_values.get((table, row), ()), raw)}
        return replace(self, extra_values=MappingProxyType(extra))

    def with_row_label(self, table: str, row: str, label: str) -> SampleReport:
        """A copy whose row label is written as ``label``; ``""`` drops the label (values stay)."""
        self.spec.table(table).row(row)
        return replace(self, row_labels=MappingProxyType({**self.row_labels, (table, row): label}))

    def with_heading(self, section: str, heading: str) -> SampleReport:
        """A copy with a section heading written differently (a variant, a 2008-era name, a typo); an empty heading
        is left out, the part's text and tables kept."""
        self.spec.section(section)
        return replace(self, headings=MappingProxyType({**self.headings, section: heading}))

    def with_title(self, title: str) -> SampleReport:
        """A copy with another title (a duplicated word, a missing 年, two lines …); ``""`` writes no title."""
        return replace(self, title=title)

    def with_intro(self, paragraphs: Sequence[str]) -> SampleReport:
        """A copy whose text between the title and the first section is ``paragraphs`` (the period sentence included)."""
        return replace(self, intro=tuple(paragraphs), period="")

    def with_paragraphs(self, section: str, paragraphs: Sequence[str]) -> SampleReport:
        """A copy whose section has these prose paragraphs (written before its table, if it has one)."""
        self.spec.section(section)
        return replace(self, sections=MappingProxyType({**self.sections, section: tuple(paragraphs)}))

    def with_sections(self, order: Sequence[str]) -> SampleReport:
        """A copy that writes only these sections, in this order (a missing part, parts out of order)."""
        for section in order:
            self.spec.section(section)
        return replace(self, order=tuple(order))

    def without_table(self, section: str) -> SampleReport:
        """A copy where the tables of a section are not written (the heading and its paragraphs stay)."""
        self.spec.section(section)
        return replace(self, tableless=self.tableless | {section})

    def without_row(self, table: str, row: str) -> SampleReport:
        """A copy whose table leaves out one row entirely: its label and its values."""
        self.spec.table(table).row(row)
        return replace(self, dropped_rows=self.dropped_rows | {(table, row)})

    def with_column_label(self, table: str, column: str, label: str) -> SampleReport:
        """A copy whose table header writes a column as ``label`` (a truncated header, an amount without its unit)."""
        self.spec.table(table).column(column)
        return replace(self, column_labels=MappingProxyType({**self.column_labels, (table, column): label}))

    def with_preamble(self, lines: Sequence[str]) -> SampleReport:
        """A copy with these lines before the title (a web page's breadcrumbs, metadata and buttons)."""
        return replace(self, preamble=tuple(lines))

    def with_signature(self, signature: str | None = None, date: str | None = None) -> SampleReport:
        """A copy signed by another body or on another date (``""`` leaves the line out)."""
        return replace(self, signature=self.signature if signature is None else signature, date=self.date if date is None else date)

    def with_sibling_mention(self, section: str = "s5") -> SampleReport:
        """A copy where the section's last paragraph names a neighbouring body instead of itself.

        The first ``我镇`` (the body's self-reference) of that paragraph becomes
        the first sibling's name — ``莲花镇将…`` in 陇城镇's report — the
        copy-paste defect of seed 003.
        """
        if not self.subject.siblings:
            raise ValueError(f"{self.subject.short} 没有可引用的相邻单位")
        paragraphs = list(self.sections.get(section, ()))
        mine = self.subject.self_reference
        if not paragraphs or mine not in paragraphs[-1]:
            raise ValueError(f"“{self.headings[section]}”的最后一段没有“{mine}”，无法替换")
        paragraphs[-1] = paragraphs[-1].replace(mine, self.subject.siblings[0], 1)
        return replace(self, sections=MappingProxyType({**self.sections, section: tuple(paragraphs)}))

    def with_text_replaced(self, old: str, new: str, count: int = 1) -> SampleReport:
        """A copy with the first ``count`` occurrences of ``old`` in the prose replaced (typos, brackets).

        The prose is the intro, the period sentence and the paragraphs of 一、五、六,
        searched in that order; ``ValueError`` when ``old`` occurs fewer times.
        """
        remaining = count

        def edit(paragraph: str) -> str:
            nonlocal remaining
            if remaining <= 0 or old not in paragraph:
                return paragraph
            found = min(paragraph.count(old), remaining)
            remaining -= found
            return paragraph.replace(old, new, found)

        intro = tuple(edit(paragraph) for paragraph in self.intro)
        period = edit(self.period)
        sections = {section: tuple(edit(paragraph) for paragraph in self.sections[section]) for section in self.sections}
        if remaining > 0:
            raise ValueError(f"正文中“{old}”出现不足 {count} 次")
        return replace(self, intro=intro, period=period, sections=MappingProxyType(sections))

    def _check_cell(self, table: str, row: str, column: str) -> None:
        spec = self.spec.table(table)
        spec.row(row)
        spec.column(column)


# --------------------------------------------------------------------------- table values


def _split(total: int, weights: Sequence[float], rng: random.Random) -> list[int]:
    """``total`` items dealt out at random by ``weights`` (a multinomial draw)."""
    counts = Counter(rng.choices(range(len(weights)), weights=weights, k=total)) if total else Counter()
    return [counts[index] for index in range(len(weights))]


def _signed(change: int) -> str:
    """A 本年增/减 value as clerks write it: ``+3``, ``-1``, ``0``."""
    return f"+{change}" if change > 0 else str(change)


def _amount(value: float) -> str:
    """A money amount with at most two decimals and no trailing zeros (``12.5``, ``3``)."""
    text = f"{Decimal(str(round(value, 2))):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


#: Scale of a body's yearly volume by level: applications, decisions, cases.
_APPLICATIONS = {"镇": (3, 30), "乡": (3, 20), "街道": (5, 30), "县": (40, 150), "市": (150, 600), "部门": (10, 60)}
_VOLUME = {"镇": 1, "乡": 1, "街道": 1, "县": 20, "市": 60, "部门": 6}
_REVIEWS = {"镇": 2, "乡": 1, "街道": 2, "县": 6, "市": 20, "部门": 4}

#: How applications are shared among applicant kinds (自然人 … 其他) and among handling results.
_APPLICANT_WEIGHTS = {"c_np": 78, "c_biz": 9, "c_sci": 1, "c_npo": 3, "c_law": 5, "c_oth": 4}
_RESULT_WEIGHTS = {
    "r3_1": 50,
    "r3_2": 8,
    "r3_3_1": 0.5,
    "r3_3_2": 0.5,
    "r3_3_3": 0.5,
    "r3_3_4": 2,
    "r3_3_5": 1.5,
    "r3_3_6": 1.5,
    "r3_3_7": 0.5,
    "r3_3_8": 1,
    "r3_4_1": 12,
    "r3_4_2": 3,
    "r3_4_3": 1,
    "r3_5_1": 4,
    "r3_5_2": 3,
    "r3_5_3": 1,
    "r3_5_4": 0.5,
    "r3_5_5": 0.5,
    "r3_6": 3,
    "r3_6_1": 2,
    "r3_6_2": 0.4,
    "r3_6_3": 1,
}
_RESULT_ROWS_AROUND = ("r1", "r2", "r3_7", "r4")
_CASE_WEIGHTS = (5, 1, 1, 2)  # 结果维持, 结果纠正, 其他结果, 尚未审结


def _carried_over(previous: SampleReport) -> dict[str, int] | None:
    """Last year's 结转下年度继续办理 by applicant column: this year's 上年结转 (B6)."""
    pending = {key[2]: int(raw) for key, raw in previous.values.items() if key[:2] == ("s3", "r4") and raw.strip().isdigit()}
    return pending or None


def _application_values(
    table: TableSpec,
    subject: SampleSubject,
    rng: random.Random,
    balanced: bool,
    carried_over: Mapping[str, int] | None = None,
    carry_over_error: int = 0,
) -> dict[CellKey, str]:
    """Section 三: applications by applicant kind and handling result, balanced per row and column.

    ``carried_over`` is 上年结转 by applicant column (last year's 结转下年度), drawn at random when None;
    ``carry_over_error`` applications of one column are moved from 本年新收 to 上年结转.
    """
    applicants = [column.id for column in table.columns if column.id != "c_total"]
    results = [row.id for row in table.rows if row.id not in _RESULT_ROWS_AROUND]
    weights = [_APPLICANT_WEIGHTS.get(column, 1) for column in applicants]
    low, high = _APPLICATIONS.get(subject.level, _APPLICATIONS["县"])
    new_total = rng.randint(low, high)
    new = _split(new_total, weights, rng)
    if carried_over is None:
        carried = _split(rng.randint(1, max(1, new_total // 8)), weights, rng)
    else:
        carried = [carried_over.get(column, 0) for column in applicants]
    if carry_over_error:
        index = next((index for index, count in enumerate(new) if count >= carry_over_error), None)
        if index is None:
            raise ValueError(f"本年新收申请不足 {carry_over_error} 件，无法改动上年结转")
        new[index] -= carry_over_error
        carried[index] += carry_over_error
    grid: dict[str, dict[str, int]] = {row.id: {} for row in table.rows}
    for index, column in enumerate(applicants):
        available = new[index] + carried[index]
        pending = sum(1 for _ in range(available) if rng.random() < 0.1)
        dealt = _split(available - pending, [_RESULT_WEIGHTS.get(row, 1) for row in results], rng)
        grid["r1"][column], grid["r2"][column], grid["r4"][column] = new[index], carried[index], pending
        grid["r3_7"][column] = available - pending
        for row, count in zip(results, dealt, strict=True):
            grid[row][column] = count
    if not balanced:
        broken = rng.choice(applicants)
        grid["r4"][broken] += rng.randint(1, 3)
    for counts in grid.values():
        counts["c_total"] = sum(counts[column] for column in applicants)
    return {(table.id, row, column): str(count) for row, columns in grid.items() for column, count in columns.items()}


def _review_values(table: TableSpec, subject: SampleSubject, rng: random.Random) -> dict[CellKey, str]:
    """Section 四: reconsideration and litigation cases, each group's 总计 the sum of its four results."""
    most = _REVIEWS.get(subject.level, 4)
    reviews = rng.randint(0, most)
    totals = {"rv": reviews, "ld": rng.randint(0, max(1, most // 2)), "lr": rng.randint(0, reviews)}
    values = {}
    for group, total in totals.items():
        keep, fix, other, pending = _split(total, _CASE_WEIGHTS, rng)
        for suffix, count in (("keep", keep), ("fix", fix), ("other", other), ("pending", pending), ("total", total)):
            values[(table.id, "cases", f"{group}_{suffix}")] = str(count)
    return values


#: Yearly counts of section 二 (before scaling by the body's level): by (row, column) or by column.
_COUNTS = {
    ("licensing", "decisions"): (1, 40),
    ("other_services", "decisions"): (1, 30),
    ("penalty", "decisions"): (0, 20),
    ("enforcement", "decisions"): (0, 5),
    "prev_count": (2, 12),
    "purchase_count": (1, 12),
}


def _disclosure_values(
    spec: TemplateSpec, subject: SampleSubject, rng: random.Random, previous: Mapping[CellKey, str] | None = None
) -> dict[CellKey, str]:
    """Section 二: documents, decisions, fees (and T2019's procurement) on the body's scale.

    With ``previous`` (last year's values) stocks carry on: 现行有效件数 from last
    year's (B8), 上一年项目数量 from last year's plus its 本年增/减 (B9).
    """
    scale = _VOLUME.get(subject.level, 6)
    makes_rules = subject.level in RULE_MAKING_LEVELS
    values: dict[CellKey, str] = {}
    for table in spec.tables_of("s2"):
        for row in table.rows:
            makes_documents = row.id != "rules" or makes_rules
            earlier = {key[2]: raw for key, raw in previous.items() if key[:2] == (table.id, row.id)} if previous else {}
            values.update(
                {
                    (table.id, row.id, column): raw
                    for column, raw in _disclosure_row(table, row.id, makes_documents, scale, rng, earlier).items()
                }
            )
    return values


def _stock(earlier: Mapping[str, str], column: str) -> int | None:
    raw = earlier.get(column, "").strip().lstrip("+")
    return int(raw) if raw.lstrip("-").isdigit() else None


def _disclosure_row(
    table: TableSpec, row: str, makes_documents: bool, scale: int, rng: random.Random, earlier: Mapping[str, str] | None = None
) -> dict[str, str]:
    """One row of section 二; documents rows are all 0 for a body that cannot make them; ``earlier`` is last year's row."""
    earlier = earlier or {}
    columns = [column.id for column in table.columns]
    if table.id == "s2_20_1":
        if not makes_documents:
            return dict.fromkeys(columns, "0")
        made, stock = rng.randint(0, 2 + scale // 4), rng.randint(2, 8 + scale)
        if "in_force" in columns:  # T2021: 本年制发件数 本年废止件数 现行有效件数
            last_stock = _stock(earlier, "in_force")
            stock = last_stock if last_stock is not None else stock
            repealed = rng.randint(0, min(stock, 1 + scale // 6))
            return {"made": str(made), "repealed": str(repealed), "in_force": str(stock + made - repealed)}
        published = rng.randint(max(0, made - 1), made)  # T2019: 本年新制作数量 本年新公开数量 对外公开总数量
        return {"new_made": str(made), "new_published": str(published), "total_published": str(stock + published)}
    values = {}
    last_count, last_change = _stock(earlier, "prev_count"), _stock(earlier, "change")
    for column in table.columns:
        if column.id == "prev_count" and last_count is not None and last_change is not None:
            values[column.id] = str(max(0, last_count + last_change))
        elif column.kind == "change":
            values[column.id] = _signed(rng.randint(-2, 4))
        elif column.id == "fee_amount":
            values[column.id] = _amount(rng.uniform(0, 3.5) * scale) if rng.random() < 0.7 else "0"
        elif column.kind == "amount":
            values[column.id] = _amount(rng.uniform(5, 60) * scale)
        else:
            low, high = _COUNTS.get((row, column.id), _COUNTS.get(column.id, (1, 20)))
            values[column.id] = str(rng.randint(low, high) * scale)
    return values


# --------------------------------------------------------------------------- prose

_INTRO = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级关于做好政府信息公开工作年度报告编制发布工作的要求，"
    "{short}编制了{year}年政府信息公开工作年度报告。",
    "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条的规定编制，包括总体情况、主动公开政府信息情况、"
    "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。",
    "按照《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求，结合{self}工作实际，现将{year}年度政府信息公开工作情况报告如下。",
)
_PERIOD = (
    "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
    "本报告所列数据的统计时限为{year}年1月1日至{year}年12月31日。",
    "本年度报告中使用数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{short}{office}联系。",
)
_LEAD = (
    "{year}年，{self}坚持以公开为常态、不公开为例外，认真贯彻落实《条例》和上级关于政务公开工作的部署，"
    "围绕{focus}等重点工作推进政府信息公开，切实保障群众的知情权、参与权、表达权和监督权。",
    "{year}年，{short}在{upper}的指导下，把政府信息公开作为密切联系群众、提升治理能力的重要抓手，"
    "健全工作机制，规范公开流程，全年政府信息公开工作平稳有序开展。",
    "{year}年，{self}对照《条例》要求，结合本{unit}职能和群众关注的热点，进一步细化公开事项、拓宽公开渠道、压实工作责任，"
    "政府信息公开的针对性和实效性持续提升。",
)
_ACTIVE = (
    "（一）主动公开。{self}依托{column}、{account}和{boards}主动公开政府信息，全年在门户网站发布信息{web}条，"
    "通过政务新媒体发布信息{media}条，重点公开了{focus}等方面的信息。{documents}",
    "（一）主动公开。围绕{focus}等群众关心关注的事项，{self}及时、准确公开政府信息。全年通过{portal}公开各类信息{web}条，"
    "通过{account}推送信息{media}条，在{boards}更新公示内容{boards_count}期。{documents}",
    "（一）主动公开。{self}严格落实主动公开目录，做到应公开尽公开。{year}年共主动公开政府信息{active}条，"
    "其中门户网站{web}条、政务新媒体{media}条。{documents}对涉及{first_focus}的信息，坚持随时产生、随时公开。",
)
_REQUESTS = (
    "（二）依申请公开。{self}畅通当面、信函、网络等申请渠道，严格按照法定程序和时限办理。全年共收到政府信息公开申请{new}件{change}，"
    "上年结转{carried}件，结转下年度继续办理{pending}件。本年度办结的{done}件申请中，予以公开{granted}件，部分公开{partial}件。",
    "（二）依申请公开。{year}年，{self}收到政府信息公开申请{new}件{change}，加上上年结转的{carried}件，共需办理{open}件。"
    "截至年底已办结{done}件，结转下年度继续办理{pending}件。所有申请均在法定期限内答复，未出现逾期答复的情况。",
    "（二）依申请公开。全年共收到政府信息公开申请{new}件{change}，上年结转{carried}件。{self}对每件申请登记台账、专人跟踪、集体会商，"
    "结转下年度继续办理{pending}件，办结{done}件，其中予以公开{granted}件、部分公开{partial}件。",
)
_MANAGEMENT = (
    "（三）政府信息管理。严格执行信息发布前保密审查和“三审三校”制度，由{short}{office}统筹协调信息公开工作，分管领导审核把关，"
    "全年未发生泄密和不当公开问题。同时动态更新政府信息公开指南和主动公开目录。",
    "（三）政府信息管理。{self}对历年公开的政府信息开展集中梳理，对已失效、已废止的文件及时标注，对链接失效、内容重复的信息进行清理；"
    "健全信息公开登记台账，做到来源可查、责任可溯。",
    "（三）政府信息管理。坚持“谁制作、谁公开，谁公开、谁负责”的原则，建立信息起草、审核、发布、归档的全流程管理机制，"
    "加强对拟公开信息合法性、准确性的审查，确保公开内容规范、表述准确。",
)
_PLATFORMS = (
    "（四）政府信息公开平台建设。{self}持续维护{column}，按照统一目录规范设置栏目，做到栏目有内容、内容常更新。"
    "{account}坚持每周更新，{boards}的公开内容及时替换，方便群众查阅。",
    "（四）政府信息公开平台建设。在{service}设立政府信息公开查阅点，配备查阅设备，为群众现场查阅提供便利；"
    "加强政务新媒体管理，清理关停更新不及时的账号，保留{account}作为主要发布渠道。",
    "（四）政府信息公开平台建设。以{portal}为第一平台，以{account}和{boards}为补充，构建线上线下相结合的公开平台体系；"
    "定期检查栏目更新和错链情况，确保平台安全稳定运行。",
)
_OVERSIGHT = (
    "（五）监督保障。{self}成立了由主要负责同志任组长的政务公开工作领导小组，将政府信息公开工作纳入年度目标责任考核，"
    "主动接受群众和社会评议。全年组织业务培训{trainings}次，对考核中发现的问题及时督促整改，落实责任追究。{cases}",
    "（五）监督保障。{self}把政务公开工作纳入干部年度考核内容，通过设立意见箱、公布监督电话等方式开展社会评议，"
    "对工作不力的严格追究责任。全年开展政务公开专项检查{checks}次，发现的问题均已整改到位。{cases}",
    "（五）监督保障。严格落实政务公开工作考核、社会评议和责任追究制度，将考核结果作为年度评先评优的重要依据；"
    "邀请{evaluators}对公开工作进行评议，根据评议意见改进工作。{cases}",
)
_NO_CASES = (
    "全年未发生因政府信息公开引起的行政复议、行政诉讼。",
    "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
    "全年未发生政府信息公开行政复议、行政诉讼案件。",
)
_PROBLEMS = (
    "{year}年，{self}政府信息公开工作虽然取得了一定成效，但仍存在一些不足：一是公开内容还不够全面，部分信息公开不够及时；"
    "二是政策解读形式比较单一，图解、视频等解读方式运用较少；三是信息公开工作人员多为兼职，业务能力有待提高。",
    "对照《条例》要求和群众期盼，{self}政府信息公开工作还存在以下问题：一是{first_focus}等领域信息的公开深度不够；"
    "二是政务新媒体更新频率不稳定，回应群众关切不够及时；三是依申请公开办理的规范化程度还需提升。",
    "当前，{self}政府信息公开工作主要存在三方面问题：一是个别{units}对政务公开工作重视不够，主动公开意识不强；"
    "二是公开平台栏目设置与上级要求还有差距；三是对公开信息的质量把关不够严格，个别信息存在格式不规范的情况。",
)
_MEASURES = (
    "{next_year}年，{self}将着力抓好以下工作：一是对照主动公开目录逐项梳理，确保重点领域信息应公开尽公开；"
    "二是丰富政策解读形式，提高解读的针对性和可读性；三是加强业务培训，提升工作人员的政策水平和业务能力。",
    "下一步，{self}将从三个方面加以改进：一是建立信息公开定期检查机制，及时发现和纠正更新滞后等问题；"
    "二是加强政务新媒体日常管理，提高回应群众关切的时效；三是严格执行依申请公开办理流程，规范答复文书。",
    "针对上述问题，{self}将采取以下措施：一是压实工作责任，将政务公开纳入各{units}年度考核；"
    "二是按照上级规范要求调整完善公开平台栏目；三是健全信息发布审核机制，切实提高公开信息的准确性和规范性。",
)
#: Part 五 of a body with a voice: a lead-in, then three problems (or measures) of its own choosing.
_PROBLEM_ITEMS = (
    "{year}年，{self}政府信息公开工作仍存在一些不足：",
    "部分重点领域信息公开不够及时",
    "政策解读形式比较单一，图解、视频等解读方式运用较少",
    "信息公开工作人员多为兼职，业务能力有待提高",
    "{first_focus}等领域信息的公开深度不够",
    "政务新媒体更新频率不稳定，回应关切不够及时",
    "依申请公开办理的规范化程度还需提升",
    "个别站所对政务公开工作重视不够，主动公开意识不强",
    "公开平台栏目设置与上级要求还有差距",
    "对公开信息的质量把关不够严格，个别信息格式不规范",
    "基层公开事项标准目录的梳理还不够细",
    "公开查阅点的利用率不高，线下公开渠道作用发挥不够",
    "政策文件发布后配套解读跟进不够同步",
    "对上年度报告中指出问题的整改跟踪还不够",
    "村（社区）公开栏内容更新不够规范",
    "公开信息的分类和检索功能不够便捷",
    "公开工作与业务工作结合不够紧密",
)
_MEASURES_LEAD = "{next_year}年，{self}将重点做好以下工作："
_MEASURE_ITEMS = (
    _MEASURES_LEAD,
    "对照主动公开目录逐项梳理，确保应公开尽公开",
    "丰富政策解读形式，提高解读的针对性和可读性",
    "加强业务培训，提升经办人员的政策水平",
    "建立信息公开定期检查机制，及时纠正更新滞后等问题",
    "加强政务新媒体日常管理，提高回应关切的时效",
    "严格执行依申请公开办理流程，规范答复文书",
    "将政务公开纳入年度考核，压实工作责任",
    "按照上级规范调整完善公开平台栏目",
    "健全信息发布审核机制，提高公开信息的准确性",
    "推动公开事项标准目录向村（社区）延伸",
    "用好公开查阅点，方便群众就近查阅",
    "做到政策文件与解读材料同步起草、同步发布",
    "建立问题整改台账，逐项跟踪销号",
    "规范村（社区）公开栏的内容和更新周期",
    "优化专栏分类，提高信息检索的便捷性",
    "把公开要求嵌入业务办理全过程",
)
#: Sentences with a body's own numbers ({a} small, {b} larger), added to some paragraphs of a body with a voice.
_LEAD_DETAILS = (
    "全年召开专题会议{a}次研究部署政务公开工作。",
    "领导班子全年{a}次听取政务公开工作汇报。",
    "全年印发政务公开相关文件{a}份。",
)
_MANAGEMENT_DETAILS = ("全年审核拟公开信息{b}条，更新公开指南{a}次。", "全年清理过时信息{b}条，标注失效文件{a}件。", "累计登记台账{b}条。")
_PLATFORM_DETAILS = ("专栏全年访问量{b}人次，答复网民留言{a}条。", "全年排查错链、空白栏目{a}处。", "公众号关注人数达{b}人。")
_REQUEST_DETAILS = ("全年提供申请咨询{b}人次。", "申请全部通过当面和网络渠道提交，平均{a}个工作日答复。", "办理中征求第三方意见{a}次。")
_OVERSIGHT_DETAILS = ("全年接受社会评议{a}次，收集意见建议{b}条。", "全年通报问题{a}个。", "参加培训{b}人次。")
_FEE_DETAILS = ("全年登记申请{a}件，均未达到收费标准。", "本年度申请人均未超过按件、按量收费的起点。")
_PLAN_DETAILS = ("共分解任务{a}项，已完成{a}项。", "年度工作要点涉及本单位的{a}项任务已全部落实。", "形成任务台账{a}本。")
_PROPOSAL_DETAILS = ("全年回复群众来信{b}件。", "协助办理上级交办事项{a}件。")
_INNOVATION_DETAILS = ("全年参与群众{b}人次。", "相关信息累计阅读量{b}次。", "制作解读图表{a}期。")
_NOTE_DETAILS = ("数据经分管负责人审核，共核对{b}项。", "统计口径未作调整。")
_CONTACT_DETAILS = ("联系电话：0938-6{b:03d}{a:02d}1。", "联系电话：0932-8{a:02d}{b:03d}0。", "联系地址：{b}号，邮编74{a:02d}00。")


_NO_FEES = (
    "（一）收取信息处理费情况。{year}年，{self}未依据《政府信息公开信息处理费管理办法》收取信息处理费。",
    "（一）信息处理费收取情况。本年度{self}未发出信息处理费缴费通知，未收取信息处理费。",
    "（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况。全年未收取信息处理费。",
)
_FEES = (
    "（一）收取信息处理费情况。全年依据《政府信息公开信息处理费管理办法》发出收费通知{fee_notices}件，"
    "申请人均未在规定期限内缴纳费用，实际收取信息处理费0元。",
    "（一）信息处理费收取情况。本年度{self}向申请人发出信息处理费缴费通知{fee_notices}件，申请人逾期未缴纳，实际收取信息处理费0元。",
    "（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况。全年发出收费通知{fee_notices}件，未实际收取信息处理费。",
)
_WORK_PLAN = (
    "（二）落实上级年度政务公开工作要点情况。{self}对照上级印发的{year}年政务公开工作要点逐项分解任务，明确责任人和完成时限，"
    "各项任务均已按期完成。",
    "（二）落实上级年度政务公开工作要点情况。{self}制定了落实年度政务公开工作要点的任务清单，实行清单化管理、销号式推进，"
    "重点任务完成情况每季度报送一次。",
    "（二）落实上级年度政务公开工作要点情况。按照{upper}的统一部署，{self}将年度工作要点确定的任务纳入日常工作，"
    "做到同部署、同落实、同检查。",
)
_NO_PROPOSALS = (
    "（三）人大代表建议和政协提案办理结果公开情况。{year}年，{self}未承办人大代表建议和政协提案。",
    "（三）人大代表建议和政协提案办理结果公开情况。本年度{self}没有承办人大代表建议和政协提案。",
    "（三）人大代表建议和政协提案办理结果公开情况。全年未承办人大代表建议和政协提案，无需公开办理结果。",
)
_PROPOSALS = (
    "（三）人大代表建议和政协提案办理结果公开情况。全年承办人大代表建议{motions}件、政协提案{proposals}件，均已按期办结，"
    "办理复文已按规定公开。",
    "（三）人大代表建议和政协提案办理结果公开情况。{year}年，{self}共承办人大代表建议{motions}件、政协提案{proposals}件，"
    "办复率100%，办理结果全部公开。",
    "（三）人大代表建议和政协提案办理结果公开情况。{self}承办的{motions}件人大代表建议和{proposals}件政协提案均已办结，"
    "除涉及个人隐私的内容外，办理复文全文公开。",
)
_INNOVATION = (
    "（四）政务公开工作创新情况。{self}举办政府开放日活动{open_days}次，邀请群众代表走进机关、参与座谈，面对面听取意见建议。",
    "（四）政务公开工作创新情况。{self}采用“一图读懂”、短视频等形式解读重要政策，让政策解读更加通俗易懂。",
    "（四）政务公开工作创新情况。{self}推动公开事项标准目录向基层延伸，在{service}设置政务公开专区，方便群众一站式查询。",
)
_STATISTICS_NOTE = (
    "（五）其他需要说明的事项。本报告所列数据均来自{self}政府信息公开工作台账，无其他需要说明的事项。",
    "（五）年度报告数据统计需要说明的事项。本年度报告中的数据统计口径与上年度一致，无需要特别说明的事项。",
    "（五）其他事项。{self}无其他需要报告的事项。",
)
_OTHER_T2019 = (
    "无。",
    "{self}本年度无其他需要报告的事项。",
    "本年度没有需要报告的其他事项。",
)

_PLACE_WORDS = {
    # level: (office, boards, service, evaluators, units, unit)
    "镇": ("党政综合办公室", "村务公开栏", "便民服务中心", "村（社区）干部和群众代表", "站所和村", "镇"),
    "乡": ("党政综合办公室", "村务公开栏", "便民服务中心", "村干部和群众代表", "站所和村", "乡"),
    "街道": ("党政办公室", "社区公开栏", "街道党群服务中心", "社区居民代表", "科室和社区", "街道"),
    "县": ("人民政府办公室", "政务公开专区", "县政务服务中心", "人大代表、政协委员和群众代表", "部门和乡镇", "县"),
    "市": ("人民政府办公室", "政务公开专区", "市民服务中心", "人大代表、政协委员和群众代表", "部门和区县", "市"),
    "部门": ("办公室", "服务大厅公开栏", "办事大厅", "服务对象代表", "股室", "单位"),
}


@dataclass(frozen=True)
class _Facts:
    """The words and numbers a report's prose is written from, and the random choices of its wording."""

    template: str
    subject: SampleSubject
    words: Mapping[str, str]
    fee_notices: int
    has_cases: bool
    rng: random.Random
    #: Part 五 texts of last year (numbers left out): this year's is worded otherwise.
    avoid: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        spec: TemplateSpec,
        subject: SampleSubject,
        year: int,
        values: Mapping[CellKey, str],
        rng: random.Random,
        previous: SampleReport | None = None,
    ) -> _Facts:
        def number(table: str, row: str, column: str) -> int:
            return int(values[(table, row, column)])

        def total(row: str) -> int:
            return number("s3", row, "c_total")

        office, boards, service, evaluators, units, unit = _PLACE_WORDS.get(subject.level, _PLACE_WORDS["部门"])
        portal = f"{subject.county}人民政府门户网站"
        web, media = rng.randint(20, 90) * max(1, _VOLUME.get(subject.level, 6) // 4), rng.randint(30, 160)
        reviews = number("s4", "cases", "rv_total")
        lawsuits = number("s4", "cases", "ld_total") + number("s4", "cases", "lr_total")
        words = {
            "year": str(year),
            "next_year": str(year + 1),
            "short": subject.short,
            "self": subject.self_reference,
            "upper": f"{subject.city}人民政府办公室" if subject.level == "县" else f"{subject.county}人民政府办公室",
            "portal": portal,
            "column": f"{portal}政府信息公开专栏" if subject.level == "县" else f"{portal}{subject.short}专栏",
            "account": f"“{subject.short}发布”微信公众号",
            "office": office,
            "boards": boards,
            "service": service,
            "evaluators": evaluators,
            "units": units,
            "unit": unit,
            "focus": "、".join(subject.focus_areas[:3]),
            "first_focus": subject.focus_areas[0],
            "web": str(web),
            "media": str(media),
            "active": str(web + media),
            "boards_count": str(rng.randint(12, 48)),
            "documents": _documents_sentence(spec, values),
            "new": str(total("r1")),
            "carried": str(total("r2")),
            "open": str(total("r1") + total("r2")),
            "done": str(total("r3_7")),
            "pending": str(total("r4")),
            "granted": str(total("r3_1")),
            "partial": str(total("r3_2")),
            "trainings": str(rng.randint(2, 6)),
            "checks": str(rng.randint(2, 4)),
            "open_days": str(rng.randint(1, 3)),
            "motions": str(rng.randint(3, 40)),
            "proposals": str(rng.randint(3, 40)),
            "cases": _cases_sentence(subject, reviews, lawsuits, rng),
        }
        fee_notices = total("r3_6_2") if ("s3", "r3_6_2", "c_total") in values else 0
        words["fee_notices"] = str(fee_notices)
        words["change"] = _change_clause(total("r1"), previous)
        avoid = frozenset(_without_numbers(paragraph) for paragraph in previous.sections.get("s5", ())) if previous else frozenset()
        return cls(spec.id, subject, MappingProxyType(words), fee_notices, bool(reviews or lawsuits), rng, avoid)

    def pick(self, variants: Sequence[str]) -> str:
        """One of the variants, filled in (one not used last year, where that matters), in the body's voice."""
        filled = [variant.format(**self.words) for variant in variants]
        fresh = [text for text in filled if _without_numbers(text) not in self.avoid] if self.avoid else filled
        return self.voiced(self.rng.choice(fresh or filled))

    def voiced(self, text: str) -> str:
        """The text with the body's own word choices (unchanged for a body without a voice)."""
        return _voiced(text, self.subject) if self.subject.voice else text

    def detail(self, variants: Sequence[str]) -> str:
        """A sentence with the body's own numbers, for a body with a voice (nothing otherwise)."""
        if not self.subject.voice or not variants:
            return ""
        return self.voiced(self.rng.choice(variants).format(a=self.rng.randint(2, 60), b=self.rng.randint(2, 900)))

    def paragraphs(self, section: str) -> tuple[str, ...]:
        """The prose of section 一, 五 or 六."""
        if section == "s1":
            return tuple(
                self.pick(variants) + self.detail(details)
                for variants, details in (
                    (_LEAD, _LEAD_DETAILS),
                    (_ACTIVE, ()),
                    (_REQUESTS, _REQUEST_DETAILS),
                    (_MANAGEMENT, _MANAGEMENT_DETAILS),
                    (_PLATFORMS, _PLATFORM_DETAILS),
                    (_OVERSIGHT, _OVERSIGHT_DETAILS),
                )
            )
        if section == "s5":
            problems, measures = (self.composed(_PROBLEMS, _PROBLEM_ITEMS), self.composed(_MEASURES, _MEASURE_ITEMS))
            if self.rng.random() < 0.5:
                return ("（一）存在的主要问题", problems, "（二）改进措施", measures)
            return (problems, measures)
        if self.template == "T2019":
            return (self.pick(_OTHER_T2019),)
        proposals = _NO_PROPOSALS if self.subject.is_township else _PROPOSALS
        fees = _FEES if self.fee_notices else _NO_FEES
        return tuple(
            self.pick(variants) + self.detail(details)
            for variants, details in (
                (fees, _FEE_DETAILS),
                (_WORK_PLAN, _PLAN_DETAILS),
                (proposals, _PROPOSAL_DETAILS),
                (_INNOVATION, _INNOVATION_DETAILS),
                (_STATISTICS_NOTE, _NOTE_DETAILS),
            )
        )

    def composed(self, variants: Sequence[str], items: Sequence[str]) -> str:
        """Part 五's problems or measures: a variant (without a voice), or three of the body's own items (with one)."""
        if not self.subject.voice:
            return self.pick(variants)
        lead = items[0].format(**self.words)
        chosen = self.rng.sample(items[1:], 3)
        text = lead + "；".join(f"{ordinal}是{item.format(**self.words)}" for ordinal, item in zip("一二三", chosen, strict=True)) + "。"
        return self.voiced(text)


def _documents_sentence(spec: TemplateSpec, values: Mapping[CellKey, str]) -> str:
    """What the prose says about 规范性文件, in the template's own terms (B11)."""
    if spec.id == "T2019":
        made, published, total = (values[("s2_20_1", "normative", column)] for column in ("new_made", "new_published", "total_published"))
        return f"全年新制作规范性文件{made}件、新公开{published}件，对外公开规范性文件总数达到{total}件。"
    made, repealed, in_force = (values[("s2_20_1", "normative", column)] for column in ("made", "repealed", "in_force"))
    if made == "0":
        return f"全年未制发行政规范性文件，废止{repealed}件，现行有效行政规范性文件{in_force}件均已公开。"
    return f"全年制发行政规范性文件{made}件，废止{repealed}件，截至年底现行有效{in_force}件，均已按规定公开。"


def _cases_sentence(subject: SampleSubject, reviews: int, lawsuits: int, rng: random.Random) -> str:
    """What the prose says about section 四: "未发生…" only when every case count is 0."""
    if not reviews and not lawsuits:
        return rng.choice(_NO_CASES)
    if reviews and lawsuits:
        return f"全年因政府信息公开工作被申请行政复议{reviews}件、被提起行政诉讼{lawsuits}件，{subject.self_reference}均已依法答复、应诉。"
    if reviews:
        return f"全年因政府信息公开工作被申请行政复议{reviews}件，{subject.self_reference}已依法答复。"
    return f"全年因政府信息公开工作被提起行政诉讼{lawsuits}件，{subject.self_reference}已依法应诉。"


#: Words clerks choose differently: a body with a voice keeps one choice of each, year after year.
_VOICE = {
    "进一步": ("进一步", "持续", "不断"),
    "切实": ("切实", "全面", "有效"),
    "加强": ("加强", "强化", "加大"),
    "严格": ("严格", "认真", "坚决"),
    "及时": ("及时", "第一时间", "按时"),
    "确保": ("确保", "保证", "力求"),
    "群众": ("群众", "居民", "办事群众"),
    "重点": ("重点", "核心", "主要"),
    "开展": ("开展", "组织", "推进"),
    "做到": ("做到", "实现", "坚持"),
    "完善": ("完善", "健全", "优化"),
    "提升": ("提升", "提高", "增强"),
    "按照": ("按照", "依照", "对照"),
    "编制": ("编制", "编写", "起草"),
    "包括": ("包括", "分为", "共有"),
    "工作实际": ("工作实际", "实际情况", "工作情况"),
    "统计期限": ("统计期限", "统计时段", "统计期间"),
    "主要负责同志": ("主要负责同志", "主要领导", "党政主要负责人"),
    "目标责任考核": ("目标责任考核", "绩效考核", "综合考核"),
    "有待提高": ("有待提高", "还需加强", "仍需提升"),
    "平稳有序": ("平稳有序", "扎实有效", "稳步推进"),
}
_VOICE_PATTERN = compiled("|".join(sorted(_VOICE, key=len, reverse=True)))


def _voiced(text: str, subject: SampleSubject) -> str:
    """``text`` with the body's own choice for each word of :data:`_VOICE` (the same choices every time for one body)."""
    choices = random.Random(f"voice|{subject.county}|{subject.short}")
    chosen = {word: choices.choice(options) for word, options in _VOICE.items()}
    return _VOICE_PATTERN.sub(lambda match: chosen[match.group()], text)


def _change_clause(new_total: int, previous: SampleReport | None) -> str:
    """``，较上年增加3件`` (against last year's 本年新收 总计), empty without last year's report."""
    if previous is None:
        return ""
    raw = previous.values.get(("s3", "r1", "c_total"), "")
    if not raw.isdigit():
        return ""
    change = new_total - int(raw)
    if change == 0:
        return "，与上年持平"
    return f"，较上年{'增加' if change > 0 else '减少'}{abs(change)}件"


def _without_numbers(text: str) -> str:
    return "".join(character for character in text if not character.isdigit())


# --------------------------------------------------------------------------- tables on the official grid


@dataclass(frozen=True)
class GridCell:
    """One cell of a section's table as the official form lays it out.

    ``row``/``column`` are its top-left grid position (0-based); ``kind`` is
    ``title`` (第二十条第（一）项), ``note`` (the 勾稽关系 note), ``header``
    (a column label), ``label`` (a row or row-group label) or ``value``.
    """

    text: str
    row: int
    column: int
    kind: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Grid:
    """A section's table: its cells by grid position and the grid's size.

    Rows may be ragged: a value not written shortens its row, an extra value
    lengthens it; every layout writes exactly the cells that are there.
    """

    cells: tuple[GridCell, ...]
    row_count: int
    column_count: int

    def starting_in(self, row: int) -> list[GridCell]:
        """The cells whose top-left corner is in ``row``, left to right."""
        return sorted((cell for cell in self.cells if cell.row == row), key=lambda cell: cell.column)

    def word_fields(self, row: int) -> list[GridCell | None]:
        """The row's cells as Word holds them: a vertically merged cell repeats as an empty cell (None).

        A horizontally merged cell is one cell; this is what Word writes when a
        table is copied as text, and what .docx files store.
        """
        fields: list[GridCell | None] = []
        for cell in sorted(self.cells, key=lambda cell: cell.column):
            if cell.row == row:
                fields.append(cell)
            elif cell.row < row < cell.row + cell.rowspan:
                fields.append(None)
        return fields

    def expanded_fields(self, row: int) -> list[GridCell | None]:
        """The row with one field per grid column it reaches; covered fields are None (HTML/Markdown grids)."""
        by_column: dict[int, GridCell | None] = {}
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan:
                for column in range(cell.column, cell.column + cell.colspan):
                    by_column[column] = cell if (cell.row, cell.column) == (row, column) else None
        width = max(by_column, default=-1) + 1
        return [by_column.get(column) for column in range(width)]


def section_grid(report: SampleReport, section: str, header_style: str = "plain") -> Grid:
    """The table of section 二, 三 or 四 laid out as in the official form, with the report's values."""
    if header_style not in HEADER_STYLES:
        raise ValueError(f"表头写法只能是 {'、'.join(HEADER_STYLES)}，实际为 {header_style!r}")
    tables = report.spec.tables_of(section)
    if not tables:
        raise ValueError(f"“{section}”没有表格：只有第二、三、四部分有表格")
    grid = _form_grid(report, tables[0]) if len(tables) == 1 else _block_grid(report, tables)
    return Grid(tuple(_styled(cell, header_style) for cell in grid.cells), grid.row_count, grid.column_count)


def _styled(cell: GridCell, header_style: str) -> GridCell:
    """A header cell written the chosen way: ``本年新\\n制作数量`` or ``法 律 服 务 机 构``."""
    if cell.kind != "header" or header_style == "plain":
        return cell
    if header_style == "spaced":
        return replace(cell, text=" ".join(cell.text))
    if len(cell.text) < 4:
        return cell
    middle = len(cell.text) // 2
    return replace(cell, text=f"{cell.text[:middle]}\n{cell.text[middle:]}")


def _row_cells(report: SampleReport, table: TableSpec, row: str, grid_row: int, first_column: int, width: int) -> list[GridCell]:
    """The value cells of one row, left-aligned from ``first_column``; the last spans to ``width``."""
    raws = [report.values[(table.id, row, column.id)] for column in table.columns if (table.id, row, column.id) in report.values]
    raws += report.extra_values.get((table.id, row), ())
    cells = [GridCell(raw, grid_row, first_column + index, "value") for index, raw in enumerate(raws)]
    if cells and len(raws) == len(table.columns) and cells[-1].column < width - 1:
        cells[-1] = replace(cells[-1], colspan=width - cells[-1].column)
    return cells


def _block_grid(report: SampleReport, tables: Sequence[TableSpec]) -> Grid:
    """Section 二: one table of blocks, each a title row, a 信息内容 header row and its data rows."""
    width = 1 + max(len(table.columns) for table in tables)
    cells: list[GridCell] = []
    row = 0
    for table in tables:
        cells.append(GridCell(table.title, row, 0, "title", colspan=width))
        headers = [GridCell("信息内容", row + 1, 0, "header")]
        headers += [
            GridCell(_header_label(report, table, column), row + 1, 1 + index, "header") for index, column in enumerate(table.columns)
        ]
        headers[-1] = replace(headers[-1], colspan=width - headers[-1].column)
        cells.extend(headers)
        row += 2
        for spec_row in _written_rows(report, table):
            cells.append(GridCell(report.row_labels.get((table.id, spec_row.id), spec_row.label), row, 0, "label"))
            cells.extend(_row_cells(report, table, spec_row.id, row, 1, width))
            row += 1
    return Grid(tuple(cells), row, max(width, *(cell.column + cell.colspan for cell in cells)))


def _header_label(report: SampleReport, table: TableSpec, column: ColumnSpec) -> str:
    """A column header as a careful clerk writes it: an amount column without an official unit states 万元."""
    written = report.column_labels.get((table.id, column.id))
    if written is not None:
        return written
    return f"{column.label}（万元）" if column.kind == "amount" and column.unit is None else column.label


def _written_rows(report: SampleReport, table: TableSpec) -> list[RowSpec]:
    """The table's rows the report writes (all but those :meth:`SampleReport.without_row` leaves out)."""
    return [row for row in table.rows if (table.id, row.id) not in report.dropped_rows]


def _header_paths(report: SampleReport, table: TableSpec) -> list[tuple[str, ...]]:
    """Each column's header path from the top: (申请人情况, 法人或其他组织, 商业企业) …"""
    groups = {part for column in table.columns if column.group for part in column.group.split("/")}
    roots = tuple(text for text in table.header if text not in groups and "勾稽关系" not in text)
    return [
        (*roots, *(column.group.split("/") if column.group else ()), report.column_labels.get((table.id, column.id), column.label))
        for column in table.columns
    ]


def _form_grid(report: SampleReport, table: TableSpec) -> Grid:
    """Sections 三 and 四: a multi-level header over the value columns, row-group labels down the left."""
    paths = _header_paths(report, table)
    rows = _written_rows(report, table)
    depth = max(len(path) for path in paths)
    label_width = (max(len(row.groups) for row in table.rows) + 1) if any(row.label for row in table.rows) else 0
    cells: list[GridCell] = []
    if label_width:
        note = next((text for text in table.header if "勾稽关系" in text), "")
        cells.append(GridCell(note, 0, 0, "note", rowspan=depth, colspan=label_width))
    cells.extend(_header_cells(paths, depth, label_width))
    for offset, spec_row in enumerate(rows):
        grid_row = depth + offset
        for level, group in enumerate(spec_row.groups):
            previous = rows[offset - 1].groups[: level + 1] if offset else ()
            if previous != spec_row.groups[: level + 1]:
                cells.append(GridCell(group, grid_row, level, "label", rowspan=_group_rowspan(rows, offset, level)))
        if label_width:
            label = report.row_labels.get((table.id, spec_row.id), spec_row.label)
            cells.append(GridCell(label, grid_row, len(spec_row.groups), "label", colspan=label_width - len(spec_row.groups)))
        cells.extend(_row_cells(report, table, spec_row.id, grid_row, label_width, label_width + len(table.columns)))
    row_count = depth + len(rows)
    return Grid(tuple(cells), row_count, max(cell.column + cell.colspan for cell in cells))


def _header_cells(paths: Sequence[tuple[str, ...]], depth: int, first_column: int) -> list[GridCell]:
    """The header rows over the value columns: a label spans the columns below it, a leaf spans down to the data."""
    cells = []
    for level in range(depth):
        index = 0
        while index < len(paths):
            path = paths[index]
            if level >= len(path):  # under a leaf that spans down from above
                index += 1
            elif level == len(path) - 1:
                cells.append(GridCell(path[level], level, first_column + index, "header", rowspan=depth - level))
                index += 1
            else:
                span = 1
                while index + span < len(paths) and _shares_group(paths[index + span], path, level):
                    span += 1
                cells.append(GridCell(path[level], level, first_column + index, "header", colspan=span))
                index += span
    return cells


def _shares_group(path: tuple[str, ...], other: tuple[str, ...], level: int) -> bool:
    """Whether ``path`` sits under the same header label as ``other`` at ``level`` (and goes deeper)."""
    return len(path) > level + 1 and path[: level + 1] == other[: level + 1]


def _group_rowspan(rows: Sequence[RowSpec], start: int, level: int) -> int:
    """How many rows from ``start`` share its row groups down to ``level`` (the group label's rowspan)."""
    prefix = rows[start].groups[: level + 1]
    span = 0
    while start + span < len(rows) and rows[start + span].groups[: level + 1] == prefix:
        span += 1
    return span


# --------------------------------------------------------------------------- text layouts


def _one_line(text: str) -> str:
    return text.replace("\n", " ")


def _grid_text(grid: Grid, layout: str) -> str:
    """A grid flattened the way the layout flattens tables."""
    rows = range(grid.row_count)
    if layout == "tabs":
        return "\n".join("\t".join(cell.text if cell else "" for cell in grid.word_fields(row)) for row in rows)
    if layout == "tab-cells":
        return "\n\n".join("\n".join("\t" + (cell.text if cell else "") for cell in grid.word_fields(row)) for row in rows)
    if layout == "pipes":
        return "\n".join("| " + " | ".join(_one_line(cell.text) for cell in grid.starting_in(row)) + " |" for row in rows)
    if layout == "cells":
        return "\n\n".join(cell.text for row in rows for cell in grid.starting_in(row))
    if layout == "spaces":
        return "\n".join(" ".join(_one_line(cell.text) for cell in grid.starting_in(row) if cell.text) for row in rows)
    if layout == "markdown":
        lines = ["| " + " | ".join(_one_line(cell.text) if cell else "" for cell in grid.expanded_fields(row)) + " |" for row in rows]
        return "\n".join([lines[0], "|" + " --- |" * grid.column_count, *lines[1:]])
    if layout in RUNNING_LAYOUTS:
        joiner = " " if layout == "running" else ""
        return joiner.join(_one_line(cell.text) for row in rows for cell in grid.starting_in(row) if cell.text)
    raise ValueError(f"未知的版式 {layout!r}（可用：{'、'.join((*LAYOUTS, *RUNNING_LAYOUTS))}）")


def _blocks(report: SampleReport) -> Iterator[tuple[str, str]]:
    """The report in reading order as (kind, text): title, paragraph, heading, table (section id), signature.

    Empty texts (no title, no period sentence, no signature) are not written.
    """
    for line in report.preamble:
        yield "paragraph", line
    if report.title:
        yield "title", report.title
    for paragraph in (*report.intro, report.period):
        if paragraph:
            yield "paragraph", paragraph
    for section in report.order:
        if report.headings[section]:
            yield "heading", report.headings[section]
        for paragraph in report.sections.get(section, ()):
            yield "paragraph", paragraph
        if report.spec.tables_of(section) and section not in report.tableless:
            yield "table", section
    for line in (report.signature, report.date):
        if line:
            yield "signature", line


def render(report: SampleReport, layout: str = "tabs", header_style: str = "plain") -> str:
    """The report's full text in one of :data:`LAYOUTS`.

    ``tabs``: tab-separated rows as Word copies them (a row-group label shares
    the line with its first sub-row; later sub-rows start with an empty cell).
    ``cells``: one cell per paragraph, blank lines between (a blank cell is an
    empty paragraph). ``tab-cells``: each cell on its own line after a tab, a
    blank line between rows, a blank cell a lone tab. ``pipes``: ``| 规章 | 0 |``
    rows of a scraped web table. ``markdown``: ``#`` headings and pipe tables with
    a delimiter row. ``spaces``: PDF text, one line per row, cells separated by
    spaces, empty cells lost. ``running``: the whole report on one line, blocks
    and cells separated by a space (a page copied without its line breaks);
    ``packed``: the same with every table's cells written together
    (``规章000行政规范性文件693``). ``header_style`` is one of :data:`HEADER_STYLES`.
    """
    if layout not in LAYOUTS and layout not in RUNNING_LAYOUTS:
        raise ValueError(f"未知的版式 {layout!r}（可用：{'、'.join((*LAYOUTS, *RUNNING_LAYOUTS))}）")
    markdown = layout == "markdown"
    parts = []
    for kind, text in _blocks(report):
        if kind == "table":
            parts.append(_grid_text(section_grid(report, text, header_style), layout))
        elif markdown and kind in ("title", "heading"):
            parts.append(("# " if kind == "title" else "## ") + text)
        else:
            parts.append(text)
    if layout in RUNNING_LAYOUTS:
        return " ".join(_one_line(part) for part in parts) + "\n"
    return "\n\n".join(parts) + "\n"


def _html_text(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _html_table(grid: Grid) -> str:
    lines = ['<table border="1" cellspacing="0" cellpadding="4">']
    for row in range(grid.row_count):
        cells = []
        for cell in grid.starting_in(row):
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            cells.append(f"<td{spans}>{_html_text(cell.text)}</td>")
        lines.append("  <tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def render_html(report: SampleReport, header_style: str = "plain") -> str:
    """The report as a complete web page: headings, paragraphs and real tables with rowspan/colspan."""
    body = []
    for kind, text in _blocks(report):
        if kind == "title":
            body.append(f"<h1>{_html_text(text)}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{_html_text(text)}</h2>")
        elif kind == "table":
            body.append(_html_table(section_grid(report, text, header_style)))
        elif kind == "signature":
            body.append(f'<p style="text-align: right">{_html_text(text)}</p>')
        else:
            body.append(f"<p>{_html_text(text)}</p>")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(report.title)}</title>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def write_docx(report: SampleReport, path: Path, header_style: str = "plain") -> Path:
    """Write the report as a Word file with real merged cells (``cell.merge``); needs python-docx.

    Headings use Word's heading styles, tables the ``Table Grid`` style; a cell
    written over two lines holds a line break. Rows shortened by
    :meth:`SampleReport.without_cell` lose their trailing cells.
    """
    import docx  # a test-only dependency: imported only when a .docx is written

    document = docx.Document()
    for kind, text in _blocks(report):
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "table":
            _docx_table(document, section_grid(report, text, header_style))
        else:
            document.add_paragraph(text)
    path = Path(path)
    document.save(str(path))
    return path


def _docx_table(document: Any, grid: Grid) -> None:
    """Add the grid as a Word table: text in each cell's top-left grid cell, spans merged, ragged rows trimmed."""
    from docx.table import _Cell  # what Table.cell() returns; built directly because Table.cell() is O(table size)

    table = document.add_table(rows=grid.row_count, cols=grid.column_count)
    table.style = "Table Grid"
    word_rows = list(table._tbl.tr_lst)
    grid_cells = [list(word_row.tc_lst) for word_row in word_rows]  # taken before merging removes any
    for cell in grid.cells:
        target = _Cell(grid_cells[cell.row][cell.column], table)
        target.text = cell.text
        if cell.rowspan > 1 or cell.colspan > 1:
            target.merge(_Cell(grid_cells[cell.row + cell.rowspan - 1][cell.column + cell.colspan - 1], table))
    for row, word_row in enumerate(word_rows):
        reached = len(grid.expanded_fields(row))
        while word_row.tc_lst and _grid_width(word_row) > reached:
            word_row.remove(word_row.tc_lst[-1])


def _grid_width(word_row: Any) -> int:
    """How many grid columns a Word table row's cells cover."""
    return sum(tc.grid_span for tc in word_row.tc_lst)


# --------------------------------------------------------------------------- batches


def _bump_total(report: SampleReport) -> SampleReport:
    return report.with_cell("s3", "r1", "c_total", str(int(report.value("s3", "r1", "c_total") or 0) + 1))


#: Defects a batch injects, by name: each takes a report and returns it with that defect.
DEFECTS: Mapping[str, Callable[[SampleReport], SampleReport]] = MappingProxyType(
    {
        "broken-total": _bump_total,
        "blank-cell": lambda report: report.with_cell("s3", "r3_1", "c_np", ""),
        "extra-value": lambda report: report.with_extra_value("s4", "cases", "0"),
        "sibling-township": lambda report: report.with_sibling_mention("s5"),
        "title-duplicate": lambda report: report.with_title(report.title.replace("公开", "公开公开", 1)),
        "title-without-year-character": lambda report: report.with_title(report.title.replace("年政府", "政府", 1)),
        "non-numeric-cell": lambda report: report.with_cell("s3", "r3_1", "c_np", "无"),
        "unclosed-bracket": lambda report: report.with_text_replaced("（以下简称《条例》）", "（以下简称《条例》"),
        "half-width-comma": lambda report: report.with_text_replaced("，", ",", 2),
        "short-period": lambda report: report.with_text_replaced("12月31日", "6月30日"),
    }
)


def write_batch(directory: Path, count: int, seed: int = 0, most_defects: int = 1, clean_share: float = 1 / 6) -> dict[str, int]:
    """Write ``count`` sample reports into ``directory`` as a supervising office receives them; return how often each defect was injected.

    Each report is of another body (a township of :func:`township_subjects`,
    writing in its own voice), as when every township of a region sends its
    report; they vary in template and year (2019 format for 2020, 2021 format
    for 2021 and 2022), layout (every one of :data:`LAYOUTS` and HTML) and
    wording. About ``clean_share`` of them are left clean; each other one gets
    between one and ``most_defects`` distinct defects of :data:`DEFECTS`. The
    same arguments always write the same files (``r00000.txt`` …).
    """
    rng = random.Random(seed)
    kinds: Counter[str] = Counter()
    subjects = township_subjects(count, seed)
    for number in range(count):
        template, year = rng.choice((("T2019", 2020), ("T2021", 2021), ("T2021", 2022)))
        report = SampleReport.build(template, year, subject=subjects[number], seed=number)
        chosen = [] if rng.random() < clean_share else rng.sample(sorted(DEFECTS), rng.randint(1, most_defects))
        for name in chosen:
            try:
                report = DEFECTS[name](report)
            except ValueError:  # the wording of this report has no place for the defect
                continue
            kinds[name] += 1
        if not chosen:
            kinds["none"] += 1
        layout = rng.choice((*LAYOUTS, "html"))
        if layout == "html":
            (directory / f"r{number:05d}.html").write_text(render_html(report), encoding="utf-8")
        else:
            suffix = ".md" if layout == "markdown" else ".txt"
            (directory / f"r{number:05d}{suffix}").write_text(render(report, layout), encoding="utf-8")
    return dict(kinds)


#: Cross-document defects :func:`write_year_batch` injects, and what finds each.
YEAR_DEFECTS = ("carry-over", "copied-paragraph", "unchanged-problems", "wrong-change")


def _write(report: SampleReport, directory: Path, name: str, layout: str) -> str:
    """Write one report in a layout (``html`` or one of :data:`LAYOUTS`); return the file name."""
    if layout == "html":
        filename = f"{name}.html"
        (directory / filename).write_text(render_html(report), encoding="utf-8")
    else:
        filename = f"{name}{'.md' if layout == 'markdown' else '.txt'}"
        (directory / filename).write_text(render(report, layout), encoding="utf-8")
    return filename


def write_year_batch(directory: Path, count: int, seed: int = 0, share: float = 0.05) -> dict[str, list[str]]:
    """Write ``count`` reports of ``count // 2`` bodies, two consecutive years each, with cross-document defects; return where each is.

    Half the bodies report 2020 (2019 format) and 2021 (2021 format, across the
    switch), the other half 2021 and 2022. Each body is a township of
    :func:`township_subjects` writing in its own voice; its second year
    continues its first (:meth:`SampleReport.next_year`). About ``share`` of
    the bodies get each defect of :data:`YEAR_DEFECTS` in their second year:
    ``carry-over`` (上年结转 off by one, RL701), ``copied-paragraph`` (a
    paragraph of part 一 taken word for word from another body's report, RL704),
    ``unchanged-problems`` (part 五 as last year's, only the years changed,
    RL703) and ``wrong-change`` (the stated change against last year off by
    two, RL705); a body gets one defect at most. Files are ``b00000-2020.txt`` …; the result maps each defect
    to the files that have it (the second year's file).
    """
    rng = random.Random(f"year-batch|{seed}")
    bodies = township_subjects(count // 2, seed)
    layouts = (*LAYOUTS, "html")
    injected: dict[str, list[str]] = {name: [] for name in YEAR_DEFECTS}
    donors: list[SampleReport] = []
    for number, subject in enumerate(bodies):
        first_year = 2020 if number % 2 == 0 else 2021
        first = SampleReport.build("T2019" if first_year <= 2020 else "T2021", first_year, subject, seed=number)
        draw = rng.random()
        defects = {YEAR_DEFECTS[int(draw / share)]} if draw < share * len(YEAR_DEFECTS) else set()
        try:
            second = first.next_year(seed=number, carry_over_error=1 if "carry-over" in defects else 0)
        except ValueError:  # no application to move
            defects.discard("carry-over")
            second = first.next_year(seed=number)
        if "unchanged-problems" in defects:
            problems = tuple(
                paragraph.replace(str(first.year + 1), str(second.year + 1)).replace(str(first.year), str(second.year))
                for paragraph in first.sections["s5"]
            )
            second = second.with_section("s5", problems)
        same_year = [donor for donor in donors if donor.year == second.year]
        if "copied-paragraph" in defects and same_year:
            # The problems of part 五 taken from another township's report of the same year, its wording kept
            # (each report is copied from once: a text many reports share is boilerplate, not a copy).
            donor = same_year[rng.randrange(len(same_year))]
            donors.remove(donor)
            theirs = next(paragraph for paragraph in donor.sections["s5"] if "不足" in paragraph)
            second = second.with_section("s5", [theirs if "不足" in paragraph else paragraph for paragraph in second.sections["s5"]])
        else:
            defects.discard("copied-paragraph")
        if "wrong-change" in defects:
            second, changed = _wrong_change(second)
            if not changed:
                defects.discard("wrong-change")
        donors.append(second)
        _write(first, directory, f"b{number:05d}-{first.year}", rng.choice(layouts))
        name = _write(second, directory, f"b{number:05d}-{second.year}", rng.choice(layouts))
        for defect in defects:
            injected[defect].append(name)
    return injected


def _wrong_change(report: SampleReport) -> tuple[SampleReport, bool]:
    """The report with its stated change against last year (``较上年增加3件``) off by two."""
    import re as _re

    for paragraph in report.sections["s1"]:
        found = _re.search(r"较上年(增加|减少)(\d+)件", paragraph)
        if found:
            wrong = f"较上年{found.group(1)}{int(found.group(2)) + 2}件"
            return report.with_text_replaced(found.group(), wrong), True
        if "与上年持平" in paragraph:
            return report.with_text_replaced("与上年持平", "较上年增加2件"), True
    return report, False


def write_reports(folder: Path, reports: Mapping[str, SampleReport]) -> dict[str, Path]:
    """Write each report as the file named by its key, in the format its extension says; return the paths by name.

    ``.html`` is a web page (:func:`render_html`), ``.docx`` a Word file
    (:func:`write_docx`, needs python-docx), ``.md`` Markdown, anything else
    text with tab-separated table rows.
    """
    folder = Path(folder)
    paths = {}
    for name, report in reports.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".html":
            path.write_text(render_html(report), encoding="utf-8")
        elif path.suffix == ".docx":
            write_docx(report, path)
        elif path.suffix == ".md":
            path.write_text(render(report, "markdown"), encoding="utf-8")
        else:
            path.write_text(render(report, "tabs"), encoding="utf-8")
        paths[name] = path
    return paths
