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
    """文件中没有报告正文（空文件、只有空白的文件，或网页中找不到年度报告内容）。

    反例：

        大小为 0 的 报告.txt；只有网站导航和版权信息、正文是附件链接的网页

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


class FileTimeout(InternalRule):
    """检查这个文件超过了时间限制，已停止对它的检查；其他文件照常检查。

    每个文件的检查有时间上限（默认 20 秒，配置项 ``file-timeout`` 或命令行
    ``--file-timeout``），防止一个异常文件拖住整批检查。消息写明超时发生在哪个
    阶段（读取、模板阅读或某条规则）。如果是正常但很长的报告，可以调大上限；
    如果是某条插件规则，请把消息反馈给它的维护者。

    反例：

        一份 50 MB、满是重复表格行的文本，检查超过 20 秒

    正例：

        正常篇幅的年度报告，几十毫秒即可检查完
    """

    code = "RL909"
    name = "file-timeout"


class MemoryLimit(InternalRule):
    """检查这个文件用的内存超过了上限，已停止对它的检查；其他文件照常检查。

    每个检查进程有内存上限（默认 1 GiB，配置项 ``max-memory``），防止一个异常文件
    （例如解压后极大的 .docx）耗尽机器内存。消息写明超限发生在哪个阶段。

    反例：

        压缩包目录谎报大小、正文解压后达数 GB 的 .docx

    正例：

        正常的 .docx 年度报告，解压后只有几 MB
    """

    code = "RL910"
    name = "memory-limit"


class FileTooLarge(InternalRule):
    """文件（或 .docx 中的某个部分解压后）超过了大小上限，没有检查。

    上限默认 50 MB（配置项 ``max-file-size``），对 .docx 中每个部分解压后的大小
    同样适用（边解压边计数，不信任压缩包里记录的大小）。年度报告正文通常只有
    几十 KB 到几 MB；过大的文件多半是误放的附件、扫描件或损坏的文件。

    反例：

        一个 80 MB 的文本文件

    正例：

        只包含报告正文的 .docx、.pdf 或网页
    """

    code = "RL911"
    name = "file-too-large"


class ReaderLimit(InternalRule):
    """报告中有超长的行或超大的表格，模板阅读只按文本进行，未对齐表格。

    为保证检查在限定时间内完成，模板阅读对单行长度和表格规模设有上限（例如一行
    超过 2 万字、一个表格区域超过 2000 行）。超出时不再把表格对到模板的行和列上，
    依赖表格的检查（表格、勾稽关系等）不会进行；其余检查照常。

    反例：

        整份报告写在一行里、没有换行的文本

    正例：

        每段一行、表格每行一行的文本
    """

    code = "RL912"
    name = "reader-limit"
    severity = "info"


class RuleOutput(InternalRule):
    """某条规则在检查时向终端输出了文字，已截获并作为提示显示。

    规则不应直接打印（print）：那会混进 JSON、SARIF 等机器可读的输出。reportlint
    截获规则在 ``check`` 中写到标准输出和标准错误的文字，作为这条提示显示，输出
    文件保持有效。请把消息反馈给该规则的维护者。

    反例：

        插件规则在 check() 中 print("调试信息")

    正例：

        规则只通过 yield self.diagnostic(...) 报告问题
    """

    code = "RL913"
    name = "rule-output"
    severity = "info"


class TooManyFindings(InternalRule):
    """某条规则在一个文件中报告的问题过多，只显示前若干个。

    每条规则在每个文件中最多报告 200 个问题（配置项 ``max-findings-per-rule``），
    超出的部分不再逐条列出，以免一个异常文件淹没整批结果、耗尽内存。

    反例：

        一行由五万个逗号组成的文本，每个逗号一处“标点重复”

    正例：

        正常报告中每条规则只有少量问题
    """

    code = "RL914"
    name = "too-many-findings"
    severity = "info"


class CheckerCrash(InternalRule):
    """检查这个文件的进程意外退出（例如读取库崩溃或插件结束了进程），已跳过该文件；其他文件照常检查。

    每个文件在单独的检查进程中处理，进程崩溃只影响这一个文件。消息写明崩溃发生
    的阶段；如果是读取阶段，文件多半已损坏，请重新导出；如果是某条规则，请把
    消息反馈给它的维护者。

    反例：

        插件规则在 check() 中调用 os._exit()

    正例：

        规则只通过 yield 报告问题，不结束进程
    """

    code = "RL915"
    name = "checker-crash"


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


#: The RL9 rules, in code order.
INTERNAL_RULES = (
    UnreadableFile,
    UnsupportedFormat,
    UndecodableText,
    CorruptDocument,
    NoTextLayer,
    EmptyDocument,
    RuleError,
    PatternTimeout,
    FileTimeout,
    MemoryLimit,
    FileTooLarge,
    ReaderLimit,
    RuleOutput,
    TooManyFindings,
    CheckerCrash,
    UnusedSuppression,
    InvalidSuppression,
)


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    """The RL9 internal rules."""
    return list(INTERNAL_RULES)
