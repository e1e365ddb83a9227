"""The command-line choices of a run that apply to every file (plain values, so worker processes can receive them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunOptions:
    """Command-line choices that apply to every file (plain values, so workers can receive them)."""

    config_file: str | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    fail_on: str | None = None
    jobs: int | None = None
    keep_text: bool = False
    #: ``--file-timeout`` in seconds (0: no limit); None leaves the config's value.
    file_timeout: float | None = None
    #: Apply ``exclude`` to files named on the command line too (the pre-commit hook passes them).
    force_exclude: bool = False
    #: The file name standard input (``-``) stands for: config matching, format and messages.
    stdin_filename: str | None = None
    #: Last year's reports (``--previous``): summarised for the batch rules, their own findings not reported.
    previous: tuple[str, ...] = ()
    #: Whether each report's summary includes what batch rules compare (set by the runner for runs of several reports).
    cross_document: bool = False
    #: Whether the run's results keep what batch rules compared of each report (``summary.cross_document``) after the batch
    #: phase. No output shows it, so ``check`` does not keep it (and a cached run then does not read it back).
    keep_summaries: bool = True
    #: The result cache's folder (see :mod:`reportlint.run.cache`); None: no cache.
    cache_dir: str | None = None
    #: Measure each stage and rule (``--timings``).
    timings: bool = False
