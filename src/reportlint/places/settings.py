"""The ``[places]`` settings of a configuration, validated once, and the gazetteer they select.

``data-file`` replaces the shipped gazetteer, ``extra`` adds an office's local
names (villages, zones, renamed towns), ``allow`` lists names no RL4 rule reports.
The run validates the table with the rest of the configuration, before any file
is checked; the gazetteer itself loads only when a report first needs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlint.core.config import Config, ConfigError
from reportlint.core.suggest import unknown_name
from reportlint.core.values import shown
from reportlint.places.divisions import ExtraPlace
from reportlint.places.errors import GazetteerError
from reportlint.places.gazetteer import Gazetteer

#: Keys of the ``[places]`` table and what each holds.
PLACES_KEYS = {
    "data-file": "地名数据文件的路径（相对于配置文件所在目录）",
    "extra": "补充地名列表，每项为 {name = …, parent = …, kind = …}",
    "allow": "任何地名规则都不报告的地名列表",
}
_EXTRA_KEYS = ("name", "parent", "kind")


@dataclass(frozen=True)
class PlaceSettings:
    """The ``[places]`` table of a configuration, validated.

    ``data_file`` is an absolute path or None for the shipped data;
    ``extra_places`` are the office's local names (villages, zones, renamed
    towns); ``allow`` are names no RL4 rule reports.
    """

    data_file: Path | None = None
    extra_places: tuple[ExtraPlace, ...] = ()
    allow: frozenset[str] = frozenset()


def place_settings(config: Config) -> PlaceSettings:
    """Validate ``config.places``; raises :class:`ConfigError` naming the file and the reason.

    Cheap: checks shapes and that the data file exists, loads nothing; and done once per configuration (the place
    analysis and the RL4 rules ask for the settings of every report, and a run's reports share a few configurations).
    """
    entry = _SETTINGS.get(id(config))
    if entry is not None and entry[0] is config and entry[1] == config.places:
        return entry[2]
    settings = _validated(config)
    if len(_SETTINGS) >= _SETTINGS_KEPT:
        _SETTINGS.clear()
    _SETTINGS[id(config)] = (config, _snapshot(config.places), settings)
    return settings


#: The settings of the configurations seen: by identity and a copy of the ``[places]`` table they were made from (a
#: caller may change a list in it between two checks); forgotten all at once beyond :data:`_SETTINGS_KEPT`.
_SETTINGS: dict[int, tuple[Config, Mapping[str, Any], PlaceSettings]] = {}
_SETTINGS_KEPT = 64


def _snapshot(value: Any) -> Any:
    """A copy of a TOML value that compares equal to it until it is changed (tables as dicts, arrays as lists)."""
    if isinstance(value, Mapping):
        return {key: _snapshot(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_snapshot(item) for item in value]
    return value


def _validated(config: Config) -> PlaceSettings:
    """The settings of ``config.places``, checked (see :func:`place_settings`)."""
    table: Mapping[str, Any] = config.places
    for key in table:
        if key not in PLACES_KEYS:
            raise config.error(f"[places] 中的未知配置项 {unknown_name(key, PLACES_KEYS)}", "places", key)
    data_file = None
    if "data-file" in table:
        value = table["data-file"]
        if not isinstance(value, str) or not value.strip():
            raise config.error(f"[places] data-file 应为{PLACES_KEYS['data-file']}，实际为 {shown(value)}", "places", "data-file")
        data_file = (config.root / value).resolve()
        if not data_file.is_file():
            raise config.error(f"[places] data-file 指向的地名数据文件不存在：{data_file}", "places", "data-file")
    allow = table.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(name, str) and name.strip() for name in allow):
        raise config.error(f"[places] allow 应为{PLACES_KEYS['allow']}（非空字符串），实际为 {shown(allow)}", "places", "allow")
    extra = table.get("extra", [])
    if not isinstance(extra, list):
        raise config.error(f"[places] extra 应为{PLACES_KEYS['extra']}，实际为 {shown(extra)}", "places", "extra")
    return PlaceSettings(
        data_file=data_file,
        extra_places=tuple(_extra_place(item, number, config) for number, item in enumerate(extra, start=1)),
        allow=frozenset(name.strip() for name in allow),
    )


def _extra_place(item: Any, number: int, config: Config) -> ExtraPlace:
    """One ``[[places.extra]]`` table as an :class:`ExtraPlace`."""
    if not isinstance(item, Mapping):
        raise config.error(
            f"[places] extra 第 {number} 项应为表 {{name = …, parent = …, kind = …}}，实际为 {shown(item)}", "places", "extra"
        )
    unknown = sorted(set(item) - set(_EXTRA_KEYS))
    if unknown:
        raise config.error(f"[places] extra 第 {number} 项有未知的键 {unknown_name(unknown[0], _EXTRA_KEYS)}", "places", "extra")
    missing = [key for key in _EXTRA_KEYS if not isinstance(item.get(key), str) or not item[key].strip()]
    if missing:
        raise config.error(f"[places] extra 第 {number} 项缺少 {'、'.join(missing)}（均为字符串）", "places", "extra")
    try:
        return ExtraPlace(item["name"].strip(), item["parent"].strip(), item["kind"].strip())
    except GazetteerError as error:
        raise config.error(f"[places] extra 第 {number} 项：{error}", "places", "extra") from None


def load_gazetteer(settings: PlaceSettings, config_path: Path | None = None) -> Gazetteer:
    """The gazetteer of these settings, loaded once per process and settings.

    The shipped one without ``data-file`` and ``extra``; raises
    :class:`ConfigError` when the data file or an extra place is unusable.
    """
    try:
        return _gazetteer(settings.data_file, settings.extra_places)
    except GazetteerError as error:
        raise ConfigError(f"[places]：{error}", config_path) from None


@lru_cache(maxsize=8)
def _gazetteer(data_file: Path | None, extra_places: tuple[ExtraPlace, ...]) -> Gazetteer:
    """The shipped gazetteer, or one loaded from a data file and extra places (cached per process)."""
    if data_file is None and not extra_places:
        return Gazetteer.default()
    return Gazetteer.load(data_file, extra_places)
