"""The summary screen (S): pick the report, the period and the leader with keys, read it,
then copy it (y) or save it (w).

Beside the report, a small picture of the period: instructions by light and tasks done
per day, drawn with coloured blank cells rather than block glyphs (which are
ambiguous-width and misalign in CJK terminals).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Markdown, Static
from textual.worker import get_current_worker

from workbench.domain.humanize import format_date_short, weekday_name
from workbench.domain.models import Light
from workbench.domain.summary import Period
from workbench.i18n import t
from workbench.service.reports import FILE_FORMATS, ReportRequest
from workbench.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

KINDS = ("summary", "instruction", "ledger")
PERIODS = ("week", "last_week", "month", "last_month")
LIGHT_STYLES = {
    Light.RED: "on $error",
    Light.YELLOW: "on $warning",
    Light.GREEN: "on $success",
    Light.GREY: "on $panel-lighten-2",
}
BAR = 24
"""Cells of the longest bar."""
DAYS_SHOWN = 14
"""The picture's last days (up to today)."""


@dataclass(frozen=True)
class Choice:
    """What the screen shows; every key changes one field."""

    kind: str = "summary"
    period: str = "month"
    shift: int = 0
    """Periods before (negative) or after the chosen one."""
    leader: str | None = None
    fmt: str = "md"
    include_confidential: bool = False


def _period(choice: Choice, today: date) -> Period:
    base = {
        "week": Period.this_week,
        "last_week": Period.last_week,
        "month": Period.this_month,
        "last_month": Period.last_month,
    }[choice.period](today)
    for _ in range(abs(choice.shift)):
        base = base.previous() if choice.shift < 0 else base.following()
    return base


def bars(values: list[tuple[str, int, str]], width: int = BAR) -> Content:
    """Label, a bar of coloured blank cells, the number."""
    top = max((v for _, v, _ in values), default=0) or 1
    lines = []
    for label, value, style in values:
        size = round(width * value / top) if value else 0
        lines.append(
            Content.assemble(f"{label} ", (" " * size, style), " " * (width - size + 1), str(value))
        )
    return Content("\n").join(lines)


class SummaryScreen(Screen[None]):
    CSS = """
    SummaryScreen #choices { height: auto; padding: 0 1; background: $panel; }
    SummaryScreen #body { height: 1fr; }
    SummaryScreen #report { width: 2fr; border: round $panel-lighten-2; }
    SummaryScreen #picture { width: 1fr; min-width: 36; border: round $panel-lighten-2;
                             padding: 0 1; }
    SummaryScreen.-narrow #picture { display: none; }
    SummaryScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy", "key.copy", id="summary.copy"),
        Binding("w", "write", "key.write", id="summary.write"),
        Binding("k", "next_kind", "key.report_kind", id="summary.kind"),
        Binding("p", "next_period", "key.report_period", id="summary.period"),
        Binding("l", "next_leader", "key.report_leader", id="summary.leader"),
        Binding("f", "next_format", "key.report_format", id="summary.format"),
        Binding("left_square_bracket", "shift(-1)", "key.report_earlier", id="summary.earlier"),
        Binding("right_square_bracket", "shift(1)", "key.report_later", id="summary.later"),
        Binding("c", "toggle_confidential", "key.report_confidential", id="summary.conf"),
        Binding("escape,q", "close", "key.back", id="summary.back"),
    ]

    choice: reactive[Choice] = reactive(Choice, init=False, always_update=True)
    """The report asked for."""

    def __init__(self, instruction_id: int | None = None) -> None:
        super().__init__()
        self.instruction_id = instruction_id
        self.text = ""
        """The report as plain text, for the clipboard."""

    @property
    def wb_app(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="choices")
        with Horizontal(id="body"):
            with VerticalScroll(id="report"):
                yield Markdown(id="markdown")
            with Vertical(id="picture"):
                yield Static(id="lights")
                yield Static(id="per-day")
        yield Static(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#report").border_title = t("tui.summary.report")
        self.query_one("#picture").border_title = t("tui.summary.picture")
        self.choice = Choice()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")

    def watch_choice(self, choice: Choice) -> None:
        self._show_choices()
        self.query_one("#status", Static).update(Content(t("tui.summary.loading")))
        self._load(choice)

    def request(self) -> ReportRequest:
        choice = self.choice
        if choice.kind == "instruction":
            return ReportRequest("instruction", instruction_id=self.instruction_id,
                                 include_confidential=choice.include_confidential)  # fmt: skip
        period = _period(choice, self.wb_app.workbench.now().date())
        return ReportRequest(choice.kind, period=period, leader=choice.leader,
                             include_confidential=choice.include_confidential)  # fmt: skip

    def _show_choices(self) -> None:
        choice = self.choice
        request = self.request()

        def item(label_key: str, value: str) -> Content:
            return Content.assemble((t(label_key) + " ", "$text-muted"), (value, "bold"), "   ")

        parts = [item("tui.summary.kind", t(f"tui.summary.kind.{choice.kind}"))]
        if request.period is not None:
            parts.append(item("tui.summary.period", _period_words(request.period)))
            parts.append(item("tui.summary.leader", choice.leader or t("tui.summary.everyone")))
        parts.append(item("tui.summary.format", choice.fmt))
        if choice.include_confidential:
            parts.append(Content.styled(t("tui.confidential_tag"), "bold $warning"))
        self.query_one("#choices", Static).update(Content("").join(parts))

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _load(self, choice: Choice) -> None:
        """Build the report off the UI thread (a year of records takes a moment)."""
        from workbench.service import reports

        wb = self.wb_app.workbench
        request = self.request()
        try:
            if request.kind == "instruction" and request.instruction_id is None:
                raise ValueError(t("tui.summary.no_instruction"))
            view_request = request if request.kind != "ledger" else replace(request, kind="summary")
            markdown = reports.render(wb, view_request, "md")
            text = reports.render(wb, view_request, "text")
            picture = None
            if request.period is not None:
                result = reports.summary(wb, request.period, leader=request.leader,
                                         include_confidential=request.include_confidential,
                                         compare=False)  # fmt: skip
                per_day = reports.tasks_done_per_day(
                    wb, request.period, include_confidential=request.include_confidential
                )
                picture = ([item.light for item in result.items], per_day)
        except Exception as err:  # shown to the user, never a crash
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._failed, str(err))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, markdown, text, picture)

    def _failed(self, message: str) -> None:
        self.text = ""
        self.query_one("#markdown", Markdown).update("")
        self.query_one("#status", Static).update(Content.styled(message, "$error"))

    def _loaded(self, markdown: str, text: str, picture) -> None:
        self.text = text
        self.query_one("#markdown", Markdown).update(markdown)
        self.query_one("#status", Static).update(Content(t("tui.summary.ready")))
        lights = self.query_one("#lights", Static)
        per_day = self.query_one("#per-day", Static)
        if picture is None:
            lights.update("")
            per_day.update("")
            return
        colours, days = picture
        light_rows = [
            (t(f"light.short.{light.value}"), colours.count(light), LIGHT_STYLES[light])
            for light in (Light.RED, Light.YELLOW, Light.GREEN, Light.GREY)
        ]
        lights.update(
            Content.styled(t("tui.summary.by_light"), "bold") + Content("\n") + bars(light_rows)
        )
        today = self.wb_app.workbench.now().date()
        shown = [(day, n) for day, n in days.items() if day <= today][-DAYS_SHOWN:]
        day_rows = [
            (f"{format_date_short(day):>6} {weekday_name(day, short=True)}", n, "on $accent")
            for day, n in shown
        ]
        per_day.update(
            Content("\n")
            + Content.styled(t("tui.summary.done_per_day"), "bold")
            + Content("\n")
            + bars(day_rows, BAR - 8)
        )

    # ------------------------------------------------------------------ keys

    def action_next_kind(self) -> None:
        kinds = [k for k in KINDS if k != "instruction" or self.instruction_id is not None]
        kind = kinds[(kinds.index(self.choice.kind) + 1) % len(kinds)]
        formats = FILE_FORMATS[kind]
        fmt = self.choice.fmt if self.choice.fmt in formats else formats[0]
        self.choice = replace(self.choice, kind=kind, fmt=fmt)

    def action_next_period(self) -> None:
        period = PERIODS[(PERIODS.index(self.choice.period) + 1) % len(PERIODS)]
        self.choice = replace(self.choice, period=period, shift=0)

    def action_shift(self, step: int) -> None:
        self.choice = replace(self.choice, shift=self.choice.shift + step)

    def action_next_leader(self) -> None:
        leaders: list[str | None] = [None, *self.wb_app.workbench.leaders()]
        index = leaders.index(self.choice.leader) if self.choice.leader in leaders else 0
        self.choice = replace(self.choice, leader=leaders[(index + 1) % len(leaders)])

    def action_next_format(self) -> None:
        formats = FILE_FORMATS[self.choice.kind]
        index = formats.index(self.choice.fmt) if self.choice.fmt in formats else -1
        self.choice = replace(self.choice, fmt=formats[(index + 1) % len(formats)])

    def action_toggle_confidential(self) -> None:
        self.choice = replace(
            self.choice, include_confidential=not self.choice.include_confidential
        )

    def action_copy(self) -> None:
        """y: the report as plain text, ready to paste into a message."""
        if not self.text:
            self.app.bell()
            return
        self.app.copy_to_clipboard(self.text)
        self.notify(t("tui.summary.copied"), markup=False, timeout=3)

    def action_write(self) -> None:
        """w: save in the chosen format; asks before replacing a file."""
        self.wb_app.save_report(self.request(), self.choice.fmt)

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_period", "shift", "next_leader"):
            return self.choice.kind != "instruction"
        return True


def _period_words(period: Period) -> str:
    if period.kind == "month":
        return t("tui.summary.month", year=period.start.year, month=period.start.month)
    return t(
        "tui.summary.range",
        start=format_date_short(period.start),
        end=format_date_short(period.end),
    )
