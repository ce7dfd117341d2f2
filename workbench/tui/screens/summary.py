"""The summary screen (S): pick the report, the period and the leader with keys, read it,
then copy it (y) or save it (w).

Beside the report, a small picture of the period: instructions by light and tasks done
per day, drawn with coloured blank cells rather than block glyphs (which are
ambiguous-width and misalign in CJK terminals).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from workbench.domain.humanize import format_date_short, weekday_name
from workbench.domain.models import Light
from workbench.domain.records import record, replace
from workbench.domain.summary import Period
from workbench.i18n import t
from workbench.service.reports import FILE_FORMATS, Preview, ReportRequest
from workbench.tui.widgets.keybar import KeyBar
from workbench.tui.widgets.report_view import ReportView

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


@record(frozen=True)
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


def bars(values: list[tuple[str, int, str]], room: int) -> Content:
    """Label, a bar of coloured blank cells, the number: each row within `room` cells (the
    longest bar at most BAR), so that no row wraps."""
    top = max((v for _, v, _ in values), default=0) or 1
    label_cells = max((cell_len(label) for label, _, _ in values), default=0)
    number_cells = max((len(str(v)) for _, v, _ in values), default=1)
    width = max(1, min(BAR, room - label_cells - number_cells - 2))
    lines = []
    for label, value, style in values:
        size = round(width * value / top) if value else 0
        pad = " " * (label_cells - cell_len(label))
        lines.append(Content.assemble(f"{label}{pad} ", (" " * size, style),
                                      " " * (width - size + 1), str(value)))  # fmt: skip
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
        self._preview: Preview | None = None

    @property
    def wb_app(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="choices")
        with Horizontal(id="body"):
            yield ReportView(id="report")
            with Vertical(id="picture"):
                yield Static(id="lights")
                yield Static(id="per-day")
        yield Static(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#report").border_title = t("tui.summary.report")
        self.query_one("#picture").border_title = t("tui.summary.picture")
        self.choice = Choice()

    def on_unmount(self) -> None:
        self.text, self._preview = "", None

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")
        self.call_after_refresh(self._draw_picture)

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
        """Read the report off the UI thread (a year of records takes a moment)."""
        from workbench.service import reports

        request = self.request()
        try:
            if request.kind == "instruction" and request.instruction_id is None:
                raise ValueError(t("tui.summary.no_instruction"))
            preview = reports.preview(self.wb_app.workbench, request)
        except Exception as err:  # shown to the user, never a crash
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._failed, str(err))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, preview)

    def _failed(self, message: str) -> None:
        self.text = ""
        self._preview = None
        self._draw_picture()
        self.query_one(ReportView).show([])
        self.query_one("#status", Static).update(Content.styled(message, "$error"))

    def _loaded(self, preview: Preview) -> None:
        self.text = preview.text
        self._preview = preview
        self.query_one(ReportView).show(preview.blocks)
        self.query_one("#status", Static).update(Content(t("tui.summary.ready")))
        self._draw_picture()

    def _draw_picture(self) -> None:
        """Instructions by light and tasks done per day, as wide as the picture's box."""
        preview = self._preview
        lights = self.query_one("#lights", Static)
        per_day = self.query_one("#per-day", Static)
        if preview is None or preview.lights is None or preview.done_per_day is None:
            lights.update("")
            per_day.update("")
            return
        light_rows = [
            (t(f"light.short.{light.value}"), preview.lights.count(light), LIGHT_STYLES[light])
            for light in (Light.RED, Light.YELLOW, Light.GREEN, Light.GREY)
        ]
        room = self.query_one("#picture").content_region.width
        lights.update(Content.styled(t("tui.summary.by_light"), "bold") + Content("\n")
                      + bars(light_rows, room))  # fmt: skip
        today = self.wb_app.workbench.now().date()
        shown = [(day, n) for day, n in preview.done_per_day.items() if day <= today]
        day_rows = [
            (f"{format_date_short(day)} {weekday_name(day, short=True)}", n, "on $accent")
            for day, n in shown[-DAYS_SHOWN:]
        ]
        per_day.update(
            Content("\n")
            + Content.styled(t("tui.summary.done_per_day"), "bold")
            + Content("\n")
            + bars(day_rows, room)
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
