"""The places of a report: its subject on the map, and every place it names, judged against the subject.

This module is the bridge between reports and the gazetteer: the RL4 rules and
``reportlint parse`` read :attr:`Report.places <reportlint.core.report.Report.places>`,
a :class:`PlaceAnalysis` computed once per report, and never talk to the
gazetteer themselves.  Nothing here loads the gazetteer until that property is
first read, so a run without place rules never pays for it.

What the analysis holds:

* the gazetteer of the configuration (the shipped one, or the ``[places]``
  ``data-file`` with its ``extra`` places; see :mod:`reportlint.places.settings`);
* the **subject**: the reporting body resolved to one place (a config-pinned
  name first, else the most specific of the names in the title, the issuer line
  and the signature), or the candidates it could still be;
* every **place mention** of the text (full names only, see
  :mod:`reportlint.places.matcher`) with its :class:`Relation` to the subject
  (the subject itself, a parent, a place inside it, a sibling township of the
  same county, a place of the same county, city or province, a place elsewhere,
  or undecidable) and where it stands: the section, whether its sentence is one
  where the report talks about itself (``我镇…``, ``本镇…``, ``XX镇将…``),
  whether the name is written as if it were the reporting body, whether the
  sentence is about cooperation with another place, and whether the name is
  inside a cited document title (``《…》``);
* the **written hierarchies**: adjacent full names such as ``秦安县兴国镇`` and
  whether the gazetteer has the first containing the second.

Self-references (``我镇``, ``本局`` …) are found without the gazetteer
(:mod:`reportlint.text.self_references`), so the rule on them stays cheap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from reportlint.core.config import Config
from reportlint.core.frozen import positional_maker
from reportlint.places.divisions import TOWNSHIP_LEVEL, Place
from reportlint.places.gazetteer import Gazetteer
from reportlint.places.matcher import PlaceMention
from reportlint.places.relations import Relation, RelationJudge
from reportlint.places.settings import load_gazetteer, place_settings
from reportlint.places.subject import SubjectResolution, resolve_subject
from reportlint.places.vocabulary import ACTOR_FOLLOW
from reportlint.text.chars import HAN, SEMICOLONS, SENTENCE_STOPS
from reportlint.text.ordinals import ORDINAL_CHARS, section_number
from reportlint.text.segmentation import Span
from reportlint.text.self_references import GOVERNMENT_SELF_NOUNS, SelfReference, find_self_references
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.template.identity import Subject, TextSpan
    from reportlint.template.reading import Reading
    from reportlint.template.sections import FoundSection

# --------------------------------------------------------------------------- text context

#: Characters that end a sentence within a line, full width and folded.
_IN_LINE_BREAKS = SENTENCE_STOPS + SEMICOLONS
#: Characters that end a sentence (or a table line).
SENTENCE_BREAKS = _IN_LINE_BREAKS + "\n"
_SENTENCE_BREAK = compiled(f"[{SENTENCE_BREAKS}]")
_CITATION = compiled(r"《[^《》\n]{1,120}》")
#: An enumeration marker that may open a clause: 一是、（二）、3.、四、.
_ENUMERATION_MARKER = r"(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]|[一二三四五六七八九十]{1,3}、)"
#: When a clause's actor did what it did: the year (“2024年全年，”), or the date a state is told at
#: (“截至2025年12月31日，莲花镇未开通……”); not another date (“2021年8月，通渭县的经验……”: news of another place).
_CLAUSE_TIME = (
    r"(?:\d{4}[ \u3000]*年度?(?:[ \u3000]*1[ \u3000]*[-—–~至到][ \u3000]*12[ \u3000]*月(?:份)?)?"  # (2024年1-12月，)
    r"|(?:截至|截止)[ \u3000]*\d{4}[ \u3000]*年(?:底|末|[ \u3000]*\d{1,2}[ \u3000]*月(?:[ \u3000]*\d{1,2}[ \u3000]*日)?(?:底|末)?)?)"
    r"(?:[ \u3000]*(?:全年|年内))?"  # 2024年全年，
)
# Before a name used as the actor of a clause: a clause boundary, then maybe an
# enumeration marker (一是、（二）、3.) and the time it did it ("2022年，", "本年度", "全年").
_CLAUSE_LEAD = compiled(
    r"(?:^|[\n\t,，。；;:：！!？?])[ \u3000]*"
    rf"(?:{_ENUMERATION_MARKER}[ \u3000]*)?"
    rf"(?:(?:{_CLAUSE_TIME}|本年度?|今年|全年|年内)[ \u3000]*[,，]?[ \u3000]*)?$"
)
_CLAUSE_LEAD_WINDOW = 24
# A clause opening with the year ("2022年，莲花镇收到…", "2022年度，莲花镇无…"): the name there is the body the
# sentence is about, whatever it does; and where a report gives its own contact ("请与莲花镇党政办联系").
_YEAR_OR_CONTACT_LEAD = compiled(
    rf"(?:(?:^|[\n\t,，。；;:：！!？?])[ \u3000]*{_CLAUSE_TIME}[ \u3000]*[,，]?|请与|可与|请联系|联系单位[:：])[ \u3000]*$"
)
#: The last character of what :data:`_YEAR_OR_CONTACT_LEAD` matches (tested first: most names follow none of them).
_YEAR_OR_CONTACT_END = frozenset("年度底末月日内,，与系:： \u3000")
#: A verb of making that opens a sentence or a clause with no subject, after an ordinal: the body made what the name
#: before it is ("制定莲花镇政务公开监督检查制度", "……工作，完成莲花镇政务专区建设").
_OWN_WORK_BEFORE = compiled(
    r"(?:^|[\n。；;!?！？,，])[ \u3000\t]*"
    rf"{_ENUMERATION_MARKER}?[ \u3000]*"
    r"(?:制定|建立健全|建立|健全|完善|印发|出台|编制|修订|成立|组建|完成|建成|打造|搭建"
    r"|(?:积极|充分)?(?:运用|利用|依托))了?[ \u3000]*$"  # its own channels: 积极运用莲花镇便民服务公众号
)
#: The last character of what :data:`_OWN_WORK_BEFORE` matches (tested first).
_OWN_WORK_END = frozenset("定立全善发台制订组建成造用托了 \u3000")
#: What follows a body's name in the report's own name (某乡 + 2019年度政府信息公开工作年度报告, 2024年政务公开工作,
#: 某镇人民政府 + 信息公开工作年度报告) or its own
#: budget (某镇 + 2025年度财政预算), or when its disclosure work is meant (某镇 + 政府信息公开工作; not its leading group or its experience, which others may learn from).
_REPORT_NAME_AFTER = compiled(
    r"(?:人民政府|政府|办事处)?[ \u3000]*(?:"
    # (某镇人民政府2022年度信息公开工作年度报告: 政府 written once, for the organ and the report's name)
    r"(?:19|20)\d\d[ \u3000]*年[ \u3000]*度?[ \u3000]*(?:政府信息公开|政务公开|信息公开|(?:财政|部门|政府)?(?:预算|决算))"
    r"|(?:政府信息公开|政务公开|信息公开)工作(?!领导|小组|办公室|经验|做法|先进)"
    r"|(?:政府信息公开|政务公开|信息公开)(?:年度报告|水平)"  # (特编制2020年度某镇政府信息公开年度报告, 提高某街道信息公开水平)
    r"|政府信息(?:和|与|及)政务公开"  # (全文包括某街道办事处政府信息和政务公开2022年度重点工作情况)
    r"|(?:政府)?信息公开情况"  # (结合2020年度某街道办事处信息公开情况编制)
    r"|信息公开工作年度报告)"  # (某镇人民政府 + 信息公开工作年度报告: the organ's 政府 is the report name's)
)
#: What follows a body's name that a report says it was made by (由某街道办事处编制, 由某镇人民政府根据……).
_MADE_BY_AFTER = compiled(
    r"(?:人民政府|政府|办事处|党政办公室|党政综合办公室|党政办|办公室){0,2}"
    r"(?:[^，。；,;]{0,40}?(?:编制|编写|起草|制作)|[ \u3000]*(?:根据|依据|按照))"  # (由某镇人民政府根据《条例》……编制: the documents may be long)
)
#: A body's organ after its place name, if written (某镇人民政府, 某街道办事处, 某镇党委).
_ORGAN = "(?:人民政府|政府|办事处|街道办事处|党委|党工委)?"
#: Before a body's name that a report says it was made by, its county's name between (由某区某街道办事处编制).
_MADE_BY_PARENT = compiled(f"由[{HAN}]{{1,8}}?[市州县区旗盟][ \u3000]*$")
#: The last character of what :data:`_MADE_BY_PARENT` matches (tested first).
_PARENT_END = frozenset("市州县区旗盟 \u3000")
#: After “以” and a body's name: the name its documents are issued in (以某街道办事处名义制发).
_IN_THE_NAME_AFTER = compiled(rf"{_ORGAN}[ \u3000]*(?:的)?名义")
#: What may follow a body's name on a line of its own: its organ, blanks.
_ORGAN_ALONE = compiled(rf"{_ORGAN}[ \u3000\t]*")
#: Before a name that opens a document's title: 《, maybe with the names of the places above it (《某县莲花镇…》).
_OWN_DOCUMENT_BEFORE = compiled(r"《(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|县|区|旗))*\Z")
#: A township's own online channels, after its name (maybe with its organ, maybe quoted): 公众号, 官网, 官方微博, 子站,
#: 信息公开平台 …
#: (not its service halls: residents near a border go to a neighbour's 便民服务中心, and a report may say so).
_OWN_CHANNEL_AFTER = compiled(
    r"(?:人民政府|政府|党委|办事处|党政办)?[”\"」』]?(?:官方)?(?:微信)?"
    r"(?:公众号|官网|官方网站|门户网站|网站|政务微博|微博|子站|(?:政府)?信息公开(?:网站|网|平台|专栏)|政务公开(?:网站|平台|专栏))"
)
#: An address given in a sentence (the report's contact: “请与……联系（地址：……，电话：……）”).
_ADDRESS = compiled(r"地址[ \u3000]*[:：]")
#: How far before an address's sentence its contact request is looked for (“请联系某乡政府。地址：……”).
_CONTACT_BEFORE_ADDRESS = 24
# "我镇（莲花镇）", "莲花镇（以下简称我镇）".
_SELF_BEFORE_BRACKET = compiled(r"[我本](?:" + "|".join(GOVERNMENT_SELF_NOUNS) + r")[ \u3000]*[（(][ \u3000]*$")
_BRACKET_SELF_AFTER = compiled(
    r"(?:人民政府|政府)?[ \u3000]*[（(][ \u3000]*(?:以下简称|下称|简称)?[“\"]?[我本](?:" + "|".join(GOVERNMENT_SELF_NOUNS) + ")"
)
_APPOSITION_WINDOW = 8
#: Words of sentences about working with another place: naming it there is expected (patterns). Not 学习 or 交流
#: alone: "全面学习贯彻……" opens most reports, "政民互动交流" names a channel, and a town copied into that sentence
#: from another town's report went unreported.
COOPERATION_WORDS = (
    "对接",
    "结对",
    "帮扶",
    "协作",
    "对口",
    "合作",
    "(?<!互动)交流(?!渠道|平台)",
    "共建",
    "联建",
    "援建",
    "支援",
    "挂职",
    "观摩",
    "参观",
    "考察",
    "调研",
    "借鉴",
    "取经",
    "学习(?:考察|交流|借鉴|先进|经验)",
    "向[^，。；,;]{2,15}学习",
    "座谈",
    "互访",
    "赴",
    "前往",
    "邀请",
    "来自",
    "签约",
    "签订",
    "联合",
    "联动",
    "毗邻",
    "接壤",
    "交界",
    "相邻",
    "[东南西北](?:邻|连|接|靠|界|临)",  # a township's neighbours, in its description (东邻陂洋镇，西连河东镇)
    "跨区域",
    "异地",
)
_COOPERATION = compiled("|".join(COOPERATION_WORDS))
#: A leader's visit or inspection, named before a cooperation word (“习近平总书记考察上海”, “总书记在湖北考察时”): what
#: the body studies, not whom it works with.
_LEADERS_VISIT = compiled(r"(?:总书记|总理|委员长|主席)[^，。；,;]{0,6}$")
#: How far before a cooperation word a leader's visit is looked for.
_LEADERS_VISIT_WINDOW = 12


@dataclass(frozen=True)
class _TextContext:
    """Sentences, document titles and self-references of one text, found once."""

    text: str
    citations: tuple[Span, ...]
    self_references: tuple[SelfReference, ...]
    marks: tuple[str, ...] = tuple(_IN_LINE_BREAKS)  # the sentence breaks within a line the text has

    @classmethod
    def of(cls, text: str) -> _TextContext:
        """The context of ``text`` (the normalised view)."""
        return cls(
            text,
            tuple(Span(match.start(), match.end()) for match in _CITATION.finditer(text)),
            tuple(find_self_references(text)),
            tuple(mark for mark in _IN_LINE_BREAKS if mark in text),
        )

    @cached_property
    def _self_reference_starts(self) -> list[int]:
        return [item.start for item in self.self_references]  # in text order

    def sentence(self, position: int) -> Span:
        """The sentence (or table line) holding ``position``, without its end mark.

        Only the marks the text has are searched for backwards (a mark it lacks would be searched for back to its start),
        and, a line break being a mark, only back to the start of the line.
        """
        text = self.text
        before = text.rfind("\n", 0, position)  # the last break before the position found so far
        for mark in self.marks:
            before = max(before, text.rfind(mark, before + 1, position))
        end = _SENTENCE_BREAK.search(text, position)
        return Span(before + 1, end.start() if end is not None else len(text))

    def sentences(self, positions: Iterable[int]) -> list[Span]:
        """:meth:`sentence` of each of ascending ``positions``: a position inside the sentence of the one before has that
        sentence (no break lies between them), found once."""
        found: list[Span] = []
        for position in positions:
            if found and found[-1].start <= position < found[-1].end:
                found.append(found[-1])
            else:
                found.append(self.sentence(position))
        return found

    def citation(self, start: int, end: int) -> Span | None:
        """The ``《…》`` title the range lies in, if any."""
        return next((span for span in self.citations if span.start < start and end < span.end), None)

    def has_self_reference(self, sentence: Span) -> bool:
        """The sentence holds a 我镇/本局… self-reference."""
        starts = self._self_reference_starts
        index = bisect_left(starts, sentence.start)
        return index < len(starts) and starts[index] < sentence.end

    def is_made_by_the_body(self, mention: PlaceMention) -> bool:
        """The name right after a verb that opens a subject-less sentence or clause about the body's own work: “（四）监督
        保障情况。制定莲花镇政务公开监督检查制度”, “……，完成莲花镇政务专区建设”: a thing the body made under another
        place's name (reports leave their own name out of most sentences about their work)."""
        window = max(0, mention.start - _CLAUSE_LEAD_WINDOW)
        return (
            self.text[mention.start - 1 : mention.start] in _OWN_WORK_END
            and _OWN_WORK_BEFORE.search(self.text, window, mention.start) is not None
        )

    def names_own_document(self, mention: PlaceMention) -> bool:
        """A township's name opens a ``《…》`` title, maybe after its county's (“《莲花镇政府信息公开规定》”): a township's
        report cites its own rules so, never another township's."""
        return names_a_township(mention) and (
            _OWN_DOCUMENT_BEFORE.search(self.text, max(0, mention.start - _CLAUSE_LEAD_WINDOW), mention.start) is not None
        )

    def names_own_channel(self, mention: PlaceMention) -> bool:
        """A township's name right before its online channels (“建设弼佑镇人民政府公众号”, “通过区政府门户网站分水亭镇子站
        公开”): a township's report publishes through its own, never another's."""
        return names_a_township(mention) and _OWN_CHANNEL_AFTER.match(self.text, mention.end) is not None

    def stands_alone(self, mention: PlaceMention) -> bool:
        """The name is a line of its own, maybe with its organ (“莲花镇人民政府”): the issuer line above a report, or its
        signature."""
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        line_end = self.text.find("\n", mention.end)
        return (
            not self.text[line_start : mention.start].strip()
            and _ORGAN_ALONE.fullmatch(self.text, mention.end, len(self.text) if line_end < 0 else line_end) is not None
        )

    def names_the_report(self, mention: PlaceMention) -> bool:
        """The name opens the report's own name (“特向社会公开川主乡2019年度政府信息公开工作年度报告”), names whose
        disclosure work the report is about (“结合项铺镇政府信息公开工作有关统计数据”), who made it (“由建章路街道办事处
        编制”) or in whose name the body issues its documents (“以岳城街道办事处名义制发的公文”)."""
        before = self.text[mention.start - 1 : mention.start]
        made_by = before == "由" or (before in _PARENT_END and _MADE_BY_PARENT.search(self.text, max(0, mention.start - 12), mention.start))
        return (
            _REPORT_NAME_AFTER.match(self.text, mention.end) is not None
            or (made_by and _MADE_BY_AFTER.match(self.text, mention.end) is not None)
            or (before == "以" and _IN_THE_NAME_AFTER.match(self.text, mention.end) is not None)
        )

    def gives_address(self, sentence: Span) -> bool:
        """The sentence gives the body's contact address (“请与……联系（地址：闽侯县洋里乡……）”, “联系地址：……”); an
        address without 联系 may be another office's (“可到省政务服务中心（地址：……）申请”). 联系 may end the sentence
        before (“如有疑问，请联系某乡政府。地址：……”)."""
        if _ADDRESS.search(self.text, sentence.start, sentence.end) is None:
            return False
        # (or the sentence before ends asking to contact the body: “请联系某乡政府。地址：……”)
        return "联系" in self.text[max(0, sentence.start - _CONTACT_BEFORE_ADDRESS) : sentence.end]

    def is_cooperation(self, sentence: Span, mentions: Sequence[PlaceMention] = ()) -> bool:
        """The sentence is about working with another place (结对、帮扶、学习考察 …); a word of ``mentions``, the place
        names found, is none (交流 of “交流岛街道”), nor is a leader's visit the body studies (“围绕习近平总书记考察上海重要讲话”)."""
        return any(
            not any(mention.start <= match.start() < mention.end for mention in mentions)
            and _LEADERS_VISIT.search(self.text, max(sentence.start, match.start() - _LEADERS_VISIT_WINDOW), match.start()) is None
            for match in _COOPERATION.finditer(self.text, sentence.start, sentence.end)
        )

    def is_actor(self, mention: PlaceMention) -> bool:
        """The name starts a clause and is followed by what a reporting body does ("莲花镇下一阶段将"), or starts a
        clause that opens with the year ("2022年，莲花镇收到…"), or names the report's contact ("请与莲花镇…联系")."""
        window = max(0, mention.start - _CLAUSE_LEAD_WINDOW)
        if ACTOR_FOLLOW.match(self.text, mention.end) is not None:  # one match, and it rarely succeeds: before the search of the window
            return _CLAUSE_LEAD.search(self.text, window, mention.start) is not None
        return (
            mention.start > 0
            and self.text[mention.start - 1] in _YEAR_OR_CONTACT_END
            and _YEAR_OR_CONTACT_LEAD.search(self.text, window, mention.start) is not None
        )

    def is_apposition(self, mention: PlaceMention) -> bool:
        """The name is bracketed with a self-reference: "我镇（莲花镇）", "莲花镇（以下简称我镇）"."""
        window = max(0, mention.start - _APPOSITION_WINDOW)
        return (
            _SELF_BEFORE_BRACKET.search(self.text, window, mention.start) is not None
            or _BRACKET_SELF_AFTER.match(self.text, mention.end) is not None
        )


def names_a_township(mention: PlaceMention) -> bool:
    """Whether every place a mention may be is a township (乡、镇、街道)."""
    return all(place.level == TOWNSHIP_LEVEL for place in mention.candidates)


# --------------------------------------------------------------------------- results


#: What ``reportlint parse`` says when the subject stays ambiguous.
AMBIGUOUS_SUBJECT_NOTE = "报告主体未能唯一确定：RL401、RL402 只报告对每个候选都成立的情况，RL404 只报告与每个候选都不同省的规定"


@dataclass(frozen=True)
class SubjectPlace:
    """The report's subject on the map.

    ``name`` is the subject name that was resolved (``秦安县兴国镇人民政府``),
    ``origin`` where it was read (标题、发文单位行、落款、配置), ``level`` the body
    level the reader found (镇、街道、部门 …).  ``resolution`` holds the place or,
    while ambiguous, the candidates, and the evidence; ``parents`` are the
    resolved place's parents, province first (empty while unresolved).
    """

    name: str
    origin: str
    level: str
    resolution: SubjectResolution
    parents: tuple[Place, ...]

    @property
    def place(self) -> Place | None:
        """The one place the subject is, or None."""
        return self.resolution.place

    @property
    def in_running(self) -> tuple[Place, ...]:
        """The place, or every candidate it may still be."""
        return (self.place,) if self.place is not None else self.resolution.candidates

    @property
    def is_ambiguous(self) -> bool:
        """Several places may be the subject; place rules then report only what holds for all of them."""
        return self.place is None and len(self.resolution.candidates) > 1

    @property
    def label(self) -> str:
        """How messages name the subject: a department as written, a place with its direct parent (``秦安县兴国镇``)."""
        if self.level == "部门":
            return self.name
        if self.place is None:
            return self.resolution.name
        return "".join(parent.name for parent in self.parents[-1:]) + self.place.name


@dataclass(frozen=True)
class PlaceReference:
    """One place mention of the report, judged against the subject.

    ``relation`` is the closest relation any candidate of the name has to the
    subject (a name shared by many towns is taken to mean the nearest one) and
    ``place`` the candidate it rests on (None when undecidable).  ``where`` is a
    Chinese location (标题、第五部分、开头部分、落款 …) and ``section_id`` the
    template section.  ``self_talk``: the sentence is one where the report talks
    about itself; ``named_as_subject``: the name itself is written as the
    reporting body (the subject name in the title or signature, the actor of a
    clause such as "莲花镇下一阶段将", bracketed with 我镇, or opening the report's
    own name "公开莲花镇2019年度政府信息公开工作年度报告"); ``cooperation``:
    the sentence is about working with another place; ``citation``: the ``《…》``
    title the name is in; ``allowed``: listed in ``[places] allow``.
    """

    mention: PlaceMention
    relation: Relation
    place: Place | None
    where: str
    section_id: str | None
    sentence: Span
    self_talk: bool
    named_as_subject: bool
    cooperation: bool
    citation: Span | None
    allowed: bool

    @property
    def name(self) -> str:
        """The full name as written (normalised): "莲花镇"."""
        return self.mention.name

    @property
    def start(self) -> int:
        """Offset of the name in the report's text."""
        return self.mention.start

    @property
    def end(self) -> int:
        """Offset just after the name."""
        return self.mention.end


#: ``PlaceReference(*values)`` without the frozen ``__init__`` (which sets each of its eleven fields one by one): a report has dozens.
_place_reference = positional_maker(PlaceReference)


@dataclass(frozen=True)
class WrittenHierarchy:
    """Two full names written one after the other as a hierarchy (``秦安县兴国镇``, ``湖北省张家界市``).

    Only pairs whose first name is of a level that could contain the second are
    kept; ``exists`` says whether the gazetteer has the second inside the first.
    """

    outer: PlaceReference
    inner: PlaceReference
    exists: bool


@dataclass(frozen=True)
class PlaceAnalysis:
    """Everything the place rules need about one report (see the module docstring).

    ``text`` is the report's normalised view, which every offset refers to;
    ``allow`` the names of ``[places] allow``.
    """

    text: str
    gazetteer: Gazetteer
    subject: SubjectPlace | None
    references: tuple[PlaceReference, ...]
    allow: frozenset[str]

    @property
    def data_as_of(self) -> str:
        """The date of the place data ("2025-12-31"), for messages."""
        return self.gazetteer.info.data_as_of

    def parents(self, place: Place) -> tuple[Place, ...]:
        """The places containing ``place``, province first."""
        return self.gazetteer.parents(place)

    def chain(self, place: Place) -> str:
        """The place with all its parents: "甘肃省天水市秦安县兴国镇"."""
        return "".join(parent.name for parent in self.parents(place)) + place.name

    def direct_parent(self, place: Place) -> Place | None:
        """The place directly containing ``place``."""
        parents = self.parents(place)
        return parents[-1] if parents else None

    def province_of(self, place: Place) -> Place:
        """The province-level place containing ``place`` (itself for a province)."""
        parents = self.parents(place)
        return parents[0] if parents else place

    @cached_property
    def written_hierarchies(self) -> tuple[WrittenHierarchy, ...]:
        """Adjacent names written as "outer inner" (spaces allowed between, not a line break), outside postal addresses
        (“通讯地址：永嘉县上塘镇东城街道……”: an address keeps the names of towns long merged or renamed)."""
        found = []
        for outer, inner in pairwise(self.references):
            if self.text[outer.end : inner.start].strip(" \u3000"):
                continue
            if _ADDRESS.search(self.text, outer.sentence.start, outer.start) is not None:
                continue
            pairs = [(a, b) for a in outer.mention.candidates for b in inner.mention.candidates]
            if not any(a.level <= b.level for a, b in pairs):
                continue
            exists = any(a.level < b.level and self.gazetteer.is_within(b, a) for a, b in pairs)
            found.append(WrittenHierarchy(outer, inner, exists))
        return tuple(found)

    def decision(self, reference: PlaceReference) -> str:
        """What was decided about a mention, in Chinese (for ``reportlint parse``)."""
        relation = reference.relation
        place = reference.place
        if relation is Relation.SIBLING and place is not None:
            county = self.direct_parent(place)
            assert county is not None, "a sibling shares the subject's parent"
            text = f"同属{county.name}的另一个乡镇、街道"
        elif relation in (Relation.SUBJECT, Relation.AMBIGUOUS, Relation.UNKNOWN) or place is None:
            text = relation.label
        else:
            text = f"{relation.label}（{self.chain(place)}）"
        notes = [reference.where]
        if reference.named_as_subject:
            notes.append("写成了报告主体")
        elif reference.self_talk:
            notes.append("讲本单位工作的句子")
        if reference.cooperation:
            notes.append("协作语句")
        if reference.citation is not None:
            notes.append("书名号内")
        if reference.allowed:
            notes.append("已列入 [places] allow，不报告")
        return f"{text}；{'，'.join(notes)}"


# --------------------------------------------------------------------------- analysis


def analyse(text: str, reading: Reading, config: Config) -> PlaceAnalysis:
    """The place analysis of a report's normalised ``text``; rules read it through ``Report.places``, which caches it.

    Raises :class:`ConfigError` when the ``[places]`` table is unusable.
    """
    settings = place_settings(config)
    gazetteer = load_gazetteer(settings, config.path)
    mentions = gazetteer.scan(text)
    subject = _subject_place(gazetteer, reading, mentions)
    context = _TextContext.of(text)
    subject_spans = _subject_spans(reading)
    body_names = _subject_body_names(mentions, subject_spans)
    named = [
        index in body_names
        or context.is_actor(mention)
        or context.is_apposition(mention)
        or context.is_made_by_the_body(mention)
        or context.names_the_report(mention)
        or context.names_own_document(mention)
        or context.names_own_channel(mention)
        or context.stands_alone(mention)
        for index, mention in enumerate(mentions)
    ]
    sentences = context.sentences(mention.start for mention in mentions)
    speaking_sentences = {sentence for sentence, is_named in zip(sentences, named, strict=True) if is_named}
    # what each sentence is (mentions often share one: "秦安县陇城镇")
    self_talk = {
        sentence: sentence in speaking_sentences or context.has_self_reference(sentence) or context.gives_address(sentence)
        for sentence in sentences
    }
    cooperation = {sentence: context.is_cooperation(sentence, mentions) for sentence in self_talk}
    relations = RelationJudge(gazetteer, subject.in_running if subject is not None else ())
    where = _Where(reading, subject_spans)
    allow = settings.allow
    references = []
    for mention, sentence, is_named in zip(mentions, sentences, named, strict=True):
        relation, place = relations.of(mention)
        location, section_id = where(mention.start)
        references.append(
            _place_reference(
                mention,
                relation,
                place,
                location,
                section_id,
                sentence,
                self_talk[sentence],
                is_named,
                cooperation[sentence],
                context.citation(mention.start, mention.end),
                mention.name in allow,
            )
        )
    return PlaceAnalysis(text, gazetteer, subject, tuple(references), settings.allow)


def _subject_place(gazetteer: Gazetteer, reading: Reading, mentions: Sequence[PlaceMention]) -> SubjectPlace | None:
    """Resolve the reader's subject: the pinned name, else the most specific name the report gives itself."""
    subject = reading.subject
    if subject is None or not subject.name:
        return None  # a body known only by how it calls itself (我镇) has no name to look up
    name, origin = _most_specific_name(gazetteer, reading, subject)
    resolution = resolve_subject(gazetteer, name, mentions, subject_origin=origin)
    parents = gazetteer.parents(resolution.place) if resolution.place is not None else ()
    return SubjectPlace(name, origin, subject.level, resolution, parents)


def _most_specific_name(gazetteer: Gazetteer, reading: Reading, subject: Subject) -> tuple[str, str]:
    """Of the title, issuer-line and signature names that end in the same place, the one naming most parents.

    "兴国镇" in the title and "秦安县兴国镇人民政府" in the signature resolve as the
    latter.  A name pinned in the configuration is taken as it is.
    """
    if subject.source == "config":
        return subject.name, "配置"
    named = [(subject.name, _origin(reading, subject.start))]
    named += [("".join(span.text.split()), _origin(reading, span.start)) for span in subject.mentions]
    parts = {name: gazetteer.split_name(name) for name, _ in named}
    if not parts[subject.name]:
        return named[0]
    body = parts[subject.name][-1].name
    agreeing = [item for item in named if parts[item[0]] and parts[item[0]][-1].name == body]
    return max(agreeing, key=lambda item: len(parts[item[0]]))


#: Where a line above the title naming the body (发文单位行: “西峰区人民政府” over the report's title) is, as places say it.
ISSUER_LINE = "发文单位行"


def _origin(reading: Reading, start: int | None) -> str:
    """Where a name of the subject was read: 标题, 发文单位行 (above the title) or 落款."""
    title = reading.title
    if start is None:
        return "配置"
    if title is not None and title.start <= start < title.end:
        return "标题"
    first_section = reading.sections[0].start if reading.sections else None
    if (title is not None and start < title.start) or (title is None and first_section is not None and start < first_section):
        return ISSUER_LINE
    return "落款"


def _subject_spans(reading: Reading) -> tuple[TextSpan, ...]:
    """The spans where the report names itself: the title's subject, the issuer line, the signature."""
    return reading.subject.mentions if reading.subject is not None else ()


def _subject_body_names(mentions: Sequence[PlaceMention], spans: Iterable[TextSpan]) -> set[int]:
    """Indices of the last place name inside each subject span ("兴国镇" of "秦安县兴国镇人民政府")."""
    found = set()
    for span in spans:
        inside = [index for index, mention in enumerate(mentions) if span.start <= mention.start and mention.end <= span.end]
        if inside:
            found.add(inside[-1])
    return found


class _Where:
    """A Chinese location for messages (标题、第五部分 …) and the template section id of positions of one report.

    What a part's positions are told (the same for every one outside the title and the
    subject's spans) is worked out once per part.
    """

    def __init__(self, reading: Reading, subject_spans: Sequence[TextSpan]) -> None:
        self.sections = reading.sections
        self.title = reading.title
        self.subject_spans = subject_spans
        # the sections latest first, with where each one's text ends (its body may end before or after its heading)
        self.latest_first = [(found.start, max(found.body_end, found.end), found) for found in reversed(self.sections)]
        self.named: dict[int, tuple[str, str | None]] = {}  # by the section's index in latest_first

    def __call__(self, position: int) -> tuple[str, str | None]:
        title = self.title
        if title is not None and title.start <= position < title.end:
            return "标题", None
        index, section = self._section_at(position)
        sections = self.sections
        section_id = section.spec_id if section is not None else None
        if any(span.start <= position < span.end for span in self.subject_spans):
            return (ISSUER_LINE if sections and position < sections[0].start else "落款"), section_id
        if section is None:
            return ("开头部分" if not sections or position < sections[0].start else "正文"), None
        named = self.named.get(index)
        if named is None:
            named = self.named[index] = _section_location(section)
        return named

    def _section_at(self, position: int) -> tuple[int, FoundSection | None]:
        """The latest section whose text holds ``position``, with its index in ``latest_first`` (-1 and None: none)."""
        for index, (start, stop, found) in enumerate(self.latest_first):
            if start <= position < stop:
                return index, found
        return -1, None


def _section_location(section: FoundSection) -> tuple[str, str | None]:
    """How messages name a part (第五部分, “…”部分) and its template id."""
    if section.is_template and section.spec_id:
        number = section.ordinal or int(section.spec_id[1:])
        return f"第{section_number(number)}部分" if number <= len(ORDINAL_CHARS) else section.heading, section.spec_id
    return f"“{section.heading}”部分", section.spec_id
