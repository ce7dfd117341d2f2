"""The instruction light, days left, feedback due and chase escalation."""

from datetime import date, datetime, timedelta

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import (
    Chase,
    ChaseLevel,
    Extension,
    Instruction,
    InstructionStatus,
    Light,
)
from workbench.domain.supervision import days_left, feedback_due, light, next_chase_level

THU = datetime(2026, 11, 26, 10, 0)


def instr(**kw):
    base = dict(leader="校長", content="落實安全檢查", created=datetime(2026, 11, 1, 9))
    base.update(kw)
    return Instruction(**base)


def colour(i, now=THU, last=None, cal=None, yellow_days=3):
    return light(i, now, last, cal, yellow_days).light


def test_no_deadline_is_green():
    assert colour(instr()) is Light.GREEN


def test_red_when_overdue_and_all_day_deadline_lasts_its_whole_day():
    assert colour(instr(deadline=date(2026, 11, 25))) is Light.RED
    assert colour(instr(deadline=date(2026, 11, 26)), now=THU.replace(hour=23, minute=59)) is (
        Light.YELLOW
    )
    assert colour(instr(deadline=datetime(2026, 11, 26, 9, 30))) is Light.RED


def test_yellow_within_three_working_days():
    assert colour(instr(deadline=date(2026, 12, 1))) is Light.YELLOW  # Fri, Mon, Tue = 3
    assert colour(instr(deadline=date(2026, 12, 2))) is Light.GREEN  # 4 working days
    assert colour(instr(deadline=date(2026, 12, 2)), yellow_days=4) is Light.YELLOW


def test_holidays_bring_the_yellow_light_earlier():
    cal = WorkCalendar(holidays=[date(2026, 11, 27)])
    assert colour(instr(deadline=date(2026, 12, 2)), cal=cal) is Light.YELLOW


def test_closed_is_grey_whatever_the_deadline():
    for status in (InstructionStatus.DONE, InstructionStatus.CANCELLED):
        assert colour(instr(status=status, deadline=date(2026, 1, 1))) is Light.GREY


def test_feedback_due_turns_yellow_and_resets_with_feedback():
    i = instr(feedback_interval=7, deadline=date(2027, 1, 31))
    assert feedback_due(i, None, THU)  # nothing reported since Nov 1
    assert colour(i) is Light.YELLOW
    assert not feedback_due(i, THU - timedelta(days=6), THU)
    assert feedback_due(i, THU - timedelta(days=7), THU)
    assert colour(i, last=THU - timedelta(days=2)) is Light.GREEN
    assert not feedback_due(instr(), None, THU)  # no agreed interval


def test_feedback_interval_counts_from_issue_date():
    i = instr(feedback_interval=7, issued_on=date(2026, 11, 24))
    assert not feedback_due(i, None, THU)


def test_days_left():
    assert days_left(date(2026, 11, 30), THU.date()) == 4
    assert days_left(date(2026, 11, 24), THU.date()) == -2
    assert days_left(datetime(2026, 11, 26, 17), THU.date()) == 0
    assert days_left(None, THU.date()) is None


def test_chase_levels_climb_only_while_overdue():
    on_time = instr(deadline=date(2026, 12, 10))
    assert next_chase_level(on_time, THU) is ChaseLevel.REMIND
    late = instr(deadline=date(2026, 11, 20))
    assert next_chase_level(late, THU) is ChaseLevel.REMIND
    once = instr(deadline=date(2026, 11, 20), chases=(Chase(at=datetime(2026, 11, 23)),))
    assert next_chase_level(once, THU) is ChaseLevel.WARN
    many = instr(
        deadline=date(2026, 11, 20),
        chases=tuple(Chase(at=datetime(2026, 11, d)) for d in (18, 23, 24, 25)),
    )
    assert next_chase_level(many, THU) is ChaseLevel.SEVERE


def test_extension_restarts_the_ladder():
    chased = (Chase(at=datetime(2026, 11, 23)), Chase(at=datetime(2026, 11, 24)))
    extended = instr(
        deadline=date(2026, 11, 25),
        extensions=(Extension(date(2026, 11, 20), date(2026, 11, 25), "等待審批", THU),),
        chases=chased,
    )
    assert extended.original_deadline == date(2026, 11, 20)
    assert next_chase_level(extended, THU) is ChaseLevel.REMIND
