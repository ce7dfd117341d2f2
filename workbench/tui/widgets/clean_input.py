"""An Input that never holds a terminal escape or control character, and that does not
lay the whole screen out on every keystroke.

Every way text enters an Input — typing, pasting, the clipboard — goes through `replace`,
so cleaning there means a pasted `ESC ] 52 …` (set the clipboard) or `ESC [ 2 J` (clear the
screen) is dropped before it is ever drawn, not only when it is saved.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from workbench.domain.text import without_controls


class CleanInput(Input):
    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(without_controls(text), start, end)

    def _watch_value(self, value: str) -> None:
        """Typing changes the width of the text inside this one-line box, which Input
        records as a new virtual size; that assignment asks for a layout, and a layout
        repaints every widget on the screen (tens of milliseconds per keystroke at
        120×40, in the search box and the quick-add line alike). The box itself keeps its
        size, so the new width is recorded without one; the value's own repaint draws the
        text and the cursor keeps scrolling into view."""
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
