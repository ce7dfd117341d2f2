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
    BriefScreen #brief-scroll { height: auto; max-height: 40; }
    BriefScreen #brief-keys { color: $text-muted; margin-top: 1; }
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
