"""Quick-add: one line in the quick-add syntax, with a live preview of what it means.

Enter saves only what the preview shows; a line that is not understood says why and
Enter saves nothing. The box stays open while the line is saved: it closes in the frame
that shows the task in its place (one repaint of the screen, not two), and a save that is
refused (a locked or full disk) keeps everything typed, with the reason under it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from workbench.domain.humanize import describe_recurrence, describe_when
from workbench.domain.models import Category, Importance
from workbench.domain.quickadd import QuickAdd
from workbench.i18n import t
from workbench.tui.widgets.clean_input import CleanInput
from workbench.tui.widgets.set_text import SetText


def preview_content(quick: QuickAdd) -> Content:
    """What was understood, field by field; the user's words stay plain text."""

    def item(label_key: str, value: str, style: str = "") -> Content:
        return Content.assemble((t(label_key) + " ", "$text-muted"), (value, style))

    parts = [item("tui.preview.title", quick.title, "bold")]
    if quick.due is not None:
        parts.append(item("tui.preview.due", describe_when(quick.due), "$success"))
    if quick.recurrence:
        parts.append(
            item(
                "tui.preview.repeat", describe_recurrence(quick.recurrence, quick.working_days_only)
            )
        )
    parts.append(
        item(
            "tui.preview.importance",
            t(f"importance.{quick.importance.value}"),
            "bold $accent" if quick.importance is Importance.HIGH else "",
        )
    )
    if quick.urgent:
        parts.append(Content.styled(t("urgency.term.urgent"), "bold $error"))
    if quick.tags:
        parts.append(item("tui.preview.tags", " ".join(f"#{tag}" for tag in quick.tags)))
    if quick.category is not Category.OTHER:
        parts.append(item("tui.preview.category", t(f"category.{quick.category.value}")))
    if quick.confidential:
        parts.append(Content.styled(t("tui.confidential_tag"), "bold $warning"))
    return Content("\n").join(parts)


Save = Callable[[QuickAdd, "QuickAddScreen"], None]
"""Start saving the line; call the screen's `saved` once it is shown, `refused` if not."""


class QuickAddScreen(ModalScreen[None]):
    """One line, its preview, and Enter to save it through `save`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="quick.cancel"),
    ]

    DEFAULT_CSS = """
    QuickAddScreen { align: center middle; }
    QuickAddScreen > #quick {
        width: 80; max-width: 100%; height: auto;
        border: round $accent; background: $panel; padding: 0 1;
    }
    QuickAddScreen #quick-title { text-style: bold; color: $accent; }
    QuickAddScreen #quick-subtitle { color: $text-muted; }
    QuickAddScreen #quick-line { margin: 1 0; }
    QuickAddScreen #quick-preview { height: auto; min-height: 3; }
    QuickAddScreen #quick-preview.-error { color: $error; }
    QuickAddScreen #quick-help { color: $text-muted; margin-top: 1; height: auto; }
    """

    def __init__(
        self,
        parse: Callable[[str], QuickAdd],
        save: Save,
        *,
        initial: str = "",
        title_key: str = "tui.quick_add.title",
        subtitle: str = "",
    ) -> None:
        super().__init__()
        self._parse = parse
        self._save = save
        self._saving = False
        self._initial = initial
        self._title_key = title_key
        self._subtitle = subtitle
        """Plain text under the title: the instruction a new task will serve, or what an
        edit keeps that the line does not show."""
        self.parsed: QuickAdd | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="quick"):
            yield Label(Content(t(self._title_key)), id="quick-title")
            if self._subtitle:
                yield SetText(self._subtitle, id="quick-subtitle", max_lines_each=2)
            yield CleanInput(
                self._initial,
                placeholder=t("tui.quick_add.placeholder"),
                id="quick-line",
                compact=True,
            )
            yield Static("", id="quick-preview")
            yield Static(Content(t("tui.quick_add.help")), id="quick-help")

    def on_mount(self) -> None:
        self._show(self._initial)
        self.query_one("#quick-line", Input).focus()

    @on(Input.Changed, "#quick-line")
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, text: str) -> None:
        preview = self.query_one("#quick-preview", Static)
        if not text.strip():
            self.parsed = None
            preview.remove_class("-error")
            preview.update(Content(t("tui.quick_add.empty")))
            return
        try:
            self.parsed = self._parse(text)
        except ValueError as err:
            self.parsed = None
            preview.add_class("-error")
            preview.update(Content(str(err)))
            return
        preview.remove_class("-error")
        preview.update(preview_content(self.parsed))

    @on(Input.Submitted, "#quick-line")
    def _submitted(self) -> None:
        if self.parsed is None or self._saving:
            self.app.bell()
            return
        self._saving = True  # a second Enter must not save the line twice
        self._save(self.parsed, self)

    def saved(self) -> None:
        """The line is saved: close, in the same frame that shows the task."""
        if self.is_current:
            self.dismiss(None)

    def refused(self, message: str) -> None:
        """Saving failed: keep the line, say why, let the user try again or cancel."""
        self._saving = False
        preview = self.query_one("#quick-preview", Static)
        preview.add_class("-error")
        preview.update(Content(message))
        self.app.bell()

    def action_cancel(self) -> None:
        if not self._saving:
            self.dismiss(None)
