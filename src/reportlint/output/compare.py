"""Rendering a year-over-year comparison (``reportlint compare OLD NEW``) as text, JSON or a self-contained HTML page.

The comparison itself is computed by :mod:`reportlint.run.compare`; the JSON
layout is documented in ``docs/outputs.md`` (``schema_version`` changes with
any incompatible change).
"""

from __future__ import annotations

import difflib
import json
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from reportlint.output.json import diagnostic_dict, location_dict
from reportlint.output.text import diagnostic_line
from reportlint.run.compare import PART_NAMES
from reportlint.version import __version__

if TYPE_CHECKING:
    from reportlint.core.model import Location
    from reportlint.run.compare import CellChange, Comparison, ParagraphChange, Side

#: Bumped on any incompatible change of the comparison's JSON layout.
COMPARE_SCHEMA_VERSION = "1.0"
#: The formats :func:`render_comparison` writes.
COMPARE_FORMATS = ("text", "json", "html")
_KINDS = {"changed": "修改", "removed": "删除", "added": "新增"}


def render_comparison(comparison: Comparison, fmt: str = "text") -> str:
    """The comparison in one of :data:`COMPARE_FORMATS`."""
    if fmt == "json":
        return json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(comparison)
    if fmt == "text":
        return _text(comparison)
    raise ValueError(f"未知的比较输出格式 “{fmt}”（可选：{'、'.join(COMPARE_FORMATS)}）")


def _number(value: int | Decimal) -> str:
    return str(value) if isinstance(value, int) else format(value.normalize(), "f")


def _signed(value: int | Decimal) -> str:
    return ("+" if value > 0 else "") + _number(value)


def _json_number(value: int | Decimal) -> int | float:
    return value if isinstance(value, int) else float(value)


def _side_text(side: Side) -> str:
    details = [item for item in (side.subject, f"{side.year}年度" if side.year else None, side.template) if item]
    return f"{side.path}（{'，'.join(details)}）" if details else side.path


def _place(path: str, location: Location | None) -> str:
    return f"{path}:{location.line}" if location is not None else path


def _part_name(part: int) -> str:
    return PART_NAMES.get(part, f"第{part}部分")


def _counts(comparison: Comparison) -> str:
    kinds = [change.kind for change in comparison.paragraphs]
    return "，".join(f"{_KINDS[kind]} {kinds.count(kind)} 段" for kind in ("changed", "removed", "added"))


# --------------------------------------------------------------------------- text


def _text(comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    lines = [f"比较 {_side_text(old)}", f"  与 {_side_text(new)}"]
    lines.extend(f"注意：{note}" for note in comparison.notes)
    lines += ["", f"表格：{len(comparison.cells)} 个单元格有变化，{comparison.unchanged_cells} 个相同"]
    for change in comparison.cells:
        lines.append(
            f"  {change.name}：{_number(change.old)} → {_number(change.new)}（{_signed(change.difference)}）"
            f"  {_place(old.path, change.old_location)} → {_place(new.path, change.new_location)}"
        )
    lines += ["", f"文字：{_counts(comparison)}，{comparison.unchanged_paragraphs} 段相同"]
    part = None
    for paragraph in comparison.paragraphs:
        if paragraph.part != part:
            part = paragraph.part
            lines.append(f"  {_part_name(part)}")
        lines.extend(_paragraph_lines(comparison, paragraph))
    lines += ["", f"跨年度、跨单位检查（RL7）：{len(comparison.findings) or '未发现问题'}{' 处' if comparison.findings else ''}"]
    lines.extend(f"  {diagnostic_line(diagnostic)}" for diagnostic in comparison.findings)
    return "\n".join(lines) + "\n"


def _paragraph_lines(comparison: Comparison, change: ParagraphChange) -> list[str]:
    old, new = comparison.old, comparison.new
    if change.kind == "changed":
        assert change.old is not None and change.new is not None and change.similarity is not None
        head = (
            f"    修改 {_place(old.path, change.old_location)} → {_place(new.path, change.new_location)}（约 {change.similarity:.0%} 相同）"
        )
        return [head, f"      - {change.old}", f"      + {change.new}"]
    if change.kind == "removed":
        return [f"    删除 {_place(old.path, change.old_location)}", f"      - {change.old}"]
    return [f"    新增 {_place(new.path, change.new_location)}", f"      + {change.new}"]


# --------------------------------------------------------------------------- json


def _side_dict(side: Side) -> dict[str, Any]:
    return {"path": side.path, "subject": side.subject, "year": side.year, "template": side.template}


def _cell_dict(change: CellChange) -> dict[str, Any]:
    return {
        "table": change.table,
        "row": change.row,
        "column": change.column,
        "name": change.name,
        "old": _json_number(change.old),
        "new": _json_number(change.new),
        "difference": _json_number(change.difference),
        "old_location": location_dict(change.old_location),
        "new_location": location_dict(change.new_location),
    }


def _paragraph_dict(change: ParagraphChange) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "part": change.part,
        "part_name": _part_name(change.part),
        "old": change.old,
        "new": change.new,
        "old_location": location_dict(change.old_location),
        "new_location": location_dict(change.new_location),
        "similarity": None if change.similarity is None else round(change.similarity, 3),
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON data (see ``docs/outputs.md``)."""
    return {
        "schema_version": COMPARE_SCHEMA_VERSION,
        "tool": {"name": "reportlint", "version": __version__},
        "old": _side_dict(comparison.old),
        "new": _side_dict(comparison.new),
        "notes": list(comparison.notes),
        "cells": [_cell_dict(change) for change in comparison.cells],
        "unchanged_cells": comparison.unchanged_cells,
        "paragraphs": [_paragraph_dict(change) for change in comparison.paragraphs],
        "unchanged_paragraphs": comparison.unchanged_paragraphs,
        "findings": [diagnostic_dict(diagnostic) for diagnostic in comparison.findings],
    }


# --------------------------------------------------------------------------- html

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:72em;color:#222;line-height:1.6}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:1.6em}h3{font-size:1em;margin-bottom:.3em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}.up{color:#a40000}.down{color:#0a5c0a}
.note{background:#fff6d5;border-left:4px solid #e0b000;padding:.4em .8em}
.change{border-left:4px solid #999;padding:.2em .8em;margin:.6em 0}.change.added{border-color:#2a7d2a}.change.removed{border-color:#b00}
.where{color:#666;font-size:.9em}del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
li.error{color:#a40000}li.warning{color:#8a5a00}
@media print{body{margin:0;max-width:none}.change{break-inside:avoid}}
"""


def _inline_diff(old: str, new: str) -> str:
    """The new paragraph with deleted text struck through and inserted text marked."""
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(new[new_start:new_end]))
            continue
        if old_end > old_start:
            parts.append(f"<del>{escape(old[old_start:old_end])}</del>")
        if new_end > new_start:
            parts.append(f"<ins>{escape(new[new_start:new_end])}</ins>")
    return "".join(parts)


def _html(comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    body = [f"<h1>年度报告比较：{escape(new.subject or new.path)}</h1>"]
    body.append(f"<p>上一年度：{escape(_side_text(old))}<br>本年度：{escape(_side_text(new))}</p>")
    body.extend(f'<p class="note">{escape(note)}</p>' for note in comparison.notes)
    body.append("<h2>跨年度、跨单位检查（RL7）</h2>")
    if comparison.findings:
        body.append("<ul>")
        for diagnostic in comparison.findings:
            body.append(f'<li class="{diagnostic.severity.label}">{escape(diagnostic_line(diagnostic))}</li>')
        body.append("</ul>")
    else:
        body.append("<p>未发现问题。</p>")
    body.append(f"<h2>表格：{len(comparison.cells)} 个单元格有变化，{comparison.unchanged_cells} 个相同</h2>")
    if comparison.cells:
        body.append("<table><thead><tr><th>单元格</th><th>上一年度</th><th>本年度</th><th>变化</th><th>位置</th></tr></thead><tbody>")
        for change in comparison.cells:
            css = "up" if change.difference > 0 else "down"
            where = f"{_place(old.path, change.old_location)} → {_place(new.path, change.new_location)}"
            body.append(
                f"<tr><td>{escape(change.name)}</td><td class=n>{_number(change.old)}</td><td class=n>{_number(change.new)}</td>"
                f'<td class="n {css}">{_signed(change.difference)}</td><td class=where>{escape(where)}</td></tr>'
            )
        body.append("</tbody></table>")
    body.append(f"<h2>文字：{escape(_counts(comparison))}，{comparison.unchanged_paragraphs} 段相同</h2>")
    part = None
    for paragraph in comparison.paragraphs:
        if paragraph.part != part:
            part = paragraph.part
            body.append(f"<h3>{escape(_part_name(part))}</h3>")
        body.append(_paragraph_html(comparison, paragraph))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>年度报告比较 {escape(old.path)} → {escape(new.path)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f'\n<p class="where">reportlint {escape(__version__)}</p>\n</body>\n</html>\n'
    )


def _paragraph_html(comparison: Comparison, change: ParagraphChange) -> str:
    old, new = comparison.old, comparison.new
    if change.kind == "changed":
        assert change.old is not None and change.new is not None and change.similarity is not None
        where = f"{_place(old.path, change.old_location)} → {_place(new.path, change.new_location)}，约 {change.similarity:.0%} 相同"
        text = _inline_diff(change.old, change.new)
    elif change.kind == "removed":
        where = _place(old.path, change.old_location)
        text = f"<del>{escape(change.old or '')}</del>"
    else:
        where = _place(new.path, change.new_location)
        text = f"<ins>{escape(change.new or '')}</ins>"
    return f'<div class="change {change.kind}"><div class="where">{_KINDS[change.kind]}（{escape(where)}）</div><p>{text}</p></div>'
