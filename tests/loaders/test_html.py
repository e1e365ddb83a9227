"""HTML loader: finding the report in a CMS page, leaving out chrome, table grids and source locations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from loader_samples import FIXTURES, loaded_layout
from loader_samples.report import TITLE, expected_layout, expected_text, tables

from reportlint.core.model import Cell, Document, Heading, Paragraph, Table
from reportlint.loaders.html import ANCHOR_SEARCH_WINDOW, HtmlLoader, SourcePositions
from reportlint.loaders.html.content import is_metadata_table
from reportlint.sources import Source, SourceError
from reportlint.testing import lint_batch

CMS_PAGE = FIXTURES / "report_2021_cms.html"
GBK_PAGE = FIXTURES / "report_2021_gbk.html"

BLOCK_KINDS = ["H1", "P", "H2", "P", "P", "P", "P", "P", "H2", "T", "H2", "T", "H2", "T", "H2", "P", "H2", "P", "P", "P", "P"]


def _kinds(document: Document) -> list[str]:
    return [f"H{block.level}" if isinstance(block, Heading) else type(block).__name__[0] for block in document.blocks]


def _cell(document: Document, table: Table, text: str) -> Cell:
    return next(cell for row in table.rows for cell in row if document.text[cell.start : cell.end] == text)


def _source_position(path: Path, needle: str, encoding: str = "utf-8", after: str = "") -> tuple[int, int]:
    """1-based line and column of ``needle`` in a fixture file (the first after ``after``)."""
    lines = path.read_bytes().decode(encoding).splitlines()
    start = next(number for number, line in enumerate(lines) if after in line)
    for number in range(start, len(lines)):
        if needle in lines[number]:
            return number + 1, lines[number].index(needle) + 1
    raise AssertionError(needle)


def _page(body: str, tmp_path: Path, name: str = "page.html") -> Path:
    path = tmp_path / name
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试</title></head>'
    path.write_text(f"{head}<body>{body}</body></html>", "utf-8")
    return path


def test_cms_page_yields_the_report_text_only(load):
    document = load(CMS_PAGE)
    assert document.format == "html"
    assert document.encoding == "utf-8"
    assert document.text == expected_text()


def test_page_chrome_scripts_and_hidden_elements_are_left_out(load):
    text = load(CMS_PAGE).text
    for chrome in (
        "您当前的位置",
        "字体",
        "扫一扫",
        "分享到",
        "打印本页",
        "关闭窗口",
        "索引号",
        "发布机构",
        "发布时间",
        "浏览次数",
        "版权所有",
        "网站标识码",
        "相关文章",
        "首页",
        "setFont",
        "pageTitle",
        "欢迎访问",
    ):
        assert chrome not in text, chrome


def test_publication_date_comes_from_the_pubdate_meta_tag_and_the_publisher_from_the_metadata_table(load):
    # the table's cells run together in the page's text (发布机构：某某镇人民政府成文日期：……): the publisher ends at the next label
    assert dict(load(CMS_PAGE).metadata) == {"published": "2022-01-20", "published_raw": "2022-01-20 09:30", "publisher": "某某镇人民政府"}


def test_a_metadata_table_gives_the_date_and_the_publisher_its_label_cells_name(load, tmp_path):
    # label cells without colons: in the page's text each runs into its value (发布机构某县某局发文日期2025-02-14)
    page = _page(
        "<table><tr><td>发布机构</td><td>某县某局</td><td>发文日期</td><td>2025-02-14</td></tr></table>"
        "<h1>某县某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本局认真贯彻《条例》。</p>",
        tmp_path,
    )
    assert dict(load(page).metadata) == {"published": "2025-02-14", "published_raw": "2025-02-14", "publisher": "某县某局"}


def test_a_report_named_only_in_the_pages_metadata_has_that_body_for_its_subject(tmp_path):
    page = _page(
        "<ul><li>发文机构：某县人民政府</li><li>发布日期：2024-02-19</li></ul>"
        "<h1>2023年度政府信息公开年度报告</h1><p>一、总体情况</p><p>2023年，我县认真贯彻《条例》，全面推进政务公开。</p>"
        "<p>二、主动公开政府信息情况</p><p>全年主动公开信息56条。</p>",
        tmp_path,
    )
    [file] = lint_batch([page], select=["RL505"]).files
    assert (file.summary.subject, list(file.diagnostics)) == ("某县人民政府", []), "a county government's deadline is 31 March"


def test_title_outside_the_content_is_taken_from_the_h1(load):
    document = load(CMS_PAGE)
    title = document.blocks[0]
    assert isinstance(title, Heading) and title.level == 1
    assert document.text[title.start : title.end] == TITLE
    location = document.locate(title.start, title.end)
    assert (location.line, location.column) == _source_position(CMS_PAGE, TITLE, after="<h1")


def test_title_split_over_spans_is_taken_whole(load, tmp_path):
    page = _page(
        '<h1 class="title"><span>某某县某某镇</span><span>2021年政府信息公开工作年度报告</span></h1>'
        "<div id='zoom'><p>一、总体情况</p><p>本年度我镇主动公开政府信息52条。</p>"
        "<p>二、主动公开政府信息情况</p><p>见下表。</p></div>",
        tmp_path,
    )
    document = load(page)
    assert document.text.split("\n")[0] == TITLE
    assert _kinds(document)[0] == "H1"


def test_blocks_are_headings_paragraphs_and_tables_in_order(load):
    assert _kinds(load(CMS_PAGE)) == BLOCK_KINDS


def test_every_cell_sits_at_its_grid_position_with_its_spans(load):
    document = load(CMS_PAGE)
    assert len(document.tables) == 3
    for table, spec in zip(document.tables, tables(), strict=False):
        assert loaded_layout(document, table) == expected_layout(spec)
        assert [cell.row for row in table.rows for cell in row] == sorted(cell.row for row in table.rows for cell in row)


def test_application_table_header_merges(load):
    document = load(CMS_PAGE)
    application = document.tables[1]

    def spans(text: str) -> tuple[int, int, int, int]:
        cell = _cell(document, application, text)
        return cell.row, cell.column, cell.rowspan, cell.colspan

    assert spans("申请人情况") == (0, 3, 1, 7)
    assert spans("自然人") == (1, 3, 2, 1)
    assert spans("法人或其他组织") == (1, 4, 1, 5)
    assert spans("总计") == (1, 9, 2, 1)
    assert spans("商业企业") == (2, 4, 1, 1)
    assert spans("三、本年度办理结果") == (5, 0, 22, 1)
    assert spans("（三）不予公开") == (7, 1, 8, 1)
    assert spans("（六）其他处理") == (23, 1, 3, 1)
    assert spans("四、结转下年度继续办理") == (27, 0, 1, 3)
    assert [cell.column for cell in application.rows[8]] == [2, 3, 4, 5, 6, 7, 8, 9]
    review = document.tables[2]
    assert [(cell.column, cell.colspan) for cell in review.rows[0]] == [(0, 5), (5, 10)]
    assert [(cell.column, cell.rowspan, cell.colspan) for cell in review.rows[1]] == [
        (0, 2, 1),
        (1, 2, 1),
        (2, 2, 1),
        (3, 2, 1),
        (4, 2, 1),
        (5, 1, 5),
        (10, 1, 5),
    ]
    assert [cell.column for cell in review.rows[2]] == list(range(5, 15))


def test_table_text_has_one_tab_separated_field_per_grid_column(load):
    document = load(CMS_PAGE)
    application = document.tables[1]
    lines = document.text[application.start : application.end].split("\n")
    assert len(lines) == 28
    assert lines[1] == "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计"
    assert lines[8] == "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0"


def test_cell_location_is_its_line_and_column_in_the_html(load):
    document = load(CMS_PAGE)
    cell = _cell(document, document.tables[1], "自然人")
    location = document.locate(cell.start, cell.end)
    line, column = _source_position(CMS_PAGE, ">自然人<")
    assert (location.line, location.column) == (line, column + 1)
    assert (location.end_line, location.end_column) == (line, column + 4)
    assert location.logical == "表格2 第2行 第4列"


def test_number_cells_point_at_their_digits_not_at_markup(load):
    document = load(CMS_PAGE)
    lines = CMS_PAGE.read_text("utf-8").splitlines()
    for cell in document.tables[1].rows[3][1:]:  # 3 0 0 0 0 0 3, in cells styled "border:1px solid #000"
        location = document.locate(cell.start, cell.end)
        assert lines[location.line - 1][location.column - 1 :].startswith(document.text[cell.start : cell.end] + "</td>")


def test_text_written_with_entities_is_located_at_its_line(load):
    document = load(CMS_PAGE)
    paragraph = next(block for block in document.blocks if document.text[block.start : block.end].startswith("（三）政府信息管理"))
    location = document.locate(paragraph.start, paragraph.end)
    assert (location.line, location.column) == _source_position(CMS_PAGE, "（三）政府信息管理")
    assert location.end_line == location.line


def test_two_line_header_cell_keeps_its_line_break(load):
    document = load(CMS_PAGE)
    cell = _cell(document, document.tables[0], "本年收费金额\n（单位：万元）")
    assert (cell.row, cell.column, cell.colspan) == (12, 1, 3)


def test_gbk_page_with_layout_tables(load):
    document = load(GBK_PAGE)
    assert document.encoding == "gb18030"
    assert document.text == expected_text()
    assert dict(document.metadata) == {"published": "2022-01-21", "published_raw": "2022年01月21日"}
    assert _kinds(document) == BLOCK_KINDS
    title = document.blocks[0]
    location = document.locate(title.start, title.end)
    assert (location.line, location.column) == _source_position(GBK_PAGE, TITLE, "gbk", after="TRS_Editor")
    cell = _cell(document, document.tables[1], "自然人")
    cell_location = document.locate(cell.start, cell.end)
    assert (cell_location.line, cell_location.column) == _source_position(GBK_PAGE, "自然人", "gbk", after="TRS_Editor")


def test_navigation_only_page_has_no_report(load, tmp_path):
    page = _page(
        '<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a></div>'
        '<ul><li><a href="/1.html">某某县2021年政府信息公开工作年度报告</a></li>'
        '<li><a href="/2.html">某某镇2021年政府信息公开工作年度报告</a></li></ul>'
        "<div>版权所有：某某县人民政府</div>",
        tmp_path,
    )
    with pytest.raises(SourceError) as raised:
        load(page)
    assert raised.value.code == "RL906"
    assert "找不到" in raised.value.message


def test_page_with_only_an_attachment_link_has_no_report(load, tmp_path):
    page = _page(
        "<h1>某某镇2021年政府信息公开工作年度报告</h1>"
        '<div id="zoom"><p>附件：<a href="/files/report.pdf">某某镇2021年政府信息公开工作年度报告.pdf</a></p></div>',
        tmp_path,
    )
    with pytest.raises(SourceError) as raised:
        load(page)
    assert raised.value.code == "RL906"


def test_a_traditional_script_reprint_is_found_by_its_headings_and_title(load, tmp_path):
    # a mirror or reprint in traditional characters: the page is searched as the text loader reads it (simplified)
    page = _page(
        '<div class="nav">首頁 &gt; 新聞</div><div class="art"><h2>某某鎮2022年政府信息公開工作年度報告</h2>'
        "<p>一、總體情況</p><p>2022年，我鎮堅持以公開為常態、不公開為例外，主動公開政府信息73條，全年未收到政府信息公開申請。</p>"
        "<p>二、主動公開政府信息情況</p><p>本年度制發規範性文件2件。</p>"
        "<p>三、收到和處理政府信息公開申請情況</p><p>本年度未收到申請。</p></div>"
        "<div>版權所有</div>",
        tmp_path,
    )
    document = load(page)
    assert document.text.startswith("某某鎮2022年政府信息公開工作年度報告\n一、總體情況")
    assert "版權所有" not in document.text and "首頁" not in document.text


def test_a_page_reading_one_official_heading_keeps_the_text_beside_it(load, tmp_path):
    # paragraphs side by side, one of them the only official heading read: the content is their container,
    # not that heading's paragraph (the report was lost but for "一、总体情况")
    page = _page(
        '<div class="nav">首页 &gt; 政务公开</div><div class="art">'
        "<p>某某镇2023年政府信息公开工作年度报告</p>"
        "<p>本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>"
        "<p>一、总体情况</p><p>2023年，我镇坚持以公开为常态、不公开为例外，主动公开政府信息73条。</p>"
        "<p>二、信息发布工作</p><p>本年度制发规范性文件2件。</p></div><div>版权所有：某某镇人民政府</div>",
        tmp_path,
    )
    document = load(page)
    assert "统计期限自2023年1月1日起至2023年12月31日止" in document.text
    assert document.text.endswith("本年度制发规范性文件2件。")


def test_a_page_without_title_or_official_headings_is_found_by_speaking_of_itself(load, tmp_path):
    prose = "我镇认真落实政府信息公开各项要求，主动公开政府信息73条，全年未收到政府信息公开申请。" * 8
    page = _page(
        '<div class="nav">首页 &gt; 政务公开</div><div class="art">'
        "<p>根据《中华人民共和国政府信息公开条例》规定编制本报告。报告数据统计期限为2025年1月1日至2025年12月31日。</p>"
        f"<p>一、工作总体推进情况</p><p>{prose}</p></div><div>版权所有：某某镇人民政府</div>",
        tmp_path,
    )
    document = load(page)
    assert document.text.startswith("根据《中华人民共和国政府信息公开条例》规定编制本报告")
    assert "版权所有" not in document.text


def test_layout_table_around_a_data_table_is_read_as_blocks(load, tmp_path):
    page = _page(
        "<table><tr><td>"
        "<p>一、总体情况</p><p>本年度我镇认真贯彻落实《条例》，主动公开政府信息52条，全年未收到政府信息公开申请，工作平稳有序开展。</p>"
        "<p>二、主动公开政府信息情况</p>"
        '<table border="1"><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>'
        "<p>三、收到和处理政府信息公开申请情况</p><p>本年度未收到申请。</p>"
        "</td></tr></table>",
        tmp_path,
    )
    document = load(page)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert document.text[table.start : table.end] == "信息内容\t本年制发件数\n规章\t0"
    assert _kinds(document) == ["H2", "P", "H2", "T", "H2", "P"]


def test_line_breaks_and_whitespace_as_a_browser_shows_them(load, tmp_path):
    page = _page(
        "<div id='zoom'>\n  <strong>一、总体情况</strong><br>\n"
        "　　本年度   我镇\n  主动公开信息<span>52</span>条，未收到申请。<br/>"
        "&nbsp;&nbsp;二、主动公开政府信息情况<br>三、收到和处理政府信息公开申请情况<br>"
        "本年度未收到政府信息公开申请，未发生行政复议和行政诉讼，工作平稳有序开展，全年无投诉，群众满意度较高。</div>",
        tmp_path,
    )
    document = load(page)
    assert document.text.split("\n") == [
        "一、总体情况",
        "本年度 我镇 主动公开信息52条，未收到申请。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "本年度未收到政府信息公开申请，未发生行政复议和行政诉讼，工作平稳有序开展，全年无投诉，群众满意度较高。",
    ]
    assert _kinds(document) == ["H2", "P", "H2", "H2", "P"]
    second = document.blocks[1]
    location = document.locate(second.start, second.end)
    assert (location.line, location.column) == (3, 3)  # after the two 　 of the indentation


def test_empty_cells_and_rowspan_to_the_end(load, tmp_path):
    page = _page(
        "<p>一、总体情况</p><p>本年度我镇主动公开政府信息52条，全年未收到政府信息公开申请，未发生行政复议和行政诉讼。</p>"
        "<p>二、主动公开政府信息情况</p>"
        '<table><tr><td rowspan="0">合计</td><td></td><td>1</td></tr><tr><td>&nbsp;</td><td>2</td></tr></table>',
        tmp_path,
    )
    document = load(page)
    table = document.tables[0]
    assert document.text[table.start : table.end] == "合计\t\t1\n\t\t2"
    first, blank, _ = table.rows[0]
    assert (first.rowspan, blank.start, blank.end, blank.column) == (2, first.end + 1, first.end + 1, 1)
    assert [(cell.column, cell.end - cell.start) for cell in table.rows[1]] == [(1, 0), (2, 1)]
    assert document.locate(blank.start, blank.end).logical == "表格1 第1行 第2列"


def test_report_lines_mentioning_chrome_words_are_kept(load, tmp_path):
    kept = "（四）平台建设：开通政务新媒体并公布二维码"
    page = _page(
        "<div id='zoom'><p>一、总体情况</p><p>本年度我镇主动公开政府信息52条。</p>"
        f"<p>{kept}</p><p>二、主动公开政府信息情况</p><p>见下表。</p>"
        "<p>扫一扫在手机打开当前页面</p></div>",
        tmp_path,
    )
    text = load(page).text
    assert kept in text
    assert "扫一扫" not in text


def test_empty_page_is_rl906(load, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body>   </body></html>", "utf-8")
    with pytest.raises(SourceError) as raised:
        load(path)
    assert raised.value.code == "RL906"


def test_paragraph_blocks_cover_exactly_their_text(load):
    document = load(CMS_PAGE)
    for block in document.blocks:
        if isinstance(block, Paragraph):
            text = document.text[block.start : block.end]
            assert text == text.strip() and "\n" not in text


@pytest.mark.parametrize("cut", [0.1, 0.35, 0.5, 0.8, 0.97])
def test_truncated_page_never_fails_with_a_traceback(cut, tmp_path):
    data = CMS_PAGE.read_bytes()
    truncated = data[: int(len(data) * cut)]
    source = Source(tmp_path / "cut.html", "cut.html", truncated, "html")
    try:
        document = HtmlLoader().load(source)
    except SourceError as error:
        assert error.code == "RL906"
    else:
        assert document.text


def test_a_page_without_line_breaks_names_its_paragraphs(load, tmp_path):
    """A minified page (or a report kept in one script string) is all on line 1: paragraphs are numbered for users."""
    from reportlint.testing.reports import SampleReport, render_html

    page = render_html(SampleReport.build("T2021", 2021, seed=4)).replace("\n", "")
    path = tmp_path / "minified.html"
    path.write_text(page, encoding="utf-8")
    document = load(path)
    start = document.text.index("二、主动公开政府信息情况")
    location = document.locate(start, start + 4)
    assert location.line == 1 and location.logical and location.logical.startswith("第") and location.logical.endswith("段")
    cell = document.tables[0].rows[-1][-1]
    assert document.locate(cell.start, cell.end).logical.startswith("表格1 ")


def test_a_page_with_line_breaks_keeps_plain_line_numbers(load, tmp_path):
    from reportlint.testing.reports import SampleReport, render_html

    path = tmp_path / "page.html"
    path.write_text(render_html(SampleReport.build("T2021", 2021, seed=4)), encoding="utf-8")
    document = load(path)
    start = document.text.index("二、主动公开政府信息情况")
    location = document.locate(start, start + 4)
    assert location.line > 1 and location.logical is None


_CELLS_PAGE = """<p>一、总体情况</p><p>本年度我镇主动公开政府信息52条，全年未收到政府信息公开申请。</p>
<p>二、主动公开政府信息情况</p>
<table>
<tr><td>12</td><td> 行政  许可 </td><td>&nbsp;</td></tr>
<tr><td>\u3000</td><td>“依申请”</td><td></td></tr>
<tr><td>甲<br>乙</td><td><span>数量</span></td><td>
  多行单元格
</td></tr>
</table>"""


def test_cells_of_one_word_and_cells_with_markup_read_as_a_browser_shows_them(load, tmp_path):
    page = _page(_CELLS_PAGE, tmp_path)
    document = load(page)
    table = document.tables[0]
    assert document.text[table.start : table.end] == "12\t行政 许可\t\n\t“依申请”\t\n甲\n乙\t数量\t多行单元格"
    assert [[cell.end - cell.start for cell in row] for row in table.rows] == [[2, 5, 0], [0, 5, 0], [3, 2, 5]]


@pytest.mark.parametrize("word", ["12", "行政", "许可", "依申请", "甲", "乙", "数量", "多行单元格"])
def test_cell_words_are_located_at_their_place_in_the_html(load, tmp_path, word):
    page = _page(_CELLS_PAGE, tmp_path)
    document = load(page)
    start = document.text.index(word)
    location = document.locate(start, start + len(word))
    source = page.read_text("utf-8")
    offset = source.index(word, source.index("<table>"))
    line = source.count("\n", 0, offset) + 1
    assert (location.line, location.column) == (line, offset - source.rfind("\n", 0, offset))


def test_empty_cell_is_located_at_its_row(load, tmp_path):
    page = _page(_CELLS_PAGE, tmp_path)
    document = load(page)
    empty = document.tables[0].rows[1][2]
    location = document.locate(empty.start, empty.end)
    source = page.read_text("utf-8")
    assert (location.line, location.logical) == (source.count("\n", 0, source.index("<tr><td>\u3000")) + 1, "表格1 第2行 第3列")


@pytest.mark.parametrize(
    ("cells", "metadata"),
    [
        (["索引号：", "11/2021-00012", "发布机构：", "某镇人民政府"], True),
        (["索引号", "11/2021-00012", "发布机构", "某镇人民政府"], True),  # labels alone in their cells
        (["[ 索 引 号 ]", "11/2021-00012", "【发布机构】", "某镇人民政府"], True),
        (["索引号：11/2021-00012", "信息内容", "本年收费金额（单位：万元）", "0"], False),  # one label only
        (["信息内容", "本年制发件数", "规章", "0"], False),
        (["索引号：", "发布机构：", "一、总体情况 二、主动公开 三、收到和处理"], False),  # the report itself
    ],
)
def test_metadata_tables_are_told_from_data_tables(cells, metadata):
    assert is_metadata_table(cells) is metadata


def _plain_text_place(html: str, key: str, origin: int, limit: int) -> int:
    """Where ``SourcePositions`` must find ``key``: its first place in ``[origin, limit)`` whose last ``<`` or ``>``
    since ``origin`` is not a ``<`` (the definition, tested place by place)."""
    found = html.find(key, origin, limit)
    while found >= 0 and html.rfind("<", origin, found) > html.rfind(">", origin, found):
        found = html.find(key, found + 1, limit)
    return found


@settings(max_examples=300, deadline=None)
@given(
    html=st.text(alphabet="<>a9 \n", max_size=60),
    words=st.lists(st.text(alphabet="a9", min_size=1, max_size=3), min_size=1, max_size=6),
    lines=st.lists(st.integers(min_value=1, max_value=8), min_size=6, max_size=6),
)
def test_words_are_found_outside_tags_as_the_definition_says(html, words, lines):
    positions = SourcePositions(html)
    line_starts = [0, *(index + 1 for index, character in enumerate(html) if character == "\n")]
    cursor = 0
    for word, line in zip(words, lines, strict=False):
        origin = max(line_starts[min(line, len(line_starts)) - 1], cursor)
        found = _plain_text_place(html, word, origin, origin + ANCHOR_SEARCH_WINDOW)
        if found >= 0:
            cursor = found + len(word)
            row = html.count("\n", 0, found)
            expected = (row + 1, max(found - line_starts[row] + 1, 1))
        else:
            expected = (line, 1)
        assert positions.locate(word, line) == expected


def test_words_after_a_stray_angle_bracket_and_a_tag_full_of_their_key_are_placed():
    # "<" written as text, then a style attribute repeating a cell's digits thousands of times: each word is found in
    # the text after the tag (finding them tried every place in the tag, and took seconds for one such page)
    style = "9" * 5000
    html = f'<p>如果 x <5 则</p>\n<table><tr><td style="w:{style}">99</td><td>9</td></tr></table>'
    positions = SourcePositions(html)
    assert positions.locate("如果", 1) == (1, 4)
    assert positions.locate("则", 1) == (1, 1)  # after a stray "<" and before the next ">": taken as inside a tag
    row = html.splitlines()[1]
    assert positions.locate("99", 2) == (2, row.index('">99') + 3)
    assert positions.locate("9", 2) == (2, row.index("<td>9") + 5)
    assert positions.locate("99", 2) == (2, 1)  # not found after the last word


def test_a_page_whose_title_is_only_in_its_metadata_table_keeps_that_title(load, tmp_path):
    """A CMS page without a title element: the 标题 cell of its metadata table is the report's title (the table itself,
    with the page's 发布机构 and dates, stays out of the text)."""
    metadata = (
        "<table><tr><td>标题:</td><td>某县某镇人民政府 2025年政府信息公开工作年度报告</td></tr>"
        "<tr><td>索引号:</td><td>1137/2026-0001</td><td>发布机构:</td><td>某县某镇人民政府</td></tr></table>"
    )
    report = "".join(f"<p>{line}</p>" for line in ("一、总体情况", "2025年，我镇全面推进政务公开。", "二、主动公开政府信息情况"))
    page = _page(f"<div>某县人民政府</div>{metadata}{report}", tmp_path)
    document = load(page)
    assert document.text.startswith("某县某镇人民政府 2025年政府信息公开工作年度报告\n")
    assert isinstance(document.blocks[0], Heading) and document.blocks[0].level == 1
    assert "索引号" not in document.text and "1137/2026-0001" not in document.text
    title = document.text.index("2025年")
    source = page.read_text("utf-8")
    assert document.locate(title, title + 5).column == source.index("2025年") + 1


@pytest.mark.parametrize("label", ["- 标 题: ", "标题："])
def test_a_page_whose_title_is_only_in_a_metadata_line_keeps_that_title(load, tmp_path, label):
    """A CMS page listing its metadata as lines (“- 标 题: 某局2025年……报告”) and no title element: the line's value is the
    title, located where it is written; the other metadata lines stay out of the text."""
    lines = ("- 索 引 号: FZ01252-2500-2026-00001", f"{label}某县某局2025年政府信息公开工作年度报告", "- 发布日期: 2026-01-08")
    report = ("一、总体情况", "2025年，我局全面推进政务公开。", "二、主动公开政府信息情况")
    page = _page("".join(f"<p>{line}</p>" for line in (*lines, *report)), tmp_path)
    document = load(page)
    assert document.text.startswith("某县某局2025年政府信息公开工作年度报告\n一、总体情况")
    assert isinstance(document.blocks[0], Heading) and document.blocks[0].level == 1
    title = document.text.index("2025年")
    source = page.read_text("utf-8")
    assert document.locate(title, title + 5).column == source.index("2025年政府") + 1


def test_a_metadata_table_without_a_title_cell_gives_no_title(load, tmp_path):
    metadata = "<table><tr><td>索引号:</td><td>1137/2026-0001</td><td>发布机构:</td><td>某县某镇人民政府</td></tr></table>"
    report = "".join(f"<p>{line}</p>" for line in ("一、总体情况", "2025年，我镇全面推进政务公开。", "二、主动公开政府信息情况"))
    document = load(_page(f"{metadata}{report}", tmp_path))
    assert document.text.startswith("一、总体情况")


def _bare_label_page(folder: Path, line: str) -> Path:
    page = folder / "page.html"
    page.write_bytes(
        "<html><body><div class='nav'>当前位置：首页 &gt; 年度报告</div>"
        f"<div class='info'>{line}</div>"
        "<div class='content'><h1>某局2020年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>本局认真贯彻《条例》，全面推进政务公开。</p>"
        "<p>二、主动公开政府信息情况</p><p>全年主动公开信息56条。</p></div></body></html>".encode()
    )
    return page


def test_page_date_after_a_bare_time_label_is_the_publication_date(load, tmp_path):
    # “来源：信息中心  时间：2025-03-07 17:01”: no 发布时间 label, the page's date all the same (the text reader takes it too)
    document = load(_bare_label_page(tmp_path, "来源：信息中心&#160;&#160;时间：2025-03-07 17:01"))
    assert dict(document.metadata) == {"published": "2025-03-07", "published_raw": "2025-03-07 17:01"}


@pytest.mark.parametrize("line", ["统计时间：2020年1月1日", "时间：2020年1月1日至2020年12月31日"])
def test_a_period_or_a_word_ending_in_time_gives_no_publication_date(load, tmp_path, line):
    assert dict(load(_bare_label_page(tmp_path, line)).metadata) == {}
