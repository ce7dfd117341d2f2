"""Conversions between domain records and SQLite rows (dicts of column → value).

Times are naive local wall-clock ISO strings with seconds; dates are ISO dates; due dates
and deadlines keep their all-day-ness (`2026-12-04` vs `2026-12-04T15:00`); flags are 0/1;
tags are a JSON list. Only the base columns appear here: the derived ones (urgency,
quadrant, sort keys) belong to the store.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from workbench.domain.models import (
    Category,
    Channel,
    Chase,
    ChaseLevel,
    Extension,
    Feedback,
    FeedbackKind,
    Importance,
    Instruction,
    InstructionStatus,
    Task,
    TaskStatus,
    due_from_iso,
    due_to_iso,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    from typing import Any

    Row = dict[str, Any]
    """A row of a table: column → value."""

# Every page of a list decodes its rows (each search keystroke, each refresh): a dict
# lookup is a tenth of the cost of calling an enum by value (which still reports a value
# that is not a member), and a task without tags skips the JSON parser.
_IMPORTANCE = {m.value: m for m in Importance}
_CATEGORY = {m.value: m for m in Category}
_TASK_STATUS = {m.value: m for m in TaskStatus}


def _tags(text: str | None) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text and text != "[]" else ()

TASK_COLUMNS = (
    "id",
    "uuid",
    "title",
    "notes",
    "importance",
    "urgent",
    "due",
    "category",
    "tags",
    "status",
    "recurrence",
    "recurrence_workdays",
    "instruction_id",
    "confidential",
    "created",
    "updated",
    "completed",
    "deleted",
)
INSTRUCTION_COLUMNS = (
    "id",
    "uuid",
    "leader",
    "content",
    "source",
    "issued_on",
    "deadline",
    "owner",
    "co_handlers",
    "status",
    "feedback_interval",
    "confidential",
    "created",
    "updated",
    "closed",
    "closing_note",
    "deleted",
)
FEEDBACK_COLUMNS = (
    "id",
    "uuid",
    "instruction_id",
    "leader",
    "at",
    "channel",
    "kind",
    "content",
    "next_step",
    "revision_of",
    "confidential",
    "created",
    "deleted",
)
EXTENSION_COLUMNS = ("id", "instruction_id", "old", "new", "reason", "at")
CHASE_COLUMNS = ("id", "instruction_id", "at", "level", "whom", "channel", "note")

BASE_COLUMNS: dict[str, tuple[str, ...]] = {
    "task": TASK_COLUMNS,
    "instruction": INSTRUCTION_COLUMNS,
    "feedback": FEEDBACK_COLUMNS,
    "extension": EXTENSION_COLUMNS,
    "chase": CHASE_COLUMNS,
}


def ts(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def from_ts(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def task_to_row(task: Task) -> Row:
    return {
        "id": task.id,
        "uuid": task.uuid,
        "title": task.title,
        "notes": task.notes,
        "importance": task.importance.value,
        "urgent": int(task.urgent),
        "due": due_to_iso(task.due),
        "category": task.category.value,
        "tags": json.dumps(list(task.tags), ensure_ascii=False),
        "status": task.status.value,
        "recurrence": task.recurrence,
        "recurrence_workdays": int(task.recurrence_workdays),
        "instruction_id": task.instruction_id,
        "confidential": int(task.confidential),
        "created": ts(task.created),
        "updated": ts(task.updated),
        "completed": ts(task.completed),
        "deleted": ts(task.deleted),
    }


def task_from_row(row: Row) -> Task:
    return Task(
        id=row["id"],
        uuid=row["uuid"],
        title=row["title"],
        notes=row["notes"],
        importance=_IMPORTANCE.get(row["importance"]) or Importance(row["importance"]),
        urgent=bool(row["urgent"]),
        due=due_from_iso(row["due"]),
        category=_CATEGORY.get(row["category"]) or Category(row["category"]),
        tags=_tags(row["tags"]),
        status=_TASK_STATUS.get(row["status"]) or TaskStatus(row["status"]),
        recurrence=row["recurrence"],
        recurrence_workdays=bool(row["recurrence_workdays"]),
        instruction_id=row["instruction_id"],
        confidential=bool(row["confidential"]),
        created=from_ts(row["created"]),
        updated=from_ts(row["updated"]),
        completed=from_ts(row["completed"]),
        deleted=from_ts(row["deleted"]),
    )


def instruction_to_row(instr: Instruction) -> Row:
    return {
        "id": instr.id,
        "uuid": instr.uuid,
        "leader": instr.leader,
        "content": instr.content,
        "source": instr.source,
        "issued_on": _date(instr.issued_on),
        "deadline": due_to_iso(instr.deadline),
        "owner": instr.owner,
        "co_handlers": instr.co_handlers,
        "status": instr.status.value,
        "feedback_interval": instr.feedback_interval,
        "confidential": int(instr.confidential),
        "created": ts(instr.created),
        "updated": ts(instr.updated),
        "closed": ts(instr.closed),
        "closing_note": instr.closing_note,
        "deleted": ts(instr.deleted),
    }


def instruction_from_row(
    row: Row, extensions: tuple[Extension, ...] = (), chases: tuple[Chase, ...] = ()
) -> Instruction:
    return Instruction(
        id=row["id"],
        uuid=row["uuid"],
        leader=row["leader"],
        content=row["content"],
        source=row["source"],
        issued_on=date.fromisoformat(row["issued_on"]) if row["issued_on"] else None,
        deadline=due_from_iso(row["deadline"]),
        owner=row["owner"],
        co_handlers=row["co_handlers"],
        status=InstructionStatus(row["status"]),
        feedback_interval=row["feedback_interval"],
        confidential=bool(row["confidential"]),
        created=from_ts(row["created"]),
        updated=from_ts(row["updated"]),
        closed=from_ts(row["closed"]),
        closing_note=row["closing_note"],
        deleted=from_ts(row["deleted"]),
        extensions=extensions,
        chases=chases,
    )


def feedback_to_row(fb: Feedback) -> Row:
    return {
        "id": fb.id,
        "uuid": fb.uuid,
        "instruction_id": fb.instruction_id,
        "leader": fb.leader,
        "at": ts(fb.at),
        "channel": fb.channel.value,
        "kind": fb.kind.value,
        "content": fb.content,
        "next_step": fb.next_step,
        "revision_of": fb.revision_of,
        "confidential": int(fb.confidential),
        "created": ts(fb.created),
        "deleted": ts(fb.deleted),
    }


def feedback_from_row(row: Row) -> Feedback:
    return Feedback(
        id=row["id"],
        uuid=row["uuid"],
        instruction_id=row["instruction_id"],
        leader=row["leader"],
        at=from_ts(row["at"]),
        channel=Channel(row["channel"]),
        kind=FeedbackKind(row["kind"]),
        content=row["content"],
        next_step=row["next_step"],
        revision_of=row["revision_of"],
        confidential=bool(row["confidential"]),
        created=from_ts(row["created"]),
        deleted=from_ts(row["deleted"]),
    )


def extension_from_row(row: Row) -> Extension:
    return Extension(
        old=due_from_iso(row["old"]),
        new=due_from_iso(row["new"]),  # type: ignore[arg-type]
        reason=row["reason"],
        at=datetime.fromisoformat(row["at"]),
    )


def chase_from_row(row: Row) -> Chase:
    return Chase(
        id=row["id"],
        at=datetime.fromisoformat(row["at"]),
        level=ChaseLevel(row["level"]),
        whom=row["whom"],
        channel=Channel(row["channel"]) if row["channel"] else None,
        note=row["note"],
    )
