"""Benchmark of the gazetteer and the RL4 place rules: cold load, scan and whole-family time per report, memory.

    python bench/bench_gazetteer.py [--seeds DIR] [--runs N]

Prints, each measured in fresh interpreters where it matters:

* cold load: ``import reportlint.places`` (which also runs reportlint/__init__.py),
  ``Gazetteer.default()``, and the first ``scan`` (which compiles the scanner);
* scan time per report over the seed reports (mean of ``--runs`` runs), also per
  6,000 characters, next to a scan keyed on each name's first two characters
  (the alternative design) for comparison;
* the whole RL4 family per report: the place analysis (:mod:`reportlint.places.analysis`:
  scan, subject resolution, every mention judged) plus the five RL4 rules, on a
  report whose template reading is already done (that cost belongs to the
  reader, not to RL4), and the first report of a fresh interpreter, which also
  loads the gazetteer;
* memory: what the loaded gazetteer keeps and its peak while loading (tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = REPOSITORY_ROOT / "src"
DEFAULT_SEEDS = REPOSITORY_ROOT.parent / "shared" / "seeds"
REPORT_SIZE = 6000  # characters: the size the performance target is stated for

COLD_LOAD_PROBE = """
import json, time
started = time.perf_counter()
import reportlint.places as gazetteer
imported = time.perf_counter()
loaded = gazetteer.Gazetteer.default()
defaulted = time.perf_counter()
loaded.scan("原州区官厅镇人民政府2020年政府信息公开工作年度报告")
scanned = time.perf_counter()
print(json.dumps({"import": imported - started, "default": defaulted - imported, "first_scan": scanned - defaulted}))
"""

MEMORY_PROBE = """
import json, tracemalloc
import reportlint.places as gazetteer
tracemalloc.start()
loaded = gazetteer.Gazetteer.default()
after_load = tracemalloc.get_traced_memory()
loaded.scan("原州区官厅镇人民政府2020年政府信息公开工作年度报告")
loaded.get("620522100")
after_scan = tracemalloc.get_traced_memory()
print(json.dumps({"load": after_load, "ready": after_scan}))
"""


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="directory of report .txt files")
    parser.add_argument("--runs", type=int, default=300, help="scan runs per report")
    parser.add_argument("--cold-runs", type=int, default=7, help="fresh interpreters for the cold load")
    arguments = parser.parse_args(argv)

    print_cold_load(arguments.cold_runs)
    print_memory()
    reports = sorted(arguments.seeds.glob("*.txt")) if arguments.seeds.is_dir() else []
    if reports:
        print_scan_times(reports, arguments.runs)
        print_place_rule_times(reports, arguments.runs, arguments.cold_runs)
    else:
        print(f"scan: no reports in {arguments.seeds}; pass --seeds DIR")
    return 0


FIRST_REPORT_PROBE = """
import json, sys, time
from pathlib import Path
from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.selection import build_rule_set
from reportlint.core.report import Report
from reportlint.rules.rl4_places import reportlint_rules
from reportlint.sources import read_source
path = Path(sys.argv[1])
config = Config()
rule_set = build_rule_set(config)
report = rule_set.registry.report(load_document(read_source(path), rule_set.registry), config, path)
report.reading
rules = [rule() for rule in reportlint_rules()]
started = time.perf_counter()
found = [diagnostic for rule in rules for diagnostic in rule.check(report)]
print(json.dumps({"first_report": time.perf_counter() - started}))
"""


def run_probe(probe: str, *arguments: str) -> dict:
    """Run a probe script in a fresh interpreter that imports reportlint from this checkout."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SOURCE_DIR), os.environ.get("PYTHONPATH")])))
    result = subprocess.run([sys.executable, "-c", probe, *arguments], check=True, capture_output=True, text=True, env=environment)
    return json.loads(result.stdout)


def print_cold_load(runs: int) -> None:
    """Median and best of several fresh interpreters."""
    samples = [run_probe(COLD_LOAD_PROBE) for _ in range(runs)]
    print(f"cold load ({runs} fresh interpreters, median / best):")
    for key, label in [
        ("import", "import reportlint.places (incl. reportlint/__init__)"),
        ("default", "Gazetteer.default()"),
        ("first_scan", "first scan (compiles the scanner)"),
    ]:
        values = [sample[key] * 1000 for sample in samples]
        print(f"  {label:<58} {statistics.median(values):7.1f} ms / {min(values):7.1f} ms")


def print_memory() -> None:
    """Memory the loaded gazetteer keeps, and the peak while loading."""
    figures = run_probe(MEMORY_PROBE)
    print("memory (tracemalloc):")
    for label, (current, peak) in [
        ("after Gazetteer.default()", figures["load"]),
        ("after first scan and first get()", figures["ready"]),
    ]:
        print(f"  {label:<36} {current / 2**20:6.1f} MiB kept, {peak / 2**20:6.1f} MiB peak")


def print_scan_times(reports: list[Path], runs: int) -> None:
    """Mean scan time per report with the shipped scanner and with a first-two-characters index."""
    sys.path.insert(0, str(SOURCE_DIR))
    from reportlint.places import Gazetteer

    gazetteer = Gazetteer.default()
    texts = [path.read_text(encoding="utf-8") for path in reports]
    prefix_scan = first_two_characters_scan(gazetteer)
    print(f"scan ({len(texts)} reports, {runs} runs each, mean):")
    for label, scan in [
        ("Gazetteer.scan (suffix-anchored, with context rules)", gazetteer.scan),
        ("first-two-characters index, no context rules", prefix_scan),
    ]:
        per_report, per_size = [], []
        for text in texts:
            scan(text)
            started = time.perf_counter()
            for _ in range(runs):
                scan(text)
            seconds = (time.perf_counter() - started) / runs
            per_report.append(seconds)
            per_size.append(seconds * REPORT_SIZE / len(text))
        print(
            f"  {label:<58} {statistics.mean(per_report) * 1e6:7.0f} µs per report,"
            f" {statistics.mean(per_size) * 1e6:5.0f} µs per {REPORT_SIZE} characters"
        )
    sizes = ", ".join(f"{path.name[:3]}: {len(text)}" for path, text in zip(reports, texts, strict=True))
    print(f"  report sizes in characters: {sizes}")


def print_place_rule_times(reports: list[Path], runs: int, cold_runs: int) -> None:
    """Mean time of the whole RL4 family per report (analysis + five rules), and the cold first report."""
    sys.path.insert(0, str(SOURCE_DIR))
    from reportlint.core.config import Config
    from reportlint.places.analysis import analyse
    from reportlint.rules.rl4_places import reportlint_rules
    from reportlint.run.linter import load_document
    from reportlint.run.selection import build_rule_set
    from reportlint.sources import read_source

    config = Config()
    rule_set = build_rule_set(config)
    rules = [rule() for rule in reportlint_rules()]

    def fresh_report(document, reading, path):
        """A new Report (so the place analysis is recomputed) that reuses an existing template reading."""
        report = rule_set.registry.report(document, config, path)
        report.__dict__["reading"] = reading  # what cached_property stores: the reader's cost is not RL4's
        return report

    print(f"RL4 family ({len(reports)} reports, {runs} runs each, mean; template reading done beforehand):")
    analysis_times, family_times, counts = [], [], []
    for path in reports:
        document = load_document(read_source(path), rule_set.registry)
        reading = rule_set.registry.report(document, config, path).reading
        counts.append(sum(1 for rule in rules for _ in rule.check(fresh_report(document, reading, path))))
        started = time.perf_counter()
        for _ in range(runs):
            analyse(fresh_report(document, reading, path))
        analysis_times.append((time.perf_counter() - started) / runs)
        started = time.perf_counter()
        for _ in range(runs):
            report = fresh_report(document, reading, path)
            for rule in rules:
                list(rule.check(report))
        family_times.append((time.perf_counter() - started) / runs)
    print(f"  {'place analysis (scan, subject, every mention judged)':<58} {statistics.mean(analysis_times) * 1e6:7.0f} µs per report")
    print(f"  {'whole RL4 family (analysis + RL401–RL405)':<58} {statistics.mean(family_times) * 1e6:7.0f} µs per report")
    print(f"  slowest report: {max(family_times) * 1e6:.0f} µs; findings per report: {counts}")
    samples = [run_probe(FIRST_REPORT_PROBE, str(reports[0]))["first_report"] * 1000 for _ in range(cold_runs)]
    print(
        f"  {'first report in a fresh interpreter (loads the gazetteer)':<58}"
        f" {statistics.median(samples):7.1f} ms / {min(samples):7.1f} ms (median / best)"
    )


def first_two_characters_scan(gazetteer):
    """The alternative design, for comparison only: names indexed by their first two characters."""
    lengths_by_start: dict[str, set[int]] = {}
    names = gazetteer._name_index  # every official name
    for name in names:
        lengths_by_start.setdefault(name[:2], set()).add(len(name))
    ordered = {start: sorted(lengths, reverse=True) for start, lengths in lengths_by_start.items()}

    def scan(text: str) -> list[tuple[int, int]]:
        found, position = [], 0
        while position < len(text) - 1:
            for length in ordered.get(text[position : position + 2], ()):
                if text[position : position + length] in names:
                    found.append((position, position + length))
                    position += length - 1
                    break
            position += 1
        return found

    return scan


if __name__ == "__main__":
    sys.exit(main())
