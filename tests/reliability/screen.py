"""What the workbench screen shows, read the way the terminal would receive it.

Every widget on every screen in the stack is rendered with `render_lines` (public Textual
API) into strips of segments: their text is exactly what would be written to the terminal
between Textual's own control sequences.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from textual.app import App
from textual.geometry import Region
from textual.widget import Widget


def _widgets(app: App) -> Iterator[Widget]:
    for screen in app.screen_stack:
        yield screen
        for widget in screen.walk_children(Widget):
            if widget.display and widget.size.area:
                yield widget


def segments(app: App) -> Iterator[str]:
    for widget in _widgets(app):
        width, height = widget.size
        for strip in widget.render_lines(Region(0, 0, width, height)):
            for segment in strip:
                if segment.control is None:
                    yield segment.text


def lines(widget: Widget) -> list[str]:
    width, height = widget.size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


def controls_shown(app: App) -> list[str]:
    """Control characters (ESC, BEL, NUL, C1…) in any text on screen: there must be none."""
    found = []
    for text in segments(app):
        for ch in text:
            if unicodedata.category(ch) == "Cc":
                found.append(repr(text))
                break
    return found
