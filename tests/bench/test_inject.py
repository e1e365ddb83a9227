"""bench/inject.py on generated reports: each kind of defect written where it belongs, found where it was written."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from reportlint.testing.reports import SUBJECTS, SampleReport, render

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


inject = load("inject")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for number, subject in enumerate(SUBJECTS[:3]):  # a town, a township, a street office
        (folder / f"r{number}.txt").write_text(render(SampleReport.build("T2021", 2021, subject=subject, seed=1), "tabs"), encoding="utf-8")
    return folder


def test_every_defect_in_a_clean_report_is_found_on_its_line(corpus, tmp_path, capsys):
    kinds = ",".join(
        [
            *("sibling", "doubled-word", "late-period", "short-period", "open-title-mark", "garbled-date", "ordinal-comma"),
            *("table-cell", "blank-cell", "cell-unit", "title-year-mark", "title-repeat", "title-form"),
            *("label-ordinal", "township-rules"),
        ]
    )
    assert inject.main([str(corpus), "--kinds", kinds, "--json", str(tmp_path / "out.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    for kind in kinds.split(","):
        row = next(line for line in lines if line.startswith(kind + " "))
        assert re.search(r"\s3\s+3\s+100%\s+0\s+0\s", row), row
    outcomes = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    doubled = [outcome for outcome in outcomes if outcome["kind"] == "doubled-word"]
    assert len(doubled) == 3 and all(outcome["codes"] == ["RL601"] for outcome in doubled)
    period = next(outcome for outcome in outcomes if outcome["kind"] == "late-period" and outcome["file"] == "r0.txt")
    assert "2021年1月1日" in period["after"] and "2022年12月31日" in period["after"] and "2021年12月31日" in period["before"]


def test_a_stale_year_before_a_count_is_found(corpus, capsys):
    """Of the three generated reports one opens a sentence with the year and a count (“2021年，我乡收到……12件，加上上年
    结转的1件”): its year one less is RL504's finding (before, 上年结转 made the sentence a comparison)."""
    assert inject.main([str(corpus), "--kinds", "stale-year"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("stale-year "))
    assert re.search(r"\s1\s+1\s+100%\s+0\s+0\s+0$", row), row


@pytest.mark.parametrize("kind", ["document-number", "format-notice"])
def test_a_cited_document_number_is_broken_or_made_last_years(tmp_path, capsys, kind):
    """The generated reports cite no document number: one that does. Its 〕 left out is found by RL506 alone (RL602
    leaves it); the 2021 format notice written as the 2019 one by RL118."""
    report = SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=1)
    text = render(report.with_text_replaced("我镇严格落实主动公开目录", "我镇按照国办公开办函〔2021〕30号严格落实主动公开目录"), "tabs")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert inject.main([str(tmp_path), "--kinds", kind]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith(f"{kind} "))
    assert re.search(r"\s1\s+1\s+100%\s+0\s+0\s+0$", row), row


def injection(line: int = 5) -> object:
    return inject.Injection("a.txt", "doubled-word", line, "我镇坚持", "我镇我镇坚持")


def finding(code: str, line: int, message: str = "m", related: tuple[int, ...] = ()) -> dict:
    return {
        "code": code,
        "message": message,
        "location": {"line": line, "end_line": line},
        "related": [{"location": {"line": number, "end_line": number}} for number in related],
    }


def test_judge_counts_only_new_findings_of_the_kinds_codes_on_the_defects_line():
    old = [finding("RL601", 5, "旧的")]
    assert inject.judge(injection(), old, [*old, finding("RL601", 5, "新的")]).verdict == "found"
    assert inject.judge(injection(), old, [*old, finding("RL601", 9, "新的")]).verdict == "elsewhere"
    assert inject.judge(injection(), old, [*old, finding("RL603", 5, "新的")]).verdict == "missed"
    assert inject.judge(injection(), old, old).verdict == "missed"  # the same finding as the original's is not new
    assert inject.judge(injection(), [], [finding("RL601", 2, related=(5,))]).verdict == "found"  # a related place counts
    assert inject.judge(injection(), [], [finding("RL704", 5)]).codes == ()  # cross-document findings are left out


def test_difference_shows_the_changed_stretch():
    assert inject._difference("2021年，陇城镇坚持", "2021年，莲花镇坚持") == "…2021年，[陇城→莲花]镇坚持…"
    assert inject._difference("我镇坚持", "我镇我镇坚持") == "…我镇[→我镇]坚持…"


def test_an_unknown_kind_is_a_usage_error(corpus, capsys):
    with pytest.raises(SystemExit) as raised:
        inject.main([str(corpus), "--kinds", "typo"])
    assert raised.value.code == 2 and "unknown kind 'typo'" in capsys.readouterr().err
