"""Where the result cache keeps its entries: one SQLite database per cache folder and reportlint version.

A cold run of a thousand reports stores a thousand entries. Kept one file each,
creating the files cost more than encoding the entries (0.1–0.6 ms a file in
the kernel on the benchmark machine, about a tenth of checking a report). Kept
in one database, a process writes the entries it made since its last write in
one transaction (a worker before each batch of results it sends, the main
process when a run ends or when :data:`PENDING_LIMIT` are waiting), and a
lookup is one indexed read.

The database is the standard library's :mod:`sqlite3`; what makes it safe for
a cache that several processes share and that may come from anywhere:

* **Processes.** Workers are forked from the main process: a connection is
  never used in a process other than the one that opened it (a child opens its
  own, and leaves the inherited one alone). Writers wait for each other
  (:data:`BUSY_TIMEOUT`); a transaction is whole or absent, also when a worker
  is killed in the middle of one (the rollback journal undoes it).
* **Durability is not needed**: ``synchronous=OFF`` — a power cut may damage
  the database, which the next run then finds damaged and rebuilds.
* **Damage and foreign files**: a file that is not an SQLite database, is
  damaged, or holds any table, index, view or trigger but :data:`SCHEMA` is
  removed with a warning and made afresh (``trusted_schema`` is off besides).
  Entries themselves are JSON, checked value by value by their reader.
* **A cache that cannot be written** (a read-only folder, a database locked
  past the timeout) is simply not written: the files are checked again next
  time. A cache folder removed during a run (``reportlint clean``) is made
  again at the next write.
* **It does not grow without end.** Every entry records the day it was last
  written or found; a run's last write (:meth:`EntryDatabase.flush` with
  ``prune``) removes the entries no run has used for :data:`KEEP_DAYS` days —
  those of files since changed or gone. An entry found on a later day than its
  recorded one has its day renewed with the run's writes (at most one update an
  entry a day, none on a second run the same day).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

#: The database's file name in a cache's version folder.
DATABASE_NAME = "entries.sqlite"
#: The database's tables and indexes (their SQL as SQLite keeps it): file results by key, and batch findings by key,
#: each with the day it was last used (days since 1970-01-01, UTC), indexed for pruning.
SCHEMA = {
    "results": "CREATE TABLE results (key TEXT PRIMARY KEY, entry BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID",
    "batches": "CREATE TABLE batches (key TEXT PRIMARY KEY, entry BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID",
    "results_used": "CREATE INDEX results_used ON results (used)",
    "batches_used": "CREATE INDEX batches_used ON batches (used)",
}
#: The tables of entries (the other objects of :data:`SCHEMA` are their indexes).
TABLES = ("results", "batches")
#: Entries no run has used for this many days are removed by a run's last write.
KEEP_DAYS = 30
#: Entries a process holds before writing them in one transaction.
PENDING_LIMIT = 64
#: How long a process waits for another's write to end before it gives up on a lookup or a write (seconds).
BUSY_TIMEOUT = 10.0

#: Connections a forked process inherited: never used nor closed there (closing could release the parent's locks).
_INHERITED: list[Any] = []
#: Every database of this process with entries not yet written, written at exit.
_OPEN: weakref.WeakSet[EntryDatabase] = weakref.WeakSet()


class DamagedDatabase(Exception):
    """The database file is not one this module made: not SQLite, damaged, or of another schema."""


class EntryDatabase:
    """Entries (bytes by table and key) in one SQLite file, written in batches; safe across forks and threads.

    ``warn(message)`` receives, in Chinese, what was found damaged and rebuilt.
    """

    def __init__(self, folder: Path, prepare: Callable[[Path], None], warn: Callable[[str], None]) -> None:
        self.folder = folder
        self.path = folder / DATABASE_NAME
        self._prepare = prepare
        self._warn = warn
        self._lock = threading.RLock()
        self._connection: Any = None
        self._inode: int | None = None
        self._owner = os.getpid()
        self._unavailable = False
        self._pending: dict[tuple[str, str], bytes] = {}
        self._touched: set[tuple[str, str]] = set()  # entries found whose recorded day is before today

    # ----- reading and writing

    def get(self, table: str, key: str) -> bytes | None:
        """The entry of ``key`` in ``table`` (one this process has yet to write included); None when there is none or the
        database cannot be read."""
        with self._lock:
            self._adopt()
            pending = self._pending.get((table, key))
            if pending is not None:
                return pending
            if self._connection is None and not os.path.exists(self.path):
                return None  # no database yet (a first run): nothing to import nor open
            for attempt in range(2):
                connection = self._open()
                if connection is None:
                    return None
                try:
                    row = connection.execute(f"SELECT entry, used FROM {table} WHERE key = ?", (key,)).fetchone()
                except Exception as error:
                    if not attempt and self._damaged(error):
                        continue
                    return None
                if row is None:
                    return None
                if not isinstance(row[1], int) or row[1] < today():
                    self._touched.add((table, key))  # its day is renewed with this process's next write
                    _OPEN.add(self)
                return row[0] if isinstance(row[0], bytes) else b""  # (a value of another type reads as damaged)
            return None

    def put(self, table: str, key: str, entry: bytes) -> None:
        """Keep an entry, written with this process's next write (at once when :data:`PENDING_LIMIT` are waiting)."""
        with self._lock:
            self._adopt()
            self._pending[(table, key)] = entry
            _OPEN.add(self)
            if len(self._pending) >= PENDING_LIMIT:
                self.flush()

    def flush(self, prune: bool = False) -> None:
        """Write the waiting entries, and the new day of the entries found since the last write, in one transaction;
        when the database cannot be written they are dropped.

        With ``prune`` (a run's last write), the same transaction removes the entries not used for :data:`KEEP_DAYS`
        days; a process with nothing to write writes nothing, and prunes nothing.
        """
        with self._lock:
            self._adopt()
            if not self._pending and not self._touched:
                return
            rows, touched = self._pending, self._touched - self._pending.keys()
            self._pending, self._touched = {}, set()
            day = today()
            for attempt in range(2):
                connection = self._open(fresh_file=True)
                if connection is None:
                    return
                try:
                    with _immediate(connection):
                        for table in TABLES:
                            connection.executemany(
                                f"INSERT OR REPLACE INTO {table} (key, entry, used) VALUES (?, ?, ?)",
                                [(key, entry, day) for (kind, key), entry in rows.items() if kind == table],
                            )
                            connection.executemany(
                                f"UPDATE {table} SET used = ? WHERE key = ?", [(day, key) for kind, key in touched if kind == table]
                            )
                            if prune:
                                connection.execute(f"DELETE FROM {table} WHERE used < ?", (day - KEEP_DAYS,))
                except Exception as error:
                    if not attempt and self._damaged(error):
                        continue
                return

    # ----- the connection

    def _adopt(self) -> None:
        """In a forked child, leave the parent's connection and entries to the parent."""
        if self._owner != os.getpid():
            if self._connection is not None:
                _INHERITED.append(self._connection)
            self._connection, self._inode, self._pending, self._touched = None, None, {}, set()
            self._owner = os.getpid()
            self._unavailable = False

    def _open(self, fresh_file: bool = False) -> Any:
        """This process's connection (None when the cache cannot be used). With ``fresh_file``, a database file removed
        or replaced since it was opened is opened again (writing to the old one would lose the entries)."""
        if self._connection is not None and fresh_file and self._inode != _inode(self.path):
            self._close()
        if self._connection is None and not self._unavailable:
            try:
                self._connection = self._connect()
            except DamagedDatabase as error:
                self._rebuild(str(error))
            except Exception:  # no sqlite3, a folder that cannot be written, a lock held past the timeout: not this run
                self._close()
                self._unavailable = True
        return self._connection

    def _connect(self) -> Any:
        import sqlite3

        self._prepare(self.folder)
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            with contextlib.suppress(sqlite3.OperationalError):  # (SQLite before 3.31 has no such setting)
                connection.execute("PRAGMA trusted_schema = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA journal_mode = PERSIST")  # (no journal file made and removed per transaction)
            _check_schema(connection)
        except sqlite3.OperationalError:
            connection.close()
            raise
        except sqlite3.DatabaseError as error:
            connection.close()
            raise DamagedDatabase(_reason(error)) from None
        except DamagedDatabase:
            connection.close()
            raise
        self._inode = _inode(self.path)
        return connection

    def _damaged(self, error: Exception) -> bool:
        """Whether an error of a read or write means a damaged database (then rebuilt); a busy or unwritable one is not."""
        import sqlite3

        if isinstance(error, sqlite3.OperationalError) or not isinstance(error, sqlite3.DatabaseError):
            return False
        self._rebuild(_reason(error))
        return self._connection is not None

    def _rebuild(self, reason: str) -> None:
        """Remove a damaged database (with its journal) and make a new one."""
        self._warn(f"缓存数据库已损坏，已删除并重新建立：{self.path}（{reason}）")
        self._close()
        for name in (self.path, self.path.with_name(self.path.name + "-journal")):
            with contextlib.suppress(OSError):
                name.unlink()
        try:
            self._connection = self._connect()
        except Exception:
            self._close()
            self._unavailable = True

    def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.close()
        self._connection, self._inode = None, None


def _check_schema(connection: Any) -> None:
    """Make the tables of a new database; raise :class:`DamagedDatabase` when the database holds anything else."""
    found = _schema_of(connection)
    if found == SCHEMA:
        return
    if found:
        raise DamagedDatabase(_NOT_A_CACHE)
    with _immediate(connection):
        if not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:  # (another process may have made them)
            for sql in SCHEMA.values():
                connection.execute(sql)
    if _schema_of(connection) != SCHEMA:
        raise DamagedDatabase(_NOT_A_CACHE)


#: Why a database holding anything but :data:`SCHEMA` is removed.
_NOT_A_CACHE = "内容不是 reportlint 的缓存"


def _schema_of(connection: Any) -> dict[str, str]:
    """Every table, index, view and trigger of a database, by name: the SQL that made it."""
    return dict(connection.execute("SELECT name, sql FROM sqlite_master").fetchall())


@contextlib.contextmanager
def _immediate(connection: Any) -> Iterator[None]:
    """One write transaction (taken at once, so writers queue for it): committed when the block ends, else rolled back."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(Exception):
            connection.execute("ROLLBACK")
        raise


def today() -> int:
    """Today as the number of days since 1970-01-01 (UTC): the day an entry is recorded as used."""
    return int(time.time() // 86400)


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _reason(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


@atexit.register
def _flush_at_exit() -> None:
    for database in list(_OPEN):
        with contextlib.suppress(Exception):
            database.flush()
