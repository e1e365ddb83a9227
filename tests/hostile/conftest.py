"""Running ``reportlint check`` as users do (a real process, real workers), measuring its memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.hostile.builders import good_report

# The wrapper runs the command and records the peak memory of it and of every process it waited for (the workers).
_WRAPPER = """
import json, resource, subprocess, sys
result = subprocess.run(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(json.dumps({"returncode": result.returncode, "maxrss_kb": usage.ru_maxrss}))
"""


@dataclass
class Run:
    """What a run printed, how it ended, and the peak memory of its largest process."""

    returncode: int
    stdout: str
    stderr: str
    peak_mb: float

    @property
    def payload(self) -> dict:
        """The ``-f json`` output."""
        return json.loads(self.stdout)

    def findings(self, name: str) -> list[dict]:
        """The findings of the file named ``name``."""
        files = [item for item in self.payload["files"] if item["path"].rsplit("/", 1)[-1] == name]
        assert len(files) == 1, f"{name} not in {[item['path'] for item in self.payload['files']]}"
        return files[0]["diagnostics"]

    def codes(self, name: str) -> list[str]:
        """The codes of a file's findings."""
        return [finding["code"] for finding in self.findings(name)]


@pytest.fixture
def run_check(tmp_path):
    """``run_check(*args, cwd=…)``: ``reportlint check *args`` in a fresh process; returns a :class:`Run`.

    The result cache is on, as users have it (the suite's other tests turn it off): a hostile file must not break
    the cache's keys or entries either. It is kept under the working folder, so each test starts without one.
    """

    def run(*args: str, cwd: Path | None = None, timeout: float = 120, stdout=None) -> Run:
        record = tmp_path / f"usage-{os.getpid()}-{len(list(tmp_path.glob('usage-*')))}.json"
        command = [sys.executable, "-c", _WRAPPER, str(record), sys.executable, "-m", "reportlint", "check", "--no-progress", *args]
        completed = subprocess.run(
            command,
            cwd=cwd or tmp_path,
            stdout=stdout if stdout is not None else subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
            env={**_without_no_cache(os.environ), "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        )
        usage = json.loads(record.read_text(encoding="utf-8"))
        output = completed.stdout.decode("utf-8") if completed.stdout is not None else ""
        return Run(usage["returncode"], output, completed.stderr.decode("utf-8", "replace"), usage["maxrss_kb"] / 1024)

    return run


def _without_no_cache(environment: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """The environment without the suite's ``REPORTLINT_NO_CACHE``."""
    return {name: value for name, value in environment.items() if name != "REPORTLINT_NO_CACHE"}


@pytest.fixture
def folder(tmp_path):
    """A folder with one good report (``good.txt``, findings RL114 and RL301) to put a hostile file next to."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.txt").write_text(good_report(), encoding="utf-8")
    return reports


def assert_good_file_checked(run: Run) -> None:
    """The good report's findings are all there, whatever happened to the other file."""
    codes = run.codes("good.txt")
    assert "RL114" in codes and "RL301" in codes, codes
