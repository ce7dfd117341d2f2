"""The summary engine on hand-made data whose answers were counted by hand.

`sample_dossiers()` is also the data of the golden reports (tests/domain/test_report_text.py)
and of the Word and Excel tests. The clock is Thursday 26 November 2026, 10:00.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import (
    Channel,
    Chase,
    ChaseLevel,
    Extension,
    Feedback,
    FeedbackKind,
    Instruction,
    InstructionStatus,
    Light,
    Task,
    TaskStatus,
)
from workbench.domain.summary import (
    Counts,
    Dossier,
    EntryKind,
    Outcome,
    Period,
    Scope,
    build_brief,
    count,
    deadline_at,
    evaluate_in,
    in_population,
    instruction_report,
    summarize,
)

NOW = datetime(2026, 11, 26, 10, 0)
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))

MULTILINE = "場地協調困難：\n一是新樓電梯尚未驗收；\n二是舊樓部分檔案需另行存放。"
FIRE = "5處隱患已全部整改。\n消防通道已清理完畢，並經消防部門複查合格。"
BRACKETS = "調研報告已呈閱，[bold]重點[/bold]問題已列入明年計劃。"


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour)


def fb(id_: int, instruction_id: int, when: datetime, content: str, *,
       kind: FeedbackKind = FeedbackKind.PROGRESS, channel: Channel = Channel.VERBAL,
       next_step: str = "", revision_of: int | None = None) -> Feedback:  # fmt: skip
    return Feedback(content, id=id_, instruction_id=instruction_id, at=when, kind=kind,
                    channel=channel, next_step=next_step, revision_of=revision_of,
                    created=when)  # fmt: skip


def instr(id_: int, leader: str, content: str, created: datetime, **kw) -> Instruction:
    return Instruction(leader, content, id=id_, uuid=f"u{id_}", created=created,
                       updated=created, **kw)  # fmt: skip


def sample_dossiers() -> list[Dossier]:
    """Twelve instructions; the comment on each says what it tests."""
    done, cancelled = InstructionStatus.DONE, InstructionStatus.CANCELLED
    d: list[Dossier] = []
    # 1. Closed after its deadline; still open (and overdue) at the end of October.
    d.append(Dossier(
        instr(1, "王局長", "整改消防安全隱患", at(10, 20), source="局長辦公會",
              issued_on=date(2026, 10, 19), owner="辦公室", deadline=date(2026, 10, 31),
              status=done, closed=at(11, 12, 16), closing_note="已全部整改到位。"),
        (fb(11, 1, at(10, 27), "已完成隱患排查，共發現問題5處。", next_step="11月上旬完成整改"),
         fb(12, 1, at(11, 12, 15), FIRE, kind=FeedbackKind.COMPLETION, channel=Channel.WRITTEN)),
    ))  # fmt: skip
    # 2. Extended, then closed within the extension: on time only after the extension.
    d.append(Dossier(
        instr(2, "李副局長", "編製年度工作總結", at(11, 2), owner="綜合科",
              deadline=date(2026, 11, 20), status=done, closed=at(11, 19, 17),
              extensions=(Extension(date(2026, 11, 13), date(2026, 11, 20), "需等待統計數據",
                                    at(11, 12, 10)),)),
        (fb(21, 2, at(11, 10), "初稿已完成，待補充統計數據。"),
         fb(22, 2, at(11, 19, 16), "年度工作總結已定稿並報送。", kind=FeedbackKind.COMPLETION,
            channel=Channel.WRITTEN)),
        tasks_done=3, tasks_total=3,
    ))  # fmt: skip
    # 3. Withdrawn in November.
    d.append(Dossier(
        instr(3, "王局長", "籌備秋季運動會", at(11, 3), owner="工會",
              deadline=date(2026, 11, 30), status=cancelled, closed=at(11, 9, 11),
              closing_note="因天氣原因取消"),
    ))  # fmt: skip
    # 4. No deadline, closed: on time. Its report has markup-like brackets.
    d.append(Dossier(
        instr(4, "張書記", "調研基層黨建工作", at(11, 4), owner="組織科", status=done,
              closed=at(11, 18, 15)),
        (fb(41, 4, at(11, 18, 14), BRACKETS, kind=FeedbackKind.COMPLETION,
            channel=Channel.MEETING),),
    ))  # fmt: skip
    # 5. Registered in October, closed in November, on time: spans two periods.
    d.append(Dossier(
        instr(5, "李副局長", "修訂公文處理辦法", at(10, 15), owner="辦公室",
              deadline=date(2026, 11, 6), status=done, closed=at(11, 5, 10)),
        (fb(51, 5, at(10, 30), "修訂稿已徵求各科室意見。"),
         fb(52, 5, at(11, 5, 9), "辦法已印發實施。", kind=FeedbackKind.COMPLETION,
            channel=Channel.WRITTEN)),
    ))  # fmt: skip
    # 6. Extended, still overdue and open, chased twice, a problem raised (two lines).
    d.append(Dossier(
        instr(6, "王局長", "協調解決新辦公樓搬遷場地問題", at(10, 28),
              source="〔2026〕12號批示件", issued_on=date(2026, 10, 27), owner="後勤中心",
              co_handlers="財務科", deadline=date(2026, 11, 20),
              status=InstructionStatus.IN_PROGRESS,
              extensions=(Extension(date(2026, 11, 18), date(2026, 11, 20), "搬遷公司檔期調整",
                                    at(11, 15, 10)),),
              chases=(Chase(at(11, 21), ChaseLevel.REMIND, "後勤中心", Channel.PHONE,
                            "請說明進度", id=1),
                      Chase(at(11, 24), ChaseLevel.WARN, "後勤中心", None, "責令限期辦結",
                            id=2))),
        (fb(61, 6, at(11, 3), "已與搬遷公司對接，初步方案已擬定。",
            next_step="11月中旬前確定搬遷日期"),
         fb(62, 6, at(11, 23, 15), MULTILINE, kind=FeedbackKind.PROBLEM,
            channel=Channel.WRITTEN, next_step="請王局長出面協調物業")),
        tasks_done=1, tasks_total=4,
    ))  # fmt: skip
    # 7. Registered on 24 November: after October (excluded there), new in November.
    d.append(Dossier(
        instr(7, "張書記", "落實安全生產大檢查", at(11, 24, 14), owner="安監科",
              deadline=date(2026, 12, 4)),
    ))  # fmt: skip
    # 8. Confidential: left out unless asked for.
    d.append(Dossier(
        instr(8, "王局長", "人事調整方案醞釀", at(11, 10), owner="人事科",
              deadline=date(2026, 12, 15), confidential=True,
              status=InstructionStatus.IN_PROGRESS),
        (fb(81, 8, at(11, 20), "方案已初步形成。"),),
    ))  # fmt: skip
    # 9. Open, deadline in two working days: yellow.
    d.append(Dossier(
        instr(9, "李副局長", "準備年終考核材料", at(11, 16), owner="綜合科",
              deadline=date(2026, 11, 30), status=InstructionStatus.IN_PROGRESS),
        (fb(91, 9, at(11, 25, 10), "考核細則已印發，各科室正在自評。", channel=Channel.MEETING,
            next_step="11月30日前匯總自評結果"),),
    ))  # fmt: skip
    # 10. Closed in October: in October's counts, not November's.
    d.append(Dossier(
        instr(10, "張書記", "報送三季度工作報告", at(9, 20), owner="辦公室",
              deadline=date(2026, 10, 15), status=done, closed=at(10, 10, 16)),
        (fb(101, 10, at(10, 10, 15), "三季度報告已報送。", kind=FeedbackKind.COMPLETION),),
    ))  # fmt: skip
    # 11. Open, far deadline, but the leader expects a report every 5 days: yellow.
    d.append(Dossier(
        instr(11, "王局長", "研究制定節能降耗措施", at(11, 20), owner="後勤中心",
              deadline=date(2026, 12, 18), feedback_interval=5),
    ))  # fmt: skip
    # 12. Deleted (a mistaken registration): never counts.
    d.append(Dossier(
        instr(12, "王局長", "誤登記", at(11, 5), deleted=at(11, 5, 10)),
    ))  # fmt: skip
    return d


def sample_summary(period: Period = NOVEMBER, **scope) -> object:
    data = sample_dossiers()
    return summarize(data, period, NOW, previous=data, scope=Scope(**scope),
                     calendar=WorkCalendar())  # fmt: skip


# --------------------------------------------------------------------------- periods


def test_periods_of_a_thursday():
    today = NOW.date()
    assert Period.this_week(today) == Period(date(2026, 11, 23), date(2026, 11, 29))
    assert Period.last_week(today) == Period(date(2026, 11, 16), date(2026, 11, 22))
    assert Period.this_month(today) == NOVEMBER
    assert Period.last_month(today) == OCTOBER
    assert Period.last_month(date(2026, 1, 15)) == Period(date(2025, 12, 1), date(2025, 12, 31))


def test_previous_is_the_same_length_before_and_months_are_calendar_months():
    assert NOVEMBER.previous() == OCTOBER
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).previous() == Period(
        date(2026, 2, 1), date(2026, 2, 28)
    )
    assert Period(date(2026, 11, 1), date(2026, 11, 11)).previous() == Period(
        date(2026, 10, 21), date(2026, 10, 31)
    )
    assert Period.this_week(NOW.date()).previous() == Period.last_week(NOW.date())
    quarter = Period(date(2026, 7, 1), date(2026, 9, 30))
    assert quarter.previous() == Period(date(2026, 4, 1), date(2026, 6, 30))
    assert NOVEMBER.following() == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert (NOVEMBER.kind, Period.this_week(NOW.date()).kind, quarter.kind) == (
        "month", "week", "range")  # fmt: skip
    with pytest.raises(ValueError, match="before it starts"):
        Period(date(2026, 11, 2), date(2026, 11, 1))


def test_state_is_judged_at_the_end_or_now():
    assert NOVEMBER.as_of(NOW) == NOW
    assert OCTOBER.as_of(NOW) == datetime(2026, 11, 1)


# --------------------------------------------------------------------------- counts


def test_november_counts_by_hand():
    s = sample_summary()
    # Population: 1 2 3 4 5 6 7 9 11 (8 confidential, 10 closed in October, 12 deleted).
    assert [i.id for i in s.items] == [5, 1, 6, 2, 3, 4, 9, 11, 7]
    assert s.counts == Counts(
        total=9,
        new=6,  # 2 3 4 7 9 11
        in_progress=4,  # 6 7 9 11
        done=4,  # 5 1 4 2
        done_on_time=3,  # 5 4 2
        done_on_time_original=2,  # 5, and 4 (no deadline)
        done_on_time_extended=1,  # 2
        done_late=1,  # 1
        overdue=1,  # 6
        cancelled=1,  # 3
    )
    assert s.counts.completion_rate == 4 / 8
    assert s.counts.on_time_rate == 3 / 4


def test_october_counts_by_hand():
    s = sample_summary(OCTOBER)
    # Population: 1 5 6 10. 7 was registered after October; 1 and 5 were closed later.
    assert sorted(i.id for i in s.items) == [1, 5, 6, 10]
    assert s.counts == Counts(total=4, new=3, in_progress=3, done=1, done_on_time=1,
                              done_on_time_original=1, overdue=1)  # fmt: skip
    assert s.counts.completion_rate == 1 / 4
    assert s.counts.on_time_rate == 1.0
    by_id = {i.id: i for i in s.items}
    # Closed on 12 November, so at the end of October it was open — and overdue.
    assert by_id[1].status is InstructionStatus.IN_PROGRESS
    assert by_id[1].overdue and by_id[1].days_overdue == 1
    assert by_id[1].light is Light.RED
    # Its first feedback came on 3 November: at the end of October it was still new.
    assert by_id[6].status is InstructionStatus.NEW
    # The extension of 15 November had not been made yet.
    assert by_id[6].deadline == date(2026, 11, 18)
    assert by_id[6].extensions == () and by_id[6].chases == ()


def test_change_since_the_previous_period():
    s = sample_summary()
    assert s.previous_period == OCTOBER
    assert s.previous == sample_summary(OCTOBER).counts
    change = s.change
    assert (change.total, change.new, change.done, change.overdue, change.cancelled) == (
        5, 3, 3, 0, 1)  # fmt: skip


def test_rates_are_none_without_a_divisor():
    empty = Counts()
    assert empty.completion_rate is None and empty.on_time_rate is None
    only_cancelled = Counts(total=2, cancelled=2)
    assert only_cancelled.completion_rate is None


def test_confidential_only_when_asked():
    s = sample_summary(include_confidential=True)
    assert 8 in [i.id for i in s.items]
    assert (s.counts.total, s.counts.new, s.counts.in_progress) == (10, 7, 5)
    assert 8 not in [i.id for i in sample_summary().items]


def test_leader_and_owner_restrict_everything():
    s = sample_summary(leader="王局長")
    assert sorted(i.id for i in s.items) == [1, 3, 6, 11]
    assert (s.counts.total, s.counts.done, s.counts.done_late, s.counts.cancelled,
            s.counts.in_progress, s.counts.overdue) == (4, 1, 1, 1, 2, 1)  # fmt: skip
    assert s.counts.completion_rate == 1 / 3
    # The previous period is restricted the same way: in October 王局長 had 1 and 6.
    assert s.previous.total == 2
    s = sample_summary(owner="辦公室")
    assert sorted(i.id for i in s.items) == [1, 5]
    assert s.counts.done == 2


def test_an_ended_range_sees_neither_later_closings_nor_later_extensions():
    s = sample_summary(Period(date(2026, 11, 1), date(2026, 11, 11)))
    by_id = {i.id: i for i in s.items}
    assert sorted(by_id) == [1, 2, 3, 4, 5, 6]
    # New: 2 3 4 (8 is confidential, 12 deleted).
    assert s.counts == Counts(total=6, new=3, in_progress=4, done=1, done_on_time=1,
                              done_on_time_original=1, overdue=1, cancelled=1)  # fmt: skip
    # Extended on 12 November at 10:00 — after this range ended.
    assert by_id[2].deadline == date(2026, 11, 13)
    assert by_id[1].days_overdue == 11  # 1 November 00:00 to 12 November 00:00


@pytest.mark.parametrize(("deadline", "days"), [
    (datetime(2026, 11, 26, 9, 0), 1),   # an hour ago: overdue, so at least one day
    (datetime(2026, 11, 25, 9, 0), 1),   # yesterday morning: 25 hours, but one day
    (datetime(2026, 11, 25, 17, 0), 1),
    (date(2026, 11, 25), 1),
    (datetime(2026, 11, 24, 9, 0), 2),
    (date(2020, 1, 28), 2494),
    (datetime(2020, 1, 28, 9, 0), 2494),
])  # fmt: skip
def test_days_overdue_are_calendar_days_as_the_lists_count_them(deadline, days):
    from workbench.domain.supervision import days_left

    open_one = Dossier(instr(1, "王局長", "落實", at(1, 5), deadline=deadline), ())
    item = evaluate_in(open_one, NOVEMBER, NOW)
    assert item.overdue and item.days_overdue == days
    assert max(1, -days_left(deadline, NOW.date())) == days  # the lists' and details' count


def test_deadline_in_force_and_outcome():
    i = sample_dossiers()[1].instruction
    assert deadline_at(i, at(11, 12, 9)) == date(2026, 11, 13)
    assert deadline_at(i, at(11, 12, 11)) == date(2026, 11, 20)
    assert deadline_at(i, None) == date(2026, 11, 20)
    item = evaluate_in(sample_dossiers()[1], NOVEMBER, NOW)
    assert item.outcome is Outcome.ON_TIME_EXTENDED
    assert item.original_deadline == date(2026, 11, 13)


def test_population_rule():
    first = sample_dossiers()[0].instruction  # registered 20 Oct, closed 12 Nov
    assert in_population(first, OCTOBER)
    assert in_population(first, NOVEMBER)
    assert not in_population(first, Period(date(2026, 12, 1), date(2026, 12, 31)))
    assert not in_population(first, Period(date(2026, 10, 1), date(2026, 10, 19)))


def test_count_is_the_sum_of_its_parts():
    s = sample_summary(include_confidential=True)
    c = s.counts
    assert c.total == c.in_progress + c.done + c.cancelled
    assert c.done == c.done_on_time + c.done_late
    assert c.done_on_time == c.done_on_time_original + c.done_on_time_extended
    assert count(s.items, NOVEMBER) == c


# --------------------------------------------------------------------------- sections


def test_sections_of_november():
    s = sample_summary()
    assert [i.id for i in s.done] == [5, 1, 4, 2]
    assert [i.id for i in s.in_progress] == [6, 9, 7, 11]
    assert [i.id for i in s.overdue] == [6]
    assert s.overdue[0].days_overdue == 6  # 21 Nov 00:00 to 26 Nov 10:00, rounded up
    assert s.problems == ()  # 6 raised one, but it is listed as overdue already
    assert s.overdue[0].problems[0].content == MULTILINE
    assert s.lagging_owners == (("後勤中心", 1),)
    assert s.upcoming_until == date(2026, 12, 31)  # the next period is longer than 10 days
    assert [i.id for i in s.upcoming] == [9, 7, 11]
    lights = {i.id: i.light for i in s.in_progress}
    assert lights == {6: Light.RED, 9: Light.YELLOW, 7: Light.GREEN, 11: Light.YELLOW}
    assert {i.id for i in s.in_progress if i.feedback_due} == {11}


def test_problems_of_an_item_that_is_not_overdue_are_listed_too():
    data = sample_dossiers()
    nine = data[8]
    worry = fb(92, 9, at(11, 25, 16), "部分科室自評材料遲交。", kind=FeedbackKind.PROBLEM)
    data[8] = Dossier(nine.instruction, (*nine.feedback, worry))
    s = summarize(data, NOVEMBER, NOW)
    assert [i.id for i in s.overdue] == [6]
    assert [i.id for i in s.problems] == [9]
    assert s.problems[0].problems == (worry,)


def test_an_item_closed_after_raising_a_problem_shows_its_deadline_without_time_left(lang):
    from workbench.domain.records import replace
    from workbench.domain.report_text import summary_text

    lang("zh-Hant")
    data = sample_dossiers()
    nine = data[8]
    worry = fb(92, 9, at(11, 20, 16), "部分科室自評材料遲交。", kind=FeedbackKind.PROBLEM)
    closed = replace(nine.instruction, status=InstructionStatus.DONE, closed=at(11, 24, 16))
    data[8] = Dossier(closed, (*nine.feedback, worry))
    s = summarize(data, NOVEMBER, NOW)
    assert [i.id for i in s.problems] == [9]
    text = summary_text(s)
    assert "（灰燈）" in text and "，）" not in text


def test_final_report_and_next_step():
    s = sample_summary()
    first = next(i for i in s.done if i.id == 1)
    assert first.last_feedback.id == 12
    six = s.overdue[0]
    assert six.last_feedback.id == 62
    assert six.next_step == "請王局長出面協調物業"
    assert six.chase_level is ChaseLevel.WARN


def test_a_corrected_feedback_is_replaced_by_its_revision():
    data = sample_dossiers()
    six = data[5]
    corrected = fb(63, 6, at(11, 23, 15), "更正：" + MULTILINE, kind=FeedbackKind.PROBLEM,
                   revision_of=62)  # fmt: skip
    data[5] = Dossier(six.instruction, (*six.feedback, corrected))
    s = summarize(data, NOVEMBER, NOW)
    assert [p.id for p in s.overdue[0].problems] == [63]
    assert s.overdue[0].last_feedback.id == 63


def test_weekly_upcoming_looks_ten_working_days_ahead():
    data = sample_dossiers()
    s = summarize(data, Period.this_week(NOW.date()), NOW)
    assert s.upcoming_until == date(2026, 12, 10)
    assert [i.id for i in s.upcoming] == [9, 7]


# --------------------------------------------------------------------------- 一事一文


def test_instruction_report_interleaves_feedback_extensions_and_chases():
    report = instruction_report(sample_dossiers()[5], NOW, WorkCalendar())
    kinds = [(e.at.date().isoformat(), e.kind) for e in report.timeline]
    assert kinds == [
        ("2026-11-03", EntryKind.FEEDBACK),
        ("2026-11-15", EntryKind.EXTENSION),
        ("2026-11-21", EntryKind.CHASE),
        ("2026-11-23", EntryKind.FEEDBACK),
        ("2026-11-24", EntryKind.CHASE),
    ]
    assert [p.id for p in report.open_problems] == [62]
    assert report.item.light is Light.RED
    assert report.item.deadline == date(2026, 11, 20)
    assert report.item.original_deadline == date(2026, 11, 18)


def test_instruction_report_of_a_closed_one_ends_with_the_closing():
    report = instruction_report(sample_dossiers()[0], NOW)
    assert report.timeline[-1].kind is EntryKind.CLOSED
    assert report.timeline[-1].note == "已全部整改到位。"
    assert report.open_problems == ()
    assert report.item.outcome is Outcome.LATE


# --------------------------------------------------------------------------- the briefing


def test_brief():
    def task(id_, title, due, status=TaskStatus.OPEN):
        return Task(title, id=id_, due=due, status=status, created=at(11, 1))

    tasks = [
        task(1, "報送周報", date(2026, 11, 25)),
        task(2, "準備黨組會材料", datetime(2026, 11, 26, 15, 0)),
        task(3, "審核通知稿", date(2026, 11, 30)),
        task(4, "整理會議紀要", date(2026, 12, 10)),
        task(5, "已完成的事", date(2026, 11, 25), TaskStatus.DONE),
    ]
    brief = build_brief(NOW, tasks, sample_dossiers(), WorkCalendar())
    assert [x.id for x in brief.overdue_tasks] == [1]
    assert [x.id for x in brief.today_tasks] == [2]
    assert brief.upcoming_until == date(2026, 12, 1)
    # Both due on 30 November; instructions come first on the same day.
    assert [(d.kind, d.id) for d in brief.upcoming] == [("instruction", 9), ("task", 3)]
    assert [i.id for i in brief.red] == [6]
    assert [i.id for i in brief.yellow] == [9, 11]
    assert [i.id for i in brief.feedback_due] == [11]
    assert not brief.is_empty
