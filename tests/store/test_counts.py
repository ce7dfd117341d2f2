"""Remembered counts are never stale: this process's writes, a rolled-back transaction
and another process's commit all show at once."""

from __future__ import annotations

import pytest

from tests.conftest import NOW
from workbench.domain.models import Task
from workbench.store import rows as R
from workbench.store.store import Store, TaskFilter


def add(store: Store, title: str) -> int:
    row = R.task_to_row(Task(title=title, uuid=title, created=NOW, updated=NOW))
    with store.transaction():
        return store.insert_row("task", row)


def test_counts_follow_own_writes_rollbacks_and_other_processes(db_path):
    store = Store.open(db_path)
    other = Store.open(db_path)
    try:
        add(store, "會議一")
        flt = TaskFilter(query="會議")
        assert store.count_tasks(flt) == 1
        add(store, "會議二")
        assert store.count_tasks(flt) == 2
        seen = []

        def fail() -> None:
            with store.transaction():
                store.insert_row("task", R.task_to_row(Task(title="會議三", uuid="x",
                                                            created=NOW, updated=NOW)))  # fmt: skip
                seen.append(store.count_tasks(flt))  # inside: counted, not remembered
                raise RuntimeError

        with pytest.raises(RuntimeError):
            fail()
        assert seen == [3]
        assert store.count_tasks(flt) == 2
        add(other, "會議四")  # another connection commits
        assert store.count_tasks(flt) == 3
        with store.transaction():
            store.db.execute("UPDATE task SET status = 'done' WHERE title = '會議一'")
        assert store.count_tasks(flt) == 2
    finally:
        store.close()
        other.close()
