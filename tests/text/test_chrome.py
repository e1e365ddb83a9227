"""Page chrome of CMS pages: widgets, breadcrumbs, metadata with bullets, pagination."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reportlint.text.chrome import chrome_lines, is_chrome_line, is_metadata_line, is_pagination_line


@pytest.mark.parametrize(
    "line",
    [
        "无障碍 | 长者模式 | 繁體",
        "【字体：大 中 小】 打印本页 关闭窗口",
        "首页 > 政务公开 > 政府信息公开年报",
        "> 政务公开 > 部门公开 > 交通运输局 > 公开年报",
        "分享到：微信 微博 QQ空间",
        "• 发布机构:某县某镇人民政府",
        "  • 索 引 号:11620522/2022-00012",
        "[ 索 引 号 ] [ 主题词 ]",
        "时间:2023-01-17   作者:韩某   来源:某街道   点击:",
        "字号:",
        "第1页 共3页",
        "首页 上一页 1 2 3 下一页 尾页",
        "索 引 号 | 675490773/2025-00050 | 分 类 | 综合政务/其他 / |",  # the metadata table copied as a row of cells
        "点击次数:1382  更新时间:2021-04-07  【打印此页】  【关闭",
        "我要打印】 【关闭",
        "【文字大小:",
        "某省某厅门户网站 发布时间: 2024-01-19 15:00 【字体:",  # the site's name, then the page's metadata
        "信息类别: 政府信息公开年报 公开方式: 主动公开 公开时限: 常年公开 公开范围: 面向全社会",
        # the metadata table copied as a line of cells without colons
        " 索 引 号 971045726/abc/2024-00001  发布机构 某园区管委会  公开日期 2024-01-29",
        " 公开方式 主动公开  公开程序 经本单位审核后公开",
        "公开方式 主动公开 公开程序 经本单位审核后公开",  # a web page collapses the gap between its cells
    ],
)
def test_chrome(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "一、总体情况",
        "（一）主动公开情况",
        "2021年，我镇通过门户网站公开信息56条。",
        "政府门户网站 主动公开信息56条",  # a site's name, then no metadata
        "政府信息公开",  # a site's column name: not recognisable by wording
        "某镇人民政府",
        "2022年1月20日",
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",  # a table's header row
        "标题 某镇2021年政府信息公开工作年度报告  发布机构 某镇人民政府",  # the title's line: read by the title finder
        "时间紧、任务重  发布机构要加强审核",  # a label's words in running text, no value after the first
    ],
)
def test_report_text_is_not_chrome(line):
    assert not is_chrome_line(line)


def test_pagination_and_metadata_helpers():
    assert is_pagination_line("第 2 页 共 5 页") and is_pagination_line("下一页") and not is_pagination_line("第二十条第（一）项")
    assert is_metadata_line("· 成文日期：2022-01-10") and not is_metadata_line("成文后及时公开。")


def test_chrome_lines_are_trimmed_spans():
    text = "首页 > 政务公开 > 年报\n  某镇2021年政府信息公开工作年度报告\n  【打印本页】 【关闭窗口】  \n"
    assert [text[span.start : span.end] for span in chrome_lines(text)] == ["首页 > 政务公开 > 年报", "【打印本页】 【关闭窗口】"]


def test_chrome_lines_of_given_lines_are_those_found_alone():
    from reportlint.text.segmentation import iter_lines

    text = "首页 > 政务公开 > 年报\r\n正文。\n【打印本页】 【关闭窗口】"
    lines = tuple(iter_lines(text))
    assert list(chrome_lines(text, lines)) == list(chrome_lines(text)) and len(list(chrome_lines(text))) == 2
    contents = [text[line.start : line.end] for line in lines]
    assert list(chrome_lines(text, lines, contents)) == list(chrome_lines(text))


def test_a_pager_names_a_page():
    assert is_pagination_line("上一页 1 2 3 下一页 尾页") and is_pagination_line("第1页 / 共3页")
    assert not is_pagination_line("1 2 3") and not is_pagination_line("首页 上一篇 下一篇")


def test_chrome_lines_with_remembered_answers_are_those_decided_afresh():
    from reportlint.text import chrome
    from reportlint.text.segmentation import iter_lines

    long_crumb = "首页 > " + "政务公开" * 110  # too long to remember, and too long to be chrome
    text = "\n".join(
        [
            "首页 > 政务公开 > 年报",
            "正文。",
            "",
            "【打印本页】\t【关闭窗口】",
            "  扫一扫在手机打开当前页面  ",
            long_crumb,
            "索引号：0001",
            "正文。",
        ]
    )
    plain = [
        line
        for line in iter_lines(text)
        if "\t" not in text[line.start : line.end] and chrome._is_chrome_line(text[line.start : line.end], 0.0)
    ]
    chrome._CHROME_BY_LINE.clear()
    first = [text[span.start : span.end] for span in chrome_lines(text)]  # every line decided afresh, then remembered
    again = [text[span.start : span.end] for span in chrome_lines(text)]
    assert first == again == ["首页 > 政务公开 > 年报", "扫一扫在手机打开当前页面", "索引号：0001"]
    assert [text[line.start : line.end].strip() for line in plain] == first
    assert long_crumb not in chrome._CHROME_BY_LINE and chrome._CHROME_BY_LINE["正文。"] is False


#: Pieces of the lines each pattern matches (labels, section headings, breadcrumbs), put together in any order.
_CHROME_PIECES = [
    *"索引号名称发布日期一二六、.．:：[]【】>»→ \t",
    "首页",
    "公开",
    "总体情况",
    "主动公开",
    "依申请公开",
    "存在的主要问题",
    "其他需要报告",
    "政务公开",
    "2021-01-29",
]


@given(st.lists(st.sampled_from(_CHROME_PIECES), max_size=10).map("".join))
@example("一、总体情况")  # each pattern at least once, whatever the draw
@example("六．其他需要报告的事项")
@example("索引号：0001")
@example("[ 发布日期 ]2021-01-29")
@example("首页 > 政务公开 > 年报")
def test_the_quick_tests_pass_every_line_their_patterns_match(line):
    from reportlint.text import chrome

    if chrome._METADATA_LINE.match(line) or chrome._CUT_LABEL.match(line) or chrome._BRACKETED_LABEL.match(line):
        assert chrome._METADATA_MARK.search(line)
    if chrome.section_count(line):
        assert chrome._SECTION_NUMBER_MARK.search(line)
    if chrome._BREADCRUMB.fullmatch(line):
        assert chrome._BREADCRUMB_MARK.search(line)
