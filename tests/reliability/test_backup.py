"""Backups: made with SQLite's online backup API, checked, private, rotated, restorable."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import NOW
from tests.reliability.helpers import Writer, assert_clean_failure, cli, integrity, sha256
from tests.reliability.test_damaged_files import make_database, task_table_overwritten
from tests.store.test_migrations import FIXTURES
from workbench.config import Config
from workbench.service import backup as S
from workbench.service.workbench import Workbench
from workbench.store.backup import BackupError, row_counts
from workbench.store.schema import SCHEMA_VERSION

DAY = date(2026, 11, 26)


def backups() -> Path:
    return Path(os.environ["WORKBENCH_BACKUP_DIR"])


def _wb(path: Path, keep: int = 3) -> Workbench:
    return Workbench.open(path, Config(backup_keep=keep), clock=lambda: NOW)


def _titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM task ORDER BY id")]
    finally:
        conn.close()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return row_counts(conn)
    finally:
        conn.close()


def test_a_backup_is_a_sound_copy_with_the_same_rows(db_path):
    make_database(db_path, tasks=25)
    wb = _wb(db_path)
    try:
        made = S.daily_backup(wb).made
    finally:
        wb.close()
    assert made is not None and made.path.name == f"wb-{DAY.isoformat()}.db"
    assert integrity(made.path) == "ok"
    assert _counts(made.path) == _counts(db_path) == made.counts
    assert made.counts["task"] == 25 and made.counts["event"] > 25
    assert _titles(made.path) == _titles(db_path)
    assert made.schema_version == SCHEMA_VERSION
    # One self-contained file: nothing lives in a -wal beside it.
    assert made.path.read_bytes()[18:20] == b"\x01\x01"
    assert not made.path.with_name(made.path.name + "-wal").exists()


def test_backups_are_private_whatever_the_umask(db_path):
    make_database(db_path, tasks=2)
    old = os.umask(0)
    try:
        wb = _wb(db_path)
        info = S.daily_backup(wb).made
        manual = S.backup_now(wb)
        wb.close()
    finally:
        os.umask(old)
    for path in (info.path, manual.path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups().stat().st_mode) == 0o700


def test_at_most_one_automatic_backup_a_day_and_the_last_n_kept(db_path):
    make_database(db_path, tasks=2)
    wb = _wb(db_path, keep=3)
    try:
        S.backup_now(wb)  # a manual copy: never rotated away
        other = backups() / "other-2026-01-01.db"  # another database's copy
        shutil.copy(db_path, other)
        for n in range(6):
            day = DAY + timedelta(days=n)
            first = S.daily_backup(wb, today=day)
            again = S.daily_backup(wb, today=day)
            assert first.made is not None and again.made is None
            wb.add_task(f"第{n}天")
        autos = S.automatic_backups(db_path)
        assert [p.name for p in autos] == [f"wb-{DAY + timedelta(days=n)}.db" for n in (3, 4, 5)]
        assert other.exists()
        assert len(S.list_backups(db_path)) == 4  # three automatic, one manual
        assert S.daily_backup(wb, today=DAY + timedelta(days=9), keep=0).made is None
    finally:
        wb.close()


def test_a_backup_taken_while_another_process_writes_is_one_moment(tmp_path):
    db = tmp_path / "busy.db"
    make_database(db, tasks=5)
    writer = Writer.start(db, 1, closes=4)
    try:
        assert writer.ready.wait(30)
        wb = _wb(db)
        infos = []
        for n in range(3):
            infos.append(S.backup_now(wb, tmp_path / f"copy{n}.db"))
        wb.close()
    finally:
        writer.kill()
    for info in infos:
        assert integrity(info.path) == "ok"
        assert _counts(info.path) == info.counts
        # History and rows agree: every task in the copy has its event in the copy.
        conn = sqlite3.connect(info.path)
        events = conn.execute("SELECT count(*) FROM event WHERE action = 'task.add'").fetchone()
        tasks = conn.execute("SELECT count(*) FROM task").fetchone()
        conn.close()
        assert events == tasks


def test_a_damaged_database_is_not_backed_up_and_old_backups_stay(db_path):
    make_database(db_path, tasks=40)
    wb = _wb(db_path)
    first = S.daily_backup(wb, today=DAY).made
    wb.close()
    task_table_overwritten(db_path)
    wb = _wb(db_path)
    try:
        message = S.startup_backup(wb)
        assert message is not None and str(db_path) in message and "damaged" in message
        with pytest.raises(BackupError) as err:
            S.daily_backup(wb, today=DAY + timedelta(days=1))
        assert err.value.key == "backup.error.damaged"
    finally:
        wb.close()
    assert S.automatic_backups(db_path) == [first.path]
    assert not [p for p in backups().iterdir() if p.name.endswith(".tmp")]


def test_start_up_backup_never_raises(db_path, monkeypatch, tmp_path):
    make_database(db_path, tasks=1)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("WORKBENCH_BACKUP_DIR", str(blocker / "sub"))
    wb = _wb(db_path)
    try:
        message = S.startup_backup(wb)
    finally:
        wb.close()
    assert message is not None and "backup" in message.lower()
    monkeypatch.setenv("WORKBENCH_BACKUP_DIR", str(tmp_path / "ok"))
    wb = _wb(db_path)
    try:
        assert S.startup_backup(wb) is None
        assert S.startup_backup(wb) is None  # the second start of the day: nothing to do
    finally:
        wb.close()
    assert len(S.automatic_backups(db_path)) == 1


def test_check_before_start_reports_damage_the_screen_would_hit(db_path):
    from workbench.store.db import StoreError

    make_database(db_path, tasks=40)
    task_table_overwritten(db_path)
    wb = _wb(db_path)
    try:
        with pytest.raises(StoreError) as err:
            S.check_before_start(wb)
        assert err.value.key == "store.error.corrupt"
    finally:
        wb.close()


# ----------------------------------------------------------------- the command line


def test_backup_command_writes_a_checked_copy(db_path, tmp_path):
    make_database(db_path, tasks=3)
    result = cli("--db", str(db_path), "backup")
    assert result.returncode == 0, result.stderr
    [made] = S.list_backups(db_path)
    assert str(made) in result.stdout and "3 tasks" in result.stdout
    dest = tmp_path / "usb" / "copy.db"
    result = cli("--db", str(db_path), "backup", str(dest))
    assert result.returncode == 0, result.stderr
    assert _titles(dest) == _titles(db_path)
    folder = tmp_path / "usb"
    result = cli("--db", str(db_path), "backup", str(folder))
    assert result.returncode == 0, result.stderr
    assert len(list(folder.glob("wb-*.db"))) == 1
    before = sha256(dest)
    result = cli("--db", str(db_path), "backup", str(dest))
    assert_clean_failure(result, str(dest))
    assert "already exists" in result.stderr and sha256(dest) == before
    result = cli("--db", str(db_path), "backup", str(db_path))
    assert_clean_failure(result, str(db_path))
    listed = cli("--db", str(db_path), "backup", "--list")
    assert made.name in listed.stdout


def test_restore_needs_yes_and_then_keeps_what_it_replaced(db_path, tmp_path):
    make_database(db_path, tasks=4)
    copy = tmp_path / "copy.db"
    assert cli("--db", str(db_path), "backup", str(copy)).returncode == 0
    for n in range(3):
        assert cli("--db", str(db_path), "add", f"備份之後{n}").returncode == 0
    after = _titles(db_path)
    before_hash = sha256(db_path)

    asked = cli("--db", str(db_path), "backup", "--restore", str(copy))
    assert_clean_failure(asked)
    assert "--yes" in asked.stderr and "4 tasks" in asked.stdout and "7 tasks" in asked.stdout
    assert sha256(db_path) == before_hash

    done = cli("--db", str(db_path), "backup", "--restore", str(copy), "--yes")
    assert done.returncode == 0, done.stderr
    assert _titles(db_path) == _titles(copy)
    [kept] = [p for p in S.list_backups(db_path) if "-replaced-" in p.name]
    assert str(kept) in done.stdout
    assert _titles(kept) == after
    assert integrity(db_path) == "ok"
    # The restored file is a working database.
    assert cli("--db", str(db_path), "add", "還原之後").returncode == 0


def test_restore_reaches_a_window_that_has_the_file_open(db_path, tmp_path):
    make_database(db_path, tasks=2)
    copy = tmp_path / "copy.db"
    open_window = _wb(db_path)
    try:
        S.backup_now(open_window, copy)
        open_window.add_task("還原時會消失")
        version = open_window.store.data_version()
        done = cli("--db", str(db_path), "backup", "--restore", str(copy), "--yes")
        assert done.returncode == 0, done.stderr
        assert open_window.store.data_version() != version
        titles = [v.task.title for v in open_window.list_tasks()]
        assert "還原時會消失" not in titles and len(titles) == 2
        open_window.add_task("還原後新增")  # and the window keeps working
    finally:
        open_window.close()
    assert integrity(db_path) == "ok"


def test_a_restored_copy_indexed_before_script_folding_is_found_at_once(db_path, tmp_path):
    """A copy from before search folded Traditional and Simplified: once restored, the
    window that has the file open finds 會議 by typing 会议 without reopening it."""
    from tests.store.test_script_fold import _unfold_index
    from workbench.store.store import TaskFilter

    open_window = _wb(db_path)
    try:
        open_window.add_task("準備校務會議材料")
        copy = tmp_path / "copy.db"
        S.backup_now(open_window, copy)
        _unfold_index(copy)
        done = cli("--db", str(db_path), "backup", "--restore", str(copy), "--yes")
        assert done.returncode == 0, done.stderr
        found = open_window.list_tasks(TaskFilter(query="会议"))
        assert [v.task.title for v in found] == ["準備校務會議材料"]
    finally:
        open_window.close()


def _not_ours(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_text("not a database"), "not a database"),
        (lambda p: None, "does not exist"),
        (_not_ours, "not a workbench"),
        (lambda p: (make_database(p, 40), task_table_overwritten(p)), "integrity"),
    ],
    ids=["text", "missing", "foreign", "damaged"],
)
def test_restore_refuses_a_bad_copy_and_changes_nothing(db_path, tmp_path, make, words):
    make_database(db_path, tasks=2)
    bad = tmp_path / "bad.db"
    if make is not None:
        make(bad)
    before = sha256(db_path)
    result = cli("--db", str(db_path), "backup", "--restore", str(bad), "--yes")
    assert_clean_failure(result, str(bad))
    assert words in result.stderr
    assert sha256(db_path) == before
    assert not [p for p in S.list_backups(db_path) if "-replaced-" in p.name]


def test_restore_refuses_a_copy_from_a_newer_version(db_path, tmp_path):
    make_database(db_path, tasks=2)
    newer = tmp_path / "newer.db"
    make_database(newer, tasks=1)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = sha256(db_path)
    result = cli("--db", str(db_path), "backup", "--restore", str(newer), "--yes")
    assert_clean_failure(result, str(newer))
    assert "newer version" in result.stderr and sha256(db_path) == before


def test_restore_over_a_damaged_database_keeps_it_byte_for_byte(db_path, tmp_path):
    make_database(db_path, tasks=40)
    copy = tmp_path / "copy.db"
    assert cli("--db", str(db_path), "backup", str(copy)).returncode == 0
    task_table_overwritten(db_path)
    damaged = sha256(db_path)
    done = cli("--db", str(db_path), "backup", "--restore", str(copy), "--yes")
    assert done.returncode == 0, done.stderr
    [kept] = [p for p in S.list_backups(db_path) if "-replaced-" in p.name]
    assert sha256(kept) == damaged
    assert integrity(db_path) == "ok" and _titles(db_path) == _titles(copy)


def test_restore_of_an_old_version_upgrades_it(db_path):
    make_database(db_path, tasks=1)
    fixture = sha256(FIXTURES / "schema-v1.db")
    result = cli("--db", str(db_path), "backup", "--restore", str(FIXTURES / "schema-v1.db"),
                 "--yes")  # fmt: skip
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert "準備校務會材料" in _titles(db_path)
    assert sha256(FIXTURES / "schema-v1.db") == fixture


def test_restore_when_there_is_no_database_yet(tmp_path):
    source = make_database(tmp_path / "source.db", tasks=3)
    target = tmp_path / "fresh" / "wb.db"
    result = cli("--db", str(target), "backup", "--restore", str(source), "--yes")
    assert result.returncode == 0, result.stderr
    assert _titles(target) == _titles(source)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_check_command(tmp_path):
    good = make_database(tmp_path / "good.db", tasks=2)
    result = cli("backup", "--check", str(good))
    assert result.returncode == 0 and "sound" in result.stdout
    assert not good.with_name("good.db-wal").exists()
    result = cli("backup", "--check", str(tmp_path))
    assert_clean_failure(result, str(tmp_path))


def test_usage_mistakes_are_explained(db_path):
    make_database(db_path, tasks=1)
    result = cli("--db", str(db_path), "backup", "--yes")
    assert result.returncode == 2 and "--restore" in result.stderr
    result = cli("--db", str(db_path), "backup", "x.db", "--list")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_backup_does_not_hold_up_the_app(db_path):
    """The copy and the check read through their own connection: the app's threads keep
    using theirs meanwhile (here it is even locked for the whole copy)."""
    import threading

    make_database(db_path, tasks=5)
    wb = _wb(db_path)
    result: list[object] = []
    try:
        with wb.store.db.lock:
            worker = threading.Thread(target=lambda: result.append(S.startup_backup(wb)))
            worker.start()
            worker.join(timeout=30)
            assert not worker.is_alive(), "the backup waited for the app's lock"
    finally:
        wb.close()
    assert result == [None]
    assert len(S.automatic_backups(db_path)) == 1
