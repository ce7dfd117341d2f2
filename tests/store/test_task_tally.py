"""The tally of open tasks by quadrant and by due day (schema 6) stays what counting the
rows says, through every kind of change, and the header's counts read from it agree with
counting the rows at every moment."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta

import pytest

from tests.conftest import NOW
from workbench.service import demo
from workbench.service.workbench import Workbench
from workbench.store import rows as R
from workbench.store.store import Store, TaskFilter

OPEN = "deleted IS NULL AND status = 'open'"


def counted(store: Store) -> dict[str, int]:
    """The tally as counting the rows makes it."""
    found = store.db.query(
        f"SELECT 'q:' || quadrant, count(*) FROM task WHERE {OPEN} GROUP BY 1 UNION ALL "
        f"SELECT 'd:' || substr(due_sort, 1, 10), count(*) FROM task WHERE {OPEN} GROUP BY 1"
    )
    return {row[0]: row[1] for row in found}


def tallied(store: Store) -> dict[str, int]:
    return {key: n for key, n in store.db.query("SELECT key, n FROM task_tally") if n}


def counts_by_rows(store: Store, now: datetime) -> dict[str, int]:
    """What the header counted before the tally (schema 5's query)."""
    found = store.db.query_one(
        f"SELECT (SELECT count(*) FROM task WHERE {OPEN} "
        "   AND quadrant IN ('important_urgent', 'urgent_not_important')), "
        f"  (SELECT count(*) FROM task WHERE {OPEN} AND due_sort <= ?)",
        (R.ts(now),),
    )
    return {"urgent": found[0], "overdue": found[1]}


def check(wb: Workbench) -> None:
    assert tallied(wb.store) == counted(wb.store)
    now = wb.now()
    assert wb.store.task_counts(now) == counts_by_rows(wb.store, now)


@pytest.fixture
def office(db_path):
    wb, hand = demo.open_for_demo(db_path, None, NOW)
    demo.fill_week(wb, hand)
    demo.fill_synthetic(wb, demo.Sizes(300, 30, 100), seed=7)
    yield wb, hand
    wb.close()


def test_every_kind_of_change_keeps_the_tally(office):
    wb, hand = office
    wb.refresh()
    check(wb)
    rng = random.Random(3)
    open_ids = lambda: [v.task.id for v in wb.list_tasks(TaskFilter(), 0, 1000)]  # noqa: E731
    closed_ids = lambda: [  # noqa: E731
        v.task.id for v in wb.list_tasks(TaskFilter(scope="closed"), 0, 1000)
    ]
    steps = [
        lambda: wb.add_task("新的待辦 明天下午3點 !重 #辦會"),
        lambda: wb.add_task("Call the bureau today !urgent"),
        lambda: wb.add_task("沒有期限的事"),
        lambda: wb.complete_task(rng.choice(open_ids())),
        lambda: wb.cancel_task(rng.choice(open_ids())),
        lambda: wb.reopen_task(rng.choice(closed_ids())),
        lambda: wb.delete_task(rng.choice(open_ids())),
        lambda: wb.postpone_task(rng.choice(open_ids())),
        lambda: wb.toggle_urgent(rng.choice(open_ids())),
        lambda: wb.change_importance(rng.choice(open_ids()), 1),
        lambda: wb.edit_task(rng.choice(open_ids()), due="下週五"),
        lambda: wb.edit_task(rng.choice(open_ids()), due=None),
        lambda: wb.undo(),
    ]
    for step in range(120):
        rng.choice(steps)()
        if step % 10 == 0:  # time passes: dues pass, quadrants change as tasks are rescored
            hand.moment += timedelta(hours=rng.choice([1, 5, 26]))
            wb.refresh()
        check(wb)


def test_an_import_and_its_undoing_keep_the_tally(office, tmp_path):
    wb, hand = office
    from workbench.service.interchange import export_file, import_file

    exported = tmp_path / "tw.json"
    export_file(wb, exported, "taskwarrior")
    fresh = Workbench.open(tmp_path / "fresh.db", clock=hand)
    try:
        import_file(fresh, exported, fmt="taskwarrior")
        assert fresh.count_tasks(TaskFilter()) > 10
        check(fresh)
        fresh.undo()
        check(fresh)
        assert tallied(fresh.store) == {}
    finally:
        fresh.close()


def test_overdue_counts_today_up_to_the_minute(office):
    wb, hand = office
    hand.moment = datetime(2026, 11, 26, 14, 59)
    task = wb.add_task("三點前交材料 今天下午3點").task
    wb.refresh()
    before = wb.store.task_counts(wb.now())["overdue"]
    hand.moment = datetime(2026, 11, 26, 15, 1)
    assert wb.store.task_counts(wb.now())["overdue"] == before + 1
    check(wb)
    wb.complete_task(task.id)
    assert wb.store.task_counts(wb.now())["overdue"] == before
    check(wb)


def test_upgrading_to_schema_6_counts_what_is_there(db_path):
    wb, hand = demo.open_for_demo(db_path, None, NOW)
    demo.fill_synthetic(wb, demo.Sizes(400, 40, 100), seed=11)
    wb.refresh()
    expected = counted(wb.store)
    wb.close()
    conn = sqlite3.connect(db_path)
    for trigger in ("insert", "delete", "leave", "enter"):
        conn.execute(f"DROP TRIGGER task_tally_{trigger}")
    conn.execute("DROP TABLE task_tally")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    wb = Workbench.open(db_path, clock=hand)
    try:
        assert tallied(wb.store) == expected == counted(wb.store)
        check(wb)
    finally:
        wb.close()
