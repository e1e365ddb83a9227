"""Configuration files: discovery from each checked file upward, reading, and each file's effective config.

reportlint reads the nearest of ``reportlint.toml``, ``.reportlint.toml`` or a
``pyproject.toml`` with a ``[tool.reportlint]`` table, looking from each checked
file's directory up to the filesystem root; the nearest file wins (files are not
merged). Command-line options override the file. :class:`ConfigResolver` is the
one place that decides which configuration applies to a file, for ``check``,
``parse`` and every other command.
"""

from __future__ import annotations

from pathlib import Path

from reportlint.core.config import Config, ConfigError, parse_config
from reportlint.core.diagnostics import Severity
from reportlint.core.tomllines import key_lines, line_of
from reportlint.core.values import clip
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
    import tomllib

    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(data.get("tool"), dict) and "reportlint" in data["tool"]


#: What each list of paths in a config must name, and the suffixes it accepts.
_PATH_KINDS = {
    "templates": ("模板文件", (".yaml", ".yml")),
    "rule-packs": ("规则包文件", (".yaml", ".yml")),
    "local-plugins": ("本地插件文件", (".py",)),
}


def load_config(path: Path | None) -> Config:
    """Parse and validate a config file; ``None`` gives the defaults.

    Every error names the file and, where it is about a value, the value's line.
    """
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ConfigError(f"无法读取配置文件：{error.strerror or error}", path) from None
    except UnicodeDecodeError:
        raise ConfigError("配置文件不是 UTF-8 编码", path) from None
    import tomllib  # (a run without a config file never needs it)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"TOML 语法错误：{error}", path) from None
    except RecursionError:
        raise ConfigError("TOML 嵌套层数太多，无法读取", path) from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise ConfigError(f"TOML 中有无法读取的值：{clip(str(error), 100)}", path) from None
    lines = key_lines(text)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reportlint", {})
        prefix = ("tool", "reportlint")
        lines = {key[2:]: line for key, line in lines.items() if key[:2] == prefix and len(key) > 2}
    config = parse_config(data, path, lines)
    _check_paths(config)
    return config


def _check_paths(config: Config) -> None:
    """Every template, rule pack and local plugin the config names must be a file of its kind."""
    for key, paths in (("templates", config.templates), ("rule-packs", config.rule_packs), ("local-plugins", config.local_plugins)):
        kind, suffixes = _PATH_KINDS[key]
        for path in paths:
            line = line_of(config.lines, (key,))
            if path.is_dir():
                raise ConfigError(f"{key} 中的 {path} 是一个目录，应为{kind}（{'、'.join(suffixes)}）", config.path, line)
            if not path.is_file():
                raise ConfigError(f"{key} 中的{kind}不存在：{path}", config.path, line)
            if path.suffix.lower() not in suffixes:
                raise ConfigError(f"{key} 中的 {path.name} 不是{kind}（应为 {'、'.join(suffixes)} 文件）", config.path, line)


class ConfigResolver:
    """Finds and caches the effective config of each file (nearest file + CLI overrides).

    The nearest config file is looked up once per folder (config files are
    taken to stay put while a run lasts).
    """

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._by_file: dict[Path | None, Config] = {}
        self._explicit = Path(options.config_file) if options.config_file else None
        # Found once per folder: a run asks for each file's config several times, and looking
        # meant walking up the folders and parsing every pyproject.toml on the way. (Not per path:
        # at 10,000 files that would keep 10,000 paths to save a stat each.)
        self._file_by_folder: dict[Path, Path | None] = {}

    def config_for(self, path: Path) -> Config:
        """The configuration that applies to ``path``."""
        if self.options.isolated:
            config_path = None
        elif self._explicit is not None:
            config_path = self._explicit
        else:
            config_path = self._config_file_for(path)
        if config_path not in self._by_file:
            self._by_file[config_path] = self._with_overrides(load_config(config_path))
        return self._by_file[config_path]

    def _config_file_for(self, path: Path) -> Path | None:
        """:func:`find_config_file` of ``path``, remembered per folder for the run (config files do not move during one)."""
        folder = path if path.is_dir() else path.parent
        if folder not in self._file_by_folder:
            self._file_by_folder[folder] = find_config_file(folder)
        return self._file_by_folder[folder]

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
