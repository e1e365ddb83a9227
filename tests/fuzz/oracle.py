"""What every fuzz input must satisfy, and the kinds of failure when it does not.

A report file (any format) must be checked to the end: no exception out of the
run, no rule failing on it (RL907), within its time and memory budgets (no
RL909, RL910, RL915), no loader failure other than a clear one (RL904 from the
catch-all counts as ``loader-crash``), and outputs that encode. A pack or a
config must load or be refused with a :class:`ConfigError`, nothing else.
"""

from __future__ import annotations

import re
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlint.core.config import ConfigError
from reportlint.run.containment import CheckStopped
from reportlint.run.results import FileResult

#: Seconds one in-process check may take before it counts as a timeout (the runner's default budget).
BUDGET = 20
_RULE_CODE = re.compile(r"\b([A-Z]{2,6}\d{2,4})（")


class _OverBudget(CheckStopped):
    """The check ran past its budget (raised by the timer, passed through rule containment)."""


def _expired(signum, frame):
    raise _OverBudget


@contextmanager
def budget(seconds: float = BUDGET) -> Iterator[None]:
    """Raise :class:`_OverBudget` inside the block after ``seconds`` (main thread only)."""
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def failures_of(result: FileResult) -> list[str]:
    """The failure kinds a file's result shows (empty: the file was handled as it should be)."""
    kinds = []
    for diagnostic in result.diagnostics:
        if diagnostic.code == "RL907":
            found = _RULE_CODE.search(diagnostic.message)
            kinds.append("reader-error" if "模板阅读出错" in diagnostic.message else f"rule-error {found.group(1) if found else '?'}")
        elif diagnostic.code == "RL909":
            kinds.append("timeout")
        elif diagnostic.code == "RL910":
            kinds.append("memory")
        elif diagnostic.code == "RL915":
            kinds.append("crash")
        elif diagnostic.code == "RL904" and diagnostic.message.startswith("读取文件时出错"):
            kinds.append("loader-crash " + diagnostic.message.split("：", 1)[-1].split(":", 1)[0])
    try:
        for diagnostic in result.diagnostics:
            diagnostic.message.encode("utf-8")
        result.path.encode("utf-8")
    except UnicodeEncodeError:
        kinds.append("unencodable")
    return kinds


def check_document(name: str, data: bytes) -> list[str]:
    """Lint one report in this process, under the time budget; its failure kinds."""
    from reportlint.core.config import Config
    from reportlint.run.limits import Limits
    from reportlint.run.linter import Linter
    from reportlint.run.options import RunOptions
    from reportlint.run.selection import build_rule_set
    from reportlint.sources import Source, detect_format

    path = Path(name)
    config = Config()
    linter = Linter(RunOptions(), Limits.unlimited())
    try:
        with budget():
            source = Source(path, name, data, detect_format(data, path.suffix.lower()))
            result = linter.lint_source(source, config, build_rule_set(config))
    except _OverBudget:
        return ["timeout"]
    except MemoryError:
        return ["memory"]
    except Exception as error:
        return [f"abort {type(error).__name__}"]
    return failures_of(result)


def check_pack(data: bytes, report: str) -> list[str]:
    """Load a pack (refused with a ConfigError, or loaded) and, when it loads, lint a report with its rules."""
    from reportlint.rules.packs import load_pack
    from reportlint.run.linter import lint_text

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.yaml"
        path.write_bytes(data)
        try:
            with budget():
                pack = load_pack(path)
                if not pack.rules:
                    return []
                diagnostics = lint_text(report, rules=list(pack.rules))
        except ConfigError:
            return []
        except _OverBudget:
            return ["timeout"]
        except Exception as error:
            return [f"abort {type(error).__name__}"]
    kinds = []
    for diagnostic in diagnostics:
        if diagnostic.code == "RL907":
            kinds.append("rule-error pack")
    return kinds


def check_config(data: bytes) -> list[str]:
    """Load a config and build its rule set: a Config or a ConfigError, nothing else."""
    from reportlint.run.config import load_config
    from reportlint.run.limits import Limits
    from reportlint.run.selection import build_rule_set

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reportlint.toml"
        path.write_bytes(data)
        try:
            with budget():
                config = load_config(path)
                build_rule_set(config)
                Limits.of(config)
        except ConfigError:
            return []
        except _OverBudget:
            return ["timeout"]
        except Exception as error:
            return [f"abort {type(error).__name__}"]
    return []
