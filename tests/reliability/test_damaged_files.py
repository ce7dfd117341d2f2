"""Damaged and unusual database files, through the real command line.

Each case gets a message that names the file and says what to do, a non-zero exit, no
traceback, and the file left byte for byte as it was (nothing beside it either). No empty
database is ever created over a file that is not one.

Permissions: tests here often run as root, and root may write any file. The read-only
cases therefore run the program without the two capabilities that let root ignore
permissions (see `helpers.unprivileged`); they skip, saying so, where that is impossible.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from tests.reliability.helpers import assert_clean_failure, cli, integrity, sha256, unprivileged
from workbench.service.workbench import Workbench
from workbench.store.schema import SCHEMA_VERSION

PAGE = 4096


def make_database(path: Path, tasks: int = 30) -> Path:
    """A real workbench database, closed (its journal merged), with some of everything."""
    wb = Workbench.open(path)
    for n in range(tasks):
        wb.add_task(f"任務{n} 下週五 #辦文", notes="備註" * 50)
    view = wb.add_instruction("落實校園安全檢查", leader="校長", deadline="2099-12-31")
    wb.add_feedback(view.instruction.id, "已完成七成")
    wb.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    return page[0]


def _overwrite_page(path: Path, number: int, data: bytes) -> None:
    with path.open("r+b") as handle:
        handle.seek((number - 1) * PAGE)
        handle.write(data[:PAGE].ljust(PAGE, b"\xa5"))


def not_a_database(path: Path) -> None:
    path.write_text("買菜：白菜、豆腐\n" * 200, encoding="utf-8")


def zeros(path: Path) -> None:
    path.write_bytes(bytes(3 * PAGE))


def truncated_header(path: Path) -> None:
    make_database(path)
    os.truncate(path, 50)


def truncated_half(path: Path) -> None:
    make_database(path)
    os.truncate(path, path.stat().st_size // 2)


def task_table_overwritten(path: Path) -> None:
    make_database(path)
    _overwrite_page(path, _root_page(path, "task"), os.urandom(PAGE))


def schema_page_overwritten(path: Path) -> None:
    make_database(path)
    with path.open("r+b") as handle:
        handle.seek(100)  # just after the file header: the schema table's page
        handle.write(b"\xff" * 400)


def newer_version(path: Path) -> None:
    make_database(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()


def other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)")
    conn.execute("INSERT INTO accounts VALUES (1, 99.5)")
    conn.commit()
    conn.close()


DAMAGE = [
    not_a_database, zeros, truncated_header, truncated_half, task_table_overwritten,
    schema_page_overwritten, newer_version, other_program,
]  # fmt: skip
COMMANDS = [
    ["list"], ["list", "--all"], ["add", "新任務"], ["instr", "list", "--all"],
    ["instr", "add", "新批示", "--leader", "校長"], ["done", "1"], ["brief"],
    ["summary", "--month"], ["backup"],
]  # fmt: skip
OPEN_FAILS = {not_a_database, zeros, truncated_header, newer_version, other_program,
              schema_page_overwritten}  # fmt: skip
"""Damage found when the file is opened, before any screen would start."""


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


MUST_FAIL = [["list"], ["list", "--all"], ["add", "新任務"], ["done", "1"], ["backup"]]
"""Commands that read or write the tasks: every kind of damage here stops them."""


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
def test_damaged_file_is_refused_and_left_alone(tmp_path, damage):
    path = tmp_path / "wb.db"
    damage(path)
    before, files = sha256(path), _listing(tmp_path)
    commands = list(COMMANDS)
    if damage in OPEN_FAILS:
        commands.append([])  # the workbench screen: refused before it takes the terminal
    for args in commands:
        result = cli("--db", str(path), *args, stdin=subprocess.DEVNULL)
        if damage in OPEN_FAILS or args in MUST_FAIL or result.returncode:
            assert_clean_failure(result, str(path))
            assert sha256(path) == before, args
            assert _listing(tmp_path) == files, args
        else:
            # Damage in pages this command never reads leaves it working (and, for a
            # change, writing to intact pages): the backup's integrity check reports it.
            assert "Traceback" not in result.stderr
            before = sha256(path)
    backups = Path(os.environ["WORKBENCH_BACKUP_DIR"])
    assert not backups.exists() or not any(backups.iterdir()), "a damaged file was backed up"


def test_messages_say_what_to_do(tmp_path):
    cases = {
        not_a_database: "not a workbench database",
        newer_version: "newer version",
        other_program: "another program",
        truncated_half: "restore the latest backup",
    }
    for damage, words in cases.items():
        path = tmp_path / f"{damage.__name__}.db"
        damage(path)
        result = cli("--db", str(path), "list", "--all")
        assert words in result.stderr.lower().replace("Restore", "restore"), result.stderr


def test_corruption_in_the_middle_is_caught_at_the_latest_by_the_backup(tmp_path):
    """Bytes overwritten somewhere in the middle may sit in a page no list reads. Reads
    then still work (or say the file is damaged); the backup's integrity check always
    finds it, refuses to make a copy, and keeps the earlier backups."""
    path = make_database(tmp_path / "wb.db", tasks=120)
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 + 123)
        handle.write(os.urandom(2 * PAGE))
    before = sha256(path)
    for args in (["list", "--all"], ["instr", "list", "--all"], ["brief"]):
        result = cli("--db", str(path), *args)
        assert "Traceback" not in result.stderr
        if result.returncode:
            assert_clean_failure(result, str(path))
    result = cli("--db", str(path), "backup")
    assert_clean_failure(result, str(path))
    assert "integrity" in result.stderr
    result = cli("backup", "--check", str(path))
    assert_clean_failure(result, str(path))
    assert sha256(path) == before
    backups = Path(os.environ["WORKBENCH_BACKUP_DIR"])
    assert not backups.exists() or not [p for p in backups.iterdir() if p.suffix == ".db"]


def test_a_folder_where_the_file_should_be(tmp_path):
    folder = tmp_path / "wb.db"
    folder.mkdir()
    result = cli("--db", str(folder), "list")
    assert_clean_failure(result, str(folder))
    assert "folder" in result.stderr


def test_a_path_whose_folders_do_not_exist_yet(tmp_path):
    path = tmp_path / "new" / "deeper" / "wb.db"
    result = cli("--db", str(path), "add", "第一項")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert integrity(path) == "ok"


def test_an_orphaned_journal_is_not_replayed_into_a_new_file(tmp_path):
    """A -wal file left behind by a deleted database must not become part of a new one."""
    old = make_database(tmp_path / "wb.db", tasks=3)
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    keep = sqlite3.connect(old)  # keeps the -wal file alive while we copy it
    conn.execute("UPDATE task SET title = '舊資料庫的' WHERE id = 1")
    wal = old.with_name(old.name + "-wal").read_bytes()
    keep.close()
    conn.close()
    old.unlink()
    for suffix in ("-wal", "-shm"):
        old.with_name(old.name + suffix).unlink(missing_ok=True)
    old.with_name(old.name + "-wal").write_bytes(wal)
    result = cli("--db", str(old), "list", "--all", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert integrity(old) == "ok"
    assert list(tmp_path.glob("wb.db-wal.orphan-*"))


# ----------------------------------------------------------------- permissions


def test_a_read_only_file_can_be_listed_but_not_changed(tmp_path):
    prefix = unprivileged()
    path = make_database(tmp_path / "wb.db")
    path.chmod(0o444)
    before = sha256(path)
    listed = cli("--db", str(path), "list", "--all", prefix=prefix)
    assert listed.returncode == 0, listed.stderr
    assert "任務0" in listed.stdout
    for args in (["add", "不該存入"], ["done", "1"], ["instr", "close", "1", "--note", "x"]):
        result = cli("--db", str(path), *args, prefix=prefix)
        assert_clean_failure(result, str(path))
        assert "read-only" in result.stderr
    assert sha256(path) == before
    for args in (["brief"], ["summary", "--month"], ["export"], ["instr", "list", "--all"]):
        result = cli("--db", str(path), *args, prefix=prefix)
        assert result.returncode == 0, (args, result.stderr)
    assert sha256(path) == before
    # A backup of a read-only database still works: it only reads.
    result = cli("--db", str(path), "backup", str(tmp_path / "copy.db"), prefix=prefix)
    assert result.returncode == 0, result.stderr
    assert integrity(tmp_path / "copy.db") == "ok"


def test_a_read_only_folder_can_be_listed_but_not_changed(tmp_path):
    prefix = unprivileged()
    folder = tmp_path / "ro"
    folder.mkdir()
    path = make_database(folder / "wb.db")
    folder.chmod(0o555)
    try:
        before, files = sha256(path), _listing(folder)
        listed = cli("--db", str(path), "list", "--all", prefix=prefix)
        assert listed.returncode == 0, listed.stderr
        assert "任務0" in listed.stdout
        result = cli("--db", str(path), "add", "不該存入", prefix=prefix)
        assert_clean_failure(result, str(path))
        assert "read-only" in result.stderr
        assert sha256(path) == before
        assert _listing(folder) == files
    finally:
        folder.chmod(0o700)


def test_unmerged_changes_in_a_read_only_folder_are_explained(tmp_path):
    """WAL changes not yet merged into the file need a -shm file the folder refuses: we
    cannot read the latest data, so we say so instead of showing an old state."""
    prefix = unprivileged()
    source = make_database(tmp_path / "src.db", tasks=2)
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("UPDATE task SET title = '最新的' WHERE id = 1")
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(source, folder / "wb.db")
    shutil.copy(source.with_name("src.db-wal"), folder / "wb.db-wal")
    writer.close()
    path = folder / "wb.db"
    folder.chmod(0o555)
    try:
        before = sha256(path), sha256(folder / "wb.db-wal")
        result = cli("--db", str(path), "list", "--all", prefix=prefix)
        assert_clean_failure(result, str(path))
        assert "folder is read-only" in result.stderr
        assert (sha256(path), sha256(folder / "wb.db-wal")) == before
    finally:
        folder.chmod(0o700)


def test_an_unreadable_file_is_explained(tmp_path):
    prefix = unprivileged()
    path = make_database(tmp_path / "wb.db")
    path.chmod(0o000)
    try:
        result = cli("--db", str(path), "list", prefix=prefix)
        assert_clean_failure(result, str(path))
        assert "permission" in result.stderr or "not readable" in result.stderr
    finally:
        path.chmod(0o600)


def test_a_file_that_cannot_be_created_is_explained(tmp_path):
    prefix = unprivileged()
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    try:
        result = cli("--db", str(folder / "wb.db"), "add", "x", prefix=prefix)
        assert_clean_failure(result, str(folder / "wb.db"))
        assert not (folder / "wb.db").exists()
    finally:
        folder.chmod(0o700)
