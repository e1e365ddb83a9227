"""Write example reports from reportlint's sample-report builder: ``township-2022.docx`` and ``clean-2021.txt``.

    python tools/build_examples.py

The report is invented (a real township's name, made-up numbers and prose) and
carries a few defects a clerk would make in Word, so the README's commands have
something to show: a half-width comma and a doubled word in the text
(``--fix`` corrects them), a table cell left blank, and one column whose carry-over
does not balance (findings anchored on table cells by ``reportlint annotate``).
``clean-2021.txt`` is the same township's 2021 report, continuing its 2020 report
(``township-2020.txt``): its 上年结转 is 2020's 结转下年度继续办理, so checking
the folder compares the two years and finds nothing; 2022's Word report was
written on its own and its carry-over does not follow 2021's (RL701).
Needs python-docx (the ``testing`` extra).
"""

from __future__ import annotations

from pathlib import Path

from reportlint.testing.reports import SUBJECTS, SampleReport, render, write_docx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGET = EXAMPLES / "township-2022.docx"


def build() -> SampleReport:
    """The example report with its defects."""
    report = SampleReport.build("T2021", 2022, subject=SUBJECTS[0], seed=7, balanced=False)
    report = report.with_text_replaced("，", ",")
    report = report.with_text_replaced("政府信息公开", "政府信息公开公开")
    return report.with_cell("s2_20_1", "normative", "repealed", "")


def township_2021() -> SampleReport:
    """The 2021 report continuing ``township-2020.txt`` (written in the one-cell-per-line layout from seed 2)."""
    earlier = SampleReport.build("T2019", 2020, subject=SUBJECTS[0], seed=2)
    assert render(earlier, "cells") == (EXAMPLES / "township-2020.txt").read_text(encoding="utf-8"), "township-2020.txt changed"
    return earlier.next_year(seed=5)


def main() -> None:
    write_docx(build(), TARGET)
    print(TARGET)
    clean = EXAMPLES / "clean-2021.txt"
    clean.write_text(render(township_2021(), "tabs"), encoding="utf-8")
    print(clean)


if __name__ == "__main__":
    main()
