"""The review page in a real headless Chromium: sorted worst first, sortable, a click leads to the highlight, prints in bounded pages, loads nothing.

Needs the Debian package ``chromium`` (``.ci/run`` installs it); skipped with
the reason when no Chromium is installed.
"""

from __future__ import annotations

import os
import struct
import zlib

import pytest

from reportlint.testing.browser import Browser, chromium_path
from reportlint.testing.reports import SampleReport, render

pytestmark = pytest.mark.skipif(
    chromium_path() is None or os.name != "posix",
    reason="Chromium is not installed (Debian package chromium, which .ci/run installs): the review page's browser tests need it",
)

DESKTOP = (1280, 900)


@pytest.fixture(scope="module")
def browser():
    with Browser.start() as started:
        yield started


@pytest.fixture(scope="module")
def page_file(office_run, tmp_path_factory):
    from reportlint.core.config import Config
    from reportlint.output import ReporterOptions
    from reportlint.run.registry import registry_for

    path = tmp_path_factory.mktemp("page") / "检查结果.html"
    path.write_text(registry_for(Config()).reporter("html")(ReporterOptions()).render(office_run), encoding="utf-8")
    return path


@pytest.fixture
def page(browser, page_file):
    return browser.open(page_file, *DESKTOP)


def summary_counts(page):
    """(errors, warnings, notes) of each summary row, in the order the browser shows them."""
    return [
        tuple(row)
        for row in page.evaluate(
            "[...document.querySelectorAll('tbody.reports tr')].map(tr => [...tr.querySelectorAll('td.count')].slice(0, 3).map(td => +td.dataset.v))"
        )
    ]


def test_summary_is_sorted_worst_first_and_sorts_again_on_a_click(page, office_run):
    counts = summary_counts(page)
    assert len(counts) == sum(1 for result in office_run.files if result.diagnostics)
    assert counts == sorted(counts, reverse=True)
    assert page.evaluate("document.querySelector('th[aria-sort]').textContent") == "错误"

    page.click("table.overview th:nth-child(2)")  # 年度
    years = page.evaluate("[...document.querySelectorAll('tbody.reports tr')].map(tr => +tr.cells[1].dataset.v)")
    assert years == sorted(years, reverse=True) and years[0] > years[-1]
    page.click("table.overview th:nth-child(2)")
    assert page.evaluate("[...document.querySelectorAll('tbody.reports tr')].map(tr => +tr.cells[1].dataset.v)") == sorted(years)
    assert page.evaluate("document.querySelector('th[aria-sort]').getAttribute('aria-sort')") == "ascending"

    page.click("table.overview th:nth-child(4)")  # 错误, back to worst first
    assert summary_counts(page) == counts


def test_a_click_on_a_finding_scrolls_to_its_highlight_and_back(page):
    last = page.evaluate("[...document.querySelectorAll('section.report')].pop().id")
    page.click(f"#{last}-i1 a.goto")
    state = page.evaluate(
        "(() => { const t = document.querySelector(':target'); const r = t.getBoundingClientRect();"
        " return {hash: location.hash, id: t.id, top: r.top, bottom: r.bottom, height: innerHeight, y: scrollY,"
        " current: [...document.querySelectorAll('mark.current')].map(m => m.dataset.f)}; })()"
    )
    assert state["hash"] == f"#{last}-f1" and state["id"] == f"{last}-f1"
    assert state["top"] >= 0 and state["bottom"] <= state["height"], "the highlight is in view"
    assert state["y"] > 2000, "the page scrolled down to the last report"
    assert state["current"] and all(f"{last}-f1" in marks.split() for marks in state["current"])

    page.click(f"#{last}-f1")
    back = page.evaluate(
        "(() => { const r = document.querySelector(':target').getBoundingClientRect(); return [location.hash, r.top, innerHeight]; })()"
    )
    assert back[0] == f"#{last}-i1" and 0 <= back[1] < back[2]


def test_a_link_into_a_folded_run_of_findings_opens_it(browser, tmp_path, render_format):
    from reportlint.run.options import RunOptions
    from reportlint.run.runner import lint_paths

    report = SampleReport.build("T2021", 2021, seed=2)
    for row in ("r1", "r2", "r3_1", "r3_2", "r3_3_1", "r3_3_2"):  # one blank cell in each of six rows: six findings
        report = report.with_cell("s3", row, "c_np", "")
    (tmp_path / "r.md").write_text(render(report, "markdown"), encoding="utf-8")
    run = lint_paths([str(tmp_path / "r.md")], RunOptions(isolated=True, keep_text=True, select=("RL206",)))
    (tmp_path / "page.html").write_text(render_format("html", run), encoding="utf-8")
    tab = browser.open(tmp_path / "page.html", *DESKTOP)
    assert tab.evaluate("document.querySelector('li.more details').open") is False
    tab.click("#r0-f6")  # the sixth blank cell's reference in the table
    assert tab.evaluate("[location.hash, document.querySelector('li.more details').open]") == ["#r0-i6", True]
    assert tab.evaluate("document.getElementById('r0-i6').getBoundingClientRect().height") > 0


def test_the_page_loads_nothing_but_itself(page, page_file):
    assert page.requests == [page_file.resolve().as_uri()]
    assert page.evaluate("performance.getEntriesByType('resource').length") == 0


def test_screenshot_at_desktop_width_shows_the_summary(page, tmp_path):
    png = page.screenshot()
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == DESKTOP
    assert page.evaluate("document.querySelector('table.overview').getBoundingClientRect().top") < DESKTOP[1] / 2
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP[0], "no horizontal scrolling at desktop width"
    pixels = _png_pixels(png)
    assert len(set(pixels[:: len(pixels) // 5000])) > 20, "a page with text and coloured cells, not a blank image"


def test_the_printed_batch_has_a_bounded_page_count_and_no_full_texts(page, office_run):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(page.pdf())
    with_findings = [result for result in office_run.files if result.diagnostics]
    pages = len(pdf)
    assert len(with_findings) < pages <= 2 * len(with_findings) + 2, f"{pages} pages for {len(with_findings)} reports with findings"
    printed = "".join(pdf[index].get_textpage().get_text_range() for index in range(pages))
    printed = "".join(printed.split())
    assert "另有" in printed and "份未发现问题" in printed
    first = with_findings[0].diagnostics[0].message
    assert "".join(first.split())[:20] in printed
    texts = "".join("".join(result.text.split()) for result in office_run.files)
    assert len(printed) < len(texts) / 2, "the reports' texts are printed only around their findings"
    near_the_top = next(result for result in with_findings if max(d.location.line for d in result.diagnostics) < 10)
    last_paragraph = "".join(max(near_the_top.text.splitlines()[-12:], key=len).split())
    assert len(last_paragraph) > 40 and last_paragraph not in printed
    assert "点击展开" not in printed, "screen-only hints are not printed"


def _png_pixels(png: bytes) -> bytes:
    """The raw scanlines of a PNG (filter bytes included): enough to tell an image from a blank one."""
    position, data = 8, b""
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        if kind == b"IDAT":
            data += png[position + 8 : position + 8 + length]
        position += 12 + length
    return zlib.decompress(data)
