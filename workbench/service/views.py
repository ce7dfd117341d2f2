"""What the screens and the command line show: records plus what is derived from them.

`to_json` gives the `--json` shape of DESIGN.md: the field names of the record, plus the
derived keys (`urgency`, `quadrant`, `light`, `days_left`, `chase_count`, …). Enumerations
are their stable English codes; dates are ISO 8601.
"""

from __future__ import annotations

from datetime import date, datetime

from workbench.domain.models import (
    ChaseLevel,
    Extension,
    Feedback,
    Instruction,
    Light,
    Quadrant,
    Task,
    due_to_iso,
)
from workbench.domain.records import record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    from typing import Any


def _ts(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


@record(frozen=True, slots=True)
class TaskView:
    task: Task
    urgency: float
    quadrant: Quadrant
    overdue: bool
    instruction_leader: str | None = None
    """The leader of the instruction the task serves, for the list column."""

    def to_json(self) -> dict[str, Any]:
        t = self.task
        return {
            "id": t.id,
            "uuid": t.uuid,
            "title": t.title,
            "notes": t.notes,
            "importance": t.importance.value,
            "urgent": t.urgent,
            "due": due_to_iso(t.due),
            "category": t.category.value,
            "tags": list(t.tags),
            "status": t.status.value,
            "recurrence": t.recurrence,
            "instruction_id": t.instruction_id,
            "confidential": t.confidential,
            "created": _ts(t.created),
            "updated": _ts(t.updated),
            "completed": _ts(t.completed),
            "urgency": self.urgency,
            "quadrant": self.quadrant.value,
            "overdue": self.overdue,
        }


def feedback_json(fb: Feedback) -> dict[str, Any]:
    return {
        "id": fb.id,
        "uuid": fb.uuid,
        "instruction_id": fb.instruction_id,
        "leader": fb.leader,
        "at": _ts(fb.at),
        "channel": fb.channel.value,
        "kind": fb.kind.value,
        "content": fb.content,
        "next_step": fb.next_step,
        "revision_of": fb.revision_of,
        "confidential": fb.confidential,
        "created": _ts(fb.created),
    }


def _extension_json(ext: Extension) -> dict[str, Any]:
    return {
        "old": due_to_iso(ext.old),
        "new": due_to_iso(ext.new),
        "reason": ext.reason,
        "at": _ts(ext.at),
    }


@record(frozen=True, slots=True)
class InstructionView:
    instruction: Instruction
    light: Light
    days_left: int | None
    feedback_due: bool
    last_feedback: Feedback | None
    tasks_done: int = 0
    tasks_total: int = 0

    @property
    def chase_count(self) -> int:
        return self.instruction.chase_count

    @property
    def chase_level(self) -> ChaseLevel | None:
        last = self.instruction.last_chase
        return last.level if last else None

    def to_json(self) -> dict[str, Any]:
        i = self.instruction
        last_chase = i.last_chase
        return {
            "id": i.id,
            "uuid": i.uuid,
            "leader": i.leader,
            "content": i.content,
            "source": i.source,
            "issued_on": _date(i.issued_on),
            "deadline": due_to_iso(i.deadline),
            "original_deadline": due_to_iso(i.original_deadline),
            "extensions": [_extension_json(e) for e in i.extensions],
            "owner": i.owner,
            "co_handlers": i.co_handlers,
            "status": i.status.value,
            "feedback_interval": i.feedback_interval,
            "confidential": i.confidential,
            "created": _ts(i.created),
            "updated": _ts(i.updated),
            "closed": _ts(i.closed),
            "closing_note": i.closing_note,
            "light": self.light.value,
            "days_left": self.days_left,
            "feedback_due": self.feedback_due,
            "chase_count": i.chase_count,
            "last_chase": _ts(last_chase.at) if last_chase else None,
            "chase_level": last_chase.level.value if last_chase else None,
            "last_feedback": feedback_json(self.last_feedback) if self.last_feedback else None,
            "tasks_done": self.tasks_done,
            "tasks_total": self.tasks_total,
        }
