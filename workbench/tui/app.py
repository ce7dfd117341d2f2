"""The workbench app: owns the service, runs every change in a worker, keeps the screen in
step with the database (its own changes at once, other windows' within half a second) and
with the clock (a task due at 15:00 turns overdue at 15:00)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.theme import Theme
from textual.worker import get_current_worker

from workbench import i18n
from workbench.config import Config, ConfigError
from workbench.domain.dates import DateParseError
from workbench.domain.quickadd import QuickAdd, QuickAddError
from workbench.domain.text import one_line
from workbench.i18n import t
from workbench.service.errors import WorkbenchError
from workbench.service.workbench import Workbench
from workbench.store.db import StoreError
from workbench.tui.commands import TaskJumpCommands, WorkbenchCommands
from workbench.tui.screens.main import PANES, MainScreen

USER_ERRORS = (WorkbenchError, StoreError, ConfigError, DateParseError, QuickAddError)

POLL_SECONDS = 0.5
"""How often to look for changes made by another window or the command line."""

THEMES = [
    Theme(
        name="workbench-dark",
        primary="#5B8DB8",
        secondary="#7A9E7E",
        accent="#D7A65A",
        warning="#E0A030",
        error="#E0605A",
        success="#6DBE8A",
        foreground="#E4E6EB",
        background="#1B1F24",
        surface="#22272E",
        panel="#2B323B",
        dark=True,
    ),
    Theme(
        name="workbench-light",
        primary="#2F5D8A",
        secondary="#4E7A55",
        accent="#9A5B13",
        warning="#B7791F",
        error="#C0392B",
        success="#2E8B57",
        foreground="#1F2328",
        background="#F7F5F0",
        surface="#FFFFFF",
        panel="#ECE8DF",
        dark=False,
    ),
]


def _short(text: str, width: int = 24) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


class WorkbenchApp(App[None]):
    """秘書工作台."""

    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[Any]] = {WorkbenchCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "key.quit", id="quit"),
        Binding("u", "undo", "key.undo", id="undo"),
        Binding("S", "summary", "key.summary", id="summary"),
        Binding("question_mark", "help", "key.help", id="help"),
        Binding("ctrl+p", "command_palette", "key.palette", id="palette"),
    ]

    def __init__(
        self,
        workbench: Workbench,
        *,
        poll_seconds: float = POLL_SECONDS,
        theme: str = "workbench-dark",
        briefing: bool = True,
        backups: bool = True,
    ) -> None:
        super().__init__()
        self._briefing = briefing
        self._backups = backups
        self._last_error = ""
        self.workbench = workbench
        self._poll_seconds = poll_seconds
        self._initial_theme = theme
        self._undo: list[int] = []
        self._seen_version = -1
        self._next_change: datetime | None = None
        self._today = workbench.now().date()
        self._write_lock = threading.Lock()

    # ------------------------------------------------------------------ start-up

    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = self._initial_theme
        self.title = t("app.name")
        self.push_screen(MainScreen())
        self._seen_version = self.workbench.store.data_version()
        self._next_change = self.workbench.next_refresh()
        self.set_interval(self._poll_seconds, self._poll)
        if self._briefing:
            self._daily_brief()
        if self._backups:
            self._start_up_backup()

    @work(thread=True, group="backup", exit_on_error=False)
    def _start_up_backup(self) -> None:
        """Check the file and make the day's backup, off the UI thread."""
        from workbench.service.backup import startup_backup

        message = startup_backup(self.workbench)
        if message is not None:
            self.call_from_thread(
                self.notify, message, severity="warning", markup=False, timeout=20
            )

    @work(thread=True, group="brief", exit_on_error=False)
    def _daily_brief(self) -> None:
        """Once a day, at start: what needs doing today and what is coming."""
        from workbench.domain.report_text import brief_text
        from workbench.service import reports

        if not self.workbench.take_daily_brief():
            return
        brief = reports.brief(self.workbench)
        if brief.is_empty:
            return
        self.call_from_thread(self._show_brief, brief_text(brief))

    def _show_brief(self, text: str) -> None:
        from workbench.tui.screens.brief import BriefScreen

        self.push_screen(BriefScreen(text))

    def show_brief(self) -> None:
        """The briefing on demand (command palette)."""
        from workbench.domain.report_text import brief_text
        from workbench.service import reports

        self._show_brief(brief_text(reports.brief(self.workbench)))

    @property
    def main(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _poll(self) -> None:
        """Notice other windows' changes, expiring scores and a new day."""
        wb = self.workbench
        try:
            version = wb.store.data_version()
        except StoreError:
            return
        now = wb.now()
        due = self._next_change is not None and now >= self._next_change
        if version != self._seen_version or due or now.date() != self._today:
            self._seen_version = version
            self._today = now.date()
            self.refresh_data()

    def refresh_data(self, keep: dict[str, Hashable | None] | None = None) -> None:
        """Show the database as it is now; a file that has become unreadable (damaged,
        unmounted) is reported once, not every half second, and never crashes the app."""
        try:
            main = self.main
            if main is not None and main.is_mounted:
                main.refresh_all(keep)
            self._next_change = self.workbench.next_refresh()
        except StoreError as err:
            if str(err) != self._last_error:
                self._last_error = str(err)
                self._notify_error(str(err))
            return
        self._last_error = ""

    # ------------------------------------------------------------------ writing

    def perform(
        self,
        change: Callable[[], Any],
        *,
        done: Callable[[Any], str] | None = None,
        keep: Callable[[Any], dict[str, Hashable | None]] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Run one change off the UI thread; then say what it did and show it."""
        self._write(change, done, keep, on_error)

    @work(thread=True, group="write", exit_on_error=False)
    def _write(self, change, done, keep, on_error) -> None:
        with self._write_lock:
            try:
                result = change()
            except USER_ERRORS as err:
                message = str(err)
                self.call_from_thread(on_error or self._notify_error, message)
                return
            event_id = self.workbench.last_event_id
        self.call_from_thread(self._written, result, event_id, done, keep)

    def _notify_error(self, message: str) -> None:
        self.notify(message, severity="error", markup=False, timeout=6)
        self.bell()

    def _written(self, result, event_id, done, keep) -> None:
        if event_id is not None:
            self._undo.append(event_id)
        self.refresh_data(keep(result) if keep else None)
        if done is not None:
            self.notify(done(result), markup=False, timeout=3)

    # ------------------------------------------------------------------ tasks

    def add_task(self, instruction_id: int | None = None) -> None:
        from workbench.tui.screens.quick_add import QuickAddScreen

        def save(quick: QuickAdd | None) -> None:
            if quick is None:
                return
            self.perform(
                lambda: self.workbench.add_task(quick=quick, instruction_id=instruction_id),
                done=lambda v: t("tui.done.added", title=_short(v.task.title)),
                keep=lambda v: {"tasks": v.task.id},
            )

        self.push_screen(QuickAddScreen(self.workbench.preview), save)

    def complete_task(self, task_id: int) -> None:
        def done(result) -> str:
            view, successor = result
            text = t("tui.done.done", title=_short(view.task.title))
            if successor is not None:
                text += " " + t("tui.done.next", due=successor.to_json()["due"])
            return text

        self.perform(lambda: self.workbench.complete_task(task_id), done=done)

    def toggle_urgent(self, task_id: int) -> None:
        self.perform(
            lambda: self.workbench.toggle_urgent(task_id),
            done=lambda v: t(
                "tui.done.urgent_on" if v.task.urgent else "tui.done.urgent_off",
                title=_short(v.task.title),
            ),
            keep=lambda v: {"tasks": v.task.id},
        )

    def change_importance(self, task_id: int, step: int) -> None:
        self.perform(
            lambda: self.workbench.change_importance(task_id, step),
            done=lambda v: t(
                "tui.done.importance",
                title=_short(v.task.title),
                importance=t(f"importance.{v.task.importance.value}"),
            ),
            keep=lambda v: {"tasks": v.task.id},
        )

    def postpone_task(self, task_id: int) -> None:
        from workbench.domain.humanize import due_in_words

        def done(view) -> str:
            due = due_in_words(view.task.due, self.workbench.now(), self.workbench.calendar)
            return t("tui.done.postponed", title=_short(view.task.title), due=due)

        self.perform(
            lambda: self.workbench.postpone_task(task_id),
            done=done,
            keep=lambda v: {"tasks": v.task.id},
        )

    def delete_task(self, task_id: int) -> None:
        self.perform(
            lambda: self.workbench.delete_task(task_id),
            done=lambda v: t("tui.done.deleted", title=_short(v.task.title)),
        )

    def edit_task(self, task_id: int) -> None:
        from workbench.tui.quick_text import task_as_quick_add
        from workbench.tui.screens.quick_add import QuickAddScreen

        task = self.workbench.task_view(task_id).task
        text = task_as_quick_add(task, self.workbench.preview)

        def save(quick: QuickAdd | None) -> None:
            if quick is None:
                return
            self.perform(
                lambda: self.workbench.edit_task(
                    task_id,
                    title=quick.title,
                    due=quick.due,
                    importance=quick.importance,
                    urgent=quick.urgent,
                    tags=list(quick.tags),
                    category=quick.category,
                    recurrence=quick.recurrence or task.recurrence,
                    recurrence_workdays=quick.working_days_only or task.recurrence_workdays,
                    confidential=quick.confidential,
                ),
                done=lambda v: t("tui.done.edited", title=_short(v.task.title)),
                keep=lambda v: {"tasks": v.task.id},
            )

        self.push_screen(
            QuickAddScreen(self.workbench.preview, initial=text, title_key="tui.edit_task.title"),
            save,
        )

    def show_task(self, task_id: int) -> None:
        from workbench.tui.screens.details import TaskDetailsScreen, task_details

        try:
            view = self.workbench.task_view(task_id)
        except USER_ERRORS as err:
            self._notify_error(str(err))
            return

        def follow(action: str | None) -> None:
            if action == "edit":
                self.edit_task(task_id)
            elif action == "done":
                self.complete_task(task_id)
            elif action == "postpone":
                self.postpone_task(task_id)

        self.push_screen(TaskDetailsScreen(task_details(self.workbench, view)), follow)

    def reveal_task(self, task_id: int) -> None:
        """Jump to a task in the to-do list (clearing a filter that hides it)."""
        main = self.main
        if main is None:
            return
        if main.tasks.source is not None and main._filter_query("tasks"):
            main.apply_filter("tasks", "")
        main.tasks.reload(task_id)
        main.action_show_pane("tasks")

    # ------------------------------------------------------------------ instructions

    def _instruction_form(self, values: dict[str, Any] | None = None):
        from workbench.tui.screens.form import Field, FormScreen, FormSpec

        v = values or {}
        wb = self.workbench
        spec = FormSpec(
            title="tui.form.instruction" if not values else "tui.form.instruction_edit",
            parse_date=wb.parse_date,
            fields=[
                Field(
                    "leader",
                    "tui.form.leader",
                    value=v.get("leader", ""),
                    required=True,
                    suggestions=wb.leaders(),
                ),
                Field("content", "tui.form.content", value=v.get("content", ""), required=True),
                Field(
                    "source",
                    "tui.form.source",
                    value=v.get("source", ""),
                    placeholder="tui.form.source_hint",
                ),
                Field("issued_on", "tui.form.issued", kind="date", value=v.get("issued_on", "")),
                Field(
                    "deadline",
                    "tui.form.deadline",
                    kind="date",
                    value=v.get("deadline", ""),
                    placeholder="tui.form.deadline_hint",
                ),
                Field("owner", "tui.form.owner", value=v.get("owner", ""), suggestions=wb.owners()),
                Field("co_handlers", "tui.form.co", value=v.get("co_handlers", "")),
                Field(
                    "feedback_interval",
                    "tui.form.interval",
                    kind="int",
                    value=v.get("feedback_interval", ""),
                    placeholder="tui.form.interval_hint",
                ),
                Field(
                    "confidential",
                    "tui.form.confidential",
                    kind="check",
                    value=v.get("confidential", False),
                ),
            ],
        )
        return FormScreen(spec)

    def add_instruction(self) -> None:
        form = self._instruction_form()

        def save(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            self.perform(
                lambda: self.workbench.add_instruction(
                    values["content"],
                    leader=values["leader"],
                    deadline=values["deadline"],
                    source=values["source"],
                    owner=values["owner"],
                    co_handlers=values["co_handlers"],
                    issued_on=values["issued_on"] or None,
                    feedback_interval=values["feedback_interval"],
                    confidential=values["confidential"],
                ),
                done=lambda v: t(
                    "tui.done.instruction_added", content=_short(v.instruction.content)
                ),
                keep=lambda v: {"instructions": v.instruction.id},
                on_error=lambda message: self._reopen_form(form, message, save),
            )

        self.push_screen(form, save)

    def _reopen_form(self, form, message: str, save) -> None:
        """Saving failed: show the form again with everything typed and the reason."""
        self.push_screen(form, save)
        form.call_after_refresh(form.show_error, message)

    def edit_instruction(self, instruction_id: int) -> None:
        from workbench.domain.models import due_to_iso

        instr = self.workbench.instruction_view(instruction_id).instruction
        form = self._instruction_form(
            {
                "leader": instr.leader,
                "content": instr.content,
                "source": instr.source,
                "issued_on": instr.issued_on.isoformat() if instr.issued_on else "",
                "deadline": due_to_iso(instr.deadline) or "",
                "owner": instr.owner,
                "co_handlers": instr.co_handlers,
                "feedback_interval": instr.feedback_interval or "",
                "confidential": instr.confidential,
            }
        )
        original_deadline = due_to_iso(instr.deadline) or ""

        def save(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            fields = dict(values)
            fields["issued_on"] = fields["issued_on"] or None
            if fields["deadline"] == original_deadline:
                fields.pop("deadline")
            self.perform(
                lambda: self.workbench.update_instruction(instruction_id, **fields),
                done=lambda v: t("tui.done.instruction_edited"),
                keep=lambda v: {"instructions": instruction_id},
                on_error=lambda message: self._reopen_form(form, message, save),
            )

        self.push_screen(form, save)

    def show_instruction(self, instruction_id: int) -> None:
        from workbench.tui.screens.details import InstructionDetailsScreen, instruction_details

        try:
            view = self.workbench.instruction_view(instruction_id)
        except USER_ERRORS as err:
            self._notify_error(str(err))
            return

        def follow(action: str | None) -> None:
            handlers = {
                "task": lambda iid: self.add_task(instruction_id=iid),
                "cancel": self.cancel_instruction,
                "edit": self.edit_instruction,
                "chase": self.chase,
                "feedback": self.add_feedback,
                "extend": self.extend,
                "close": self.close_instruction,
                "reopen": self.reopen_instruction,
            }
            if action in handlers:
                handlers[action](instruction_id)

        body = instruction_details(self.workbench, view)
        closed = view.instruction.status.is_closed
        self.push_screen(InstructionDetailsScreen(body, closed), follow)

    def _simple_form(self, title: str, subtitle: str, fields: list, save) -> None:
        from workbench.tui.screens.form import FormScreen, FormSpec

        spec = FormSpec(
            title=title, subtitle=subtitle, fields=fields, parse_date=self.workbench.parse_date
        )
        form = FormScreen(spec)

        def on_values(values: dict[str, Any] | None) -> None:
            if values is not None:
                save(values, lambda message: self._reopen_form(form, message, on_values))

        self.push_screen(form, on_values)

    def _subtitle(self, instruction_id: int) -> str:
        instr = self.workbench.instruction_view(instruction_id).instruction
        return f"{instr.leader}：{_short(instr.content, 60)}"

    def chase(self, instruction_id: int) -> None:
        from workbench.tui.screens.form import Field

        view = self.workbench.instruction_view(instruction_id)

        def save(values, on_error) -> None:
            self.perform(
                lambda: self.workbench.chase(
                    instruction_id,
                    note=values["note"],
                    whom=values["whom"],
                    channel=values["channel"],
                ),
                done=lambda v: t(
                    "tui.done.chased",
                    count=v.chase_count,
                    level=t(f"chase_level.{v.chase_level.value}"),
                ),
                keep=lambda v: {"instructions": instruction_id},
                on_error=on_error,
            )

        self._simple_form(
            "tui.form.chase",
            self._subtitle(instruction_id),
            [
                Field("note", "tui.form.note"),
                Field(
                    "whom",
                    "tui.form.whom",
                    value=view.instruction.owner,
                    suggestions=self.workbench.owners(),
                ),
                Field(
                    "channel",
                    "tui.form.channel",
                    kind="choice",
                    value="phone",
                    choices=CHANNEL_CHOICES,
                ),
            ],
            save,
        )

    def extend(self, instruction_id: int) -> None:
        from workbench.tui.screens.form import Field

        def save(values, on_error) -> None:
            self.perform(
                lambda: self.workbench.extend(instruction_id, values["to"], values["reason"]),
                done=lambda v: t("tui.done.extended", deadline=v.to_json()["deadline"]),
                keep=lambda v: {"instructions": instruction_id},
                on_error=on_error,
            )

        self._simple_form(
            "tui.form.extend",
            self._subtitle(instruction_id),
            [
                Field("to", "tui.form.new_deadline", kind="date", required=True),
                Field("reason", "tui.form.reason", required=True),
            ],
            save,
        )

    def close_instruction(self, instruction_id: int) -> None:
        from workbench.tui.screens.form import Field

        def save(values, on_error) -> None:
            self.perform(
                lambda: self.workbench.close_instruction(
                    instruction_id, note=values["note"], feedback=values["feedback"]
                ),
                done=lambda v: t("tui.done.closed"),
                keep=lambda v: {"instructions": instruction_id},
                on_error=on_error,
            )

        self._simple_form(
            "tui.form.close",
            self._subtitle(instruction_id),
            [
                Field("feedback", "tui.form.completion", hint="tui.form.completion_hint"),
                Field("note", "tui.form.closing_note"),
            ],
            save,
        )

    def reopen_instruction(self, instruction_id: int) -> None:
        from workbench.tui.screens.form import Field

        def save(values, on_error) -> None:
            self.perform(
                lambda: self.workbench.reopen_instruction(instruction_id, reason=values["reason"]),
                done=lambda v: t("tui.done.reopened"),
                keep=lambda v: {"instructions": instruction_id},
                on_error=on_error,
            )

        self._simple_form(
            "tui.form.reopen",
            self._subtitle(instruction_id),
            [
                Field("reason", "tui.form.reason", required=True),
            ],
            save,
        )

    def cancel_instruction(self, instruction_id: int) -> None:
        """撤銷: the instruction no longer needs doing (with a reason for the record)."""
        from workbench.tui.screens.form import Field

        def save(values, on_error) -> None:
            self.perform(
                lambda: self.workbench.cancel(instruction_id, reason=values["reason"]),
                done=lambda v: t("tui.done.cancelled"),
                keep=lambda v: {"instructions": instruction_id},
                on_error=on_error,
            )

        self._simple_form(
            "tui.form.cancel",
            self._subtitle(instruction_id),
            [Field("reason", "tui.form.reason", required=True)],
            save,
        )

    def correct_feedback(self, feedback_id: int) -> None:
        """A correction is a new revision; the earlier text stays in the history."""
        from workbench.tui.screens.form import Field

        old = self.workbench.store.get_feedback(feedback_id)
        if old is None:
            return

        def save(values, on_error) -> None:
            self.perform(
                lambda: self.workbench.correct_feedback(
                    feedback_id, values["content"], next_step=values["next_step"]
                ),
                done=lambda fb: t("tui.done.corrected"),
                keep=lambda fb: {"feedback": fb.id},
                on_error=on_error,
            )

        self._simple_form(
            "tui.form.correct",
            "",
            [
                Field("content", "tui.form.feedback_content", value=old.content, required=True),
                Field("next_step", "tui.form.next_step", value=old.next_step),
            ],
            save,
        )

    def delete_instruction(self, instruction_id: int) -> None:
        self.perform(
            lambda: self.workbench.delete_instruction(instruction_id),
            done=lambda v: t("tui.done.instruction_deleted", content=_short(v.instruction.content)),
        )

    def add_feedback(self, instruction_id: int) -> None:
        from workbench.tui.screens.form import Field

        def save(values, on_error) -> None:
            self.perform(
                lambda: self.workbench.add_feedback(
                    instruction_id,
                    values["content"],
                    kind=values["kind"],
                    channel=values["channel"],
                    next_step=values["next_step"],
                    at=values["at"] or None,
                ),
                done=lambda fb: t("tui.done.feedback"),
                keep=lambda fb: {"instructions": instruction_id, "feedback": fb.id},
                on_error=on_error,
            )

        self._simple_form(
            "tui.form.feedback",
            self._subtitle(instruction_id),
            [
                Field("content", "tui.form.feedback_content", required=True),
                Field("next_step", "tui.form.next_step", hint="tui.form.next_step_hint"),
                Field(
                    "channel",
                    "tui.form.channel",
                    kind="choice",
                    value="verbal",
                    choices=CHANNEL_CHOICES,
                ),
                Field(
                    "kind", "tui.form.kind", kind="choice", value="progress", choices=KIND_CHOICES
                ),
                Field("at", "tui.form.at", kind="date", placeholder="tui.form.at_hint"),
            ],
            save,
        )

    # ------------------------------------------------------------------ search

    def filter_pane(self, pane: str, query: str) -> None:
        """Filter a pane as the user types; the newest keystroke wins."""
        self._count_matches(pane, query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _count_matches(self, pane: str, query: str) -> None:
        # Warm the index for this query off the UI thread; the list then reads its pages.
        from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter

        wb = self.workbench
        if query.strip():
            if pane == "tasks":
                wb.count_tasks(TaskFilter(query=query))
            elif pane == "instructions":
                wb.count_instructions(InstructionFilter(query=query))
            else:
                wb.count_feedback(FeedbackFilter(query=query))
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._apply_filter, pane, query)

    def _apply_filter(self, pane: str, query: str) -> None:
        main = self.main
        if main is not None:
            main.apply_filter(pane, query)

    # ------------------------------------------------------------------ app actions

    def action_undo(self) -> None:
        """Undo this window's latest change (u)."""
        if not self._undo:
            self.notify(t("error.nothing_to_undo"), markup=False, timeout=3)
            return
        event_id = self._undo.pop()

        def undo():
            from workbench.domain.history import describe_event

            event = self.workbench.undo(event_id)
            return describe_event(event), event

        def keep(result) -> dict[str, Hashable | None]:
            _, event = result
            if event.entity == "task":
                return {"tasks": event.entity_id}
            if event.entity == "instruction":
                return {"instructions": event.entity_id}
            return {}

        self.perform(undo, done=lambda r: t("history.undo", what=r[0]), keep=keep)

    def action_help(self) -> None:
        from workbench.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_summary(self) -> None:
        """S: the summary screen; a per-instruction report is of the highlighted one."""
        from workbench.tui.screens.summary import SummaryScreen

        main = self.main
        current = main.instructions.current if main is not None else None
        self.push_screen(SummaryScreen(current.instruction.id if current else None))

    def save_report(self, request, fmt: str) -> None:
        """Ask where (the documents folder by default), then write; ask before replacing."""
        from workbench import locations
        from workbench.cli.reports import default_name, period_label
        from workbench.tui.screens.form import Field

        label = period_label(request.period) if request.period else str(request.instruction_id)
        kind = "ledger" if fmt == "xlsx" else request.kind
        default = locations.documents_dir() / default_name(kind, label, fmt, request.leader)

        def save(values, on_error, overwrite: bool = False) -> None:
            from workbench.service import reports

            path = Path(values["path"]).expanduser()

            def write():
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                return reports.write(self.workbench, request, fmt, path, overwrite=overwrite)

            def failed(message: str) -> None:
                if path.exists() and not overwrite:
                    self._confirm_overwrite(path, lambda: save(values, on_error, True))
                else:
                    on_error(message)

            self.perform(
                write, done=lambda p: t("tui.summary.written", path=str(p)), on_error=failed
            )

        self._simple_form(
            "tui.summary.save",
            "",
            [
                Field("path", "tui.summary.path", value=str(default), required=True),
            ],
            save,
        )

    def export_data(self, fmt: str) -> None:
        """Export everything (json), tasks for Taskwarrior, or deadlines as a calendar."""
        from workbench import locations
        from workbench.service.interchange import suggested_name
        from workbench.tui.screens.form import Field

        default = locations.documents_dir() / suggested_name(fmt, self.workbench.now())

        def save(values, on_error, overwrite: bool = False) -> None:
            from workbench.service.interchange import export_file

            path = Path(values["path"]).expanduser()

            def write():
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                return export_file(self.workbench, path, fmt, overwrite=overwrite,
                                   include_confidential=values["confidential"])  # fmt: skip

            def failed(message: str) -> None:
                if path.exists() and not overwrite:
                    self._confirm_overwrite(path, lambda: save(values, on_error, True))
                else:
                    on_error(message)

            self.perform(write, done=lambda r: " ".join(r.lines()), on_error=failed)

        self._simple_form(f"tui.export.{fmt}", "", [
            Field("path", "tui.summary.path", value=str(default), required=True),
            Field("confidential", "tui.export.confidential", kind="check", value=False),
        ], save)  # fmt: skip

    def import_data(self) -> None:
        """Bring in a workbench JSON export or Taskwarrior's `task export`; all or nothing."""
        from workbench.tui.screens.form import Field

        def load(values, on_error) -> None:
            from workbench.service.interchange import import_file

            path = Path(values["path"]).expanduser()
            self.perform(lambda: import_file(self.workbench, path),
                         done=lambda r: " ".join(r.lines()), on_error=on_error)  # fmt: skip

        self._simple_form("tui.import.title", "", [
            Field("path", "tui.summary.path", required=True, hint="tui.import.hint",
                  placeholder="tui.import.placeholder"),
        ], load)  # fmt: skip

    def _confirm_overwrite(self, path: Path, proceed) -> None:
        from workbench.tui.screens.confirm import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes:
                proceed()

        self.push_screen(ConfirmScreen(t("tui.summary.replace", path=str(path))), answer)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=t("tui.command.placeholder"), id="--command-palette")
            )

    def toggle_dark(self) -> None:
        self.theme = "workbench-light" if self.current_theme.dark else "workbench-dark"

    def jump_to_task(self) -> None:
        self.push_screen(
            CommandPalette(
                providers=[TaskJumpCommands],
                placeholder=t("tui.command.jump_placeholder"),
            )
        )

    def switch_language(self, lang: str) -> None:
        i18n.set_language(lang)
        self.title = t("app.name")
        main = self.main
        if main is not None:
            main.relabel()
        self.notify(t("tui.done.language"), markup=False, timeout=2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo and the summary belong to the main screen, not to dialogs over it."""
        return action not in ("undo", "summary") or isinstance(self.screen, MainScreen)

    def pane_bindings(self) -> Iterator[tuple[str, Binding]]:
        from workbench.tui.widgets.feedback_list import FeedbackList
        from workbench.tui.widgets.instruction_list import InstructionList
        from workbench.tui.widgets.task_list import TaskList

        for pane, cls in zip(PANES, (TaskList, InstructionList, FeedbackList), strict=True):
            for binding in cls.BINDINGS:
                if isinstance(binding, Binding):
                    yield pane, binding

    def global_bindings(self) -> Iterator[Binding]:
        for binding in [*self.BINDINGS, *MainScreen.BINDINGS]:
            if isinstance(binding, Binding) and binding.action not in ("command_palette",):
                yield binding

    def run_pane_action(self, pane: str, action: str) -> None:
        main = self.main
        if main is None:
            return
        main.action_show_pane(pane)
        widget = main.list_for(pane)
        self.call_after_refresh(self.run_action, action, widget)


CHANNEL_CHOICES = [
    (f"channel.{code}", code)
    for code in ("verbal", "written", "phone", "message", "email", "meeting")
]
KIND_CHOICES = [
    (f"feedback_kind.{code}", code) for code in ("progress", "problem", "completion", "other")
]


def run(db_path: Path, config: Config) -> None:
    """Open the workbench screen on a database (the `workbench` command without arguments)."""
    from workbench.service.backup import check_before_start
    from workbench.service.workbench import clock_from_env

    workbench = Workbench.open(db_path, config, clock_from_env())
    try:
        check_before_start(workbench)  # damage in what the first screen shows: say so now
        WorkbenchApp(workbench).run()
    finally:
        workbench.close()
