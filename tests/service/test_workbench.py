"""Use cases: each is one transaction plus one history event, and undo reverts it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import Clock
from workbench.domain.models import (
    ChaseLevel,
    Importance,
    InstructionStatus,
    Light,
    Quadrant,
    TaskStatus,
)
from workbench.domain.quickadd import QuickAddError
from workbench.service.errors import InvalidInput, NotFound, NothingToUndo, UndoConflict
from workbench.service.workbench import Workbench
from workbench.store.store import TaskFilter


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def wb(db_path, clock):
    workbench = Workbench.open(db_path, clock=clock)
    yield workbench
    workbench.close()


def events(wb: Workbench) -> int:
    return wb.store.count_events()


def test_quick_add_example(wb):
    view = wb.add_task("準備校務會材料 明天下午3點 !重 #辦會")
    task = view.task
    assert task.title == "準備校務會材料"
    assert task.due == datetime(2026, 11, 27, 15, 0)
    assert task.importance is Importance.HIGH
    assert task.tags == ("辦會",)
    assert view.quadrant is Quadrant.IMPORTANT_URGENT
    assert view.urgency > 0
    assert events(wb) == 1


def test_bad_input_changes_nothing(wb):
    for text in ["   ", "!重 #辦會", "報告 2026-02-30", "報告 13月1日"]:
        with pytest.raises((InvalidInput, QuickAddError, ValueError)):
            wb.add_task(text)
    assert wb.count_tasks(TaskFilter(scope="all")) == 0
    assert events(wb) == 0


def test_list_is_in_urgency_order(wb):
    low = wb.add_task("整理書架 !輕").task.id
    soon = wb.add_task("回覆教育局 明天").task.id
    top = wb.add_task("校長講話稿 今天下午5點 !重 !急").task.id
    ids = [v.task.id for v in wb.list_tasks()]
    assert ids == [top, soon, low]


def test_clock_moves_the_order(wb, clock):
    later = wb.add_task("寫總結 下週五").task.id
    timed = wb.add_task("交材料 今天下午3點").task.id
    assert not wb.task_view(timed).overdue
    clock.moment = datetime(2026, 11, 26, 15, 1)
    assert wb.task_view(timed).overdue
    assert wb.list_tasks()[0].task.id == timed
    assert later in [v.task.id for v in wb.list_tasks()]


def test_complete_and_undo(wb):
    task_id = wb.add_task("寫本週工作總結 下週五 !重").task.id
    view, successor = wb.complete_task(task_id)
    assert view.task.status is TaskStatus.DONE
    assert successor is None
    assert wb.count_tasks() == 0
    undone = wb.undo()
    assert undone.action == "task.done"
    assert wb.task_view(task_id).task.status is TaskStatus.OPEN
    assert wb.count_tasks() == 1
    with pytest.raises(UndoConflict):
        wb.undo(undone.id)


def test_recurring_task_comes_back(wb):
    task_id = wb.add_task("交週報 每週五").task.id
    first = wb.task_view(task_id).task
    assert first.recurrence
    _, successor = wb.complete_task(task_id)
    assert successor is not None
    assert successor.task.due == date(2026, 12, 4)
    assert successor.task.recurrence == first.recurrence
    # Undoing the completion removes the successor too: one action, one undo.
    wb.undo()
    assert wb.count_tasks() == 1


def test_triage_keys(wb):
    task_id = wb.add_task("聯繫教育局").task.id
    assert wb.toggle_urgent(task_id).task.urgent
    assert wb.change_importance(task_id, +1).task.importance is Importance.HIGH
    assert wb.change_importance(task_id, +1).task.importance is Importance.HIGH  # no-op
    assert wb.change_importance(task_id, -1).task.importance is Importance.NORMAL
    postponed = wb.postpone_task(task_id)
    assert postponed.task.due == date(2026, 11, 27)  # next working day
    again = wb.postpone_task(task_id)
    assert again.task.due == date(2026, 11, 30)  # Friday -> Monday


def test_delete_to_archive_and_undo(wb):
    task_id = wb.add_task("多餘的事").task.id
    wb.delete_task(task_id)
    assert wb.count_tasks() == 0
    assert wb.count_tasks(TaskFilter(scope="archive")) == 1
    with pytest.raises(NotFound):
        wb.complete_task(task_id)
    wb.undo()
    assert wb.count_tasks() == 1


def test_undo_refuses_when_changed_since(wb):
    task_id = wb.add_task("原標題").task.id
    first = wb.last_event_id
    wb.edit_task(task_id, title="新標題")
    with pytest.raises(UndoConflict):
        wb.undo(first)
    assert wb.task_view(task_id).task.title == "新標題"


def test_nothing_to_undo(wb):
    with pytest.raises(NothingToUndo):
        wb.undo()


def test_markup_title_stored_as_typed(wb):
    view = wb.add_task("[bold]x[/bold] [/] \\[b]")
    assert view.task.title == "[bold]x[/bold] [/] [b]" or view.task.title.startswith("[bold]x")


def test_control_characters_never_stored(wb):
    view = wb.add_task("a\x1b[31mred\x1b[0m\x07 b")
    assert "\x1b" not in view.task.title
    assert "\x07" not in view.task.title


# ----------------------------------------------------------------- instructions


def add_instruction(wb, **kw):
    content = kw.pop("content", "落實校園安全檢查")
    args = dict(leader="校長", deadline="下週五", owner="教導處")
    args.update(kw)
    return wb.add_instruction(content, **args)


def test_instruction_lifecycle(wb, clock):
    view = add_instruction(wb)
    iid = view.instruction.id
    assert view.instruction.deadline == date(2026, 12, 4)
    assert view.light is Light.GREEN
    assert view.days_left == 8
    wb.add_feedback(iid, "已布置各年級自查", next_step="週三前匯總")
    assert wb.instruction_view(iid).instruction.status is InstructionStatus.IN_PROGRESS
    clock.moment = datetime(2026, 12, 2, 9, 0)
    assert wb.instruction_view(iid).light is Light.YELLOW
    clock.moment = datetime(2026, 12, 5, 9, 0)
    assert wb.instruction_view(iid).light is Light.RED
    chased = wb.chase(iid, note="請盡快")
    assert chased.chase_count == 1
    assert chased.chase_level is ChaseLevel.REMIND
    assert wb.chase(iid).chase_level is ChaseLevel.WARN
    assert wb.chase(iid).chase_level is ChaseLevel.SEVERE
    extended = wb.extend(iid, "2026-12-11", "等待區教育局回覆")
    assert extended.instruction.original_deadline == date(2026, 12, 4)
    assert extended.light is not Light.RED
    closed = wb.close_instruction(iid, note="已完成", feedback="全部自查完畢，無隱患")
    assert closed.light is Light.GREY
    assert closed.last_feedback.content == "全部自查完畢，無隱患"
    with pytest.raises(InvalidInput):
        wb.chase(iid)
    reopened = wb.reopen_instruction(iid, reason="領導要求補充照片")
    assert reopened.instruction.status is InstructionStatus.IN_PROGRESS
    history = [e.action for e in wb.history("instruction", iid)]
    assert history == [
        "instruction.add",
        "feedback.add",
        "instruction.chase",
        "instruction.chase",
        "instruction.chase",
        "instruction.extend",
        "instruction.close",
        "instruction.reopen",
    ]


def test_undo_chase_and_extension(wb):
    iid = add_instruction(wb).instruction.id
    wb.chase(iid)
    wb.extend(iid, "2026-12-18", "延後")
    wb.undo()
    view = wb.instruction_view(iid)
    assert view.instruction.deadline == date(2026, 12, 4)
    assert not view.instruction.extensions
    wb.undo()
    assert wb.instruction_view(iid).chase_count == 0


def test_close_needs_a_report(wb):
    iid = add_instruction(wb).instruction.id
    with pytest.raises(InvalidInput):
        wb.close_instruction(iid)
    assert wb.instruction_view(iid).instruction.status is InstructionStatus.NEW


def test_extension_must_be_later(wb):
    iid = add_instruction(wb).instruction.id
    with pytest.raises(InvalidInput):
        wb.extend(iid, "2026-12-01", "提前")
    with pytest.raises(InvalidInput):
        wb.extend(iid, "2026-12-20", "  ")


def test_feedback_correction_keeps_the_old_text(wb):
    iid = add_instruction(wb).instruction.id
    fb = wb.add_feedback(iid, "已完成八成")
    fixed = wb.correct_feedback(fb.id, "已完成七成")
    assert [f.content for f in wb.feedback_of(iid)] == ["已完成七成"]
    assert wb.store.get_feedback(fb.id).content == "已完成八成"
    assert fixed.revision_of == fb.id


def test_task_serving_an_instruction_inherits_its_deadline(wb):
    iid = add_instruction(wb).instruction.id
    view = wb.add_task("起草自查通知", instruction_id=iid)
    assert view.task.due == date(2026, 12, 4)
    assert view.quadrant in (Quadrant.IMPORTANT, Quadrant.IMPORTANT_URGENT)
    assert view.instruction_leader == "校長"
    wb.complete_task(view.task.id)
    assert wb.instruction_view(iid).tasks_done == 1


def test_attention_counts_agree_with_lights(wb, clock):
    add_instruction(wb, deadline="今天")
    add_instruction(wb, deadline="2026-11-20")
    add_instruction(wb, deadline="2027-01-31", feedback_interval=7, issued_on="2026-11-01")
    add_instruction(wb, deadline="2027-01-31")
    wb.add_task("逾期的事 2026-11-20")
    counts = wb.attention()
    lights = [v.light for v in wb.list_instructions()]
    assert counts["red"] == lights.count(Light.RED) == 1
    assert counts["yellow"] == lights.count(Light.YELLOW) == 2
    assert counts["feedback_due"] == 1
    assert counts["overdue"] == 1


def test_search_through_the_service(wb):
    iid = add_instruction(wb, content="籌備家長會").instruction.id
    wb.add_feedback(iid, "已聯繫會場")
    from workbench.store.store import InstructionFilter

    found = wb.list_instructions(InstructionFilter(query="會場"))
    assert [v.instruction.id for v in found] == [iid]
