"""The configuration model: :class:`Config`, and the validation of a parsed config table into one.

Finding and reading config files is :mod:`reportlint.run.config`'s job; this module
only turns a mapping of ``reportlint.toml`` keys into a validated, immutable
:class:`Config`. Unknown keys, codes and values are errors with a suggestion,
never silently ignored.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

from reportlint.core.diagnostics import Severity
from reportlint.core.suggest import did_you_mean, unknown_name
from reportlint.core.tomllines import line_of
from reportlint.core.values import clip, shown
from reportlint.usercache.patterns import compiled

#: Every top-level key, with what it must be.
KNOWN_KEYS = {
    "select": "list",
    "ignore": "list",
    "extend-select": "list",
    "extend-ignore": "list",
    "per-file-ignores": "table",
    "severity": "table",
    "rules": "table",
    "rule-packs": "list",
    "templates": "list",
    "plugins": "table",
    "local-plugins": "list",
    "require-plugins": "list",
    "subject": "table",
    "pairing": "table",
    "places": "table",
    "fail-on": "str",
    "jobs": "int",
    "exclude": "list",
    "file-timeout": "seconds",
    "max-memory": "size",
    "max-file-size": "size",
    "max-findings-per-rule": "int",
}

#: Defaults of the run's budgets (see :mod:`reportlint.run.limits`).
DEFAULT_FILE_TIMEOUT = 20.0
DEFAULT_MAX_MEMORY = 1024**3
DEFAULT_MAX_FILE_SIZE = 50 * 1024**2
DEFAULT_MAX_FINDINGS_PER_RULE = 200
#: The smallest memory budget a worker can start with (Python and the parsing libraries need about 100 MB).
MIN_MEMORY = 192 * 1024**2

_SIZE = compiled(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(I?B)?\s*", re.IGNORECASE)


class ConfigError(Exception):
    """An invalid configuration or command line; reported on stderr with exit code 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        self.path = str(path) if path else None
        self.line = line
        where = f"{self.path}:{line}" if self.path and line else self.path
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message


@dataclass(frozen=True)
class Config:
    """The effective configuration for a set of files (one config file, plus CLI overrides).

    ``root`` is the directory relative paths and globs are resolved against (the
    config file's directory, or the current directory without one).
    """

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    rule_packs: tuple[Path, ...] = ()
    templates: tuple[Path, ...] = ()
    plugins: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))
    local_plugins: tuple[Path, ...] = ()
    require_plugins: tuple[str, ...] = ()
    subject: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    pairing: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    places: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    fail_on: Severity = Severity.WARNING
    jobs: int | None = None
    exclude: tuple[str, ...] = ()
    file_timeout: float = DEFAULT_FILE_TIMEOUT
    max_memory: int = DEFAULT_MAX_MEMORY
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_findings_per_rule: int = DEFAULT_MAX_FINDINGS_PER_RULE
    #: Dotted key path → line in the config file (see :func:`reportlint.core.tomllines.key_lines`).
    lines: Mapping[tuple[str, ...], int] = field(default_factory=lambda: MappingProxyType({}), compare=False, repr=False)

    def error(self, message: str, *key: str) -> ConfigError:
        """A :class:`ConfigError` about the value at ``key`` (dotted path parts), naming this config's file and line."""
        return ConfigError(message, self.path, line_of(self.lines, key) if key else None)

    def relative(self, path: Path) -> str:
        """``path`` relative to the config root, in POSIX form (for globs and outputs)."""
        try:
            return Path(os.path.relpath(path.resolve(), self.root.resolve())).as_posix()
        except ValueError:  # another drive on Windows
            return path.resolve().as_posix()

    def matches(self, pattern: str, path: Path) -> bool:
        """Whether a config glob (relative to ``root``) matches ``path``."""
        relative = self.relative(path)
        candidates = [relative, PurePosixPath(relative).name]
        pattern = pattern.rstrip("/")
        return any(
            fnmatch.fnmatchcase(candidate, pattern) or fnmatch.fnmatchcase(candidate, f"{pattern}/*") or candidate.startswith(pattern + "/")
            for candidate in candidates
        )

    def is_excluded(self, path: Path) -> bool:
        """Whether ``exclude`` globs match the path or one of its directories."""
        return any(self.matches(pattern, path) for pattern in self.exclude)

    def ignored_for(self, path: Path) -> tuple[str, ...]:
        """Codes ignored for this file by ``per-file-ignores``."""
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            if self.matches(pattern, path):
                codes.extend(ignored)
        return tuple(codes)

    def subject_for(self, path: Path) -> str | None:
        """The reporting body pinned for this file by the ``subject`` table, if any."""
        for pattern, name in self.subject.items():
            if self.matches(pattern, path):
                return name
        return None

    def pairing_for(self, path: Path) -> str | None:
        """The body this file's report is paired by across years, when the ``[pairing]`` table names one."""
        for pattern, body in self.pairing.items():
            if self.matches(pattern, path):
                return body
        return None

    def rule_options(self, rule_name: str) -> Mapping[str, Any]:
        """The ``[rules.<name>]`` options of a rule."""
        return self.rules.get(rule_name, MappingProxyType({}))

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with command-line overrides applied (``None`` values are ignored)."""
        return replace(self, **{key: value for key, value in changes.items() if value is not None})


def parse_config(data: Mapping[str, Any], path: Path | None, lines: Mapping[tuple[str, ...], int] | None = None) -> Config:
    """Validate the keys and values of a config table into a :class:`Config`.

    ``lines`` (dotted key path → line, from :func:`reportlint.core.tomllines.key_lines`)
    lets every error name the line of the value it is about.
    """
    lines = MappingProxyType(dict(lines or {}))
    where = path or "配置"

    def fail(message: str, *key: str) -> ConfigError:
        return ConfigError(message, where, line_of(lines, key) if key else None)

    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise fail(f"未知配置项 {unknown_name(key, KNOWN_KEYS)}", key)
        _check_type(key, value, KNOWN_KEYS[key], fail)
    root = path.parent.resolve() if path else Path.cwd()

    def paths(key: str) -> tuple[Path, ...]:
        return tuple((root / item).resolve() for item in data.get(key, ()))

    try:
        fail_on = Severity.parse(data.get("fail-on", "warning"))
    except ValueError as error:
        raise fail(str(error), "fail-on") from None
    severity = {}
    for code, level in data.get("severity", {}).items():
        try:
            severity[normalize_selector(code)] = Severity.parse(level)
        except ValueError as error:
            raise fail(f"severity.{code}：{error}", "severity", code) from None
    for name, options in data.get("rules", {}).items():
        if not isinstance(options, dict):
            raise fail(f"[rules.{name}] 应为表（键值对），实际为 {shown(options)}", "rules", name)
    for pattern, codes in data.get("per-file-ignores", {}).items():
        _check_type(f"per-file-ignores.{pattern}", codes, "list", fail, ("per-file-ignores", pattern))
    for name, enabled in data.get("plugins", {}).items():
        if not isinstance(enabled, bool):
            raise fail(f"plugins.{name} 应为 true 或 false，实际为 {shown(enabled)}", "plugins", name)
    for pattern, subject in data.get("subject", {}).items():
        if not isinstance(subject, str) or not subject.strip():
            raise fail(f'subject."{pattern}" 应为报告主体名称（字符串），实际为 {shown(subject)}', "subject", pattern)
    _check_pairing(data.get("pairing", {}), fail)
    for key in ("rule-packs", "templates", "local-plugins"):
        for item in data.get(key, ()):
            if not item.strip():
                raise fail(f"配置项 “{key}” 中有空的路径", key)
    jobs = data.get("jobs")
    if jobs is not None and jobs < 1:
        raise fail(f"jobs 应为正整数，实际为 {jobs}", "jobs")
    memory = _size(data.get("max-memory", DEFAULT_MAX_MEMORY))
    if 0 < memory < MIN_MEMORY:
        raise fail(f"max-memory 至少为 {MIN_MEMORY // 1024**2}MB（0 表示不限），实际为 {shown(data.get('max-memory'))}", "max-memory")
    findings_cap = data.get("max-findings-per-rule", DEFAULT_MAX_FINDINGS_PER_RULE)
    if findings_cap < 1:
        raise fail(f"max-findings-per-rule 应为正整数，实际为 {findings_cap}", "max-findings-per-rule")
    return Config(
        path=path,
        root=root,
        select=_codes(data.get("select", ["ALL"])),
        ignore=_codes(data.get("ignore", ())),
        extend_select=_codes(data.get("extend-select", ())),
        extend_ignore=_codes(data.get("extend-ignore", ())),
        per_file_ignores=MappingProxyType({pattern: _codes(codes) for pattern, codes in data.get("per-file-ignores", {}).items()}),
        severity=MappingProxyType(severity),
        rules=MappingProxyType({name: MappingProxyType(dict(options)) for name, options in data.get("rules", {}).items()}),
        rule_packs=paths("rule-packs"),
        templates=paths("templates"),
        plugins=MappingProxyType(dict(data.get("plugins", {}))),
        local_plugins=paths("local-plugins"),
        require_plugins=tuple(data.get("require-plugins", ())),
        subject=MappingProxyType(dict(data.get("subject", {}))),
        pairing=MappingProxyType({pattern: body.strip() for pattern, body in data.get("pairing", {}).items()}),
        places=MappingProxyType(dict(data.get("places", {}))),
        fail_on=fail_on,
        jobs=jobs,
        exclude=tuple(data.get("exclude", ())),
        file_timeout=float(data.get("file-timeout", DEFAULT_FILE_TIMEOUT)),
        max_memory=memory,
        max_file_size=_size(data.get("max-file-size", DEFAULT_MAX_FILE_SIZE)),
        max_findings_per_rule=findings_cap,
        lines=lines,
    )


_CODE_LIKE = compiled(r"[A-Za-z0-9]*\d[A-Za-z0-9]*|[A-Z]+|all")


def normalize_selector(written: str) -> str:
    """A rule selector as compared: a code or prefix in upper case (``rl603`` → ``RL603``), a rule name as written.

    Codes and prefixes are letters and digits (``RL603``, ``RL6``, even the
    mistyped ``RL6O3``) or upper-case letters (``RL``, ``XS``, ``ALL``); anything
    else (``half-width-punctuation``) is a rule name.
    """
    written = written.strip()
    return written.upper() if _CODE_LIKE.fullmatch(written) else written


def is_rule_name(selector: str) -> bool:
    """Whether a normalised selector is a rule name rather than a code or prefix."""
    return not _CODE_LIKE.fullmatch(selector)


def _check_pairing(pairing: Mapping[str, Any], fail: Any) -> None:
    """``[pairing]``: each key a path glob, each value the name of the body those reports are from; errors name file and line."""
    for pattern, body in pairing.items():
        if not pattern.strip():
            raise fail('[pairing] 中有空的路径模式：键应为文件路径模式，如 "2021/兴国镇*.docx"', "pairing", pattern)
        if not isinstance(body, str) or not body.strip():
            message = f'pairing."{pattern}" 应为报告单位名称（字符串，如 "秦安县兴国镇人民政府"），实际为 {shown(body)}'
            raise fail(message, "pairing", pattern)


def _codes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(normalize_selector(str(value)) for value in values if str(value).strip())


def parse_size(value: int | str) -> int | None:
    """A size in bytes from an integer or a string with a unit (``"50MB"``, ``"1 GiB"``, ``"512K"``); None when malformed.

    Units count in 1024s (``MB`` and ``MiB`` are both 1024² bytes), as file managers show sizes.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    match = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    number, unit, _ = match.groups()
    scale = 1024 ** ("KMGT".index(unit.upper()) + 1) if unit else 1
    return int(float(number) * scale)


def _size(value: int | str) -> int:
    size = parse_size(value)
    assert size is not None, "checked by _check_type"
    return size


def _check_type(key: str, value: Any, kind: str, fail: Any, path: tuple[str, ...] | None = None) -> None:
    """Raise ``fail(message, *path)`` when ``value`` is not of the declared kind."""
    if kind == "size":
        if parse_size(value) is None:
            raise fail(f'配置项 “{key}” 应为大小（字节数，或带单位的字符串如 "50MB"、"1GiB"），实际为 {shown(value)}', *(path or (key,)))
        return
    if kind == "seconds":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0 or value == float("inf"):
            raise fail(f"配置项 “{key}” 应为秒数（不小于 0 的数字，0 表示不限），实际为 {shown(value)}", *(path or (key,)))
        return
    expected = {"list": list, "table": dict, "str": str, "int": int}[kind]
    ok = isinstance(value, expected) and not (kind == "int" and isinstance(value, bool))
    if kind == "list" and ok:
        ok = all(isinstance(item, str) for item in value)
    if not ok:
        described = {"list": "字符串列表", "table": "表", "str": "字符串", "int": "整数"}[kind]
        raise fail(f"配置项 “{key}” 应为{described}，实际为 {shown(value)}", *(path or (key,)))


def validate_codes(config: Config, known_codes: Iterable[str], known_names: Iterable[str] = ()) -> None:
    """Every code or prefix the config names must match a known rule code; every rule name a known rule."""
    codes = list(known_codes)
    names = list(known_names)
    named = [
        *config.select,
        *config.ignore,
        *config.extend_select,
        *config.extend_ignore,
        *config.severity,
        *(code for ignored in config.per_file_ignores.values() for code in ignored),
    ]
    for selector in named:
        if selector == "ALL" or any(code.startswith(selector) for code in codes) or selector in names:
            continue
        if is_rule_name(selector):
            raise config.error(f"未知的规则名称 {unknown_name(selector, names)}", *_key_naming(config, selector))
        raise config.error(f"未知的规则代码 {unknown_name(selector, codes)}", *_key_naming(config, selector))


def validate_rule_names(config: Config, known_names: Iterable[str]) -> None:
    """Every ``[rules.<name>]`` table must name a known rule."""
    names = list(known_names)
    for name in config.rules:
        if name not in names:
            raise config.error(f"[rules.{clip(name)}]：没有名为 “{clip(name)}” 的规则{did_you_mean(name, names)}", "rules", name)


def _key_naming(config: Config, selector: str) -> tuple[str, ...]:
    """The config key that names a rule selector (for the error's line)."""
    for key, values in (
        ("select", config.select),
        ("ignore", config.ignore),
        ("extend-select", config.extend_select),
        ("extend-ignore", config.extend_ignore),
    ):
        if selector in values:
            return (key,)
    if selector in config.severity:
        return ("severity",)
    return ("per-file-ignores",)
