"""The open tasks' own search index: the to-do list finds exactly what the full index finds
among open tasks, after every kind of change and after an upgrade from schema 2."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import NOW
from workbench.service import demo
from workbench.service.workbench import Workbench
from workbench.store.schema import OPEN_TASKS
from workbench.store.store import Store, TaskFilter, _search_clause

QUERIES = ("會", "會議", "家長會", "report", "REPORT", "校務會議材料", "會 report", "報",
           "週五", "Ｑ", "#", "！", "（初三）", "辦文", "a", "zzz", "準備 材料 會")  # fmt: skip


def full_index_count(store: Store, query: str) -> int:
    sql, params = _search_clause("task", query)
    return store.db.query_one(
        f"SELECT count(*) FROM task WHERE deleted IS NULL AND status = 'open'{sql}", tuple(params)
    )[0]


def assert_open_index_is_exact(store: Store) -> None:
    conn = store.db.conn
    open_ids = {r[0] for r in conn.execute(
        "SELECT id FROM task WHERE deleted IS NULL AND status = 'open'")}  # fmt: skip
    for kind in ("tri", "uni"):
        rows = dict(conn.execute(f"SELECT rowid, body FROM {OPEN_TASKS}_{kind}"))
        assert set(rows) == open_ids, kind
        full = dict(conn.execute(f"SELECT rowid, body FROM task_{kind}"))
        assert all(full[i] == body for i, body in rows.items()), kind


@pytest.fixture
def wb(db_path):
    workbench, hand = demo.open_for_demo(db_path, None, NOW)
    demo.fill_week(workbench, hand)
    demo.fill_synthetic(workbench, demo.Sizes(3000, 300, 1500), seed=4)
    yield workbench
    workbench.close()


def test_open_list_search_finds_what_the_full_index_finds(wb):
    assert_open_index_is_exact(wb.store)
    for query in QUERIES:
        assert wb.count_tasks(TaskFilter(query=query)) == full_index_count(wb.store, query), query
    assert wb.count_tasks(TaskFilter(query="會")) > 0


def test_every_change_keeps_the_open_index_exact(wb):
    view = wb.add_task("新的家長會通知 report !重")
    assert wb.count_tasks(TaskFilter(query="新的家長會")) == 1
    wb.complete_task(view.task.id)
    assert wb.count_tasks(TaskFilter(query="新的家長會")) == 0
    assert wb.count_tasks(TaskFilter(scope="all", query="新的家長會")) == 1
    wb.reopen_task(view.task.id)
    wb.edit_task(view.task.id, title="改名的家長會通知")
    assert wb.count_tasks(TaskFilter(query="新的家長會")) == 0
    assert wb.count_tasks(TaskFilter(query="改名")) == 1
    wb.delete_task(view.task.id)
    assert wb.count_tasks(TaskFilter(query="改名")) == 0
    assert wb.count_tasks(TaskFilter(scope="archive", query="改名")) == 1
    wb.undo()  # back from the archive
    assert wb.count_tasks(TaskFilter(query="改名")) == 1
    other = wb.add_task("馬上撤銷的會議")
    wb.undo()  # the row itself goes away
    assert wb.store.get_task(other.task.id) is None
    wb.cancel_task(view.task.id)
    assert_open_index_is_exact(wb.store)
    wb.store.rebuild_search()
    assert_open_index_is_exact(wb.store)
    for query in QUERIES:
        assert wb.count_tasks(TaskFilter(query=query)) == full_index_count(wb.store, query), query


def test_upgrading_from_schema_2_fills_the_open_index(db_path):
    wb, hand = demo.open_for_demo(db_path, None, NOW)
    demo.fill_week(wb, hand)
    demo.fill_synthetic(wb, demo.Sizes(500, 50, 250), seed=5)
    wb.close()
    conn = sqlite3.connect(db_path)
    for kind in ("tri", "uni"):
        conn.execute(f"DROP TABLE {OPEN_TASKS}_{kind}")
    conn.execute("DROP INDEX task_open_quadrant")  # what schema 4 adds
    for trigger in ("insert", "delete", "leave", "enter"):  # what schema 6 adds
        conn.execute(f"DROP TRIGGER task_tally_{trigger}")
    conn.execute("DROP TABLE task_tally")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    wb = Workbench.open(db_path)
    try:
        assert_open_index_is_exact(wb.store)
        assert wb.count_tasks(TaskFilter(query="會")) == full_index_count(wb.store, "會") > 0
    finally:
        wb.close()
