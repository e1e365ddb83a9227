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
are kept in one SQLite database per folder and version
(:mod:`reportlint.run.cachedb`), written in batches in transactions, so
concurrent runs never read half an entry; an entry that cannot be read or
decoded is ignored with a warning and rewritten, and a damaged database is
removed with a warning and made again.

An entry is JSON (never pickle or marshal: a cache folder checked into a
repository must not run code, nor crash the interpreter). Its first line is the
result as the outputs need it — the findings, their excerpts, the report's
identity — as plain lists read back with every type checked (:func:`_result`);
an entry is only written when it reads back as the result it was made from. The
rest is what batch rules compare (:class:`~reportlint.core.summary.CrossDocument`,
most of an entry's bytes), in a self-describing form that names reportlint's own
dataclasses and enums (:func:`encode`, as are kept texts and tables), so fields
added to it later round-trip without this module knowing them. It is read only
when asked for: a run whose batch findings are cached itself does not need it.

The batch phase's findings are kept too (:meth:`ResultCache.store_batch`), under
a key that digests the base configuration's context, the batch rules with their
options and the key of every report of the run in order (:func:`batch_key`): a
second run over the same unchanged files does not run the batch rules at all.
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
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, TypeVar

from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
from reportlint.core.model import Location, Table
from reportlint.core.summary import CrossDocument
from reportlint.run.cachedb import EntryDatabase
from reportlint.run.results import Excerpt, FileResult, ReportSummary
from reportlint.version import __version__

#: The folder name of a cache next to the configuration (or in the current directory).
CACHE_DIRNAME = ".reportlint_cache"
#: Bumped when the layout of entries changes (old entries are then simply not found).
CACHE_FORMAT = "5"
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
    return hashlib.sha256(
        json.dumps(encode(parts), ensure_ascii=False, sort_keys=True, default=str).encode("utf-8", "surrogatepass")
    ).hexdigest()


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
        # How many processes check the files does not change what is found: -j 1 and -j 2 share entries.
        config = dataclasses.replace(config, jobs=None)
        return cls(digest(CACHE_FORMAT, __version__, code_fingerprint(), config, rule_list, plugin_list, files, keep_text))

    def key(self, data: bytes, resolved: str, display: str) -> str:
        """The key of one file's entry: its bytes, its resolved path and its display path within this context."""
        content = hashlib.sha256(data).hexdigest()
        # A file name that is not UTF-8 holds lone surrogates (Python's reading of its bytes): they are digested as they are.
        return hashlib.sha256(f"{self.digest}\x00{content}\x00{display}\x00{resolved}".encode("utf-8", "surrogatepass")).hexdigest()


def batch_key(
    context: RunContext,
    rules: Iterable[tuple[str, str, Mapping[str, Any]]],
    checked: Iterable[tuple[str, str]],
    references: Iterable[tuple[str, str]],
) -> str:
    """The key of a run's batch findings: the base configuration's context, the batch rules (code, origin, options), every report's (path, key) in order.

    Each report's key already digests its bytes and its own configuration's
    context; ``references`` are last year's reports (``--previous``).
    """
    rule_list = sorted(rules, key=lambda rule: (rule[0], rule[1]))
    return digest("batch", context.digest, rule_list, list(checked), list(references))


# --------------------------------------------------------------------------- the store


class ResultCache:
    """Lookup and store of :class:`FileResult` entries (and batch findings) by key, in one folder.

    ``warnings`` collects what was found damaged (in Chinese, for the run's
    warnings); a damaged entry counts as missing and is rewritten. Entries are
    kept in an :class:`~reportlint.run.cachedb.EntryDatabase` and written in
    batches: :meth:`flush` writes what this process stored since it last did
    (a run does it when it ends, a worker before each batch of results it sends).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.entries = directory / f"v{CACHE_FORMAT}-{__version__}"
        self.warnings: list[str] = []
        self.hits = 0
        self.misses = 0
        self._folders: dict[str, str] = {}
        self.database = EntryDatabase(self.entries, self._prepare, self.warnings.append)

    # ----- keys

    def file_key(self, context: RunContext, path: Path, display: str, max_size: int | None = None, data: bytes | None = None) -> str | None:
        """The key of a file's entry; None when it cannot be read or is larger than ``max_size`` (it is then checked, not cached).

        ``data``: the file's bytes, when the caller has read them (else they are read here).
        """
        name = os.fspath(path)
        if data is None:
            try:
                data = _read(name, max_size)
            except OSError:
                return None
        elif max_size and len(data) > max_size:
            data = None
        return None if data is None else context.key(data, self._resolve(name), display)

    def _resolve(self, name: str) -> str:
        """``str(Path(name).resolve())``, resolving each folder once per run (a file that is a link is resolved whole)."""
        folder, base = os.path.split(name)
        if base in ("", ".", "..") or os.path.islink(name):
            return str(Path(name).resolve())
        resolved = self._folders.get(folder)
        if resolved is None:
            resolved = self._folders[folder] = str(Path(folder or os.curdir).resolve())
        return os.path.join(resolved, base)

    # ----- file results

    def lookup(self, key: str, cross_document: bool = False) -> FileResult | None:
        """The stored result of this key, or None (not stored; damaged: then a warning).

        With ``cross_document`` the result's summary holds what batch rules
        compare, and an entry stored without it (by a run that did not compare
        reports) counts as missing; without, the summary never holds it.
        """
        raw = self.database.get("results", key)
        if raw is None:
            self.misses += 1
            return None
        try:
            result = _entry(raw, key, cross_document)
        except Exception as error:  # any damage: ignore the entry, say so, rebuild it
            self.warnings.append(_damaged_entry(self.database.path, key, error))
            self.misses += 1
            return None
        if result is None:
            self.misses += 1
            return None
        self.hits += 1
        return result

    def store(self, key: str, result: FileResult) -> None:
        """Keep an entry (written with the next :meth:`flush`); a result that cannot be kept exactly is skipped silently."""
        try:
            data = _entry_bytes(key, result)
        except (TypeError, ValueError, UnicodeError):  # a value the entry cannot hold: the file is simply checked again next time
            return
        self.database.put("results", key, data)

    def flush(self, prune: bool = False) -> None:
        """Write the entries this process stored since it last did (a cache that cannot be written is skipped silently);
        with ``prune`` (the end of a run), also remove the entries no run has used for
        :data:`~reportlint.run.cachedb.KEEP_DAYS` days."""
        self.database.flush(prune)

    # ----- batch findings

    def lookup_batch(self, key: str) -> dict[str, list[Diagnostic]] | None:
        """The stored batch findings of this key (see :func:`batch_key`), or None (not stored; damaged: then a warning)."""
        raw = self.database.get("batches", key)
        if raw is None:
            return None
        try:
            stored = _loads(raw)
            _expect(type(stored) is list and len(stored) == 4 and stored[:3] == [CACHE_FORMAT, "batch", key] and type(stored[3]) is list)
            found: dict[str, list[Diagnostic]] = {}
            for report, rows in stored[3]:
                _expect(type(report) is str and type(rows) is list)
                found[report] = [_diagnostic(row) for row in rows]
        except Exception as error:  # any damage: ignore the entry, say so, run the batch rules
            self.warnings.append(_damaged_entry(self.database.path, key, error))
            return None
        return found

    def store_batch(self, key: str, found: Mapping[str, Sequence[Diagnostic]]) -> None:
        """Keep a run's batch findings (by report path) under ``key``; skipped silently when they cannot be kept exactly."""
        expected = [(report, list(diagnostics)) for report, diagnostics in found.items()]
        try:
            data = _dumps([CACHE_FORMAT, "batch", key, [[report, [_diagnostic_row(item) for item in items]] for report, items in expected]])
            if [(report, [_diagnostic(row) for row in rows]) for report, rows in _loads(data)[3]] != expected:
                return  # would not read back as these findings
        except (TypeError, ValueError, UnicodeError):
            return
        self.database.put("batches", key, data)

    # ----- the folder

    def _prepare(self, folder: Path) -> None:
        """Make the entries' folder (and the cache folder with its tag and ignore file) when it is not there."""
        if folder.is_dir():
            return
        folder.mkdir(parents=True, exist_ok=True)
        tag = self.directory / "CACHEDIR.TAG"
        if not tag.exists():
            with contextlib.suppress(OSError):
                (self.directory / ".gitignore").write_text("# 由 reportlint 自动创建 / created by reportlint\n*\n", encoding="utf-8")
                tag.write_text(_TAG, encoding="utf-8")


def _damaged_entry(database: Path, key: str, error: Exception) -> str:
    """The warning of an entry that could not be read back."""
    return f"缓存项已损坏，已忽略并重新检查：{database} 中的 {key[:16]}（{type(error).__name__}）"


def _read(name: str, max_size: int | None = None) -> bytes | None:
    """A file's bytes (with os-level calls: this runs for every file of a run), or None when it is larger than ``max_size``."""
    handle = os.open(name, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(handle).st_size
        if max_size and size > max_size:
            return None
        data = os.read(handle, size + 1)
        if len(data) <= size:  # all of it (a file that grew since is read to its end)
            return data
        chunks = [data]
        while chunks[-1]:
            chunks.append(os.read(handle, 1 << 20))
        return b"".join(chunks)
    finally:
        os.close(handle)


# --------------------------------------------------------------------------- entries


def _entry_bytes(key: str, result: FileResult) -> bytes:
    """The bytes of an entry: its first line (checked to read back as the result), then what batch rules compare, if held."""
    head = _dumps(_result_row(key, result))
    summary = result.summary
    if _result(_loads(head), key) != replace(result, summary=_identity(summary), timings={}):
        raise ValueError("the entry does not read back as the result")
    if summary.cross_document is None:
        return head
    return head + b"\n" + _dumps(encode(summary.cross_document))


def _entry(raw: bytes, key: str, cross_document: bool) -> FileResult | None:
    """The result an entry holds (None when ``cross_document`` is asked for and the entry lacks it)."""
    end = raw.find(b"\n")
    row = _loads(raw if end < 0 else raw[:end])
    if not cross_document:
        return _result(row, key)
    if end < 0:  # stored by a run that did not compare reports: checked again (and stored with it), unless it could not be read
        result = _result(row, key)
        return None if result.summary.read else result
    facts = decode(_loads(raw[end + 1 :]))
    _expect(type(facts) is CrossDocument)
    return _result(row, key, facts)


def _loads(data: bytes) -> Any:
    """One JSON value that is all of ``data`` (UTF-8, lone surrogates kept)."""
    text = data.decode("utf-8", "surrogatepass")
    value, end = _DECODER.raw_decode(text)
    _expect(end == len(text))
    return value


_DECODER = json.JSONDecoder()


def _dumps(value: Any) -> bytes:
    """Compact JSON in UTF-8; a lone surrogate (a file name's undecodable byte) is kept as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8", "surrogatepass")


def _identity(summary: ReportSummary) -> ReportSummary:
    """The summary without what batch rules compare."""
    return summary if summary.cross_document is None else replace(summary, cross_document=None)


def _result_row(key: str, result: FileResult) -> list[Any]:
    summary = result.summary
    return [
        CACHE_FORMAT,
        key,
        result.path,
        result.format,
        result.source_path,
        [_diagnostic_row(diagnostic) for diagnostic in result.diagnostics],
        [None if excerpt is None else [excerpt.line, excerpt.start, excerpt.end] for excerpt in result.excerpts],
        [summary.read, summary.subject, summary.year, summary.template],
        result.text,
        encode(result.tables),
    ]


def _result(row: Any, key: str, facts: CrossDocument | None = None) -> FileResult:
    """The result of an entry's first line (with ``facts``, what batch rules compare), every value's type checked.

    Raises ValueError or TypeError (or KeyError) when ``row`` is not the first line of an entry of this key.
    """
    _expect(type(row) is list and len(row) == 10 and row[0] == CACHE_FORMAT)
    _, stored_key, path, format_, source_path, diagnostics, excerpts, identity, text, tables = row
    _expect(stored_key == key)
    _expect(type(path) is str and type(diagnostics) is type(excerpts) is type(identity) is type(tables) is list)
    _expect(_optional(format_, str) and _optional(source_path, str) and _optional(text, str))
    read, subject, year, template = identity
    _expect(type(read) is bool and _optional(subject, str) and _optional(year, int) and _optional(template, str))
    decoded_tables = decode(tables) if tables else ()
    _expect(all(type(table) is Table for table in decoded_tables))
    return _made(
        FileResult,
        path=path,
        diagnostics=tuple([_diagnostic(item) for item in diagnostics]),
        excerpts=tuple([None if item is None else _excerpt(item) for item in excerpts]),
        format=format_,
        text=text,
        summary=ReportSummary(read, subject, year, template, facts),
        tables=decoded_tables,
        timings={},
        source_path=source_path,
    )


def _made(kind: type[_Made], **fields: Any) -> _Made:
    """An instance of a frozen dataclass from all its fields, made as :mod:`copy` and :mod:`pickle` make one: its dict filled at once.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``,
    a third of a cached run's reading of its entries. Only for the classes of
    :data:`_MADE`, which have no ``__post_init__`` and no slots (a test checks it,
    and that entries read back equal to what they were made from).
    """
    made = object.__new__(kind)
    made.__dict__.update(fields)
    return made


def _excerpt(row: Any) -> Excerpt:
    line, start, end = row
    _expect(type(line) is str and type(start) is type(end) is int)
    return _made(Excerpt, line=line, start=start, end=end)


#: Severities by their number, as entries hold them.
_SEVERITIES = {int(severity): severity for severity in Severity}


def _diagnostic_row(diagnostic: Diagnostic) -> list[Any]:
    _expect(type(diagnostic) is Diagnostic, TypeError)
    fix = diagnostic.fix
    _expect(fix is None or type(fix) is Fix, TypeError)
    return [
        diagnostic.code,
        diagnostic.name,
        int(diagnostic.severity),
        diagnostic.message,
        diagnostic.start,
        diagnostic.end,
        [_related_row(item) for item in diagnostic.related],
        None if fix is None else [fix.start, fix.end, fix.replacement, fix.description],
        diagnostic.path,
        _location_row(diagnostic.location),
        diagnostic.fingerprint,
        diagnostic.origin,
    ]


def _diagnostic(row: Any) -> Diagnostic:
    code, name, severity, message, start, end, related, fix, path, location, fingerprint, origin = row
    _expect(type(code) is type(name) is type(message) is type(path) is type(fingerprint) is type(origin) is str)
    _expect(type(severity) is type(start) is type(end) is int and type(related) is list)
    return _made(
        Diagnostic,
        code=code,
        name=name,
        severity=_SEVERITIES[severity],
        message=message,
        start=start,
        end=end,
        related=tuple([_related(item) for item in related]),
        fix=None if fix is None else _fix(fix),
        path=path,
        location=None if location is None else _location(location),
        fingerprint=fingerprint,
        origin=origin,
    )


def _related_row(related: Related) -> list[Any]:
    _expect(type(related) is Related, TypeError)
    return [related.start, related.end, related.message, _location_row(related.location), related.path]


def _related(row: Any) -> Related:
    start, end, message, location, path = row
    _expect(type(start) is type(end) is int and type(message) is type(path) is str)
    return _made(Related, start=start, end=end, message=message, location=None if location is None else _location(location), path=path)


def _fix(row: Any) -> Fix:
    start, end, replacement, description = row
    _expect(type(start) is type(end) is int and type(replacement) is type(description) is str)
    return _made(Fix, start=start, end=end, replacement=replacement, description=description)


def _location_row(location: Location | None) -> list[Any] | None:
    if location is None:
        return None
    _expect(type(location) is Location, TypeError)  # a plugin's own class would come back as a plain Location
    return [location.line, location.column, location.end_line, location.end_column, location.logical, location.page]


def _location(row: Any) -> Location:
    line, column, end_line, end_column, logical, page = row
    _expect(type(line) is type(column) is type(end_line) is type(end_column) is int and _optional(logical, str) and _optional(page, int))
    return _made(Location, line=line, column=column, end_line=end_line, end_column=end_column, logical=logical, page=page)


#: The classes :func:`_made` makes.
_MADE = (FileResult, Diagnostic, Related, Fix, Location, Excerpt)
_Made = TypeVar("_Made")


def _optional(value: object, kind: type) -> bool:
    return value is None or type(value) is kind


def _expect(condition: bool, error: type[Exception] = ValueError) -> None:
    """Entries are read back with every type checked: anything else is not an entry reportlint wrote."""
    if not condition:
        raise error("unexpected value in a cache entry")


# --------------------------------------------------------------------------- the codec


def encode(value: Any) -> Any:
    """A JSON-ready form of plain values, tuples, mappings, paths, enums, dataclasses (by module and name), bytes, arrays and decimals."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    form = _FORMS.get(kind)
    if form is None:
        form = _FORMS[kind] = _form_of(kind)
    return form(value)


#: The types :func:`encode` keeps as they are (exactly these: a subclass, such as a string enum, is encoded by what it is).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _form_of(kind: type) -> Callable[[Any], Any]:
    """How :func:`encode` writes a value of this type: the first of its forms the type has, worked out once per type
    (a summary holds a few dozen values of a handful of types, and each used to be tested against the forms in turn)."""
    if issubclass(kind, bool | int | float | str) and not issubclass(kind, enum.Enum):  # a subclass of a plain type
        return _same
    if issubclass(kind, tuple | list):
        return _items
    if issubclass(kind, enum.Enum):
        name = f"{kind.__module__}:{kind.__qualname__}"
        return lambda value: {"e": name, "v": value.value}
    if dataclasses.is_dataclass(kind):
        names = tuple(item.name for item in dataclasses.fields(kind) if item.init)  # (fields the constructor sets)
        name = f"{kind.__module__}:{kind.__qualname__}"
        return lambda value: {"d": name, "f": [encode(getattr(value, field)) for field in names]}
    if issubclass(kind, Mapping):
        return lambda value: {"m": [[encode(key), encode(item)] for key, item in value.items()]}
    if issubclass(kind, PurePath):
        return lambda value: {"p": str(value)}
    if issubclass(kind, set | frozenset):
        return lambda value: {"s": sorted((encode(item) for item in value), key=repr)}
    if issubclass(kind, bytes):  # the summaries' fingerprints
        return lambda value: {"b": base64.b64encode(value).decode("ascii")}
    if issubclass(kind, array):  # the summaries' packed places and values (this machine's byte order, as the entry is)
        return lambda value: {"a": value.typecode, "b": base64.b64encode(value.tobytes()).decode("ascii")}
    if issubclass(kind, Decimal):
        return lambda value: {"n": str(value)}
    return _refused


def _same(value: Any) -> Any:
    return value


def _items(value: Sequence[Any]) -> list[Any]:
    # a summary's cell keys are a hundred strings: taken as they are, not one call each
    return [item if type(item) in _PLAIN else encode(item) for item in value]


def _refused(value: Any) -> Any:
    raise TypeError(f"cannot cache a {type(value).__name__}")


#: How :func:`encode` writes each type it has met (see :func:`_form_of`).
_FORMS: dict[type, Callable[[Any], Any]] = {}


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
