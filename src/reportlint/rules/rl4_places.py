"""RL4 places and entities: names of other places or other bodies left in a report by copy-paste.

The rules read :attr:`Report.places <reportlint.core.report.Report.places>` (see
:mod:`reportlint.places.analysis`), which resolves the subject and judges every place
the report names; they decide only what is wrong.  Every rule takes an
``allow`` option (names it never reports), and the ``[places] allow`` list of
the configuration applies to all of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import MappingProxyType

from reportlint.core.config import Config, ConfigError
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Option, Rule
from reportlint.places.analysis import ISSUER_LINE, PlaceAnalysis, PlaceReference, names_a_township
from reportlint.places.divisions import TOWNSHIP_LEVEL, Place
from reportlint.places.relations import Relation
from reportlint.places.settings import PlaceSettings, load_gazetteer, place_settings
from reportlint.template.identity import Subject, body_kind, body_level
from reportlint.text.self_references import find_self_references, find_township_scopes, own_self_nouns
from reportlint.usercache.patterns import compiled

_ALLOW_OPTION = Option([], '从不报告的地名（或自称），如 ["莲花镇"]；与 [places] allow 合并', list)


class _PlaceRule(Rule):
    """Shared by the RL4 rules: the ``allow`` option merged with ``[places] allow``."""

    options = MappingProxyType({"allow": _ALLOW_OPTION})
    #: The place settings :meth:`allowed` last answered for, and its answer (a rule set's reports share one configuration).
    _allowed_for: tuple[PlaceSettings, frozenset[str]] | None = None

    def allowed(self, report: Report) -> frozenset[str]:
        """Names this rule never reports for this report (made once for each configuration's place settings)."""
        settings = place_settings(report.config)
        known = self._allowed_for
        if known is not None and known[0] is settings:
            return known[1]
        allowed = settings.allow | frozenset(self.config["allow"])
        self._allowed_for = (settings, allowed)
        return allowed


def _foreign_place(analysis: PlaceAnalysis, reference: PlaceReference) -> str:
    """How a message names a mentioned place: its relation and, when known, its full chain."""
    if reference.place is None:
        return f"{reference.relation.label}“{reference.name}”"
    return f"{reference.relation.label}“{reference.name}”（{analysis.chain(reference.place)}）"


#: How a township calls itself when its kind is not one character ("我街道", "我乡").
_TOWNSHIP_SELF_NOUNS = {"民族乡": "乡", "民族苏木": "苏木", "区公所": "区"}


class SiblingTownship(_PlaceRule):
    """报告中出现了与报告主体同属一个县（区）的另一个乡镇或街道，疑为照搬其他乡镇的报告。

    同一县里各乡镇的年度报告格式相近，照搬邻近乡镇的报告、忘了改名是常见的
    “照搬照抄”缺陷（国办公开办函〔2021〕30号把雷同、敷衍的报告列为追责情形）。
    报告主体先在地名库中确定（标题、发文单位行、落款和正文中的上级地名），再
    检查正文提到的每个乡镇、街道：

    * 把另一个乡镇当作报告主体来写（“莲花镇下一阶段将……”“莲花镇将……”
      “我镇（莲花镇）……”，或标题、落款写的是它）是错误；
    * 只是在正文中提到它，是警告；
    * 出现在协作语句中（结对、帮扶、对接、学习考察等）或讲相邻关系的语句中（东邻、毗邻）多半是正常提及，
      只作提示（info）。

    报告主体在地名库中有多个候选、无法确定时，只报告对每个候选都成立的情况。

    反例（秦安县兴国镇的报告）：

        2022年，莲花镇将重点推进政务公开标准化建设。

    正例：

        2022年，我镇将重点推进政务公开标准化建设。

    选项：``allow``（字符串列表）——确属正常提及、从不报告的地名，例如结对帮扶的
    ``["莲花镇"]``；配置中 ``[places] allow`` 列出的地名同样不报告。
    """

    code = "RL401"
    name = "sibling-township"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        analysis = report.places
        allowed = self.allowed(report)
        for reference in analysis.references:
            if reference.relation is not Relation.SIBLING or reference.place is None or reference.name in allowed:
                continue
            county = analysis.direct_parent(reference.place)
            subject = analysis.subject
            assert subject is not None and subject.place is not None and county is not None
            if reference.named_as_subject:
                severity = "error"
                why = (
                    f"这里把“{reference.name}”当作报告主体来写，多半是照搬了{reference.name}的报告而没有改名，"
                    f"应为“{subject.place.name}”或“我{_TOWNSHIP_SELF_NOUNS.get(subject.place.kind, subject.place.kind)}”"
                )
            elif reference.cooperation:
                severity = "info"
                why = "它出现在讲协作或相邻关系的语句中，多半是正常提及；确认无误后可在规则选项 allow 中列出"
            else:
                severity = "warning"
                why = "同县其他乡镇的名称出现在本报告中，请确认不是照搬其他乡镇报告时留下的"
            yield self.diagnostic(
                f"报告主体是{subject.label}，但{reference.where}写的是同属{county.name}的“{reference.name}”：{why}",
                reference.start,
                reference.end,
                severity=severity,
            )


class ForeignPlace(_PlaceRule):
    """讲本单位工作的句子中出现了报告主体辖区以外的地方（另一个县、地市或省份），疑为照搬其他地方的报告。

    “我镇……”“本县……”这类句子，以及把地名当作报告主体来写的句子（“2021年，
    ××镇收到……”“××镇在县委的领导下……”“请与××镇党政办联系”），讲的是报告
    主体自己的工作（“本年度，××镇通过……”同样）；给出地址的句子（“请与……联系
    （地址：……）”）、没有主语而以“制定”“建立”“完成”等开头的句子或分句中紧跟
    其后的地名（“制定××镇政务公开监督检查制度”“……，完成××镇政务专区建设”）
    同样如此。其中出现别的县、地市或省份的地名，常常是照搬其他地方的报告时留下的。以下情况不报告：上级地名（所在的县、地市、省份）、辖区内的
    地名（含 ``[places] extra`` 补充的村、社区、园区）、书名号内的文件名（外省
    规定由 RL404 检查；以乡镇名称开头的文件名“《××镇政府信息公开规定》”是那个
    乡镇自己的制度，仍然报告）、同县的其他乡镇（由 RL401 检查），以及协作语句（与……
    对接、结对、帮扶、学习考察、学习借鉴、东西部协作等；只有“学习贯彻”不算）。这条规则的把握不如 RL401，只作警告；报告主体无法唯一确定时，
    只报告对每个候选都在辖区以外的地名。

    反例（秦安县兴国镇的报告）：

        我镇在通渭县率先推行政务公开标准目录。
        2021年，通渭县在县委、县政府的正确领导下完善公开目录。

    正例：

        我镇组织干部赴通渭县学习考察政务公开标准化工作。

    选项：``allow``（字符串列表）——从不报告的地名；``[places] allow`` 同样适用。
    """

    code = "RL402"
    name = "foreign-place"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        analysis = report.places
        allowed = self.allowed(report)
        for previous, reference in zip((None, *analysis.references), analysis.references, strict=False):
            if (
                not reference.relation.is_foreign
                or not reference.self_talk
                or reference.cooperation
                or (reference.citation is not None and not _names_own_rules(reference))
                or reference.name in allowed
                or _written_inside_own_area(analysis, previous, reference)
                or _names_the_subjects_area(analysis, reference)
            ):
                continue
            subject = analysis.subject
            assert subject is not None
            role = "，并把它写成了报告主体" if reference.named_as_subject else ""
            yield self.diagnostic(
                f"报告主体是{subject.label}，但{reference.where}讲本单位工作的句子提到了"
                f"{_foreign_place(analysis, reference)}{role}：疑为照搬其他地方的报告，请核对",
                reference.start,
                reference.end,
            )


def _written_inside_own_area(analysis: PlaceAnalysis, previous: PlaceReference | None, reference: PlaceReference) -> bool:
    """Whether a name that many places have is written right after the subject's own place (“开阳县城关镇” in 开阳县
    统计局's address: 84 places are called 城关镇), or after one above it that the gazetteer does not have it in, or any
    township's name right after the subject township's own (see :func:`_below_a_township`): the
    writer puts it there, and a town the gazetteer no longer has there (merged, renamed) is no foreign place. A name of
    one or a few places elsewhere (“汶上县康二城镇”) is still the copied place, and “天水市麦积区” in a 秦安县 report is
    麦积区 of 天水市 indeed."""
    if previous is None or analysis.text[previous.end : reference.start].strip(" \u3000"):
        return False
    if previous.relation is Relation.SUBJECT and _below_a_township(analysis, reference):
        return True
    if len(reference.mention.candidates) < _COMMON_NAME:
        return False
    if previous.relation is Relation.SUBJECT:
        return True
    return previous.relation is Relation.PARENT and not _any_within(analysis, reference.mention.candidates, previous.mention.candidates)


def _below_a_township(analysis: PlaceAnalysis, reference: PlaceReference) -> bool:
    """Whether the subject is a township and every place of the reference's name is one too: written right after the
    subject's own name (“地址：舒城县高峰乡五桥街道”), such a name is a street or village of the township, since no
    township holds another."""
    subject = analysis.subject
    return (
        subject is not None and subject.place is not None and subject.place.level == TOWNSHIP_LEVEL and names_a_township(reference.mention)
    )


def _names_the_subjects_area(analysis: PlaceAnalysis, reference: PlaceReference) -> bool:
    """Whether a place on the issuer line above the title (“西峰区人民政府” over “解放路街道办事处2021年……报告”) says where a
    subject of a common name is, that the gazetteer has nowhere in it: the subject is there all the same (the gazetteer
    lacks it, or it was renamed), not copied from there."""
    subject = analysis.subject
    if reference.where != ISSUER_LINE or subject is None or subject.place is not None:
        return False
    candidates = subject.resolution.candidates
    return len(candidates) >= _COMMON_NAME and not _any_within(analysis, candidates, reference.mention.candidates)


def _any_within(analysis: PlaceAnalysis, inner: Sequence[Place], outer: Sequence[Place]) -> bool:
    """Whether the gazetteer has any of the ``inner`` places inside any of the ``outer`` ones."""
    return any(analysis.gazetteer.is_within(place, area) for area in outer for place in inner)


#: How many places must share a name for it to be a common one (城关镇, 城北街道, 新城镇), whose place the gazetteer
#: cannot tell from the name.
_COMMON_NAME = 5


def _names_own_rules(reference: PlaceReference) -> bool:
    """A township's name inside a document title that the report cites as its own (“《莲花镇政府信息公开规定》”)."""
    return reference.named_as_subject and reference.place is not None and reference.place.level == TOWNSHIP_LEVEL


class ImpossibleHierarchy(_PlaceRule):
    """连写的地名所表示的隶属关系不存在（如“湖北省张家界市”“甘谷县兴国镇”）。

    “秦安县兴国镇”“天水市秦安县”这样连写的地名表示后者属于前者。按地名库
    （民政部国家地名信息库），后者不在前者之下时，多半是写错了上级、照搬了
    其他地方的报告，或把两个地名拼在了一起。新设或更名的地方可能不在地名库中，
    可在 ``[places] extra`` 中补充。通讯地址（“地址：”之后）常沿用撤并前的乡镇名，
    不检查。

    反例：

        湖北省张家界市、四川省重庆市、甘谷县兴国镇

    正例：

        湖南省张家界市、重庆市、秦安县兴国镇

    选项：``allow``（字符串列表）——从不报告的地名（前后任一个在列表中即不报告）。
    """

    code = "RL403"
    name = "impossible-hierarchy"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        analysis = report.places
        allowed = self.allowed(report)
        for hierarchy in analysis.written_hierarchies:
            outer, inner = hierarchy.outer, hierarchy.inner
            if hierarchy.exists or outer.name in allowed or inner.name in allowed:
                continue
            yield self.diagnostic(
                f"“{outer.name}{inner.name}”写出的隶属关系不存在：地名库（{analysis.data_as_of}）中的"
                f"“{inner.name}”{_whereabouts(analysis, inner)}，不在“{outer.name}”之下；"
                f"如“{inner.name}”是新设或更名的地方，可在 [places] extra 中补充",
                outer.start,
                inner.end,
            )


_SHOWN_PLACES = 3


def _whereabouts(analysis: PlaceAnalysis, reference: PlaceReference) -> str:
    """Where the places of a name really are: "属于湖南省", "是省级行政区", "有 16 处，分别属于…"."""
    candidates = reference.mention.candidates
    chains = ["".join(parent.name for parent in analysis.parents(place)) for place in candidates]
    if len(candidates) == 1:
        return f"属于{chains[0]}" if chains[0] else "是省级行政区"
    shown = "、".join(chain or "（省级）" for chain in chains[:_SHOWN_PLACES])
    more = "等地" if len(candidates) > _SHOWN_PLACES else ""
    return f"有 {len(candidates)} 处，分别属于{shown}{more}"


_REGULATION_WORDS = compiled("规定|办法|条例|细则|意见|通知|决定|规则|方案|要点|规范|制度|通报|公告|指引|指南|标准")


class ForeignProvincialRegulation(_PlaceRule):
    """引用了外省的地方性规定或通知（如云南的报告引用《广东省政府信息公开规定》）。

    报告开头通常写明编制依据：条例、本省的政府信息公开规定或办法、上级的通知。
    引用其他省份的规定或通知作为依据，多半是照搬了外省的报告。只检查以省级
    地名开头的书名号（《广东省……规定》《北京市……通知》）；本省的规定不报告。
    报告主体无法唯一确定时，只在该省份与每个候选都不同时报告。

    反例（云南省楚雄市新村镇的报告）：

        根据《中华人民共和国政府信息公开条例》和《广东省政府信息公开规定》……

    正例：

        根据《中华人民共和国政府信息公开条例》和《云南省政府信息公开规定》……

    选项：``allow``（字符串列表）——从不报告的省份全称，如 ``["广东省"]``。
    """

    code = "RL404"
    name = "foreign-provincial-regulation"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        analysis = report.places
        allowed = self.allowed(report)
        text = analysis.text
        for reference in analysis.references:
            citation = reference.citation
            if (
                citation is None
                or reference.relation is not Relation.ELSEWHERE
                or reference.place is None
                or reference.place.level != 1
                or reference.name in allowed
                or text[citation.start + 1 : reference.start].strip(" \u3000")
                or not _REGULATION_WORDS.search(text, reference.end, citation.end)
            ):
                continue
            subject = analysis.subject
            assert subject is not None
            provinces = "、".join(dict.fromkeys(analysis.province_of(place).name for place in subject.in_running))
            title = report.text[citation.start : citation.end]
            yield self.diagnostic(
                f"引用了{reference.name}的{title}，但报告主体{subject.label}在{provinces}："
                f"编制依据应是本省的规定和上级的通知，疑为照搬外省的报告",
                citation.start,
                citation.end,
            )


_LEVEL_WORDS = {
    "镇": "镇人民政府",
    "乡": "乡人民政府",
    "街道": "街道办事处",
    "县": "县级人民政府",
    "区": "区人民政府",
    "市": "市人民政府",
    "州": "自治州人民政府",
    "省": "省级人民政府",
    "部门": "政府部门",
}
_NOUN_OWNERS = {
    "镇": "镇",
    "乡": "乡",
    "街道": "街道办事处",
    "县": "县",
    "旗": "旗",
    "区": "区",
    "市": "市",
    "州": "州",
    "省": "省",
    "局": "政府部门",
    "委": "政府部门",
    "办": "办公室或街道办事处",
    "厅": "政府部门",
}
#: The levels whose scope words (全镇、全乡、全街道) RL405 checks.
_TOWNSHIP_LEVELS = frozenset({"镇", "乡", "街道"})
#: Department words that a government report never uses of itself: errors.
_CLEAR_DEPARTMENT_NOUNS = ("局", "委", "厅")


class BodyTypeMismatch(_PlaceRule):
    """报告的自称与报告主体的类型不符（如镇政府的报告自称“我局”，街道的报告自称“我镇”）。

    报告用“我镇”“本街道”“我局”等自称指报告主体。自称与主体类型不符，多半是
    照搬了别的单位（部门、其他乡镇、上级政府）的报告：

    * 乡镇、街道或县级以上政府的报告自称“我局”“本委”“我厅”（部门的自称）是错误；
    * 镇的报告自称“我乡”、街道的报告自称“我镇”、乡镇的报告自称“我县”
      “我区”，或自称“我办”（街道办事处除外），是警告；镇的报告写“全乡”、乡的
      报告写“全镇”、乡镇写“全街道”或街道写“全镇”“全乡”（辖区范围的说法，
      “健全乡村治理”“全乡镇”不算），同样是警告；
    * 部门的报告只检查部门的自称（“我局”的报告写了“我委”）；部门说“我县”
      指所在的县，不报告；
    * 引言说公布或编制的是另一类机关的年度报告（镇的报告写“现公布××县民族宗教
      事务局2025年度政府信息公开工作年度报告”），是警告。

    直辖市（北京、天津、上海、重庆）各单位的报告用“本市”指直辖市，不报告。书名号和引号内的自称是引用
    （上级文件《关于做好2021年度我市……的通知》以发文机关的口吻），不报告。

    主体类型取自报告主体的名称（标题、发文单位行、落款或配置）。主体只取自网页
    元数据（“发文机构：××县人民政府”）时，那是发布网页的政府，报告可能是它的
    办公室写的，“我办”不报告。

    反例（兴国镇人民政府的报告）：

        2022年，我局将进一步规范政府信息公开工作。

    正例：

        2022年，我镇将进一步规范政府信息公开工作。

    选项：``allow``（字符串列表）——从不报告的自称或范围说法，如 ``["我办"]``、``["全乡"]``。
    """

    code = "RL405"
    name = "body-type-mismatch"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        subject = report.reading.subject
        if subject is None or subject.source == "self-reference":
            return  # the level was read from these very self-references
        own = own_self_nouns(subject.name, subject.level)
        if not own:
            return
        allowed = self.allowed(report)
        quoted = report.quoted
        for reference in find_self_references(report.normalized):
            if reference.noun in own or reference.fits_any_body or reference.word in allowed:
                continue
            if quoted.contains(reference.start, reference.end):
                continue  # cited: a superior's document (《关于做好2021年度我市……的通知》) speaks as its issuer
            if subject.level == "部门" and not reference.is_department_word:
                continue
            if subject.source == "metadata" and reference.noun == "办":
                continue  # the page's publisher: its office may have written the report
            if reference.word == "本市" and _in_municipality(report):
                continue  # 上海、北京、天津、重庆: 本市 is the municipality every body there is in
            clear = subject.is_government and reference.noun in _CLEAR_DEPARTMENT_NOUNS
            word = report.text[reference.start : reference.end]
            yield self.diagnostic(
                f"报告主体是{subject.display}（{_LEVEL_WORDS[subject.level]}），却自称“{word}”："
                f"“{word}”是{_NOUN_OWNERS[reference.noun]}的自称，与报告主体的类型不符，"
                f"疑为照搬其他单位的报告；应写作“我{own[0]}”",
                reference.start,
                reference.end,
                severity="error" if clear else "warning",
            )
        yield from self._other_bodys_report(report, subject, allowed)
        if subject.level not in _TOWNSHIP_LEVELS:
            return
        for noun, start, end in find_township_scopes(report.normalized):
            word = f"全{noun}"
            if noun in own or word in allowed:
                continue
            yield self.diagnostic(
                f"报告主体是{subject.display}（{_LEVEL_WORDS[subject.level]}），却写了“{word}”："
                f"“{word}”说的是{_NOUN_OWNERS[noun]}的辖区，与报告主体的类型不符，疑为照搬其他单位的报告；应写作“全{own[0]}”",
                start,
                end,
            )

    def _other_bodys_report(self, report: Report, subject: Subject, allowed: frozenset[str]) -> Iterator[Diagnostic]:
        """The intro saying it publishes or compiles the annual report of a body of another kind than the subject (read
        elsewhere than in the intro: one read there has two names to choose from, and which is right is unsure)."""
        if subject.source == "intro":
            return
        title = report.reading.title
        for match in _PUBLISHED_REPORT.finditer(report.normalized, 0, report.opening_end()):
            name = match.group("name")
            if title is not None and title.start <= match.start("name") < title.end:
                continue
            level = body_level(name)
            kind = body_kind(level)
            if kind is None or kind == body_kind(subject.level) or name in allowed:
                continue
            yield self.diagnostic(
                f"报告主体是{subject.display}（{_LEVEL_WORDS[subject.level]}），引言却说这是“{report.text[match.start('name') : match.end('name')]}”"
                f"（{_LEVEL_WORDS[level]}）的年度报告，疑为照搬其他单位的报告；应写作报告主体的名称",
                match.start("name"),
                match.end("name"),
            )


#: An intro publishing or compiling a body's annual report: “现公布某县某局2025年度政府信息公开工作年度报告”.
_PUBLISHED_REPORT = compiled(
    r"(?:公布|发布|编制(?:了|完成)?)[ \u3000]*(?P<name>[\u4e00-\u9fff（）()]{4,30}?)[ \u3000]*(?:19|20)\d\d[ \u3000]*年度?"
    r"(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告"
)


def _in_municipality(report: Report) -> bool:
    """Whether the report's subject lies in a municipality directly under the central government (北京市、天津市、
    上海市、重庆市), by the gazetteer."""
    try:
        subject = report.places.subject
    except ConfigError:  # an unusable [places] table: the place rules report it; RL405 goes on without the map
        return False
    return subject is not None and subject.place is not None and bool(subject.parents) and subject.parents[0].name in _MUNICIPALITIES


#: The municipalities directly under the central government, where everyone writes 本市 of the municipality.
_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
#: The rules that read the place analysis (and so need the gazetteer); RL405 asks for it only of a 本市, and does without.
_GAZETTEER_RULES = (SiblingTownship, ForeignPlace, ImpossibleHierarchy, ForeignProvincialRegulation)


@hookimpl
def reportlint_configure(config: Config, rules: Sequence[type[Rule]]) -> None:
    """Reject an invalid ``[places]`` table before any file is checked.

    The table's shape is always checked (cheap).  A custom gazetteer
    (``data-file``, ``extra``) is also loaded here when a rule that needs it is
    selected, so that a bad data file or an extra place under an unknown parent
    stops the run once (exit code 2) instead of failing in every file; the
    shipped gazetteer still loads only when the first report needs it.
    """
    settings = place_settings(config)
    if (settings.data_file or settings.extra_places) and any(issubclass(rule, _GAZETTEER_RULES) for rule in rules):
        load_gazetteer(settings, config.path)


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL4 place and entity rules."""
    return [SiblingTownship, ForeignPlace, ImpossibleHierarchy, ForeignProvincialRegulation, BodyTypeMismatch]
