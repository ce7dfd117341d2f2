"""輕重緩急: an explainable urgency score and the four quadrants.

Like Taskwarrior's urgency, the score is a sum of coefficient × term, each term a value in
[0, 1]. It differs where a secretary's day differs:

* Due proximity is counted in **working days**, so a task due Monday is as close on Friday
  as one due tomorrow is on a Tuesday, and an all-day date is not overdue before its day
  ends. The term rises over `due_horizon` working days and is at its maximum once overdue.
* Serving a leader instruction is a term of its own (為領導決策服務是首要任務).
* Importance is the secretary's own judgement (重 / 普通 / 輕), not a tag count.

The score is piecewise constant in time: it changes only at midnight (the working-day
count or the age moves on) or at the minute a timed task falls due. `Score.valid_until`
says when, so a store can keep scores in an index and recompute only the rows whose time
has come — the list follows the clock to the minute without rescoring everything.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import Due, Importance, Quadrant, deadline_instant
from workbench.domain.records import fields, record
from workbench.i18n import t


@record(frozen=True, slots=True)
class Coefficients:
    """Weights of the urgency terms; each can be overridden in the config file."""

    importance_high: float = 6.0
    importance_normal: float = 2.0
    importance_low: float = 0.0
    urgent: float = 8.0
    due: float = 12.0
    instruction: float = 5.0
    age: float = 2.0
    age_max_days: int = 30
    """Age at which the age term reaches its maximum."""
    due_horizon: int = 10
    """Working days before the due date at which the due term starts to rise."""
    urgent_window: int = 2
    """A task due within this many working days counts as urgent (quadrants)."""

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> Coefficients:
        """Build from a config table, refusing unknown names and non-numbers."""
        known = {f.name: f.type for f in fields(cls)}
        clean: dict[str, float | int] = {}
        for name, value in values.items():
            if name not in known:
                raise ValueError(t("urgency.config.unknown", name=name))
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(t("urgency.config.number", name=name))
            if known[name] == "int":
                if not isinstance(value, int) or value < 1 or value > 3650:
                    raise ValueError(t("urgency.config.days", name=name))
                clean[name] = value
            else:
                if not -1000 <= value <= 1000:
                    raise ValueError(t("urgency.config.range", name=name))
                clean[name] = float(value)
        return cls(**clean)  # type: ignore[arg-type]


DEFAULT = Coefficients()

DUE_TODAY = 0.9
"""Due term for a task due today (or on a non-working day before the next working day)."""
DUE_FAR = 0.2
"""Due term for a task due beyond the horizon."""


@record(frozen=True, slots=True)
class Term:
    """One line of a score's explanation."""

    name: str
    """Stable code: importance, urgent, due, instruction, age."""
    value: float
    """The term's value in [0, 1]."""
    coefficient: float
    detail: str = ""
    """Translated words for the value, e.g. 明天（1個工作日）."""

    @property
    def points(self) -> float:
        return self.value * self.coefficient


@record(frozen=True, slots=True)
class Score:
    total: float
    quadrant: Quadrant
    terms: tuple[Term, ...]
    overdue: bool
    valid_until: datetime | None
    """When the score may change next; None = never (until the task is edited)."""


def _next_midnight(now: datetime) -> datetime:
    return datetime.combine(now.date() + timedelta(days=1), time.min)


class Scorer:
    """Scores tasks at one moment; caches per-date terms so scoring many rows is cheap."""

    def __init__(
        self,
        now: datetime,
        calendar: WorkCalendar | None = None,
        coefficients: Coefficients = DEFAULT,
    ) -> None:
        self.now = now
        self.today = now.date()
        self.calendar = calendar or WorkCalendar()
        self.c = coefficients
        self._working_days: dict[date, int] = {}

    def working_days_left(self, day: date) -> int:
        """Working days from today to `day` (0 for today or a day off just after it)."""
        cached = self._working_days.get(day)
        if cached is None:
            cached = self.calendar.working_days_until(self.today, day)
            self._working_days[day] = cached
        return cached

    def _due_term(self, due: Due) -> tuple[float, bool, int | None, datetime | None]:
        """(value, overdue, working days left, valid until) of the due term."""
        instant = deadline_instant(due)
        if self.now >= instant:
            return 1.0, True, None, None
        days = self.working_days_left(due if not isinstance(due, datetime) else due.date())
        days = max(days, 0)
        horizon = self.c.due_horizon
        if days >= horizon:
            value = DUE_FAR
            # The count drops by at most one a day, so nothing changes before this.
            until = datetime.combine(self.today + timedelta(days=days - horizon + 1), time.min)
        else:
            value = DUE_FAR + (DUE_TODAY - DUE_FAR) * (horizon - days) / horizon
            until = _next_midnight(self.now)
        return value, False, days, min(until, instant)

    def score(
        self,
        *,
        importance: Importance | str,
        urgent: bool,
        due: Due | None,
        serves_instruction: bool,
        created: datetime,
        explain: bool = False,
    ) -> Score:
        c = self.c
        importance = Importance(importance)
        imp_coef = {
            Importance.HIGH: c.importance_high,
            Importance.NORMAL: c.importance_normal,
            Importance.LOW: c.importance_low,
        }[importance]
        terms: list[Term] = [
            Term(
                "importance", 1.0, imp_coef, t(f"importance.{importance.value}") if explain else ""
            )
        ]
        total = imp_coef
        if urgent:
            terms.append(Term("urgent", 1.0, c.urgent))
            total += c.urgent
        valid: list[datetime] = []
        overdue = False
        days_left: int | None = None
        if due is not None:
            value, overdue, days_left, until = self._due_term(due)
            detail = ""
            if explain:
                detail = (
                    t("urgency.detail.overdue")
                    if overdue
                    else t("urgency.detail.working_days", days=days_left)
                )
            terms.append(Term("due", value, c.due, detail))
            total += value * c.due
            if until is not None:
                valid.append(until)
        if serves_instruction:
            terms.append(Term("instruction", 1.0, c.instruction))
            total += c.instruction
        age_days = max((self.today - created.date()).days, 0)
        if age_days < c.age_max_days:
            valid.append(_next_midnight(self.now))
        age_value = min(age_days, c.age_max_days) / c.age_max_days
        if age_value:
            detail = t("urgency.detail.age", days=age_days) if explain else ""
            terms.append(Term("age", age_value, c.age, detail))
            total += age_value * c.age

        important = importance is Importance.HIGH or serves_instruction
        is_urgent = urgent or overdue or (days_left is not None and days_left <= c.urgent_window)
        if important:
            quadrant = Quadrant.IMPORTANT_URGENT if is_urgent else Quadrant.IMPORTANT
        else:
            quadrant = Quadrant.URGENT if is_urgent else Quadrant.NEITHER
        return Score(
            total=round(total, 2),
            quadrant=quadrant,
            terms=tuple(terms),
            overdue=overdue,
            valid_until=min(valid) if valid else None,
        )


def explain_lines(score: Score) -> list[str]:
    """The score term by term, in the interface language, ending with the total."""
    lines = []
    for term in score.terms:
        label = t(f"urgency.term.{term.name}")
        if term.value == 1.0:
            amount = t("urgency.points.flat", points=f"{term.points:+.2f}")
        else:
            amount = t(
                "urgency.points.scaled",
                value=f"{term.value:.2f}",
                coefficient=f"{term.coefficient:g}",
                points=f"{term.points:+.2f}",
            )
        if term.detail:
            label = t("common.aside", value=label, aside=term.detail)
        lines.append(t("urgency.line", term=label, points=amount))
    lines.append(t("urgency.total", total=f"{score.total:.2f}"))
    lines.append(t(f"quadrant.{score.quadrant.value}"))
    return lines
