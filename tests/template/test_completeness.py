"""Where an incomplete report's text stops, and parts whose tables were not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source
from reportlint.template.reading import read_report
from reportlint.testing.reports import SampleReport, render


@pytest.fixture(scope="module")
def read():
    registry = registry_for(Config())

    def read(text: str):
        document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
        return read_report(document, registry.template_set)

    return read


@pytest.fixture(scope="module")
def text():
    return render(SampleReport.build("T2021", 2021, seed=2), "tabs")


def test_a_complete_report(read, text):
    reading = read(text)
    assert reading.is_complete and reading.unread_tables == () and not reading.cut_off("s6")


@pytest.mark.parametrize(
    ("cut_after", "reason", "number"),
    [
        ("（三）政府信息管理。坚持", "sentence", 1),
        ("行政规范性文件\t", "table", 2),
        ("5.属于三类内部事务信息", "table", 3),
        ("五、存在的主要问题及改进情况\n", "heading", 5),
    ],
)
def test_where_the_text_stops(read, text, cut_after, reason, number):
    cut = read(text[: text.index(cut_after) + len(cut_after)]).truncation
    assert (cut.reason, cut.number) == (reason, number)


def test_parts_cut_off(read, text):
    reading = read(text[: text.index("5.属于三类内部事务信息")])
    assert [section for section in ("s1", "s2", "s3", "s4", "s5", "s6") if reading.cut_off(section)] == ["s3", "s4", "s5", "s6"]


@pytest.mark.parametrize("pager", ["第1页 共3页", "首页 上一页 1 2 3 下一页 尾页", "下一页"])
def test_cms_pagination_means_more_pages(read, text, pager):
    cut = read(text[: text.index("四、政府信息公开行政复议")] + pager + "\n").truncation
    assert cut is not None and cut.reason == "pagination" and "分页文章的一页" in cut.describe()


def test_the_last_page_of_an_article_is_complete(read, text):
    assert read(text + "第3页 共3页\n").is_complete


@pytest.mark.parametrize("ending", ["无", "特此报告", "某镇人民政府", "2022年1月20日", "联系电话：0938-1234567", "（此页无正文）"])
def test_texts_that_end_properly(read, text, ending):
    assert read(text + ending + "\n").is_complete


def test_table_parts_with_nothing_under_their_headings(read, text):
    start, end = text.index("二、主动公开政府信息情况"), text.index("五、存在的主要问题及改进情况")
    headings = "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    reading = read(text[:start] + headings + text[end:])
    assert [(unread.section.spec_id, unread.reason) for unread in reading.unread_tables] == [
        ("s2", "empty"),
        ("s3", "empty"),
        ("s4", "empty"),
    ]


def test_page_chrome_after_the_report_does_not_count_as_its_last_line(read, text):
    # one chrome line written with a tab between its widgets: not one of the page's chrome lines
    # (those leave out table rows), yet not the report's last line either
    page = text.rstrip("\n") + "\n【打印本页】\t【关闭窗口】\n首页 > 政务公开 > 年报\n"
    reading = read(page)
    assert reading.is_complete
    assert [page[span.start : span.end] for span in reading.chrome] == ["首页 > 政务公开 > 年报"]


def test_truncation_with_the_readers_chrome_lines_is_the_truncation_found_alone(read, text):
    from reportlint.template.completeness import find_truncation

    cut = text[: text.index("（一）主动公开") + 20] + "\n首页 > 政务公开 > 年报\n"
    registry = registry_for(Config())
    document = load_document(Source(Path("r.txt"), "r.txt", cut.encode(), "text"), registry)
    reading = read_report(document, registry.template_set)
    alone = find_truncation(document, reading.sections)
    assert alone is not None and alone.reason == "sentence" and "首页" not in alone.last_words
    assert alone == find_truncation(document, reading.sections, reading.chrome) == reading.truncation
