"""RL3 arithmetic: the relations (勾稽关系) declared in the template specs, evaluated on the filled tables.

Each relation of the shipped templates names the rule that reports it (``code:
RL301``), so its code and severity are declared once, by the rule; RL309 reports
every relation a provincial template extension adds without a code, at the
severity the extension gives it. Relations are data (YAML), the evaluation is
generic (:mod:`reportlint.template.relations`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Rule
from reportlint.template.relations import describe, relations_for, violations
from reportlint.template.spec import RelationSpec


def _relations_by_code(report: Report) -> dict[str | None, list[RelationSpec]]:
    """The relations that apply to the report's filled tables, by the code that reports them: looked up once per
    report (:meth:`Report.shared`) for the seven relation rules."""
    filled = report.reading.filled
    by_code: dict[str | None, list[RelationSpec]] = {}
    if filled is not None:
        for relation in relations_for(filled, report.reading.template_set or report.templates):
            by_code.setdefault(relation.code, []).append(relation)
    return by_code


class RelationRule(Rule):
    """Base of the RL3 relation rules: reports the broken relations the templates assign to its code."""

    def relations(self, report: Report) -> Sequence[RelationSpec]:
        """The relations of the report's tables this rule reports: those the templates assign to its code."""
        return report.shared(_relations_by_code).get(self.code, ())

    def check(self, report: Report) -> Iterator[Diagnostic]:
        filled = report.reading.filled
        if filled is None:
            return
        for relation in self.relations(report):
            for evaluation in violations(relation, filled):
                primary = evaluation.primary
                assert primary.start is not None, "the cell a broken relation is reported at was read from the text"
                yield self.diagnostic(
                    describe(evaluation), primary.start, primary.end, related=evaluation.located_cells, severity=relation.severity
                )


class ColumnBalance(RelationRule):
    """第三部分表格某一列“第一项加第二项之和，等于第三项加第四项之和”不成立（B1）。

    表头注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，
    即每一列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理。

    反例：

        （第三部分表格）
        一、本年新收政府信息公开申请数量  5  0  0  0  0  0  5
        二、上年结转政府信息公开申请数量  1  0  0  0  0  0  1
        （七）总计  4  0  0  0  0  0  4
        四、结转下年度继续办理  1  0  0  0  0  0  1    （5 + 1 ≠ 4 + 1）

    正例：

        （第三部分表格）
        一、本年新收政府信息公开申请数量  5  0  0  0  0  0  5
        二、上年结转政府信息公开申请数量  1  0  0  0  0  0  1
        （七）总计  5  0  0  0  0  0  5
        四、结转下年度继续办理  1  0  0  0  0  0  1    （5 + 1 = 5 + 1）
    """

    code = "RL301"
    name = "column-balance"
    severity = "error"


class RowTotal(RelationRule):
    """第三部分表格某一行的“总计”不等于自然人与各类法人或其他组织之和（B2）。

    每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。
    官方格式没有“法人或其他组织小计”一栏。

    反例：

        （一）予以公开  3  1  0  0  0  1  4

    正例：

        （一）予以公开  3  1  0  0  0  1  5
    """

    code = "RL302"
    name = "row-total"
    severity = "error"


class ResultTotal(RelationRule):
    """第三部分“（七）总计”不等于各项办理结果之和（B3）。

    每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）至（六）各小项之和
    （2019 年格式“（六）其他处理”为一行，2021 年格式分为三行）。

    反例：

        （第三部分表格，其余各行为 0）
        （一）予以公开  3  0  0  0  0  0  3
        （二）部分公开  1  0  0  0  0  0  1
        （七）总计  5  0  0  0  0  0  5    （3 + 1 ≠ 5）

    正例：

        （第三部分表格，其余各行为 0）
        （一）予以公开  3  0  0  0  0  0  3
        （二）部分公开  1  0  0  0  0  0  1
        （七）总计  4  0  0  0  0  0  4
    """

    code = "RL303"
    name = "result-total"
    severity = "error"


class LitigationTotal(RelationRule):
    """第四部分行政复议或行政诉讼的“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和（B4）。

    行政复议、未经复议直接起诉、复议后起诉三组各自：总计 = 结果维持 + 结果纠正 +
    其他结果 + 尚未审结（尚未审结计入总计）。

    反例：

        （第四部分表格）
        1  1  0  1  2  0  0  0  0  0  0  0  0  0  0    （行政复议：1 + 1 + 0 + 1 ≠ 2）

    正例：

        （第四部分表格）
        1  1  0  1  3  0  0  0  0  0  0  0  0  0  0    （行政复议：1 + 1 + 0 + 1 = 3）
    """

    code = "RL304"
    name = "litigation-total"
    severity = "error"


class NoApplicationsAllZero(RelationRule):
    """本年新收和上年结转的申请都为 0，第三部分表格却有非零数据（B7）。

    没有收到也没有结转申请，就不可能有办理结果或结转下年度的申请；出现非零数多是
    把别的数据填进了表格。

    反例：

        （第三部分表格，其余各行为 0）
        （一）予以公开  2  0  0  0  0  0  2    （新收和结转都为 0）

    正例：

        （第三部分表格全部为 0）
    """

    code = "RL305"
    name = "no-applications-all-zero"
    severity = "error"


class PublicationCountPlausibility(RelationRule):
    """2019 年格式第二部分“对外公开总数量”少于“本年新公开数量”（B10，提示性）。

    对外公开总数量包含本年新公开的文件，一般不应更少。

    反例（2020年度报告）：

        规范性文件  5  5  3

    正例：

        规范性文件  5  5  12
    """

    code = "RL306"
    name = "publication-count-plausibility"
    severity = "warning"


class ExtensionRelation(RelationRule):
    """模板扩展（如省级格式增加的行）中声明的勾稽关系不成立。

    省、市在统一格式上增加行、列时，可以在模板扩展文件中声明新的勾稽关系；
    reportlint 用同一套方法核对。消息中给出关系的说明、两边的数值和差额。

    反例（省级扩展在“第二十条第（一）项”中增加“其中：涉企行政规范性文件”行，并声明它的各列不大于“行政规范性文件”行）：

        行政规范性文件  1  0  5
        其中：涉企行政规范性文件  2  0  3

    正例：

        行政规范性文件  2  0  5
        其中：涉企行政规范性文件  2  0  3
    """

    code = "RL309"
    name = "extension-relation"
    severity = "error"

    def relations(self, report: Report) -> Sequence[RelationSpec]:
        """The relations a template extension declares without a code."""
        return report.shared(_relations_by_code).get(None, ())


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL3 relation rules."""
    return [ColumnBalance, RowTotal, ResultTotal, LitigationTotal, NoApplicationsAllZero, PublicationCountPlausibility, ExtensionRelation]
