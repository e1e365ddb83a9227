"""The batch phase after the merge with the supervised workers, the result cache and containment.

Summaries travel through the workers and the cache; a batch rule from a plugin
is contained like a per-file rule (an exception, garbage, a flood of findings,
printing, a hang never stop the run); a file whose worker was stopped has no
summary and the others are still compared; ``--timings`` shows the phase.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reportlint.run import registry
from reportlint.run.options import RunOptions
from reportlint.run.runner import Runner, lint_paths
from reportlint.run.timings import timing_lines
from reportlint.testing.reports import SUBJECTS, SampleReport, write_reports

BATCH_PLUGIN = '''
import sys, time
from reportlint import BatchRule, hookimpl


class Hostile(BatchRule):
    """A batch rule that misbehaves (test).

    反例：

        （任意）

    正例：

        （任意）
    """

    code = "HB701"
    name = "hostile-batch-rule"
    severity = "warning"

    def check(self, batch):
{body}


@hookimpl
def reportlint_batch_rules():
    return [Hostile]
'''


def _pair(folder: Path, carry_over_error: int = 1) -> dict[str, Path]:
    """Two years of one body; the second's 上年结转 off by ``carry_over_error`` (one RL701 finding when not 0)."""
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    return write_reports(folder, {"a.txt": earlier, "b.txt": earlier.next_year(seed=2, carry_over_error=carry_over_error)})


def _with_batch_plugin(tmp_path: Path, body: str, extra: str = "") -> Path:
    (tmp_path / "hostile_batch.py").write_text(
        BATCH_PLUGIN.replace("{body}", textwrap.indent(textwrap.dedent(body), " " * 8)), encoding="utf-8"
    )
    config = tmp_path / "reportlint.toml"
    config.write_text('local-plugins = ["hostile_batch.py"]\n' + extra, encoding="utf-8")
    return config


def _run(tmp_path: Path, body: str, extra: str = "", **options: object):
    config = _with_batch_plugin(tmp_path, body, extra)
    paths = _pair(tmp_path / "reports")
    registry._REGISTRIES.clear()
    run = lint_paths([str(tmp_path / "reports")], RunOptions(config_file=str(config), select=("RL701", "HB7", "RL9"), **options))  # type: ignore[arg-type]
    return run, paths


def _codes(run) -> list[str]:
    return sorted(diagnostic.code for diagnostic in run.diagnostics)


# --------------------------------------------------------------------------- containment of batch rules


@pytest.mark.parametrize(
    ("body", "code", "said"),
    [
        (
            "raise ValueError('坏了')",
            "RL907",
            "插件 local:hostile_batch.py中的跨文档规则 HB701（hostile-batch-rule）运行出错，已跳过该规则：ValueError: 坏了",
        ),
        ("sys.exit(3)", "RL907", "调用了 sys.exit(3)，已跳过该规则"),
        ("raise KeyboardInterrupt", "RL907", "引发了 KeyboardInterrupt"),
        ("return 42", "RL907", "check() 返回了 int"),
        ("yield '公开'", "RL907", "产生了无效的结果（应为 Diagnostic，实际为 str"),
        (
            "from reportlint import Diagnostic, Severity\nyield Diagnostic('HB701', 'hostile-batch-rule', Severity.WARNING, 'x', path='/elsewhere.txt')",
            "RL907",
            "不是本批报告之一",
        ),
        (
            "report = batch.checked[0]\nyield self.diagnostic('x', report.whole()).__class__(**{**self.diagnostic('x', report.whole()).__dict__, 'start': 1.5})",
            "RL907",
            "位置应为整数",
        ),
        ("print('调试输出')\nreturn []", "RL913", "向终端输出了 5 个字符（已截获）：调试输出"),
    ],
)
def test_a_misbehaving_batch_rule_is_one_finding_and_the_run_goes_on(tmp_path, body, code, said):
    run, paths = _run(tmp_path, body)
    [failure] = [diagnostic for diagnostic in run.diagnostics if diagnostic.code == code]
    assert said in failure.message and failure.path == paths["a.txt"].as_posix() and failure.location.line == 1
    assert {d.path for d in run.diagnostics if d.code == "RL701"} == {paths["b.txt"].as_posix()}, "the built-in batch rules still report"


def test_a_flood_of_batch_findings_is_capped_per_report(tmp_path):
    body = """
    report = batch.checked[1]
    while True:
        yield self.diagnostic("重复", report.whole())
    """
    run, paths = _run(tmp_path, body, "max-findings-per-rule = 5\n")
    on_b = [d.code for d in run.diagnostics if d.path == paths["b.txt"].as_posix()]
    assert on_b.count("HB701") == 5 and on_b.count("RL914") == 1 and "RL701" in on_b
    [capped] = [d for d in run.diagnostics if d.code == "RL914"]
    assert "跨文档规则 HB701（hostile-batch-rule）在本文件中报告了超过 5 个跨文档问题，只显示前 5 个" in capped.message


def test_a_hanging_batch_rule_is_stopped_by_its_time_budget(tmp_path):
    body = """
    while True:
        time.sleep(0.01)
    yield from ()
    """
    run, paths = _run(tmp_path, body, file_timeout=0.5)
    [stopped] = [d for d in run.diagnostics if d.code == "RL909"]
    assert "跨文档规则 HB701（hostile-batch-rule）运行超过了 0.5 秒，已停止该规则" in stopped.message
    assert stopped.path == paths["a.txt"].as_posix() and "RL701" in _codes(run)


# --------------------------------------------------------------------------- workers


def test_a_file_whose_worker_died_has_no_summary_and_the_others_are_compared(tmp_path):
    """A per-file plugin rule that ends its worker on one report: that report is RL915 and left out, the pair still compared."""
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    reports = {f"x{number}.txt": SampleReport.build("T2021", 2021, SUBJECTS[number % 4 + 1], seed=number) for number in range(8)}
    paths = write_reports(tmp_path / "reports", {"a.txt": earlier, "b.txt": earlier.next_year(seed=2, carry_over_error=1), **reports})
    (tmp_path / "crash.py").write_text(
        textwrap.dedent('''
        import os
        from reportlint import Rule, hookimpl

        class Crash(Rule):
            """Ends its process on x3.txt (test).

            反例：

                （任意）

            正例：

                （任意）
            """

            code = "HC101"
            name = "crash-on-x3"

            def check(self, report):
                if report.path.name == "x3.txt":
                    os._exit(9)
                return []

        @hookimpl
        def reportlint_rules():
            return [Crash]
        '''),
        encoding="utf-8",
    )
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["crash.py"]\n', encoding="utf-8")
    registry._REGISTRIES.clear()
    run = lint_paths(
        [str(tmp_path / "reports")], RunOptions(config_file=str(tmp_path / "reportlint.toml"), jobs=2, select=("RL701", "RL915", "HC"))
    )
    by_path = {result.path: result for result in run.files}
    crashed = by_path[paths["x3.txt"].as_posix()]
    assert [d.code for d in crashed.diagnostics] == ["RL915"] and crashed.summary.cross_document is None and not crashed.summary.read
    assert {d.code for d in by_path[paths["b.txt"].as_posix()].diagnostics} == {"RL701"}
    assert all(result.summary.cross_document is not None for path, result in by_path.items() if path != crashed.path)


def test_previous_reports_are_summarised_in_the_workers(tmp_path):
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    write_reports(
        tmp_path / "2020",
        {f"r{number}.txt": SampleReport.build("T2019", 2020, SUBJECTS[number % 4 + 1], seed=number) for number in range(8)},
    )
    write_reports(tmp_path / "2020", {"a.txt": earlier})
    paths = write_reports(tmp_path / "2021", {"b.txt": earlier.next_year(seed=2, carry_over_error=1)})
    registry._REGISTRIES.clear()
    run = lint_paths([str(tmp_path / "2021")], RunOptions(isolated=True, jobs=2, previous=(str(tmp_path / "2020"),), select=("RL701",)))
    finding = run.diagnostics[0]
    assert {d.code for d in run.diagnostics} == {"RL701"} and finding.path == paths["b.txt"].as_posix()
    assert finding.related[0].path == (tmp_path / "2020" / "a.txt").as_posix()
    assert [result.path for result in run.files] == [paths["b.txt"].as_posix()], "last year's reports are not reported"


# --------------------------------------------------------------------------- the result cache


def _cached_run(folder: Path, cache: Path, **options: object):
    registry._REGISTRIES.clear()
    runner = Runner([str(folder)], RunOptions(isolated=True, cache_dir=str(cache), **options))  # type: ignore[arg-type]
    run = runner.run()
    assert runner.linter.cache is not None
    return run, runner.linter.cache.hits, runner.linter.cache.misses


def test_cached_reports_still_take_part_in_the_batch_phase(tmp_path):
    paths = _pair(tmp_path / "reports")
    first, hits, misses = _cached_run(tmp_path / "reports", tmp_path / "cache")
    assert (hits, misses) == (0, 2)
    second, hits, misses = _cached_run(tmp_path / "reports", tmp_path / "cache")
    assert (hits, misses) == (2, 0), "both results and their summaries come from the cache"
    assert [result.summary for result in second.files] == [result.summary for result in first.files]
    assert [d for d in second.diagnostics if d.code.startswith("RL7")] == [d for d in first.diagnostics if d.code.startswith("RL7")]
    finding = next(d for d in second.diagnostics if d.code == "RL701")
    assert finding.path == paths["b.txt"].as_posix() and finding.related[0].path == paths["a.txt"].as_posix()


def test_the_key_does_not_depend_on_the_batch_phase_and_entries_without_summaries_are_checked_again(tmp_path):
    paths = _pair(tmp_path / "reports")
    cache = tmp_path / "cache"
    # A run of one file at a time stores entries without what batch rules compare ...
    for name in ("a.txt", "b.txt"):
        _cached_run(paths[name], cache)
    alone, hits, _ = _cached_run(paths["b.txt"], cache)
    assert hits == 1 and alone.files[0].summary.cross_document is None
    # ... the batch run finds them under the same keys, checks them again and stores them with their summaries ...
    together, hits, misses = _cached_run(tmp_path / "reports", cache)
    assert (hits, misses) == (0, 2) and "RL701" in {d.code for d in together.diagnostics}
    # ... which a run without the batch phase then serves, as that run would have made them.
    alone, hits, _ = _cached_run(paths["b.txt"], cache)
    assert hits == 1 and alone.files[0].summary.cross_document is None and not any(d.code.startswith("RL7") for d in alone.diagnostics)
    again, hits, misses = _cached_run(tmp_path / "reports", cache)
    assert (hits, misses) == (2, 0) and "RL701" in {d.code for d in again.diagnostics}


# --------------------------------------------------------------------------- --timings


def test_timings_show_the_summaries_and_the_batch_phase(tmp_path):
    _pair(tmp_path / "reports")
    registry._REGISTRIES.clear()
    run = lint_paths([str(tmp_path / "reports")], RunOptions(isolated=True, timings=True, jobs=1))
    seconds = dict(run.timings)
    for result in run.files:
        for name, value in result.timings.items():
            seconds[name] = seconds.get(name, 0.0) + value
    assert seconds["stage:batch"] > 0 and seconds["stage:summary"] > 0
    assert {"batch:RL701", "batch:RL704"} <= set(seconds)
    assert seconds["stage:batch"] >= seconds["batch:RL701"], "the phase includes its rules"
    lines = timing_lines(seconds, len(run.files), 1.0)
    assert any(line.strip().startswith("跨文档检查（批处理阶段）") for line in lines)
    assert any(line.strip().startswith("跨文档摘要") for line in lines)
    assert any(line.strip().startswith("RL701 跨文档") for line in lines)
