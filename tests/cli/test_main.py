"""The console-script entry point: exit codes as ``sys.exit`` gives them, exit handlers run and output flushed, no teardown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import cli
from reportlint.testing.reports import SampleReport, render

REPOSITORY_SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.mark.parametrize(
    ("code", "status", "said"), [(None, 0, ""), (0, 0, ""), (1, 1, ""), (2, 2, ""), (256, 0, ""), ("用法错误", 1, "用法错误\n")]
)
def test_the_exit_status_is_the_one_sys_exit_would_give(monkeypatch, capsys, code, status, said):
    ran: list[str] = []
    monkeypatch.setattr(cli.atexit, "_run_exitfuncs", lambda: ran.append("exit handlers"))

    def exit_now(value: int) -> None:
        ran.append(f"exit {value}")
        raise SystemExit(value)

    monkeypatch.setattr(cli.os, "_exit", exit_now)
    with pytest.raises(SystemExit):
        cli._end(code)
    assert ran == ["exit handlers", f"exit {status}"]
    assert capsys.readouterr().err == said


def test_a_real_run_flushes_its_output_and_runs_the_exit_handlers(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(render(SampleReport.build("T2021", 2021, balanced=False)), encoding="utf-8")
    # Checked in this process (no worker, which would save the user cache itself).
    config = tmp_path / "reportlint.toml"
    config.write_text("file-timeout = 0\nmax-memory = 0\n", encoding="utf-8")
    user_cache = tmp_path / "user-cache"
    env = {**os.environ, "PYTHONPATH": REPOSITORY_SRC, "REPORTLINT_USER_CACHE_DIR": str(user_cache)}
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "--config", str(config), "--no-cache", "-f", "json", str(report)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr.decode()
    [checked] = json.loads(result.stdout)["files"]
    assert {finding["code"] for finding in checked["diagnostics"]} == {"RL301"}
    # The exit handlers ran: what this first run compiled is in the user cache.
    assert {folder.name for folder in user_cache.iterdir()} >= {"patterns", "code"}
    usage = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-such-option"], capture_output=True, env=env, check=False)
    assert usage.returncode == 2 and b"--no-such-option" in usage.stderr
