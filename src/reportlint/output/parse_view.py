"""``reportlint parse``: show what reportlint understood of a report, as text or JSON.

Rule authors and supervising offices use it to see the detected template and
year, the subject, the sections with their ranges, and every template cell
with its raw text, value, status and location.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportlint.core.config import Config, ConfigError
from reportlint.run.config import find_config_file, load_config
from reportlint.run.linter import load_document
from reportlint.run.selection import build_rule_set
from reportlint.places import Place
from reportlint.core.model import Document, Heading, Location, Paragraph, Table
from reportlint.places.analysis import AMBIGUOUS_SUBJECT_NOTE, PlaceAnalysis
from reportlint.core.report import Report
from reportlint.sources import SourceError, read_source
from reportlint.template.filled import FilledTable
from reportlint.template.reading import Reading

PARSE_SCHEMA_VERSION = "1.0"


def _location(document: Document, start: int | None, end: int | None) -> dict | None:
    if start is None:
        return None
    location: Location = document.locate(start, end if end is not None else start)
    data: dict[str, Any] = {"line": location.line, "column": location.column, "end_line": location.end_line, "end_column": location.end_column}
    if location.logical:
        data["logical"] = location.logical
    if location.page is not None:
        data["page"] = location.page
    return data


def _number(value) -> Any:
    return None if value is None else (int(value) if float(value).is_integer() and "." not in str(value) else str(value))


def reading_dict(report: Report) -> dict:
    """The reading of a report as a JSON-ready dict (documented in docs/json-output.md)."""
    document = report.document
    reading: Reading = report.reading
    subject = reading.subject
    data: dict[str, Any] = {
        "schema_version": PARSE_SCHEMA_VERSION,
        "path": document.path,
        "format": document.format,
        "encoding": document.encoding,
        "title": None if reading.title is None else {"text": reading.title.text, "location": _location(document, reading.title.start, reading.title.end)},
        "year": reading.year,
        "year_source": reading.year_source,
        "expected_template": reading.expected_template.id if reading.expected_template else None,
        "detected_template": reading.detected_template,
        "table_templates": dict(reading.table_templates),
        "legacy_structure": reading.is_legacy_structure,
        "period": None
        if reading.period is None
        else {
            "start": reading.period.start_date.isoformat() if reading.period.start_date else None,
            "end": reading.period.end_date.isoformat() if reading.period.end_date else None,
            "text": reading.period.text,
            "location": _location(document, reading.period.start, reading.period.end),
        },
        "publication": None
        if reading.publication is None
        else {
            "date": reading.publication.date.isoformat(),
            "source": reading.publication.source,
            "location": _location(document, reading.publication.start, reading.publication.end),
        },
        "subject": None
        if subject is None
        else {
            "name": subject.name,
            "level": subject.level,
            "source": subject.source,
            "location": _location(document, subject.start, subject.end),
            "mentions": [{"text": mention.text, "location": _location(document, mention.start, mention.end)} for mention in subject.mentions],
        },
        "sections": [
            {
                "id": section.spec_id,
                "kind": section.kind,
                "match": section.match,
                "heading": section.heading,
                "ordinal": section.ordinal,
                "location": _location(document, section.start, section.end),
                "body": {"start": section.body_start, "end": section.body_end, "empty": not document.text[section.body_start : section.body_end].strip()},
            }
            for section in reading.sections
        ],
        "tables": [_table_dict(document, table) for table in (reading.filled.tables.values() if reading.filled else ())],
    }
    data.update(_places_dict(report))
    return data


def _place_dict(analysis: PlaceAnalysis, place: Place) -> dict:
    return {"code": place.code, "name": place.name, "level": place.level, "kind": place.kind, "chain": analysis.chain(place)}


def _places_dict(report: Report) -> dict:
    """The subject on the map and every place mention with the decision taken for it."""
    analysis = report.places
    subject = analysis.subject
    place = None
    if subject is not None:
        place = {
            "name": subject.name,
            "origin": subject.origin,
            "body": subject.resolution.name,
            "place": None if subject.place is None else _place_dict(analysis, subject.place),
            "parents": [_place_dict(analysis, parent) for parent in subject.parents],
            "ambiguous": subject.is_ambiguous,
            "candidates": [_place_dict(analysis, candidate) for candidate in subject.resolution.candidates],
            "evidence": subject.resolution.evidence,
            "note": AMBIGUOUS_SUBJECT_NOTE if subject.is_ambiguous else None,
            "data_as_of": analysis.data_as_of,
        }
    mentions = [
        {
            "name": reference.name,
            "location": _location(report.document, reference.start, reference.end),
            "candidates": len(reference.mention.candidates),
            "relation": reference.relation.value,
            "place": None if reference.place is None else _place_dict(analysis, reference.place),
            "where": reference.where,
            "section": reference.section_id,
            "self_talk": reference.self_talk,
            "named_as_subject": reference.named_as_subject,
            "cooperation": reference.cooperation,
            "in_citation": reference.citation is not None,
            "allowed": reference.allowed,
            "decision": analysis.decision(reference),
        }
        for reference in analysis.references
    ]
    return {"place": place, "place_mentions": mentions}


def _table_dict(document: Document, table: FilledTable) -> dict:
    return {
        "id": table.spec.id,
        "title": table.spec.title,
        "layout": table.layout,
        "headers_found": list(table.headers_found),
        "unknown_headers": [{"text": text, "location": _location(document, start, end)} for text, start, end in table.unknown_headers],
        "rows": [
            {
                "row": row.row,
                "label": row.label,
                "match": row.match.value,
                "expected_values": row.expected,
                "aligned": row.aligned,
                "location": _location(document, row.label_start, row.label_end) if row.label_start is not None else _location(document, row.start, row.end),
                "cells": [
                    {
                        "column": cell.column,
                        "status": cell.status.value,
                        "raw": cell.raw,
                        "value": _number(cell.value),
                        "unit": cell.unit,
                        "location": _location(document, cell.start, cell.end),
                    }
                    for cell in row.cells
                ],
            }
            for row in table.rows
        ],
        "missing_rows": [row.id for row in table.spec.rows if table.row(row.id) is None],
    }


def _text_view(report: Report, data: dict) -> str:
    lines = [f"文件：{data['path']}（{data['format']}，编码 {data['encoding'] or '-'}）"]
    title = data["title"]
    lines.append(f"标题：{title['text'] if title else '（未找到）'}")
    subject = data["subject"]
    if subject:
        lines.append(f"主体：{subject['name']}（{subject['level']}，来自{ {'title': '标题', 'issuer': '发文单位行', 'config': '配置'}.get(subject['source'], subject['source'])}）")
    else:
        lines.append("主体：（未找到）")
    lines.append(f"年度：{data['year'] or '（未找到）'}（来源：{data['year_source'] or '-'}）")
    lines.append(f"应使用模板：{data['expected_template'] or '-'}；表格实际使用：{data['detected_template'] or '（无表格）'} {data['table_templates']}")
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
        lines.append(f"  {where['line']:>4}行  {section['id'] or '-':<3} {section['kind']:<8} {section['match']:<8} {section['heading']}{empty}")
    for table in data["tables"]:
        lines.append(f"表格 {table['id']}（{table['title']}，版式：{table['layout']}）")
        for row in table["rows"]:
            cells = " ".join(
                f"{cell['column'] or '?'}={cell['raw'] or '□'}{'' if cell['status'] == 'ok' else '[' + cell['status'] + ']'}" for cell in row["cells"]
            )
            where = row["location"]["line"] if row["location"] else "-"
            lines.append(f"  {where:>4}行  {row['row'] or '(无法对齐)':<14} [{row['match']}] {cells}")
        if table["missing_rows"]:
            lines.append(f"  缺少的行：{'、'.join(table['missing_rows'])}")
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
        {"kind": kinds.get(type(block), type(block).__name__), "location": _location(document, block.start, block.end)}
        for block in document.blocks
    ]


def parse_file(path: Path, as_json: bool, config_file: Path | None = None, isolated: bool = False) -> str:
    """The parse view of one file (raises :class:`ConfigError` for config problems)."""
    config = Config() if isolated else load_config(config_file or find_config_file(path))
    rule_set = build_rule_set(config)
    try:
        document = load_document(read_source(path, str(path)), rule_set.registry)
    except SourceError as error:
        raise ConfigError(f"{path}：{error.message}（{error.code}）") from None
    report = rule_set.registry.report(document, config, path)
    data = reading_dict(report)
    if as_json:
        data["blocks"] = _blocks(document)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _text_view(report, data)
