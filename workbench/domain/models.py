"""The records the workbench keeps, as plain records (`records.record`) with stable English codes.

Enumerated values are stored as these codes and translated only for display
(`workbench.i18n`). A due date or deadline is either a `date` (all-day: due by the end of
that day) or a naive local `datetime` (due at that minute); `datetime` is a subclass of
`date`, so always test for `datetime` first — `is_all_day` does it right.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum

from workbench.domain.records import field, record

Due = date | datetime
"""A deadline: a `date` for all-day, a naive local `datetime` for a time of day."""


def uuid_text(bits: int) -> str:
    """A record's lasting identity from 128 random bits, written as a version-4 UUID.

    Built here rather than with the `uuid` module, which imports `platform`: 1.5-2 ms of
    `workbench add` for one string. The demo passes its seeded bits, the store the
    system's."""
    h = f"{bits & (1 << 128) - 1:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


class Importance(StrEnum):
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class Category(StrEnum):
    DOC = "doc"  # 辦文
    AFFAIR = "affair"  # 辦事
    MEETING = "meeting"  # 辦會
    OTHER = "other"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class InstructionStatus(StrEnum):
    NEW = "new"  # 待辦理
    IN_PROGRESS = "in_progress"  # 辦理中
    DONE = "done"  # 已辦結
    CANCELLED = "cancelled"  # 已撤銷

    @property
    def is_closed(self) -> bool:
        return self in (InstructionStatus.DONE, InstructionStatus.CANCELLED)


class Channel(StrEnum):
    VERBAL = "verbal"  # 口頭
    WRITTEN = "written"  # 書面
    PHONE = "phone"  # 電話
    MESSAGE = "message"  # 訊息
    EMAIL = "email"
    MEETING = "meeting"


class FeedbackKind(StrEnum):
    PROGRESS = "progress"  # 進展
    PROBLEM = "problem"  # 問題
    COMPLETION = "completion"  # 辦結
    OTHER = "other"


class Light(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    GREY = "grey"


class Quadrant(StrEnum):
    """The four 輕重緩急 quadrants, most pressing first."""

    IMPORTANT_URGENT = "important_urgent"  # 重要且緊急
    IMPORTANT = "important_not_urgent"  # 重要不緊急
    URGENT = "urgent_not_important"  # 緊急不重要
    NEITHER = "neither"  # 不重要不緊急


class ChaseLevel(StrEnum):
    """The escalation of a 催辦, after the blue/orange/red 督查單 convention."""

    REMIND = "remind"  # 提醒 (blue)
    WARN = "warn"  # 警示 (orange)
    SEVERE = "severe"  # 嚴重警示 (red)


def is_all_day(value: Due) -> bool:
    """True when `value` is a date without a time of day."""
    return not isinstance(value, datetime)


def deadline_instant(value: Due) -> datetime:
    """The moment a due date passes: the given minute, or the end of an all-day date."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value + timedelta(days=1), time.min)


def due_to_iso(value: Due | None) -> str | None:
    """`2026-12-04` for an all-day date, `2026-11-27T15:00` for a time (seconds if any)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        # isoformat, not strftime: strftime does not zero-pad years before 1000.
        return value.replace(microsecond=0).isoformat(
            timespec="seconds" if value.second else "minutes"
        )
    return value.isoformat()


def due_from_iso(text: str | None) -> Due | None:
    """Inverse of `due_to_iso`."""
    if not text:
        return None
    if "T" in text or " " in text:
        return datetime.fromisoformat(text)
    return date.fromisoformat(text)


@record(slots=True)
class Task:
    title: str
    id: int | None = None
    uuid: str = ""
    notes: str = ""
    importance: Importance = Importance.NORMAL
    urgent: bool = False
    due: Due | None = None
    category: Category = Category.OTHER
    tags: tuple[str, ...] = ()
    status: TaskStatus = TaskStatus.OPEN
    recurrence: str | None = None
    """An RFC 5545 RRULE (without the `RRULE:` prefix), e.g. `FREQ=WEEKLY;BYDAY=MO`."""
    recurrence_workdays: bool = False
    """The rule's dates also skip public holidays (每個工作日), not just weekends."""
    instruction_id: int | None = None
    confidential: bool = False
    created: datetime | None = None
    updated: datetime | None = None
    completed: datetime | None = None
    deleted: datetime | None = None
    """Set when the task was deleted to the archive; undo clears it."""


@record(slots=True, frozen=True)
class Extension:
    """One 延期: the deadline moved from `old` to `new`, and why."""

    old: Due | None
    new: Due
    reason: str
    at: datetime


@record(slots=True, frozen=True)
class Chase:
    """One 催辦 of an instruction."""

    at: datetime
    level: ChaseLevel = ChaseLevel.REMIND
    whom: str = ""
    channel: Channel | None = None
    note: str = ""
    id: int | None = None


@record(slots=True)
class Instruction:
    leader: str
    content: str
    id: int | None = None
    uuid: str = ""
    source: str = ""
    issued_on: date | None = None
    deadline: Due | None = None
    owner: str = ""
    co_handlers: str = ""
    status: InstructionStatus = InstructionStatus.NEW
    feedback_interval: int | None = None
    """Days the leader expects between two reports; None when not agreed."""
    confidential: bool = False
    created: datetime | None = None
    updated: datetime | None = None
    closed: datetime | None = None
    closing_note: str = ""
    deleted: datetime | None = None
    extensions: tuple[Extension, ...] = ()
    chases: tuple[Chase, ...] = ()

    @property
    def original_deadline(self) -> Due | None:
        """The deadline as first given, before any 延期."""
        if self.extensions:
            return self.extensions[0].old
        return self.deadline

    @property
    def chase_count(self) -> int:
        return len(self.chases)

    @property
    def last_chase(self) -> Chase | None:
        return self.chases[-1] if self.chases else None


@record(slots=True)
class Feedback:
    content: str
    id: int | None = None
    uuid: str = ""
    instruction_id: int | None = None
    leader: str = ""
    at: datetime | None = None
    channel: Channel = Channel.VERBAL
    kind: FeedbackKind = FeedbackKind.PROGRESS
    next_step: str = ""
    """The agreed next step (協議) that closes a communication."""
    revision_of: int | None = None
    """The feedback this one corrects; the earlier text is kept, never overwritten."""
    confidential: bool = False
    created: datetime | None = None
    deleted: datetime | None = None


@record(slots=True, frozen=True)
class Change:
    """One row's state before and after an action (None = did not exist)."""

    table: str
    row_id: int
    before: dict[str, object] | None
    after: dict[str, object] | None


@record(slots=True)
class Event:
    """One entry of the append-only history."""

    action: str
    entity: str
    entity_id: int | None
    at: datetime
    changes: tuple[Change, ...] = ()
    id: int | None = None
    undoes: int | None = None
    """For an undo event: the event it reverted."""
    undone_by: int | None = None
    summary: dict[str, object] = field(default_factory=dict)
    """Small facts for the history view (e.g. the chase note), not needed to undo."""
