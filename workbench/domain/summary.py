"""The summary engine: what happened to the leader's instructions in a period, and where each
one stood at its end (情況通報, 辦理情況報告, 督辦台賬, the daily briefing).

Pure: the service hands in records, the engine returns plain data, the renderers
(`report_text`, `service.report_files`) turn it into words. Nothing here reads a clock.

Definitions (they are what the counts mean, so they are written down once, here):

- Population of a period: instructions registered (`created`) before the period's end and
  not closed (done or cancelled) before its start. Deleted ones never count; confidential ones
  only when asked for, and they are then marked.
- Everything is judged as it stood at the end of the period, or now if the period has not
  ended yet: a record counts if it happened before the period's end (the *cutoff*); lights,
  overdue and days left are measured at the *as-of* moment (the earlier of now and the end).
  An instruction closed after the period's end was still being handled then.
- The deadline in force at a moment is the new date of the last extension made before it,
  else the original deadline.
- Done on time: closed before the deadline in force when it was closed passed (no deadline is
  on time). "On time against the original" uses the first deadline; "on time after an
  extension" is on time but late against the original.
- 辦結率 = done / (total − cancelled); 按時辦結率 = done on time / done; None when the divisor
  is zero.
- 四、逾期及需協調事項: the overdue ones (longest overdue first), then the others that raised
  a problem (feedback of kind `problem`) within the period; owners are ranked by how many
  overdue instructions they hold.
- 五、下一步工作: open, not overdue, with the deadline in force from the as-of day up to the
  later of the next period's end and ten working days ahead.

Approximation: the instruction row keeps only its current `closed` time. A reopened
instruction (退回重辦) is open again, so a past period in which it had been closed sees it
as still open; the history events hold the earlier closing, but reading them for every
instruction of a period costs more than this rare case is worth.
"""

from __future__ import annotations

import calendar as _cal
import math
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from workbench.domain import supervision
from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import (
    Chase,
    ChaseLevel,
    Due,
    Extension,
    Feedback,
    FeedbackKind,
    Instruction,
    InstructionStatus,
    Light,
    Task,
    TaskStatus,
    deadline_instant,
)
from workbench.domain.records import fields, record, replace

UPCOMING_WORKING_DAYS = 10
"""五、下一步工作 looks at least this many working days ahead (two working weeks)."""

BRIEF_WORKING_DAYS = 3
"""The daily briefing lists deadlines this many working days ahead."""

LAGGING_OWNERS = 5
"""How many owners 四、逾期及需協調事項 names as lagging most."""


# --------------------------------------------------------------------------- periods


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@record(frozen=True, slots=True)
class Period:
    """A span of whole days, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        return cls(start, end)

    @classmethod
    def week_of(cls, day: date) -> Period:
        monday = day - timedelta(days=day.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def this_week(cls, today: date) -> Period:
        return cls.week_of(today)

    @classmethod
    def last_week(cls, today: date) -> Period:
        return cls.week_of(today - timedelta(days=7))

    @classmethod
    def month_of(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), _month_end(year, month))

    @classmethod
    def this_month(cls, today: date) -> Period:
        return cls.month_of(today.year, today.month)

    @classmethod
    def last_month(cls, today: date) -> Period:
        return cls.month_of(*_add_months(today.year, today.month, -1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def start_instant(self) -> datetime:
        return datetime.combine(self.start, time.min)

    @property
    def end_instant(self) -> datetime:
        """The first moment after the period (exclusive end)."""
        return datetime.combine(self.end + timedelta(days=1), time.min)

    @property
    def months(self) -> int:
        """How many whole calendar months the period is (0 if it is not whole months)."""
        if self.start.day != 1 or self.end != _month_end(self.end.year, self.end.month):
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def kind(self) -> str:
        """`month`, `week` (Monday to Sunday) or `range` — for titles and file names."""
        if self.months == 1:
            return "month"
        if self.days == 7 and self.start.weekday() == 0:
            return "week"
        return "range"

    def shifted(self, steps: int) -> Period:
        """The period `steps` lengths later (negative: earlier). Whole months move by
        calendar months, so the month before November is all of October."""
        months = self.months
        if months:
            year, month = _add_months(self.start.year, self.start.month, steps * months)
            last = _add_months(year, month, months - 1)
            return Period(date(year, month, 1), _month_end(*last))
        delta = timedelta(days=steps * self.days)
        return Period(self.start + delta, self.end + delta)

    def previous(self) -> Period:
        return self.shifted(-1)

    def following(self) -> Period:
        return self.shifted(1)

    def as_of(self, now: datetime) -> datetime:
        """When the state is judged: the end of the period, or now if it has not ended."""
        return min(now, self.end_instant)


@record(frozen=True, slots=True)
class Scope:
    """Whose instructions a report covers."""

    leader: str | None = None
    owner: str | None = None
    include_confidential: bool = False

    def admits(self, instr: Instruction) -> bool:
        if instr.deleted is not None:
            return False
        if instr.confidential and not self.include_confidential:
            return False
        if self.leader and instr.leader != self.leader:
            return False
        return not (self.owner and instr.owner != self.owner)


def in_population(instr: Instruction, period: Period, scope: Scope = Scope()) -> bool:
    """Registered before the period's end and not closed before its start."""
    return _alive(instr, period.start_instant, period.end_instant, scope)


def _alive(instr: Instruction, start: datetime, end: datetime, scope: Scope) -> bool:
    if not scope.admits(instr) or instr.created is None or instr.created >= end:
        return False
    return instr.closed is None or instr.closed >= start


# --------------------------------------------------------------------------- one instruction


class Outcome(StrEnum):
    """How a closed instruction met its deadline."""

    ON_TIME = "on_time"
    ON_TIME_EXTENDED = "on_time_after_extension"
    """Late against the original deadline, on time against the extended one (延期後按時)."""
    LATE = "late"


@record(frozen=True, slots=True)
class Dossier:
    """Everything known of one instruction that a report may need.

    `feedback` may be a subset of the instruction's feedback, as long as it holds what the
    report uses: for a period summary, the latest report before the cutoff (before closing,
    for a closed one), the latest one with an agreed next step, and every problem raised in
    the period; for the per-instruction report, all of it. Corrected texts (a later
    revision exists) are ignored if present.
    """

    instruction: Instruction
    feedback: tuple[Feedback, ...] = ()
    tasks_done: int = 0
    tasks_total: int = 0


def deadline_at(instr: Instruction, moment: datetime | None) -> Due | None:
    """The deadline in force at `moment`: the last extension made before it, else the original.
    None for `moment` means "now, with every extension"."""
    if moment is None:
        return instr.deadline
    current = instr.original_deadline
    for ext in instr.extensions:
        if ext.at < moment:
            current = ext.new
    return current


def outcome(instr: Instruction, closed: datetime) -> Outcome:
    """On time, on time only thanks to an extension, or late — judged at `closed`."""
    in_force = deadline_at(instr, closed)
    if in_force is not None and closed >= deadline_instant(in_force):
        return Outcome.LATE
    original = instr.original_deadline
    if original is not None and closed >= deadline_instant(original):
        return Outcome.ON_TIME_EXTENDED
    return Outcome.ON_TIME


def _current_feedback(feedback: Iterable[Feedback]) -> list[Feedback]:
    """Oldest first, without texts that a later revision corrected."""
    items = list(feedback)
    revised = {fb.revision_of for fb in items if fb.revision_of is not None}
    items = [fb for fb in items if fb.id is None or fb.id not in revised]
    items.sort(key=lambda fb: (fb.at or datetime.min, fb.id or 0))
    return items


@record(frozen=True, slots=True)
class Item:
    """One instruction as it stood at a moment (the end of a period, or now)."""

    instruction: Instruction
    status: InstructionStatus
    deadline: Due | None
    """The deadline in force."""
    extensions: tuple[Extension, ...]
    """The extensions made by then."""
    chases: tuple[Chase, ...]
    """The chases made by then."""
    is_new: bool
    """Registered within the period."""
    closed: datetime | None
    """When it was closed, if it was closed by then."""
    outcome: Outcome | None
    """For a done one: on time, on time after an extension, or late."""
    overdue: bool
    days_overdue: int | None
    """Whole days (rounded up) past the deadline in force, for an overdue one."""
    days_left: int | None
    """Calendar days to the deadline in force, for an open one with a deadline."""
    light: Light
    feedback_due: bool
    last_feedback: Feedback | None
    """The latest report (for a closed one, the final report: at or before closing)."""
    next_step: str
    """The latest agreed next step (協議)."""
    problems: tuple[Feedback, ...]
    """Problems raised (feedback of kind `problem`) within the period."""
    tasks_done: int = 0
    tasks_total: int = 0

    @property
    def id(self) -> int | None:
        return self.instruction.id

    @property
    def confidential(self) -> bool:
        return self.instruction.confidential

    @property
    def is_open(self) -> bool:
        return not self.status.is_closed

    @property
    def original_deadline(self) -> Due | None:
        if self.extensions:
            return self.extensions[0].old
        return self.deadline

    @property
    def chase_level(self) -> ChaseLevel | None:
        return self.chases[-1].level if self.chases else None


def _ceil_days(span: timedelta) -> int:
    return max(1, math.ceil(span.total_seconds() / 86400))


def evaluate(
    dossier: Dossier,
    *,
    cutoff: datetime | None,
    as_of: datetime,
    since: datetime | None = None,
    calendar: WorkCalendar | None = None,
    yellow_days: int = supervision.YELLOW_DAYS,
    live: bool = False,
) -> Item:
    """The state of one instruction: records before `cutoff` (None: all) count, and the
    light, overdue and days left are measured at `as_of`. `since` starts the window in which
    it is "new" and its problems count. `live` says the moment is now, so the stored status
    is the status (it also knows about a reopening, which the records alone do not)."""
    instr = dossier.instruction

    def before(moment: datetime | None) -> bool:
        return moment is not None and (cutoff is None or moment < cutoff)

    feedback = [fb for fb in _current_feedback(dossier.feedback) if before(fb.at)]
    closed = instr.closed if before(instr.closed) else None
    closed_then = closed is not None and instr.status.is_closed
    open_now = live and not instr.status.is_closed
    if closed_then or open_now:
        status = instr.status
    else:
        status = InstructionStatus.IN_PROGRESS if feedback else InstructionStatus.NEW
        closed = None
    deadline = deadline_at(instr, cutoff)
    extensions = tuple(e for e in instr.extensions if before(e.at))
    chases = tuple(c for c in instr.chases if before(c.at))

    final = feedback
    if closed is not None:
        final = [fb for fb in feedback if fb.at is not None and fb.at <= closed]
    last = final[-1] if final else None
    next_step = next((fb.next_step for fb in reversed(final) if fb.next_step.strip()), "")
    problems = tuple(
        fb for fb in feedback
        if fb.kind is FeedbackKind.PROBLEM and (since is None or fb.at >= since)  # type: ignore[operator]
    )  # fmt: skip

    done_outcome = None
    overdue = False
    days_over = days_left = None
    if status is InstructionStatus.DONE and closed is not None:
        done_outcome = outcome(instr, closed)
        colour, fb_due = Light.GREY, False
    elif status.is_closed:
        colour, fb_due = Light.GREY, False
    else:
        then = instr
        if instr.status is not status or instr.deadline != deadline:
            then = replace(instr, deadline=deadline, status=status)
        reason = supervision.light(
            then, as_of, last.at if last else None, calendar, yellow_days
        )
        colour, fb_due, overdue = reason.light, reason.feedback_due, reason.overdue
        days_left = supervision.days_left(deadline, as_of.date())
        if overdue:
            assert deadline is not None
            # Days counted from the end of the deadline's day, as the lists and details
            # count calendar days: due yesterday at 09:00 is 逾期1天 at 10:00 today.
            days_over = _ceil_days(as_of - deadline_instant(_day(deadline)))
    created = instr.created
    return Item(
        instruction=instr,
        status=status,
        deadline=deadline,
        extensions=extensions,
        chases=chases,
        is_new=created is not None and (since is None or created >= since),
        closed=closed,
        outcome=done_outcome,
        overdue=overdue,
        days_overdue=days_over,
        days_left=days_left,
        light=colour,
        feedback_due=fb_due,
        last_feedback=last,
        next_step=next_step,
        problems=problems,
        tasks_done=dossier.tasks_done,
        tasks_total=dossier.tasks_total,
    )


def evaluate_in(
    dossier: Dossier,
    period: Period,
    now: datetime,
    calendar: WorkCalendar | None = None,
    yellow_days: int = supervision.YELLOW_DAYS,
) -> Item:
    """The state of one instruction at the end of `period` (or now, if it has not ended)."""
    return _evaluator(period, now, calendar, yellow_days)(dossier)


def _evaluator(
    period: Period, now: datetime, calendar: WorkCalendar | None, yellow_days: int
) -> Callable[[Dossier], Item]:
    """`evaluate_in` for many dossiers of one period, with the period's moments worked out
    once."""
    end = period.end_instant
    settings = dict(cutoff=end, as_of=min(now, end), since=period.start_instant,
                    calendar=calendar, yellow_days=yellow_days, live=now < end)  # fmt: skip
    return lambda dossier: evaluate(dossier, **settings)  # type: ignore[arg-type]


def _population(
    dossiers: Iterable[Dossier], period: Period, now: datetime, scope: Scope,
    calendar: WorkCalendar | None, yellow_days: int,
) -> list[Item]:  # fmt: skip
    start, end = period.start_instant, period.end_instant
    judge = _evaluator(period, now, calendar, yellow_days)
    return [judge(d) for d in dossiers if _alive(d.instruction, start, end, scope)]


# --------------------------------------------------------------------------- counts


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole > 0 else None


@record(frozen=True, slots=True)
class Counts:
    """The numbers of a period (see the module docstring for what each one means)."""

    total: int = 0
    new: int = 0
    in_progress: int = 0
    done: int = 0
    done_on_time: int = 0
    done_on_time_original: int = 0
    done_on_time_extended: int = 0
    done_late: int = 0
    overdue: int = 0
    cancelled: int = 0

    @property
    def completion_rate(self) -> float | None:
        """辦結率: done / (total − cancelled)."""
        return _rate(self.done, self.total - self.cancelled)

    @property
    def on_time_rate(self) -> float | None:
        """按時辦結率: done on time / done."""
        return _rate(self.done_on_time, self.done)

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def minus(self, other: Counts) -> Counts:
        """The change from `other` to this, field by field."""
        return Counts(**{k: v - getattr(other, k) for k, v in self.as_dict().items()})


def count(items: Iterable[Item], period: Period) -> Counts:
    """The counts of a period's population, each item judged at the period's end."""
    tally: Counter[str] = Counter()
    start, end = period.start_instant, period.end_instant
    for item in items:
        tally["total"] += 1
        if item.is_new:
            tally["new"] += 1
        if item.is_open:
            tally["in_progress"] += 1
            if item.overdue:
                tally["overdue"] += 1
            continue
        closed = item.closed
        within = closed is not None and start <= closed < end
        if not within:
            continue
        if item.status is InstructionStatus.CANCELLED:
            tally["cancelled"] += 1
        else:
            tally["done"] += 1
            if item.outcome is Outcome.LATE:
                tally["done_late"] += 1
            else:
                tally["done_on_time"] += 1
                key = (
                    "done_on_time_original"
                    if item.outcome is Outcome.ON_TIME
                    else "done_on_time_extended"
                )
                tally[key] += 1
    return Counts(**tally)


# --------------------------------------------------------------------------- the summary


def _deadline_key(item: Item) -> tuple[datetime, int]:
    d = item.deadline
    return (deadline_instant(d) if d is not None else datetime.max, item.id or 0)


def _overdue_key(item: Item) -> tuple[int, int]:
    return (-(item.days_overdue or 0), item.id or 0)


def _registration_key(item: Item) -> tuple[datetime, int]:
    return (item.instruction.created or datetime.min, item.id or 0)


def _day(value: Due) -> date:
    return value.date() if isinstance(value, datetime) else value


@record(frozen=True, slots=True)
class Summary:
    """A period's report: counts, the change since the previous period, and the sections."""

    period: Period
    as_of: datetime
    scope: Scope
    counts: Counts
    previous_period: Period
    previous: Counts | None
    items: tuple[Item, ...]
    """The population in order of registration (the ledger's order)."""
    done: tuple[Item, ...]
    """二、已辦結事項: closed as done within the period, in order of closing."""
    in_progress: tuple[Item, ...]
    """三、正在辦理事項: open at the end, by deadline."""
    overdue: tuple[Item, ...]
    """四: open and overdue at the end, longest overdue first."""
    problems: tuple[Item, ...]
    """四: the others that raised problems within the period."""
    lagging_owners: tuple[tuple[str, int], ...]
    """四: owners ranked by how many overdue instructions they hold."""
    upcoming: tuple[Item, ...]
    """五、下一步工作: open, not overdue, with a deadline by `upcoming_until`."""
    upcoming_until: date

    @property
    def change(self) -> Counts | None:
        return self.counts.minus(self.previous) if self.previous is not None else None


def summarize(
    dossiers: Iterable[Dossier],
    period: Period,
    now: datetime,
    *,
    previous: Iterable[Dossier] | None = None,
    scope: Scope = Scope(),
    calendar: WorkCalendar | None = None,
    yellow_days: int = supervision.YELLOW_DAYS,
) -> Summary:
    """The periodic summary (情況通報). `dossiers` may hold more than the population (it is
    filtered here); `previous` feeds the previous period's counts (its feedback is not
    needed) — None leaves the comparison out."""
    cal = calendar or WorkCalendar()
    items = sorted(_population(dossiers, period, now, scope, cal, yellow_days),
                   key=_registration_key)  # fmt: skip
    prev_period = period.previous()
    prev_counts = None
    if previous is not None:
        prev_items = _population(previous, prev_period, now, scope, cal, yellow_days)
        prev_counts = count(prev_items, prev_period)
    start, end = period.start_instant, period.end_instant
    done = sorted(
        (
            i for i in items
            if i.status is InstructionStatus.DONE and i.closed and start <= i.closed < end
        ),
        key=lambda i: (i.closed, i.id or 0),
    )  # fmt: skip
    open_items = [i for i in items if i.is_open]
    in_progress = sorted(open_items, key=_deadline_key)
    overdue = sorted((i for i in open_items if i.overdue), key=_overdue_key)
    problems = tuple(i for i in items if i.problems and not i.overdue)
    owners = Counter(i.instruction.owner for i in overdue)
    lagging = tuple(sorted(owners.items(), key=lambda kv: (-kv[1], kv[0]))[:LAGGING_OWNERS])
    as_of = period.as_of(now)
    until = max(
        cal.add_working_days(as_of.date(), UPCOMING_WORKING_DAYS), period.following().end
    )
    upcoming = tuple(
        i for i in in_progress
        if not i.overdue and i.deadline is not None
        and as_of.date() <= _day(i.deadline) <= until
    )  # fmt: skip
    return Summary(
        period=period,
        as_of=as_of,
        scope=scope,
        counts=count(items, period),
        previous_period=prev_period,
        previous=prev_counts,
        items=tuple(items),
        done=tuple(done),
        in_progress=tuple(in_progress),
        overdue=tuple(overdue),
        problems=problems,
        lagging_owners=lagging,
        upcoming=upcoming,
        upcoming_until=until,
    )


# --------------------------------------------------------------------------- 一事一文


class EntryKind(StrEnum):
    FEEDBACK = "feedback"
    EXTENSION = "extension"
    CHASE = "chase"
    CLOSED = "closed"
    CANCELLED = "cancelled"


@record(frozen=True, slots=True)
class Entry:
    """One step of 落實過程, in date order."""

    at: datetime
    kind: EntryKind
    feedback: Feedback | None = None
    extension: Extension | None = None
    chase: Chase | None = None
    note: str = ""


@record(frozen=True, slots=True)
class InstructionReport:
    """辦理情況報告 of one instruction, as it stands now."""

    item: Item
    timeline: tuple[Entry, ...]
    feedback: tuple[Feedback, ...]
    """Every current report, oldest first."""
    open_problems: tuple[Feedback, ...]
    """Problems raised since the last completion report, while the instruction is open."""
    as_of: datetime


_ENTRY_ORDER = {
    EntryKind.EXTENSION: 0, EntryKind.CHASE: 1, EntryKind.FEEDBACK: 2,
    EntryKind.CLOSED: 3, EntryKind.CANCELLED: 3,
}  # fmt: skip


def instruction_report(
    dossier: Dossier,
    now: datetime,
    calendar: WorkCalendar | None = None,
    yellow_days: int = supervision.YELLOW_DAYS,
) -> InstructionReport:
    """Everything about one instruction, for 一事一文."""
    instr = dossier.instruction
    item = evaluate(dossier, cutoff=None, as_of=now, since=None, calendar=calendar,
                    yellow_days=yellow_days, live=True)  # fmt: skip
    feedback = tuple(_current_feedback(dossier.feedback))
    entries = [Entry(fb.at, EntryKind.FEEDBACK, feedback=fb) for fb in feedback if fb.at]
    entries += [Entry(e.at, EntryKind.EXTENSION, extension=e) for e in instr.extensions]
    entries += [Entry(c.at, EntryKind.CHASE, chase=c) for c in instr.chases]
    if instr.closed is not None and instr.status.is_closed:
        kind = EntryKind.CLOSED if instr.status is InstructionStatus.DONE else EntryKind.CANCELLED
        entries.append(Entry(instr.closed, kind, note=instr.closing_note))
    entries.sort(key=lambda e: (e.at, _ENTRY_ORDER[e.kind]))
    open_problems: tuple[Feedback, ...] = ()
    if not instr.status.is_closed:
        since_completion: list[Feedback] = []
        for fb in feedback:
            if fb.kind is FeedbackKind.COMPLETION:
                since_completion = []
            elif fb.kind is FeedbackKind.PROBLEM:
                since_completion.append(fb)
        open_problems = tuple(since_completion)
    return InstructionReport(item, tuple(entries), feedback, open_problems, now)


# --------------------------------------------------------------------------- the ledger


@record(frozen=True, slots=True)
class Ledger:
    """督辦台賬: one row per instruction of a period's population, in order of registration."""

    period: Period
    as_of: datetime
    scope: Scope
    items: tuple[Item, ...]


def ledger(summary: Summary) -> Ledger:
    return Ledger(summary.period, summary.as_of, summary.scope, summary.items)


# --------------------------------------------------------------------------- the briefing


@record(frozen=True, slots=True)
class Deadline:
    """A task or an instruction due soon, for the briefing."""

    due: Due
    kind: str
    """`task` or `instruction`."""
    id: int | None
    title: str
    confidential: bool = False


@record(frozen=True, slots=True)
class Brief:
    """The day's briefing: what needs doing today and what is coming."""

    now: datetime
    overdue_tasks: tuple[Task, ...]
    today_tasks: tuple[Task, ...]
    red: tuple[Item, ...]
    yellow: tuple[Item, ...]
    feedback_due: tuple[Item, ...]
    upcoming: tuple[Deadline, ...]
    upcoming_until: date
    overdue_total: int = 0
    """Overdue tasks in all: more than `overdue_tasks` lists when the list was cut short."""

    @property
    def is_empty(self) -> bool:
        return not (self.overdue_tasks or self.today_tasks or self.red or self.yellow
                    or self.feedback_due or self.upcoming)  # fmt: skip


def _task_key(task: Task) -> tuple[datetime, int]:
    return (deadline_instant(task.due) if task.due is not None else datetime.max, task.id or 0)


def build_brief(
    now: datetime,
    tasks: Iterable[Task],
    dossiers: Iterable[Dossier],
    calendar: WorkCalendar | None = None,
    yellow_days: int = supervision.YELLOW_DAYS,
    working_days: int = BRIEF_WORKING_DAYS,
    *,
    overdue_total: int | None = None,
) -> Brief:
    """The briefing from open tasks and open instructions (others are ignored).
    `overdue_total` counts the overdue tasks when `tasks` holds only the first of them."""
    cal = calendar or WorkCalendar()
    today = now.date()
    until = cal.add_working_days(today, working_days)
    overdue_tasks: list[Task] = []
    today_tasks: list[Task] = []
    upcoming: list[Deadline] = []
    for task in tasks:
        if task.status is not TaskStatus.OPEN or task.deleted is not None or task.due is None:
            continue
        if supervision.is_overdue(task.due, now):
            overdue_tasks.append(task)
        elif _day(task.due) == today:
            today_tasks.append(task)
        elif _day(task.due) <= until:
            upcoming.append(Deadline(task.due, "task", task.id, task.title, task.confidential))
    items: list[Item] = []
    for d in dossiers:
        instr = d.instruction
        if instr.status.is_closed or instr.deleted is not None:
            continue
        items.append(evaluate(d, cutoff=None, as_of=now, calendar=cal,
                              yellow_days=yellow_days, live=True))  # fmt: skip
    items.sort(key=_deadline_key)
    for item in items:
        d = item.deadline
        if d is not None and not item.overdue and today <= _day(d) <= until:
            upcoming.append(Deadline(d, "instruction", item.id, item.instruction.content,
                                     item.confidential))  # fmt: skip
    upcoming.sort(key=lambda x: (deadline_instant(x.due), x.kind, x.id or 0))
    return Brief(
        now=now,
        overdue_tasks=tuple(sorted(overdue_tasks, key=_task_key)),
        today_tasks=tuple(sorted(today_tasks, key=_task_key)),
        red=tuple(sorted((i for i in items if i.light is Light.RED), key=_overdue_key)),
        yellow=tuple(i for i in items if i.light is Light.YELLOW),
        feedback_due=tuple(i for i in items if i.feedback_due),
        upcoming=tuple(upcoming),
        upcoming_until=until,
        overdue_total=max(len(overdue_tasks), overdue_total or 0),
    )

