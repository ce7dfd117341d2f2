"""Upgrading an older database: a copy is kept first, and a failed or interrupted upgrade
leaves the file exactly as it was.

Each migration runs in one transaction in the journal mode the file already has (the
switch to WAL comes after the upgrade), so SQLite's rollback restores every page; the
tests compare the file's bytes. tests/store/test_migrations.py checks that a successful
upgrade of each released version's fixture keeps every row, event and setting.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import ROOT, assert_clean_failure, cli, integrity, sha256
from tests.store.test_migrations import FIXTURES, VERSIONS, snapshot
from workbench.store import db as db_module
from workbench.store.db import Database, StoreError
from workbench.store.schema import MIGRATIONS, SCHEMA_VERSION


def _breaking(db) -> None:
    """A migration that does real work and then fails half-way."""
    db.execute("ALTER TABLE task ADD COLUMN half_done TEXT")
    db.execute("UPDATE task SET title = title || '（改壞了）'")
    db.execute("CREATE TABLE half (x)")
    raise RuntimeError("migration bug")


@pytest.fixture
def failing_upgrade(monkeypatch):
    """Pretend the next version's migration is buggy."""
    monkeypatch.setattr(db_module, "MIGRATIONS", [*MIGRATIONS, _breaking])
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)


def _wal(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("journal", ["rollback", "wal"])
def test_a_failed_upgrade_leaves_every_byte(tmp_path, failing_upgrade, version, journal):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / f"schema-v{version}.db", path)
    if journal == "wal":
        _wal(path)
    before = sha256(path)
    with pytest.raises(StoreError) as err:
        Database(path)
    assert err.value.key == "store.error.upgrade_failed"
    assert str(path) in str(err.value) and "migration bug" in str(err.value)
    assert sha256(path) == before
    assert not path.with_name("old.db-wal").exists() or journal == "wal"
    # The copy kept before the attempt holds the same rows.
    [copy] = list(_backups().glob("old-before-*.db"))
    assert snapshot(copy) == snapshot(path)


def test_the_command_line_reports_a_failed_upgrade(tmp_path, failing_upgrade, capsys):
    from workbench.cli.main import main

    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / f"schema-v{VERSIONS[-1]}.db", path)
    before = sha256(path)
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(path), "list"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert str(path) in err and "left as it was" in err and "Traceback" not in err
    assert sha256(path) == before


def test_an_upgrade_is_not_attempted_without_a_copy(tmp_path, monkeypatch):
    """If the copy cannot be made, the file is not upgraded at all."""
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("WORKBENCH_BACKUP_DIR", str(blocker / "backups"))
    before = sha256(path)
    result = cli("--db", str(path), "list")
    assert_clean_failure(result, str(path))
    assert "copy could not be kept" in result.stderr
    assert sha256(path) == before


def test_a_successful_upgrade_keeps_a_copy_of_the_old_file(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", path)
    before = snapshot(path)
    Database(path).close()
    [copy] = list(_backups().glob("old-before-v*.db"))
    assert snapshot(copy) == before
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    # Opening again does not copy again: the file is current.
    Database(path).close()
    assert len(list(_backups().glob("old-before-v*.db"))) == 1


SLOW_UPGRADE = """
import sys, time
from pathlib import Path
from workbench.store import db
from workbench.store.schema import MIGRATIONS, SCHEMA_VERSION

def slow(d):
    d.execute("UPDATE task SET title = 'changed'")
    d.execute("CREATE TABLE newer (x)")
    print("MIDWAY", flush=True)
    time.sleep(60)

db.MIGRATIONS = [*MIGRATIONS, slow]
db.SCHEMA_VERSION = SCHEMA_VERSION + 1
db.Database(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("journal", ["rollback", "wal"])
def test_an_upgrade_killed_half_way_is_rolled_back(tmp_path, journal):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / f"schema-v{VERSIONS[-1]}.db", path)
    if journal == "wal":
        _wal(path)
    before = snapshot(path)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_UPGRADE, str(path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 30
        line = ""
        while "MIDWAY" not in line and time.monotonic() < deadline:
            line = proc.stdout.readline()
        assert "MIDWAY" in line, proc.stderr.read() if proc.stderr else ""
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    # The next opening finds the interrupted upgrade undone, and upgrades for real.
    assert snapshot(path) == before
    assert integrity(path) == "ok"
    Database(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "newer" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()


def _backups() -> Path:
    import os

    return Path(os.environ["WORKBENCH_BACKUP_DIR"])
