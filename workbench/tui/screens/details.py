"""Details of one record: every field, the urgency explanation term by term (tasks), the
feedback and chases (instructions), and the history from the event log.

The screen dismisses with the name of a follow-up action (edit, chase, …) or None.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen

from workbench.domain.history import describe_event
from workbench.domain.humanize import deadline_in_words, describe_when
from workbench.domain.models import Event, Feedback
from workbench.domain.text import clean_text
from workbench.domain.urgency import explain_lines
from workbench.i18n import t
from workbench.service.views import InstructionView, TaskView
from workbench.service.workbench import Workbench
from workbench.tui.widgets.set_text import SetText


def _field(label_key: str, value: str) -> Content:
    return Content.assemble((t(label_key) + "  ", "$text-muted"), clean_text(value))


def _text(value: str) -> str:
    """Stored text as shown: what a hand-edited file might hold never reaches the terminal."""
    return clean_text(value, multiline=True)


def _heading(key: str) -> Content:
    return Content.styled("\n" + t(key), "bold $accent")


def _history(events: list[Event]) -> list[Content]:
    lines = [_heading("tui.details.history")]
    for event in events:
        lines.append(
            Content.assemble((f"{event.at:%Y-%m-%d %H:%M}  ", "$text-muted"), describe_event(event))
        )
    return lines


def task_details(wb: Workbench, view: TaskView) -> Content:
    task = view.task
    lines = [Content.styled(_text(task.title), "bold")]
    lines.append(_field("tui.details.status", t(f"task_status.{task.status.value}")))
    lines.append(_field("tui.preview.importance", t(f"importance.{task.importance.value}")))
    if task.urgent:
        lines.append(_field("urgency.term.urgent", t("urgent.flag")))
    if task.due is not None:
        lines.append(_field("tui.preview.due", describe_when(task.due)))
    if task.recurrence:
        from workbench.domain.humanize import describe_recurrence

        lines.append(
            _field(
                "tui.preview.repeat", describe_recurrence(task.recurrence, task.recurrence_workdays)
            )
        )
    lines.append(_field("tui.preview.category", t(f"category.{task.category.value}")))
    if task.tags:
        lines.append(_field("tui.preview.tags", " ".join(f"#{tag}" for tag in task.tags)))
    if task.instruction_id is not None:
        lines.append(
            _field("tui.details.serves", f"{view.instruction_leader or ''} #{task.instruction_id}")
        )
    if task.confidential:
        lines.append(Content.styled(t("tui.confidential_tag"), "bold $warning"))
    if task.notes:
        lines.append(_heading("tui.details.notes"))
        lines.append(Content(_text(task.notes)))
    if task.status.value == "open":
        lines.append(_heading("tui.details.urgency"))
        for line in explain_lines(wb.explain(task.id)):  # type: ignore[arg-type]
            lines.append(Content("  " + line))
    lines.extend(_history(wb.history("task", task.id)))  # type: ignore[arg-type]
    return Content("\n").join(lines)


def _feedback_lines(feedback: list[Feedback]) -> list[Content]:
    lines = [_heading("tui.details.feedback")]
    for fb in feedback:
        head = f"{fb.at:%Y-%m-%d %H:%M}  " if fb.at else ""
        head += f"{t(f'channel.{fb.channel.value}')} / {t(f'feedback_kind.{fb.kind.value}')}"
        lines.append(Content.styled(head, "$text-muted"))
        lines.append(Content("  " + _text(fb.content).replace("\n", "\n  ")))
        if fb.next_step:
            lines.append(Content("  " + t("tui.next_step", step=_text(fb.next_step))))
    if len(lines) == 1:
        lines.append(Content.styled(t("tui.empty.feedback"), "$text-muted"))
    return lines


def instruction_details(wb: Workbench, view: InstructionView) -> Content:
    instr = view.instruction
    light = Content.styled(f" {t(f'light.{view.light.value}')} ", f"reverse bold {_colour(view)}")
    lines = [Content.assemble(light, " ", (_text(instr.content), "bold"))]
    lines.append(_field("cli.col.leader", instr.leader))
    lines.append(_field("tui.details.status", t(f"instr_status.{instr.status.value}")))
    if instr.source:
        lines.append(_field("cli.col.source", instr.source))
    if instr.issued_on:
        lines.append(_field("tui.form.issued", describe_when(instr.issued_on, all_day=False)))
    if instr.deadline is not None:
        lines.append(_field("cli.col.deadline", deadline_in_words(instr.deadline, view.days_left)))
    if instr.extensions:
        assert instr.original_deadline is not None
        original = describe_when(instr.original_deadline, all_day=False)
        lines.append(_field("cli.col.original_deadline", original))
        for ext in instr.extensions:
            lines.append(
                Content(
                    "  "
                    + t(
                        "tui.details.extension",
                        new=describe_when(ext.new, all_day=False),
                        reason=_text(ext.reason),
                    )
                )
            )
    if instr.owner:
        lines.append(_field("cli.col.owner", instr.owner))
    if instr.co_handlers:
        lines.append(_field("tui.form.co", instr.co_handlers))
    if instr.feedback_interval:
        lines.append(
            _field("tui.form.interval", t("tui.details.every_days", days=instr.feedback_interval))
        )
    if view.tasks_total:
        lines.append(_field("tui.details.tasks", f"{view.tasks_done}/{view.tasks_total}"))
    if instr.chases:
        last = instr.chases[-1]
        lines.append(
            _field(
                "cli.col.chases",
                t(
                    "tui.details.chases",
                    count=instr.chase_count,
                    level=t(f"chase_level.{last.level.value}"),
                ),
            )
        )
    if instr.closing_note:
        lines.append(_field("tui.details.closing_note", instr.closing_note))
    if instr.confidential:
        lines.append(Content.styled(t("tui.confidential_tag"), "bold $warning"))
    lines.extend(_feedback_lines(wb.feedback_of(instr.id)))  # type: ignore[arg-type]
    lines.extend(_history(wb.history("instruction", instr.id)))  # type: ignore[arg-type]
    return Content("\n").join(lines)


def _colour(view: InstructionView) -> str:
    return {"red": "$error", "yellow": "$warning", "green": "$success"}.get(
        view.light.value, "$text-muted"
    )


class DetailsScreen(ModalScreen[str | None]):
    """A scrollable page about one record."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss_none", "key.back", id="details.back"),
        Binding("e", "follow('edit')", "key.edit", id="details.edit"),
    ]

    DEFAULT_CSS = """
    DetailsScreen { align: center middle; }
    DetailsScreen > #details {
        width: 90%; max-width: 110; height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    DetailsScreen #details-body { height: auto; }
    """

    def __init__(self, body: Content) -> None:
        super().__init__()
        self._body = body

    def compose(self) -> ComposeResult:
        from workbench.tui.widgets.keybar import KeyBar

        with Vertical(id="details"), VerticalScroll():
            yield SetText(self._body, id="details-body")
        yield KeyBar()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def action_follow(self, action: str) -> None:
        self.dismiss(action)


class TaskDetailsScreen(DetailsScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "follow('done')", "key.done", id="details.done"),
        Binding("s", "follow('postpone')", "key.postpone", id="details.postpone"),
        Binding("r", "follow('stop_repeating')", "key.stop_repeating", id="details.stop"),
    ]

    def __init__(self, body: Content, repeats: bool = False) -> None:
        super().__init__(body)
        self.repeats = repeats

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """r is offered only for a repeating task: the edit line cannot end a repetition."""
        if action == "follow" and parameters and parameters[0] == "stop_repeating":
            return self.repeats
        return True


class InstructionDetailsScreen(DetailsScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "follow('chase')", "key.chase", id="details.chase"),
        Binding("f", "follow('feedback')", "key.feedback", id="details.feedback"),
        Binding("E", "follow('extend')", "key.extend", id="details.extend"),
        Binding("x", "follow('close')", "key.close", id="details.close"),
        Binding("t", "follow('task')", "key.split", id="details.task"),
        Binding("X", "follow('cancel')", "key.withdraw", id="details.cancel"),
        Binding("r", "follow('reopen')", "key.reopen", id="details.reopen"),
    ]

    def __init__(self, body: Content, closed: bool) -> None:
        super().__init__(body)
        self.closed = closed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "follow" and parameters:
            if parameters[0] == "reopen":
                return self.closed
            if parameters[0] in ("chase", "extend", "close", "task", "cancel"):
                return not self.closed
        return True
