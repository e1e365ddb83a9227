"""Configuration files: discovery from each checked file upward, reading, and each file's effective config.

reportlint reads the nearest of ``reportlint.toml``, ``.reportlint.toml`` or a
``pyproject.toml`` with a ``[tool.reportlint]`` table, looking from each checked
file's directory up to the filesystem root; the nearest file wins (files are not
merged). Command-line options override the file. :class:`ConfigResolver` is the
one place that decides which configuration applies to a file, for ``check``,
``parse`` and every other command.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from reportlint.core.config import Config, ConfigError, parse_config
from reportlint.core.diagnostics import Severity
from reportlint.run.options import RunOptions

CONFIG_FILENAMES = ("reportlint.toml", ".reportlint.toml", "pyproject.toml")


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or directory)."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILENAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "reportlint" in data["tool"]


def load_config(path: Path | None) -> Config:
    """Parse and validate a config file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ConfigError(f"无法读取配置文件：{error.strerror or error}", path) from None
    except UnicodeDecodeError:
        raise ConfigError("配置文件不是 UTF-8 编码", path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"TOML 语法错误：{error}", path) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reportlint", {})
    return parse_config(data, path)


class ConfigResolver:
    """Finds and caches the effective config of each file (nearest file + CLI overrides)."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._by_file: dict[Path | None, Config] = {}
        self._explicit = Path(options.config_file) if options.config_file else None

    def config_for(self, path: Path) -> Config:
        """The configuration that applies to ``path``."""
        if self.options.isolated:
            config_path = None
        elif self._explicit is not None:
            config_path = self._explicit
        else:
            config_path = find_config_file(path)
        if config_path not in self._by_file:
            self._by_file[config_path] = self._with_overrides(load_config(config_path))
        return self._by_file[config_path]

    def _with_overrides(self, config: Config) -> Config:
        options = self.options
        try:
            fail_on = Severity.parse(options.fail_on) if options.fail_on else None
        except ValueError as error:
            raise ConfigError(f"--fail-on：{error}") from None
        return config.with_overrides(
            select=options.select,
            ignore=(*config.ignore, *options.ignore) if options.ignore else None,
            extend_select=(*config.extend_select, *options.extend_select) if options.extend_select else None,
            fail_on=fail_on,
            jobs=options.jobs,
        )
