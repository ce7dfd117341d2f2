"""督查督辦: the warning light, days left, feedback due and chase escalation of an instruction.

All of it is derived from the stored facts at a given moment and never stored, so it can
never be stale.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import (
    ChaseLevel,
    Due,
    Instruction,
    Light,
    deadline_instant,
)
from workbench.domain.records import record

YELLOW_DAYS = 3
"""Default: yellow when the deadline is this many working days away or closer."""


def _day(value: Due) -> date:
    return value.date() if isinstance(value, datetime) else value


def is_overdue(deadline: Due | None, now: datetime) -> bool:
    """Past its deadline: an all-day deadline passes only when its day ends."""
    return deadline is not None and now >= deadline_instant(deadline)


def days_left(deadline: Due | None, today: date) -> int | None:
    """Calendar days from today to the deadline's day; negative when overdue."""
    if deadline is None:
        return None
    return (_day(deadline) - today).days


def feedback_due(
    instruction: Instruction, last_feedback_at: datetime | None, now: datetime
) -> bool:
    """The leader expects a report every N days and the last one is N or more days old.

    Counting starts from the last feedback, or from when the instruction was issued
    (or registered) if nothing was reported yet.
    """
    interval = instruction.feedback_interval
    if not interval or instruction.status.is_closed:
        return False
    since = last_feedback_at
    if since is None:
        if instruction.issued_on is not None:
            since = datetime.combine(instruction.issued_on, datetime.min.time())
        else:
            since = instruction.created
    if since is None:
        return False
    return now.date() - since.date() >= timedelta(days=interval)


@record(frozen=True, slots=True)
class LightReason:
    light: Light
    overdue: bool
    near_deadline: bool
    feedback_due: bool


def light(
    instruction: Instruction,
    now: datetime,
    last_feedback_at: datetime | None = None,
    calendar: WorkCalendar | None = None,
    yellow_days: int = YELLOW_DAYS,
) -> LightReason:
    """Red overdue · yellow near the deadline or feedback due · green · grey when closed."""
    if instruction.status.is_closed:
        return LightReason(Light.GREY, False, False, False)
    overdue = is_overdue(instruction.deadline, now)
    near = False
    if instruction.deadline is not None and not overdue:
        cal = calendar or WorkCalendar()
        near = cal.working_days_until(now.date(), _day(instruction.deadline)) <= yellow_days
    fb_due = feedback_due(instruction, last_feedback_at, now)
    if overdue:
        colour = Light.RED
    elif near or fb_due:
        colour = Light.YELLOW
    else:
        colour = Light.GREEN
    return LightReason(colour, overdue, near, fb_due)


_LADDER = (ChaseLevel.REMIND, ChaseLevel.WARN, ChaseLevel.SEVERE)


def next_chase_level(instruction: Instruction, now: datetime) -> ChaseLevel:
    """Each chase of an overdue item climbs one step: 提醒 → 警示 → 嚴重警示.

    A chase before the deadline is a reminder. Chases count from the moment the current
    deadline passed, so an extension (延期) starts the ladder again.
    """
    if not is_overdue(instruction.deadline, now):
        return ChaseLevel.REMIND
    assert instruction.deadline is not None
    passed = deadline_instant(instruction.deadline)
    earlier = sum(1 for chase in instruction.chases if chase.at >= passed)
    return _LADDER[min(earlier, len(_LADDER) - 1)]
