"""reportlint's own processes collect garbage less often; a library call leaves its caller's collector alone."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.hostile import builders

from reportlint import lint_text
from reportlint.run.garbage import YOUNG_THRESHOLD, collect_less_often

_SOURCE = str(Path(__file__).resolve().parents[2] / "src")

#: A plugin rule that reports how the process it runs in collects garbage.
_SHOW_COLLECTOR = """import gc
yield self.diagnostic(f"{gc.get_threshold()[0]} {gc.get_freeze_count() > 0}", 0, 1)
"""


def _python(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": _SOURCE}
    return subprocess.run([sys.executable, *arguments], capture_output=True, text=True, check=False, cwd=cwd, env=env, timeout=120)


def test_a_worker_collects_less_often_and_leaves_what_it_inherited_alone(tmp_path):
    (tmp_path / "good.txt").write_text(builders.good_report(), encoding="utf-8")
    (tmp_path / "show_collector.py").write_text(builders.plugin(_SHOW_COLLECTOR), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["show_collector.py"]\n', encoding="utf-8")
    completed = _python("-m", "reportlint", "check", "--no-cache", "-j", "1", "-f", "json", "good.txt", cwd=tmp_path)
    [checked] = json.loads(completed.stdout)["files"]
    [message] = [finding["message"] for finding in checked["diagnostics"] if finding["code"] == "HX101"]
    assert message == f"{YOUNG_THRESHOLD} True"


def test_the_command_line_process_collects_less_often(tmp_path):
    source = (
        "import atexit, gc, sys\n"
        "from reportlint.cli import main\n"
        "atexit.register(lambda: print('threshold', gc.get_threshold()[0]))\n"
        "sys.argv = ['reportlint', '--version']\n"
        "main()\n"
    )
    completed = _python("-c", source, cwd=tmp_path)
    assert f"threshold {YOUNG_THRESHOLD}" in completed.stdout, completed.stderr


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
