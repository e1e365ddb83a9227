"""The template reading as plain data: what ``reportlint parse --json`` shows of the template, sections and tables."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlint.core.model import Document
from reportlint.template.filled import FilledTable
from reportlint.template.reading import Reading

#: Bumped on any incompatible change of the parse view's JSON (minor: fields added).
PARSE_SCHEMA_VERSION = "1.4"


def _number(value: int | Decimal | None) -> int | str | None:
    return None if value is None else (int(value) if float(value).is_integer() and "." not in str(value) else str(value))


def reading_dict(document: Document, reading: Reading) -> dict[str, Any]:
    """The reading of a report as a JSON-ready dict (documented in docs/json-output.md)."""
    subject = reading.subject
    data: dict[str, Any] = {
        "schema_version": PARSE_SCHEMA_VERSION,
        "path": document.path,
        "format": document.format,
        "encoding": document.encoding,
        "title": None
        if reading.title is None
        else {"text": reading.title.text, "location": document.location_dict(reading.title.start, reading.title.end)},
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
            "location": document.location_dict(reading.period.start, reading.period.end),
        },
        "publication": None
        if reading.publication is None
        else {
            "date": reading.publication.date.isoformat(),
            "source": reading.publication.source,
            "location": document.location_dict(reading.publication.start, reading.publication.end),
        },
        "subject": None
        if subject is None
        else {
            "name": subject.name,
            "level": subject.level,
            "source": subject.source,
            "location": document.location_dict(subject.start, subject.end),
            "mentions": [
                {"text": mention.text, "location": document.location_dict(mention.start, mention.end)} for mention in subject.mentions
            ],
        },
        "sections": [
            {
                "id": section.spec_id,
                "kind": section.kind,
                "match": section.match,
                "heading": section.heading,
                "ordinal": section.ordinal,
                "location": document.location_dict(section.start, section.end),
                "body": {
                    "start": section.body_start,
                    "end": section.body_end,
                    "empty": not document.text[section.body_start : section.body_end].strip(),
                },
            }
            for section in reading.sections
        ],
        "tables": [_table_dict(document, table) for table in (reading.filled.tables.values() if reading.filled else ())],
        "truncation": None
        if reading.truncation is None
        else {
            "reason": reading.truncation.reason,
            "section": reading.truncation.section.spec_id if reading.truncation.section else None,
            "number": reading.truncation.number,
            "description": reading.truncation.describe(),
            "location": document.location_dict(reading.truncation.start, reading.truncation.end),
        },
        "unread_tables": [
            {
                "section": unread.section.spec_id,
                "reason": unread.reason,
                "tables": list(unread.tables),
                "rows": list(unread.rows),
                "location": document.location_dict(unread.start, unread.end),
            }
            for unread in reading.unread_tables
        ],
    }
    return data


def _table_dict(document: Document, table: FilledTable) -> dict:
    return {
        "id": table.spec.id,
        "title": table.spec.title,
        "layout": table.layout,
        "headers_found": list(table.headers_found),
        "unknown_headers": [{"text": text, "location": document.location_dict(start, end)} for text, start, end in table.unknown_headers],
        "rows": [
            {
                "row": row.row,
                "label": row.label,
                "match": row.match.value,
                "expected_values": row.expected,
                "aligned": row.aligned,
                "location": document.location_dict(row.label_start, row.label_end)
                if row.label_start is not None
                else document.location_dict(row.start, row.end),
                "cells": [
                    {
                        "column": cell.column,
                        "status": cell.status.value,
                        "raw": cell.raw,
                        "value": _number(cell.value),
                        "unit": cell.unit,
                        "location": document.location_dict(cell.start, cell.end),
                    }
                    for cell in row.cells
                ],
            }
            for row in table.rows
        ],
        "missing_rows": [row.id for row in table.spec.rows if table.row(row.id) is None],
        "unsplit_rows": [
            {"row": row.row, "text": row.text, "candidates": row.candidates, "location": document.location_dict(row.start, row.end)}
            for row in table.unsplittable
        ],
    }
