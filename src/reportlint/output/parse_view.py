"""``reportlint parse``: what reportlint understood of a report, as text or JSON.

Rule authors and supervising offices use it to see the detected template and
year, the subject, the sections with their ranges, and every template cell
with its raw text, value, status and location.
"""

from __future__ import annotations

import json
from typing import Any

from reportlint.core.model import Document, Heading, Paragraph, Table
from reportlint.core.report import Report
from reportlint.places.export import places_dict
from reportlint.template.export import reading_dict

#: Where the reader found the subject, in Chinese.
_SUBJECT_SOURCES = {
    "title": "标题",
    "issuer": "发文单位行",
    "config": "配置",
    "metadata": "网页元数据",
    "intro": "开头部分",
    "signature": "落款",
    "self-reference": "自称",
}


def render_parse(report: Report, as_json: bool) -> str:
    """The parse view of a report: a JSON document (with the document's blocks) or the text view."""
    data = reading_dict(report.document, report.reading)
    data.update(places_dict(report.document, report.places))
    if as_json:
        data["blocks"] = _blocks(report.document)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _text_view(data)


def _text_view(data: dict[str, Any]) -> str:
    lines = [f"文件：{data['path']}（{data['format']}，编码 {data['encoding'] or '-'}）"]
    title = data["title"]
    lines.append(f"标题：{title['text'] if title else '（未找到）'}")
    subject = data["subject"]
    if subject:
        lines.append(
            f"主体：{subject['name'] or '（未写明名称）'}（{subject['level']}，来自{_SUBJECT_SOURCES.get(subject['source'], subject['source'])}）"
        )
    else:
        lines.append("主体：（未找到）")
    lines.append(f"年度：{data['year'] or '（未找到）'}（来源：{data['year_source'] or '-'}）")
    lines.append(
        f"应使用模板：{data['expected_template'] or '-'}；表格实际使用：{data['detected_template'] or '（无表格）'} {data['table_templates']}"
    )
    if data["legacy_structure"]:
        lines.append("结构：2008 年条例时期的旧结构（非六部分模板）")
    period = data["period"]
    lines.append(f"统计期限：{period['start']} 至 {period['end']}" if period else "统计期限：（未找到）")
    publication = data["publication"]
    lines.append(f"发布/落款日期：{publication['date']}（{publication['source']}）" if publication else "发布/落款日期：（未找到）")
    lines.append(_place_line(data["place"]))
    for mention in data["place_mentions"]:
        lines.append(f"  {mention['location']['line']:>4}行  {mention['name']:<8} {mention['decision']}")
    lines.append("章节：")
    for section in data["sections"]:
        where = section["location"]
        empty = "（空）" if section["body"]["empty"] else ""
        lines.append(
            f"  {where['line']:>4}行  {section['id'] or '-':<3} {section['kind']:<8} {section['match']:<8} {section['heading']}{empty}"
        )
    for table in data["tables"]:
        lines.append(f"表格 {table['id']}（{table['title']}，版式：{table['layout']}）")
        for row in table["rows"]:
            cells = " ".join(
                f"{cell['column'] or '?'}={cell['raw'] or '□'}{'' if cell['status'] == 'ok' else '[' + cell['status'] + ']'}"
                for cell in row["cells"]
            )
            where = row["location"]["line"] if row["location"] else "-"
            lines.append(f"  {where:>4}行  {row['row'] or '(无法对齐)':<14} [{row['match']}] {cells}")
        if table["missing_rows"]:
            lines.append(f"  缺少的行：{'、'.join(table['missing_rows'])}")
        for row in table.get("unsplit_rows", ()):
            lines.append(f"  {row['location']['line']:>4}行  {row['row'] or '-':<14} [无法拆分：{row['candidates']} 种可能] {row['text']}")
    truncation = data.get("truncation")
    if truncation:
        lines.append(f"文本不完整（第 {truncation['location']['line']} 行）：{truncation['description']}")
    for unread in data.get("unread_tables", ()):
        lines.append(f"表格未读出：{unread['section']}（{unread['reason']}）{'、'.join(unread['tables'])}")
    return "\n".join(lines) + "\n"


def _place_line(place: dict | None) -> str:
    if place is None:
        return "地名解析：（没有报告主体）"
    if place["place"] is not None:
        return f"地名解析：{place['body']} → {place['place']['chain']}（{place['place']['code']}）；依据：{place['evidence']}"
    if place["ambiguous"]:
        candidates = "、".join(candidate["chain"] for candidate in place["candidates"])
        return f"地名解析：{place['body']} 未能唯一确定（候选：{candidates}）；依据：{place['evidence']}；{place['note']}"
    return f"地名解析：{place['body']} 未能确定；依据：{place['evidence']}"


def _blocks(document: Document) -> list[dict]:
    kinds = {Heading: "heading", Paragraph: "paragraph", Table: "table"}
    return [
        {"kind": kinds.get(type(block), type(block).__name__), "location": document.location_dict(block.start, block.end)}
        for block in document.blocks
    ]
