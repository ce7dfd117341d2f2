"""The feedback pane: what was reported to the leader, newest first (反饋記錄)."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType

from workbench.domain.models import Channel, Feedback, FeedbackKind
from workbench.i18n import t
from workbench.tui.widgets.paged_list import Cell, PagedList


def _widest(prefix: str, codes: type[StrEnum]) -> int:
    """The column width that fits every label of an enumeration in this language."""
    return max(cell_len(t(f"{prefix}.{code.value}")) for code in codes)


class FeedbackList(PagedList[Feedback]):
    """Each row: date, channel, kind, content, agreed next step."""

    COMPONENT_CLASSES: ClassVar[set[str]] = PagedList.COMPONENT_CLASSES | {
        "feedback-list--muted",
        "feedback-list--problem",
        "feedback-list--completion",
    }

    DEFAULT_CSS = """
    FeedbackList > .feedback-list--muted { color: $text-muted; }
    FeedbackList > .feedback-list--problem { color: $warning; text-style: bold; }
    FeedbackList > .feedback-list--completion { color: $success; text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,f", "screen.add_feedback", "key.add_feedback", id="feedback.add"),
        Binding("enter,e", "screen.feedback_details", "key.details", id="feedback.details"),
        Binding("r", "screen.feedback_correct", "key.correct", id="feedback.correct"),
    ]

    def render_cells(self, item: Feedback, width: int) -> list[Cell]:
        style = self.cell_style
        at = item.at.strftime("%m-%d %H:%M") if item.at else ""
        kind_class = "feedback-list--muted"
        if item.kind is FeedbackKind.PROBLEM:
            kind_class = "feedback-list--problem"
        elif item.kind is FeedbackKind.COMPLETION:
            kind_class = "feedback-list--completion"
        text = item.content
        if item.next_step:
            text += "  " + t("tui.next_step", step=item.next_step)
        return [
            Cell(at, 11, style("feedback-list--muted")),
            Cell(
                t(f"channel.{item.channel.value}"),
                _widest("channel", Channel),
                style("feedback-list--muted"),
            ),
            Cell(
                t(f"feedback_kind.{item.kind.value}"),
                _widest("feedback_kind", FeedbackKind),
                style(kind_class),
            ),
            Cell(text, None),
        ]
