"""A bordered pane of the main screen, titled with its name, its count and the search."""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region


class Pane(Vertical):
    """A pane whose title changes as the user types (the count of what a search finds)."""

    _title_only = False

    def set_title(self, title: Content) -> None:
        """Show a new title, repainting only the border line it sits on.

        Textual repaints the whole widget when its border title is set: for a pane, every
        line of its border and of the list inside, which the list draws again anyway when
        its rows change. That was 2–3 ms of each search keystroke's frame (measured at
        100,000 tasks) for a change to one line."""
        self._title_only = True
        try:
            self.border_title = title
        finally:
            self._title_only = False

    def refresh(self, *regions: Region, **kwargs: Any) -> Pane:
        if self._title_only and not regions and not kwargs:
            # Regions are given relative to the content; the title is on the border above.
            left, top = self.content_offset
            regions = (Region(-left, -top, self.outer_size.width, 1),)
        super().refresh(*regions, **kwargs)
        return self
