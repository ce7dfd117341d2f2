"""Flows of the to-do pane: quick-add, triage keys, editing, details."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.domain.humanize import describe_when
from workbench.i18n import t
from workbench.tui.flows import FlowBase, about_instruction, short, user_errors

if TYPE_CHECKING:
    from workbench.domain.quickadd import QuickAdd
    from workbench.tui.screens.quick_add import QuickAddScreen


TASKS = ("tasks",)
"""Panes a task's own change can alter."""
BOTH = ("tasks", "instructions")
"""Completing or deleting a task also moves the progress of the instruction it serves."""


def _keep(view: Any) -> dict[str, Any]:
    """After a change the cursor follows the task to its new place."""
    return {"tasks": view.task.id}


class TaskFlows(FlowBase):
    def add_task(self, instruction_id: int | None = None) -> None:
        """a (or t on an instruction): quick-add with a live preview."""
        from workbench.tui.screens.quick_add import QuickAddScreen

        def save(quick: QuickAdd, screen: QuickAddScreen) -> None:
            self.perform(
                lambda: self.workbench.add_task(quick=quick, instruction_id=instruction_id),
                done=lambda v: t("tui.done.added", title=short(v.task.title)),
                keep=_keep,
                on_error=screen.refused,
                close=screen.saved,
                # A task serving an instruction changes its progress in that pane too.
                panes=TASKS if instruction_id is None else ("tasks", "instructions"),
            )

        if instruction_id is None:
            self.push_screen(QuickAddScreen(self.workbench.preview, save))
            return
        # Which instruction the task will serve, and the deadline it takes when none is typed.
        instr = self.workbench.instruction_view(instruction_id).instruction
        about = about_instruction(instr)
        if instr.deadline is not None:
            when = describe_when(instr.deadline, all_day=False)
            about += "\n" + t("tui.quick_add.default_due", deadline=when)
        self.push_screen(
            QuickAddScreen(
                self.workbench.preview, save, title_key="tui.quick_add.for_instruction",
                subtitle=about,
            )
        )  # fmt: skip

    def complete_task(self, task_id: int) -> None:
        def done(result: Any) -> str:
            view, successor = result
            text = t("tui.done.done", title=short(view.task.title))
            if successor is not None and successor.task.due is not None:
                text += " " + t("tui.done.next", due=describe_when(successor.task.due))
            return text

        self.perform(lambda: self.workbench.complete_task(task_id), done=done, panes=BOTH)

    def toggle_urgent(self, task_id: int) -> None:
        self.perform(
            lambda: self.workbench.toggle_urgent(task_id),
            done=lambda v: t(
                "tui.done.urgent_on" if v.task.urgent else "tui.done.urgent_off",
                title=short(v.task.title),
            ),
            keep=_keep,
            panes=TASKS,
        )

    def change_importance(self, task_id: int, step: int) -> None:
        self.perform(
            lambda: self.workbench.change_importance(task_id, step),
            done=lambda v: t(
                "tui.done.importance",
                title=short(v.task.title),
                importance=t(f"importance.{v.task.importance.value}"),
            ),
            keep=_keep,
            panes=TASKS,
        )

    def postpone_task(self, task_id: int) -> None:
        from workbench.domain.humanize import due_in_words

        def done(view: Any) -> str:
            due = due_in_words(view.task.due, self.workbench.now(), self.workbench.calendar)
            return t("tui.done.postponed", title=short(view.task.title), due=due)

        self.perform(
            lambda: self.workbench.postpone_task(task_id), done=done, keep=_keep, panes=TASKS
        )

    def delete_task(self, task_id: int) -> None:
        self.perform(
            lambda: self.workbench.delete_task(task_id),
            done=lambda v: t("tui.done.deleted", title=short(v.task.title)),
            panes=BOTH,
        )

    def edit_task(self, task_id: int) -> None:
        """The task written back as a quick-add line, edited with the same preview."""
        from workbench.tui.quick_text import task_as_quick_add
        from workbench.tui.screens.quick_add import QuickAddScreen

        task = self.workbench.task_view(task_id).task
        text = task_as_quick_add(task, self.workbench.preview)

        def save(quick: QuickAdd, screen: QuickAddScreen) -> None:
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
                done=lambda v: t("tui.done.edited", title=short(v.task.title)),
                keep=_keep,
                on_error=screen.refused,
                close=screen.saved,
                panes=TASKS,
            )

        kept = ""
        if task.recurrence:
            from workbench.domain.humanize import describe_recurrence

            rule = describe_recurrence(task.recurrence, task.recurrence_workdays)
            kept = t("tui.edit_task.repeats", rule=rule)
        self.push_screen(
            QuickAddScreen(
                self.workbench.preview,
                save,
                initial=text,
                title_key="tui.edit_task.title",
                subtitle=kept,
            )
        )

    def show_task(self, task_id: int) -> None:
        from workbench.tui.screens.details import TaskDetailsScreen, task_details

        try:
            view = self.workbench.task_view(task_id)
        except user_errors() as err:
            self._notify_error(str(err))  # type: ignore[attr-defined]
            return
        follow_ups = {
            "edit": self.edit_task,
            "done": self.complete_task,
            "postpone": self.postpone_task,
            "stop_repeating": self.stop_repeating,
        }

        def follow(action: str | None) -> None:
            if action in follow_ups:
                follow_ups[action](task_id)

        body = task_details(self.workbench, view)
        self.push_screen(TaskDetailsScreen(body, repeats=bool(view.task.recurrence)), follow)

    def stop_repeating(self, task_id: int) -> None:
        """The task stays, due when it is; completing it makes no next one. Undo restores
        the repetition."""
        def change() -> Any:
            fields: dict[str, Any] = {"recurrence": None}
            if self.workbench.task_view(task_id).task.recurrence_workdays:
                fields["recurrence_workdays"] = False  # or a later repetition would inherit it
            return self.workbench.edit_task(task_id, **fields)

        self.perform(
            change,
            done=lambda v: t("tui.done.stopped_repeating", title=short(v.task.title)),
            keep=_keep,
            panes=TASKS,
        )

    def reveal_task(self, task_id: int) -> None:
        """Jump to a task in the to-do list (clearing a filter that hides it)."""
        main = self.main  # type: ignore[attr-defined]
        if main is None:
            return
        if main.tasks.source is not None and main.filter_query("tasks"):
            main.apply_filter("tasks", "")
        main.tasks.reload(task_id)
        main.action_show_pane("tasks")
