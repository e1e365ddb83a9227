"""Baselines: record today's findings once, then report only new ones.

A baseline file lists each finding's path (relative to the baseline file),
rule code, fingerprint and message, and optionally a ``reason`` (why the
finding is accepted; ``reportlint baseline --reason`` sets it for the findings
recorded, and a hand-written one is kept when the baseline is recorded again).
Fingerprints come from the text around a finding, not its line number, so
editing elsewhere in a report keeps old findings suppressed while new ones are
reported. Entries that no longer match any finding are counted, so a baseline
can be recorded again once its findings are fixed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reportlint.core.config import ConfigError
from reportlint.run.results import FileResult, RunResult

BASELINE_VERSION = 1


@dataclass(frozen=True)
class BaselineEntry:
    """One recorded finding: file (relative to the baseline), code, fingerprint, message and the reason it is accepted."""

    path: str
    code: str
    fingerprint: str
    message: str = ""
    reason: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the finding: path, code and fingerprint."""
        return (self.path, self.code, self.fingerprint)

    def as_dict(self) -> dict[str, str]:
        """The entry as JSON (``reason`` only when there is one)."""
        data = {"path": self.path, "code": self.code, "fingerprint": self.fingerprint, "message": self.message}
        if self.reason:
            data["reason"] = self.reason
        return data


def _key_path(display_path: str, baseline_dir: Path) -> str:
    return Path(os.path.relpath(Path(display_path).resolve(), baseline_dir.resolve())).as_posix()


def read_baseline(path: Path) -> list[BaselineEntry]:
    """The entries of a baseline file; a missing or malformed file is a :class:`ConfigError`."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        return [_entry(item) for item in payload["findings"]]
    except FileNotFoundError:
        raise ConfigError("基线文件不存在（可用 reportlint baseline 生成）", path) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ConfigError(f"基线文件无法读取或格式不对：{error}", path) from None


def _entry(item: Any) -> BaselineEntry:
    reason = item.get("reason") or ""
    if not isinstance(reason, str):
        raise TypeError(f"reason 应为文字，实际为 {reason!r}")
    return BaselineEntry(str(item["path"]), str(item["code"]), str(item["fingerprint"]), str(item.get("message") or ""), reason)


def write_baseline(run: RunResult, path: Path, reason: str = "") -> int:
    """Write every finding of ``run`` to ``path``; returns how many were recorded.

    A finding already in the file at ``path`` keeps its reason; the others get ``reason``.
    """
    base = path.parent
    kept_reasons = {}
    if path.is_file():
        try:
            kept_reasons = {entry.key: entry.reason for entry in read_baseline(path) if entry.reason}
        except ConfigError:
            kept_reasons = {}
    entries = []
    for diagnostic in run.diagnostics:
        entry = BaselineEntry(_key_path(diagnostic.path, base), diagnostic.code, diagnostic.fingerprint, diagnostic.message)
        entries.append(replace(entry, reason=kept_reasons.get(entry.key, reason)))
    payload = {"version": BASELINE_VERSION, "tool": "reportlint", "findings": [entry.as_dict() for entry in entries]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(entries)


def apply_baseline(run: RunResult, path: Path) -> RunResult:
    """``run`` without the findings recorded in the baseline file; entries no longer found become a warning."""
    entries = read_baseline(path)
    recorded = {entry.key for entry in entries}
    base = path.parent
    matched: set[tuple[str, str, str]] = set()
    files = tuple(_without_recorded(result, recorded, base, matched) for result in run.files)
    checked = {_key_path(result.path, base) for result in run.files}
    stale = [entry for entry in entries if entry.key not in matched and entry.path in checked]
    warnings = run.warnings
    if stale:
        warnings = (*warnings, f"基线 {path} 中有 {len(stale)} 条记录已不再出现（问题已改正），可用 reportlint baseline 重新记录")
    return replace(run, files=files, warnings=warnings)


def _without_recorded(
    result: FileResult, recorded: set[tuple[str, str, str]], base: Path, matched: set[tuple[str, str, str]]
) -> FileResult:
    pairs = []
    for diagnostic, excerpt in zip(result.diagnostics, result.excerpts, strict=False):
        key = (_key_path(diagnostic.path, base), diagnostic.code, diagnostic.fingerprint)
        if key in recorded:
            matched.add(key)
        else:
            pairs.append((diagnostic, excerpt))
    return replace(
        result,
        diagnostics=tuple(diagnostic for diagnostic, _ in pairs),
        excerpts=tuple(excerpt for _, excerpt in pairs),
    )


def show_baseline(path: Path) -> str:
    """``reportlint baseline --show``: every entry with its reason, grouped by file."""
    entries = read_baseline(path)
    with_reason = sum(1 for entry in entries if entry.reason)
    lines = [f"{path}：{len(entries)} 条记录，其中 {with_reason} 条写明了原因"]
    for entry in sorted(entries, key=lambda item: (item.path, item.code)):
        reason = f"    原因：{entry.reason}" if entry.reason else "    （未写原因）"
        lines.append(f"{entry.path}  {entry.code}  {entry.message}")
        lines.append(reason)
    return "\n".join(lines) + "\n"
