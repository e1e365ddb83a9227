"""The ``csv`` output: one row per finding, for spreadsheets and scripts (columns in docs/outputs.md).

Written with the ``csv`` module (RFC 4180 quoting, ``\\r\\n`` line ends). Files
and pipes get UTF-8 with a byte-order mark: Excel and WPS read a CSV without
one in the system code page (GBK on Chinese Windows) and garble every Chinese
character, while with it they open the file directly; Python reads it back
with ``encoding="utf-8-sig"``. A terminal gets the text without the mark.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from reportlint.output import Reporter
from reportlint.output.overview import FINDING_COLUMNS, finding_rows

if TYPE_CHECKING:
    from reportlint.run.results import RunResult

#: What Excel and WPS need to read a CSV file as UTF-8.
BYTE_ORDER_MARK = "\ufeff"


class CsvReporter(Reporter):
    """Every finding as a CSV row: file, 主体, year, code, severity, message, line, table cell …"""

    name = "csv"
    description = "CSV 表格，每个问题一行（UTF-8 带 BOM，Excel、WPS 可直接打开）"
    needs_text = True

    def render(self, run: RunResult) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([column.header for column in FINDING_COLUMNS])
        for row in finding_rows(run):
            writer.writerow(["" if (value := column.value(row)) is None else value for column in FINDING_COLUMNS])
        return buffer.getvalue()

    def render_bytes(self, run: RunResult) -> bytes:
        return (BYTE_ORDER_MARK + self.render(run)).encode("utf-8")
