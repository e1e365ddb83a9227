"""Linting one file: the per-report summary the run keeps (body, year, template, read), and what keep_text keeps."""

from __future__ import annotations

import pickle

from reportlint.core.model import Table
from reportlint.run.options import RunOptions
from reportlint.run.results import UNREADABLE, ReportSummary
from reportlint.run.runner import lint_paths
from reportlint.testing.reports import SUBJECTS, SampleReport, render, render_html


def test_each_result_carries_the_reports_identity_from_the_template_reading(tmp_path):
    (tmp_path / "a.txt").write_text(render(SampleReport.build("T2019", 2020, subject=SUBJECTS[1])), encoding="utf-8")
    (tmp_path / "b.html").write_text(render_html(SampleReport.build("T2021", 2022, subject=SUBJECTS[4])), encoding="utf-8")
    (tmp_path / "c.txt").write_text("工作总结\n今年工作很好。\n", encoding="utf-8")
    run = lint_paths([str(tmp_path)], RunOptions(isolated=True, select=("RL601",)))
    assert [result.summary for result in run.files] == [
        ReportSummary(read=True, subject="台前县夹河乡", year=2020, template="T2019"),
        ReportSummary(read=True, subject="秦安县教育局", year=2022, template="T2021"),
        ReportSummary(read=True, subject=None, year=None, template=None),
    ]


def test_a_file_that_cannot_be_read_is_marked_unreadable(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    run = lint_paths([str(tmp_path / "old.doc"), str(tmp_path / "broken.docx"), str(tmp_path / "missing.txt")], RunOptions(isolated=True))
    assert [result.summary for result in run.files] == [UNREADABLE] * 3
    assert [result.diagnostics[0].code[:3] for result in run.files] == ["RL9"] * 3


def test_summaries_are_small_and_come_back_from_worker_processes(tmp_path):
    for number in range(9):
        (tmp_path / f"r{number}.txt").write_text(render(SampleReport.build("T2021", 2021, seed=number)), encoding="utf-8")
    run = lint_paths([str(tmp_path)], RunOptions(isolated=True, jobs=2, select=("RL601",)))
    assert {result.summary for result in run.files} == {ReportSummary(subject="秦安县陇城镇", year=2021, template="T2021")}
    assert len(pickle.dumps(run.files[0].summary)) < 200


def test_text_and_tables_are_kept_only_when_asked(tmp_path):
    (tmp_path / "r.md").write_text(render(SampleReport.build("T2021", 2021), "markdown"), encoding="utf-8")
    [plain] = lint_paths([str(tmp_path)], RunOptions(isolated=True, select=("RL601",))).files
    assert plain.text is None and plain.tables == ()
    [kept] = lint_paths([str(tmp_path)], RunOptions(isolated=True, select=("RL601",), keep_text=True)).files
    assert kept.text is not None and len(kept.tables) == 3 and all(isinstance(table, Table) for table in kept.tables)
