"""The ``reportlint`` command line: the console-script entry point around the typer app (:mod:`.app`)."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import traceback
from typing import NoReturn

from reportlint.startup import paused_collection

with paused_collection(freeze=True):  # the command's own process: what its imports made is never walked again
    from reportlint.cli.app import EXIT_ERROR, EXIT_INTERRUPTED, app

__all__ = ["app", "main"]


def main() -> NoReturn:
    """Console-script entry point: run the app, turning unexpected errors into exit code 2, and end the process."""
    try:
        app()
    except SystemExit as stop:
        _end(stop.code)
    except KeyboardInterrupt:
        print("\nreportlint: 已中断（Ctrl-C），检查没有完成", file=sys.stderr)
        _end(EXIT_INTERRUPTED)
    except Exception as error:  # never a bare traceback for users
        if os.environ.get("REPORTLINT_DEBUG"):
            traceback.print_exc()
        print(
            f"reportlint: 内部错误：{type(error).__name__}: {error}（设置 REPORTLINT_DEBUG=1 可查看详细信息，请报告此问题）",
            file=sys.stderr,
        )
        _end(EXIT_ERROR)
    _end(0)


def _end(code: object) -> NoReturn:
    """End the process with ``code`` (as ``sys.exit`` reads it) without freeing its objects one by one.

    After a run the heap holds the rules, the templates, the gazetteer and every
    finding; tearing it down at interpreter exit took 15–40 ms for one report,
    and longer after thousands. What a normal exit does that matters is done
    first: the exit handlers run (the user cache is saved, workers are joined)
    and the standard streams are flushed.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(status & 0xFF)
