"""A file's result travels from a worker process whole, its repeated strings shared and no timings made up."""

from __future__ import annotations

import pickle

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.core.model import Location
from reportlint.run.results import Excerpt, FileResult, ReportSummary


def fresh(text: str) -> str:
    return "".join(list(text))


def result(path: str, **extra) -> FileResult:
    diagnostic = Diagnostic("RL101", "title", Severity.WARNING, "标题不对", 0, 2, path=path, location=Location(1, 1, 1, 3))
    return FileResult(
        path=path,
        diagnostics=(diagnostic,),
        excerpts=(Excerpt("标题", 0, 2),),
        format=fresh("text"),
        summary=ReportSummary(subject="秦安县陇城镇", year=2021, template="T2021"),
        **extra,
    )


def test_a_result_travels_whole_and_shares_its_path_with_its_findings():
    original = result(fresh("reports/a.txt"), timings={"stage:read": 0.25})
    copy = pickle.loads(pickle.dumps(original))
    assert copy == original and copy.timings == {"stage:read": 0.25} and copy.excerpts == original.excerpts
    assert copy.path is copy.diagnostics[0].path
    other = pickle.loads(pickle.dumps(result(fresh("reports/b.txt"))))
    assert other.format is copy.format


def test_results_without_timings_share_one_empty_mapping():
    first, second = result("a.txt"), pickle.loads(pickle.dumps(result("b.txt")))
    assert first.timings == {} and first.timings is second.timings
