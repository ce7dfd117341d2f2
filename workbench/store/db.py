"""Opening the SQLite file safely, its connection settings, transactions and migrations.

The rules: WAL with `synchronous=FULL` (a change is on disk before it is acknowledged),
a busy timeout so two windows wait for each other instead of failing, `BEGIN IMMEDIATE`
so a writer takes the lock before it reads what it will change, the file 0600 in a 0700
folder, and never an empty database created over a file that is not one.

A file the user may read but not write (its permissions, a read-only folder or disk) is
opened read-only: lists still work, and every change is refused with a message instead
of failing half-way. A database that needs upgrading is copied aside first, and all its
pending migrations run in one transaction, so a failed upgrade leaves the file as it was.
(Migrations must therefore not commit: use `db.execute`, not sqlite-utils helpers that
open their own `with conn:` block, such as `transform()`.)
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from workbench.i18n import os_problem, t
from workbench.store.schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
"""How long one attempt to take the write lock waits for another window's change."""
BUSY_ATTEMPTS = 3
"""Attempts at the write lock before the user is told the file is busy. SQLite's own wait
covers a writer that holds the lock; the extra attempts cover the moments when SQLite
reports "busy" at once, without waiting (another process recovering the journal after a
crash). A writer that holds the lock for the whole timeout is reported after one wait."""
MAX_INTEGER = 2**63 - 1
"""SQLite's largest integer: a bigger number cannot name any row."""


class StoreError(Exception):
    """A database problem the user can act on; the message names the file and what to do."""

    def __init__(self, key: str, path: Path | str, **params: object) -> None:
        self.key = key
        self.path = str(path)
        self.params = params
        super().__init__(t(key, file=self.path, **params))


def _header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(100)


def _is_sqlite_file(path: Path) -> bool:
    head = _header(path)
    return head.startswith(SQLITE_MAGIC) or head == b""


def _is_wal_file(path: Path) -> bool:
    """The header's read/write versions are 2 in WAL mode (file format, offset 18)."""
    head = _header(path)
    return len(head) >= 20 and head[18:20] == b"\x02\x02"


def _set_aside_orphans(path: Path) -> None:
    """A journal older than the database we just created belongs to a deleted one; SQLite
    would replay its pages into the new file, so move it out of the way (never delete).
    One younger than the file is another window's, which opened it a moment ago."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    born = path.stat().st_mtime_ns
    for suffix in ("-wal", "-journal", "-shm"):
        orphan = path.with_name(path.name + suffix)
        with suppress(OSError):
            if orphan.stat().st_mtime_ns < born:
                orphan.rename(orphan.with_name(f"{orphan.name}.orphan-{stamp}"))


def _prepare_path(path: Path) -> bool:
    """Create the folder (0700) and an empty file (0600) if needed; True if it is new."""
    if path.exists():
        return _check_existing(path)
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        # Another window created it a moment ago: use theirs.
        return _check_existing(path)
    except PermissionError:
        raise StoreError("store.error.no_create", path) from None
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise StoreError("store.error.full", path) from None
        if err.errno == errno.EROFS:
            raise StoreError("store.error.no_create", path) from None
        raise StoreError("store.error.os", path, problem=os_problem(err)) from None
    _set_aside_orphans(path)
    return True


def _check_existing(path: Path) -> bool:
    if path.is_dir():
        raise StoreError("store.error.is_dir", path)
    try:
        if not _is_sqlite_file(path):
            raise StoreError("store.error.not_db", path)
    except PermissionError:
        raise StoreError("store.error.no_read", path) from None
    except OSError as err:
        raise StoreError("store.error.os", path, problem=os_problem(err)) from None
    return path.stat().st_size == 0


def _writable(path: Path) -> bool:
    """Whether we may write the file and create its journal beside it (WAL needs both)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_busy(err: BaseException) -> bool:
    text = str(err).lower()
    code = getattr(err, "sqlite_errorname", "") or ""
    return code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text


def translate_error(err: BaseException, path: Path | str) -> StoreError:
    """Map SQLite's words onto a message a secretary can act on."""
    if isinstance(err, OverflowError):
        return StoreError("store.error.number", path, largest=MAX_INTEGER)
    text = str(err).lower()
    code = getattr(err, "sqlite_errorname", "") or ""
    if is_busy(err):
        return StoreError("store.error.busy", path)
    if code == "SQLITE_READONLY_DIRECTORY":
        return StoreError("store.error.read_only_folder", path)
    if "readonly" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        return StoreError("store.error.read_only", path)
    if code == "SQLITE_FULL" or "database or disk is full" in text:
        return StoreError("store.error.full", path)
    if (
        "not a database" in text
        or "malformed" in text
        or code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    ):
        return StoreError("store.error.corrupt", path)
    if code.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreError("store.error.io", path)
    if "unable to open" in text or code.startswith("SQLITE_CANTOPEN"):
        return StoreError("store.error.no_create", path)
    return StoreError("store.error.other", path, problem=str(err))


def _pause_for_other_window(least: float = 0.01, spread: float = 0.04) -> None:
    """Wait a moment before trying again after a "busy" SQLite gave without waiting; the
    random part keeps two windows that collided from trying again in step."""
    import random  # only when another window holds the lock

    time.sleep(least + random.random() * spread)


class Database:
    """One connection to one workbench file, shared by the threads of one process.

    sqlite3 connections are not thread-safe to share, so every use holds `lock`; each
    statement is short (an index walk), so the lock is never held for long.
    """

    def __init__(self, path: Path, *, create: bool = True, read_only: bool = False) -> None:
        self.path = path
        self.lock = threading.RLock()
        self._depth = 0
        if not create and not path.exists():
            raise StoreError("store.error.missing", path)
        new = _prepare_path(path)
        self.read_only = read_only or not _writable(path)
        """True when the file can only be read: every change is refused with a message."""
        self.conn = self._connect()
        try:
            self._configure(new)
        except sqlite3.Error as err:
            self.conn.close()
            code = getattr(err, "sqlite_errorname", "") or ""
            if self.read_only or not code.startswith("SQLITE_READONLY"):
                raise translate_error(err, path) from None
            # Permissions said writable but SQLite could not write (a read-only mount,
            # an access list): read what we can instead.
            self.read_only = True
            self.conn = self._connect()
            try:
                self._configure(new)
            except BaseException as again:
                self.conn.close()
                if isinstance(again, sqlite3.Error):
                    raise translate_error(again, path) from None
                raise
        except BaseException:
            self.conn.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        path = self.path
        try:
            if self.read_only:
                conn = sqlite3.connect(
                    self._read_only_uri(),
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                )
            else:
                conn = sqlite3.connect(
                    path,
                    isolation_level=None,
                    check_same_thread=False,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                )
        except sqlite3.Error as err:
            raise translate_error(err, path) from None
        conn.row_factory = sqlite3.Row
        return conn

    def reader_uri(self) -> str:
        """A URI for a second, read-only connection to this file (backups and checks use
        one, so that they never hold this connection's lock while they read it all)."""
        if self.read_only:
            return self._read_only_uri()
        return self.path.resolve().as_uri() + "?mode=ro"

    def _read_only_uri(self) -> str:
        """`mode=ro`, and `immutable=1` when a WAL file sits in a folder we cannot write:
        SQLite cannot create the shared-memory file there, and no one else can be writing
        (a writer would need the -wal file, which does not exist)."""
        path = self.path.resolve()
        uri = path.as_uri() + "?mode=ro"
        if os.access(path.parent, os.W_OK) or not _is_wal_file(path):
            return uri
        wal = path.with_name(path.name + "-wal")
        shm = path.with_name(path.name + "-shm")
        if shm.exists():
            return uri
        if wal.exists() and wal.stat().st_size > 0:
            # Committed changes wait in the -wal file and cannot be read without the
            # shared-memory file the folder will not let us create.
            raise StoreError("store.error.read_only_folder", self.path)
        return uri + "&immutable=1"

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
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise StoreError("store.error.read_only_upgrade", self.path)
            return
        conn.execute("PRAGMA synchronous = FULL")
        if version == 0:
            self._wal()
            self._migrate()
        elif version < SCHEMA_VERSION:
            # Upgrade in the journal mode the file has, so that a failed upgrade leaves
            # every byte as it was; switch to WAL only once the file is current.
            self._backup_before_migrating(version)
            self._migrate()
            self._wal()
        else:
            self._wal()

    def _wal(self) -> None:
        """Switch the file to WAL, which it keeps from then on.

        The switch needs the file to itself, and SQLite says "busy" at once, without its
        busy wait, while another window holds the write lock of a file still in the old
        journal mode (two windows opening one new file, or a file left in that mode by a
        window killed while it created it): try again, within the time a write would wait.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
                break
            except sqlite3.Error as err:
                if not is_busy(err) or time.monotonic() >= deadline:
                    raise
                _pause_for_other_window()
        self.conn.execute("PRAGMA synchronous = FULL")

    def _backup_before_migrating(self, version: int) -> None:
        """Keep a copy of the file as it was before its schema changes."""
        from workbench.store.backup import BackupError, backup_before_upgrade

        try:
            backup_before_upgrade(self, version, SCHEMA_VERSION)
        except BackupError as err:
            raise StoreError("store.error.upgrade_backup", self.path, problem=str(err)) from None

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        import sqlite_utils  # only needed to migrate; it is slow to import

        db = sqlite_utils.Database(self.conn)
        number = version
        # One transaction for the whole upgrade: the file is either at the old version
        # or at the current one, never in between.
        try:
            with self.transaction():
                # Another window may have upgraded the file while we waited for the lock.
                start = self.conn.execute("PRAGMA user_version").fetchone()[0]
                for number in range(start + 1, SCHEMA_VERSION + 1):
                    MIGRATIONS[number - 1](db)
                    self.conn.execute(f"PRAGMA user_version = {number}")
        except StoreError as err:
            if err.key in ("store.error.busy", "store.error.full", "store.error.read_only"):
                raise
            raise StoreError(
                "store.error.upgrade_failed", self.path, version=number, problem=str(err)
            ) from None
        except Exception as err:  # a bug in a migration: the transaction undid it
            raise StoreError(
                "store.error.upgrade_failed", self.path, version=number, problem=repr(err)
            ) from None

    @property
    def schema_version(self) -> int:
        with self.lock:
            return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _begin(self) -> None:
        """Take the write lock, waiting for other windows, a bounded number of times."""
        if self.read_only:
            raise StoreError("store.error.read_only", self.path)
        for attempt in range(BUSY_ATTEMPTS):
            started = time.monotonic()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.Error as err:
                waited = time.monotonic() - started
                # Once SQLite has waited its full time, the other writer is holding on:
                # say so rather than keep the user waiting longer.
                if (
                    not is_busy(err)
                    or attempt == BUSY_ATTEMPTS - 1
                    or waited >= 0.9 * BUSY_TIMEOUT_MS / 1000
                ):
                    raise translate_error(err, self.path) from None
                _pause_for_other_window(0.05, 0.2)

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
            self._begin()
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except (sqlite3.Error, OverflowError) as err:
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
            except (sqlite3.Error, OverflowError) as err:
                raise translate_error(err, self.path) from None

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        with self.lock:
            try:
                return self.conn.execute(sql, params).fetchone()
            except (sqlite3.Error, OverflowError) as err:
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
