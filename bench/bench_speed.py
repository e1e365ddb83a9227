"""Speed benchmark: one report in a fresh process, batches of text, Word and web reports, cold and cached, against the floor.

Usage::

    python bench/bench_speed.py                          # everything (about 15 minutes on 2 cores)
    python bench/bench_speed.py --quick                  # 100 text reports, 50 of each other kind, 1×/10× lengths
    python bench/bench_speed.py --only text1000 --repeat 5
    python bench/bench_speed.py --pythonpath /old/checkout/src --results /tmp/old   # another version of reportlint
    python bench/bench_speed.py --baseline /old/checkout/src   # before and after, each run right after the other

The corpora are built once with the sample builder (:mod:`reportlint.testing.reports`) under
``--work`` (default: the system's temporary directory) and reused: 100, 1,000 and 10,000 text
reports (``.txt`` in every text layout, with the batch's defect mix), 500 ``.docx`` and 500
``.html`` reports, and one report at 1×, 10× and 100× the usual length (its prose sections
repeated with other wording). Every case runs ``reportlint check`` in a fresh process with
``-f json -o …`` — with ``-j 1`` and ``-j 2``, cold (an empty cache) and cached (the same
files again) — and the floor script (``bench/floor.py``: read, decode, one regex pass).

The machine is shared, so the table leads with CPU time (the process and all its workers),
which load on other cores hardly changes; wall time and reports per second are printed too,
and the load average before and after. Peak memory is the largest sum of the resident sizes
of reportlint's process and its workers, sampled every 20 ms. Each run's JSON output is kept
under ``--results``; runs of one corpus must agree (``-j 1`` = ``-j 2`` = cached), and
``--compare DIR`` checks them against the JSON of another version's results.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE = os.sysconf("SC_PAGE_SIZE")
TEXT_LAYOUTS = ("tabs", "cells", "tab-cells", "pipes", "spaces")


# --------------------------------------------------------------------------- corpora


def _sample(number: int, seed: int):
    """The ``number``-th report of a batch: template, year, body and defects drawn as ``write_batch`` draws them."""
    from reportlint.testing.reports import DEFECTS, SUBJECTS, SampleReport

    rng = random.Random(f"{seed}|{number}")
    template, year = rng.choice((("T2019", 2020), ("T2021", 2021), ("T2021", 2022)))
    report = SampleReport.build(template, year, subject=rng.choice(SUBJECTS), seed=number)
    if rng.random() >= 1 / 6:
        for name in rng.sample(sorted(DEFECTS), rng.randint(1, 2)):
            try:
                report = DEFECTS[name](report)
            except ValueError:
                continue
    return report, rng


def build_text(directory: Path, count: int, seed: int) -> None:
    """``count`` text reports in the text layouts of the sample builder."""
    from reportlint.testing.reports import render

    for number in range(count):
        report, rng = _sample(number, seed)
        (directory / f"r{number:05d}.txt").write_text(render(report, rng.choice(TEXT_LAYOUTS)), encoding="utf-8")


def build_html(directory: Path, count: int, seed: int) -> None:
    """``count`` web pages with real tables."""
    from reportlint.testing.reports import render_html

    for number in range(count):
        report, _ = _sample(number, seed)
        (directory / f"r{number:05d}.html").write_text(render_html(report), encoding="utf-8")


def build_docx(directory: Path, count: int, seed: int) -> None:
    """``count`` Word files with merged cells (python-docx writes them)."""
    from reportlint.testing.reports import write_docx

    for number in range(count):
        report, _ = _sample(number, seed)
        write_docx(report, directory / f"r{number:05d}.docx")


def build_long(directory: Path, factor: int, seed: int) -> None:
    """One report whose prose sections hold ``factor`` times the usual paragraphs, each copy worded anew."""
    from types import MappingProxyType

    from reportlint.testing.reports import SampleReport, render

    base = SampleReport.build("T2021", 2021, seed=seed)
    sections = {section: list(paragraphs) for section, paragraphs in base.sections.items()}
    for copy in range(1, factor):
        other = SampleReport.build("T2021", 2021, seed=seed + copy)
        for section, paragraphs in other.sections.items():
            sections[section].extend(paragraphs)
    report = SampleReport(**{**base.__dict__, "sections": MappingProxyType({key: tuple(value) for key, value in sections.items()})})
    (directory / f"long{factor:03d}.txt").write_text(render(report, "tabs"), encoding="utf-8")


@dataclass(frozen=True)
class Corpus:
    """A folder of reports the benchmark builds once."""

    name: str
    build: object
    count: int
    kind: str  # batch or length

    def path(self, work: Path, seed: int) -> Path:
        return work / f"{self.name}-s{seed}"

    def ensure(self, work: Path, seed: int) -> Path:
        directory = self.path(work, seed)
        done = directory / ".complete"
        if done.exists():
            return directory
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        start = time.perf_counter()
        self.build(directory, self.count, seed)  # type: ignore[operator]
        done.write_text("ok", encoding="utf-8")
        print(f"  built {self.name} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        return directory


CORPORA = {
    "text100": Corpus("text100", build_text, 100, "batch"),
    "text1000": Corpus("text1000", build_text, 1000, "batch"),
    "text10000": Corpus("text10000", build_text, 10000, "batch"),
    "docx500": Corpus("docx500", build_docx, 500, "batch"),
    "html500": Corpus("html500", build_html, 500, "batch"),
    "long1": Corpus("long1", build_long, 1, "length"),
    "long10": Corpus("long10", build_long, 10, "length"),
    "long100": Corpus("long100", build_long, 100, "length"),
}
QUICK = {
    "text100": Corpus("text100", build_text, 100, "batch"),
    "docx50": Corpus("docx50", build_docx, 50, "batch"),
    "html50": Corpus("html50", build_html, 50, "batch"),
    "long1": CORPORA["long1"],
    "long10": CORPORA["long10"],
}


# --------------------------------------------------------------------------- measuring


def _children(pid: int) -> list[int]:
    """The process and all its descendants (from /proc's parent ids)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry))
    tree, queue = [], [pid]
    while queue:
        current = queue.pop()
        tree.append(current)
        queue.extend(parents.get(current, ()))
    return tree


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE
    except OSError:
        return 0


def _pss(pid: int) -> int:
    """The proportional set size of a process (pages shared with other processes counted by share), 0 where unknown."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler(threading.Thread):
    """The peak of the summed resident size of a process tree, sampled every 20 ms, and of its summed PSS, every 100 ms.

    Resident sizes count the pages a forked worker still shares with the main
    process once in each; the proportional set size divides them between the
    processes that share them, so its sum is the memory the run takes in all.
    Reading it walks the page tables, hence the slower sampling.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.peak_pss = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        tick = 0
        while not self.stopped.wait(0.02):
            tree = _children(self.pid)
            self.peak = max(self.peak, sum(_rss(pid) for pid in tree))
            tick += 1
            if tick % 5 == 0:
                self.peak_pss = max(self.peak_pss, sum(_pss(pid) for pid in tree))


@dataclass
class Measure:
    """One timed run of a command: wall seconds, CPU seconds of the process and its children, peak bytes (resident, proportional)."""

    wall: float
    cpu: float
    peak: int
    output: str = ""
    peak_pss: int = 0


def measure(command: list[str], env: dict[str, str], cwd: Path) -> Measure:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = MemorySampler(process.pid)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - start
    sampler.stopped.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr.decode(errors='replace')[-3000:]}")
    peak = max(sampler.peak, after.ru_maxrss * 1024 if sampler.peak == 0 else 0)
    return Measure(wall, cpu, peak, stdout.decode(errors="replace"), sampler.peak_pss)


def median(values: list[Measure]) -> Measure:
    return Measure(
        statistics.median(item.wall for item in values),
        statistics.median(item.cpu for item in values),
        max(item.peak for item in values),
        peak_pss=max(item.peak_pss for item in values),
    )


# --------------------------------------------------------------------------- the runs


@dataclass
class Row:
    case: str
    files: int
    how: str
    measure: Measure
    floor_cpu: float | None = None
    notes: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        m = self.measure
        per = m.cpu / self.files * 1000
        ratio = f"{per / (self.floor_cpu / self.files * 1000):.1f}×" if self.floor_cpu else ""
        return [
            self.case,
            str(self.files),
            self.how,
            f"{m.wall:.2f}",
            f"{self.files / m.wall:.0f}",
            f"{per:.2f}",
            ratio,
            f"{m.peak / 2**20:.0f}",
            f"{m.peak_pss / 2**20:.0f}" if m.peak_pss else "",
        ]


HEADER = ["case", "reports", "run", "wall s", "reports/s", "CPU ms/report", "× floor", "peak MB", "peak PSS MB"]


def print_table(rows: list[Row]) -> None:
    table = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in table) for column in range(len(HEADER))]
    for index, line in enumerate(table):
        print(
            "  ".join(
                cell.rjust(width) if column else cell.ljust(width) for column, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))
    sys.stdout.flush()


def _findings(path: Path) -> list:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["files"]


@dataclass
class Version:
    """A reportlint to measure: its label, environment, whether it has a result cache, and where its JSON goes."""

    label: str
    env: dict[str, str]
    has_cache: bool
    results: Path


def _version(label: str, python: str, pythonpath: str | None, results: Path) -> Version:
    env = {**os.environ, "REPORTLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONHASHSEED": "0"}
    # An installed reportlint has its bytecode compiled (pip does it): measure it so, whatever this shell says.
    # Without bytecode every fresh process compiles all of reportlint's sources again (about 0.1 s of the start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(results.parent / f"pycache-{label or 'current'}")
    if pythonpath:
        env["PYTHONPATH"] = str(Path(pythonpath).resolve())
    help_text = subprocess.run([python, "-m", "reportlint", "check", "--help"], env=env, capture_output=True, text=True, check=False).stdout
    version = subprocess.run([python, "-m", "reportlint", "--version"], env=env, capture_output=True, text=True, check=False)
    results.mkdir(parents=True, exist_ok=True)
    has_cache = "--no-cache" in help_text
    print(
        f"{label}: {version.stdout.strip()} from {pythonpath or 'the current environment'} ({'with' if has_cache else 'without'} a result cache)"
    )
    return Version(label, env, has_cache, results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "reportlint-bench", help="where the corpora are built and kept"
    )
    parser.add_argument("--results", type=Path, help="where each run's JSON output is kept (default: WORK/results)")
    parser.add_argument("--compare", type=Path, help="another results folder: check that every run's findings are the same")
    parser.add_argument("--pythonpath", help="run the reportlint found on this path (another checkout's src/)")
    parser.add_argument(
        "--baseline", help="also run the reportlint found on this path (an older checkout's src/), each run right before the current one's"
    )
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs reportlint and the floor")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is printed); 1 for 10,000 reports")
    parser.add_argument("--single", type=int, default=11, help="runs of the one-report case")
    parser.add_argument("--only", action="append", help="run only these corpora (repeatable), or 'one' for the one-report case")
    parser.add_argument("--large-jobs", default="1,2", help="the -j values for corpora of 5,000 reports or more (default 1,2)")
    parser.add_argument("--quick", action="store_true", help="small corpora, for a quick look")
    arguments = parser.parse_args()

    work = arguments.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    results = (arguments.results or work / "results").resolve()
    versions = []
    if arguments.baseline:
        versions.append(_version("before", arguments.python, arguments.baseline, results / "before"))
    versions.append(
        _version(
            "after" if arguments.baseline else "",
            arguments.python,
            arguments.pythonpath,
            results / "current" if arguments.baseline else results,
        )
    )
    corpora = QUICK if arguments.quick else CORPORA
    wanted = arguments.only or ["one", *corpora]
    large_jobs = {int(value) for value in arguments.large_jobs.split(",")}
    print(f"load average {os.getloadavg()}; {os.cpu_count()} CPUs")

    rows: list[Row] = []
    mismatches: list[str] = []
    if "one" in wanted:
        corpus = CORPORA["long1"].ensure(work, arguments.seed)
        one = next(corpus.glob("*.txt"))
        runs: dict[str, list[Measure]] = {version.label: [] for version in versions}
        commands = {}
        for version in versions:
            command = [arguments.python, "-m", "reportlint", "check", "--isolated", "--exit-zero", one.name]
            commands[version.label] = [*command, "--no-cache"] if version.has_cache else command
            measure(commands[version.label], version.env, corpus)  # warm the file system and the user cache of shipped data
        for _ in range(arguments.single):
            for version in versions:
                runs[version.label].append(measure(commands[version.label], version.env, corpus))
        for version in versions:
            row = Row("one report (fresh process)", 1, f"{version.label} -j 1".strip(), median(runs[version.label]))
            rows.append(row)
            walls = [run.wall for run in runs[version.label]]
            print(
                f"one report {version.label}: wall median {row.measure.wall * 1000:.0f} ms (min {min(walls) * 1000:.0f}), CPU median {row.measure.cpu * 1000:.0f} ms"
            )

    for name, corpus in corpora.items():
        if name not in wanted:
            continue
        directory = corpus.ensure(work, arguments.seed)
        files = sum(1 for path in directory.iterdir() if not path.name.startswith("."))
        repeat = 1 if files >= 5000 else arguments.repeat
        floor = median([measure([arguments.python, str(HERE / "floor.py"), "."], versions[-1].env, directory) for _ in range(repeat)])
        label = name
        if corpus.kind == "length":
            characters = sum(len(path.read_text(encoding="utf-8")) for path in directory.glob("*.txt"))
            label = f"{name} ({characters:,} chars)"
        rows.append(Row(label, files, "floor", floor, floor.cpu))
        plans = [("-j 1", 1, "cold"), ("-j 2", 2, "cold"), ("-j 1", 1, "cached"), ("-j 2", 2, "cached")]
        if corpus.kind == "length":
            plans = [("-j 1", 1, "cold")]
        if files >= 5000:
            plans = [plan for plan in plans if plan[1] in large_jobs]
        outputs: dict[str, list[Path]] = {version.label: [] for version in versions}
        for how, jobs, mode in plans:
            taking = [version for version in versions if mode == "cold" or version.has_cache]
            runs = {version.label: [] for version in taking}
            for _ in range(repeat):
                for version in taking:  # the versions one after the other, so both see the same load
                    output = version.results / f"{name}-j{jobs}-{mode}.json"
                    cache = work / f"cache-{version.label or 'current'}-{name}-j{jobs}"
                    command = [arguments.python, "-m", "reportlint", "check", "--isolated", "--exit-zero", "--no-progress", "-j", str(jobs)]
                    command += ["-f", "json", "-o", str(output), "."]
                    if version.has_cache:
                        command += ["--cache-dir", str(cache)]
                    if mode == "cold":
                        shutil.rmtree(cache, ignore_errors=True)
                    elif not cache.exists():
                        measure(command, version.env, directory)
                    runs[version.label].append(measure(command, version.env, directory))
                    if output not in outputs[version.label]:
                        outputs[version.label].append(output)
            for version in taking:
                rows.append(Row(label, files, f"{version.label} {how} {mode}".strip(), median(runs[version.label]), floor.cpu))
                print(f"  {name} {version.label} {how} {mode}: {rows[-1].cells()[3:]}", file=sys.stderr)
        for version in versions:
            first = _findings(outputs[version.label][0])
            for other in outputs[version.label][1:]:
                if _findings(other) != first:
                    mismatches.append(f"{other} differs from {outputs[version.label][0]}")
        if len(versions) == 2 and _findings(outputs[versions[0].label][0]) != _findings(outputs[versions[1].label][0]):
            mismatches.append(f"{name}: the two versions' findings differ")
        if arguments.compare:
            theirs = arguments.compare / outputs[versions[-1].label][0].name
            if theirs.exists() and _findings(theirs) != _findings(outputs[versions[-1].label][0]):
                mismatches.append(f"{outputs[versions[-1].label][0]} differs from {theirs}")

    print()
    print_table(rows)
    print()
    print(f"load average after: {os.getloadavg()}")
    for mismatch in mismatches:
        print(f"MISMATCH: {mismatch}")
    if not mismatches:
        print("findings: every run of a corpus gave the same JSON" + (", in both versions" if len(versions) == 2 else ""))


if __name__ == "__main__":
    main()
