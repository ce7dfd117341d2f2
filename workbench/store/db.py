"""Opening the SQLite file safely, its connection settings, transactions and migrations.

The rules: WAL with `synchronous=FULL` (a change is on disk before it is acknowledged),
a busy timeout so two windows wait for each other instead of failing, `BEGIN IMMEDIATE`
so a writer takes the lock before it reads what it will change, the file 0600 in a 0700
folder, and never an empty database created over a file that is not one.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from workbench.i18n import t
from workbench.store.schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """A database problem the user can act on; the message names the file and what to do."""

    def __init__(self, key: str, path: Path | str, **params: object) -> None:
        self.key = key
        self.path = str(path)
        self.params = params
        super().__init__(t(key, file=self.path, **params))


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    return head == SQLITE_MAGIC or head == b""


def _prepare_path(path: Path) -> bool:
    """Create the folder (0700) and an empty file (0600) if needed; True if it is new."""
    if path.exists():
        if path.is_dir():
            raise StoreError("store.error.is_dir", path)
        try:
            if not _is_sqlite_file(path):
                raise StoreError("store.error.not_db", path)
        except PermissionError:
            raise StoreError("store.error.no_read", path) from None
        return path.stat().st_size == 0
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except PermissionError:
        raise StoreError("store.error.no_create", path) from None
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise StoreError("store.error.full", path) from None
        raise StoreError("store.error.os", path, problem=err.strerror or str(err)) from None
    return True


def translate_error(err: sqlite3.Error, path: Path | str) -> StoreError:
    """Map SQLite's words onto a message a secretary can act on."""
    text = str(err).lower()
    code = getattr(err, "sqlite_errorname", "")
    if "locked" in text or "busy" in text or code.startswith("SQLITE_BUSY"):
        return StoreError("store.error.busy", path)
    if "readonly" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        return StoreError("store.error.read_only", path)
    if "full" in text or code == "SQLITE_FULL":
        return StoreError("store.error.full", path)
    if "not a database" in text or "malformed" in text or code.startswith("SQLITE_CORRUPT"):
        return StoreError("store.error.corrupt", path)
    if "unable to open" in text or code.startswith("SQLITE_CANTOPEN"):
        return StoreError("store.error.no_create", path)
    return StoreError("store.error.other", path, problem=str(err))


class Database:
    """One connection to one workbench file, shared by the threads of one process.

    sqlite3 connections are not thread-safe to share, so every use holds `lock`; each
    statement is short (an index walk), so the lock is never held for long.
    """

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self.lock = threading.RLock()
        self._depth = 0
        if not create and not path.exists():
            raise StoreError("store.error.missing", path)
        new = _prepare_path(path)
        try:
            self.conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except sqlite3.Error as err:
            raise translate_error(err, path) from None
        self.conn.row_factory = sqlite3.Row
        try:
            self._configure(new)
            self._migrate()
        except sqlite3.Error as err:
            self.conn.close()
            raise translate_error(err, path) from None
        except StoreError:
            self.conn.close()
            raise

    def _configure(self, new: bool) -> None:
        """Check the file is ours (or new) before the first write to it."""
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Reading the schema proves this is a usable database before anything writes.
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[
            0
        ]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError("store.error.newer", self.path, version=version, ours=SCHEMA_VERSION)
        if version == 0 and tables and not new:
            # Some other program's database: never write our tables into it.
            raise StoreError("store.error.foreign", self.path)
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        writable = os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)
        if mode != "wal" and writable:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        import sqlite_utils  # only needed to migrate; it is slow to import

        db = sqlite_utils.Database(self.conn)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                MIGRATIONS[number - 1](db)
                self.conn.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        with self.lock:
            return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested uses join the outer one."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise translate_error(err, self.path) from None
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except sqlite3.Error as err:
                self._rollback()
                raise translate_error(err, self.path) from None
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self.lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.Error as err:
                raise translate_error(err, self.path) from None

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        with self.lock:
            try:
                return self.conn.execute(sql, params).fetchone()
            except sqlite3.Error as err:
                raise translate_error(err, self.path) from None

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        """A statement inside the current transaction (callers hold `transaction()`)."""
        assert self._depth, "writes happen inside transaction()"
        return self.conn.execute(sql, params)

    def data_version(self) -> int:
        """Changes whenever another connection commits: the cheap way to notice them."""
        with self.lock:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        with self.lock:
            self.conn.close()
