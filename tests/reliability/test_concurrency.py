"""Several writers on one file at once: every write lands, nobody crashes on a lock.

In WAL mode readers never wait; a writer takes the write lock with BEGIN IMMEDIATE and,
if another holds it, SQLite's busy handler waits up to BUSY_TIMEOUT_MS; a "busy" reported
without waiting (journal recovery after a crash) is retried a few times (BUSY_ATTEMPTS),
and so is the switch of a new file to WAL, within the same wait.
Only a writer that holds the lock longer than the timeout makes another give up, with a
message saying the file is busy and nothing was changed.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import Writer, assert_clean_failure, cli, integrity
from tests.store.test_migrations import FIXTURES
from workbench.service.workbench import Workbench
from workbench.store import db as db_module
from workbench.store.db import StoreError
from workbench.store.schema import SCHEMA_VERSION

DERIVED = {"urgency", "quadrant", "score_until", "due_sort", "deadline_sort"}
"""Columns the program recomputes (scores, sort keys): not data that could be lost."""


def snapshot(path: Path) -> dict[str, list[dict]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    tables = ("task", "instruction", "extension", "chase", "feedback", "event")
    out = {t: [dict(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in tables}
    conn.close()
    return out


def _run_parallel(db: Path, writers: int, count: int, closes: int = 5) -> list[list[str]]:
    started = [Writer.start(db, n, count=count, closes=closes) for n in range(1, writers + 1)]
    acks = []
    for w in started:
        err = w.finish(timeout=300)
        assert w.proc.returncode == 0, err
        assert err == "", err  # no "database is locked", no traceback
        assert len(w.acks()) == count + (count // closes if closes else 0)
        acks.extend(w.acks())
    return acks


def _all_present(db: Path, acks: list[list[str]]) -> None:
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    titles = {r[0] for r in conn.execute("SELECT title FROM task")}
    closed = {r[0] for r in conn.execute("SELECT id FROM instruction WHERE status = 'done'")}
    conn.close()
    tasks = [a[1] for a in acks if a[0] == "task"]
    assert set(tasks) <= titles and len(titles) == len(tasks)
    assert {int(a[1]) for a in acks if a[0] == "close"} <= closed


def test_parallel_writers_lose_nothing(tmp_path):
    db = tmp_path / "shared.db"
    acks = _run_parallel(db, writers=4, count=40)
    _all_present(db, acks)


@pytest.mark.long
def test_many_parallel_writers_lose_nothing(tmp_path):
    db = tmp_path / "shared.db"
    acks = _run_parallel(db, writers=8, count=400)
    _all_present(db, acks)


def test_windows_creating_one_new_file_at_once(tmp_path):
    """Six processes open a database that does not exist yet, at the same moment."""
    db = tmp_path / "new" / "born.db"
    acks = _run_parallel(db, writers=6, count=3, closes=0)
    _all_present(db, acks)


def test_a_file_another_window_is_writing_is_switched_to_wal_when_it_is_free(tmp_path):
    """The switch to WAL needs the file to itself, and SQLite refuses it at once, without
    its busy wait, while another window holds the write lock of a file still in the old
    journal mode: two windows opening one new file (or one a killed window left half
    made) at the same moment. The window waits, as a write would, then switches."""
    db = tmp_path / "half-made.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    releaser.start()
    started = time.monotonic()
    wb = Workbench.open(db)
    releaser.join()
    holder.close()
    assert time.monotonic() - started >= 0.5
    wb.add_task("切換之後")
    wb.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT title FROM task")] == ["切換之後"]
    conn.close()


def test_windows_upgrading_one_old_file_at_once(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", db)
    before = snapshot(db)
    acks = _run_parallel(db, writers=4, count=3, closes=0)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    after = snapshot(db)
    for table, rows in before.items():
        kept = [
            {k: v for k, v in row.items() if k not in DERIVED}
            for row in after[table]
            if row["id"] in {r["id"] for r in rows}
        ]
        assert kept == [{k: v for k, v in r.items() if k not in DERIVED} for r in rows], table
    assert len(after["task"]) == len(before["task"]) + len(acks)


def test_a_write_waits_for_another_window(tmp_path):
    """Another window holds the write lock for a second: the command waits, then saves."""
    db = tmp_path / "wait.db"
    Workbench.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
    releaser.start()
    started = time.monotonic()
    result = cli("--db", str(db), "add", "等一下再存")
    releaser.join()
    holder.close()
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 1.0
    wb = Workbench.open(db)
    assert [v.task.title for v in wb.list_tasks()] == ["等一下再存"]
    wb.close()


def test_a_lock_held_too_long_is_explained_and_changes_nothing(tmp_path, monkeypatch):
    db = tmp_path / "busy.db"
    wb = Workbench.open(db)
    wb.add_task("已有")
    events = wb.store.count_events()
    monkeypatch.setattr(db_module, "BUSY_ATTEMPTS", 2)
    wb.store.db.conn.execute("PRAGMA busy_timeout = 100")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as err:
            wb.add_task("不該存入")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert err.value.key == "store.error.busy"
    assert str(db) in str(err.value)
    assert wb.store.count_events() == events
    assert [v.task.title for v in wb.list_tasks()] == ["已有"]
    wb.close()


def test_the_command_line_explains_a_busy_file(tmp_path, monkeypatch, capsys):
    from workbench.cli.main import main

    db = tmp_path / "busy.db"
    Workbench.open(db).close()
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(db_module, "BUSY_ATTEMPTS", 2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(SystemExit) as exit_:
            main(["--db", str(db), "add", "不該存入"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "busy" in err and str(db) in err and "Traceback" not in err


def test_two_workbenches_see_each_others_changes(tmp_path):
    db = tmp_path / "two.db"
    one = Workbench.open(db)
    two = Workbench.open(db)
    try:
        version = two.store.data_version()
        one.add_task("一號視窗寫的")
        assert two.store.data_version() != version
        assert [v.task.title for v in two.list_tasks()] == ["一號視窗寫的"]
        view = two.add_instruction("二號視窗登記", leader="校長")
        assert one.instruction_view(view.instruction.id).instruction.content == "二號視窗登記"
        # The same row changed from both sides: the later change wins, nothing is lost
        # from history, and undo refuses to undo over the other window's change.
        task_id = one.list_tasks()[0].task.id
        one.edit_task(task_id, title="一號改")
        two.edit_task(task_id, title="二號改")
        assert one.task_view(task_id).task.title == "二號改"
        assert [e.action for e in one.history("task", task_id)] == [
            "task.add", "task.edit", "task.edit",
        ]  # fmt: skip
    finally:
        one.close()
        two.close()


def test_a_busy_error_from_the_command_line_has_no_traceback(tmp_path):
    """A file held by another process for longer than we wait, through the real program:
    it waits BUSY_TIMEOUT_MS, then explains."""
    db = tmp_path / "held.db"
    Workbench.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("--db", str(db), "add", "x", timeout=120)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_clean_failure(result, str(db), "busy")
