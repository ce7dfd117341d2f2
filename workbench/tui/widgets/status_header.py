"""The header: the day (with its weekday) and the counts that need attention."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from workbench.domain.humanize import format_date, weekday_name
from workbench.i18n import t


class StatusHeader(Widget):
    DEFAULT_CSS = """
    StatusHeader {
        height: 1;
        dock: top;
        background: $panel;
        color: $foreground;
    }
    """

    now: reactive[datetime] = reactive(datetime.now, layout=False)
    """The moment shown."""
    counts: reactive[dict[str, int]] = reactive(dict, always_update=True)
    """urgent, overdue, red, yellow, feedback_due."""

    def render(self) -> Content:
        today = self.now.date()
        parts = [
            Content.styled(f" {t('app.name')} ", "bold $accent"),
            Content(
                " " + t("tui.header.date", date=format_date(today), weekday=weekday_name(today))
            ),
        ]
        counts = self.counts
        items = [
            ("urgent", "tui.count.urgent", "$warning"),
            ("overdue", "tui.count.overdue", "$error"),
            ("red", "tui.count.red", "$error"),
            ("yellow", "tui.count.yellow", "$warning"),
            ("feedback_due", "tui.count.feedback_due", "$warning"),
        ]
        for name, key, colour in items:
            value = counts.get(name, 0)
            style = f"bold {colour}" if value else "$text-muted"
            parts.append(Content.styled(f" {t(key, count=value)} ", style))
        return Content("").join(parts)
