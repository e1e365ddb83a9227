"""Baselines: record today's findings once, then report only new ones.

A baseline file lists each finding's path (relative to the baseline file),
rule code and fingerprint. Fingerprints come from the text around a finding,
not its line number, so editing elsewhere in a report keeps old findings
suppressed while new ones are reported.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from reportlint.core.config import ConfigError
from reportlint.run.results import FileResult, RunResult

BASELINE_VERSION = 1


def _key_path(display_path: str, baseline_dir: Path) -> str:
    return Path(os.path.relpath(Path(display_path).resolve(), baseline_dir.resolve())).as_posix()


def write_baseline(run: RunResult, path: Path) -> int:
    """Write every finding of ``run`` to ``path``; returns how many were recorded."""
    base = path.parent
    findings = [
        {
            "path": _key_path(diagnostic.path, base),
            "code": diagnostic.code,
            "fingerprint": diagnostic.fingerprint,
            "message": diagnostic.message,
        }
        for diagnostic in run.diagnostics
    ]
    payload = {"version": BASELINE_VERSION, "tool": "reportlint", "findings": findings}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(findings)


def apply_baseline(run: RunResult, path: Path) -> RunResult:
    """``run`` without the findings recorded in the baseline file."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        recorded = {(item["path"], item["code"], item["fingerprint"]) for item in payload["findings"]}
    except FileNotFoundError:
        raise ConfigError("基线文件不存在（可用 reportlint baseline 生成）", path) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"基线文件无法读取或格式不对：{error}", path) from None
    base = path.parent
    files = tuple(_without_recorded(result, recorded, base) for result in run.files)
    return replace(run, files=files)


def _without_recorded(result: FileResult, recorded: set[tuple[str, str, str]], base: Path) -> FileResult:
    pairs = [
        (diagnostic, excerpt)
        for diagnostic, excerpt in zip(result.diagnostics, result.excerpts, strict=False)
        if (_key_path(diagnostic.path, base), diagnostic.code, diagnostic.fingerprint) not in recorded
    ]
    return replace(
        result,
        diagnostics=tuple(diagnostic for diagnostic, _ in pairs),
        excerpts=tuple(excerpt for _, excerpt in pairs),
    )
