"""Long fuzzing runs: many mutated inputs per format, checked by real runs, with a report of failures by kind.

Usage::

    python bench/fuzz.py                          # 10,000 inputs per format, 2 workers
    python bench/fuzz.py --count 500 --formats text,docx --keep-failures /tmp/fuzz-failures
    python bench/fuzz.py --json fuzz.json         # the counts as JSON too

Reports (text, HTML, .docx, PDF) are written in batches and checked by
``lint_paths`` with the default budgets, in supervised workers, exactly as
``reportlint check`` runs; packs and configs are loaded in this process.
Failure kinds (see ``tests/fuzz/oracle.py``): ``abort`` (an exception out of
the run), ``rule-error RLxxx`` (a rule failed on the input: RL907),
``reader-error``, ``timeout`` (RL909), ``memory`` (RL910), ``crash`` (RL915),
``loader-crash`` (a loader failed in a way it did not foresee: RL904 from the
catch-all), ``unencodable`` and ``cache-mismatch`` (each batch runs with a result
cache, as users' runs do, then again reading every result back from it: a file
whose findings differ between the two). A file that runs out of time in a batch is
checked again alone: within its budget then, it counts as ``timeout under
load`` (the machine was busy), not as ``timeout``. Every failing input is kept with
``--keep-failures`` to reproduce it. The closing table gives, per format, the
inputs checked and the failures by kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.fuzz: the mutators the test suite uses

from tests.fuzz import mutators, oracle

from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths

DOCUMENTS = ("text", "html", "docx", "pdf")


def fuzz_documents(fmt: str, count: int, rng: random.Random, jobs: int, batch: int, keep: Path | None) -> Counter:
    """Check ``count`` mutated reports of one format, ``batch`` files per run; failures by kind."""
    failures: Counter = Counter()
    done = 0
    while done < count:
        size = min(batch, count - done)
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{fmt}-") as folder:
            samples = {}
            for number in range(done, done + size):
                sample = mutators.sample(fmt, rng.randrange(100), mutators.random_mutations(rng), rng.randrange(100))
                path = mutators.write(sample, Path(folder), number)
                samples[path.name] = path
            options = RunOptions(jobs=jobs, isolated=True, cache_dir=tempfile.mkdtemp(prefix=f"fuzz-cache-{fmt}-"))
            try:
                run = lint_paths([folder], options)
                again = lint_paths([folder], options)  # every result read back from the cache the first run wrote
            except Exception as error:  # the whole batch aborted: find the input one run at a time
                failures.update(_abort(samples, keep, fmt, error))
            else:
                for name in _differing(run, again):
                    failures["cache-mismatch"] += 1
                    _keep(keep, fmt, "cache-mismatch", samples.get(name))
                checked = {Path(result.path).name for result in run.files}
                for missing in set(samples) - checked:
                    failures["lost"] += 1
                    _keep(keep, fmt, "lost", samples[missing])
                for result in run.files:
                    for kind in oracle.failures_of(result):
                        if kind == "timeout" and _fast_alone(samples[Path(result.path).name], jobs):
                            kind = "timeout under load"  # within its budget when checked alone: the machine was busy
                        failures[kind] += 1
                        _keep(keep, fmt, kind, samples.get(Path(result.path).name))
            shutil.rmtree(options.cache_dir or "", ignore_errors=True)
        done += size
        print(f"  {fmt}: {done}/{count}，失败 {sum(failures.values())}", file=sys.stderr, flush=True)
    return failures


def _differing(first: Any, second: Any) -> list[str]:
    """The names of the files whose findings differ between two runs (the second from the first's cache)."""

    def findings(run: Any) -> dict[str, list[tuple]]:
        return {
            Path(result.path).name: [(item.code, item.start, item.end, item.location, item.message) for item in result.diagnostics]
            for result in run.files
        }

    before, after = findings(first), findings(second)
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def _fast_alone(path: Path, jobs: int) -> bool:
    """Whether a file that ran out of time in a batch is checked within its budget when it runs alone."""
    run = lint_paths([str(path)], RunOptions(jobs=1, isolated=True))
    return not any("timeout" in oracle.failures_of(result) for result in run.files)


def _abort(samples: dict[str, Path], keep: Path | None, fmt: str, error: Exception) -> Counter:
    failures: Counter = Counter()
    for path in samples.values():
        try:
            lint_paths([str(path)], RunOptions(jobs=1, isolated=True))
        except Exception as single:
            failures[f"abort {type(single).__name__}"] += 1
            _keep(keep, fmt, "abort", path)
    if not failures:
        failures[f"abort {type(error).__name__} (batch only)"] += 1
    return failures


def fuzz_loaded(fmt: str, count: int, rng: random.Random, keep: Path | None) -> Counter:
    """Load ``count`` mutated packs or configs in this process; failures by kind."""
    failures: Counter = Counter()
    report = mutators.seeds("text")[0].data.decode("utf-8")
    for number in range(count):
        sample = mutators.sample(fmt, rng.randrange(100), mutators.random_mutations(rng), rng.randrange(100))
        kinds = oracle.check_pack(sample.data, report) if fmt == "pack" else oracle.check_config(sample.data)
        for kind in kinds:
            failures[kind] += 1
            if keep is not None:
                target = keep / fmt / kind.replace(" ", "-")
                target.mkdir(parents=True, exist_ok=True)
                (target / f"{number:06d}-{sample.name}").write_bytes(sample.data)
        if (number + 1) % 1000 == 0:
            print(f"  {fmt}: {number + 1}/{count}，失败 {sum(failures.values())}", file=sys.stderr, flush=True)
    return failures


def _keep(keep: Path | None, fmt: str, kind: str, path: Path | None) -> None:
    if keep is None or path is None or not path.exists():
        return
    target = keep / fmt / kind.replace(" ", "-")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, target / path.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs per format")
    parser.add_argument("--formats", default=",".join(mutators.FORMATS), help="comma-separated: " + ", ".join(mutators.FORMATS))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch", type=int, default=400, help="reports per run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep-failures", type=Path, help="copy every failing input here, by format and kind")
    parser.add_argument("--json", type=Path, help="also write the counts as JSON")
    arguments = parser.parse_args()
    os.environ.setdefault("REPORTLINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    rng = random.Random(arguments.seed)
    summary = {}
    for fmt in arguments.formats.split(","):
        started = time.perf_counter()
        if fmt in DOCUMENTS:
            failures = fuzz_documents(fmt, arguments.count, rng, arguments.jobs, arguments.batch, arguments.keep_failures)
        else:
            failures = fuzz_loaded(fmt, arguments.count, rng, arguments.keep_failures)
        elapsed = time.perf_counter() - started
        summary[fmt] = {"inputs": arguments.count, "seconds": round(elapsed, 1), "failures": dict(sorted(failures.items()))}
        print(f"{fmt}: {arguments.count} 个输入，{elapsed:.0f} s，失败 {sum(failures.values())}：{dict(failures) or '无'}", flush=True)
    print()
    print(f"{'格式':<8}{'输入':>8}{'失败':>8}  按类型")
    for fmt, counts in summary.items():
        total = sum(counts["failures"].values())
        kinds = "，".join(f"{kind} {number}" for kind, number in counts["failures"].items()) or "—"
        print(f"{fmt:<8}{counts['inputs']:>8}{total:>8}  {kinds}")
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
