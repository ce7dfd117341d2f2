"""When a change reaches the screen: several widgets changed by one key, in one frame."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget


def draw_together(widgets: Iterable[Widget]) -> None:
    """Have the screen draw these widgets' pending changes in its next frame.

    Textual tells the screen that a widget needs drawing only when the widget's own
    message queue is next idle. When one key changes several widgets (a letter typed in
    the search box, the list it filters, the pane's title with its count), the screen can
    draw the first it hears of and leave the rest to its next frame, a frame period or
    more later: the rows matching a search keystroke came 25–35 ms after its letter
    (measured at 1,000 and at 100,000 tasks). Passing the requests on now, as that idle
    step would, puts them in one frame. Widgets with nothing pending are left alone.
    """
    for widget in widgets:
        widget._check_refresh()  # Textual's idle step (private API)
