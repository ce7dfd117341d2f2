"""The demonstration data: the week shows everything the product does, at any moment it
is opened; the synthetic records have the asked sizes, the service's own rules, and the
same rows for the same seed."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from tests.conftest import NOW
from workbench.config import Config
from workbench.domain.models import (
    Category,
    Channel,
    ChaseLevel,
    FeedbackKind,
    InstructionStatus,
    Light,
    Quadrant,
    TaskStatus,
    deadline_instant,
)
from workbench.service import demo
from workbench.service.workbench import Workbench
from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter

ALL = 10_000


def week(db_path, now: datetime, config: Config | None = None) -> Workbench:
    wb, hand = demo.open_for_demo(db_path, config, now)
    demo.fill_week(wb, hand)
    assert wb.now() == now
    return wb


def instructions(wb: Workbench):
    return wb.list_instructions(InstructionFilter(scope="all"), 0, ALL)


def tasks(wb: Workbench, scope: str = "all"):
    return wb.list_tasks(TaskFilter(scope=scope), 0, ALL)


MOMENTS = [
    *(datetime(2026, 11, day, 10, 0) for day in range(23, 30)),  # Monday to Sunday
    datetime(2026, 11, 26, 7, 30),  # before office hours
    datetime(2026, 11, 26, 23, 50),
    datetime(2027, 1, 4, 9, 0),  # the first Monday of a year
]


@pytest.mark.parametrize("now", MOMENTS, ids=lambda m: m.strftime("%a-%H%M-%Y%m%d"))
def test_the_week_shows_every_light_chase_level_and_quadrant(db_path, now):
    wb = week(db_path, now)
    try:
        views = instructions(wb)
        lights = {v.light for v in views}
        assert lights == {Light.RED, Light.YELLOW, Light.GREEN, Light.GREY}
        yellow = [v for v in views if v.light is Light.YELLOW]
        assert any(v.feedback_due for v in yellow), "a report is owed"
        assert any(not v.feedback_due for v in yellow), "a deadline is near"
        assert {v.instruction.status for v in views} == set(InstructionStatus)
        levels = {c.level for v in views for c in v.instruction.chases}
        assert levels == set(ChaseLevel)
        assert any(v.instruction.extensions for v in views if v.light is Light.RED)
        assert any(v.instruction.extensions for v in views if v.light is Light.YELLOW)
        assert any(v.instruction.confidential for v in views)
        assert {"校長", "副校長", "教導主任", "德育主任", "總務主任"} <= {
            v.instruction.leader for v in views
        }
        sources = " ".join(v.instruction.source for v in views)
        assert "校務會議" in sources and "〔" in sources and "電話交辦" in sources

        feedback = wb.list_feedback(FeedbackFilter(include_revised=True), 0, ALL)
        assert {f.kind for f in feedback} == set(FeedbackKind)
        assert {f.channel for f in feedback} == set(Channel)
        assert any(f.instruction_id is None for f in feedback), "a general report"
        assert any(f.revision_of is not None for f in feedback), "a correction"
        assert sum(1 for f in feedback if f.next_step) >= 8

        open_tasks = tasks(wb, "open")
        assert {v.quadrant for v in open_tasks} == set(Quadrant)
        assert any(v.overdue for v in open_tasks)
        everything = tasks(wb)
        assert sum(1 for v in everything if v.task.status is TaskStatus.DONE) >= 2
        assert any(v.task.status is TaskStatus.CANCELLED for v in everything)
        assert any(v.task.recurrence for v in open_tasks)
        assert any(v.task.instruction_id for v in open_tasks)
        assert any(v.task.confidential for v in open_tasks)
        assert {Category.DOC, Category.AFFAIR, Category.MEETING} <= {
            v.task.category for v in everything
        }
        assert wb.count_tasks(TaskFilter(scope="archive")) == 1
    finally:
        wb.close()


def test_the_week_follows_the_holidays_of_the_region(db_path):
    """Straight after China's National Day week the working days are counted around it."""
    wb = week(db_path, datetime(2026, 10, 9, 10, 0), Config(region="CN"))
    try:
        assert {v.light for v in instructions(wb)} == set(Light)
    finally:
        wb.close()


def test_the_week_is_real_history_in_order(db_path):
    wb = week(db_path, NOW)
    try:
        conn = wb.store.db.conn
        stamps = [r[0] for r in conn.execute("SELECT at FROM event ORDER BY id")]
        assert len(stamps) > 50
        assert stamps == sorted(stamps)
        assert stamps[-1] <= NOW.isoformat()
        recorded = {
            (c.table, c.row_id)
            for r in conn.execute("SELECT id FROM event")
            for c in wb.store.get_event(r[0]).changes
        }
        for view in tasks(wb):
            # Added by hand, or as the next occurrence when a repeating task was done.
            assert ("task", view.task.id) in recorded
        for view in instructions(wb):
            assert wb.history("instruction", view.instruction.id)[0].action == "instruction.add"
        # Every task and record was created in the past the story tells.
        assert all(v.task.created <= NOW for v in tasks(wb))
        wb.undo()  # the latest action can be undone like any other
    finally:
        wb.close()


def test_record_count_sees_any_record(db_path):
    wb = Workbench.open(db_path)
    try:
        assert demo.record_count(wb) == 0
        view = wb.add_task("一項待辦")
        wb.delete_task(view.task.id)
        assert demo.record_count(wb) == 1
    finally:
        wb.close()


def test_sizes_not_given_follow_the_proportions():
    assert demo.Sizes.in_proportion(1000, None, None) == demo.Sizes(1000, 100, 500)
    assert demo.Sizes.in_proportion(1000, 7, None) == demo.Sizes(1000, 7, 500)
    assert demo.Sizes.in_proportion(None, 30, None) == demo.Sizes(300, 30, 150)
    assert demo.Sizes.in_proportion(0, 0, 5) == demo.Sizes(0, 0, 5)


def synthetic(db_path, sizes: demo.Sizes, seed: int = 1, now: datetime = NOW) -> Workbench:
    wb, _ = demo.open_for_demo(db_path, None, now)
    demo.fill_synthetic(wb, sizes, seed)
    return wb


def dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("task", "instruction", "feedback", "extension", "chase")
        }
    finally:
        conn.close()


def test_synthetic_records_have_the_sizes_asked(db_path):
    wb = synthetic(db_path, demo.Sizes(2000, 200, 1000))
    try:
        assert wb.count_tasks(TaskFilter(scope="all")) == 2000
        assert wb.count_instructions(InstructionFilter(scope="all")) == 200
        assert wb.count_feedback(FeedbackFilter(include_revised=True)) == 1000
        assert wb.count_feedback(FeedbackFilter()) == 990  # ten corrected
        opened = wb.count_tasks(TaskFilter())
        assert 0.05 * 2000 < opened < 0.4 * 2000, "most tasks are done"
        assert not wb.store.stale_tasks(NOW), "every open task is scored"
    finally:
        wb.close()


def test_synthetic_records_show_every_light_and_follow_the_rules(db_path):
    wb = synthetic(db_path, demo.Sizes(5000, 500, 2500))
    try:
        views = instructions(wb)
        assert {v.light for v in views} == set(Light)
        assert any(v.feedback_due for v in views)
        assert {v.instruction.status for v in views} == set(InstructionStatus)
        for v in views:
            i = v.instruction
            assert i.created <= NOW
            if i.closed is not None:
                assert i.created <= i.closed <= NOW
            if i.status is InstructionStatus.NEW:
                assert v.last_feedback is None
            # Chase levels climb as the service climbs them: one step per chase after
            # the deadline passed, reminders before it.
            if i.chases:
                passed = deadline_instant(i.deadline)
                after = [c.level for c in i.chases if c.at >= passed]
                assert after == list(ChaseLevel)[: len(after)] + [ChaseLevel.SEVERE] * max(
                    len(after) - 3, 0
                )
                assert all(c.level is ChaseLevel.REMIND for c in i.chases if c.at < passed)
            for ext in i.extensions:
                assert deadline_instant(ext.new) > deadline_instant(ext.old)
            if i.extensions:
                assert i.extensions[-1].new == i.deadline
        for fb in wb.list_feedback(FeedbackFilter(include_revised=True), 0, ALL):
            assert fb.at <= NOW
        for v in tasks(wb):
            t = v.task
            assert t.created <= NOW
            if t.status is not TaskStatus.OPEN:
                assert t.created <= t.completed <= NOW
        assert {v.quadrant for v in tasks(wb, "open")} == set(Quadrant)
    finally:
        wb.close()


def test_synthetic_records_are_found_by_search(db_path):
    wb = synthetic(db_path, demo.Sizes(3000, 300, 1500))
    try:
        rows = wb.store.db.conn.execute(
            "SELECT title, notes, tags FROM task WHERE status = 'open' AND deleted IS NULL"
        ).fetchall()
        for word in ("會", "會議", "家長會", "report"):
            expected = sum(1 for r in rows if word in "\n".join(r).casefold())
            assert expected > 0, word
            assert wb.count_tasks(TaskFilter(query=word)) == expected, word
    finally:
        wb.close()


def test_the_same_seed_and_clock_give_the_same_records(tmp_path):
    sizes = demo.Sizes(600, 60, 300)
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        synthetic(tmp_path / f"{name}.db", sizes, seed).close()
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")
    assert dump(tmp_path / "a.db")["task"] != dump(tmp_path / "c.db")["task"]


def test_synthetic_records_add_to_what_is_there(db_path):
    wb = week(db_path, NOW)
    try:
        before = wb.count_tasks(TaskFilter(scope="all"))
        demo.fill_synthetic(wb, demo.Sizes(100, 10, 50), 3)
        assert wb.count_tasks(TaskFilter(scope="all")) == before + 100
        served = {v.task.instruction_id for v in tasks(wb)} - {None}
        known = {v.instruction.id for v in instructions(wb)}
        assert served <= known
    finally:
        wb.close()
