"""The queries behind the reports, as functions of a `Store` (the store module stays the
only place that writes SQL; this one only reads).

Every query walks an index and reads only what a report shows: the instructions alive in
a period (open ones from the `instruction_open` index, closed ones from `instruction_closed`
by closing time, their registration time read from the same index), their extensions and
chases in one query each, and for each one just the feedback the report quotes — found by
index seeks, never by loading every report. Lists of ids travel as one JSON parameter
(`json_each`), so there is no limit on their number and the statement text does not change
with it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from workbench.domain.models import Feedback, Instruction, Task
from workbench.store import rows as R
from workbench.store.store import CLOSED_INSTRUCTION, OPEN_INSTRUCTION, Store

_I = ", ".join(f"i.{c}" for c in R.INSTRUCTION_COLUMNS)
_F = ", ".join(f"f.{c}" for c in R.FEEDBACK_COLUMNS)
_T = ", ".join(R.TASK_COLUMNS)
_NOT_REVISED = (
    "id NOT IN (SELECT revision_of FROM feedback "
    "WHERE revision_of IS NOT NULL AND deleted IS NULL)"
)


def _ids(ids: Sequence[int]) -> str:
    return json.dumps(list(ids))


def _scope(leader: str | None, owner: str | None, include_confidential: bool
           ) -> tuple[str, dict[str, Any]]:  # fmt: skip
    where = ""
    params: dict[str, Any] = {}
    if leader:
        where += " AND i.leader = :leader"
        params["leader"] = leader
    if owner:
        where += " AND i.owner = :owner"
        params["owner"] = owner
    if not include_confidential:
        where += " AND i.confidential = 0"
    return where, params


def _with_history(store: Store, rows: Sequence[Any]) -> list[Instruction]:
    """Instructions with their extensions and chases, two queries for all of them."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    exts: dict[int, list] = defaultdict(list)
    for r in store.db.query(
        "SELECT * FROM extension WHERE instruction_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY instruction_id, id",
        (_ids(ids),),
    ):
        exts[r["instruction_id"]].append(R.extension_from_row(dict(r)))
    chases: dict[int, list] = defaultdict(list)
    for r in store.db.query(
        "SELECT * FROM chase WHERE instruction_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY instruction_id, at, id",
        (_ids(ids),),
    ):
        chases[r["instruction_id"]].append(R.chase_from_row(dict(r)))
    return [
        R.instruction_from_row(dict(r), tuple(exts[r["id"]]), tuple(chases[r["id"]]))
        for r in rows
    ]


def instructions_alive(
    store: Store,
    start: datetime,
    end: datetime,
    *,
    leader: str | None = None,
    owner: str | None = None,
    include_confidential: bool = False,
) -> list[Instruction]:
    """The population of [start, end): registered before `end`, not closed before
    `start`, not deleted — with extensions and chases, in order of registration."""
    where, params = _scope(leader, owner, include_confidential)
    params.update(start=R.ts(start), end=R.ts(end))
    rows = store.db.query(
        f"SELECT {_I} FROM instruction i WHERE deleted IS NULL AND {OPEN_INSTRUCTION} "
        f"  AND created < :end{where} "
        "UNION ALL "
        f"SELECT {_I} FROM instruction i WHERE deleted IS NULL AND {CLOSED_INSTRUCTION} "
        f"  AND closed >= :start AND created < :end{where} "
        "ORDER BY created, id",
        params,
    )
    return _with_history(store, rows)


def feedback_for_summary(
    store: Store, ids: Sequence[int], start: datetime, cutoff: datetime
) -> dict[int, list[Feedback]]:
    """For each instruction, the feedback a period summary quotes: the latest report before
    `cutoff` (at or before closing, for one closed by then), the latest agreed next step,
    and the problems raised in [start, cutoff). A few index seeks per instruction."""
    if not ids:
        return {}
    bound = (
        "g.instruction_id = b.id AND g.deleted IS NULL AND g.at < :cutoff "
        "AND (b.closed IS NULL OR g.at <= b.closed)"
    )
    rows = store.db.query(
        "WITH b(id, closed) AS ("
        "  SELECT i.id, CASE WHEN i.closed < :cutoff AND i.status IN ('done', 'cancelled') "
        "         THEN i.closed END "
        "  FROM json_each(:ids) j JOIN instruction i ON i.id = j.value) "
        f"SELECT {_F} FROM b JOIN feedback f ON f.id = ("
        f"  SELECT g.id FROM feedback g WHERE {bound} ORDER BY g.at DESC, g.id DESC LIMIT 1) "
        "UNION "
        f"SELECT {_F} FROM b JOIN feedback f ON f.id = ("
        f"  SELECT g.id FROM feedback g WHERE {bound} AND g.next_step != '' "
        f"  AND g.{_NOT_REVISED} ORDER BY g.at DESC, g.id DESC LIMIT 1) "
        "UNION "
        f"SELECT {_F} FROM json_each(:ids) j JOIN feedback f ON f.instruction_id = j.value "
        "  WHERE f.deleted IS NULL AND f.kind = 'problem' AND f.at >= :start "
        "  AND f.at < :cutoff",
        {"ids": _ids(ids), "start": R.ts(start), "cutoff": R.ts(cutoff)},
    )
    out: dict[int, list[Feedback]] = defaultdict(list)
    for r in rows:
        fb = R.feedback_from_row(dict(r))
        out[fb.instruction_id].append(fb)  # type: ignore[index]
    return dict(out)


def latest_feedback(store: Store, ids: Sequence[int]) -> dict[int, Feedback]:
    """The newest current report of each instruction (for lights and feedback due)."""
    if not ids:
        return {}
    rows = store.db.query(
        f"SELECT {_F} FROM json_each(?) j JOIN feedback f ON f.id = ("
        "  SELECT g.id FROM feedback g WHERE g.instruction_id = j.value AND g.deleted IS NULL "
        "  ORDER BY g.at DESC, g.id DESC LIMIT 1)",
        (_ids(ids),),
    )
    return {r["instruction_id"]: R.feedback_from_row(dict(r)) for r in rows}


def task_progress(store: Store, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """(done, total not cancelled) tasks serving each instruction."""
    if not ids:
        return {}
    rows = store.db.query(
        "SELECT instruction_id, sum(status = 'done'), sum(status != 'cancelled') FROM task "
        "WHERE instruction_id IN (SELECT value FROM json_each(?)) AND deleted IS NULL "
        "GROUP BY instruction_id",
        (_ids(ids),),
    )
    return {r[0]: (r[1] or 0, r[2] or 0) for r in rows}


def tasks_done_per_day(
    store: Store, start: datetime, end: datetime, *, include_confidential: bool = False
) -> dict[date, int]:
    """How many tasks were completed on each day of [start, end) (days without any are
    left out) — the small picture beside a summary."""
    where = "" if include_confidential else " AND confidential = 0"
    rows = store.db.query(
        "SELECT substr(completed, 1, 10) AS day, count(*) FROM task "
        "WHERE deleted IS NULL AND status != 'open' AND status = 'done' "
        f"AND completed >= ? AND completed < ?{where} GROUP BY day ORDER BY day",
        (R.ts(start), R.ts(end)),
    )
    return {date.fromisoformat(r[0]): r[1] for r in rows}


def open_tasks_overdue(
    store: Store, now: datetime, *, cap: int, include_confidential: bool = True
) -> tuple[list[Task], int]:
    """The `cap` longest-overdue open tasks, and how many are overdue in all.

    Years of records can hold thousands of overdue tasks; a briefing names the first few
    and counts the rest, so its cost does not grow with them. `due_sort` is the moment a
    due date passes (the end of an all-day date): overdue is `due_sort <= now`."""
    where = "" if include_confidential else " AND confidential = 0"
    base = f"FROM task WHERE deleted IS NULL AND status = 'open' AND due_sort <= ?{where}"
    params = (R.ts(now),)
    total = store.db.query_one(f"SELECT count(*) {base}", params)[0]
    rows = store.db.query(f"SELECT {_T} {base} ORDER BY due_sort, id LIMIT ?", (*params, cap))
    return [R.task_from_row(dict(r)) for r in rows], total


def open_tasks_due_between(
    store: Store, after: datetime, until: datetime, *, include_confidential: bool = True,
    cap: int = 1000,
) -> list[Task]:  # fmt: skip
    """Open tasks that fall due after `after` and by `until` (a few days: a bounded
    window), soonest first."""
    where = "" if include_confidential else " AND confidential = 0"
    rows = store.db.query(
        f"SELECT {_T} FROM task WHERE deleted IS NULL AND status = 'open' "
        f"AND due_sort > ? AND due_sort <= ?{where} ORDER BY due_sort, id LIMIT ?",
        (R.ts(after), R.ts(until), cap),
    )
    return [R.task_from_row(dict(r)) for r in rows]


def open_instructions_needing_attention(
    store: Store, limit: datetime, *, include_confidential: bool = True, cap: int = 1000
) -> list[Instruction]:
    """Open instructions due by `limit` (overdue included) or with an agreed feedback
    interval — the only ones that can be red, yellow or owe a report."""
    where = "" if include_confidential else " AND i.confidential = 0"
    rows = store.db.query(
        f"SELECT {_I} FROM instruction i WHERE deleted IS NULL AND {OPEN_INSTRUCTION} "
        f"AND (deadline_sort <= ? OR feedback_interval IS NOT NULL){where} "
        "ORDER BY deadline_sort, id LIMIT ?",
        (R.ts(limit), cap),
    )
    return _with_history(store, rows)
