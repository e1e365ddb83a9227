"""The batch phase: batch rules from plugins, per-file filtering of their findings, failures, and when the phase runs."""

from __future__ import annotations

import pickle
import textwrap

from reportlint.core.config import Config
from reportlint.run.options import RunOptions
from reportlint.run.registry import build_registry
from reportlint.run.runner import lint_paths
from reportlint.testing import lint_batch
from reportlint.testing.reports import SUBJECTS, SampleReport, write_reports

#: A province's plugin: one cross-document rule, registered through the new hook.
PLUGIN = '''
"""Gansu's batch rule: every county's townships report the same number of applications (a made-up rule for the test)."""

from reportlint import BatchRule, hookimpl


class SameApplications(BatchRule):
    """同一批报告中本年新收申请数相同的两份报告（测试用的示例规则）。

    反例：

        （两份报告的本年新收申请数都是 7）

    正例：

        （两份报告的本年新收申请数不同）
    """

    code = "GS701"
    name = "same-applications"
    severity = "info"

    def check(self, batch):
        seen = {}
        for report in batch.comparable:
            cells = report.facts.cells
            total = cells.value("s3", "r1", "c_total")
            position = cells.position("s3", "r1", "c_total")
            here = report.anchor(cells.places, position, "s3/r1/c_total")
            if total in seen:
                other = seen[total]
                yield self.diagnostic(f"本年新收申请数与 {other.report.path} 相同（{total}）", here, related=[(other, "另一份报告")])
            else:
                seen[total] = here


@hookimpl
def reportlint_batch_rules():
    return [SameApplications]
'''


def _with_plugin(folder, extra=""):
    (folder / "gansu_batch.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    config = folder / "reportlint.toml"
    config.write_text('local-plugins = ["gansu_batch.py"]\n' + extra, encoding="utf-8")
    return config


def _two_reports_with_seven_applications(folder):
    reports = {}
    for name, subject, seed in (("a.txt", SUBJECTS[0], 1), ("b.txt", SUBJECTS[1], 2)):
        report = SampleReport.build("T2021", 2021, subject, seed=seed)
        new = int(report.value("s3", "r1", "c_np"))
        total = int(report.value("s3", "r1", "c_total"))
        # Make 总计 7 by moving the difference into (and out of) 自然人 and the rows that balance it.
        delta = 7 - total
        for row in ("r1", "r3_1", "r3_7"):
            report = report.with_cell("s3", row, "c_np", str(int(report.value("s3", row, "c_np")) + delta))
            report = report.with_cell("s3", row, "c_total", str(int(report.value("s3", row, "c_total")) + delta))
        assert new + delta >= 0
        reports[name] = report
    return write_reports(folder / "reports", reports)


def test_a_plugin_adds_a_batch_rule_through_the_hook(tmp_path):
    config = _with_plugin(tmp_path)
    paths = _two_reports_with_seven_applications(tmp_path)
    run = lint_batch([tmp_path / "reports"], select=["GS7"], config_file=config)
    [finding] = run.diagnostics
    assert (finding.code, finding.severity.label, finding.origin) == ("GS701", "info", "plugin:local:gansu_batch.py")
    assert finding.path == paths["b.txt"].as_posix()
    assert finding.message == f"本年新收申请数与 {paths['a.txt'].as_posix()} 相同（7）"
    assert finding.related[0].path == paths["a.txt"].as_posix()
    text = paths["b.txt"].read_text(encoding="utf-8")
    assert text[finding.start : finding.end] == "7" and text.split("\n")[finding.location.line - 1].startswith("一、本年新收")
    assert "GS701" in {rule.code for rule in run.rules}


def test_batch_findings_are_filtered_and_overridden_by_each_files_config(tmp_path):
    paths = _two_reports_with_seven_applications(tmp_path)
    config = _with_plugin(tmp_path, '[per-file-ignores]\n"reports/b.txt" = ["GS701"]\n[severity]\nGS701 = "error"\n')
    assert lint_batch([tmp_path / "reports"], select=["GS7"], config_file=config).diagnostics == []
    config = _with_plugin(tmp_path, '[severity]\nGS701 = "error"\n')
    [finding] = lint_batch([tmp_path / "reports"], select=["GS7"], config_file=config).diagnostics
    assert finding.severity.label == "error" and finding.path == paths["b.txt"].as_posix()


def test_a_batch_rule_that_raises_becomes_rl907_and_the_others_still_report(tmp_path, monkeypatch):
    from reportlint.rules.rl7_years import CarryOverMismatch

    def broken(self, batch):
        raise RuntimeError("坏了")

    monkeypatch.setattr(CarryOverMismatch, "check", broken)
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    write_reports(tmp_path, {"a.txt": earlier, "b.txt": earlier.next_year(seed=2)})
    run = lint_batch([tmp_path], select=["RL70", "RL907"])
    [failure] = [d for d in run.diagnostics if d.code == "RL907"]
    assert (
        failure.path.endswith("a.txt")
        and "跨文档规则 RL701（carry-over-mismatch）运行出错，已跳过该规则：RuntimeError: 坏了" in failure.message
    )


def test_the_phase_runs_only_when_reports_are_compared(tmp_path):
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    paths = write_reports(tmp_path, {"a.txt": earlier, "b.txt": earlier.next_year(seed=2, carry_over_error=1)})
    alone = lint_paths([str(paths["b.txt"])], RunOptions(isolated=True))
    assert alone.files[0].summary.cross_document is None and not any(rule.code.startswith("RL7") for rule in alone.rules)
    together = lint_paths([str(tmp_path)], RunOptions(isolated=True))
    assert all(result.summary.cross_document is not None for result in together.files)
    assert {d.code for d in together.diagnostics if d.code.startswith("RL7")} == {"RL701"}
    ignored = lint_paths([str(tmp_path)], RunOptions(isolated=True, ignore=("RL7",)))
    assert all(result.summary.cross_document is None for result in ignored.files), "no batch rule selected: no summaries computed"


def test_summaries_are_compact_and_travel_between_processes(tmp_path):
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    write_reports(tmp_path, {"a.txt": earlier, "b.html": earlier.next_year(seed=2)})
    run = lint_batch([tmp_path], select=["RL7"])
    for result in run.files:
        facts = result.summary.cross_document
        assert facts.body.key == "620522101/人民政府" and facts.cells.value("s3", "r2", "c_total") is not None
        assert len(pickle.dumps(result.summary)) < 10_000
        copy = pickle.loads(pickle.dumps(result.summary))
        assert copy == result.summary and copy.cross_document.cells.keys is facts.cells.keys, "cell keys are shared, not copied"
    serial = lint_batch([tmp_path], select=["RL7"])
    parallel = lint_paths([str(tmp_path)], RunOptions(isolated=True, select=("RL7",), jobs=2))
    assert [result.summary for result in serial.files] == [result.summary for result in parallel.files]


def test_a_batch_rule_registered_as_a_per_file_rule_is_refused_with_a_hint(tmp_path):
    (tmp_path / "wrong.py").write_text(
        textwrap.dedent(PLUGIN).replace("def reportlint_batch_rules", "def reportlint_rules"), encoding="utf-8"
    )
    registry = build_registry(Config(local_plugins=(tmp_path / "wrong.py",)))
    [failure] = registry.failures
    assert "reportlint_rules 返回了不是 Rule 子类的对象" in failure.message and "请用 reportlint_batch_rules 注册" in failure.message


def test_rules_and_rule_list_the_batch_rules():
    from typer.testing import CliRunner

    from reportlint.cli import app

    listing = CliRunner().invoke(app, ["rules"])
    assert listing.exit_code == 0 and "RL701   carry-over-mismatch" in listing.output
    documentation = CliRunner().invoke(app, ["rule", "RL704"])
    assert documentation.exit_code == 0 and documentation.output.startswith("RL704 (copied-from-another-body)")
    assert "反例" in documentation.output and "正例" in documentation.output
