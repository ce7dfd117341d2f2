"""Search folds Traditional and Simplified Chinese to one form, and a database indexed with
another table (or before folding) is indexed again once, when it is opened."""

from __future__ import annotations

import marshal
import shutil
import sqlite3

import pytest

from tests.store.test_migrations import FIXTURES
from tests.store.test_store import make_task, titles
from workbench import locations
from workbench.store import script_fold
from workbench.store.search import normalize
from workbench.store.store import SEARCH_FOLD, Store, TaskFilter


def test_the_table_comes_with_the_installation():
    assert script_fold.fingerprint() != "none"
    assert len(script_fold.table()) > 2000


@pytest.fixture
def fresh_table():
    """The table as a new process finds it (each process makes or reads it once)."""
    script_fold.table.cache_clear()
    yield
    script_fold.table.cache_clear()


def test_the_table_is_kept_in_the_cache_and_read_back(fresh_table):
    made = script_fold._from_text()
    assert script_fold.table() == made
    (kept,) = locations.cache_dir().glob("script-fold-*.marshal")
    assert script_fold.fingerprint() in kept.name
    assert marshal.loads(kept.read_bytes()) == made
    kept.write_bytes(marshal.dumps({ord("會"): "X"}))  # what a later process reads
    script_fold.table.cache_clear()
    assert script_fold.fold("會議") == "X議"


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", marshal.dumps([1, 2]), marshal.dumps({})])
def test_a_damaged_kept_table_is_made_again(fresh_table, damage):
    script_fold.table()
    (kept,) = locations.cache_dir().glob("script-fold-*.marshal")
    kept.write_bytes(damage)
    script_fold.table.cache_clear()
    assert script_fold.fold("會議") == "会议"
    assert marshal.loads(kept.read_bytes()) == script_fold._from_text()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(fresh_table, monkeypatch, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(blocked / "cache"))
    assert script_fold.fold("會議") == "会议"


@pytest.mark.parametrize(("typed", "folded"), [
    ("會議", "会议"),
    ("会议", "会议"),
    ("準備校務會材料", "准备校务会材料"),
    ("後天交報告", "后天交报告"),
    ("頭髮 發言", "头发 发言"),  # two Traditional characters, one Simplified
    ("臺北", "台北"),
    ("Report 10:00", "Report 10:00"),  # only Chinese changes here; case is normalize's
])  # fmt: skip
def test_fold_is_one_character_for_one(typed, folded):
    assert script_fold.fold(typed) == folded
    assert len(script_fold.fold(typed)) == len(typed)


def test_every_folded_character_is_stable():
    """Folding twice is folding once: a query folds to what the text folded to."""
    table = script_fold.table()
    assert all(ord(target) not in table for target in table.values())


def test_query_and_text_fold_alike():
    assert normalize("會議") == normalize("会议") == normalize("會议")


@pytest.fixture
def mixed(db_path):
    store = Store.open(db_path)
    for title in ("準備校務會議材料", "审核会议纪要", "交後天的報告", "Weekly report"):
        make_task(store, title)
    return store


@pytest.mark.parametrize(("query", "expected"), [
    ("会议", ["审核会议纪要", "準備校務會議材料"]),
    ("會議", ["审核会议纪要", "準備校務會議材料"]),
    ("会", ["审核会议纪要", "準備校務會議材料"]),
    ("校务会议", ["準備校務會議材料"]),
    ("審核會議紀要", ["审核会议纪要"]),
    ("后天", ["交後天的報告"]),
    ("报告", ["交後天的報告"]),
    ("報告 后天", ["交後天的報告"]),
    ("report", ["Weekly report"]),
])  # fmt: skip
def test_either_script_finds_either(mixed, query, expected):
    assert titles(mixed, query) == sorted(expected)
    assert mixed.count_tasks(TaskFilter(query=query)) == len(expected)


def _unfold_index(path) -> None:
    """What a database indexed before folding holds: bodies in the script as typed."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM setting WHERE key = ?", (SEARCH_FOLD,))
    for name in ("task", "task_open"):
        for kind in ("tri", "uni"):
            conn.execute(f"DELETE FROM {name}_{kind}")
    rows = conn.execute("SELECT id, title FROM task").fetchall()
    for name in ("task", "task_open"):
        conn.executemany(f"INSERT INTO {name}_tri (rowid, body) VALUES (?, ?)", rows)
        conn.executemany(
            f"INSERT INTO {name}_uni (rowid, body) VALUES (?, ?)",
            [(i, " ".join(title)) for i, title in rows],
        )
    conn.commit()
    conn.close()


def test_an_index_folded_otherwise_is_rebuilt_once_on_open(db_path):
    store = Store.open(db_path)
    make_task(store, "準備校務會議材料")
    store.close()
    _unfold_index(db_path)
    told = []
    store = Store.open(db_path, on_reindex=lambda: told.append(1))
    assert told == [1]  # a person waiting is told why
    assert titles(store, "会议") == ["準備校務會議材料"]
    assert store.get_setting(SEARCH_FOLD) == script_fold.fingerprint()
    store.close()
    store = Store.open(db_path, on_reindex=lambda: told.append(2))
    assert told == [1]  # once
    store.close()


def test_a_new_table_reindexes_and_a_missing_one_folds_nothing(db_path, monkeypatch):
    store = Store.open(db_path)
    make_task(store, "準備校務會議材料")
    store.close()
    # Without the table (another package took its name, say) search still works,
    # in the script as typed, and the index says so.
    monkeypatch.setattr(script_fold, "_table_file", lambda: b"")
    monkeypatch.setattr(script_fold, "table", dict)
    store = Store.open(db_path)
    assert store.get_setting(SEARCH_FOLD) == "none"
    assert titles(store, "會議") == ["準備校務會議材料"]
    assert titles(store, "会议") == []
    store.close()
    monkeypatch.undo()
    store = Store.open(db_path)
    assert titles(store, "会议") == ["準備校務會議材料"]
    store.close()


def test_a_new_database_is_not_announced(tmp_path):
    told = []
    Store.open(tmp_path / "new.db", on_reindex=lambda: told.append(1)).close()
    assert told == []


def test_an_upgraded_database_finds_across_scripts(tmp_path):
    path = tmp_path / "v5.db"
    shutil.copy(FIXTURES / "schema-v5.db", path)
    store = Store.open(path)
    try:
        assert "準備校務會材料" in titles(store, "校务会")
    finally:
        store.close()
