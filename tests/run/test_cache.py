"""The result cache: entries round-trip whole, are reused only while nothing in their key changed, and survive damage."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportlint.cli.app import app
from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
from reportlint.core.model import Cell, Location, Table
from reportlint.run import cache as cache_module
from reportlint.run import registry
from reportlint.run.cache import CACHE_DIRNAME, ResultCache, RunContext, clear_cache, decode, encode
from reportlint.run.options import RunOptions
from reportlint.run.results import Excerpt, FileResult, ReportSummary
from reportlint.run.runner import Runner
from reportlint.testing.reports import SUBJECTS, SampleReport, render, render_html

PACK = """\
rules:
  - code: GS101
    name: no-placeholder-test
    type: pattern
    severity: warning
    pattern: "××"
    message: 模板占位符未替换
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Four reports (three text layouts and a web page) with a few defects, and a config with a rule pack."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for number, layout in enumerate(("tabs", "cells", "pipes")):
        report = SampleReport.build("T2021", 2021, subject=SUBJECTS[number], seed=number)
        if number == 1:
            report = report.with_cell("s3", "r1", "c_total", "999")
        (folder / f"r{number}.txt").write_text(render(report, layout), encoding="utf-8")
    (folder / "r3.html").write_text(
        render_html(SampleReport.build("T2019", 2020, seed=3).with_title("××镇2020年政府信息公开工作年度报告")), encoding="utf-8"
    )
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rule-packs = ["pack.yaml"]\n', encoding="utf-8")
    return folder


def run_with_cache(paths: list[Path], cache_dir: Path, **options: object):
    """Lint with a cache, as a new process would (plugins and packs loaded afresh); returns the run and the cache's hits and misses."""
    registry._REGISTRIES.clear()
    runner = Runner([str(path) for path in paths], RunOptions(cache_dir=str(cache_dir), **options))  # type: ignore[arg-type]
    run = runner.run()
    cache = runner.linter.cache
    assert cache is not None
    return run, cache.hits, cache.misses


# --------------------------------------------------------------------------- entries


def test_an_entry_keeps_everything_a_file_result_holds():
    location = Location(3, 5, 3, 9, logical="表格2 第5行 第2列", page=2)
    diagnostic = Diagnostic(
        code="RL301",
        name="total",
        severity=Severity.ERROR,
        message="合计不等",
        start=10,
        end=14,
        related=(Related(20, 22, "另一侧", location),),
        fix=Fix(10, 14, "12", "改为 12"),
        path="a.docx",
        location=location,
        fingerprint="f" * 32,
    )
    table = Table(0, 30, rows=((Cell(0, 2, 0, 0, rowspan=2), Cell(3, 5, 0, 1, colspan=3)),))
    result = FileResult(
        path="a.docx",
        diagnostics=(diagnostic,),
        excerpts=(Excerpt("一行", 0, 2), None),
        format="docx",
        text="全文",
        summary=ReportSummary(read=True, subject="秦安县陇城镇", year=2021, template="T2021"),
        tables=(table,),
    )
    back = decode(json.loads(json.dumps(encode(result))))
    assert back == result
    assert back.diagnostics[0].severity is Severity.ERROR
    assert isinstance(back.tables[0].rows[0], tuple)


def test_entries_name_only_reportlints_own_dataclasses():
    with pytest.raises(ValueError, match="refused"):
        decode({"d": "subprocess:Popen", "f": [["true"]]})
    with pytest.raises(ValueError, match="refused"):
        decode({"d": "reportlint.run.cache:digest", "f": []})


def test_a_key_changes_with_the_bytes_the_path_and_the_context(tmp_path):
    context = RunContext.of(cache_module.Config(), [("RL601", "builtin", {})], [("reportlint.rules", "builtin", "0.1.0")], [], False)
    other_plugin = RunContext.of(cache_module.Config(), [("RL601", "builtin", {})], [("reportlint.rules", "builtin", "0.1.1")], [], False)
    other_option = RunContext.of(
        cache_module.Config(), [("RL601", "builtin", {"x": 1})], [("reportlint.rules", "builtin", "0.1.0")], [], False
    )
    keeps_text = RunContext.of(cache_module.Config(), [("RL601", "builtin", {})], [("reportlint.rules", "builtin", "0.1.0")], [], True)
    path = tmp_path / "a.txt"
    keys = {
        context.key(b"abc", path, "a.txt"),
        context.key(b"abd", path, "a.txt"),
        context.key(b"abc", tmp_path / "b.txt", "b.txt"),
        other_plugin.key(b"abc", path, "a.txt"),
        other_option.key(b"abc", path, "a.txt"),
        keeps_text.key(b"abc", path, "a.txt"),
    }
    assert len(keys) == 6
    assert context.key(b"abc", path, "a.txt") == context.key(b"abc", path, "a.txt")


# --------------------------------------------------------------------------- runs


def test_a_second_run_reads_every_result_from_the_cache_and_gives_the_same_findings(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    first, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (0, 4)
    second, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (4, 0)
    assert second.files == first.files
    assert {diagnostic.code for diagnostic in first.diagnostics} >= {"RL301", "GS101"}
    assert (cache_dir / "CACHEDIR.TAG").is_file() and (cache_dir / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_changing_one_byte_of_a_report_rechecks_only_that_report(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    report = corpus / "r1.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("999", "998", 1), encoding="utf-8")
    run, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (3, 1)
    [changed] = [result for result in run.files if result.path.endswith("r1.txt")]
    assert any("998" in diagnostic.message for diagnostic in changed.diagnostics if diagnostic.code == "RL301")


def test_changing_the_config_rechecks_every_report(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    (tmp_path / "reportlint.toml").write_text('rule-packs = ["pack.yaml"]\nignore = ["GS101"]\n', encoding="utf-8")
    run, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (0, 4)
    assert "GS101" not in {diagnostic.code for diagnostic in run.diagnostics}


def test_command_line_selection_is_part_of_the_key(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    run, hits, _ = run_with_cache([corpus], cache_dir, select=("GS101",))
    assert hits == 0
    assert {diagnostic.code for diagnostic in run.diagnostics} == {"GS101"}


def test_changing_a_rule_pack_rechecks_every_report(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    (tmp_path / "pack.yaml").write_text(PACK.replace("模板占位符未替换", "占位符没有替换"), encoding="utf-8")
    run, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (0, 4)
    assert [diagnostic.message for diagnostic in run.diagnostics if diagnostic.code == "GS101"] == ["占位符没有替换"]


def test_changing_a_local_plugin_rechecks_every_report(corpus, tmp_path):
    plugin = tmp_path / "local_rules.py"
    source = (
        "from reportlint import Rule, hookimpl\n\n"
        "class Marker(Rule):\n"
        '    """标记。\n\n    反例：\n\n        ××\n\n    正例：\n\n        无\n    """\n\n'
        '    code = "LP101"\n    name = "marker"\n\n'
        "    def check(self, report):\n"
        '        yield self.diagnostic("{message}")\n\n'
        "@hookimpl\ndef reportlint_rules():\n    return [Marker]\n"
    )
    plugin.write_text(source.format(message="第一版"), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rule-packs = ["pack.yaml"]\nlocal-plugins = ["local_rules.py"]\n', encoding="utf-8")
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    plugin.write_text(source.format(message="第二版"), encoding="utf-8")
    run, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (0, 4)
    assert {diagnostic.message for diagnostic in run.diagnostics if diagnostic.code == "LP101"} == {"第二版"}


def test_a_plugin_version_or_reportlints_version_changes_every_key(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    real = RunContext.of

    def with_new_plugin_version(config, rules, plugins, data_files, keep_text):
        plugins = [(name, "9.9" if name == "reportlint.rules.rl6_hygiene" else version, module) for name, version, module in plugins]
        return real(config, rules, plugins, data_files, keep_text)

    monkeypatch.setattr(RunContext, "of", staticmethod(with_new_plugin_version))
    _, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (0, 4)
    monkeypatch.setattr(RunContext, "of", staticmethod(real))
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another build")
    _, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (0, 4)


def test_a_damaged_entry_is_ignored_with_a_warning_and_rebuilt(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    first, _, _ = run_with_cache([corpus], cache_dir)
    entries = sorted(cache_dir.glob("v*/*/*.json"))
    assert len(entries) == 4
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    entries[1].write_text(json.dumps({"key": "wrong", "result": None}), encoding="utf-8")
    second, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (2, 2)
    assert second.files == first.files
    assert len([warning for warning in second.warnings if "缓存文件已损坏" in warning]) == 2
    third, hits, _ = run_with_cache([corpus], cache_dir)
    assert hits == 4 and not third.warnings


def test_results_with_internal_findings_are_not_kept(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    cache_dir = tmp_path / "cache"
    run_with_cache([tmp_path / "old.doc"], cache_dir, isolated=True)
    _, hits, misses = run_with_cache([tmp_path / "old.doc"], cache_dir, isolated=True)
    assert (hits, misses) == (0, 1)


def test_kept_texts_are_a_separate_entry(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    plain, _, _ = run_with_cache([corpus], cache_dir)
    kept, hits, _ = run_with_cache([corpus], cache_dir, keep_text=True)
    assert hits == 0 and all(result.text for result in kept.files) and not any(result.text for result in plain.files)
    again, hits, _ = run_with_cache([corpus], cache_dir, keep_text=True)
    assert hits == 4 and again.files == kept.files and again.files[3].tables == kept.files[3].tables


def test_concurrent_writers_never_leave_a_partial_entry(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    result = FileResult(path="a.txt", diagnostics=(), text="字" * 20000)
    errors = []

    def writer() -> None:
        for _ in range(30):
            cache.store("ab" + "0" * 62, result)

    def reader() -> None:
        for _ in range(200):
            found = cache.lookup("ab" + "0" * 62)
            if found is not None and found != result:
                errors.append(found)

    threads = [threading.Thread(target=writer) for _ in range(3)] + [threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and not cache.warnings
    assert [path.name for path in (tmp_path / "cache").rglob("*.json")] == ["0" * 62 + ".json"]


# --------------------------------------------------------------------------- command line


def invoke(*args: object, cwd: Path | None = None):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def test_the_command_line_caches_next_to_the_config_and_clean_removes_it(corpus, tmp_path, monkeypatch):
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    cold = invoke("check", "-f", "json", "--no-cache", "reports")
    assert not (tmp_path / CACHE_DIRNAME).exists()
    first = invoke("check", "-f", "json", "reports")
    assert (tmp_path / CACHE_DIRNAME / "CACHEDIR.TAG").is_file()
    second = invoke("check", "-f", "json", "reports")
    assert cold.exit_code == first.exit_code == second.exit_code == 1
    assert cold.stdout == first.stdout == second.stdout
    cleaned = invoke("clean")
    assert cleaned.exit_code == 0 and "已删除缓存" in cleaned.stdout
    assert not (tmp_path / CACHE_DIRNAME).exists()


def test_cached_and_uncached_and_parallel_runs_give_the_same_json(tmp_path, monkeypatch):
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(10):
        report = SampleReport.build(
            "T2021" if number % 2 else "T2019", 2021 if number % 2 else 2020, subject=SUBJECTS[number % len(SUBJECTS)], seed=number
        )
        if number % 3 == 0:
            report = report.with_cell("s3", "r3_1", "c_np", "无")
        (folder / f"r{number}.txt").write_text(render(report, ("tabs", "cells", "spaces")[number % 3]), encoding="utf-8")
    outputs = []
    for extra in (
        ["--no-cache", "-j", "1"],
        ["--no-cache", "-j", "2"],
        ["--cache-dir", tmp_path / "c", "-j", "2"],
        ["--cache-dir", tmp_path / "c", "-j", "1"],
    ):
        result = invoke("check", "--isolated", "-f", "json", *extra, folder)
        assert result.exit_code == 1, result.output
        outputs.append(json.loads(result.stdout))
    assert outputs[0]["summary"]["diagnostics"] > 0
    assert all(output == outputs[0] for output in outputs[1:])


def test_clean_refuses_a_folder_that_is_not_a_cache(tmp_path):
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OSError, match=r"CACHEDIR\.TAG"):
        clear_cache(tmp_path)
    result = invoke("clean", "--cache-dir", tmp_path)
    assert result.exit_code == 2 and (tmp_path / "keep.txt").exists()


def test_timings_list_stages_and_rules(corpus, monkeypatch):
    result = invoke("check", "--timings", "--select", "RL3,GS101", corpus)
    assert result.exit_code == 1
    assert "模板阅读" in result.stderr and "RL301" in result.stderr and "GS101" in result.stderr
    assert "RL601" not in result.stderr
