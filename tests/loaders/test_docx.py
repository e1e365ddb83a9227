""".docx loader: text, headings, merged cells, WPS quirks, text boxes, numbering and corrupt packages."""

from __future__ import annotations

import zipfile

import pytest
from loader_samples import loaded_layout
from loader_samples.report import TITLE, expected_layout, expected_text, tables
from loader_samples.wps_docx import (
    CONTENT_TYPES,
    DOCUMENT,
    EXPECTED_TEXT,
    write_wps_docx,
)

from reportlint.core.model import Document, Heading, Table
from reportlint.loaders.docx import DocxLoader
from reportlint.loaders.docx.styles import format_number
from reportlint.sources import Source, SourceError


def _kinds(document: Document) -> list[str]:
    return [f"H{block.level}" if isinstance(block, Heading) else type(block).__name__[0] for block in document.blocks]


def _cell(document: Document, table: Table, text: str):
    return next(cell for row in table.rows for cell in row if document.text[cell.start : cell.end] == text)


def _extracted_position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_word_report_text(load, report_docx):
    document = load(report_docx)
    assert document.format == "docx"
    assert document.encoding is None
    assert document.text == expected_text()


def test_headings_from_heading_styles_and_the_title(load, report_docx):
    assert _kinds(load(report_docx)) == [
        "H1",
        "P",
        "H1",
        "P",
        "P",
        "P",
        "P",
        "P",
        "H1",
        "T",
        "H1",
        "T",
        "H1",
        "T",
        "H1",
        "P",
        "H1",
        "P",
        "P",
        "P",
        "P",
    ]


def test_merged_cells_sit_at_their_grid_positions(load, report_docx):
    document = load(report_docx)
    assert len(document.tables) == 3
    for table, spec in zip(document.tables, tables(), strict=False):
        assert loaded_layout(document, table) == expected_layout(spec)
    application = document.tables[1]
    natural_person = _cell(document, application, "自然人")
    assert (natural_person.row, natural_person.column, natural_person.rowspan) == (1, 3, 2)
    results = _cell(document, application, "三、本年度办理结果")
    assert (results.row, results.column, results.rowspan, results.colspan) == (5, 0, 22, 1)
    withheld = _cell(document, application, "（三）不予公开")
    assert (withheld.row, withheld.column, withheld.rowspan) == (7, 1, 8)
    review = document.tables[2]
    assert [(cell.column, cell.colspan) for cell in review.rows[0]] == [(0, 5), (5, 10)]


def test_cell_location_names_table_row_and_column(load, report_docx):
    document = load(report_docx)
    cell = _cell(document, document.tables[1], "自然人")
    location = document.locate(cell.start, cell.end)
    assert location.logical == "表格2 第2行 第4列"
    assert (location.line, location.column) == _extracted_position(document.text, cell.start)
    assert location.page is None
    blank = _cell(document, document.tables[1], "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    assert document.locate(blank.start, blank.end).logical == "表格2 第1行 第1列"


def test_paragraph_location_counts_paragraphs_with_text(load, report_docx):
    document = load(report_docx)
    title = document.blocks[0]
    assert document.text[title.start : title.end] == TITLE
    assert document.locate(title.start, title.end).logical == "第1段"
    management = next(block for block in document.blocks if document.text[block.start : block.end].startswith("（三）政府信息管理"))
    location = document.locate(management.start, management.end)
    assert location.logical == "第6段"
    assert (location.line, location.column) == _extracted_position(document.text, management.start)


def test_wps_document(load, tmp_path):
    document = load(write_wps_docx(tmp_path / "wps.docx"))
    assert document.text == EXPECTED_TEXT
    assert _kinds(document) == ["H1", "H1", "P", "P", "P", "H1", "T", "P", "P", "P"]


def test_wps_text_box_is_read_once_after_its_paragraph(load, tmp_path):
    document = load(write_wps_docx(tmp_path / "wps.docx"))
    assert document.text.count("注：本报告数据截至2022年12月31日。") == 1
    box = document.blocks[4]
    assert document.locate(box.start, box.end).logical == "第5段（文本框）"


def test_wps_vertical_merges_and_grid_before(load, tmp_path):
    document = load(write_wps_docx(tmp_path / "wps.docx"))
    assert len(document.tables) == 1  # the one-cell frame around the signature is layout, not a table
    assert loaded_layout(document, document.tables[0]) == {
        (0, 0, 2, 2, "（勾稽关系说明）"),
        (0, 2, 1, 2, "申请人情况"),
        (1, 2, 1, 1, "自然人"),
        (1, 3, 1, 1, "总计"),
        (2, 0, 2, 1, "三、本年度办理结果"),
        (2, 1, 1, 1, "（一）予以公开"),
        (2, 2, 1, 1, "2"),
        (2, 3, 1, 1, "2"),
        (3, 1, 1, 1, "（二）部分公开"),
        (3, 2, 1, 1, "0"),
        (3, 3, 1, 1, "0"),
        (4, 1, 1, 1, "（七）总计"),
        (4, 2, 1, 1, "2"),
        (4, 3, 1, 1, "2"),
    }


def test_strict_ooxml_namespace(load, tmp_path):
    strict = DOCUMENT.replace(
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    document = load(write_wps_docx(tmp_path / "strict.docx", strict))
    assert "主动公开。通过某某县人民政府网站本年度主动公开政府信息52条。" in document.text


@pytest.mark.parametrize(
    ("value", "number_format", "label"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (21, "chineseCounting", "二十一"),
        (3, "decimalEnclosedCircle", "③"),
        (12, "decimalFullWidth", "１２"),
        (4, "upperRoman", "IV"),
        (27, "lowerLetter", "aa"),
        (2, "ideographTraditional", "乙"),
        (7, "unknownFormat", "7"),
    ],
)
def test_list_label_formats(value, number_format, label):
    assert format_number(value, number_format) == label


def _zip(path, members: dict[str, str]):
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_truncated_docx_is_corrupt(load, tmp_path, report_docx):
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(report_docx.read_bytes()[:20000])
    with pytest.raises(SourceError) as raised:
        load(truncated)
    assert raised.value.code == "RL904"
    assert "损坏或被截断" in raised.value.message


def test_file_that_is_not_a_zip_is_not_a_docx(tmp_path):
    source = Source(tmp_path / "fake.docx", "fake.docx", "这不是 Word 文档".encode(), "docx")
    with pytest.raises(SourceError) as raised:
        DocxLoader().load(source)
    assert raised.value.code == "RL904"
    assert "不是 .docx 文档" in raised.value.message


def test_docx_without_document_part_is_corrupt(load, tmp_path):
    path = _zip(tmp_path / "empty.docx", {"[Content_Types].xml": CONTENT_TYPES})
    with pytest.raises(SourceError) as raised:
        load(path)
    assert raised.value.code == "RL904"
    assert "word/document.xml" in raised.value.message


def test_docx_with_broken_xml_is_corrupt(load, tmp_path):
    path = _zip(tmp_path / "broken.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document><w:body>"})
    with pytest.raises(SourceError) as raised:
        load(path)
    assert raised.value.code == "RL904"


def test_docx_without_text_is_empty(load, tmp_path):
    empty = DOCUMENT[: DOCUMENT.index("<w:body>")] + "<w:body><w:p/></w:body></w:document>"
    with pytest.raises(SourceError) as raised:
        load(write_wps_docx(tmp_path / "blank.docx", empty))
    assert raised.value.code == "RL906"
