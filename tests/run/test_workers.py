"""A worker process collects garbage less often and never what it inherited; the supervisor and library calls keep Python's."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.hostile import builders

from reportlint import lint_text
from reportlint.run.workers import YOUNG_THRESHOLD, collect_less_often

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
    # no time or memory budget: the file is checked in the command line's own process, which holds every result
    assert _collector_seen(tmp_path, "file-timeout = 0\nmax-memory = 0\n") == "700 False"


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
