"""The to-do pane: tasks in urgency order (輕重緩急)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType

from workbench.domain.calendar import WorkCalendar
from workbench.domain.humanize import due_in_words
from workbench.domain.models import Importance, Quadrant, TaskStatus, deadline_instant
from workbench.i18n import t
from workbench.service.views import TaskView
from workbench.tui.widgets.paged_list import Cell, PagedList

_QUADRANT_CLASS = {
    Quadrant.IMPORTANT_URGENT: "task-list--q1",
    Quadrant.IMPORTANT: "task-list--q2",
    Quadrant.URGENT: "task-list--q3",
    Quadrant.NEITHER: "task-list--q4",
}


class TaskList(PagedList[TaskView]):
    """Each row: quadrant, 急 and importance marks, due in words, title, score."""

    COMPONENT_CLASSES: ClassVar[set[str]] = PagedList.COMPONENT_CLASSES | {
        "task-list--q1",
        "task-list--q2",
        "task-list--q3",
        "task-list--q4",
        "task-list--urgent",
        "task-list--high",
        "task-list--low",
        "task-list--overdue",
        "task-list--today",
        "task-list--muted",
    }

    DEFAULT_CSS = """
    TaskList > .task-list--q1 { color: $error; text-style: bold; }
    TaskList > .task-list--q2 { color: $accent; text-style: bold; }
    TaskList > .task-list--q3 { color: $warning; }
    TaskList > .task-list--q4 { color: $text-muted; }
    TaskList > .task-list--urgent { color: $error; text-style: bold; }
    TaskList > .task-list--high { color: $accent; text-style: bold; }
    TaskList > .task-list--low { color: $text-muted; }
    TaskList > .task-list--overdue { color: $error; text-style: bold; }
    TaskList > .task-list--today { color: $warning; }
    TaskList > .task-list--muted { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "screen.add_task", "key.add_task", id="task.add"),
        Binding("enter,e", "screen.task_details", "key.details", id="task.details"),
        Binding("space", "screen.task_done", "key.done", id="task.done"),
        Binding("exclamation_mark", "screen.task_urgent", "key.urgent", id="task.urgent"),
        Binding("plus", "screen.task_importance(1)", "key.importance_up", id="task.importance_up"),
        Binding(
            "minus", "screen.task_importance(-1)", "key.importance_down", id="task.importance_down"
        ),
        Binding("s", "screen.task_postpone", "key.postpone", id="task.postpone"),
        Binding("d", "screen.task_delete", "key.delete", id="task.delete"),
    ]

    _now: datetime = datetime.now().replace(second=0, microsecond=0)
    calendar: WorkCalendar | None = None

    @property
    def now(self) -> datetime:
        """The minute rows are worded for (逾期3分鐘, 今天 15:00); the screen sets it on
        every refresh. Whole minutes, as deadlines are: a task due at 15:00 shows overdue
        from 15:00, and rows drawn earlier in the same minute can be kept."""
        return self._now

    @now.setter
    def now(self, value: datetime) -> None:
        self._now = value.replace(second=0, microsecond=0)

    def row_context(self) -> datetime:
        return self._now

    def render_cells(self, item: TaskView, width: int) -> list[Cell]:
        task = item.task
        style = self.cell_style
        open_ = task.status is TaskStatus.OPEN
        quadrant = t(f"quadrant.short.{item.quadrant.value}") if open_ else ""
        cells = [Cell(quadrant, 4, style(_QUADRANT_CLASS[item.quadrant]))]
        cells.append(Cell(t("urgent.short") if task.urgent else "", 2, style("task-list--urgent")))
        mark, mark_class = "", "task-list--muted"
        if task.importance is Importance.HIGH:
            mark, mark_class = t("importance.short.high"), "task-list--high"
        elif task.importance is Importance.LOW:
            mark, mark_class = t("importance.short.low"), "task-list--low"
        cells.append(Cell(mark, 2, style(mark_class)))
        due_text, due_class = "", "task-list--muted"
        if task.due is not None:
            due_text = due_in_words(task.due, self.now, self.calendar)
            day = task.due.date() if isinstance(task.due, datetime) else task.due
            if open_ and self.now >= deadline_instant(task.due):
                due_class = "task-list--overdue"
            elif open_ and day == self.now.date():
                due_class = "task-list--today"
        cells.append(Cell(due_text, 12, style(due_class)))
        title = task.title
        if task.confidential:
            title = f"{t('tui.confidential_tag')} {title}"
        if task.tags:
            title += "  " + " ".join(f"#{tag}" for tag in task.tags)
        if not open_:
            title = f"{t(f'task_status.{task.status.value}')}  {title}"
        cells.append(Cell(title, None, style("task-list--muted") if not open_ else None))
        if width >= 90:
            leader = item.instruction_leader or ""
            cells.append(Cell(leader, 8, style("task-list--high")))
        cells.append(
            Cell(
                f"{item.urgency:.1f}" if open_ else "", 5, style("task-list--muted"), align="right"
            )
        )
        return cells
