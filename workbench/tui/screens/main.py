"""The one main screen: to-do on the left, instructions and their feedback on the right.

Below 100 columns the panes become tabs (one visible at a time, 1 2 3 or Tab to switch)
so nothing is cut off at 80×24.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from workbench.domain.text import one_line
from workbench.i18n import t
from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter
from workbench.tui.frames import draw_together
from workbench.tui.sources import FeedbackSource, InstructionSource, TaskSource
from workbench.tui.widgets.clean_input import CleanInput
from workbench.tui.widgets.feedback_list import FeedbackList
from workbench.tui.widgets.instruction_list import InstructionList
from workbench.tui.widgets.keybar import KeyBar
from workbench.tui.widgets.paged_list import PagedList, Source
from workbench.tui.widgets.pane import Pane
from workbench.tui.widgets.status_header import StatusHeader
from workbench.tui.widgets.task_list import TaskList

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

PANES = ("tasks", "instructions", "feedback")
NARROW = 100
"""Below this many columns the panes become tabs."""


class MainScreen(Screen[None]):
    """The three panes. Its styles (main.tcss) are loaded by the app, with its own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show_pane('tasks')", "key.pane_tasks", show=False, id="pane.tasks"),
        Binding(
            "2",
            "show_pane('instructions')",
            "key.pane_instructions",
            show=False,
            id="pane.instructions",
        ),
        Binding("3", "show_pane('feedback')", "key.pane_feedback", show=False, id="pane.feedback"),
        Binding("slash", "search", "key.search", id="search"),
        Binding("escape", "clear_search", "key.clear_search", show=False, id="clear_search"),
    ]

    _titles: dict[str, Content]
    """Border titles as last set, so unchanged ones are not set again."""

    pane: reactive[str] = reactive("tasks")
    """The pane with the keyboard (and, on a narrow terminal, the one shown)."""
    narrow: reactive[bool] = reactive(False)
    """True below NARROW columns: one pane at a time."""

    @property
    def wb_app(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        self._titles = {}
        yield StatusHeader(id="status")
        yield Static(id="tabs")
        with Horizontal(id="panes"):
            # Born in the state the watchers would set (the to-do pane active, the screen
            # wide): a class changed after mounting restyles the pane's whole subtree,
            # before the first frame (15 ms of it under the profiler).
            with Pane(id="tasks-pane", classes="pane -active"):
                yield TaskList(id="tasks")
            with Vertical(id="right"):
                with Pane(id="instructions-pane", classes="pane"):
                    yield InstructionList(id="instructions")
                with Pane(id="feedback-pane", classes="pane"):
                    yield FeedbackList(id="feedback")
        search = CleanInput(id="search", compact=True)
        search.display = False
        yield search
        yield KeyBar()

    # ------------------------------------------------------------------ set-up

    def on_mount(self) -> None:
        """The first frame shows the to-do list; the instructions and their feedback are
        read right after it (the app calls `load_rest`), so the start does not wait for
        them."""
        wb = self.wb_app.workbench
        self.tasks.calendar = wb.calendar
        self._set_source("tasks", TaskSource(wb, TaskFilter()), load=False)
        self._set_source("instructions", InstructionSource(wb, InstructionFilter()), load=False)
        self.tasks.focus()
        self.refresh_all(panes=("tasks",))

    def load_rest(self) -> None:
        """The instructions and the feedback of the highlighted one."""
        self.refresh_all(panes=("instructions",))
        self._follow_instruction()
        self._update_titles()

    @property
    def tasks(self) -> TaskList:
        return self.query_one("#tasks", TaskList)

    @property
    def instructions(self) -> InstructionList:
        return self.query_one("#instructions", InstructionList)

    @property
    def feedback(self) -> FeedbackList:
        return self.query_one("#feedback", FeedbackList)

    def list_for(self, pane: str) -> PagedList:
        return self.query_one(f"#{pane}", PagedList)

    # ------------------------------------------------------------------ refreshing

    def refresh_all(
        self,
        keep: dict[str, Hashable | None] | None = None,
        panes: tuple[str, ...] = PANES,
    ) -> None:
        """Read again what may have changed (after a change here or elsewhere), keeping
        each cursor on its row, or on the given keys. Only `panes` are read: a task's
        change leaves the instructions as they were."""
        keep = keep or {}
        wb = self.wb_app.workbench
        now = wb.now()
        self.tasks.now = now
        header = self.query_one(StatusHeader)
        header.now = now
        header.counts = wb.attention()
        for pane in panes:
            widget = self.list_for(pane)
            widget.reload(keep.get(pane, widget.current_key))
        self._update_titles()
        self._draw_together()

    def _draw_together(self) -> None:
        """The header, the lists and their titles, changed by one key or one refresh,
        reach the screen in one frame (see draw_together)."""
        draw_together([
            self.query_one(StatusHeader),
            *(self.list_for(pane) for pane in PANES),
            *(self.query_one(f"#{pane}-pane") for pane in PANES),
        ])  # fmt: skip

    def relabel(self) -> None:
        """The language changed: redraw every text."""
        for pane in PANES:
            self.list_for(pane).empty_text = self._empty_text(pane)
            self.list_for(pane).invalidate()
        self.query_one(StatusHeader).refresh()
        self._follow_instruction()
        self._update_titles()
        self.refresh_bindings()

    def _update_titles(self) -> None:
        for pane in PANES:
            widget = self.list_for(pane)
            box = self.query_one(f"#{pane}-pane", Pane)
            title = Content.assemble(
                (t(f"tui.pane.{pane}"), "bold"), (t("tui.pane.count", count=widget.row_count), "")
            )
            query = self.filter_query(pane)
            if query:
                title = title + Content(" · ") + Content(t("tui.searching", query=query))
            if pane == "feedback":
                current = self.instructions.current
                if current is not None:
                    about = one_line(current.instruction.content)
                    title = title + Content(" · ") + Content(about[:30])
            # Setting a title repaints its border line, changed or not.
            if self._titles.get(pane) != title:
                self._titles[pane] = title
                box.set_title(title)
        self._update_tabs()

    def _update_tabs(self) -> None:
        """The tab line of a narrow screen (hidden by the stylesheet on a wide one)."""
        if not self.narrow:
            return
        parts = []
        for number, pane in enumerate(PANES, 1):
            label = f" {number} {t(f'tui.pane.{pane}')} "
            style = "reverse bold" if pane == self.pane else "$text-muted"
            parts.append(Content.styled(label, style))
        self.query_one("#tabs", Static).update(Content(" ").join(parts))

    def filter_query(self, pane: str) -> str:
        source = self.list_for(pane).source
        flt = getattr(source, "filter", None)
        return getattr(flt, "query", "") if flt is not None else ""

    def _empty_text(self, pane: str) -> str:
        """What a pane with no rows says, from what it shows: no instruction chosen (the
        feedback pane), a search that found nothing, or nothing yet. Asked again whenever
        the pane's rows or the language change, so that it never says the wrong one."""
        flt = getattr(self.list_for(pane).source, "filter", None)
        if pane == "feedback" and getattr(flt, "instruction_id", -1) in (None, -1):
            return t("tui.empty.no_instruction")
        if getattr(flt, "query", ""):
            return t("tui.empty.search")
        return t(f"tui.empty.{pane}")

    def _set_source(self, pane: str, source: Source[Any], *, load: bool = True) -> None:
        widget = self.list_for(pane)
        widget.set_source(source, load=load)
        widget.empty_text = self._empty_text(pane)

    # ------------------------------------------------------------------ panes

    def on_resize(self) -> None:
        self.narrow = self.size.width < NARROW

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")
        self._show_active_pane()
        self._update_tabs()

    def watch_pane(self, pane: str) -> None:
        self._show_active_pane()
        self._update_tabs()

    def _show_active_pane(self) -> None:
        for name in PANES:
            self.query_one(f"#{name}-pane").set_class(name == self.pane, "-active")
        right_active = self.pane in ("instructions", "feedback")
        self.query_one("#right").set_class(right_active, "-active")

    @on(PagedList.Highlighted)
    def _highlighted(self, event: PagedList.Highlighted) -> None:
        if event.control is self.instructions:
            self._follow_instruction()
            self._update_titles()

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, PagedList) and widget.id in PANES:
            self.pane = widget.id

    def _follow_instruction(self) -> None:
        """The feedback pane shows the reports of the highlighted instruction."""
        current = self.instructions.current
        instruction_id = current.instruction.id if current is not None else None
        source = self.feedback.source
        query = self.filter_query("feedback")
        if isinstance(source, FeedbackSource) and source.filter.instruction_id == instruction_id:
            return
        flt = FeedbackFilter(instruction_id=instruction_id, query=query)
        if instruction_id is None:
            flt = FeedbackFilter(instruction_id=-1)
        self._set_source("feedback", FeedbackSource(self.wb_app.workbench, flt))

    def action_show_pane(self, pane: str) -> None:
        self.pane = pane
        self.list_for(pane).focus()

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        """/ : filter the focused list as you type."""
        search = self.query_one("#search", Input)
        search.placeholder = t("tui.search.placeholder", pane=t(f"tui.pane.{self.pane}"))
        search.value = self.filter_query(self.pane)
        search.display = True
        self.set_focus(search)  # now: keys typed behind the / are already on their way

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != self.filter_query(self.pane):  # Escape has already cleared it
            self.wb_app.filter_pane(self.pane, event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#search", Input).display = False
        self.list_for(self.pane).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        had_query = bool(self.filter_query(self.pane))
        search.value = ""
        search.display = False
        if had_query:
            self.wb_app.filter_pane(self.pane, "")
        self.list_for(self.pane).focus()

    def apply_filter(self, pane: str, query: str) -> None:
        """Show the rows matching `query` in a pane (called when the search is ready)."""
        wb = self.wb_app.workbench
        if pane == "tasks":
            self._set_source(pane, TaskSource(wb, TaskFilter(query=query)))
        elif pane == "instructions":
            self._set_source(pane, InstructionSource(wb, InstructionFilter(query=query)))
            self._follow_instruction()
        else:
            source = self.feedback.source
            iid = source.filter.instruction_id if isinstance(source, FeedbackSource) else -1
            flt = FeedbackFilter(instruction_id=iid, query=query)
            self._set_source(pane, FeedbackSource(wb, flt))
        self._update_titles()
        self._draw_together()

    # ------------------------------------------------------------------ actions

    _TASK_ROW_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {
            "task_details",
            "task_done",
            "task_urgent",
            "task_importance",
            "task_postpone",
            "task_delete",
        }
    )
    _OPEN_INSTRUCTION_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {
            "instruction_chase",
            "instruction_close",
            "instruction_extend",
            "instruction_task",
            "instruction_cancel",
        }
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that do not apply to the highlighted row."""
        if action in self._TASK_ROW_ACTIONS:
            return self.tasks.current is not None or None
        if action in self._OPEN_INSTRUCTION_ACTIONS:
            current = self.instructions.current
            return (current is not None and not current.instruction.status.is_closed) or None
        if action in ("instruction_details", "instruction_delete", "add_feedback"):
            return self.instructions.current is not None or None
        if action in ("feedback_details", "feedback_correct"):
            return self.feedback.current is not None or None
        return True

    def _highlighted_task(self):
        current = self.tasks.current
        return current.task if current is not None else None

    def _highlighted_instruction(self):
        current = self.instructions.current
        return current.instruction if current is not None else None

    def action_add_task(self) -> None:
        self.wb_app.add_task()

    def action_task_details(self) -> None:
        if task := self._highlighted_task():
            self.wb_app.show_task(task.id)

    def action_task_done(self) -> None:
        if task := self._highlighted_task():
            self.wb_app.complete_task(task.id)

    def action_task_urgent(self) -> None:
        if task := self._highlighted_task():
            self.wb_app.toggle_urgent(task.id)

    def action_task_importance(self, step: int) -> None:
        if task := self._highlighted_task():
            self.wb_app.change_importance(task.id, step)

    def action_task_postpone(self) -> None:
        if task := self._highlighted_task():
            self.wb_app.postpone_task(task.id)

    def action_task_delete(self) -> None:
        if task := self._highlighted_task():
            self.wb_app.delete_task(task.id)

    def action_add_instruction(self) -> None:
        self.wb_app.add_instruction()

    def action_instruction_details(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.show_instruction(instr.id)

    def action_instruction_chase(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.chase(instr.id)

    def action_instruction_close(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.close_instruction(instr.id)

    def action_instruction_extend(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.extend(instr.id)

    def action_instruction_delete(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.delete_instruction(instr.id)

    def action_instruction_task(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.add_task(instruction_id=instr.id)

    def action_instruction_cancel(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.cancel_instruction(instr.id)

    def action_feedback_correct(self) -> None:
        current = self.feedback.current
        if current is not None and current.id is not None:
            self.wb_app.correct_feedback(current.id)

    def action_add_feedback(self) -> None:
        if instr := self._highlighted_instruction():
            self.wb_app.add_feedback(instr.id)

    def action_feedback_details(self) -> None:
        current = self.feedback.current
        if current is not None and current.instruction_id is not None:
            self.wb_app.show_instruction(current.instruction_id)
