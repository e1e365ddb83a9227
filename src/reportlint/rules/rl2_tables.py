"""RL2 table shape and cells: missing tables and rows, lost labels, value counts, blank and odd cells."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from reportlint.core.diagnostics import Diagnostic, Related
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Option, Rule
from reportlint.template.filled import CellStatus, FilledCell, FilledRow, FilledTable, LabelMatch
from reportlint.template.identity import Subject
from reportlint.template.labels import is_near_miss, is_truncation, label_key
from reportlint.template.spec import TableSpec
from reportlint.text.chars import HAN_CHAR
from reportlint.text.quoting import squash
from reportlint.usercache.patterns import compiled


def _tables(report: Report) -> Iterator[FilledTable]:
    filled = report.reading.filled
    if filled is not None:
        yield from (table for table in filled.tables.values() if table.found)


_Located = tuple[FilledTable, FilledRow, FilledCell]


class _CellIndex:
    """The cells of a report's found tables that the RL2 cell rules look at, walked once per report
    (:meth:`Report.shared`) instead of once per rule.

    Cells of every status but OK are kept by status, in reading order. Most cells are OK (a count as it should be):
    only the OK cells a rule may report are kept, in three lists: :attr:`with_unit` (RL208), :attr:`odd_values`
    (a value that is not a non-negative integer: RL210) and :attr:`unitless_amounts` (a non-zero amount without
    unit in a column whose header gives none: RL209).
    """

    def __init__(self, report: Report) -> None:
        self.tables = tuple(_tables(report))
        by_status: dict[CellStatus, list[_Located]] = {}
        with_unit: list[_Located] = []
        odd_values: list[_Located] = []
        unitless_amounts: list[_Located] = []
        ok = CellStatus.OK
        for table in self.tables:
            unitless = {column.id for column in table.spec.columns if column.kind == "amount" and column.unit is None}
            for row in table.rows:
                for cell in row.cells:
                    status = cell.status
                    if status is ok:
                        if cell.column is None:
                            continue
                        value = cell.value
                        if cell.unit is not None:
                            with_unit.append((table, row, cell))
                        elif value and cell.column in unitless:
                            unitless_amounts.append((table, row, cell))
                        if value is not None and (type(value) is not int or value < 0):
                            odd_values.append((table, row, cell))
                        continue
                    listed = by_status.get(status)
                    if listed is None:
                        by_status[status] = [(table, row, cell)]
                    else:
                        listed.append((table, row, cell))
        self.by_status = by_status
        self.with_unit, self.odd_values, self.unitless_amounts = with_unit, odd_values, unitless_amounts
        #: The rows holding a cell of each status but OK (by ``id``).
        self.rows_with = {status: {id(row) for _, row, _ in cells} for status, cells in by_status.items()}

    def cells(self, status: CellStatus) -> list[_Located]:
        """The cells with this status (not OK), in reading order."""
        return self.by_status.get(status, [])


def _cell_index(report: Report) -> _CellIndex:
    return report.shared(_CellIndex)


def _cut_row(report: Report, table: FilledTable) -> FilledRow | None:
    """The last row of a table in the part where an incomplete text stops, when no row of another table of that part
    is read after it: its cells may be cut off, not blank."""
    if not report.reading.cut_off(table.spec.section):
        return None
    last = max(table.rows, key=lambda row: row.end, default=None)
    filled = report.reading.filled
    if last is None or filled is None:
        return last
    for other in filled.tables.values():
        if other is not table and other.spec.section == table.spec.section and any(row.start > last.end for row in other.rows):
            return None  # the text goes on to a later table: this one is whole
    return last


def _cut_after(row: FilledRow | None) -> int:
    """Where the cells of the row an incomplete text stops in may be cut off: after its last written cell."""
    if row is None:
        return 0
    return max((cell.end for cell in row.cells if cell.end is not None and cell.status is not CellStatus.BLANK), default=0)


def _span(cell: FilledCell) -> tuple[int, int]:
    """Where a cell is written: every cell a rule reports was read from the text."""
    assert cell.start is not None and cell.end is not None, "a reported cell has a place in the text"
    return cell.start, cell.end


def _row_anchor(row: FilledRow) -> tuple[int, int]:
    if row.label_start is not None and row.label_end is not None:
        return row.label_start, row.label_end
    located = [cell for cell in row.cells if cell.start is not None]
    return (_span(located[0])[0], _span(located[-1])[1]) if located else (row.start, row.end)


def _row_name(table: FilledTable, row: FilledRow) -> str:
    if row.row is None:
        return "一行数据"
    label = table.spec.row(row.row).label
    return f"“{label}”行" if label else "数据行"


class MissingTable(Rule):
    """第二、三、四部分缺少统一格式规定的表格。

    统一格式中，第二部分由“第二十条第（一）项”等几张小表组成，第三部分是收到和
    处理政府信息公开申请情况表，第四部分是行政复议、行政诉讼情况表。只报告写了
    文字却没有表格的部分；标题下什么都没有（表格多半是图片或附件）、表格在而读
    不出的、小表只有标题和行列名称而没有一个数值的，由 RL215 提示；文本在中途
    中断时（RL117）中断处之后的表格不报告。

    反例：

        二、主动公开政府信息情况
        全年主动公开政府信息156条，其中行政规范性文件5件。    （只有文字，没有表格）

    正例：

        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容  本年制发件数  本年废止件数  现行有效件数
        ……
    """

    code = "RL201"
    name = "missing-table"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        template = reading.expected_template
        if template is None:
            return
        for section_id in ("s2", "s3", "s4"):
            section = reading.section(section_id)
            if section is None:
                continue  # the missing section itself is RL101's finding
            if reading.cut_off(section_id):
                continue  # the text stops before the tables (RL117)
            unread_here = [item for item in reading.unread_tables if item.section.spec_id == section_id]
            if any(item.reason == "unsplit" for item in unread_here):
                continue  # values written together: the part's other tables may be in them (RL215)
            unread = {table for item in unread_here for table in item.tables}
            template_id = reading.table_templates.get(section_id)
            specs = template.tables_of(section_id)
            if template_id is None:
                if not unread:  # tables there but unread: RL215
                    yield self.diagnostic(f"“{squash(section.heading)}”中没有找到统一格式规定的表格", section.start, section.end)
                continue
            if template_id != template.id:
                continue  # a table of the other template is RL106's finding
            for spec in specs:
                table = reading.table(spec.id)
                if (table is None or not table.found) and spec.id not in unread:
                    yield self.diagnostic(f"“{squash(section.heading)}”缺少表格“{spec.title}”", section.start, section.end)


class MissingRows(Rule):
    """表格缺少统一格式规定的行（例如第三部分只有部分办理结果行）。

    统一格式的每一行都必须填写，没有数据的行也要保留并填 0。缺行会使汇总统计出错，
    也无法核对勾稽关系。文本在表格中途中断时（RL117），中断处之后的行不报告；数字
    连写而无法拆分的行、只有行标签而后面没有数值的行由 RL215 提示。

    反例：

        （第三部分表格缺少“3.要求提供公开出版物”行）
        （五）不予处理  1.信访举报投诉类申请  0  0  0  0  0  0  0
        2.重复申请  0  0  0  0  0  0  0
        4.无正当理由大量反复申请  0  0  0  0  0  0  0

    正例：

        （第三部分表格）
        （五）不予处理  1.信访举报投诉类申请  0  0  0  0  0  0  0
        2.重复申请  0  0  0  0  0  0  0
        3.要求提供公开出版物  0  0  0  0  0  0  0
        4.无正当理由大量反复申请  0  0  0  0  0  0  0
    """

    code = "RL202"
    name = "missing-rows"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        label_only = {
            (table, label)
            for item in report.reading.unread_tables
            if item.reason == "label-only"
            for table in item.tables
            for label in item.rows
        }
        for table in _tables(report):
            present = {row.row for row in table.rows}  # the template rows found (those :meth:`FilledTable.row` finds)
            unsplit = {row.row for row in table.unsplittable}
            missing = [
                row
                for row in table.spec.rows
                if row.id not in present and row.id not in unsplit and (table.spec.id, row.label) not in label_only
            ]
            if report.reading.cut_off(table.spec.section):
                found = [index for index, row in enumerate(table.spec.rows) if row.id in present]
                last = max(found, default=-1)
                missing = [row for row in missing if table.spec.rows.index(row) < last]  # rows after the cut: RL117
            if not missing:
                continue
            labels = "、".join(f"“{row.label}”" for row in missing[:4]) + (f"等 {len(missing)} 行" if len(missing) > 4 else "")
            unplaced = sum(1 for row in table.rows if row.row is None)
            extra = f"；另有 {unplaced} 行数据因缺少行标签无法对应" if unplaced else ""
            start = table.start if table.start is not None else 0
            yield self.diagnostic(f"{table.spec.display}缺少 {len(missing)} 行：{labels}{extra}", start, start + 1)


class UnalignedRow(Rule):
    """表格中有一行数据找不到行标签，数值个数也对不上，无法确定是哪一行。

    PDF 转换或网页转载常把行标签弄丢、把单元格拆乱。reportlint 不会猜测这些数值
    属于哪一行，因此无法核对它们；请对照原始表格修正。

    反例：

        （第三部分表格）
        三、本年度办理结果
        0  0  0  0  0  0  0  0  0    （没有行标签，9 个数值，应为 7 个）

    正例：

        （第三部分表格）
        （一）予以公开  0  0  0  0  0  0  0
    """

    code = "RL203"
    name = "unaligned-row"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for table in _tables(report):
            for row in table.rows:
                if row.row is not None:
                    continue
                start, end = _row_anchor(row)
                label = f"（残留文字“{squash(row.label)}”）" if row.label else ""
                yield self.diagnostic(
                    f"{table.spec.display}中有一行数据没有可识别的行标签{label}，有 {row.found} 个数值（每行应为 {row.expected} 个），无法对应到模板中的行",
                    start,
                    end,
                )


class PositionalRow(Rule):
    """表格中一行数据缺少行标签或行标签认不出，已按所在位置对应到模板中的行。

    数值个数正确，位置也能确定，因此仍然参与核对；但缺少标签、或标签不是官方写法
    （如把“（七）总计”写成“（七）合计”）的表格，读者难以对照，也无法汇总，应补上
    或改为官方行标签。

    反例：

        （第三部分表格）
        二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0
        0  0  0  0  0  0  0    （缺“（一）予以公开”）

    正例：

        （第三部分表格）
        二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0
        （一）予以公开  0  0  0  0  0  0  0
    """

    code = "RL204"
    name = "positional-row"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for table in _tables(report):
            for row in table.rows:
                if row.match is LabelMatch.POSITIONAL and row.row is not None:
                    start, end = _row_anchor(row)
                    label = table.spec.row(row.row).label
                    written = _written_label(report, start, table)
                    if written is not None:
                        # a label the reader did not recognise (2.其他法律法规禁止公开, （七）合计): it names the row wrongly
                        yield self.diagnostic(
                            f"{table.spec.display}中行标签“{squash(report.text[written[0] : written[1]])}”不是官方格式中的写法，"
                            f"按位置对应为“{label}”，请改为官方行标签",
                            *written,
                        )
                    else:
                        yield self.diagnostic(f"{table.spec.display}中这一行缺少行标签，按位置对应为“{label}”，请补上行标签", start, end)


def _written_label(report: Report, start: int, table: FilledTable) -> tuple[int, int] | None:
    """Where words stand before a row's first value on its line, when they are a label the reader did not
    recognise (not only the table's group labels, such as ``三、本年度办理结果``); otherwise None."""
    line_start = report.text.rfind("\n", 0, start) + 1
    before = report.text[line_start:start]
    rest = label_key(before)
    for group in table.spec.group_labels:
        rest = rest.replace(label_key(group), "")
    if HAN_CHAR.search(rest) is None:
        return None
    return line_start + len(before) - len(before.lstrip()), line_start + len(before.rstrip())


class ValueCount(Rule):
    """表格某一行的数值个数与列数不符（多了或少了）。

    每行的数值个数必须等于表格的列数：第三部分每行 7 个，第四部分 15 个，第二部分
    各小表按列数。多出或缺少的数值无法确定属于哪一列，这一行不参与勾稽关系核对。

    反例：

        （第四部分表格）
        0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0    （16 个数值）

    正例：

        （第四部分表格）
        0  0  0  0  0  0  0  0  0  0  0  0  0  0  0    （15 个数值）
    """

    code = "RL205"
    name = "value-count"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        index = _cell_index(report)
        flagged = index.rows_with.get(CellStatus.EXTRA, set()) | index.rows_with.get(CellStatus.UNALIGNED, set())
        if not flagged:
            return
        for table in index.tables:
            cut = _cut_row(report, table)
            for row in table.rows:
                if row.row is None or row is cut or id(row) not in flagged:
                    continue  # the row the text stops in is RL117's finding
                extra = [cell for cell in row.cells if cell.status is CellStatus.EXTRA]
                unaligned = [cell for cell in row.cells if cell.status is CellStatus.UNALIGNED]
                if not extra and not unaligned:
                    continue
                found = len([cell for cell in row.cells if cell.status is not CellStatus.MISSING])
                name = _row_name(table, row)
                if extra:
                    start, end = _span(extra[0])[0], _span(extra[-1])[1]
                    detail = f"多出的 {len(extra)} 个无法确定属于哪一列"
                else:
                    start, end = _row_anchor(row)
                    detail = "无法确定缺的是哪一列"
                yield self.diagnostic(
                    f"{table.spec.display}{name}有 {found} 个数值，应为 {row.expected} 个（{detail}），这一行不参与勾稽关系核对",
                    start,
                    end,
                )


class BlankCell(Rule):
    """表格单元格为空。没有数据的单元格应填写 0。

    空白单元格让读者无法区分“没有发生”和“漏填”，也无法核对勾稽关系。一行中有
    几个空白单元格时合并为一条，整张表都空着时只报告一次。文本在表格中途中断时
    （RL117），最后一行末尾的空白可能是被截掉的数值，不报告；其后还有数值的空白照常报告。

    反例：

        行政规范性文件  0  （空）  5

    正例：

        行政规范性文件  0  0  5
    """

    code = "RL206"
    name = "blank-cell"
    severity = "error"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        index = _cell_index(report)
        blank_cells = index.cells(CellStatus.BLANK)
        if not blank_cells:
            return
        for table in index.tables:
            if not any(located[0] is table for located in blank_cells):
                continue
            cut = _cut_row(report, table)
            cut_after = _cut_after(cut)
            blanks = [
                (row, cell)
                for located_table, row, cell in blank_cells
                if located_table is table and not (row is cut and _span(cell)[0] >= cut_after)
            ]
            if not blanks:
                continue
            written = [
                cell for row in table.rows for cell in row.cells if cell.status in (CellStatus.OK, CellStatus.NON_NUMERIC, CellStatus.EXTRA)
            ]
            by_row: dict[int, list[FilledCell]] = {}  # the blank cells reported, by row, in reading order
            for row, cell in blanks:
                by_row.setdefault(id(row), []).append(cell)
            if not written and len(by_row) > 1:
                first, last = blanks[0][1], blanks[-1][1]
                yield self.diagnostic(
                    f"{table.spec.display}读到的 {len(by_row)} 行全部为空（{len(blanks)} 个单元格），没有数据应填写 0",
                    _span(first)[0],
                    _span(last)[1],
                )
                continue
            for row in table.rows:
                empty = by_row.get(id(row))
                if not empty:
                    continue
                if len(empty) == 1:
                    cell = empty[0]
                    where = table.spec.cell_name(cell.row, cell.column)
                    yield self.diagnostic(f"{table.spec.display}{where}为空，没有数据应填写 0", *_span(cell))
                    continue
                if len(empty) == len(table.spec.columns):
                    what = f"单元格全部为空（{len(empty)} 个）"
                else:
                    what = f"{_columns_named(table, empty)}列为空（{len(empty)} 个单元格）"
                yield self.diagnostic(
                    f"{table.spec.display}{table.spec.cell_name(row.row, None)}的{what}，没有数据应填写 0",
                    *_span(empty[0]),
                    related=[Related(*_span(cell), "空白单元格") for cell in empty[1:]],
                )


def _columns_named(table: FilledTable, cells: Sequence[FilledCell]) -> str:
    """The columns of a row's ``cells`` as a message names them: “自然人”“法人或其他组织/商业企业”."""
    return "".join(f"“{table.spec.column(cell.column).display}”" for cell in cells if cell.column)


class NonNumericCell(Rule):
    """表格中应填数字的单元格写了文字或符号（如“无”“-”“/”）。

    统一格式的表格只填数字，没有数据填 0。文字和符号无法汇总统计。一行中几个
    单元格写了同样的文字时合并为一条，整张表都这样写时只报告一次。

    反例：

        行政许可  无
        行政处罚  -
        行政强制  /

    正例：

        行政许可  0
        行政处罚  0
        行政强制  0
    """

    code = "RL207"
    name = "non-numeric-cell"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        index = _cell_index(report)
        written = index.cells(CellStatus.NON_NUMERIC)
        if not written:
            return
        for table in index.tables:
            cells = [cell for located_table, _, cell in written if located_table is table]
            if not cells:
                continue
            rows = {(cell.row, cell.raw) for cell in cells}
            numbers = [cell for row in table.rows for cell in row.cells if cell.status is CellStatus.OK]
            if len({raw for _, raw in rows}) == 1 and len(rows) > 1 and not numbers:
                yield self.diagnostic(
                    f"{table.spec.display}读到的 {len(rows)} 行都填写“{cells[0].raw}”（{len(cells)} 个单元格），应填写数字（没有数据填 0）",
                    _span(cells[0])[0],
                    _span(cells[-1])[1],
                )
                continue
            for (row, raw), same in _groups(cells).items():
                if len(same) == 1:
                    where = table.spec.cell_name(row, same[0].column)
                else:
                    where = f"{table.spec.cell_name(row, None)}的{_columns_named(table, same)}列"
                yield self.diagnostic(
                    f"{table.spec.display}{where}填写的是“{raw}”{f'（{len(same)} 个单元格）' if len(same) > 1 else ''}，应填写数字（没有数据填 0）",
                    *_span(same[0]),
                    related=[Related(*_span(cell), f"也填写了“{raw}”") for cell in same[1:]],
                )


def _groups(cells: Sequence[FilledCell]) -> dict[tuple[str | None, str], list[FilledCell]]:
    """``cells`` by row and by what is written in them, in the order of the table."""
    groups: dict[tuple[str | None, str], list[FilledCell]] = {}
    for cell in cells:
        groups.setdefault((cell.row, cell.raw), []).append(cell)
    return groups


_UNIT_NOTE = compiled(r"单位\s*[:：为]?\s*(亿元|万元|千元|元)")


def declared_unit(report: Report, table: FilledTable, column_label: str) -> str | None:
    """The unit a report states for a column whose header has none: ``采购总金额（万元）`` or a ``单位：万元`` note.

    Looked for in the section that holds the table: its part, or the part it was read in when its own heading is
    missing.
    """
    section = report.reading.section(table.spec.section)
    if section is None and table.start is not None:
        section = next((found for found in report.reading.sections if found.body_start <= table.start < found.body_end), None)
    if section is None:
        return None
    text = report.normalized[section.body_start : section.body_end]
    compact = "".join(text.split())
    label = "".join(column_label.split())
    after_label = re.search(re.escape(label) + r"\(?(?:单位[:：])?(亿元|万元|千元|元)", compact)
    if after_label:
        return after_label.group(1)
    note = _UNIT_NOTE.search(compact)
    return note.group(1) if note else None


class CellUnit(Rule):
    """单元格中的数字带了单位，或单位与表头规定的不同。

    数量栏只填数字；2021 年格式第二部分“本年收费金额（单位：万元）”已规定单位，
    单元格填“元”金额会差一万倍；2019 年格式的“采购总金额”表头没有单位，有的报告
    写“元”、有的写“万元”，汇总时无法比较，应在表外统一说明。

    反例：

        信息内容  本年收费金额（单位：万元）
        行政事业性收费  3500元

    正例：

        信息内容  本年收费金额（单位：万元）
        行政事业性收费  0.35
    """

    code = "RL208"
    name = "cell-unit"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for table, _row, cell in _cell_index(report).with_unit:
            assert cell.column is not None  # (the index keeps only cells in a column)
            column = table.spec.column(cell.column)
            where = f"{table.spec.display}{table.spec.cell_name(cell.row, cell.column)}"
            if column.kind != "amount":
                message = f"{where}是数量，应只填数字，不带单位“{cell.unit}”"
            elif column.unit is None:
                declared = declared_unit(report, table, column.label)
                if declared == cell.unit:
                    continue
                if declared is not None:
                    message = f"{where}填写的“{cell.raw}”与表中注明的单位“{declared}”不一致"
                else:
                    message = f"{where}写了单位“{cell.unit}”（“{cell.raw}”）；表头没有规定单位，请在表头注明金额单位（如“{column.label}（万元）”）并只填数字"
            elif cell.unit != column.unit:
                message = f"{where}的单位应为“{column.unit}”（见表头），填写的是“{cell.raw}”"
            else:
                continue
            yield self.diagnostic(message, *_span(cell))


class AmountWithoutUnit(Rule):
    """金额栏的表头没有规定单位，报告也没有注明单位（2019 年格式“采购总金额”）。

    2019 年试行格式的“采购总金额”没有单位，报告中“57”可能是元也可能是万元；
    0 不受影响。请在表头注明单位（“采购总金额（万元）”）或在表下注明“单位：万元”，
    单元格只填数字。

    反例（2020年度报告）：

        信息内容  采购项目数量  采购总金额
        政府集中采购  3  57

    正例：

        信息内容  采购项目数量  采购总金额（万元）
        政府集中采购  3  57
    """

    code = "RL209"
    name = "amount-without-unit"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for table, _row, cell in _cell_index(report).unitless_amounts:
            assert cell.column is not None  # (the index keeps only cells in a column)
            column = table.spec.column(cell.column)
            if column.kind == "amount" and column.unit is None and declared_unit(report, table, column.label) is None:
                yield self.diagnostic(
                    f"{table.spec.display}{table.spec.cell_name(cell.row, cell.column)}填写“{cell.raw}”，表中没有注明单位，无法判断是元还是万元",
                    *_span(cell),
                )


class ImpossibleCount(Rule):
    """数量栏出现负数或小数（“本年增/减”栏除外）。

    申请数、案件数、文件件数都是非负整数；负数或小数多是填错了栏目或把金额填进了
    数量栏。

    反例：

        一、本年新收政府信息公开申请数量  -1  0  0  0  0  0  -1

    正例：

        一、本年新收政府信息公开申请数量  1  0  0  0  0  0  1
    """

    code = "RL210"
    name = "impossible-count"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for table, _row, cell in _cell_index(report).odd_values:
            assert cell.column is not None and cell.value is not None  # (the index keeps only cells in a column, with a value)
            column = table.spec.column(cell.column)
            if column.kind != "count":
                continue
            if cell.value < 0:
                where = f"{table.spec.display}{table.spec.cell_name(cell.row, cell.column)}"
                yield self.diagnostic(f"{where}是数量，不能为负数（填写的是“{cell.raw}”）", *_span(cell))
            elif isinstance(cell.value, Decimal) and cell.value != cell.value.to_integral_value():
                where = f"{table.spec.display}{table.spec.cell_name(cell.row, cell.column)}"
                yield self.diagnostic(f"{where}是数量，应为整数（填写的是“{cell.raw}”）", *_span(cell))


class HeaderLabel(Rule):
    """表头文字残缺或不是官方格式中的写法（如“本年废止件”“科研机关”）。

    表头残缺多是网页转换或排版截断造成的，写错一个字（“科研机关”应为“科研机构”）
    多是手工录入所致；读者可能误解栏目含义。能确定是哪个官方表头时，消息给出官方写法。
    同一张表中同样写法的几个表头（“本年新”“本年新”）合并为一条。文本恰在某个表头处中断时
    （RL117），那个表头是被截断的，不在此报告。

    反例：

        信息内容  本年制发件数  本年废止件  现行有效件数

    正例：

        信息内容  本年制发件数  本年废止件数  现行有效件数
    """

    code = "RL211"
    name = "header-label"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        truncation = report.reading.truncation
        for table in _tables(report):
            by_text: dict[str, list[tuple[int, int]]] = {}  # the places of each header text, in reading order
            for text, start, end in table.unknown_headers:
                if truncation is not None and end > truncation.start:
                    continue  # the header the text stops in (RL117): cut off, not misspelt
                by_text.setdefault(text, []).append((start, end))
            for text, places in by_text.items():
                official = _official_header(table.spec, text)
                hint = f"，官方格式为“{official}”" if official else ""
                count = f"（{len(places)} 处）" if len(places) > 1 else ""
                yield self.diagnostic(
                    f"{table.spec.display}的表头“{text}”{count}不完整或不是官方格式中的写法{hint}",
                    *places[0],
                    related=[Related(start, end, "同样的表头") for start, end in places[1:]],
                )


def _official_header(spec: TableSpec, written: str) -> str | None:
    """The one official header text that ``written`` cuts off or misspells by one character, or None."""
    key = label_key(written)
    texts = (*spec.header, *(part for column in spec.columns for text in (column.label, *column.aliases) for part in text.split("/")))
    found = {text for text in texts if is_truncation(key, label_key(text)) or is_near_miss(key, label_key(text))}
    return found.pop() if len(found) == 1 else None


class RowLabelVariant(Rule):
    """表格行标签与官方格式不一致：缺少序号（“上年结转…”缺“二、”）或文字有出入。

    行标签是统一格式的一部分，序号和文字都应照录，便于对照和汇总。

    反例：

        上年结转政府信息公开申请数量  0  0  0  0  0  0  0

    正例：

        二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0
    """

    code = "RL212"
    name = "row-label-variant"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        for table in _tables(report):
            for row in table.rows:
                if row.match not in (LabelMatch.NO_ORDINAL, LabelMatch.FUZZY) or row.label_start is None or row.row is None:
                    continue
                official = table.spec.row(row.row).label
                reason = "缺少序号" if row.match is LabelMatch.NO_ORDINAL else "文字与官方格式不同"
                yield self.diagnostic(f"行标签“{squash(row.label)}”{reason}，官方格式为“{official}”", row.label_start, row.label_end)


#: Bodies that cannot make 规章 (立法法: only State Council departments, provinces and 设区的市).
NO_RULEMAKING_LEVELS = ("乡", "镇", "街道", "县", "区")


class RulesByLowerBody(Rule):
    """乡镇、街道、县级机关的报告中“规章”一行不为 0。

    依照立法法，只有国务院部门、省级人民政府和设区的市、自治州人民政府可以制定规章；
    乡镇、街道和县级机关制发的是行政规范性文件，不能计入“规章”。一行中几列都不为 0 时
    合并为一条。

    反例：

        规章  3  0  3

    正例：

        规章  0  0  0
        行政规范性文件  3  0  3
    """

    code = "RL213"
    name = "rules-by-lower-body"
    severity = "warning"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        subject = report.reading.subject
        table = report.reading.table("s2_20_1")
        if subject is None or subject.level not in NO_RULEMAKING_LEVELS or table is None:
            return
        filled = [
            (column, cell)
            for column in table.spec.columns
            if (cell := table.cell("rules", column.id)).is_readable and cell.value and cell.value > 0
        ]
        if not filled:
            return
        if len(filled) == 1:
            written = f"“{filled[0][0].label}”填写了 {filled[0][1].raw}"
        else:
            written = "填写了" + "、".join(f"“{column.label}” {cell.raw}" for column, cell in filled)
        yield self.diagnostic(
            f"{subject.display}（{subject.level}级）不能制定规章，但“规章”行{written}；行政规范性文件应计入下一行",
            *_span(filled[0][1]),
            related=[Related(*_span(cell), f"“{column.label}”列") for column, cell in filled[1:]],
        )


def _tier(subject: Subject | None) -> str | None:
    """How high a body stands for money amounts: ``township``, ``county`` or None (a city, a province, or unknown)."""
    if subject is None:
        return None
    if subject.is_township:
        return "township"
    if subject.level in ("县", "区"):
        return "county"
    if subject.level == "部门" and subject.name:
        if "省" in subject.name or "自治区" in subject.name:
            return None
        if re.search(r"[县旗]|(?<![社园])区(?!域)", subject.name) and not re.search(r"市(?!场|民|政)", subject.name.split("区")[-1]):
            return "county"
    return None


class FeeAmountScale(Rule):
    """2021 年格式“本年收费金额（单位：万元）”的数值对报告主体来说大得不合常理，可能按“元”填写了。

    表头规定单位为万元。乡镇、街道一年的行政事业性收费很少达到上百万元，县级机关
    很少达到上亿元；数值过大通常是把元当成了万元。地市、省级机关及其部门收费上千
    万元很常见，不检查；报告主体不明时也不检查。

    反例：

        某某镇2021年政府信息公开工作年度报告
        行政事业性收费  3500

    正例：

        某某镇2021年政府信息公开工作年度报告
        行政事业性收费  0.35

    选项：``threshold``（数字，万元，默认 100）——乡镇、街道超过该值即提示；
    ``county-threshold``（数字，万元，默认 10000）——县级机关（县、区人民政府及其部门）超过该值即提示。
    """

    code = "RL214"
    name = "fee-amount-scale"
    severity = "warning"
    options = {
        "threshold": Option(100.0, "乡镇、街道超过该金额（万元）即提示", float),
        "county-threshold": Option(10000.0, "县级机关超过该金额（万元）即提示", float),
    }

    def check(self, report: Report) -> Iterator[Diagnostic]:
        table = report.reading.table("s2_20_8")
        tier = _tier(report.reading.subject)
        if table is None or tier is None:
            return
        threshold = Decimal(str(self.config["threshold" if tier == "township" else "county-threshold"]))
        for column in table.spec.columns:
            if column.unit != "万元":
                continue
            cell = table.cell("fees", column.id)
            if cell.is_readable and cell.value is not None and cell.unit is None and cell.value > threshold:
                who = "乡镇、街道" if tier == "township" else "县级机关"
                yield self.diagnostic(
                    f"“行政事业性收费”的收费金额单位是万元，填写的 {cell.raw} 万元即 {cell.value * 10000} 元，"
                    f"对{who}来说数值异常（超过 {threshold.normalize():f} 万元），请确认是否按“元”填写",
                    *_span(cell),
                )


#: Why a part's tables could not be read, for messages.
_UNREAD_REASONS = {
    "empty": "标题下没有任何内容（表格可能以图片或附件形式发布，或复制时丢失）",
    "images": "标题下只有图片（表格以图片形式发布，其中的数值无法读出）",
    "unsplit": "数字连在一起写，无法唯一地拆分到各列",
    "no-values": "只有表格的标题和行列名称，没有一个数值（表格没有填写，或数值在复制时丢失）",
    "layout": "有表格的文字，但没有一行能对应到统一格式的行（版式无法识别）",
    "label-only": "只有行标签，后面没有数值（单元格空着，或数值在复制时丢失）",
}


class TableNotRead(Rule):
    """第二、三、四部分有表格（或表格的位置），但 reportlint 没有读出其中的数值，相应的核对没有进行。

    表格以图片或附件形式发布、复制网页时丢失，只剩表格的标题和行列名称（第二部分
    的几张小表、表格中只有行标签的行也分别说明），或者表格被压成一行、数字连在一起
    （“规章000行政规范性文件693”）而又无法唯一地拆分，reportlint 都不会猜测数值：
    这些表格的勾稽关系、空白单元格等检查没有进行。本条说明哪张表、为什么没有读出、
    哪些勾稽关系因此没有核对，避免“未发现问题”被误解为表格没有问题。请对照原件
    核对，或提供带表格文字的版本。

    反例：

        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        （第三部分标题下没有表格）

    正例：

        三、收到和处理政府信息公开申请情况
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
        ……
        一、本年新收政府信息公开申请数量  3  0  0  0  0  0  3
    """

    code = "RL215"
    name = "table-not-read"
    severity = "info"

    def check(self, report: Report) -> Iterator[Diagnostic]:
        reading = report.reading
        template = reading.expected_template or (reading.filled.template if reading.filled else None)
        for unread in reading.unread_tables:
            specs = [template.table(table_id) for table_id in unread.tables] if template is not None else []
            heading = squash(unread.section.heading)
            named = [spec for spec in specs if label_key(spec.title) not in label_key(heading)]
            names = "、".join(f"“{spec.title}”" for spec in named) if named else "表格"
            relations = [relation.description for relation in template.relations if relation.table in unread.tables] if template else []
            skipped = (
                "以下勾稽关系未核对：" + "；".join(dict.fromkeys(relations))
                if relations
                else "表中数值的检查（空白单元格、单位、数值范围等）未进行"
            )
            rows = f"（{'、'.join(f'“{row}”' for row in unread.rows[:3])}{'等' if len(unread.rows) > 3 else ''}）" if unread.rows else ""
            what = f" {len(unread.rows)} 行" if unread.reason in ("unsplit", "label-only") else ("" if names == "表格" else "表格")
            yield self.diagnostic(
                f"“{heading}”的{names}没有读出{what}：{_UNREAD_REASONS[unread.reason]}{rows}；{skipped}",
                unread.start,
                unread.end,
            )


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL2 table-shape and cell rules."""
    return [
        MissingTable,
        MissingRows,
        UnalignedRow,
        PositionalRow,
        ValueCount,
        BlankCell,
        NonNumericCell,
        CellUnit,
        AmountWithoutUnit,
        ImpossibleCount,
        HeaderLabel,
        RowLabelVariant,
        RulesByLowerBody,
        FeeAmountScale,
        TableNotRead,
    ]
