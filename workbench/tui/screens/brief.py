"""The day's briefing, shown once a day when the app starts (and from the palette)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.i18n import t
from workbench.tui.widgets.set_text import SetText


class BriefScreen(ModalScreen[None]):
    """The briefing in a box no taller than the screen.

    Its key line is docked to the box's foot and the text scrolls above it: a long briefing
    on a short terminal (80×24) keeps the line that says how to leave, and every item can
    be scrolled to.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q,space", "close", "key.back", id="brief.close"),
    ]

    DEFAULT_CSS = """
    BriefScreen { align: center middle; }
    BriefScreen > #brief {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    BriefScreen #brief-body { height: auto; }
    BriefScreen #brief-scroll { height: auto; max-height: 1fr; }
    BriefScreen #brief-keys { dock: bottom; height: 2; padding-top: 1; color: $text-muted; }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="brief"):
            with VerticalScroll(id="brief-scroll"):
                yield SetText(self.text, id="brief-body")
            yield Static(Content(t("tui.brief.keys")), id="brief-keys")

    def action_close(self) -> None:
        self.dismiss(None)
