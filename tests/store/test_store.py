"""The SQLite file: settings, permissions, migrations, search and paging."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from tests.conftest import NOW
from workbench.domain.models import Task
from workbench.store import rows as R
from workbench.store.db import Database, StoreError
from workbench.store.schema import SCHEMA_VERSION
from workbench.store.search import parse_query, unigram_body
from workbench.store.store import Store, TaskFilter


def make_task(store: Store, title: str, notes: str = "", **kw) -> int:
    task = Task(
        title=title,
        notes=notes,
        uuid=f"u-{title}-{kw.get('id', '')}",
        created=NOW,
        updated=NOW,
        **kw,
    )
    with store.transaction():
        return store.insert_row("task", R.task_to_row(task))


def test_new_database_has_wal_full_sync_and_schema_version(db_path):
    store = Store.open(db_path)
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.schema_version == SCHEMA_VERSION


def test_file_is_private_and_folder_too(tmp_path):
    path = tmp_path / "new" / "deeper" / "wb.db"
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == before


def test_other_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(db_path)


def test_missing_database_is_an_error_when_not_creating(db_path):
    with pytest.raises(StoreError):
        Database(db_path, create=False)
    assert not db_path.exists()


def test_failed_transaction_changes_nothing(db_path):
    store = Store.open(db_path)
    make_task(store, "kept")
    row = R.task_to_row(Task(title="lost", uuid="x", created=NOW, updated=NOW))

    def add_then_fail():
        with store.transaction():
            store.insert_row("task", row)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        add_then_fail()
    assert store.count_tasks(TaskFilter(scope="all")) == 1


def test_constraints_refuse_bad_codes(db_path):
    store = Store.open(db_path)
    row = R.task_to_row(Task(title="x", uuid="y", created=NOW, updated=NOW))
    row["importance"] = "critical"
    with pytest.raises(StoreError), store.transaction():
        store.insert_row("task", row)


# ----------------------------------------------------------------- search


def test_unigram_body_breaks_words_apart():
    assert unigram_body("校務會 材料") == "校 务 会 § 材 料"  # folded to Simplified
    assert unigram_body("Good, day!") == "g o o d § d a y §"


def test_query_terms_pick_their_index():
    kinds = [term.index for term in parse_query("會 會議 校務會 report #")]
    assert kinds == ["uni", "uni", "tri", "tri", "scan"]


@pytest.fixture
def searchable(db_path):
    store = Store.open(db_path)
    for title, notes in [
        ("準備校務會材料", "會前印好"),
        ("寫本週工作總結", ""),
        ("聯繫教育局", "問會議時間"),
        ("Good day report", "quarterly"),
        ("审核会议纪要", ""),
        ("FULLWIDTH ＡＢＣ", ""),
    ]:
        make_task(store, title, notes)
    return store


def titles(store, query):
    return sorted(t.task.title for t in store.task_page(TaskFilter(query=query), 0, 100))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("會", sorted(["準備校務會材料", "聯繫教育局", "审核会议纪要"])),  # one character
        ("會議", sorted(["聯繫教育局", "审核会议纪要"])),  # two characters, in notes; either script
        ("校務", ["準備校務會材料"]),
        ("校務會材料", ["準備校務會材料"]),
        ("校务会材料", ["準備校務會材料"]),  # typed in Simplified, stored in Traditional
        ("会议", sorted(["聯繫教育局", "审核会议纪要"])),
        ("會議紀要", ["审核会议纪要"]),  # typed in Traditional, stored in Simplified
        ("審核會", ["审核会议纪要"]),
        ("總結", ["寫本週工作總結"]),
        ("dd", []),  # never across a word break ("good day")
        ("od", ["Good day report"]),
        ("REPORT", ["Good day report"]),  # case does not matter
        ("port", ["Good day report"]),  # any substring
        ("abc", ["FULLWIDTH ＡＢＣ"]),  # full-width folds to half-width
        ("教育 會議", ["聯繫教育局"]),  # every term must match
        ("教育 總結", []),
        ("不存在", []),
    ],
)
def test_search_finds_any_substring(searchable, query, expected):
    assert titles(searchable, query) == expected
    assert searchable.count_tasks(TaskFilter(query=query)) == len(expected)


def test_search_follows_edits_and_deletes(searchable):
    [view] = searchable.task_page(TaskFilter(query="總結"), 0, 10)
    with searchable.transaction():
        searchable.update_row("task", view.task.id, {"title": "寫本月計劃"})
    assert titles(searchable, "總結") == []
    assert titles(searchable, "月計") == ["寫本月計劃"]
    with searchable.transaction():
        searchable.restore_row("task", view.task.id, None)
    assert titles(searchable, "月計") == []


def test_markup_like_text_is_stored_as_typed(db_path):
    store = Store.open(db_path)
    task_id = make_task(store, "[bold]x[/bold] [/] [$accent]")
    assert store.get_task(task_id).title == "[bold]x[/bold] [/] [$accent]"
    assert titles(store, "[/]") == ["[bold]x[/bold] [/] [$accent]"]


def test_page_and_position_follow_the_stored_order(db_path):
    store = Store.open(db_path)
    ids = [make_task(store, f"task {n}") for n in range(30)]
    with store.transaction():
        store.set_scores((task_id, float(n), "neither", "9999") for n, task_id in enumerate(ids))
    page = store.task_page(TaskFilter(), 0, 5)
    assert [v.task.id for v in page] == ids[::-1][:5]
    assert [v.task.id for v in store.task_page(TaskFilter(), 25, 10)] == ids[::-1][25:]
    assert store.task_position(TaskFilter(), ids[0]) == 29
    assert store.task_position(TaskFilter(), ids[29]) == 0


def test_position_agrees_with_the_page_when_scores_tie(db_path):
    """Ties in urgency fall back to due date, creation and id; the position of every task
    is where the page shows it, with and without a search."""
    store = Store.open(db_path)
    ids = [make_task(store, f"會議 {n}" if n % 3 else f"報告 {n}") for n in range(24)]
    with store.transaction():
        store.set_scores(
            (task_id, float(n % 4), "neither", "9999") for n, task_id in enumerate(ids)
        )
    for flt in (TaskFilter(), TaskFilter(query="會議")):
        shown = [v.task.id for v in store.task_page(flt, 0, 100)]
        assert len(shown) == (24 if not flt.query else 16)
        assert [store.task_position(flt, task_id) for task_id in shown] == list(range(len(shown)))
    assert store.task_position(TaskFilter(query="會議"), ids[0]) is None


def test_file_mode_survives_when_umask_is_loose(tmp_path):
    old = os.umask(0)
    try:
        path = tmp_path / "loose.db"
        Store.open(path).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_bulk_insert_indexes_and_sorts_like_single_inserts(db_path):
    store = Store.open(db_path)
    rows = [
        R.task_to_row(Task(title=f"批量任務 {n} 會議", uuid=f"b-{n}", created=NOW, updated=NOW,
                           due=None))
        for n in range(500)
    ]  # fmt: skip
    with store.transaction():
        ids = store.bulk_insert("task", rows)
    assert len(ids) == 500
    assert store.count_tasks(TaskFilter(query="會議")) == 500
    assert store.count_tasks(TaskFilter(query="批量任務 499")) == 1
    assert len(store.stale_tasks(NOW, limit=1000)) == 500  # scored by the service later


def _plans(store: Store, run) -> list[str]:
    """The query plans of the statements `run` makes, as SQLite explains them."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        store.db.conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            rows = store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            plans.append(" | ".join(r[-1] for r in rows))
    return plans


def test_searched_page_and_position_walk_the_open_order_index(db_path):
    """A page of a searched open list walks the open tasks in display order (stopping when
    the page is full) instead of sorting every match; a position counts down that index
    from the top instead of reading every open task."""
    store = Store.open(db_path)
    ids = [make_task(store, f"會議 {n}") for n in range(10)]
    with store.transaction():
        store.set_scores((task_id, float(n), "neither", "9999") for n, task_id in enumerate(ids))
    page = _plans(store, lambda: store.task_page(TaskFilter(query="會"), 0, 5))
    assert any("SCAN task USING INDEX task_open_order" in p for p in page), page
    assert not any("TEMP B-TREE FOR ORDER BY" in p for p in page), page
    position = _plans(store, lambda: store.task_position(TaskFilter(), ids[3]))
    assert any("SEARCH task USING INDEX task_open_order (urgency>?)" in p for p in position), (
        position
    )
