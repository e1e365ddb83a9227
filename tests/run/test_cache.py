"""The result cache: entries round-trip whole, are reused only while nothing in their key changed, and survive damage."""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import enum
import json
import os
import shutil
import sqlite3
import sys
import threading
from array import array
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from reportlint.cli.app import app
from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
from reportlint.core.model import Cell, Location, Table
from reportlint.run import cache as cache_module
from reportlint.run import cachedb, registry
from reportlint.run import runner as runner_module
from reportlint.run.cache import CACHE_DIRNAME, CACHE_FORMAT, ResultCache, RunContext, clear_cache, decode, encode
from reportlint.run.cachedb import DATABASE_NAME
from reportlint.run.options import RunOptions
from reportlint.run.results import Excerpt, FileResult, ReportSummary
from reportlint.run.runner import Runner
from reportlint.testing.reports import SUBJECTS, SampleReport, render, render_html, write_reports
from reportlint.version import __version__

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


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    """Two years of one body, the second's 上年结转 off by one: the batch rules find RL701."""
    earlier = SampleReport.build("T2019", 2020, SUBJECTS[0], seed=1)
    folder = tmp_path / "pair"
    write_reports(folder, {"a.txt": earlier, "b.txt": earlier.next_year(seed=2, carry_over_error=1)})
    return folder


@pytest.fixture
def batch_runs(monkeypatch) -> list[int]:
    """How many times the batch rules ran (one number per run of them: its findings' count)."""
    runs: list[int] = []
    real = runner_module.batch_findings

    def counted(*args, **kwargs):
        found = real(*args, **kwargs)
        runs.append(sum(len(items) for items in found.values()))
        return found

    monkeypatch.setattr(runner_module, "batch_findings", counted)
    return runs


def database_of(cache_dir: Path) -> Path:
    return cache_dir / f"v{CACHE_FORMAT}-{__version__}" / DATABASE_NAME


def stored_entries(cache_dir: Path, table: str = "results") -> dict[str, bytes]:
    """The entries written to a cache's database (by key), read as another process would."""
    if not database_of(cache_dir).exists():
        return {}
    with contextlib.closing(sqlite3.connect(database_of(cache_dir))) as connection:
        return dict(connection.execute(f"SELECT key, entry FROM {table} ORDER BY key").fetchall())


def write_entry(cache_dir: Path, key: str, entry: bytes | None, table: str = "results") -> None:
    """Replace (or, with None, remove) an entry of a cache's database, as another process would."""
    with contextlib.closing(sqlite3.connect(database_of(cache_dir))) as connection, connection:
        if entry is None:
            connection.execute(f"DELETE FROM {table} WHERE key = ?", (key,))
        else:
            connection.execute(f"UPDATE {table} SET entry = ? WHERE key = ?", (entry, key))


# --------------------------------------------------------------------------- entries


def full_result() -> FileResult:
    """A result holding one of everything: a finding with a related place, a fix, a logical place and a page; texts and tables."""
    location = Location(3, 5, 3, 9, logical="表格2 第5行 第2列", page=2)
    diagnostic = Diagnostic(
        code="RL301",
        name="total",
        severity=Severity.ERROR,
        message='合计不等："引号"、反斜杠\\、换行\n',
        start=10,
        end=14,
        related=(Related(20, 22, "另一侧", location), Related(0, 0, "另一份报告", None, "b.docx")),
        fix=Fix(10, 14, "12", "改为 12"),
        path="a.docx",
        location=location,
        fingerprint="f" * 32,
    )
    table = Table(0, 30, rows=((Cell(0, 2, 0, 0, rowspan=2), Cell(3, 5, 0, 1, colspan=3)),))
    return FileResult(
        path="a.docx",
        diagnostics=(diagnostic, Diagnostic("RL603", "x", Severity.INFO, "提示", path="a.docx")),
        excerpts=(Excerpt("一行", 0, 2), None),
        format="docx",
        text="全文",
        summary=ReportSummary(read=True, subject="秦安县陇城镇", year=2021, template="T2021"),
        tables=(table,),
        source_path="a\udcff.docx",
    )


def test_an_entry_keeps_everything_a_file_result_holds():
    result = full_result()
    back = decode(json.loads(json.dumps(encode(result))))
    assert back == result
    assert back.diagnostics[0].severity is Severity.ERROR
    assert isinstance(back.tables[0].rows[0], tuple)


class _Code(str, enum.Enum):
    """A string enum: a subclass of str that is encoded as an enum."""

    A = "甲"


class _Pair(NamedTuple):
    left: int
    right: str


class _Count(int):
    pass


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_Code.A, {"e": f"{__name__}:_Code", "v": "甲"}),  # an enum before the plain type it also is
        (_Count(7), 7),  # a subclass of a plain type: kept as it is
        (_Pair(1, "乙"), [1, "乙"]),  # a tuple subclass: its items
        (Path("a/b.txt"), {"p": "a/b.txt"}),
        (frozenset({"b", "a"}), {"s": ["a", "b"]}),
        ({"键": Decimal("2.5")}, {"m": [["键", {"n": "2.5"}]]}),
        (array("H", [1, 2]), {"a": "H", "b": base64.b64encode(array("H", [1, 2]).tobytes()).decode("ascii")}),
        (b"\x00\xff", {"b": "AP8="}),
        (Fix(1, 2, "", "删"), {"d": "reportlint.core.diagnostics:Fix", "f": [1, 2, "", "删"]}),
    ],
)
def test_each_type_is_encoded_in_the_first_form_it_has_whenever_it_is_met(value, expected):
    # (the form of a type is worked out once: the second encoding takes the remembered one)
    assert encode(value) == expected
    assert encode([value, value]) == [expected, expected]


def test_a_type_that_cannot_be_cached_is_refused_every_time():
    for _ in range(2):
        with pytest.raises(TypeError, match="cannot cache a object"):
            encode(object())


def test_plain_items_of_a_sequence_are_kept_as_they_are_and_the_rest_encoded_by_what_it_is():
    value = ("键", 3, 2.5, True, None, Severity.ERROR, ("内", Decimal("1.5"), b"\x00\xff"), [Severity.INFO])
    encoded = encode(value)
    assert encoded[:5] == ["键", 3, 2.5, True, None]
    assert encoded[5] == {"e": "reportlint.core.diagnostics:Severity", "v": int(Severity.ERROR)}
    back = decode(json.loads(json.dumps(encoded)))
    assert back == (*value[:7], (Severity.INFO,))
    assert back[3] is True and type(back[5]) is Severity and type(back[6][1]) is Decimal


def test_entries_wait_for_a_flush_in_one_transaction_and_are_found_meanwhile(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    result = full_result()
    cache.store("ab" * 32, result)
    cache.store("cd" * 32, result)
    assert not stored_entries(tmp_path / "cache"), "nothing is written before the flush"
    assert cache.lookup("ab" * 32) == result, "this process finds what it has yet to write"
    cache.flush()
    assert sorted(stored_entries(tmp_path / "cache")) == ["ab" * 32, "cd" * 32]
    other = ResultCache(tmp_path / "cache")  # another process
    assert other.lookup("cd" * 32) == result and other.hits == 1 and not other.warnings
    assert not list((tmp_path / "cache").rglob("*.json")), "no file per entry"


def test_looking_up_in_a_cache_without_a_database_makes_nothing(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    assert cache.lookup("ab" * 32) is None and cache.lookup_batch("cd" * 32) is None
    assert (cache.hits, cache.misses) == (0, 1) and not cache.warnings and not (tmp_path / "cache").exists()


def test_a_process_writes_its_entries_once_enough_are_waiting(tmp_path, monkeypatch):
    monkeypatch.setattr(cachedb, "PENDING_LIMIT", 3)
    cache = ResultCache(tmp_path / "cache")
    for number in range(4):
        cache.store(f"{number:02d}" * 32, full_result())
    assert sorted(stored_entries(tmp_path / "cache")) == [f"{number:02d}" * 32 for number in range(3)]
    cache.flush()
    assert len(stored_entries(tmp_path / "cache")) == 4


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forking processes is POSIX only")
def test_forked_processes_write_through_their_own_connections(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    result = full_result()
    cache.store("ab" * 32, result)
    cache.flush()  # the parent's connection is open when it forks
    children = []
    for child in range(2):
        pid = os.fork()
        if pid == 0:  # pragma: no cover (runs in the child)
            code = 1
            try:
                for number in range(40):
                    cache.store(f"{child}{number:03d}" + "e" * 60, result)
                    if number % 7 == 0:
                        cache.flush()
                cache.flush()
                code = 0 if cache.lookup("ab" * 32) == result and not cache.warnings else 1
            finally:
                os._exit(code)
        children.append(pid)
    assert all(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0 for pid in children)
    assert len(stored_entries(tmp_path / "cache")) == 81
    cache.store("cd" * 32, result)
    cache.flush()
    assert cache.lookup("0039" + "e" * 60) == result and cache.lookup("cd" * 32) == result and not cache.warnings


def test_a_cache_cleared_during_a_run_is_written_again(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    result = full_result()
    cache.store("ab" * 32, result)
    cache.flush()
    shutil.rmtree(tmp_path / "cache")  # reportlint clean, or another process, meanwhile
    cache.store("cd" * 32, result)
    cache.flush()
    assert list(stored_entries(tmp_path / "cache")) == ["cd" * 32]
    assert ResultCache(tmp_path / "cache").lookup("cd" * 32) == result
    assert (tmp_path / "cache" / "CACHEDIR.TAG").exists()


def test_a_stored_result_reads_back_equal_with_its_types(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    result = full_result()
    cache.store("ab" * 32, result)
    back = cache.lookup("ab" * 32)
    assert back == result and cache.hits == 1 and not cache.warnings
    assert back.diagnostics[0].severity is Severity.ERROR and type(back.diagnostics[0].related) is tuple
    assert type(back.tables) is tuple and isinstance(back.tables[0].rows[0], tuple)
    assert back.timings == {}


def test_the_summary_of_a_report_is_read_back_only_when_asked_for(pair, tmp_path):
    run = Runner([str(pair)], RunOptions(isolated=True)).run()
    cache = ResultCache(tmp_path / "cache")
    for number, result in enumerate(run.files):
        assert result.summary.cross_document is not None
        cache.store(f"{number:02d}" * 32, result)
    for number, result in enumerate(run.files):
        assert cache.lookup(f"{number:02d}" * 32, cross_document=True) == result
        without = cache.lookup(f"{number:02d}" * 32)
        assert without == dataclasses.replace(result, summary=dataclasses.replace(result.summary, cross_document=None))
    plain = dataclasses.replace(run.files[0], summary=dataclasses.replace(run.files[0].summary, cross_document=None))
    cache.store("cd" * 32, plain)  # as a run that does not compare reports stores it
    assert cache.lookup("cd" * 32) == plain
    assert cache.lookup("cd" * 32, cross_document=True) is None, "a batch run checks such a report again"
    assert not cache.warnings


def test_the_classes_an_entry_makes_directly_are_plain_frozen_dataclasses():
    for kind in cache_module._MADE:
        assert dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
        assert not hasattr(kind, "__post_init__") and "__slots__" not in vars(kind), kind
        assert all(field.init for field in dataclasses.fields(kind)), kind


def _damaged(change):
    """A damage of an entry's first line: ``change`` changes its values in place or returns new ones."""

    def damage(raw: bytes) -> bytes:
        head, _, rest = raw.partition(b"\n")
        row = json.loads(head)
        changed = change(row)
        head = json.dumps(row if changed is None else changed, ensure_ascii=False).encode("utf-8", "surrogatepass")
        return head + (b"\n" + rest if rest else b"")

    return damage


def _set(path: tuple[int, ...], value: object):
    def change(row):
        target = row
        for index in path[:-1]:
            target = target[index]
        target[path[-1]] = value

    return change


DAMAGES = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "not JSON": lambda raw: b"\x00\x01 binary",
    "not UTF-8": lambda raw: raw.replace(b"\xe5", b"\xff", 1),
    "trailing data": lambda raw: raw.replace(b"\n", b" 1\n", 1) if b"\n" in raw else raw + b" 1",
    "another format": _damaged(_set((0,), "1")),
    "another key": _damaged(_set((1,), "ef" * 32)),
    "a dict": _damaged(lambda row: {"key": row[1], "result": None}),
    "a field missing": _damaged(lambda row: row[:-1]),
    "a path that is a number": _damaged(_set((2,), 7)),
    "an offset that is text": _damaged(_set((5, 0, 4), "10")),
    "an offset that is a bool": _damaged(_set((5, 0, 5), True)),
    "an unknown severity": _damaged(_set((5, 0, 2), 9)),
    "a location of five values": _damaged(lambda row: row[5][0][9].pop()),
    "a page that is text": _damaged(_set((5, 0, 9, 5), "2")),
    "a related place short of its path": _damaged(lambda row: row[5][0][6][0].pop()),
    "an excerpt of two values": _damaged(lambda row: row[6][0].pop()),
    "an identity whose year is text": _damaged(_set((7, 2), "2021")),
    "a table of another class": _damaged(_set((9, 0, "d"), "reportlint.core.model:Location")),
    "a refused class": _damaged(_set((9, 0, "d"), "subprocess:Popen")),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_or_foreign_entry_is_ignored_with_a_warning(tmp_path, damage):
    cache = ResultCache(tmp_path / "cache")
    cache.store("ab" * 32, full_result())
    cache.flush()
    [entry] = stored_entries(tmp_path / "cache").values()
    write_entry(tmp_path / "cache", "ab" * 32, damage(entry))
    assert cache.lookup("ab" * 32) is None
    assert (cache.hits, cache.misses) == (0, 1)
    [warning] = cache.warnings
    assert warning.startswith("缓存项已损坏，已忽略并重新检查：") and f"{database_of(tmp_path / 'cache')} 中的 abababab" in warning


@pytest.mark.parametrize("damage", ["truncated", "wrong class", "another type"])
def test_a_damaged_summary_is_ignored_with_a_warning_when_it_is_asked_for(pair, tmp_path, damage):
    run = Runner([str(pair)], RunOptions(isolated=True)).run()
    cache = ResultCache(tmp_path / "cache")
    cache.store("ab" * 32, run.files[0])
    cache.flush()
    [entry] = stored_entries(tmp_path / "cache").values()
    head, _, summary = entry.partition(b"\n")
    summary = {
        "truncated": summary[:100],
        "wrong class": summary.replace(b"reportlint.core.summary:CrossDocument", b"reportlint.core.summary:Body", 1),
        "another type": json.dumps({"d": "reportlint.core.summary:ReportSummary", "f": [True, None, None, None, None]}).encode(),
    }[damage]
    write_entry(tmp_path / "cache", "ab" * 32, head + b"\n" + summary)
    assert cache.lookup("ab" * 32) is not None, "without the summary the entry still serves"
    assert cache.lookup("ab" * 32, cross_document=True) is None
    assert len(cache.warnings) == 1 and "缓存项已损坏" in cache.warnings[0]


class PluginLocation(Location):
    """A plugin's own location class (a cached plain Location would lose what it adds)."""


@pytest.mark.parametrize(
    "change",
    [
        lambda d: dataclasses.replace(d, location=PluginLocation(1, 1, 1, 2)),
        lambda d: dataclasses.replace(d, start=1.5),
        lambda d: dataclasses.replace(d, related=(Related(0, 1, "x", PluginLocation(1, 1, 1, 2)),)),
    ],
    ids=["a plugin's location class", "a float offset", "a related plugin location"],
)
def test_a_result_that_would_not_read_back_the_same_is_not_stored(tmp_path, change):
    result = full_result()
    odd = dataclasses.replace(result, diagnostics=(change(result.diagnostics[0]),))
    cache = ResultCache(tmp_path / "cache")
    cache.store("ab" * 32, odd)
    cache.flush()
    assert cache.lookup("ab" * 32) is None and not cache.warnings
    assert not stored_entries(tmp_path / "cache")


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
    path = str(tmp_path / "a.txt")
    keys = {
        context.key(b"abc", path, "a.txt"),
        context.key(b"abd", path, "a.txt"),
        context.key(b"abc", str(tmp_path / "b.txt"), "b.txt"),
        other_plugin.key(b"abc", path, "a.txt"),
        other_option.key(b"abc", path, "a.txt"),
        keeps_text.key(b"abc", path, "a.txt"),
    }
    assert len(keys) == 6
    assert context.key(b"abc", path, "a.txt") == context.key(b"abc", path, "a.txt")


def test_a_file_key_names_the_file_as_path_resolve_does_through_linked_folders_and_files(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_bytes(b"abc")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (real / "b.txt").symlink_to(real / "a.txt")
    context = RunContext("context")
    cache = ResultCache(tmp_path / "cache")
    for path in (real / "a.txt", tmp_path / "linked" / "a.txt", real / "b.txt", tmp_path / "linked" / "b.txt"):
        assert cache._resolve(str(path)) == str(path.resolve()), path
        assert cache.file_key(context, path, "a.txt") == context.key(b"abc", str(path.resolve()), "a.txt")
    os.chdir(real)
    try:
        assert cache._resolve("a.txt") == str((real / "a.txt").resolve())
    finally:
        os.chdir(tmp_path)


def test_a_file_over_the_size_budget_or_unreadable_has_no_key(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    (tmp_path / "small.txt").write_bytes(b"x" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    context = RunContext("context")
    cache = ResultCache(tmp_path / "cache")
    assert cache.file_key(context, tmp_path / "big.txt", "big.txt", max_size=100) is None
    assert cache.file_key(context, tmp_path / "small.txt", "small.txt", max_size=100) is not None
    assert cache.file_key(context, tmp_path / "empty.txt", "empty.txt", max_size=100) is not None
    assert cache.file_key(context, tmp_path / "missing.txt", "missing.txt") is None
    assert cache.file_key(context, tmp_path, "folder") is None


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


def test_a_report_edited_as_it_is_checked_is_stored_under_the_key_of_the_bytes_checked(corpus, tmp_path, monkeypatch):
    from reportlint.run import linter as linter_module

    report = corpus / "r1.txt"
    original = linter_module.read_source

    def edited_then_read(path, *args, **kwargs):  # the writer saves just after the main process looked the file up
        if Path(path).name == "r1.txt" and "××" not in report.read_text(encoding="utf-8"):
            report.write_text("××" + report.read_text(encoding="utf-8"), encoding="utf-8")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(linter_module, "read_source", edited_then_read)
    first, _, misses = run_with_cache([corpus], tmp_path / "cache", jobs=1)
    assert misses == 4 and "GS101" in [d.code for d in first.diagnostics if d.path and d.path.endswith("r1.txt")]
    monkeypatch.undo()
    second, hits, misses = run_with_cache([corpus], tmp_path / "cache", jobs=1)
    assert (hits, misses) == (4, 0)  # the entry is of the edited bytes, which are on disk now
    assert second.files == first.files


def test_changing_one_byte_of_a_report_rechecks_only_that_report(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    report = corpus / "r1.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("999", "998", 1), encoding="utf-8")
    run, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (3, 1)
    [changed] = [result for result in run.files if result.path.endswith("r1.txt")]
    assert any("998" in diagnostic.message for diagnostic in changed.diagnostics if diagnostic.code == "RL301")


def entry_days(cache_dir: Path, table: str = "results") -> dict[str, int]:
    """The day each entry of a cache's database was last used, by key."""
    with contextlib.closing(sqlite3.connect(database_of(cache_dir))) as connection:
        return dict(connection.execute(f"SELECT key, used FROM {table}").fetchall())


def test_entries_no_run_used_for_thirty_days_are_removed_by_a_runs_last_write(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    day = 20000
    monkeypatch.setattr(cachedb, "today", lambda: day)
    run_with_cache([corpus], cache_dir)
    first_keys, first_batches = set(stored_entries(cache_dir)), set(stored_entries(cache_dir, "batches"))
    assert set(entry_days(cache_dir).values()) == {20000} and len(first_keys) == 4 and len(first_batches) == 1
    report = corpus / "r1.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("999", "998", 1), encoding="utf-8")
    day = 20010  # the three unchanged reports are found: their day is renewed; r1's old entry keeps its day
    assert run_with_cache([corpus], cache_dir)[1:] == (3, 1)
    days = entry_days(cache_dir)
    [old_entry] = [key for key in first_keys if days[key] == 20000]
    assert len(days) == 5 and sorted(days.values()) == [20000, *[20010] * 4]
    day = 20045  # 45 days after r1's old entry was last used, 35 after the others: only the old entries go
    run, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (4, 0) and not run.warnings
    assert old_entry not in stored_entries(cache_dir) and set(entry_days(cache_dir).values()) == {20045}
    assert len(stored_entries(cache_dir)) == 4
    assert not first_batches & set(stored_entries(cache_dir, "batches")) and len(stored_entries(cache_dir, "batches")) == 1
    day = 20100  # all of them 55 days old: found, so renewed before anything is pruned
    assert run_with_cache([corpus], cache_dir)[1:] == (4, 0) and len(stored_entries(cache_dir)) == 4


def test_a_second_run_on_the_same_day_writes_nothing(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir)
    transactions: list[object] = []
    real = cachedb._immediate
    monkeypatch.setattr(cachedb, "_immediate", lambda connection: transactions.append(connection) or real(connection))
    assert run_with_cache([corpus], cache_dir)[1:] == (4, 0)
    assert transactions == []


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


def test_the_number_of_jobs_is_not_part_of_the_key(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run_with_cache([corpus], cache_dir, jobs=1)
    _, hits, misses = run_with_cache([corpus], cache_dir, jobs=2)
    assert (hits, misses) == (4, 0)


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
    entries = stored_entries(cache_dir)
    assert len(entries) == 4
    first_key, second_key = list(entries)[:2]
    write_entry(cache_dir, first_key, entries[first_key][:40])
    write_entry(cache_dir, second_key, json.dumps({"key": "wrong", "result": None}).encode())
    second, hits, misses = run_with_cache([corpus], cache_dir)
    assert (hits, misses) == (2, 2)
    assert second.files == first.files
    assert len([warning for warning in second.warnings if "缓存项已损坏" in warning]) == 2
    third, hits, _ = run_with_cache([corpus], cache_dir)
    assert hits == 4 and not third.warnings


def _foreign_database(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TRIGGER spill AFTER INSERT ON results BEGIN DELETE FROM results; END")


DATABASE_DAMAGES = {
    "not a database": lambda path: path.write_bytes(b"\x00garbage" * 300),
    "truncated": lambda path: path.write_bytes(path.read_bytes()[:5000]),
    "another schema": _foreign_database,
}


@pytest.mark.parametrize("damage", DATABASE_DAMAGES.values(), ids=DATABASE_DAMAGES.keys())
def test_a_damaged_or_foreign_database_is_removed_with_a_warning_and_rebuilt(corpus, tmp_path, damage):
    cache_dir = tmp_path / "cache"
    first, _, _ = run_with_cache([corpus], cache_dir)
    damage(database_of(cache_dir))
    second, hits, misses = run_with_cache([corpus], cache_dir)
    assert hits == 0 and misses == 4 and second.files == first.files
    assert [warning for warning in second.warnings if warning.startswith(f"缓存数据库已损坏，已删除并重新建立：{database_of(cache_dir)}")]
    third, hits, _ = run_with_cache([corpus], cache_dir)
    assert hits == 4 and not third.warnings and third.files == first.files


def test_a_cache_that_cannot_be_used_leaves_the_run_uncached(corpus, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    plain = Runner([str(corpus)], RunOptions()).run()
    run, hits, misses = run_with_cache([corpus], blocked)
    assert (hits, misses) == (0, 4) and run.files == plain.files and not run.warnings
    monkeypatch.setitem(sys.modules, "sqlite3", None)  # a Python built without SQLite
    run, hits, misses = run_with_cache([corpus], tmp_path / "cache")
    assert (hits, misses) == (0, 4) and run.files == plain.files and not (tmp_path / "cache").exists()


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
            cache.flush()

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
    assert list(stored_entries(tmp_path / "cache")) == ["ab" + "0" * 62]


def test_no_worker_starts_when_every_report_is_cached(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    first, _, _ = run_with_cache([corpus], cache_dir, jobs=2)

    def no_pool(*args: object) -> None:
        raise AssertionError("a worker pool started for cached reports")

    monkeypatch.setattr(runner_module, "WorkerPool", no_pool)
    second, hits, _ = run_with_cache([corpus], cache_dir, jobs=2)
    assert hits == 4 and second.files == first.files


# --------------------------------------------------------------------------- batch findings


def test_a_second_run_takes_the_batch_findings_from_the_cache(pair, tmp_path, batch_runs):
    cache_dir = tmp_path / "cache"
    first, _, _ = run_with_cache([pair], cache_dir, isolated=True)
    assert len(batch_runs) == 1 and "RL701" in {diagnostic.code for diagnostic in first.diagnostics}
    assert len(stored_entries(cache_dir, "batches")) == 1
    second, hits, _ = run_with_cache([pair], cache_dir, isolated=True)
    assert len(batch_runs) == 1, "the batch rules did not run again"
    assert hits == 2 and second.files == first.files, "findings and summaries as the first run made them"


def test_a_run_that_does_not_keep_summaries_does_not_read_them_back(pair, tmp_path, batch_runs, monkeypatch):
    cache_dir = tmp_path / "cache"
    first, _, _ = run_with_cache([pair], cache_dir, isolated=True, keep_summaries=False)
    assert all(result.summary.cross_document is None for result in first.files) and first.files[0].summary.year == 2020

    def refused(value: object) -> object:
        raise AssertionError("a summary was decoded")

    monkeypatch.setattr(cache_module, "decode", refused)
    second, hits, _ = run_with_cache([pair], cache_dir, isolated=True, keep_summaries=False)
    assert len(batch_runs) == 1 and hits == 2 and second.files == first.files


def test_changing_one_report_runs_the_batch_rules_again(pair, tmp_path, batch_runs):
    cache_dir = tmp_path / "cache"
    run_with_cache([pair], cache_dir, isolated=True)
    report = pair / "b.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run, hits, misses = run_with_cache([pair], cache_dir, isolated=True)
    assert (hits, misses) == (1, 1) and len(batch_runs) == 2 and "RL701" in {diagnostic.code for diagnostic in run.diagnostics}
    run_with_cache([pair], cache_dir, isolated=True)
    assert len(batch_runs) == 2


def test_other_files_or_another_order_or_configuration_run_the_batch_rules_again(pair, tmp_path, batch_runs):
    cache_dir = tmp_path / "cache"
    run_with_cache([pair], cache_dir, isolated=True)
    run_with_cache([pair / "b.txt", pair / "a.txt"], cache_dir, isolated=True)
    assert len(batch_runs) == 2, "another order of the same files"
    run_with_cache([pair / "b.txt", pair / "a.txt"], cache_dir, isolated=True)
    assert len(batch_runs) == 2
    (pair / "c.txt").write_text(render(SampleReport.build("T2021", 2021, SUBJECTS[1], seed=5), "tabs"), encoding="utf-8")
    run_with_cache([pair], cache_dir, isolated=True)
    assert len(batch_runs) == 3, "one more file"
    (tmp_path / "reportlint.toml").write_text('ignore = ["RL603"]\n', encoding="utf-8")
    run_with_cache([pair], cache_dir, config_file=str(tmp_path / "reportlint.toml"))
    assert len(batch_runs) == 4, "another configuration"


def test_stored_batch_findings_serve_a_report_checked_again_unchanged(pair, tmp_path, batch_runs):
    cache_dir = tmp_path / "cache"
    first, _, _ = run_with_cache([pair], cache_dir, isolated=True, keep_summaries=False)
    write_entry(cache_dir, next(iter(stored_entries(cache_dir))), None)
    second, hits, misses = run_with_cache([pair], cache_dir, isolated=True, keep_summaries=False)
    assert (hits, misses) == (1, 1) and len(batch_runs) == 1 and second.files == first.files


def test_a_report_whose_check_fails_this_time_runs_the_batch_rules_again(pair, tmp_path, batch_runs, monkeypatch):
    cache_dir = tmp_path / "cache"
    run_with_cache([pair], cache_dir, isolated=True, keep_summaries=False, jobs=1)
    [b_key] = [key for key, entry in stored_entries(cache_dir).items() if json.loads(entry.partition(b"\n")[0])[2].endswith("b.txt")]
    write_entry(cache_dir, b_key, None)
    real = runner_module.Linter.lint_path

    def timing_out(self, path, display):
        if path.name != "b.txt":
            return real(self, path, display)
        config = self.resolver.config_for(path)
        failure = runner_module._internal(self.rule_set(config).registry, "RL909", "检查超时")
        return self.finish(display, path, config, None, [failure])

    monkeypatch.setattr(runner_module.Linter, "lint_path", timing_out)
    run, hits, misses = run_with_cache([pair], cache_dir, isolated=True, keep_summaries=False, jobs=1)
    assert (hits, misses) == (2, 1), "a's entry is read again with its summary"
    assert len(batch_runs) == 2
    assert run.files == Runner([str(pair)], RunOptions(isolated=True, keep_summaries=False, jobs=1)).run().files
    assert "RL701" not in {diagnostic.code for diagnostic in run.diagnostics} and "RL909" in {d.code for d in run.diagnostics}


def test_a_damaged_batch_entry_is_ignored_with_a_warning_and_rewritten(pair, tmp_path, batch_runs):
    cache_dir = tmp_path / "cache"
    first, _, _ = run_with_cache([pair], cache_dir, isolated=True)
    [(key, entry)] = stored_entries(cache_dir, "batches").items()
    write_entry(cache_dir, key, entry.replace(b'"RL701"', b"701", 1), "batches")
    second, _, _ = run_with_cache([pair], cache_dir, isolated=True)
    assert len(batch_runs) == 2 and second.files == first.files
    assert [warning for warning in second.warnings if "缓存项已损坏" in warning and key[:16] in warning]
    third, _, _ = run_with_cache([pair], cache_dir, isolated=True)
    assert len(batch_runs) == 2 and not third.warnings


def test_batch_findings_with_a_rule_failure_are_not_kept(pair, tmp_path, monkeypatch):
    real = runner_module.batch_findings

    def failing(results, *args, **kwargs):
        found = real(results, *args, **kwargs)
        failure = Diagnostic("RL907", "plugin-error", Severity.ERROR, "跨文档规则出错", path=results[0].path, location=Location(1, 1, 1, 1))
        return {**found, results[0].path: [*found.get(results[0].path, ()), failure]}

    monkeypatch.setattr(runner_module, "batch_findings", failing)
    run, _, _ = run_with_cache([pair], tmp_path / "cache", isolated=True)
    assert "RL907" in {diagnostic.code for diagnostic in run.diagnostics}
    assert not stored_entries(tmp_path / "cache", "batches") and len(stored_entries(tmp_path / "cache")) == 2


def test_a_report_changed_while_it_was_checked_keeps_the_batch_findings_out_of_the_cache(pair, tmp_path, monkeypatch):
    real = runner_module.Linter.lint_path

    def editing(self, path, display):
        result = real(self, path, display)
        if path.name == "b.txt":
            path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return result

    monkeypatch.setattr(runner_module.Linter, "lint_path", editing)
    run_with_cache([pair], tmp_path / "cache", isolated=True, jobs=1)
    assert not stored_entries(tmp_path / "cache", "batches")
    assert len(stored_entries(tmp_path / "cache")) == 2


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
