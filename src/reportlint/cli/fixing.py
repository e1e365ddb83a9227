"""``check --fix`` and ``--diff`` on the command line: what is written where, and what is said about it.

* ``.txt`` and ``.md`` files are rewritten in place (same encoding, byte order
  mark and line endings); standard input's fixed text goes to standard output;
* a single ``.docx`` or ``.html`` file is written to the ``-o`` with its
  extension (the original is never modified); without one it is left alone,
  with a note saying how to get a fixed copy;
* ``--diff`` prints a unified diff of every change and writes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from reportlint.core.config import ConfigError
from reportlint.run.fixes import IN_PLACE_FORMATS, fix_run
from reportlint.run.results import RunResult
from reportlint.run.runner import Runner


def apply_fix_run(runner: Runner, *, unsafe: bool, diff: bool, fixed_copy: Path | None) -> tuple[RunResult, int]:
    """Fix every file of the run; returns the result to report and, for ``--diff``, the exit status (1 when there are changes)."""
    fixes = fix_run(runner, unsafe=unsafe)
    changed = [outcome for outcome in fixes.outcomes if outcome.changed]
    for message in fixes.unfixable:
        typer.echo(f"reportlint: 未修改 {message}", err=True)
    if diff:
        for outcome in changed:
            sys.stdout.write(outcome.diff())
        sys.stdout.flush()
        count = sum(len(outcome.applied) for outcome in changed)
        typer.echo(
            f"reportlint: --fix 会修改 {len(changed)} 个文件中的 {count} 处（未写入任何文件）"
            if changed
            else "reportlint: 没有可自动修改的问题",
            err=True,
        )
        return fixes.result, 1 if changed else 0
    written = 0
    for outcome in fixes.outcomes:
        if outcome is fixes.stdin:
            sys.stdout.buffer.write(outcome.fixed)  # like ruff: the (fixed) text of standard input on standard output
            sys.stdout.flush()
            continue
        if not outcome.changed:
            continue
        if outcome.format in IN_PLACE_FORMATS:
            target = Path(outcome.path)
        elif fixed_copy is not None:
            target = fixed_copy
        else:
            suffix = Path(outcome.path).suffix
            typer.echo(
                f"reportlint: {outcome.path}：有 {len(outcome.applied)} 处可自动修改，但 {suffix} 文件不在原文件上修改；"
                f"请用 -o 指定修改后的副本，如 reportlint check {outcome.path} --fix -o 修改后{suffix}",
                err=True,
            )
            continue
        try:
            target.write_bytes(outcome.fixed)
        except OSError as error:
            raise ConfigError(f"无法写入 {target}：{error.strerror or error}") from None
        written += len(outcome.applied)
        where = "" if target == Path(outcome.path) else f"（写入 {target}，原文件未修改）"
        typer.echo(f"reportlint: 已修改 {outcome.path} 中的 {len(outcome.applied)} 处{where}", err=True)
    if fixed_copy is not None and not any(outcome.changed for outcome in fixes.outcomes):
        typer.echo(f"reportlint: 没有可自动修改的问题，未写出 {fixed_copy}", err=True)
    return fixes.result, 0
