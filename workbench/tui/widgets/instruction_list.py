"""The instruction pane: leader instructions with their light (督查督辦)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import ClassVar

from textual.binding import Binding, BindingType

from workbench.domain.humanize import format_date_short, whole_years
from workbench.domain.models import ChaseLevel, Light
from workbench.i18n import t
from workbench.service.views import InstructionView
from workbench.tui.widgets.paged_list import Cell, PagedList

_LIGHT_CLASS = {
    Light.RED: "instruction-list--red",
    Light.YELLOW: "instruction-list--yellow",
    Light.GREEN: "instruction-list--green",
    Light.GREY: "instruction-list--grey",
}
_CHASE_CLASS = {
    ChaseLevel.REMIND: "instruction-list--remind",
    ChaseLevel.WARN: "instruction-list--warn",
    ChaseLevel.SEVERE: "instruction-list--severe",
}


def days_left_short(days: int, deadline: date) -> str:
    """Time left in at most nine cells: 還剩3天 / 今天到期 / 逾期12天 / 逾期6年; 3d left /
    12d late / 6y late. A year or more is said in whole years, as the to-do list says it."""
    if abs(days) >= 365:
        today = deadline - timedelta(days=days)
        if days > 0:
            return t("tui.left.years", years=whole_years(today, deadline))
        return t("tui.left.late_years", years=whole_years(deadline, today))
    if days > 0:
        return t("tui.left.days", days=days)
    if days == 0:
        return t("tui.left.today")
    return t("tui.left.late", days=-days)


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


class InstructionList(PagedList[InstructionView]):
    """Each row: light (colour and word), leader, content, time left, chases, owner."""

    COMPONENT_CLASSES: ClassVar[set[str]] = PagedList.COMPONENT_CLASSES | {
        "instruction-list--red",
        "instruction-list--yellow",
        "instruction-list--green",
        "instruction-list--grey",
        "instruction-list--remind",
        "instruction-list--warn",
        "instruction-list--severe",
        "instruction-list--muted",
        "instruction-list--leader",
    }

    DEFAULT_CSS = """
    InstructionList > .instruction-list--red { background: $error; color: $text; text-style: bold; }
    InstructionList > .instruction-list--yellow {
        background: $warning; color: black; text-style: bold;
    }
    InstructionList > .instruction-list--green { background: $success; color: black; }
    InstructionList > .instruction-list--grey { color: $text-muted; }
    InstructionList > .instruction-list--remind { color: $primary; }
    InstructionList > .instruction-list--warn { color: $warning; text-style: bold; }
    InstructionList > .instruction-list--severe { color: $error; text-style: bold; }
    InstructionList > .instruction-list--muted { color: $text-muted; }
    InstructionList > .instruction-list--leader { text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "screen.add_instruction", "key.add_instruction", id="instruction.add"),
        Binding("enter,e", "screen.instruction_details", "key.details", id="instruction.details"),
        Binding("c", "screen.instruction_chase", "key.chase", id="instruction.chase"),
        Binding("f", "screen.add_feedback", "key.feedback", id="instruction.feedback"),
        Binding("x", "screen.instruction_close", "key.close", id="instruction.close"),
        Binding("E", "screen.instruction_extend", "key.extend", id="instruction.extend"),
        Binding("t", "screen.instruction_task", "key.split", id="instruction.task"),
        Binding("X", "screen.instruction_cancel", "key.withdraw", id="instruction.cancel"),
        Binding("d", "screen.instruction_delete", "key.delete", id="instruction.delete"),
    ]

    def render_cells(self, item: InstructionView, width: int) -> list[Cell]:
        instr = item.instruction
        style = self.cell_style
        light = t(f"light.short.{item.light.value}")
        cells = [Cell(light, 2, style(_LIGHT_CLASS[item.light]), align="right")]
        cells.append(Cell(instr.leader, 8, style("instruction-list--leader")))
        content = instr.content
        if instr.confidential:
            content = f"{t('tui.confidential_tag')} {content}"
        cells.append(Cell(content, None))
        if width >= 64:
            deadline = format_date_short(_day(instr.deadline)) if instr.deadline else ""
            cells.append(Cell(deadline, 8, style("instruction-list--muted")))
        if instr.status.is_closed:
            when = t(f"instr_status.{instr.status.value}")
        elif item.feedback_due and not (item.days_left is not None and item.days_left <= 0):
            when = t("tui.left.feedback_due")
        elif item.days_left is not None and instr.deadline is not None:
            when = days_left_short(item.days_left, _day(instr.deadline))
        else:
            when = ""
        when_class = "instruction-list--muted"
        if item.light is Light.RED:
            when_class = "instruction-list--severe"
        elif item.light is Light.YELLOW:
            when_class = "instruction-list--warn"
        cells.append(Cell(when, 9, style(when_class)))
        chase = ""
        chase_class = "instruction-list--muted"
        if instr.chase_count and item.chase_level is not None:
            chase = t("tui.chases", count=instr.chase_count)
            chase_class = _CHASE_CLASS[item.chase_level]
        cells.append(Cell(chase, 5, style(chase_class)))
        if width >= 76:
            cells.append(Cell(instr.owner, 8, style("instruction-list--muted")))
        return cells
