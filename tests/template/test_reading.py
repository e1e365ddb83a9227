"""The template reader's own shortcuts: each gives what the plain computation gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source, detect_format
from reportlint.template.reading import _aligner, read_report


@pytest.fixture(scope="module")
def registry():
    return registry_for(Config())


def test_templates_that_share_a_sections_tables_read_it_alike(registry):
    """The 2019 and 2021 templates share the review and litigation table (part four), not the application table:
    the reader fills part four once, with the year's template."""
    templates = {template.id: template for template in registry.template_set}
    newer, older = templates["T2021"], templates["T2019"]
    assert _aligner(older, "s4").reads_like(_aligner(newer, "s4"))
    assert _aligner(newer, "s4").reads_like(_aligner(older, "s4"))
    assert not _aligner(older, "s3").reads_like(_aligner(newer, "s3"))
    assert not _aligner(older, "s2").reads_like(_aligner(newer, "s2"))


def _reading_of(registry, text: str):
    """The reading of a text report."""
    data = text.encode("utf-8")
    source = Source(Path("report.txt"), "report.txt", data, detect_format(data, ".txt"))
    return read_report(load_document(source, registry), registry.template_set)


def test_a_row_the_template_lacks_stays_in_its_table_and_is_not_the_next_tables_first_row(registry):
    """A body's own row under 第二十条第（五）项 (“行政确认”), the rows of the next table's title lost with the end of
    the text: the row is no 行政处罚 by position; it is an unaligned row of the table it stands in."""
    lines = [
        "某街道办事处2019年政府信息公开工作年度报告",
        "一、总体情况",
        "2019年，我街道主动公开政府信息56条。",
        "二、主动公开政府信息情况",
        "第二十条第(一)项 |",
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        "规章 | 0 | 0 | 0 |",
        "规范性文件 | 1 | 1 | 1 |",
        "第二十条第(五)项 |",
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
        "行政许可 | 0 | 0 | 0 |",
        "其他对外管理服务事项 | 0 | 0 | 0 |",
        "行政确认 | 0 | 0 | 0 |",
        "第二十条第(六)项 |",
        "信息内容 | 上一年项目数量 | 本年增/减 |",
    ]
    reading = _reading_of(registry, "\n".join(lines) + "\n")
    penalties = reading.filled.table("s2_20_6")
    assert not [row for row in penalties.rows if row.aligned]
    extra = [row for row in reading.filled.table("s2_20_5").rows if not row.aligned]
    assert [row.label for row in extra] == ["行政确认"]
