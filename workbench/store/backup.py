"""Copies of the database made with SQLite's online backup API, checked before they count.

A copy is taken from one read snapshot (other windows may keep writing), written to a
hidden temporary file beside its destination, checked (`PRAGMA integrity_check` and the
same number of rows in every table as the snapshot had), flushed to disk, and only then
given its name. A copy that fails its check never replaces anything. Copies are single
self-contained files (rollback journal, not WAL), readable by the owner only, in a folder
readable by the owner only.

Restoring puts a checked copy back *through SQLite* into the live file, so a window that
has the database open sees the restored rows as one more change, and keeps a copy of
what it replaced.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from workbench.domain.records import field, record
from workbench.i18n import os_problem
from workbench.store.db import (
    SQLITE_MAGIC,
    Database,
    StoreError,
    is_busy,
    translate_error,
)
from workbench.store.schema import SCHEMA_VERSION

TABLES = ("task", "instruction", "extension", "chase", "feedback", "event", "setting")
"""The tables whose rows a backup must carry over, counted to check it."""
REQUIRED = ("task", "instruction", "feedback", "event", "setting")
"""A workbench database has at least these."""
LOCK_WAIT_SECONDS = 30.0
"""How long a restore waits for other windows to finish writing before giving up."""


class BackupError(StoreError):
    """A backup or restore that did not happen; the message names the file, says why and
    what to do. Nothing was replaced or deleted."""


@record(frozen=True)
class BackupInfo:
    """A checked database file."""

    path: Path
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@record(frozen=True)
class RestoreResult:
    restored: BackupInfo
    """The file that was put back, as checked before restoring."""
    kept: Path | None
    """Where the replaced database was kept (None: there was none)."""


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    # Table names come from the fixed list above, never from the file or the user.
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in TABLES
        if table in names
    }


def integrity(conn: sqlite3.Connection) -> str:
    """`ok`, or SQLite's first complaint."""
    rows = conn.execute("PRAGMA integrity_check(5)").fetchall()
    return "; ".join(str(r[0]) for r in rows)


def _reader(db: Database) -> sqlite3.Connection:
    """A private read-only connection to the database's file: reading it all for a copy or
    a check then never holds the lock the app's other threads use."""
    from workbench.store.db import BUSY_TIMEOUT_MS

    conn = sqlite3.connect(db.reader_uri(), uri=True, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def quick_check(db: Database) -> str:
    """SQLite's quick check of the live file (every page's structure, not the indexes'
    contents): `ok`, or its first complaint. Reads the whole file: seconds on a big one."""
    try:
        conn = _reader(db)
        try:
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as err:
        return str(err)
    return "; ".join(str(r[0]) for r in rows)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is synced
    finally:
        os.close(fd)


def private_folder(folder: Path) -> None:
    """Create the folder (and its parents) readable by the owner only."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as err:
        raise BackupError("backup.error.folder", folder, problem=os_problem(err)) from None


def _bounded(deadline: float) -> Callable[[int, int, int], None]:
    """A progress callback for `Connection.backup`, which otherwise retries a busy
    database for ever."""

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise TimeoutError

    return progress


def _new_temp(folder: Path, name: str) -> Path:
    tmp = folder / f".{name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise BackupError("backup.error.write", tmp, problem=os_problem(err)) from None
    os.close(fd)
    return tmp


def _discard(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            path.with_name(path.name + suffix).unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def _install(tmp: Path, dest: Path, *, overwrite: bool) -> None:
    """Give the checked temporary file its name; without `overwrite`, never replace."""
    try:
        if overwrite:
            os.replace(tmp, dest)
        else:
            try:
                os.link(tmp, dest)
            except FileExistsError:
                raise BackupError("backup.error.exists", dest) from None
            except OSError:
                # A file system without hard links: check, then rename.
                if dest.exists():
                    raise BackupError("backup.error.exists", dest) from None
                os.replace(tmp, dest)
            else:
                tmp.unlink()
    except BackupError:
        _discard(tmp)
        raise
    except OSError as err:
        _discard(tmp)
        raise BackupError("backup.error.write", dest, problem=os_problem(err)) from None
    _fsync_folder(dest.parent)


def _check_copy(tmp: Path, expected: dict[str, int], version: int, source: Path) -> None:
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        verdict = integrity(conn)
        counts = row_counts(conn)
        copied_version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as err:
        verdict, counts, copied_version = str(err), {}, -1
    finally:
        conn.close()
    if verdict != "ok":
        raise BackupError("backup.error.damaged", source, problem=verdict)
    if counts != expected or copied_version != version:
        raise BackupError("backup.error.mismatch", source)


def copy_database(db: Database, dest: Path, *, overwrite: bool = False) -> BackupInfo:
    """Back up an open database to `dest` and check the copy; see the module docstring."""
    if dest.exists() and not overwrite:
        raise BackupError("backup.error.exists", dest)
    private_folder(dest.parent)
    tmp = _new_temp(dest.parent, dest.name)
    try:
        source = _reader(db)
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            # One read snapshot for the counts and the pages: the copy must have exactly
            # the rows counted, whatever this or another window writes meanwhile.
            source.execute("BEGIN")
            counts = row_counts(source)
            version = source.execute("PRAGMA user_version").fetchone()[0]
            source.backup(target, progress=_bounded(time.monotonic() + LOCK_WAIT_SECONDS))
            source.execute("ROLLBACK")
            # A single self-contained file: no -wal beside it to lose when it is copied.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            source.close()
        _check_copy(tmp, counts, version, db.path)
        _fsync(tmp)
        size = tmp.stat().st_size
        _install(tmp, dest, overwrite=overwrite)
    except TimeoutError:
        _discard(tmp)
        raise BackupError("backup.error.busy", db.path) from None
    except sqlite3.Error as err:
        _discard(tmp)
        if getattr(err, "sqlite_errorname", "") == "SQLITE_FULL" or "full" in str(err).lower():
            raise BackupError("backup.error.full", dest) from None
        raise BackupError(
            "backup.error.write", dest, problem=str(translate_error(err, db.path))
        ) from None
    except OSError as err:
        _discard(tmp)
        raise BackupError("backup.error.write", dest, problem=os_problem(err)) from None
    except BaseException:
        _discard(tmp)
        raise
    return BackupInfo(dest, version, counts, size)


def backup_before_upgrade(db: Database, version: int, target: int) -> Path:
    """A copy of a database about to be upgraded from schema `version` to `target`."""
    from workbench import locations

    folder = locations.backup_dir(db.path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = folder / f"{db.path.stem}-before-v{target}-{stamp}.db"
    try:
        return copy_database(db, dest).path
    except BackupError as err:
        if err.key == "backup.error.exists":
            return dest  # another window, upgrading too, made this very copy
        raise


def _open_for_reading(path: Path) -> sqlite3.Connection:
    """Open a file we only inspect without leaving anything beside it: `immutable` unless
    committed changes wait in its -wal file (then an ordinary read-only open sees them)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def inspect(path: Path) -> BackupInfo:
    """Check that a file is a sound workbench database this version can use."""
    if not path.exists():
        raise BackupError("backup.error.missing", path)
    if not path.is_file():
        raise BackupError("backup.error.not_file", path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as err:
        raise BackupError("backup.error.read", path, problem=os_problem(err)) from None
    if head != SQLITE_MAGIC:
        raise BackupError("backup.error.not_db", path)
    try:
        conn = _open_for_reading(path)
        try:
            verdict = integrity(conn)
            if verdict != "ok":
                raise BackupError("backup.error.damaged", path, problem=verdict)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            counts = row_counts(conn)
        finally:
            conn.close()
    except sqlite3.Error as err:
        raise BackupError("backup.error.damaged", path, problem=str(err)) from None
    if version > SCHEMA_VERSION:
        raise BackupError("backup.error.newer", path, version=version, ours=SCHEMA_VERSION)
    if version < 1 or any(table not in counts for table in REQUIRED):
        raise BackupError("backup.error.not_ours", path)
    return BackupInfo(path, version, counts, path.stat().st_size)


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _keep_raw(db_path: Path, keep: Path) -> None:
    """Move a file SQLite cannot open (and its journals) aside, byte for byte."""
    import shutil

    private_folder(keep.parent)
    for suffix in ("", "-wal", "-shm", "-journal"):
        src = db_path.with_name(db_path.name + suffix)
        if not src.exists():
            continue
        dst = keep.with_name(keep.name + suffix)
        try:
            try:
                os.rename(src, dst)
            except OSError:
                shutil.copy2(src, dst)
                os.chmod(dst, 0o600)
                src.unlink()
        except OSError as err:
            raise BackupError("backup.error.write", dst, problem=os_problem(err)) from None


def _keep_bytes(db: Database, keep: Path) -> Path:
    """Copy an open but damaged database (and its -wal) byte for byte, holding the write
    lock so that no window changes it meanwhile."""
    import shutil

    private_folder(keep.parent)
    with db.transaction():
        for suffix in ("", "-wal"):
            src = db.path.with_name(db.path.name + suffix)
            if not src.exists():
                continue
            dst = keep.with_name(keep.name + suffix)
            try:
                fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out, src.open("rb") as data:
                    shutil.copyfileobj(data, out)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as err:
                raise BackupError("backup.error.write", dst, problem=os_problem(err)) from None
    return keep


def _write_fresh(source: Path, db_path: Path) -> None:
    """Create the database file from a checked copy (there is no live file to write into)."""
    private_folder(db_path.parent)
    tmp = _new_temp(db_path.parent, db_path.name)
    try:
        src = _open_for_reading(source)
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            src.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            src.close()
        _fsync(tmp)
        _install(tmp, db_path, overwrite=False)
    except sqlite3.Error as err:
        _discard(tmp)
        raise BackupError("backup.error.write", db_path, problem=str(err)) from None


def _write_into(source: Path, db: Database) -> None:
    """Replace every page of the live database with the copy's, as one SQLite write."""
    src = _open_for_reading(source)
    try:
        with db.lock:
            db.conn.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT_SECONDS * 1000)}")
            try:
                src.backup(db.conn, progress=_bounded(time.monotonic() + LOCK_WAIT_SECONDS))
            finally:
                db.conn.execute("PRAGMA busy_timeout = 5000")
    except TimeoutError:
        raise BackupError("backup.error.busy", db.path) from None
    except sqlite3.Error as err:
        if is_busy(err):
            raise BackupError("backup.error.busy", db.path) from None
        raise BackupError(
            "backup.error.write", db.path, problem=str(translate_error(err, db.path))
        ) from None
    finally:
        src.close()


def restore(source: Path, db_path: Path, keep_folder: Path) -> RestoreResult:
    """Put the checked copy `source` in place of the database at `db_path`, keeping what
    was there in `keep_folder`. Nothing is replaced unless the copy passes its check and
    the current file has been kept."""
    info = inspect(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise BackupError("backup.error.same_file", source)
    kept: Path | None = None
    if not db_path.exists():
        _write_fresh(source, db_path)
    else:
        keep = keep_folder / f"{db_path.stem}-replaced-{_stamp()}.db"
        try:
            current = Database(db_path, create=False)
        except StoreError as err:
            if err.key in ("store.error.read_only", "store.error.read_only_folder",
                           "store.error.read_only_upgrade", "store.error.no_read"):  # fmt: skip
                raise BackupError("backup.error.read_only", db_path) from None
            # Damaged, not a database, or from a newer version: keep it whole, then write.
            current = None
        if current is None:
            _keep_raw(db_path, keep)
            kept = keep
            _write_fresh(source, db_path)
        else:
            try:
                if current.read_only:
                    raise BackupError("backup.error.read_only", db_path)
                try:
                    kept = copy_database(current, keep).path
                except BackupError as err:
                    if err.key != "backup.error.damaged":
                        raise
                    # It opens but is damaged: keep its bytes as they are.
                    kept = _keep_bytes(current, keep)
                _write_into(source, current)
            finally:
                current.close()
    # Opening upgrades a copy made by an earlier version; then the rows must all be there.
    try:
        check = Database(db_path, create=False)
    except StoreError as err:
        raise BackupError("backup.error.after", db_path, problem=str(err)) from None
    try:
        counts = row_counts(check.conn)
    finally:
        check.close()
    if any(counts.get(table) != n for table, n in info.counts.items()):
        raise BackupError("backup.error.after", db_path, problem=str(counts))
    # A copy made before search folded scripts, or with another table, is indexed again
    # now, so that a window which has the file open finds what it searches at once.
    from workbench.store.store import Store

    Store.open(db_path, create=False).close()
    return RestoreResult(info, kept)
