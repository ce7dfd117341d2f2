"""The queries of import and export that `Store` has no use for elsewhere.

Export reads every table in id order, a chunk at a time (keyset paging: each chunk is an
index walk, whatever its position), from a snapshot so that a long export sees one moment
even while another window writes. Import finds rows by uuid, inserts many at once keeping
their ids when asked, and writes history events as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from workbench.store import rows as R
from workbench.store.db import Database
from workbench.store.store import OPEN_INSTRUCTION, SORT_KEYS, Store

CHUNK = 2000
"""Rows per chunk: large enough to amortise a query, small enough to keep memory flat."""

EVENT_COLUMNS = (
    "id",
    "at",
    "action",
    "entity",
    "entity_id",
    "changes",
    "summary",
    "undoes",
    "undone_by",
)
RECORD_TABLES = ("instruction", "feedback", "task")
ALL_TABLES = (*RECORD_TABLES, "extension", "chase", "event")

_SCOPES = {
    "all": "1",
    "open_dated_task": "deleted IS NULL AND status = 'open' AND due IS NOT NULL",
    "open_dated_instruction": f"deleted IS NULL AND {OPEN_INSTRUCTION} AND deadline IS NOT NULL",
}


def _columns(table: str) -> tuple[str, ...]:
    return EVENT_COLUMNS if table == "event" else R.BASE_COLUMNS[table]


@contextmanager
def snapshot(store: Store) -> Iterator[Store]:
    """A second connection inside one read transaction: everything read through it is of
    one moment, and in WAL mode it blocks no writer."""
    db = Database(store.path, create=False)
    try:
        db.conn.execute("BEGIN")
        db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield Store(db)
    finally:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        db.close()


def is_empty(store: Store) -> bool:
    """True when no table holds data: an import may then keep every row's id."""
    return all(store.db.query_one(f"SELECT 1 FROM {table} LIMIT 1") is None for table in ALL_TABLES)


def _where(table: str, scope: str, include_confidential: bool) -> str:
    where = _SCOPES[scope]
    if not include_confidential and table in RECORD_TABLES:
        where += " AND confidential = 0"
    return where


def count(
    store: Store, table: str, *, scope: str = "all", include_confidential: bool = True
) -> int:
    where = _where(table, scope, include_confidential)
    return store.db.query_one(f"SELECT count(*) FROM {table} WHERE {where}")[0]


def chunks(
    store: Store,
    table: str,
    *,
    scope: str = "all",
    include_confidential: bool = True,
    size: int = CHUNK,
) -> Iterator[list[R.Row]]:
    """Every row of `table` (base columns) in id order, `size` rows at a time."""
    where = _where(table, scope, include_confidential)
    cols = ", ".join(_columns(table))
    last = 0
    while True:
        found = store.db.query(
            f"SELECT {cols} FROM {table} WHERE id > ? AND {where} ORDER BY id LIMIT ?",
            (last, size),
        )
        if not found:
            return
        yield [dict(r) for r in found]
        last = found[-1]["id"]


def confidential_ids(store: Store, table: str) -> set[int]:
    """Ids of the confidential rows of a table: few, and what an export leaves out."""
    assert table in RECORD_TABLES
    return {r[0] for r in store.db.query(f"SELECT id FROM {table} WHERE confidential = 1")}


def _json_list(values: Iterable[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def uuids_of(store: Store, table: str, ids: Iterable[int]) -> dict[int, str]:
    """id → uuid for the given rows (the targets of links, written as uuids)."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    found = store.db.query(
        f"SELECT id, uuid FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
        (_json_list(wanted),),
    )
    return {r[0]: r[1] for r in found}


def find_uuids(store: Store, table: str, uuids: Iterable[str]) -> dict[str, tuple[int, str | None]]:
    """uuid → (id, updated) of the rows that exist (feedback has no `updated`: None)."""
    wanted = sorted(set(uuids))
    if not wanted:
        return {}
    updated = "updated" if table != "feedback" else "NULL"
    found = store.db.query(
        f"SELECT uuid, id, {updated} FROM {table} WHERE uuid IN (SELECT value FROM json_each(?))",
        (_json_list(wanted),),
    )
    return {r[0]: (r[1], r[2]) for r in found}


def plain_rows_of(
    store: Store, table: str, instruction_ids: Sequence[int]
) -> dict[int, list[R.Row]]:
    """The extensions or chases of some instructions, grouped, in the order they happened."""
    assert table in ("extension", "chase")
    if not instruction_ids:
        return {}
    order = "id" if table == "extension" else "at, id"
    found = store.db.query(
        f"SELECT * FROM {table} WHERE instruction_id IN (SELECT value FROM json_each(?)) "
        f"ORDER BY instruction_id, {order}",
        (_json_list(instruction_ids),),
    )
    out: dict[int, list[R.Row]] = {}
    for r in found:
        out.setdefault(r["instruction_id"], []).append(dict(r))
    return out


def _next_ids(store: Store, table: str, n: int) -> list[int]:
    first = store.db.query_one(f"SELECT coalesce(max(id), 0) FROM {table}")[0]
    return list(range(first + 1, first + 1 + n))


def insert(store: Store, table: str, rows: Sequence[R.Row], *, keep_ids: bool) -> list[int]:
    """Insert rows in one go (inside the caller's transaction) and return their ids, in
    order; with `keep_ids` each row keeps the `id` it has. Sort keys and search bodies are
    brought up to date as `Store.bulk_insert` does; tasks are left for the next rescore."""
    if not rows:
        return []
    if not keep_ids and table in RECORD_TABLES:
        return store.bulk_insert(table, rows)
    cols = _columns(table)
    ids = [row["id"] for row in rows] if keep_ids else _next_ids(store, table, len(rows))
    store.db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [
            tuple(i if c == "id" else row.get(c) for c in cols)
            for i, row in zip(ids, rows, strict=True)
        ],
    )
    if table in SORT_KEYS:
        store.set_sort_keys(table, "id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))
    if table in RECORD_TABLES:
        store._bulk_index(table, ids)
    if table == "feedback":
        owners = {row["instruction_id"] for row in rows if row["instruction_id"] is not None}
        store._bulk_index("instruction", sorted(owners), replace=True)
    return ids


def set_revisions(store: Store, links: Sequence[tuple[int, str]]) -> list[int]:
    """Point feedback rows at the feedback they correct, by uuid; the ids left unlinked
    (their target is not in the database)."""
    missing = []
    for row_id, target in links:
        found = store.db.query_one("SELECT id FROM feedback WHERE uuid = ?", (target,))
        if found is None:
            missing.append(row_id)
        else:
            store.db.execute("UPDATE feedback SET revision_of = ? WHERE id = ?", (found[0], row_id))
    return missing


def set_event_links(store: Store, links: Sequence[tuple[int, int | None, int | None]]) -> None:
    """(event id, undoes, undone_by): written after all events exist, since an event can
    point at a later one."""
    store.db.conn.executemany(
        "UPDATE event SET undoes = ?, undone_by = ? WHERE id = ?",
        [(undoes, undone_by, event_id) for event_id, undoes, undone_by in links],
    )


def plain_keys(store: Store, table: str, instruction_id: int) -> set[tuple[Any, ...]]:
    """What identifies an extension or chase without a uuid: when, and what it said."""
    cols = ("at", "old", "new", "reason") if table == "extension" else ("at", "level", "note")
    found = store.db.query(
        f"SELECT {', '.join(cols)} FROM {table} WHERE instruction_id = ?", (instruction_id,)
    )
    return {tuple(r) for r in found}
