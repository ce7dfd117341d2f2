"""Plain-text tables and lines for the command line, aligned in terminal cells."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime

from workbench.domain.calendar import WorkCalendar
from workbench.domain.humanize import days_left_in_words, due_in_words
from workbench.domain.models import Feedback, Importance
from workbench.domain.text import cell_width, fit, one_line
from workbench.i18n import t
from workbench.service.views import InstructionView, TaskView


def terminal_width() -> int:
    """`COLUMNS`, else the terminal's width, else 100; never under 60. The rules of
    `shutil.get_terminal_size`, whose module (with the compression libraries it loads) was
    a twentieth of `workbench list`."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return max(60, columns or 100)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], flex: int) -> list[str]:
    """Columns as wide as their widest cell; column `flex` takes the rest of the line."""
    widths = [cell_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], cell_width(cell))
    fixed = sum(w for i, w in enumerate(widths) if i != flex) + 2 * (len(widths) - 1)
    widths[flex] = max(10, min(widths[flex], terminal_width() - fixed))
    lines = ["  ".join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for row in rows:
        lines.append("  ".join(fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return lines


def importance_mark(importance: Importance) -> str:
    if importance is Importance.NORMAL:
        return ""
    return t(f"importance.{importance.value}")


def task_lines(views: Sequence[TaskView], now: datetime, cal: WorkCalendar) -> list[str]:
    headers = [
        t("cli.col.id"),
        t("cli.col.quadrant"),
        t("cli.col.marks"),
        t("cli.col.due"),
        t("cli.col.title"),
        t("cli.col.urgency"),
    ]
    rows = []
    for v in views:
        task = v.task
        marks = " ".join(
            m
            for m in (t("urgent.flag") if task.urgent else "", importance_mark(task.importance))
            if m
        )
        title = one_line(task.title)
        if task.tags:
            title += " " + " ".join(f"#{tag}" for tag in task.tags)
        due = due_in_words(task.due, now, cal) if task.due is not None else ""
        status = (
            "" if task.status.value == "open" else f"[{t(f'task_status.{task.status.value}')}] "
        )
        rows.append(
            [
                str(task.id),
                t(f"quadrant.short.{v.quadrant.value}") if task.status.value == "open" else "",
                marks,
                due,
                status + title,
                f"{v.urgency:.1f}" if task.status.value == "open" else "",
            ]
        )
    return table(headers, rows, flex=4)


def instruction_lines(views: Sequence[InstructionView]) -> list[str]:
    headers = [
        t("cli.col.light"),
        t("cli.col.id"),
        t("cli.col.leader"),
        t("cli.col.content"),
        t("cli.col.deadline"),
        t("cli.col.chases"),
        t("cli.col.owner"),
    ]
    rows = []
    for v in views:
        i = v.instruction
        deadline = days_left_in_words(v.days_left) if v.days_left is not None else ""
        if v.instruction.status.is_closed:
            deadline = t(f"instr_status.{i.status.value}")
        rows.append(
            [
                t(f"light.{v.light.value}"),
                str(i.id),
                one_line(i.leader),
                one_line(i.content),
                deadline,
                str(i.chase_count) if i.chase_count else "",
                one_line(i.owner),
            ]
        )
    return table(headers, rows, flex=3)


def feedback_line(fb: Feedback) -> str:
    at = fb.at.strftime("%Y-%m-%d %H:%M") if fb.at else ""
    kind = t(f"feedback_kind.{fb.kind.value}")
    channel = t(f"channel.{fb.channel.value}")
    line = f"{at}  {channel}/{kind}  {one_line(fb.content)}"
    if fb.next_step:
        line += "  " + t("cli.next_step", step=one_line(fb.next_step))
    return line
