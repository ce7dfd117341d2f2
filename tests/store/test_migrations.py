"""Every released schema version upgrades to the current one without losing anything."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from workbench.store.schema import SCHEMA_VERSION
from workbench.store.store import SEARCH_FOLD, Store, TaskFilter

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = ("task", "instruction", "extension", "chase", "feedback", "event", "setting")
VERSIONS = sorted(int(p.stem.split("-v")[1]) for p in FIXTURES.glob("schema-v*.db"))


def snapshot(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    out = {}
    for table in TABLES:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall())
    conn.close()
    return out


def test_there_is_a_fixture_for_every_released_version():
    assert list(range(1, len(VERSIONS) + 1)) == VERSIONS
    assert VERSIONS[-1] in (SCHEMA_VERSION, SCHEMA_VERSION - 1)


@pytest.mark.parametrize("version", VERSIONS)
def test_upgrade_keeps_every_row(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    shutil.copy(FIXTURES / f"schema-v{version}.db", path)
    before = snapshot(path)
    assert sum(len(rows) for rows in before.values()) > 10
    store = Store.open(path)
    assert store.db.schema_version == SCHEMA_VERSION
    store.close()
    after = snapshot(path)
    # The search indexes note which script table folded them (see Store.open).
    after["setting"] = [row for row in after["setting"] if row[0] != SEARCH_FOLD]
    for table in TABLES:
        # Columns added later are appended; the old columns keep their values.
        width = len(before[table][0]) if before[table] else 0
        assert [row[:width] for row in after[table]] == before[table], table


@pytest.mark.parametrize("version", VERSIONS)
def test_upgraded_database_works(tmp_path, version):
    from workbench.service.workbench import Workbench

    path = tmp_path / f"v{version}.db"
    shutil.copy(FIXTURES / f"schema-v{version}.db", path)
    wb = Workbench.open(path)
    try:
        titles = {v.task.title for v in wb.list_tasks(TaskFilter(scope="all"))}
        assert "準備校務會材料" in titles
        assert wb.instruction_view(1).instruction.original_deadline.isoformat() == "2026-11-27"
        assert [f.content for f in wb.feedback_of(1)] == ["已完成七成"]
        wb.store.rebuild_search()
        assert wb.count_tasks(TaskFilter(query="總結")) == 1
        assert wb.store.get_setting("last_backup") == "2026-11-20"
    finally:
        wb.close()
