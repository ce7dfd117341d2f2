"""The floor: an empty Textual app (an input line and one line of text), started the same
way as the workbench, so its first frame is what any Textual app costs on this machine.
Ctrl+Q quits (Textual's own binding)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

MARKER = "EMPTY-APP-READY"


class EmptyApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="type here")
        yield Static(MARKER)


if __name__ == "__main__":
    EmptyApp().run()
