"""Benchmark: generate a corpus of realistic reports with controlled defects and print throughput and memory.

Usage::

    python bench/bench_lint.py                 # 400 reports, every layout, default jobs
    python bench/bench_lint.py --count 2000 --jobs 2 --keep /tmp/corpus

Prints: corpus generation time, the wall time of ``reportlint check`` on one
text file (the pre-commit case, a fresh process), single-process throughput
(reports per second, milliseconds per report by stage), multi-process
throughput through ``lint_paths``, and peak memory (tracemalloc in this
process, max RSS of the pool).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from reportlint.core.config import Config
from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths
from reportlint.testing.reports import write_batch


def single_file_cli(path: Path) -> list[float]:
    """Wall time of ``reportlint check FILE`` in a fresh process (five runs)."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportlint", "check", "--exit-zero", str(path)], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def stage_times(files: list[Path]) -> dict[str, float]:
    """Mean milliseconds per report for loading, reading the template and running all rules."""
    from reportlint.run.linter import load_document
    from reportlint.run.selection import build_rule_set
    from reportlint.sources import read_source

    config = Config()
    rule_set = build_rule_set(config)
    totals = {"load": 0.0, "read": 0.0, "rules": 0.0}
    for path in files:
        start = time.perf_counter()
        document = load_document(read_source(path), rule_set.registry)
        loaded = time.perf_counter()
        report = rule_set.registry.report(document, config, path)
        _ = report.reading
        read = time.perf_counter()
        for rule in rule_set.rules:
            list(rule.check(report) or ())
        done = time.perf_counter()
        totals["load"] += loaded - start
        totals["read"] += read - loaded
        totals["rules"] += done - read
    return {stage: 1000 * value / len(files) for stage, value in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400, help="how many reports to generate")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    arguments = parser.parse_args()
    os.environ.setdefault("REPORTLINT_DISABLE_PLUGIN_AUTOLOAD", "1")

    directory = arguments.keep or Path(tempfile.mkdtemp(prefix="reportlint-corpus-"))
    directory.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    kinds = write_batch(directory, arguments.count, arguments.seed)
    files = sorted(directory.iterdir())
    size = sum(path.stat().st_size for path in files)
    print(f"语料：{len(files)} 份报告，{size / 1024 / 1024:.1f} MiB，生成用时 {time.perf_counter() - start:.1f} s；缺陷分布 {kinds}")

    single = single_file_cli(next(path for path in files if path.suffix == ".txt"))
    print(
        f"单个文本文件 reportlint check（新进程，含启动）：中位数 {statistics.median(single) * 1000:.0f} ms，最快 {min(single) * 1000:.0f} ms"
    )

    sample = files[: min(200, len(files))]
    stage_times(sample[:5])  # warm-up: registry, templates, gazetteer
    stages = stage_times(sample)
    tracemalloc.start()  # a second pass for memory: tracemalloc slows the code it watches
    stage_times(sample[:50])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    total = sum(stages.values())
    print(
        f"单进程（{len(sample)} 份）：每份 {total:.1f} ms（读取 {stages['load']:.1f}，模板阅读 {stages['read']:.1f}，全部规则 {stages['rules']:.1f}），"
        f"约 {1000 / total:.0f} 份/秒；Python 内存峰值 {peak / 1024 / 1024:.1f} MiB"
    )

    start = time.perf_counter()
    run = lint_paths([str(directory)], RunOptions(jobs=arguments.jobs))
    elapsed = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"lint_paths（{arguments.jobs} 个进程，{len(run.files)} 份）：{elapsed:.2f} s，{len(run.files) / elapsed:.0f} 份/秒，"
        f"{len(run.diagnostics)} 个问题；最大常驻内存：主进程 {own:.0f} MiB，子进程 {children:.0f} MiB"
    )
    if arguments.keep is None:
        shutil.rmtree(directory)


if __name__ == "__main__":
    main()
