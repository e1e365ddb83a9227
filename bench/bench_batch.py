"""Benchmark of the batch phase: batches of two-year reports, run time with and without it, its own time, peak memory.

Usage::

    python bench/bench_batch.py                        # 1,000 and 10,000 reports, -j 2
    python bench/bench_batch.py --counts 1000 --jobs 2 --keep /tmp/batches

For each count it writes a batch with :func:`reportlint.testing.reports.write_year_batch`
(half as many bodies, two consecutive years each, some across the 2019→2021
template switch; about 5 % of the bodies with each injected cross-document
defect: a carry-over error, a paragraph copied from another body, part 五
unchanged from last year, a wrong "较上年…" claim), then runs
``reportlint check`` on it twice in fresh processes:

* without the batch phase (``--ignore RL7``: no cross-document summaries, no batch rules);
* with it (the default).

It prints each run's wall time and CPU time (all processes; the best of
``--repeat`` alternated runs, since other load on the machine only ever adds
time), the batch phase's own time (measured inside the run), the peak memory of
all processes of the run
(the sum of their proportional set sizes, sampled every 50 ms; the sum of
resident sizes, which counts pages shared by the forked workers twice, in
brackets), the share the batch phase adds to the run time, and how many
injected defects the RL7 rules found.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]

#: Runs reportlint in the child process, timing the batch phase from inside.
DRIVER = """
import json, sys, time
import reportlint.run.runner as runner
from reportlint.run.options import RunOptions

spent = []
original = runner.batch_findings  # the batch rules on every summary (the runner's batch phase, less putting findings in place)

def timed(*args, **kwargs):
    started = time.perf_counter()
    try:
        return original(*args, **kwargs)
    finally:
        spent.append(time.perf_counter() - started)

runner.batch_findings = timed
directory, jobs, ignore = sys.argv[1], int(sys.argv[2]), tuple(sys.argv[3:])
run = runner.lint_paths([directory], RunOptions(isolated=True, jobs=jobs, ignore=ignore or None))
found = {}
for diagnostic in run.diagnostics:
    if diagnostic.code.startswith("RL7"):
        found.setdefault(diagnostic.code, []).append(diagnostic.path)
print(json.dumps({"files": len(run.files), "batch_seconds": sum(spent), "found": found}))
"""

#: Which rule finds each injected defect.
FINDERS = {"carry-over": "RL701", "copied-paragraph": "RL704", "unchanged-problems": "RL703", "wrong-change": "RL705"}


def _tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    found = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.extend(descendant for child_pid in child.read_text().split() for descendant in _tree(int(child_pid)))
        except (OSError, ValueError):
            continue
    return found


def _memory(pid: int) -> tuple[int, int]:
    """(proportional set size, resident set size) of a process in kB (0 when it is gone)."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


def measured_run(directory: Path, jobs: int, ignore: tuple[str, ...]) -> dict:
    """Run the driver on a directory; wall time, CPU time and peak memory of all its processes."""
    environment = {**os.environ, "REPORTLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(REPOSITORY_ROOT / "src")}
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(directory), str(jobs), *ignore], stdout=subprocess.PIPE, env=environment, text=True
    )
    peak = {"pss": 0, "rss": 0}

    def sample() -> None:
        while process.poll() is None:
            totals = [_memory(pid) for pid in _tree(process.pid)]
            peak["pss"] = max(peak["pss"], sum(pss for pss, _ in totals))
            peak["rss"] = max(peak["rss"], sum(rss for _, rss in totals))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    result = json.loads(output.strip().splitlines()[-1])
    return {**result, "wall": wall, "cpu": cpu, "peak_pss_mib": peak["pss"] / 1024, "peak_rss_mib": peak["rss"] / 1024}


def recall(injected: dict[str, list[str]], found: dict[str, list[str]]) -> str:
    """``carry-over 25/25`` … for each injected defect."""
    parts = []
    for defect, files in injected.items():
        hits = {Path(path).name for path in found.get(FINDERS[defect], [])}
        parts.append(f"{defect} {sum(1 for name in files if name in hits)}/{len(files)}")
    return "，".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Build the batches, run them with and without the batch phase, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000], help="batch sizes (reports)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the batches here and keep them (reused when already there)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each kind, alternated; the best is printed")
    arguments = parser.parse_args(argv)
    sys.path.insert(0, str(REPOSITORY_ROOT / "src"))
    from reportlint.testing.reports import write_year_batch

    root = arguments.keep or Path(tempfile.mkdtemp(prefix="reportlint-batch-"))
    for count in arguments.counts:
        directory = root / f"batch-{count}"
        manifest = root / f"batch-{count}.json"
        if not manifest.exists():
            directory.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            injected = write_year_batch(directory, count, seed=arguments.seed)
            manifest.write_text(json.dumps(injected, ensure_ascii=False), encoding="utf-8")
            print(f"{count} 份报告：生成用时 {time.perf_counter() - started:.0f} s")
        injected = json.loads(manifest.read_text(encoding="utf-8"))
        runs: dict[str, list[dict]] = {"without": [], "with": []}
        for _ in range(arguments.repeat):  # alternated, the best of each: other load on the machine only ever adds time
            runs["without"].append(measured_run(directory, arguments.jobs, ("RL7",)))
            runs["with"].append(measured_run(directory, arguments.jobs, ()))
        without = {key: min(run[key] for run in runs["without"]) for key in ("wall", "cpu", "peak_pss_mib", "peak_rss_mib")}
        with_batch = {
            key: min(run[key] for run in runs["with"]) for key in ("wall", "cpu", "peak_pss_mib", "peak_rss_mib", "batch_seconds")
        }
        found = runs["with"][-1]["found"]
        added_wall = (with_batch["wall"] - without["wall"]) / without["wall"]
        added_cpu = (with_batch["cpu"] - without["cpu"]) / without["cpu"]
        print(
            f"{count} 份报告（-j {arguments.jobs}，各运行 {arguments.repeat} 次取最好；机器负载 {os.getloadavg()[0]:.1f}）：\n"
            f"  不含跨文档检查：{without['wall']:.1f} s（CPU {without['cpu']:.1f} s），内存峰值 {without['peak_pss_mib']:.0f} MiB"
            f"（RSS 合计 {without['peak_rss_mib']:.0f} MiB）\n"
            f"  含跨文档检查：  {with_batch['wall']:.1f} s（CPU {with_batch['cpu']:.1f} s），内存峰值 {with_batch['peak_pss_mib']:.0f} MiB"
            f"（RSS 合计 {with_batch['peak_rss_mib']:.0f} MiB）\n"
            f"  其中批处理阶段 {with_batch['batch_seconds']:.2f} s；跨文档检查使总用时增加 {added_wall:+.1%}（CPU {added_cpu:+.1%}）\n"
            f"  发现的注入缺陷：{recall(injected, found)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
