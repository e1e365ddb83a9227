"""``--timings``: where a run's time goes, per stage and per rule, so plugin authors see what their rules cost.

Each file's result carries its own measurements (seconds by name: ``stage:…``
for reading the file, loading it, the template reading and the place analysis,
``rule:CODE`` for each rule, the shared analyses a rule triggers excluded, and
``stage:summary`` for what batch rules compare of it), so they travel back from
worker processes with the result; the run adds its own stages (start-up,
discovery, cache look-ups, the batch phase as ``stage:batch`` with each batch
rule as ``batch:CODE`` inside it, output). :func:`timing_lines`
renders the table printed on stderr.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

#: Stage names, in the order the table lists them, with their Chinese labels.
STAGES = {
    "startup": "启动（配置、插件、规则）",
    "discover": "查找文件",
    "cache": "查缓存",
    "source": "读取文件",
    "load": "解析格式",
    "reading": "模板阅读",
    "places": "地名分析",
    "rules": "规则合计",
    "summary": "跨文档摘要",
    "batch": "跨文档检查（批处理阶段）",
    "output": "输出",
}


class Stopwatch:
    """Accumulates seconds by name; nested measurements are subtracted from the enclosing one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._stack: list[list[float]] = []

    @contextmanager
    def measure(self, name: str) -> Iterator[None]:
        """Time the block as ``name``, less the time of measurements nested inside it."""
        frame = [time.perf_counter(), 0.0]
        self._stack.append(frame)
        try:
            yield
        finally:
            self._stack.pop()
            elapsed = time.perf_counter() - frame[0]
            self.seconds[name] = self.seconds.get(name, 0.0) + elapsed - frame[1]
            if self._stack:
                self._stack[-1][1] += elapsed

    def take(self) -> dict[str, float]:
        """The measurements so far, and start afresh."""
        taken = dict(self.seconds)
        self.seconds.clear()
        return taken


def total(measurements: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Seconds by name over many files."""
    summed: dict[str, float] = {}
    for measurement in measurements:
        for name, seconds in measurement.items():
            summed[name] = summed.get(name, 0.0) + seconds
    return summed


def _padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (CJK characters take two)."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - columns)


def timing_lines(seconds: Mapping[str, float], files: int, wall: float) -> list[str]:
    """The ``--timings`` table: stages, then every rule by cost, with milliseconds in all and per report."""
    per = max(files, 1)
    rules = {name.removeprefix("rule:"): value for name, value in seconds.items() if name.startswith("rule:")}
    stages = {name.removeprefix("stage:"): value for name, value in seconds.items() if name.startswith("stage:")}
    stages["rules"] = sum(rules.values())
    # batch rules are part of the batch phase's time: listed with the rules, not added to 规则合计
    rules.update({f"{name.removeprefix('batch:')} 跨文档": value for name, value in seconds.items() if name.startswith("batch:")})
    lines = [f"用时（{files} 份报告，总计 {wall * 1000:.0f} ms）/ timings:", f"  {_padded('阶段 stage', 28)} {'ms':>10} {'ms/report':>10}"]
    for stage, label in STAGES.items():
        if stage in stages:
            lines.append(f"  {_padded(label, 28)} {stages[stage] * 1000:>10.1f} {stages[stage] * 1000 / per:>10.2f}")
    measured = sum(rules.values())
    lines.append(f"  {_padded('规则 rule', 28)} {'ms':>10} {'ms/report':>10} {'share':>6}")
    for code, value in sorted(rules.items(), key=lambda item: (-item[1], item[0])):
        share = value / measured * 100 if measured else 0.0
        lines.append(f"  {_padded(code, 28)} {value * 1000:>10.1f} {value * 1000 / per:>10.3f} {share:>5.1f}%")
    return lines
