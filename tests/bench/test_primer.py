"""bench/primer.py on a tiny folder: rule counts, reading failures, the saved run, the diff, sampling and judging."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from reportlint.testing.reports import SUBJECTS, SampleReport, render

PRIMER_PATH = Path(__file__).resolve().parents[2] / "bench" / "primer.py"
NOTES = "会议纪要\n今天开会，讨论了工作。\n"


def load_primer():
    spec = importlib.util.spec_from_file_location("reportlint_bench_primer", PRIMER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


primer = load_primer()


def report(broken_row: str | None = None) -> str:
    """A balanced 2021 township report in tab layout; ``broken_row`` gets a 总计 one too large."""
    sample = SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=1)
    if broken_row:
        sample = sample.with_cell("s3", broken_row, "c_total", str(int(sample.value("s3", broken_row, "c_total")) + 1))
    return render(sample, "tabs")


def run_primer(capsys, *args) -> str:
    assert primer.main([str(arg) for arg in args]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "clean.txt").write_text(report(), encoding="utf-8")
    (folder / "broken.txt").write_text(report(broken_row="r1"), encoding="utf-8")
    (folder / "notes.txt").write_text(NOTES, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def first_run(corpus, tmp_path_factory) -> tuple[str, Path]:
    """(printed output, saved run) of one primer run over the corpus."""
    saved = tmp_path_factory.mktemp("runs") / "run.json"
    out = StringIO()  # capsys is function-scoped: capture this module-wide run by hand
    with redirect_stdout(out):
        assert primer.main([str(corpus), "-o", str(saved)]) == 0
    return out.getvalue(), saved


def test_prints_findings_per_rule(first_run):
    lines = first_run[0].splitlines()
    assert re.compile(r"^RL302\s+row-total\s+error\s+1\s+1$").match(next(line for line in lines if line.startswith("RL302")))
    assert any(re.match(r"^RL115\s+title-missing\s+info\s+1\s+1$", line) for line in lines)  # a missing title is a hint
    assert any(line.startswith("By severity: error ") for line in lines)


def test_prints_reading_failures(first_run):
    output = first_run[0]
    assert "Reading failures: 1 of 3 files" in output
    assert "  notes.txt: no-title, no-subject, no-year, few-sections" in output.splitlines()
    assert "clean.txt:" not in output and "broken.txt:" not in output


def test_saved_run_holds_findings_and_readings(first_run):
    data = json.loads(first_run[1].read_text(encoding="utf-8"))
    assert data["schema"] == "reportlint-primer/1"
    assert set(data["files"]) == {"clean.txt", "broken.txt", "notes.txt"}
    row_total = [f for f in data["files"]["broken.txt"]["findings"] if f["code"] == "RL302"]
    assert len(row_total) == 1 and {"severity", "line", "column", "message"} <= set(row_total[0])
    assert data["files"]["clean.txt"]["reading"]["failures"] == []
    assert data["files"]["clean.txt"]["reading"]["year"] == 2021
    assert data["files"]["notes.txt"]["reading"]["failures"] == ["no-title", "no-subject", "no-year", "few-sections"]
    assert data["rules"]["RL302"] == {"name": "row-total", "severity": "error"}


def test_diff_against_a_saved_run(first_run, corpus, tmp_path, capsys):
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    (changed / "broken.txt").write_text(report(), encoding="utf-8")
    (changed / "clean.txt").write_text(report(broken_row="r2"), encoding="utf-8")
    (changed / "notes.txt").write_text(report(), encoding="utf-8")
    lines = run_primer(capsys, changed, "--against", first_run[1]).splitlines()
    assert "RL302 row-total: +1 −1" in lines
    assert any(line.startswith("  + clean.txt:") and "二、上年结转" in line for line in lines)
    assert any(line.startswith("  - broken.txt:") and "一、本年新收" in line for line in lines)
    assert "Reading failures: 4 → 0" in lines
    assert "  fixed: notes.txt: no-title" in lines


def test_line_shifts_are_no_change(first_run, corpus, tmp_path, capsys):
    shifted = tmp_path / "corpus"
    shutil.copytree(corpus, shifted)
    text = (shifted / "broken.txt").read_text(encoding="utf-8")
    (shifted / "broken.txt").write_text(text.replace("一、总体情况", "\n\n一、总体情况", 1), encoding="utf-8")
    output = run_primer(capsys, shifted, "--against", first_run[1])
    assert "+0 −0 findings" in output


def test_sample_then_judge(corpus, tmp_path, capsys):
    lines = run_primer(capsys, corpus, "--sample", "2", "--seed", "3").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Sample of 2 findings"))
    keys = [line.split("\t")[0] for line in lines[start + 1 :] if not line.startswith("    | ")]
    assert len(keys) == 2 and all(key.count("#") == 2 for key in keys)
    judgements = tmp_path / "judged.tsv"
    judgements.write_text(f"key\tverdict\n{keys[0]}\treal\n{keys[1]}\tfalse\n", encoding="utf-8")
    output = run_primer(capsys, "--judge", judgements)
    assert re.search(r"^all\s+2\s+1\s+1\s+50%$", output, re.MULTILINE)
