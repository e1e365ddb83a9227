"""PDF page furniture and wrapped paragraphs, on lines as the loader sees them (text, page, extent)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reportlint.loaders.pdf.furniture import is_page_number, without_furniture
from reportlint.loaders.pdf.paragraphs import paragraphs


@dataclass(frozen=True)
class Line:
    text: str
    page: int = 1
    left: float = 90.0
    right: float = 520.0
    size: float = 11.0


@dataclass(frozen=True)
class Piece:
    """A table piece (no text of its own)."""

    page: int


@pytest.mark.parametrize(
    ("text", "page"), [("- 3 -", 3), ("—3—", 3), ("第 3 页 共 8 页", 3), ("第3页", 3), ("3/8", 3), ("3", 3), ("Page 3 of 8", 3)]
)
def test_page_numbers(text, page):
    assert is_page_number(text, page)


@pytest.mark.parametrize(("text", "page"), [("2021", 1), ("12", 3), ("0", 1), ("一、总体情况", 1), ("第二十条第（一）项", 2)])
def test_not_page_numbers(text, page):
    assert not is_page_number(text, page)


def test_running_headers_footers_and_page_numbers_are_removed_at_the_page_edges_only():
    header = "某某镇2021年政府信息公开工作年度报告"
    pages = [
        [Line(header, 1), Line("一、总体情况", 1), Line("正文第一页。", 1), Line("- 1 -", 1)],
        [Line(header, 2), Piece(2), Line("四、结束", 2), Line("- 2 -", 2)],
        [Line(header, 3), Line(f"本页提到{header}。", 3), Line("第 3 页 共 3 页", 3)],
    ]
    kept = [[item.text if isinstance(item, Line) else "table" for item in items] for items in without_furniture(pages)]
    assert kept == [["一、总体情况", "正文第一页。"], ["table", "四、结束"], [f"本页提到{header}。"]]


def test_a_title_on_one_page_only_is_not_furniture():
    pages = [[Line("某某镇2021年政府信息公开工作年度报告", 1), Line("正文。", 1)], [Line("正文继续。", 2)]]
    assert [len(items) for items in without_furniture(pages)] == [2, 1]


def test_wrapped_lines_of_a_paragraph_are_joined():
    lines = [
        Line("　　根据《中华人民共和国政府信息公开条例》（以下简称", left=112, right=519),
        Line("《条例》）要求，现将2021年1月1日至12", right=519),
        Line("月31日的政府信息公开工作情况报告如下。", right=300),
        Line("一、总体情况", right=160),
        Line("（一）主动公开。全年公开信息56条，其中机构职能类5条", left=112, right=510),
        Line("、政策文件12条。", right=200),
    ]
    groups = [[line.text for line in group] for group in paragraphs(lines)]
    assert [len(group) for group in groups] == [3, 1, 2]


def test_a_numbered_heading_ends_its_line_unless_it_runs_to_the_margin():
    sentence = Line("本年度未收取信息处理费，未发生行政复议和行政诉讼，全年工作平稳有序推进。", right=520)  # the margin
    heading = Line("四、因政府信息公开工作被申请行政复议提起行政诉讼情况", right=400)
    assert [len(group) for group in paragraphs([sentence, heading, Line("行政复议 行政诉讼", right=200)])] == [1, 1, 1]
    long_heading = Line("四、政府信息公开行政复议、行政诉讼情况及其他需要说明的", right=515)
    assert [len(group) for group in paragraphs([sentence, long_heading, Line("事项", right=140)])] == [1, 2]
    item = Line("（一）主动公开。我镇依托门户网站和村务公开栏主动公开政府", right=420)  # an item opening prose
    assert [len(group) for group in paragraphs([sentence, item, Line("信息。", right=140)])] == [1, 2]


@pytest.mark.parametrize(
    "second",
    [
        Line("二、主动公开政府信息情况"),  # a heading
        Line("（二）依申请公开。"),  # a list item
        Line("规章 0 0 0"),  # a row of a table without rules
        Line("发布日期：2022-01-20"),  # metadata
        Line("正文。", size=16),  # another font size
        Line("某某县某某镇2023年政府信息公开工作年度报告"),  # a title set at the margin below a wrapped line
    ],
)
def test_what_is_never_joined(second):
    first = Line("某某镇认真贯彻落实《条例》，全年主动公开政府信息，重点公开了财政预决算和", right=519)
    assert len(list(paragraphs([first, second]))) == 2


def test_a_centred_title_and_a_finished_sentence_end_their_lines():
    title = Line("某某县某某镇2021年政府信息公开工作年度报告", left=180, right=430, size=16)
    sentence = Line("本年度未收取信息处理费。", right=519)
    assert len(list(paragraphs([title, Line("正文。", right=200)]))) == 2
    assert len(list(paragraphs([sentence, Line("正文。")]))) == 2
    in_title = Line("两会期间，“某某发布”公众号推送《现在为您导航！", right=519)
    assert len(list(paragraphs([in_title, Line("某某再出发》作品。", right=300)]))) == 1


def test_a_table_value_at_a_page_edge_is_no_page_number():
    """Cells written one per line: the values that end a page (0, 1) and the 信息内容 label that opens the rows on
    several pages stay; the page numbers that run with the pages go."""
    pages = [
        [Line("二、主动公开政府信息情况", 1), Line("规章", 1), Line("0", 1), Line("1", 1)],
        [Line("第二十条第（五）项", 2), Line("信息内容", 2), Line("行政许可", 2), Line("0", 2), Line("2", 2)],
        [Line("信息内容", 3), Line("本年处理决定数量", 3), Line("行政处罚", 3), Line("3", 3)],
    ]
    kept = [[item.text for item in items] for items in without_furniture(pages)]
    assert kept == [
        ["二、主动公开政府信息情况", "规章", "0"],  # 1 runs with 2 and 3 on the next pages: a page number
        ["第二十条第（五）项", "信息内容", "行政许可", "0"],
        ["信息内容", "本年处理决定数量", "行政处罚"],
    ]


def test_a_bare_number_alone_on_its_page_edge_is_no_page_number():
    pages = [
        [Line("规章", 1), Line("1", 1)],
        [Line("正文继续。", 2), Line("行政许可", 2)],
    ]
    assert [[item.text for item in items] for items in without_furniture(pages)] == [["规章", "1"], ["正文继续。", "行政许可"]]
