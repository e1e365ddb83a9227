"""The ``html`` output: one self-contained page for supervising offices.

For a batch, an overview table (report × rule family, with counts); for each
report, its text with every finding highlighted in place and listed below it.
No scripts, no external resources: the page can be mailed or archived as is.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from reportlint.core.diagnostics import Severity
from reportlint.output import Reporter, summary_line

FAMILIES = {
    "RL1": "结构与标题",
    "RL2": "表格与单元格",
    "RL3": "勾稽关系",
    "RL4": "地名与主体",
    "RL5": "日期与期限",
    "RL6": "文字规范",
    "RL7": "跨文档",
    "RL9": "读取与内部",
}

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:center}
th{background:#f0f0f0}td.name{text-align:left}.zero{color:#bbb}
pre.text{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em;line-height:1.7}
mark{padding:0 1px}mark.error{background:#ffc9c9}mark.warning{background:#ffe8a3}mark.info{background:#cfe8ff}
li.error::marker{color:#c00}li.warning::marker{color:#b80}li.info::marker{color:#06c}
.code{font-family:monospace;font-weight:bold}
"""


def _highlighted(text: str, diagnostics) -> str:
    """The report text with each finding's range wrapped in ``<mark>``; overlaps keep the first."""
    pieces = []
    position = 0
    for number, diagnostic in sorted(enumerate(diagnostics, 1), key=lambda pair: pair[1].start):
        start, end = diagnostic.start, max(diagnostic.end, diagnostic.start + 1)
        if start < position or start >= len(text):
            continue
        end = min(end, len(text))
        pieces.append(escape(text[position:start]))
        title = escape(f"{diagnostic.code} {diagnostic.message}")
        pieces.append(f'<mark class="{diagnostic.severity.label}" title="{title}">{escape(text[start:end])}<sup>{number}</sup></mark>')
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


class HtmlReporter(Reporter):
    """A self-contained HTML page: overview table and each report with findings highlighted."""

    name = "html"
    description = "独立的 HTML 页面：汇总表（报告 × 规则类别）和逐篇高亮显示问题的原文"
    needs_text = True

    def render(self, run) -> str:
        families = sorted({diagnostic.family for diagnostic in run.diagnostics})
        parts = [
            "<!DOCTYPE html>",
            '<html lang="zh-CN"><head><meta charset="utf-8"><title>reportlint 检查结果</title>',
            f"<style>{_STYLE}</style></head><body>",
            "<h1>政府信息公开工作年度报告检查结果</h1>",
            f"<p>{escape(summary_line(run))}</p>",
        ]
        for failure in run.failures:
            parts.append(f"<p><strong>插件 {escape(failure.plugin)}</strong>：{escape(failure.message)}</p>")
        parts.append(self._overview(run, families))
        for index, result in enumerate(run.files):
            parts.append(self._file_section(index, result))
        parts.append("</body></html>")
        return "\n".join(parts) + "\n"

    def _overview(self, run, families: list[str]) -> str:
        header = "".join(f"<th>{escape(family)}<br>{escape(FAMILIES.get(family, ''))}</th>" for family in families)
        rows = []
        for index, result in enumerate(run.files):
            counts = Counter(diagnostic.family for diagnostic in result.diagnostics)
            severities = Counter(diagnostic.severity for diagnostic in result.diagnostics)
            cells = "".join(f'<td class="{"zero" if not counts[family] else ""}">{counts[family]}</td>' for family in families)
            rows.append(
                f'<tr><td class="name"><a href="#file{index}">{escape(result.path)}</a></td>{cells}'
                f"<td>{severities[Severity.ERROR]}</td><td>{severities[Severity.WARNING]}</td>"
                f"<td>{severities[Severity.INFO]}</td></tr>"
            )
        return f"<h2>汇总</h2><table><tr><th>报告</th>{header}<th>错误</th><th>警告</th><th>提示</th></tr>{''.join(rows)}</table>"

    def _file_section(self, index: int, result) -> str:
        items = []
        for number, diagnostic in enumerate(result.diagnostics, 1):
            where = diagnostic.location.describe() if diagnostic.location else ""
            items.append(
                f'<li class="{diagnostic.severity.label}">[{number}] <span class="code">{escape(diagnostic.code)}</span> '
                f"{escape(diagnostic.severity.chinese)} {escape(where)}：{escape(diagnostic.message)}</li>"
            )
        findings = f"<ol>{''.join(items)}</ol>" if items else "<p>未发现问题。</p>"
        text = f'<pre class="text">{_highlighted(result.text, result.diagnostics)}</pre>' if result.text else ""
        return f'<section id="file{index}"><h2>{escape(result.path)}</h2>{findings}{text}</section>'
