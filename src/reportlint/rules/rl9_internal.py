"""RL9 internal rules: problems reading a file or running a rule, reported as findings.

These rules document diagnostics the engine itself produces; their ``check``
yields nothing. Select or ignore them like any other rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.core.diagnostics import Diagnostic
from reportlint.core.hookspecs import hookimpl
from reportlint.core.report import Report
from reportlint.core.rule import Rule


class InternalRule(Rule):
    """Base of the RL9 rules: produced by the engine, never by ``check``."""

    severity = "error"

    def check(self, report: Report) -> Iterable[Diagnostic]:
        """Internal rules report through the engine; nothing to check here."""
        return ()


class UnreadableFile(InternalRule):
    """文件无法读取（不存在、没有权限或是目录）。

    reportlint 打不开这个文件，因此没有检查其内容。其他文件照常检查。

    反例：

        reportlint check 不存在的报告.txt

    正例：

        reportlint check reports/2021年度报告.docx
    """

    code = "RL901"
    name = "unreadable-file"


class UnsupportedFormat(InternalRule):
    """文件格式不受支持（.doc、.wps、.ofd、图片、压缩包或无法识别的二进制文件）。

    reportlint 按文件内容判断格式，而不只看扩展名。支持的格式：.txt、.md、
    .html/.htm、.docx、.pdf（带文字层）。旧版 .doc、.wps 请另存为 .docx；
    OFD 请导出为 PDF。

    反例：

        改了扩展名的旧版 Word 文档：报告.docx（实际是 .doc 格式）

    正例：

        在 Word 或 WPS 中“另存为”.docx 格式后再检查
    """

    code = "RL902"
    name = "unsupported-format"


class UndecodableText(InternalRule):
    """文本文件的编码无法识别。

    reportlint 支持 UTF-8（含 BOM）、GBK/GB18030、Big5 和 UTF-16。其他编码或
    损坏的文本无法可靠解码，为避免误报不予检查。

    反例：

        以未知编码保存、解码后满是乱码的文本

    正例：

        以 UTF-8 或 GB18030 保存的 .txt 文件
    """

    code = "RL903"
    name = "undecodable-text"


class CorruptDocument(InternalRule):
    """文档已损坏，无法解析（例如不完整的 .docx 压缩包、缺少 document.xml、损坏的 PDF）。

    反例：

        下载中断、只有一半内容的 报告.docx

    正例：

        用 Word/WPS 重新打开并保存，或重新导出 PDF 后再检查
    """

    code = "RL904"
    name = "corrupt-document"


class NoTextLayer(InternalRule):
    """PDF 没有文字层（扫描件），需要先做文字识别（OCR）。

    扫描得到的 PDF 只有图片，reportlint 读不到任何文字，也就无法检查。
    公开发布的年度报告应当是可检索、可复制的文字版。

    反例：

        打印后扫描生成的 报告.pdf

    正例：

        由 Word/WPS 直接导出的 PDF，或 OCR 处理后带文字层的 PDF
    """

    code = "RL905"
    name = "no-text-layer"


class EmptyDocument(InternalRule):
    """文件中没有报告正文（空文件，或网页中找不到年度报告内容）。

    反例：

        只有网站导航和版权信息、正文是附件链接的网页

    正例：

        正文直接包含年度报告全文的网页或文档
    """

    code = "RL906"
    name = "empty-document"


class RuleError(InternalRule):
    """某条规则运行时出错，已跳过该规则；其他规则的结果不受影响。

    消息中写明出错的规则、它来自哪个插件或规则包，以及错误内容。请把消息
    反馈给该规则的维护者。

    反例：

        插件规则 GS101 在 check() 中抛出 KeyError

    正例：

        规则对缺少的数据做判断，不抛出异常
    """

    code = "RL907"
    name = "rule-error"


class PatternTimeout(InternalRule):
    """规则包中的正则表达式运行超时，已停止该规则对本文件的检查。

    用户编写的正则表达式有运行时间限制，防止灾难性回溯让检查卡死。
    请简化该规则的表达式（避免嵌套重复，如 ``(a+)+``）。

    反例：

        pattern: "(政府+)+$"

    正例：

        pattern: "政府+"
    """

    code = "RL908"
    name = "pattern-timeout"


class UnusedSuppression(InternalRule):
    """忽略指令没有用上：它所忽略的规则在这个范围内没有问题。

    文档中的忽略指令（Word 批注“reportlint: 忽略 RL603 原因”、网页或 Markdown 中的
    ``<!-- reportlint: ignore RL603 原因 -->``）只应留在确有问题的地方。问题改正后
    留下的指令没有作用，还会让以后真正的问题被忽略，应当删除（如同 ruff 报告
    没有用上的 ``# noqa``）。只对本次检查启用的规则报告。

    反例：

        <!-- reportlint: ignore RL603 引用英文原文 -->
        本段已经全部改为全角标点。

    正例：

        本段已经全部改为全角标点。
    """

    code = "RL950"
    name = "unused-suppression"
    severity = "info"


class InvalidSuppression(InternalRule):
    """忽略指令写得不完整：缺少原因、缺少规则代码，或规则代码不存在。

    每条忽略指令都要写明原因，让审核的人知道为什么接受这个问题；规则代码写错的
    指令什么也不会忽略。缺少原因的指令仍然生效，但本身作为问题报告。

    反例：

        Word 批注：reportlint: 忽略 RL603
        Word 批注：reportlint: 忽略 RL6O3 引用英文原文

    正例：

        Word 批注：reportlint: 忽略 RL603 引用英文原文，保留半角标点
    """

    code = "RL951"
    name = "invalid-suppression"
    severity = "warning"


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL9 internal rules."""
    return [
        UnreadableFile,
        UnsupportedFormat,
        UndecodableText,
        CorruptDocument,
        NoTextLayer,
        EmptyDocument,
        RuleError,
        PatternTimeout,
        UnusedSuppression,
        InvalidSuppression,
    ]
