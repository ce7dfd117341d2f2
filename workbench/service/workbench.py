"""The use cases of the workbench. Each public method that changes data is one transaction
that also appends one history event; `undo` reverts an event from what it recorded.

The TUI and the CLI call only this module. It reads the clock once per call, so a use case
sees one consistent "now".
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

from workbench import locations
from workbench.config import Config
from workbench.domain import supervision
from workbench.domain.humanize import describe_when
from workbench.domain.models import (
    Category,
    Change,
    Channel,
    Due,
    Event,
    Feedback,
    FeedbackKind,
    Importance,
    Instruction,
    InstructionStatus,
    Quadrant,
    Task,
    TaskStatus,
    deadline_instant,
    due_from_iso,
    due_to_iso,
    uuid_text,
)
from workbench.domain.records import field, record
from workbench.domain.text import MAX_TEXT, MAX_TITLE, clean_text
from workbench.domain.urgency import Score, Scorer
from workbench.service.errors import (
    InvalidInput,
    NotFound,
    NothingToUndo,
    UndoConflict,
)
from workbench.service.holidays import build_calendar
from workbench.service.views import InstructionView, TaskView
from workbench.store import rows as R
from workbench.store.db import StoreError
from workbench.store.store import (
    NO_DUE,
    FeedbackFilter,
    InstructionFilter,
    Store,
    TaskFilter,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    from typing import Any

    # The date and quick-add grammars are large; commands that only read (list, show,
    # summary) never parse a date, so they are imported where one is parsed.
    from workbench.domain.dates import When
    from workbench.domain.quickadd import QuickAdd

PLAIN_TABLES = ("extension", "chase")
"""Rows owned by an instruction, recorded whole in events."""

_IMPORTANCE_STEPS = (Importance.LOW, Importance.NORMAL, Importance.HIGH)

_LOOK_UP = object()
"""`_view` reads the task's leader itself (no page query brought it)."""

_QUADRANT = {q.value: q for q in Quadrant}
"""Quadrants by their stored value: a page's rows look theirs up (see rows.py)."""


def new_uuid() -> str:
    """A record's lasting identity: a version-4 UUID from the system's random source."""
    return uuid_text(int.from_bytes(os.urandom(16)))


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


def clock_from_env() -> Callable[[], datetime]:
    """`WORKBENCH_NOW=2026-11-26T10:00` freezes the clock (for tests and demonstrations)."""
    fixed = os.environ.get("WORKBENCH_NOW")
    if not fixed:
        return system_clock
    moment = datetime.fromisoformat(fixed)
    return lambda: moment


@record
class _Recorder:
    """Collects the changes of one action while it runs, for its history event."""

    store: Store
    changes: list[Change] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    def insert(self, table: str, row: R.Row) -> int:
        row_id = self.store.insert_row(table, row)
        self.changes.append(Change(table, row_id, None, self.store.row(table, row_id)))
        return row_id

    def update(self, table: str, row_id: int, **values: Any) -> R.Row:
        before = self.store.row(table, row_id)
        if before is None:
            raise NotFound(f"error.not_found.{table}", id=row_id)
        self.store.update_row(table, row_id, values)
        after = self.store.row(table, row_id)
        assert after is not None
        if after != before:
            self.changes.append(Change(table, row_id, before, after))
        return after

    def added_plain(self, table: str, row_id: int) -> None:
        self.changes.append(Change(table, row_id, None, self.store.plain_row(table, row_id)))


class Workbench:
    """One secretary's workbench on one database."""

    def __init__(
        self,
        store: Store,
        config: Config | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.config = config or Config()
        self._clock = clock or system_clock
        self.calendar = build_calendar(
            self.config.holiday_region(),
            self.config.subdivision,
            self.config.workdays,
            self.config.days_off,
            locations.cache_dir(),
        )
        self.coefficients = self.config.urgency
        self._local = threading.local()

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        config: Config | None = None,
        clock: Callable[[], datetime] | None = None,
        *,
        create: bool = True,
        on_reindex: Callable[[], None] | None = None,
    ) -> Workbench:
        store = Store.open(
            path or locations.default_db_path(), create=create, on_reindex=on_reindex
        )
        return cls(store, config, clock)

    def close(self) -> None:
        self.store.close()

    def now(self) -> datetime:
        return self._clock()

    @property
    def last_event_id(self) -> int | None:
        """The history event of this thread's latest change (what `undo` would revert)."""
        return getattr(self._local, "last_event", None)

    # ----------------------------------------------------------------- plumbing

    @contextmanager
    def _action(
        self, action: str, entity: str, entity_id: int | None = None
    ) -> Iterator[_Recorder]:
        """Run one use case: one transaction, its changes, one history event."""
        self._local.last_event = None
        with self.store.transaction():
            rec = _Recorder(self.store)
            yield rec
            if not rec.changes:
                return
            if entity_id is None:
                entity_id = rec.changes[0].row_id
            self._rescore(self.now())
            self._local.last_event = self.store.insert_event(
                Event(
                    action=action,
                    entity=entity,
                    entity_id=entity_id,
                    at=self.now(),
                    changes=tuple(rec.changes),
                    # Summaries quote what was typed: store it cleaned, like the rows.
                    summary={
                        k: clean_text(v, multiline=True) if isinstance(v, str) else v
                        for k, v in rec.summary.items()
                    },
                )
            )

    def _rescore(self, now: datetime) -> None:
        """Recompute the scores whose time has come (inside a transaction)."""
        scorer = Scorer(now, self.calendar, self.coefficients)
        while rows := self.store.stale_tasks(now):
            scores = []
            for r in rows:
                s = scorer.score(
                    importance=r["importance"],
                    urgent=bool(r["urgent"]),
                    due=due_from_iso(r["due"]),
                    serves_instruction=r["instruction_id"] is not None,
                    created=datetime.fromisoformat(r["created"]),
                )
                until = R.ts(s.valid_until) if s.valid_until else NO_DUE
                scores.append((r["id"], s.total, s.quadrant.value, until))
            self.store.set_scores(scores)

    def refresh(self) -> bool:
        """Bring stored scores up to the clock; True if any changed.

        Scores are a cache of the clock: a read-only file, or another window holding the
        write lock, leaves them as they are for now rather than failing the read that
        asked for them (the next refresh catches up)."""
        now = self.now()
        if self.store.db.read_only or not self.store.stale_tasks(now, limit=1):
            return False
        try:
            with self.store.transaction():
                self._rescore(now)
        except StoreError as err:
            if err.key in ("store.error.busy", "store.error.read_only"):
                return False
            raise
        return True

    def next_refresh(self) -> datetime | None:
        """When the order of the list may next change by itself."""
        return self.store.next_score_change()

    def parse_date(self, text: str) -> When:
        """A date phrase at this moment, in this calendar (raises DateParseError)."""
        from workbench.domain.dates import parse_when

        return parse_when(text, self.now(), self.calendar)

    def _due(self, value: Due | str | None) -> Due | None:
        if value is None or isinstance(value, date):
            return value
        if not value.strip():
            return None
        return self.parse_date(value).value

    @staticmethod
    def _title(text: str) -> str:
        title = clean_text(text)
        if not title:
            raise InvalidInput("error.blank_title")
        if len(title) > MAX_TITLE:
            raise InvalidInput("error.too_long", field=MAX_TITLE)
        return title

    @staticmethod
    def _text(text: str, *, required_key: str | None = None, multiline: bool = True) -> str:
        value = clean_text(text, multiline=multiline)
        if required_key and not value:
            raise InvalidInput(required_key)
        if len(value) > MAX_TEXT:
            raise InvalidInput("error.too_long", field=MAX_TEXT)
        return value

    # ----------------------------------------------------------------- tasks

    def preview(self, text: str) -> QuickAdd:
        """What quick-add understands of a line, without saving (raises on bad input)."""
        from workbench.domain.quickadd import parse_quick_add

        return parse_quick_add(text, self.now(), self.calendar)

    def add_task(
        self,
        text: str | None = None,
        *,
        quick: QuickAdd | None = None,
        instruction_id: int | None = None,
        notes: str = "",
    ) -> TaskView:
        """Quick-add a task from one line (or an already parsed line)."""
        if quick is None:
            if text is None:
                raise InvalidInput("error.blank_title")
            quick = self.preview(text)
        now = self.now()
        due = quick.due
        if instruction_id is not None:
            instr = self._instruction(instruction_id)
            if due is None:
                due = instr.deadline
        task = Task(
            title=self._title(quick.title),
            uuid=new_uuid(),
            notes=self._text(notes),
            importance=quick.importance,
            urgent=quick.urgent,
            due=due,
            category=quick.category,
            tags=quick.tags,
            recurrence=quick.recurrence,
            recurrence_workdays=quick.working_days_only,
            instruction_id=instruction_id,
            confidential=quick.confidential,
            created=now,
            updated=now,
        )
        with self._action("task.add", "task") as rec:
            task_id = rec.insert("task", R.task_to_row(task))
            rec.summary["title"] = task.title
        return self.task_view(task_id)

    def _task(self, task_id: int) -> Task:
        task = self.store.get_task(task_id)
        if task is None or task.deleted is not None:
            raise NotFound("error.not_found.task", id=task_id)
        return task

    def edit_task(self, task_id: int, **fields: Any) -> TaskView:
        """Change fields of a task: title, notes, importance, urgent, due, category, tags,
        recurrence, instruction_id, confidential."""
        task = self._task(task_id)
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "title":
                values["title"] = self._title(value)
            elif name == "notes":
                values["notes"] = self._text(value)
            elif name == "importance":
                values["importance"] = Importance(value).value
            elif name in ("urgent", "confidential", "recurrence_workdays"):
                values[name] = int(bool(value))
            elif name == "due":
                values["due"] = due_to_iso(self._due(value))
            elif name == "category":
                values["category"] = Category(value).value
            elif name == "tags":
                tags = [clean_text(str(tag)).lstrip("#") for tag in value]
                values["tags"] = json.dumps([tg for tg in tags if tg], ensure_ascii=False)
            elif name == "recurrence":
                values["recurrence"] = value or None
            elif name == "instruction_id":
                if value is not None:
                    self._instruction(int(value))
                values["instruction_id"] = value
            else:
                raise InvalidInput("error.unknown_field", field=name)
        values["updated"] = R.ts(self.now())
        with self._action("task.edit", "task", task_id) as rec:
            rec.update("task", task_id, **values)
            rec.summary["title"] = task.title
            rec.summary["fields"] = sorted(set(fields))
        return self.task_view(task_id)

    def complete_task(self, task_id: int) -> tuple[TaskView, TaskView | None]:
        """Mark done; a recurring task gets its next occurrence in the same action."""
        task = self._task(task_id)
        if task.status is not TaskStatus.OPEN:
            raise InvalidInput("error.task_not_open", id=task_id)
        now = self.now()
        next_id = None
        with self._action("task.done", "task", task_id) as rec:
            rec.update(
                "task",
                task_id,
                status=TaskStatus.DONE.value,
                completed=R.ts(now),
                updated=R.ts(now),
            )
            rec.summary["title"] = task.title
            if task.recurrence:
                from workbench.domain.dates import next_occurrence

                previous = task.due or now.date()
                due = next_occurrence(
                    task.recurrence, previous, now, self.calendar, task.recurrence_workdays
                )
                successor = Task(
                    title=task.title,
                    uuid=new_uuid(),
                    notes=task.notes,
                    importance=task.importance,
                    urgent=task.urgent,
                    due=due,
                    category=task.category,
                    tags=task.tags,
                    recurrence=task.recurrence,
                    recurrence_workdays=task.recurrence_workdays,
                    instruction_id=task.instruction_id,
                    confidential=task.confidential,
                    created=now,
                    updated=now,
                )
                next_id = rec.insert("task", R.task_to_row(successor))
                rec.summary["next"] = next_id
        return self.task_view(task_id), (self.task_view(next_id) if next_id else None)

    def reopen_task(self, task_id: int) -> TaskView:
        task = self._task(task_id)
        if task.status is TaskStatus.OPEN:
            raise InvalidInput("error.task_already_open", id=task_id)
        with self._action("task.reopen", "task", task_id) as rec:
            rec.update(
                "task",
                task_id,
                status=TaskStatus.OPEN.value,
                completed=None,
                updated=R.ts(self.now()),
            )
            rec.summary["title"] = task.title
        return self.task_view(task_id)

    def cancel_task(self, task_id: int) -> TaskView:
        task = self._task(task_id)
        if task.status is not TaskStatus.OPEN:
            raise InvalidInput("error.task_not_open", id=task_id)
        now = self.now()
        with self._action("task.cancel", "task", task_id) as rec:
            rec.update(
                "task",
                task_id,
                status=TaskStatus.CANCELLED.value,
                completed=R.ts(now),
                updated=R.ts(now),
            )
            rec.summary["title"] = task.title
        return self.task_view(task_id)

    def postpone_task(self, task_id: int, to: Due | str | None = None) -> TaskView:
        """Snooze: to a given date, or by default to the next working day (same time)."""
        task = self._task(task_id)
        if task.status is not TaskStatus.OPEN:
            raise InvalidInput("error.task_not_open", id=task_id)
        now = self.now()
        new_due = self._due(to)
        if new_due is None:
            base = now.date()
            if task.due is not None:
                base = max(base, task.due.date() if isinstance(task.due, datetime) else task.due)
            day = self.calendar.next_working_day(base)
            if isinstance(task.due, datetime):
                new_due = datetime.combine(day, task.due.time())
            else:
                new_due = day
        with self._action("task.postpone", "task", task_id) as rec:
            rec.update("task", task_id, due=due_to_iso(new_due), updated=R.ts(now))
            rec.summary["title"] = task.title
            rec.summary["due"] = due_to_iso(new_due)
        return self.task_view(task_id)

    def toggle_urgent(self, task_id: int) -> TaskView:
        task = self._task(task_id)
        with self._action("task.urgent", "task", task_id) as rec:
            rec.update("task", task_id, urgent=int(not task.urgent), updated=R.ts(self.now()))
            rec.summary["title"] = task.title
            rec.summary["urgent"] = not task.urgent
        return self.task_view(task_id)

    def change_importance(self, task_id: int, step: int) -> TaskView:
        """One step up (+1) or down (-1): 輕 → 普通 → 重."""
        task = self._task(task_id)
        index = _IMPORTANCE_STEPS.index(task.importance)
        new = _IMPORTANCE_STEPS[max(0, min(len(_IMPORTANCE_STEPS) - 1, index + step))]
        if new is task.importance:
            return self.task_view(task_id)
        with self._action("task.importance", "task", task_id) as rec:
            rec.update("task", task_id, importance=new.value, updated=R.ts(self.now()))
            rec.summary["title"] = task.title
            rec.summary["importance"] = new.value
        return self.task_view(task_id)

    def delete_task(self, task_id: int) -> TaskView:
        """Move to the archive; undo (or restore) brings it back."""
        task = self._task(task_id)
        with self._action("task.delete", "task", task_id) as rec:
            rec.update("task", task_id, deleted=R.ts(self.now()))
            rec.summary["title"] = task.title
        return self.task_view(task_id, include_deleted=True)

    def restore_task(self, task_id: int) -> TaskView:
        task = self.store.get_task(task_id)
        if task is None or task.deleted is None:
            raise NotFound("error.not_found.archived_task", id=task_id)
        with self._action("task.restore", "task", task_id) as rec:
            rec.update("task", task_id, deleted=None)
            rec.summary["title"] = task.title
        return self.task_view(task_id)

    def task_view(self, task_id: int, *, include_deleted: bool = False) -> TaskView:
        self.refresh()
        task = self.store.get_task(task_id)
        if task is None or (task.deleted is not None and not include_deleted):
            raise NotFound("error.not_found.task", id=task_id)
        urgency, quadrant = self.store.task_score(task_id) or (0.0, "neither")
        return self._view(task, urgency, quadrant)

    def _view(
        self,
        task: Task,
        urgency: float,
        quadrant: str,
        leader: str | object | None = _LOOK_UP,
        now: datetime | None = None,
    ) -> TaskView:
        now = self.now() if now is None else now
        overdue = (
            task.status is TaskStatus.OPEN
            and task.due is not None
            and now >= deadline_instant(task.due)
        )
        if leader is _LOOK_UP:
            leader = None
            if task.instruction_id is not None:
                instr = self.store.row("instruction", task.instruction_id)
                leader = instr["leader"] if instr else None
        kind = _QUADRANT.get(quadrant) or Quadrant(quadrant)
        return TaskView(task, urgency, kind, overdue, leader)  # type: ignore[arg-type]

    def count_tasks(self, flt: TaskFilter = TaskFilter()) -> int:
        self.refresh()
        return self.store.count_tasks(flt)

    def list_tasks(
        self, flt: TaskFilter = TaskFilter(), offset: int = 0, limit: int = 50
    ) -> list[TaskView]:
        self.refresh()
        now = self.now()
        # The page query brings each task's leader along (no query per row).
        return [
            self._view(s.task, s.urgency, s.quadrant, s.leader, now)
            for s in self.store.task_page(flt, offset, limit)
        ]

    def task_position(self, task_id: int, flt: TaskFilter = TaskFilter()) -> int | None:
        return self.store.task_position(flt, task_id)

    def explain(self, task_id: int) -> Score:
        """The score of a task now, term by term."""
        task = self._task(task_id)
        scorer = Scorer(self.now(), self.calendar, self.coefficients)
        assert task.created is not None
        return scorer.score(
            importance=task.importance,
            urgent=task.urgent,
            due=task.due if task.status is TaskStatus.OPEN else None,
            serves_instruction=task.instruction_id is not None,
            created=task.created,
            explain=True,
        )

    def attention(self) -> dict[str, int]:
        """Counts for the header: urgent and overdue tasks, red and yellow instructions,
        feedback due."""
        self.refresh()
        now = self.now()
        counts = self.store.task_counts(now)
        threshold = self.calendar.add_working_days(now.date(), self.config.yellow_days + 1)
        counts.update(self.store.instruction_attention(now, threshold))
        return counts

    # ----------------------------------------------------------------- instructions

    def _instruction(self, instruction_id: int) -> Instruction:
        instr = self.store.get_instruction(instruction_id)
        if instr is None or instr.deleted is not None:
            raise NotFound("error.not_found.instruction", id=instruction_id)
        return instr

    def add_instruction(
        self,
        content: str,
        *,
        leader: str,
        deadline: Due | str | None = None,
        source: str = "",
        owner: str = "",
        co_handlers: str = "",
        issued_on: date | str | None = None,
        feedback_interval: int | None = None,
        confidential: bool = False,
    ) -> InstructionView:
        """Register (立項登記) a leader's instruction."""
        now = self.now()
        issued = self._due(issued_on)
        if isinstance(issued, datetime):
            issued = issued.date()
        if feedback_interval is not None and not 1 <= feedback_interval <= 366:
            raise InvalidInput("error.feedback_interval")
        instr = Instruction(
            leader=self._text(leader, required_key="error.blank_leader", multiline=False),
            content=self._text(content, required_key="error.blank_content"),
            uuid=new_uuid(),
            source=self._text(source, multiline=False),
            issued_on=issued,
            deadline=self._due(deadline),
            owner=self._text(owner, multiline=False),
            co_handlers=self._text(co_handlers, multiline=False),
            feedback_interval=feedback_interval,
            confidential=confidential,
            created=now,
            updated=now,
        )
        with self._action("instruction.add", "instruction") as rec:
            rec.insert("instruction", R.instruction_to_row(instr))
            rec.summary["content"] = instr.content
        return self.instruction_view(rec.changes[0].row_id)

    def update_instruction(self, instruction_id: int, **fields: Any) -> InstructionView:
        """Edit the registration: leader, content, source, owner, co_handlers, issued_on,
        feedback_interval, confidential. (Deadlines move by `extend`.)"""
        instr = self._instruction(instruction_id)
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "leader":
                values[name] = self._text(value, required_key="error.blank_leader", multiline=False)
            elif name == "content":
                values[name] = self._text(value, required_key="error.blank_content")
            elif name in ("source", "owner", "co_handlers"):
                values[name] = self._text(value, multiline=False)
            elif name == "issued_on":
                issued = self._due(value)
                values[name] = (
                    (issued.date() if isinstance(issued, datetime) else issued).isoformat()
                    if issued
                    else None
                )
            elif name == "feedback_interval":
                if value is not None and not 1 <= int(value) <= 366:
                    raise InvalidInput("error.feedback_interval")
                values[name] = value
            elif name == "confidential":
                values[name] = int(bool(value))
            elif name == "deadline":
                if instr.deadline is not None and not instr.extensions:
                    pass  # correcting a typo before any extension is allowed
                elif instr.deadline is not None:
                    raise InvalidInput("error.use_extend")
                values[name] = due_to_iso(self._due(value))
            else:
                raise InvalidInput("error.unknown_field", field=name)
        values["updated"] = R.ts(self.now())
        with self._action("instruction.edit", "instruction", instruction_id) as rec:
            rec.update("instruction", instruction_id, **values)
            rec.summary["fields"] = sorted(set(fields))
        return self.instruction_view(instruction_id)

    def chase(
        self,
        instruction_id: int,
        *,
        note: str = "",
        whom: str = "",
        channel: Channel | str | None = None,
    ) -> InstructionView:
        """催辦: record a chase; the level climbs with each chase of an overdue item."""
        instr = self._instruction(instruction_id)
        if instr.status.is_closed:
            raise InvalidInput("error.instruction_closed", id=instruction_id)
        now = self.now()
        level = supervision.next_chase_level(instr, now)
        chan = Channel(channel).value if channel else None
        with self._action("instruction.chase", "instruction", instruction_id) as rec:
            chase_id = self.store.insert_chase(
                instruction_id,
                now,
                level.value,
                self._text(whom or instr.owner, multiline=False),
                chan,
                self._text(note),
            )
            rec.added_plain("chase", chase_id)
            rec.update("instruction", instruction_id, updated=R.ts(now))
            rec.summary.update(level=level.value, note=note, whom=whom or instr.owner)
        return self.instruction_view(instruction_id)

    def extend(self, instruction_id: int, to: Due | str, reason: str) -> InstructionView:
        """延期: a new deadline with a reason; the original stays on record."""
        instr = self._instruction(instruction_id)
        if instr.status.is_closed:
            raise InvalidInput("error.instruction_closed", id=instruction_id)
        reason = self._text(reason, required_key="error.blank_reason")
        new = self._due(to)
        if new is None:
            raise InvalidInput("error.blank_deadline")
        if instr.deadline is not None and deadline_instant(new) <= deadline_instant(instr.deadline):
            raise InvalidInput(
                "error.extend_earlier", old=describe_when(instr.deadline, all_day=False)
            )
        now = self.now()
        with self._action("instruction.extend", "instruction", instruction_id) as rec:
            ext_id = self.store.insert_extension(
                instruction_id, due_to_iso(instr.deadline), due_to_iso(new) or "", reason, now
            )
            rec.added_plain("extension", ext_id)
            rec.update("instruction", instruction_id, deadline=due_to_iso(new), updated=R.ts(now))
            rec.summary.update(old=due_to_iso(instr.deadline), new=due_to_iso(new), reason=reason)
        return self.instruction_view(instruction_id)

    def add_feedback(
        self,
        instruction_id: int | None,
        content: str,
        *,
        kind: FeedbackKind | str = FeedbackKind.PROGRESS,
        channel: Channel | str = Channel.VERBAL,
        next_step: str = "",
        leader: str = "",
        at: datetime | str | None = None,
        confidential: bool | None = None,
    ) -> Feedback:
        """Record what was reported to the leader (反饋), and what was agreed (協議)."""
        with self._action(
            "feedback.add", "instruction" if instruction_id else "feedback", instruction_id
        ) as rec:
            fb_id = self._insert_feedback(
                rec,
                instruction_id,
                content,
                kind=FeedbackKind(kind),
                channel=Channel(channel),
                next_step=next_step,
                leader=leader,
                at=at,
                confidential=confidential,
            )
        feedback = self.store.get_feedback(fb_id)
        assert feedback is not None
        return feedback

    def _insert_feedback(
        self,
        rec: _Recorder,
        instruction_id: int | None,
        content: str,
        *,
        kind: FeedbackKind,
        channel: Channel,
        next_step: str,
        leader: str,
        at: datetime | str | None,
        confidential: bool | None,
        revision_of: int | None = None,
    ) -> int:
        now = self.now()
        instr = self._instruction(instruction_id) if instruction_id is not None else None
        when = at
        if isinstance(at, str):
            parsed = self.parse_date(at).value
            when = parsed if isinstance(parsed, datetime) else datetime.combine(parsed, time(9))
        feedback = Feedback(
            content=self._text(content, required_key="error.blank_feedback"),
            uuid=new_uuid(),
            instruction_id=instruction_id,
            leader=self._text(leader or (instr.leader if instr else ""), multiline=False),
            at=when or now,  # type: ignore[arg-type]
            channel=channel,
            kind=kind,
            next_step=self._text(next_step),
            revision_of=revision_of,
            confidential=confidential
            if confidential is not None
            else bool(instr and instr.confidential),
            created=now,
        )
        if instr is None and not feedback.leader:
            raise InvalidInput("error.blank_leader")
        fb_id = rec.insert("feedback", R.feedback_to_row(feedback))
        rec.summary.update(feedback=fb_id, kind=kind.value, content=feedback.content)
        if instr is not None and instr.status is InstructionStatus.NEW:
            rec.update(
                "instruction",
                instr.id,
                status=InstructionStatus.IN_PROGRESS.value,
                updated=R.ts(now),
            )
        return fb_id

    def correct_feedback(
        self, feedback_id: int, content: str, *, next_step: str | None = None
    ) -> Feedback:
        """A correction is a new revision; the earlier text is kept (不貪污信息)."""
        old = self.store.get_feedback(feedback_id)
        if old is None or old.deleted is not None:
            raise NotFound("error.not_found.feedback", id=feedback_id)
        with self._action(
            "feedback.correct",
            "instruction" if old.instruction_id else "feedback",
            old.instruction_id or feedback_id,
        ) as rec:
            fb_id = self._insert_feedback(
                rec,
                old.instruction_id,
                content,
                kind=old.kind,
                channel=old.channel,
                next_step=old.next_step if next_step is None else next_step,
                leader=old.leader,
                at=old.at,
                confidential=old.confidential,
                revision_of=feedback_id,
            )
        feedback = self.store.get_feedback(fb_id)
        assert feedback is not None
        return feedback

    def close_instruction(
        self, instruction_id: int, *, note: str = "", feedback: str = ""
    ) -> InstructionView:
        """辦結: close with the completion feedback given here, or the last one reported."""
        instr = self._instruction(instruction_id)
        if instr.status.is_closed:
            raise InvalidInput("error.instruction_closed", id=instruction_id)
        note = self._text(note)
        has_feedback = bool(self.store.last_feedback([instruction_id]))
        if not feedback.strip() and not has_feedback and not note:
            raise InvalidInput("error.close_needs_report")
        now = self.now()
        with self._action("instruction.close", "instruction", instruction_id) as rec:
            if feedback.strip():
                self._insert_feedback(
                    rec,
                    instruction_id,
                    feedback,
                    kind=FeedbackKind.COMPLETION,
                    channel=Channel.WRITTEN,
                    next_step="",
                    leader="",
                    at=None,
                    confidential=None,
                )
            rec.update(
                "instruction",
                instruction_id,
                status=InstructionStatus.DONE.value,
                closed=R.ts(now),
                closing_note=note,
                updated=R.ts(now),
            )
            rec.summary["note"] = note
        return self.instruction_view(instruction_id)

    def cancel(self, instruction_id: int, *, reason: str = "") -> InstructionView:
        """撤銷: the instruction no longer needs doing."""
        instr = self._instruction(instruction_id)
        if instr.status.is_closed:
            raise InvalidInput("error.instruction_closed", id=instruction_id)
        now = self.now()
        with self._action("instruction.cancel", "instruction", instruction_id) as rec:
            rec.update(
                "instruction",
                instruction_id,
                status=InstructionStatus.CANCELLED.value,
                closed=R.ts(now),
                closing_note=self._text(reason),
                updated=R.ts(now),
            )
            rec.summary["reason"] = reason
        return self.instruction_view(instruction_id)

    def reopen_instruction(self, instruction_id: int, *, reason: str = "") -> InstructionView:
        """退回重辦: a closed instruction goes back to work."""
        instr = self._instruction(instruction_id)
        if not instr.status.is_closed:
            raise InvalidInput("error.instruction_open", id=instruction_id)
        with self._action("instruction.reopen", "instruction", instruction_id) as rec:
            rec.update(
                "instruction",
                instruction_id,
                status=InstructionStatus.IN_PROGRESS.value,
                closed=None,
                closing_note="",
                updated=R.ts(self.now()),
            )
            rec.summary["reason"] = reason
        return self.instruction_view(instruction_id)

    def delete_instruction(self, instruction_id: int) -> InstructionView:
        """Move to the archive (a mistaken registration); undo brings it back."""
        self._instruction(instruction_id)
        with self._action("instruction.delete", "instruction", instruction_id) as rec:
            rec.update("instruction", instruction_id, deleted=R.ts(self.now()))
        return self._instruction_view(self.store.get_instruction(instruction_id))  # type: ignore[arg-type]

    def instruction_view(self, instruction_id: int) -> InstructionView:
        return self._instruction_views([self._instruction(instruction_id)])[0]

    def _instruction_view(self, instr: Instruction) -> InstructionView:
        return self._instruction_views([instr])[0]

    def _instruction_views(self, instructions: list[Instruction]) -> list[InstructionView]:
        now = self.now()
        ids = [i.id for i in instructions if i.id is not None]
        last = self.store.last_feedback(ids)
        progress = self.store.task_progress(ids)
        views = []
        for instr in instructions:
            fb = last.get(instr.id)  # type: ignore[arg-type]
            state = supervision.light(
                instr, now, fb.at if fb else None, self.calendar, self.config.yellow_days
            )
            done, total = progress.get(instr.id, (0, 0))  # type: ignore[arg-type]
            views.append(
                InstructionView(
                    instruction=instr,
                    light=state.light,
                    days_left=supervision.days_left(instr.deadline, now.date()),
                    feedback_due=state.feedback_due,
                    last_feedback=fb,
                    tasks_done=done,
                    tasks_total=total,
                )
            )
        return views

    def count_instructions(self, flt: InstructionFilter = InstructionFilter()) -> int:
        return self.store.count_instructions(flt)

    def list_instructions(
        self, flt: InstructionFilter = InstructionFilter(), offset: int = 0, limit: int = 50
    ) -> list[InstructionView]:
        return self._instruction_views(self.store.instruction_page(flt, offset, limit))

    def instruction_position(
        self, instruction_id: int, flt: InstructionFilter = InstructionFilter()
    ) -> int | None:
        return self.store.instruction_position(flt, instruction_id)

    def feedback_of(self, instruction_id: int) -> list[Feedback]:
        return self.store.feedback_of(instruction_id)

    def count_feedback(self, flt: FeedbackFilter = FeedbackFilter()) -> int:
        return self.store.count_feedback(flt)

    def list_feedback(
        self, flt: FeedbackFilter = FeedbackFilter(), offset: int = 0, limit: int = 50
    ) -> list[Feedback]:
        return self.store.feedback_page(flt, offset, limit)

    def leaders(self) -> list[str]:
        return self.store.names("leader")

    def owners(self) -> list[str]:
        return self.store.names("owner")

    def take_daily_brief(self) -> bool:
        """True the first time it is asked on a given day: the app shows the briefing then."""
        today = self.now().date().isoformat()
        if self.store.get_setting("briefed_on") == today:
            return False
        with self.store.transaction():
            self.store.set_setting("briefed_on", today)
        return True

    # ----------------------------------------------------------------- history and undo

    def history(self, entity: str, entity_id: int) -> list[Event]:
        return self.store.events_for(entity, entity_id)

    def last_event(self) -> Event | None:
        return self.store.last_undoable_event()

    def undo(self, event_id: int | None = None) -> Event:
        """Revert one action (by default the latest), if nothing changed it since."""
        self._local.last_event = None  # an undo is not itself undone by `u`
        with self.store.transaction():
            event = (
                self.store.get_event(event_id)
                if event_id is not None
                else self.store.last_undoable_event()
            )
            if event is None or event.undoes is not None:
                raise NothingToUndo("error.nothing_to_undo")
            if event.undone_by is not None:
                raise UndoConflict("error.already_undone")
            if event.summary.get("undoable") is False:
                raise UndoConflict("error.import_not_undoable")
            # A row an action changed twice (closing a new instruction with feedback moves
            # it to in progress, then to done) must be as the action *last* left it.
            final = {(c.table, c.row_id): c.after for c in event.changes}
            for (table, row_id), after in final.items():
                current = (
                    self.store.plain_row(table, row_id)
                    if table in PLAIN_TABLES
                    else self.store.row(table, row_id)
                )
                if current != after:
                    raise UndoConflict("error.undo_conflict")
            for change in reversed(event.changes):
                if change.table in PLAIN_TABLES:
                    if change.before is None:
                        self.store.delete_plain_row(change.table, change.row_id)
                    else:
                        self.store.put_plain_row(change.table, change.before)
                else:
                    self.store.restore_row(change.table, change.row_id, change.before)
            now = self.now()
            self._rescore(now)
            undo_id = self.store.insert_event(
                Event(
                    action="undo",
                    entity=event.entity,
                    entity_id=event.entity_id,
                    at=now,
                    changes=tuple(
                        Change(c.table, c.row_id, c.after, c.before)
                        for c in reversed(event.changes)
                    ),
                    undoes=event.id,
                    summary={"action": event.action, **event.summary},
                )
            )
            assert event.id is not None
            self.store.mark_undone(event.id, undo_id)
        return event
