"""The ``reportlint`` command line: the console-script entry point around the typer app (:mod:`.app`)."""

from __future__ import annotations

import os
import sys
import traceback

from reportlint.cli.app import EXIT_ERROR, EXIT_INTERRUPTED, app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: run the app, turning unexpected errors into exit code 2."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("\nreportlint: 已中断（Ctrl-C），检查没有完成", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # never a bare traceback for users
        if os.environ.get("REPORTLINT_DEBUG"):
            traceback.print_exc()
        print(
            f"reportlint: 内部错误：{type(error).__name__}: {error}（设置 REPORTLINT_DEBUG=1 可查看详细信息，请报告此问题）",
            file=sys.stderr,
        )
        sys.exit(EXIT_ERROR)
