"""Keys as the footer writes them (⏎ e, !, +), for the help screen and the command palette."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding


def key_names(app: App, keys: str) -> str:
    """A binding's keys (`enter,e`, `exclamation_mark`) as the user sees them: `⏎ e`, `!`."""
    return " ".join(app.get_key_display(Binding(key, "")) for key in keys.split(","))
