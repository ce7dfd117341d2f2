"""The workbench app: owns the service, runs every change in a worker, keeps the screen in
step with the database (its own changes at once, other windows' within half a second) and
with the clock (a task due at 15:00 turns overdue at 15:00)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.theme import Theme
from textual.widgets import Input

from workbench import collector, i18n
from workbench.config import Config
from workbench.i18n import t
from workbench.service.workbench import Workbench
from workbench.store.db import StoreError
from workbench.tui import textual_fixes
from workbench.tui.commands import TaskJumpCommands, WorkbenchCommands
from workbench.tui.flows import refusal_text, user_errors
from workbench.tui.flows.files import FileFlows
from workbench.tui.flows.instructions import InstructionFlows
from workbench.tui.flows.tasks import TaskFlows
from workbench.tui.screens.main import PANES, MainScreen

textual_fixes.apply()

POLL_SECONDS = 0.5
"""How often to look for changes made by another window or the command line."""
RELEASE_AFTER = 0.5
"""Seconds after the first frame at which start-up counts as over (see on_ready)."""

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


class WorkbenchApp(TaskFlows, InstructionFlows, FileFlows, App[None]):
    """秘書工作台."""

    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "screens/main.tcss"]
    """The main screen's styles are read with the app's: a screen's own CSS_PATH is read
    when it is first shown, and that reads and applies every stylesheet again (about
    20 ms before the first frame, measured)."""
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
        for each in THEMES:
            self.register_theme(each)
        self._start_with_theme(theme)
        self._undo: list[int] = []
        self._seen_version = -1
        self._next_change: datetime | None = None
        self._today = workbench.now().date()
        self._write_lock = threading.Lock()

    # ------------------------------------------------------------------ keys

    def _on_key(self, event: events.Key) -> None:
        """Keys typed right behind the one that opens a text field (a, /, c, f…) in one
        burst — a text expander, a fast hand — are handed to the list before the field
        has the focus, come up here unhandled, and were looked up as commands: lost, or
        worse (q quit). A printable key that reaches the app while a text field has the
        focus was typed for it, since the field itself takes every printable key it is
        given: it goes in. Any other key goes on to Textual's handler and its bindings.
        (The search field takes the focus at once for the same reason: `Widget.focus`
        would wait behind the keys already queued.)"""
        field = self.focused
        if not (event.is_printable and event.character and isinstance(field, Input)):
            return
        if field.disabled:
            return
        field.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()  # Textual's own App._on_key would run the bindings next

    # ------------------------------------------------------------------ start-up

    def _start_with_theme(self, name: str) -> None:
        """Start in our theme the way Textual starts in its default one (App.__init__):
        the stylesheet is then first built with our colours. Setting `theme` instead runs
        its watcher, which reads and applies every stylesheet a second time before the
        first frame (about 30 ms at start-up, measured). Changing the theme later goes
        through `theme` as usual."""
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())  # nothing is parsed yet
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.set_class(True, f"-theme-{name}", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)

    def get_default_screen(self) -> MainScreen:
        """The three panes are the app's first screen, not pushed over Textual's blank one:
        that one would be built, styled and laid out for nothing before the first frame."""
        return MainScreen()

    def on_mount(self) -> None:
        self.title = t("app.name")
        self._seen_version = self.workbench.store.data_version()
        self._next_change = self.workbench.next_refresh()
        self.set_interval(self._poll_seconds, self._poll)

    def on_ready(self) -> None:
        """The first frame is out: fill the other panes after the next one. (Textual
        composes its first frame inside its start-up batch and drops it; the first frame
        written is the one after, and it should not wait for the instructions.)

        Background threads start only now. One that runs Python while the first frame is
        made slows it far beyond its own work: each query the screen makes gives up the
        interpreter lock, and the thread holding it hands it back only after its 5 ms turn
        (the header's counts took 12 ms instead of 2, the briefing's imports running
        beside them)."""
        main = self.main
        if main is not None:
            self.call_after_refresh(main.load_rest)
        if self._briefing:
            self._daily_brief()
        self.set_timer(RELEASE_AFTER, self._start_up_over)

    def _start_up_over(self) -> None:
        """Start-up is over once the other panes are drawn too (see collector): collect
        once and set the rest aside, then check the file and make the day's backup."""
        collector.release(collect=True)
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
        if not self.workbench.take_daily_brief():
            return
        from workbench.domain.report_text import brief_text
        from workbench.service import reports

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

    def refresh_data(
        self, keep: dict[str, Hashable | None] | None = None, panes: tuple[str, ...] = PANES
    ) -> None:
        """Show the database as it is now; a file that has become unreadable (damaged,
        unmounted) is reported once, not every half second, and never crashes the app."""
        try:
            main = self.main
            if main is not None and main.is_mounted:
                main.refresh_all(keep, panes)
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
        panes: tuple[str, ...] = PANES,
        close: Callable[[], None] | None = None,
    ) -> None:
        """Run one change off the UI thread; then show it (reading again only `panes`)
        and say what it did. `close` shuts the box it was typed in, in the same frame."""
        self._write(change, done, keep, on_error, panes, close)

    @work(thread=True, group="write", exit_on_error=False)
    def _write(self, change, done, keep, on_error, panes, close) -> None:
        with self._write_lock:
            try:
                result = change()
            except user_errors() as err:
                message = refusal_text(err)
                self.call_from_thread(on_error or self._notify_error, message)
                return
            except Exception as err:  # a bug: its transaction was rolled back
                self.call_from_thread(self._notify_bug, "cli.error.unexpected", err, on_error)
                return
            event_id = self.workbench.last_event_id
        try:
            self.call_from_thread(self._written, result, event_id, done, keep, panes, close)
        except Exception as err:  # saved, but showing it failed: say so, never stay silent
            self.call_from_thread(self._notify_bug, "tui.error.not_shown", err, None, close)

    def _notify_error(self, message: str) -> None:
        self.notify(message, severity="error", markup=False, timeout=6)
        self.bell()

    def _notify_bug(
        self,
        key: str,
        err: Exception,
        on_error: Callable[[str], None] | None = None,
        close: Callable[[], None] | None = None,
    ) -> None:
        """A bug, not a refusal: its details go to a private file, the user gets a plain
        sentence (in the box it was typed in, if that is still open), and the screen is
        read again so it shows what is really saved."""
        from workbench.crash import write_report

        message = t(key, problem=type(err).__name__, log=write_report(err))
        (on_error or self._notify_error)(message)
        with contextlib.suppress(Exception):
            if close is not None:
                close()
            self.refresh_data()

    def _written(self, result, event_id, done, keep, panes, close=None) -> None:
        if event_id is not None:
            self._undo.append(event_id)
        if close is not None:
            close()
        self.refresh_data(keep(result) if keep else None, panes)
        if done is not None:
            # After the frame that shows the change: a toast lays the screen out again.
            self.call_after_refresh(self.notify, done(result), markup=False, timeout=3)

    # ------------------------------------------------------------------ search

    def filter_pane(self, pane: str, query: str) -> None:
        """Filter a pane as the user types, in the keystroke's own frame.

        Every term is answered by an index (trigram, or one token per character for short
        Chinese words), so counting and reading the first page take a few milliseconds
        even at 100,000 rows; a worker would only add a thread hop and a second frame."""
        main = self.main
        if main is None:
            return
        try:
            main.apply_filter(pane, query)
        except StoreError as err:
            self._notify_error(str(err))

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


def run(db_path: Path, config: Config) -> None:
    """Open the workbench screen on a database (the `workbench` command without arguments)."""
    from workbench.console import say_reindexing
    from workbench.service.backup import check_before_start
    from workbench.service.workbench import clock_from_env

    workbench = Workbench.open(db_path, config, clock_from_env(), on_reindex=say_reindexing)
    try:
        check_before_start(workbench)  # damage in what the first screen shows: say so now
        WorkbenchApp(workbench).run()
    finally:
        workbench.close()
