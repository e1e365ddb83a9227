"""Screenshots of the review page (``-f html``) for the README, taken in headless Chromium.

Usage (from the repository root, with Chromium installed)::

    python tools/screenshot.py                      # writes docs/images/review-*.png
    python tools/screenshot.py --out /tmp/shots --count 30

It writes a batch of sample reports with varied defects (the sample builder's
:func:`~reportlint.testing.reports.write_batch`), checks them as a supervising
office would (``reportlint check 报告/ -f html``), opens the page at desktop
width and saves two PNGs: ``review-summary.png`` (the header and the summary,
worst first) and ``review-report.png`` (a report's section, after a click on a
finding in a table: its findings, the text around them, the offending cell
outlined). The page
is dated by ``SOURCE_DATE_EPOCH`` so the same code gives the same images.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The date the page states (2026-01-15).
SOURCE_DATE_EPOCH = "1768435200"


def review_page(folder: Path, count: int, seed: int) -> Path:
    """Write the batch into ``folder/报告``, check it, and return the review page's path."""
    from reportlint.core.config import Config
    from reportlint.output import ReporterOptions
    from reportlint.run.options import RunOptions
    from reportlint.run.registry import registry_for
    from reportlint.run.runner import lint_paths
    from reportlint.testing.reports import write_batch

    reports = folder / "报告"
    reports.mkdir()
    write_batch(reports, count, seed=seed, most_defects=3)
    os.chdir(folder)
    run = lint_paths(["报告"], RunOptions(isolated=True, keep_text=True, jobs=1))
    reporter = registry_for(Config()).reporter("html")
    assert reporter is not None
    page = folder / "检查结果.html"
    page.write_text(reporter(ReporterOptions()).render(run), encoding="utf-8")
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images", help="folder of the PNGs (default docs/images)")
    parser.add_argument("--count", type=int, default=14, help="reports in the sample batch")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=860, help="viewport height of the summary")
    parser.add_argument("--report-height", type=int, default=1060, help="viewport height of the report's section")
    arguments = parser.parse_args(argv)
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    os.environ.setdefault("REPORTLINT_DISABLE_PLUGIN_AUTOLOAD", "1")

    from reportlint.testing.browser import Browser, chromium_path

    if chromium_path() is None:
        print("找不到 Chromium（Debian：apt-get install chromium；或设置 REPORTLINT_CHROMIUM）", file=sys.stderr)
        return 2
    out = arguments.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reportlint-screenshot-") as folder, Browser.start() as browser:
        page_path = review_page(Path(folder), arguments.count, arguments.seed)
        page = browser.open(page_path, arguments.width, arguments.height)
        (out / "review-summary.png").write_bytes(page.screenshot())
        section = page.evaluate("[...document.querySelectorAll('section.report')].find(s => s.querySelector('td.hit.error a.ref')).id")
        tall = browser.open(page_path, arguments.width, arguments.report_height)
        finding = tall.evaluate(f"document.querySelector('#{section} td.hit.error a.ref').getAttribute('href')")
        tall.click(f"#{section} li{finding} a.goto")
        tall.evaluate(f"document.getElementById('{section}').scrollIntoView()")
        (out / "review-report.png").write_bytes(tall.screenshot())
    for name in ("review-summary.png", "review-report.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
