"""The screen driven by keys, as a secretary would (Pilot)."""

from __future__ import annotations

import asyncio
import os
import re
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.binding import Binding
from textual.widgets import Checkbox, Input, Static

from tests.tui.conftest import make_app, rows, settle
from workbench import collector, i18n
from workbench.domain.models import Importance, TaskStatus
from workbench.service.workbench import Workbench
from workbench.store.store import TaskFilter
from workbench.tui.app import RELEASE_AFTER, THEMES
from workbench.tui.screens.details import DetailsScreen
from workbench.tui.screens.form import FormScreen
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.main import MainScreen
from workbench.tui.screens.quick_add import QuickAddScreen
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.widgets.report_view import ReportView
from workbench.tui.widgets.set_text import SetText


def titles(app) -> list[str]:
    return [v.task.title for v in app.workbench.list_tasks(TaskFilter(), 0, 100)]


def _boom(*args, **kwargs):
    """Stands in for a use case with a bug."""
    raise RuntimeError("boom")


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press(ch if ch != " " else "space")


async def fill_fields(pilot, *values: str) -> None:
    """Type each value into a form's fields in turn, Tab between them."""
    for n, value in enumerate(values):
        if n:
            await pilot.press("tab")
        await type_text(pilot, value)


@pytest.fixture
def one_instruction(empty_workbench) -> tuple[Workbench, int]:
    """A workbench holding one open instruction and no feedback, and its id."""
    iid = empty_workbench.add_instruction("修訂校規", leader="校長").instruction.id
    return empty_workbench, iid


async def open_form(pilot, *keys: str) -> FormScreen:
    """Press the keys that open a form; the form, once it is up."""
    await pilot.press(*keys)
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form


async def edit_highlighted_task(pilot) -> QuickAddScreen:
    """Open the highlighted task's details, then its edit line; the edit box, once up."""
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DetailsScreen)
    await pilot.press("e")
    await pilot.pause()
    box = pilot.app.screen
    assert isinstance(box, QuickAddScreen)
    return box


async def test_opens_with_three_panes_in_order(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.tasks.row_count == 6
        assert main.instructions.row_count == 3
        first = rows(main.tasks)[0]
        assert "回覆區教育局來函" in first  # urgent and due today: first
        assert rows(main.instructions)[0].lstrip().startswith("R")  # red light first
        assert main.tasks.has_focus


async def test_quick_add_in_chinese_shows_preview_and_saves(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddScreen)
        await type_text(pilot, "寫本週工作總結 下週五 !重")
        await pilot.pause()
        preview = str(app.screen.query_one("#quick-preview", Static).render())
        assert "寫本週工作總結" in preview
        assert "4 December 2026" in preview
        assert "important" in preview
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        added = [
            v
            for v in workbench.list_tasks(TaskFilter(), 0, 100)
            if v.task.title == "寫本週工作總結" and v.task.importance is Importance.HIGH
        ]
        assert added and added[0].task.due == date(2026, 12, 4)
        # The cursor follows the new task to its sorted place.
        assert app.screen.tasks.current.task.id == added[0].task.id


async def test_quick_add_refuses_what_it_does_not_understand(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        before = workbench.count_tasks(TaskFilter(scope="all"))
        await pilot.press("a")
        await type_text(pilot, "交報告 due:2月30日")
        await pilot.pause()
        preview = app.screen.query_one("#quick-preview", Static)
        assert preview.has_class("-error")
        assert "2月30日" in str(preview.render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickAddScreen)  # still open, nothing saved
        assert workbench.count_tasks(TaskFilter(scope="all")) == before
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_refused_quick_add_keeps_the_line_and_says_why(workbench, monkeypatch):
    """The disk is full when Enter is pressed: the box stays open with everything typed
    and the reason; once the disk has room, Enter again saves it."""
    from workbench.store.db import StoreError

    app = make_app(workbench)
    real_add = workbench.add_task

    def full_disk(*args, **kwargs):
        raise StoreError("store.error.full", "office.db")

    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        before = workbench.count_tasks(TaskFilter(scope="all"))
        monkeypatch.setattr(workbench, "add_task", full_disk)
        await pilot.press("a")
        await type_text(pilot, "寫本週工作總結 下週五")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuickAddScreen)
        assert screen.query_one("#quick-line", Input).value == "寫本週工作總結 下週五"
        preview = screen.query_one("#quick-preview", Static)
        assert preview.has_class("-error") and "office.db" in str(preview.render())
        assert workbench.count_tasks(TaskFilter(scope="all")) == before
        monkeypatch.setattr(workbench, "add_task", real_add)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.tasks.current.task.title == "寫本週工作總結"


async def test_a_bug_in_quick_add_leaves_the_box_closable(workbench, monkeypatch):
    app = make_app(workbench)

    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(workbench, "add_task", _boom)
        await pilot.press("a")
        await type_text(pilot, "整理檔案")
        await pilot.press("enter")
        await settle(pilot)
        preview = app.screen.query_one("#quick-preview", Static)
        assert "Something unexpected went wrong (RuntimeError)" in str(preview.render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_done_then_undo(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        first = app.screen.tasks.current.task
        await pilot.press("space")
        await settle(pilot)
        assert workbench.task_view(first.id).task.status is TaskStatus.DONE
        assert first.title not in titles(app)
        await pilot.press("u")
        await settle(pilot)
        assert workbench.task_view(first.id).task.status is TaskStatus.OPEN
        assert app.screen.tasks.current.task.id == first.id


async def test_delete_to_archive_and_undo_brings_it_back(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        target = app.screen.tasks.current.task
        await pilot.press("d")
        await settle(pilot)
        assert target.title not in titles(app)
        assert workbench.count_tasks(TaskFilter(scope="archive")) == 1
        await pilot.press("u")
        await settle(pilot)
        assert target.title in titles(app)


async def test_triage_keys_act_at_once(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await pilot.press("end")
        task = app.screen.tasks.current.task
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert workbench.task_view(task.id).task.urgent
        assert app.screen.tasks.current.task.id == task.id  # the cursor follows it
        assert task.importance is Importance.LOW
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert workbench.task_view(task.id).task.importance is Importance.HIGH
        await pilot.press("minus")
        await settle(pilot)
        await pilot.press("minus")
        await settle(pilot)
        assert workbench.task_view(task.id).task.importance is Importance.LOW
        await pilot.press("s")
        await settle(pilot)
        assert workbench.task_view(task.id).task.due == date(2026, 11, 27)
        assert app._undo  # each change is undoable
        notices = [n.message for n in app._notifications]
        assert any("Postponed" in m for m in notices)


@pytest.mark.parametrize("word", ["會議", "会议"])  # as stored; typed in Simplified
async def test_search_with_a_two_character_word(workbench, word):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, word)
        await settle(pilot)
        main = app.screen
        assert main.tasks.row_count == 1
        assert "訂購會議用水" in rows(main.tasks)[0]
        await pilot.press("escape")
        await settle(pilot)
        assert main.tasks.row_count == 6
        assert main.tasks.has_focus


async def test_a_pane_s_title_follows_the_search_on_its_border_line(workbench, monkeypatch):
    """The title (its count and the search) repaints only the pane's top border line:
    that line, as the screen draws it, shows each new title, and the pane is never marked
    for repainting as a whole for it."""
    from textual.geometry import Region

    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        box = app.main.query_one("#tasks-pane")
        marked: list[tuple[Region, ...]] = []
        set_dirty = box._set_dirty

        def recorded(*regions: Region) -> None:
            marked.append(regions)
            set_dirty(*regions)

        def border_line() -> str:
            return box.render_lines(Region(0, 0, box.outer_size.width, 1))[0].text

        await pilot.press("slash")
        await settle(pilot)
        monkeypatch.setattr(box, "_set_dirty", recorded)
        for word in ("會", "會議", "會", ""):
            app.main.query_one("#search").value = word
            await settle(pilot)
            line = border_line()
            assert word in line and f"{app.main.tasks.row_count}" in line, line
        assert marked
        assert all(len(regions) == 1 and regions[0].height == 1 for regions in marked), marked


async def test_search_in_instructions_reaches_feedback(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash")
        await type_text(pilot, "邀請")
        await settle(pilot)
        main = app.screen
        assert main.instructions.row_count == 1
        assert main.instructions.current.instruction.content == "籌備家長會"


async def test_a_check_in_a_form_shows_its_whole_box_and_says_what_it_does(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "2", "a")
        text = "\n".join(strip.text for strip in form._compositor.render_strips())
        assert "▐X▌ left out of reports and exports unless they include it" in text
        assert "▐X…" not in text
        # A check without words keeps its whole box too.
        box = form.query_one("#f-confidential", Checkbox)
        box.label = ""
        await pilot.pause()
        assert box.render_line(0).text.startswith("▐X▌")


async def test_a_refused_form_stays_open_with_what_was_typed_and_why(empty_workbench):
    """An extension to a date before the deadline is refused by the service: the form
    stays up with everything typed and the reason, until a later date is given."""
    wb = empty_workbench
    iid = wb.add_instruction("修訂校規", leader="校長", deadline="12月10日").instruction.id
    app = make_app(wb)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "2", "E")
        await fill_fields(pilot, "12月1日", "會議改期")
        events = wb.store.count_events()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert "10 December" in str(form.query_one("#form-error", Static).render())
        assert form.query_one("#f-to", Input).value == "12月1日"
        assert form.query_one("#f-reason", Input).value == "會議改期"
        assert wb.store.count_events() == events
        form.query_one("#f-to", Input).value = "12月31日"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert wb.store.count_events() == events + 1
        assert wb.instruction_view(iid).instruction.deadline == date(2026, 12, 31)
        # A second Enter before the first is saved does not save twice.
        chase = await open_form(pilot, "c")
        chase.action_save()
        chase.action_save()
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert wb.instruction_view(iid).chase_count == 1


async def test_a_refusal_in_a_form_speaks_of_the_form_not_of_options(one_instruction):
    wb, iid = one_instruction
    app = make_app(wb)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2", "x", "enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        said = str(form.query_one("#form-error", Static).render())
        assert said == i18n.t("error.close_needs_report.screen")
        assert "--" not in said
        assert not wb.instruction_view(iid).instruction.status.is_closed


async def test_an_import_refused_on_the_screen_names_no_option(empty_workbench, tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text("not json at all {", encoding="utf-8")
    app = make_app(empty_workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        app.import_data()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#f-path", Input).value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        said = str(form.query_one("#form-error", Static).render())
        assert said == (
            "notes.json: neither a workbench export nor Taskwarrior JSON. Nothing was imported."
        )


def test_every_screen_wording_has_its_command_line_message_and_names_no_option():
    screen = [k for k in i18n.catalogue() if k.endswith(".screen")]
    assert "error.close_needs_report.screen" in screen
    for key in screen:
        assert i18n.has_key(key.removesuffix(".screen")), key
        for lang in i18n.LANGS:
            assert "--" not in i18n.t_in(lang, key), (key, lang)


async def test_a_form_says_it_is_saving_when_a_save_takes_long(one_instruction, monkeypatch):
    wb, iid = one_instruction
    chase = wb.chase

    def slow_chase(*args, **kwargs):
        time.sleep(3.0)  # long enough that a loaded machine still sees it saving
        return chase(*args, **kwargs)

    monkeypatch.setattr(wb, "chase", slow_chase)
    app = make_app(wb)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "2", "c")
        message = form.query_one("#form-error", Static)
        await pilot.press("enter")
        started = time.monotonic()
        while "Saving" not in str(message.render()) and time.monotonic() - started < 2.5:
            await pilot.pause(0.05)
        assert str(message.render()) == "Saving…"
        await pilot.press("escape")  # no leaving while it saves
        assert app.screen is form
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert wb.instruction_view(iid).chase_count == 1


async def test_instruction_form_refuses_a_bad_date(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "2", "a")
        await fill_fields(pilot, "校長", "修訂校規")
        form.query_one("#f-deadline", Input).value = "下週八"
        await pilot.pause()
        preview = form.query_one("#p-deadline", Static)
        assert preview.has_class("-error")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert workbench.count_instructions() == 3
        form.query_one("#f-deadline", Input).value = "3個工作日內"
        await pilot.pause()
        assert "1 December 2026" in str(preview.render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert workbench.count_instructions() == 4
        assert app.screen.instructions.current.instruction.content == "修訂校規"


async def test_chase_extend_close_flow(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        instr = app.screen.instructions.current.instruction
        assert instr.content == "籌備家長會"
        await pilot.press("c")
        await type_text(pilot, "請今天回覆")
        await pilot.press("enter")
        await settle(pilot)
        view = workbench.instruction_view(instr.id)
        assert view.chase_count == 3
        # Chased before the deadline (提醒), then twice while overdue: 提醒, 警示.
        assert view.chase_level.value == "warn"
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#f-to", Input).value = "下週五"
        app.screen.query_one("#f-reason", Input).value = "家長會改期"
        await pilot.press("ctrl+s")
        await settle(pilot)
        view = workbench.instruction_view(instr.id)
        assert view.instruction.deadline == date(2026, 12, 4)
        assert view.instruction.original_deadline == date(2026, 11, 24)
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#f-feedback", Input).value = "家長會已順利召開"
        await pilot.press("ctrl+s")
        await settle(pilot)
        view = workbench.instruction_view(instr.id)
        assert view.instruction.status.value == "done"
        assert view.last_feedback.content == "家長會已順利召開"


async def test_tab_goes_round_the_fields_only_and_enter_saves_from_any(workbench):
    """Tab once stopped on the form's scrolling box, where typing went nowhere and Enter
    saved nothing: found by hand, extending an instruction."""
    app = make_app(workbench)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        instr = app.screen.instructions.current.instruction
        form = await open_form(pilot, "E")
        await type_text(pilot, "下週五")
        await pilot.press("enter")  # no reason yet: refused, the reason field focused
        await pilot.pause()
        assert app.screen is form and app.focused.id == "f-reason"
        stops = []
        for _ in range(4):
            await pilot.press("tab")
            stops.append(app.focused.id)
        assert stops == ["f-to", "f-reason", "f-to", "f-reason"]
        await type_text(pilot, "家長會改期")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert workbench.instruction_view(instr.id).instruction.deadline == date(2026, 12, 4)
        # Said in words, not as 2026-12-04.
        notices = [n.message for n in app._notifications]
        assert "Now due Friday 4 December 2026." in notices


async def test_tab_typed_in_one_burst_moves_on_before_the_next_words(workbench):
    """Keys that arrive together (a busy moment, a text expander) used to be handed to the
    field Tab was leaving: 清理完畢<Tab>下週一 filled the first field with both."""
    from textual import events

    app = make_app(workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "2", "f")
        burst = [*"清理完畢", "tab", *"下週一", "tab", "tab", "tab", *"今天上午9點"]
        for key in burst:
            app.post_message(events.Key(key, "\t" if key == "tab" else key))
        await settle(pilot)
        assert form.query_one("#f-content", Input).value == "清理完畢"
        assert form.query_one("#f-next_step", Input).value == "下週一"
        assert form.query_one("#f-at", Input).value == "今天上午9點"


def _burst(app, keys: list[str]) -> None:
    """Keys arriving together, as the terminal driver hands them to the app."""
    from textual import events

    names = {"space": " ", "slash": "/", "question_mark": "?", "tab": "\t"}
    for key in keys:
        app.post_message(events.Key(key, names.get(key, key)))


@pytest.mark.parametrize(
    ("opening", "typed", "field"),
    [
        # q quits, d deletes, space completes, j moves, u undoes: here they are letters.
        (["a"], "Send q&d notes ju", "#quick-line"),
        (["slash"], "jq 會議 gG", "#search"),
        (["2", "f"], "已電話確認，下週一 q 回覆", "#f-content"),
    ],
)  # fmt: skip
async def test_keys_typed_right_behind_the_key_that_opens_a_field_go_into_it(
    workbench, opening, typed, field
):
    """In one burst (a text expander, a fast hand) they used to reach the list before the
    field had the focus, and came out as the list's commands, or were lost."""
    app = make_app(workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        if opening[0] == "2":
            await pilot.press("2")
            await settle(pilot)
            opening = opening[1:]
        before = titles(app)
        _burst(app, [*opening, *("space" if ch == " " else ch for ch in typed)])
        await settle(pilot)
        assert app.screen.query_one(field, Input).value == typed
        assert app.is_running and titles(app) == before


async def test_completing_a_recurring_task_says_when_it_comes_back(workbench):
    task_id = workbench.add_task("交週報 每週五").task.id
    app = make_app(workbench)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.tasks.reload(keep=task_id)
        await settle(pilot)
        assert app.screen.tasks.current.task.id == task_id
        await pilot.press("space")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any(m.endswith("Next: Friday 4 December 2026 (all day)") for m in notices), notices


async def test_feedback_pane_follows_the_instruction_and_f_adds(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press("2")
        assert main.feedback.row_count == 1
        await pilot.press("down")
        await pilot.pause()
        chosen = main.instructions.current.instruction
        assert main.feedback.current.instruction_id == chosen.id
        await pilot.press("f")
        await fill_fields(pilot, "已報教導主任", "明天上午定稿")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert main.feedback.row_count == 2
        assert main.feedback.current.next_step == "明天上午定稿"


async def test_editing_a_task_from_its_details_writes_it_back_and_saves_the_change(
    empty_workbench,
):
    """e on a task's details opens its quick-add line in the interface's language; what is
    changed there is saved as one edit, and the line read back is the task."""
    i18n.set_language("zh-Hant")
    try:
        task = empty_workbench.add_task("準備校務會材料 2026-11-27 !重 #辦會").task
        app = make_app(empty_workbench)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            box = await edit_highlighted_task(pilot)
            line = box.query_one("#quick-line", Input)
            assert line.value == "準備校務會材料 due:2026-11-27 !重 #辦會"
            await pilot.press("ctrl+u")
            await type_text(pilot, "準備校務會材料定稿 下週一上午9點 !急 #辦會")
            await pilot.press("enter")
            await settle(pilot)
        edited = empty_workbench.task_view(task.id).task
        assert edited.title == "準備校務會材料定稿"
        assert edited.due == datetime(2026, 11, 30, 9, 0)
        assert edited.urgent and edited.importance is Importance.NORMAL
        assert edited.tags == ("辦會",)
        actions = [e.action for e in empty_workbench.store.events_for("task", task.id)]
        assert actions[-1] == "task.edit" and actions.count("task.edit") == 1
    finally:
        i18n.set_language("en")


async def test_editing_a_repeating_task_says_its_repetition_is_kept(empty_workbench):
    """The line does not show a repetition; the box says it is kept, and it is."""
    task = empty_workbench.add_task("交週報 每週五下午4點 !重").task
    app = make_app(empty_workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        box = await edit_highlighted_task(pilot)
        said = str(box.query_one("#quick-subtitle", Static).render())
        expected = i18n.t("tui.edit_task.repeats", rule="every Friday at 16:00")
        assert said.split() == expected.split()  # set in two lines at this width
        line = box.query_one("#quick-line", Input)
        assert line.value.endswith(" !high")
        await pilot.press("end", *["backspace"] * len(" !high"), "enter")
        await settle(pilot)
    edited = empty_workbench.task_view(task.id).task
    assert edited.importance is Importance.NORMAL
    assert (edited.due, edited.recurrence) == (task.due, task.recurrence)


async def test_r_in_a_repeating_task_s_details_stops_the_repetition(empty_workbench):
    """Offered only for a repeating task; the task stays due when it was, completing it
    makes no next one, and undo brings the repetition back."""
    task = empty_workbench.add_task("交週報 每週五下午4點").task
    other = empty_workbench.add_task("整理檔案櫃 !輕").task
    app = make_app(empty_workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.show_task(other.id)
        await pilot.pause()
        assert "Stop repeating" not in str(app.screen.query_one("KeyBar").render())
        await pilot.press("r")
        await pilot.press("escape")
        await pilot.pause()
        app.show_task(task.id)
        await pilot.pause()
        assert "Stop repeating" in str(app.screen.query_one("KeyBar").render())
        await pilot.press("r")
        await settle(pilot)
        stopped = empty_workbench.task_view(task.id).task
        assert stopped.recurrence is None and stopped.due == task.due
        assert any(n.message == "No longer repeats: 交週報" for n in app._notifications)
        await pilot.press("u")
        await settle(pilot)
    assert empty_workbench.task_view(task.id).task.recurrence == task.recurrence
    assert empty_workbench.task_view(other.id).task == other


async def test_stopping_a_working_day_repetition_clears_its_working_days_too(empty_workbench):
    task = empty_workbench.add_task("晨會 每個工作日上午9點").task
    assert task.recurrence_workdays
    app = make_app(empty_workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.show_task(task.id)
        await pilot.pause()
        await pilot.press("r")
        await settle(pilot)
    stopped = empty_workbench.task_view(task.id).task
    assert stopped.recurrence is None and not stopped.recurrence_workdays


async def test_details_show_history_and_urgency(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        body = app.screen.query_one("#details-body", SetText).source.plain
        assert "Why it stands here" in body
        assert "Urgency" in body
        assert "History" in body
        await pilot.press("escape")
        await pilot.press("2", "enter")
        await pilot.pause()
        body = app.screen.query_one("#details-body", SetText).source.plain
        assert "場地已落實，邀請函已發出" in body
        assert "Chased" in body


async def test_live_refresh_from_another_window(workbench, db_path, clock):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press("down", "down")
        kept = main.tasks.current.task.id
        other = Workbench.open(db_path, clock=clock)
        other.add_task("另一個視窗加的事 今天 !重 !急")
        other.close()
        started = time.monotonic()
        while time.monotonic() - started < 1.0:
            await asyncio.sleep(0.05)
            if main.tasks.row_count == 7:
                break
        assert main.tasks.row_count == 7
        assert "另一個視窗加的事" in "\n".join(rows(main.tasks))
        assert main.tasks.current.task.id == kept  # the cursor stays on its task


async def test_language_switch_without_restart(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        main = app.screen
        app.switch_language("zh-Hant")
        await pilot.pause()
        assert "待辦" in str(main.query_one("#tasks-pane").border_title)
        assert "急" in rows(main.tasks)[0]
        app.switch_language("zh-Hans")
        await pilot.pause()
        assert "待办" in str(main.query_one("#tasks-pane").border_title)
        app.switch_language("en")
        await pilot.pause()
        assert "To-do" in str(main.query_one("#tasks-pane").border_title)
    i18n.set_language("en")


async def test_an_empty_pane_speaks_the_new_language_and_says_why_it_is_empty(one_instruction):
    """A pane with no rows says why (nothing yet, a search that found nothing, no
    instruction chosen) and says it again in a language chosen meanwhile."""
    wb, _ = one_instruction
    app = make_app(wb)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        main = app.screen
        assert rows(main.feedback)[0].strip() == i18n.t("tui.empty.feedback")
        assert rows(main.tasks)[0].strip() == i18n.t("tui.empty.tasks")
        await pilot.press("slash")
        await type_text(pilot, "沒有這件事")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        app.switch_language("zh-Hant")
        await pilot.pause()
        assert rows(main.feedback)[0].strip() == "尚無反饋。按 f 登記匯報內容。"
        assert rows(main.tasks)[0].strip() == "沒有符合的項目。"
        assert rows(main.instructions)[0].strip() != ""
        await pilot.press("escape")
        await settle(pilot)
        assert rows(main.tasks)[0].strip() == i18n.t_in("zh-Hant", "tui.empty.tasks")
    i18n.set_language("en")


async def test_f_records_feedback_in_the_feedback_pane_as_its_empty_text_says(one_instruction):
    wb, _ = one_instruction
    app = make_app(wb)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press("3")
        assert "Press f" in rows(main.feedback)[0]
        form = await open_form(pilot, "f")
        assert form.spec.title == "tui.form.feedback"
        await type_text(pilot, "已匯報")
        await pilot.press("enter")
        await settle(pilot)
        assert rows(main.feedback)[0].endswith("已匯報")


def _backgrounds(widget) -> set[str]:
    """The background colours of the widget's rows as drawn."""
    lines = widget.render_lines(widget.region.reset_offset)
    return {s.style.bgcolor.name for line in lines for s in line if s.style and s.style.bgcolor}


@pytest.mark.parametrize("theme", [THEMES[0], THEMES[1]])
async def test_starts_in_its_theme_and_rows_follow_a_change_of_theme(workbench, theme):
    """The first frame is drawn in the chosen theme's colours, and after the theme is
    changed every row is drawn again in the new ones (not only the ones read again)."""
    other = THEMES[1] if theme is THEMES[0] else THEMES[0]
    app = make_app(workbench, theme=theme.name)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        tasks = app.main.tasks
        surface = theme.surface.lower()
        assert surface in _backgrounds(tasks)
        app.theme = other.name
        await settle(pilot)
        shown = _backgrounds(tasks)
        assert surface not in shown
        assert other.surface.lower() in shown


async def test_language_switch_from_the_palette(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "简体")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert i18n.get_language() == "zh-Hans"
    i18n.set_language("en")


async def test_the_palette_names_keys_as_the_footer_does(workbench):
    """It listed `exclamation_mark`, `enter,e` and `plus` where the footer says !, ⏎ e, +."""
    from workbench.tui.commands import WorkbenchCommands

    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        commands = WorkbenchCommands(app.screen)._commands()
        keys = {c.english.split(" To-do")[0]: c.key for c in commands if "To-do" in c.english}
        assert keys["Urgent"] == "!"
        assert keys["Details"] == f"{app.get_key_display(Binding('enter', ''))} e"
        assert all("_" not in k and "," not in k for c in commands for k in [c.key]), keys


@pytest.mark.parametrize("key", ["a", "question_mark"])
async def test_the_key_line_is_dimmed_while_a_dialog_is_open(workbench, key):
    """Its keys would type into the dialog's field, or do nothing: the dialog says which
    keys are its own."""
    from workbench.tui.widgets.keybar import KeyBar

    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        assert any(enabled for _, _, enabled, _ in bar.shown())
        await pilot.press(key)
        await settle(pilot)
        assert not isinstance(app.screen, MainScreen)
        assert [entry[:2] for entry in bar.shown()] == [entry[:2] for entry in bar._entries()]
        assert not any(enabled for _, _, enabled, _ in bar.shown())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any(enabled for _, _, enabled, _ in bar.shown())


@pytest.mark.parametrize(
    "title",
    ["[bold]x[/bold]", "close [/] here", "[$accent]var", "C:\\a\\[b]\\", "中文[重要]",
     "emoji 👨‍👩‍👧 🎉 測試", "很長的標題" * 60],
)  # fmt: skip
async def test_hostile_titles_show_literally(empty_workbench, title):
    empty_workbench.add_task(title)
    app = make_app(empty_workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = rows(app.screen.tasks)[0]
        stored = empty_workbench.list_tasks()[0].task.title
        assert stored == title
        assert stored[:8] in shown
        if len(title) > 100:
            assert shown.rstrip().split()[-2].endswith("…")  # cut with an ellipsis
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.query_one("#details-body", SetText).source.plain
        assert stored in body


async def test_help_lists_every_pane_key(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body", Static).render())
        for words in ("Add", "Done", "Chase", "Close", "Extend", "Postpone", "Undo", "Search"):
            assert words in text


async def test_summary_screen_previews_copies_and_saves(workbench, tmp_path):
    app = make_app(workbench)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        view = screen.query_one(ReportView)
        shown = [line for line in rows(view) if line.strip()]
        assert shown[0].strip() == "Progress of Leader Instructions"
        assert "1. Overview" in shown
        assert "Instructions by light" in str(screen.query_one("#lights", Static).render())
        # The whole report is laid out; the screen is given the lines in view.
        assert view.line_count > view.size.height and view.virtual_size.height == view.line_count
        await pilot.press("end")
        await settle(pilot)
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == screen.text
        assert "#" not in app.clipboard and "|" not in app.clipboard
        await pilot.press("w")
        await pilot.pause()
        target = tmp_path / "report.md"
        app.screen.query_one("#f-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = target.read_text(encoding="utf-8")
        assert saved.startswith("# Progress of Leader Instructions") and "## 1. Overview" in saved
        assert target.stat().st_mode & 0o777 == 0o600
        # Saving again asks before replacing.
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Replace" in str(app.screen.query(Static).first().render())
        target.write_text("kept", encoding="utf-8")
        # No: the form is still there, with the path typed and why it did not save.
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#f-path", Input).value == str(target)
        assert "exists" in str(form.query_one("#form-error", Static).render())
        assert target.read_text(encoding="utf-8") == "kept"
        # Yes, the second time: replaced, and the form closes.
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert target.read_text(encoding="utf-8").startswith("# Progress of Leader Instructions")


async def test_narrow_terminal_shows_one_pane_with_tabs(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        assert main.narrow
        assert main.query_one("#tasks-pane").display
        assert not main.query_one("#right").display
        await pilot.press("2")
        await pilot.pause()
        assert not main.query_one("#tasks-pane").display
        assert main.query_one("#instructions-pane").display
        assert main.query_one("#feedback-pane").display


async def test_quit_key(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_daily_briefing_once_a_day(workbench):
    app = make_app(workbench, briefing=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from workbench.tui.screens.brief import BriefScreen

        assert isinstance(app.screen, BriefScreen)
        assert "籌備家長會" in app.screen.text
        await pilot.press("enter")
    again = make_app(workbench, briefing=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, MainScreen)


async def test_a_form_on_a_short_terminal_keeps_its_heading_reason_and_keys(empty_workbench):
    """At 80×14 the registration form's fields scroll between its heading and its foot:
    a refusal and the keys stay drawn inside the box, and the last field, reached with
    Shift+Tab, is scrolled into sight."""
    app = make_app(empty_workbench)
    async with app.run_test(size=(80, 14)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "2", "a")
        await pilot.press("enter")
        await pilot.pause()
        box = form.query_one("#form").content_region
        error = form.query_one("#form-error", Static)
        assert i18n.t("tui.form.required", field=i18n.t("tui.form.leader")) in str(
            error.render()
        )
        for part in ("#form-head", "#form-error", "#form-keys"):
            assert box.contains_region(form.query_one(part).region), part
        fields = form.query_one("#fields")
        assert fields.max_scroll_y > 0
        await pilot.press("shift+tab")
        await pilot.pause()
        last = form.query_one("#f-confidential", Checkbox)
        assert app.focused is last
        assert fields.region.y <= last.region.y < fields.region.bottom
        assert not last.region.overlaps(form.query_one("#form-foot").region)


async def test_a_form_names_a_long_instruction_in_two_lines_at_most(empty_workbench):
    workbench = empty_workbench
    content = "全面排查校園安全隱患，建立整改台賬，報區教育局備案並每週通報進度" * 3
    workbench.add_instruction(content, leader="校長")
    app = make_app(workbench)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "2", "x")
        subtitle = form.query_one(".form-subtitle", SetText)
        lines = subtitle.render().plain.split("\n")
        assert len(lines) == 2 and subtitle.size.height == 2
        assert lines[0].startswith("校長：全面排查") and lines[1].endswith("…")
        assert all(cell_len(line) <= subtitle.size.width for line in lines)


async def test_a_long_briefing_on_a_small_terminal_scrolls_and_keeps_its_keys(workbench):
    """At 80×24 a briefing taller than the screen scrolls inside its box; the line that says
    how to leave stays drawn at the box's foot, and End reaches the last item."""
    from workbench.tui.screens.brief import BriefScreen

    for n in range(12):
        workbench.add_task(f"逾期事項{n:02d} 昨天")
    app = make_app(workbench, briefing=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        box = screen.query_one("#brief").region
        keys = screen.query_one("#brief-keys")
        assert box.contains_region(keys.region) and keys.region.height
        assert i18n.t("tui.brief.keys") in keys.render().plain
        scroll = screen.query_one("#brief-scroll")
        lines = screen.query_one("#brief-body", SetText).render().plain.split("\n")
        last = next(line for line in reversed(lines) if line.strip())

        def shown() -> list[str]:
            top = round(scroll.scroll_y)
            return lines[top : top + scroll.scrollable_content_region.height]

        assert scroll.max_scroll_y > 0 and last not in shown()
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        assert last in shown()


async def test_the_briefing_is_set_the_way_chinese_is_set(workbench):
    """A long item keeps its number on its first line and its later lines hang under its
    text; no line is wider than the box or begins with a closing mark."""
    from workbench.tui.screens.brief import BriefScreen

    long_item = "全面排查校園安全隱患，建立整改台賬，報區教育局備案並每週通報進度，" * 2
    workbench.add_instruction(long_item, leader="校長", deadline="昨天")
    app = make_app(workbench, briefing=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        body = app.screen.query_one("#brief-body", SetText)
        width = body.content_size.width
        text = body.render().plain.split("\n")
        assert len(text) == body.size.height
        assert all(cell_len(line) <= width for line in text)
        first = next(i for i, line in enumerate(text) if "全面排查" in line)
        assert re.match(r"\d\. 全面排查", text[first])
        assert text[first + 1].startswith("   ") and text[first + 1].strip()
        assert not any(line.lstrip().startswith(("，", "。", "）")) for line in text)


async def test_an_instruction_s_details_hang_under_its_light(workbench):
    """The light stays on the content's first line; the rest hangs under the content,
    and a history entry's text under its text, not under its time."""
    long_text = "請辦公室牽頭，會同教導處、總務處和各年級組，於本學期結束前完成全校教學設施安全檢查"
    view = workbench.add_instruction(long_text * 2, leader="校長", deadline="下週五")
    app = make_app(workbench)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.show_instruction(view.instruction.id)
        await settle(pilot)
        body = app.screen.query_one("#details-body", SetText)
        text = body.render().plain.split("\n")
        light = text[0][: text[0].index("請辦公室牽頭")]  # " green  ", " 綠  "
        assert light.strip() and light.endswith("  ")
        assert text[1].startswith(" " * cell_len(light)) and text[1].strip()
        assert body.source.plain.splitlines()[0].endswith(long_text * 2)


async def test_clock_turns_a_task_overdue(workbench, clock):
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        clock.moment = datetime(2026, 11, 27, 15, 1)
        await pilot.pause(0.5)
        await settle(pilot)
        main = app.screen
        shown = "\n".join(rows(main.tasks))
        assert "準備校務會材料" in shown
        counts = main.query_one("#status").counts
        assert counts["overdue"] >= 1


async def test_split_withdraw_and_correct(workbench):
    app = make_app(workbench)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press("2")
        instr = main.instructions.current.instruction
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, QuickAddScreen)
        # It says which instruction the task serves, and the deadline it takes.
        said = str(app.screen.query_one("#quick-subtitle", Static).render())
        assert instr.leader in said and instr.content[:10] in said
        assert instr.deadline is not None
        assert f"{instr.deadline.day} " in said and "instruction's deadline" in said
        await type_text(pilot, "通知家長")
        await pilot.press("enter")
        await settle(pilot)
        task = next(
            v for v in workbench.list_tasks(TaskFilter(), 0, 100) if v.task.title == "通知家長"
        )
        assert task.task.instruction_id == instr.id
        assert task.task.due == instr.deadline  # inherited
        await pilot.press("3", "r")
        await pilot.pause()
        field = app.screen.query_one("#f-content", Input)
        field.value = "場地已落實，邀請函已全部發出"
        await pilot.press("ctrl+s")
        await settle(pilot)
        texts = [f.content for f in workbench.feedback_of(instr.id)]
        assert texts == ["場地已落實，邀請函已全部發出"]
        await pilot.press("2", "X")
        await pilot.pause()
        app.screen.query_one("#f-reason", Input).value = "活動取消"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert workbench.instruction_view(instr.id).instruction.status.value == "cancelled"


async def test_export_and_import_from_the_palette(workbench, tmp_path, db_path, clock):
    from workbench.service.workbench import Workbench as WB

    app = make_app(workbench)
    target = tmp_path / "all.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.export_data("json")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target.exists()
        assert target.stat().st_mode & 0o777 == 0o600
    other_path = tmp_path / "other.db"
    other = WB.open(other_path, clock=clock)
    app = make_app(other)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.import_data()
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.tasks.row_count == 6
        assert app.screen.instructions.row_count == 3
    other.close()


async def test_a_bug_in_a_change_is_reported_not_swallowed(workbench, monkeypatch):
    """A programming error while saving: nothing is saved, the user is told in a sentence
    and pointed at a private crash file, and the app keeps running."""
    app = make_app(workbench)
    before = titles(app)

    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(workbench, "toggle_urgent", _boom)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("Something unexpected went wrong (RuntimeError)" in m for m in notices)
        assert titles(app) == before
        assert isinstance(app.screen, MainScreen)
    reports = list(Path(os.environ["WORKBENCH_CACHE_DIR"]).glob("crash-*.log"))
    assert len(reports) == 1 and "boom" in reports[0].read_text(encoding="utf-8")
    assert reports[0].stat().st_mode & 0o077 == 0


async def test_a_bug_while_showing_a_saved_change_is_reported(workbench, monkeypatch):
    """The change is saved; showing it fails once: the user hears of it, the screen is
    read again and shows the saved change."""
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        main = app.screen
        first = main.tasks.current.task
        original = type(main).refresh_all
        calls = []

        def fails_once(self, *args, **kwargs):
            calls.append(args)
            if len(calls) == 1:
                raise RuntimeError("paint")
            return original(self, *args, **kwargs)

        monkeypatch.setattr(type(main), "refresh_all", fails_once)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("The change was saved, but showing it went wrong" in m for m in notices)
        assert workbench.task_view(first.id).task.urgent is not first.urgent
        assert len(calls) >= 2  # read again after the failure


async def test_typing_a_search_does_not_lay_the_screen_out(workbench, monkeypatch):
    """Each keystroke repaints the box and the list, not every widget on the screen (a
    layout per keystroke costs tens of milliseconds at 100,000 rows as at 10)."""
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        main = app.screen
        layouts = []
        original = type(main)._refresh_layout

        def counted(self, *args, **kwargs):
            layouts.append(args)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(type(main), "_refresh_layout", counted)
        await type_text(pilot, "會議")
        await settle(pilot)
        assert main.tasks.row_count == 1
        assert layouts == []


async def test_each_search_keystroke_shows_its_rows_in_the_frame_of_its_letter(
    workbench, monkeypatch
):
    """The letter typed and the rows it finds are drawn in one frame: no frame shows the
    search box ahead of the list (the list's rows came a frame period later)."""
    from textual.app import App

    from workbench.tui.widgets.paged_list import PagedList

    app = make_app(workbench)
    frames: list[tuple[str, str]] = []
    drawn = {"query": ""}
    render_lines = PagedList.render_lines
    display = App._display

    def noted(self, crop):
        if self is app.main.tasks:
            drawn["query"] = app.main.filter_query("tasks")
        return render_lines(self, crop)

    def written(self, screen, renderable):
        searching = getattr(app.focused, "id", "") == "search"
        if renderable is not None and app.main is not None and searching:
            frames.append((app.focused.value, drawn["query"]))
        return display(self, screen, renderable)

    monkeypatch.setattr(PagedList, "render_lines", noted)
    monkeypatch.setattr(App, "_display", written)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        frames.clear()
        for word in ("會議", "report", "家長"):
            await type_text(pilot, word)
            await settle(pilot)
            for _ in word:
                await pilot.press("backspace")
                await settle(pilot)
        assert frames
        assert [f for f in frames if f[0] != f[1]] == []


async def test_the_app_releases_the_collector_at_its_first_frame(workbench, monkeypatch):
    """Start-up is over once the first frame is out (see workbench.collector)."""
    calls: list[dict[str, bool]] = []
    monkeypatch.setattr(collector, "release", lambda **kw: calls.append(kw))
    app = make_app(workbench)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(RELEASE_AFTER + 0.2)
        assert calls == [{"collect": True}]


async def test_the_day_s_check_and_backup_start_after_the_first_frame(workbench, monkeypatch):
    """The check reads the whole file on the other core: it waits until the panes filled
    after the first frame are there, then makes the day's copy."""
    from workbench.service import backup

    app = make_app(workbench, backups=True)
    instructions_shown: list[int] = []
    original = backup.startup_backup

    def recorded(wb):
        instructions_shown.append(app.main.instructions.row_count)
        return original(wb)

    monkeypatch.setattr(backup, "startup_backup", recorded)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert instructions_shown == []
        await pilot.pause(RELEASE_AFTER + 0.2)
        await settle(pilot)
        assert len(instructions_shown) == 1 and instructions_shown[0] > 0
    assert len(backup.automatic_backups(workbench.store.path)) == 1


async def test_moving_keys_act_in_the_list_and_a_keymap_still_applies(workbench):
    """The list takes its own moving keys as they arrive (PagedList.on_key); the keys do
    what their bindings say, and a keymap that moves a binding to another key is obeyed."""
    app = make_app(workbench)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        tasks = app.main.tasks
        await pilot.press("down", "j", "down")
        assert tasks.cursor == 3
        await pilot.press("k", "home")
        assert tasks.cursor == 0
        await pilot.press("end")
        assert tasks.cursor == tasks.row_count - 1
        await pilot.press("g")
        app.set_keymap({"cursor_down": "n"})
        await pilot.press("n", "n")
        assert tasks.cursor == 2
        await pilot.press("j")
        assert tasks.cursor == 2  # moved to n by the keymap
