"""RL31x narrative numbers: sums, percentages and rates stated in prose, and prose against the tables."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Diagnostic, Related
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Option, Rule
from reportlint.template.statements import COUNT_STATEMENTS, NONE_STATEMENTS, STATEMENT_WORDS, CountStatement, TableValue
from reportlint.text.chars import COLONS, COMMAS, HAN, SEMICOLONS, SENTENCE_STOPS
from reportlint.text.numbers import parse_amount
from reportlint.text.quantities import (
    Enumeration,
    Part,
    Quantity,
    Share,
    find_quantities,
    find_rates,
    find_shares,
    names_the_rest,
    states_plans,
)
from reportlint.text.segmentation import Span, clause_end, clause_start, span_index
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    pass


def _number(value: int | Decimal) -> str:
    """A count as written in messages (``12``, ``1.5``)."""
    return str(value) if isinstance(value, int) else format(value.normalize(), "f")


def _percent_sentences(report: Report) -> list[Span]:
    """The sentences holding a ``%`` (most hold none): the only ones that can state a share or a rate.

    Shared by RL311 and RL312 (:meth:`Report.shared`); found from the positions of ``%`` instead of a search per sentence.
    """
    text = report.normalized
    position = text.find("%")
    if position < 0:
        return []
    sentences, starts = report.sentences, report.shared(_sentence_starts)
    holding: dict[int, Span] = {}
    while position >= 0:
        index = span_index(sentences, starts, position)
        if index >= 0:
            holding[index] = sentences[index]
        position = text.find("%", position + 1)
    return list(holding.values())


def _written(report: Report, quantity: Quantity) -> str:
    return report.text[quantity.start : quantity.end]


def _sums_within_prefix(enumeration: Enumeration) -> bool:
    """Whether the first few parts already make up the total (the later counts belong to something else)."""
    running: int | Decimal = 0
    for part in enumeration.parts[:-1]:
        running += part.quantity.value
        if running == enumeration.total.value:
            return True
    return False


#: Where a piece of information is published: one piece may go on several (政府网站、公众号、“学习强国”……).
_CHANNEL = compiled(
    "网站|网页|门户|党建网|政务网|新闻网|公众号|微博|微信|平台|专栏|客户端|APP|App|媒体|抖音|视频号|头条|学习强国"
    "|公开栏|公示栏|宣传栏|电子屏|显示屏|日报|晚报|报纸|电视台|广播"
)


def _overlapping_channels(text: str, enumeration: Enumeration) -> bool:
    """Whether the parts are channels the same information was published on (“报送发布信息23条，其中在市政府门户网站
    发布11条、省外事办网站发布13条……”): their counts may add up to more than the total."""
    if enumeration.parts_sum <= enumeration.total.value:
        return False
    named = sum(1 for part in enumeration.parts if _CHANNEL.search(text, part.label_start, part.quantity.start))
    return named >= 2 and 2 * named >= len(enumeration.parts)


def _balances_as_a_tree(enumeration: Enumeration) -> bool:
    """Whether the parts add up to the total once each part's own breakdown, written right after it, is left out
    (“行政争议11件，其中，行政复议7件，结果维持6件，尚未审结1件；行政诉讼4件，结果维持2件，尚未审结2件”: 7 + 4), or are
    one part below the total and its breakdown (“共收到37件，其中33件已办结，答复27件，主动撤回6件”: 33 of the 37, as
    a single part below the total is)."""
    top, nested, count = _tree_top([part.quantity.value for part in enumeration.parts])
    total = enumeration.total.value
    return nested and (top == total or (count == 1 and top < total))


def _tree_top(values: list[int | Decimal]) -> tuple[int | Decimal, bool, int]:
    """The sum of the parts with each part's breakdown written right after it left out, whether any was, and how many
    parts that sum adds."""
    top: int | Decimal = 0
    index = 0
    nested = False
    count = 0
    while index < len(values):
        value = values[index]
        top += value
        count += 1
        running: int | Decimal = 0
        following = index + 1
        while following < len(values) and running < value:
            running += values[following]
            following += 1
        if running == value and following > index + 2:  # at least two sub-parts make up this part
            index = following
            nested = True
        else:
            index += 1
    return top, nested, count


def _earlier_counts(enumeration: Enumeration, quantities: Sequence[Quantity]) -> list[int | Decimal]:
    """The counts of the total's measure word before it in its sentence (``quantities``: the sentence's counts)."""
    total = enumeration.total
    return [quantity.value for quantity in quantities if quantity.unit == total.unit and quantity.end <= total.start]


def _share_of(part: Part, base: Decimal) -> Decimal:
    """A part's count as a percentage of ``base``."""
    return Decimal(part.quantity.value) * 100 / base


def _share_fits(part: Part, share: Share, base: Decimal) -> bool:
    """Whether the ``share`` written for a part is its count's share of ``base``, to the share's written precision."""
    return abs(share.percentage.value - _share_of(part, base)) < share.percentage.resolution


def _balances_another_reading(report: Report, enumeration: Enumeration) -> bool:
    """Whether the parts balance once the sentence is read another way: they add up to an earlier count of the same
    measure word (“发布信息25条，历年累计115条；其中：A类10条……”: the parts are this year's) or no more than the earlier
    counts and the total together (“新收申请289件，上年结转12件，其中予以公开46件”), or, with the later counts
    of that measure word or of published pieces in the sentence, to the total, a part's own breakdown left out or not
    (“累计2195条，其中A 450条……其他182条，调整栏目3个，微信600条，微博391条”; “744条，其中网站140条，具体为：……41条……
    2条；公众号发文256篇，……发文310篇，公示栏38条”)."""
    total, parts = enumeration.total, enumeration.parts
    sentence = enumeration.sentence
    quantities = find_quantities(report.normalized, sentence.start, sentence.end)
    parts_sum = enumeration.parts_sum
    earlier = _earlier_counts(enumeration, quantities)
    if parts_sum in earlier:
        return True
    if earlier and total.value < parts_sum <= total.value + sum(earlier):
        return True  # “新收申请289件，上年结转12件，其中予以公开46件”: 其中 of the counts together, not of the last one
    later = [
        quantity
        for quantity in quantities
        if quantity.start > parts[-1].quantity.end and (quantity.unit == total.unit or quantity.unit in _PIECE_UNITS)
    ]
    for running in {parts_sum, _tree_top([part.quantity.value for part in parts])[0]}:
        for quantity in later:
            running += quantity.value
            if running == total.value:
                return True
    # a part whose measure word was lost (“安全生产类信息1,其他类信息7条”): a bare number between the parts
    bare = sum(int(match.group()) for match in _BARE_COUNT.finditer(report.normalized, parts[0].quantity.start, parts[-1].quantity.start))
    return bool(bare) and parts_sum + bare == total.value


#: A number standing alone before a clause break, with no measure word (between a list's parts: a part's count).
_BARE_COUNT = compiled(r"(?<=[\u4e00-\u9fff])\d{1,6}(?=\s*[,，;；、])")


#: Measure words of published pieces (信息、文章、期刊): a total of 条 may count them too (公众号发文256篇).
_PIECE_UNITS = frozenset("条篇件期则份")


def _restates_the_total(enumeration: Enumeration) -> bool:
    """Whether a part is as large as the total: the whole again in another respect (“备案公文175件，其中规范性文件1件，
    主动公开175件”), so the list is no breakdown of it."""
    return len(enumeration.parts) > 1 and any(part.quantity.value == enumeration.total.value for part in enumeration.parts)


class NarrativeSumMismatch(Rule):
    """正文列举的各项数量之和与所说的总数不符（“共发布X条，其中A条、B条……”）。

    正文常先给出总数，再分项列举。各部分之和大于总数，一定有数字写错；
    小于总数时，列举可能只是举例（“其中政策文件30条”），所以默认只在列举
    声明了覆盖全部时报告：最后一项是“其他”“其余”等兜底项，或用“分别”引出。
    约数（“100余条”）不检查；前几项之和已等于总数时，后面的数字视为另一回事；
    各部分之和等于同一句中前面另一个同单位的数（“本年发布25条，历年累计115条，其中
    ……”），或加上同一句后面同单位的数后等于总数时，也不报告；各部分是发布渠道
    （“其中在政府网站发布11条、公众号发布13条”）而和大于总数时不报告（同一条信息可在
    多个渠道发布）；各部分之和比总数少的正是列举中一个没写量词的数（“公示公告56政务信息”）时，报告的是
    这个数缺少量词；分项后紧跟着写了它自己的
    细分（“行政复议7件，结果维持6件，尚未审结1件；行政诉讼4件……”）时，按层次相加（“共收到37件，其中33件已办结，
    答复27件，主动撤回6件”按层次只有一个分项 33，小于总数，不报告）；一个分项
    与总数相等（“备案公文175件，其中规范性文件1件，主动公开175件”）时，这不是总数的分解，不报告。

    反例：

        全年共发布信息100条，其中政策文件30条、工作动态50条、其他信息10条。

    正例：

        全年共发布信息100条，其中政策文件30条、工作动态50条、其他信息20条。

    选项：``shortfall``——``"exhaustive"``（默认，各部分之和小于总数时只在列举
    覆盖全部时报告）或 ``"always"``（只要有两项以上就报告）。
    """

    code = "RL310"
    name = "narrative-sum-mismatch"
    severity = "warning"
    options = {
        "shortfall": Option(
            "exhaustive", "各部分之和小于总数时何时报告：exhaustive（列举覆盖全部时）或 always", str, ("exhaustive", "always")
        )
    }

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for enumeration in report.enumerations:
            if enumeration.approximate or enumeration.covers_total or _sums_within_prefix(enumeration):
                continue
            if _balances_another_reading(report, enumeration) or _balances_as_a_tree(enumeration):
                continue
            if _overlapping_channels(report.normalized, enumeration) or _restates_the_total(enumeration):
                continue
            total, parts_sum = enumeration.total.value, enumeration.parts_sum
            if parts_sum < total and (len(enumeration.parts) < 2 or not (enumeration.exhaustive or self.config["shortfall"] == "always")):
                continue
            written_parts = [_written(report, part.quantity) for part in enumeration.parts]
            related = [Related(part.quantity.start, part.quantity.end, "分项") for part in enumeration.parts]
            total_text = _written(report, enumeration.total)
            bare = _bare_missing_part(report.normalized, enumeration) if parts_sum < total else None
            if bare is not None:
                unit = enumeration.total.unit
                yield self.diagnostic(
                    f"数字“{report.text[bare.start() : bare.end()]}”后缺少量词“{unit}”：算上它，“{total_text}”的各部分之和正好等于总数"
                    f"（其余各项 {' + '.join(written_parts)} = {_number(parts_sum)}，少 {bare.group()}）",
                    bare.start(),
                    bare.end(),
                    related=[Related(enumeration.total.start, enumeration.total.end, "总数"), *related],
                )
                continue
            larger = next(
                (written for written, part in zip(written_parts, enumeration.parts, strict=True) if part.quantity.value > total), None
            )
            if larger is not None:  # one part alone is past the total: adding the others says nothing more
                message = f"分项“{larger}”大于总数“{total_text}”"
            else:
                gap = abs(Decimal(parts_sum) - Decimal(total))
                terms = " + ".join(_number(part.quantity.value) for part in enumeration.parts)
                message = (
                    f"“{total_text}”的各部分之和为 {_number(parts_sum)}，与总数 {_number(total)} 不符，"
                    f"相差 {_number(gap)}（{terms} = {_number(parts_sum)}）"
                )
            yield self.diagnostic(message, enumeration.total.start, enumeration.total.end, related=related)


#: A number written without its measure word, right before the next words (“公示公告56政务信息”); not a date's.
_BARE_NUMBER = compiled(f"(?<![\\d.．])\\d+(?=[{HAN}])(?![年月日号时分秒])")


def _bare_missing_part(text: str, enumeration: Enumeration) -> re.Match[str] | None:
    """A number among the parts written without a measure word whose value is what the parts fall short of the total
    by: the part is there, its unit was lost, so the parts were not read to add up."""
    gap = enumeration.total.value - enumeration.parts_sum
    counted = {part.quantity.start for part in enumeration.parts}
    start, end = enumeration.total.end, enumeration.parts[-1].quantity.end
    return next(
        (match for match in _BARE_NUMBER.finditer(text, start, end) if match.start() not in counted and int(match.group()) == gap), None
    )


class PercentageMismatch(Rule):
    """正文中的百分比与数量不符，或各项占比之和不是 100%。

    分项同时给出数量和占比时（“‘机构职能’信息15条，占总体百分比为12.3%”），
    占比应等于该项数量除以总数（15 ÷ 122 = 12.3%），允许末位的舍入或截断。
    一组“占……%”的占比之和超过 100% 一定有错；列举覆盖全部（各项数量之和等于
    总数，或最后一项为“其他”“其余”，或用“分别”引出）时，占比之和还应为 100%，
    允许的舍入误差取选项 ``tolerance`` 与每项末位一半之和中的较大者。

    反例：

        全年累计主动公开政府信息122条。其中：A类信息15条，占总体百分比为13.3%；B类信息107条，占总体百分比为87.7%。

    正例：

        全年累计主动公开政府信息122条。其中：A类信息15条，占总体百分比为12.3%；B类信息107条，占总体百分比为87.7%。

    选项：``tolerance``（默认 0.2）——占比之和与 100% 之间允许的差（百分点）。
    """

    code = "RL311"
    name = "percentage-mismatch"
    severity = "warning"
    options = {"tolerance": Option(0.2, "占比之和与 100% 之间允许的舍入误差（百分点）", float)}

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized
        enumerations = report.enumerations
        for enumeration in enumerations:
            yield from self._shares_against_counts(report, enumeration)
        for sentence in report.shared(_percent_sentences):
            shares = find_shares(text, sentence.start, sentence.end)
            for group in self._groups(shares):
                yield from self._share_sum(report, sentence, group, enumerations)

    def _shares_against_counts(self, report: Report, enumeration: Enumeration) -> Iterator[Diagnostic]:
        shared = [(part, part.share) for part in enumeration.parts if part.share is not None]
        if enumeration.approximate or not enumeration.total.value or not shared:
            return
        total = Decimal(enumeration.total.value)
        wrong = [(part, share) for part, share in shared if not _share_fits(part, share, total)]
        if not wrong:
            return
        sentence = enumeration.sentence
        earlier = _earlier_counts(enumeration, find_quantities(report.normalized, sentence.start, sentence.end))
        if earlier and all(_share_fits(part, share, total + sum(earlier)) for part, share in shared):
            return  # “收到申请163件，上年结转7件，其中予以公开96件、占56.47%……”: shares of the counts together
        for part, share in wrong:
            percentage = share.percentage
            exact = _share_of(part, total)
            yield self.diagnostic(
                f"占比“{report.text[percentage.start : percentage.end]}”与数量不符："
                f"{_number(part.quantity.value)} ÷ {_number(enumeration.total.value)} = {exact:.2f}%，"
                f"应写作 {exact.quantize(percentage.resolution)}%",
                percentage.start,
                percentage.end,
                related=[
                    Related(part.quantity.start, part.quantity.end, "分项数量"),
                    Related(enumeration.total.start, enumeration.total.end, "总数"),
                ],
            )

    def _allowance(self, group: Sequence[Share]) -> Decimal:
        rounding = sum((share.percentage.resolution for share in group), Decimal(0)) / 2
        return max(Decimal(str(self.config["tolerance"])), rounding)

    def _groups(self, shares: Sequence[Share]) -> Iterator[list[Share]]:
        """Shares split into lists of one whole: a list ends where its running sum reaches 100%."""
        group: list[Share] = []
        for share in shares:
            group.append(share)
            running = sum((item.percentage.value for item in group), Decimal(0))
            if abs(running - 100) <= self._allowance(group):
                yield group
                group = []
        if group:
            yield group

    def _share_sum(self, report: Report, sentence: Span, group: list[Share], enumerations: Sequence[Enumeration]) -> Iterator[Diagnostic]:
        if len(group) < 2:
            return
        total = sum((share.percentage.value for share in group), Decimal(0))
        allowance = self._allowance(group)
        if abs(total - 100) <= allowance or (total < 100 and not _claims_whole(report.normalized, sentence, group, enumerations)):
            return
        first, last = group[0].percentage, group[-1].percentage
        terms = " + ".join(f"{share.percentage.value}%" for share in group)
        yield self.diagnostic(
            f"各项占比之和为 {total}%，应为 100%（相差 {abs(total - 100)} 个百分点）：{terms}",
            first.start,
            last.end,
            related=[Related(share.percentage.start, share.percentage.end, "占比") for share in group],
        )


def _claims_whole(text: str, sentence: Span, group: Sequence[Share], enumerations: Sequence[Enumeration]) -> bool:
    """Whether a list of shares says it covers the whole (see :class:`PercentageMismatch`)."""
    for enumeration in enumerations:
        if enumeration.sentence != sentence:
            continue
        shares = [part.share for part in enumeration.parts]
        if shares == list(group):
            return enumeration.covers_total or enumeration.exhaustive
    last = group[-1]
    return names_the_rest(text, last.label_start, last.percentage.start) or "分别" in text[sentence.start : group[0].percentage.start]


#: Rate kind (the two characters before 率) → verbs that name its numerator.
_RATE_NUMERATORS = {
    "办结": ("办结", "办理", "办复", "完成", "处理", "处置"),
    "办理": ("办理", "办结", "办复"),
    "答复": ("答复", "回复", "回应", "办复"),
    "回复": ("回复", "答复", "回应", "办复"),
    "回应": ("回应", "回复", "答复"),
    "处理": ("处理", "处置", "办结"),
    "处置": ("处置", "处理", "办结"),
}
_RECEIVED = compiled("收到|接到|受理|接收|收集|交办|转办|承办|登记|共|累计|合计")
#: What makes a rate one of timeliness (到期办结率, 按时答复率): its base is what was due, not all that was received.
_TIMELY = frozenset({"到期", "按期", "按时", "及时", "限时", "逾期"})


class RateContradiction(Rule):
    """“办结率100%”一类的比率与同一句给出的数量矛盾。

    同一句先说收到多少、办理（答复）多少，再给出办结率（答复率）时，比率应为
    两个数之比。只检查同一句里恰好有这两个同单位数量的情形；满意率等没有对应
    数量的比率不检查，“到期办结率”“按时答复率”等讲时效的比率（分母是到期的件数）也不检查。

    反例：

        全年共收到“12345”热线工单2件，办理1件，办结率100%。

    正例：

        全年共收到“12345”热线工单2件，办理2件，办结率100%。
    """

    code = "RL312"
    name = "rate-contradiction"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized
        for sentence in report.shared(_percent_sentences):
            for rate in find_rates(text, sentence.start, sentence.end):
                verbs = _RATE_NUMERATORS.get(rate.kind)
                if verbs is None or text[max(0, rate.start - 2) : rate.start] in _TIMELY:
                    continue  # (到期办结率: of the requests due, not of all received)
                counts = _received_and_done(text, sentence, rate.start, verbs)
                if counts is None:
                    continue
                received, done, verb = counts
                exact = Decimal(done.value) * 100 / Decimal(received.value)
                percentage = rate.percentage
                if abs(percentage.value - exact) < percentage.resolution:
                    continue
                yield self.diagnostic(
                    f"“{report.text[rate.start : percentage.end]}”与同句的数量不符：收到 {_written(report, received)}、"
                    f"{verb} {_written(report, done)}，{rate.kind}率应为 {exact:.1f}%",
                    rate.start,
                    percentage.end,
                    related=[Related(received.start, received.end, "收到的数量"), Related(done.start, done.end, "办理的数量")],
                )


def _received_and_done(text: str, sentence: Span, rate_start: int, verbs: Sequence[str]) -> tuple[Quantity, Quantity, str] | None:
    """The two counts a rate is computed from: exactly two same-unit counts before it, received then done."""
    before = find_quantities(text, sentence.start, rate_start)
    if len(before) < 2:
        return None
    received, done = before[-2], before[-1]
    same_unit = [quantity for quantity in before if quantity.unit == done.unit]
    if received.unit != done.unit or len(same_unit) != 2 or received.approximate or done.approximate or not received.value:
        return None
    received_clause = text[clause_start(text, received.start, sentence.start) : received.start]
    done_clause = text[clause_start(text, done.start, sentence.start) : done.start]
    if not _RECEIVED.search(received_clause) or any(verb in received_clause for verb in verbs):
        return None
    verb = next((verb for verb in verbs if verb in done_clause), None)
    return None if verb is None else (received, done, verb)


# A count followed by （含…） includes something the table counts elsewhere (受理申请5件（含上年结转1件）).
_INCLUDES_AFTER = compiled(r"\s*\((?:含|包括|包含)")


class TextTableMismatch(Rule):
    """正文中的数字与表格不一致（如正文说收到申请 3 件，第三部分表格总计为 0）。

    总体情况等部分常复述表格中的数字。检查的说法有：收到（接到、受理）政府
    信息公开申请 N 件、未收到申请（对第三部分“一、本年新收政府信息公开申请数量”
    的“总计”）；行政复议 N 件、行政诉讼 N 件、未发生行政复议或行政诉讼（对第四
    部分的“总计”，行政诉讼为两个“总计”之和）；制发（出台、制定）规范性文件
    N 件、未制发规范性文件（对第二部分规范性文件的“本年制发件数”或“本年新制作
    数量”）。表格中对应的格子无法可靠读取时不检查；第五部分和其他讲工作计划的
    句子中的数字不检查；“受理申请5件（含上年结转1件）”这类带说明的数字也不检查。

    反例：

        一、总体情况
        （二）依申请公开情况。2021年共收到政府信息公开申请3件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量  0  0  0  0  0  0  0

    正例：

        一、总体情况
        （二）依申请公开情况。2021年共收到政府信息公开申请3件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量  3  0  0  0  0  0  3
    """

    code = "RL313"
    name = "text-table-mismatch"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        text = report.normalized
        # every statement holds its word: a sentence is searched only for the statements whose words it holds
        sentences = report.sentences
        starts = report.shared(_sentence_starts)
        held_by = _words_by_sentence(text, sentences, starts, STATEMENT_WORDS)
        if not held_by:
            return
        # the sentences of tables and plans are not compared (a third of those holding a word are table rows): the
        # sentences starting in each such span are a run of indexes, found by bisecting the starts
        holding = sorted(held_by)
        for span in _table_and_plan_spans(report):
            first, last = bisect_left(holding, bisect_left(starts, span.start)), bisect_left(holding, bisect_left(starts, span.end))
            del holding[first:last]
        tables: dict[int, TableValue | None] = {}  # what each quantity reads in the tables, read once
        for index in holding:
            sentence, held = sentences[index], held_by[index]
            counts = [
                statement
                for statement in COUNT_STATEMENTS
                if statement.word in held and statement.pattern.search(text, sentence.start, sentence.end)
            ]
            nones = [
                statement
                for statement in NONE_STATEMENTS
                if statement.word in held and statement.pattern.search(text, sentence.start, sentence.end)
            ]
            if (not counts and not nones) or states_plans(text, sentence):
                continue
            yield from self._counts(report, sentence, counts, tables)
            yield from self._nones(report, sentence, nones, tables)

    def _counts(
        self, report: Report, sentence: Span, statements: Sequence[CountStatement], tables: dict[int, TableValue | None]
    ) -> Iterator[Diagnostic]:
        for statement in statements:
            for match in statement.matches(report.normalized, sentence):
                in_table = _in_table(report, statement, tables)
                stated = parse_amount(match.group("n"))
                if in_table is None or stated is None or stated == in_table.total or _INCLUDES_AFTER.match(report.normalized, match.end()):
                    continue
                written = report.text[match.start("n") : match.end()]
                yield self.diagnostic(
                    f"正文称{statement.subject}{written}，但{in_table.description}为 {_number(in_table.total)}",
                    match.start("n"),
                    match.end(),
                    related=in_table.related(),
                )

    def _nones(
        self, report: Report, sentence: Span, statements: Sequence[CountStatement], tables: dict[int, TableValue | None]
    ) -> Iterator[Diagnostic]:
        for statement in statements:
            for match in statement.matches(report.normalized, sentence):
                in_table = _in_table(report, statement, tables)
                if in_table is None or in_table.total <= 0 or _count_follows(report.normalized, sentence, match.end()):
                    continue
                yield self.diagnostic(
                    f"正文称“{report.text[match.start() : match.end()]}”，但{in_table.description}为 {_number(in_table.total)}",
                    match.start(),
                    match.end(),
                    related=in_table.related(),
                )


def _sentence_starts(report: Report) -> list[int]:
    """Where each of the report's sentences starts, in order (they do not overlap): the sentence holding an offset
    is found by bisecting."""
    return [sentence.start for sentence in report.sentences]


def _words_by_sentence(text: str, sentences: Sequence[Span], starts: Sequence[int], words: Sequence[str]) -> dict[int, set[str]]:
    """Which of ``words`` each sentence of ``sentences`` (in order, apart; ``starts``: their starts) holds, by the
    sentence's index (a word held where its occurrence starts; sentences holding none are absent).

    Each word is searched for with :meth:`str.find`; after an occurrence, the search goes on after the sentence holding
    it, or at the next sentence's start when no sentence holds it: table rows hold a word again and again, and the
    occurrences there add nothing.
    """
    held_by: dict[int, set[str]] = {}
    find, count = text.find, len(sentences)
    for word in words:
        position = find(word)
        while position >= 0:
            after = bisect_right(starts, position)
            index = after - 1
            if index >= 0 and position < sentences[index].end:
                held_by.setdefault(index, set()).add(word)
                resume = sentences[index].end
            elif after < count:
                resume = starts[after]
            else:
                break
            position = find(word, max(resume, position + len(word)))
    return held_by


def _table_and_plan_spans(report: Report) -> list[Span]:
    """The filled tables and the body of part five (plans): RL313 does not check the numbers written there."""
    reading = report.reading
    filled_tables = reading.filled.tables.values() if reading.filled else ()
    skipped = [Span(table.start, table.end) for table in filled_tables if table.start is not None and table.end is not None]
    plans = reading.section("s5")
    if plans is not None:
        skipped.append(Span(plans.body_start, plans.body_end))
    return skipped


def _in_table(report: Report, statement: CountStatement, tables: dict[int, TableValue | None]) -> TableValue | None:
    """What the tables hold for a statement's quantity (read once per report: several sentences state the same one)."""
    key = id(statement.quantity)
    if key not in tables:
        tables[key] = statement.quantity.read(report.reading)
    return tables[key]


def _count_follows(text: str, sentence: Span, position: int) -> bool:
    """Whether the clause goes on to give a count (``未按时答复引发行政复议1件`` is not a "none")."""
    end = clause_end(text, position, sentence.end, breaks=SENTENCE_STOPS + COMMAS + SEMICOLONS + COLONS)
    return bool(find_quantities(text, position, end))


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL31x narrative-number rules."""
    return [NarrativeSumMismatch, PercentageMismatch, RateContradiction, TextTableMismatch]
