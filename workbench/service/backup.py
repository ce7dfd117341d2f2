"""Backups: one automatic copy a day when the app starts, the last N kept; a copy on demand;
putting a copy back.

Automatic copies are named `<db name>-YYYY-MM-DD.db` in the backup folder (beside the
database in `backups/`, or `WORKBENCH_BACKUP_DIR`); the name is the record of the day's
backup, so nothing is written to the database to remember it, and a read-only database is
backed up too. Rotation deletes only automatic copies of this database, oldest first, and
only after the day's copy has passed its check. Copies made on demand
(`<db name>-YYYY-MM-DD-HHMMSS.db`), before an upgrade (`…-before-vN-…`) and before a
restore (`…-replaced-…`) are never deleted by rotation.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import locations
from workbench.domain.records import record
from workbench.i18n import os_problem, t
from workbench.store import backup as B
from workbench.store.backup import BackupError, BackupInfo, RestoreResult
from workbench.store.db import StoreError

if TYPE_CHECKING:
    from workbench.service.workbench import Workbench

__all__ = [
    "BackupError",
    "BackupInfo",
    "RestoreResult",
    "automatic_backups",
    "backup_folder",
    "backup_now",
    "check_backup",
    "check_before_start",
    "daily_backup",
    "list_backups",
    "restore_backup",
    "startup_backup",
]


@record(frozen=True)
class DailyResult:
    made: BackupInfo | None
    """Today's copy, if this call made it (None: there already was one, or disabled)."""
    removed: tuple[Path, ...] = ()
    """Older automatic copies deleted to keep the last N."""


def backup_folder(db_path: Path) -> Path:
    return locations.backup_dir(db_path)


def _auto_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(db_path.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.db$")


def automatic_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    """This database's automatic copies, oldest first."""
    folder = folder or backup_folder(db_path)
    pattern = _auto_pattern(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_file():
            try:
                day = date.fromisoformat(match.group(1))
            except ValueError:
                continue
            found.append((day, entry))
    return [path for _, path in sorted(found)]


def list_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    """Every copy of this database in the backup folder, oldest first by time written."""
    folder = folder or backup_folder(db_path)
    if not folder.is_dir():
        return []
    stem = db_path.stem + "-"
    found = [
        entry
        for entry in folder.iterdir()
        if entry.name.startswith(stem) and entry.name.endswith(".db") and entry.is_file()
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def _rotate(db_path: Path, folder: Path, keep: int) -> tuple[Path, ...]:
    old = automatic_backups(db_path, folder)[:-keep] if keep > 0 else []
    removed = []
    for path in old:
        try:
            path.unlink()
        except OSError:
            continue  # a copy we cannot delete is merely one more copy
        removed.append(path)
    return tuple(removed)


def daily_backup(
    wb: Workbench, *, today: date | None = None, keep: int | None = None
) -> DailyResult:
    """Today's automatic copy, unless there is one already; then keep the last `keep`
    (config `backup_keep`; 0 turns automatic copies off)."""
    keep = wb.config.backup_keep if keep is None else keep
    if keep <= 0:
        return DailyResult(None)
    db_path = wb.store.path
    folder = backup_folder(db_path)
    day = today or wb.now().date()
    dest = folder / f"{db_path.stem}-{day.isoformat()}.db"
    if dest.exists():
        return DailyResult(None)
    try:
        info = B.copy_database(wb.store.db, dest)
    except BackupError as err:
        if err.key == "backup.error.exists":
            return DailyResult(None)  # another window made it a moment ago
        raise
    return DailyResult(info, _rotate(db_path, folder, keep))


def startup_backup(wb: Workbench) -> str | None:
    """What the app does in the background when it starts: check the file, then make the
    day's copy. Never raises. Returns a message to show when something needs the user's
    attention (the file is damaged, the copy failed), else None. It reads the whole file:
    call it from a worker thread."""
    try:
        verdict = B.quick_check(wb.store.db)
        if verdict != "ok":
            return t("backup.auto.damaged", file=str(wb.store.path), problem=verdict)
        daily_backup(wb)
    except (BackupError, StoreError) as err:
        return t("backup.auto.failed", problem=str(err))
    except OSError as err:
        return t("backup.auto.failed", problem=os_problem(err))
    return None


def check_before_start(wb: Workbench) -> None:
    """Read what the first screen shows, so that damage there is reported (as a
    StoreError naming the file) before the app takes over the terminal."""
    wb.attention()
    wb.list_tasks(limit=1)
    wb.list_instructions(limit=1)
    wb.list_feedback(limit=1)


def backup_now(
    wb: Workbench, dest: Path | None = None, *, now: datetime | None = None
) -> BackupInfo:
    """A copy on demand: to `dest` (a file, or a folder to put it in), by default to the
    backup folder. An existing file is never overwritten."""
    moment = now or wb.now()
    db_path = wb.store.path
    name = f"{db_path.stem}-{moment:%Y-%m-%d-%H%M%S}.db"
    if dest is None:
        target = backup_folder(db_path) / name
    elif dest.is_dir():
        target = dest / name
    else:
        target = dest
    if target.resolve() == db_path.resolve():
        raise BackupError("backup.error.same_file", target)
    return B.copy_database(wb.store.db, target)


def check_backup(path: Path) -> BackupInfo:
    """Whether a file is a sound workbench database (raises BackupError saying why not)."""
    return B.inspect(path)


def restore_backup(source: Path, db_path: Path) -> RestoreResult:
    """Put a checked copy back in place of the database, keeping the replaced file in the
    backup folder."""
    return B.restore(source, db_path, backup_folder(db_path))
