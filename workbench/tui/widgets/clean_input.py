"""An Input that never holds a terminal escape or control character.

Every way text enters an Input — typing, pasting, the clipboard — goes through `replace`,
so cleaning there means a pasted `ESC ] 52 …` (set the clipboard) or `ESC [ 2 J` (clear the
screen) is dropped before it is ever drawn, not only when it is saved.
"""

from __future__ import annotations

from textual.widgets import Input

from workbench.domain.text import without_controls


class CleanInput(Input):
    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(without_controls(text), start, end)
