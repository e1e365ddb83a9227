"""Write the Word example report, ``examples/township-2022.docx``, from reportlint's sample-report builder.

    python tools/build_examples.py

The report is invented (a real township's name, made-up numbers and prose) and
carries a few defects a clerk would make in Word, so the README's commands have
something to show: a half-width comma and a doubled word in the text
(``--fix`` corrects them), a table cell left blank, and one column whose carry-over
does not balance (findings anchored on table cells by ``reportlint annotate``).
Needs python-docx (the ``testing`` extra).
"""

from __future__ import annotations

from pathlib import Path

from reportlint.testing.reports import SUBJECTS, SampleReport, write_docx

TARGET = Path(__file__).resolve().parents[1] / "examples" / "township-2022.docx"


def build() -> SampleReport:
    """The example report with its defects."""
    report = SampleReport.build("T2021", 2022, subject=SUBJECTS[0], seed=7, balanced=False)
    report = report.with_text_replaced("，", ",")
    report = report.with_text_replaced("政府信息公开", "政府信息公开公开")
    return report.with_cell("s2_20_1", "normative", "repealed", "")


def main() -> None:
    write_docx(build(), TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
