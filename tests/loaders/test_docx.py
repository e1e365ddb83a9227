""".docx loader: text, headings, merged cells, WPS quirks, text boxes, numbering and corrupt packages."""

from __future__ import annotations

import zipfile

import pytest
from loader_samples import loaded_layout
from loader_samples.report import TITLE, expected_layout, expected_text, tables
from loader_samples.word_features import (
    FEATURES_BODY,
    FEATURES_NUMBERING,
    FEATURES_STYLES,
    FEATURES_TEXT,
    W,
    damage_part,
    latent_styles,
    style,
    styles,
    write_word,
)
from loader_samples.wps_docx import (
    CONTENT_TYPES,
    DOCUMENT,
    EXPECTED_TEXT,
    write_wps_docx,
)
from lxml import etree

from reportlint.core.model import Document, Heading, Table
from reportlint.loaders.docx import DocxLoader, grid_rows, place_cells
from reportlint.loaders.docx.styles import ParagraphStyle, format_number, parsed_style, word_names
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


# ---------------------------------------------------------------- every construct of the reader, and styles.xml read in part


def _load_bytes(path, max_size=None) -> Document:
    return DocxLoader().load(Source(path, path.name, path.read_bytes(), "docx", max_size=max_size))


def _features(tmp_path, body=FEATURES_BODY, styles_xml=FEATURES_STYLES) -> Document:
    return _load_bytes(write_word(tmp_path / "features.docx", body, styles_xml, FEATURES_NUMBERING))


def test_word_features_give_the_text_word_shows(tmp_path):
    document = _features(tmp_path)
    assert document.text == FEATURES_TEXT
    assert _kinds(document) == ["H1", "H2", "H3", "H2", "P", "P", "P", "P", "P", "H2", "T", "P", "T", "P", "P", "P"]


def test_word_features_table_grid_merges_and_content_controls(tmp_path):
    document = _features(tmp_path)
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert loaded_layout(document, table) == {
        (0, 0, 2, 1, "项目"),
        (0, 1, 1, 3, "申请人情况"),
        (1, 1, 1, 1, "自然人"),
        (1, 2, 1, 2, "法人"),  # the w:hMerge continuation widens it; its own text is not shown
        (2, 0, 1, 1, "申请数"),
        (2, 1, 1, 1, "1 2\n第二段"),  # two paragraphs; the tab between runs becomes a space
        (2, 2, 1, 1, "3"),  # a cell inside a content control
        (2, 3, 1, 1, "三、明细"),  # numbering continues from the body's list
        (3, 1, 1, 1, "备注\n见文本框\n文本框里的说明"),  # w:gridBefore, and a text box in the cell
    }
    nested = [block for block in document.blocks if isinstance(block, Table)][1]
    assert document.text[nested.start : nested.end] == "内层甲\t内层乙"  # the outer table only lays it out


def test_word_features_locations_name_paragraphs_cells_and_text_boxes(tmp_path):
    document = _features(tmp_path)
    text = document.text
    assert document.locate(text.index("三、明细"), text.index("三、明细") + 4).logical == "表格1 第3行 第4列"
    assert document.locate(text.index("内层乙"), text.index("内层乙") + 3).logical == "表格2 第1行 第2列"
    first_box = text.index("文本框里的说明")
    assert document.locate(first_box, first_box + 7).logical == "第9段（文本框）"
    assert (
        document.locate(text.index("结尾"), text.index("结尾") + 2).logical == "第14段"
    )  # text-box and layout-table paragraphs count; data cells do not
    line, column = _extracted_position(text, text.index("第二段"))
    location = document.locate(text.index("第二段"), text.index("第二段") + 3)
    assert (location.line, location.column) == (line, column)


def test_symbol_past_unicode_is_left_out_not_a_failure(tmp_path):
    body = '<w:p><w:r><w:t>共</w:t><w:sym w:char="FFFFFFFFFFFFFFFFFFFFFFFF"/><w:sym w:char="0033"/><w:t>件</w:t></w:r></w:p>'
    assert _load_bytes(write_word(tmp_path / "symbol.docx", body)).text == "共3件"


_HEADING = '<w:p><w:pPr><w:pStyle w:val="Chapter"/></w:pPr><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p>'


def _chapter_level(document: Document) -> int | None:
    return document.blocks[0].level if isinstance(document.blocks[0], Heading) else None


def test_style_far_into_the_styles_part_is_found(tmp_path):
    styles_xml = styles(style("Chapter", "heading 1"), padding=120_000)
    assert _chapter_level(_load_bytes(write_word(tmp_path / "far.docx", _HEADING, styles_xml))) == 1


def test_styles_part_damaged_after_the_styles_used_is_not_read_that_far(tmp_path):
    path = write_word(tmp_path / "tail.docx", _HEADING, styles(style("Chapter", "heading 3"), trailing=300_000))
    damage_part(path, "word/styles.xml", at=0.95)
    assert _chapter_level(_load_bytes(path)) == 3


def test_styles_part_damaged_where_a_style_is_looked_for_is_corrupt(tmp_path):
    path = write_word(tmp_path / "head.docx", _HEADING, styles(style("Chapter", "heading 3"), trailing=300_000))
    damage_part(path, "word/styles.xml", at=0.0)
    with pytest.raises(SourceError) as raised:
        _load_bytes(path)
    assert raised.value.code == "RL904"


def test_styles_part_past_the_size_limit_is_read_only_as_far_as_needed(tmp_path):
    styles_xml = styles(style("Chapter", "heading 2"), trailing=400_000)
    assert _chapter_level(_load_bytes(write_word(tmp_path / "big.docx", _HEADING, styles_xml), max_size=200_000)) == 2
    missing = write_word(tmp_path / "missing.docx", _HEADING.replace("Chapter", "Unknown"), styles_xml)
    with pytest.raises(SourceError) as raised:  # a style it does not define: the whole part is read
        _load_bytes(missing, max_size=200_000)
    assert raised.value.code == "RL911"


def test_double_quoted_style_id_wins_over_an_earlier_single_quoted_one(tmp_path):
    single = style("Chapter", "heading 4", quote="'")
    double = style("Chapter", "heading 2")
    styles_xml = styles(single, latent_styles(100_000), double)
    assert _chapter_level(_load_bytes(write_word(tmp_path / "quotes.docx", _HEADING, styles_xml))) == 2


def test_grid_rows_place_cells_row_by_row_with_spans_and_merges():
    table = etree.fromstring(
        f'<w:tbl xmlns:w="{W}">'
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="10"/><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr>'
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>'
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:sdt><w:sdtContent><w:tc><w:p/></w:tc></w:sdtContent></w:sdt></w:tr>'
        "</w:tbl>"
    )
    w = word_names(W)
    kept: list = []
    rows, column_count = grid_rows(table, w, kept)
    assert column_count == 3
    assert [[cell[:4] for cell in row] for row in rows] == [[[0, 0, 2, 1], [0, 1, 1, 2]], [[1, 1, 1, 2]], [[2, 1, 1, 1]]]
    assert all(cell[4].tag == w.tc for row in rows for cell in row)
    assert len(kept) == 5 and all(properties.tag == w.tcPr for properties in kept)
    grid = place_cells(table, w)
    assert [(cell.row, cell.column, cell.rowspan, cell.colspan) for cell in grid.cells] == [
        (0, 0, 2, 1),
        (0, 1, 1, 2),
        (1, 1, 1, 2),
        (2, 1, 1, 1),
    ]
    assert (grid.row_count, grid.column_count) == (3, 3)


def test_documents_sharing_parts_share_their_parsing_but_not_their_list_counters(tmp_path):
    body = '<w:p><w:pPr><w:pStyle w:val="Listed"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>'
    first = _load_bytes(write_word(tmp_path / "first.docx", body * 2, FEATURES_STYLES, FEATURES_NUMBERING))
    second = _load_bytes(write_word(tmp_path / "second.docx", body, FEATURES_STYLES, FEATURES_NUMBERING))
    assert first.text == "一、总体情况\n二、总体情况"  # the style "Listed" numbers its paragraphs from list 1
    assert second.text == "一、总体情况"  # counted afresh: the parsed list definitions are shared, the counters are the document's
    assert _kinds(first) == _kinds(second)[:1] * 2


STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def test_a_style_parsed_once_is_the_style_of_every_namespace_it_is_read_in():
    styles_xml = f'<w:styles xmlns:w="{W}">{style("Chapter", "heading 2")}</w:styles>'.encode()
    assert parsed_style(styles_xml, W) == ParagraphStyle("heading 2", None, None, None)
    assert parsed_style(styles_xml, STRICT) == ParagraphStyle("", None, None, None)  # read in another namespace: no name found
    assert word_names(W) is word_names(W) and word_names(W).tc == f"{{{W}}}tc"
