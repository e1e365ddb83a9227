"""The review page (``-f html``) as markup: header, summary worst first, findings linked to their place, context only, tables.

What the page does in a browser (sorting, clicking, printing) is tested in
test_review_page_browser.py with a real headless Chromium.
"""

from __future__ import annotations

import re

import lxml.html
import pytest

from reportlint import __version__
from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths
from reportlint.testing.reports import SampleReport, render, render_html

#: 2026-01-01 00:00 UTC.
EPOCH = "1767225600"


@pytest.fixture
def office_page(office_run, render_format, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return render_format("html", office_run)


def tree(page):
    return lxml.html.fromstring(page)


_STEP = re.compile(r"([a-z0-9]*|\*)((?:[.#][\w-]+)*)")


def css(element, selector):
    """Elements matching a simple CSS selector (tags, classes, ids, descendant and child combinators) via XPath."""
    path = "."
    axis = "//"
    for token in selector.split():
        if token == ">":
            axis = "/"
            continue
        tag, qualifiers = _STEP.fullmatch(token).groups()
        tests = []
        for kind, name in re.findall(r"([.#])([\w-]+)", qualifiers):
            if kind == ".":
                tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')")
            else:
                tests.append(f"@id='{name}'")
        path += axis + (tag or "*") + "".join(f"[{test}]" for test in tests)
        axis = "//"
    return element.xpath(path)


def text_of(element):
    return " ".join(element.text_content().split())


def broken_total(layout):
    """A 2021 report whose 一、本年新收 总计 is one more than its applicants, and the cell's text."""
    report = SampleReport.build("T2021", 2021, seed=4)
    total = str(int(report.value("s3", "r1", "c_total")) + 1)
    report = report.with_cell("s3", "r1", "c_total", total)
    return (render_html(report) if layout == "html" else render(report, layout)), total


def lint_one(tmp_path, name, content, *select):
    (tmp_path / name).write_text(content, encoding="utf-8")
    return lint_paths([str(tmp_path / name)], RunOptions(isolated=True, keep_text=True, select=select or None))


def test_header_states_date_version_config_and_how_many_reports_were_read(tmp_path, render_format, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reportlint.toml").write_text('ignore = ["RL603"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(render(SampleReport.build(seed=1)), encoding="utf-8")
    (tmp_path / "b.txt").write_text(render(SampleReport.build(seed=2)), encoding="utf-8")
    (tmp_path / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    run = lint_paths(["a.txt", "b.txt", "c.doc"], RunOptions(keep_text=True))
    header = css(tree(render_format("html", run)), "header.page-header")[0]
    facts = {text_of(css(item, "dt")[0]): text_of(css(item, "dd")[0]) for item in css(header, "dl.facts > div")}
    assert facts == {
        "检查日期": "2026-01-01",
        "reportlint 版本": __version__,
        "配置文件": "reportlint.toml",
        "报告": "共 3 份：已读取 2 份，无法读取 1 份",
    }


def test_summary_one_row_per_report_with_findings_worst_first(office_run, office_page):
    page = tree(office_page)
    rows = css(page, "table.overview tbody.reports tr")
    with_findings = [result for result in office_run.files if result.diagnostics]
    assert len(rows) == len(with_findings) > 20
    counts = [tuple(int(cell.get("data-v")) for cell in css(row, "td.count")[:3]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    assert [int(row.get("data-rank")) for row in rows] == list(range(len(rows)))
    by_path = {result.path: result for result in office_run.files}
    for row in rows:
        result = by_path[text_of(css(row, ".path")[0])]
        name_cell, year_cell, template_cell = css(row, "td")[:3]
        assert text_of(css(name_cell, "a")[0]) == result.summary.subject
        assert text_of(year_cell) == str(result.summary.year)
        assert text_of(template_cell) == {"T2021": "2021 版", "T2019": "2019 版"}[result.summary.template]
        assert css(name_cell, "a")[0].get("href") == f"#r{office_run.files.index(result)}"


def test_family_counts_are_coloured_by_their_worst_severity(office_run, office_page):
    page = tree(office_page)
    header = [text_of(cell) for cell in css(page, "table.overview thead th")]
    assert header[:6] == ["主体", "年度", "模板", "错误", "警告", "提示"]
    assert header[6:] == [
        "RL1结构与标题",
        "RL2表格与单元格",
        "RL3勾稽关系",
        "RL4地名与主体",
        "RL5日期与期限",
        "RL6文字规范",
        "RL7跨文档",
        "RL9读取与内部",
    ]
    result = next(result for result in office_run.files if {d.code for d in result.diagnostics} >= {"RL603", "RL114"})
    row = page.xpath(f'//tbody[@class="reports"]/tr[td/span[@class="path"]="{result.path}"]')[0]
    cells = css(row, "td.count")
    rl1, rl6 = cells[3], cells[8]
    assert rl1.get("class") == "count error" and rl6.get("class") == "count warning"
    assert rl6.get("data-v") == str(sum(1 for d in result.diagnostics if d.code.startswith("RL6")))


def test_clean_reports_fold_into_one_line_and_a_totals_row_closes_the_table(office_run, office_page):
    page = tree(office_page)
    clean = [result for result in office_run.files if not result.diagnostics]
    assert clean
    [summary] = css(page, "tbody.clean summary")
    assert text_of(summary) == f"另有 {len(clean)} 份未发现问题"
    assert len(css(page, "tbody.clean li")) == len(clean)
    assert len(css(page, "section.report")) == len(office_run.files) - len(clean)
    totals = [text_of(cell) for cell in css(page, "table.overview tfoot tr > *")]
    diagnostics = office_run.diagnostics
    assert totals[0] == "合计（50 份）"
    assert totals[1:4] == [str(sum(1 for d in diagnostics if d.severity.label == label)) for label in ("error", "warning", "info")]
    assert sum(int(value) for value in totals[4:]) == len(diagnostics)


def test_every_finding_links_to_its_highlighted_place_and_back(office_run, office_page):
    page = tree(office_page)
    items = css(page, "li.finding")
    assert len(items) == len(office_run.diagnostics)
    for item in items:
        link = css(item, "a.goto")[0]
        target = page.get_element_by_id(link.get("href")[1:])
        assert target.tag == "a" and "ref" in target.get("class")
        assert target.get("href") == f"#{item.get('id')}"
        assert target.text == link.text
        marks = page.xpath(f'//mark[contains(concat(" ", @data-f, " "), " {target.get("id")} ")]')
        assert marks or target.getparent().tag == "td", f"{item.get('id')} has no highlighted text"


def test_each_rules_explanation_is_on_the_page_with_its_first_finding_in_a_report(office_run, office_page):
    page = tree(office_page)
    rules = {rule.code: rule for rule in office_run.rules}
    for section in css(page, "section.report"):
        explained = set()
        for item in css(section, "li.finding"):
            code = text_of(css(item, "code.code")[0])
            explanation = css(item, "p.explain")
            if code in explained:
                assert not explanation
            else:
                assert text_of(explanation[0]) == "规则说明" + rules[code].summary()
                explained.add(code)
            assert css(item, "p.message")


def test_a_long_run_of_one_rules_findings_is_folded_after_the_first_three(tmp_path, render_format):
    report = SampleReport.build("T2021", 2021, seed=2)
    for row in ("r1", "r2", "r3_1", "r3_2", "r3_3_1", "r3_3_2"):  # one blank cell in each of six rows: six findings
        report = report.with_cell("s3", row, "c_np", "")
    run = lint_one(tmp_path, "r.md", render(report, "markdown"), "RL206")
    assert [d.code for d in run.diagnostics] == ["RL206"] * 6
    page = tree(render_format("html", run))
    [section] = css(page, "section.report")
    assert len(section.xpath("./ol[@class='findings']/li[contains(@class, 'finding')]")) == 3
    [more] = css(section, "li.more")
    assert text_of(css(more, "summary")[0]) == "另有 3 处同类问题（RL206 blank-cell），点击展开"
    assert len(css(more, "li.finding")) == 3
    assert len(css(section, "td.hit.error")) == 6, "every blank cell is marked in the table"


def test_the_text_is_shown_only_around_findings(tmp_path, render_format):
    report = SampleReport.build("T2021", 2021, seed=3)
    run = lint_one(tmp_path, "r.txt", render(report.with_title(report.title.replace("公开", "公开公开", 1))), "RL114")
    page = tree(render_format("html", run))
    [excerpt] = css(page, "section.report div.excerpt")
    shown = "".join(line.text_content() for line in excerpt.xpath("./div[@class='lines']/div[@class='line']"))
    assert "公开公开" in shown and report.intro[0] in shown
    assert report.signature not in shown and report.sections["s5"][0] not in shown
    [fold] = css(excerpt, "details.fold")
    assert report.signature in fold.text_content()
    assert text_of(css(fold, "summary")[0]).startswith("⋯ 省略")


@pytest.mark.parametrize(("layout", "name"), [("markdown", "r.md"), ("pipes", "r.txt"), ("tabs", "r.txt"), ("html", "r.html")])
def test_tables_are_drawn_as_tables_with_the_offending_cell_marked(tmp_path, render_format, layout, name):
    content, total = broken_total(layout)
    run = lint_one(tmp_path, name, content, "RL302")
    assert [d.code for d in run.diagnostics] == ["RL302"]
    page = tree(render_format("html", run))
    [hit] = css(page, "table.grid td.hit.error")
    assert text_of(hit) == f"1{total}", "the cell shows the finding's number, then its text"
    related = css(page, "table.grid td.hit.related")
    assert len(related) == 6, "the six applicant columns the total should add up to"
    grid = hit.getparent().getparent().getparent()
    assert "申请人情况" in text_of(grid) or "自然人" in text_of(grid), "the header rows come with the row"
    assert "---" not in text_of(css(page, "div.excerpt")[0])


def test_an_unreadable_report_is_counted_marked_and_listed(tmp_path, render_format):
    (tmp_path / "good.txt").write_text(render(SampleReport.build(seed=1)), encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    run = lint_paths([str(tmp_path / "good.txt"), str(tmp_path / "old.doc")], RunOptions(isolated=True, keep_text=True))
    assert [result.summary.read for result in run.files] == [True, False]
    page = tree(render_format("html", run))
    [row] = css(page, "table.overview tbody.reports tr")
    assert text_of(css(row, "span.status")[0]) == "无法读取" and "（未识别主体）" in text_of(row)
    [section] = css(page, "section.report")
    assert "RL902" in text_of(section) and not css(section, "a.goto") and not css(section, "div.excerpt")
    assert text_of(css(section, ".where")[0]) == "整个文件"


def test_the_page_is_self_contained(office_page):
    assert office_page.startswith("<!DOCTYPE html>")
    assert not re.search(r"(?i)https?:|//[a-z0-9]", office_page), "no URL of any kind"
    assert not re.search(r"(?i)\bsrc\s*=|@import|url\(", office_page)
    page = tree(office_page)
    assert all(link.get("href").startswith("#") for link in page.xpath("//a[@href]"))
    assert not page.xpath("//link | //img | //iframe | //object | //embed | //script[@src]")
    [policy] = page.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    assert policy.get("content").startswith("default-src 'none'")


def test_a_run_without_findings_says_so(tmp_path, render_format):
    run = lint_one(tmp_path, "r.txt", render(SampleReport.build(seed=1)), "RL601")
    page = tree(render_format("html", run))
    assert text_of(css(page, "tbody.reports")[0]) == "没有发现问题。"
    assert text_of(css(page, "tbody.clean summary")[0]) == "另有 1 份未发现问题"
    assert not css(page, "section.report")
