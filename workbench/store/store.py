"""Every query the workbench makes. No other module writes SQL.

Lists are read a page at a time in their display order, straight from an index: the cost
of showing any page does not grow with the number of rows. Derived columns (a task's
urgency, quadrant and sort keys; the search bodies) are maintained here, inside the same
transaction as the change that makes them stale.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from workbench.domain.models import Change, Event, Feedback, Instruction, Task
from workbench.domain.records import record
from workbench.domain.text import clean_text
from workbench.store import rows as R
from workbench.store import script_fold
from workbench.store.db import Database
from workbench.store.schema import OPEN_TASKS
from workbench.store.search import parse_query, trigram_body, unigram_body

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    from typing import Any

OPEN_INSTRUCTION = "status IN ('new', 'in_progress')"
CLOSED_INSTRUCTION = "status IN ('done', 'cancelled')"
NO_DUE = "9999"
SEARCH_FOLD = "search.fold"
"""Setting: the fingerprint of the script table the search indexes were folded with."""
SORT_KEYS = {
    "task": ("due_sort", "due", "score_until = '', "),
    "instruction": ("deadline_sort", "deadline", ""),
}
"""(sort column, the date it is derived from, other columns reset with it) per table."""


@record(frozen=True, slots=True)
class TaskFilter:
    """Which tasks a list shows."""

    scope: str = "open"
    """`open`, `closed` (done or cancelled), `all`, or `archive` (deleted)."""
    query: str = ""
    instruction_id: int | None = None
    include_confidential: bool = True


@record(frozen=True, slots=True)
class InstructionFilter:
    scope: str = "open"
    """`open`, `closed`, `all` or `archive`."""
    query: str = ""
    leader: str | None = None
    owner: str | None = None
    include_confidential: bool = True


@record(frozen=True, slots=True)
class FeedbackFilter:
    instruction_id: int | None = None
    """Feedback of one instruction; None for all feedback."""
    query: str = ""
    include_revised: bool = False
    """Also the earlier texts that a correction replaced."""
    include_confidential: bool = True


@record(frozen=True, slots=True)
class ScoredTask:
    task: Task
    urgency: float
    quadrant: str
    leader: str | None = None
    """The leader of the instruction the task serves (read in the same query)."""


_TASK_ORDER = {
    "open": "urgency DESC, due_sort, created, id",
    "closed": "completed DESC, id DESC",
    "archive": "deleted DESC, id DESC",
    "all": "status != 'open', CASE WHEN status = 'open' THEN -urgency ELSE 0 END, "
    "CASE WHEN status = 'open' THEN due_sort ELSE '' END, completed DESC, created, id",
}
_TASK_SCOPE = {
    "open": "deleted IS NULL AND status = 'open'",
    "closed": "deleted IS NULL AND status != 'open'",
    "archive": "deleted IS NOT NULL",
    "all": "deleted IS NULL",
}
_INSTRUCTION_ORDER = {
    "open": "deadline_sort, id",
    "closed": "closed DESC, id",
    "archive": "deleted DESC, id DESC",
    "all": f"{CLOSED_INSTRUCTION}, CASE WHEN {OPEN_INSTRUCTION} THEN deadline_sort END, "
    "closed DESC, id",
}
_INSTRUCTION_SCOPE = {
    "open": f"deleted IS NULL AND {OPEN_INSTRUCTION}",
    "closed": f"deleted IS NULL AND {CLOSED_INSTRUCTION}",
    "archive": "deleted IS NOT NULL",
    "all": "deleted IS NULL",
}


_CURRENT = (
    "NOT EXISTS (SELECT 1 FROM feedback r WHERE r.revision_of = {f}.id AND r.deleted IS NULL)"
)
"""Feedback no correction has replaced: one index seek per row (`feedback_revision`), where
`id NOT IN (…)` collected every revision in the table for each statement."""


def _search_clause(index: str, query: str, key: str = "id") -> tuple[str, list[Any]]:
    """SQL (`AND id IN …` per term) keeping the rows that match every term in the search
    indexes `<index>_tri` and `<index>_uni`. With `key="+id"` SQLite may not look the
    matches up by id, and walks an index in display order instead, testing each row."""
    sql: list[str] = []
    params: list[Any] = []
    # Stored text has no control characters, so a query needs none; a NUL would even cut
    # the MATCH string short ("unterminated string").
    for term in parse_query(clean_text(query)):
        if term.index == "scan":
            sql.append(f" AND {key} IN (SELECT rowid FROM {index}_tri WHERE instr(body, ?) > 0)")
            params.append(term.text)
        else:
            fts = f"{index}_{term.index}"
            sql.append(f" AND {key} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)")
            params.append(term.match)
    return "".join(sql), params


class Store:
    """The workbench's data in one SQLite file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._counted: dict[tuple[Any, ...], int] = {}
        self._counted_at: tuple[int, int] | None = None

    def _count(self, sql: str, params: tuple[Any, ...]) -> int:
        """A count, remembered until the data changes.

        A search counts its rows twice per keystroke (ahead of the list, then the list
        itself), and at 100,000 rows a short word's count is tens of milliseconds. The
        connection's change counter (every row this process writes, scores included) and
        SQLite's data version (every commit of another process) say when a remembered
        count may be stale.
        """
        with self.db.lock:
            if self.db.conn.in_transaction:  # it might yet be rolled back
                return self.db.query_one(sql, params)[0]
            state = (self.db.conn.total_changes, self.db.data_version())
            if state != self._counted_at:
                self._counted.clear()
                self._counted_at = state
            key = (sql, params)
            found = self._counted.get(key)
            if found is None:
                found = self._counted[key] = self.db.query_one(sql, params)[0]
            return found

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, on_reindex: Callable[[], None] | None = None
    ) -> Store:
        """`on_reindex` is told before the search indexes are rebuilt (see below), which
        at 100,000 records takes long enough that a person should know why they wait."""
        store = cls(Database(path, create=create))
        store._index_with_this_fold(on_reindex)
        return store

    def _index_with_this_fold(self, on_reindex: Callable[[], None] | None = None) -> None:
        """Index the records again if their search text was folded with another script
        table than this installation's, or before search folded scripts at all (a query
        folded one way would miss text folded another). Once per table: about half a
        minute at 100,000 tasks, a blink for a day's records."""
        current = script_fold.fingerprint()
        if self.get_setting(SEARCH_FOLD) == current:
            return
        if on_reindex is not None and self._has_records():
            on_reindex()
        with self.transaction():
            if self.get_setting(SEARCH_FOLD) != current:  # another window may have done it
                self.rebuild_search()
                self.set_setting(SEARCH_FOLD, current)

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        self.db.close()

    def transaction(self):
        return self.db.transaction()

    def data_version(self) -> int:
        return self.db.data_version()

    # ----------------------------------------------------------------- generic rows

    def row(self, table: str, row_id: int) -> R.Row | None:
        """The base columns of one row (what history events record)."""
        cols = ", ".join(R.BASE_COLUMNS[table])
        found = self.db.query_one(f"SELECT {cols} FROM {table} WHERE id = ?", (row_id,))
        return dict(found) if found is not None else None

    def insert_row(self, table: str, row: R.Row) -> int:
        cols = [c for c in R.BASE_COLUMNS[table] if c != "id" or row.get("id") is not None]
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
        cursor = self.db.execute(sql, tuple(row.get(c) for c in cols))
        row_id = int(cursor.lastrowid)  # type: ignore[arg-type]
        self._after_write(table, row_id)
        return row_id

    def update_row(self, table: str, row_id: int, row: R.Row) -> None:
        cols = [c for c in R.BASE_COLUMNS[table] if c != "id" and c in row]
        sql = f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?"
        self.db.execute(sql, (*(row[c] for c in cols), row_id))
        self._after_write(table, row_id)

    def restore_row(self, table: str, row_id: int, row: R.Row | None) -> None:
        """Put a row back as it was (None: it did not exist) — for undo."""
        exists = self.db.query_one(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,))
        if row is None:
            if exists:
                self.db.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
                self._after_write(table, row_id, deleted=True)
            return
        if exists:
            self.update_row(table, row_id, row)
        else:
            self.insert_row(table, {**row, "id": row_id})

    def _after_write(self, table: str, row_id: int, *, deleted: bool = False) -> None:
        """Keep derived columns and search bodies in step with the base row."""
        if table == "task":
            self._reindex("task", row_id, deleted)
            if not deleted:
                self.set_sort_keys("task", "id = ?", (row_id,))
        elif table == "instruction":
            self._reindex("instruction", row_id, deleted)
            if not deleted:
                self.set_sort_keys("instruction", "id = ?", (row_id,))
        elif table == "feedback":
            self._reindex("feedback", row_id, deleted)
            found = self.db.query_one("SELECT instruction_id FROM feedback WHERE id = ?", (row_id,))
            if found is not None and found[0] is not None:
                self._reindex("instruction", found[0], False)

    def set_sort_keys(self, table: str, where: str, params: tuple[Any, ...]) -> None:
        """Recompute the derived sort key (and, for tasks, mark the score stale) of the rows
        matching `where`: the moment a due date or deadline passes, or NO_DUE."""
        column, source, extra = SORT_KEYS[table]
        self.db.execute(
            f"UPDATE {table} SET {extra}{column} = coalesce("
            f"  CASE WHEN length({source}) = 10 THEN date({source}, '+1 day') || 'T00:00:00'"
            f"       ELSE strftime('%Y-%m-%dT%H:%M:%S', {source}) END, ?) WHERE {where}",
            (NO_DUE, *params),
        )

    def _search_text(self, table: str, row_id: int) -> str | None:
        if table == "task":
            found = self.db.query_one("SELECT title, notes, tags FROM task WHERE id = ?", (row_id,))
            if found is None:
                return None
            return "\n".join([found[0], found[1], " ".join(json.loads(found[2] or "[]"))])
        if table == "instruction":
            found = self.db.query_one(
                "SELECT leader, content, source, owner, co_handlers, closing_note "
                "FROM instruction WHERE id = ?",
                (row_id,),
            )
            if found is None:
                return None
            parts = list(found)
            for fb in self.db.query(
                "SELECT content, next_step FROM feedback "
                "WHERE instruction_id = ? AND deleted IS NULL ORDER BY id",
                (row_id,),
            ):
                parts.extend(fb)
            return "\n".join(parts)
        found = self.db.query_one(
            "SELECT leader, content, next_step FROM feedback WHERE id = ?", (row_id,)
        )
        return "\n".join(found) if found is not None else None

    def _reindex(self, table: str, row_id: int, deleted: bool) -> None:
        tables = [table]
        if table == "task":  # an open task is also in the open tasks' own index
            tables.append(OPEN_TASKS)
        for name in tables:
            for kind in ("tri", "uni"):
                self.db.execute(f"DELETE FROM {name}_{kind} WHERE rowid = ?", (row_id,))
        text = None if deleted else self._search_text(table, row_id)
        if text is None:
            return
        if table == "task" and not self._open_task_ids([row_id]):
            tables.remove(OPEN_TASKS)
        tri, uni = trigram_body(text), unigram_body(text)
        for name in tables:
            self.db.execute(f"INSERT INTO {name}_tri (rowid, body) VALUES (?, ?)", (row_id, tri))
            self.db.execute(f"INSERT INTO {name}_uni (rowid, body) VALUES (?, ?)", (row_id, uni))

    def _open_task_ids(self, ids: Sequence[int]) -> set[int]:
        """Which of these tasks are open (and not in the archive)."""
        found = self.db.query(
            "SELECT id FROM task WHERE id IN (SELECT value FROM json_each(?)) "
            f"AND {_TASK_SCOPE['open']}",
            (json.dumps(list(ids)),),
        )
        return {r[0] for r in found}

    def bulk_insert(self, table: str, rows: Iterable[R.Row]) -> list[int]:
        """Insert many rows fast (inside the caller's transaction): one executemany, then
        the search bodies and sort keys of the new rows in bulk. Tasks are left unscored;
        the service's next rescore picks them up."""
        cols = [c for c in R.BASE_COLUMNS[table] if c != "id"]
        rows = list(rows)
        if not rows:
            return []
        first = self.db.query_one(f"SELECT coalesce(max(id), 0) FROM {table}")[0]
        self.db.conn.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [tuple(row.get(c) for c in cols) for row in rows],
        )
        ids = [r[0] for r in self.db.query(f"SELECT id FROM {table} WHERE id > ?", (first,))]
        if table in SORT_KEYS:
            self.set_sort_keys(table, "id > ?", (first,))
        if table in ("task", "instruction", "feedback"):
            self._bulk_index(table, ids)
        if table == "feedback":
            owners = {r["instruction_id"] for r in rows if r.get("instruction_id") is not None}
            self._bulk_index("instruction", sorted(owners), replace=True)
        return ids

    def _bulk_bodies(self, table: str, ids: Sequence[int]) -> list[tuple[int, str]]:
        """The search text of many rows (as `_search_text` makes it), read in one query
        per table instead of one per row."""
        param = (json.dumps(list(ids)),)
        inside = "IN (SELECT value FROM json_each(?))"
        if table == "task":
            return [
                (r[0], "\n".join([r[1], r[2], " ".join(json.loads(r[3] or "[]"))]))
                for r in self.db.query(f"SELECT id, title, notes, tags FROM task WHERE id {inside}",
                                       param)
            ]  # fmt: skip
        if table == "feedback":
            return [
                (r[0], "\n".join(r[1:]))
                for r in self.db.query(
                    f"SELECT id, leader, content, next_step FROM feedback WHERE id {inside}", param
                )
            ]
        reports: dict[int, list[str]] = {}
        for r in self.db.query(
            "SELECT instruction_id, content, next_step FROM feedback "
            f"WHERE instruction_id {inside} AND deleted IS NULL ORDER BY instruction_id, id",
            param,
        ):
            reports.setdefault(r[0], []).extend(r[1:])
        return [
            (r[0], "\n".join([*r[1:], *reports.get(r[0], ())]))
            for r in self.db.query(
                "SELECT id, leader, content, source, owner, co_handlers, closing_note "
                f"FROM instruction WHERE id {inside}",
                param,
            )
        ]

    def _bulk_index(self, table: str, ids: Sequence[int], *, replace: bool = False) -> None:
        """Index many rows at once; `replace` drops their old entries first."""
        tables = [table, OPEN_TASKS] if table == "task" else [table]
        if replace:
            for name in tables:
                for kind in ("tri", "uni"):
                    self.db.conn.executemany(
                        f"DELETE FROM {name}_{kind} WHERE rowid = ?", [(i,) for i in ids]
                    )
        bodies = [
            (row_id, trigram_body(text), unigram_body(text))
            for row_id, text in self._bulk_bodies(table, ids)
        ]
        opened = self._open_task_ids(ids) if table == "task" else set()
        for name in tables:
            rows = bodies if name == table else [b for b in bodies if b[0] in opened]
            self.db.conn.executemany(
                f"INSERT INTO {name}_tri (rowid, body) VALUES (?, ?)", [(b[0], b[1]) for b in rows]
            )
            self.db.conn.executemany(
                f"INSERT INTO {name}_uni (rowid, body) VALUES (?, ?)", [(b[0], b[2]) for b in rows]
            )

    def _has_records(self) -> bool:
        found = self.db.query_one(
            "SELECT EXISTS (SELECT 1 FROM task) OR EXISTS (SELECT 1 FROM instruction) "
            "OR EXISTS (SELECT 1 FROM feedback)"
        )
        return bool(found[0])

    def rebuild_search(self) -> None:
        """Rebuild every search index from the base tables."""
        with self.transaction():
            for table in ("task", "instruction", "feedback"):
                for name in (table, OPEN_TASKS) if table == "task" else (table,):
                    for kind in ("tri", "uni"):
                        self.db.execute(f"DELETE FROM {name}_{kind}")
                ids = [r[0] for r in self.db.query(f"SELECT id FROM {table}")]
                self._bulk_index(table, ids)

    # ----------------------------------------------------------------- tasks

    def get_task(self, task_id: int) -> Task | None:
        row = self.row("task", task_id)
        return R.task_from_row(row) if row else None

    def task_score(self, task_id: int) -> tuple[float, str] | None:
        """The stored (urgency, quadrant) of one task."""
        found = self.db.query_one("SELECT urgency, quadrant FROM task WHERE id = ?", (task_id,))
        return (found[0], found[1]) if found is not None else None

    def _task_where(self, flt: TaskFilter, *, page: bool = False) -> tuple[str, list[Any]]:
        """The WHERE clause of a filter; `page` for a query that reads rows in order."""
        where = _TASK_SCOPE[flt.scope]
        params: list[Any] = []
        if flt.instruction_id is not None:
            where += " AND instruction_id = ?"
            params.append(flt.instruction_id)
        if not flt.include_confidential:
            where += " AND confidential = 0"
        if flt.query.strip():
            # The open list searches the open tasks' own index: its cost follows the
            # open tasks, not the years of done ones.
            # A page of the open list walks the open tasks in order and stops when the page
            # is full: a short word matching hundreds of them (會: 599 at 100,000 tasks)
            # took 1.6 ms to look up and sort, 0.4 ms this way. Counting is faster by id.
            key = "+id" if page and flt.scope == "open" else "id"
            sql, more = _search_clause(
                OPEN_TASKS if flt.scope == "open" else "task", flt.query, key
            )
            where += sql
            params.extend(more)
        return where, params

    def count_tasks(self, flt: TaskFilter = TaskFilter()) -> int:
        where, params = self._task_where(flt)
        return self._count(f"SELECT count(*) FROM task WHERE {where}", tuple(params))

    def task_page(self, flt: TaskFilter, offset: int, limit: int) -> list[ScoredTask]:
        """Tasks `offset` … `offset + limit` in display order."""
        where, params = self._task_where(flt, page=True)
        cols = ", ".join(R.TASK_COLUMNS)
        found = self.db.query(
            f"SELECT {cols}, urgency AS _urgency, quadrant AS _quadrant, "
            "(SELECT leader FROM instruction i WHERE i.id = task.instruction_id) AS _leader "
            f"FROM task WHERE {where} ORDER BY {_TASK_ORDER[flt.scope]} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [
            ScoredTask(R.task_from_row(dict(r)), r["_urgency"], r["_quadrant"], r["_leader"])
            for r in found
        ]

    def task_position(self, flt: TaskFilter, task_id: int) -> int | None:
        """Where a task stands in a list (0-based), or None if it is not in it."""
        if flt.scope != "open":
            ids = [
                r[0]
                for r in self.db.query(
                    f"SELECT id FROM task WHERE {self._task_where(flt)[0]} "
                    f"ORDER BY {_TASK_ORDER[flt.scope]}",
                    tuple(self._task_where(flt)[1]),
                )
            ]
            return ids.index(task_id) if task_id in ids else None
        key = self.db.query_one(
            "SELECT urgency, due_sort, created, id FROM task WHERE id = ?", (task_id,)
        )
        if key is None:
            return None
        where, params = self._task_where(flt)
        inside = self.db.query_one(
            f"SELECT 1 FROM task WHERE {where} AND id = ?", (*params, task_id)
        )
        if inside is None:
            return None
        # `urgency >= ?` on its own lets SQLite walk the open tasks' order index from the
        # top to the task; with only the OR it chose to read every open task's row (2 ms
        # at 100,000 tasks on each refresh, against 0.1 ms at 1,000).
        before = self.db.query_one(
            f"SELECT count(*) FROM task WHERE {where} AND urgency >= ? AND (urgency > ? OR "
            "(due_sort, created, id) < (?, ?, ?))",
            (*params, key[0], key[0], key[1], key[2], key[3]),
        )
        return before[0]

    def stale_tasks(self, now: datetime, limit: int = 5000) -> list[R.Row]:
        """Open tasks whose score may have changed by `now` (never scored, or expired)."""
        found = self.db.query(
            "SELECT id, importance, urgent, due, instruction_id, created FROM task "
            "WHERE status = 'open' AND score_until <= ? LIMIT ?",
            (R.ts(now), limit),
        )
        return [dict(r) for r in found]

    def set_scores(self, scores: Iterable[tuple[int, float, str, str]]) -> None:
        """(id, urgency, quadrant, valid until) for each rescored task."""
        self.db.conn.executemany(
            "UPDATE task SET urgency = ?, quadrant = ?, score_until = ? WHERE id = ?",
            [(u, q, until, i) for i, u, q, until in scores],
        )

    def next_score_change(self) -> datetime | None:
        """When the earliest stored score expires (None: no open task will change)."""
        found = self.db.query_one(
            "SELECT min(score_until) FROM task WHERE status = 'open' AND score_until != ''"
        )
        value = found[0] if found else None
        if not value or value >= NO_DUE:
            return None
        return datetime.fromisoformat(value)

    def tasks_of_instruction(self, instruction_id: int) -> list[Task]:
        cols = ", ".join(R.TASK_COLUMNS)
        found = self.db.query(
            f"SELECT {cols} FROM task WHERE instruction_id = ? AND deleted IS NULL ORDER BY id",
            (instruction_id,),
        )
        return [R.task_from_row(dict(r)) for r in found]

    def task_progress(self, instruction_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
        """(done, total) tasks serving each instruction."""
        if not instruction_ids:
            return {}
        marks = ", ".join("?" for _ in instruction_ids)
        found = self.db.query(
            f"SELECT instruction_id, sum(status = 'done'), sum(status != 'cancelled') "
            f"FROM task WHERE deleted IS NULL AND instruction_id IN ({marks}) "
            "GROUP BY instruction_id",
            tuple(instruction_ids),
        )
        return {r[0]: (r[1], r[2]) for r in found}

    def task_counts(self, now: datetime) -> dict[str, int]:
        """Open tasks that need attention: urgent quadrants and overdue.

        Read from the tally the triggers keep (schema 6): the urgent quadrants' two rows;
        for overdue, the days before today (a row per day with open tasks due) and today's
        tasks whose moment has passed, a short range of the open tasks' due index. The
        header shows no count of all open tasks."""
        today = now.date().isoformat()
        found = self.db.query_one(
            "SELECT (SELECT coalesce(sum(n), 0) FROM task_tally "
            "        WHERE key IN ('q:important_urgent', 'q:urgent_not_important')), "
            "  (SELECT coalesce(sum(n), 0) FROM task_tally WHERE key >= 'd:' AND key < ?) + "
            "  (SELECT count(*) FROM task WHERE deleted IS NULL AND status = 'open' "
            "   AND due_sort >= ? AND due_sort <= ?)",
            (f"d:{today}", f"{today}T00:00:00", R.ts(now)),
        )
        return {"urgent": found[0], "overdue": found[1]}

    def tags(self) -> list[str]:
        found = self.db.query(
            "SELECT DISTINCT value FROM task, json_each(task.tags) "
            "WHERE deleted IS NULL ORDER BY value"
        )
        return [r[0] for r in found]

    # ----------------------------------------------------------------- instructions

    def get_instruction(self, instruction_id: int) -> Instruction | None:
        row = self.row("instruction", instruction_id)
        if row is None:
            return None
        return self._instruction(row)

    def _instruction(self, row: R.Row) -> Instruction:
        exts = self.db.query(
            "SELECT * FROM extension WHERE instruction_id = ? ORDER BY id", (row["id"],)
        )
        chases = self.db.query(
            "SELECT * FROM chase WHERE instruction_id = ? ORDER BY at, id", (row["id"],)
        )
        return R.instruction_from_row(
            row,
            tuple(R.extension_from_row(dict(e)) for e in exts),
            tuple(R.chase_from_row(dict(c)) for c in chases),
        )

    def _instruction_where(self, flt: InstructionFilter) -> tuple[str, list[Any]]:
        where = _INSTRUCTION_SCOPE[flt.scope]
        params: list[Any] = []
        if flt.leader:
            where += " AND leader = ?"
            params.append(flt.leader)
        if flt.owner:
            where += " AND owner = ?"
            params.append(flt.owner)
        if not flt.include_confidential:
            where += " AND confidential = 0"
        if flt.query.strip():
            sql, more = _search_clause("instruction", flt.query)
            where += sql
            params.extend(more)
        return where, params

    def count_instructions(self, flt: InstructionFilter = InstructionFilter()) -> int:
        where, params = self._instruction_where(flt)
        return self._count(f"SELECT count(*) FROM instruction WHERE {where}", tuple(params))

    def instruction_page(
        self, flt: InstructionFilter, offset: int, limit: int
    ) -> list[Instruction]:
        where, params = self._instruction_where(flt)
        cols = ", ".join(R.INSTRUCTION_COLUMNS)
        found = self.db.query(
            f"SELECT {cols} FROM instruction WHERE {where} "
            f"ORDER BY {_INSTRUCTION_ORDER[flt.scope]} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return self._with_history([dict(r) for r in found])

    def _with_history(self, rows: list[R.Row]) -> list[Instruction]:
        """Instructions with their extensions and chases: two queries for a whole page
        instead of two per instruction."""
        if not rows:
            return []
        ids = (json.dumps([r["id"] for r in rows]),)
        exts: dict[int, list[Any]] = {}
        for e in self.db.query(
            "SELECT * FROM extension WHERE instruction_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY id",
            ids,
        ):
            exts.setdefault(e["instruction_id"], []).append(R.extension_from_row(dict(e)))
        chases: dict[int, list[Any]] = {}
        for c in self.db.query(
            "SELECT * FROM chase WHERE instruction_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY at, id",
            ids,
        ):
            chases.setdefault(c["instruction_id"], []).append(R.chase_from_row(dict(c)))
        return [
            R.instruction_from_row(r, tuple(exts.get(r["id"], ())), tuple(chases.get(r["id"], ())))
            for r in rows
        ]

    def instruction_position(self, flt: InstructionFilter, instruction_id: int) -> int | None:
        where, params = self._instruction_where(flt)
        ids = [
            r[0]
            for r in self.db.query(
                f"SELECT id FROM instruction WHERE {where} "
                f"ORDER BY {_INSTRUCTION_ORDER[flt.scope]}",
                tuple(params),
            )
        ]
        try:
            return ids.index(instruction_id)
        except ValueError:
            return None

    def instructions_between(
        self, start: datetime, end: datetime, include_confidential: bool
    ) -> list[Instruction]:
        """Instructions alive at some time in [start, end): created before the end and not
        closed before the start — the population of a period's summary."""
        where = "deleted IS NULL AND created < ? AND (closed IS NULL OR closed >= ?)"
        if not include_confidential:
            where += " AND confidential = 0"
        cols = ", ".join(R.INSTRUCTION_COLUMNS)
        found = self.db.query(
            f"SELECT {cols} FROM instruction WHERE {where} ORDER BY id",
            (R.ts(end), R.ts(start)),
        )
        return self._with_history([dict(r) for r in found])

    def insert_extension(
        self, instruction_id: int, old: str | None, new: str, reason: str, at: datetime
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO extension (instruction_id, old, new, reason, at) VALUES (?, ?, ?, ?, ?)",
            (instruction_id, old, new, reason, R.ts(at)),
        )
        return int(cursor.lastrowid)  # type: ignore[arg-type]

    def insert_chase(
        self,
        instruction_id: int,
        at: datetime,
        level: str,
        whom: str,
        channel: str | None,
        note: str,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO chase (instruction_id, at, level, whom, channel, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (instruction_id, R.ts(at), level, whom, channel, note),
        )
        return int(cursor.lastrowid)  # type: ignore[arg-type]

    def delete_plain_row(self, table: str, row_id: int) -> None:
        """Remove an extension or chase row (undo of the action that added it)."""
        assert table in ("extension", "chase")
        self.db.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))

    def plain_row(self, table: str, row_id: int) -> R.Row | None:
        assert table in ("extension", "chase")
        found = self.db.query_one(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        return dict(found) if found else None

    def put_plain_row(self, table: str, row: R.Row) -> None:
        assert table in ("extension", "chase")
        cols = list(row)
        self.db.execute(
            f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})",
            tuple(row[c] for c in cols),
        )

    def last_feedback(self, instruction_ids: Sequence[int]) -> dict[int, Feedback]:
        """The newest current feedback of each instruction, in one query: an index seek
        per instruction (the lists ask for a page of them on every refresh)."""
        if not instruction_ids:
            return {}
        cols = ", ".join(f"f.{c}" for c in R.FEEDBACK_COLUMNS)
        found = self.db.query(
            f"SELECT {cols} FROM json_each(?) j JOIN feedback f ON f.id = ("
            "  SELECT g.id FROM feedback g WHERE g.instruction_id = j.value "
            f"  AND g.deleted IS NULL AND {_CURRENT.format(f='g')} "
            "  ORDER BY g.at DESC, g.id DESC LIMIT 1)",
            (json.dumps(list(instruction_ids)),),
        )
        return {r["instruction_id"]: R.feedback_from_row(dict(r)) for r in found}

    def names(self, column: str) -> list[str]:
        """Leaders or owners used before, most used first — for completions."""
        assert column in ("leader", "owner")
        found = self.db.query(
            f"SELECT {column}, count(*) AS n FROM instruction "
            f"WHERE deleted IS NULL AND {column} != '' GROUP BY {column} ORDER BY n DESC, {column}"
        )
        return [r[0] for r in found]

    def instruction_counts(self) -> dict[str, int]:
        found = self.db.query_one(
            f"SELECT count(*) FROM instruction WHERE deleted IS NULL AND {OPEN_INSTRUCTION}"
        )
        return {"open": found[0]}

    def instruction_attention(self, now: datetime, near: date) -> dict[str, int]:
        """Open instructions that are red, yellow, or owe the leader a report.

        The same rules as `domain.supervision.light`, counted in one pass for the header;
        `near` is the first day that is no longer "within N working days".
        """
        near_s = near.isoformat() + "T00:00:00"
        found = self.db.query_one(
            "SELECT sum(deadline_sort <= :now), "
            "  sum(deadline_sort > :now AND (deadline_sort < :near "
            "      OR (length(deadline) = 10 AND deadline_sort = :near) OR fb_due)), "
            "  sum(fb_due) "
            "FROM (SELECT deadline_sort, deadline, "
            "  (feedback_interval IS NOT NULL AND date(coalesce("
            "     (SELECT max(at) FROM feedback f WHERE f.instruction_id = i.id "
            "      AND f.deleted IS NULL), i.issued_on, i.created), "
            "     '+' || feedback_interval || ' days') <= :today) AS fb_due "
            f" FROM instruction i WHERE deleted IS NULL AND {OPEN_INSTRUCTION})",
            {"now": R.ts(now), "near": near_s, "today": now.date().isoformat()},
        )
        return {
            "red": found[0] or 0,
            "yellow": found[1] or 0,
            "feedback_due": found[2] or 0,
        }

    def open_instruction_ids(self) -> list[int]:
        return [
            r[0]
            for r in self.db.query(
                f"SELECT id FROM instruction WHERE deleted IS NULL AND {OPEN_INSTRUCTION}"
            )
        ]

    # ----------------------------------------------------------------- feedback

    def get_feedback(self, feedback_id: int) -> Feedback | None:
        row = self.row("feedback", feedback_id)
        return R.feedback_from_row(row) if row else None

    def _feedback_where(self, flt: FeedbackFilter) -> tuple[str, list[Any]]:
        where = "deleted IS NULL"
        params: list[Any] = []
        if flt.instruction_id is not None:
            where += " AND instruction_id = ?"
            params.append(flt.instruction_id)
        if not flt.include_revised:
            where += " AND " + _CURRENT.format(f="feedback")
        if not flt.include_confidential:
            where += " AND confidential = 0"
        if flt.query.strip():
            sql, more = _search_clause("feedback", flt.query)
            where += sql
            params.extend(more)
        return where, params

    def count_feedback(self, flt: FeedbackFilter = FeedbackFilter()) -> int:
        where, params = self._feedback_where(flt)
        return self._count(f"SELECT count(*) FROM feedback WHERE {where}", tuple(params))

    def feedback_page(self, flt: FeedbackFilter, offset: int, limit: int) -> list[Feedback]:
        """Newest first."""
        where, params = self._feedback_where(flt)
        cols = ", ".join(R.FEEDBACK_COLUMNS)
        found = self.db.query(
            f"SELECT {cols} FROM feedback WHERE {where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [R.feedback_from_row(dict(r)) for r in found]

    def feedback_between(
        self, start: datetime, end: datetime, include_confidential: bool
    ) -> list[Feedback]:
        where = "deleted IS NULL AND at >= ? AND at < ?"
        if not include_confidential:
            where += " AND confidential = 0"
        cols = ", ".join(R.FEEDBACK_COLUMNS)
        found = self.db.query(
            f"SELECT {cols} FROM feedback WHERE {where} ORDER BY at, id",
            (R.ts(start), R.ts(end)),
        )
        return [R.feedback_from_row(dict(r)) for r in found]

    def feedback_of(self, instruction_id: int, include_revised: bool = False) -> list[Feedback]:
        """All feedback of one instruction, oldest first (the 落實過程)."""
        flt = FeedbackFilter(instruction_id=instruction_id, include_revised=include_revised)
        where, params = self._feedback_where(flt)
        cols = ", ".join(R.FEEDBACK_COLUMNS)
        found = self.db.query(
            f"SELECT {cols} FROM feedback WHERE {where} ORDER BY at, id", tuple(params)
        )
        return [R.feedback_from_row(dict(r)) for r in found]

    # ----------------------------------------------------------------- history

    def insert_event(self, event: Event) -> int:
        changes = [
            {"table": c.table, "id": c.row_id, "before": c.before, "after": c.after}
            for c in event.changes
        ]
        cursor = self.db.execute(
            "INSERT INTO event (at, action, entity, entity_id, changes, summary, undoes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                R.ts(event.at),
                event.action,
                event.entity,
                event.entity_id,
                json.dumps(changes, ensure_ascii=False),
                json.dumps(event.summary, ensure_ascii=False),
                event.undoes,
            ),
        )
        return int(cursor.lastrowid)  # type: ignore[arg-type]

    def mark_undone(self, event_id: int, by: int) -> None:
        self.db.execute("UPDATE event SET undone_by = ? WHERE id = ?", (by, event_id))

    @staticmethod
    def _event(row: sqlite3.Row) -> Event:
        return Event(
            id=row["id"],
            at=datetime.fromisoformat(row["at"]),
            action=row["action"],
            entity=row["entity"],
            entity_id=row["entity_id"],
            changes=tuple(
                Change(c["table"], c["id"], c["before"], c["after"])
                for c in json.loads(row["changes"])
            ),
            summary=json.loads(row["summary"]),
            undoes=row["undoes"],
            undone_by=row["undone_by"],
        )

    def get_event(self, event_id: int) -> Event | None:
        found = self.db.query_one("SELECT * FROM event WHERE id = ?", (event_id,))
        return self._event(found) if found else None

    def events_for(self, entity: str, entity_id: int) -> list[Event]:
        """The history of one record, oldest first."""
        found = self.db.query(
            "SELECT * FROM event WHERE entity = ? AND entity_id = ? ORDER BY id",
            (entity, entity_id),
        )
        return [self._event(r) for r in found]

    def last_undoable_event(self) -> Event | None:
        found = self.db.query_one(
            "SELECT * FROM event WHERE undone_by IS NULL AND undoes IS NULL "
            "ORDER BY id DESC LIMIT 1"
        )
        return self._event(found) if found else None

    def count_events(self) -> int:
        return self.db.query_one("SELECT count(*) FROM event")[0]

    # ----------------------------------------------------------------- settings

    def get_setting(self, key: str) -> str | None:
        found = self.db.query_one("SELECT value FROM setting WHERE key = ?", (key,))
        return found[0] if found else None

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
