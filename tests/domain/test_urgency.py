"""Urgency ordering, quadrants, explanation and the time the score stays valid."""

from datetime import date, datetime

import pytest

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import Importance, Quadrant
from workbench.domain.urgency import DEFAULT, Coefficients, Scorer, explain_lines

THU = datetime(2026, 11, 26, 10, 0)  # a Thursday
CREATED = datetime(2026, 11, 26, 9, 0)


def score(now=THU, cal=None, coefficients=DEFAULT, **kw):
    args = dict(
        importance=Importance.NORMAL,
        urgent=False,
        due=None,
        serves_instruction=False,
        created=CREATED,
    )
    args.update(kw)
    return Scorer(now, cal, coefficients).score(**args)


def test_plain_task_scores_its_importance_only():
    s = score()
    assert s.total == DEFAULT.importance_normal
    assert s.quadrant is Quadrant.NEITHER
    assert not s.overdue


def test_importance_orders_high_normal_low():
    assert score(importance="high").total > score().total > score(importance="low").total


def test_all_day_date_is_not_overdue_before_its_day_ends():
    late_evening = datetime(2026, 11, 26, 23, 59)
    assert not score(now=late_evening, due=date(2026, 11, 26)).overdue
    assert score(now=datetime(2026, 11, 27, 0, 0), due=date(2026, 11, 26)).overdue


def test_timed_task_is_overdue_the_minute_after():
    due = datetime(2026, 11, 26, 15, 0)
    before = score(now=datetime(2026, 11, 26, 14, 59), due=due)
    after = score(now=datetime(2026, 11, 26, 15, 0), due=due)
    assert not before.overdue and after.overdue
    assert after.total > before.total
    assert before.valid_until == due  # the score changes exactly when it falls due


def test_due_rises_as_it_nears_and_is_highest_when_overdue():
    totals = [
        score(due=d).total
        for d in (
            date(2027, 3, 1),
            date(2026, 12, 4),
            date(2026, 11, 30),
            date(2026, 11, 27),
            date(2026, 11, 26),
            date(2026, 11, 25),
        )
    ]
    assert totals == sorted(totals)
    assert len(set(totals)) == len(totals)


def test_working_days_matter_friday_to_monday_is_one_day():
    fri = datetime(2026, 11, 27, 10, 0)
    monday_from_friday = score(now=fri, due=date(2026, 11, 30), created=fri)
    tomorrow_from_thursday = score(due=date(2026, 11, 27), created=THU)
    assert monday_from_friday.total == tomorrow_from_thursday.total
    assert monday_from_friday.quadrant is Quadrant.URGENT


def test_holiday_counts_as_a_day_off():
    holiday = date(2026, 11, 27)  # make Friday a holiday
    cal = WorkCalendar(holidays=[holiday])
    # Thursday -> Monday is one working day when Friday is off.
    assert score(cal=cal, due=date(2026, 11, 30)).total == score(due=date(2026, 11, 27)).total


def test_quadrants():
    assert score(importance="high", urgent=True).quadrant is Quadrant.IMPORTANT_URGENT
    assert score(importance="high").quadrant is Quadrant.IMPORTANT
    assert score(serves_instruction=True).quadrant is Quadrant.IMPORTANT
    assert score(urgent=True).quadrant is Quadrant.URGENT
    assert score(due=date(2026, 11, 30)).quadrant is Quadrant.URGENT  # 2 working days
    assert score(due=date(2026, 12, 1)).quadrant is Quadrant.NEITHER  # 3 working days
    assert score(due=date(2026, 11, 20)).quadrant is Quadrant.URGENT  # overdue


def test_instruction_and_urgent_flag_add_their_coefficients():
    base = score().total
    assert score(serves_instruction=True).total == pytest.approx(base + DEFAULT.instruction)
    assert score(urgent=True).total == pytest.approx(base + DEFAULT.urgent)


def test_age_grows_to_a_maximum():
    young = score(created=datetime(2026, 11, 20, 9))
    old = score(created=datetime(2026, 1, 1, 9))
    older = score(created=datetime(2025, 1, 1, 9))
    assert score().total < young.total < old.total == older.total
    assert old.valid_until is None  # nothing about it changes with time any more


def test_valid_until_is_midnight_near_the_due_date_and_later_when_far():
    near = score(due=date(2026, 12, 1), created=datetime(2025, 1, 1))
    assert near.valid_until == datetime(2026, 11, 27, 0, 0)
    far = score(due=date(2027, 6, 1), created=datetime(2025, 1, 1))
    assert far.valid_until > datetime(2027, 1, 1)


def test_score_constant_until_valid_until():
    """Sample moments before valid_until: the total never changes."""
    cal = WorkCalendar(holidays=[date(2026, 12, 25)])
    for due in (date(2026, 12, 28), datetime(2026, 11, 26, 16, 30), date(2027, 2, 1)):
        first = score(due=due, cal=cal, created=datetime(2026, 11, 1))
        until = first.valid_until
        probe = THU
        while probe < until:
            assert score(now=probe, due=due, cal=cal, created=datetime(2026, 11, 1)).total == (
                first.total
            )
            probe = probe + (until - THU) / 7
        assert score(now=until, due=due, cal=cal, created=datetime(2026, 11, 1)).total != (
            first.total
        )


def test_coefficients_from_config():
    c = Coefficients.from_mapping({"urgent": 20, "due_horizon": 5})
    assert c.urgent == 20.0 and c.due_horizon == 5
    assert score(urgent=True, coefficients=c).total == pytest.approx(DEFAULT.importance_normal + 20)
    with pytest.raises(ValueError, match="nonsense"):
        Coefficients.from_mapping({"nonsense": 1})
    with pytest.raises(ValueError, match="urgent"):
        Coefficients.from_mapping({"urgent": "high"})
    with pytest.raises(ValueError, match="due_horizon"):
        Coefficients.from_mapping({"due_horizon": 0})


def test_explanation_lists_every_term_and_the_total():
    s = score(
        importance="high",
        urgent=True,
        due=date(2026, 11, 27),
        serves_instruction=True,
        created=datetime(2026, 11, 20),
        explain=True,
    )
    lines = explain_lines(s)
    assert len(lines) == len(s.terms) + 2
    assert lines[-2].endswith(f"{s.total:.2f}")
    assert sum(term.points for term in s.terms) == pytest.approx(s.total, abs=0.01)
    assert "1 working days left" in lines[2]


def test_explanation_in_chinese_takes_full_width_marks(lang):
    """重要程度（重）：+6.00, not 重要程度 (重): +6.00 — no Latin bracket or colon, and no
    space before them, in a Chinese sentence."""
    for code in ("zh-Hant", "zh-Hans"):
        lang(code)
        lines = explain_lines(score(importance="high", due=date(2026, 11, 27), explain=True))
        assert lines[0] == "重要程度（重）：+6.00"
        assert not any(mark in line for line in lines for mark in ("(", ")", ": "))
    lang("en")
    s = score(importance="high", due=date(2026, 11, 27), explain=True)
    assert explain_lines(s)[0] == "Importance (important): +6.00"
