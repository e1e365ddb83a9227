"""A worker process collects garbage less often and never what it inherited; the supervisor and library calls keep Python's.
Files are handed to workers in chunks that shrink as the queue empties."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections import deque
from pathlib import Path
from types import SimpleNamespace

from tests.hostile import builders

from reportlint import lint_text
from reportlint.run.limits import Limits
from reportlint.run.workers import YOUNG_THRESHOLD, Task, WorkerPool, _Worker, collect_less_often

_SOURCE = str(Path(__file__).resolve().parents[2] / "src")

#: A plugin rule that reports how the process it runs in collects garbage.
_SHOW_COLLECTOR = """import gc
yield self.diagnostic(f"{gc.get_threshold()[0]} {gc.get_freeze_count() > 0}", 0, 1)
"""


def _check(folder: Path, *arguments: str) -> dict:
    """``reportlint check -f json *arguments`` in a fresh process, in ``folder``: the JSON it printed."""
    command = [sys.executable, "-m", "reportlint", "check", "--no-cache", "-f", "json", *arguments]
    env = {**os.environ, "PYTHONPATH": _SOURCE}
    completed = subprocess.run(command, capture_output=True, text=True, check=False, cwd=folder, env=env, timeout=120)
    return json.loads(completed.stdout)


def _collector_seen(tmp_path: Path, config: str = "") -> str:
    """What the plugin rule says of the collector of the process that checked a report."""
    (tmp_path / "good.txt").write_text(builders.good_report(), encoding="utf-8")
    (tmp_path / "show_collector.py").write_text(builders.plugin(_SHOW_COLLECTOR), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text(f'local-plugins = ["show_collector.py"]\n{config}', encoding="utf-8")
    [checked] = _check(tmp_path, "good.txt")["files"]
    [message] = [finding["message"] for finding in checked["diagnostics"] if finding["code"] == "HX101"]
    return message


def test_a_worker_collects_less_often_and_leaves_what_it_inherited_alone(tmp_path):
    assert _collector_seen(tmp_path) == f"{YOUNG_THRESHOLD} True"


def test_without_workers_the_command_line_keeps_pythons_collector(tmp_path):
    # no time or memory budget: the file is checked in the command line's own process, which holds every result;
    # only what its imports made is frozen (reportlint.startup)
    assert _collector_seen(tmp_path, "file-timeout = 0\nmax-memory = 0\n") == "700 True"


def test_a_library_call_leaves_the_callers_collector_alone():
    before = gc.get_threshold()
    lint_text("二〇二三年政府信息公开工作年度报告\n", filename="one.txt")
    assert gc.get_threshold() == before


def test_a_threshold_set_higher_or_off_is_kept():
    before = gc.get_threshold()
    try:
        gc.set_threshold(YOUNG_THRESHOLD * 3, 5, 5)
        collect_less_often()
        assert gc.get_threshold() == (YOUNG_THRESHOLD * 3, 5, 5)
        gc.set_threshold(0, 5, 5)
        collect_less_often()
        assert gc.get_threshold() == (0, 5, 5)
        gc.set_threshold(700, 10, 10)
        collect_less_often()
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_files_are_handed_out_in_smaller_chunks_as_the_queue_empties():
    pool = WorkerPool(SimpleNamespace(limits=Limits.unlimited()), 2, fail=None)  # type: ignore[arg-type]
    assert [pool._chunk(waiting) for waiting in (1000, 128, 40, 8, 7, 0)] == [16, 16, 5, 1, 1, 1]
    queue = deque(Task(index, f"{index}.txt", f"{index}.txt") for index in range(200))
    sent: list[list[tuple]] = []
    worker = _Worker(process=None, connection=SimpleNamespace(send=sent.append), block=None)  # type: ignore[arg-type]
    held_when_empty = None
    while queue:
        pool._feed(worker, queue, pool._chunk(len(queue)))
        if not queue:
            held_when_empty = len(worker.held)
        worker.held.popleft()  # the worker finished one file
    assert [len(message) for message in sent[:3]] == [16, 16, 16]  # two full chunks held, and another as soon as one file is done
    assert [len(message) for message in sent[-3:]] == [1, 1, 1]
    # when the queue is empty, a worker holds a file or two, not two full chunks
    assert held_when_empty is not None and held_when_empty <= 2
