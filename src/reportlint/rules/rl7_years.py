"""RL70x across years: one body's reports of consecutive years compared (carry-over, stocks, part 五, stated changes).

These are batch rules (:class:`~reportlint.core.batch.BatchRule`): they run once
after every report of a run has been checked, on the reports' summaries, and
only on reports the batch pairs (same body, years Y−1 and Y; see
:class:`~reportlint.core.batch.Pairing`). Give last year's reports with
``reportlint check 本年目录 --previous 上年目录`` or check both years together.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlint.core.batch import Anchor, Batch, BatchReport, BatchRule, YearPair
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.rule import Option
from reportlint.core.summary import CellValues, cell_key
from reportlint.text.minhash import similarity, sketch_similarity

if TYPE_CHECKING:
    from reportlint.template.spec import TableSpec

#: The columns of table 三, as the templates name them (the same in both templates).
APPLICATION_COLUMNS = ("c_np", "c_biz", "c_sci", "c_npo", "c_law", "c_oth", "c_total")


def _number(value: int | Decimal) -> str:
    return str(value) if isinstance(value, int) else format(value.normalize(), "f")


def cell_name(batch: Batch, report: BatchReport, table: str, row: str, column: str) -> str:
    """How messages name a cell of a report: ``第三部分表格“…”“二、上年结转…”行“总计”列``."""
    spec = _table_spec(batch, report, table)
    if spec is not None:
        try:
            return spec.display + spec.cell_name(row, column)
        except KeyError:
            pass
    return f"{table} 表“{row}”行“{column}”列"


def row_and_column_name(batch: Batch, report: BatchReport, table: str, row: str, column: str) -> str:
    """``“四、结转下年度继续办理”行“总计”列`` (the cell without its table)."""
    spec = _table_spec(batch, report, table)
    if spec is not None:
        try:
            return spec.cell_name(row, column)
        except KeyError:
            pass
    return f"“{row}”行“{column}”列"


def _table_spec(batch: Batch, report: BatchReport, table: str) -> TableSpec | None:
    """The spec of a table of a report, from the template its summary names (None when unknown)."""
    facts = report.facts
    cells = facts.cells if facts is not None else None
    if batch.templates is None or cells is None:
        return None
    template = batch.templates.get(cells.template_of(table) or "")
    if template is None:
        return None
    try:
        return template.table(table)
    except KeyError:
        return None


def cell_anchor(report: BatchReport, cells: CellValues, table: str, row: str, column: str) -> Anchor | None:
    """An anchor at a cell of a report (None when the cell was not read)."""
    position = cells.position(table, row, column)
    if position is None:
        return None
    return report.anchor(cells.places, position, cell_key(table, row, column))


def _pairs_with_cells(batch: Batch) -> Iterator[tuple[YearPair, CellValues, CellValues]]:
    """Each year pair whose two reports both had their tables read, with last year's cells and this year's."""
    for pair in batch.pairs:
        previous, current = pair.previous.facts, pair.current.facts
        if previous is not None and current is not None and previous.cells is not None and current.cells is not None:
            yield pair, previous.cells, current.cells


class PairingAmbiguity(BatchRule):
    """跨年度比对时无法配对的报告：同一单位同一年度有两份报告、报告年度不明或报告单位不明。

    跨年度检查（RL701–RL703、RL705）把同一单位相邻两个年度的报告配对比较；单位由
    地名库中的地名代码加机关名称确定（人民政府、办事处、某某局是不同的单位），
    年度取自标题或统计期限。无法确定时不猜测，只在这里提示一次：同一单位同一年度
    有多份报告时，这一年不参与比较；年度不明的报告不参与比较；用 ``--previous`` 给出
    上一年度的报告时，单位在地名库中无法确定的报告也提示一次：它不参与跨年度比较，
    可在配置的 ``[pairing]`` 表中为它指定单位。

    反例：

        （同时检查的 a.txt 和 b.txt 都是秦安县陇城镇人民政府 2021 年度报告）

    正例：

        （同时检查的 a.txt 是 2020 年度报告，b.txt 是 2021 年度报告）
    """

    code = "RL700"
    name = "cross-year-pairing"
    severity = "info"

    def check(self, batch: Batch) -> Iterator[Diagnostic]:
        pairing = batch.pairing
        for group in pairing.duplicates:
            checked = [report for report in group if not report.reference]
            if not checked:
                continue
            first, others = checked[0], [report for report in group if report is not checked[0]]
            who = first.body.name if first.body is not None else ""
            names = "、".join(report.path for report in others)
            yield self.diagnostic(
                f"{who}{first.year}年度有 {len(group)} 份报告（本文件与 {names}），无法确定用哪一份与相邻年度比较，这一年度不做跨年度检查",
                first.whole("duplicate"),
                related=[(other.whole("duplicate"), "同一单位同一年度的另一份报告") for other in others],
            )
        for report in pairing.undated:
            if report.reference:
                continue
            body = report.body
            assert body is not None, "undated reports have a body"
            others = [other for other in batch.comparable if other is not report and other.body is not None and other.body.key == body.key]
            yield self.diagnostic(
                f"无法确定本报告的年度（标题和统计期限中都没有年份），未与{body.name}的其他报告做跨年度比较",
                report.whole("undated"),
                related=[(other.whole("undated"), f"{body.name}的另一份报告") for other in others[:5]],
            )
        if not any(report.reference for report in batch.reports):
            return  # only a run given last year's reports is about comparing years: there an unplaced report is worth a word
        for report in pairing.unidentified:
            if report.reference:
                continue
            subject = report.summary.subject
            reason = f"报告单位“{subject}”在地名库中无法唯一确定" if subject else "报告中没有找到报告单位"
            yield self.diagnostic(
                f"{reason}，本报告未参与跨年度比较；可在配置的 [pairing] 表中为它指定单位",
                report.whole("unidentified"),
            )


class CarryOverMismatch(BatchRule):
    """本年度“上年结转”与上一年度报告的“结转下年度继续办理”不一致。

    上一年度结转下年度继续办理的申请，就是本年度上年结转的申请，所以第三部分表格
    “二、上年结转政府信息公开申请数量”每一列都应等于同一单位上一年度报告“四、结转
    下年度继续办理”的同一列（勾稽关系 B6）。2019 年格式和 2021 年格式的第三部分
    列相同，跨格式（2020 年度与 2021 年度）也比较。需要同时检查两个年度的报告，
    或用 ``--previous`` 给出上一年度报告所在的目录。

    反例：

        （2020 年度报告）四、结转下年度继续办理  2  0  0  0  0  0  2
        （2021 年度报告）二、上年结转政府信息公开申请数量  3  0  0  0  0  0  3

    正例：

        （2020 年度报告）四、结转下年度继续办理  2  0  0  0  0  0  2
        （2021 年度报告）二、上年结转政府信息公开申请数量  2  0  0  0  0  0  2
    """

    code = "RL701"
    name = "carry-over-mismatch"
    severity = "error"

    def check(self, batch: Batch) -> Iterator[Diagnostic]:
        for pair, previous, current in _pairs_with_cells(batch):
            for column in APPLICATION_COLUMNS:
                carried = current.value("s3", "r2", column)
                pending = previous.value("s3", "r4", column)
                if carried is None or pending is None or carried == pending:
                    continue
                here = cell_anchor(pair.current, current, "s3", "r2", column)
                there = cell_anchor(pair.previous, previous, "s3", "r4", column)
                assert here is not None and there is not None, "read cells have places"
                gap = abs(Decimal(carried) - Decimal(pending))
                yield self.diagnostic(
                    f"{cell_name(batch, pair.current, 's3', 'r2', column)}为 {_number(carried)}，但上一年度报告 "
                    f"{pair.previous.path}（{pair.previous.year}年度）的"
                    f"{row_and_column_name(batch, pair.previous, 's3', 'r4', column)}为 {_number(pending)}，相差 {_number(gap)}",
                    here,
                    related=[(there, f"上一年度结转下年度继续办理 = {_number(pending)}")],
                )


#: B9 (2019 format): rows whose 上一年项目数量 continues last year's with last year's 本年增/减.
_T2019_STOCK_ROWS = (
    ("s2_20_5", "licensing"),
    ("s2_20_5", "other_services"),
    ("s2_20_6", "penalty"),
    ("s2_20_6", "enforcement"),
    ("s2_20_8", "fees"),
)
#: B8 (2021 format): rows whose 现行有效件数 is last year's plus this year's 制发 minus 废止.
_T2021_STOCK_ROWS = (("s2_20_1", "rules"), ("s2_20_1", "normative"))


class StockDiscontinuity(BatchRule):
    """第二部分的存量与上一年度报告接不上（现行有效件数、上一年项目数量）。

    2021 年格式：“现行有效件数”应等于上一年度报告的现行有效件数，加本年制发件数，
    减本年废止件数（规章、行政规范性文件两行，勾稽关系 B8）。2019 年格式：“上一年
    项目数量”应等于上一年度报告的上一年项目数量加上一年度的“本年增/减”（行政许可、
    其他对外管理服务事项、行政处罚、行政强制、行政事业性收费各行，B9）。两份报告的
    这张表须是同一格式（2020 与 2021 年度之间不比较）。修订文件计入制发等做法会使
    关系不成立，所以只是警告，请核实。

    反例：

        （2021 年度报告）行政规范性文件  0  0  10
        （2022 年度报告）行政规范性文件  3  1  10

    正例：

        （2021 年度报告）行政规范性文件  0  0  10
        （2022 年度报告）行政规范性文件  3  1  12
    """

    code = "RL702"
    name = "stock-discontinuity"
    severity = "warning"

    def check(self, batch: Batch) -> Iterator[Diagnostic]:
        for pair, previous, current in _pairs_with_cells(batch):
            for table, row in _T2021_STOCK_ROWS:
                yield from self._in_force(batch, pair, previous, current, table, row)
            for table, row in _T2019_STOCK_ROWS:
                yield from self._item_count(batch, pair, previous, current, table, row)

    def _in_force(
        self, batch: Batch, pair: YearPair, previous: CellValues, current: CellValues, table: str, row: str
    ) -> Iterator[Diagnostic]:
        stock = current.value(table, row, "in_force")
        made = current.value(table, row, "made")
        repealed = current.value(table, row, "repealed")
        last_stock = previous.value(table, row, "in_force")
        if stock is None or made is None or repealed is None or last_stock is None:
            return
        expected = last_stock + made - repealed
        if stock == expected:
            return
        here = cell_anchor(pair.current, current, table, row, "in_force")
        there = cell_anchor(pair.previous, previous, table, row, "in_force")
        made_at = cell_anchor(pair.current, current, table, row, "made")
        repealed_at = cell_anchor(pair.current, current, table, row, "repealed")
        assert here is not None and there is not None and made_at is not None and repealed_at is not None
        yield self.diagnostic(
            f"{cell_name(batch, pair.current, table, row, 'in_force')}为 {_number(stock)}，按上一年度报告 {pair.previous.path}"
            f"（{pair.previous.year}年度）的现行有效件数 {_number(last_stock)} 加本年制发 {_number(made)}、减本年废止 "
            f"{_number(repealed)}，应为 {_number(expected)}，相差 {_number(abs(Decimal(stock) - Decimal(expected)))}（修订计为制发时可能不成立，请核实）",
            here,
            related=[
                (there, f"上一年度现行有效件数 = {_number(last_stock)}"),
                (made_at, f"本年制发件数 = {_number(made)}"),
                (repealed_at, f"本年废止件数 = {_number(repealed)}"),
            ],
        )

    def _item_count(
        self, batch: Batch, pair: YearPair, previous: CellValues, current: CellValues, table: str, row: str
    ) -> Iterator[Diagnostic]:
        count = current.value(table, row, "prev_count")
        last_count = previous.value(table, row, "prev_count")
        last_change = previous.value(table, row, "change")
        if count is None or last_count is None or last_change is None:
            return
        expected = last_count + last_change
        if count == expected:
            return
        here = cell_anchor(pair.current, current, table, row, "prev_count")
        count_at = cell_anchor(pair.previous, previous, table, row, "prev_count")
        change_at = cell_anchor(pair.previous, previous, table, row, "change")
        assert here is not None and count_at is not None and change_at is not None
        signed = f"+{_number(last_change)}" if last_change > 0 else _number(last_change)
        yield self.diagnostic(
            f"{cell_name(batch, pair.current, table, row, 'prev_count')}为 {_number(count)}，按上一年度报告 {pair.previous.path}"
            f"（{pair.previous.year}年度）的上一年项目数量 {_number(last_count)} 加本年增/减 {signed}，应为 "
            f"{_number(expected)}，相差 {_number(abs(Decimal(count) - Decimal(expected)))}（请核实）",
            here,
            related=[(count_at, f"上一年度的上一年项目数量 = {_number(last_count)}"), (change_at, f"上一年度的本年增/减 = {signed}")],
        )


class UnchangedProblems(BatchRule):
    """第五部分“存在的主要问题及改进情况”与上一年度报告相同或几乎相同。

    存在的问题和改进措施应当每年据实总结；与上一年度几乎一字不差（不计年份和数字），
    说明这一部分没有更新，上一年的问题是否改进也无从知道。比较时忽略年份、数字、
    地名、空白和标点；整体相似度达到选项 ``similarity``（默认 0.9）时报告。只改了
    一部分问题或措施的报告相似度低得多，不报告。

    反例：

        （2020 年度报告）五、存在的主要问题及改进情况
        2020年，我镇政府信息公开工作还存在公开内容不够全面、政策解读形式单一等问题。2021年，我镇将加强培训。
        （2021 年度报告）五、存在的主要问题及改进情况
        2021年，我镇政府信息公开工作还存在公开内容不够全面、政策解读形式单一等问题。2022年，我镇将加强培训。

    正例：

        （2020 年度报告）五、存在的主要问题及改进情况
        2020年，我镇政府信息公开工作还存在公开内容不够全面、政策解读形式单一等问题。2021年，我镇将加强培训。
        （2021 年度报告）五、存在的主要问题及改进情况
        上年指出的解读形式单一问题已通过“一图读懂”等形式改进；本年仍存在政务新媒体更新不及时的问题，下一步将建立值班审核制度。

    选项：``similarity``（默认 0.9）——与上一年度第五部分的相似度（0–1）达到多少时报告。
    """

    code = "RL703"
    name = "unchanged-problems"
    severity = "warning"
    options = {"similarity": Option(0.9, "与上一年度第五部分的相似度（0–1）达到多少时报告", float)}

    def check(self, batch: Batch) -> Iterator[Diagnostic]:
        threshold = float(self.config["similarity"])
        for pair in batch.pairs:
            previous, current = pair.previous.facts, pair.current.facts
            if previous is None or current is None:
                continue
            now, before = current.section("s5"), previous.section("s5")
            if now is None or before is None:
                continue
            if now.digest == before.digest:
                how = "相同"
            else:
                both = now.sketch and before.sketch
                score = sketch_similarity(now.sketch, before.sketch) if both else similarity(now.signature, before.signature)
                if score < threshold:
                    continue
                how = f"几乎相同（约 {score:.0%} 相同）"
            yield self.diagnostic(
                f"第五部分“存在的主要问题及改进情况”与上一年度报告 {pair.previous.path}（{pair.previous.year}年度）的第五部分{how}"
                "（不计年份和数字），存在的问题和改进情况没有更新",
                pair.current.anchor(now.places, now.index, "s5"),
                related=[(pair.previous.anchor(before.places, before.index, "s5"), "上一年度的第五部分")],
            )


class ChangeContradictsLastYear(BatchRule):
    """正文所说的与上年相比的增减（“较上年增加12件”“同比下降15%”）与上一年度报告的表格不符。

    总体情况常说某项数量较上年增加或减少了多少。上一年度报告在同一批检查中时，
    用它的表格核对：收到政府信息公开申请（第三部分“一、本年新收…”的“总计”）、
    行政复议和行政诉讼（第四部分的“总计”）、制发规范性文件（第二部分的本年制发
    件数）。本年的数量取同一句话中写明的数字，没有写明时取本年表格；百分比按上年数
    计算，允许末位的舍入。

    反例：

        （2020 年度报告）一、本年新收政府信息公开申请数量  5  0  0  0  0  0  5
        （2021 年度报告）全年共收到政府信息公开申请15件，较上年增加12件。

    正例：

        （2020 年度报告）一、本年新收政府信息公开申请数量  5  0  0  0  0  0  5
        （2021 年度报告）全年共收到政府信息公开申请15件，较上年增加10件。
    """

    code = "RL705"
    name = "change-contradicts-last-year"
    severity = "warning"

    def check(self, batch: Batch) -> Iterator[Diagnostic]:
        for pair in batch.pairs:
            previous, current = pair.previous.facts, pair.current.facts
            if previous is None or current is None or previous.cells is None or not current.claims:
                continue
            for claim in current.claims:
                last = previous.cells.total(claim.cells)
                if last is None:
                    continue
                last_value, last_cells = last
                this_value: int | Decimal
                this_cells: Sequence[tuple[str, str, str]] = ()
                if claim.stated is not None:
                    this_value = claim.stated
                else:
                    now = current.cells.total(claim.cells) if current.cells is not None else None
                    if now is None:
                        continue
                    this_value, this_cells = now
                actual = Decimal(this_value) - Decimal(last_value)
                if claim.unit == "%":
                    if not last_value:
                        continue
                    exact = actual * 100 / Decimal(last_value)
                    if abs(exact - claim.change) < claim.resolution:
                        continue
                    found = f"实际{'增加' if actual >= 0 else '减少'} {_number(abs(actual))}，{'增长' if actual >= 0 else '下降'} {abs(exact):.1f}%"
                else:
                    if actual == claim.change:
                        continue
                    found = "实际持平" if actual == 0 else f"实际{'增加' if actual > 0 else '减少'} {_number(abs(actual))}"
                described = "与".join(row_and_column_name(batch, pair.previous, *cell) for cell in last_cells)
                related = [
                    (anchor, f"上一年度 = {_number(value)}")
                    for table, row, column in last_cells
                    if (anchor := cell_anchor(pair.previous, previous.cells, table, row, column)) is not None
                    and (value := previous.cells.value(table, row, column)) is not None
                ]
                if current.cells is not None:
                    related += [
                        (anchor, "本年表格")
                        for table, row, column in this_cells
                        if (anchor := cell_anchor(pair.current, current.cells, table, row, column)) is not None
                    ]
                yield self.diagnostic(
                    f"正文称{claim.quantity}“{claim.text}”，但上一年度报告 {pair.previous.path}（{pair.previous.year}年度）"
                    f"{described}为 {_number(last_value)}，本年为 {_number(this_value)}，{found}",
                    pair.current.anchor(claim.place, 0, f"claim/{claim.quantity}/{claim.text}"),
                    related=related,
                )


@hookimpl
def reportlint_batch_rules() -> list[type[BatchRule]]:
    """The RL70x cross-year rules."""
    return [PairingAmbiguity, CarryOverMismatch, StockDiscontinuity, UnchangedProblems, ChangeContradictsLastYear]
