"""Reports through a real Workbench on a temporary database, built with the use cases
while a hand-moved clock walks from September to Thursday 26 November 2026, 10:00.

The script is the same story as tests/domain/test_summary.py, so the counts are the ones
counted by hand there.
"""

from __future__ import annotations

import time as _time
from datetime import date, datetime

import pytest

from tests.conftest import NOW, Clock
from tests.domain.test_summary import BRACKETS, MULTILINE
from workbench.domain.models import ChaseLevel, FeedbackKind, Light
from workbench.domain.report_text import brief_json, brief_text
from workbench.domain.summary import Counts, EntryKind, Outcome, Period
from workbench.i18n import t
from workbench.service import reports
from workbench.service.errors import InvalidInput, NotFound
from workbench.service.workbench import Workbench

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def script(wb: Workbench, clock: Clock) -> dict[str, int]:
    """Register, report, extend, chase, close and withdraw, in the order it happened."""
    ids: dict[str, int] = {}

    def add(name: str, content: str, leader: str, **kw) -> None:
        ids[name] = wb.add_instruction(content, leader=leader, **kw).instruction.id

    clock.at(9, 20)
    add("J", "報送三季度工作報告", "張書記", deadline=d(10, 15), owner="辦公室")
    clock.at(10, 10, 16)
    wb.close_instruction(ids["J"], feedback="三季度報告已報送。")
    clock.at(10, 15)
    add("E", "修訂公文處理辦法", "李副局長", deadline=d(11, 6), owner="辦公室")
    clock.at(10, 20)
    add("A", "整改消防安全隱患", "王局長", deadline=d(10, 31), owner="辦公室",
        source="局長辦公會", issued_on=d(10, 19))  # fmt: skip
    clock.at(10, 27)
    wb.add_feedback(ids["A"], "已完成隱患排查，共發現問題5處。", next_step="11月上旬完成整改")
    clock.at(10, 28)
    add("F", "協調解決新辦公樓搬遷場地問題", "王局長", deadline=d(11, 18), owner="後勤中心",
        co_handlers="財務科", source="〔2026〕12號批示件", issued_on=d(10, 27))  # fmt: skip
    clock.at(10, 30)
    wb.add_feedback(ids["E"], "修訂稿已徵求各科室意見。")
    clock.at(11, 2)
    add("B", "編製年度工作總結", "李副局長", deadline=d(11, 13), owner="綜合科")
    clock.at(11, 3)
    add("C", "籌備秋季運動會", "王局長", deadline=d(11, 30), owner="工會")
    wb.add_feedback(ids["F"], "已與搬遷公司對接，初步方案已擬定。",
                    next_step="11月中旬前確定搬遷日期")  # fmt: skip
    clock.at(11, 4)
    add("D", "調研基層黨建工作", "張書記", owner="組織科")
    clock.at(11, 5, 10)
    wb.close_instruction(ids["E"], feedback="辦法已印發實施。")
    add("L", "誤登記", "王局長")
    wb.delete_instruction(ids["L"])
    clock.at(11, 9, 11)
    wb.cancel(ids["C"], reason="因天氣原因取消")
    clock.at(11, 10)
    wb.add_feedback(ids["B"], "初稿已完成，待補充統計數據。")
    add("H", "人事調整方案醞釀", "王局長", deadline=d(12, 15), owner="人事科", confidential=True)
    clock.at(11, 12, 10)
    wb.extend(ids["B"], d(11, 20), "需等待統計數據")
    clock.at(11, 12, 16)
    wb.close_instruction(ids["A"], feedback="5處隱患已全部整改。\n消防通道已清理完畢，並經"
                         "消防部門複查合格。", note="已全部整改到位。")  # fmt: skip
    clock.at(11, 15, 10)
    wb.extend(ids["F"], d(11, 20), "搬遷公司檔期調整")
    clock.at(11, 16)
    add("I", "準備年終考核材料", "李副局長", deadline=d(11, 30), owner="綜合科")
    clock.at(11, 18, 15)
    wb.close_instruction(ids["D"], feedback=BRACKETS)
    clock.at(11, 19, 17)
    wb.close_instruction(ids["B"], feedback="年度工作總結已定稿並報送。")
    clock.at(11, 20)
    wb.add_feedback(ids["H"], "方案已初步形成。")
    add("K", "研究制定節能降耗措施", "王局長", deadline=d(12, 18), owner="後勤中心",
        feedback_interval=5)  # fmt: skip
    clock.at(11, 21)
    wb.chase(ids["F"], note="請說明進度", channel="phone")
    clock.at(11, 23, 15)
    wb.add_feedback(ids["F"], MULTILINE, kind=FeedbackKind.PROBLEM, channel="written",
                    next_step="請王局長出面協調物業")  # fmt: skip
    clock.at(11, 24)
    wb.chase(ids["F"], note="責令限期辦結")
    clock.at(11, 24, 14)
    add("G", "落實安全生產大檢查", "張書記", deadline=d(12, 4), owner="安監科")
    clock.at(11, 25, 10)
    wb.add_feedback(ids["I"], "考核細則已印發，各科室正在自評。", channel="meeting",
                    next_step="11月30日前匯總自評結果")  # fmt: skip
    clock.at(11, 26, 10)
    return ids


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def wb(db_path, clock):
    workbench = Workbench.open(db_path, clock=clock)
    yield workbench
    workbench.close()


@pytest.fixture
def ids(wb, clock):
    return script(wb, clock)


def test_november_counts_match_the_hand_count(wb, ids):
    s = reports.summary(wb, NOVEMBER)
    assert s.counts == Counts(total=9, new=6, in_progress=4, done=4, done_on_time=3,
                              done_on_time_original=2, done_on_time_extended=1,
                              done_late=1, overdue=1, cancelled=1)  # fmt: skip
    assert s.previous == Counts(total=4, new=3, in_progress=3, done=1, done_on_time=1,
                                done_on_time_original=1, overdue=1)  # fmt: skip
    name = {v: k for k, v in ids.items()}
    assert [name[i.id] for i in s.done] == ["E", "A", "D", "B"]
    assert [name[i.id] for i in s.in_progress] == ["F", "I", "G", "K"]
    assert [name[i.id] for i in s.upcoming] == ["I", "G", "K"]
    by = {name[i.id]: i for i in s.items}
    assert by["A"].outcome is Outcome.LATE
    assert by["B"].outcome is Outcome.ON_TIME_EXTENDED
    assert by["D"].outcome is Outcome.ON_TIME
    assert by["F"].light is Light.RED and by["F"].days_overdue == 6
    assert by["F"].chase_level is ChaseLevel.WARN and len(by["F"].chases) == 2
    assert by["F"].problems[0].content == MULTILINE
    assert by["F"].next_step == "請王局長出面協調物業"
    assert by["K"].feedback_due and by["K"].light is Light.YELLOW
    assert by["A"].last_feedback.content.startswith("5處隱患已全部整改。\n")
    assert by["D"].last_feedback.content == BRACKETS


def test_october_is_judged_as_it_stood_then(wb, ids):
    s = reports.summary(wb, OCTOBER)
    name = {v: k for k, v in ids.items()}
    assert sorted(name[i.id] for i in s.items) == ["A", "E", "F", "J"]
    by = {name[i.id]: i for i in s.items}
    assert by["A"].is_open and by["A"].overdue
    assert by["F"].deadline == d(11, 18)  # extended only in November


def test_confidential_is_left_out_unless_asked(wb, ids):
    assert ids["H"] not in [i.id for i in reports.summary(wb, NOVEMBER).items]
    s = reports.summary(wb, NOVEMBER, include_confidential=True)
    assert ids["H"] in [i.id for i in s.items] and s.counts.total == 10
    with pytest.raises(InvalidInput):
        reports.instruction_report(wb, ids["H"])
    assert reports.instruction_report(wb, ids["H"], include_confidential=True).item.confidential


def test_leader_and_owner(wb, ids):
    s = reports.summary(wb, NOVEMBER, leader="王局長")
    assert sorted(i.id for i in s.items) == sorted([ids["A"], ids["C"], ids["F"], ids["K"]])
    assert s.previous.total == 2
    s = reports.summary(wb, NOVEMBER, owner="辦公室")
    assert sorted(i.id for i in s.items) == sorted([ids["A"], ids["E"]])


def test_instruction_report(wb, ids):
    report = reports.instruction_report(wb, ids["F"])
    assert [e.kind for e in report.timeline] == [
        EntryKind.FEEDBACK, EntryKind.EXTENSION, EntryKind.CHASE, EntryKind.FEEDBACK,
        EntryKind.CHASE]  # fmt: skip
    assert report.item.original_deadline == d(11, 18)
    assert [p.content for p in report.open_problems] == [MULTILINE]
    closed = reports.instruction_report(wb, ids["A"])
    assert closed.timeline[-1].kind is EntryKind.CLOSED
    with pytest.raises(NotFound):
        reports.instruction_report(wb, ids["L"])  # deleted
    with pytest.raises(NotFound):
        reports.instruction_report(wb, 999)


def test_a_corrected_feedback_is_reported_in_its_corrected_form(wb, ids):
    latest = wb.feedback_of(ids["I"])[-1]
    wb.correct_feedback(latest.id, "考核細則已印發，14個科室正在自評。")
    s = reports.summary(wb, NOVEMBER)
    item = next(i for i in s.items if i.id == ids["I"])
    assert item.last_feedback.content == "考核細則已印發，14個科室正在自評。"
    report = reports.instruction_report(wb, ids["I"])
    assert [f.content for f in report.feedback] == ["考核細則已印發，14個科室正在自評。"]


def test_ledger_is_the_population_in_order_of_registration(wb, ids):
    led = reports.ledger(wb, NOVEMBER)
    assert [i.id for i in led.items] == [ids[k] for k in "EAFBCDIKG"]


def test_brief(wb, ids, clock):
    clock.at(11, 20)
    late = wb.add_task("報送周報").task.id
    wb.edit_task(late, due=d(11, 25))
    today = wb.add_task("準備黨組會材料").task.id
    wb.edit_task(today, due=datetime(2026, 11, 26, 15, 0))
    soon = wb.add_task("審核通知稿").task.id
    wb.edit_task(soon, due=d(11, 30))
    later = wb.add_task("整理會議紀要").task.id
    wb.edit_task(later, due=d(12, 10))
    clock.at(11, 26, 10)
    b = reports.brief(wb)
    assert [x.id for x in b.overdue_tasks] == [late]
    assert [x.id for x in b.today_tasks] == [today]
    assert [(x.kind, x.id) for x in b.upcoming] == [("instruction", ids["I"]), ("task", soon)]
    assert [i.id for i in b.red] == [ids["F"]]
    assert sorted(i.id for i in b.yellow) == sorted([ids["I"], ids["K"]])
    assert [i.id for i in b.feedback_due] == [ids["K"]]


def test_brief_names_the_longest_overdue_and_counts_the_rest(wb, clock, monkeypatch):
    """Years of records can hold thousands of overdue tasks: the briefing reads a bounded
    number of them, counts all, and still finds today's tasks behind them."""
    monkeypatch.setattr(reports, "BRIEF_OVERDUE", 3)
    clock.at(11, 1)
    for n in range(6):
        wb.edit_task(wb.add_task(f"逾期{n}").task.id, due=d(11, 10 + n))
    secret = wb.add_task("機要逾期").task.id
    wb.edit_task(secret, due=d(11, 2), confidential=True)
    today = wb.add_task("今天交").task.id
    wb.edit_task(today, due=datetime(2026, 11, 26, 18, 0))
    clock.at(11, 26, 10)
    b = reports.brief(wb)
    assert [x.title for x in b.overdue_tasks] == ["機要逾期", "逾期0", "逾期1"]
    assert b.overdue_total == 7
    assert [x.id for x in b.today_tasks] == [today]
    public = reports.brief(wb, include_confidential=False)
    assert [x.title for x in public.overdue_tasks] == ["逾期0", "逾期1", "逾期2"]
    assert public.overdue_total == 6
    text = brief_text(public)
    assert "Overdue tasks (6)" in text
    assert t("report.brief.more", n=3) in text
    assert brief_json(public)["overdue_total"] == 6


def test_tasks_done_per_day(wb, clock):
    for day, title in ((2, "一"), (2, "二"), (4, "三")):
        clock.at(11, 1)
        task = wb.add_task(f"第{title}項").task.id
        clock.at(11, day, 15)
        wb.complete_task(task)
    week = Period(d(11, 1), d(11, 7))
    counts = reports.tasks_done_per_day(wb, week)
    assert counts[d(11, 2)] == 2 and counts[d(11, 4)] == 1 and counts[d(11, 3)] == 0
    assert len(counts) == 7


@pytest.mark.long
def test_month_summary_is_fast_on_a_large_database(db_path, clock):
    """10,000 instructions and 50,000 feedback: the month summary in under 300 ms."""
    wb = Workbench.open(db_path, clock=clock)
    try:
        big_database(wb.store)
        reports.summary(wb, NOVEMBER)  # warm the page cache
        best = min(_timed(lambda: reports.summary(wb, NOVEMBER)) for _ in range(3))
    finally:
        wb.close()
    assert best < 0.3, f"month summary took {best * 1000:.0f} ms"


def _timed(action) -> float:
    start = _time.perf_counter()
    action()
    return _time.perf_counter() - start


def big_database(store, instructions: int = 10_000, feedback_each: int = 5) -> None:
    """A year of work: instructions registered every ~50 minutes from December 2025, most
    closed within weeks, five reports each. Rows go straight into the base tables (the
    search index plays no part in a summary)."""
    import random
    from datetime import timedelta

    from workbench.store import rows as R

    rng = random.Random(7)
    start = datetime(2025, 12, 1, 8)
    instr_rows, fb_rows, ext_rows, chase_rows = [], [], [], []
    fb_id = 0
    for n in range(1, instructions + 1):
        created = start + timedelta(minutes=50 * n)
        deadline = (created + timedelta(days=rng.randint(3, 40))).date()
        closed = created + timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 8))
        status = "done" if rng.random() < 0.93 else "cancelled"
        if closed >= NOW:
            closed, status = None, "in_progress"
        instr_rows.append({
            "id": n, "uuid": f"i{n}", "leader": rng.choice(["王局長", "李副局長", "張書記"]),
            "content": f"第{n}項督辦事項", "source": "", "issued_on": None,
            "deadline": deadline.isoformat(), "owner": rng.choice(["辦公室", "綜合科", "後勤中心"]),
            "co_handlers": "", "status": status, "feedback_interval": None,
            "confidential": int(rng.random() < 0.05), "created": R.ts(created),
            "updated": R.ts(created), "closed": R.ts(closed), "closing_note": "",
            "deleted": None,
        })  # fmt: skip
        if rng.random() < 0.2:
            ext_rows.append((n, deadline.isoformat(),
                             (deadline + timedelta(days=7)).isoformat(), "延期", R.ts(created)))
        if rng.random() < 0.2:
            chase_rows.append((n, R.ts(created + timedelta(days=2)), "remind", "", None, ""))
        for k in range(feedback_each):
            fb_id += 1
            at = created + timedelta(days=k * 3 + 1)
            kind = "problem" if k == 2 else ("completion" if k == feedback_each - 1 else "progress")
            fb_rows.append((fb_id, f"f{fb_id}", n, "", R.ts(at), "verbal", kind,
                            f"第{n}項的第{k + 1}次反饋：進展順利。", "下一步" if k % 2 else "",
                            None, 0, R.ts(at), None))  # fmt: skip
    cols = R.INSTRUCTION_COLUMNS
    with store.transaction():
        store.db.conn.executemany(
            f"INSERT INTO instruction ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [tuple(r[c] for c in cols) for r in instr_rows],
        )
        store.db.conn.execute(
            "UPDATE instruction SET deadline_sort = date(deadline, '+1 day') || 'T00:00:00'"
        )
        store.db.conn.executemany(
            f"INSERT INTO feedback ({', '.join(R.FEEDBACK_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(R.FEEDBACK_COLUMNS))})",
            fb_rows,
        )
        store.db.conn.executemany(
            "INSERT INTO extension (instruction_id, old, new, reason, at) VALUES (?, ?, ?, ?, ?)",
            ext_rows,
        )
        store.db.conn.executemany(
            "INSERT INTO chase (instruction_id, at, level, whom, channel, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            chase_rows,
        )


def test_the_population_of_any_period_is_exactly_the_instructions_alive_in_it(db_path, clock):
    """Closed instructions are found by closing time with their registration read from the
    index; whatever the period — long past, recent, spanning the present — the population
    is the one counted row by row."""
    from workbench.store import rows as R
    from workbench.store.reports import instructions_alive

    wb = Workbench.open(db_path, clock=clock)
    try:
        big_database(wb.store, instructions=600, feedback_each=1)
        every = [dict(r) for r in wb.store.db.query("SELECT * FROM instruction")]
        periods = [Period(date(2024, 1, 1), date(2024, 12, 31)),  # before the first
                   Period(date(2025, 12, 1), date(2025, 12, 1)),
                   Period(date(2025, 12, 5), date(2025, 12, 18)),
                   Period(date(2026, 1, 1), date(2026, 1, 31)),
                   Period(date(2026, 11, 1), date(2026, 11, 30)),
                   Period(date(2026, 11, 26), date(2027, 2, 28))]  # fmt: skip
        for period in periods:
            start, end = R.ts(period.start_instant), R.ts(period.end_instant)
            for confidential in (False, True):
                found = instructions_alive(wb.store, period.start_instant, period.end_instant,
                                           include_confidential=confidential)  # fmt: skip
                expected = sorted(
                    (r["created"], r["id"]) for r in every
                    if r["created"] < end and (r["closed"] is None or r["closed"] >= start)
                    and (confidential or not r["confidential"])
                )  # fmt: skip
                assert [(R.ts(i.created), i.id) for i in found] == expected, period
        assert any(instructions_alive(wb.store, p.start_instant, p.end_instant) for p in periods)
    finally:
        wb.close()
