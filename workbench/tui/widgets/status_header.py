"""The header: the day (with its weekday) and the counts that need attention."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from workbench.domain.humanize import format_date, format_date_short, weekday_name
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
        """Everything that fits: the counts first, then the date, then the app's name."""
        today = self.now.date()
        counts = self.counts
        items = [
            ("urgent", "tui.count.urgent", "$warning"),
            ("overdue", "tui.count.overdue", "$error"),
            ("red", "tui.count.red", "$error"),
            ("yellow", "tui.count.yellow", "$warning"),
            ("feedback_due", "tui.count.feedback_due", "$warning"),
        ]
        width = self.size.width or 200
        name = Content.styled(f" {t('app.name')} ", "bold $accent")
        for hide_zero, long_date, with_name in (
            (False, True, True),
            (False, True, False),
            (True, True, False),
            (True, False, False),
        ):
            parts = [name] if with_name else []
            day = format_date(today) if long_date else format_date_short(today)
            parts.append(Content(" " + t("tui.header.date", date=day,
                                         weekday=weekday_name(today)) + " "))  # fmt: skip
            for key, label, colour in items:
                value = counts.get(key, 0)
                if hide_zero and not value:
                    continue
                style = f"bold {colour}" if value else "$text-muted"
                parts.append(Content.styled(f" {t(label, count=value)} ", style))
            line = Content("").join(parts)
            if line.cell_length <= width:
                return line
        return line
