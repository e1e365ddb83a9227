"""The result cache: a file's :class:`FileResult` kept on disk, reused while nothing that could change it has changed.

As ruff and textlint do, reportlint keeps each file's result under
``.reportlint_cache/`` (next to the configuration file, or in the current
directory without one; ``--cache-dir`` elsewhere, ``--no-cache`` not at all,
``reportlint clean`` removes it). An entry is found by a key that digests
everything its result depends on:

* the file's bytes and its path (per-file ignores and subjects depend on it);
* the :class:`RunContext`: reportlint's version and a fingerprint of its own
  code and shipped data, the effective configuration (the config file plus
  command-line overrides, as the :class:`Config` it became), the rules that run
  with their options, every plugin with its version, and the bytes of every rule
  pack, template spec and local plugin file the run uses;
* whether the run keeps texts (``-f html`` needs them; the entry then holds them).

A changed key is a different entry, so stale results are never served. Entries
are written atomically (a temporary file renamed into place), so concurrent runs
never read half an entry; an entry that cannot be read or decoded is ignored
with a warning and rewritten. Entries are JSON that names only reportlint's own
dataclasses and enums (never pickle: a cache folder checked into a repository
must not run code), so whatever a :class:`FileResult` holds — findings,
excerpts, the per-report summary, texts and tables, and fields added later —
round-trips without this module knowing it.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import enum
import hashlib
import importlib
import json
import os
import shutil
import tempfile
from array import array
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from reportlint.core.config import Config
from reportlint.run.results import FileResult
from reportlint.version import __version__

#: The folder name of a cache next to the configuration (or in the current directory).
CACHE_DIRNAME = ".reportlint_cache"
#: Bumped when the layout of entries changes (old entries are then simply not found).
CACHE_FORMAT = "1"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# reportlint's result cache (https://bford.info/cachedir/)\n"


def default_cache_dir(config: Config) -> Path:
    """Where a run's cache lives: next to its configuration file, else in the current directory."""
    base = config.path.parent if config.path is not None else Path.cwd()
    return base / CACHE_DIRNAME


def clear_cache(directory: Path) -> bool:
    """Remove a cache folder; True when there was one. Refuses a folder that is not a reportlint cache."""
    if not directory.exists():
        return False
    if not (directory / "CACHEDIR.TAG").is_file():
        raise OSError(f"{directory} 不是 reportlint 的缓存目录（没有 CACHEDIR.TAG），未删除")
    shutil.rmtree(directory)
    return True


# --------------------------------------------------------------------------- keys


def digest(*parts: object) -> str:
    """A hex SHA-256 of values encoded canonically (see :func:`encode`)."""
    return hashlib.sha256(json.dumps(encode(parts), ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes; a file that cannot be read digests as missing."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """What identifies reportlint's own code and shipped data beyond its version.

    An installed package changes only with its version; a source checkout (or an
    editable install) changes under the same version, so there it is a digest of
    its files' names, sizes and modification times.
    """
    from reportlint.core.resources import shipped_rules_dir

    package = Path(__file__).resolve().parents[1]
    if package.parent.name in ("site-packages", "dist-packages"):
        return "installed"
    entries: list[str] = []
    for root in (package, shipped_rules_dir()):
        _scan(root, "", entries)
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()


def _scan(folder: Path | str, prefix: str, entries: list[str]) -> None:
    with os.scandir(folder) as found:
        for entry in sorted(found, key=lambda item: item.name):
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    _scan(entry.path, f"{prefix}{entry.name}/", entries)
            elif entry.name.endswith((".py", ".yaml", ".yml", ".toml", ".json", ".txt", ".tsv", ".bin", ".css", ".js")):
                status = entry.stat()
                entries.append(f"{prefix}{entry.name}:{status.st_size}:{status.st_mtime_ns}")


@dataclasses.dataclass(frozen=True)
class RunContext:
    """Everything besides the file itself that a file's result depends on, digested once per configuration."""

    digest: str

    @classmethod
    def of(
        cls,
        config: Config,
        rules: Iterable[tuple[str, str, Mapping[str, Any]]],
        plugins: Iterable[tuple[str, str, str]],
        data_files: Iterable[Path],
        keep_text: bool,
    ) -> RunContext:
        """The context of a run: config, rules (code, origin, options), plugins (name, version, module), data files' bytes."""
        files = sorted({str(path): file_digest(Path(path)) for path in data_files}.items())
        rule_list = sorted(rules, key=lambda rule: (rule[0], rule[1]))
        plugin_list = sorted(plugins)
        return cls(digest(CACHE_FORMAT, __version__, code_fingerprint(), config, rule_list, plugin_list, files, keep_text))

    def key(self, data: bytes, path: Path, display: str) -> str:
        """The key of one file's entry: its bytes and paths within this context."""
        content = hashlib.sha256(data).hexdigest()
        return hashlib.sha256(f"{self.digest}\x00{content}\x00{display}\x00{path.resolve()}".encode()).hexdigest()


# --------------------------------------------------------------------------- the store


class ResultCache:
    """Lookup and store of :class:`FileResult` entries by key, in one folder.

    ``warnings`` collects the entries that were found damaged (in Chinese, for
    the run's warnings); a damaged entry counts as missing and is rewritten.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.entries = directory / f"v{CACHE_FORMAT}-{__version__}"
        self.warnings: list[str] = []
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key[2:]}.json"

    def lookup(self, key: str, usable: Callable[[FileResult], bool] | None = None) -> FileResult | None:
        """The stored result of this key, or None (not stored, damaged: then a warning, or not ``usable`` for this run)."""
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            payload = json.loads(raw)
            if payload.get("key") != key:
                raise ValueError("key mismatch")
            result = decode(payload["result"])
            if not isinstance(result, FileResult):
                raise ValueError("not a file result")
        except Exception as error:  # any damage: ignore the entry, say so, rebuild it
            self.warnings.append(f"缓存文件已损坏，已忽略并重新检查：{path}（{type(error).__name__}）")
            self.misses += 1
            return None
        if usable is not None and not usable(result):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def store(self, key: str, result: FileResult) -> None:
        """Write an entry atomically; a cache that cannot be written is skipped silently (the run's results stand)."""
        path = self._path(key)
        data = json.dumps({"key": key, "result": encode(result)}, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            self._prepare(path.parent)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        folder.mkdir(parents=True, exist_ok=True)
        tag = self.directory / "CACHEDIR.TAG"
        if not tag.exists():
            with contextlib.suppress(OSError):
                (self.directory / ".gitignore").write_text("# 由 reportlint 自动创建 / created by reportlint\n*\n", encoding="utf-8")
                tag.write_text(_TAG, encoding="utf-8")


# --------------------------------------------------------------------------- the codec


def encode(value: Any) -> Any:
    """A JSON-ready form of plain values, tuples, mappings, paths, enums, dataclasses (by module and name), bytes, arrays and decimals."""
    if value is None or (isinstance(value, bool | int | float | str) and not isinstance(value, enum.Enum)):
        return value
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if isinstance(value, enum.Enum):
        return {"e": f"{type(value).__module__}:{type(value).__qualname__}", "v": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value)
        values = [encode(getattr(value, item.name)) for item in dataclasses.fields(value) if item.init]
        return {"d": f"{kind.__module__}:{kind.__qualname__}", "f": values}
    if isinstance(value, Mapping):
        return {"m": [[encode(key), encode(item)] for key, item in value.items()]}
    if isinstance(value, PurePath):
        return {"p": str(value)}
    if isinstance(value, set | frozenset):
        return {"s": sorted((encode(item) for item in value), key=repr)}
    if isinstance(value, bytes):  # the summaries' fingerprints
        return {"b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, array):  # the summaries' packed places and values (this machine's byte order, as the entry is)
        return {"a": value.typecode, "b": base64.b64encode(value.tobytes()).decode("ascii")}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(value: Any) -> Any:
    """The value :func:`encode` encoded (tuples for sequences, dicts for mappings)."""
    if isinstance(value, list):
        return tuple(decode(item) for item in value)
    if not isinstance(value, dict):
        return value
    if "d" in value:
        return _class(value["d"])(*(decode(item) for item in value["f"]))
    if "e" in value:
        return _class(value["e"])(value["v"])
    if "m" in value:
        return {decode(key): decode(item) for key, item in value["m"]}
    if "p" in value:
        return Path(value["p"])
    if "s" in value:
        return frozenset(decode(item) for item in value["s"])
    if "a" in value:
        return array(value["a"], base64.b64decode(value["b"]))
    if "b" in value:
        return base64.b64decode(value["b"])
    if "n" in value:
        return Decimal(value["n"])
    raise ValueError("unknown cache entry")


@lru_cache(maxsize=256)
def _class(name: str) -> type:
    """A dataclass or enum of reportlint's own modules, by ``module:qualname``; anything else is refused."""
    module_name, _, qualname = name.partition(":")
    if module_name != "reportlint" and not module_name.startswith("reportlint."):
        raise ValueError(f"refused class {name}")
    target: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    if not isinstance(target, type) or not (dataclasses.is_dataclass(target) or issubclass(target, enum.Enum)):
        raise ValueError(f"refused class {name}")
    return target
