"""PDF loader: ruled tables as real tables, other lines as paragraphs located by page and line, and unusable PDFs."""

from __future__ import annotations

import itertools
import sys

import pytest
from loader_samples import loaded_layout
from loader_samples.pdf_writer import Rectangles, Text, write_drawing, write_pdf
from loader_samples.report import APPLICATION_TABLE, REPORT, ReportLine
from loader_samples.ruled_tables import BORDERS, DrawnCell, draw_table

from reportlint.core.model import Paragraph, Table
from reportlint.sources import SourceError


def _pdf(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_lines_are_paragraphs_located_by_page_and_line(load, tmp_path):
    document = load(_pdf(tmp_path, "text.pdf", write_pdf([["Annual report 2021", "Second line"], ["Page two"]])))
    assert document.format == "pdf"
    assert document.text == "Annual report 2021\nSecond line\nPage two"
    assert all(isinstance(block, Paragraph) for block in document.blocks)
    last = document.blocks[2]
    location = document.locate(last.start, last.end)
    assert (location.page, location.logical, location.line, location.column) == (2, "第2页 第1行", 3, 1)
    assert (location.end_line, location.end_column) == (3, 9)


def test_soft_hyphens_are_dropped(load, tmp_path):
    document = load(_pdf(tmp_path, "hyphen.pdf", write_pdf([["Infor\xadmation"]])))
    assert document.text == "Information"


def test_pdf_without_text_layer_needs_ocr(load, tmp_path):
    with pytest.raises(SourceError) as raised:
        load(_pdf(tmp_path, "scan.pdf", write_pdf([[], []], scanned=True)))
    assert raised.value.code == "RL905"
    assert "OCR" in raised.value.message


def test_encrypted_pdf(load, tmp_path):
    with pytest.raises(SourceError) as raised:
        load(_pdf(tmp_path, "locked.pdf", write_pdf([["secret"]], encrypted=True)))
    assert raised.value.code == "RL904"
    assert "加密" in raised.value.message


def test_corrupt_pdf(load, tmp_path):
    with pytest.raises(SourceError) as raised:
        load(_pdf(tmp_path, "broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"))
    assert raised.value.code == "RL904"
    assert "损坏" in raised.value.message


def test_missing_pdfium_asks_for_the_extra(load, tmp_path, monkeypatch):
    path = _pdf(tmp_path, "text.pdf", write_pdf([["text"]]))
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(SourceError) as raised:
        load(path)
    assert raised.value.code == "RL902"
    assert "pip install pypdfium2" in raised.value.message


def test_libreoffice_pdf_keeps_quotes_in_place_and_drops_spacing(load, report_pdf):
    document = load(report_pdf)
    lines = document.text.split("\n")
    assert lines[0] == "某某县某某镇2021年政府信息公开工作年度报告"
    paragraph = next(line for line in lines if line.startswith("（一）主动公开"))
    assert paragraph.startswith("（一）主动公开。2021年，某某镇通过某某县人民政府门户网站“乡镇信息公开”专栏")
    assert "信息内容\t本年制发件数\t本年废止件数\t现行有效件数" in lines


def test_libreoffice_pdf_sections_on_new_pages(load, report_pdf):
    document = load(report_pdf)

    def location_of(text: str):
        block = next(block for block in document.blocks if document.text[block.start : block.end] == text)
        return document.locate(block.start, block.end)

    applications = location_of("三、收到和处理政府信息公开申请情况")
    assert (applications.page, applications.logical) == (2, "第2页 第1行")
    start = document.text.index("申请人情况")
    applicants = document.locate(start, start + len("申请人情况"))
    assert (applicants.page, applicants.logical) == (2, "第2页 表格2 第1行 第4列")
    review = location_of("四、政府信息公开行政复议、行政诉讼情况")
    assert review.page > applications.page
    assert review.logical == f"第{review.page}页 第1行"
    assert review.line == document.text[: document.text.index("四、政府信息公开行政复议")].count("\n") + 1


def test_libreoffice_pdf_paragraphs_in_reading_order(load, report_pdf):
    compact = "".join(load(report_pdf).text.split())
    position = 0
    for item in REPORT:
        if isinstance(item, ReportLine):
            position = compact.index("".join(item.text.split()), position)


# --------------------------------------------------------------------------- ruled tables

C = DrawnCell

#: A section 三-like table: merged header cells, a label wrapped over two lines, an empty value cell.
APPLICATIONS = [
    C(0, 0, ("说明",), rowspan=2),
    C(0, 1, ("申请人情况",), colspan=3),
    C(1, 1, ("自然人",)),
    C(1, 2, ("商业企业",)),
    C(1, 3, ("总计",)),
    C(2, 0, ("（四）无", "法提供")),
    C(2, 1, ("2",)),
    C(2, 2),
    C(2, 3, ("2",)),
]
APPLICATIONS_LAYOUT = {
    (0, 0, 2, 1, "说明"),
    (0, 1, 1, 3, "申请人情况"),
    (1, 1, 1, 1, "自然人"),
    (1, 2, 1, 1, "商业企业"),
    (1, 3, 1, 1, "总计"),
    (2, 0, 1, 1, "（四）无法提供"),
    (2, 1, 1, 1, "2"),
    (2, 2, 1, 1, ""),
    (2, 3, 1, 1, "2"),
}


def _drawn(tmp_path, pages):
    """A PDF of drawn pages (see loader_samples.pdf_writer.write_drawing), written under tmp_path."""
    return _pdf(tmp_path, "drawn.pdf", write_drawing(pages))


@pytest.mark.parametrize("borders", BORDERS)
def test_ruled_table_is_a_table_with_merged_cells(load, tmp_path, borders):
    page = [
        Text(72, 790, "三、收到和处理政府信息公开申请情况"),
        *draw_table(APPLICATIONS, [70, 50, 50, 50], [16, 16, 28], borders=borders),
        Text(72, 700, "四、政府信息公开行政复议、行政诉讼情况"),
    ]
    document = load(_drawn(tmp_path, [page]))
    assert [type(block) for block in document.blocks] == [Paragraph, Table, Paragraph]
    [table] = document.tables
    assert loaded_layout(document, table) == APPLICATIONS_LAYOUT
    assert document.text[table.start : table.end] == "说明\t申请人情况\t\t\n\t自然人\t商业企业\t总计\n（四）无法提供\t2\t\t2"
    after = document.blocks[2]
    assert document.locate(after.start, after.end).logical == "第1页 第2行"


def test_table_drawn_inside_a_form_xobject_is_placed_on_the_page(load, tmp_path):
    page = draw_table(APPLICATIONS, [70, 50, 50, 50], [16, 16, 28], top=700)
    document = load(_pdf(tmp_path, "form.pdf", write_drawing([page], form_offset=(30, -200))))
    [table] = document.tables
    assert loaded_layout(document, table) == APPLICATIONS_LAYOUT


def test_wrapped_label_is_read_whole_and_located_in_its_cell(load, tmp_path):
    document = load(_drawn(tmp_path, [draw_table(APPLICATIONS, [70, 50, 50, 50], [16, 16, 28])]))
    start = document.text.index("（四）无法提供")
    location = document.locate(start, start + len("（四）无法提供"))
    assert (location.page, location.logical) == (1, "第1页 表格1 第3行 第1列")


def test_empty_cell_is_an_empty_cell(load, tmp_path):
    document = load(_drawn(tmp_path, [draw_table(APPLICATIONS, [70, 50, 50, 50], [16, 16, 28])]))
    [table] = document.tables
    [empty] = [cell for row in table.rows for cell in row if cell.start == cell.end]
    assert (empty.row, empty.column) == (2, 2)
    assert [cell.column for cell in table.rows[2]] == [0, 1, 2, 3]
    assert document.locate(empty.start, empty.end).logical == "第1页 表格1 第3行 第3列"


def test_row_split_by_a_page_break_is_joined(load, tmp_path):
    """LibreOffice and Word split a tall row at a page break; a row-group label spans down over it."""
    widths = [40, 60, 40]
    first = [
        C(0, 0, ("类别",), colspan=2),
        C(0, 2, ("数量",)),
        C(1, 0, ("（三）",), rowspan=2),
        C(1, 1, ("1.属于",)),
        C(1, 2, ("0",)),
        C(2, 1, ("5.属",)),
        C(2, 2, ("1",)),
    ]
    second = [C(0, 0, rowspan=2), C(0, 1, ("于三类",)), C(0, 2), C(1, 1, ("6.属于",)), C(1, 2, ("2",))]
    pages = [
        [*draw_table(first, widths, [16, 16, 16], top=100), Text(280, 40, "- 1 -")],
        [Text(72, 810, "某某镇年度报告"), *draw_table(second, widths, [16, 16]), Text(72, 700, "四、结束")],
    ]
    document = load(_drawn(tmp_path, pages))
    [table] = document.tables
    assert loaded_layout(document, table) == {
        (0, 0, 1, 2, "类别"),
        (0, 2, 1, 1, "数量"),
        (1, 0, 3, 1, "（三）"),
        (1, 1, 1, 1, "1.属于"),
        (1, 2, 1, 1, "0"),
        (2, 1, 1, 1, "5.属于三类"),
        (2, 2, 1, 1, "1"),
        (3, 1, 1, 1, "6.属于"),
        (3, 2, 1, 1, "2"),
    }
    assert document.text.split("\n")[-2:] == ["某某镇年度报告", "四、结束"]  # the page number “- 1 -” is furniture
    start = document.text.index("6.属于")
    assert document.locate(start, start + 4).logical == "第2页 表格1 第4行 第2列"
    start = document.text.index("5.属于三类")
    assert document.locate(start, start + 6).page == 1


def test_header_row_split_by_a_page_break_is_joined(load, tmp_path):
    """Most header cells wrap onto the next page; a header that fit stays empty there."""
    widths = [40, 40, 40, 40]
    first = [C(0, 0, ("结果",)), C(0, 1, ("结果",)), C(0, 2, ("其他",)), C(0, 3, ("总计",))]
    second = [C(0, 0, ("维持",)), C(0, 1, ("纠正",)), C(0, 2, ("结果",)), C(0, 3), *(C(1, column, ("0",)) for column in range(4))]
    pages = [draw_table(first, widths, [16], top=100), draw_table(second, widths, [16, 16])]
    document = load(_drawn(tmp_path, pages))
    [table] = document.tables
    assert document.text[table.start : table.end] == "结果维持\t结果纠正\t其他结果\t总计\n0\t0\t0\t0"


def test_row_at_the_top_of_the_next_page_with_a_blank_cell_stays_a_row(load, tmp_path):
    header = [C(0, 0, ("项目",)), C(0, 1, ("数量",)), C(0, 2, ("金额",))]
    pages = [
        draw_table([*header, C(1, 0, ("行政许可",)), C(1, 1, ("3",)), C(1, 2, ("1",))], [60, 40, 40], [16, 16], top=100),
        draw_table([C(0, 0, ("行政处罚",)), C(0, 1), C(0, 2, ("2",))], [60, 40, 40], [16]),
    ]
    document = load(_drawn(tmp_path, pages))
    [table] = document.tables
    assert document.text[table.start : table.end] == "项目\t数量\t金额\n行政许可\t3\t1\n行政处罚\t\t2"


def test_header_rows_repeated_on_the_next_page_are_left_out(load, tmp_path):
    header = [C(0, 0, ("项目",)), C(0, 1, ("数量",))]
    pages = [
        draw_table([*header, C(1, 0, ("行政许可",)), C(1, 1, ("3",))], [60, 40], [16, 16], top=100),
        draw_table([*header, C(1, 0, ("行政处罚",)), C(1, 1, ("5",))], [60, 40], [16, 16]),
    ]
    document = load(_drawn(tmp_path, pages))
    [table] = document.tables
    assert document.text[table.start : table.end] == "项目\t数量\n行政许可\t3\n行政处罚\t5"


@pytest.mark.parametrize("widths", [[60, 60], [40, 20, 40]], ids=["other-edges", "other-columns"])
def test_tables_whose_columns_do_not_line_up_stay_two_tables(load, tmp_path, widths):
    pages = [
        draw_table([C(0, 0, ("项目",)), C(0, 1, ("数量",)), C(0, 2, ("金额",))], [40, 40, 20], [16], top=100),
        draw_table([C(0, column, ("0",)) for column in range(len(widths))], widths, [16]),
    ]
    assert len(load(_drawn(tmp_path, pages)).tables) == 2


def test_space_beside_a_short_row_is_no_cell(load, tmp_path):
    cells = [C(0, 0, ("规章",)), C(0, 1, ("0",)), C(0, 2, ("0",)), C(1, 0, ("行政许可",)), C(1, 1, ("12",))]
    document = load(_drawn(tmp_path, [draw_table(cells, [60, 30, 30], [16, 16])]))
    [table] = document.tables
    assert [[cell.column for cell in row] for row in table.rows] == [[0, 1, 2], [0, 1]]


def test_boxes_of_one_column_and_shading_are_no_tables(load, tmp_path):
    framed = draw_table([C(0, 0, ("说明：本表数据截至年底。",))], [200], [16])
    shaded = [Rectangles(((72, 600, 300, 640),)), Text(80, 620, "附件")]
    document = load(_drawn(tmp_path, [[*framed, *shaded]]))
    assert document.tables == ()
    assert document.text == "说明：本表数据截至年底。\n附件"


def test_ruled_box_without_text_is_no_table(load, tmp_path):
    empty = draw_table([C(0, 0), C(0, 1)], [60, 60], [16])
    document = load(_drawn(tmp_path, [[*empty, Text(72, 700, "正文")]]))
    assert (document.tables, document.text) == ((), "正文")


def test_libreoffice_pdf_section_three_header_and_labels(load, report_pdf):
    """Merged header cells, labels wrapped over many lines, a row-group label over page breaks.

    The whole tables are compared with the .docx in test_loader_formats.py.
    """
    document = load(report_pdf)
    applications = document.tables[1]
    layout = loaded_layout(document, applications)
    note = APPLICATION_TABLE.rows[0][0].text
    assert {
        (0, 0, 3, 3, note),
        (0, 3, 1, 7, "申请人情况"),
        (1, 3, 2, 1, "自然人"),
        (1, 4, 1, 5, "法人或其他组织"),
        (1, 9, 2, 1, "总计"),
        (2, 4, 1, 1, "商业企业"),
        (5, 0, 22, 1, "三、本年度办理结果"),
        (6, 1, 1, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    } <= layout
    start = document.text.index("3.其他")
    location = document.locate(start, start + 4)
    assert location.page > 2 and location.logical == f"第{location.page}页 表格2 第26行 第3列"


# --------------------------------------------------------------------------- a printed report: furniture, wraps, split rows


@pytest.fixture(scope="module")
def paginated(tmp_path_factory):
    """A sample report exported by LibreOffice with a running header, 第 N 页 共 M 页 footers and narrow label columns."""
    from loader_samples.libreoffice import convert_with_libreoffice
    from loader_samples.paginated import write_paginated_docx

    from reportlint.testing.reports import SampleReport

    report = SampleReport.build("T2021", 2021, seed=3)
    folder = tmp_path_factory.mktemp("paginated")
    docx = write_paginated_docx(report, folder / "paged.docx")
    return report, convert_with_libreoffice(docx, "pdf", folder)


def test_page_numbers_and_running_headers_are_not_text(load, paginated):
    from loader_samples.paginated import RUNNING_HEADER

    _, pdf = paginated
    document = load(pdf)
    pages = {document.locate(block.start, block.end).page for block in document.blocks}
    assert len(pages) >= 3  # the report really runs over several pages, each with a header and a footer
    assert RUNNING_HEADER not in document.text and "页共" not in document.text.replace(" ", "")


def test_wrapped_paragraphs_are_one_line_again(load, paginated):
    report, pdf = paginated
    document = load(pdf)
    wrapped = [paragraph for paragraph in (*report.intro, *report.sections["s1"]) if len(paragraph) > 60]
    for paragraph in wrapped:
        start = document.text.index(paragraph)  # whole: no line break where the PDF wrapped it
        first, last = document.locate(start, start + 1), document.locate(start + len(paragraph) - 1, start + len(paragraph))
        assert first.logical != last.logical, "the paragraph must span several PDF lines for this test to mean anything"
    assert any("（以下简称《条例》）" in paragraph for paragraph in wrapped)


def test_rows_split_by_page_breaks_are_read_whole(load, paginated):
    from reportlint.core.config import Config
    from reportlint.run.registry import registry_for
    from reportlint.template.filled import CellStatus
    from reportlint.template.reading import read_report

    registry = registry_for(Config())
    report, pdf = paginated
    document = load(pdf)
    reading = read_report(document, registry.template_set)
    for (table, row, column), raw in report.values.items():
        cell = reading.filled.cell(table, row, column)
        assert (cell.status, cell.raw) == (CellStatus.OK, raw), (table, row, column)
    # LibreOffice split a labelled row at a page break: its label starts on one page and goes on at the top of the next
    import pypdfium2

    from reportlint.loaders.pdf import page_lines

    pdf_pages = pypdfium2.PdfDocument(str(pdf))
    lines = [[line.text for line in page_lines(pdf_pages[number].get_textpage())][1:-1] for number in range(len(pdf_pages))]
    labels = ["".join(row.label.split()) for table in reading.filled.template.tables for row in table.rows if row.label]
    split = [
        label
        for before, after in itertools.pairwise(lines)
        for label in labels
        if before and after and len(before[-1].split()[0]) < len(label) and label.startswith(before[-1].split()[0] + after[0].split()[0])
    ]
    assert split, "some row label must run over a page break for this test to mean anything"


def test_a_printed_report_has_no_layout_findings(paginated):
    from reportlint.run.linter import lint_source
    from reportlint.sources import read_source

    _, pdf = paginated
    assert [finding.code for finding in lint_source(read_source(pdf))] == []


# --------------------------------------------------------------------------- prose copied with half-width punctuation

#: A paragraph as copied from a web page: half-width commas and colons, and quotation marks LibreOffice draws
#: after the rest of their line. (One sentence: a line that wraps right after a full stop is taken to end a paragraph.)
HALF_WIDTH_PROSE = (
    "本年度报告中所列数据的统计期限,自2023年1月1日起至2023年12月31日止,如对本年度报告有任何疑问或意见建议,"
    "请联系办公室,地址:某市人民大道中54号,通过“老带新”和参加线上线下集中培训的方式开展咨询员培训,推动2名咨询员"
    "通过考核,有效补充热线工作力量,全年共受理各类咨询2226条,发布微信426条,微博453条。"
)


@pytest.fixture(scope="module")
def half_width_pdf(tmp_path_factory):
    """The paragraph twelve times, each shifted by one more character, so that some lines wrap right after a comma."""
    import docx
    from loader_samples.libreoffice import convert_with_libreoffice

    folder = tmp_path_factory.mktemp("half_width")
    document = docx.Document()
    paragraphs = ["某" * shift + HALF_WIDTH_PROSE for shift in range(12)]
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(folder / "prose.docx")
    return paragraphs, convert_with_libreoffice(folder / "prose.docx", "pdf", folder)


def test_chinese_lines_wrapping_after_half_width_punctuation_or_quotes_drawn_last_are_joined(load, half_width_pdf):
    import pypdfium2

    from reportlint.loaders.pdf import page_lines

    paragraphs, pdf = half_width_pdf
    text = load(pdf).text
    assert text.split("\n") == paragraphs
    pages = pypdfium2.PdfDocument(str(pdf))
    lines = [line.text for number in range(len(pages)) for line in page_lines(pages[number].get_textpage()) if hasattr(line, "text")]
    assert any(line.endswith((",", ":", ";")) for line in lines), (
        "some line must wrap after a half-width mark for this test to mean anything"
    )
    assert any("“老带新”" in line and not line.endswith("。") for line in lines), "and a line with the quotes must wrap"


@pytest.mark.parametrize(
    ("line", "opens"),
    [("1、2021年我乡主动公开政府信息共12条。", True), ("（二）主动公开情况", True), ("1.5万条信息全部按时发布。", False)],
)
def test_a_line_opening_an_item_numbered_before_a_year_starts_a_paragraph(line, opens):
    # “……主要类别情况” filling its line, then “1、2021年……”: the item is no wrapped rest of the line above it
    from reportlint.loaders.pdf.paragraphs import _OPENS_ITEM

    assert bool(_OPENS_ITEM.match(line)) == opens
