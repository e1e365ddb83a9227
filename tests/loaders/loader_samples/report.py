"""A realistic 2021-format township report as data, and the text every structured loader extracts from it.

The HTML fixtures in ``fixtures/`` hold this report; the .docx (and the PDF made
from it) are written from this data by :mod:`loader_samples.docx_writer`. Names
are invented (某某县某某镇).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceCell:
    """A table cell as a source writes it: text and spans (covered grid positions are not listed)."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class ReportTable:
    """A table as rows of source cells (HTML order)."""

    rows: tuple[tuple[SourceCell, ...], ...]


@dataclass(frozen=True)
class ReportLine:
    """A title, heading or body paragraph."""

    kind: str  # "title", "heading" or "paragraph"
    text: str


C = SourceCell

TITLE = "某某县某某镇2021年政府信息公开工作年度报告"


def _values(*numbers: int) -> tuple[SourceCell, ...]:
    return tuple(C(str(number)) for number in numbers)


ZEROS = _values(0, 0, 0, 0, 0, 0, 0)

ACTIVE_DISCLOSURE_TABLE = ReportTable(
    (
        (C("第二十条第（一）项", colspan=4),),
        (C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")),
        (C("规章"), *_values(0, 0, 0)),
        (C("行政规范性文件"), *_values(1, 0, 3)),
        (C("第二十条第（五）项", colspan=4),),
        (C("信息内容"), C("本年处理决定数量", colspan=3)),
        (C("行政许可"), C("12", colspan=3)),
        (C("第二十条第（六）项", colspan=4),),
        (C("信息内容"), C("本年处理决定数量", colspan=3)),
        (C("行政处罚"), C("5", colspan=3)),
        (C("行政强制"), C("0", colspan=3)),
        (C("第二十条第（八）项", colspan=4),),
        (C("信息内容"), C("本年收费金额\n（单位：万元）", colspan=3)),
        (C("行政事业性收费"), C("0", colspan=3)),
    )
)

APPLICATION_TABLE = ReportTable(
    (
        (
            C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
            C("申请人情况", colspan=7),
        ),
        (C("自然人", rowspan=2), C("法人或其他组织", colspan=5), C("总计", rowspan=2)),
        (C("商业企业"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他")),
        (C("一、本年新收政府信息公开申请数量", colspan=3), *_values(3, 0, 0, 0, 0, 0, 3)),
        (C("二、上年结转政府信息公开申请数量", colspan=3), *ZEROS),
        (C("三、本年度办理结果", rowspan=22), C("（一）予以公开", colspan=2), *_values(2, 0, 0, 0, 0, 0, 2)),
        (C("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2), *ZEROS),
        (C("（三）不予公开", rowspan=8), C("1.属于国家秘密"), *ZEROS),
        (C("2.其他法律行政法规禁止公开"), *ZEROS),
        (C("3.危及“三安全一稳定”"), *ZEROS),
        (C("4.保护第三方合法权益"), *ZEROS),
        (C("5.属于三类内部事务信息"), *ZEROS),
        (C("6.属于四类过程性信息"), *ZEROS),
        (C("7.属于行政执法案卷"), *ZEROS),
        (C("8.属于行政查询事项"), *ZEROS),
        (C("（四）无法提供", rowspan=3), C("1.本机关不掌握相关政府信息"), *_values(1, 0, 0, 0, 0, 0, 1)),
        (C("2.没有现成信息需要另行制作"), *ZEROS),
        (C("3.补正后申请内容仍不明确"), *ZEROS),
        (C("（五）不予处理", rowspan=5), C("1.信访举报投诉类申请"), *ZEROS),
        (C("2.重复申请"), *ZEROS),
        (C("3.要求提供公开出版物"), *ZEROS),
        (C("4.无正当理由大量反复申请"), *ZEROS),
        (C("5.要求行政机关确认或重新出具已获取信息"), *ZEROS),
        (C("（六）其他处理", rowspan=3), C("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), *ZEROS),
        (C("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), *ZEROS),
        (C("3.其他"), *ZEROS),
        (C("（七）总计", colspan=2), *_values(3, 0, 0, 0, 0, 0, 3)),
        (C("四、结转下年度继续办理", colspan=3), *ZEROS),
    )
)

_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

REVIEW_LITIGATION_TABLE = ReportTable(
    (
        (C("行政复议", colspan=5), C("行政诉讼", colspan=10)),
        (*(C(label, rowspan=2) for label in _RESULTS), C("未经复议直接起诉", colspan=5), C("复议后起诉", colspan=5)),
        tuple(C(label) for label in _RESULTS * 2),
        _values(*([0] * 15)),
    )
)

REPORT: tuple[ReportLine | ReportTable, ...] = (
    ReportLine("title", TITLE),
    ReportLine(
        "paragraph",
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
        "要求编制。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
    ),
    ReportLine("heading", "一、总体情况"),
    ReportLine(
        "paragraph",
        "（一）主动公开。2021年，某某镇通过某某县人民政府门户网站“乡镇信息公开”专栏主动公开政府信息86条，"
        "其中机构职能类信息5条、财政预决算信息12条、重大建设项目信息9条、社会救助信息34条、其他信息26条。",
    ),
    ReportLine(
        "paragraph",
        "（二）依申请公开。全年共收到政府信息公开申请3件，均在法定期限内答复，其中予以公开2件，"
        "本机关不掌握相关政府信息1件，未收取任何费用。",
    ),
    ReportLine(
        "paragraph",
        "（三）政府信息管理。严格落实信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。",
    ),
    ReportLine(
        "paragraph",
        "（四）平台建设。依托县政府门户网站、“某某镇发布”微信公众号和村务公开栏，及时发布惠民政策和重点工作动态。",
    ),
    ReportLine(
        "paragraph",
        "（五）监督保障。成立由镇长任组长的政务公开工作领导小组，将政务公开纳入年度绩效考核，全年组织专题培训2次，"
        "未发生因政府信息公开工作被追究责任的情况。",
    ),
    ReportLine("heading", "二、主动公开政府信息情况"),
    ACTIVE_DISCLOSURE_TABLE,
    ReportLine("heading", "三、收到和处理政府信息公开申请情况"),
    APPLICATION_TABLE,
    ReportLine("heading", "四、政府信息公开行政复议、行政诉讼情况"),
    REVIEW_LITIGATION_TABLE,
    ReportLine("heading", "五、存在的主要问题及改进情况"),
    ReportLine(
        "paragraph",
        "2021年，我镇政府信息公开工作取得一定成效，但仍存在公开内容不够丰富、信息更新不够及时等问题。"
        "2022年，我镇将加强工作人员业务培训，健全信息发布审核机制，提高信息公开的及时性和准确性。",
    ),
    ReportLine("heading", "六、其他需要报告的事项"),
    ReportLine("paragraph", "1.本年度未收取信息处理费。"),
    ReportLine("paragraph", "2.本年度无人大代表建议和政协提案办理结果需公开的情况。"),
    ReportLine("paragraph", "某某县某某镇人民政府"),
    ReportLine("paragraph", "2022年1月20日"),
)


def grid_positions(table: ReportTable) -> tuple[list[tuple[int, int, SourceCell]], int]:
    """Each source cell with its 0-based grid (row, column), and the number of grid columns."""
    covered: set[tuple[int, int]] = set()
    placed = []
    width = 0
    for row, cells in enumerate(table.rows):
        column = 0
        for cell in cells:
            while (row, column) in covered:
                column += 1
            covered.update((row + down, column + right) for down in range(cell.rowspan) for right in range(cell.colspan))
            placed.append((row, column, cell))
            column += cell.colspan
            width = max(width, column)
    return placed, width


def expected_layout(table: ReportTable) -> set[tuple[int, int, int, int, str]]:
    """Every cell of a table as (row, column, rowspan, colspan, text), as a loaded Table should have them."""
    placed, _ = grid_positions(table)
    return {(row, column, cell.rowspan, cell.colspan, cell.text) for row, column, cell in placed}


def table_text(table: ReportTable) -> str:
    """A table as loaders write it: one line per grid row, one tab-separated field per grid column."""
    placed, width = grid_positions(table)
    fields = [[""] * width for _ in table.rows]
    for row, column, cell in placed:
        fields[row][column] = cell.text
    return "\n".join("\t".join(row) for row in fields)


def expected_text(report: tuple[ReportLine | ReportTable, ...] = REPORT) -> str:
    """The ``Document.text`` a loader produces for the report."""
    return "\n".join(table_text(item) if isinstance(item, ReportTable) else item.text for item in report)


def tables(report: tuple[ReportLine | ReportTable, ...] = REPORT) -> list[ReportTable]:
    """The report's tables, in order."""
    return [item for item in report if isinstance(item, ReportTable)]
